"""``triglot build``: builds the requested editions and publishes the site.

Each edition's folder ``build/site/<lang>/`` holds its HTML and, under
``downloads/``, its PDF and EPUB (``<catalog>-<lang>.pdf|.epub``). A part
built now comes from the build cache; a part not rebuilt (not requested, or
failed) is carried over from the published site. When every requested part
was unchanged and is already published, the site is left as it is.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from .build import FORMATS, BuildResult, EditionBuild, plan, run_editions
from .config import Settings
from .fs import atomic_write
from .publish import publish, site_link
from .site_index import root_index_html

DOWNLOADS = "downloads"


@dataclass(frozen=True)
class SiteResult:
    """What a build did: each edition's result, where the site is, and whether it was republished."""

    results: list[BuildResult]
    site: Path
    published: bool = True

    @property
    def ok(self) -> bool:
        """True when every edition built (or was already up to date)."""
        return all(result.ok for result in self.results)


def site_part(site: Path, edition: EditionBuild) -> Path:
    """Where *edition* lives in *site*: its folder (HTML) or its download file (PDF, EPUB)."""
    if edition.fmt == "html":
        return site / edition.lang
    return site / edition.lang / DOWNLOADS / edition.product.name


def is_published(settings: Settings, results: list[BuildResult]) -> bool:
    """True when the published site already holds every part of *results*, all of them unchanged."""
    site = site_link(settings)
    if not (site / "index.html").is_file():
        return False
    for result in results:
        part = site_part(site, result.edition)
        if not result.skipped or not (part / "index.html" if result.edition.fmt == "html" else part).is_file():
            return False
    return True


def fresh(result: BuildResult) -> bool:
    """True when *result* built a new output now (not skipped as unchanged, not failed)."""
    return result.ok and not result.skipped


def build_site(settings: Settings, langs: list[str], formats: list[str], jobs: int | None = None) -> SiteResult:
    """Build *langs* × *formats* and publish them into ``build/site``.

    Editions that fail keep their previously published version; the others
    are replaced. The swap is atomic; with nothing changed, or nothing built,
    nothing is written.
    """
    editions = plan(settings, langs, formats)
    results = run_editions(settings, editions, jobs)
    if is_published(settings, results) or (site_link(settings).exists() and not any(fresh(r) for r in results)):
        # Nothing new to publish: everything was unchanged, or everything requested failed.
        return SiteResult(results, site_link(settings), published=False)
    built = {(result.edition.lang, result.edition.fmt) for result in results if result.ok}

    def assemble(staging: Path) -> None:
        current = site_link(settings)
        for edition in plan(settings, list(settings.languages), list(FORMATS)):
            place(staging, current, edition, (edition.lang, edition.fmt) in built)
        atomic_write(staging / "index.html", root_index_html(settings, edition_titles(staging)).encode("utf-8"))
        from .reader_site import assemble_reader_pages  # here: it imports Sphinx

        assemble_reader_pages(settings, staging)  # last: needs every edition and download in place

    return SiteResult(results, publish(settings, assemble))


def place(staging: Path, current: Path, edition: EditionBuild, built: bool) -> None:
    """Put *edition* into *staging*: from the build cache when *built*, else from the *current* site, if there."""
    target = site_part(staging, edition)
    if edition.fmt == "html":
        source = edition.output if built else site_part(current, edition)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True, symlinks=True,
                            ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", *([] if built else [DOWNLOADS])))
        return
    source = edition.product if built else site_part(current, edition)
    if source.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def edition_titles(site: Path) -> dict[str, str]:
    """Each published edition's title, from the ``triglot-edition.json`` its build wrote."""
    from .sphinx.metadata import EDITION_FILE  # here, not at the top: the no-op build never imports Sphinx

    titles = {}
    for path in sorted(site.glob(f"*/{EDITION_FILE}")):
        titles[path.parent.name] = json.loads(path.read_text(encoding="utf-8")).get("title", "")
    return titles
