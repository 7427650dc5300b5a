"""``triglot glossary``: check the glossary, export it for translators' tools."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from triglot.fs import atomic_write
from triglot.glossary import check_glossary, load_glossary
from triglot.glossary.export import FORMATS, export_glossary

from .common import settings_from_cwd

EXIT_OK, EXIT_USAGE = 0, 2


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``glossary check`` and ``glossary export`` commands."""
    parser = commands.add_parser("glossary", help="check or export the glossary")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate the glossary data")
    check.add_argument("path", nargs="?", metavar="PATH", help="a glossary folder or file (default: the project's glossary)")
    check.set_defaults(handler=run_check)
    export = actions.add_parser("export", help="export as TBX, TBX 2008, CSV or TSV")
    export.add_argument("--format", choices=list(FORMATS), required=True,
                        help="tbx: TBX-Basic (ISO 30042:2019); tbx2008: TBX 2008 (martif) for Weblate and "
                             "translate-toolkit; csv: Weblate glossary; tsv: OmegaT glossary")
    export.add_argument("--lang", metavar="L", help="target language of the bilingual csv and tsv exports")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.set_defaults(handler=run_export)


def _shown(path: Path) -> Path:
    """*path* relative to the working folder when it lies inside it, for shorter messages."""
    try:
        return Path(os.path.relpath(path)) if path.resolve().is_relative_to(Path.cwd().resolve()) else path
    except ValueError:
        return path


def run_check(args: argparse.Namespace) -> int:
    """Print every problem as ``file:line: message``; exit 2 if there is any."""
    settings = settings_from_cwd()
    path = Path(args.path) if args.path else _shown(settings.glossary)
    glossary, problems = check_glossary(path, settings.languages, source_language=settings.source_language,
                                        root=None if args.path else settings.root)
    for problem in problems:
        print(f"triglot: error: {problem}", file=sys.stderr)
    if problems:
        return EXIT_USAGE
    published = len(glossary.published())
    print(f"{path}: {len(glossary)} entries ({published} published) in {len(glossary.files)} files: no problems")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """Write the export to FILE (atomically) or to standard output."""
    settings = settings_from_cwd()
    if args.lang and args.format not in ("csv", "tsv"):
        print(f"triglot: error: --lang applies to the csv and tsv exports only; {args.format} holds every language",
              file=sys.stderr)
        return EXIT_USAGE
    glossary = load_glossary(_shown(settings.glossary), settings.languages, source_language=settings.source_language,
                             root=settings.root)
    data = export_glossary(glossary, args.format, args.lang)
    if args.output:
        atomic_write(Path(args.output), data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK
