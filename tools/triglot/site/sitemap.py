"""``sitemap.xml`` at the site's root: every page of the site with its ``hreflang`` alternates."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..languages import language_tag

# One page in all its languages: (hreflang, path in the site), ``x-default`` included.
Alternates = list[tuple[str, str]]


def page_groups(languages: list[str], pages: dict[str, list[str]], root_page: str, source: str) -> list[Alternates]:
    """The editions' pages grouped with their versions in the other editions (*pages*: language → paths).

    The x-default of the root document is the site's root page (which sends
    a reader to their language), of any other page its source edition's.
    """
    order = list(dict.fromkeys(page for lang in languages for page in pages.get(lang, ())))
    groups = []
    for page in order:
        group = [(language_tag(lang), f"{lang}/{page}") for lang in languages if page in pages.get(lang, ())]
        if page == root_page:
            group.append(("x-default", "index.html"))
        elif page in pages.get(source, ()):
            group.append(("x-default", f"{source}/{page}"))
        groups.append(group)
    return groups


def sitemap_xml(groups: list[Alternates], site_url: str) -> str:
    """The sitemap listing each path of *groups* once, with its group as its alternates.

    URLs are absolute under *site_url*; without one they are relative to the
    sitemap (search engines need ``triglot_site_url`` set in conf.py).
    """
    base = site_url.rstrip("/") + "/" if site_url else ""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    listed: set[str] = set()
    for group in groups:
        links = [f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(code)} href={quoteattr(base + path)}/>"
                 for code, path in group]
        for _code, path in group:
            if path not in listed:
                listed.add(path)
                lines += ["  <url>", f"    <loc>{escape(base + path)}</loc>", *links, "  </url>"]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
