"""ablog's post lists in a PDF: a post outside the book is listed by its title, without a link.

ablog's ``doctree-resolved`` listener links each listed post's title with
``builder.get_relative_uri``; Sphinx's LaTeX builder raises ``NoUri`` for a
document that is not in the book (a blog's posts are in no toctree of it), and
the build stops (plain ``sphinx-build -b latex`` too). For the LaTeX builder,
ablog's listener is run with those URIs empty: the LaTeX writer prints a
reference without a URI as its text. Every other builder keeps ablog's listener
as it is.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import NoUri
from sphinx.util import logging

logger = logging.getLogger(__name__)

# The builders whose get_relative_uri raises NoUri for a document outside the book (triglot's PDF is made by latex).
NO_URI_BUILDERS = frozenset({"latex"})

Listener = Callable[[Sphinx, nodes.document, str], None]


def titles_outside_the_book(listener: Listener) -> Listener:
    """ablog's *listener* run with an empty URI for each document the builder has none for."""
    def listen(app: Sphinx, doctree: nodes.document, docname: str) -> None:
        builder = app.builder
        if "get_relative_uri" in vars(builder):  # ablog resolves its excerpts inside the listener: a nested call
            listener(app, doctree, docname)
            return
        missing: set[str] = set()

        def relative_uri(from_: str, to: str, typ: str | None = None) -> str:
            try:
                return type(builder).get_relative_uri(builder, from_, to, typ)
            except NoUri:
                missing.add(to)
                return ""

        setattr(builder, "get_relative_uri", relative_uri)
        try:
            listener(app, doctree, docname)
        finally:
            delattr(builder, "get_relative_uri")
        if missing:
            logger.info("ablog's post lists in %s: %d posts are not in the book, their titles are shown without a "
                        "link", docname, len(missing))

    return listen


def _wrap_ablog(app: Sphinx) -> None:
    if app.builder.name not in NO_URI_BUILDERS or "ablog" not in app.extensions:
        return
    from ablog.post import process_postlist

    for listener in list(app.events.listeners["doctree-resolved"]):
        if listener.handler is process_postlist:
            app.disconnect(listener.id)
            app.connect("doctree-resolved", titles_outside_the_book(process_postlist), priority=listener.priority)


def setup(app: Sphinx) -> None:
    """List ablog's posts outside a PDF by their titles instead of stopping the build."""
    app.connect("builder-inited", _wrap_ablog)
