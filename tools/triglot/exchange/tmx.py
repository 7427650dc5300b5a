"""A TMX 1.4b translation memory of one language pair (source → one translation), from its catalogs.

One ``<tu>`` per translated message (singular, active), in catalog order,
source and translation as plain text (their reStructuredText markup is text
to a CAT tool). Properties of each unit: ``x-catalog`` (the catalog's name),
``x-context`` (the msgctxt, when there is one) and ``x-fuzzy`` = ``yes`` for
a translation the catalog marks fuzzy (needing review); an untranslated
message has no unit. The file is deterministic: no creation date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from triglot import __version__
from triglot.errors import TriglotError

from .catalogs import LanguageCatalog, exported

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


@dataclass(frozen=True)
class MemoryUnit:
    """One translation unit: the source text, its translation, where it comes from and whether it is fuzzy."""

    source: str
    target: str
    catalog: str
    context: str | None = None
    fuzzy: bool = False


def memory_units(catalogs: Iterable[LanguageCatalog]) -> list[MemoryUnit]:
    """The translated messages of *catalogs*, fuzzy ones included (marked)."""
    return [
        MemoryUnit(entry.msgid, entry.msgstr, item.name, entry.msgctxt, entry.fuzzy)
        for item in catalogs for entry in item.catalog.entries
        if exported(entry) and entry.msgstr
    ]


def tmx_document(units: Iterable[MemoryUnit], source_lang: str, target_lang: str) -> bytes:
    """The TMX 1.4b file of *units* (UTF-8, with the DTD's doctype)."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "triglot", "creationtoolversion": __version__, "segtype": "paragraph",
        "o-tmf": "PO", "adminlang": source_lang, "srclang": source_lang, "datatype": "plaintext",
    })
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu")
        _prop(tu, "x-catalog", unit.catalog)
        if unit.context is not None:
            _prop(tu, "x-context", unit.context)
        if unit.fuzzy:
            _prop(tu, "x-fuzzy", "yes")
        for lang, text in ((source_lang, unit.source), (target_lang, unit.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            _text(etree.SubElement(tuv, "seg"), text, unit)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, doctype=DOCTYPE) + b"\n"


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = value


def _text(element: etree._Element, text: str, unit: MemoryUnit) -> None:
    try:
        element.text = text
    except ValueError:
        raise TriglotError(f"a message of catalog {unit.catalog!r} holds a character XML cannot carry "
                           f"(a control character): {unit.source[:60]!r}") from None
