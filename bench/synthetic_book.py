"""A synthetic book N times the article, for the scale benchmarks: the article and N - 1 distinct copies of it.

Copy k is ``docs/part-<k>.rst``: the article's text (not its toctree and
description) with every paragraph, title, note and rubric ending in
"(Part k.)", so that each copy's messages are distinct (Sphinx would merge
identical ones into one message); the article's toctree lists the copies.
The Russian and Japanese catalogs get each translated message of the article
once per copy, its translation ending in «(Часть k.)» / 「（第k部）」. The
glossary, the other documents and the settings are the project's.

Usage: ``.venv/bin/python bench/synthetic_book.py N TARGET``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polib

from project_copy import copy_project

SUFFIXES = {"en": " (Part {k}.)", "ru": " (Часть {k}.)", "ja": "（第{k}部）"}
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1+$")
# Lines that start a text the catalogs translate: a paragraph or title, a note, a rubric.
_TRANSLATED_DIRECTIVE = re.compile(r"^\.\. (?:\[[^\]]+\]|rubric::) ")


def copy_of_article(article: str, k: int) -> str:
    """The article's text (up to its toctree) with every translated text ending in "(Part k.)"."""
    lines = article.split("\n")
    lines = lines[:next(i for i, line in enumerate(lines) if line.startswith(".. toctree::"))]
    suffix = SUFFIXES["en"].format(k=k)
    out: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        starts_text = line and not line[0].isspace() and not previous.strip() and (
            not line.startswith("..") or _TRANSLATED_DIRECTIVE.match(line)) and not _UNDERLINE.match(line)
        if starts_text:
            line += suffix
            if _UNDERLINE.match(following):
                lines[index + 1] = following[0] * len(line)
        out.append(line)
    return "\n".join(out).rstrip() + "\n"


def make_book(target: Path, copies: int) -> Path:
    """The project with a synthetic book of *copies* times the article in *target*."""
    copy_project(target)
    index = target / "docs" / "index.rst"
    article = index.read_text(encoding="utf-8")
    names = [f"part-{k:03d}" for k in range(2, copies + 1)]
    for k, name in enumerate(names, start=2):
        (target / "docs" / f"{name}.rst").write_text(copy_of_article(article, k), encoding="utf-8")
    index.write_text(article.replace("   colophon\n", "   colophon\n" + "".join(f"   {n}\n" for n in names), 1),
                     encoding="utf-8")
    for lang in ("ru", "ja"):
        path = target / "locale" / lang / "LC_MESSAGES" / "article.po"
        catalog = polib.pofile(str(path))
        article_entries = [entry for entry in catalog if entry.translated() and not entry.obsolete
                           and any("index.rst" in file for file, _line in entry.occurrences)]
        for k in range(2, copies + 1):
            for entry in article_entries:
                catalog.append(polib.POEntry(msgid=entry.msgid + SUFFIXES["en"].format(k=k),
                                             msgstr=entry.msgstr + SUFFIXES[lang].format(k=k),
                                             occurrences=[(f"../../docs/part-{k:03d}.rst", "1")]))
        catalog.save(str(path))
    return target


if __name__ == "__main__":
    make_book(Path(sys.argv[2]), int(sys.argv[1]))
