"""``triglot export-rst``: the Sphinx source folder with every translation Sphinx uses written into its files.

The tree is the source folder copied (without its catalogs, when they live
inside it: a plain build of the tree must not translate it again, unchecked),
its reStructuredText files translated (:mod:`.rst`) but for the terms of a
Sphinx glossary (a translated build finds a translated term by its English
key, which reStructuredText cannot write: so the terms stay in the source
language, their definitions are translated), the checked interface
translations (the theme's and triglot's words) in ``triglot-locale/``, the
project's glossary in ``triglot-glossary/`` (for the ``triglot-glossary``
directive), and ``conf.py`` told so: the language, ``locale_dirs``,
``triglot_glossary``, and ``triglot_translated_sources`` (nothing is marked
as shown in the source language).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from sphinx.errors import SphinxError

from triglot.catalog.layout import project_layout
from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.fs import atomic_write
from triglot.interface import DOMAIN, read_interface_catalog
from triglot.sanitize import Refusal, read_safe_catalog, render_catalog

from .catalogs import language_catalogs
from .rst import GLOSSARY_TERM, SourceMessage, substitute


LOCALE, GLOSSARY = "triglot-locale", "triglot-glossary"


@dataclass
class RstExport:
    """What an export did: files written, messages translated and kept, refusals, and messages it could not place."""

    files: int = 0
    translated: int = 0
    kept: int = 0
    refusals: list[Refusal] = field(default_factory=list)
    unplaced: list[tuple[Path, SourceMessage]] = field(default_factory=list)
    not_rst: list[Path] = field(default_factory=list)  # sources in another markup (MyST…), copied as they are
    terms_kept: int = 0  # glossary terms left in the source language, so that every :term: still finds its entry


def export_rst(settings: Settings, lang: str, out: Path) -> RstExport:
    """Write the source folder of *lang*'s edition to *out* (a new or empty folder), published in one rename."""
    from triglot.sphinx.rst_export import used_translations  # Sphinx is imported only by this command

    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise TriglotError("exists and is not an empty folder: choose a new one", out)
    docs = settings.docs.resolve()
    if out.resolve().is_relative_to(docs):
        raise TriglotError(f"is inside the source folder {docs}: choose a folder outside it", out)
    result = RstExport()
    refused: set[str] = set()
    for item in language_catalogs(settings, lang):
        safe = read_safe_catalog(item.path, root=settings.root)
        result.refusals += safe.refusals
        refused |= {refusal.msgid for refusal in safe.refusals}
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".triglot-export-", dir=out.parent) as scratch:
        work, staging = Path(scratch) / "sphinx", Path(scratch) / "tree"
        try:
            edition = used_translations(docs, lang, work, refused)
        except SphinxError as exc:
            raise TriglotError(f"Sphinx could not read the {lang} edition: {exc}", docs / "conf.py") from None
        locale = project_layout(settings).locale.resolve()
        shutil.copytree(docs, staging, symlinks=True,
                        ignore=lambda folder, names: [name for name in names if name in ("_build", "__pycache__")
                                                      or (Path(folder) / name).resolve() == locale])
        interface = read_interface_catalog(settings, lang)
        result.refusals += interface.refusals
        atomic_write(staging / LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po", render_catalog(interface.messages, lang))
        for source, file_messages in sorted(edition.messages.items()):
            if source.resolve().is_relative_to(docs):  # a file included from outside the folder is not in the tree
                _write_source(source, staging / source.resolve().relative_to(docs), file_messages, settings, result)
        glossary = _carry_glossary(settings, docs, staging)
        _mark_translated(staging / "conf.py", lang, edition.settings, glossary and {
            "folder": glossary, "languages": list(settings.languages), "source_language": settings.source_language})
        if out.exists():
            out.rmdir()
        os.replace(staging, out)
    return result


def _write_source(source: Path, target: Path, messages: list[SourceMessage], settings: Settings,
                  result: RstExport) -> None:
    """Write *source* translated to *target*, and count what happened to its messages in *result*."""
    if source.suffix != ".rst":
        result.not_rst.append(source)
        return
    terms = [message for message in messages if message.kind == GLOSSARY_TERM and message.translation is not None]
    result.terms_kept += len(terms)
    messages = [replace(message, translation=None) if message in terms else message for message in messages]
    text, missing = substitute(source.read_text(encoding="utf-8"), messages, settings.source_language)
    target.write_text(text, encoding="utf-8")
    result.files += 1
    result.unplaced += [(source, message) for message in missing]
    placed = [message for message in messages if message not in missing]
    result.translated += sum(message.translation is not None for message in placed)
    result.kept += sum(message.translation is None for message in placed)


def _carry_glossary(settings: Settings, docs: Path, staging: Path) -> str | None:
    """Put the project's glossary in the tree (``triglot-glossary/``, unless it is in the source folder already).

    The folder's path relative to ``conf.py``, or None without a glossary.
    """
    folder = settings.glossary.resolve()
    if not folder.is_dir():
        return None
    if folder.is_relative_to(docs):
        return folder.relative_to(docs).as_posix()
    shutil.copytree(folder, staging / GLOSSARY, symlinks=True)
    return GLOSSARY


def _mark_translated(conf: Path, lang: str, edition: dict[str, str], glossary: dict | None) -> None:
    """Say in the tree's ``conf.py`` that its sources are the translation: built as *lang*, with the edition's
    title, author and date locale, nothing marked as fallback, the interface's translations and the glossary
    where the tree has them."""
    if not conf.is_file():
        return
    lines = [f"language = {lang!r}", *(f"{name} = {value!r}" for name, value in edition.items()),
             f"locale_dirs = [{LOCALE!r}]", "triglot_translated_sources = True"]
    if glossary:
        lines.append(f"triglot_glossary = {glossary!r}")
    text = conf.read_text(encoding="utf-8").rstrip()
    conf.write_text(f"{text}\n\n# Added by triglot export-rst: these sources are the {lang} translation.\n"
                    + "\n".join(lines) + "\n", encoding="utf-8")
