"""The parallel views: each page of the editions side by side, block by block.

Built when the site is assembled, one view per page of the source edition
(``parallel.html`` for the root page, ``parallel/<page>`` for the others;
see :func:`triglot.edition_files.parallel_view`), from each edition's built
page. The page's text is what the Sphinx extension marked
(``data-triglot-body``, whatever the theme). Every block carrying a stable
id (paragraph ``tg-p<N>``, note ``tg-n<N>``, section heading by its section
id, the same in every edition) becomes one row, with one cell per edition,
empty where an edition lacks the block. Ids and in-page links inside a cell
get the cell's language as a prefix (``ja-id20``), so each column's notes
link within the column; other links point into the edition.
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from ..config import Settings
from ..edition_files import page_file
from ..languages import native_name
from .pages import SitePage, render

BODY_XPATH = "//*[@data-triglot-body]"  # the mark of triglot.sphinx.body_mark
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One edition's version of one block ("" where the edition lacks it)."""

    lang: str
    html: str


@dataclass(frozen=True)
class Row:
    """One block of the page, a cell per edition."""

    id: str
    kind: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class EditionPage:
    """One edition's version of a page, read once: its title and its aligned blocks (not yet rewritten)."""

    lang: str
    uri: str
    title: str
    blocks: tuple[tuple[str, str, etree._Element], ...]
    local_ids: frozenset[str]


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


def read_edition_page(path: Path, lang: str, uri: str) -> EditionPage:
    """The blocks of *lang*'s page *uri* (its file *path*); none when the page has no marked text."""
    tree = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    title = (tree.findtext(".//title") or "").strip()
    bodies = tree.xpath(BODY_XPATH)
    if not bodies:
        return EditionPage(lang, uri, title, (), frozenset())
    body = bodies[0]
    local_ids = frozenset(element.get("id") for element in body.iter()
                          if isinstance(element.tag, str) and element.get("id"))
    return EditionPage(lang, uri, title, tuple(_blocks(body)), local_ids)


def _rewrite(block: etree._Element, edition: EditionPage, root: str) -> str:
    """*block*'s HTML for a cell: ids prefixed with the language, links into the edition (under the site's *root*)."""
    lang = edition.lang
    block = copy.deepcopy(block)
    for headerlink in block.xpath('.//a[contains(concat(" ", @class, " "), " headerlink ")]'):
        headerlink.drop_tree()
    folder = posixpath.dirname(page_file(edition.uri))
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
                in_page = target in edition.local_ids
                element.set(attribute, f"#{lang}-{target}" if in_page else f"{root}{lang}/{edition.uri}{value}")
            else:
                element.set(attribute, f"{root}{lang}/{posixpath.normpath(posixpath.join(folder, value))}")
    block.tail = None
    return lxml.html.tostring(block, encoding="unicode")


def align(editions: list[EditionPage], root: str) -> list[Row]:
    """A row per block, a cell per edition (in *editions*' order), links under the site's *root*.

    Rows follow the first edition's order; a block another edition alone has
    comes after the block that precedes it in that edition.
    """
    order: list[str] = []
    kinds: dict[str, str] = {}
    cells: dict[str, dict[str, str]] = {}
    for edition in editions:
        at = -1  # where the edition's previous block is in *order*
        for block_id, kind, element in edition.blocks:
            if block_id in cells:
                at = order.index(block_id)
            else:
                at += 1
                order.insert(at, block_id)
                kinds[block_id] = kind
                cells[block_id] = {}
            cells[block_id][edition.lang] = _rewrite(element, edition, root)
    return [Row(block_id, kinds[block_id], tuple(Cell(edition.lang, cells[block_id].get(edition.lang, ""))
                                                 for edition in editions))
            for block_id in order]


def edition_pages(site: Path, langs: list[str], uri: str) -> list[EditionPage]:
    """Page *uri* of each edition of *langs* in *site* that has it."""
    return [read_edition_page(site / lang / page_file(uri), lang, uri) for lang in langs
            if (site / lang / page_file(uri)).is_file()]


def default_columns(langs: list[str], source: str, lang: str) -> list[str]:
    """The two editions a view shows unless the reader chose: the source and *lang* (or the next edition)."""
    second = lang if lang != source and lang in langs else next((code for code in langs if code != source), None)
    return [source] if second is None else [source, second]


def parallel_html(settings: Settings, editions: list[EditionPage], page: SitePage, rows: list[Row]) -> str:
    """The HTML of the parallel view *page* of *editions* (one page, each edition's version of it), *rows*
    being ``align(editions, page.root)`` (the same for every view at the same depth: made once by the caller)."""
    langs = [edition.lang for edition in editions]
    titles = {edition.lang: edition.title for edition in editions}
    source = settings.source_language if settings.source_language in langs else langs[0]
    shown = page.lang if page.lang in titles else source
    languages = [(lang, native_name(lang)) for lang in langs]
    return render("parallel.html", page.translations, rows=rows, languages=languages, labels=dict(languages),
                  title=titles[shown],
                  title_href=f"{page.root}{shown}/{editions[langs.index(shown)].uri}",
                  default=default_columns(langs, source, page.lang), page=page)
