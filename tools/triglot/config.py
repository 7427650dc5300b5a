"""Project settings from the ``[tool.triglot]`` table of ``pyproject.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError

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
    return _settings_from_table(table, _Source(path, path.read_text(encoding="utf-8")))


def _line_of_toml_error(message: str) -> int | None:
    marker = "(at line "
    if marker in message:
        return int(message.split(marker, 1)[1].split(",", 1)[0])
    return None


@dataclass(frozen=True)
class _Source:
    """The ``pyproject.toml`` being read: its path, and the line of each setting for error messages."""

    path: Path
    text: str

    def error(self, message: str, key: str | None = None, table: str = "tool.triglot") -> TriglotError:
        """A TriglotError at the line of *key* in *table* (or of the table's header)."""
        return TriglotError(message, self.path, self.line(table, key))

    def line(self, table: str, key: str | None) -> int | None:
        """The line of ``key =`` in ``[table]`` (of the table's header when *key* is None or not there)."""
        current, header = None, None
        for number, text in enumerate(self.text.splitlines(), start=1):
            match = re.match(r"\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$", text)
            if match:
                current = match.group(1).replace(" ", "")
                header = number if current == table else header
            elif current == table and key is not None and re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", text):
                return number
        return header


def _settings_from_table(table: dict, source: _Source) -> Settings:
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise source.error(f"[tool.triglot] has unknown setting(s): {', '.join(unknown)}", unknown[0])
    source_language = _string(table, "source_language", "en", source)
    languages = table.get("languages", [source_language])
    if not isinstance(languages, list) or not all(isinstance(item, str) for item in languages) or not languages:
        raise source.error("[tool.triglot] languages must be a non-empty list of language codes", "languages")
    for key, code in [("source_language", source_language), *(("languages", code) for code in languages)]:
        try:
            validate_language(code)
        except TriglotError as exc:
            raise source.error(f"[tool.triglot] {exc.message}", key) from None
    if source_language not in languages:
        languages = [source_language, *languages]
    if len(set(languages)) != len(languages):
        raise source.error("[tool.triglot] languages lists a language twice", "languages")
    root = source.path.parent
    babel_locales = _babel_locales(table, source)
    catalog = _string(table, "catalog", "index", source)
    if not catalog.replace("-", "").replace("_", "").isalnum():
        raise source.error(f"[tool.triglot] catalog {catalog!r} must be a plain name (letters, digits, - and _)",
                           "catalog")
    docs = root / _string(table, "docs", "docs", source)
    return Settings(
        root=root,
        pyproject=source.path,
        source_language=source_language,
        languages=tuple(languages),
        docs=docs,
        locale=root / _string(table, "locale", "locale", source),
        glossary=root / _string(table, "glossary", "glossary", source),
        build=root / _string(table, "build", "build", source),
        catalog=catalog,
        babel_locales=babel_locales,
    )


def check_sphinx_project(settings: Settings) -> None:
    """Raise TriglotError at the ``docs`` setting's line when its folder has no ``conf.py`` (before Sphinx runs)."""
    if not (settings.docs / "conf.py").is_file():
        source = _Source(settings.pyproject, settings.pyproject.read_text(encoding="utf-8"))
        raise source.error(f"[tool.triglot] docs: {settings.docs} has no conf.py; set docs to the folder of the "
                           "Sphinx project (the one that holds conf.py)", "docs")


def _babel_locales(table: dict, source: _Source) -> dict[str, str]:
    """``[tool.triglot.babel_locales]``: language → a locale Babel knows."""
    babel_locales = table.get("babel_locales", {})
    if not isinstance(babel_locales, dict) or not all(isinstance(v, str) for v in babel_locales.values()):
        raise source.error("[tool.triglot.babel_locales] must map language codes to Babel locales", "babel_locales")
    for lang, name in babel_locales.items():
        try:
            Locale.parse(name)
        except (UnknownLocaleError, ValueError, TypeError):
            raise source.error(f"[tool.triglot.babel_locales] {lang} = {name!r}: Babel knows no such locale "
                               "(expected a locale such as 'en_GB' or 'pt_BR')", lang, "tool.triglot.babel_locales") \
                from None
    return dict(babel_locales)


def _string(table: dict, key: str, default: str, source: _Source) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise source.error(f"[tool.triglot] {key} must be a non-empty string", key)
    return value
