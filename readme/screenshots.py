"""Make the screenshots of README's "For translators" walkthrough (readme/*.png) in headless Chromium.

Usage, from the repository (a minute or two)::

    .venv/bin/python readme/screenshots.py

A copy of the project (with ``edit_url = "vscode://file{path}:{line}"``)
is served with ``triglot serve --watch``; the Russian article is opened at
the paragraph on the first Japanese embassies, and its msgstr is saved with
a year mistyped (2020 for 2002), as a translator would save it. The
screenshots, each cropped to the region that matters:

- ``preview.png``: the open page after the save, at the same paragraph;
- ``translator-mode.png``: the same paragraph with ``?translator``: its
  state, catalog and line (the edit link), and ``triglot check``'s finding
  on the mistyped year;
- ``preview-error.png``: the page after a save that breaks the catalog's
  syntax: the error over the page, which keeps its last good text.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from pathlib import Path

import polib
from PIL import Image
from playwright.sync_api import Page, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bench"))
from bench_preview import CHROMIUM, free_port, serve  # noqa: E402  (the live preview benchmark's server)
from project_copy import copy_project  # noqa: E402

CATALOG = Path("locale/ru/LC_MESSAGES/article.po")
START = "Первые японские посольства в Центральной Азии"  # the paragraph's first words
MISTYPED = ("в январе 2002 года", "в январе 2020 года")
VIEWPORT = {"width": 1000, "height": 760}
MARGIN = 12  # pixels around the cropped region


def with_edit_link(root: Path) -> None:
    """Set the translator mode's edit link to open the catalog at the line in VS Code."""
    settings = root / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("[tool.triglot]\n", '[tool.triglot]\nedit_url = "vscode://file{path}:{line}"\n', 1),
                        encoding="utf-8")


def save_mistyped(catalog: Path) -> str:
    """Save the paragraph's msgstr with the year mistyped; the text the page is to show."""
    po = polib.pofile(str(catalog))
    (entry,) = [entry for entry in po if entry.msgstr.startswith(START)]
    assert MISTYPED[0] in entry.msgstr, entry.msgstr
    entry.msgstr = entry.msgstr.replace(*MISTYPED, 1)
    po.save()
    return MISTYPED[1]


def crop(page: Page, selectors: list[str], path: Path) -> None:
    """Save the part of the page that holds the elements *selectors* find, as a small PNG (page coordinates:
    the crop does not move if the page scrolls meanwhile)."""
    page.wait_for_load_state("load")
    boxes = [page.locator(selector).first.evaluate(
        "element => { const box = element.getBoundingClientRect();"
        " return {x: box.left + scrollX, y: box.top + scrollY, right: box.right + scrollX,"
        " bottom: box.bottom + scrollY}; }") for selector in selectors]
    left, top = max(0, min(box["x"] for box in boxes) - MARGIN), max(0, min(box["y"] for box in boxes) - MARGIN)
    right = min(VIEWPORT["width"], max(box["right"] for box in boxes) + MARGIN)
    bottom = max(box["bottom"] for box in boxes) + MARGIN
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    save_small(page.screenshot(clip=clip, full_page=True), path)


def save_small(png: bytes, path: Path) -> None:
    """Save the screenshot *png* in 64 colours (text and flat backgrounds lose nothing)."""
    image = Image.open(io.BytesIO(png))
    image.convert("RGB").quantize(colors=64).save(path, optimize=True)
    print(f"{path.relative_to(HERE.parent)}: {image.width}×{image.height}, {path.stat().st_size // 1024} KB")


def paragraph(page: Page) -> str:
    """The selector of the paragraph, scrolled to the top of the window."""
    selector = f'article[role="main"] p:has-text("{START}")'
    page.locator(selector).evaluate("element => window.scrollTo(0, window.scrollY"
                                    " + element.getBoundingClientRect().top - 60)")
    return selector


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="readme-screenshots-") as folder:
        root = copy_project(Path(folder) / "project")
        with_edit_link(root)
        port = free_port()
        server = serve(root, port)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                     args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport=VIEWPORT, locale="ru-RU")
                page.goto(f"http://127.0.0.1:{port}/ru/index.html")
                selector = paragraph(page)
                shown = save_mistyped(root / CATALOG)
                page.wait_for_function(  # reloaded, and back at the paragraph
                    """([start, shown]) => [...document.querySelectorAll('article[role="main"] p')].some(p =>
                        p.textContent.startsWith(start) && p.textContent.includes(shown)
                        && p.getBoundingClientRect().top >= 0 && p.getBoundingClientRect().bottom <= innerHeight)""",
                    arg=[START, shown], timeout=60_000, polling=100)
                crop(page, [selector], HERE / "preview.png")

                page.goto(f"http://127.0.0.1:{port}/ru/index.html?translator")
                selector = paragraph(page)
                crop(page, [selector, f"{selector} + aside.triglot-tm"], HERE / "translator-mode.png")

                catalog = root / CATALOG
                text = catalog.read_text(encoding="utf-8")
                catalog.write_text(re.sub(r'\n"(Первые японские)', r'\n\1', text, count=1), encoding="utf-8")
                page.locator("#triglot-live-error").wait_for(timeout=60_000)
                save_small(page.locator("#triglot-live-error").screenshot(), HERE / "preview-error.png")  # fixed
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
