"""Run the selected checks over catalogs and collect their findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .model import Catalog, Finding, Message, severity_rank
from .registry import Check, CheckContext


def run_checks(catalogs: Sequence[Catalog], checks: Iterable[Check], glossary: Any = None) -> list[Finding]:
    """Every finding of *checks* on *catalogs*, minus those silenced in the PO file, sorted by file and line."""
    checks = list(checks)
    by_lang: dict[str, list[Catalog]] = defaultdict(list)
    for catalog in catalogs:
        by_lang[catalog.lang].append(catalog)
    messages = {(m.path, m.line): m for catalog in catalogs for m in catalog.messages}
    findings: list[Finding] = []
    for check in checks:
        if check.needs_glossary and glossary is None:
            continue
        for lang, group in by_lang.items():
            if not check.runs_for(lang):
                continue
            ctx = CheckContext(check, lang, glossary, tuple(group))
            for found in _run_one(check, ctx, group):
                message = messages.get((found.file, found.line))
                if message is None or not message.silences(check.id, check.family):
                    findings.append(found)
    return sorted(set(findings), key=lambda f: (str(f.file), f.line, -severity_rank(f.severity), f.check, f.message))


def _run_one(check: Check, ctx: CheckContext, catalogs: list[Catalog]) -> Iterable[Finding]:
    if check.scope == "corpus":
        yield from check.function(catalogs, ctx)
        return
    for catalog in catalogs:
        if check.scope == "catalog":
            yield from check.function(catalog, ctx)
            continue
        for message in catalog.messages:
            if _applies(check, message):
                yield from check.function(message, ctx)


def _applies(check: Check, message: Message) -> bool:
    if check.applies_to == "translated":
        return message.translated
    if check.applies_to == "fuzzy":
        return message.fuzzy and bool(message.msgstr.strip())
    if check.applies_to == "untranslated":
        return not message.msgstr.strip()
    return True


def count_at_or_above(findings: Iterable[Finding], severity: str) -> int:
    """How many findings are at least as severe as *severity*."""
    rank = severity_rank(severity)
    return sum(1 for f in findings if severity_rank(f.severity) >= rank)
