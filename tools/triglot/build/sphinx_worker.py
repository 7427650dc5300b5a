"""A warm ``sphinx-build`` for ``triglot serve --watch``: a worker process that forks a fresh build per request.

Starting ``sphinx-build`` spends a good part of a small rebuild importing
Sphinx, docutils, the theme and triglot's extension, and warming the caches
of the checks the translator mode runs (the Russian morphology dictionary,
the number words). The worker does that once; for each build it forks a
child, which runs ``sphinx-build``'s ``main`` in the requested folder with
the requested environment, its output captured, and exits. A build thus
starts from the worker's state, never from another build's: after a child
reports the modules its build imported, the worker imports them too, so
the next child finds them loaded.

Protocol, one JSON object per line: the client writes
``{"id", "argv", "cwd", "env"}`` to the worker's stdin; the worker answers
``{"id", "returncode", "stdout", "stderr"}`` on its stdout when that build
ends. Builds run side by side (one child each).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import itertools
import json
import os
import selectors
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import IO

_MODULES = "TRIGLOT_WORKER_MODULES"  # the child's environment: where it writes the names of its modules


# --- the worker process -----------------------------------------------------------------------------------------

def warm(root: Path) -> None:
    """Import Sphinx and triglot's extension; run the checks on the project's catalogs once (their caches)."""
    import sphinx.cmd.build  # noqa: F401

    import triglot.sphinx  # noqa: F401
    from triglot.config import load_settings
    from triglot.errors import TriglotError
    from triglot.site.status_page import catalog_status

    try:
        settings = load_settings(root)
    except (TriglotError, OSError):
        return  # the build says what is wrong
    for lang in settings.languages:
        if lang != settings.source_language:
            with contextlib.suppress(Exception):  # only a warm-up: the build itself reports what is wrong
                catalog_status(settings, lang)


def build_child(request: dict, out: IO[bytes], err: IO[bytes], modules: IO[bytes]) -> None:
    """In the forked child: run ``sphinx-build`` as *request* says, its output into *out* and *err*; never
    returns."""
    code = 1
    try:
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        from sphinx.cmd.build import main

        sys.argv = [importlib.util.find_spec("sphinx.__main__").origin, *request["argv"]]  # as ``python -m sphinx``
        code = main(request["argv"])
        root = Path(request["cwd"]).resolve()
        names = [name for name, module in sys.modules.items() if not _inside(getattr(module, "__file__", None), root)]
        modules.write("\n".join(names).encode("utf-8"))
        modules.flush()
    except SystemExit as exit:  # argparse's --help, --version, a bad option
        code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
        if isinstance(exit.code, str):
            print(exit.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - the child reports anything, then exits
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 1)


def _inside(file: str | None, root: Path) -> bool:
    """Whether a module's *file* is in the project (its own extensions are read anew by every build)."""
    return file is not None and Path(file).resolve().is_relative_to(root)


def learn_modules(names: bytes) -> None:
    """Import the modules a child's build imported that the worker has not (a module that fails is skipped);
    the project's own modules are never among them."""
    for name in names.decode("utf-8").split():
        if name not in sys.modules and not name.startswith("__"):
            with contextlib.suppress(Exception):
                importlib.import_module(name)


def serve_requests(replies: int) -> None:
    """The worker's loop: fork a build for each request line on stdin, answer on the file descriptor *replies*
    when it ends; stop at EOF once the builds running are done."""
    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ, None)
    pending = b""
    running = 0
    stdin_open = True
    while stdin_open or running:
        for key, _ in selector.select():
            if key.data is None:
                chunk = os.read(0, 65536)
                if not chunk:
                    stdin_open = False
                    selector.unregister(0)
                    continue
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    request = json.loads(line)
                    files = tuple(tempfile.TemporaryFile() for _ in range(3))
                    sys.stdout.flush()
                    sys.stderr.flush()
                    pid = os.fork()
                    if pid == 0:
                        build_child(request, *files)
                    selector.register(os.pidfd_open(pid), selectors.EVENT_READ, (request["id"], pid, files))
                    running += 1
            else:
                ident, pid, files = key.data
                selector.unregister(key.fd)
                os.close(key.fd)
                _, status = os.waitpid(pid, 0)
                running -= 1
                out, err, modules = (_read_back(handle) for handle in files)
                reply = {"id": ident, "returncode": os.waitstatus_to_exitcode(status),
                         "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")}
                os.write(replies, json.dumps(reply).encode("utf-8") + b"\n")
                learn_modules(modules)


def _read_back(handle: IO[bytes]) -> bytes:
    handle.seek(0)
    with handle:
        return handle.read()


def main() -> None:
    """``python -m triglot.build.sphinx_worker ROOT``: warm up for the project at ROOT, then serve requests."""
    replies = os.dup(1)
    os.dup2(2, 1)  # what the warm-up or an import prints goes to stderr, never into the replies
    warm(Path(sys.argv[1]))
    os.write(replies, b"ready\n")
    serve_requests(replies)


# --- the client --------------------------------------------------------------------------------------------------

class SphinxWorker:
    """Runs ``sphinx-build`` command lines in a warm worker process (started at the first build, and again
    if it died); :meth:`run` is a stand-in for :func:`subprocess.run` of such a command."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._ids = itertools.count()
        self._waiting: dict[int, Future[dict]] = {}

    def run(self, command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
        """Run *command* (``python -m sphinx …``) in *cwd* with *env*, its output captured as text."""
        future: Future[dict] = Future()
        with self._lock:
            process = self._started()
            ident = next(self._ids)
            self._waiting[ident] = future
            request = {"id": ident, "argv": command[3:], "cwd": str(cwd), "env": env}
            process.stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            process.stdin.flush()
        reply = future.result()
        return subprocess.CompletedProcess(command, reply["returncode"], reply["stdout"], reply["stderr"])

    def _started(self) -> subprocess.Popen:
        """The worker process, started (and warmed up) when there is none alive."""
        if self._process is None or self._process.poll() is not None:
            env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
            self._process = subprocess.Popen([sys.executable, "-m", "triglot.build.sphinx_worker", str(self.root)],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=self.root,
                                             start_new_session=True)  # Ctrl-C in the terminal: serve ends it
            if self._process.stdout.readline() != b"ready\n":
                raise OSError("the Sphinx worker process did not start")
            self._waiting = {}  # this process's builds: a dead one's thread fails only its own
            threading.Thread(target=self._replies, args=(self._process, self._waiting), daemon=True).start()
        return self._process

    def _replies(self, process: subprocess.Popen, waiting: dict[int, Future[dict]]) -> None:
        """Hand each reply of *process* to the build waiting for it; when it ends, fail its builds still
        waiting."""
        for line in process.stdout:
            reply = json.loads(line)
            with self._lock:
                future = waiting.pop(reply["id"])
            future.set_result(reply)
        with self._lock:
            left = list(waiting.values())
            waiting.clear()
        for future in left:
            future.set_exception(OSError(f"the Sphinx worker process ended (exit status {process.wait()})"))

    def close(self) -> None:
        """End the worker (after the builds it runs)."""
        if self._process is not None:
            self._process.stdin.close()
            self._process.wait()

    def __enter__(self) -> SphinxWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    main()
