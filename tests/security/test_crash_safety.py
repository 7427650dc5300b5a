"""Crash safety: a killed ``triglot update`` loses nothing; a failed or killed build never replaces the site.

``triglot update`` is killed (SIGKILL) at every write boundary of its atomic
writes (before each fsync, before and after each rename) and at random
instants; every catalog is then either as it was or as it should become.
"""

from __future__ import annotations

import hashlib
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import copy_project, run_triglot

# A fixed creation date, so that the result of an update is one known set of bytes.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1390262400"}
CATALOGS = ["locale/article.pot", "locale/ru/LC_MESSAGES/article.po", "locale/ja/LC_MESSAGES/article.po",
            # the interface catalogs: their creation date follows SOURCE_DATE_EPOCH too
            "locale/sphinx.pot", "locale/ru/LC_MESSAGES/sphinx.po", "locale/ja/LC_MESSAGES/sphinx.po"]

# Runs `triglot update`, killing itself with SIGKILL at the Nth call of os.fsync or os.replace.
_KILL_AT = """
import os, signal, sys
from triglot.cli import main
what, when, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = [0]
original = getattr(os, what)
def wrapped(*args, **kwargs):
    calls[0] += 1
    if calls[0] == n and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(*args, **kwargs)
    if calls[0] == n and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(os, what, wrapped)
sys.exit(main(["update"]))
"""


def _edit_source(root: Path) -> None:
    """A source change that makes `triglot update` rewrite the template and both catalogs."""
    colophon = root / "docs" / "colophon.rst"
    colophon.write_text(colophon.read_text(encoding="utf-8").replace("Olga Dobrinskaya, “Japan", "Olga V. Dobrinskaya, “Japan"),
                        encoding="utf-8")


def _update(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "triglot.cli", "update"], cwd=root, env=ENV, capture_output=True,
                          text=True)


def _snapshot(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in CATALOGS}


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The catalogs before and after a complete update of the edited source."""
    root = copy_project(tmp_path_factory.mktemp("update") / "project")
    _edit_source(root)
    before = _snapshot(root)
    completed = _update(root)
    assert completed.returncode == 0, completed.stderr
    after = _snapshot(root)
    assert all(before[name] != after[name] for name in CATALOGS)
    return {"before": before, "after": after}


def _fresh(tmp_path: Path, before: dict[str, bytes]) -> Path:
    root = copy_project(tmp_path / "project")
    _edit_source(root)
    assert _snapshot(root) == before
    return root


def _assert_each_old_or_new(root: Path, states: dict[str, dict[str, bytes]], what: str) -> list[str]:
    """Every catalog is whole: the old bytes or the new; returns which are new."""
    new = []
    for name in CATALOGS:
        data = (root / name).read_bytes()
        assert data in (states["before"][name], states["after"][name]), f"{name} is neither old nor new ({what})"
        if data == states["after"][name]:
            new.append(name)
    return new


@pytest.mark.parametrize("what, when, n", [
    ("fsync", "before", 1), ("replace", "after", 1), ("fsync", "before", 2), ("replace", "before", 3),
])
def test_update_killed_at_a_write_boundary_loses_nothing(states: dict, tmp_path: Path, what: str, when: str,
                                                         n: int) -> None:
    root = _fresh(tmp_path, states["before"])
    completed = subprocess.run([sys.executable, "-c", _KILL_AT, what, when, str(n)], cwd=root, env=ENV,
                               capture_output=True)
    assert completed.returncode == -signal.SIGKILL, completed.stderr
    new = _assert_each_old_or_new(root, states, f"killed {when} {what} #{n}")
    # Each write lands whole and in order: after the Nth rename, exactly N catalogs are new.
    renamed = n if (what, when) == ("replace", "after") else n - 1
    assert len(new) == renamed
    # A second run finishes the job.
    assert _update(root).returncode == 0
    assert _snapshot(root) == states["after"]


def test_update_killed_at_random_instants_loses_nothing(states: dict, tmp_path: Path) -> None:
    rng = random.Random(9)
    seen_new = set()
    for attempt in range(4):
        root = _fresh(tmp_path / str(attempt), states["before"])
        process = subprocess.Popen([sys.executable, "-m", "triglot.cli", "update"], cwd=root, env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        seen_new.add(len(_assert_each_old_or_new(root, states, f"attempt {attempt}")))
    assert seen_new  # each attempt ended with every catalog whole


# --- builds ---------------------------------------------------------------------------------

def _site_digest(site: Path) -> dict[str, str]:
    target = site.resolve()
    return {str(path.relative_to(target)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(target.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def published_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with its English and Japanese editions published (built once for the module)."""
    root = copy_project(tmp_path_factory.mktemp("published") / "project")
    completed = run_triglot("build", "--lang", "en", "--lang", "ja", cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root


@pytest.fixture
def published(published_once: Path, tmp_path: Path) -> Path:
    """A copy of :func:`published_once`, build folder and all, for one test to change."""
    return shutil.copytree(published_once, tmp_path / "project", symlinks=True)


def test_a_killed_build_never_replaces_the_site(published: Path) -> None:
    site = published / "build" / "site"
    link, digest = os.readlink(site), _site_digest(site)
    _edit_source(published)
    for delay in (0.5, 2.0, 3.5):
        process = subprocess.Popen([sys.executable, "-m", "triglot.cli", "build", "--lang", "en", "--lang", "ja"],
                                   cwd=published, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(delay)
        finished = process.poll() is not None
        if not finished:
            with contextlib.suppress(ProcessLookupError):  # it may end between the poll and the kill
                os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if finished:
            break  # the build completed before the kill: the swap then happened whole
        assert os.readlink(site) == link
        assert _site_digest(site) == digest
    # The next complete build publishes, and clears what the killed ones left under build/sites/.
    assert run_triglot("build", "--lang", "en", "--lang", "ja", cwd=published).returncode == 0
    assert [folder.name for folder in (published / "build" / "sites").iterdir()] == [Path(os.readlink(site)).name]


def test_a_failed_edition_keeps_its_published_version(published: Path) -> None:
    site = published / "build" / "site"
    # The edition's own files; its status page and parallel views are the site's, made anew at every assembly.
    def own(name: str) -> bool:
        return name.startswith("ja/") and name not in {"ja/status.html", "ja/parallel.html"} and not name.startswith(
            "ja/parallel/")

    japanese = {name: value for name, value in _site_digest(site).items() if own(name)}
    _edit_source(published)
    # The Japanese edition's Sphinx run fails (conf.py sees its language on the command line).
    conf = published / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\nimport sys\nif 'language=ja' in sys.argv:\n"
                    "    raise RuntimeError('the Japanese edition is broken')\n", encoding="utf-8")
    completed = run_triglot("build", "--lang", "en", "--lang", "ja", cwd=published)
    assert completed.returncode == 1
    assert "ja     html  FAILED" in completed.stderr
    after = _site_digest(site)
    assert {name: value for name, value in after.items() if own(name)} == japanese
    assert "Olga V. Dobrinskaya" in (site / "en" / "colophon.html").read_text(encoding="utf-8")


def test_a_failed_build_never_replaces_the_site(published: Path) -> None:
    site = published / "build" / "site"
    link, digest = os.readlink(site), _site_digest(site)
    conf = published / "docs" / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\nraise RuntimeError('broken configuration')\n",
                    encoding="utf-8")
    completed = run_triglot("build", "--lang", "en", "--lang", "ja", cwd=published)
    assert completed.returncode == 1
    assert _site_digest(site) == digest
    assert os.readlink(site) == link
