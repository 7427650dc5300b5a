"""Sphinx's own parse of each msgstr, confined: nothing in a translation can run a directive or define a role.

Layer 2 of SECURITY.md, which holds even if the decision of
:mod:`triglot.refusal` (layer 1) let a hostile translation through. Sphinx
9 parses every msgstr in ``sphinx.transforms.i18n._publish_msgstr`` with the
full directive set; this module replaces that function with
:func:`confined_publish_msgstr`, the same parse with

* no directive: every directive name resolves to none, so ``.. role ::``,
  ``.. include ::``, ``.. raw ::``, ``.. glossary ::``, ``.. py:function ::``
  are docutils errors, never run;
* no role registration: ``register_local_role`` and
  ``register_canonical_role`` raise, so the role table cannot change;
* ``file_insertion_enabled`` and ``raw_enabled`` off;
* no network, no process, no file written, no file read outside Python's own
  installation (a Python audit hook, active only during the parse).

A translation whose confined parse yields a docutils warning or error, raw
content, or a download of a file outside the source folder is not used:
Sphinx keeps the source text, and a ``triglot.unsafe`` warning names the
source line. If Sphinx no longer has ``_publish_msgstr``, the build stops
rather than run unconfined.
"""

from __future__ import annotations

import contextlib
import os
import sys
import sysconfig
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sphinx.transforms.i18n as sphinx_i18n
from docutils import nodes, utils
from docutils.parsers.rst import directives, roles
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import get_filetype, logging
from sphinx.util.docutils import LoggingReporter

logger = logging.getLogger(__name__)

# Audit events that reach the network or start a process: refused while a msgstr is parsed.
_FORBIDDEN_EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.bind",
    "urllib.Request", "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
    "os.forkpty", "pty.spawn", "ctypes.dlopen", "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.symlink",
    "os.link", "os.truncate", "os.chmod", "os.chown", "shutil.copyfile", "shutil.rmtree",
})
_state = threading.local()  # .active: a msgstr is being parsed in this thread
_READABLE: list[str] = []  # the folders of Python's own installation
_WARNED: set[tuple[str, int, str]] = set()  # Sphinx parses some msgstrs twice: one warning each


class TranslationEscape(PermissionError):
    """A translation's parse tried to reach beyond the text: a file, the network, a process, a role table."""


def _python_installation() -> tuple[str, ...]:
    """The folders Python reads its own modules and data from (the only files a msgstr's parse may open)."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, *sysconfig.get_paths().values()}
    return tuple(sorted(os.path.realpath(path) + os.sep for path in paths if path))


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not getattr(_state, "active", False):
        return
    if event in _FORBIDDEN_EVENTS:
        raise TranslationEscape(f"{event} while a translation was parsed")
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(char in mode for char in "wax+")) or bool(
            flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))
        if writing or not isinstance(path, (str, bytes, os.PathLike)):
            raise TranslationEscape(f"a file opened while a translation was parsed: {path!r}")
        real = os.path.realpath(os.fsdecode(path))
        if not real.startswith(tuple(_READABLE)):
            raise TranslationEscape(f"a file read while a translation was parsed: {real}")


def _no_directive(name: str, language: object, document: nodes.document) -> tuple[None, list]:
    return None, []


def _no_registration(*args: object, **kwargs: object) -> None:
    raise TranslationEscape("a role defined while a translation was parsed")


@contextlib.contextmanager
def confined() -> Iterator[None]:
    """While active: no directive resolves, no role can be registered, no file, network or process is reached."""
    saved = directives.directive, roles.register_local_role, roles.register_canonical_role
    directives.directive = _no_directive
    roles.register_local_role = roles.register_canonical_role = _no_registration  # type: ignore[assignment]
    _state.active = True
    try:
        yield
    finally:
        _state.active = False
        directives.directive, roles.register_local_role, roles.register_canonical_role = saved


def confined_publish_msgstr(source: str, source_path: str, source_line: int, *, config: Any, env: Any,
                            registry: Any, settings: Any) -> nodes.Element:
    """``sphinx.transforms.i18n._publish_msgstr``, confined (see the module docstring).

    Returns the first node of the parse, as Sphinx's does, or an empty
    comment (which Sphinx never uses as a translation) when the msgstr is not
    to be used.
    """
    settings = settings.copy()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    document = utils.new_document(f"{source_path}:{source_line}:<translated>", settings)
    document.reporter = LoggingReporter.from_reporter(document.reporter)
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    rst_prolog, config.rst_prolog = config.rst_prolog, None
    try:
        parser = registry.create_source_parser(get_filetype(config.source_suffix, source_path), config=config, env=env)
        with confined():
            parser.parse(source, document)
        problem = _problem(document, messages, env)
    except TranslationEscape as exc:
        problem = str(exc)
    finally:
        config.rst_prolog = rst_prolog
    document.current_source = document.current_line = None
    if problem:
        if (source_path, source_line, source) not in _WARNED:
            _WARNED.add((source_path, source_line, source))
            logger.warning("translation not used, the source text is kept: %s", problem, type="triglot",
                           subtype="unsafe", location=f"{source_path}:{source_line}")
        return nodes.comment()
    return document[0] if document.children else document


def _problem(document: nodes.document, messages: list[nodes.system_message], env: Any) -> str | None:
    """Why a confined parse may not be used, or None."""
    serious = [message for message in messages if message["level"] >= 2]
    if serious:
        return "docutils: " + "; ".join(message[0].astext() if message.children else "" for message in serious)
    if any(True for _ in document.findall(nodes.raw)):
        return "raw content"
    source_dir = Path(env.srcdir)
    for download in document.findall(addnodes.download_reference):
        _, path = env.relfn2path(download["reftarget"], env.current_document.docname)
        if not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(source_dir)):
            return f"a download of a file outside the source folder: {download['reftarget']}"
    return None


def install() -> None:
    """Make every msgstr parse of this process confined (idempotent)."""
    if not hasattr(sphinx_i18n, "_publish_msgstr"):
        raise ExtensionError("triglot: this Sphinx has no sphinx.transforms.i18n._publish_msgstr to confine; "
                             "translations are not built without it (see SECURITY.md)")
    if sphinx_i18n._publish_msgstr is not confined_publish_msgstr:
        _READABLE[:] = _python_installation()
        sys.addaudithook(_audit)
        sphinx_i18n._publish_msgstr = confined_publish_msgstr


def setup(app: Sphinx) -> None:
    """Confine Sphinx's parse of translations."""
    install()
