"""Checks of the editor's inputs before Sphinx runs: a bad file is reported at its line, not as a Sphinx crash."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..config import Settings
from ..errors import TriglotError
from ..fs import MIB, check_inside, file_kind, read_input

SOURCE_SUFFIXES = (".rst", ".txt", ".py", ".md")
#: A source file larger than this is refused (a long book chapter is well under 1 MB).
MAX_SOURCE_BYTES = 16 * MIB


def check_text_file(path: Path, root: Path | None = None) -> None:
    """Raise TriglotError at the line of the first byte of *path* that is not UTF-8 (or if it is no file)."""
    data = read_input(path, root=root, limit=MAX_SOURCE_BYTES, what="source file")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TriglotError("not UTF-8 text: save the file as UTF-8", path, line) from None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise TriglotError("a NUL byte: this is not a text file", path, line)


def check_sources(docs: Path, root: Path) -> None:
    """Every entry of the Sphinx source folder is a file or a folder inside *root* (the project), and every
    source file (RST, Markdown, conf.py) is UTF-8 text; raise TriglotError at the first that is not.

    Sphinx follows symbolic links and opens whatever it finds: a link leading
    out of the project, a FIFO or a device is refused before it runs.
    """
    check_inside(docs, root)
    for folder, subfolders, files in os.walk(docs):
        subfolders[:] = sorted(name for name in subfolders if name != "_build")
        for name in [*subfolders, *sorted(files)]:
            path = Path(folder) / name
            check_inside(path, root)
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                raise TriglotError(f"cannot read it: {exc.strerror}", path) from None
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                raise TriglotError(f"the source folder holds {file_kind(mode)}: refused", path)
            if path.suffix in SOURCE_SUFFIXES and stat.S_ISREG(mode):
                check_text_file(path, root)


def check_inputs(settings: Settings) -> None:
    """The sources and the glossary are readable: raise TriglotError (file, line) at the first problem."""
    check_sources(settings.docs, settings.root)
    if settings.glossary.exists() or settings.glossary.is_symlink():
        from ..glossary import load_glossary  # here: only builds that run Sphinx need it

        load_glossary(settings.glossary, settings.languages, required=[settings.source_language],
                      source_language=settings.source_language, root=settings.root)
