"""After a catalog is saved, re-read only the documents whose messages changed; write every page again.

Sphinx re-reads every document that uses a catalog when the catalog
changes: with one catalog for the article, a saved msgstr re-reads them
all. A translated HTML edition here notes, for each document it reads, its
messages and a digest of what the catalogs say of them (every entry of
each message in the language's catalogs: its translation, fuzzy flag and
line, and ``triglot check``'s findings on it, with the edit link's
template: all the translation and the translator mode take from the
catalogs). Before the next read, a document that Sphinx would re-read only
because a catalog changed (its own source, the files it includes and the
settings are as they were) and whose digest is the same is not re-read;
every such document is written again, so that what one page takes from
another (a translated title in the navigation, a glossary term's link)
is as a build from nothing makes it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK, BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import extract_messages

from .project_settings import project_settings
from .translator_mode import LanguageCatalogs, translator_catalogs

CATALOG_SUFFIXES = frozenset({".po", ".mo"})
# On the environment (pickled with it): each document's messages and the digest of their catalog entries.
VIEWS = "triglot_message_views"


def message_digest(read: LanguageCatalogs, msgids: Iterable[str], edit_url: str | None) -> str:
    """What the catalogs say of *msgids*, as one digest."""
    data = [[msgid, [[name, str(path), entry.msgstr, entry.fuzzy, entry.msgstr_line,
                      read.findings.get((path, entry.msgstr_line), [])]
                     for name, path, entry in read.entries.get(msgid, [])]]
            for msgid in msgids]
    text = json.dumps([edit_url, data], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _views(env: BuildEnvironment) -> dict[str, tuple[list[str], str]]:
    if not hasattr(env, VIEWS):
        setattr(env, VIEWS, {})
    return getattr(env, VIEWS)


class NoteMessageDigest(SphinxTransform):
    """Before Sphinx's Locale transform: the document's messages and their digest, kept in the environment."""

    default_priority = 17

    def apply(self, **kwargs: object) -> None:
        read = translator_catalogs(self.app)
        settings = project_settings(self.app)
        if read is None or settings is None:
            return
        msgids = sorted({msgid for _, msgid in extract_messages(self.document)})
        _views(self.env)[self.env.current_document.docname] = (msgids, message_digest(read, msgids,
                                                                                       settings.edit_url))


def read_time(path: Path) -> int:
    """*path*'s modification time as Sphinx notes a document's read time in ``env.all_docs``: microseconds,
    rounded up (``sphinx.util.osutil._last_modified_time``, private, so not imported)."""
    return -(os.stat(path).st_mtime_ns // -1_000)


def changed_besides_catalogs(env: BuildEnvironment, docname: str) -> bool:
    """Whether *docname* is to be read again for another reason than a changed catalog: its source or a
    file it depends on changed, it has no doctree, or it is always read."""
    if docname in env.reread_always or not (Path(env.doctreedir) / f"{docname}.doctree").is_file():
        return True
    read_at = env.all_docs[docname]
    paths = [Path(env.doc2path(docname)), *(Path(path) for path in env.dependencies.get(docname, ())
                                            if Path(path).suffix not in CATALOG_SUFFIXES)]
    return any(not path.is_file() or read_time(path) > read_at for path in paths)


def _keep_unchanged(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Take out of *docnames* the documents whose messages the catalogs say the same of as when last read."""
    app._triglot_kept = []  # type: ignore[attr-defined]
    read = translator_catalogs(app)
    settings = project_settings(app)
    if read is None or settings is None or env.config_status != CONFIG_OK:
        return
    views = _views(env)
    for docname in list(docnames):
        if docname in views and docname in env.all_docs and not changed_besides_catalogs(env, docname):
            msgids, digest = views[docname]
            if message_digest(read, msgids, settings.edit_url) == digest:
                docnames.remove(docname)
                app._triglot_kept.append(docname)  # type: ignore[attr-defined]


def _write_kept(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The documents not read again: written again all the same."""
    return list(getattr(app, "_triglot_kept", []))


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _views(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    theirs = _views(other)
    _views(env).update({docname: theirs[docname] for docname in docnames if docname in theirs})


def setup(app: Sphinx) -> None:
    """Register the transform and the events (after the translator mode reads the catalogs again)."""
    app.add_transform(NoteMessageDigest)
    app.connect("env-before-read-docs", _keep_unchanged, priority=600)
    app.connect("env-get-updated", _write_kept)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
