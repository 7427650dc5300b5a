"""Renders the site-level pages (parallel view, status page) from ``triglot/site/templates``, in a language.

The templates' strings (``_()``, ``{% trans %}``) are messages of the
interface catalogs (:mod:`triglot.interface`); each page is rendered with
the translations of its language.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2

from ..languages import language_tag
from ..punctuation import punctuate


class InterfaceTranslations(gettext.NullTranslations):
    """gettext translations from a dict of checked messages (the interface has no plural messages)."""

    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        """*message* translated, or as it is."""
        return self.messages.get(message, message)


@dataclass(frozen=True)
class SitePage:
    """One language version of a site-level page (``parallel.html``, ``parallel/guide.html``, ``status.html``).

    The source language's version is at the site's root (where the page
    always was); every edition has its own in its folder (``ru/status.html``).
    """

    name: str
    lang: str
    at_root: bool
    translations: gettext.NullTranslations = field(default_factory=gettext.NullTranslations, compare=False)
    alternates: tuple[tuple[str, str], ...] = ()  # (hreflang, href) of every version, x-default last

    @property
    def path(self) -> str:
        """The page's path in the site: ``status.html``, ``ru/status.html``."""
        return self.name if self.at_root else f"{self.lang}/{self.name}"

    @property
    def root(self) -> str:
        """The site's root seen from the page: ``""``, ``"../"``, ``"../../"`` (``ru/parallel/guide.html``)…"""
        return "../" * self.path.count("/")


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("triglot.site", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    environment.filters["tag"] = language_tag  # lang="{{ code|tag }}": pt-BR for pt_BR
    environment.filters["label"] = lambda text, lang: punctuate("label", text, lang)  # "Download: ", "ダウンロード："
    return environment


def render(template: str, translations: gettext.NullTranslations | None = None, **context: Any) -> str:
    """The template *template* of ``triglot/site/templates`` rendered with *context* (HTML escaped).

    Its interface strings are translated by *translations* (English without).
    """
    environment = _environment()
    environment.install_gettext_translations(translations or gettext.NullTranslations(), newstyle=True)
    return environment.get_template(template).render(**context)
