"""``triglot check``: translation QA on the PO catalogs."""

from __future__ import annotations

import argparse

from .common import add_lang_option, not_built_yet


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``check`` command."""
    parser = commands.add_parser("check", help="check the translations (markup, terms, numbers, typography)")
    add_lang_option(parser, "check")
    parser.add_argument("--format", choices=["text", "json", "github"], default="text", help="output format")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="PO files to check (default: the project's catalogs)")
    parser.set_defaults(handler=lambda args: not_built_yet("check"))
