"""The header entry of each language's catalog: fields from the template, GNU gettext's plural rule."""

from __future__ import annotations

from babel import Locale

from .model import Catalog, Entry
from .plural import gnu_plural_forms, is_valid, plural_count

# Fields a catalog of one language must have, in msginit's order, and their defaults.
_ORDER = ["Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date", "PO-Revision-Date",
          "Last-Translator", "Language-Team", "Language", "MIME-Version", "Content-Type",
          "Content-Transfer-Encoding", "Plural-Forms"]
_FROM_TEMPLATE = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date")


def plural_forms(old: Catalog | None, lang: str) -> str:
    """The ``Plural-Forms`` of *lang*'s catalog: the old catalog's when ``msgfmt -c`` accepts it, else GNU's rule."""
    existing = old.header_field("Plural-Forms") if old is not None else None
    if old is not None and existing is not None and is_valid(existing) and _fits(old, existing):
        return existing
    return gnu_plural_forms(lang)


def _fits(catalog: Catalog, value: str) -> bool:
    """Every plural message of *catalog* has as many forms as *value* says."""
    count = plural_count(value)
    return all(len(entry.msgstr_plural) == count for entry in catalog.entries
               if entry.msgid_plural is not None and not entry.obsolete)


def language_header(template: Catalog, old: Catalog | None, lang: str) -> Entry:
    """The header entry of *lang*'s catalog: the old one's, brought up to date with the template."""
    template_header = template.header or Entry(msgid="", msgstr="")
    if old is not None and old.header is not None:
        header = old.header.clone()
        fields = _fields(header.msgstr)
    else:
        header = template_header.clone()
        header.set_fuzzy(False)
        header.comments = _new_comments(template_header.comments, lang)
        values = dict(_fields(template_header.msgstr))
        creation = values.get("POT-Creation-Date", "")
        values.update({"PO-Revision-Date": creation, "Last-Translator": "Automatically generated",
                       "Language-Team": "none"})
        fields = [(name, values.pop(name)) for name in _ORDER if name in values] + list(values.items())
    template_fields = dict(_fields(template_header.msgstr))
    wanted = {name: template_fields[name].strip() for name in _FROM_TEMPLATE if name in template_fields}
    wanted.update({"Language": lang, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit", "Plural-Forms": plural_forms(old, lang)})
    header.msgstr = _join(_set_fields(fields, wanted))
    header.line = header.msgstr_line = 0
    return header


def _new_comments(comments: list[str], lang: str) -> list[str]:
    name = Locale.parse(lang).get_display_name("en") or lang
    if comments and comments[0] == "SOME DESCRIPTIVE TITLE.":
        return [f"{name} translations.", *comments[1:]]
    return list(comments)


def _fields(msgstr: str) -> list[tuple[str, str]]:
    """The header's fields, values kept exactly (a trailing space too)."""
    fields = []
    for line in msgstr.split("\n"):
        if ":" in line:
            name, value = line.split(":", 1)
            fields.append((name.strip(), value[1:] if value.startswith(" ") else value))
    return fields


def _set_fields(fields: list[tuple[str, str]], wanted: dict[str, str]) -> list[tuple[str, str]]:
    """*fields* with the *wanted* values; missing fields go after their predecessor in msginit's order."""
    result = [(name, wanted.get(name, value)) for name, value in fields]
    present = {name for name, _ in result}
    for name in _ORDER:
        if name in wanted and name not in present:
            before = [other for other in _ORDER[:_ORDER.index(name)] if other in present]
            position = max((index for index, (other, _) in enumerate(result) if other in before), default=-1) + 1
            result.insert(position, (name, wanted[name]))
            present.add(name)
    return result


def _join(fields: list[tuple[str, str]]) -> str:
    return "".join(f"{name}: {value}\n" for name, value in fields)


def set_header_fields(header: Entry, wanted: dict[str, str]) -> None:
    """Give *header* the *wanted* field values, keeping every other field as it is."""
    header.msgstr = _join(_set_fields(_fields(header.msgstr), wanted))


def fit_plural_forms(catalog: Catalog) -> None:
    """Give each untranslated plural message as many (empty) forms as the header's ``Plural-Forms`` says."""
    value = catalog.header_field("Plural-Forms")
    if not is_valid(value):
        return
    count = plural_count(value)  # type: ignore[arg-type]
    for entry in catalog.entries:
        if entry.msgid_plural is not None and not entry.obsolete and not any(entry.msgstr_plural):
            entry.msgstr_plural = [""] * count
