"""Untrusted translations are checked by the build itself, before Sphinx reads them.

Sphinx parses each msgstr as reStructuredText with every directive and role:
an ``include``, ``raw`` or ``:download:`` in a PO file would read files of the
build machine into the site. So once the language is known, this module reads
the edition's catalog (untrusted), keeps only the translations whose markup
their msgid allows (:mod:`triglot.sanitize`), writes them to a build-private
folder and points ``locale_dirs`` there: Sphinx compiles and uses that copy,
and never sees the original catalogs, nor any other file of the locale folder
(``sphinx.po``, ``sphinx.js``, committed ``.mo`` files: each reported). Each refused
translation falls back to the source text and is reported as a warning of
type ``triglot.unsafe`` located at the PO line of its msgstr.
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

from .project_settings import project_settings

if TYPE_CHECKING:
    from triglot.sanitize import Refusal

logger = logging.getLogger(__name__)

SAFE_LOCALE = "triglot-locale"
# Extra translatable nodes whose translation is not text: an image's file, raw HTML or LaTeX.
UNSAFE_TARGETS = frozenset({"image", "raw"})


def safe_locale_dir(app: Sphinx) -> Path:
    """The build-private locale folder that Sphinx reads instead of the project's."""
    return Path(app.doctreedir) / SAFE_LOCALE


def safe_catalog(app: Sphinx) -> Path | None:
    """The checked catalog of the edition being built (None in the source language or outside a project)."""
    settings = project_settings(app)
    if settings is None or not app.config.language or app.config.language == settings.source_language:
        return None
    return safe_locale_dir(app) / app.config.language / "LC_MESSAGES" / f"{settings.catalog}.po"


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


def _unused_catalogs(settings_locale: Path, language: str, catalog: str) -> list[Path]:
    """Files of the project's locale folder that Sphinx would otherwise have read: now ignored."""
    folder = settings_locale / language / "LC_MESSAGES"
    if not folder.is_dir():
        return []
    read = {f"{catalog}.po", f"{INTERFACE_DOMAIN}.po"}  # the interface catalog: triglot.sphinx.interface_strings
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".po", ".mo", ".js"} and path.relative_to(folder).as_posix() not in read
    )


def _write_catalog(target: Path, messages: dict[str, str], language: str, compile_mo: bool) -> None:
    """Write the checked catalog; drop a stale ``.mo`` so Sphinx compiles the new one."""
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
            with target.open(encoding="utf-8") as handle:
                catalog = read_po(handle, language)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
    for stray in target.parent.iterdir():
        if stray not in {target, mo}:
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


def _apply(app: Sphinx, config: Config) -> None:
    settings = project_settings(app)
    if settings is None:
        return
    root = safe_locale_dir(app)
    config.locale_dirs = [str(root)]
    target = safe_catalog(app)
    if target is None:
        return
    _drop_unsafe_targets(app, config)
    # Imported here: the checks are only needed once a translated edition is built.
    from triglot.sanitize import read_safe_catalog

    source = settings.po_path(config.language)
    safe = read_safe_catalog(source, root=settings.root, allow_fuzzy=config.gettext_allow_fuzzy_translations) \
        if os.path.lexists(source) else None
    for refusal in safe.refusals if safe else ():
        report_refusal(refusal)
    for ignored in _unused_catalogs(settings.locale, config.language, settings.catalog):
        _warn(f"ignored: a build reads only {settings.catalog}.po and {INTERFACE_DOMAIN}.po of the locale folder",
              ignored)
    compile_mo = not getattr(config, "gettext_auto_build", True)
    _write_catalog(target, safe.messages if safe else {}, config.language, compile_mo)


def setup(app: Sphinx) -> None:
    """Check the edition's catalog once the language and the catalog settings are known."""
    app.connect("config-inited", _apply, priority=150)
