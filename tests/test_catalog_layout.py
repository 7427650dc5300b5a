"""The catalog layout: from [tool.triglot] or the project's conf.py, and which catalog holds each document."""

from __future__ import annotations

from pathlib import Path

import pytest

from triglot.catalog.layout import CatalogLayout, layout_from, project_layout
from triglot.config import load_settings
from triglot.errors import TriglotError


def project(tmp_path: Path, table: str, conf: str = "") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(f'[tool.triglot]\nlanguages = ["en", "ru"]\n{table}', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "conf.py").write_text(conf, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("spec", "expected"), [
    ("article", ["article", "article", "article"]),  # gettext_compact = "article": one catalog
    (True, ["index", "user_guide", "user_guide"]),  # Sphinx's default: per top-level document or folder
    (False, ["index", "user_guide/index", "user_guide/apps/code"]),  # per document, in sub-folders
    ({"doc-common": ["common/*"], "doc": ["*"]}, ["doc", "doc", "doc"]),
])
def test_each_document_maps_to_its_catalog(spec: object, expected: list[str]) -> None:
    layout = layout_from(Path("/p/locale"), spec)  # type: ignore[arg-type]
    assert [layout.catalog_of(doc) for doc in ("index", "user_guide/index", "user_guide/apps/code")] == expected
    assert layout.po_path("pt_BR", "user_guide/apps/code") == Path("/p/locale/pt_BR/LC_MESSAGES/user_guide/apps/code.po")


def test_a_pattern_table_maps_the_first_match_and_refuses_a_document_it_misses() -> None:
    layout = layout_from(Path("/p"), {"doc-common": ["common/*"], "doc": ["ops-*", "index"]})
    assert (layout.catalog_of("common/glossary"), layout.catalog_of("ops-upgrades")) == ("doc-common", "doc")
    with pytest.raises(TriglotError, match="document 'preface' matches none of the patterns"):
        layout.catalog_of("preface")


def test_the_layout_comes_from_conf_py_where_the_settings_say_nothing(tmp_path: Path) -> None:
    root = project(tmp_path, "", 'import os\nlocale_dirs = ["../translations/"]\ngettext_compact = False\nprint("hi")\n')
    layout = project_layout(load_settings(root))
    assert layout == CatalogLayout(root / "translations", False)


def test_the_settings_win_over_conf_py(tmp_path: Path) -> None:
    root = project(tmp_path, 'locale = "po"\ncatalog = "book"\n', 'locale_dirs = ["elsewhere"]\ngettext_compact = False\n')
    assert project_layout(load_settings(root)) == CatalogLayout(root / "po", "book")
    root = project(tmp_path / "other", 'catalog = true\n', "")
    assert project_layout(load_settings(root)) == CatalogLayout(root / "locale", True)  # Sphinx has no locale_dirs


def test_conf_py_is_evaluated_once_per_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from triglot.catalog import conf_reader

    root = project(tmp_path, "", 'locale_dirs = ["tr/"]\n')
    evaluated: list[Path] = []
    evaluate = conf_reader._evaluate
    monkeypatch.setattr(conf_reader, "_evaluate", lambda docs, conf: evaluated.append(conf) or evaluate(docs, conf))
    settings = load_settings(root)
    assert [project_layout(settings).locale for _ in range(2)] == [root / "docs" / "tr"] * 2
    (root / "docs" / "conf.py").write_text('locale_dirs = ["po/"]\n', encoding="utf-8")
    assert project_layout(settings).locale == root / "docs" / "po"
    assert evaluated == [root / "docs" / "conf.py"] * 2


def test_a_broken_conf_py_is_an_error_naming_it(tmp_path: Path) -> None:
    root = project(tmp_path, "", "locale_dirs = [\n")
    with pytest.raises(TriglotError) as caught:
        project_layout(load_settings(root))
    assert caught.value.path == root / "docs" / "conf.py"
    assert "could not read the catalog settings of conf.py" in caught.value.message


@pytest.mark.parametrize(("table", "message"), [
    ('catalog = ["doc", "doc-common"]\n', "a table of catalog names to document patterns"),
    ('catalog = "../x"\n', "must be a plain name"),
    ('catalog = {doc = []}\n', "a table of catalog names to document patterns"),
    ('update_mode = "merge"\n', "update_mode must be one of triglot, preserve"),
])
def test_bad_settings_say_what_to_write(tmp_path: Path, table: str, message: str) -> None:
    root = project(tmp_path, table)
    with pytest.raises(TriglotError, match=message):
        load_settings(root)


def test_the_catalogs_of_a_language_are_every_document_catalog_there(tmp_path: Path) -> None:
    folder = tmp_path / "locale" / "ru" / "LC_MESSAGES"
    for name in ("index.po", "user_guide/apps/code.po", "sphinx.po", "sphinx.js", "index.mo"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("", encoding="utf-8")
    layout = layout_from(tmp_path / "locale", False)
    assert layout.catalog_files("ru") == {"index": folder / "index.po",
                                          "user_guide/apps/code": folder / "user_guide/apps/code.po"}
    assert layout.catalog_files("ja") == {}


def test_the_edition_files_are_named_after_the_root_documents_catalog(tmp_path: Path) -> None:
    table = '[tool.triglot.catalog]\ndoc-common = ["common/*"]\ndoc = ["*"]\n'
    assert load_settings(project(tmp_path, table)).catalog == "doc"
    assert load_settings(project(tmp_path / "b", 'catalog = "article"\n')).catalog == "article"
