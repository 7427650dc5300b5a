"""Layer 4 and 5: files are what they say, and of a bounded size.

A pull request can deliver a symbolic link (git stores them), a folder where
a catalog should be, a FIFO. Each is refused before anything reads it: exit
2 with the path for ``update``, ``check`` and ``stats``; for ``build``, that
edition in the source language with one warning while the others build; no
secret in any output or on the status page; nothing written through a link.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import copy_project
from triglot.errors import TriglotError
from triglot.fs import atomic_write, read_input

PO = Path("locale/ja/LC_MESSAGES/article.po")
SECRET = "TRIGLOT-FILE-SECRET-0b7e"


def _triglot(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A FIFO read by mistake would block for ever: the timeout only turns such a failure into a failed test.
    return subprocess.run([sys.executable, "-m", "triglot.cli", *args], cwd=root, capture_output=True, text=True,
                          timeout=600, stdin=subprocess.DEVNULL)


def _secret_file(base: Path) -> Path:
    secret = base / "outside" / "id_rsa"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"-----BEGIN KEY----- {SECRET}\n", encoding="utf-8")
    return secret


def _symlink_outside(root: Path, base: Path) -> str:
    (root / PO).unlink()
    (root / PO).symlink_to(_secret_file(base))
    return "a symbolic link leading outside the project ({root}): refused"


def _outside_po(root: Path, base: Path) -> str:
    outside = base / "outside" / "article.po"
    outside.parent.mkdir(exist_ok=True)
    outside.write_bytes((root / PO).read_bytes().replace("Выходные сведения".encode(), SECRET.encode()))
    (root / PO).unlink()
    (root / PO).symlink_to(outside)
    return "a symbolic link leading outside the project ({root}): refused"


def _folder(root: Path, base: Path) -> str:
    (root / PO).unlink()
    (root / PO).mkdir()
    return "the catalog is a folder, not a file: refused"


def _fifo(root: Path, base: Path) -> str:
    (root / PO).unlink()
    os.mkfifo(root / PO)
    return "the catalog is a named pipe (FIFO), not a file: refused"


def _oversized(root: Path, base: Path) -> str:
    data = (root / PO).read_bytes()
    filler = b"\n".join(b'# %d ' % n + b"x" * 70 for n in range(17 * 1024 * 1024 // 70))
    (root / PO).write_bytes(data + b"\n" + filler + b"\n")
    return "the catalog is larger than 16 MB, the limit for a catalog: refused"


ATTACKS: dict[str, Callable[[Path, Path], str]] = {
    "symlink-to-secret": _symlink_outside, "symlink-to-outside-po": _outside_po, "folder": _folder, "fifo": _fifo,
    "oversized": _oversized,
}


@pytest.mark.parametrize("command", ["check", "stats", "update"])
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_command_refuses_the_catalog_with_its_path(attack: str, command: str, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    message = ATTACKS[attack](root, tmp_path).format(root=root)
    completed = _triglot(root, command)
    assert completed.returncode == 2
    assert completed.stderr.rstrip("\n").splitlines()[-1] == f"triglot: error: {root / PO}: {message}"
    assert SECRET not in completed.stdout + completed.stderr
    assert not (root / "build").exists() or command == "update"


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_the_build_shows_that_edition_in_the_source_language(attack: str, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    message = ATTACKS[attack](root, tmp_path).format(root=root)
    completed = _triglot(root, "build")
    assert completed.returncode == 0, completed.stderr
    assert re.search(r"^  ja     html  ok  0/(\d+) translated \(0 %\)\n    its catalog was refused \(shown in the "
                     r"source language\)", completed.stderr, re.M)
    log = (root / "build" / "logs" / "ja-html.log").read_text(encoding="utf-8")
    assert [line for line in log.splitlines() if "[triglot.unsafe]" in line] == [
        f"WARNING: {root / PO}: catalog refused, the source text is used throughout: catalog not read: {message} "
        "[triglot.unsafe]"]
    site = root / "build" / "site"
    assert '<h1 class="triglot-fallback" lang="en">Colophon<' in (site / "ja" / "colophon.html").read_text(encoding="utf-8")
    assert "Выходные сведения" in (site / "ru" / "colophon.html").read_text(encoding="utf-8")
    for path in site.resolve().rglob("*"):
        assert not path.is_file() or SECRET.encode() not in path.read_bytes(), path
    status = (site / "status.html").read_text(encoding="utf-8")
    assert f"{PO}:0</code></td><td>catalog</td>" in status


def test_update_writes_nothing_through_a_linked_catalog_folder(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    outside = tmp_path / "outside-messages"
    outside.mkdir()
    folder = root / "locale" / "ja" / "LC_MESSAGES"
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.symlink_to(outside)
    completed = _triglot(root, "update")
    assert completed.returncode == 2
    assert completed.stderr.splitlines()[-1] == (
        f"triglot: error: {folder}: a symbolic link leading outside the project ({root}): refused")
    assert list(outside.iterdir()) == []


def test_a_linked_glossary_file_is_refused(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    terms = root / "glossary" / "terms.yaml"
    terms.unlink()
    terms.symlink_to(_secret_file(tmp_path))
    for args in (("glossary", "check"), ("build", "--lang", "en")):
        completed = _triglot(root, *args)
        assert completed.returncode == 2, args
        assert f"terms.yaml: a symbolic link leading outside the project ({root}): refused" in completed.stderr
        assert SECRET not in completed.stderr + completed.stdout


def test_a_glossary_fifo_is_refused(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    os.mkfifo(root / "glossary" / "extra.yaml")
    completed = _triglot(root, "glossary", "check")
    assert completed.returncode == 2
    assert completed.stderr.splitlines()[-1] == (
        "triglot: error: glossary/extra.yaml: the glossary file is a named pipe (FIFO), not a file: refused")


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_a_source_that_is_not_a_file_of_the_project_stops_the_build(kind: str, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    source = root / "docs" / "appendix.rst"
    if kind == "symlink":
        source.symlink_to(_secret_file(tmp_path))
        message = f"{source}: a symbolic link leading outside the project ({root}): refused"
    else:
        os.mkfifo(source)
        message = f"{source}: the source folder holds a named pipe (FIFO): refused"
    for args in (("build", "--lang", "en"), ("update",)):
        completed = _triglot(root, *args)
        assert completed.returncode == 2, args
        assert completed.stderr.splitlines()[-1] == f"triglot: error: {message}"
    assert not (root / "build" / "site").exists()


def test_a_committed_mo_file_is_reported(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    mo = root / "locale" / "ru" / "LC_MESSAGES" / "article.mo"
    mo.write_bytes(b"\xde\x12\x04\x95" + bytes(24))
    completed = _triglot(root, "build", "--lang", "ru")
    assert completed.returncode == 0, completed.stderr
    log = (root / "build" / "logs" / "ru-html.log").read_text(encoding="utf-8")
    assert f"WARNING: {mo}: ignored: a build reads only the documents' catalogs and the interface's " \
        "(article.po, sphinx.po) [triglot.unsafe]" in log


def test_read_input_checks_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.po"
    big.write_bytes(b"x" * 2049)
    with pytest.raises(TriglotError, match=r": the catalog is larger than 2,048 bytes, the limit for a catalog: refused$"):
        read_input(big, root=tmp_path, limit=2048, what="catalog")
    assert read_input(big, root=tmp_path, limit=4096) == b"x" * 2049
    with pytest.raises(TriglotError, match=r"^/dev/zero: the file is a device, not a file: refused$"):
        read_input(Path("/dev/zero"), root=None, limit=10)
    link = tmp_path / "inside" / "link.po"
    link.parent.mkdir()
    link.symlink_to(big)
    assert read_input(link, root=tmp_path, limit=4096) == b"x" * 2049  # a link inside the project is fine
    with pytest.raises(TriglotError, match=re.escape(f"a symbolic link leading outside {tmp_path / 'inside'}")):
        read_input(link, root=tmp_path / "inside", limit=4096)


def test_atomic_write_never_writes_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "outside.txt"
    target.write_text("untouched", encoding="utf-8")
    link = tmp_path / "project" / "catalog.po"
    link.parent.mkdir()
    link.symlink_to(target)
    with pytest.raises(TriglotError, match="a symbolic link: refusing to write through it"):
        atomic_write(link, b"new")
    outside_folder = tmp_path / "elsewhere"
    outside_folder.mkdir()
    (tmp_path / "project" / "linked").symlink_to(outside_folder)
    with pytest.raises(TriglotError, match="a symbolic link leading outside"):
        atomic_write(tmp_path / "project" / "linked" / "new.po", b"new", root=tmp_path / "project")
    assert target.read_text(encoding="utf-8") == "untouched" and list(outside_folder.iterdir()) == []
