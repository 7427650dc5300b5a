"""Fingerprints of an edition build's inputs, so that an unchanged edition × format is not rebuilt.

The inputs of one edition in one format: the Sphinx source folder (conf.py,
the text; without the catalogs, wherever they are, and, once the edition
has been built, without the files its build did not read), the edition's own
catalogs (not the other languages'), the
glossary, ``pyproject.toml``, triglot's own package files, the versions of
Sphinx and docutils and, for a PDF, the TeX engine. Contents are hashed, not
times, so a ``git checkout`` that restores a file does not force a rebuild.
Nothing here imports Sphinx: the no-op path of ``triglot build`` stays fast.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from importlib import metadata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..catalog.layout import locale_folder
from ..config import Settings
from ..errors import TriglotError
from ..fs import MIB, read_input

# Distributions whose version is part of every fingerprint.
DISTRIBUTIONS = ("sphinx", "docutils")
# Folders and files of a source tree that are never inputs.
_IGNORED_PARTS = {"__pycache__", "_build", ".git", ".mypy_cache", ".pytest_cache"}
_IGNORED_SUFFIXES = {".pyc", ".pyo", ".mo"}
_PACKAGE = Path(__file__).resolve().parent.parent  # the whole triglot package
# Source files that are inputs even when the last build did not read them: Python (conf.py, local extensions),
# and images, which a new translated figure (figure_language_filename) or a wildcard image may start to use.
_ALWAYS_READ = frozenset({".py", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf", ".eps", ".tif", ".tiff"})
_LARGEST = 256 * MIB  # a larger input is fingerprinted by its refusal, not its bytes


def tree_files(folder: Path) -> list[Path]:
    """The input files under *folder*, sorted; none when it does not exist."""
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file()
        and not _IGNORED_PARTS.intersection(path.relative_to(folder).parts)
        and path.suffix not in _IGNORED_SUFFIXES
        and not path.name.startswith(".")
    )


@functools.cache
def versions() -> tuple[str, ...]:
    """``name=version`` of each distribution in :data:`DISTRIBUTIONS` that is installed."""
    found = []
    for name in DISTRIBUTIONS:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=absent")
    return tuple(found)


def tex_engine() -> str:
    """The LuaLaTeX executable's path, size and time: it changes when TeX Live is upgraded."""
    program = shutil.which("lualatex")
    if program is None:
        return "lualatex=absent"
    resolved = Path(program).resolve()
    stat = resolved.stat()
    return f"lualatex={resolved}:{stat.st_size}:{stat.st_mtime_ns}"


def edition_fingerprint(settings: Settings, lang: str, fmt: str, common: list[str] | None = None,
                        read: SourcesRead | None = None) -> str:
    """The hex digest of every input of *lang*'s edition in *fmt*.

    *common* is the part shared by every edition (:func:`common_inputs`),
    passed in when fingerprinting several editions at once. With *read*
    (what the edition's last build read of the source folder), a file of the
    source folder no build reads (a stray ``notes.txt``) is not an input.
    """
    common = common if common is not None else common_inputs(settings)
    if read is not None:
        common = [f"project={project_digest(settings, read)}" if item.startswith("project=") else item
                  for item in common]
    digest = hashlib.sha256()
    for part in [f"lang={lang}", f"format={fmt}", *common, f"catalogs={catalogs_digest(settings, lang)}"]:
        digest.update(part.encode("utf-8") + b"\0")
    if fmt == "pdf":
        digest.update(tex_engine().encode("utf-8"))
    return digest.hexdigest()


def catalogs_digest(settings: Settings, lang: str) -> str:
    """The hex digest of *lang*'s own catalogs (every one the build reads), the inputs that differ between
    the editions."""
    digest = hashlib.sha256()
    for catalog in language_catalogs(settings, lang):
        _add_file(digest, settings.root, catalog)
    return digest.hexdigest()


def source_date_epoch() -> str:
    """``SOURCE_DATE_EPOCH``, which dates the PDFs, the EPUBs and the status page, or "" when unset."""
    return os.environ.get("SOURCE_DATE_EPOCH", "")


def language_catalogs(settings: Settings, lang: str) -> list[Path]:
    """Every catalog file of *lang* (the build reads each of them)."""
    folder = locale_folder(settings) / lang / "LC_MESSAGES"
    return [path for path in tree_files(folder) if path.suffix == ".po"]


def source_files(settings: Settings) -> list[Path]:
    """The input files of the Sphinx source folder, without the catalogs when they live inside it (the usual
    Sphinx layout, ``docs/locale/<lang>/LC_MESSAGES``): each language's catalogs are an input of its own
    editions only (:func:`catalogs_digest`), and the templates beside them are no build's input."""
    locale = locale_folder(settings).resolve()
    return [path for path in tree_files(settings.docs) if not path.resolve().is_relative_to(locale)]


@dataclass(frozen=True)
class SourcesRead:
    """What of the source folder an edition's last build read (recorded by the extension): documents by
    suffix, the files it names, and everything under the folders it names (Python files and images count
    always)."""

    suffixes: frozenset[str]
    files: frozenset[str]
    folders: tuple[str, ...]

    @classmethod
    def from_record(cls, record: dict) -> SourcesRead | None:
        """The ``sources`` of a build record, or None when it has none (a build that left no record)."""
        sources = record.get("sources")
        try:
            return cls(frozenset(sources["suffixes"]), frozenset(sources["files"]), tuple(sources["folders"]))
        except (TypeError, KeyError):
            return None

    def reads(self, relative: PurePosixPath) -> bool:
        """Whether a build reads the source file at *relative* (to the source folder)."""
        return (relative.suffix in self.suffixes or relative.suffix.lower() in _ALWAYS_READ
                or relative.as_posix() in self.files or any(relative.is_relative_to(folder) for folder in self.folders))


def project_digest(settings: Settings, read: SourcesRead | None = None) -> str:
    """The digest of the sources (every file of the source folder but the catalogs, or only those *read*),
    the glossary and ``pyproject.toml``."""
    digest = hashlib.sha256()
    sources = source_files(settings)
    if read is not None:
        sources = [path for path in sources if read.reads(PurePosixPath(path.relative_to(settings.docs).as_posix()))]
    for path in [*sources, *tree_files(settings.glossary), settings.pyproject]:
        _add_file(digest, settings.root, path)
    return digest.hexdigest()


def common_inputs(settings: Settings) -> list[str]:
    """The inputs every edition shares: digests of the sources, glossary and settings and of triglot, the versions
    of Sphinx and docutils, and ``SOURCE_DATE_EPOCH``, as ``name=value`` strings."""
    package = hashlib.sha256()
    for path in tree_files(_PACKAGE):
        _add_file(package, _PACKAGE, path)
    return [f"project={project_digest(settings)}", f"triglot={package.hexdigest()}", *versions(),
            f"source_date_epoch={source_date_epoch()}"]


def _add_file(digest: "hashlib._Hash", root: Path, path: Path) -> None:
    try:
        name = str(path.relative_to(root))
    except ValueError:
        name = str(path)
    try:  # never blocks (a FIFO) nor fails (a folder): the build refuses those, with their path
        data = read_input(path, root=None, limit=_LARGEST)
    except FileNotFoundError:
        data = b"\0absent"
    except TriglotError as exc:
        data = b"\0refused: " + exc.message.encode("utf-8")
    digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
