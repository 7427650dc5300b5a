"""The Sphinx extension: add ``triglot.sphinx`` to a project's extensions.

Each submodule adds one feature and has a ``setup(app)`` of its own.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import (ablog_postlists, alternates, body_mark, edition_facts, epub, fallback, fallback_copies, figure_captions,
               furo, glossary_page, i18n_guard, interface_strings, latex, latex_images, metadata, paragraph_ids, passages,
               project_settings, reread, safety, scholarly, search_ja, switcher, template_cache, theme_slots,
               translator_mode, untranslated)

_FEATURES = [project_settings, safety, i18n_guard, interface_strings, metadata, edition_facts, untranslated, glossary_page,
             latex, latex_images, epub, paragraph_ids, fallback, fallback_copies, figure_captions, passages, alternates,
             switcher, body_mark, furo, theme_slots, scholarly, search_ja, translator_mode, reread, template_cache,
             ablog_postlists]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register every triglot feature with Sphinx."""
    for feature in _FEATURES:
        feature.setup(app)
    from triglot import __version__

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
