"""Hostile translated titles in every format: a one-page project (tests/test_pdf_languages.py, Sphinx's default
theme) whose Russian catalog puts HTML, TeX's special characters, ``\\directlua``, emoji and characters of no font
into the title and the text. Each is printed as text (no element in a page, EPUBCheck content, no TeX command run),
or stops the PDF with the catalog line named."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from conftest import run_triglot
from test_pdf_languages import make_project
from triglot.catalog.parse import parse_po
from validators import epubcheck

# Every character LaTeX treats specially, and a command that would print its marker if TeX ran it.
TEX_TITLE = r"R&D: 100 % of #1 {braces} ~tilde ^caret _under \directlua{tex.print('TRIGLOT-RAN')} \relax"


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields of the PDF at *path*."""
    lines = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    return dict((part.strip() for part in line.split(":", 1)) for line in lines if ":" in line)


def test_a_title_of_tex_specials_is_printed_as_text(tmp_path: Path) -> None:
    # In the msgstr (reStructuredText) each backslash written twice, to be a backslash in the title's text.
    msgstr = TEX_TITLE.replace("\\", "\\\\")
    root = make_project(tmp_path / "project", ["ru"], {"ru": (msgstr, "Река поднялась на 3 метра.", "Он сказал.")})
    completed = run_triglot("build", "--lang", "ru", "--format", "pdf", cwd=root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    pdf = root / "build" / "site" / "ru" / "downloads" / "notes-ru.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    # Set as text (with Russian quotes); what a run of \directlua would have printed is not there.
    printed = TEX_TITLE.replace("'TRIGLOT-RAN'", "„TRIGLOT-RAN“")
    assert " ".join(text.splitlines()[:4]) == printed
    assert text.count("TRIGLOT-RAN") == 1
    assert pdf_info(pdf)["Title"] == printed


def test_an_emoji_in_the_title_is_drawn(tmp_path: Path) -> None:
    """The title is read in the preamble, before the emoji are made active (triglot.sphinx.latex_languages)."""
    root = make_project(tmp_path / "project", ["ru"], {"ru": ("Заметки 🦊 у реки", "Река поднялась на 3 метра.",
                                                              "Он сказал 🦊.")})
    completed = run_triglot("build", "--lang", "ru", "--format", "pdf", cwd=root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    pdf = root / "build" / "site" / "ru" / "downloads" / "notes-ru.pdf"
    assert pdf_info(pdf)["Title"] == "Заметки 🦊 у реки"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.split()[:3] == ["Заметки", "у", "реки"]  # the fox is a drawing, as in the text


HTML_TITLE = '"><script>alert("triglot-title")</script><!-- & Заметки'


def test_a_title_of_html_is_printed_as_text_by_the_default_theme(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", ["ru"], {"ru": (HTML_TITLE, "Река поднялась на 3 метра.", "Он сказал.")})
    completed = run_triglot("build", "--lang", "ru", "--format", "html", "--format", "epub", cwd=root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    site = root / "build" / "site" / "ru"
    pages = sorted(site.glob("*.html"))
    assert [page.name for page in pages] == ["genindex.html", "index.html", "parallel.html", "search.html",
                                             "status.html"]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(" not in text and "<!-- &" not in text, page.name
    for page in (site / "genindex.html", site / "index.html"):
        text = page.read_text(encoding="utf-8")
        # alabaster's sidebar prints the project's name as HTML: <h1 class="logo"><a href="…">{{ project }}</a></h1>
        assert ('">&#34;&gt;&lt;script&gt;alert(&#34;triglot-title&#34;)'
                '&lt;/script&gt;&lt;!-- &amp; Заметки</a></h1>') in text, page.name
    epub = site / "downloads" / "notes-ru.epub"
    with zipfile.ZipFile(epub) as archive:
        assert not any(b"<script>alert(" in archive.read(name) for name in archive.namelist())
    assert [str(problem) for problem in epubcheck(epub)] == []


def test_a_character_of_no_font_names_its_translation(tmp_path: Path) -> None:
    """A missing glyph stops the PDF (\\tracinglostchars=3): the failure names the catalog line that holds it."""
    root = make_project(tmp_path / "project", ["ru"], {"ru": ("Заметки", "Река \U00013000 поднялась на 3 метра.",
                                                              "Он сказал.")})
    completed = run_triglot("build", "--lang", "ru", "--format", "pdf", cwd=root)
    assert completed.returncode == 1
    po = root / "locale" / "ru" / "LC_MESSAGES" / "notes.po"
    line = next(m.msgstr_line for m in parse_po(po.read_bytes(), po).messages if "\U00013000" in m.msgstr)
    assert "Missing character: there is no \U00013000 (U+13000) in the font FreeSerif.otf\n" in completed.stderr
    assert f"    the character is in the translation at locale/ru/LC_MESSAGES/notes.po:{line}\n" in completed.stderr


def test_the_translated_title_does_not_name_the_files(tmp_path: Path) -> None:
    """Without a named catalog, the PDF's and EPUB's names come from the project's name (conf.py), not from a
    translation of it: Sphinx names a title without ASCII letters 'sphinx'."""
    root = make_project(tmp_path / "project", ["ru"], {"ru": ("Заметки", "Река поднялась на 3 метра.", "Он сказал.")})
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('catalog = "notes"\n', ""), encoding="utf-8")
    completed = run_triglot("build", "--format", "epub", cwd=root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    site = root / "build" / "site"
    assert [path.name for path in sorted(site.glob("*/downloads/*"))] == ["fieldnotes-en.epub", "fieldnotes-ru.epub"]


def test_a_title_s_markup_and_escapes_are_not_printed(tmp_path: Path) -> None:
    """The translated title is reStructuredText: the book's and pages' title is its text, as the page shows it."""
    root = make_project(tmp_path / "project", ["ru"], {"ru": (r"Заметки о \*звёздах\* и *реках*",
                                                              "Река поднялась на 3 метра.", "Он сказал.")})
    completed = run_triglot("build", "--lang", "ru", "--format", "html", "--format", "epub", cwd=root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    page = (root / "build" / "site" / "ru" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>(.*?)</title>", page, re.S)[1] == "Заметки о *звёздах* и реках &#8212; Заметки о *звёздах* и реках"
    with zipfile.ZipFile(root / "build" / "site" / "ru" / "downloads" / "notes-ru.epub") as archive:
        assert re.findall(r"<dc:title>(.*?)</dc:title>", archive.read("content.opf").decode()) == [
            "Заметки о *звёздах* и реках"]
