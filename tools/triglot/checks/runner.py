"""Run the selected checks over catalogs and collect their findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .model import Catalog, Finding, Message, severity_rank
from .registry import Check, CheckContext


def run_checks(catalogs: Sequence[Catalog], checks: Iterable[Check], glossary: Any = None) -> list[Finding]:
    """Every finding of *checks* on *catalogs*, minus those silenced in the PO file, sorted by file and line.

    Message checks run message by message (all checks on one message, then the
    next), so the parse of a message is reused by every check that needs it.
    """
    checks = [c for c in checks if glossary is not None or not c.needs_glossary]
    by_lang: dict[str, list[Catalog]] = defaultdict(list)
    for catalog in catalogs:
        by_lang[catalog.lang].append(catalog)
    messages = {(m.path, m.line): m for catalog in catalogs for m in catalog.messages}
    findings: list[Finding] = []
    for lang, group in by_lang.items():
        shared = tuple(group)
        contexts = [CheckContext(c, lang, glossary, shared) for c in checks if c.runs_for(lang)]
        for found in _run_language(contexts, group):
            message = messages.get((found.file, found.line))
            check = next(ctx.check for ctx in contexts if ctx.check.id == found.check)
            if message is None or not message.silences(check.id, check.family):
                findings.append(found)
    return sorted(set(findings), key=lambda f: (str(f.file), f.line, -severity_rank(f.severity), f.check, f.message))


def _run_language(contexts: list[CheckContext], catalogs: list[Catalog]) -> Iterator[Finding]:
    per_state = {state: [ctx for ctx in contexts if ctx.check.scope == "message" and ctx.check.applies_to in (state, "all")]
                 for state in ("translated", "fuzzy", "untranslated", "other")}
    for catalog in catalogs:
        for message in catalog.messages:
            for ctx in per_state[_state(message)]:
                yield from ctx.check.function(message, ctx)
        for ctx in contexts:
            if ctx.check.scope == "catalog":
                yield from ctx.check.function(catalog, ctx)
    for ctx in contexts:
        if ctx.check.scope == "corpus":
            yield from ctx.check.function(catalogs, ctx)


def _state(message: Message) -> str:
    if not message.msgstr.strip():
        return "untranslated"
    return "fuzzy" if message.fuzzy else "translated"


def count_at_or_above(findings: Iterable[Finding], severity: str) -> int:
    """How many findings are at least as severe as *severity*."""
    rank = severity_rank(severity)
    return sum(1 for f in findings if severity_rank(f.severity) >= rank)
