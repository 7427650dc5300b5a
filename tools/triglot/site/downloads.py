"""Shows each edition's download links whose file is in the site, hides the others.

The HTML pages are written with every download link hidden (the HTML build
cannot know whether the PDF and EPUB builds will succeed); once the site is
assembled, this step shows each link whose file exists, and the
``citation_pdf_url`` tag when the PDF is there (a comment otherwise). It can
run again on the same pages (an edition carried over from an earlier build).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..fs import atomic_write

_LINK = re.compile(r'<a class="triglot-download" data-file="(?P<file>[^"]+)"(?P<rest>[^>]*?)(?P<hidden> hidden)?>')
# The PDF's citation tag, and the comment it becomes while the site has no PDF (so it can come back).
_PDF_META = re.compile(r'(?:<meta name="citation_pdf_url"|<!--triglot-absent citation_pdf_url)'
                       r'(?P<rest> content="[^"]*" data-triglot-file="(?P<file>[^"]+)")(?:>|-->)')
_GROUP = re.compile(r'<span class="triglot-downloads"(?P<hidden> hidden)?>(?P<body>.*?)</span>', re.DOTALL)


def show_downloads(page: str, edition: Path) -> str:
    """*page* (HTML) with each download link shown when its file exists under *edition*."""

    def link(match: re.Match[str]) -> str:
        exists = (edition / match["file"]).is_file()
        return f'<a class="triglot-download" data-file="{match["file"]}"{match["rest"]}{"" if exists else " hidden"}>'

    def group(match: re.Match[str]) -> str:
        body = _LINK.sub(link, match["body"])
        shown = any(not item["hidden"] for item in _LINK.finditer(body))
        return f'<span class="triglot-downloads"{"" if shown else " hidden"}>{body}</span>'

    def pdf_meta(match: re.Match[str]) -> str:  # Google Scholar: a citation_pdf_url must lead to the PDF
        if (edition / match["file"]).is_file():
            return f'<meta name="citation_pdf_url"{match["rest"]}>'
        return f"<!--triglot-absent citation_pdf_url{match['rest']}-->"

    return _PDF_META.sub(pdf_meta, _GROUP.sub(group, page))


def update_edition(edition: Path) -> list[Path]:
    """Apply :func:`show_downloads` to every HTML page of *edition*; the pages changed."""
    changed = []
    for path in sorted(edition.rglob("*.html")):
        if "_static" in path.relative_to(edition).parts:
            continue
        page = path.read_text(encoding="utf-8")
        if 'class="triglot-downloads"' not in page and "data-triglot-file" not in page:
            continue
        new = show_downloads(page, edition)
        if new != page and atomic_write(path, new.encode("utf-8")):
            changed.append(path)
    return changed
