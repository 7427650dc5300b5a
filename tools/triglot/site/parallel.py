"""The parallel view: the article in two or three editions side by side.

Built when the site is assembled, from each edition's built root page: every
block carrying a stable id (paragraph ``tg-p<N>``, note ``tg-n<N>``, section
heading by its section id, the same in every edition) becomes one row, with
one cell per edition. Ids and in-page links inside a cell get the cell's
language as a prefix (``ja-id20``), so each column's notes link within the
column; other links point into the edition.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from ..config import Settings
from ..languages import native_name
from .pages import SitePage, render

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One edition's version of one block."""

    lang: str
    html: str


@dataclass(frozen=True)
class Row:
    """One block of the article in every edition that has it."""

    id: str
    kind: str
    cells: tuple[Cell, ...]


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _block_id(element: etree._Element) -> tuple[str, str] | None:
    """(stable id, kind) of an element that is an aligned block, else None."""
    tag = element.tag
    if tag in _HEADINGS and element.getparent().tag == "section" and element.getparent().get("id"):
        return element.getparent().get("id"), "heading"
    if tag == "aside" and "footnote" in _classes(element):
        note = element.xpath('.//span[starts-with(@id, "tg-n")]/@id')
        return (note[0], "note") if note else None
    if tag == "p" and (element.get("id") or "").startswith("tg-p"):
        return element.get("id"), "paragraph"
    return None


def _blocks(element: etree._Element) -> Iterator[tuple[str, str, etree._Element]]:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        found = _block_id(child)
        if found:
            yield found[0], found[1], child
        else:
            yield from _blocks(child)


def _rewrite(block: etree._Element, lang: str, page: str, local_ids: set[str], root: str) -> str:
    """*block*'s HTML for a cell: ids prefixed with *lang*, links pointing into *lang*'s edition (under *root*)."""
    block = copy.deepcopy(block)
    for headerlink in block.xpath('.//a[contains(concat(" ", @class, " "), " headerlink ")]'):
        headerlink.drop_tree()
    for element in block.iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("id"):
            element.set("id", f"{lang}-{element.get('id')}")
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is None or _ABSOLUTE.match(value):
                continue
            if value.startswith("#"):
                target = value[1:]
                element.set(attribute, f"#{lang}-{target}" if target in local_ids else f"{root}{lang}/{page}{value}")
            else:
                element.set(attribute, f"{root}{lang}/{value}")
    block.tail = None
    return lxml.html.tostring(block, encoding="unicode")


def edition_blocks(page: Path, lang: str, root: str = "") -> tuple[str, list[tuple[str, str, str]]]:
    """(title, [(stable id, kind, cell HTML)]) of one edition's root page; links relative to the site's *root*."""
    tree = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    article = tree.find('.//article[@role="main"]')
    if article is None:
        return "", []
    local_ids = {element.get("id") for element in article.iter() if isinstance(element.tag, str) and element.get("id")}
    title = (tree.findtext(".//title") or "").strip()
    return title, [(block_id, kind, _rewrite(element, lang, page.name, local_ids, root))
                   for block_id, kind, element in _blocks(article)]


def align(editions: dict[str, list[tuple[str, str, str]]]) -> list[Row]:
    """Rows in the first edition's order (blocks only another edition has come last)."""
    order: list[tuple[str, str]] = []
    seen: set[str] = set()
    cells: dict[str, list[Cell]] = {}
    for lang, blocks in editions.items():
        for block_id, kind, html in blocks:
            if block_id not in seen:
                seen.add(block_id)
                order.append((block_id, kind))
            cells.setdefault(block_id, []).append(Cell(lang, html))
    return [Row(block_id, kind, tuple(cells[block_id])) for block_id, kind in order]


def parallel_html(settings: Settings, site: Path, page: SitePage, root_page: str = "index.html") -> str | None:
    """The HTML of the parallel view *page* from the editions in *site*; None when no edition is there."""
    editions: dict[str, list[tuple[str, str, str]]] = {}
    titles: dict[str, str] = {}
    for lang in settings.languages:
        edition_page = site / lang / root_page
        if edition_page.is_file():
            titles[lang], editions[lang] = edition_blocks(edition_page, lang, page.root)
    if not editions:
        return None
    languages = [(lang, native_name(lang)) for lang in editions]
    source = settings.source_language if settings.source_language in editions else next(iter(editions))
    return render("parallel.html", page.translations, rows=align(editions), languages=languages, titles=titles,
                  source=source, root_page=root_page, page=page)
