"""Language codes: validation and names, from Babel's CLDR data."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError

from .errors import TriglotError

_CODE = re.compile(r"^[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_[A-Z]{2})?$")


def validate_language(code: str) -> str:
    """Return *code* if it is a language Babel knows, else raise TriglotError.

    Only plain codes (``ru``, ``pt_BR``, ``sr_Latn``) pass: nothing path-like.
    """
    if not _CODE.match(code):
        raise TriglotError(f"invalid language code {code!r}: expected a code such as 'ru', 'ja' or 'pt_BR'")
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise TriglotError(f"unknown language code {code!r}: Babel's CLDR data has no such locale") from None
    return code


def language_tag(code: str) -> str:
    """*code* as a BCP 47 tag, as HTML's ``lang`` and ``hreflang`` (and EPUB, PDF, CSL, schema.org) want it:
    ``pt-BR`` for Sphinx's ``pt_BR``."""
    return code.replace("_", "-")


def native_name(code: str) -> str:
    """The language's name in its own script ("日本語", "русский")."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:] if code not in {"ja", "zh", "ko"} else name
