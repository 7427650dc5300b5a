"""The site's root page: lists the editions, and sends a reader to their language's."""

from __future__ import annotations

import html
import json
from importlib import resources
from string import Template

from ..config import Settings
from ..languages import language_tag, native_name


def _template(name: str) -> str:
    return resources.files("triglot.site").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def root_index_html(settings: Settings, titles: dict[str, str]) -> str:
    """The HTML of ``build/site/index.html``.

    *titles* maps each language to its edition's title. Without JavaScript
    it is a list of links; with it, the reader goes to the edition of their
    browser's preferred language, when there is one. Its head lists every
    edition as an ``hreflang`` alternate, itself as ``x-default``.
    """
    languages = [lang for lang in settings.languages if lang in titles] or list(settings.languages)
    items = "\n".join(
        f'      <li lang="{language_tag(lang)}"><a href="{lang}/index.html" hreflang="{language_tag(lang)}">'
        f"{html.escape(native_name(lang))}</a> <cite>{html.escape(titles.get(lang, ''))}</cite></li>"
        for lang in languages
    )
    alternates = "\n".join(
        [f'  <link rel="alternate" hreflang="{language_tag(lang)}" href="{lang}/index.html">' for lang in languages]
        + ['  <link rel="alternate" hreflang="x-default" href="index.html">']
    )
    # The source edition's title, else (a site of translations alone) the first edition's.
    main = settings.source_language if settings.source_language in titles else languages[0]
    return Template(_template("root_index.html")).substitute(
        title=html.escape(titles.get(main, "")),
        language=language_tag(main),
        languages_json=json.dumps(languages),
        items=items,
        alternates=alternates,
        css=_template("site.css"),
        parallel_label="Parallel view",
    )
