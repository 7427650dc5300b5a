"""``triglot update`` on a copy of the project: lossless, msgcat-clean, idempotent, strict."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import run_triglot

from triglot.catalog import read_po

LANGS = ("ru", "ja")


def catalogs(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted((root / "locale").rglob("*.po*"))}


def translations(root: Path, lang: str) -> dict[str, tuple[str, bool]]:
    catalog = read_po(root / "locale" / lang / "LC_MESSAGES" / "article.po")
    return {entry.msgid: (entry.msgstr, entry.fuzzy) for entry in catalog.messages if entry.msgstr}


def po(root: Path, lang: str) -> Path:
    return root / "locale" / lang / "LC_MESSAGES" / "article.po"


def test_update_keeps_every_translation_and_writes_what_msgcat_writes(project: Path) -> None:
    before = {lang: translations(project, lang) for lang in LANGS}
    completed = run_triglot("update", cwd=project)
    assert completed.returncode == 0, completed.stderr
    for lang in LANGS:
        after = translations(project, lang)
        assert {msgid: after.get(msgid) for msgid in before[lang]} == before[lang]
        path = po(project, lang)
        assert subprocess.run(["msgcat", str(path)], capture_output=True).stdout == path.read_bytes()
        assert subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)]).returncode == 0
        header = read_po(path)
        assert header.header_field("Language") == lang
        assert header.header_field("Content-Type") == "text/plain; charset=UTF-8"
    assert read_po(po(project, "ja")).header_field("Plural-Forms") == "nplurals=1; plural=0;"
    pot = project / "locale" / "article.pot"
    assert subprocess.run(["msgcat", str(pot)], capture_output=True).stdout == pot.read_bytes()

    written = {path: path.stat().st_mtime_ns for path in catalogs(project)}
    again = run_triglot("update", cwd=project)
    assert (again.returncode, again.stdout) == (0, "catalogs are up to date\n")
    assert {path: path.stat().st_mtime_ns for path in catalogs(project)} == written
    check = run_triglot("update", "--check", cwd=project)
    assert (check.returncode, check.stdout) == (0, "catalogs are up to date\n")


def _unique_word(project: Path, msgid: str) -> str:
    """A word of *msgid* that occurs once in the whole source, so changing it changes this paragraph only."""
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (project / "docs").glob("*.rst"))
    for word in re.findall(r"[A-Za-z]{7,}", msgid):
        if len(re.findall(rf"\b{word}\b", sources)) == 1 and len(re.findall(rf"\b{word}\b", msgid)) == 1:
            return word
    raise AssertionError("no unique word")


def _edit_source(project: Path, old: str, new: str) -> None:
    for path in (project / "docs").glob("*.rst"):
        text = path.read_text(encoding="utf-8")
        if re.search(rf"\b{old}\b", text):
            path.write_text(re.sub(rf"\b{old}\b", new, text), encoding="utf-8")
            return
    raise AssertionError(old)


def test_reworded_paragraph_comes_back_fuzzy_and_check_reports_it(project: Path) -> None:
    assert run_triglot("update", cwd=project).returncode == 0
    ru = translations(project, "ru")
    msgid = next(m for m, (_, fuzzy) in ru.items() if not fuzzy and len(m.split()) > 12 and "\n" not in m)
    word = _unique_word(project, msgid)
    _edit_source(project, word, "REWORDED")
    reworded = re.sub(rf"\b{word}\b", "REWORDED", msgid)
    untouched = catalogs(project)

    check = run_triglot("update", "--check", cwd=project)
    assert check.returncode == 1
    assert check.stdout.splitlines() == [
        f"would update locale/article.pot: template, {len(read_po(project / 'locale' / 'article.pot').messages)} messages",
        *(f"would update locale/{lang}/LC_MESSAGES/article.po: {_counts(project, lang, moved=1)}" for lang in LANGS),
    ]
    assert catalogs(project) == untouched

    assert run_triglot("update", cwd=project).returncode == 0
    for lang in LANGS:
        entry = next(e for e in read_po(po(project, lang)).messages if e.msgid == reworded)
        assert (entry.fuzzy, entry.previous_msgid, entry.msgstr) == (True, msgid, translations(project, lang)[reworded][0])
    ru_entry = next(e for e in read_po(po(project, "ru")).messages if e.msgid == reworded)
    assert ru_entry.msgstr == ru[msgid][0]


def _counts(project: Path, lang: str, moved: int) -> str:
    """The summary line of *lang* once *moved* translated messages have become fuzzy."""
    messages = read_po(po(project, lang)).messages
    fuzzy = sum(1 for entry in messages if entry.msgstr and entry.fuzzy) + moved
    translated = sum(1 for entry in messages if entry.msgstr and not entry.fuzzy) - moved
    untranslated = len(messages) - translated - fuzzy
    return f"{translated} translated, {fuzzy} fuzzy, {untranslated} untranslated, 0 obsolete"


def test_removed_paragraph_is_obsolete_and_returns_translated(project: Path) -> None:
    assert run_triglot("update", cwd=project).returncode == 0
    index = project / "docs" / "colophon.rst"
    original = index.read_text(encoding="utf-8")
    ru = translations(project, "ru")
    paragraph = next(block for block in original.split("\n\n")
                     if len(block.split()) > 12 and not block.lstrip().startswith((".", ":", "*", "-"))
                     and " ".join(block.split()) in ru)
    msgid = " ".join(paragraph.split())
    index.write_text(original.replace(paragraph + "\n\n", ""), encoding="utf-8")
    assert run_triglot("update", cwd=project).returncode == 0
    gone = next(e for e in read_po(po(project, "ru")).entries if e.msgid == msgid)
    assert (gone.obsolete, gone.msgstr) == (True, ru[msgid][0])
    assert "#~ msgid" in po(project, "ru").read_text(encoding="utf-8")

    index.write_text(original, encoding="utf-8")
    assert run_triglot("update", cwd=project).returncode == 0
    assert translations(project, "ru")[msgid] == (ru[msgid][0], False)


def test_source_date_epoch_sets_the_template_date(project: Path) -> None:
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "update"], cwd=project, capture_output=True,
                               text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1390262400"})
    assert completed.returncode == 0, completed.stderr
    assert read_po(project / "locale" / "article.pot").header_field("POT-Creation-Date") == "2014-01-21 00:00+0000"
    assert read_po(po(project, "ru")).header_field("POT-Creation-Date") == "2014-01-21 00:00+0000"


def test_a_broken_catalog_stops_the_update_before_any_write(project: Path) -> None:
    path = po(project, "ru")
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if line.startswith('msgstr "') and len(line) > 10)
    lines[number] = "msgstr " + lines[number][len('msgstr "'):]  # the opening quote is missing
    path.write_text("\n".join(lines), encoding="utf-8")
    before = catalogs(project)
    completed = run_triglot("update", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr.splitlines()[-1].startswith(
        f"triglot: error: {path}:{number + 1}: expected a string in double quotes")
    assert "Traceback" not in completed.stderr
    assert catalogs(project) == before
