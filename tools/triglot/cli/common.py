"""Arguments and helpers shared by several commands."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from triglot.config import Settings, load_settings
from triglot.errors import TriglotError


def add_lang_option(parser: argparse.ArgumentParser, what: str) -> None:
    """``--lang L`` (repeatable): restrict the command to some languages."""
    parser.add_argument(
        "--lang", action="append", metavar="L", dest="langs",
        help=f"{what} only language L (repeatable; default: every configured language)",
    )


def selected_languages(settings: Settings, requested: list[str] | None, *, include_source: bool = True) -> list[str]:
    """The languages a command works on: *requested*, validated, or every configured one.

    A code may be written as Read the Docs writes it (``pt-br`` for ``pt_BR``).
    """
    configured = list(settings.languages if include_source else settings.translations)
    if not requested:
        return configured
    known = {_loose_code(lang): lang for lang in settings.languages}
    requested = [known.get(_loose_code(lang), lang) for lang in requested]
    for lang in requested:
        if lang not in settings.languages:
            raise TriglotError(
                f"unknown language {lang!r}: this project has {', '.join(settings.languages)} "
                f"(add one with 'triglot add-language {lang}')"
            )
    return [lang for lang in configured if lang in requested] or list(requested)


def _loose_code(code: str) -> str:
    return code.replace("-", "_").lower()


def add_out_option(parser: argparse.ArgumentParser) -> None:
    """``--out DIR``: the build folder, instead of the project's ``build`` setting."""
    parser.add_argument("--out", metavar="DIR", help="build folder (default: the project's build setting)")


def settings_from_cwd(out: str | None = None) -> Settings:
    """The settings of the project in the working folder; with *out*, its build folder is *out*."""
    settings = load_settings()
    return replace(settings, build=Path(out).resolve()) if out else settings


def percentage(text: str) -> float:
    """An argument that must be a percentage from 0 to 100."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"expected a percentage from 0 to 100, not {text!r}")
    return value


def positive_int(text: str) -> int:
    """An argument that must be a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)
