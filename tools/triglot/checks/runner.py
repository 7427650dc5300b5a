"""Run the selected checks over catalogs and collect their findings."""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from triglot.config import Typography

from .model import Catalog, Finding, Message, severity_rank
from .registry import Check, CheckContext


#: Below this many messages, checking in one process is faster than starting workers.
PARALLEL_THRESHOLD = 5000


def run_checks(catalogs: Sequence[Catalog], checks: Iterable[Check], glossary: Any = None,
               jobs: int | None = None, source_language: str = "en",
               typography: Typography = Typography()) -> list[Finding]:
    """Every finding of *checks* on *catalogs*, minus those silenced in the PO file, sorted by file and line.

    The catalogs translate *source_language*; *typography* is the project's
    choice where languages allow several styles.

    Message checks run message by message (all checks on one message, then the
    next), so the parse of a message is reused by every check that needs it.
    Many catalogs are checked in *jobs* processes (default: one per core).
    """
    checks = [c for c in checks if glossary is not None or not c.needs_glossary]
    by_lang: dict[str, list[Catalog]] = defaultdict(list)
    for catalog in catalogs:
        by_lang[catalog.lang].append(catalog)
    messages = {(m.path, m.line): m for catalog in catalogs for m in catalog.messages}
    findings: list[Finding] = []
    for lang, group in by_lang.items():
        shared = tuple(group)
        contexts = [CheckContext(c, lang, glossary, shared, source_language, typography)
                    for c in checks if c.runs_for(lang, source_language)]
        for found in _run_language(contexts, group, jobs):
            message = messages.get((found.file, found.line))
            check = next(ctx.check for ctx in contexts if ctx.check.id == found.check)
            if message is None or not (check.silenceable and message.silences(check.id, check.family)):
                findings.append(found)
    return sorted(set(findings), key=lambda f: (str(f.file), f.line, -severity_rank(f.severity), f.check, f.message))


def _run_language(contexts: list[CheckContext], catalogs: list[Catalog], jobs: int | None = None) -> Iterator[Finding]:
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(catalogs) > 1 and sum(len(c.messages) for c in catalogs) >= PARALLEL_THRESHOLD:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=fork, initializer=_start_worker, initargs=(contexts, catalogs)) as pool:
            for found in pool.map(_check_catalog_in_worker, range(len(catalogs)), chunksize=4):
                yield from found
    else:
        for catalog in catalogs:
            yield from _check_catalog(contexts, catalog)
    for ctx in contexts:
        if ctx.check.scope == "corpus":
            yield from ctx.check.function(catalogs, ctx)


def _check_catalog(contexts: list[CheckContext], catalog: Catalog) -> Iterator[Finding]:
    """The message and catalog checks of one catalog."""
    per_state = {state: [ctx for ctx in contexts if ctx.check.scope == "message" and ctx.check.applies_to in (state, "all")]
                 for state in ("translated", "fuzzy", "untranslated")}
    for message in catalog.messages:
        for ctx in per_state[_state(message)]:
            yield from ctx.check.function(message, ctx)
    for ctx in contexts:
        if ctx.check.scope == "catalog":
            yield from ctx.check.function(catalog, ctx)


_WORKER: dict[str, Any] = {}


def _start_worker(contexts: list[CheckContext], catalogs: list[Catalog]) -> None:
    _WORKER.update(contexts=contexts, catalogs=catalogs)


def _check_catalog_in_worker(index: int) -> list[Finding]:
    return list(_check_catalog(_WORKER["contexts"], _WORKER["catalogs"][index]))


def _state(message: Message) -> str:
    if not message.msgstr.strip():
        return "untranslated"
    return "fuzzy" if message.fuzzy else "translated"


def count_at_or_above(findings: Iterable[Finding], severity: str) -> int:
    """How many findings are at least as severe as *severity*."""
    rank = severity_rank(severity)
    return sum(1 for f in findings if severity_rank(f.severity) >= rank)
