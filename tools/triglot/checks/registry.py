"""The registry of checks: a decorator gives each check its id, family, severity and default."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triglot.config import Typography
from triglot.errors import TriglotError

from .model import SEVERITIES, Catalog, Finding, Message

SCOPES = ("message", "catalog", "corpus")


@dataclass(frozen=True)
class Check:
    """A registered check.

    ``scope`` says what the function receives: ``message`` (one translated
    message, or the fuzzy/untranslated ones per ``applies_to``), ``catalog``
    (one catalog) or ``corpus`` (every catalog of one language in the run).
    A check that is not ``silenceable`` ignores the translator's
    ``triglot: ignore`` comments and flags (the PO file is untrusted); only
    ``--disable`` turns it off. A check that compares ``two_languages``
    (a translation left as its source) does not run on a regional variant of
    the source language (``en_GB`` beside ``en``), where most text stays as it is.
    """

    id: str
    family: str
    severity: str
    default: bool
    scope: str
    function: Callable[..., Iterable[Finding]]
    languages: frozenset[str] | None = None
    applies_to: str = "translated"
    needs_glossary: bool = False
    silenceable: bool = True
    two_languages: bool = False

    @property
    def doc(self) -> str:
        """The check's documentation: its docstring."""
        return (self.function.__doc__ or "").strip()

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return self.doc.splitlines()[0] if self.doc else ""

    def runs_for(self, lang: str, source_language: str = "en") -> bool:
        """True if the check applies to catalogs in *lang*, translated from *source_language*."""
        base = lang.split("_")[0]
        if self.two_languages and base == source_language.split("_")[0]:
            return False
        return self.languages is None or base in self.languages


REGISTRY: dict[str, Check] = {}


def check(id: str, family: str, severity: str, *, default: bool = True, scope: str = "message",
          languages: Iterable[str] | None = None, applies_to: str = "translated",
          needs_glossary: bool = False, silenceable: bool = True,
          two_languages: bool = False) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Register the decorated function as a check (see :class:`Check`)."""
    if severity not in SEVERITIES or scope not in SCOPES:
        raise ValueError(f"check {id}: bad severity {severity!r} or scope {scope!r}")

    def register(function: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if id in REGISTRY:
            raise ValueError(f"check {id!r} registered twice")
        REGISTRY[id] = Check(id, family, severity, default, scope, function,
                             frozenset(languages) if languages is not None else None, applies_to, needs_glossary,
                             silenceable, two_languages)
        return function

    return register


@dataclass(frozen=True)
class CheckContext:
    """What a check knows besides its input: itself, the language, the glossary, every catalog of the language,
    the source language and the project's typography settings."""

    check: Check
    lang: str
    glossary: Any = None
    catalogs: tuple[Catalog, ...] = ()
    source_language: str = "en"
    typography: Typography = Typography()

    def finding(self, message: Message, text: str, *, severity: str | None = None,
                line: int | None = None, path: Path | None = None) -> Finding:
        """A finding of this check about *message* (at its msgstr line unless *line* is given)."""
        return Finding(path or message.path, line or message.line, self.check.id,
                       severity or self.check.severity, text)


def select_checks(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> list[Check]:
    """The checks to run: the default ones, plus *enable*, minus *disable*.

    Each name is a check id, a family, or ``all``; an unknown name is an error.
    """
    def expand(names: Iterable[str]) -> set[str]:
        chosen: set[str] = set()
        for name in names:
            matched = {c.id for c in REGISTRY.values() if name in (c.id, c.family, "all")}
            if not matched:
                raise TriglotError(f"unknown check or family {name!r} (see 'triglot check --list')")
            chosen |= matched
        return chosen

    ids = {c.id for c in REGISTRY.values() if c.default} | expand(enable)
    ids -= expand(disable)
    return [c for c in REGISTRY.values() if c.id in ids]


def iter_docs() -> Iterator[Check]:
    """Every registered check, by family then id."""
    yield from sorted(REGISTRY.values(), key=lambda c: (c.family, c.id))
