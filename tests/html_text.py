"""Reading built HTML pages in tests: paragraphs, footnotes and links, as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    """What a test needs of a built page."""

    paragraphs: list[str] = field(default_factory=list)  # text of every <p> in the main article
    foreign: list[str] = field(default_factory=list)  # those <p> inside an element whose lang is not the page's
    ids: set[str] = field(default_factory=set)  # every id in the page
    links: list[tuple[str, str]] = field(default_factory=list)  # (class, href) of every <a>
    html_lang: str = ""


# The translator mode's records (one JSON block per translated page): they quote every catalog's texts and
# findings, as escaped JSON (no raw `<` inside, or the pattern does not match and the test sees it all).
_TRANSLATOR_DATA = re.compile(r'<script type="application/json" id="triglot-translator-data">[^<]*</script>')


def without_translator_data(html: str) -> str:
    """*html* without the translator mode's JSON block: what a reader's page shows and runs."""
    return _TRANSLATOR_DATA.sub("", html)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_article = 0
        self._paragraph: list[str] | None = None
        self._paragraph_foreign = False
        self._skip = 0
        self._apparatus = 0  # depth inside the citation block
        self._foreign: list[bool] = []  # per open element: does it (or an ancestor) have another lang?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag not in _VOID:
            inherited = bool(self._foreign and self._foreign[-1])
            lang = attributes.get("lang")
            self._foreign.append(inherited if lang is None or tag == "html" else lang != self.page.html_lang)
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "html":
            self.page.html_lang = attributes.get("lang", "")
        if tag == "article" and attributes.get("role") == "main":
            self._in_article = 1
        elif self._in_article and tag == "article":
            self._in_article += 1
        if tag == "a":
            self.page.links.append((attributes.get("class", ""), attributes.get("href", "")))
            if "headerlink" in attributes.get("class", ""):
                self._skip += 1
        if self._skip and tag != "a":
            self._skip += 1
        if tag == "section" and "triglot-cite" in attributes.get("class", "").split():
            self._apparatus = 1  # "Cite this edition" under the article: not the article's text
        elif self._apparatus and tag not in _VOID:
            self._apparatus += 1
        if self._in_article and tag == "p" and not self._apparatus:
            self._paragraph = []
            self._paragraph_foreign = self._foreign[-1]

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self._foreign:
            self._foreign.pop()
        if self._skip:
            self._skip -= 1
        if self._apparatus and tag not in _VOID:
            self._apparatus -= 1
        if tag == "p" and self._paragraph is not None:
            text = " ".join("".join(self._paragraph).split())
            self.page.paragraphs.append(text)
            if self._paragraph_foreign:
                self.page.foreign.append(text)
            self._paragraph = None
        if tag == "article" and self._in_article:
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._paragraph is not None and not self._skip:
            self._paragraph.append(data)


def read_page(path: Path) -> Page:
    """Parse a built HTML page."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page
