"""The reader's site-level pages, made when the site is assembled.

Shows the download links whose files exist, and writes ``parallel.html``,
``status.html`` and ``sitemap.xml`` at the site's root from the editions the
site holds. Called by ``triglot.site.assemble`` once the editions are in place.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import Settings
from .downloads import update_edition
from ..fs import atomic_write
from .parallel import parallel_html
from .sitemap import sitemap_xml
from .status_page import status_html
from ..sphinx.alternates import READER_FILE
from ..sphinx.metadata import EDITION_FILE
from ..sphinx.switcher import DOWNLOAD_FORMATS, download_file

_SKIPPED_PAGES = {"search.html", "genindex.html"}


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def assemble_reader_pages(settings: Settings, site: Path) -> None:
    """Add the reader's pages to the assembled *site* (``build/site`` being made)."""
    editions = [lang for lang in settings.languages if (site / lang).is_dir()]
    info = {lang: _read_json(site / lang / READER_FILE) for lang in editions}
    for lang in editions:
        update_edition(site / lang)
    source = settings.source_language if settings.source_language in editions else (editions or [""])[0]
    root_page = info.get(source, {}).get("root", "index.html")
    site_url = next((data["site_url"] for data in info.values() if data.get("site_url")), "")
    title = _read_json(site / source / EDITION_FILE).get("title", "") if editions else ""

    parallel = parallel_html(settings, site, root_page)
    if parallel is not None:
        atomic_write(site / "parallel.html", parallel.encode("utf-8"))
    downloads = {lang: {label: download_file(settings.catalog, lang, fmt) for fmt, label in DOWNLOAD_FORMATS}
                 for lang in editions}
    atomic_write(site / "status.html", status_html(settings, site, title, downloads).encode("utf-8"))
    pages = {lang: [page for page in data.get("pages", []) if page not in _SKIPPED_PAGES] for lang, data in info.items()}
    atomic_write(site / "sitemap.xml", sitemap_xml(settings, pages, root_page, site_url).encode("utf-8"))
