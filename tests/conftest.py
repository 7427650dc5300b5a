"""Shared fixtures: a throw-away copy of the project, and its built site.

Tests never build into the checkout: they copy the project's sources into a
temporary folder first, so they can change them freely.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The web capture the English edition was made from (a copy of shared/seed/000_aa2858c967cf37a0.txt).
SEED = ROOT / "tests" / "fixtures" / "seed-capture.txt"
ARTIFACTS = ROOT / "tests" / "artifacts"
PROJECT_PARTS = ["pyproject.toml", "docs", "locale", "glossary"]


def copy_project(target: Path) -> Path:
    """Copy the project's sources (not its build output) into *target*."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("_build", "__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    return target


@dataclass
class Completed:
    """A finished ``triglot`` run."""

    returncode: int
    stdout: str
    stderr: str


def run_triglot(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Completed:
    """Run the ``triglot`` command line in a subprocess, as a user would (*env*: variables to add)."""
    completed = subprocess.run(
        [sys.executable, "-m", "triglot.cli", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, **env} if env else None,
    )
    return Completed(completed.returncode, completed.stdout, completed.stderr)


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Path:
    """What ``make(folder)`` builds in a new *folder*, built once per test run and shared, read-only.

    With pytest-xdist (``./dev test`` runs the tests in several processes), the first worker to ask builds it
    in the run's shared temporary folder while holding a lock; the others wait for it and reuse the result.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's own
    folder, done = shared / f"shared-{name}", shared / f"shared-{name}.done"
    with open(shared / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return Path(done.read_text(encoding="utf-8"))
        if folder.exists():
            pytest.fail(f"the shared build {name!r} failed in another worker (see its error): {folder}")
        folder.mkdir()
        result = make(folder)
        done.write_text(str(result), encoding="utf-8")
        return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the project for one test."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose HTML editions have been built (once per test run: see :func:`build_once`)."""
    return build_once(tmp_path_factory, "built", build_project_html)


def build_project_html(folder: Path) -> Path:
    """A copy of the project in *folder*, its HTML editions built."""
    root = copy_project(folder / "project")
    completed = run_triglot("build", cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root


@pytest.fixture(scope="session")
def site(built_project: Path) -> Path:
    """The published site of :func:`built_project`."""
    return built_project / "build" / "site"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave files for people to look at (screenshots, rendered pages)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# The real translated Sphinx projects of ../shared/corpora/sphinx-projects (README there), and how triglot is set
# up for each: what a new user would write in [tool.triglot]; everything else comes from their conf.py.
SPHINX_PROJECTS = ROOT.parent / "shared" / "corpora" / "sphinx-projects"
REAL_PROJECTS = {
    "fpm-docs": '[tool.triglot]\ndocs = "pages"\nlanguages = ["en", "cs", "de", "es", "fr", "ja", "nl", "pt", "ru", '
                '"zh_CN"]\nupdate_mode = "preserve"\n',
    "operations-guide": '[tool.triglot]\ndocs = "doc/source"\nlanguages = ["en", "de", "id", "ja"]\n'
                        'update_mode = "preserve"\n\n[tool.triglot.catalog]\ndoc-common = ["common/*"]\ndoc = ["*"]\n',
}


@pytest.fixture(scope="session")
def real_projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both real projects, unpacked once with their [tool.triglot] table; copy one before changing it."""
    import tarfile

    if not SPHINX_PROJECTS.is_dir():
        pytest.fail(f"{SPHINX_PROJECTS} is missing: the real projects must be beside the clone")
    folder = tmp_path_factory.mktemp("real")
    projects = {}
    for name, table in REAL_PROJECTS.items():
        with tarfile.open(SPHINX_PROJECTS / f"{name}.tar.xz") as archive:
            archive.extractall(folder, filter="data")
        (folder / name / "pyproject.toml").write_text(table, encoding="utf-8")
        projects[name] = folder / name
    registry = projects["fpm-docs"] / "_data" / "registry.json"  # its conf.py downloads it when missing
    registry.parent.mkdir(exist_ok=True)
    registry.write_text("{}", encoding="utf-8")
    return projects


# How each real project is built in the tests: the language whose PDF and EPUB are built besides every language's
# HTML (one whose PDF works without the other languages' LaTeX support), and a language with no catalog, built
# only to count the passages independently of triglot's record (each of its passages is marked as shown in English).
REAL_BOOK_LANGUAGE = {"fpm-docs": "ru", "operations-guide": "ja"}
# The books built of it: not the Operations Guide's PDF, whose LaTeX runs for minutes per language (it builds:
# README, "Other people's projects"), so the suite builds its EPUB.
REAL_BOOK_FORMATS = {"fpm-docs": ("pdf", "epub"), "operations-guide": ("epub",)}
NO_CATALOG_LANGUAGE = "kk"
# sphinx-book-theme >= 1.0 has no sidebar-logo.html, which fpm-docs' html_sidebars names: the user's fix, a template
# of the project's own that shows the logo as the theme does now (pydata-sphinx-theme's navbar-logo.html).
SIDEBAR_LOGO = "{#- sphinx-book-theme 1.0 dropped sidebar-logo.html: show the logo as the theme does now. #}\n" \
               '{% include "navbar-logo.html" %}\n'


@dataclass
class RealBuild:
    """A real project as a user sets it up for triglot, built once: every language's HTML, one language's books."""

    root: Path
    docs: Path  # its Sphinx source folder (conf.py)
    book_language: str
    html: Completed  # triglot build: every language (and the catalog-less one), HTML
    books: Completed  # triglot build --lang L with REAL_BOOK_FORMATS
    plain: dict[str, Completed] | None = None  # fpm-docs: plain sphinx-build -b html|latex -D language=L, no triglot
    unfixed: Completed | None = None  # fpm-docs: triglot build --lang en before the template was supplied

    @property
    def site(self) -> Path:
        return self.root / "build" / "site"


def add_triglot_extension(conf: Path) -> None:
    """Add "triglot.sphinx" to the end of the extensions of *conf* (a conf.py), as the README tells a user to."""
    text = conf.read_text(encoding="utf-8")
    listed = re.search(r"^extensions = \[(.*?)\]", text, re.M | re.S)
    assert listed, f"{conf}: no extensions list"
    conf.write_text(f"{text[:listed.start()]}extensions = [{listed[1].rstrip().rstrip(',')}, 'triglot.sphinx']"
                    f"{text[listed.end():]}", encoding="utf-8")


def build_real_project(source: Path, target: Path) -> RealBuild:
    """Copy the unpacked real project *source* to *target*, set it up as a user would, and build it."""
    root = shutil.copytree(source, target)
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        '"]\n', f'", "{NO_CATALOG_LANGUAGE}"]\n', 1), encoding="utf-8")
    docs = root / ("pages" if root.name == "fpm-docs" else "doc/source")
    plain = unfixed = None
    language = REAL_BOOK_LANGUAGE[root.name]
    if root.name == "fpm-docs":  # plain sphinx-builds first, without triglot, in a copy (Sphinx writes .mo files)
        plain, copy = {}, shutil.copytree(source, target.parent / "plain")
        for builder in ("html", "latex"):
            run = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-q", "-b", builder, "-D", f"language={language}",
                                  "pages", f"_build/{builder}"], cwd=copy, capture_output=True, text=True)
            plain[builder] = Completed(run.returncode, run.stdout, run.stderr)
    add_triglot_extension(docs / "conf.py")
    with (docs / "conf.py").open("a", encoding="utf-8") as conf:  # untagged PDFs: tagging is ~5x the LuaLaTeX time
        conf.write("\ntriglot_pdf_standard = False\n")
    if root.name == "fpm-docs":
        unfixed = run_triglot("build", "--lang", "en", cwd=root)
        (docs / "_templates" / "sidebar-logo.html").write_text(SIDEBAR_LOGO, encoding="utf-8")
    html = run_triglot("build", cwd=root)
    assert html.returncode == 0, html.stderr
    books = run_triglot("build", "--lang", language, *(f"--format={fmt}" for fmt in REAL_BOOK_FORMATS[root.name]),
                        cwd=root)
    return RealBuild(root, docs, language, html, books, plain, unfixed)


@pytest.fixture(scope="session")
def real_build(real_projects: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], RealBuild]:
    """``real_build(name)``: the real project *name* built (once per session, on first use); never change it."""
    built: dict[str, RealBuild] = {}

    def get(name: str) -> RealBuild:
        if name not in built:
            def make(folder: Path) -> Path:
                (folder / "build.pickle").write_bytes(pickle.dumps(build_real_project(real_projects[name],
                                                                                      folder / name)))
                return folder

            built[name] = pickle.loads((build_once(tmp_path_factory, f"real-{name}", make) / "build.pickle")
                                       .read_bytes())
        return built[name]

    return get
