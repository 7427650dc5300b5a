"""``triglot stats``: what is translated, fuzzy and left, per language."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys

from triglot.stats import STATES, CatalogStats, catalog_stats

from .common import add_lang_option, selected_languages, settings_from_cwd

_BAR = {"translated": "█", "fuzzy": "▒", "untranslated": "░"}
_COLOUR = {"translated": "\033[32m", "fuzzy": "\033[33m", "untranslated": "\033[2m"}
_RESET = "\033[0m"


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``stats`` command."""
    parser = commands.add_parser("stats", help="translation progress per language and catalog")
    add_lang_option(parser, "report on")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the progress of every catalog."""
    settings = settings_from_cwd()
    stats = catalog_stats(settings, selected_languages(settings, args.langs, include_source=False))
    if args.format == "json":
        print(json.dumps([item.as_dict() for item in stats], ensure_ascii=False, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        print(render_table(stats, shutil.get_terminal_size().columns, colour))
    return 0


def render_table(stats: list[CatalogStats], columns: int, colour: bool = False) -> str:
    """A text table, one line per catalog, with a progress bar fitted to *columns*."""
    rows = [_cells(item) for item in stats]
    header = ["lang", "catalog", "done", "translated", "fuzzy", "untranslated", "obsolete", "translation"]
    widths = [max(len(row[index]) for row in [header, *rows]) for index in range(len(header))]
    fixed = sum(widths) + 2 * len(widths)
    bar_width = max(0, min(40, columns - fixed - 2))
    lines = [_line(header, widths, " " * bar_width if bar_width else "")]
    for item, row in zip(stats, rows):
        lines.append(_line(row, widths, _bar(item, bar_width, colour) if bar_width else ""))
    lines.append("per state: messages (source words); translation: size of the translated and fuzzy text")
    return "\n".join(line.rstrip() for line in lines)


def _cells(item: CatalogStats) -> list[str]:
    cells = [item.lang, item.catalog if item.exists else f"{item.catalog} (none)", f"{item.percent:.0f}%"]
    for state in STATES:
        tally = getattr(item, state)
        cells.append(f"{tally.messages} ({tally.source_words:,})")
    size = item.translated.translation_size + item.fuzzy.translation_size
    cells.append(f"{size:,} {item.translation_unit}")
    return cells


def _line(cells: list[str], widths: list[int], bar: str) -> str:
    left = "  ".join(cell.ljust(width) for cell, width in zip(cells[:2], widths[:2]))
    right = "  ".join(cell.rjust(width) for cell, width in zip(cells[2:], widths[2:]))
    return f"{left}  {bar}  {right}" if bar else f"{left}  {right}"


def _bar(item: CatalogStats, width: int, colour: bool) -> str:
    total = item.total.source_words
    parts = []
    used = 0
    for state in ("translated", "fuzzy"):
        size = round(width * getattr(item, state).source_words / total) if total else 0
        size = min(size, width - used)
        parts.append((state, size))
        used += size
    parts.append(("untranslated", width - used))
    if colour:
        return "".join(f"{_COLOUR[state]}{_BAR[state] * size}{_RESET}" for state, size in parts if size)
    return "".join(_BAR[state] * size for state, size in parts)
