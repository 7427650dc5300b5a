"""``triglot serve``: serve build/site/ on localhost to read the editions.

The site is served through the ``build/site`` link, followed at every
request, so a build that swaps in a new site is served at once. A port that
another program listens on, or an address this machine does not have, is
an error (exit 2), never a server that says it serves and does not.

With ``--watch`` it is a live preview: the HTML editions are built first
(as ``triglot build`` would), then each save of a catalog, a source file,
the glossary or the settings rebuilds the editions it affects and reloads
the pages open on them (:mod:`triglot.preview`).
"""

from __future__ import annotations

import argparse
import errno
import functools
import http.server
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from triglot.config import Settings, check_sphinx_project
from triglot.errors import TriglotError
from triglot.site.assemble import build_site
from triglot.site.publish import site_link

from .common import settings_from_cwd

Handler = Callable[..., http.server.BaseHTTPRequestHandler]


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``serve`` command."""
    parser = commands.add_parser("serve", help="serve the built site on http://localhost:8000/")
    parser.add_argument("--port", type=port_number, default=8000, help="port, 1 to 65535 (default: 8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="address (default: 127.0.0.1)")
    parser.add_argument("--watch", action="store_true",
                        help="live preview: rebuild the HTML edition a saved catalog or source affects, reload the "
                             "open pages at the paragraph in view, show a failed rebuild's error in the page")
    parser.set_defaults(handler=run)


def port_number(text: str) -> int:
    """An argument that must be a TCP port, 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, not {text!r}")
    return int(text)


def listening_address(bind: str, port: int) -> tuple[socket.AddressFamily, tuple]:
    """The address family and socket address to listen on; TriglotError when *bind* is not one of this machine's."""
    try:
        family, _, _, _, address = socket.getaddrinfo(bind, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError):
        raise TriglotError(f"--bind {bind!r}: not an address or host name to listen on (try 127.0.0.1)") from None
    return family, address


def port_in_use(family: socket.AddressFamily, address: tuple) -> bool:
    """True when a program already accepts connections at *address*."""
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex(address) == 0


def make_server(site: Path, bind: str, port: int, handler: Handler | None = None) -> http.server.ThreadingHTTPServer:
    """A server of *site* (followed at every request) on *bind*:*port*, by *handler* (default: plain files);
    TriglotError if it cannot listen there."""
    family, address = listening_address(bind, port)
    if port_in_use(family, address):
        raise TriglotError(f"port {port} on {bind} is already in use by another program: choose another with --port")
    server_class = type("SiteServer", (http.server.ThreadingHTTPServer,), {"address_family": family})
    # The link itself, not the folder it points to now: os.path follows it anew at every request.
    handler = handler or functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    try:
        return server_class(address[:2], handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise TriglotError(f"port {port} on {bind} is already in use: choose another with --port") from None
        raise TriglotError(f"cannot listen on {bind}:{port}: {exc.strerror}") from None


def run(args: argparse.Namespace) -> int:
    """Serve the published site until interrupted (with ``--watch``, build it first and keep it current)."""
    listening_address(args.bind, args.port)  # a bad address is an error whether or not a site is built
    settings = settings_from_cwd()
    site = site_link(settings)
    if args.watch:
        return watch(settings, args)
    if not site.is_dir():
        raise TriglotError("no site has been built yet: run 'triglot build' first", site)
    with make_server(site, args.bind, args.port) as server:
        announce(site, args)
        server.serve_forever()
    return 0


def announce(site: Path, args: argparse.Namespace) -> None:
    """Say where the site is served."""
    host = f"[{args.bind}]" if ":" in args.bind else args.bind
    print(f"triglot: serving {site}/ on http://{host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)


def watch(settings: Settings, args: argparse.Namespace) -> int:
    """Build the HTML editions, serve them with the reload script, rebuild on every save until interrupted."""
    from triglot.build.sphinx_worker import SphinxWorker
    from triglot.preview.rebuild import watch_and_rebuild  # here: a plain serve needs neither watchfiles nor Sphinx
    from triglot.preview.server import live_handler
    from triglot.preview.state import Broadcaster

    from .build import report

    check_sphinx_project(settings)
    site = site_link(settings)
    broadcaster = Broadcaster()
    # Listening first: a taken port is said at once, not after the build. The worker: a warm sphinx-build.
    with make_server(site, args.bind, args.port, live_handler(site, broadcaster)) as server, \
            SphinxWorker(settings.root) as worker:
        print(f"triglot: building {', '.join(settings.languages)} (html)", file=sys.stderr)
        report(build_site(settings, list(settings.languages), ["html"], runner=worker.run).results,
               settings.source_language)
        if not site.is_dir():
            raise TriglotError("no edition built: fix the errors above and run 'triglot serve --watch' again", site)
        stop = threading.Event()
        watcher = threading.Thread(target=watch_and_rebuild, args=(settings, broadcaster, stop, worker.run), daemon=True)
        watcher.start()
        announce(site, args)
        print("triglot: watching the catalogs, sources, glossary and settings", file=sys.stderr)
        try:
            server.serve_forever()
        finally:
            stop.set()
            watcher.join(timeout=5)
    return 0
