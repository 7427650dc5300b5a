"""``triglot update``: extract the templates and merge them into every catalog."""

from __future__ import annotations

import argparse
import os
import sys

from triglot.catalog.update import CatalogUpdate, apply_update, plan_update

from triglot.config import check_sphinx_project

from .common import add_lang_option, selected_languages, settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``update`` command."""
    parser = commands.add_parser("update", help="extract the POT and merge it into the PO catalogs")
    add_lang_option(parser, "update")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything would change")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Update (or, with --check, only compare) the templates and catalogs."""
    settings = settings_from_cwd()
    check_sphinx_project(settings)
    langs = selected_languages(settings, args.langs, include_source=False)
    print(f"triglot: extracting messages from {os.path.relpath(settings.docs, settings.root)}/ with Sphinx's "
          f"gettext builder, merging into {', '.join(langs) or 'no language'}", file=sys.stderr)
    updates = plan_update(settings, langs)
    changed = [update for update in updates if update.changed]
    if args.check:
        for update in changed:
            print(f"would {_verb(update)} {_shown(update, settings.root)}: {_summary(update)}")
        if not changed:
            print("catalogs are up to date")
        return 1 if changed else 0
    written = apply_update(updates, settings.root)
    for update in written:
        print(f"{_verb(update)}d {_shown(update, settings.root)}: {_summary(update)}")
    if not written:
        print("catalogs are up to date")
    return 0


def _verb(update: CatalogUpdate) -> str:
    return "create" if update.before is None else "update"


def _shown(update: CatalogUpdate, root: os.PathLike[str]) -> str:
    return os.path.relpath(update.path, root)


def _summary(update: CatalogUpdate) -> str:
    if update.lang is None:
        return f"template, {update.untranslated} messages"
    return (f"{update.translated} translated, {update.fuzzy} fuzzy, {update.untranslated} untranslated, "
            f"{update.obsolete} obsolete")
