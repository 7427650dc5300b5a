"""``triglot build``: builds the requested editions and publishes the site."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from .build import BuildResult, plan, run_editions
from .config import Settings
from .fs import atomic_write
from .publish import carry_over, publish
from .site_index import root_index_html
from .sphinx.metadata import EDITION_FILE

@dataclass(frozen=True)
class SiteResult:
    """What a build did: each edition's result, and where the site is."""

    results: list[BuildResult]
    site: Path

    @property
    def ok(self) -> bool:
        """True when every edition built."""
        return all(result.ok for result in self.results)


def build_site(settings: Settings, langs: list[str], formats: list[str], jobs: int | None = None) -> SiteResult:
    """Build *langs* × *formats* and publish them into ``build/site``.

    Editions that fail keep their previously published version; the others
    are replaced. The swap is atomic.
    """
    results = run_editions(settings, plan(settings, langs, formats), jobs)

    def assemble(staging: Path) -> None:
        for result in results:
            if result.ok and result.edition.fmt == "html":
                shutil.copytree(result.edition.output, staging / result.edition.lang, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"))
        carry_over(settings, staging, list(settings.languages))
        atomic_write(staging / "index.html", root_index_html(settings, edition_titles(staging)).encode("utf-8"))

    return SiteResult(results, publish(settings, assemble))


def edition_titles(site: Path) -> dict[str, str]:
    """Each published edition's title, from the ``triglot-edition.json`` its build wrote."""
    titles = {}
    for path in sorted(site.glob(f"*/{EDITION_FILE}")):
        titles[path.parent.name] = json.loads(path.read_text(encoding="utf-8")).get("title", "")
    return titles
