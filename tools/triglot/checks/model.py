"""The records checks work on and produce: messages, catalogs, findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEVERITIES = ("info", "warning", "error")

_IGNORE_COMMENT = re.compile(r"^\s*triglot:\s*ignore\b(.*)$", re.IGNORECASE)
_IGNORE_FLAG = "triglot-ignore"


def severity_rank(severity: str) -> int:
    """The order of severities: info < warning < error."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One problem in one message, at the PO line of its msgstr."""

    file: Path
    line: int
    check: str
    severity: str
    message: str

    def as_dict(self) -> dict[str, object]:
        """The finding as plain data (for JSON)."""
        return {"file": str(self.file), "line": self.line, "check": self.check,
                "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class Message:
    """One PO entry as the checks see it.

    ``line`` is the PO line of the ``msgstr`` keyword; ``ignored`` holds the
    check ids (or families, or ``"all"``) silenced for this message; ``myst``
    says that it comes from MyST Markdown sources, not reStructuredText.
    """

    path: Path
    line: int
    msgid: str
    msgstr: str
    msgctxt: str | None = None
    fuzzy: bool = False
    previous_msgid: str | None = None
    occurrences: tuple[str, ...] = ()
    ignored: frozenset[str] = frozenset()
    myst: bool = False

    @property
    def translated(self) -> bool:
        """Has a msgstr that Sphinx would use (non-empty, not fuzzy)."""
        return bool(self.msgstr.strip()) and not self.fuzzy

    @property
    def document(self) -> str:
        """The source document of the message's first occurrence ('' if none)."""
        return self.occurrences[0].rsplit(":", 1)[0] if self.occurrences else ""

    def silences(self, check: str, family: str) -> bool:
        """True if the translator silenced *check* (or its *family*) for this message."""
        return bool(self.ignored & {check, family, "all"})


@dataclass(frozen=True)
class Catalog:
    """The messages of one PO file, with the file's language."""

    path: Path
    lang: str
    messages: tuple[Message, ...] = field(default=())


def ignored_ids(flags: list[str], translator_comment: str) -> frozenset[str]:
    """Check ids silenced by ``#, triglot-ignore-<id>`` flags or ``# triglot: ignore <id> …`` comments.

    A bare ``triglot-ignore`` flag or ``# triglot: ignore`` comment silences every check.
    """
    ids: set[str] = set()
    for flag in flags:
        if flag == _IGNORE_FLAG:
            ids.add("all")
        elif flag.startswith(_IGNORE_FLAG + "-"):
            ids.add(flag[len(_IGNORE_FLAG) + 1:])
    for line in translator_comment.splitlines():
        match = _IGNORE_COMMENT.match(line)
        if match:
            names = [name for name in re.split(r"[\s,]+", match.group(1)) if name]
            ids.update(names or ["all"])
    return frozenset(ids)
