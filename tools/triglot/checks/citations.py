"""Citations: a work cited in its own language and script, and one citation style per catalog.

The markers of each language (page, volume, issue, "op. cit.") and the
script of its own citations are data (``data/conventions.yaml``, section
``citations``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .conventions import pattern, rules, without_quotations, without_translator_notes
from .model import Catalog, Finding, Message
from .plain import plain_text
from .registry import CheckContext, check
from .typography import minority_styles

FAMILY = "citations"
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Citation:
    """What a citation message shows: its author (if in the edition's script), script and markers."""

    latin: bool
    own_author: str
    own: tuple[str, ...]
    latin_markers: tuple[str, ...]


def read_citation(msgstr: str, lang: str) -> Citation | None:
    """The citation in *msgstr*, or None if it carries no citation marker (or *lang* has no rules)."""
    convention = rules("citations", lang)
    if not convention:
        return None
    text = without_translator_notes(plain_text(msgstr), lang)
    for allowed in convention["allowed"]:
        text = pattern(allowed).sub(" ", text)
    text = text.strip()
    used = without_quotations(text)
    own = tuple(name for name, regex in convention["own"].items() if pattern(regex).search(used))
    latin = tuple(name for name, regex in convention["latin"].items() if pattern(regex).search(used))
    if not own and not latin:
        return None
    author_match = pattern(convention["author"]).match(text)
    author = author_match.group().strip() if author_match else ""
    rest = text[len(author_match.group()) if author_match else 0:]
    in_latin = len(_LATIN.findall(rest)) > len(pattern(convention["script"]).findall(rest))
    return Citation(in_latin, author, own, latin)


@check("cite-script", FAMILY, "warning", languages=["ru", "ja"])
def citation_script(message: Message, ctx: CheckContext) -> Iterator[Finding]:
    """A citation mixes scripts: an author in the edition's script beside a Latin title, or another script's markers.

    A work is cited in its own language and script (GOST R 7.0.5-2008; Japanese practice for Western works).
    Bad:  msgstr "Ц. Акаха. Japan's soft power… С. 60."     "東郷和彦、Japan's foreign policy… 222頁。"
    Good: msgstr "Akaha\\u00a0T. Japan's soft power… P.\\u00a060."   "K. Togo, Japan's foreign policy…, p. 222."
    """
    citation = read_citation(message.msgstr, ctx.lang)
    if citation is None:
        return
    if citation.latin:
        if citation.own_author:
            yield ctx.finding(message, f"the author {citation.own_author!r} in the edition's script beside a title in "
                                       f"Latin script: cite the work in its own language and script")
        if citation.own:
            yield ctx.finding(message, f"{', '.join(citation.own)} in the citation of a work in Latin script: use its "
                                       f"language's markers ({', '.join(rules('citations', ctx.lang)['latin'])})")
    elif citation.latin_markers:
        yield ctx.finding(message, f"{', '.join(citation.latin_markers)} in a citation in the edition's script: use "
                                   f"{', '.join(rules('citations', ctx.lang)['own'])}")


@check("cite-style", FAMILY, "warning", scope="catalog", languages=["ja"])
def citation_style(catalog: Catalog, ctx: CheckContext) -> Iterator[Finding]:
    """A catalog writes one thing of its citations two ways (頁 and ページ, p. and P., op. cit. and Op. Cit.).

    Bad:  "東郷、Op. Cit. p. 222." in one note, "K. Togo, op. cit., p. 222." in another
    Good: "op. cit." in every note
    """
    styles = rules("citations", ctx.lang).get("styles", {})
    usage: dict[str, list[tuple[Message, str]]] = defaultdict(list)
    for message in catalog.messages:
        citation = read_citation(message.msgstr, ctx.lang) if message.translated else None
        if citation is None:
            continue
        markers = citation.own + citation.latin_markers
        for thing, forms in styles.items():
            used = [form for form in forms if form in markers]
            if used:
                usage[thing].append((message, used[0]))
    for thing, marked in usage.items():
        for message, form, main, count in minority_styles(marked, styles[thing][0]):
            yield ctx.finding(message, f"{thing} written {form!r}; the catalog's other citations write {main!r} "
                                       f"({count} messages): one citation style per catalog")
