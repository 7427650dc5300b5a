"""``triglot serve``: serve build/site/ on localhost to read the editions."""

from __future__ import annotations

import argparse
import functools
import http.server
import sys

from triglot.site.publish import site_link
from triglot.errors import TriglotError

from .common import settings_from_cwd


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``serve`` command."""
    parser = commands.add_parser("serve", help="serve the built site on http://localhost:8000/")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--bind", default="127.0.0.1", help="address (default: 127.0.0.1)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Serve the published site until interrupted."""
    site = site_link(settings_from_cwd())
    if not site.is_dir():
        raise TriglotError("no site has been built yet: run 'triglot build' first", site)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.resolve()))
    with http.server.ThreadingHTTPServer((args.bind, args.port), handler) as server:
        print(f"triglot: serving {site}/ on http://{args.bind}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
        server.serve_forever()
    return 0
