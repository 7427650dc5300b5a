"""Export the glossary for translators' tools: TBX (2019 and 2008), Weblate CSV, OmegaT TSV.

Every export is deterministic (same glossary, same bytes). In each language
the preferred term comes first, then the admitted variants, then the
forbidden variants, marked deprecated.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from triglot.errors import TriglotError

from .model import PARTS_OF_SPEECH, Entry, Glossary, Term

FORMATS = ("tbx", "tbx2008", "csv", "tsv")
BILINGUAL_FORMATS = ("csv", "tsv")

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
TBX_BASIC_SCHEMA = (
    "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBXcoreStructV03_TBX-Basic_integrated.rng"
)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

PREFERRED, ADMITTED, DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"


def export_glossary(glossary: Glossary, fmt: str, target: str | None = None) -> bytes:
    """The glossary in format *fmt*; the bilingual formats (csv, tsv) need a *target* language."""
    if fmt not in FORMATS:
        raise TriglotError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if fmt in BILINGUAL_FORMATS:
        choices = [lang for lang in glossary.languages if lang != glossary.source_language]
        if target not in choices:
            raise TriglotError(f"the {fmt} export is bilingual: choose the target language with --lang ({', '.join(choices)})")
        return to_csv(glossary, target) if fmt == "csv" else to_tsv(glossary, target)
    return to_tbx(glossary) if fmt == "tbx" else to_tbx2008(glossary)


# --- TBX -----------------------------------------------------------------------------------------


def _terms_in_order(term: Term) -> Iterator[tuple[str, str, str | None]]:
    """(text, administrative status, note) for the preferred term, the variants, the forbidden variants."""
    yield term.term, PREFERRED, None
    for variant in term.variants:
        yield variant, ADMITTED, None
    for item in term.forbidden:
        yield item.term, DEPRECATED, f"Do not use: {item.reason} Use: {term.term}"


def _language_notes(term: Term) -> list[str]:
    notes = []
    if term.reading:
        notes.append(f"reading: {term.reading}")
    if term.romanization:
        notes.append(f"romanization (modified Hepburn): {term.romanization}")
    if term.forms:
        notes.append(f"accepted forms: {', '.join(term.forms)}")
    if term.exception:
        notes.append(f"exception: {term.exception}")
    if term.source:
        notes.append(f"source: {term.source}")
    if term.note:
        notes.append(term.note)
    return notes


def _entry_notes(entry: Entry) -> list[str]:
    notes = [f"category: {entry.category}"]
    if entry.origin:
        notes.append(f"origin: {entry.origin}")
    if entry.note:
        notes.append(entry.note)
    return notes


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _entry_body(entry_element: ET.Element, entry: Entry, glossary: Glossary, *, v2008: bool) -> None:
    lang_tag, term_tag = ("langSet", "tig") if v2008 else ("langSec", "termSec")
    for note in _entry_notes(entry):
        _add(entry_element, "note", note)
    for lang in glossary.languages:
        term = entry.term(lang)
        if term is None:
            continue
        lang_element = ET.SubElement(entry_element, lang_tag, {XML_LANG: lang})
        _add(lang_element, "descrip", term.definition, type="definition")
        for note in _language_notes(term):
            _add(lang_element, "note", note)
        for text, status, note in _terms_in_order(term):
            term_element = ET.SubElement(lang_element, term_tag)
            _add(term_element, "term", text)
            _add(term_element, "termNote", PARTS_OF_SPEECH[entry.pos], type="partOfSpeech")
            _add(term_element, "termNote", status, type="administrativeStatus")
            if note:
                _add(term_element, "note", note)


def _serialize(root: ET.Element, processing: str = "") -> bytes:
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{processing}{body}\n'.encode("utf-8")


def to_tbx(glossary: Glossary) -> bytes:
    """TBX-Basic, ISO 30042:2019 (``<tbx>``, ``conceptEntry``/``langSec``/``termSec``, DCA style)."""
    root = ET.Element("tbx", {"xmlns": TBX_NAMESPACE, "type": "TBX-Basic", "style": "dca", XML_LANG: glossary.source_language})
    file_desc = _add(_add(root, "tbxHeader"), "fileDesc")
    _add(_add(file_desc, "sourceDesc"), "p", "Exported by triglot from the project's glossary.")
    body = _add(_add(root, "text"), "body")
    for entry in glossary:
        _entry_body(_add(body, "conceptEntry", id=entry.id), entry, glossary, v2008=False)
    schema = f'<?xml-model href="{TBX_BASIC_SCHEMA}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    return _serialize(root, schema)


def to_tbx2008(glossary: Glossary) -> bytes:
    """TBX-Basic 2008 (``<martif>``, ``termEntry``/``langSet``/``tig``), as Weblate and translate-toolkit read it."""
    root = ET.Element("martif", {"type": "TBX-Basic-V1", XML_LANG: glossary.source_language})
    header = _add(root, "martifHeader")
    _add(_add(_add(header, "fileDesc"), "sourceDesc"), "p", "Exported by triglot from the project's glossary.")
    _add(_add(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _add(_add(root, "text"), "body")
    for entry in glossary:
        _entry_body(_add(body, "termEntry", id=entry.id), entry, glossary, v2008=True)
    return _serialize(root)


# --- bilingual tables ------------------------------------------------------------------------------


def bilingual_rows(glossary: Glossary, target: str) -> Iterator[tuple[str, str, str, str]]:
    """(source term, target term, context, comment) rows: preferred pairs first in each entry.

    Then the source language's variants (the spellings a source text may use)
    with the preferred target term, the target's admitted variants, and the
    target's forbidden variants, whose comment starts with ``DEPRECATED``.
    """
    for entry in glossary:
        source, wanted = entry.term(glossary.source_language), entry.term(target)
        if source is None or wanted is None:
            continue
        comment = "; ".join([wanted.definition, *_language_notes(wanted), *_entry_notes(entry)[1:]])
        yield source.term, wanted.term, entry.id, comment
        for number, variant in enumerate(source.variants, 1):
            yield variant, wanted.term, f"{entry.id}/source-variant-{number}", f"{source.term}: {comment}"
        for number, variant in enumerate(wanted.variants, 1):
            yield source.term, variant, f"{entry.id}/variant-{number}", f"admitted variant of {wanted.term}"
        for number, item in enumerate(wanted.forbidden, 1):
            yield source.term, item.term, f"{entry.id}/forbidden-{number}", f"DEPRECATED, do not use: {item.reason} Use: {wanted.term}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# A cell starting with one of these is a formula to a spreadsheet (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@")


def spreadsheet_safe(text: str) -> str:
    """*text* with an apostrophe before a formula's first character, as Weblate's and translate-toolkit's CSV
    exports write it (``'=HYPERLINK(…)``), so that a spreadsheet shows it as text."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def to_csv(glossary: Glossary, target: str) -> bytes:
    """Weblate's CSV glossary (translate-toolkit columns: source, target, context, developer_comments).

    A cell that would start like a spreadsheet formula gets an apostrophe first (:func:`spreadsheet_safe`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["source", "target", "context", "developer_comments"])
    for row in bilingual_rows(glossary, target):
        writer.writerow([spreadsheet_safe(_one_line(value)) for value in row])
    return buffer.getvalue().encode("utf-8")


def to_tsv(glossary: Glossary, target: str) -> bytes:
    """OmegaT's tab-separated glossary: source term, target term, comment (UTF-8, one line per pair)."""
    lines = [
        "\t".join(_one_line(value) for value in (source, wanted, f"{comment} [{context}]"))
        for source, wanted, context, comment in bilingual_rows(glossary, target)
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
