"""Parts: one edition in one format, built and described, ready to be placed into a site.

A part is the files one edition × format puts into the site, by their path
in the site (``ru/index.html``…, ``ru/downloads/article-ru.pdf``), and a
manifest that describes them: the language and format, the fingerprint of
the build's inputs, digests of the sources and of the language's catalogs,
the settings and the versions of triglot, Sphinx, docutils (and LuaTeX) that
made it, the SHA-256 of every file, and, for an HTML part, what the site's
status page and interface need (the catalogs' counts and check findings,
the checked interface translations).

``triglot build`` makes its parts in ``build/cache`` and assembles them at
once; ``triglot build --part-out DIR`` writes each as a folder
``DIR/<lang>-<format>/`` (``triglot-part.json`` and the files at their site
paths), which a CI job uploads as an artifact and ``triglot assemble`` reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .. import __version__
from ..build.editions import EditionBuild
from ..build.fingerprint import catalogs_digest
from ..build.passages import Passages, read_passages
from ..config import Settings
from ..errors import TriglotError
from ..fs import atomic_write
from ..languages import validate_language
from .catalog_status import CatalogStatus

PART_FILE = "triglot-part.json"
PART_VERSION = 1
DOWNLOADS = "downloads"
# Files of Sphinx's HTML output that are not the edition's: its build record, a pickled environment.
_NOT_PUBLISHED = frozenset({".buildinfo", ".doctrees"})


@dataclass(frozen=True)
class PartManifest:
    """What a part is, what made it, and its files (path in the site → SHA-256)."""

    lang: str
    format: str
    fingerprint: str
    sources: str
    catalogs: str
    settings: dict[str, str]
    tools: dict[str, str]
    files: dict[str, str]
    status: CatalogStatus | None = None  # HTML parts: the status page's line of this edition
    interface: dict[str, str] = field(default_factory=dict)  # HTML parts: the checked interface translations
    passages: Passages | None = None  # the passages the edition shows, and how many translated

    @property
    def key(self) -> str:
        """The part's name: ``ru/pdf``."""
        return f"{self.lang}/{self.format}"

    def as_json(self) -> dict:
        """A JSON-ready dictionary."""
        data: dict = {"triglot_part": PART_VERSION, "lang": self.lang, "format": self.format,
                      "fingerprint": self.fingerprint, "sources": self.sources, "catalogs": self.catalogs,
                      "settings": self.settings, "tools": self.tools, "files": self.files}
        if self.status is not None:
            data["status"] = self.status.as_json()
            data["interface"] = self.interface
        if self.passages is not None:
            data["passages"] = self.passages.as_json()
        return data

    @classmethod
    def from_json(cls, data: object) -> PartManifest:
        """The manifest :meth:`as_json` wrote; raises ValueError when *data* is not one."""
        try:
            if not isinstance(data, dict) or data.get("triglot_part") != PART_VERSION:
                raise ValueError(f"not a part manifest of version {PART_VERSION}")
            texts = {name: data[name] for name in ("lang", "format", "fingerprint", "sources", "catalogs")}
            tables = {name: data[name] for name in ("settings", "tools", "files")}
            if not all(isinstance(value, str) for value in texts.values()) or not all(
                    isinstance(table, dict) and all(isinstance(v, str) for v in table.values())
                    for table in tables.values()):
                raise ValueError("a field has the wrong type")
            status = CatalogStatus.from_json(data["status"]) if "status" in data else None
            interface = data.get("interface", {})
            if not isinstance(interface, dict) or not all(isinstance(v, str) for v in interface.values()):
                raise ValueError("interface must map texts to texts")
            passages = data.get("passages")
            if passages is not None:
                counts = (passages["total"], passages["translated"])
                if not all(isinstance(count, int) and count >= 0 for count in counts) or counts[1] > counts[0]:
                    raise ValueError("passages must be whole numbers, no more translated than there are")
                passages = Passages(*counts)
            return cls(**texts, **tables, status=status, interface=interface, passages=passages)
        except (KeyError, TypeError) as exc:
            raise ValueError(f"a field is missing or malformed: {exc}") from None


@dataclass(frozen=True)
class Part:
    """A part's manifest and where its files are now (path in the site → file)."""

    manifest: PartManifest
    files: dict[str, Path]
    origin: Path  # the part's folder, or the build cache or site it comes from: named in messages

    @property
    def key(self) -> str:
        """The part's name: ``ru/pdf``."""
        return self.manifest.key


# --- making a part from a build ------------------------------------------------------------------------------

def edition_files(edition: EditionBuild) -> dict[str, Path]:
    """The files *edition*'s build put in the build cache, by their path in the site."""
    if edition.fmt != "html":
        return {f"{edition.lang}/{DOWNLOADS}/{edition.product.name}": edition.product}
    files = {}
    for folder, subfolders, names in os.walk(edition.output):
        relative = Path(folder).relative_to(edition.output)
        if relative == Path("."):
            subfolders[:] = [name for name in subfolders if name not in _NOT_PUBLISHED]
            names = [name for name in names if name not in _NOT_PUBLISHED]
        subfolders.sort()
        for name in sorted(names):
            files[(PurePosixPath(edition.lang) / relative.as_posix() / name).as_posix()] = Path(folder) / name
    return files


def digest_file(path: Path) -> str:
    """The SHA-256 of *path*'s bytes, in hex."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def luatex_version() -> str:
    """The first line of ``lualatex --version`` (``This is LuaHBTeX, Version 1.15.0 (TeX Live 2022/Debian)``)."""
    try:
        completed = subprocess.run(["lualatex", "--version"], capture_output=True, text=True, timeout=60,
                                   stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return "absent"
    return (completed.stdout.splitlines() or ["unknown"])[0].strip()


def describe(settings: Settings, edition: EditionBuild, fingerprint: str, common: list[str],
             status: CatalogStatus | None = None) -> PartManifest:
    """The manifest of *edition*, just built from inputs with this *fingerprint* (*common*: their shared part).

    An HTML part carries its catalogs' *status* for the status page
    (computed here, with ``triglot check``, when not given).
    """
    shared = dict(item.split("=", 1) for item in common)
    tools = {"triglot": __version__, "triglot-files": shared["triglot"], "sphinx": shared["sphinx"],
             "docutils": shared["docutils"]}
    if edition.fmt == "pdf":
        tools["luatex"] = luatex_version()
    interface: dict[str, str] = {}
    if edition.fmt == "html":
        from ..interface import read_interface_catalog  # here: it imports docutils, which a no-op build does not need
        from .status_page import catalog_status

        status = status if status is not None else catalog_status(settings, edition.lang)
        interface = read_interface_catalog(settings, edition.lang).messages
    return PartManifest(
        lang=edition.lang, format=edition.fmt, fingerprint=fingerprint, sources=shared["project"],
        catalogs=catalogs_digest(settings, edition.lang), settings=build_settings(settings, shared), tools=tools,
        files={path: digest_file(source) for path, source in edition_files(edition).items()},
        status=status if edition.fmt == "html" else None, interface=dict(sorted(interface.items())),
        passages=_counts(read_passages(edition.doctrees)))


def _counts(passages: Passages | None) -> Passages | None:
    """Only the counts of *passages*: what a part tells the status page."""
    return Passages(passages.total, passages.translated) if passages is not None else None


def build_settings(settings: Settings, shared: dict[str, str]) -> dict[str, str]:
    """The settings a part is built with that every part of one site must share."""
    return {"source_language": settings.source_language, "languages": " ".join(settings.languages),
            "catalog": settings.catalog, "source_date_epoch": shared["source_date_epoch"]}


def stored_manifest(edition: EditionBuild) -> PartManifest | None:
    """The manifest kept beside *edition*'s build (``build/cache/<lang>/<format>.part.json``), if there is one."""
    try:
        return PartManifest.from_json(json.loads(_stored(edition).read_text(encoding="utf-8")))
    except (FileNotFoundError, ValueError):
        return None


def cached_part(settings: Settings, edition: EditionBuild, fingerprint: str, common: list[str],
                status: CatalogStatus | None = None) -> Part:
    """*edition*'s part in the build cache: its manifest is made once per build of the edition (with *status*,
    when given, for an HTML part), then kept beside it."""
    manifest = stored_manifest(edition)
    sources = dict(item.split("=", 1) for item in common)["project"]
    # The sources' digest covers files no build reads: one may change without changing the fingerprint.
    if manifest is None or manifest.fingerprint != fingerprint or manifest.sources != sources:
        manifest = describe(settings, edition, fingerprint, common, status)
        atomic_write(_stored(edition), _json_bytes(manifest.as_json()))
    return Part(manifest, edition_files(edition), edition.output)


def _stored(edition: EditionBuild) -> Path:
    return edition.output.with_name(f"{edition.fmt}.part.json")


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


# --- parts on disk --------------------------------------------------------------------------------------------

def part_folder_name(manifest: PartManifest) -> str:
    """The folder a part is written to: ``ru-pdf``."""
    return f"{manifest.lang}-{manifest.format}"


def write_part(part: Part, out: Path) -> Path:
    """Write *part* as the folder ``out/<lang>-<format>/``, replacing an older one whole; returns the folder."""
    target = out / part_folder_name(part.manifest)
    out.mkdir(parents=True, exist_ok=True)
    temporary = out / f".{target.name}.{os.getpid()}.tmp"
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        for path, source in part.files.items():
            destination = temporary / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
        atomic_write(temporary / PART_FILE, _json_bytes(part.manifest.as_json()))
        if target.exists():
            shutil.rmtree(target)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return target


_SAFE_NAME = re.compile(r"^[^\x00-\x1f/\\]+$")


def read_part(folder: Path) -> Part:
    """The part in *folder*, its files checked against its manifest.

    Raises TriglotError naming the part when the manifest is unreadable or
    malformed, a path is not inside its edition, a file is missing, is not
    the one built (its SHA-256 differs) or is not listed.
    """
    manifest_path = folder / PART_FILE
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TriglotError(f"cannot read the part's manifest: {exc.strerror}", manifest_path) from None
    except (UnicodeDecodeError, ValueError) as exc:
        line = getattr(exc, "lineno", None)
        raise TriglotError(f"not a part manifest: {exc}", manifest_path, line) from None
    try:
        manifest = PartManifest.from_json(data)
        validate_language(manifest.lang)
    except (ValueError, TriglotError) as exc:
        raise TriglotError(f"not a part manifest: {exc}", manifest_path) from None
    files = {}
    inside = folder.resolve()
    for path, digest in manifest.files.items():
        _check_site_path(path, manifest, manifest_path)
        source = folder / path
        if source.is_symlink() or not source.resolve().is_relative_to(inside):
            raise TriglotError(f"part {manifest.key} holds a link: {path} is not a file of the part", folder)
        if not source.is_file():
            raise TriglotError(f"part {manifest.key} is incomplete: {path} is missing", folder)
        if digest_file(source) != digest:
            raise TriglotError(f"part {manifest.key} is damaged: {path} is not the file that was built", folder)
        files[path] = source
    extra = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")
                   if not path.is_dir() and path.relative_to(folder).as_posix() not in files and path != manifest_path)
    if extra:
        raise TriglotError(f"part {manifest.key} holds files its manifest does not list: {', '.join(extra[:5])}",
                           folder)
    return Part(manifest, files, folder)


def _check_site_path(path: str, manifest: PartManifest, where: Path) -> None:
    """A part's file must be inside its edition's folder, with a plain relative path."""
    parts = PurePosixPath(path).parts
    plain = all(_SAFE_NAME.match(name) and name not in (".", "..") for name in parts)
    if not plain or path.startswith("/") or parts[:1] != (manifest.lang,) or len(parts) < 2:
        raise TriglotError(f"part {manifest.key} lists a file outside its edition: {path!r}", where)
    if manifest.format != "html" and parts[1:2] != (DOWNLOADS,):
        raise TriglotError(f"part {manifest.key} lists a file outside its downloads: {path!r}", where)


def find_parts(paths: list[Path]) -> list[Path]:
    """The part folders among *paths*: each is a part, or a folder whose sub-folders are parts."""
    found = []
    for path in paths:
        if (path / PART_FILE).is_file():
            found.append(path)
        elif path.is_dir() and (children := sorted(child for child in path.iterdir() if (child / PART_FILE).is_file())):
            found += children
        elif path.is_dir():
            raise TriglotError(f"not a triglot part: it has no {PART_FILE} (made by triglot build --part-out), "
                               f"nor sub-folders that have one", path)
        else:
            raise TriglotError("no such folder", path)
    return found
