"""Renders the site-level pages (parallel view, status page) from ``triglot/site/templates``."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("triglot.site", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render(template: str, **context: Any) -> str:
    """The template *template* of ``triglot/site/templates`` rendered with *context* (HTML escaped)."""
    return _environment().get_template(template).render(**context)
