"""What an edition's build leaves for the site's assembly: the names of its record files, its downloads, its parallel views.

Shared by the Sphinx extension, which writes them, and the site's assembly,
which reads them without importing Sphinx.
"""

from __future__ import annotations

EDITION_FILE = "triglot-edition.json"  # the edition's language, title and author
READER_FILE = "triglot-reader.json"  # the edition's pages, its root page and the site's URL
BUILD_RECORD = "triglot-build.json"  # in the doctrees folder: passages shown translated, catalogs reached, outputs
DOWNLOAD_FORMATS = (("pdf", "PDF"), ("epub", "EPUB"))

PARALLEL_VIEW = "parallel.html"  # the root page's parallel view; another page's is parallel/<its path>


def page_file(uri: str) -> str:
    """The file of a page's target URI in its edition: ``guide/`` (Sphinx's dirhtml) is ``guide/index.html``."""
    return f"{uri}index.html" if uri == "" or uri.endswith("/") else uri


def parallel_view(uri: str, root_uri: str) -> str:
    """Where, in an edition's folder (and at the site's root), the parallel view of the page *uri* is.

    *root_uri* is the root page's URI: its view is ``parallel.html``, another page's ``parallel/<its file>``.
    """
    return PARALLEL_VIEW if uri == root_uri else f"parallel/{page_file(uri)}"
