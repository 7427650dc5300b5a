"""What an edition's build leaves for the site's assembly: the names of its record files and of its downloads.

Shared by the Sphinx extension, which writes them, and the site's assembly,
which reads them without importing Sphinx.
"""

from __future__ import annotations

EDITION_FILE = "triglot-edition.json"  # the edition's language, title and author
READER_FILE = "triglot-reader.json"  # the edition's pages, its root page and the site's URL
PASSAGES_FILE = "triglot-passages.json"  # in the doctrees folder: passages shown translated, catalogs reached
DOWNLOAD_FORMATS = (("pdf", "PDF"), ("epub", "EPUB"))


def download_file(catalog: str, lang: str, fmt: str) -> str:
    """A download's path relative to its edition's root: ``downloads/article-ru.pdf``."""
    return f"downloads/{catalog}-{lang}.{fmt}"
