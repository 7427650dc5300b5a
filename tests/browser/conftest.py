"""The reader's site, built once, served on 127.0.0.1, read in headless Chromium.

The project copy's catalogs are changed on purpose, so the fallback marks
have something to mark whatever the state of the real translation: one
paragraph of the article loses its Japanese translation, one its Russian
one becomes fuzzy.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polib
import pytest
from playwright.sync_api import sync_playwright

from conftest import build_once, copy_project, run_triglot

from .theme_projects import theme_site  # noqa: F401  (the theme matrix, for every browser test)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# The article's paragraph each catalog copy leaves untranslated (ja) or fuzzy (ru).
UNTRANSLATED_IN_JA = "Traditionally East Asia is the region"
FUZZY_IN_RU = "Japan as a country which has renounced"


def _entry(catalog: polib.POFile, start: str) -> polib.POEntry:
    (entry,) = [entry for entry in catalog if entry.msgid.startswith(start)]
    return entry


def prepare_catalogs(root: Path) -> None:
    """Leave one article paragraph untranslated in ja and fuzzy in ru (copies, never the real catalogs)."""
    ja = polib.pofile(str(root / "locale/ja/LC_MESSAGES/article.po"))
    _entry(ja, UNTRANSLATED_IN_JA).msgstr = ""
    ja.save()
    ru = polib.pofile(str(root / "locale/ru/LC_MESSAGES/article.po"))
    entry = _entry(ru, FUZZY_IN_RU)
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    ru.save()


@pytest.fixture(scope="session")
def reader_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built copy of the project (HTML editions) with the catalogs changed as above (built once per run)."""
    return build_once(tmp_path_factory, "reader", build_reader_project)


def build_reader_project(folder: Path) -> Path:
    """A copy of the project in *folder*, its catalogs changed as above, its HTML editions built."""
    root = copy_project(folder / "project")
    prepare_catalogs(root)
    completed = run_triglot("build", cwd=root)
    assert completed.returncode == 0, completed.stderr
    return root


@pytest.fixture(scope="session")
def reader_site(reader_project: Path) -> Path:
    """The published site of :func:`reader_project`."""
    return (reader_project / "build" / "site").resolve()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """*site* served over http://127.0.0.1 on a free port, from a thread: yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(reader_site: Path) -> Iterator[str]:
    """The reader's site served over http://127.0.0.1."""
    with serve(reader_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():  # a failure, not a skip: CI must not pass with the browser tests unrun
        pytest.fail(f"{CHROMIUM} is not installed: run ./dev test, which installs Debian's chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@dataclass
class Problems:
    """What went wrong while pages were open: console errors, page errors, failed requests."""

    items: list[str] = field(default_factory=list)

    def watch(self, page: object) -> object:
        page.on("console", lambda message: message.type == "error" and self.items.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: self.items.append(f"page error: {error}"))
        page.on("response", lambda response: response.status >= 400
                and self.items.append(f"HTTP {response.status}: {response.url}"))
        page.on("requestfailed", self._request_failed)
        return page

    def _request_failed(self, request: object) -> None:
        # A load the page's own navigation cancelled (the root page redirecting while it still loads)
        # is not a failure a reader sees; anything else is.
        if request.failure != "net::ERR_ABORTED":
            self.items.append(f"failed: {request.url} ({request.failure})")


@pytest.fixture
def problems() -> Problems:
    """Collects the console errors of the pages a test opens; the test asserts it stays empty."""
    return Problems()


@pytest.fixture
def open_page(browser: object, problems: Problems) -> Iterator[object]:
    """``open_page(viewport=DESKTOP, locale="en-GB", color_scheme="light")``: a fresh page in its own context.

    The page is watched for errors (see :class:`Problems`).
    """
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP, locale: str = "en-GB", color_scheme: str = "light") -> object:
        context = browser.new_context(viewport=viewport, locale=locale, color_scheme=color_scheme)
        contexts.append(context)
        return problems.watch(context.new_page())

    yield make
    for context in contexts:
        context.close()
