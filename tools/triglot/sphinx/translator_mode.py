"""The translator mode's data: for each passage of a translated HTML edition, its state in the catalogs.

Each paragraph or title Sphinx translates gets a record: its state
(``translated``, ``fuzzy``, ``untranslated`` or ``refused`` as unsafe, with
the reason of :mod:`triglot.refusal`), its catalog (relative to the
project) and the line of its msgstr, the findings ``triglot check`` reports
on that message, and the edit link made from ``[tool.triglot] edit_url``.
The records of a page go into it as one JSON block
(``<script type="application/json" id="triglot-translator-data">``, with
``<``, ``>`` and ``&`` escaped, so no translation can close it), with the
mode's own words in the edition's language (its button, the states' names:
:data:`~.interface_strings.TRANSLATOR_MESSAGES`, from the interface catalog);
``triglot-translator.js`` shows them only when a translator turns the mode
on, with text nodes only (translations are untrusted).

The catalogs are read as ``triglot check`` reads them (the project's own
files, not the build's checked copies), and noted as dependencies of each
page so that saving a catalog refreshes the records.
"""

from __future__ import annotations

import contextlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from triglot.catalog.model import Entry
from triglot.catalog.parse import read_po
from triglot.config import Settings
from triglot.edit_url import edit_link
from triglot.errors import TriglotError
from triglot.interface import DOMAIN as INTERFACE_DOMAIN
from triglot.refusal import refusal_reason

from .alternates import HTML_BUILDERS
from .interface_strings import translator_strings
from .project_settings import project_settings, sphinx_layout

DATA_ID = "triglot-translator-data"
ID_PREFIX = "triglot-m"
DROPPED = "the build did not use it: Sphinx or triglot's confined parse dropped it (see the build's warnings)"


@dataclass
class LanguageCatalogs:
    """Every catalog entry of one language by msgid (catalog name, file, entry), and ``triglot check``'s
    findings by (PO file, msgstr line)."""

    entries: dict[str, list[tuple[str, Path, Entry]]] = field(default_factory=lambda: defaultdict(list))
    findings: dict[tuple[Path, int], list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))


def _read(settings: Settings, lang: str, catalogs: dict[str, Path], interface: Path) -> LanguageCatalogs:
    """The entries of *catalogs*; the findings of ``triglot check`` on them and on the *interface* catalog."""
    from triglot.checks import run_checks, select_checks
    from triglot.checks.po import checkable, read_catalog
    from triglot.glossary import project_glossary

    read = LanguageCatalogs()
    checked = []
    for path in [interface] if interface.is_file() else []:
        with contextlib.suppress(TriglotError):
            checked.append(read_catalog(path, lang, root=settings.root))
    for name, path in catalogs.items():
        try:
            catalog = read_po(path, root=settings.root)
        except TriglotError:
            continue  # refused whole by the build, reported by triglot check
        checked.append(checkable(catalog, path, lang))
        for entry in catalog.messages:
            if entry.msgid and entry.msgctxt is None and entry.msgid_plural is None and not entry.obsolete:
                read.entries[entry.msgid].append((name, path, entry))
    try:
        glossary = project_glossary(settings)
    except TriglotError:
        glossary = None
    for finding in run_checks(checked, select_checks(), glossary, jobs=1, source_language=settings.source_language,
                              typography=settings.typography):
        read.findings[(Path(finding.file), finding.line)].append(
            {"check": finding.check, "severity": finding.severity, "message": finding.message})
    return read


def _state(entry: Entry | None, translated: bool, allow_fuzzy: bool) -> tuple[str, str | None]:
    """The passage's state and, when refused, why."""
    if entry is None or not entry.msgstr:
        return "untranslated", None
    if entry.fuzzy and not allow_fuzzy:
        return "fuzzy", None  # the build does not use it
    if translated:
        return ("fuzzy" if entry.fuzzy else "translated"), None
    return "refused", refusal_reason(entry.msgid, entry.msgstr) or DROPPED


class NoteMessages(SphinxTransform):
    """Before Sphinx's Locale transform: each passage and its msgid, kept on the document."""

    default_priority = 18

    def apply(self, **kwargs: object) -> None:
        if translator_catalogs(self.app) is not None:
            self.document._triglot_passages = [  # type: ignore[attr-defined]
                (node, msgid) for node, msgid in extract_messages(self.document)
                if isinstance(node, nodes.TextElement) and not isinstance(node, nodes.Inline)]


class AddRecords(SphinxTransform):
    """After the translation: one record per passage, in a JSON block at the end of the page."""

    default_priority = 23  # after Sphinx's Locale (20), before the fallback marks (30)

    def apply(self, **kwargs: object) -> None:
        noted = getattr(self.document, "_triglot_passages", None)
        read = translator_catalogs(self.app)
        if noted is None or read is None:
            return
        del self.document._triglot_passages  # type: ignore[attr-defined]
        settings = project_settings(self.app)
        assert settings is not None
        lang = self.config.language
        layout = sphinx_layout(self.app, settings)
        own = None if layout.patterns else layout.catalog_of(self.env.current_document.docname)
        for path in {path for found in read.entries.values() for _, path, _ in found}:
            self.env.note_dependency(str(path))
        records = []
        for number, (node, msgid) in enumerate(noted, 1):
            records.append(self._place(node, number) | self._record(node, msgid, read, settings, lang, own))
        data = json.dumps({"records": records, "strings": translator_strings()}, ensure_ascii=False, sort_keys=True)
        data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        self.document.append(nodes.raw("", f'<script type="application/json" id="{DATA_ID}">{data}</script>\n',
                                       format="html"))

    def _place(self, node: nodes.Element, number: int) -> dict[str, str]:
        """Where the page shows *node*: its id; for a section's title, the section's (the heading keeps its
        markup); else an id given here."""
        if isinstance(node, nodes.title) and isinstance(node.parent, nodes.section) and node.parent["ids"]:
            return {"section": node.parent["ids"][0]}
        if not node["ids"]:
            node["ids"].append(f"{ID_PREFIX}{number}")
            self.document.ids[node["ids"][-1]] = node
        return {"id": node["ids"][0]}

    def _record(self, node: nodes.Element, msgid: str, read: LanguageCatalogs, settings: Settings, lang: str,
                own: str | None) -> dict:
        found = sorted(read.entries.get(msgid, []), key=lambda item: item[0] != own)
        name, path, entry = found[0] if found else (None, None, None)
        state, reason = _state(entry, bool(node.get("translated")),
                               self.config.gettext_allow_fuzzy_translations)
        record: dict = {"state": state}
        if reason:
            record["reason"] = reason
        if entry is not None and path is not None:
            catalog = path.relative_to(settings.root).as_posix() if path.is_relative_to(settings.root) else str(path)
            record |= {"catalog": catalog, "line": entry.msgstr_line,
                       "findings": read.findings.get((path, entry.msgstr_line), [])}
            if settings.edit_url:
                record["edit"] = edit_link(settings.edit_url, catalog=catalog, path=str(path),
                                           line=entry.msgstr_line, lang=lang, msgid=msgid)
        return record


def translator_catalogs(app: Sphinx) -> LanguageCatalogs | None:
    """The catalogs of a translated HTML edition (read once per process); None for any other build."""
    if app.builder.name not in HTML_BUILDERS or app.config.triglot_translated_sources:
        return None
    settings = project_settings(app)
    lang = app.config.language
    if settings is None or not lang or lang == settings.source_language:
        return None
    cached = getattr(app, "_triglot_translator", None)
    if cached is None:
        layout = sphinx_layout(app, settings)
        cached = _read(settings, lang, layout.catalog_files(lang, settings.root),
                       layout.po_path(lang, INTERFACE_DOMAIN))
        app._triglot_translator = cached  # type: ignore[attr-defined]
    return cached


def _refresh(app: Sphinx, env: object, docnames: list[str]) -> None:
    """Before the documents are read (in this process, before parallel readers fork): read the catalogs again
    (``triglot serve --watch`` may keep the process from one build to the next)."""
    app.__dict__.pop("_triglot_translator", None)
    if docnames:
        translator_catalogs(app)


def _add_assets(app: Sphinx) -> None:
    if app.builder.name in HTML_BUILDERS:
        app.add_js_file("triglot-translator.js", defer="defer")


def setup(app: Sphinx) -> None:
    """Register the transforms and the script."""
    app.add_transform(NoteMessages)
    app.add_transform(AddRecords)
    app.connect("builder-inited", _add_assets)
    app.connect("env-before-read-docs", _refresh)
