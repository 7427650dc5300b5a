"""The live preview's parts: which editions a save affects, what it watches, the injected script, and
a rebuild's outcome as the open pages are told it (real builds of a project copy)."""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from watchfiles import Change

from conftest import copy_project, run_triglot
from triglot.build.editions import plan, run_process, sphinx_command, sphinx_error
from triglot.build.sphinx_worker import SphinxWorker
from triglot.build.passages import read_passages
from triglot.config import load_settings
from triglot.preview.changes import InputFilter, affected_languages, watched_paths
from triglot.preview.rebuild import rebuild
from triglot.preview.server import event, inject
from triglot.preview.state import Broadcaster, SiteState


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy whose HTML editions are built."""
    root = copy_project(tmp_path_factory.mktemp("preview") / "project")
    assert run_triglot("build", cwd=root).returncode == 0
    return root


@pytest.fixture(scope="module")
def worker(built: Path) -> Iterator[SphinxWorker]:
    """The warm ``sphinx-build`` of ``serve --watch``, for the project copy."""
    with SphinxWorker(built) as running:
        yield running


def test_a_catalog_rebuilds_its_language_anything_else_every_edition(project: Path) -> None:
    settings = load_settings(project)
    ru, ja = (project / "locale" / lang / "LC_MESSAGES" / "article.po" for lang in ("ru", "ja"))
    assert affected_languages(settings, [ru]) == ["ru"]
    assert affected_languages(settings, [ja, ru, ru.with_name("sphinx.po")]) == ["ru", "ja"]
    for other in (project / "docs" / "index.rst", project / "glossary" / "terms.yaml",
                  project / "locale" / "article.pot", project / "pyproject.toml"):
        assert affected_languages(settings, [ru, other]) == ["en", "ru", "ja"], other


def test_what_is_watched_and_what_is_ignored(project: Path) -> None:
    settings = load_settings(project)
    assert watched_paths(settings) == [project / "docs", project / "locale", project / "glossary",
                                       project / "pyproject.toml"]
    accept = InputFilter(settings.build)
    catalog = project / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    assert accept(Change.modified, str(catalog))
    assert accept(Change.added, str(project / "docs" / "index.rst"))
    for ignored in (catalog.with_suffix(".mo"), project / "docs" / "_build" / "html" / "index.html",
                    project / "build" / "cache" / "ru" / "html" / "index.html",
                    catalog.with_name(".article.po.swp"), catalog.with_name("article.po~")):
        assert not accept(Change.modified, str(ignored)), ignored


def test_the_script_goes_before_the_last_body_end_tag() -> None:
    tag = b'<script src="/_triglot/live.js" data-generation="3" defer></script>'
    assert inject(b"<html><body><p>a</body></html>", 3) == b"<html><body><p>a" + tag + b"</body></html>"
    assert inject(b"<p>no body", 3) == b"<p>no body" + tag


def test_the_event_is_one_line_of_json() -> None:
    assert event(SiteState(2, 'a.po:7: bad\n"x"')) == (
        'event: state\ndata: {"generation": 2, "error": "a.po:7: bad\\n\\"x\\""}\n\n'.encode())


@contextlib.contextmanager
def colophon_translated(root: Path, msgstr: str) -> Iterator[Path]:
    """The Russian catalog saved with *msgstr* as the translation of "Colophon" (restored afterwards)."""
    path = root / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    good = path.read_bytes()
    catalog = polib.pofile(str(path))
    catalog.find("Colophon").msgstr = msgstr
    catalog.save()
    try:
        yield path
    finally:
        path.write_bytes(good)


def test_a_saved_translation_is_published_and_the_pages_told(built: Path, capsys) -> None:
    broadcaster = Broadcaster()
    with colophon_translated(built, "Выходные данные издания") as catalog:
        rebuild(load_settings(built), [catalog], broadcaster)
        assert broadcaster.state == SiteState(1)
        assert "Выходные данные издания" in (built / "build/site/ru/colophon.html").read_text(encoding="utf-8")
        assert capsys.readouterr().err.startswith("triglot: rebuilt ru in ")
        rebuild(load_settings(built), [catalog], broadcaster)  # saved again unchanged: nothing to reload
        assert broadcaster.state == SiteState(1)


def test_an_unsafe_translation_is_a_fallback_not_a_failure(built: Path) -> None:
    broadcaster = Broadcaster()
    with colophon_translated(built, ".. include:: /etc/passwd") as catalog:
        rebuild(load_settings(built), [catalog], broadcaster)
        assert broadcaster.state == SiteState(1)
        page = (built / "build/site/ru/colophon.html").read_text(encoding="utf-8")
        assert "root:" not in page and ">Colophon<" in page


def test_a_failed_rebuild_keeps_the_site_and_says_where(built: Path) -> None:
    settings = load_settings(built)
    source = built / "docs" / "colophon.rst"
    good = source.read_bytes()
    published = os.readlink(built / "build" / "site")
    broken = good.replace(b"\n", b"\n\xff", 3)
    line = broken[:broken.index(b"\xff")].count(b"\n") + 1
    source.write_bytes(broken)
    broadcaster = Broadcaster()
    try:
        rebuild(settings, [source], broadcaster)
        assert broadcaster.state == SiteState(0, f"{source}:{line}: not UTF-8 text: save the file as UTF-8")
        assert os.readlink(built / "build" / "site") == published
        source.write_bytes(good)
        rebuild(settings, [source], broadcaster)  # fixed: nothing to rebuild, but the pages drop the error
        assert broadcaster.state == SiteState(1)
    finally:
        source.write_bytes(good)


def test_an_edition_sphinx_cannot_build_is_shown_with_sphinx_s_words(built: Path, worker: SphinxWorker) -> None:
    """Built as ``serve --watch`` builds: in the warm worker, the three editions at once."""
    conf = built / "docs" / "conf.py"
    good = conf.read_bytes()
    published = os.readlink(built / "build" / "site")
    conf.write_bytes(good + b"\nx = (\n")
    line = (good + b"\nx = (\n").count(b"\n")
    broadcaster = Broadcaster()
    try:
        rebuild(load_settings(built), [conf], broadcaster, worker.run)
        error = broadcaster.state.error
        assert broadcaster.state.generation == 0
        for lang in ("en", "ru", "ja"):
            assert f"{lang} edition: " in error
            assert f"(full log: {built / 'build' / 'logs' / f'{lang}-html.log'})" in error
        assert error.count(f"There is a syntax error in your configuration file: '(' was never closed "
                           f"(conf.py, line {line})") == 3
        assert os.readlink(built / "build" / "site") == published
    finally:
        conf.write_bytes(good)


def test_saved_settings_are_read_again_and_a_bad_one_is_shown_where_it_is(built: Path) -> None:
    settings = load_settings(built)
    pyproject = built / "pyproject.toml"
    good = pyproject.read_text(encoding="utf-8")
    published = os.readlink(built / "build" / "site")
    broadcaster = Broadcaster()
    try:
        pyproject.write_text(good + "\n[tool.triglot.typography]\nsentence_spacing = 3\n", encoding="utf-8")
        line = len(pyproject.read_text(encoding="utf-8").splitlines())
        assert rebuild(settings, [pyproject], broadcaster) == settings
        assert broadcaster.state == SiteState(0, f"{pyproject}:{line}: [tool.triglot.typography] sentence_spacing "
                                                 "must be 1 or 2 (spaces after a full stop), not 3")
        assert os.readlink(built / "build" / "site") == published
        pyproject.write_text(good + "\n[tool.triglot.typography]\nsentence_spacing = 2\n", encoding="utf-8")
        again = rebuild(settings, [pyproject], broadcaster)
        assert again.typography.sentence_spacing == 2
        assert broadcaster.state.error is None
    finally:
        pyproject.write_text(good, encoding="utf-8")


def test_the_warm_worker_answers_as_a_new_sphinx_build_process(tmp_path: Path) -> None:
    settings = load_settings(copy_project(tmp_path / "project"))
    (edition,) = plan(settings, ["ru"], ["html"])
    command = sphinx_command(settings, edition)
    missing = [*command[:-2], str(tmp_path / "no-docs"), command[-1]]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with SphinxWorker(tmp_path) as warm:
        for line in ([*command[:3], "--version"], missing):
            new, kept = run_process(line, tmp_path, env), warm.run(line, tmp_path, env)
            assert (kept.returncode, kept.stdout) == (new.returncode, new.stdout)
            assert sphinx_error(kept.stderr, limit=100) == sphinx_error(new.stderr, limit=100)  # less the trailer
        assert new.returncode == 2 and "no-docs" in sphinx_error(new.stderr)[-1]
        warm._process.kill()  # a worker that died (killed, out of memory) is started again at the next build
        warm._process.wait()
        assert warm.run([*command[:3], "--version"], tmp_path, env).stdout == run_process(
            [*command[:3], "--version"], tmp_path, env).stdout


def documents_read(root: Path) -> dict[str, int]:
    """When the Russian HTML edition's build last read each document (from Sphinx's saved environment)."""
    with (root / "build" / "cache" / "ru" / "doctrees" / "html" / "environment.pickle").open("rb") as saved:
        return dict(pickle.load(saved).all_docs)


def test_a_preview_rebuild_makes_the_pages_a_full_build_makes(built: Path, worker: SphinxWorker,
                                                              tmp_path: Path) -> None:
    """A msgstr of the editorial notes made longer (the catalog's later lines move down), rebuilt by the warm
    worker as ``serve --watch`` does: the documents whose messages changed or moved are read again, the others
    not, and the Russian pages are those a build from nothing makes."""
    path = built / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    good = path.read_bytes()
    catalog = polib.pofile(str(path))
    entry = next(entry for entry in catalog.translated_entries()
                 if any(place.endswith("/editorial-notes.rst") for place, _ in entry.occurrences)
                 and len(entry.msgstr) > 200)
    lines = good.decode("utf-8").split("\n")
    at = next(number for number, line in enumerate(lines) if line.startswith(f'"{entry.msgstr[:30]}'))
    lines.insert(at, '"Исправленное начало абзаца, которого не было. "')  # as an editor saves it: one line more
    read_at = documents_read(built)
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        rebuild(load_settings(built), [path], Broadcaster(), worker.run)
        assert {name for name, time in documents_read(built).items() if time != read_at[name]} == \
            moved_or_changed(polib.pofile(good.decode("utf-8")), polib.pofile(str(path)))
        full = copy_project(tmp_path / "full")
        (full / "locale" / "ru" / "LC_MESSAGES" / "article.po").write_bytes(path.read_bytes())
        assert run_triglot("build", "--lang", "ru", cwd=full).returncode == 0
        # The edition's pages as Sphinx made them (the site's own pages, such as the parallel view, show the
        # editions the site has: the full build here has only this one).
        preview_pages, full_pages = (sorted((root / "build" / "cache" / "ru" / "html").glob("*.html"))
                                     for root in (built, full))
        assert [page.name for page in preview_pages] == [page.name for page in full_pages]
        assert "Исправленное начало абзаца" in (built / "build" / "site" / "ru" / "editorial-notes.html").read_text(
            "utf-8")
        for preview_page, full_page in zip(preview_pages, full_pages):
            assert preview_page.read_text("utf-8") == full_page.read_text("utf-8"), preview_page.name
        assert read_passages(built / "build" / "cache" / "ru" / "doctrees" / "html") == read_passages(
            full / "build" / "cache" / "ru" / "doctrees" / "html")
    finally:
        path.write_bytes(good)


def moved_or_changed(before: polib.POFile, after: polib.POFile) -> set[str]:
    """The documents with a message whose translation or line differs between the two catalogs."""
    old = {entry.msgid: (entry.msgstr, entry.linenum) for entry in before}
    return {Path(place).stem for entry in after if old.get(entry.msgid) != (entry.msgstr, entry.linenum)
            for place, _ in entry.occurrences}
