"""``triglot serve``: follows build/site at every request; a taken port is an error, not a silent server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from conftest import copy_project, run_triglot


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _publish(root: Path, name: str, text: str) -> None:
    """A site folder holding *text*, swapped in as build/site the way a build swaps it (one rename)."""
    folder = root / "build" / "sites" / name
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    temporary = root / "build" / ".site-new"
    temporary.symlink_to(os.path.relpath(folder, root / "build"))
    os.replace(temporary, root / "build" / "site")


def test_serve_follows_each_new_site(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _publish(root, "first", "first site")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "triglot.cli", "serve", "--port", str(port)], cwd=root,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr.readline() == (
            f"triglot: serving {root / 'build' / 'site'}/ on http://127.0.0.1:{port}/ (Ctrl-C stops)\n")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html") as response:
            assert response.read() == b"first site"
        _publish(root, "second", "second site")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html") as response:
            assert response.read() == b"second site"
    finally:
        server.terminate()
        server.wait()


@pytest.mark.parametrize("watch", [[], ["--watch"]])
@pytest.mark.parametrize("address", ["127.0.0.1", "0.0.0.0"])
def test_a_taken_port_is_an_error(address: str, watch: list[str], tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _publish(root, "first", "first site")
    with socket.socket() as other:
        other.bind((address, 0))
        other.listen()
        port = other.getsockname()[1]
        completed = run_triglot("serve", *watch, "--port", str(port), cwd=root)
    assert completed.returncode == 2
    assert not (root / "build" / "cache").exists()  # said before anything is built
    assert completed.stderr.splitlines() == [
        f"triglot: error: port {port} on 127.0.0.1 is already in use by another program: choose another with --port"]
