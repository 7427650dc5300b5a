"""The template of the interface catalogs (``locale/sphinx.pot``): every string of the reader's pages.

Extracted from the theme's templates (furo's, with Babel's Jinja extractor:
the msgids are exactly those its ``_()`` and ``{% trans %}`` look up), from
triglot's own templates, plus the strings furo writes unmarked
(:mod:`triglot.sphinx.furo`), triglot's reader and translator mode strings and the Sphinx
messages its own catalogs lack in some language. ``triglot update`` writes
it and merges it into each language's ``sphinx.po``, as it does the article's.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from babel.messages.extract import extract_from_file

from .model import Catalog, Entry

# Sphinx's own messages that an edition shows and some language's Sphinx catalog lacks (ja: 9.0).
SPHINX_MESSAGES = ("Link to this heading",)


def _jinja_messages(folder: Path, label: str) -> list[tuple[str, str]]:
    """(msgid, reference) of the Jinja templates under *folder*, references as ``label/relative:line``."""
    found = []
    for path in sorted(folder.rglob("*.html")):
        for line, message, _comments, _context in extract_from_file("jinja2.ext:babel_extract", str(path)):
            if isinstance(message, str) and message.strip():
                found.append((message, f"{label}/{path.relative_to(folder).as_posix()}:{line}"))
    return found


def template_messages() -> list[tuple[str, str]]:
    """Every interface message with where it comes from, in a stable order (duplicates kept)."""
    import furo

    from triglot.sphinx.furo import UNMARKED
    from triglot.sphinx.interface_strings import READER_MESSAGES, TRANSLATOR_MESSAGES

    triglot = Path(str(resources.files("triglot")))
    return [
        *_jinja_messages(Path(furo.__file__).parent / "theme" / "furo", "furo"),
        *[(message, "furo (unmarked)") for message in UNMARKED],
        *[(message, "sphinx") for message in SPHINX_MESSAGES],
        *[(message, "triglot/sphinx/interface_strings.py")
          for message in (*READER_MESSAGES.values(), *TRANSLATOR_MESSAGES.values())],
        *_jinja_messages(triglot / "sphinx" / "templates", "triglot/sphinx/templates"),
        *_jinja_messages(triglot / "site" / "templates", "triglot/site/templates"),
    ]


def project_messages(docs: Path) -> list[tuple[str, str]]:
    """The strings of the project's conf.py that its pages show: the copyright line."""
    from sphinx.config import Config
    from sphinx.util.tags import Tags

    copyright_line = Config.read(docs, overrides={}, tags=Tags()).copyright
    return [(copyright_line, "conf.py: copyright")] if isinstance(copyright_line, str) and copyright_line else []


def _flags(message: str) -> list[str]:
    """``python-format`` for a message with ``%(name)s`` placeholders (msgfmt -c then checks them)."""
    return ["python-format"] if re.search(r"%\([^)]*\)[sd]", message) else []


def interface_template(docs: Path, header: Entry | None) -> Catalog:
    """The interface template of the Sphinx project in *docs*, with *header* (the article template's)."""
    entries: dict[str, Entry] = {}
    for message, reference in [*template_messages(), *project_messages(docs)]:
        entry = entries.setdefault(message, Entry(msgid=message, flags=_flags(message)))
        if reference not in entry.references:
            entry.references.append(reference)
    head = header.clone() if header is not None else Entry(msgid="", msgstr="")
    return Catalog([head, *entries.values()])
