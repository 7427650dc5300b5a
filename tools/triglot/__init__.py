"""triglot: a multilingual edition pipeline for Sphinx projects."""

__version__ = "0.1.0"
