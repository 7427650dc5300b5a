"""Checks of the editor's inputs before Sphinx runs: a bad file is reported at its line, not as a Sphinx crash."""

from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..errors import TriglotError

SOURCE_SUFFIXES = (".rst", ".txt", ".py")


def check_text_file(path: Path) -> None:
    """Raise TriglotError at the line of the first byte of *path* that is not UTF-8."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TriglotError("not UTF-8 text: save the file as UTF-8", path, line) from None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise TriglotError("a NUL byte: this is not a text file", path, line)


def check_sources(docs: Path) -> None:
    """Every source file of the Sphinx project (RST, conf.py) is UTF-8 text."""
    for path in sorted(docs.rglob("*")):
        if path.suffix in SOURCE_SUFFIXES and path.is_file() and "_build" not in path.parts:
            check_text_file(path)


def check_inputs(settings: Settings) -> None:
    """The sources and the glossary are readable: raise TriglotError (file, line) at the first problem."""
    check_sources(settings.docs)
    if settings.glossary.exists():
        from ..glossary import load_glossary  # here: only builds that run Sphinx need it

        load_glossary(settings.glossary, settings.languages, required=[settings.source_language],
                      source_language=settings.source_language)
