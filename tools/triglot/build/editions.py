"""Runs the builds of the editions, in parallel, each into its own cache, skipping the unchanged ones.

One edition in one format is one job: ``sphinx-build`` (html, latex or epub
builder), then for a PDF ``latexmk`` with LuaLaTeX. A job whose inputs have
the fingerprint recorded by its last successful build is not run again.
Nothing here imports Sphinx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from . import tex, tex_sandbox
from ..catalog import read_po
from ..config import Settings
from ..errors import TriglotError
from .fingerprint import SourcesRead, common_inputs, edition_fingerprint
from ..fs import atomic_write
from .passages import Passages, edition_problem, read_passages, read_record
from .preflight import check_inputs

# The Sphinx builder behind each output format of triglot.
BUILDERS = {"html": "html", "pdf": "latex", "epub": "epub"}
FORMATS = tuple(BUILDERS)
# Longest first, so that parallel jobs finish together: a PDF takes several times an HTML build.
_COST = {"pdf": 0, "epub": 1, "html": 2}
# What runs a ``sphinx-build`` command line (in a folder, with an environment): a new process by default,
# or :class:`.sphinx_worker.SphinxWorker`'s warm one.
SphinxRunner = Callable[[list[str], Path, dict[str, str]], subprocess.CompletedProcess]


def run_process(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run *command* in a new process, its output captured as text."""
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)


@dataclass(frozen=True)
class EditionBuild:
    """One edition in one format: where Sphinx writes it, logs its warnings, records its fingerprint."""

    lang: str
    fmt: str
    output: Path
    doctrees: Path
    log: Path
    name: str  # base name of the PDF and EPUB files unless the project names them: <catalog>-<lang>

    @property
    def stamp(self) -> Path:
        """The fingerprint of the inputs of the last successful build."""
        return self.output.with_name(f"{self.fmt}.fingerprint")

    @property
    def product(self) -> Path:
        """The file the build makes: the PDF, the EPUB (named as its last build recorded: the project's
        ``latex_documents`` or ``epub_basename``, or ``<catalog>-<lang>``), or the HTML edition's start page."""
        if self.fmt == "html":
            return self.output / "index.html"
        recorded = read_record(self.doctrees).get("output")
        plain = isinstance(recorded, str) and recorded == Path(recorded).name and recorded.endswith(f".{self.fmt}")
        return self.output / (recorded if plain else f"{self.name}.{self.fmt}")

    @property
    def latex_log(self) -> Path:
        """Where the whole LaTeX log of a PDF build is kept."""
        return self.log.with_name(f"{self.lang}-{self.fmt}.latex.log")


@dataclass(frozen=True)
class BuildResult:
    """The outcome of one edition build: built, skipped as unchanged, or failed (with the lines that matter)."""

    edition: EditionBuild
    ok: bool
    message: str
    skipped: bool = False
    log: Path | None = None  # the full log of a failure, when there is one
    passages: Passages | None = None  # what the edition shows translated (an edition that built)
    problem: str | None = None  # why an edition that built may not be published
    missing: tuple[str, ...] = ()  # the Debian packages a PDF edition could not be built without

    @property
    def publishable(self) -> bool:
        """True when the edition built and may be published."""
        return self.ok and self.problem is None


def judged(settings: Settings, result: BuildResult, minimum: float | None) -> BuildResult:
    """*result* with what its edition showed translated and, when it may not be published, why
    (its catalogs missed the build, or it shows less than *minimum* percent translated)."""
    if not result.ok:
        return result
    passages = read_passages(result.edition.doctrees)
    return replace(result, passages=passages,
                   problem=edition_problem(settings, result.edition.lang, passages, minimum))


def plan(settings: Settings, langs: list[str], formats: list[str]) -> list[EditionBuild]:
    """The edition builds for *langs* × *formats*, with their cache folders under ``build/``."""
    cache = settings.build / "cache"
    return [
        EditionBuild(
            lang=lang,
            fmt=fmt,
            output=cache / lang / fmt,
            doctrees=cache / lang / "doctrees" / fmt,
            log=settings.build / "logs" / f"{lang}-{fmt}.log",
            name=f"{settings.catalog}-{lang}",
        )
        for lang in langs
        for fmt in formats
    ]


def sphinx_command(settings: Settings, edition: EditionBuild, *, fresh: bool = False) -> list[str]:
    """The ``sphinx-build`` command line of one edition build; *fresh* ignores Sphinx's saved environment."""
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        BUILDERS[edition.fmt],
        "-q",
        "--no-color",
        "-D",
        f"language={edition.lang}",
        "-d",
        str(edition.doctrees),
        "-w",
        str(edition.log),
        *(["-E"] if fresh else []),
        str(settings.docs),
        str(edition.output),
    ]


_SPHINX_TRAILER = ("The full traceback has been saved in", "To report this error", "Please also report")


def sphinx_error(output: str, limit: int = 6) -> list[str]:
    """The last lines of a failed ``sphinx-build``'s output that say what went wrong, without its trailer."""
    lines = [line.rstrip() for line in output.splitlines() if line.strip()]
    cut = next((i for i, line in enumerate(lines) if line.startswith(_SPHINX_TRAILER)), len(lines))
    return lines[:cut][-limit:]


def is_current(edition: EditionBuild, fingerprint: str) -> bool:
    """True when *edition* was built from inputs with this *fingerprint* and its product is still there."""
    try:
        return edition.stamp.read_text(encoding="ascii").strip() == fingerprint and edition.product.is_file()
    except (FileNotFoundError, UnicodeDecodeError):
        return False


def run_edition(settings: Settings, edition: EditionBuild, fingerprint: str, common: list[str],
                runner: SphinxRunner = run_process) -> BuildResult:
    """Build one edition unless it is current (its inputs have *fingerprint*; *common*: their shared part),
    ``sphinx-build`` run by *runner*; a failure is reported with the lines that matter, never raised."""
    if is_current(edition, fingerprint):
        return BuildResult(edition, True, "unchanged", skipped=True)
    # No stamp: the last build of this edition did not finish (failed, or was killed while Sphinx wrote
    # its pickles), so its saved environment is not to be trusted.
    fresh = not edition.stamp.is_file()
    edition.stamp.unlink(missing_ok=True)
    if edition.fmt == "pdf":
        missing = tex.missing_packages(edition.lang)
        if missing:
            return BuildResult(edition, False, tex.missing_message(edition.lang, missing),
                               missing=tuple(missing))
    edition.log.parent.mkdir(parents=True, exist_ok=True)
    edition.output.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if env.get("SOURCE_DATE_EPOCH"):
        env["FORCE_SOURCE_DATE"] = "1"  # LuaTeX then dates the PDF (and \today) from SOURCE_DATE_EPOCH
    completed = runner(sphinx_command(settings, edition, fresh=fresh), settings.root, env)
    if completed.returncode != 0:
        detail = sphinx_error(completed.stderr or completed.stdout)
        return BuildResult(edition, False, "\n".join(detail) or f"sphinx-build exited {completed.returncode}",
                           log=edition.log)
    if edition.fmt == "pdf":
        failure = typeset(edition, env, settings.root)
        if failure is not None:
            return failure
    if not edition.product.is_file():
        return BuildResult(edition, False, f"the build did not make {edition.product.name}", log=edition.log)
    # Stamped with what this build read (a document may have started to include a file).
    atomic_write(edition.stamp, current_fingerprint(settings, edition, common).encode("ascii") + b"\n")
    return BuildResult(edition, True, "built")


def refused_translations(edition: EditionBuild) -> tuple[int, bool]:
    """How many translations the last build of *edition* refused as unsafe, and whether it refused its
    whole catalog (from its ``triglot.unsafe`` warnings)."""
    try:
        log = edition.log.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return 0, False
    warnings = [line for line in log.splitlines() if line.endswith("[triglot.unsafe]")]
    refused = sum(1 for line in warnings if "WARNING: translation refused" in line or "WARNING: translation not used" in line)
    return refused, any("catalog refused" in line for line in warnings)


def typeset(edition: EditionBuild, env: dict[str, str], root: Path) -> BuildResult | None:
    """Run LuaLaTeX (through latexmk) on the TeX file Sphinx wrote; None on success, else the failure.

    TeX runs confined to the edition's build folder (:mod:`.tex_sandbox`).
    The whole LaTeX log is kept in ``build/logs/<lang>-pdf.latex.log``; the
    failure's message holds only the error's own lines, and for a character
    no font has, the catalog lines (of the project at *root*) that hold it.
    """
    engine = read_record(edition.doctrees).get("latex_engine", "lualatex")
    if engine != "lualatex":
        return BuildResult(edition, False, f"the project sets latex_engine = {engine!r}: triglot typesets PDFs with "
                                           "LuaLaTeX only (confined: see SECURITY.md); set it to 'lualatex' or "
                                           "leave it unset")
    tex_file = edition.product.with_suffix(".tex")
    if not tex_file.is_file():  # no record of the file's name: triglot.sphinx did not run
        return BuildResult(edition, False, f"Sphinx wrote no {tex_file.name}: is triglot.sphinx in the extensions "
                                           "of conf.py?", log=edition.log)
    tex_sandbox.prepare(edition.output)
    completed = subprocess.run(tex_sandbox.latexmk_command(edition.output, tex_file.name), cwd=edition.output,
                               capture_output=True, text=True, env=tex_sandbox.environment(edition.output, env),
                               stdin=subprocess.DEVNULL, errors="replace")
    log = tex_file.with_suffix(".log")
    if log.is_file():
        shutil.copyfile(log, edition.latex_log)
    if completed.returncode == 0:
        return None
    text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
    source = tex_file.read_text(encoding="utf-8", errors="replace")
    lines = tex.latex_error(text, source) or (completed.stderr or completed.stdout).strip().splitlines()[-6:]
    char = tex.missing_character(lines)
    if char is not None:
        lines += [f"the character is in the translation at {place}" for place in translations_with(char, edition, root)]
    return BuildResult(edition, False, "LaTeX failed:\n" + "\n".join(lines),
                       log=edition.latex_log if log.is_file() else None)


def translations_with(char: str, edition: EditionBuild, root: Path, limit: int = 5) -> list[str]:
    """Where the catalogs *edition*'s last Sphinx run read translate with *char*: ``path:line``, relative to
    *root* (at most *limit*)."""
    places = []
    catalogs = read_record(edition.doctrees).get("catalogs", {})
    for relative in sorted(set(catalogs.values()) if isinstance(catalogs, dict) else []):
        try:
            messages = read_po(root / relative, root=root).messages
        except (TriglotError, OSError):
            continue
        places += [f"{relative}:{message.msgstr_line}" for message in messages if char in message.msgstr]
    return places[:limit]


def current_fingerprint(settings: Settings, edition: EditionBuild, common: list[str]) -> str:
    """The fingerprint of *edition*'s inputs now, leaving out the source files its last build did not read."""
    read = SourcesRead.from_record(read_record(edition.doctrees))
    return edition_fingerprint(settings, edition.lang, edition.fmt, common, read)


def fingerprints(settings: Settings, editions: list[EditionBuild],
                 common: list[str] | None = None) -> dict[EditionBuild, str]:
    """The current fingerprint of each of *editions*' inputs (*common*: their shared part, if known)."""
    common = common if common is not None else common_inputs(settings)
    return {edition: current_fingerprint(settings, edition, common) for edition in editions}


def run_editions(settings: Settings, editions: list[EditionBuild], jobs: int | None = None,
                 common: list[str] | None = None, runner: SphinxRunner = run_process) -> list[BuildResult]:
    """Build *editions* in parallel (one process per edition, up to *jobs* at once), skipping unchanged ones.

    *common* is the shared part of their fingerprints, when the caller has it;
    *runner* runs ``sphinx-build``.
    Results come in the order of *editions*.
    """
    common = common if common is not None else common_inputs(settings)
    prints = fingerprints(settings, editions, common)
    if any(not is_current(edition, prints[edition]) for edition in editions):
        check_inputs(settings)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(editions)))
    order = sorted(editions, key=lambda edition: _COST[edition.fmt])
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {edition: pool.submit(run_edition, settings, edition, prints[edition], common, runner) for edition in order}
        results = {edition: future.result() for edition, future in futures.items()}
    return [results[edition] for edition in editions]
