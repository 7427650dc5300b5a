"""Translatable metadata: the publication date role and the translated title.

conf.py strings never reach the POT (sphinx#1260), so the title, author and
date live in the article's text. This module formats ``:pubdate:`` per
language with Babel, and sets ``project`` of a translated edition from its
catalog's translation of the title, and ``html_title`` to it when the
project leaves ``html_title`` unset.
"""

from __future__ import annotations

import datetime
import html
import json
from pathlib import Path

import polib
from markupsafe import Markup, escape
from babel.dates import format_date
from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from triglot.edition_files import EDITION_FILE
from triglot.fs import atomic_write
from triglot.markup import parse_rst

from .project_settings import project_settings
from .safety import safe_catalog
from .unset import set_unset


def publication_date(iso_date: str, locale: str) -> str:
    """*iso_date* (YYYY-MM-DD) in the long date format of *locale*: "21 января 2014 г."."""
    return format_date(datetime.date.fromisoformat(iso_date), format="long", locale=locale)


def _pubdate_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner, options=None, content=None):
    env = inliner.document.settings.env
    try:
        formatted = publication_date(text.strip(), env.config.triglot_date_locale or env.config.language)
    except ValueError:
        message = inliner.reporter.error(f"pubdate: {text!r} is not a date of the form YYYY-MM-DD", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    node = nodes.inline(rawtext, formatted, classes=["pubdate"])
    node["datetime"] = text.strip()
    return [node], []


def _translated(app: Sphinx, config: Config, source: str) -> str:
    settings = project_settings(app)
    if settings is None or config.language == settings.source_language:
        return source
    po_path = safe_catalog(app)  # the checked copy of the catalog (triglot.sphinx.safety)
    if po_path is None or not po_path.is_file():
        return source
    try:
        catalog = polib.pofile(str(po_path))
    except (OSError, ValueError):
        return source
    entry = catalog.find(source)
    if entry is None or not entry.translated() or "\n" in entry.msgstr:
        return source
    return title_text(entry.msgstr)


def title_text(msgstr: str) -> str:
    """The text of *msgstr*, a title's translation in reStructuredText, as its page shows it: without markup or
    escapes (``\\*`` is ``*``, ``*Soft Power*`` is Soft Power); *msgstr* itself when it is not a title's text."""
    document, _messages = parse_rst(f"{msgstr}\n{'=' * 2 * len(msgstr)}\n")  # as Sphinx parses a title's msgstr
    title = next(iter(document.findall(nodes.title)), None)
    return title.astext() if title is not None else msgstr


def _apply(app: Sphinx, config: Config) -> None:
    settings = project_settings(app)
    if settings is not None and not config.triglot_date_locale:
        config.triglot_date_locale = settings.babel_locale(config.language)
    title = _translated(app, config, config.project)
    config.triglot_title = title
    config.triglot_source_title = config.project
    config.triglot_author = _translated(app, config, config.author)
    set_unset(config, "html_title", html.escape(title, quote=False))  # Furo prints html_title as HTML, unescaped
    config.project = title


class MetaAttributes(SphinxTransform):
    """A translated ``.. meta::`` loses the ``translated`` flag Sphinx sets on it.

    The HTML writers print every attribute of a meta node, so Sphinx's flag
    became ``<meta name="author" translated="True">``, which HTML and EPUB
    validators reject.
    """

    default_priority = 21  # right after Sphinx's Locale transform (20)

    def apply(self, **kwargs: object) -> None:
        for node in self.document.findall(nodes.meta):
            node.attributes.pop("translated", None)


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """The project's name (a translated title: untrusted) as escaped HTML, for themes that print it unescaped."""
    if isinstance(context.get("project"), str) and not isinstance(context["project"], Markup):
        context["project"] = escape(context["project"])


def _write_edition_file(app: Sphinx) -> None:
    """Record the edition's language, title and author for the site's root page and status page (HTML only)."""
    if app.builder.name != "html":
        return
    config = app.config
    data = {"language": config.language, "title": config.triglot_title, "author": config.triglot_author}
    atomic_write(Path(app.outdir) / EDITION_FILE, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def setup(app: Sphinx) -> None:
    """Register the ``pubdate`` role and the title translation."""
    app.add_config_value("triglot_date_locale", "", "env", types=frozenset({str}))
    app.add_config_value("triglot_title", "", "env", types=frozenset({str}))
    app.add_config_value("triglot_source_title", "", "env", types=frozenset({str}))
    app.add_config_value("triglot_author", "", "env", types=frozenset({str}))
    app.add_role("pubdate", _pubdate_role)
    app.add_transform(MetaAttributes)
    app.connect("config-inited", _apply, priority=800)  # after themes and extensions set the project's name
    app.connect("builder-inited", _write_edition_file)
    app.connect("html-page-context", _page_context)
