"""``triglot export-rst``: the translated source tree, built by a plain sphinx-build, reads as the edition does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import html

from conftest import ROOT, run_triglot
from html_text import read_page
from triglot.exchange.rst import SourceMessage, substitute

PAGES = ["index", "colophon", "editorial-notes", "glossary"]  # the glossary page from the glossary the tree carries
TITLES = {"ru": "Мягкая сила Японии в Центральной Азии", "ja": "中央アジアにおける日本のソフトパワー"}
AUTHORS = {"ru": "Ольга Добринская", "ja": "オリガ・ドブリンスカヤ"}
UNTRANSLATED = ".. triglot: untranslated, kept in the source language (en)"
REFUSED = ".. triglot: translation refused as unsafe, kept in the source language (en)"


def _sphinx_build(source: Path, out: Path) -> subprocess.CompletedProcess:
    """A plain sphinx-build of the exported tree (its conf.py says the language)."""
    return subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-b", "html", "-q", str(source), str(out)],
                          capture_output=True, text=True, cwd=out.parent)


def _headings(path: Path) -> list[str]:
    tree = html.parse(str(path))
    return [" ".join(node.text_content().replace("¶", "").split())
            for node in tree.xpath("//article//*[self::h1 or self::h2 or self::h3 or self::p[@class='rubric']]")]


def _title(path: Path) -> str:
    return html.parse(str(path)).findtext("head/title")


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_our_article_builds_as_its_edition(built_project: Path, site: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / lang
    completed = run_triglot("export-rst", "--lang", lang, "-o", str(out), cwd=built_project)
    assert (completed.returncode, completed.stderr) == (0, "")
    assert completed.stdout == f"{out}: 4 files, 94 messages translated, 0 kept in the source language\n"
    assert (out / "conf.py").read_text(encoding="utf-8").endswith(
        f"\n\n# Added by triglot export-rst: these sources are the {lang} translation.\n"
        f"language = '{lang}'\nproject = '{TITLES[lang]}'\nauthor = '{AUTHORS[lang]}'\ntriglot_date_locale = '{lang}'\n"
        "locale_dirs = ['triglot-locale']\ntriglot_translated_sources = True\n"
        "triglot_glossary = {'folder': 'triglot-glossary', 'languages': ['en', 'ru', 'ja'], 'source_language': 'en'}\n")
    glossary = sorted(f"triglot-glossary/{path.relative_to(ROOT / 'glossary').as_posix()}"
                      for path in (ROOT / "glossary").rglob("*") if path.is_file())
    assert sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()) == sorted([
        "colophon.rst", "conf.py", "editorial-notes.rst", "glossary.rst", "index.rst", *glossary,
        f"triglot-locale/{lang}/LC_MESSAGES/sphinx.po"])
    built = _sphinx_build(out, tmp_path / "html")
    assert (built.returncode, built.stderr) == (0, "")
    for page in PAGES:
        exported, edition = read_page(tmp_path / "html" / f"{page}.html"), read_page(site / lang / f"{page}.html")
        assert exported.html_lang == edition.html_lang == lang
        assert exported.paragraphs == edition.paragraphs, page
        assert _headings(tmp_path / "html" / f"{page}.html") == _headings(site / lang / f"{page}.html"), page
        assert _title(tmp_path / "html" / f"{page}.html") == _title(site / lang / f"{page}.html"), page
    underline = "=" * {"ru": 37, "ja": 36}[lang]  # a kanji or kana takes two columns
    assert (out / "index.rst").read_text(encoding="utf-8").count(f"\n{TITLES[lang]}\n{underline}\n") == 1


def test_untranslated_and_refused_messages_stay_english_with_a_comment(project: Path, tmp_path: Path) -> None:
    catalog = project / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    po = polib.pofile(str(catalog))
    changes = {
        "Olga Dobrinskaya, “Japan's Soft Power": "",  # a paragraph wrapped over four lines
        "Editions": "Издания\n\n.. include:: /etc/passwd",  # a section title, refused
        "Notes": "",  # a rubric
        "(29.01.2011)": "(дата обращения: 29.01.2011) :raw-html:`<script>`",  # a footnote, refused
    }
    for entry in po:
        for start, msgstr in changes.items():
            if entry.msgid == start or len(start) > 20 and entry.msgid.startswith(start):
                entry.msgstr = msgstr
    po.save()
    lines = catalog.read_text(encoding="utf-8").splitlines()
    refused_lines = [next(number for number, line in enumerate(lines[lines.index(f'msgid "{msgid}"'):],
                                                               lines.index(f'msgid "{msgid}"') + 1)
                          if line.startswith("msgstr"))
                     for msgid in ("Editions", "(29.01.2011)")]
    out = tmp_path / "ru"
    completed = run_triglot("export-rst", "--lang", "ru", "-o", str(out), cwd=project)
    assert completed.returncode == 0
    assert completed.stdout == f"{out}: 4 files, 90 messages translated, 4 kept in the source language\n"
    assert completed.stderr.splitlines() == [
        f"triglot: warning: {catalog}:{refused_lines[0]}: translation refused, the source text is kept: "
        "it parses as 2 blocks, its source as 1; markup its source does not have: .. include::",
        f"triglot: warning: {catalog}:{refused_lines[1]}: translation refused, the source text is kept: "
        "markup its source does not have: :raw-html:; references its source does not have: :raw-html:`<script>`",
    ]
    colophon = (out / "colophon.rst").read_text(encoding="utf-8")
    assert colophon.startswith(
        "Выходные сведения\n=================\n\nИсточник\n--------\n\n"
        "Olga Dobrinskaya, “Japan's Soft Power in Central Asia”. Published on the\n"
        "web site of the Institute of Far Eastern Studies, Russian Academy of\n"
        "Sciences, on 21 January 2014. The text of this edition was established from\n"
        f"a capture of that page; the editorial notes list every correction.\n\n{UNTRANSLATED}\n\n"
        f"Editions\n--------\n\n{REFUSED}\n\nСтатья публикуется")
    index = (out / "index.rst").read_text(encoding="utf-8")
    assert f".. rubric:: Notes\n\n{UNTRANSLATED}\n\n.. [1] Nye" in index
    assert f".. [17] (29.01.2011)\n\n        {REFUSED}\n" in index
    assert "/etc/passwd" not in colophon and "raw-html" not in index
    built = _sphinx_build(out, tmp_path / "html")
    assert (built.returncode, built.stderr) == (0, "")
    notes = read_page(tmp_path / "html" / "index.html").paragraphs
    assert "(29.01.2011)" in notes and "Notes" in notes


@pytest.mark.parametrize(("text", "message", "expected"), [
    # A list item's paragraph: continuation lines keep the item's indentation; its comment stays inside the item.
    ("- one two\n  three\n- four\n", SourceMessage("paragraph", 1, "one two three", "раз\nдва"),
     "- раз\n  два\n- four\n"),
    ("- one two\n  three\n- four\n", SourceMessage("paragraph", 1, "one two three", None),
     "- one two\n  three\n\n  " + UNTRANSLATED + "\n\n- four\n"),
    # A title with overline and underline: both as wide as the new title (wide characters count two).
    ("=====\nTitle\n=====\n\nText.\n", SourceMessage("title", 2, "Title", "見出し"),
     "======\n見出し\n======\n\nText.\n"),
    # A directive's argument: the comment goes after the directive, at its own indentation.
    ("  .. rubric:: Notes\n     :class: x\n  Next.\n", SourceMessage("rubric", 1, "Notes", None),
     "  .. rubric:: Notes\n     :class: x\n\n  " + UNTRANSLATED + "\n\n  Next.\n"),
    # A list table's cell: two markers before the text.
    (".. list-table::\n\n   * - Memory\\_MB\n     - Disk\n", SourceMessage("paragraph", 3, "Memory\\_MB", "Память"),
     ".. list-table::\n\n   * - Память\n     - Disk\n"),
    # The same words inside a longer line are not the message: only a block of its own is.
    ("See the Notes below.\n\nNotes\n-----\n", SourceMessage("title", 3, "Notes", "Примечания"),
     "See the Notes below.\n\nПримечания\n----------\n"),
])
def test_substitution(text: str, message: SourceMessage, expected: str) -> None:
    assert substitute(text, [message], "en") == (expected, [])


def test_a_file_included_twice_is_translated_once() -> None:
    message = SourceMessage("paragraph", 1, "one two", "раз два")
    assert substitute("one\ntwo\n", [message, message], "en") == ("раз два\n", [])


def test_a_message_that_is_not_a_block_of_its_own_is_reported() -> None:
    table = "+-----+-----+\n| one | two |\n+-----+-----+\n"
    message = SourceMessage("paragraph", 2, "one", "раз")
    assert substitute(table, [message], "en") == (table, [message])


def test_the_output_folder_must_be_new_or_empty(project: Path, tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    completed = run_triglot("export-rst", "--lang", "ru", "-o", str(tmp_path / "full"), cwd=project)
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == f"triglot: error: {tmp_path / 'full'}: exists and is not an empty folder: choose a new one\n"
    assert (tmp_path / "full" / "keep.txt").read_text(encoding="utf-8") == "mine"
    completed = run_triglot("export-rst", "--lang", "ru", "-o", "docs/ru", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr == (f"triglot: error: docs/ru: is inside the source folder {(project / 'docs').resolve()}: "
                                "choose a folder outside it\n")


def test_a_project_without_the_extension_is_refused(project: Path, tmp_path: Path) -> None:
    """Without triglot.sphinx no check runs in Sphinx's read: nothing is exported."""
    conf = project / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('extensions = ["triglot.sphinx"]', "extensions = []"),
                    encoding="utf-8")
    completed = run_triglot("export-rst", "--lang", "ru", "-o", str(tmp_path / "ru"), cwd=project)
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == (f"triglot: error: {(project / 'docs').resolve() / 'conf.py'}: conf.py does not load the "
                                "triglot.sphinx extension, whose checks keep unsafe translations out: add "
                                "'triglot.sphinx' to its extensions\n")
    assert not (tmp_path / "ru").exists()


def _main_text(page: Path) -> list[str]:
    """The text of each block of an openstackdocstheme page's main part: the reader's bar and note (the edition's
    interface, which the exported tree's settings do not share), fallback marks dropped, quotes neutral."""
    tree = html.parse(str(page))
    interface = ("//abbr[contains(@class, 'triglot-fallback-mark')] | //nav[contains(@class, 'triglot-reader-bar')]"
                 " | //p[contains(@class, 'triglot-fallback-note')]")
    for element in tree.xpath(interface):
        element.drop_tree()
    quotes = str.maketrans({**{char: '"' for char in "„“”«»"}, **{char: "'" for char in "‚‘’"}})
    blocks = "//div[@role='main']//*[self::p or self::h1 or self::h2 or self::h3 or self::td or self::li or self::dd]"
    return [" ".join(node.text_content().replace("¶", "").split()).translate(quotes) for node in tree.xpath(blocks)]


def test_a_real_project(real_projects: dict[str, Path], tmp_path: Path) -> None:
    """The OpenStack Operations Guide in German: list tables, glossary, two catalogs in the source folder."""
    project = tmp_path / "operations-guide"
    shutil.copytree(real_projects["operations-guide"], project)
    conf = project / "doc" / "source" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\nextensions.append("triglot.sphinx")\n', encoding="utf-8")
    out = tmp_path / "de"
    completed = run_triglot("export-rst", "--lang", "de", "-o", str(out), cwd=project)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"{out}: 50 files, 2815 messages translated, 991 kept in the source language\n"
    warnings = [line for line in completed.stderr.splitlines()  # (the theme's conf.py asks git, which is not there)
                if line.startswith("triglot:") and "translation refused" not in line]
    assert warnings == ["triglot: warning: 688 glossary terms kept in the source language, so that every :term: "
                        "reference still finds its entry (their definitions are translated)"]
    assert not (out / "locale").exists()  # the project's catalogs, inside its source folder, are left out
    built = _sphinx_build(out, tmp_path / "exported")
    assert built.returncode == 0
    assert [line for line in built.stderr.splitlines() if "WARNING" in line and "openstackdocstheme" not in line] == []
    edition = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-b", "html", "-q", "-D", "language=de",
                              str(project / "doc" / "source"), str(tmp_path / "edition")], capture_output=True, text=True)
    assert edition.returncode == 0, edition.stderr
    pages = [page.relative_to(tmp_path / "edition") for page in sorted((tmp_path / "edition").rglob("*.html"))
             if not page.name.startswith(("_", "genindex", "search")) and page.name != "glossary.html"
             and "_static" not in page.parts and "_sources" not in page.parts]
    assert len(pages) == 49
    for page in pages:  # the glossary page differs by its terms, kept in English
        assert _main_text(tmp_path / "exported" / page) == _main_text(tmp_path / "edition" / page), page
