"""The translator mode in Chromium: off for readers; on (``?translator``, remembered), each passage of a
translated page shows its state, its catalog's path and msgstr line, triglot check's findings and the edit link
of ``[tool.triglot] edit_url``, in the edition's language. A refused translation carrying ``<script>`` runs
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from conftest import copy_project, run_triglot

from .conftest import serve

CATALOG = "locale/ru/LC_MESSAGES/article.po"
EDIT_URL = "https://forge.example/triglot/edit/main/{catalog}#L{line}"
TITLE = "Japan's Soft Power in Central Asia"
TRANSLATED = "The soft power of a country rests primarily"
FUZZY = "Japan as a country which has renounced"
UNTRANSLATED = "Traditionally East Asia is the region"
REFUSED = "What are the characteristics of Japan"
# Refused (a download and a link its source lacks); the refusal reason and the findings quote the link's target.
SCRIPT = '"><script>window.pwned = 1</script><svg/onload=window.pwned=2>'
HOSTILE = f' <img src="x" onerror="window.pwned = 3"> `t <https://e.example/?{SCRIPT}>`_ :download:`x </etc/passwd>`'


def _entry(catalog: polib.POFile, start: str) -> polib.POEntry:
    (entry,) = [entry for entry in catalog if entry.msgid.startswith(start)]
    return entry


def _msgstr_line(path: Path, start: str) -> int:
    """The line of the msgstr of the entry whose msgid starts with *start*, read from the saved PO file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    msgid_line = _entry(polib.pofile(str(path)), start).linenum
    return next(number for number in range(msgid_line, len(lines) + 1) if lines[number - 1].startswith("msgstr"))


@pytest.fixture(scope="module")
def translator_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Russian and Japanese editions of a copy of the project, the Russian with one fuzzy, one emptied and one
    hostile translation."""
    root = copy_project(tmp_path_factory.mktemp("translator") / "project")
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'catalog = "article"\n', f'catalog = "article"\nedit_url = "{EDIT_URL}"\n'), encoding="utf-8")
    catalog = polib.pofile(str(root / CATALOG))
    _entry(catalog, FUZZY).flags.append("fuzzy")
    _entry(catalog, UNTRANSLATED).msgstr = ""
    _entry(catalog, REFUSED).msgstr += HOSTILE
    catalog.save()
    completed = run_triglot("build", "--lang", "en", "--lang", "ru", "--lang", "ja", "--format", "html", cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root


def _findings(root: Path, line: int) -> list[str]:
    """What ``triglot check`` reports on the message whose msgstr is at *line*, as the mode shows it."""
    completed = run_triglot("check", "--lang", "ru", "--format", "json", "--fail-on", "never", cwd=root)
    assert completed.returncode == 0, completed.stderr
    found = json.loads(completed.stdout)["findings"]
    return [f"{item['severity']} {item['check']}: {item['message']}" for item in found
            if Path(root, item["file"]).resolve() == (root / CATALOG).resolve() and item["line"] == line]


def _box(page: object, tag: str, text: str) -> dict:
    """The translator box right after the *tag* element holding *text*, as plain data."""
    target = page.locator(f'article[role="main"] {tag}', has_text=text)
    assert target.count() == 1, text
    return target.evaluate("""element => {
        const box = element.nextElementSibling;
        if (!box || !box.classList.contains("triglot-tm")) return null;
        const link = box.querySelector("a.triglot-tm-edit");
        return {state: box.dataset.state, place: (link || box.querySelector(".triglot-tm-place")).textContent,
                href: link ? link.getAttribute("href") : null,
                reason: box.querySelector(".triglot-tm-reason")?.textContent ?? null,
                findings: [...box.querySelectorAll(".triglot-tm-findings li")].map(item => item.textContent)};
    }""")


def _expected(root: Path, start: str, state: str, reason: str | None = None) -> dict:
    line = _msgstr_line(root / CATALOG, start)
    return {"state": state, "place": f"{CATALOG}:{line}", "href": f"https://forge.example/triglot/edit/main/{CATALOG}#L{line}",
            "reason": reason, "findings": _findings(root, line)}


def test_translator_mode_shows_each_passage_s_state_place_findings_and_edit_link(
        translator_project: Path, open_page, problems, tmp_path: Path) -> None:
    root = translator_project
    html = (root / "build" / "site" / "ru" / "index.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "\\u003cscript\\u003ewindow.pwned" in html
    hostile = _expected(root, REFUSED, "refused")
    assert hostile.pop("reason") is None and hostile["findings"], "triglot check reports the hostile translation"
    with serve(root / "build" / "site") as url:
        page = open_page()
        page.goto(f"{url}/ru/index.html?translator")
        shown = _box(page, "p", REFUSED)
        assert shown.pop("reason") == ("markup its source does not have: :download:, reference; references its "
                                       "source does not have: :download:`/etc/passwd`, "
                                       f"`t <https://e.example/?{SCRIPT}>`_")
        assert shown == hostile
        assert any(SCRIPT in finding for finding in shown["findings"])  # shown as text
        assert _box(page, "p", "Мягкая сила страны опирается") == _expected(root, TRANSLATED, "translated")
        assert _box(page, "h1", "Мягкая сила Японии") == _expected(root, TITLE, "translated")
        assert _box(page, "p", FUZZY) == _expected(root, FUZZY, "fuzzy")
        assert _box(page, "p", UNTRANSLATED) == _expected(root, UNTRANSLATED, "untranslated")
        assert page.evaluate("window.pwned") is None
        assert page.locator('article[role="main"] img[src="x"], article[role="main"] svg[onload]').count() == 0
        assert page.evaluate("""[...document.scripts].filter(script => script.textContent.includes("window.pwned"))
                                .map(script => script.id)""") == ["triglot-translator-data"]
        page.locator('article[role="main"] p', has_text=REFUSED).scroll_into_view_if_needed()
        page.screenshot(path=str(tmp_path / "translator-mode.png"))
    assert (tmp_path / "translator-mode.png").stat().st_size > 0
    assert problems.items == []


def test_translator_mode_is_off_for_readers_and_remembered_until_turned_off(
        translator_project: Path, open_page, problems, tmp_path: Path) -> None:
    shown = ".triglot-tm, .triglot-tm-toggle"
    with serve(translator_project / "build" / "site") as url:
        page = open_page()
        page.goto(f"{url}/ru/index.html")
        assert page.locator(shown).count() == 0
        page.screenshot(path=str(tmp_path / "reader-mode.png"))
        page.goto(f"{url}/ru/index.html?translator")
        assert page.locator(".triglot-tm").count() > 0
        page.goto(f"{url}/ru/colophon.html")  # remembered
        assert page.locator(".triglot-tm").count() > 0
        page.locator(".triglot-tm-toggle").click()
        assert page.locator(shown).count() == 0
        page.reload()
        assert page.locator(shown).count() == 0
        page.goto(f"{url}/ru/index.html?translator")
        page.goto(f"{url}/ru/index.html?translator=off")
        assert page.locator(shown).count() == 0
        page.goto(f"{url}/ru/index.html")
        assert page.locator(shown).count() == 0
        page.goto(f"{url}/en/index.html?translator")  # the source edition has nothing to show
        assert page.locator(shown).count() == 0
    assert problems.items == []


@pytest.mark.parametrize(("lang", "button", "states", "edit"), [
    ("ru", "Режим переводчика: включён (выключить)",
     {"translated": "переведено", "fuzzy": "неточно", "untranslated": "не переведено", "refused": "отклонено"},
     "редактировать"),
    ("ja", "翻訳者モード：オン（オフにする）", {"translated": "翻訳済み"}, "編集"),
])
def test_translator_mode_speaks_the_edition_s_language(translator_project: Path, open_page, problems, lang: str,
                                                       button: str, states: dict[str, str], edit: str) -> None:
    with serve(translator_project / "build" / "site") as url:
        page = open_page()
        page.goto(f"{url}/{lang}/index.html?translator")
        assert page.locator(".triglot-tm-toggle").text_content() == button
        shown = page.evaluate("""[...document.querySelectorAll(".triglot-tm")].map(box =>
            [box.dataset.state, box.querySelector(".triglot-tm-state").textContent,
             box.querySelector(".triglot-tm-edit")?.title ?? null])""")
        assert {state: name for state, name, _title in shown} == states
        assert {title for _state, _name, title in shown} == {edit}
    assert problems.items == []
