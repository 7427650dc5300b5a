"""XLIFF 2.0 for CAT tools: a language's catalogs out, and the translations back in, checked like a PO file.

Export: one ``<file>`` per catalog (``original`` = the catalog's name), one
``<unit>`` per active singular message, in catalog order (``name`` = its
msgctxt, when it has one), with one ``<segment>`` that may not be split
(``canResegment="no"``). Its state: ``initial`` without ``<target>`` for an
untranslated message, ``initial`` with a ``<target>`` for a fuzzy one,
``translated`` otherwise. The PO comments (references, extracted and
translator comments) are ``<note>``s, for the translator only: an import
ignores them. Plural messages are not exported (XLIFF 2.0's core has no
plural forms) and an import leaves them alone.

Import: every unit is found in its catalog by msgctxt and source text; its
target (the text of its segments and ignorables, in order) becomes the
msgstr, fuzzy when the segment's state is ``initial``, not fuzzy when it is
``translated``, ``reviewed`` or ``final``; no target or an empty one makes
the message untranslated. Each non-empty target goes through the one
decision (:func:`triglot.refusal.translation_problems`), as a PO file's
msgstr would: one problem in a target that changes its message and nothing
is written (an unsafe translation the catalog already holds, unchanged, is
reported and left to ``triglot check`` and the build). Only entries that
change are rewritten (as ``msgcat`` writes an entry); the rest of each file
keeps its bytes, so importing an unedited export changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from triglot.catalog.model import Catalog, Entry
from triglot.catalog.write import format_po
from triglot.errors import TriglotError
from triglot.fs import MIB, read_input
from triglot.refusal import translation_problems

from .catalogs import LanguageCatalog, exported

NS = "urn:oasis:names:tc:xliff:document:2.0"
VERSIONS = ("2.0", "2.1")  # 2.1 keeps 2.0's namespace and core
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FUZZY_STATE, TRANSLATED_STATE = "initial", "translated"
STATES = ("initial", "translated", "reviewed", "final")
MAX_XLIFF_BYTES = 64 * MIB
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def xliff_document(catalogs: list[LanguageCatalog], source_lang: str, target_lang: str) -> bytes:
    """The XLIFF 2.0 file of *catalogs* (UTF-8)."""
    root = etree.Element(_q("xliff"), {"version": "2.0", "srcLang": source_lang, "trgLang": target_lang},
                         nsmap={None: NS})
    for number, item in enumerate(catalogs, 1):
        file = etree.SubElement(root, _q("file"), {"id": f"f{number}", "original": item.name,
                                                   "canResegment": "no", XML_SPACE: "preserve"})
        units = [entry for entry in item.catalog.entries if exported(entry)]
        for index, entry in enumerate(units, 1):
            _unit(file, f"u{index}", entry, item)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _unit(file: etree._Element, unit_id: str, entry: Entry, item: LanguageCatalog) -> None:
    unit = etree.SubElement(file, _q("unit"), id=unit_id)
    if entry.msgctxt is not None:
        unit.set("name", entry.msgctxt)
    notes = [("location", reference) for reference in entry.references]
    notes += [("developer", comment) for comment in entry.extracted]
    notes += [("translator", comment) for comment in entry.comments]
    if notes:
        holder = etree.SubElement(unit, _q("notes"))
        for category, text in notes:
            _set_text(etree.SubElement(holder, _q("note"), category=category), text, item, entry)
    state = TRANSLATED_STATE if entry.msgstr and not entry.fuzzy else FUZZY_STATE
    segment = etree.SubElement(unit, _q("segment"), state=state)
    _set_text(etree.SubElement(segment, _q("source")), entry.msgid, item, entry)
    if entry.msgstr:
        _set_text(etree.SubElement(segment, _q("target")), entry.msgstr, item, entry)


def _set_text(element: etree._Element, text: str, item: LanguageCatalog, entry: Entry) -> None:
    try:
        element.text = text
    except ValueError:
        raise TriglotError("a character XML cannot carry (a control character): fix the message first",
                           item.path, entry.line) from None


@dataclass
class Imported:
    """What an import would change: the new bytes of each catalog whose entries change, the number of messages
    changed, the unsafe translations it would bring in, which refuse the whole import, and those the catalog
    already holds, which it leaves as they are (both as ``file:line: [check] problem``)."""

    files: dict[Path, bytes] = field(default_factory=dict)
    changed: int = 0
    refusals: list[str] = field(default_factory=list)
    kept_unsafe: list[str] = field(default_factory=list)  # unsafe translations the catalog already has, unchanged


@dataclass(frozen=True)
class _Unit:
    line: int
    context: str | None
    source: str
    target: str
    fuzzy: bool


def read_xliff(path: Path) -> tuple[etree._Element, str, str]:
    """The root of the XLIFF 2.0 file at *path* (untrusted: no DTD, no entity, no network), its srcLang and trgLang."""
    data = read_input(path, root=None, limit=MAX_XLIFF_BYTES, what="XLIFF file")
    if b"<!DOCTYPE" in data:
        raise TriglotError("a document type declaration: refused (XLIFF 2.0 has none)", path, _line_of(data, b"<!DOCTYPE"))
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        message = re.sub(r", line \d+, column \d+$", "", exc.msg)
        raise TriglotError(f"not well-formed XML: {message}", path, exc.lineno) from None
    if root.tag != _q("xliff") or root.get("version") not in VERSIONS:
        raise TriglotError(f"not an XLIFF 2.0 document (a <xliff version=\"2.0\"> root in {NS})", path, root.sourceline)
    return root, root.get("srcLang", ""), root.get("trgLang", "")


def _line_of(data: bytes, needle: bytes) -> int:
    return data.count(b"\n", 0, data.find(needle)) + 1


def import_xliff(path: Path, root: etree._Element, catalogs: dict[str, LanguageCatalog]) -> Imported:
    """Apply the targets of the XLIFF *root* (read from *path*) to *catalogs* (by name); nothing is written.

    Raises TriglotError (file and XLIFF line) for a structure this module does
    not write or a unit no catalog has; lists every problem of every target
    that changes its message in ``refusals`` (then none of ``files`` may be
    written), and those of unchanged ones in ``kept_unsafe``.
    """
    result = Imported()
    seen: set[str] = set()
    for file in root.iterfind(_q("file")):
        name = file.get("original")
        if name not in catalogs:
            raise TriglotError(f"<file original={name!r}>: no such catalog of the language "
                               f"({', '.join(catalogs)})", path, file.sourceline)
        if name in seen:
            raise TriglotError(f"a second <file> for catalog {name!r}", path, file.sourceline)
        seen.add(name)
        item = catalogs[name]
        matched = _matched(path, item, [_read_unit(path, unit) for unit in file.iterfind(_q("unit"))])
        for unit, entry in matched:
            problems = translation_problems(unit.source, unit.target) if unit.target else ()
            where = result.refusals if _changes(unit, entry) else result.kept_unsafe
            where += [f"{path}:{unit.line}: [{problem.check}] {problem.text}" for problem in problems]
        data, changed = _applied(item, matched)
        if changed:
            result.files[item.path] = data
            result.changed += changed
    return result


def _read_unit(path: Path, unit: etree._Element) -> _Unit:
    parts = [child for child in unit if child.tag in (_q("segment"), _q("ignorable"))]
    if not parts:
        raise TriglotError("a <unit> without a <segment>", path, unit.sourceline)
    state = _state(path, parts)
    for part in parts:
        if part.find(_q("source")) is None:
            raise TriglotError(f"a <{etree.QName(part).localname}> without its <source>", path, part.sourceline)
    source = "".join(_text(path, part.find(_q("source"))) for part in parts)
    targets = [part.find(_q("target")) for part in parts]
    target = "".join(_text(path, element) for element in targets if element is not None)
    first = next((element for element in targets if element is not None), None)
    line = first.sourceline if first is not None else unit.sourceline
    return _Unit(line, unit.get("name"), source, target, bool(target) and state == FUZZY_STATE)


def _state(path: Path, parts: list[etree._Element]) -> str:
    states = {part.get("state", "initial") for part in parts if part.tag == _q("segment")}
    for part in parts:
        if part.get("state", "initial") not in STATES:
            raise TriglotError(f"unknown segment state {part.get('state')!r} ({', '.join(STATES)})", path,
                               part.sourceline)
    return FUZZY_STATE if FUZZY_STATE in states else TRANSLATED_STATE


def _text(path: Path, element: etree._Element) -> str:
    """The plain text of a <source> or <target>: inline codes are refused (triglot's units hold text only)."""
    for child in element.iterdescendants():
        if child.tag != _q("mrk"):  # an annotation keeps its text; codes stand for markup triglot never exports
            raise TriglotError(f"inline element <{etree.QName(child).localname}>: triglot's XLIFF units hold "
                               "plain text (the reStructuredText markup is text)", path, child.sourceline)
    return "".join(element.itertext())


def _matched(path: Path, item: LanguageCatalog, units: list[_Unit]) -> list[tuple[_Unit, Entry]]:
    """Each unit with the catalog's entry for its message (by msgctxt and source)."""
    entries = {entry.key: entry for entry in item.catalog.entries if exported(entry)}
    matched: dict[tuple[str | None, str], tuple[_Unit, Entry]] = {}
    for unit in units:
        key = (unit.context, unit.source)
        if key not in entries:
            raise TriglotError(f"catalog {item.name!r} has no such message (the source changed since the export? "
                               "export again): " + _short(unit.source), path, unit.line)
        if key in matched:
            raise TriglotError("a second unit for the same message: " + _short(unit.source), path, unit.line)
        matched[key] = (unit, entries[key])
    return list(matched.values())


def _applied(item: LanguageCatalog, matched: list[tuple[_Unit, Entry]]) -> tuple[bytes, int]:
    """The catalog's bytes with the units' translations, and the number of entries changed."""
    replacements = {entry.first_line: _translated(entry, unit) for unit, entry in matched if _changes(unit, entry)}
    return (_spliced(item.data, item.catalog, replacements) if replacements else item.data), len(replacements)


def _changes(unit: _Unit, entry: Entry) -> bool:
    """Whether the unit changes its entry: another translation, or the fuzzy flag set or cleared."""
    return (unit.target, unit.fuzzy) != (entry.msgstr, entry.fuzzy)


def _translated(entry: Entry, unit: _Unit) -> Entry:
    new = entry.clone()
    new.msgstr = unit.target
    new.set_fuzzy(unit.fuzzy)
    if not unit.fuzzy:  # the previous msgid only explains a fuzzy translation
        new.previous_msgctxt = new.previous_msgid = new.previous_msgid_plural = None
    return new


def _spliced(original: bytes, catalog: Catalog, replacements: dict[int, Entry]) -> bytes:
    """*original* with the lines of each replaced entry (by first line) written anew, as msgcat writes an entry."""
    lines = original.decode("utf-8").split("\n")
    for entry in sorted((entry for entry in catalog.entries if entry.first_line in replacements),
                        key=lambda entry: entry.first_line, reverse=True):
        text = format_po(Catalog([replacements[entry.first_line]])).decode("utf-8")
        lines[entry.first_line - 1:entry.last_line] = text.rstrip("\n").split("\n")
    return "\n".join(lines).encode("utf-8")


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")
