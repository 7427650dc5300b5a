"""The project's conf.py wins: triglot.sphinx sets only what the project (its conf.py, theme or extensions)
left unset, after they set theirs. A small project with its own title, LaTeX document, engine and EPUB
metadata keeps them in every format; one that leaves them unset gets triglot's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_triglot

CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"

msgid "Field notes"
msgstr "Полевые заметки"

msgid "The first observation."
msgstr "Первое наблюдение."
'''

OWN_SETTINGS = '''
html_title = "Field Notes, the HTML edition"
latex_engine = "xelatex"
latex_documents = [("index", "fieldnotes.tex", "Field Notes in Print", "Ada Example and Bob Sample", "manual")]
epub_title = "Field Notes, the EPUB edition"
epub_author = "Ada Example"
epub_basename = "field-notes"
'''

# An extension of the project's, as a theme would: it sets its own values in a config-inited handler.
HOUSE_STYLE = '''
def _set(app, config):
    config.project = "Field Notes (house style)"
    config.latex_use_xindy = True


def setup(app):
    app.connect("config-inited", _set)
'''


def make_project(root: Path, settings: str) -> Path:
    """A one-page Sphinx project with a Russian catalog, triglot.sphinx and a house-style extension."""
    (root / "docs").mkdir(parents=True)
    (root / "locale" / "ru" / "LC_MESSAGES").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.triglot]\nlanguages = ["en", "ru"]\n', encoding="utf-8")
    (root / "docs" / "conf.py").write_text(
        'import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n'
        'project = "Field Notes"\nauthor = "Ada Example"\nversion = release = "1.0"\ncopyright = "2026, Ada Example"\n'
        'extensions = ["triglot.sphinx", "house_style"]\nlocale_dirs = ["../locale/"]\n' + settings, encoding="utf-8")
    (root / "docs" / "house_style.py").write_text(HOUSE_STYLE, encoding="utf-8")
    (root / "docs" / "index.rst").write_text("Field notes\n===========\n\nThe first observation.\n", encoding="utf-8")
    (root / "locale" / "ru" / "LC_MESSAGES" / "index.po").write_text(CATALOG, encoding="utf-8")
    return root


def sphinx(root: Path, builder: str) -> Path:
    """Build the Russian edition of *root* with *builder*; its output folder."""
    out = root / "out" / builder
    completed = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-q", "-b", builder, "-D", "language=ru",
                                "-d", str(root / "out" / f"doctrees-{builder}"), "docs", str(out)],
                               cwd=root, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return out


def title(html: Path) -> str:
    return re.search(r"<title>(.*?)</title>", html.read_text(encoding="utf-8"), re.S)[1]


def opf(epub_folder: Path, element: str) -> list[str]:
    return re.findall(rf"<dc:{element}[^>]*>(.*?)</dc:{element}>", (epub_folder / "content.opf").read_text("utf-8"))


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("own") / "project", OWN_SETTINGS)


@pytest.fixture(scope="module")
def unset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("unset") / "project", "")


def test_the_project_s_html_title_is_kept(own: Path) -> None:
    assert title(sphinx(own, "html") / "index.html") == "Полевые заметки &#8212; Field Notes, the HTML edition"


def test_an_unset_html_title_is_the_name_the_project_s_extensions_gave(unset: Path) -> None:
    # house_style set the project's name at config-inited; triglot's handler runs after it.
    assert title(sphinx(unset, "html") / "index.html") == "Полевые заметки &#8212; Field Notes (house style)"


def latex(root: Path, name: str) -> tuple[Path, str, str, list[tuple[str, str]]]:
    """The Russian LaTeX build of *root*: its folder, the TeX file *name*, its class, its title and author."""
    out = sphinx(root, "latex")
    tex = (out / name).read_text(encoding="utf-8")
    documentclass = re.search(r"^\\documentclass\[.*\]\{(\w+)\}$", tex, re.M)[1]
    return out, tex, documentclass, re.findall(r"^\\(title|author)\{(.*)\}$", tex, re.M)


def test_the_project_s_latex_document_and_engine_are_kept(own: Path) -> None:
    out, tex, documentclass, metadata = latex(own, "fieldnotes.tex")
    assert (documentclass, metadata) == (
        "sphinxmanual", [("title", "Field Notes in Print"), ("author", "Ada Example and Bob Sample")])
    assert "xelatex" in (out / "latexmkrc").read_text(encoding="utf-8")
    assert "luatexja" not in tex  # triglot's LuaLaTeX set-up is not forced on an XeLaTeX project
    assert r"\sphinxmaketitle" in tex and "triglotmaketitle" not in tex  # the article's title block is an option
    assert (out / "sphinx.xdy").is_file()  # house_style's latex_use_xindy = True is kept


def test_unset_latex_settings_are_triglot_s(unset: Path) -> None:
    out, tex, documentclass, metadata = latex(unset, "fieldnoteshousestyle-ru.tex")
    assert (documentclass, metadata) == (
        "sphinxhowto", [("title", r"\texorpdfstring{Field Notes (house style)}{Field Notes (house style)}"),
                        ("author", r"\texorpdfstring{Ada Example}{Ada Example}")])
    assert "lualatex" in (out / "latexmkrc").read_text(encoding="utf-8") and "luatexja-preset" in tex
    assert r"\sphinxmaketitle" in tex and "triglotmaketitle" not in tex and r"\sphinxtableofcontents" in tex


def test_the_project_s_epub_metadata_and_name_are_kept(own: Path) -> None:
    out = sphinx(own, "epub")
    assert (out / "field-notes.epub").is_file()
    assert (opf(out, "title"), opf(out, "creator")) == (["Field Notes, the EPUB edition"], ["Ada Example"])


def test_unset_epub_metadata_is_the_edition_s(unset: Path) -> None:
    out = sphinx(unset, "epub")
    assert (out / "fieldnoteshousestyle-ru.epub").is_file()  # the name Sphinx makes of the project, with the language
    assert (opf(out, "title"), opf(out, "creator")) == (["Field Notes (house style)"], ["Ada Example"])


def test_an_epub_left_unset_takes_the_book_conf_py_gives_latex(tmp_path: Path) -> None:
    # The Operations Guide's way: latex_documents names the book, no epub_* setting; the EPUB is the same book.
    book = OWN_SETTINGS.split("\n")[3]
    assert book.startswith("latex_documents = ")
    out = sphinx(make_project(tmp_path / "project", book + "\n"), "epub")
    assert (out / "fieldnotes.epub").is_file()
    assert (opf(out, "title"), opf(out, "creator"), opf(out, "identifier")) == (
        ["Field Notes in Print"], ["Ada Example and Bob Sample"], ["urn:triglot:fieldnoteshousestyle-ru"])


def test_triglot_build_publishes_the_project_s_files_under_their_names(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", OWN_SETTINGS.replace('latex_engine = "xelatex"\n', ""))
    completed = run_triglot("build", "--lang", "ru", "--format", "html", "--format", "pdf", "--format", "epub",
                            cwd=root)
    assert completed.returncode == 0, completed.stderr
    downloads = root / "build" / "site" / "ru" / "downloads"
    assert sorted(path.name for path in downloads.iterdir()) == ["field-notes.epub", "fieldnotes.pdf"]
    info = subprocess.run(["pdfinfo", str(downloads / "fieldnotes.pdf")], capture_output=True, text=True,
                          check=True).stdout
    assert re.findall(r"^(Title|Author):\s+(.*)$", info, re.M) == [
        ("Title", "Field Notes in Print"), ("Author", "Ada Example and Bob Sample")]
    page = (root / "build" / "site" / "ru" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="triglot-download" data-file="([^"]+)"(?: [^>]*)?>', page) == [
        "downloads/fieldnotes.pdf", "downloads/field-notes.epub"]
    assert ' hidden' not in re.search(r'<span class="triglot-downloads"[^>]*>', page)[0]
    status = (root / "build" / "site" / "status.html").read_text(encoding="utf-8")
    assert 'href="ru/downloads/fieldnotes.pdf"' in status and 'href="ru/downloads/field-notes.epub"' in status


def test_a_pdf_engine_triglot_cannot_confine_is_a_clear_failure(own: Path) -> None:
    completed = run_triglot("build", "--lang", "ru", "--format", "pdf", cwd=own)
    assert completed.returncode == 1
    assert completed.stderr.splitlines()[1:3] == [
        "  ru     pdf   FAILED",
        "    the project sets latex_engine = 'xelatex': triglot typesets PDFs with LuaLaTeX only (confined: see "
        "SECURITY.md); set it to 'lualatex' or leave it unset",
    ]
