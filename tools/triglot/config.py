"""Project settings from the ``[tool.triglot]`` table of ``pyproject.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .edit_url import template_problem
from .errors import TriglotError
from .languages import validate_language

_KNOWN_KEYS = {"source_language", "languages", "docs", "locale", "glossary", "build", "catalog", "update_mode",
               "babel_locales", "min_translated", "typography", "edit_url"}
UPDATE_MODES = ("triglot", "preserve")
# A catalog layout: one name (Sphinx's gettext_compact as a string), Sphinx's True or False,
# or a table of catalog names to document patterns.
CatalogSpec = str | bool | dict[str, list[str]]
# Japanese comma and full stop: the usual 、。, the ，． of technical writing, ，。, or ASCII ", ."
JA_PUNCTUATION = ("、。", "，．", "，。", ",.")
_TYPOGRAPHY_KEYS = {"ja_punctuation", "sentence_spacing"}
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$")


@dataclass(frozen=True)
class Typography:
    """The project's typographic choices that checks follow (``[tool.triglot.typography]``).

    ``ja_punctuation``: the Japanese comma and full stop (one of JA_PUNCTUATION);
    ``sentence_spacing``: spaces after a full stop (2 as in the Python docs).
    """

    ja_punctuation: str = "、。"
    sentence_spacing: int = 1


@dataclass(frozen=True)
class Settings:
    """Where the edition's parts live, and which languages it has."""

    root: Path
    pyproject: Path
    source_language: str
    languages: tuple[str, ...]
    docs: Path
    locale: Path | None  # None: from conf.py's locale_dirs (see triglot.catalog.layout)
    glossary: Path
    build: Path
    catalog: str  # the main catalog's name, which also names the PDF and EPUB files
    catalog_layout: CatalogSpec | None = None  # None: from conf.py's gettext_compact
    update_mode: str = "triglot"
    babel_locales: dict[str, str] = field(default_factory=dict)
    min_translated: float | None = None  # percent of passages an edition must show translated to be published
    typography: Typography = Typography()
    edit_url: str | None = None  # the translator mode's edit link template (triglot.edit_url)

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages other than the source language."""
        return tuple(lang for lang in self.languages if lang != self.source_language)

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
    layout = _catalog_layout(table.get("catalog"), source)
    update_mode = _string(table, "update_mode", "triglot", source)
    if update_mode not in UPDATE_MODES:
        raise source.error(f"[tool.triglot] update_mode must be one of {', '.join(UPDATE_MODES)}, "
                           f"not {update_mode!r}", "update_mode")
    docs = root / _string(table, "docs", "docs", source)
    return Settings(
        root=root,
        pyproject=source.path,
        source_language=source_language,
        languages=tuple(languages),
        docs=docs,
        locale=root / _string(table, "locale", "locale", source) if "locale" in table else None,
        glossary=root / _string(table, "glossary", "glossary", source),
        build=root / _string(table, "build", "build", source),
        catalog=_main_catalog(layout),
        catalog_layout=layout,
        update_mode=update_mode,
        babel_locales=babel_locales,
        min_translated=_min_translated(table, source),
        typography=_typography(table, source),
        edit_url=_edit_url(table, source),
    )


def _min_translated(table: dict, source: _Source) -> float | None:
    """``min_translated``: a percentage from 0 to 100, or None when not set."""
    value = table.get("min_translated")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise source.error(f"[tool.triglot] min_translated must be a percentage from 0 to 100, not {value!r}",
                           "min_translated")
    return float(value)


def _typography(table: dict, source: _Source) -> Typography:
    """``[tool.triglot.typography]``: the Japanese punctuation style and the spaces after a full stop."""
    name = "tool.triglot.typography"
    value = table.get("typography", {})
    if not isinstance(value, dict):
        raise source.error("[tool.triglot] typography must be a table: [tool.triglot.typography]", "typography")
    unknown = sorted(set(value) - _TYPOGRAPHY_KEYS)
    if unknown:
        raise source.error(f"[{name}] has unknown setting(s): {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(_TYPOGRAPHY_KEYS))})", unknown[0], name)
    punctuation = value.get("ja_punctuation", "、。")
    if punctuation not in JA_PUNCTUATION:
        raise source.error(f"[{name}] ja_punctuation must be one of {', '.join(map(repr, JA_PUNCTUATION))} "
                           f"(the comma and the full stop), not {punctuation!r}", "ja_punctuation", name)
    spacing = value.get("sentence_spacing", 1)
    if isinstance(spacing, bool) or spacing not in (1, 2):
        raise source.error(f"[{name}] sentence_spacing must be 1 or 2 (spaces after a full stop), not {spacing!r}",
                           "sentence_spacing", name)
    return Typography(punctuation, spacing)


def _edit_url(table: dict, source: _Source) -> str | None:
    """``edit_url``: the translator mode's edit link template, or None when not set."""
    value = table.get("edit_url")
    if value is None:
        return None
    problem = template_problem(value) if isinstance(value, str) else "must be a string"
    if problem:
        raise source.error(f"[tool.triglot] edit_url {problem}", "edit_url")
    return value


def _main_catalog(layout: CatalogSpec | None) -> str:
    """The catalog of the root document (``index``): the name of the edition's PDF and EPUB files."""
    if isinstance(layout, str):
        return layout
    if isinstance(layout, dict):
        return next((name for name, globs in layout.items() if any(fnmatchcase("index", glob) for glob in globs)),
                    next(iter(layout)))
    return "index"


def _catalog_layout(value: object, source: _Source) -> CatalogSpec | None:
    """The ``catalog`` setting: a name, true/false (Sphinx's gettext_compact) or {name = [patterns]}."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        _check_name(value, source)
        return value
    if isinstance(value, dict) and value and all(
            isinstance(globs, list) and globs and all(isinstance(glob, str) and glob for glob in globs)
            for globs in value.values()):
        for name in value:
            _check_name(name, source)
        return {name: list(globs) for name, globs in value.items()}
    raise source.error("[tool.triglot] catalog must be a catalog name, true or false (Sphinx's gettext_compact), "
                       'or a table of catalog names to document patterns: {doc-common = ["common/*"], doc = ["*"]}',
                       "catalog")


def _check_name(name: str, source: _Source) -> None:
    if not _NAME.match(name) or ".." in name:
        raise source.error(f"[tool.triglot] catalog {name!r} must be a plain name (letters, digits, '-', '_', '.')",
                           "catalog")


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
