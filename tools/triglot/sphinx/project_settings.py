"""Applies ``[tool.triglot]`` to Sphinx: catalog location and name, language settings."""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx.errors import ConfigError

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


def _apply(app: Sphinx, config: Config) -> None:
    settings = project_settings(app)
    if settings is None:
        return
    config.locale_dirs = [os.path.relpath(settings.locale, app.confdir)]
    config.gettext_compact = settings.catalog
    config.gettext_uuid = False
    config.gettext_location = True
    config.gettext_last_translator = "FULL NAME <EMAIL@ADDRESS>"
    config.gettext_language_team = "LANGUAGE <LL@li.org>"


def setup(app: Sphinx) -> None:
    """Set catalog options from the project's settings once the configuration is read."""
    app.connect("config-inited", _apply, priority=100)
