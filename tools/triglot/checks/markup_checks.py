"""Markup checks: the build's own decision (:mod:`triglot.refusal`), reported per problem, and glued markup.

Each problem that makes a build refuse a translation is an error of one of
the ``markup-*`` checks below; a translator's ``# triglot: ignore`` comment
cannot silence them, since the build refuses the translation all the same.

The parse is reStructuredText's: a message from MyST Markdown sources gets
only the checks that do not read markup (control characters, length), and
its catalog one ``markup-myst`` note saying so. The build's guard is not
changed by this: it still reads every translation as reStructuredText.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from triglot.refusal import translation_problems, without_noqa

from .model import Catalog, Finding, Message
from .registry import CheckContext, check

FAMILY = "markup"

# Inline markup as written in the text, to find constructs glued to the words around them.
SIMPLENAME = r"(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*"  # docutils' role and reference names
_INLINE = re.compile(
    r"(?P<literal>``(?:[^`]|`(?!`))+``)"
    rf"|(?P<role>(?::{SIMPLENAME}:)?`(?:[^`\\]|\\.)+`(?::{SIMPLENAME}:|__?)?)"
    r"|(?P<note>\[(?:#[\w.-]*|\*|\d+|[\w.-]+)\]_)"
    r"|(?P<strong>(?<!\\)\*\*(?![*\s])(?:[^*\\]|\\.)+?(?<![\s\\])\*\*)"
    r"|(?P<emphasis>(?<!\\)\*(?![*\s])(?:[^*\\]|\\.)+?(?<![\s\\])\*)"
)


# The decision's checks: one per kind of problem, each documented by its docstring (`triglot check --list`).
DECISION_CHECKS = {
    "markup-node": """The translation parses as another kind of block (a list…) or as more blocks: the build refuses it.

    Bad:  msgid "Three steps: first, …"   msgstr "1. Сначала …"   (a list, not a paragraph)
    Good: msgid "Three steps: first, …"   msgstr "Три шага: сначала …"
    """,
    "markup-unsafe": """The translation has markup its msgid lacks (a directive, comment, target, role…): the build refuses it.

    Bad:  msgid "Text."   msgstr "Текст.\\n\\n.. role :: x(raw)"
    Good: msgid "Text."   msgstr "Текст."
    """,
    "markup-docutils": """Docutils reports a problem in the translation (unbalanced markup…) that the msgid does not have.

    Bad:  msgid "a **bold** word"   msgstr "слово **жирное*"
    Good: msgid "a **bold** word"   msgstr "слово **жирное**"
    """,
    "markup-extra": """The translation has a reference, role, link or footnote the msgid lacks: the build refuses it.

    Bad:  msgid "See [1]_."   msgstr "См. [1]_ и `сайт <javascript:alert(1)>`_."
    Good: msgid "See [1]_."   msgstr "См. [1]_."
    """,
    "markup-missing": """A reference, role, literal, link or footnote of the msgid is missing: the build refuses it.

    Bad:  msgid "the :term:`Great Game`"   msgstr "«Большая игра»"
    Good: msgid "the :term:`Great Game`"   msgstr ":term:`Большая игра <Great Game>`"
    (A msgstr ending in Sphinx's ``#noqa`` is excused.)
    """,
    "markup-control": """The translation holds control characters its msgid lacks: the build refuses it.

    Bad:  msgid "Text."   msgstr "Текст.\\x1b[2J"
    Good: msgid "Text."   msgstr "Текст."
    """,
    "markup-length": """The translation is more than ten times (+2,000 characters) as long as its msgid: the build refuses it.

    Bad:  msgid "Notes"   msgstr "Примечания" followed by 5,000 characters
    Good: msgid "Notes"   msgstr "Примечания"
    """,
}


# The decision's checks that do not read markup, and so hold for MyST messages too.
TEXT_CHECKS = frozenset({"markup-control", "markup-length"})


def _register_decision_check(check_id: str, doc: str) -> None:
    def reported(message: Message, ctx: CheckContext) -> Iterator[Finding]:
        if message.myst and check_id not in TEXT_CHECKS:
            return
        for problem in translation_problems(message.msgid, message.msgstr):
            if problem.check == check_id:
                yield ctx.finding(message, problem.text)

    reported.__name__, reported.__doc__ = check_id.replace("-", "_"), doc
    check(check_id, FAMILY, "error", silenceable=False)(reported)


for _check_id, _doc in DECISION_CHECKS.items():
    _register_decision_check(_check_id, _doc)


@check("markup-glued", FAMILY, "error")
def glued_markup(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Inline markup touches a letter (CJK text has no spaces), so docutils prints it as plain text.

    Bad:  msgid "the :term:`soft power` of Japan"   msgstr "日本の:term:`ソフトパワー <soft power>`は"
    Good: msgid "the :term:`soft power` of Japan"   msgstr "日本の\\ :term:`ソフトパワー <soft power>`\\ は"
    """
    if message.myst:
        return
    source = [(_token_kind(match), bool(_glued_sides(message.msgid, match))) for match in _INLINE.finditer(message.msgid)]
    # A kind the msgid uses as markup, and never glued itself (x*(a+b) is arithmetic, not emphasis).
    kinds = {kind for kind, _ in source} - {kind for kind, glued in source if glued}
    text, _ = without_noqa(message.msgstr)
    for match in _INLINE.finditer(text):
        glued = _glued_sides(text, match)
        if glued and _token_kind(match) in kinds:
            yield ctx.finding(message, f"{match.group()} touches the text {' and '.join(glued)} it, so it is not "
                                       f"markup; put an escaped space (\\ ) between them")


@check("markup-myst", FAMILY, "info", scope="catalog", silenceable=False)
def myst_note(catalog: Catalog, ctx: CheckContext) -> Iterator[Finding]:
    """Messages from MyST Markdown sources (``#:`` references to ``.md`` files): markup checks are skipped for them.

    The markup checks read reStructuredText; on Markdown they would be false alarms. Said once per catalog.
    Bad:  #: pages/index.md:3  msgid "See [the guide](guide.md)."  (markup not checked)
    Good: #: docs/index.rst:3  msgid "See `the guide <guide.html>`_."
    """
    myst = [message for message in catalog.messages if message.myst]
    if myst:
        refused = sum(1 for message in myst if message.translated and message.msgctxt is None
                      and _refused_for_markup(message))
        yield ctx.finding(myst[0], f"{len(myst)} of {len(catalog.messages)} messages come from MyST Markdown "
                                   "sources: the markup checks read reStructuredText and are skipped for them "
                                   "(control characters and length are still checked); the build's guard reads "
                                   f"reStructuredText too and refuses {refused} of their translations")


def _refused_for_markup(message: Message) -> bool:
    """True if the build's guard refuses *message*'s translation for its markup (not its text)."""
    return any(problem.check not in TEXT_CHECKS for problem in translation_problems(message.msgid, message.msgstr))


def _glued_sides(text: str, match: re.Match[str]) -> list[str]:
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    return [side for side, char in (("before", before), ("after", after)) if _is_word_char(char)]


def _token_kind(match: re.Match[str]) -> str:
    kind = match.lastgroup or ""
    if kind == "role" and match.group().endswith("_"):
        return "link"
    return kind


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"
