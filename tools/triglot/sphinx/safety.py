"""Untrusted translations are checked by the build itself, before Sphinx reads them.

Sphinx parses each msgstr as reStructuredText with every directive and role:
an ``include``, ``raw`` or ``:download:`` in a PO file would read files of the
build machine into the site. So once the language is known, this module reads
every catalog of the edition's language (untrusted; their layout is
:mod:`triglot.catalog.layout`'s), keeps only the translations whose markup
their msgid allows (:mod:`triglot.sanitize`), writes them to a build-private
folder and points ``locale_dirs`` there: Sphinx compiles and uses those
copies, and never sees the original catalogs, nor any other file of the
locale folder (``sphinx.js``, committed ``.mo`` files: each reported). When
a language has several catalogs, a second folder holds all their checked
translations under each catalog's name, so that a message a document's own
catalog lacks is found in another. Each refused translation falls back to
the source text and is reported as a warning of type ``triglot.unsafe``
located at the PO line of its msgstr.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from triglot.fs import atomic_write
from triglot.interface import DOMAIN as INTERFACE_DOMAIN

from .project_settings import project_settings, sphinx_layout

if TYPE_CHECKING:
    from triglot.sanitize import Refusal

logger = logging.getLogger(__name__)

SAFE_LOCALE = "triglot-locale"
SHARED_LOCALE = "triglot-locale-shared"
UNION = "all-catalogs.po"  # beside LC_MESSAGES, where Sphinx does not look for catalogs
# Extra translatable nodes whose translation is not text: an image's file, raw HTML or LaTeX.
UNSAFE_TARGETS = frozenset({"image", "raw"})


def safe_locale_dir(app: Sphinx) -> Path:
    """The build-private locale folder that Sphinx reads instead of the project's."""
    return Path(app.doctreedir) / SAFE_LOCALE


def shared_locale_dir(app: Sphinx) -> Path:
    """The second folder Sphinx reads: every catalog's translations, for messages a document's own catalog lacks."""
    return Path(app.doctreedir) / SHARED_LOCALE


def safe_catalog(app: Sphinx) -> Path | None:
    """The checked translations of the edition being built, all catalogs together when there are several.

    None in the source language or outside a project.
    """
    settings = project_settings(app)
    if settings is None or not app.config.language or app.config.language == settings.source_language:
        return None
    union = shared_locale_dir(app) / app.config.language / UNION
    if union.is_file():
        return union
    layout = sphinx_layout(app, settings)
    return safe_locale_dir(app) / app.config.language / "LC_MESSAGES" / f"{layout.catalog_of(app.config.root_doc)}.po"


def _warn(message: str, path: Path, line: int | None = None) -> None:
    """A ``triglot.unsafe`` warning located at ``path:line`` (Sphinx reads a location without a line as a docname)."""
    if line:
        logger.warning("%s", message, type="triglot", subtype="unsafe", location=f"{path}:{line}")
    else:
        logger.warning("%s: %s", path, message, type="triglot", subtype="unsafe")


def report_refusal(refusal: Refusal) -> None:
    """Report *refusal* as a ``triglot.unsafe`` warning at its PO line."""
    what = "catalog refused, the source text is used throughout" if not refusal.msgid else (
        "translation refused, the source text is used instead"
    )
    _warn(f"{what}: {refusal.reason}", refusal.path, refusal.line)


def _unused_catalogs(folder: Path, used: set[Path]) -> list[Path]:
    """Files of the project's locale folder that Sphinx would otherwise have read: now ignored."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*")
                  if path.is_file() and path.suffix in {".po", ".mo", ".js"} and path not in used)


def _write_catalog(target: Path, messages: dict[str, str], language: str, compile_mo: bool) -> set[Path]:
    """Write the checked catalog; drop a stale ``.mo`` so Sphinx compiles the new one. The files written."""
    from triglot.sanitize import render_catalog

    try:
        data = render_catalog(messages, language)
    except ValueError as exc:
        _warn(f"catalog refused, the source text is used throughout: {exc}", target)
        data = render_catalog({}, language)
    mo = target.with_suffix(".mo")
    if atomic_write(target, data) or not mo.is_file():
        mo.unlink(missing_ok=True)
        if compile_mo:  # Sphinx compiles it itself unless gettext_auto_build is off
            _compile(target, mo, language)
    return {target, mo}


def _compile(po: Path, mo: Path, language: str) -> None:
    with po.open(encoding="utf-8") as handle:
        catalog = read_po(handle, language)
    with mo.open("wb") as handle:
        write_mo(handle, catalog)


def _write_shared(folder: Path, names: list[str], messages: dict[str, str], language: str) -> set[Path]:
    """The union of every catalog's checked translations, under each catalog's name (hard links to one file).

    Sphinx reads a domain in each locale folder in turn: a document's own
    catalog first, then this one, so a message shared by several documents
    is translated once. The ``.mo`` is compiled here, newer than its ``.po``,
    and the links are made again whenever the union changes.
    """
    union = folder / UNION
    written = _write_catalog(union, messages, language, compile_mo=True)
    mo = union.with_suffix(".mo")
    for name in names:
        for source, link in ((union, folder / "LC_MESSAGES" / f"{name}.po"), (mo, folder / "LC_MESSAGES" / f"{name}.mo")):
            if not (link.is_file() and link.samefile(source)):
                link.parent.mkdir(parents=True, exist_ok=True)
                link.unlink(missing_ok=True)
                os.link(source, link)
            written.add(link)
    return written


def _remove_strays(folder: Path, keep: set[Path]) -> None:
    for stray in sorted(folder.rglob("*"), reverse=True) if folder.is_dir() else []:
        if stray.is_file() and stray not in keep:
            stray.unlink()


def _drop_unsafe_targets(app: Sphinx, config: Config) -> None:
    """No catalog chooses an image file or raw content: ``image`` and ``raw`` are never translated."""
    risky = [target for target in config.gettext_additional_targets if target in UNSAFE_TARGETS]
    if risky:
        config.gettext_additional_targets = [
            target for target in config.gettext_additional_targets if target not in UNSAFE_TARGETS
        ]
        _warn(f"gettext_additional_targets {', '.join(risky)} ignored: a translation would choose which file or "
              "raw content the site publishes", Path(app.confdir) / "conf.py")


def _checked_translations(config: Config, catalogs: dict[str, Path],
                          root: Path) -> dict[str, dict[str, str]]:
    """Each catalog's translations that may reach the build (files inside *root* only); the others are reported."""
    from triglot.sanitize import read_safe_catalog  # here: the checks are only needed for a translated edition

    checked = {}
    for name, path in catalogs.items():
        safe = read_safe_catalog(path, root=root, allow_fuzzy=config.gettext_allow_fuzzy_translations)
        for refusal in safe.refusals:
            report_refusal(refusal)
        checked[name] = safe.messages
    return checked


def _union(checked: dict[str, dict[str, str]], first: list[str]) -> dict[str, str]:
    """Every translation of the language; for a message translated twice, the one of the first catalog."""
    union: dict[str, str] = {}
    for name in [*first, *(name for name in checked if name not in first)]:
        for msgid, msgstr in checked.get(name, {}).items():
            union.setdefault(msgid, msgstr)
    return union


def _apply(app: Sphinx, config: Config) -> None:
    settings = project_settings(app)
    if settings is None:
        return
    root, shared = safe_locale_dir(app), shared_locale_dir(app)
    config.locale_dirs = [str(root)]
    language = config.language
    if not language or language == settings.source_language:
        return
    _drop_unsafe_targets(app, config)
    layout = sphinx_layout(app, settings)
    catalogs = layout.catalog_files(language)
    checked = _checked_translations(config, catalogs, settings.root)
    interface = layout.po_path(language, INTERFACE_DOMAIN)  # read by triglot.sphinx.interface_strings
    for ignored in _unused_catalogs(layout.folder(language), {*catalogs.values(), interface}):
        read = ", ".join(f"{name}.po" for name in [*catalogs, INTERFACE_DOMAIN])
        _warn(f"ignored: a build reads only the documents' catalogs and the interface's ({read})", ignored)
    compile_mo = not getattr(config, "gettext_auto_build", True)
    folder = root / language / "LC_MESSAGES"
    config.gettext_compact = layout.sphinx_compact
    order = [name for name, _ in layout.patterns] + sorted(checked)
    if layout.patterns:  # one domain for Sphinx: every catalog's translations, in the table's order
        own = {str(layout.compact): _union(checked, order)}
    else:
        own = checked or {layout.catalog_of(config.root_doc): {}}
    written: set[Path] = set()
    for name, messages in own.items():
        written |= _write_catalog(folder / f"{name}.po", messages, language, compile_mo)
    _remove_strays(root / language, written)
    if len(checked) > 1 and not layout.patterns:
        config.locale_dirs = [str(root), str(shared)]
        _remove_strays(shared / language, _write_shared(shared / language, list(own), _union(checked, order), language))
    else:
        _remove_strays(shared / language, set())


def setup(app: Sphinx) -> None:
    """Check the edition's catalog once the language and the catalog settings are known."""
    app.connect("config-inited", _apply, priority=150)
