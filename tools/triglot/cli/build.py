"""``triglot build``: build the editions into build/site/, or into parts (``--part-out``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from triglot.build.editions import FORMATS, BuildResult, refused_translations
from triglot.site.assemble import build_site, export_parts

from triglot.config import check_sphinx_project

from .common import add_lang_option, add_out_option, positive_int, selected_languages, settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``build`` command."""
    parser = commands.add_parser("build", help="build every edition into build/site/",
                                 description="Build the editions (HTML by default) and publish them into build/site/; "
                                             "with --part-out, write each edition and format as a part for "
                                             "'triglot assemble' instead.")
    add_lang_option(parser, "build")
    parser.add_argument("--format", action="append", dest="formats", metavar="FMT", choices=FORMATS,
                        help="html, pdf or epub (repeatable; default: html)")
    add_out_option(parser)
    parser.add_argument("--part-out", metavar="DIR",
                        help="write each edition and format built as a part DIR/<lang>-<format>/, publish nothing")
    parser.add_argument("-j", "--jobs", type=positive_int, default=None,
                        help="editions built at once (default: the number of cores)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build, report each edition, return 0 when all built, 1 otherwise."""
    settings = settings_from_cwd(args.out)
    check_sphinx_project(settings)
    langs = selected_languages(settings, args.langs)
    formats = args.formats or ["html"]
    print(f"triglot: building {', '.join(langs)} ({', '.join(formats)})", file=sys.stderr)
    if args.part_out:
        results, folders = export_parts(settings, langs, formats, Path(args.part_out), args.jobs)
        report(results)
        for folder in folders:
            print(f"triglot: part in {folder}/", file=sys.stderr)
        return 0 if all(result.ok for result in results) else 1
    site = build_site(settings, langs, formats, args.jobs)
    report(site.results)
    state = "site in" if site.published else "nothing changed; site in"
    print(f"triglot: {state} {site.site}/", file=sys.stderr)
    return 0 if site.ok else 1


def report(results: list[BuildResult]) -> None:
    """Print each edition's outcome: built, unchanged or failed (with what matters of the failure)."""
    for outcome in results:
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
