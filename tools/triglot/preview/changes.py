"""Which files ``serve --watch`` watches, and which editions a change to them affects."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from watchfiles import DefaultFilter

from ..catalog.layout import locale_folder
from ..catalog.parse import read_po
from ..config import Settings


def watched_paths(settings: Settings) -> list[Path]:
    """The project's inputs that exist: the source folder, the catalogs, the glossary, ``pyproject.toml``."""
    candidates = [settings.docs, locale_folder(settings), settings.glossary, settings.root / "pyproject.toml"]
    return [path for path in dict.fromkeys(candidates) if path.exists()]


class InputFilter(DefaultFilter):
    """watchfiles' default filter (editor swap files, ``.git``, ``__pycache__``…), less Sphinx's ``_build``,
    compiled ``.mo`` catalogs and the project's build folder."""

    def __init__(self, build: Path) -> None:
        super().__init__(ignore_dirs=(*DefaultFilter.ignore_dirs, "_build"),
                         ignore_entity_patterns=(*DefaultFilter.ignore_entity_patterns, r"\.mo$"))
        self.build = build.resolve()

    def __call__(self, change: object, path: str) -> bool:
        return super().__call__(change, path) and not Path(path).resolve().is_relative_to(self.build)


def affected_languages(settings: Settings, paths: Iterable[Path]) -> list[str]:
    """The editions to rebuild after *paths* changed: a catalog's language for a file under
    ``locale/<lang>/``, every edition for anything else (sources, glossary, settings), in the project's order."""
    locale = locale_folder(settings).resolve()
    langs: set[str] = set()
    for path in paths:
        resolved = path.resolve()
        lang = resolved.relative_to(locale).parts[0] if resolved.is_relative_to(locale) and resolved != locale else None
        if lang not in settings.languages:
            return list(settings.languages)
        langs.add(lang)
    return [lang for lang in settings.languages if lang in langs]


def check_catalogs(settings: Settings, paths: Iterable[Path]) -> None:
    """Raise TriglotError (file, line) for the first changed PO file that does not parse.

    A build would fall back to the source text for such a catalog; in a
    preview that hides the translator's typo, so it is an error instead.
    """
    for path in sorted(paths):
        if path.suffix == ".po" and path.is_file():
            read_po(path, root=settings.root)
