"""Whether parts built elsewhere belong together, and to this project, before a site is assembled from them."""

from __future__ import annotations

from ..build.editions import FORMATS
from ..build.fingerprint import catalogs_digest, common_inputs
from ..config import Settings
from ..errors import TriglotError
from .parts import Part, build_settings

# The tools whose versions every part of one site must share (LuaTeX makes only the PDFs).
SHARED_TOOLS = ("triglot", "triglot-files", "sphinx", "docutils")


def check_parts(settings: Settings, parts: list[Part]) -> None:
    """Raise TriglotError naming the first part that does not belong to this project's site.

    Each part must be of a language and format of the project, given once,
    built from this checkout's sources (``docs/``, the glossary,
    ``pyproject.toml``) and its language's catalogs, with the same settings
    (``SOURCE_DATE_EPOCH`` included) and the same triglot as this assembly,
    and with the same Sphinx and docutils as the other parts.
    """
    shared = dict(item.split("=", 1) for item in common_inputs(settings))
    local_settings = build_settings(settings, shared)
    seen: dict[str, Part] = {}
    for part in parts:
        manifest = part.manifest
        where = part.origin
        if manifest.lang not in settings.languages:
            raise TriglotError(f"part {manifest.key} is of a language this project does not have "
                               f"({', '.join(settings.languages)})", where)
        if manifest.format not in FORMATS:
            raise TriglotError(f"part {manifest.key} is of an unknown format {manifest.format!r}", where)
        if manifest.key in seen:
            raise TriglotError(f"part {manifest.key} is given twice (also {seen[manifest.key].origin})", where)
        seen[manifest.key] = part
        if manifest.sources != shared["project"]:
            raise TriglotError(f"part {manifest.key} was built from other sources than this checkout's "
                               f"(docs, glossary, pyproject.toml): build it again from this commit", where)
        if manifest.catalogs != catalogs_digest(settings, manifest.lang):
            raise TriglotError(f"part {manifest.key} was built from other {manifest.lang} catalogs than this "
                               f"checkout's: build it again from this commit", where)
        for name, value in local_settings.items():
            if manifest.settings.get(name) != value:
                raise TriglotError(f"part {manifest.key} was built with {name} = {manifest.settings.get(name)!r}, "
                                   f"this assembly has {value!r}", where)
        if manifest.tools.get("triglot-files") != shared["triglot"]:
            raise TriglotError(f"part {manifest.key} was built by another triglot ({manifest.tools.get('triglot')}) "
                               f"than this one", where)
        first = parts[0].manifest
        for name in SHARED_TOOLS:
            if manifest.tools.get(name) != first.tools.get(name):
                raise TriglotError(f"part {manifest.key} was built with {name} {manifest.tools.get(name)}, part "
                                   f"{first.key} with {first.tools.get(name)}: build every part with the same "
                                   f"tools", where)


def missing_parts(settings: Settings, parts: list[Part]) -> list[str]:
    """The parts a complete site would have that are not among *parts*: every language of the project in
    every format some part has (``ja/pdf``)."""
    formats = [fmt for fmt in FORMATS if any(part.manifest.format == fmt for part in parts)]
    given = {part.key for part in parts}
    return [f"{lang}/{fmt}" for lang in settings.languages for fmt in formats if f"{lang}/{fmt}" not in given]
