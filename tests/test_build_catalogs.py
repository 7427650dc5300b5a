"""A build reads every catalog of a language, in the layout Sphinx expects.

A small project with Sphinx's default layout (``gettext_compact = True``:
``index.po`` for ``index``, ``guide.po`` for the ``guide/`` folder),
catalogs inside the source folder as its ``conf.py`` says, and an old
catalog no document uses any more. Each document takes its own catalog's
translation first; a message its catalog lacks is found in the others.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_triglot
from html_text import without_translator_data

from triglot.catalog import Catalog, Entry, format_po

CONF = 'project = "Multi"\nextensions = ["triglot.sphinx"]\nlocale_dirs = ["locale/"]\nhtml_theme = "furo"\n'
INDEX = "Welcome\n=======\n\nShared sentence.\n\nTold twice.\n\n.. toctree::\n\n   guide/intro\n"
GUIDE = "Guide\n=====\n\nShared sentence.\n\nOnly in the guide.\n\nTold twice.\n\nFrom the old catalog.\n"
CATALOGS = {
    "index": {"Welcome": "Willkommen", "Shared sentence.": "Gemeinsamer Satz.", "Told twice.": "Zweimal (Start)."},
    "guide": {"Guide": "Leitfaden", "Only in the guide.": "Nur im Leitfaden.", "Told twice.": "Zweimal (Leitfaden)."},
    "old-book": {"From the old catalog.": "Aus dem alten Katalog."},
}


def write_catalog(path: Path, messages: dict[str, str]) -> None:
    header = Entry(msgid="", msgstr="Language: de\nContent-Type: text/plain; charset=UTF-8\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(format_po(Catalog([header, *(Entry(msgid=k, msgstr=v) for k, v in messages.items())])))


@pytest.fixture(scope="module")
def multi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("multi")
    (root / "pyproject.toml").write_text('[tool.triglot]\nlanguages = ["en", "de"]\n', encoding="utf-8")
    (root / "docs" / "guide").mkdir(parents=True)
    (root / "docs" / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "docs" / "index.rst").write_text(INDEX, encoding="utf-8")
    (root / "docs" / "guide" / "intro.rst").write_text(GUIDE, encoding="utf-8")
    for name, messages in CATALOGS.items():
        write_catalog(root / "docs" / "locale" / "de" / "LC_MESSAGES" / f"{name}.po", messages)
    completed = run_triglot("build", "--lang", "de", cwd=root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return root


def text(root: Path, page: str) -> str:
    return without_translator_data((root / "build" / "site" / "de" / page).read_text(encoding="utf-8"))


def test_each_document_reads_its_own_catalog_first(multi: Path) -> None:
    index, guide = text(multi, "index.html"), text(multi, "guide/intro.html")
    assert all(word in index for word in ("Willkommen", "Gemeinsamer Satz.", "Zweimal (Start)."))
    assert all(word in guide for word in ("Leitfaden", "Nur im Leitfaden.", "Zweimal (Leitfaden)."))
    assert "Zweimal (Start)." not in guide


def test_a_message_its_catalog_lacks_comes_from_another_catalog(multi: Path) -> None:
    guide = text(multi, "guide/intro.html")
    assert "Gemeinsamer Satz." in guide and "Shared sentence." not in guide  # from index.po
    assert "Aus dem alten Katalog." in guide  # from a catalog no document's name matches
    log = (multi / "build" / "logs" / "de-html.log").read_text(encoding="utf-8")
    assert "ignored" not in log and "[triglot.unsafe]" not in log


def test_changing_one_catalog_rebuilds_with_it(multi: Path) -> None:
    write_catalog(multi / "docs" / "locale" / "de" / "LC_MESSAGES" / "guide.po",
                  {**CATALOGS["guide"], "Only in the guide.": "Nur im Leitfaden, neu übersetzt."})
    completed = run_triglot("build", "--lang", "de", cwd=multi)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Nur im Leitfaden, neu übersetzt." in text(multi, "guide/intro.html")
    assert "Gemeinsamer Satz." in text(multi, "guide/intro.html")
