"""The data of a PO catalog: entries with their comments, flags and strings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(slots=True)
class Entry:
    """One message of a catalog, active or obsolete (``#~``)."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # translator comments ("# ")
    extracted: list[str] = field(default_factory=list)  # "#." comments
    references: list[str] = field(default_factory=list)  # "#:" file:line items
    flags: list[str] = field(default_factory=list)  # "#," flags, fuzzy included
    previous_msgctxt: str | None = None  # "#| msgctxt"
    previous_msgid: str | None = None  # "#| msgid"
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0  # line of the msgid in the file read (0 for new entries)
    msgstr_line: int = 0  # line of the (first) msgstr
    first_line: int = 0  # the entry's first and last lines in the file read (comments included)
    last_line: int = 0

    def clone(self) -> Entry:
        """A copy that shares no list with this entry."""
        return replace(self, msgstr_plural=list(self.msgstr_plural), comments=list(self.comments),
                       extracted=list(self.extracted), references=list(self.references), flags=list(self.flags))

    @property
    def key(self) -> tuple[str | None, str]:
        """What identifies the message in its catalog: context and msgid."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        """Whether the translation is marked as needing review."""
        return "fuzzy" in self.flags

    def set_fuzzy(self, fuzzy: bool) -> None:
        """Add or remove the ``fuzzy`` flag."""
        if fuzzy and not self.fuzzy:
            self.flags.insert(0, "fuzzy")
        elif not fuzzy:
            self.flags = [flag for flag in self.flags if flag != "fuzzy"]

    @property
    def translations(self) -> list[str]:
        """The msgstr, or the plural forms of a plural message."""
        return self.msgstr_plural if self.msgid_plural is not None else [self.msgstr]

    @property
    def translated(self) -> bool:
        """Has a translation in every form (fuzzy or not)."""
        return all(self.translations) and bool(self.translations)

    @property
    def is_header(self) -> bool:
        """The header entry: msgid "" without context."""
        return self.msgid == "" and self.msgctxt is None


@dataclass
class Catalog:
    """A PO or POT file: header comments and fields, then entries in file order."""

    entries: list[Entry] = field(default_factory=list)

    @property
    def header(self) -> Entry | None:
        """The header entry, if the catalog has one."""
        for entry in self.entries:
            if entry.is_header and not entry.obsolete:
                return entry
        return None

    @property
    def messages(self) -> list[Entry]:
        """The active entries other than the header."""
        return [entry for entry in self.entries if not entry.obsolete and not entry.is_header]

    @property
    def obsolete(self) -> list[Entry]:
        """The obsolete (``#~``) entries."""
        return [entry for entry in self.entries if entry.obsolete]

    def header_fields(self) -> list[tuple[str, str]]:
        """The header's ``Name: value`` fields, in order."""
        header = self.header
        if header is None:
            return []
        fields = []
        for line in header.msgstr.split("\n"):
            if ":" in line:
                name, value = line.split(":", 1)
                fields.append((name.strip(), value.strip()))
        return fields

    def header_field(self, name: str) -> str | None:
        """One header field's value, or None."""
        for key, value in self.header_fields():
            if key.lower() == name.lower():
                return value
        return None
