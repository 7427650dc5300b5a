"""``triglot build``: build the editions into build/site/."""

from __future__ import annotations

import argparse
import sys

from triglot.build.editions import FORMATS, refused_translations
from triglot.site.assemble import build_site

from triglot.config import check_sphinx_project

from .common import add_lang_option, positive_int, selected_languages, settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``build`` command."""
    parser = commands.add_parser("build", help="build every edition into build/site/",
                                 description="Build the editions (HTML by default) and publish them into build/site/.")
    add_lang_option(parser, "build")
    parser.add_argument("--format", action="append", dest="formats", metavar="FMT", choices=FORMATS,
                        help="html, pdf or epub (repeatable; default: html)")
    parser.add_argument("--out", metavar="DIR", help="build folder (default: the project's build setting)")
    parser.add_argument("-j", "--jobs", type=positive_int, default=None,
                        help="editions built at once (default: the number of cores)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build, report each edition, return 0 when all built, 1 otherwise."""
    settings = settings_from_cwd()
    check_sphinx_project(settings)
    if args.out:
        from dataclasses import replace
        from pathlib import Path

        settings = replace(settings, build=Path(args.out).resolve())
    langs = selected_languages(settings, args.langs)
    formats = args.formats or ["html"]
    print(f"triglot: building {', '.join(langs)} ({', '.join(formats)})", file=sys.stderr)
    result = build_site(settings, langs, formats, args.jobs)
    for outcome in result.results:
        edition = outcome.edition
        status = "unchanged" if outcome.skipped else "ok" if outcome.ok else "FAILED"
        print(f"  {edition.lang:<6} {edition.fmt:<5} {status}", file=sys.stderr)
        refused, whole_catalog = refused_translations(edition) if outcome.ok else (0, False)
        if whole_catalog:
            print(f"    its catalog was refused (shown in the source language): see {edition.log}", file=sys.stderr)
        if refused:
            plural = "translation" if refused == 1 else "translations"
            print(f"    {refused} {plural} refused as unsafe (shown in English): see {edition.log}", file=sys.stderr)
        if not outcome.ok:
            print("    " + outcome.message.replace("\n", "\n    "), file=sys.stderr)
            if outcome.log is not None:
                print(f"    full log: {outcome.log}", file=sys.stderr)
    state = "site in" if result.published else "nothing changed; site in"
    print(f"triglot: {state} {result.site}/", file=sys.stderr)
    return 0 if result.ok else 1
