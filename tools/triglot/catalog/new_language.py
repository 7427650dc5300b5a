"""``triglot add-language`` as a library: a new language's catalogs, and its place in the settings."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from triglot.config import Settings
from triglot.errors import TriglotError
from triglot.fs import atomic_write
from triglot.languages import validate_language

from .extract import extract_templates, relative_references
from .header import fit_plural_forms, language_header
from .layout import project_layout
from .merge import merge
from .model import Catalog
from .parse import read_po
from .write import format_po


@dataclass(frozen=True)
class NewLanguage:
    """What adding a language did."""

    lang: str
    created: list[Path]  # catalogs written
    kept: list[Path]  # catalogs that already existed, left as they were
    settings_changed: bool


def add_language(settings: Settings, lang: str) -> NewLanguage:
    """Create *lang*'s catalogs, one per catalog of the layout, and add *lang* to ``languages``.

    The templates are extracted from the sources (no committed template is
    needed). Everything is checked before anything is written: the code, the
    sources, any catalog already there, and that the edited ``pyproject.toml``
    reads back with only the new language added.
    """
    validate_language(lang)
    if lang in settings.languages:
        raise TriglotError(f"{lang!r} is already one of this project's languages", settings.pyproject)
    pyproject_text = settings.pyproject.read_text(encoding="utf-8")
    new_pyproject = add_to_languages(pyproject_text, lang, settings.languages, settings.pyproject)
    layout = project_layout(settings)
    plans = []
    for name, template in extract_templates(settings, layout).items():
        target = layout.po_path(lang, name)
        if target.exists():
            read_po(target)
            plans.append((target, None))
        else:
            plans.append((target, format_po(new_catalog(template, lang, target))))
    for target, data in plans:
        if data is not None:
            atomic_write(target, data)
    changed = atomic_write(settings.pyproject, new_pyproject.encode("utf-8"))
    return NewLanguage(
        lang=lang,
        created=[target for target, data in plans if data is not None],
        kept=[target for target, data in plans if data is None],
        settings_changed=changed,
    )


def new_catalog(template: Catalog, lang: str, path: Path) -> Catalog:
    """The untranslated catalog of *lang* written at *path*: msginit's header, references relative to it."""
    catalog = merge(template, Catalog())
    header = language_header(template, None, lang)
    catalog.entries[:1 if catalog.entries and catalog.entries[0].is_header else 0] = [header]
    fit_plural_forms(catalog)
    return relative_references(catalog, path.parent)


def add_to_languages(text: str, lang: str, current: tuple[str, ...], path: Path) -> str:
    """*text* (a pyproject.toml) with *lang* appended to ``[tool.triglot] languages``, nothing else changed."""
    table = re.search(r"(?m)^\[tool\.triglot\][ \t]*(?:#.*)?$", text)
    if table is None:
        raise TriglotError("no [tool.triglot] table", path)
    end = re.compile(r"(?m)^\[").search(text, table.end())
    section_end = end.start() if end else len(text)
    assignment = re.compile(r"(?m)^languages[ \t]*=[ \t]*\[").search(text, table.end(), section_end)
    if assignment is None:
        line_end = text.index("\n", table.end()) + 1 if "\n" in text[table.end():] else len(text)
        listed = ", ".join(f'"{code}"' for code in (*current, lang))
        edited = f"{text[:line_end]}languages = [{listed}]\n{text[line_end:]}"
    else:
        close = text.find("]", assignment.end())
        inside = text[assignment.end():close]
        if "\n" in inside:
            edited = text[:assignment.end()] + _append_line(inside, lang) + text[close:]
        else:
            body = inside.rstrip()
            separator = "" if not body.strip() else (" " if body.endswith(",") else ", ")
            edited = f'{text[:assignment.end()]}{body}{separator}"{lang}"{inside[len(body):]}{text[close:]}'
    _check_edit(text, edited, lang, path)
    return edited


def _append_line(inside: str, lang: str) -> str:
    """The inside of a multi-line list with *lang* on a line of its own after the last item."""
    lines = inside.split("\n")
    last = max(index for index, line in enumerate(lines) if line.split("#", 1)[0].strip())
    code = lines[last].split("#", 1)[0].rstrip()
    if not code.endswith(","):
        lines[last] = code + "," + lines[last][len(code):]
    indent = re.match(r"[ \t]*", lines[last]).group(0) or "    "
    lines.insert(last + 1, f'{indent}"{lang}",')
    return "\n".join(lines)


def _check_edit(before: str, after: str, lang: str, path: Path) -> None:
    try:
        old, new = tomllib.loads(before), tomllib.loads(after)
    except tomllib.TOMLDecodeError:
        raise TriglotError(f"cannot add {lang!r} to [tool.triglot] languages automatically; add it by hand",
                           path) from None
    old_languages = old.get("tool", {}).get("triglot", {}).get("languages")
    new_languages = new["tool"]["triglot"].pop("languages", None)
    old["tool"]["triglot"].pop("languages", None)
    if old != new or new_languages is None or new_languages[-1] != lang or (
            old_languages is not None and new_languages[:-1] != old_languages):
        raise TriglotError(f"cannot add {lang!r} to [tool.triglot] languages automatically; add it by hand", path)
