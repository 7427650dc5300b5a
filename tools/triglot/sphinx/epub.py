"""Per-language EPUB metadata: the translated title and author, the language, a stable file name.

Applied in a ``config-inited`` handler because conf.py runs before
``-D language=…``; values a project sets in its conf.py win.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from .latex import document_name, typographic

# Settings triglot gives every edition's EPUB unless conf.py sets them.
_OVERRIDABLE = ("epub_title", "epub_author", "epub_basename", "epub_identifier", "epub_scheme", "epub_uid",
                "epub_use_index")


def epub_settings(app: Sphinx, config: Config) -> dict[str, object]:
    """The EPUB settings of *config*'s edition."""
    name = document_name(app, config)
    return {
        "epub_title": typographic(config.triglot_title or config.project, config.language),
        "epub_author": config.triglot_author or config.author,
        "epub_language": config.language,
        "epub_basename": name,
        "epub_identifier": f"urn:triglot:{name}",
        "epub_scheme": "URN",
        "epub_uid": "triglot-edition",
        "epub_use_index": False,
    }


def _apply(app: Sphinx, config: Config) -> None:
    for key, value in epub_settings(app, config).items():
        if key not in _OVERRIDABLE or key not in config._raw_config:
            setattr(config, key, value)


def _page_language(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    """Give each EPUB page's ``<html>`` the edition's language (reading systems pick fonts by it)."""
    if app.builder.name == "epub" and context.get("html_tag"):
        lang = app.config.language.replace("_", "-")
        context["html_tag"] = context["html_tag"].replace(">", f' lang="{lang}" xml:lang="{lang}">', 1)


def setup(app: Sphinx) -> None:
    """Apply the EPUB metadata once the language is known (after the title is translated)."""
    app.connect("config-inited", _apply, priority=300)
    app.connect("html-page-context", _page_language)
