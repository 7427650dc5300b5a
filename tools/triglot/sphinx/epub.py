"""Per-language EPUB metadata: the translated title and author, the language, a stable file name.

Applied in a ``config-inited`` handler because conf.py runs before
``-D language=…``; values a project sets in its conf.py win.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from triglot.fs import atomic_write

from .latex import document_name, typographic

# Settings triglot gives every edition's EPUB unless conf.py sets them.
_OVERRIDABLE = ("epub_title", "epub_author", "epub_basename", "epub_identifier", "epub_scheme", "epub_uid",
                "epub_use_index")


def epub_settings(app: Sphinx, config: Config) -> dict[str, object]:
    """The EPUB settings of *config*'s edition."""
    name = document_name(app, config)
    return {
        "epub_title": typographic(config.triglot_title or config.project, config.language),
        "epub_author": config.triglot_author or config.author,
        "epub_language": config.language,
        "epub_basename": name,
        "epub_identifier": f"urn:triglot:{name}",
        "epub_scheme": "URN",
        "epub_uid": "triglot-edition",
        "epub_use_index": False,
    }


def _apply(app: Sphinx, config: Config) -> None:
    for key, value in epub_settings(app, config).items():
        if key not in _OVERRIDABLE or key not in config._raw_config:
            setattr(config, key, value)


def _page_language(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Give each EPUB page's ``<html>`` the edition's language (reading systems pick fonts by it)."""
    if app.builder.name == "epub" and context.get("html_tag"):
        lang = app.config.language.replace("_", "-")
        context["html_tag"] = context["html_tag"].replace(">", f' lang="{lang}" xml:lang="{lang}">', 1)


def restamp_zip(path: Path, epoch: int) -> None:
    """Give every member of the zip at *path* the time *epoch*, keeping order and compression (reproducible EPUBs)."""
    stamp = time.gmtime(epoch)[:6]
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    temporary = path.with_suffix(".restamped")
    with zipfile.ZipFile(temporary, "w") as target:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.external_attr = info.compress_type, 0o644 << 16
            target.writestr(fixed, data)
    data = temporary.read_bytes()
    temporary.unlink()
    atomic_write(path, data)


def _reproducible(app: Sphinx, exception: BaseException | None) -> None:
    """With ``SOURCE_DATE_EPOCH`` set, the EPUB's zip carries that time instead of the build's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if exception is None and app.builder.name == "epub" and epoch.isdigit():
        restamp_zip(Path(app.outdir) / f"{app.config.epub_basename}.epub", int(epoch))


def setup(app: Sphinx) -> None:
    """Apply the EPUB metadata once the language is known (after the title is translated)."""
    app.connect("config-inited", _apply, priority=300)
    app.connect("html-page-context", _page_language)
    app.connect("build-finished", _reproducible)
