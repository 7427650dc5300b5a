"""``triglot export-tmx``, ``export-xliff``, ``import-xliff``, ``export-rst``: the translations for other tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.fs import atomic_write

from .common import selected_languages, settings_from_cwd

EXIT_OK, EXIT_USAGE = 0, 2


def register(commands: argparse._SubParsersAction) -> None:
    """Add the exchange commands."""
    tmx = commands.add_parser("export-tmx", help="a TMX 1.4b translation memory of one language's catalogs",
                              description="Write the translated messages of language L's catalogs as TMX 1.4b "
                                          "(source language to L); fuzzy ones carry <prop type=\"x-fuzzy\">yes</prop>.")
    _lang_and_output(tmx)
    tmx.set_defaults(handler=run_export_tmx)
    xliff = commands.add_parser("export-xliff", help="an XLIFF 2.0 file of one language's catalogs, for CAT tools",
                                description="Write every singular message of language L's catalogs as XLIFF 2.0: "
                                            "state initial (untranslated, or fuzzy with a target), translated.")
    _lang_and_output(xliff)
    xliff.set_defaults(handler=run_export_xliff)
    back = commands.add_parser("import-xliff", help="take the translations of an XLIFF 2.0 file back into the catalogs",
                               description="Write the targets of FILE (made by export-xliff) into the catalogs of "
                                           "its trgLang, through the checks a build applies: one unsafe translation "
                                           "and nothing is written (exit 2, each named by its XLIFF line).")
    back.add_argument("file", metavar="FILE", help="the XLIFF 2.0 file")
    back.set_defaults(handler=run_import_xliff)
    rst = commands.add_parser("export-rst", help="the source folder with language L's translations written in",
                              description="Write the Sphinx source folder to DIR with every translation the build of "
                                          "language L uses written into the reStructuredText files; a paragraph, title "
                                          "or rubric kept in the source language gets a comment saying so.")
    rst.add_argument("--lang", metavar="L", required=True, help="the translation's language")
    rst.add_argument("-o", "--output", metavar="DIR", required=True, help="a new (or empty) folder")
    rst.set_defaults(handler=run_export_rst)


def _lang_and_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", metavar="L", required=True, help="the translation's language")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")


def _language(args: argparse.Namespace) -> tuple[Settings, str]:
    settings = settings_from_cwd()
    [lang] = selected_languages(settings, [args.lang])
    return settings, lang


def _write(data: bytes, output: str | None) -> None:
    if output:
        atomic_write(Path(output), data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def run_export_tmx(args: argparse.Namespace) -> int:
    """Write the TMX file."""
    from triglot.exchange.catalogs import language_catalogs
    from triglot.exchange.tmx import memory_units, tmx_document

    settings, lang = _language(args)
    units = memory_units(language_catalogs(settings, lang))
    _write(tmx_document(units, settings.source_language, lang), args.output)
    return EXIT_OK


def run_export_xliff(args: argparse.Namespace) -> int:
    """Write the XLIFF file."""
    from triglot.exchange.catalogs import language_catalogs
    from triglot.exchange.xliff import xliff_document

    settings, lang = _language(args)
    _write(xliff_document(language_catalogs(settings, lang), settings.source_language, lang), args.output)
    return EXIT_OK


def run_import_xliff(args: argparse.Namespace) -> int:
    """Check every target, then write the catalogs that change (all or none)."""
    from triglot.exchange.catalogs import language_catalogs
    from triglot.exchange.xliff import import_xliff, read_xliff

    settings = settings_from_cwd()
    path = Path(args.file)
    root, source_lang, target_lang = read_xliff(path)
    if source_lang != settings.source_language:
        raise TriglotError(f"srcLang {source_lang!r}: this project's source language is {settings.source_language!r}",
                           path, root.sourceline)
    [lang] = selected_languages(settings, [target_lang])
    catalogs = {item.name: item for item in language_catalogs(settings, lang)}
    imported = import_xliff(path, root, catalogs)
    for problem in imported.kept_unsafe:
        print(f"triglot: warning: {problem} (already in the catalog, unchanged: the build refuses it)", file=sys.stderr)
    if imported.refusals:
        for refusal in imported.refusals:
            print(f"triglot: error: {refusal}", file=sys.stderr)
        print(f"triglot: error: {path}: import refused, no catalog changed: the build would refuse these "
              "translations: fix them in the XLIFF file and import it again", file=sys.stderr)
        return EXIT_USAGE
    for catalog, data in imported.files.items():
        atomic_write(catalog, data, root=settings.root)
    print(f"{path}: {imported.changed} message{'' if imported.changed == 1 else 's'} changed in "
          f"{len(imported.files)} catalog{'' if len(imported.files) == 1 else 's'}")
    return EXIT_OK


def run_export_rst(args: argparse.Namespace) -> int:
    """Write the translated source folder; report what stays in the source language and why."""
    from triglot.exchange.rst_tree import export_rst

    settings, lang = _language(args)
    result = export_rst(settings, lang, Path(args.output))
    for refusal in result.refusals:
        print(f"triglot: warning: {refusal.location}: translation refused, the source text is kept: {refusal.reason}",
              file=sys.stderr)
    for source, message in result.unplaced:
        where = f"{source}:{message.line}" if message.line else str(source)
        print(f"triglot: warning: {where}: not found as a block of its own in the file, left as it is: "
              f"{message.msgid[:60]!r}", file=sys.stderr)
    if result.terms_kept:
        print(f"triglot: warning: {result.terms_kept} glossary terms kept in the source language, so that every "
              ":term: reference still finds its entry (their definitions are translated)", file=sys.stderr)
    for source in result.not_rst:
        print(f"triglot: warning: {source}: not reStructuredText, copied untranslated", file=sys.stderr)
    print(f"{args.output}: {result.files} files, {result.translated} messages translated, "
          f"{result.kept} kept in the source language")
    return EXIT_OK
