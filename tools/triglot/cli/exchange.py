"""``triglot export-tmx``, ``export-xliff``, ``import-xliff``: catalogs to and from CAT tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from triglot.fs import atomic_write

from .common import selected_languages, settings_from_cwd

EXIT_OK = 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add the exchange commands."""
    tmx = commands.add_parser("export-tmx", help="a TMX 1.4b translation memory of one language's catalogs",
                              description="Write the translated messages of language L's catalogs as TMX 1.4b "
                                          "(source language to L); fuzzy ones carry <prop type=\"x-fuzzy\">yes</prop>.")
    _lang_and_output(tmx)
    tmx.set_defaults(handler=run_export_tmx)


def _lang_and_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", metavar="L", required=True, help="the translation's language")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")


def _language(args: argparse.Namespace) -> tuple:
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
