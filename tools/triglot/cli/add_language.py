"""``triglot add-language``: start the catalogs of a new edition."""

from __future__ import annotations

import argparse

from .common import not_built_yet


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``add-language`` command."""
    parser = commands.add_parser("add-language", help="create the catalogs of a new language")
    parser.add_argument("language", metavar="L", help="the language code, e.g. kk or uz")
    parser.set_defaults(handler=lambda args: not_built_yet("add-language"))
