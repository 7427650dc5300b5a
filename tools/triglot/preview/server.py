"""The live preview's HTTP handler: the site's files, a reload script in its HTML pages, and an event stream.

``/_triglot/events`` is a server-sent event stream: one ``state`` event on
connecting and one at each change (a new site published, or a rebuild
failed). Each HTML page carries the generation of the site it was read
from, so a page read just before a publication still reloads.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
from importlib import resources
from pathlib import Path

from .state import Broadcaster, SiteState

PREFIX = "/_triglot/"
EVENTS = PREFIX + "events"
SCRIPT = PREFIX + "live.js"
KEEPALIVE = 15.0  # seconds between comments on an idle stream, so a closed page is noticed


def script_tag(generation: int) -> bytes:
    """The tag injected before ``</body>`` of every HTML page."""
    return f'<script src="{SCRIPT}" data-generation="{generation}" defer></script>'.encode("ascii")


def inject(page: bytes, generation: int) -> bytes:
    """*page* with the reload script before its last ``</body>`` (at its end when it has none)."""
    at = page.rfind(b"</body>")
    at = len(page) if at < 0 else at
    return page[:at] + script_tag(generation) + page[at:]


def event(state: SiteState) -> bytes:
    """One ``state`` event of the stream."""
    data = json.dumps({"generation": state.generation, "error": state.error}, ensure_ascii=False)
    return f"event: state\ndata: {data}\n\n".encode("utf-8")


class LiveHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site like ``triglot serve``, plus the event stream and the script, never cached."""

    broadcaster: Broadcaster

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows the rebuilds, not every request."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == EVENTS:
            self.stream()
        elif path == SCRIPT:
            self.send_bytes(resources.files(__package__).joinpath("static/live.js").read_bytes(), "text/javascript")
        elif (page := self.html_file(path)) is not None:
            generation = self.broadcaster.state.generation  # before reading: an older page reloads, never a newer
            try:
                data = page.read_bytes()
            except OSError:
                super().do_GET()
                return
            self.send_bytes(inject(data, generation), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def html_file(self, path: str) -> Path | None:
        """The HTML file a request for *path* is answered with, if it is one."""
        local = Path(self.translate_path(path))
        if path.endswith("/") and os.path.isdir(local):
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def send_bytes(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def stream(self) -> None:
        """Send the state now and at each change, until the page goes away."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        state = self.broadcaster.state
        try:
            self.wfile.write(event(state))
            self.wfile.flush()
            while True:
                newer = self.broadcaster.wait(state, KEEPALIVE)
                self.wfile.write(event(newer) if newer != state else b": idle\n\n")
                self.wfile.flush()
                state = newer
        except (BrokenPipeError, ConnectionResetError):
            return


def live_handler(site: Path, broadcaster: Broadcaster) -> functools.partial:
    """A handler class of *site* that tells its pages about *broadcaster*'s states."""
    handler = type("SiteLiveHandler", (LiveHandler,), {"broadcaster": broadcaster})
    return functools.partial(handler, directory=str(site))
