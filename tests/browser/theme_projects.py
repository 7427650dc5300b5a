"""The theme matrix: a tiny project (two pages, the source and two translations) built once per theme.

Each project is what a user of that theme writes: a ``conf.py`` that sets
``html_theme`` and loads ``triglot.sphinx``, catalogs beside the sources.
Every translation leaves one paragraph of each page untranslated, so the
fallback marks have something to mark. The guide page is long enough to
scroll (the switcher keeps the reader's place).

``theme_site(theme)`` builds a theme's project on first use and returns it
(later calls, from any test of the session, get the same build);
``theme_site(theme, MANY_LANGUAGES)`` is the variant with ten languages in
its settings, of which only the source edition is built: the switcher lists
every language of the settings, and its layout is what that variant tests
(following a link to another edition is tested with the three languages).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import run_triglot

from triglot.catalog import Catalog, Entry, format_po

THEMES = ("furo", "alabaster", "sphinx_rtd_theme", "pydata_sphinx_theme", "sphinx_book_theme", "openstackdocs")
LANGUAGES = ("en", "de", "ja")
MANY_LANGUAGES = ("en", "de", "ja", "ru", "fr", "es", "pt_BR", "zh_CN", "ko", "uk")

TITLE = "A tiny book"
UNTRANSLATED = "This paragraph is shown in English in every edition."
GUIDE_TITLE = "Reading the guide"
GUIDE_PARAGRAPHS = tuple(f"Paragraph {n} of the guide. It has a few sentences, as a paragraph of a real book has: "
                         f"enough of them that the page is long enough to scroll through, and that a reader in "
                         f"the middle of it has a place to keep when changing language. The switcher carries "
                         f"that place to the other edition, which opens at the same paragraph, whatever the "
                         f"theme of the book and the width of the screen it is read on." for n in range(1, 31))
INDEX = f"""{TITLE}
{"=" * len(TITLE)}

The first paragraph of the book, translated in every edition.

{UNTRANSLATED}

.. toctree::

   guide
"""
GUIDE = f"{GUIDE_TITLE}\n{'=' * len(GUIDE_TITLE)}\n\n{UNTRANSLATED}\n\n" + "\n\n".join(GUIDE_PARAGRAPHS) + "\n"
CONF = """project = "Tiny book"
extensions = ["triglot.sphinx"{extra}]
locale_dirs = ["locale/"]
html_theme = "{theme}"
"""
# What a theme needs in conf.py beyond html_theme (openstackdocstheme's own extension sets its page context).
EXTENSIONS = {"openstackdocs": ', "openstackdocstheme"'}


def translation(lang: str, text: str) -> str:
    """The test translation of *text*: tagged with the language, so a test sees which edition it reads."""
    return f"[{lang}] {text}"


def write_catalog(path: Path, lang: str, messages: list[str]) -> None:
    """A catalog translating *messages* (all but :data:`UNTRANSLATED`, left empty)."""
    header = Entry(msgid="", msgstr=f"Language: {lang}\nContent-Type: text/plain; charset=UTF-8\n")
    entries = [Entry(msgid=text, msgstr="" if text == UNTRANSLATED else translation(lang, text)) for text in messages]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(format_po(Catalog([header, *entries])))


def write_project(root: Path, theme: str, languages: tuple[str, ...], translated: tuple[str, ...]) -> Path:
    """The tiny project in *root*, in *theme*, with *languages* in its settings and catalogs for *translated*."""
    (root / "docs").mkdir(parents=True)
    listed = ", ".join(f'"{code}"' for code in languages)
    (root / "pyproject.toml").write_text(f"[tool.triglot]\nlanguages = [{listed}]\n", encoding="utf-8")
    (root / "docs" / "conf.py").write_text(CONF.format(theme=theme, extra=EXTENSIONS.get(theme, "")),
                                           encoding="utf-8")
    (root / "docs" / "index.rst").write_text(INDEX, encoding="utf-8")
    (root / "docs" / "guide.rst").write_text(GUIDE, encoding="utf-8")
    for lang in translated:
        folder = root / "docs" / "locale" / lang / "LC_MESSAGES"
        write_catalog(folder / "index.po", lang, [TITLE, "The first paragraph of the book, translated in every "
                                                         "edition.", UNTRANSLATED])
        write_catalog(folder / "guide.po", lang, [GUIDE_TITLE, UNTRANSLATED, *GUIDE_PARAGRAPHS])
    return root


@dataclass(frozen=True)
class ThemeSite:
    """A built tiny project: its theme, the languages of its settings, those built, where, and in how long."""

    theme: str
    languages: tuple[str, ...]
    built: tuple[str, ...]
    root: Path
    seconds: float

    @property
    def site(self) -> Path:
        """The published site (``build/site``)."""
        return self.root / "build" / "site"


def build_theme_project(folder: Path, theme: str, languages: tuple[str, ...] = LANGUAGES) -> ThemeSite:
    """Write and build the tiny project in *theme* (with :data:`MANY_LANGUAGES`, only its source edition)."""
    built = languages if languages == LANGUAGES else languages[:1]
    root = write_project(folder / f"{theme}-{len(languages)}", theme, languages, built[1:])
    start = time.perf_counter()
    completed = run_triglot("build", *[arg for lang in built for arg in ("--lang", lang)], cwd=root)
    seconds = time.perf_counter() - start
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return ThemeSite(theme, languages, built, root, seconds)


@pytest.fixture(scope="session")
def theme_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., ThemeSite]:
    """``theme_site(theme, languages=LANGUAGES)``: the tiny project in *theme*, built on first use."""
    folder = tmp_path_factory.mktemp("themes")
    cache: dict[tuple[str, tuple[str, ...]], ThemeSite] = {}

    def get(theme: str, languages: tuple[str, ...] = LANGUAGES) -> ThemeSite:
        if (theme, languages) not in cache:
            cache[theme, languages] = build_theme_project(folder, theme, languages)
        return cache[theme, languages]

    return get
