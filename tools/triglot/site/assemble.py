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

from ..build.editions import FORMATS, BuildResult, EditionBuild, plan, run_editions
from ..config import Settings
from ..fs import atomic_write
from .publish import publish, site_link
from .root_index import root_index_html

DOWNLOADS = "downloads"
MANIFEST = ".triglot-published.json"  # in the site: which inputs each part was built from


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


def unpublished(settings: Settings, results: list[BuildResult]) -> list[BuildResult]:
    """The parts of *results* that the published site does not hold yet: built now, or built but never published.

    The site's manifest records the fingerprint each of its parts was built
    from: a build killed between building and publishing leaves current
    caches but an older site, and the next build publishes them. Failed parts
    are never pending (their published version stays).
    """
    manifest = read_manifest(site_link(settings))
    return [result for result in results
            if result.ok and not (result.skipped and manifest.get(part_key(result.edition)) == stamp_of(result.edition))]


def part_key(edition: EditionBuild) -> str:
    """The name of *edition* in the site's manifest: ``ru/pdf``."""
    return f"{edition.lang}/{edition.fmt}"


def stamp_of(edition: EditionBuild) -> str | None:
    """The fingerprint of the inputs *edition*'s cache was built from, if it was."""
    try:
        return edition.stamp.read_text(encoding="ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def read_manifest(site: Path) -> dict[str, str]:
    """What the site at *site* was published from: part → fingerprint (empty if unknown)."""
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return {}
    return {key: value for key, value in data.items() if isinstance(key, str) and isinstance(value, str)} \
        if isinstance(data, dict) else {}


def build_site(settings: Settings, langs: list[str], formats: list[str], jobs: int | None = None) -> SiteResult:
    """Build *langs* × *formats* and publish them into ``build/site``.

    Editions that fail keep their previously published version; the others
    are replaced. The swap is atomic; with nothing changed, or nothing built,
    nothing is written.
    """
    editions = plan(settings, langs, formats)
    results = run_editions(settings, editions, jobs)
    if site_link(settings).exists() and not unpublished(settings, results):
        # Nothing new to publish: everything is published as built, or failed (and keeps its published version).
        return SiteResult(results, site_link(settings), published=False)
    built = {(result.edition.lang, result.edition.fmt) for result in results if result.ok}

    def assemble(staging: Path) -> None:
        current = site_link(settings)
        published, manifest = read_manifest(current), {}
        for edition in plan(settings, list(settings.languages), list(FORMATS)):
            fresh_part = (edition.lang, edition.fmt) in built
            if place(staging, current, edition, fresh_part):
                fingerprint = stamp_of(edition) if fresh_part else published.get(part_key(edition))
                if fingerprint:
                    manifest[part_key(edition)] = fingerprint
        atomic_write(staging / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode("ascii"))
        atomic_write(staging / "index.html", root_index_html(settings, edition_titles(staging)).encode("utf-8"))
        from .reader_pages import assemble_reader_pages  # here: it imports Sphinx

        assemble_reader_pages(settings, staging)  # last: needs every edition and download in place

    return SiteResult(results, publish(settings, assemble))


def place(staging: Path, current: Path, edition: EditionBuild, built: bool) -> bool:
    """Put *edition* into *staging*: from the build cache when *built*, else from the *current* site, if there.

    Returns whether the part is now in *staging*.
    """
    target = site_part(staging, edition)
    if edition.fmt == "html":
        source = edition.output if built else site_part(current, edition)
        if not source.is_dir():
            return False
        shutil.copytree(source, target, dirs_exist_ok=True, symlinks=True,
                        ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", *([] if built else [DOWNLOADS])))
        return True
    source = edition.product if built else site_part(current, edition)
    if not source.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def edition_titles(site: Path) -> dict[str, str]:
    """Each published edition's title, from the ``triglot-edition.json`` its build wrote."""
    from ..sphinx.metadata import EDITION_FILE  # here, not at the top: the no-op build never imports Sphinx

    titles = {}
    for path in sorted(site.glob(f"*/{EDITION_FILE}")):
        titles[path.parent.name] = json.loads(path.read_text(encoding="utf-8")).get("title", "")
    return titles
