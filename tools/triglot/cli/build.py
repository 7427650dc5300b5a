"""``triglot build``: build the editions into build/site/, or into parts (``--part-out``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from triglot.build.editions import FORMATS, BuildResult, refused_translations
from triglot.site.assemble import SiteResult, build_site, export_parts, published_parts

from triglot.config import check_sphinx_project

from .common import (add_lang_option, add_out_option, percentage, positive_int, selected_languages,
                     settings_from_cwd)


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
    parser.add_argument("--min-translated", type=percentage, default=None, metavar="N",
                        help="publish nothing when an edition shows less than N %% of its passages translated "
                             "(default: [tool.triglot] min_translated, else no minimum)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build, report each edition; return 0 when all built, 1 when one failed, 2 when one that built may not be
    published (its catalogs missed the build, or it is below the minimum translated share) or a PDF edition
    lacks a Debian package."""
    settings = settings_from_cwd(args.out)
    check_sphinx_project(settings)
    langs = selected_languages(settings, args.langs)
    formats = args.formats or ["html"]
    minimum = args.min_translated if args.min_translated is not None else settings.min_translated
    print(f"triglot: building {', '.join(langs)} ({', '.join(formats)})", file=sys.stderr)
    if args.part_out:
        results, folders = export_parts(settings, langs, formats, Path(args.part_out), args.jobs, minimum)
        report(results, settings.source_language)
        for folder in folders:
            print(f"triglot: part in {folder}/", file=sys.stderr)
        return refusal(results, "no part written") or failure_code(results)
    site = build_site(settings, langs, formats, args.jobs, minimum)
    report(site.results, settings.source_language)
    code = refusal(site.results, f"nothing published; {site.site} is as it was")
    if code:
        return code
    state = "site in" if site.published else "nothing changed; site in"
    print(f"triglot: {state} {site.site}/{failed_editions(site)}", file=sys.stderr)
    return failure_code(site.results)


def failure_code(results: list[BuildResult]) -> int:
    """0 when every edition built; 2 when one lacks a Debian package (the machine's set-up is wrong); else 1."""
    if all(result.ok for result in results):
        return 0
    return 2 if any(result.missing for result in results) else 1


def failed_editions(site: SiteResult) -> str:
    """What the published site holds of the editions that failed: their earlier version, or nothing."""
    failed = [result.edition for result in site.results if not result.ok]
    if not failed:
        return ""
    held = published_parts(site.site)
    kept = [f"{edition.lang} {edition.fmt}" for edition in failed if f"{edition.lang}/{edition.fmt}" in held]
    absent = [f"{edition.lang} {edition.fmt}" for edition in failed if f"{edition.lang}/{edition.fmt}" not in held]
    said = ([f"the earlier {', '.join(kept)} kept"] if kept else []) + (
        [f"without {', '.join(absent)}"] if absent else [])
    return f" ({'; '.join(said)}: failed in this build)"


def refusal(results: list[BuildResult], consequence: str) -> int:
    """Say which editions may not be published and return 2, or return 0 when all that built may be."""
    refused = [result for result in results if result.ok and not result.publishable]
    if not refused:
        return 0
    names = ", ".join(f"{result.edition.lang} {result.edition.fmt}" for result in refused)
    print(f"triglot: error: {names}: not publishable ({consequence})", file=sys.stderr)
    return 2


def report(results: list[BuildResult], source: str) -> None:
    """Print each edition's outcome: built, unchanged or failed (with what matters of the failure), and for a
    translation (*source* is the source language) the passages it shows translated."""
    for outcome in results:
        edition = outcome.edition
        status = ("ERROR" if outcome.problem else "unchanged" if outcome.skipped else "ok" if outcome.ok
                  else "FAILED")
        share = f"  {outcome.passages.share()}" if outcome.passages and edition.lang != source else ""
        print(f"  {edition.lang:<6} {edition.fmt:<5} {status}{share}", file=sys.stderr)
        if outcome.problem:
            print(f"    {outcome.problem}", file=sys.stderr)
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
