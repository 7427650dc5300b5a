"""``triglot stats``: what is translated, fuzzy and left, per language."""

from __future__ import annotations

import argparse

from .common import add_lang_option, not_built_yet


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``stats`` command."""
    parser = commands.add_parser("stats", help="translation progress per language and catalog")
    add_lang_option(parser, "report on")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.set_defaults(handler=lambda args: not_built_yet("stats"))
