"""What an edition's build leaves for the site's assembly: the names of its record files and of its downloads.

Shared by the Sphinx extension, which writes them, and the site's assembly,
which reads them without importing Sphinx.
"""

from __future__ import annotations

EDITION_FILE = "triglot-edition.json"  # the edition's language, title and author
READER_FILE = "triglot-reader.json"  # the edition's pages, its root page and the site's URL
BUILD_RECORD = "triglot-build.json"  # in the doctrees folder: passages shown translated, catalogs reached, outputs
DOWNLOAD_FORMATS = (("pdf", "PDF"), ("epub", "EPUB"))

