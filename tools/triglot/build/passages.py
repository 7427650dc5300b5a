"""What an edition's build showed translated, and whether its catalogs reached it: the build's honest summary.

Reads the record the Sphinx extension writes after each build
(:mod:`triglot.sphinx.passages`) and decides, once for the summary, the
``--min-translated`` gate and the status page, whether an edition may be
published. Nothing here imports Sphinx.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..edition_files import BUILD_RECORD

# Folders never searched for catalogs that missed the build: tools' and build output.
_SKIPPED = frozenset({"node_modules", "_build", "__pycache__", "site-packages"})


@dataclass(frozen=True)
class Passages:
    """The passages of one built edition and how many of them it showed translated."""

    total: int
    translated: int
    catalogs: tuple[str, ...] = ()  # the language's catalog files (project-relative)
    reached: tuple[str, ...] = ()  # those whose translations reached the build
    looked_up: tuple[str, ...] = ()  # the catalog files Sphinx looks for

    @property
    def percent(self) -> float:
        """The translated share in percent, rounded down to a tenth (100 only when all are translated)."""
        return (1000 * self.translated // self.total) / 10 if self.total else 100.0

    def share(self) -> str:
        """``92/92 translated (100 %)``."""
        return f"{self.translated}/{self.total} translated ({self.percent:g} %)"

    def below(self, minimum: float) -> bool:
        """True when the translated share is below *minimum* percent (compared exactly, not rounded)."""
        return self.total > 0 and 100 * self.translated < minimum * self.total

    def as_json(self) -> dict[str, int]:
        """The counts, as a part's manifest keeps them."""
        return {"total": self.total, "translated": self.translated}


def read_record(doctrees: Path) -> dict:
    """The record the extension left of the last build whose Sphinx doctrees are in *doctrees* ({} when none)."""
    try:
        data = json.loads((doctrees / BUILD_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_passages(doctrees: Path) -> Passages | None:
    """The passages of the last build whose Sphinx doctrees are in *doctrees*, or None when it left no record."""
    data = read_record(doctrees)
    try:
        catalogs = data.get("catalogs", {})
        return Passages(int(data["passages"]), int(data["translated"]), tuple(catalogs[name] for name in catalogs),
                        tuple(catalogs[name] for name in data.get("reached", [])), tuple(data.get("looked_up", [])))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def stray_catalogs(settings: Settings, lang: str) -> list[str]:
    """PO files of *lang* in the project (``…/<lang>/LC_MESSAGES/….po``, ``…/<lang>/….po``), project-relative.

    Looked for only when no catalog of the layout exists: they show where a
    project keeps the catalogs its settings do not point at.
    """
    found = []
    build = settings.build.resolve()
    for folder, subfolders, names in os.walk(settings.root):
        here = Path(folder)
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in _SKIPPED
                               and (here / name).resolve() != build and not (here / name / "pyvenv.cfg").exists())
        parts = here.relative_to(settings.root).parts
        if lang in parts[-2:] and (parts[-1] == lang or parts[-1] == "LC_MESSAGES"):
            found += [(here / name).relative_to(settings.root).as_posix() for name in sorted(names)
                      if name.endswith(".po") and name != "sphinx.po"]
    return found


def catalog_problem(settings: Settings, lang: str, passages: Passages) -> str | None:
    """Why *lang*'s catalogs do not reach its build at all, or None (they do, or the language has none)."""
    if lang == settings.source_language or passages.reached:
        return None
    files = list(passages.catalogs) or stray_catalogs(settings, lang)
    if not files:
        return None  # a language without catalogs yet: shown in the source language, as documented
    looked = ", ".join(passages.looked_up[:3]) + (", …" if len(passages.looked_up) > 3 else "")
    return (f"no catalog of {lang} reaches the build: Sphinx looks for {looked or 'no catalog'}, and "
            f"{', '.join(files[:5])}{', …' if len(files) > 5 else ''} {'is' if len(files) == 1 else 'are'} not "
            f"{'it' if len(files) == 1 else 'among them'}; move or rename the catalogs, or set locale and catalog "
            "in [tool.triglot] (or locale_dirs and gettext_compact in conf.py)")


def edition_problem(settings: Settings, lang: str, passages: Passages | None, minimum: float | None) -> str | None:
    """Why an edition that built may not be published: its catalogs missed the build, or it is below *minimum*."""
    if lang == settings.source_language:
        return None
    if passages is None:
        return (f"the build did not count what the {lang} edition shows translated: add \"triglot.sphinx\" to the "
                f"extensions in {os.path.relpath(settings.docs / 'conf.py', settings.root)}")
    problem = catalog_problem(settings, lang, passages)
    if problem is None and minimum is not None and passages.below(minimum):
        problem = f"{passages.percent:g} % translated, below the minimum of {minimum:g} %"
    return problem
