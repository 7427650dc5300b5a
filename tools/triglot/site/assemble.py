"""Assembling and publishing a site from parts.

``triglot build`` builds the requested editions into parts (in the build
cache) and assembles them; ``triglot assemble`` does the same with parts
built elsewhere (``triglot build --part-out``, one CI job per edition and
format). Either way the site is made by :func:`assemble_site`: each part's
files are placed at their paths (``build/site/<lang>/…``, downloads under
``<lang>/downloads/``), a part not given is carried over from the published
site, then the site-wide pages are made (root page, parallel view, status
page, sitemap) and the whole is swapped in atomically. When every requested
part was unchanged and is already published, the site is left as it is.
"""

from __future__ import annotations

import json
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..build.editions import (FORMATS, BuildResult, EditionBuild, SphinxRunner, current_fingerprint, judged, plan,
                              run_editions, run_process)
from ..build.fingerprint import common_inputs
from ..config import Settings
from ..edition_files import EDITION_FILE
from ..errors import TriglotError
from ..fs import atomic_write
from .part_checks import check_parts, missing_parts
from .catalog_status import CatalogStatus
from .parts import Part, PartManifest, cached_part, find_parts, read_part, stored_manifest, write_part
from .publish import publish, site_link
from .root_index import root_index_html

MANIFEST = ".triglot-published.json"  # in the site: the manifest of each part it holds


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


def published_parts(site: Path) -> dict[str, Part]:
    """The parts the published *site* holds (from its manifest), their files where they are in it."""
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError, ValueError):
        return {}
    parts = {}
    for key, value in (data.get("parts", {}) if isinstance(data, dict) else {}).items():
        try:
            manifest = PartManifest.from_json(value)
        except ValueError:
            continue  # written by another version of triglot: not carried over
        if manifest.key == key:
            parts[key] = Part(manifest, {path: site / path for path in manifest.files}, site)
    return parts


def build_site(settings: Settings, langs: list[str], formats: list[str], jobs: int | None = None,
               minimum: float | None = None, runner: SphinxRunner = run_process) -> SiteResult:
    """Build *langs* × *formats* into parts and publish them into ``build/site``.

    Editions that fail keep their previously published version; the others
    are replaced. The swap is atomic; with nothing changed, or nothing built,
    nothing is written. When an edition that built may not be published (its
    catalogs missed the build, or it shows less than *minimum* percent
    translated), nothing is. *runner* runs ``sphinx-build``.
    """
    results, parts = build_parts(settings, langs, formats, jobs, minimum, runner)
    if any(not result.publishable for result in results if result.ok):
        return SiteResult(results, site_link(settings), published=False)
    published = published_parts(site_link(settings))
    if site_link(settings).exists() and all(result.skipped for result in results if result.ok) and all(
            part.key in published and published[part.key].manifest.fingerprint == part.manifest.fingerprint
            for part in parts):
        # Nothing new to publish: everything is published as built, or failed (and keeps its published version).
        return SiteResult(results, site_link(settings), published=False)
    return SiteResult(results, assemble_site(settings, parts, published))


@dataclass(frozen=True)
class AssembleResult:
    """What an assembly did: the parts placed, those missing whose published version was kept, the site."""

    parts: list[Part]
    kept: list[str]
    site: Path


def export_parts(settings: Settings, langs: list[str], formats: list[str], out: Path,
                 jobs: int | None = None, minimum: float | None = None) -> tuple[list[BuildResult], list[Path]]:
    """Build *langs* × *formats* and write each that built as a part folder under *out* (nothing is published).

    Returns the build results and the part folders written: none when an
    edition that built may not be published (see :func:`build_site`).
    """
    results, parts = build_parts(settings, langs, formats, jobs, minimum)
    if any(not result.publishable for result in results if result.ok):
        return results, []
    return results, [write_part(part, out) for part in parts]


def assemble_parts(settings: Settings, paths: list[Path]) -> AssembleResult:
    """Publish the site made of the parts in *paths* (part folders, or folders of them).

    The parts are checked first (:func:`read_part`, :func:`check_parts`):
    a damaged, foreign or duplicate part raises TriglotError naming it. A
    part missing from a complete site (a language of the project in a format
    some part has) keeps its version in the published site, if it has one;
    otherwise it is an error too. Nothing is published unless all is well.
    """
    parts = [read_part(folder) for folder in find_parts(paths)]
    check_parts(settings, parts)
    parts.sort(key=lambda part: (settings.languages.index(part.manifest.lang), FORMATS.index(part.manifest.format)))
    missing = missing_parts(settings, parts)
    published = published_parts(site_link(settings))
    lost = [key for key in missing if key not in published]
    if lost:
        raise TriglotError(f"no part for {', '.join(lost)}, and {site_link(settings)} has no published version of "
                           f"{'it' if len(lost) == 1 else 'them'} to keep: build {'it' if len(lost) == 1 else 'them'} "
                           f"(triglot build --part-out) or leave the format out")
    return AssembleResult(parts, missing, assemble_site(settings, parts, published))


def build_parts(settings: Settings, langs: list[str], formats: list[str], jobs: int | None = None,
                minimum: float | None = None, runner: SphinxRunner = run_process) -> tuple[list[BuildResult], list[Part]]:
    """Build *langs* × *formats* into parts in the build cache: the build results (each judged: what it showed
    translated, and whether it may be published; see :func:`judged`), and the parts that built.

    The status page's line of each HTML edition to describe (the checks of
    its catalogs) is computed in this process while Sphinx builds in others.
    """
    editions = plan(settings, langs, formats)
    common = common_inputs(settings)
    with ThreadPoolExecutor(max_workers=1) as checker:
        statuses = {edition.lang: checker.submit(_catalog_status, settings, edition.lang)
                    for edition in editions if _to_describe(settings, edition, common)}
        results = [judged(settings, result, minimum) for result in run_editions(settings, editions, jobs, common, runner)]
        parts = [cached_part(settings, result.edition, result.edition.stamp.read_text(encoding="ascii").strip(),
                             common, _result(statuses.get(result.edition.lang)))
                 for result in results if result.ok]
    return results, parts


def _to_describe(settings: Settings, edition: EditionBuild, common: list[str]) -> bool:
    """Whether *edition* is an HTML edition whose part has no manifest for its current inputs."""
    if edition.fmt != "html":
        return False
    stored = stored_manifest(edition)
    return stored is None or stored.fingerprint != current_fingerprint(settings, edition, common)


def _catalog_status(settings: Settings, lang: str) -> CatalogStatus:
    from .status_page import catalog_status  # here: it imports the checks, which a no-op build does not need

    return catalog_status(settings, lang)


def _result(future: Future[CatalogStatus] | None) -> CatalogStatus | None:
    return future.result() if future is not None else None


def assemble_site(settings: Settings, parts: list[Part], published: dict[str, Part] | None = None) -> Path:
    """Publish a site made of *parts* and, for the project's other editions and formats, of the parts of the
    *published* site (by default, those of ``build/site``); returns the site's link."""
    published = published_parts(site_link(settings)) if published is None else published
    given = {part.key: part for part in parts}
    chosen = [part for lang in settings.languages for fmt in FORMATS
              if (part := given.get(f"{lang}/{fmt}") or published.get(f"{lang}/{fmt}")) is not None]

    def assemble(staging: Path) -> None:
        for part in chosen:
            place(staging, part)
        manifest = {"parts": {part.key: part.manifest.as_json() for part in chosen}}
        atomic_write(staging / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
                     .encode("utf-8"))
        atomic_write(staging / "index.html", root_index_html(settings, edition_titles(staging)).encode("utf-8"))
        from .reader_pages import assemble_reader_pages  # here: it imports Sphinx

        # Last: needs every edition and download in place.
        assemble_reader_pages(settings, staging, {part.manifest.lang: part.manifest for part in chosen
                                                  if part.manifest.format == "html"})

    return publish(settings, assemble)


def place(staging: Path, part: Part) -> None:
    """Copy *part*'s files to their paths in *staging*."""
    folders: set[Path] = set()
    for path, source in part.files.items():
        target = staging / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        shutil.copyfile(source, target)


def edition_titles(site: Path) -> dict[str, str]:
    """Each published edition's title, from the ``triglot-edition.json`` its build wrote."""
    titles = {}
    for path in sorted(site.glob(f"*/{EDITION_FILE}")):
        titles[path.parent.name] = json.loads(path.read_text(encoding="utf-8")).get("title", "")
    return titles
