"""``triglot glossary``: check the glossary, export it for translators' tools."""

from __future__ import annotations

import argparse

from .common import not_built_yet


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``glossary check`` and ``glossary export`` commands."""
    parser = commands.add_parser("glossary", help="check or export the glossary")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate the glossary data")
    check.set_defaults(handler=lambda args: not_built_yet("glossary check"))
    export = actions.add_parser("export", help="export as TBX, TBX 2008, CSV or TSV")
    export.add_argument("--format", choices=["tbx", "tbx2008", "csv", "tsv"], required=True)
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.set_defaults(handler=lambda args: not_built_yet("glossary export"))
