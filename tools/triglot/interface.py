"""The reader's interface in each edition's language: the ``sphinx`` catalogs of ``locale/``.

Every string a reader sees that is not the article's text — the theme's
(furo ships no translations), Sphinx's where its own catalog lacks one, and
triglot's reader bar, citation block, status page and parallel view — is a
message of the ``sphinx`` domain: ``locale/<lang>/LC_MESSAGES/sphinx.po``,
made from the committed template ``locale/sphinx.pot``. Sphinx's own
translations come first; these are the fallback (a theme's catalogs belong
upstream, in the theme).

Translations are untrusted, and Sphinx prints interface strings into its
pages unescaped: a translation may carry exactly the HTML tags of its source
(no other ``<`` or ``>``, and no ``"``: themes print some inside attributes),
only the source's placeholders (``%(name)s``, ``{name}``), and no control
character.
"""

from __future__ import annotations

import os
import re
import string
from collections import Counter
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from .catalog.layout import locale_folder
from .config import Settings
from .refusal import text_refusal
from .sanitize import SafeCatalog, read_safe_catalog

DOMAIN = "sphinx"
_TAG = re.compile(r"<[^<>]*>")
_PERCENT = re.compile(r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*\d*(?:\.\d+)?(?P<kind>[diouxXeEfFgGcrsa%])")


def interface_po_path(settings: Settings, lang: str) -> Path:
    """The interface catalog of *lang*: ``<locale>/<lang>/LC_MESSAGES/sphinx.po``."""
    return locale_folder(settings) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def interface_pot_path(settings: Settings) -> Path:
    """The committed template of the interface catalogs: ``locale/sphinx.pot``."""
    return locale_folder(settings) / f"{DOMAIN}.pot"


def _percent_names(text: str) -> Counter[str] | None:
    """The ``%(name)s`` placeholders of *text*; None when a ``%`` is not a valid placeholder."""
    names: Counter[str] = Counter()
    position = 0
    while (found := text.find("%", position)) != -1:
        match = _PERCENT.match(text, found)
        if match is None:
            return None
        if match["kind"] != "%":
            names[match["name"] or ""] += 1
        position = match.end()
    return names


def _brace_names(text: str) -> set[str] | None:
    """The ``{name}`` fields of *text*; None when it is not a valid format string."""
    try:
        return {field for _literal, field, _spec, _conversion in string.Formatter().parse(text) if field is not None}
    except ValueError:
        return None


def interface_refusal(msgid: str, msgstr: str) -> str | None:
    """Why *msgstr* may not stand for the interface string *msgid*, or None when it may."""
    reason = text_refusal(msgid, msgstr)
    if reason:
        return reason
    extra_tags = Counter(_TAG.findall(msgstr)) - Counter(_TAG.findall(msgid))
    if extra_tags:
        return "HTML its source lacks: " + ", ".join(sorted(extra_tags.elements()))
    text, source_text = _TAG.sub("", msgstr), _TAG.sub("", msgid)
    if re.search(r"[<>]", text) and not re.search(r"[<>]", source_text):
        return "a < or > outside the tags of its source"
    if '"' in text and '"' not in source_text:  # themes print interface strings inside attributes, unescaped
        return 'a " its source lacks (use the language\'s own quotation marks)'

    source_percent, percent = _percent_names(msgid), _percent_names(msgstr)
    if "%" in msgid and source_percent is not None and (percent is None or set(percent) - set(source_percent)):
        return "placeholders (%(name)s) its source lacks, or a % that is not one"
    source_braces, braces = _brace_names(msgid) or set(), _brace_names(msgstr)
    if (source_braces and braces is None) or (braces and braces - source_braces):
        return "placeholders ({name}) its source lacks, or a brace that is not one"
    return None


def read_interface_catalog(settings: Settings, lang: str) -> SafeCatalog:
    """The checked interface catalog of *lang* (empty when there is none)."""
    path = interface_po_path(settings, lang)
    if not os.path.lexists(path):
        return SafeCatalog({}, ())
    return read_safe_catalog(path, root=settings.root, judge=interface_refusal)


def write_mo_file(messages: dict[str, str], lang: str, target: Path) -> None:
    """Compile *messages* into the ``.mo`` file *target*."""
    catalog = Catalog(locale=lang, domain=DOMAIN)
    for msgid, msgstr in messages.items():
        catalog.add(msgid, msgstr)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_mo(handle, catalog)

