"""Markup checks: a translation must parse like its msgid and carry the same markup."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from .markup import DocutilsMessage, compare_markup, item_category, markup_of, unsafe_constructs
from .model import Catalog, Finding, Message
from .registry import CheckContext, check

FAMILY = "markup"
_NOQA = re.compile(r"(.*)(?<!\\)#\s*noqa\s*$", re.DOTALL)
_UNBALANCED = "start-string without end-string"
_REPORTED_ELSEWHERE = ("Unknown directive type", "directive disabled", _UNBALANCED)

# Inline markup as written in the text, to find constructs glued to the words around them.
SIMPLENAME = r"(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*"  # docutils' role and reference names
_INLINE = re.compile(
    r"(?P<literal>``(?:[^`]|`(?!`))+``)"
    rf"|(?P<role>(?::{SIMPLENAME}:)?`(?:[^`\\]|\\.)+`(?::{SIMPLENAME}:|__?)?)"
    r"|(?P<note>\[(?:#[\w.-]*|\*|\d+|[\w.-]+)\]_)"
    r"|(?P<strong>(?<!\\)\*\*(?![*\s])(?:[^*\\]|\\.)+?(?<![\s\\])\*\*)"
    r"|(?P<emphasis>(?<!\\)\*(?![*\s])(?:[^*\\]|\\.)+?(?<![\s\\])\*)"
)


def translation_text(message: Message) -> str:
    """The msgstr without Sphinx's trailing ``#noqa`` marker."""
    match = _NOQA.match(message.msgstr)
    return match.group(1) if match else message.msgstr


def has_noqa(message: Message) -> bool:
    """True if the msgstr ends with Sphinx's ``#noqa`` (no reference-consistency warnings)."""
    return bool(_NOQA.match(message.msgstr))


@check("markup-node", FAMILY, "error")
def node_kind(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The translation parses as something other than a paragraph (a list…): Sphinx then keeps the English.

    Bad:  msgid "Three steps: first, …"   msgstr "1. Сначала …"   (a list, not a paragraph)
    Good: msgid "Three steps: first, …"   msgstr "Три шага: сначала …"
    (A msgid that itself parses as a list, "1. Introduction", is usually a title: Sphinx adds
    an underline to its translation, which then stays a title.)
    """
    source, translation = markup_of(message.msgid), markup_of(translation_text(message))
    if translation.kind != "paragraph" and translation.kind != source.kind:
        yield ctx.finding(message, f"the translation parses as {_kind(translation.kind)}, not a paragraph: "
                                   "Sphinx will ignore it and keep the source text")
    elif translation.blocks > max(source.blocks, 1):
        yield ctx.finding(message, f"the translation parses as {translation.blocks} blocks (a blank line?), the msgid "
                                   f"as {source.blocks}: Sphinx keeps only the first")


def _kind(name: str) -> str:
    words = name.replace("_", " ")
    return ("an " if words[:1] in "aeiou" else "a ") + words


def _difference(message: Message, ctx: CheckContext, category: str) -> tuple[Counter[str], Counter[str]]:
    """Items of one category the translation lacks and adds; ``:term:`` targets read through the
    catalogs' own translations of glossary terms (a project that translates its glossary)."""
    difference = compare_markup(markup_of(message.msgid), markup_of(translation_text(message)))
    missing = Counter({k: n for k, n in difference.missing.items() if item_category(k) == category})
    extra = Counter({k: n for k, n in difference.extra.items() if item_category(k) == category})
    if category == "reference" and missing and extra:
        terms = _translated_terms(ctx.catalogs)
        for item in list(extra):
            english = terms.get(item)
            while english in missing and extra[item]:
                missing[english] -= 1
                extra[item] -= 1
        missing, extra = +missing, +extra
    return missing, extra


_TERMS_CACHE: dict[int, tuple[tuple[Catalog, ...], dict[str, str]]] = {}


def _translated_terms(catalogs: tuple[Catalog, ...]) -> dict[str, str]:
    """``:term:`<translation>``` → ``:term:`<source>```, and the same for named references (```name`_``),
    for every translated message that may be a glossary term or a section title: Sphinx makes the
    translated ones targets too."""
    cached = _TERMS_CACHE.get(id(catalogs))
    if cached is not None and cached[0] is catalogs:
        return cached[1]
    terms: dict[str, str] = {}
    for catalog in catalogs:
        for m in catalog.messages:
            if m.translated and len(m.msgid) <= 80 and "`" not in m.msgid:
                source, target = " ".join(m.msgid.split()).lower(), " ".join(m.msgstr.split()).lower()
                terms[f":term:`{target}`"] = f":term:`{source}`"
                terms[f"`{target}`_"] = f"`{source}`_"
    _TERMS_CACHE.clear()
    _TERMS_CACHE[id(catalogs)] = (catalogs, terms)
    return terms


@check("markup-missing", FAMILY, "error")
def missing_markup(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A cross-reference, term, footnote, citation, substitution, named link or target of the msgid is missing.

    Bad:  msgid "the :term:`Great Game`"   msgstr "«Большая игра»"
    Good: msgid "the :term:`Great Game`"   msgstr ":term:`Большая игра <Great Game>`"
    """
    if has_noqa(message):
        return
    missing, _ = _difference(message, ctx, "reference")
    if missing:
        yield ctx.finding(message, "missing in the translation: " + _listing(missing))


@check("markup-extra", FAMILY, "error")
def extra_markup(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The translation has a cross-reference, term, footnote, citation, substitution or target the msgid lacks.

    Bad:  msgid "See [1]_."   msgstr "См. [1]_ и [2]_."
    Good: msgid "See [1]_."   msgstr "См. [1]_."
    """
    if has_noqa(message):
        return
    _, extra = _difference(message, ctx, "reference")
    if extra:
        yield ctx.finding(message, "not in the msgid: " + _listing(extra))


@check("markup-links", FAMILY, "warning")
def links(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A URL of the msgid is missing from the translation, or the translation adds one.

    Bad:  msgid "`Nye <https://example.org/nye>`_"   msgstr "Най"
    Good: msgid "`Nye <https://example.org/nye>`_"   msgstr "`Най <https://example.org/nye>`_"
    (A link replaced by its localized page is reported too: check it is the same page.)
    """
    missing, extra = _difference(message, ctx, "link")
    parts = (["missing in the translation: " + _listing(missing)] if missing else []) + \
            (["not in the msgid: " + _listing(extra)] if extra else [])
    if parts:
        yield ctx.finding(message, "links differ: " + "; ".join(parts))


@check("markup-literal", FAMILY, "warning")
def literals(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """An inline literal (``code``) of the msgid is missing from the translation or was changed.

    Bad:  msgid "after the ``*args`` parameter"   msgstr "après le paramètre ``*arg``"
    Good: msgid "after the ``*args`` parameter"   msgstr "après le paramètre ``*args``"
    (Literals the translation adds are not reported.)
    """
    missing, extra = _difference(message, ctx, "literal")
    if missing:
        instead = f" (the translation has {_listing(extra)})" if extra else ""
        yield ctx.finding(message, "code missing in the translation: " + _listing(missing) + instead)


def _listing(items: Counter[str]) -> str:
    return ", ".join(item if count == 1 else f"{item} ×{count}" for item, count in sorted(items.items()))


@check("markup-unsafe", FAMILY, "error")
def unsafe_markup(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """The translation carries a directive, definition or file-reading role the msgid lacks.

    Bad:  msgid "Text."   msgstr "Текст.\\n\\n.. include:: /etc/passwd"
    Good: msgid "Text."   msgstr "Текст."
    """
    constructs = unsafe_constructs(message.msgid, translation_text(message))
    if constructs:
        yield ctx.finding(message, "markup the msgid does not have (Sphinx would run it): " + ", ".join(constructs))


def _new_messages(message: Message) -> list[DocutilsMessage]:
    """Docutils messages of the msgstr that the msgid does not produce."""
    known = Counter(m.text for m in markup_of(message.msgid).messages)
    new = []
    for item in markup_of(translation_text(message)).messages:
        if known[item.text]:
            known[item.text] -= 1
        else:
            new.append(item)
    return new


@check("markup-unbalanced", FAMILY, "error")
def unbalanced(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Inline markup opened and never closed (``**``, ``*``, backquotes, ``|``).

    Bad:  msgid "a **bold** word"   msgstr "слово **жирное*"
    Good: msgid "a **bold** word"   msgstr "слово **жирное**"
    """
    for item in _new_messages(message):
        if _UNBALANCED in item.text:
            yield ctx.finding(message, f"{item.text} (line {item.line} of the translation)")


@check("markup-docutils", FAMILY, "error")
def docutils_messages(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Docutils reports a problem in the translation that the msgid does not have.

    Bad:  msgid "see :ref:`intro`"   msgstr "см. :ref:`intro`_"   (a role and a link suffix at once)
    Good: msgid "see :ref:`intro`"   msgstr "см. :ref:`intro`"
    """
    for item in _new_messages(message):
        if not any(marker in item.text for marker in _REPORTED_ELSEWHERE):
            severity = "warning" if item.level < 3 else "error"
            yield ctx.finding(message, f"docutils: {item.text} (line {item.line} of the translation)",
                              severity=severity)


@check("markup-glued", FAMILY, "error")
def glued_markup(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """Inline markup touches a letter (CJK text has no spaces), so docutils prints it as plain text.

    Bad:  msgid "the :term:`soft power` of Japan"   msgstr "日本の:term:`ソフトパワー <soft power>`は"
    Good: msgid "the :term:`soft power` of Japan"   msgstr "日本の\\ :term:`ソフトパワー <soft power>`\\ は"
    """
    source = [(_token_kind(match), bool(_glued_sides(message.msgid, match))) for match in _INLINE.finditer(message.msgid)]
    # A kind the msgid uses as markup, and never glued itself (x*(a+b) is arithmetic, not emphasis).
    kinds = {kind for kind, _ in source} - {kind for kind, glued in source if glued}
    text = translation_text(message)
    for match in _INLINE.finditer(text):
        glued = _glued_sides(text, match)
        if glued and _token_kind(match) in kinds:
            yield ctx.finding(message, f"{match.group()} touches the text {' and '.join(glued)} it, so it is not "
                                       f"markup; put an escaped space (\\ ) between them")


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
