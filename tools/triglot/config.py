"""Project settings from the ``[tool.triglot]`` table of ``pyproject.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TriglotError
from .languages import validate_language

_KNOWN_KEYS = {"source_language", "languages", "docs", "locale", "glossary", "build", "catalog", "babel_locales"}


@dataclass(frozen=True)
class Settings:
    """Where the edition's parts live, and which languages it has."""

    root: Path
    pyproject: Path
    source_language: str
    languages: tuple[str, ...]
    docs: Path
    locale: Path
    glossary: Path
    build: Path
    catalog: str
    babel_locales: dict[str, str] = field(default_factory=dict)

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages other than the source language."""
        return tuple(lang for lang in self.languages if lang != self.source_language)

    @property
    def pot_path(self) -> Path:
        """The committed template of the catalog."""
        return self.locale / f"{self.catalog}.pot"

    def po_path(self, lang: str) -> Path:
        """The catalog of one language."""
        return self.locale / lang / "LC_MESSAGES" / f"{self.catalog}.po"

    def babel_locale(self, lang: str) -> str:
        """The Babel locale used for dates and names in *lang*'s edition."""
        return self.babel_locales.get(lang, lang)


def find_pyproject(start: Path) -> Path:
    """The nearest ``pyproject.toml`` with a ``[tool.triglot]`` table, from *start* upwards."""
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "[tool.triglot" in candidate.read_text(encoding="utf-8", errors="replace"):
            return candidate
    raise TriglotError("no pyproject.toml with a [tool.triglot] table here or above; run triglot inside the project", start)


def load_settings(start: Path | None = None) -> Settings:
    """Read and validate the settings of the project containing *start* (default: the working folder)."""
    path = find_pyproject((start or Path.cwd()).resolve())
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise TriglotError(f"not UTF-8 text ({exc.reason})", path) from None
    except tomllib.TOMLDecodeError as exc:
        line = _line_of_toml_error(str(exc))
        raise TriglotError(f"invalid TOML: {exc}", path, line) from None
    table = data.get("tool", {}).get("triglot", {})
    return _settings_from_table(table, path)


def _line_of_toml_error(message: str) -> int | None:
    marker = "(at line "
    if marker in message:
        return int(message.split(marker, 1)[1].split(",", 1)[0])
    return None


def _settings_from_table(table: dict, path: Path) -> Settings:
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise TriglotError(f"[tool.triglot] has unknown setting(s): {', '.join(unknown)}", path)
    source = _string(table, "source_language", "en", path)
    languages = table.get("languages", [source])
    if not isinstance(languages, list) or not all(isinstance(item, str) for item in languages) or not languages:
        raise TriglotError("[tool.triglot] languages must be a non-empty list of language codes", path)
    try:
        for code in [source, *languages]:
            validate_language(code)
    except TriglotError as exc:
        raise TriglotError(f"[tool.triglot] {exc.message}", path) from None
    if source not in languages:
        languages = [source, *languages]
    if len(set(languages)) != len(languages):
        raise TriglotError("[tool.triglot] languages lists a language twice", path)
    root = path.parent
    babel_locales = table.get("babel_locales", {})
    if not isinstance(babel_locales, dict) or not all(isinstance(v, str) for v in babel_locales.values()):
        raise TriglotError("[tool.triglot.babel_locales] must map language codes to Babel locales", path)
    catalog = _string(table, "catalog", "index", path)
    if not catalog.replace("-", "").replace("_", "").isalnum():
        raise TriglotError(f"[tool.triglot] catalog {catalog!r} must be a plain name (letters, digits, - and _)", path)
    return Settings(
        root=root,
        pyproject=path,
        source_language=source,
        languages=tuple(languages),
        docs=root / _string(table, "docs", "docs", path),
        locale=root / _string(table, "locale", "locale", path),
        glossary=root / _string(table, "glossary", "glossary", path),
        build=root / _string(table, "build", "build", path),
        catalog=catalog,
        babel_locales=dict(babel_locales),
    )


def _string(table: dict, key: str, default: str, path: Path) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise TriglotError(f"[tool.triglot] {key} must be a non-empty string", path)
    return value
