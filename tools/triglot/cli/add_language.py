"""``triglot add-language``: start the catalogs of a new edition."""

from __future__ import annotations

import argparse
import os

from .common import settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``add-language`` command."""
    parser = commands.add_parser("add-language", help="create the catalogs of a new language")
    parser.add_argument("language", metavar="L", help="the language code, e.g. kk or uz")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Create the catalogs and add the language to the settings."""
    from triglot.catalog.new_language import add_language  # here: it loads Babel's data, start-up does not

    settings = settings_from_cwd()
    result = add_language(settings, args.language)
    for path in result.created:
        print(f"created {os.path.relpath(path, settings.root)}")
    for path in result.kept:
        print(f"kept {os.path.relpath(path, settings.root)} (it already exists)")
    if result.settings_changed:
        print(f"added {result.lang} to [tool.triglot] languages in {os.path.relpath(settings.pyproject, settings.root)}")
    print(f"next: translate the catalogs, then 'triglot build --lang {result.lang}'")
    return 0
