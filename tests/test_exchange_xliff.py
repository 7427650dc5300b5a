"""``triglot export-xliff`` and ``import-xliff``: a round trip gives the same bytes; edits land as msgcat writes
them; unsafe markup refuses the whole import, like a PO file, with the XLIFF line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from translate.storage.xliff2 import Xliff2File

from conftest import ROOT, run_triglot

FIXTURES = ROOT / "tests" / "fixtures" / "exchange"
NS = 'xmlns="urn:oasis:names:tc:xliff:document:2.0"'


def _catalog(project: Path, lang: str = "ru") -> Path:
    return project / "locale" / lang / "LC_MESSAGES" / "article.po"


@pytest.fixture
def small(project: Path) -> Path:
    """The project with the small Russian catalog of every kind of entry."""
    shutil.copy(FIXTURES / "ru.po", _catalog(project))
    return project


def _export(project: Path, lang: str = "ru") -> str:
    completed = run_triglot("export-xliff", "--lang", lang, cwd=project)
    assert (completed.returncode, completed.stderr) == (0, ""), completed.stderr
    return completed.stdout


def _import(project: Path, text: str) -> tuple[Path, object]:
    path = project.parent / "edited.xlf"
    path.write_text(text, encoding="utf-8")
    return path, run_triglot("import-xliff", str(path), cwd=project)


def _line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def _oracle(path: Path) -> None:
    """GNU gettext accepts the catalog and writes it the same."""
    assert subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout == path.read_bytes()
    subprocess.run(["msgfmt", "--check-format", "--check-domain", "-o", "/dev/null", str(path)], check=True)


def test_export_of_every_kind_of_entry(small: Path) -> None:
    text = _export(small)
    assert text.startswith(f"<?xml version='1.0' encoding='UTF-8'?>\n<xliff {NS} version=\"2.0\" srcLang=\"en\" "
                           'trgLang="ru">\n  <file id="f1" original="article" canResegment="no" xml:space="preserve">\n')
    assert '<unit id="u4">\n      <notes>\n        <note category="location">../../../docs/index.rst:30</note>\n' \
           '      </notes>\n      <segment state="initial">\n        <source>Not translated yet.</source>\n' \
           "      </segment>\n" in text
    assert '<segment state="initial">\n        <source>The notes</source>\n        <target>Примечания</target>' in text
    assert '<unit id="u5" name="menu">' in text
    assert "<source>Markup &amp; entities: :term:`soft power` &lt;b&gt;not a tag&lt;/b&gt; and a \"quote\".</source>" \
           in text
    assert '<note category="developer">A translator\'s note for the reviewer.</note>' in text
    assert text.count("<unit ") == 5  # no plural message, no obsolete one


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_round_trip_of_our_catalogs_changes_no_byte(project: Path, lang: str) -> None:
    before = _catalog(project, lang).read_bytes()
    mtime = _catalog(project, lang).stat().st_mtime_ns
    path, completed = _import(project, _export(project, lang))
    assert (completed.returncode, completed.stderr) == (0, "")
    assert completed.stdout == f"{path}: 0 messages changed in 0 catalogs\n"
    assert _catalog(project, lang).read_bytes() == before
    assert _catalog(project, lang).stat().st_mtime_ns == mtime  # not even rewritten
    _oracle(_catalog(project, lang))


def test_edits_are_written_as_msgcat_writes_them(small: Path) -> None:
    text = _export(small)
    text = text.replace('<segment state="initial">\n        <source>The notes</source>',
                        '<segment state="translated">\n        <source>The notes</source>')
    text = text.replace("<source>Not translated yet.</source>",
                        "<source>Not translated yet.</source>\n        <target>Пока не переведено, но теперь это "
                        "длинная строка, которую msgcat перенесёт на следующую строку файла.</target>")
    text = text.replace("<target>Глоссарий</target>", "<target>Словарь</target>")
    path, completed = _import(small, text)
    assert (completed.returncode, completed.stderr) == (0, "")
    assert completed.stdout == f"{path}: 3 messages changed in 1 catalog\n"
    # The fuzzy translation confirmed (its #| msgid gone), a new fuzzy one (state initial), one changed.
    assert _catalog(small).read_bytes() == (FIXTURES / "ru-imported.po").read_bytes()
    _oracle(_catalog(small))


def test_an_edit_leaves_the_rest_of_a_platforms_file_as_it_is(small: Path) -> None:
    babel = ('msgid ""\n"Markup & entities: :term:`soft power` <b>not a tag</b> and a "\n"\\"quote\\"."\n'
             'msgstr ""\n"Разметка и сущности: :term:`мягкая сила <soft power>` <b>не тег</b>"\n" и «цитата»."\n')
    original = (FIXTURES / "ru.po").read_text(encoding="utf-8")
    start = original.index('msgid "Markup')
    end = original.index("\n\n", start) + 1
    _catalog(small).write_text(original[:start] + babel + original[end:], encoding="utf-8")
    before = _catalog(small).read_text(encoding="utf-8")
    text = _export(small).replace("<target>Глоссарий</target>", "<target>Словарь</target>")
    _path, completed = _import(small, text)
    assert completed.returncode == 0, completed.stderr
    assert _catalog(small).read_text(encoding="utf-8") == before.replace('msgstr "Глоссарий"', 'msgstr "Словарь"')


def test_unsafe_markup_refuses_the_import(small: Path) -> None:
    before = _catalog(small).read_bytes()
    text = _export(small)
    text = text.replace("<target>Глоссарий</target>", "<target>Словарь\n\n.. include:: /etc/passwd</target>")
    text = text.replace(":term:`мягкая сила &lt;soft power&gt;`", ":raw-html:`&lt;script&gt;`")
    text = text.replace("<target>Примечания</target>", "<target>Примечания (исправлено)</target>")
    path, completed = _import(small, text)
    raw, include = _line(text, ":raw-html:"), _line(text, "<target>Словарь")
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == (
        f"triglot: error: {path}:{raw}: [markup-unsafe] markup its source does not have: :raw-html:\n"
        f"triglot: error: {path}:{raw}: [markup-extra] references its source does not have: :raw-html:`<script>`\n"
        f"triglot: error: {path}:{raw}: [markup-missing] references of its source missing: :term:`soft power`\n"
        f"triglot: error: {path}:{include}: [markup-node] it parses as 2 blocks, its source as 1\n"
        f"triglot: error: {path}:{include}: [markup-unsafe] markup its source does not have: .. include::\n"
        f"triglot: error: {path}: import refused, no catalog changed: the build would refuse these translations: "
        "fix them in the XLIFF file and import it again\n"
    )
    assert _catalog(small).read_bytes() == before


def test_check_reports_the_same_problems_for_the_po_file(small: Path, tmp_path: Path) -> None:
    """One decision: the PO file holding the refused translation gets the same markup errors from triglot check."""
    unsafe = "Словарь\n\n.. include:: /etc/passwd"
    po = tmp_path / "ru.po"
    po.write_text((FIXTURES / "ru.po").read_text(encoding="utf-8").replace(
        'msgstr "Глоссарий"', 'msgstr ""\n"' + unsafe.replace("\n", '\\n"\n"') + '"'), encoding="utf-8")
    completed = run_triglot("check", "--format", "json", "--enable", "markup", str(po), cwd=small)
    findings = [finding for finding in json.loads(completed.stdout)["findings"]
                if finding["check"].startswith("markup-")]
    assert [(finding["check"], finding["message"]) for finding in findings] == [
        ("markup-node", "it parses as 2 blocks, its source as 1"),
        ("markup-unsafe", "markup its source does not have: .. include::"),
    ]


@pytest.mark.parametrize(("change", "needle", "message"), [
    (('original="article"', 'original="../../../docs/conf"'), "<file ",
     "<file original='../../../docs/conf'>: no such catalog of the language (article)"),
    (("<source>Glossary</source>", "<source>Glossary!</source>"), "<target>Глоссарий",
     "catalog 'article' has no such message (the source changed since the export? export again): 'Glossary!'"),
    (("<target>Глоссарий</target>", '<target>Глос<pc id="1">сарий</pc></target>'), "<pc ",
     "inline element <pc>: triglot's XLIFF units hold plain text (the reStructuredText markup is text)"),
    (('<segment state="translated">\n        <source>Glossary', '<segment state="done">\n        <source>Glossary'),
     '<segment state="done"', "unknown segment state 'done' (initial, translated, reviewed, final)"),
    (("<?xml version='1.0' encoding='UTF-8'?>\n", '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "e">]>\n'),
     "<!DOCTYPE", "a document type declaration: refused (XLIFF 2.0 has none)"),
    (("  </file>\n", '  </file>\n  <file id="f2" original="article"/>\n'), '<file id="f2"',
     "a second <file> for catalog 'article'"),
    (("</xliff>", "</xlif>"), "</xlif>", "not well-formed XML: Opening and ending tag mismatch: xliff line 2 and xlif"),
])
def test_bad_files_are_refused_with_their_line(small: Path, change: tuple[str, str], needle: str, message: str) -> None:
    before = _catalog(small).read_bytes()
    text = _export(small).replace(*change)
    path, completed = _import(small, text)
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == f"triglot: error: {path}:{_line(text, needle)}: {message}\n"
    assert _catalog(small).read_bytes() == before


def test_wrong_languages_are_refused(small: Path) -> None:
    text = _export(small)
    _path, completed = _import(small, text.replace('trgLang="ru"', 'trgLang="fr"'))
    assert (completed.returncode, completed.stderr) == (
        2, "triglot: error: unknown language 'fr': this project has en, ru, ja (add one with 'triglot add-language fr')\n")
    path, completed = _import(small, text.replace('srcLang="en"', 'srcLang="de"'))
    assert (completed.returncode, completed.stderr) == (
        2, f"triglot: error: {path}:2: srcLang 'de': this project's source language is 'en'\n")


def test_translate_toolkit_reads_the_export_and_its_edits_come_back(small: Path) -> None:
    """Another XLIFF 2.0 implementation (translate-toolkit's) reads the units; its save imports."""
    store = Xliff2File.parsestring(_export(small).encode("utf-8"))
    assert [(unit.getid(), unit.source, unit.target, unit.isfuzzy(), unit.istranslated()) for unit in store.units] == [
        ("u1", "Japan's Soft Power in Central Asia", "Мягкая сила Японии в Центральной Азии", False, True),
        ("u2", 'Markup & entities: :term:`soft power` <b>not a tag</b> and a "quote".',
         "Разметка и сущности: :term:`мягкая сила <soft power>` <b>не тег</b> и «цитата».", False, True),
        ("u3", "The notes", "Примечания", True, False),
        ("u4", "Not translated yet.", None, False, False),
        ("u5", "Glossary", "Глоссарий", False, True),
    ]
    store.units[2].marktranslated()
    store.units[3].target = "Пока не переведено."
    store.units[3].marktranslated()
    path, completed = _import(small, bytes(store).decode("utf-8"))
    assert (completed.returncode, completed.stderr, completed.stdout) == (
        0, "", f"{path}: 2 messages changed in 1 catalog\n")
    text = _catalog(small).read_text(encoding="utf-8")
    assert '#| msgid "Notes"\nmsgid "The notes"' not in text and "#, fuzzy" not in text
    assert 'msgid "Not translated yet."\nmsgstr "Пока не переведено."\n' in text
    _oracle(_catalog(small))


def test_an_unsafe_translation_already_in_the_catalog_is_reported_not_refused(small: Path) -> None:
    """An unedited round trip of a catalog that already holds an unsafe translation changes nothing and says so;
    confirming that translation (clearing its fuzzy flag) is a change, and refused."""
    catalog = _catalog(small)
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "Примечания"', 'msgstr "Примечания :raw-html:`<b>`"'), encoding="utf-8")
    before = catalog.read_bytes()
    text = _export(small)
    line = _line(text, "<target>Примечания :raw-html:")
    path, completed = _import(small, text)
    problems = [f"{path}:{line}: [markup-unsafe] markup its source does not have: :raw-html:",
                f"{path}:{line}: [markup-extra] references its source does not have: :raw-html:`<b>`"]
    assert (completed.returncode, completed.stdout) == (0, f"{path}: 0 messages changed in 0 catalogs\n")
    assert completed.stderr == "".join(
        f"triglot: warning: {problem} (already in the catalog, unchanged: the build refuses it)\n" for problem in problems)
    path, completed = _import(small, text.replace('<segment state="initial">\n        <source>The notes',
                                                  '<segment state="translated">\n        <source>The notes'))
    assert completed.returncode == 2
    assert completed.stderr.splitlines()[:2] == [f"triglot: error: {problem}" for problem in problems]
    assert catalog.read_bytes() == before


@pytest.mark.parametrize(("name", "lang"), [("operations-guide", "ja"), ("fpm-docs", "ru")])
def test_round_trip_of_real_projects_catalogs_changes_no_byte(real_projects: dict[str, Path], tmp_path: Path,
                                                               name: str, lang: str) -> None:
    """Catalogs a platform wrote (its wrapping, its order, unsafe translations among them), many per language."""
    project = tmp_path / name
    shutil.copytree(real_projects[name], project)
    catalogs = sorted(path for path in project.rglob(f"{lang}/LC_MESSAGES/**/*.po") if path.name != "sphinx.po")
    before = {path: path.read_bytes() for path in catalogs}
    text = _export(project, lang)
    assert text.count("<file ") == len(catalogs) > 0
    path, completed = _import(project, text)
    assert (completed.returncode, completed.stdout) == (0, f"{path}: 0 messages changed in 0 catalogs\n")
    assert {path: path.read_bytes() for path in catalogs} == before
