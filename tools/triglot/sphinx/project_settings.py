"""Applies ``[tool.triglot]`` to Sphinx: catalog location and layout, language settings.

The project's own ``conf.py`` wins where ``[tool.triglot]`` says nothing:
``locale_dirs`` and ``gettext_compact`` are set only from the settings that
give them.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from triglot.catalog.layout import DEFAULT_LOCALE, CatalogLayout, layout_from
from triglot.config import Settings, find_pyproject, load_settings
from triglot.errors import TriglotError


def project_settings(app: Sphinx) -> Settings | None:
    """The settings of the triglot project containing the Sphinx source, or None outside one."""
    cached = getattr(app, "_triglot_settings", False)
    if cached is False:
        try:
            pyproject = find_pyproject(Path(app.confdir).resolve())
        except TriglotError:
            pyproject = None
        try:
            cached = load_settings(pyproject.parent) if pyproject else None
        except TriglotError as exc:
            raise ConfigError(str(exc)) from None
        app._triglot_settings = cached  # type: ignore[attr-defined]
    return cached


def sphinx_layout(app: Sphinx, settings: Settings) -> CatalogLayout:
    """The project's catalog layout, from ``[tool.triglot]`` and, for the rest, Sphinx's configuration."""
    cached = getattr(app, "_triglot_layout", None)
    if cached is None:
        config = app.config
        locale = settings.locale
        if locale is None:
            folders = [folder for folder in config.locale_dirs if folder]
            locale = (Path(app.confdir) / folders[0]).resolve() if folders else settings.root / DEFAULT_LOCALE
        spec = settings.catalog_layout if settings.catalog_layout is not None else config.gettext_compact
        cached = layout_from(locale, spec)
        app._triglot_layout = cached  # type: ignore[attr-defined]
    return cached


def _apply(app: Sphinx, config: Config) -> None:
    settings = project_settings(app)
    if settings is None:
        return
    layout = sphinx_layout(app, settings)
    config.locale_dirs = [os.path.relpath(layout.locale, app.confdir)]
    if "gettext_compact" not in config.overrides:  # triglot's extraction asks for one template per document
        config.gettext_compact = layout.sphinx_compact
    config.gettext_uuid = False
    config.gettext_location = True
    config.gettext_last_translator = "FULL NAME <EMAIL@ADDRESS>"
    config.gettext_language_team = "LANGUAGE <LL@li.org>"


def setup(app: Sphinx) -> None:
    """Set catalog options from the project's settings once the configuration is read."""
    app.connect("config-inited", _apply, priority=100)
