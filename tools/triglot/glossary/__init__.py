"""The shared glossary: model, loading with line numbers, validation, export.

Public API::

    from triglot.glossary import load_glossary
    glossary = load_glossary(Path("glossary"))
    entry = glossary.get("soft-power")
    entry.term("ru").term            # 'мягкая сила'
    entry.term("ru").forbidden       # (Forbidden(term=…, reason=…), …)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from triglot.config import Settings, load_settings
from triglot.errors import TriglotError

from .load import glossary_files, read_file
from .model import CATEGORIES, PARTS_OF_SPEECH, Entry, Forbidden, Glossary, Term
from .problems import GlossaryError, Problem
from .validate import check_entries

__all__ = [
    "CATEGORIES", "PARTS_OF_SPEECH", "Entry", "Forbidden", "Glossary", "GlossaryError",
    "Problem", "Term", "check_glossary", "load_glossary",
]


def check_glossary(
    path: Path,
    languages: Sequence[str] | None = None,
    *,
    required: Sequence[str] | None = None,
    source_language: str | None = None,
    root: Path | None = None,
) -> tuple[Glossary, list[Problem]]:
    """Read the glossary at *path* (a folder of YAML files, or one file); return it and every problem.

    *languages* are the languages an entry may have (default: the configured
    languages of the project containing *path*); *required* those every entry
    must have (default: all of *languages*). A file leading out of *root*
    (default: the glossary's own folder) through a symbolic link is a
    problem, and is not read. The glossary holds only the entries without
    problems.
    """
    if languages is None:
        settings = load_settings(path if path.is_dir() else path.parent)
        languages = settings.languages
        source_language = source_language or settings.source_language
    languages = tuple(languages)
    source_language = source_language or languages[0]
    required = tuple(required) if required is not None else languages
    files = glossary_files(path) if path.exists() else []
    if not files:
        raise TriglotError("no glossary here: expected a folder of .yaml files", path)
    root = root if root is not None else (path if path.is_dir() else path.parent)
    entries, problems = [], []
    for file in files:
        found, trouble = read_file(file, languages, required, root)
        entries += found
        problems += trouble
    problems += check_entries(entries, source_language)
    glossary = Glossary(tuple(entries), languages, source_language, tuple(files))
    return glossary, sorted(problems, key=lambda p: (str(p.path), p.line, p.message))


def load_glossary(
    path: Path,
    languages: Sequence[str] | None = None,
    *,
    required: Sequence[str] | None = None,
    source_language: str | None = None,
    root: Path | None = None,
) -> Glossary:
    """The glossary at *path*; raises :class:`GlossaryError` (a TriglotError) if it has any problem."""
    glossary, problems = check_glossary(path, languages, required=required, source_language=source_language,
                                        root=root)
    if problems:
        raise GlossaryError(problems)
    return glossary


def project_glossary(settings: Settings) -> Glossary | None:
    """The project's glossary, as ``triglot check`` uses it; None when its folder has no YAML file."""
    if settings.glossary.is_dir() and any(settings.glossary.glob("*.y*ml")):
        return load_glossary(settings.glossary, root=settings.root)
    return None
