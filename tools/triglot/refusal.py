"""Whether a translation may replace its source in a build: the one decision, made on docutils' parse tree.

``triglot check`` reports every problem found here as an error
(:mod:`triglot.checks.markup_checks`), and a build refuses exactly the
translations with a problem (:mod:`triglot.sanitize`, called by
:mod:`triglot.sphinx.safety`): two users, one decision.

A translation is acceptable when, parsed by docutils as Sphinx parses it
(:func:`triglot.markup.markup_of`), it is a paragraph or the same kind of
block as its msgid, has no more blocks, no node type the msgid's parse lacks (a
directive, a comment, a target, a section, a role…; only the inline styles
emphasis, strong and literal may be added), no docutils message the msgid's
parse lacks (unbalanced markup…), and exactly the msgid's references (roles
with their targets, footnotes, citations, substitutions, links and their
URIs, and its literals; a trailing ``#noqa`` excuses missing ones, never
extra ones); and when it holds no control character its msgid lacks and is
of a sane length.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from triglot.markup import MarkupSignature, compare_markup, markup_of

# A translation longer than this many times its msgid (plus a margin) is refused.
MAX_GROWTH, GROWTH_MARGIN = 10, 2000
# C0/C1 controls and DEL; tab and newline are ordinary text in a msgstr.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Inline styles a translation may add: text shown in a style (*emphasis*, **strong**, ``code``), escaped by
# every writer. French typography sets foreign words in italics: 13% of the French Python docs' translations
# add emphasis their source lacks.
INERT_STYLES = frozenset({"emphasis", "strong", "literal"})
# Sphinx's marker that excuses missing references (sphinx.transforms.i18n.parse_noqa).
_NOQA = re.compile(r"(.*)(?<!\\)#\s*noqa\s*$", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """Why a translation is refused: the id of the check that reports it, and what is wrong."""

    check: str
    text: str


def without_noqa(msgstr: str) -> tuple[str, bool]:
    """The msgstr without Sphinx's trailing ``#noqa`` marker, and whether it had one."""
    match = _NOQA.match(msgstr)
    return (match.group(1), True) if match else (msgstr, False)


def refusal_reason(msgid: str, msgstr: str) -> str | None:
    """Why a build may not use *msgstr* for *msgid* (its problems, joined), or None when it may."""
    problems = translation_problems(msgid, msgstr)
    return "; ".join(problem.text for problem in problems) if problems else None


@functools.lru_cache(maxsize=16384)
def translation_problems(msgid: str, msgstr: str) -> tuple[Problem, ...]:
    """Every reason why *msgstr* may not replace *msgid*; empty when it may."""
    problem = _text_problem(msgid, msgstr)
    if problem:
        return (problem,)
    text, noqa = without_noqa(msgstr)
    try:
        return tuple(_markup_problems(markup_of(msgid), markup_of(text), noqa))
    except Exception as exc:  # noqa: BLE001 - a checker failure refuses, never lets through
        return (Problem("markup-unsafe", f"the translation's markup could not be checked ({type(exc).__name__}: {exc})"),)


def text_refusal(msgid: str, msgstr: str) -> str | None:
    """Why *msgstr* is no text to stand for *msgid* whatever its markup (control characters, length), or None."""
    problem = _text_problem(msgid, msgstr)
    return problem.text if problem else None


def _text_problem(msgid: str, msgstr: str) -> Problem | None:
    controls = new_control_characters(msgid, msgstr)
    if controls:
        return Problem("markup-control", "the translation holds control characters: " + ", ".join(controls))
    if len(msgstr) > MAX_GROWTH * len(msgid) + GROWTH_MARGIN:
        return Problem("markup-length", f"the translation is {len(msgstr)} characters long, its source {len(msgid)}")
    return None


def new_control_characters(msgid: str, msgstr: str) -> list[str]:
    """Control characters (other than tab and newline) in *msgstr* but not in *msgid*, as ``U+XXXX``."""
    extra = set(_CONTROL.findall(msgstr)) - set(_CONTROL.findall(msgid))
    return [f"U+{ord(char):04X}" for char in sorted(extra)]


def _markup_problems(source: MarkupSignature, translation: MarkupSignature, noqa: bool) -> list[Problem]:
    problems = []
    if translation.kind not in (source.kind, "paragraph"):  # Sphinx uses a paragraph (a title's too)
        problems.append(Problem("markup-node", f"it parses as {_kind(translation.kind)}, its source as "
                                               f"{_kind(source.kind)}: Sphinx would not use it"))
    elif translation.blocks > source.blocks:
        problems.append(Problem("markup-node", f"it parses as {translation.blocks} blocks, its source as "
                                               f"{source.blocks}"))
    constructs = sorted(set(translation.constructs) - set(source.constructs) - INERT_STYLES
                        - {"system_message", "problematic"})
    if constructs:
        problems.append(Problem("markup-unsafe", "markup its source does not have: " + ", ".join(constructs)))
    messages = _new_messages(source, translation)
    if messages:
        problems.append(Problem("markup-docutils", "docutils: " + "; ".join(messages)))
    difference = compare_markup(source, translation)
    extra = Counter({item: count for item, count in difference.extra.items() if not item.startswith("``")})
    if extra:
        problems.append(Problem("markup-extra", "references its source does not have: " + _listing(extra)))
    if difference.missing and not noqa:
        problems.append(Problem("markup-missing", "references of its source missing: " + _listing(difference.missing)))
    return problems


def _new_messages(source: MarkupSignature, translation: MarkupSignature) -> list[str]:
    """Docutils' messages about the translation that its source does not cause, with their line."""
    known = Counter(message.text for message in source.messages)
    new = []
    for message in translation.messages:
        if known[message.text]:
            known[message.text] -= 1
        else:
            new.append(f"{message.text} (line {message.line})" if message.line else message.text)
    return new


def _kind(kind: str) -> str:
    if kind == "system_message":
        return "a docutils error"
    name = kind.replace("_", " ")
    return f"an {name}" if name[0] in "aeiou" else f"a {name}"


def _listing(items: Counter[str]) -> str:
    return ", ".join(item if count == 1 else f"{item} ×{count}" for item, count in sorted(items.items()))
