"""``triglot check``: translation QA on the PO catalogs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from triglot.config import Settings, load_settings
from triglot.errors import TriglotError

from .common import add_lang_option, positive_int, selected_languages


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``check`` command."""
    parser = commands.add_parser(
        "check", help="check the translations (markup, terms, numbers, typography)",
        description="Check PO catalogs: markup, terminology, numbers, typography, consistency, transliteration. "
                    "Silence a check for one message with '# triglot: ignore <id>' (a translator comment) "
                    "or a '#, triglot-ignore-<id>' flag.",
    )
    add_lang_option(parser, "check")
    parser.add_argument("--format", choices=["text", "json", "github"], default="text", help="output format")
    parser.add_argument("--fail-on", choices=["error", "warning", "info", "never"], default="error",
                        help="exit 1 when a finding is at least this severe (default: error)")
    parser.add_argument("--enable", action="append", default=[], metavar="ID",
                        help="also run these checks or families (comma-separated, repeatable; 'all' for every one)")
    parser.add_argument("--disable", action="append", default=[], metavar="ID",
                        help="skip these checks or families (comma-separated, repeatable)")
    parser.add_argument("--glossary", metavar="PATH", help="the glossary (default: the project's, if any)")
    parser.add_argument("-j", "--jobs", type=positive_int, default=None,
                        help="processes for many catalogs (default: the number of cores)")
    parser.add_argument("--list", action="store_true", help="list the checks with their documentation and exit")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="PO files or folders to check (default: the project's catalogs)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check, print the findings, return 1 if one is at or above --fail-on, else 0."""
    # Imported here: the checks load docutils, which the other commands' start-up does not need.
    from triglot.checks import count_at_or_above, iter_docs, run_checks, select_checks
    from triglot.checks.collect import po_files, project_files, read_catalogs
    from triglot.checks.output import as_github, as_json, as_text, check_list

    if args.list:
        sys.stdout.write(check_list(list(iter_docs())))
        return 0
    checks = select_checks(_names(args.enable), _names(args.disable))
    settings = _settings(required=not args.paths)
    if args.paths:
        files = po_files([Path(p) for p in args.paths])
        langs = args.langs
    else:
        assert settings is not None
        langs = selected_languages(settings, args.langs, include_source=False)
        files = project_files(settings, langs)
    catalogs = read_catalogs(files, langs)
    findings = run_checks(catalogs, checks, _glossary(args.glossary, settings), args.jobs,
                          **({"source_language": settings.source_language, "typography": settings.typography}
                             if settings is not None else {}))
    if args.format == "json":
        sys.stdout.write(as_json(findings, len(catalogs)))
    elif args.format == "github":
        sys.stdout.write(as_github(findings))
    else:
        sys.stdout.write(as_text(findings, len(catalogs)))
    if args.fail_on != "never" and count_at_or_above(findings, args.fail_on):
        return 1
    return 0


def _names(values: list[str]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _settings(required: bool) -> Settings | None:
    try:
        return load_settings()
    except TriglotError:
        if required:
            raise
        return None


def _glossary(path: str | None, settings: Settings | None) -> Any:
    from triglot.glossary import load_glossary, project_glossary

    if path is not None:
        return load_glossary(Path(path))
    return project_glossary(settings) if settings is not None else None
