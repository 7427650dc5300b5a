"""``sitemap.xml`` at the site's root: every page of every edition with its ``hreflang`` alternates."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr, escape

from ..config import Settings


def sitemap_xml(settings: Settings, pages: dict[str, list[str]], root_page: str, site_url: str) -> str:
    """The sitemap of the editions' *pages* (language → page paths in that edition).

    URLs are absolute under *site_url*; without one they are relative to the
    sitemap (search engines need ``triglot_site_url`` set in conf.py).
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    languages = [lang for lang in settings.languages if lang in pages]
    source = settings.source_language

    def alternates(page: str) -> list[str]:
        links = [(lang.replace("_", "-"), f"{base}{lang}/{page}") for lang in languages if page in pages[lang]]
        default = f"{base}index.html" if page == root_page else f"{base}{source}/{page}"
        if page == root_page or page in pages.get(source, ()):
            links.append(("x-default", default))
        return [f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(code)} href={quoteattr(href)}/>"
                for code, href in links]

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang in languages:
        for page in pages[lang]:
            lines += ["  <url>", f"    <loc>{escape(base + lang + '/' + page)}</loc>", *alternates(page), "  </url>"]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
