"""The file names of an edition's PDF and EPUB: the project's own (``latex_documents``, ``epub_basename``),
or triglot's ``<catalog>-<lang>`` where the project left them unset."""

from __future__ import annotations

from pathlib import PurePosixPath

from sphinx.config import Config

DOWNLOADS = "downloads"  # the folder of an edition's PDF and EPUB in the site


def output_name(config: Config, fmt: str) -> str:
    """The name of the edition's *fmt* file (``pdf`` or ``epub``): ``article-ru.pdf``, ``OpsGuide.pdf``."""
    if fmt == "pdf":
        return PurePosixPath(config.latex_documents[0][1]).with_suffix(".pdf").name
    return f"{config.epub_basename}.epub"


def download_path(config: Config, fmt: str) -> str:
    """The edition's *fmt* file relative to its edition's root: ``downloads/article-ru.pdf``."""
    return f"{DOWNLOADS}/{output_name(config, fmt)}"
