"""The site's root page: lists the editions, and sends a reader to their language's."""

from __future__ import annotations

import html
import json
from importlib import resources
from string import Template

from .config import Settings
from .languages import native_name


def root_index_html(settings: Settings, titles: dict[str, str]) -> str:
    """The HTML of ``build/site/index.html``.

    *titles* maps each language to its edition's title. Without JavaScript it is a list of links; with it, the reader goes to the
    edition of their browser's preferred language, when there is one.
    """
    items = "\n".join(
        f'      <li lang="{lang}"><a href="{lang}/index.html" hreflang="{lang}">{html.escape(native_name(lang))}</a>'
        f" — <cite>{html.escape(titles.get(lang, ''))}</cite></li>"
        for lang in settings.languages
    )
    title = titles.get(settings.source_language, "")
    template = Template(resources.files("triglot").joinpath("templates/root_index.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=html.escape(title),
        source_language=settings.source_language,
        languages_json=json.dumps(list(settings.languages)),
        items=items,
    )
