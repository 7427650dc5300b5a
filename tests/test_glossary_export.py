"""The exports load in the tools translators use, preferred terms first, forbidden ones deprecated."""

from __future__ import annotations

import csv
import io

import pytest
from lxml import etree
from translate.storage.csvl10n import csvfile
from translate.storage.tbx import tbxfile

from conftest import ROOT
from triglot.glossary import load_glossary
from triglot.glossary.export import export_glossary

TBX = "{urn:iso:std:iso:30042:ed-2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "glossary")


def test_tbx2008_loads_in_translate_toolkit_with_every_preferred_term(glossary) -> None:
    data = export_glossary(glossary, "tbx2008")
    for lang in ("ru", "ja"):
        store = tbxfile(io.BytesIO(data), sourcelanguage="en", targetlanguage=lang)
        units = {unit.getid(): unit for unit in store.units}
        assert len(units) == len(glossary)
        for entry in glossary:
            unit = units[entry.id]
            assert unit.source == entry.term("en").term
            assert unit.target == entry.term(lang).term
            terms = unit.get_target_terms(lang)
            expected = [entry.term(lang).term, *entry.term(lang).variants, *(f.term for f in entry.term(lang).forbidden)]
            assert [term.text for term in terms] == expected
            assert [term.deprecated for term in terms] == [False] * (1 + len(entry.term(lang).variants)) + [True] * len(
                entry.term(lang).forbidden
            )
    store = tbxfile(io.BytesIO(data), sourcelanguage="en", targetlanguage="ru")
    hashimoto = next(unit for unit in store.units if unit.getid() == "hashimoto-ryutaro")
    deprecated = [term for term in hashimoto.get_target_terms("ru") if term.deprecated]
    assert deprecated[0].text == "Хашимото"


def test_tbx_2019_is_tbx_basic_with_concept_entries(glossary) -> None:
    data = export_glossary(glossary, "tbx")
    root = etree.fromstring(data)
    assert root.tag == f"{TBX}tbx"
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    entries = root.findall(f"{TBX}text/{TBX}body/{TBX}conceptEntry")
    assert [entry.get("id") for entry in entries] == [entry.id for entry in glossary]
    koho = next(element for element in entries if element.get("id") == "koho-bunka-gaiko")
    sections = koho.findall(f"{TBX}langSec")
    assert [section.get(XML_LANG) for section in sections] == ["en", "ru", "ja"]
    english = [
        (sec.findtext(f"{TBX}term"), sec.find(f"{TBX}termNote[@type='administrativeStatus']").text)
        for sec in sections[0].findall(f"{TBX}termSec")
    ]
    assert english == [
        ("kōhō bunka gaikō", "preferredTerm-admn-sts"),
        ("public cultural diplomacy", "admittedTerm-admn-sts"),
        ("koho bunka gaiko", "deprecatedTerm-admn-sts"),
        ("kohobunkagaiko", "deprecatedTerm-admn-sts"),
    ]
    assert sections[2].findtext(f"{TBX}descrip[@type='definition']").startswith("外務省が海外広報と文化外交")
    assert "romanization (modified Hepburn): kōhō bunka gaikō" in [n.text for n in sections[2].findall(f"{TBX}note")]
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href=')
    assert export_glossary(glossary, "tbx") == data


def test_csv_is_weblate_glossary_csv(glossary) -> None:
    data = export_glossary(glossary, "csv", "ru")
    assert data.decode("utf-8").splitlines()[0] == "source,target,context,developer_comments"
    store = csvfile(io.BytesIO(data))
    units = {unit.getcontext(): unit for unit in store.units}
    assert units["soft-power"].source == "soft power"
    assert units["soft-power"].target == "мягкая сила"
    assert units["otani-kozui/source-variant-1"].source == "Otani Kozui"
    assert units["otani-kozui/source-variant-1"].target == "Отани Кодзуй"
    assert units["hashimoto-ryutaro/forbidden-1"].target == "Хашимото"
    assert units["hashimoto-ryutaro/forbidden-1"].getnotes().startswith("DEPRECATED, do not use: Polivanov")
    contexts = [unit.getcontext() for unit in store.units]
    assert contexts.index("hashimoto-ryutaro") < contexts.index("hashimoto-ryutaro/variant-1") < contexts.index(
        "hashimoto-ryutaro/forbidden-1"
    )
    assert len(contexts) == len(set(contexts))


def test_tsv_is_an_omegat_glossary(glossary) -> None:
    text = export_glossary(glossary, "tsv", "ja").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == 3 for row in rows)
    first = next(row for row in rows if row[0] == "mottainai")
    assert first[:2] == ["mottainai", "もったいない"]
    assert first[2].endswith("[mottainai]")
    assert ["Otani Kozui", "大谷光瑞"] in [row[:2] for row in rows]


def test_csv_cells_that_start_like_a_formula_are_text(tmp_path) -> None:
    """CSV injection: a term or note starting with = + - @ gets an apostrophe, as Weblate's own CSV export writes it."""
    folder = tmp_path / "glossary"
    folder.mkdir()
    text = (ROOT / "tests" / "fixtures" / "checks" / "glossary" / "terms.yaml").read_text(encoding="utf-8")
    text = text.replace("term: мягкая сила", "term: '=HYPERLINK(\"https://evil.example\",\"мягкая сила\")'")
    text = text.replace("definition: Привлекательность вместо принуждения.", "definition: '@SUM(1+1)'")
    (folder / "terms.yaml").write_text(text, encoding="utf-8")
    data = export_glossary(load_glossary(folder, ("en", "ru", "ja")), "csv", "ru")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    soft_power = next(row for row in rows if row[2] == "soft-power")
    assert soft_power[:2] == ["soft power", "'=HYPERLINK(\"https://evil.example\",\"мягкая сила\")"]
    assert soft_power[3].startswith("'@SUM(1+1)")
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    store = csvfile(io.BytesIO(data))  # still a glossary translate-toolkit (so Weblate) reads
    assert {unit.getcontext() for unit in store.units} >= {"soft-power", "great-game"}
