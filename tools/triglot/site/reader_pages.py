"""The reader's site-level pages, made when the site is assembled.

Shows the download links whose files exist, and writes the parallel views
(one per page) and the status page (at the site's root in the source
language, and in each edition's folder in its language: ``ru/status.html``,
``ru/parallel/guide.html``), and ``sitemap.xml``, from the editions the site
holds. Called by ``triglot.site.assemble`` once
the editions are in place.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import Settings
from ..fs import atomic_write
from ..languages import language_tag
from ..edition_files import DOWNLOAD_FORMATS, EDITION_FILE, READER_FILE, parallel_view
from .downloads import update_edition
from .pages import InterfaceTranslations, SitePage
from .parallel import Row, align, edition_pages, parallel_html
from .parts import DOWNLOADS, PartManifest
from .sitemap import Alternates, page_groups, sitemap_xml
from ..build.passages import Passages
from .catalog_status import CatalogStatus
from .status_page import NOT_EDITION_PAGES, edition_status, status_html

SITE_PAGES = ("parallel.html", "status.html")


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _catalogs(manifest: PartManifest | None) -> CatalogStatus:
    return manifest.status if manifest is not None and manifest.status is not None else CatalogStatus()


def edition_downloads(edition: Path) -> dict[str, str]:
    """The PDF and EPUB an edition's folder holds (label -> path in the edition), whatever their names."""
    found = {}
    for fmt, label in DOWNLOAD_FORMATS:
        files = sorted((edition / DOWNLOADS).glob(f"*.{fmt}"))
        if files:
            found[label] = f"{DOWNLOADS}/{files[0].name}"
    return found


def _passages(manifest: PartManifest | None) -> Passages | None:
    return manifest.passages if manifest is not None else None


def site_page_group(editions: list[str], name: str) -> Alternates:
    """The versions of the site-level page *name*: one per edition, the root's as x-default."""
    return [(language_tag(lang), f"{lang}/{name}") for lang in editions] + [("x-default", name)]


def site_page_versions(settings: Settings, editions: list[str], name: str, site_url: str,
                       interface: dict[str, dict[str, str]]) -> list[SitePage]:
    """*name* at the site's root (source language) and in every edition, each knowing the others as alternates.

    *interface* holds each language's checked interface translations (from its HTML part).
    """
    source = settings.source_language
    group = site_page_group(editions, name)
    versions = [SitePage(name, source, True)] + [SitePage(name, lang, False) for lang in editions]
    return [SitePage(page.name, page.lang, page.at_root, InterfaceTranslations(interface.get(page.lang, {})),
                     tuple((code, _href(page, path, site_url)) for code, path in group)) for page in versions]


def _href(page: SitePage, path: str, site_url: str) -> str:
    """*path* (in the site) as a link from *page*: absolute when the site's URL is known."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else f"{page.root}{path}"


def assemble_reader_pages(settings: Settings, site: Path, html_parts: dict[str, PartManifest]) -> None:
    """Add the reader's pages to the assembled *site* (``build/site`` being made), whose HTML editions are the
    parts *html_parts* (language → manifest: their catalogs' status and interface translations)."""
    editions = [lang for lang in settings.languages if (site / lang).is_dir()]
    interface = {lang: manifest.interface for lang, manifest in html_parts.items()}
    info = {lang: _read_json(site / lang / READER_FILE) for lang in editions}
    for lang in editions:
        update_edition(site / lang)
    source = settings.source_language if settings.source_language in editions else (editions or [""])[0]
    root_page = info.get(source, {}).get("root", "index.html")
    site_url = next((data["site_url"] for data in info.values() if data.get("site_url")), "")
    titles = {lang: _read_json(site / lang / EDITION_FILE).get("title", "") for lang in editions}

    pages = {lang: [page for page in data.get("pages", []) if page not in NOT_EDITION_PAGES]
             for lang, data in info.items()}
    for uri in pages.get(source) or [root_page]:
        found = edition_pages(site, editions, uri)
        if not found:
            continue
        aligned: dict[str, list[Row]] = {}  # by the site's root seen from the view: the links in the cells
        for page in site_page_versions(settings, editions, parallel_view(uri, root_page), site_url, interface):
            if page.root not in aligned:
                aligned[page.root] = align(found, page.root)
            html = parallel_html(settings, found, page, aligned[page.root])
            atomic_write(site / page.path, html.encode("utf-8"), root=site)
    downloads = {lang: edition_downloads(site / lang) for lang in editions}
    statuses = [edition_status(site, lang, _catalogs(html_parts.get(lang)), _passages(html_parts.get(lang)),
                               downloads[lang]) for lang in editions]
    for page in site_page_versions(settings, editions, "status.html", site_url, interface):
        title = titles.get(page.lang) or titles.get(source, "")
        atomic_write(site / page.path, status_html(settings, statuses, title, page).encode("utf-8"))

    groups = page_groups(editions, pages, root_page, source)
    groups += [site_page_group(editions, name) for name in SITE_PAGES if (site / name).is_file()]
    atomic_write(site / "sitemap.xml", sitemap_xml(groups, site_url).encode("utf-8"))
