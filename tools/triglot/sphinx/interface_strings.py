"""The interface of each HTML and EPUB edition in its language (see :mod:`triglot.interface`).

Once the language is known, the edition's ``sphinx`` catalog is read with
the interface rule (untrusted, like the article's), its accepted messages
are compiled into the build-private locale folder, and added to Sphinx's
own translator as a fallback: the theme's templates, Sphinx's messages and
triglot's templates all translate through it. A refused translation is
reported like the article's (``triglot.unsafe``, at its PO line).
"""

from __future__ import annotations

from babel import Locale
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.config import Config

from triglot.interface import DOMAIN, read_interface_catalog, write_mo_file
from triglot.punctuation import punctuate

from .project_settings import project_settings
from .safety import report_refusal, safe_locale_dir

# triglot's own strings in the reader's pages: key → English message (the msgid).
# {source} is the source language's name in the edition's language, {code} its code in capitals,
# {mark} the mark put on an untranslated passage. A label is the word alone: its punctuation is the language's
# (see LABELS).
READER_MESSAGES = {
    "languages": "Languages",
    "reader_bar": "Editions and downloads",
    "parallel": "Parallel view",
    "downloads": "Download",
    "status": "Translation status",
    "cite": "Cite this edition",
    "cite_formats": "Reference for a reference manager",
    "fallback_mark": "{code}",
    "fallback_title": "Not translated yet: shown in the original ({source}).",
    "fallback_note": "Some passages of this page are not translated yet: they are shown in the original ({source}) "
                     "and marked {mark}.",
}
# The translator mode's own words (triglot-translator.js): key → English message. A passage's state is shown by
# its key's message (the status page has the same words for three of them).
TRANSLATOR_MESSAGES = {
    "toggle": "Translator mode: on (turn off)",
    "translated": "translated",
    "fuzzy": "fuzzy",
    "untranslated": "untranslated",
    "refused": "refused",
    "edit": "edit",
}
# The messages put before what they name: punctuated as labels ("Download: ", "ダウンロード："), space included.
LABELS = frozenset({"downloads", "cite_formats"})


def _load(app: Sphinx, config: Config) -> None:
    settings = project_settings(app)
    if settings is None or not config.language or config.language == settings.source_language:
        return
    safe = read_interface_catalog(settings, config.language)
    for refusal in safe.refusals:
        report_refusal(refusal)
    folder = safe_locale_dir(app)
    write_mo_file(safe.messages, config.language, folder / config.language / "LC_MESSAGES" / f"{DOMAIN}.mo")
    locale.init([folder], config.language, DOMAIN)  # after Sphinx's own catalogs: a fallback
    if config.copyright in safe.messages:  # conf.py's copyright line, in the template (catalog.interface_template)
        config.copyright = safe.messages[config.copyright]


def translate(message: str) -> str:
    """*message* in the edition's language (Sphinx's catalog first, then the edition's interface catalog)."""
    return str(locale.get_translation(DOMAIN)(message))


def label(key: str, lang: str) -> str:
    """The reader message *key* (one of :data:`LABELS`) translated and punctuated as a label in *lang*."""
    return punctuate("label", translate(READER_MESSAGES[key]), lang)


def reader_strings(lang: str, source_language: str) -> dict[str, str]:
    """triglot's interface strings for the edition in *lang*, placeholders but ``{mark}`` filled in, labels
    punctuated."""
    source_name = Locale.parse(source_language).get_language_name(lang) or source_language
    code = source_language.split("_")[0].upper()
    return {key: label(key, lang) if key in LABELS else
            translate(message).format(source=source_name, code=code, mark="{mark}")
            for key, message in READER_MESSAGES.items()}


def translator_strings() -> dict[str, str]:
    """The translator mode's words in the edition's language."""
    return {key: translate(message) for key, message in TRANSLATOR_MESSAGES.items()}


def setup(app: Sphinx) -> None:
    """Load the edition's interface catalog once the language is known (after the safety module)."""
    app.connect("config-inited", _load, priority=160)
