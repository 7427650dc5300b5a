"""Test-only: switch off the security layers named in ``TRIGLOT_TEST_DISABLE`` in every Python process of a build.

A test puts this folder on ``PYTHONPATH`` to show that, with one layer (or
two) switched off, the others still stop an attack. Names (comma-separated):
``refusal`` (layer 1: the decision of triglot.refusal; every translation is
used), ``i18n`` (layer 2: Sphinx parses msgstrs unconfined), ``tex`` (layer 3:
latexmk and LuaLaTeX run as Sphinx's defaults would). Nothing in triglot
itself reads this variable.
"""

import os

_OFF = set(filter(None, os.environ.get("TRIGLOT_TEST_DISABLE", "").split(",")))

if "refusal" in _OFF:
    import triglot.sanitize

    triglot.sanitize.refusal_reason = lambda msgid, msgstr: None
if "i18n" in _OFF:
    import triglot.sphinx.i18n_guard

    triglot.sphinx.i18n_guard.install = lambda: None
if "tex" in _OFF:
    import triglot.build.tex_sandbox

    triglot.build.tex_sandbox.latexmk_command = lambda output, tex_file: [
        "latexmk", "-pdflua", "-interaction=nonstopmode", "-halt-on-error", tex_file]
    triglot.build.tex_sandbox.environment = lambda output, base: {**base, "LATEXOPTS": ""}
