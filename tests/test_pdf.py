"""The PDF editions: text, fonts, metadata, page 1 rendered for people to look at; failures that explain themselves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import polib
import pytest

from conftest import copy_project
from editions import editions_built

LANGS = ["en", "ru", "ja"]
# A term of each edition that only its own text has (the article's key terms, see terms.md).
KEY_TERMS = {"en": "kōhō bunka gaikō", "ru": "Хасимото", "ja": "広報文化外交"}
TITLE = "Japan's Soft Power in Central Asia"
AUTHOR = "Olga Dobrinskaya"


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return editions_built(tmp_path_factory)


def pdf(root: Path, lang: str) -> Path:
    return root / "build" / "site" / lang / "downloads" / f"article-{lang}.pdf"


def translation(root: Path, lang: str, msgid: str) -> str:
    """The edition's rendering of *msgid*: the source text in English, the catalog's msgstr otherwise."""
    if lang == "en":
        return msgid
    entry = polib.pofile(str(root / "locale" / lang / "LC_MESSAGES" / "article.po")).find(msgid)
    assert entry is not None and entry.msgstr, f"{lang}: {msgid!r} is not translated"
    return entry.msgstr


def pdf_lines(path: Path, *pages: str) -> list[str]:
    """The PDF's text lines (*pages*: pdftotext's ``-f N -l M``)."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.splitlines()


def text_of(path: Path, *pages: str) -> str:
    """The PDF's text on one line, with the hyphens of broken words joined."""
    return re.sub(r"\s+", " ", re.sub(r"(?<=\w)-\n(?=\w)", "", "\n".join(pdf_lines(path, *pages))))


@pytest.mark.parametrize("lang", LANGS)
def test_each_edition_has_its_key_term_and_title(editions: Path, lang: str) -> None:
    text = text_of(pdf(editions, lang))
    compact = text.replace(" ", "")
    assert KEY_TERMS[lang].replace(" ", "") in compact
    assert translation(editions, lang, TITLE).replace("'", "’").replace(" ", "") in compact
    # The English text stays out of the translations' running text.
    if lang != "en":
        assert "Soft power in modern international relations" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded(editions: Path, lang: str) -> None:
    listing = subprocess.run(["pdffonts", str(pdf(editions, lang))], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    fonts = {line.split()[0].split("+", 1)[-1]: line.split() for line in listing}
    assert fonts, "no fonts listed"
    not_embedded = [name for name, row in fonts.items() if row[-5] != "yes"]
    assert not_embedded == []
    assert "FreeSerif" in fonts
    if lang == "ja":
        assert "HaranoAjiMincho-Regular" in fonts


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_is_in_the_editions_language(editions: Path, lang: str) -> None:
    path = pdf(editions, lang)
    info = dict(line.split(":", 1) for line in subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True).stdout.splitlines())
    assert info["Title"].strip() == translation(editions, lang, TITLE).replace("'", "’")
    assert info["Author"].strip() == translation(editions, lang, AUTHOR)
    assert info["Page size"].strip().startswith("595.276 x 841.89")  # A4
    expected = {"en": "en-GB", "ru": "ru", "ja": "ja"}[lang]
    assert f"/Lang({expected})" in catalog_entries(path) or f"/Lang ({expected})" in catalog_entries(path)


def catalog_entries(path: Path) -> str:
    """The PDF's objects as text, object streams inflated (LuaTeX compresses the catalog)."""
    data = path.read_bytes()
    parts = [data.decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end():match.end() + 200_000]).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


@pytest.mark.parametrize("lang", LANGS)
def test_page_one_is_rendered_for_review(editions: Path, lang: str, artifacts: Path) -> None:
    target = artifacts / f"pdf-{lang}-page1"
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-singlefile", "-png", str(pdf(editions, lang)),
                    str(target)], check=True)
    png = target.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_title_block_is_printed_once(editions: Path) -> None:
    page_one = text_of(pdf(editions, "en"), "-f", "1", "-l", "1")
    assert page_one.startswith("Japan’s Soft Power in Central Asia Olga Dobrinskaya Institute of Far Eastern "
                               "Studies, Russian Academy of Sciences, 21 January 2014 Soft power in modern")
    assert page_one.count("Olga Dobrinskaya") == 1
    # The notes are footnotes: the "Notes" rubric that heads them in HTML is not printed.
    assert "Notes" not in [line.strip() for line in pdf_lines(pdf(editions, "en"))]


def test_a_glyph_missing_from_the_fonts_fails_the_pdf_with_the_lines_that_matter(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    colophon = root / "docs" / "colophon.rst"
    # ❯ (a Dingbat neither FreeFont nor HaranoAji has) is set in DejaVu, the emoji drawn (twemojis); the
    # hieroglyph is in no font here.
    colophon.write_text(colophon.read_text(encoding="utf-8")
                        + "\n❯ \U0001F9E9 A sign no font has: \U00013000 here.\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", "--lang", "en", "--format", "pdf",
                                "--format", "html"], cwd=root, capture_output=True, text=True)
    assert completed.returncode == 1
    report = completed.stderr.splitlines()
    start = report.index("  en     pdf   FAILED")
    assert report[start + 1:start + 5] == [
        "    LaTeX failed:",
        "    Missing character: there is no \U00013000 (U+13000) in the font FreeSerif.otf",
        "    in the text: …❯ \U0001F9E9 A sign no font has: \U00013000 here.…",
        f"    full log: {root / 'build' / 'logs' / 'en-pdf.latex.log'}",
    ]
    assert "Missing character" in (root / "build" / "logs" / "en-pdf.latex.log").read_text(encoding="utf-8")
    assert "  en     html  ok" in report
    assert (root / "build" / "site" / "en" / "index.html").is_file()
    assert not (root / "build" / "site" / "en" / "downloads" / "article-en.pdf").exists()
    assert report[-1] == f"triglot: site in {root / 'build' / 'site'}/ (without en pdf: failed in this build)"


def test_without_tex_html_and_epub_build_and_the_pdf_names_the_packages(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    empty = tmp_path / "bin"
    empty.mkdir()
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", "--lang", "en", "--format", "html",
                                "--format", "pdf", "--format", "epub"], cwd=root, capture_output=True, text=True,
                               env={**os.environ, "PATH": str(empty)})
    assert completed.returncode == 2
    report = completed.stderr.splitlines()
    start = report.index("  en     pdf   FAILED")
    packages = ("fonts-dejavu-core fonts-freefont-otf latexmk texlive-binaries texlive-lang-japanese "
                "texlive-latex-base texlive-latex-extra texlive-latex-recommended texlive-luatex texlive-pictures")
    assert report[start + 1] == (
        f"    the PDF editions need TeX Live with LuaLaTeX, which is missing here: install the Debian packages "
        f"{packages} (sudo apt-get install {packages}), or run ./dev build, which installs them; "
        f"the HTML and EPUB editions do not need them")
    assert "  en     html  ok" in report and "  en     epub  ok" in report
    downloads = root / "build" / "site" / "en" / "downloads"
    assert sorted(path.name for path in downloads.iterdir()) == ["article-en.epub"]


def pdf_outline(path: Path) -> list[tuple[int, str]]:
    """The PDF's outline as (depth, title), read by poppler's pdftohtml."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", str(path)],
                         capture_output=True, text=True, check=True).stdout
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True))
    outline = root.find("outline")

    def walk(element, depth: int) -> list[tuple[int, str]]:
        found = []
        for child in element:
            if child.tag == "item":
                found.append((depth, child.text))
            elif child.tag == "outline":
                found += walk(child, depth + 1)
        return found

    return walk(outline, 0) if outline is not None else []


@pytest.mark.parametrize("lang", LANGS)
def test_the_outline_starts_with_the_article(editions: Path, lang: str) -> None:
    outline = pdf_outline(pdf(editions, lang))
    title = translation(editions, lang, TITLE)
    top = [text for depth, text in outline if depth == 0]
    assert top == [title.replace("'", "’") if lang == "en" else title, translation(editions, lang, "Glossary"),
                   translation(editions, lang, "Editorial notes"), translation(editions, lang, "Colophon")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_is_pdf_a_2b_with_xmp_metadata_and_tagged(editions: Path, lang: str) -> None:
    path = pdf(editions, lang)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info and "Metadata Stream: yes" in info
    xmp = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    expected = {"en": "en-GB", "ru": "ru", "ja": "ja"}[lang]
    title = translation(editions, lang, TITLE).replace("'", "’")
    assert f'<dc:title>\n    <rdf:Alt>\n     <rdf:li xml:lang="{expected}">{title}</rdf:li>' in xmp
    assert f'<rdf:li xml:lang="{expected}">{translation(editions, lang, AUTHOR)}</rdf:li>' in xmp
    assert f"<dc:language>\n    <rdf:Bag>\n     <rdf:li>{expected}</rdf:li>" in xmp
    translator = {"ru": "редакция triglot", "ja": "triglot編集部"}.get(lang)
    if translator:
        assert f"<dc:contributor><rdf:Bag><rdf:li>{translator}</rdf:li></rdf:Bag></dc:contributor>" in xmp
    else:
        assert "dc:contributor" not in xmp


@pytest.mark.parametrize("lang", LANGS)
def test_no_near_empty_page_but_the_last(editions: Path, lang: str) -> None:
    path = pdf(editions, lang)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                                                             check=True).stdout)[1])
    counts = [len(re.sub(r"\s", "", text_of(path, "-f", str(page), "-l", str(page)))) for page in range(1, pages + 1)]
    typical = sorted(counts)[len(counts) // 2]
    assert [page for page, count in enumerate(counts[:-1], 1) if count < typical // 4] == [], counts


def test_fixed_strings_are_in_the_editions_language(editions: Path) -> None:
    # The emendation table has no caption: its continuation says only "continued", in the edition's language.
    for lang, continued in (("ru", "(продолжение с предыдущей страницы)"), ("ja", "(前のページからの続き)"),
                            ("en", "(continued from previous page)")):
        lines = [line.strip() for line in pdf_lines(pdf(editions, lang))]
        assert continued in lines, lang
        assert not any(line.startswith(("Table 1", "Таблица 1")) for line in lines), lang
