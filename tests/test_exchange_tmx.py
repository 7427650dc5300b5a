"""``triglot export-tmx``: TMX 1.4b valid against the DTD, read back by translate-toolkit unit for unit."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

from conftest import ROOT, run_triglot

DTD = etree.DTD(str(ROOT / "tests" / "data" / "tmx14.dtd"))  # LISA's TMX 1.4b DTD, as OmegaT ships it
FIXTURE = ROOT / "tests" / "fixtures" / "exchange" / "ru.po"


def _valid(data: bytes) -> etree._ElementTree:
    tree = etree.ElementTree(etree.fromstring(data))
    assert DTD.validate(tree), DTD.error_log.filter_from_errors()
    return tree


def test_every_kind_of_entry(project: Path, tmp_path: Path) -> None:
    shutil.copy(FIXTURE, project / "locale" / "ru" / "LC_MESSAGES" / "article.po")
    output = tmp_path / "ru.tmx"
    completed = run_triglot("export-tmx", "--lang", "ru", "-o", str(output), cwd=project)
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")
    data = output.read_bytes()
    tree = _valid(data)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n")
    store = tmxfile.parsestring(data)
    assert [(unit.source, unit.target) for unit in store.units] == [
        ("Japan's Soft Power in Central Asia", "Мягкая сила Японии в Центральной Азии"),
        ('Markup & entities: :term:`soft power` <b>not a tag</b> and a "quote".',
         "Разметка и сущности: :term:`мягкая сила <soft power>` <b>не тег</b> и «цитата»."),
        ("The notes", "Примечания"),
        ("Glossary", "Глоссарий"),
    ]
    props = [[(prop.get("type"), prop.text) for prop in tu.iterfind("prop")] for tu in tree.iterfind("body/tu")]
    assert props == [
        [("x-catalog", "article")],
        [("x-catalog", "article")],
        [("x-catalog", "article"), ("x-fuzzy", "yes")],
        [("x-catalog", "article"), ("x-context", "menu")],
    ]
    header = tree.find("header")
    assert (header.get("srclang"), header.get("segtype"), header.get("datatype")) == ("en", "paragraph", "plaintext")
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tree.iterfind("body/tu/tuv")] == (
        ["en", "ru"] * 4)


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_our_catalogs(lang: str) -> None:
    """The article's catalogs: one unit for each translated singular message, as polib reads them."""
    completed = run_triglot("export-tmx", "--lang", lang, cwd=ROOT)
    assert completed.returncode == 0, completed.stderr
    data = completed.stdout.encode("utf-8")
    _valid(data)
    entries = polib.pofile(str(ROOT / "locale" / lang / "LC_MESSAGES" / "article.po"))
    expected = [(entry.msgid, entry.msgstr) for entry in entries if entry.msgstr and not entry.obsolete]
    assert expected
    assert [(unit.source, unit.target) for unit in tmxfile.parsestring(data).units] == expected


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "en"], "triglot: error: 'en' is the source language: export a translation (ru, ja)\n"),
    (["--lang", "xx"], "triglot: error: unknown language 'xx': this project has en, ru, ja "
                       "(add one with 'triglot add-language xx')\n"),
])
def test_bad_language(project: Path, args: list[str], message: str) -> None:
    completed = run_triglot("export-tmx", *args, cwd=project)
    assert (completed.returncode, completed.stdout, completed.stderr) == (2, "", message)


def test_a_broken_catalog_is_named(project: Path) -> None:
    catalog = project / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    catalog.write_text(FIXTURE.read_text(encoding="utf-8") + 'msgid "x"\nmsgstr y"\n', encoding="utf-8")
    lines = catalog.read_text(encoding="utf-8").count("\n")
    completed = run_triglot("export-tmx", "--lang", "ru", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr.startswith(f"triglot: error: {catalog}:{lines}: ")
    assert completed.stdout == ""


def test_a_real_project_with_several_catalogs(real_projects: dict[str, Path], tmp_path: Path) -> None:
    """The Operations Guide's Japanese catalogs, written by a platform: every translated message of each."""
    output = tmp_path / "ja.tmx"
    completed = run_triglot("export-tmx", "--lang", "ja", "-o", str(output), cwd=real_projects["operations-guide"])
    assert (completed.returncode, completed.stderr) == (0, "")
    tree = _valid(output.read_bytes())
    folder = real_projects["operations-guide"] / "doc" / "source" / "locale" / "ja" / "LC_MESSAGES"
    names = sorted(path.stem for path in folder.glob("*.po") if path.stem != "sphinx")
    assert names == ["doc", "doc-common", "ops-guide"]  # the last from an earlier layout: a memory all the same
    expected = [(name, entry.msgid, entry.msgstr) for name in names
                for entry in polib.pofile(str(folder / f"{name}.po")) if entry.msgstr and not entry.obsolete]
    units = tmxfile.parsestring(output.read_bytes()).units
    catalogs = [tu.findtext("prop[@type='x-catalog']") for tu in tree.iterfind("body/tu")]
    assert sorted(zip(catalogs, [unit.source for unit in units], [unit.target for unit in units])) == sorted(expected)
