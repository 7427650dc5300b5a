"""The translator mode's records follow the catalog: a rebuild after a change that only moves lines shows the
new lines (the catalogs are inputs of the pages), and the source edition has no records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib

from conftest import run_triglot

CATALOG = "locale/ru/LC_MESSAGES/article.po"
DATA = re.compile(r'<script type="application/json" id="triglot-translator-data">(.*?)</script>')


def _records(root: Path, lang: str) -> list[dict]:
    found = DATA.findall((root / "build" / "site" / lang / "colophon.html").read_text(encoding="utf-8"))
    return json.loads(found[0])["records"] if found else []


def _msgstr_line(path: Path, msgid: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    (entry,) = [entry for entry in polib.pofile(str(path)) if entry.msgid == msgid]
    return next(number for number in range(entry.linenum, len(lines) + 1) if lines[number - 1].startswith("msgstr"))


def test_a_rebuild_after_lines_moved_shows_the_new_lines(project: Path) -> None:
    assert run_triglot("build", "--lang", "en", "--lang", "ru", "--format", "html", cwd=project).returncode == 0
    assert _records(project, "en") == []
    title = _records(project, "ru")[0]
    assert (title["state"], title["catalog"], title["line"]) == ("translated", CATALOG,
                                                                 _msgstr_line(project / CATALOG, "Colophon"))
    path = project / CATALOG
    path.write_text(path.read_text(encoding="utf-8").replace('\nmsgid "Colophon"', '\n# moved\nmsgid "Colophon"', 1),
                    encoding="utf-8")
    assert run_triglot("build", "--lang", "ru", "--format", "html", cwd=project).returncode == 0
    assert _records(project, "ru")[0]["line"] == title["line"] + 1 == _msgstr_line(path, "Colophon")
