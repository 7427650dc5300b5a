"""``triglot update``: extract the templates and merge them into every catalog."""

from __future__ import annotations

import argparse

from .common import add_lang_option, not_built_yet


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``update`` command."""
    parser = commands.add_parser("update", help="extract the POT and merge it into the PO catalogs")
    add_lang_option(parser, "update")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would change")
    parser.set_defaults(handler=lambda args: not_built_yet("update"))
