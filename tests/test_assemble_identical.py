"""A site assembled from parts built in separate clean clones, by the CI jobs' own commands, is byte for byte
the site ``triglot build`` makes on one machine.

Each part is built as a CI runner would build it: a fresh ``git clone`` of
the project in its own folder and process, the build job's commands of
``.github/workflows/editions.yml`` with that job's matrix values (the
virtual environment shared, as a CI cache restores it). The parts are
gathered as the artifact download gathers them, and the assemble job's
commands (GitHub's, then GitLab's ``pages`` job) publish the site in
another fresh clone. Every edition in HTML and EPUB: the PDFs are shown
reproducible in ``test_reproducible.py``, and three LuaLaTeX runs (about
40 s each) per side would triple the test's time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ci_jobs import (github_commands, gitlab_commands, run_github_commands, run_shell_commands, runner_env,
                     share_venv)
from conftest import ROOT, copy_project

PARTS = [(lang, fmt) for lang in ("en", "ru", "ja") for fmt in ("html", "epub")]
COMMIT_TIME = "2014-01-21T00:00:00+00:00"  # the article's date: the commit dates every build


def git(*args: str, cwd: Path) -> str:
    completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                               env={**runner_env(), "GIT_AUTHOR_DATE": COMMIT_TIME, "GIT_COMMITTER_DATE": COMMIT_TIME,
                                    "GIT_AUTHOR_NAME": "triglot", "GIT_AUTHOR_EMAIL": "triglot@example.org",
                                    "GIT_COMMITTER_NAME": "triglot", "GIT_COMMITTER_EMAIL": "triglot@example.org"})
    return completed.stdout.strip()


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project (its sources and ./dev) as a git repository with one commit."""
    root = copy_project(tmp_path_factory.mktemp("ci") / "origin")
    shutil.copy2(ROOT / "dev", root / "dev")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "the edition", cwd=root)
    return root


def clone(origin: Path, target: Path) -> Path:
    """A fresh clone of *origin*, as a CI job checks it out, with the shared virtual environment."""
    git("clone", "-q", str(origin), str(target), cwd=origin.parent)
    share_venv(target)
    return target


def build_part(origin: Path, lang: str, fmt: str) -> Path:
    """Run the build job of (*lang*, *fmt*) in a clone of its own; the folder it uploads."""
    workspace = clone(origin, origin.parent / f"runner-{lang}-{fmt}")
    run_github_commands(github_commands("build", {"lang": lang, "format": fmt}), workspace, runner_env())
    return workspace / "parts"


@pytest.fixture(scope="module")
def parts(origin: Path) -> Path:
    """Every part, each built in its own clone, gathered in one folder as the artifact download does."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        uploads = list(pool.map(lambda part: build_part(origin, *part), PARTS))
    gathered = origin.parent / "artifacts"
    for upload in uploads:
        shutil.copytree(upload, gathered, dirs_exist_ok=True)
    return gathered


@pytest.fixture(scope="module")
def one_machine(origin: Path) -> Path:
    """The site ``triglot build`` makes of the same commit on one machine."""
    root = origin.parent / "one-machine"
    git("clone", "-q", str(origin), str(root), cwd=origin.parent)
    env = {**runner_env(), "SOURCE_DATE_EPOCH": git("log", "-1", "--format=%ct", cwd=origin)}
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "build", "--format", "html", "--format", "epub"],
                               cwd=root, env=env, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    return (root / "build" / "site").resolve()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* (links followed), by its path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def assert_same_tree(assembled: Path, expected: Path) -> None:
    ours, theirs = tree(assembled), tree(expected)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in theirs if ours[name] != theirs[name]]
    assert differing == []
    assert len(theirs) > 100 and "ru/downloads/article-ru.epub" in theirs and "ja/status.html" in theirs


def test_the_github_assemble_job_publishes_the_one_machine_site(origin: Path, parts: Path, one_machine: Path) -> None:
    workspace = clone(origin, origin.parent / "runner-assemble")
    shutil.copytree(parts, workspace / "parts")
    assert sorted(path.name for path in (workspace / "parts").iterdir()) == [
        "en-epub", "en-html", "ja-epub", "ja-html", "ru-epub", "ru-html"]
    run_github_commands(github_commands("assemble"), workspace, runner_env())
    assert_same_tree((workspace / "build" / "site").resolve(), one_machine)


def test_the_gitlab_pages_job_publishes_the_one_machine_site(origin: Path, parts: Path, one_machine: Path) -> None:
    workspace = clone(origin, origin.parent / "runner-pages")
    shutil.copytree(parts, workspace / "parts")
    run_shell_commands(gitlab_commands("pages"), workspace,
                       {**runner_env(), "CI_COMMIT_TIMESTAMP": git("log", "-1", "--format=%cI", cwd=origin)})
    assert_same_tree(workspace / "public", one_machine)
