"""Catalogs as real projects keep them: the OpenStack Operations Guide and the Fortran Package Manager docs.

Both are unpacked from ../shared/corpora/sphinx-projects (conftest.real_projects), with a [tool.triglot]
table such as a new user writes: the layout comes from their conf.py (fpm: ``locale_dirs = ["../locale/"]``,
``gettext_compact = "index"``) or a table of patterns (OpenStack's ``doc.po`` and ``doc-common.po``).
Their sources changed since their catalogs were last exported (fpm added pages in 2023-2026; the
Operations Guide renamed its Rocky links and dropped glossary entries), so a first update has work to do;
in preserve mode it does only that.
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from sphinx.util.osutil import make_filename_from_project
from conftest import NO_CATALOG_LANGUAGE, REAL_BOOK_FORMATS, RealBuild, run_triglot
from test_honest_builds import SITE_PAGES, share, shown_in_english, status_counts

from triglot.catalog import Catalog, format_po, parse_po, read_po
from triglot.catalog.extract import cached_templates
from triglot.catalog.layout import project_layout
from triglot.config import load_settings
from triglot.stats import catalog_stats

# Files a first update changes (the rest stays byte for byte): fpm's nine index.po (new pages), not the
# news.po nor sphinx.po beside them; in the Operations Guide the doc-common.po whose glossary changed, and
# the Japanese doc.po, which gets fuzzy translations from the old ops-guide.po no template uses any more.
CHANGED = {
    "fpm-docs": {f"locale/{lang}/LC_MESSAGES/index.po" for lang in ("cs", "de", "es", "fr", "ja", "nl", "pt", "ru",
                                                                      "zh_CN")},
    "operations-guide": {f"doc/source/locale/{path}" for path in (
        "de/LC_MESSAGES/doc-common.po", "id/LC_MESSAGES/doc-common.po", "ja/LC_MESSAGES/doc-common.po",
        "ja/LC_MESSAGES/doc.po")},
}


def copy(real_projects: dict[str, Path], name: str, target: Path, mode: str | None = None) -> Path:
    root = shutil.copytree(real_projects[name], target / name)
    if mode is not None:
        pyproject = root / "pyproject.toml"
        pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('"preserve"', f'"{mode}"'),
                             encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*.po*"))}


def blocks(data: bytes) -> list[str]:
    """The text of each entry of a PO file, as written (comments included)."""
    lines = data.decode("utf-8").split("\n")
    return ["\n".join(lines[entry.first_line - 1:entry.last_line]) for entry in parse_po(data).entries]


def is_subsequence(items: list[str], sequence: list[str]) -> bool:
    remaining = iter(sequence)
    return all(item in remaining for item in items)


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True)


def test_the_layout_comes_from_conf_py_or_the_table(real_projects: dict[str, Path]) -> None:
    fpm = project_layout(load_settings(real_projects["fpm-docs"]))
    assert (fpm.locale, fpm.compact, fpm.patterns) == (real_projects["fpm-docs"] / "locale", "index", ())
    assert list(fpm.catalog_files("fr")) == ["index", "news"]  # sphinx.po holds the theme's words, not documents'
    ops = project_layout(load_settings(real_projects["operations-guide"]))
    assert ops.locale == real_projects["operations-guide"] / "doc" / "source" / "locale"
    assert (ops.catalog_of("common/glossary"), ops.catalog_of("ops-upgrades"), ops.catalog_of("index")) == (
        "doc-common", "doc", "doc")
    assert sorted(ops.catalog_files("ja")) == ["doc", "doc-common", "ops-guide"]


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_preserve_mode_changes_only_what_the_source_change_requires(real_projects: dict[str, Path], tmp_path: Path,
                                                                    name: str) -> None:
    root = copy(real_projects, name, tmp_path)
    before = snapshot(root)
    completed = run_triglot("update", cwd=root)
    assert completed.returncode == 0, completed.stderr
    after = snapshot(root)
    assert set(after) == set(before)  # preserve mode writes no template and creates no catalog
    assert {path for path in after if after[path] != before[path]} == CHANGED[name]
    templates = cached_templates(load_settings(root), project_layout(load_settings(root)))
    for path in sorted(CHANGED[name]):
        template = templates[Path(path).stem]
        old, new = parse_po(before[path]), parse_po(after[path])
        old_blocks, new_blocks = blocks(before[path]), blocks(after[path])
        # The header and every entry of a message the source still has: byte for byte, in their order.
        assert new_blocks[0] == old_blocks[0]
        keys = {entry.key for entry in template.messages}
        unchanged = [block for block, entry in zip(old_blocks, old.entries) if entry.key in keys and not entry.obsolete]
        assert is_subsequence(unchanged, new_blocks), path
        # Everything else is a fuzzy match, a new message of the template, or an obsolete entry,
        # written as msgcat writes it.
        for block, entry in zip(new_blocks, new.entries):
            if block in old_blocks:
                continue
            assert entry.obsolete or entry.key in keys, (path, block)
            assert entry.obsolete or entry.fuzzy == (entry.previous_msgid is not None), (path, block)
            assert format_po(Catalog([entry])).decode("utf-8") == block + "\n", (path, block)
        # No translation lost.
        kept = {entry.msgstr for entry in new.entries}
        assert {entry.msgstr for entry in old.entries if entry.msgstr} <= kept, path
        assert msgfmt_check(root / path).returncode == 0, msgfmt_check(root / path).stderr
    if name == "operations-guide":  # Zanata's catalogs: sorted, translated only, no references, msgcat's layout
        for path in CHANGED[name]:
            new = parse_po(after[path])
            msgids = [entry.msgid for entry in new.messages]
            assert msgids == sorted(msgids) and all(entry.translated for entry in new.messages), path
            assert not any(entry.references for entry in new.entries), path
            msgcat = subprocess.run(["msgcat", str(root / path)], capture_output=True, check=True).stdout
            assert msgcat == after[path], path
    else:  # Weblate's: every message, references as sphinx-intl wrote them (from _build/gettext)
        for path in CHANGED[name]:
            references = [ref for entry in parse_po(after[path]).entries for ref in entry.references]
            assert references and all(ref.startswith("../../pages/") for ref in references), path
    again = run_triglot("update", "--check", cwd=root)
    assert (again.returncode, again.stdout) == (0, "catalogs are up to date\n"), again.stdout + again.stderr


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_triglot_mode_writes_canonical_catalogs_once(real_projects: dict[str, Path], tmp_path: Path,
                                                     name: str) -> None:
    root = copy(real_projects, name, tmp_path, mode="triglot")
    before = snapshot(root)
    completed = run_triglot("update", cwd=root)
    assert completed.returncode == 0, completed.stderr
    after = snapshot(root)
    written = {path for path in after if after.get(path) != before.get(path)}
    layout = project_layout(load_settings(root))
    for path in sorted(written):
        file = root / path
        assert msgfmt_check(file).returncode == 0, msgfmt_check(file).stderr
        assert subprocess.run(["msgcat", str(file)], capture_output=True, check=True).stdout == after[path], path
        if file.stem == "sphinx":  # the interface catalog: its references name templates of the theme and triglot
            continue
        for entry in read_po(file).entries:  # references relative to the catalog file, to real sources
            for reference in entry.references:
                assert (file.parent / reference.rpartition(":")[0]).is_file(), (path, reference)
    templates = {path for path in written if path.endswith(".pot")}
    assert templates == {os.path.relpath(layout.pot_path(name), root) for name in
                         [*cached_templates(load_settings(root), layout), "sphinx"]}
    # Catalogs no template uses (fpm's news.po, the Operations Guide's ops-guide.po) are left alone.
    assert {path for path in before if path.endswith(".po") and path not in written} == {
        "fpm-docs": {"locale/fr/LC_MESSAGES/news.po", "locale/ja/LC_MESSAGES/news.po", "locale/nl/LC_MESSAGES/news.po"},
        "operations-guide": {"doc/source/locale/ja/LC_MESSAGES/ops-guide.po"}}[name]
    for path in before:
        if path.endswith(".po") and path not in written:
            assert after[path] == before[path]
    again = run_triglot("update", "--check", cwd=root)
    assert (again.returncode, again.stdout) == (0, "catalogs are up to date\n"), again.stdout + again.stderr


def test_a_catalog_no_template_uses_lends_its_translations(real_projects: dict[str, Path], tmp_path: Path) -> None:
    """The Operations Guide's Japanese ops-guide.po (its 2017 catalog) translates messages doc.po lacks."""
    root = copy(real_projects, "operations-guide", tmp_path)
    folder = root / "doc" / "source" / "locale" / "ja" / "LC_MESSAGES"
    doc, old_book = read_po(folder / "doc.po"), read_po(folder / "ops-guide.po")
    template = cached_templates(load_settings(root), project_layout(load_settings(root)))["doc"]
    present = {entry.msgid for entry in doc.entries}
    expected = {entry.msgid: entry.msgstr for entry in old_book.messages if entry.translated and not entry.fuzzy
                and entry.msgid not in present and entry.msgid in {message.msgid for message in template.messages}}
    assert len(expected) == 9
    assert run_triglot("update", "--lang", "ja", cwd=root).returncode == 0
    merged = {entry.msgid: entry for entry in read_po(folder / "doc.po").messages}
    assert {msgid: (merged[msgid].msgstr, merged[msgid].fuzzy) for msgid in expected} == {
        msgid: (msgstr, False) for msgid, msgstr in expected.items()}
    assert (folder / "ops-guide.po").read_bytes() == (real_projects["operations-guide"] / folder.relative_to(
        root) / "ops-guide.po").read_bytes()


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_stats_agree_with_msgfmt_statistics_against_the_template(real_projects: dict[str, Path], tmp_path: Path,
                                                                 name: str) -> None:
    root = real_projects[name]
    settings = load_settings(root)
    layout = project_layout(settings)
    templates = cached_templates(settings, layout)
    stats = catalog_stats(settings, list(settings.translations))
    assert len(stats) == len(settings.translations) * len(templates)
    for item in stats:
        template = tmp_path / "template.pot"
        template.write_bytes(format_po(templates[item.catalog]))
        catalog = tmp_path / "catalog.po"  # through our writer: fpm's zh_CN file has a copy msgmerge refuses
        catalog.write_bytes(format_po(read_po(item.path)) if item.exists else template.read_bytes())
        merged = tmp_path / "merged.po"
        subprocess.run(["msgmerge", "--no-fuzzy-matching", "-q", "-o", str(merged), str(catalog), str(template)],
                       check=True)
        report = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(merged)], capture_output=True,
                                text=True, check=True).stderr
        counts = {kind: int(number) for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", report)}
        assert (item.translated.messages, item.fuzzy.messages, item.untranslated.messages) == (
            counts.get("translated", 0), counts.get("fuzzy", 0), counts.get("untranslated", 0)), (item.lang,
                                                                                                   item.catalog)
    # Catalogs listing only some messages (fpm's French: 539 entries, all translated; Zanata's German doc-common.po:
    # only its translations) are not 100 % done: the messages they do not list count as untranslated.
    counted = {(item.lang, item.catalog): (item.translated.messages, item.fuzzy.messages, item.untranslated.messages)
               for item in stats}
    expected = {("fr", "index"): (518, 0, 529)} if name == "fpm-docs" else {("de", "doc-common"): (1440, 0, 138)}
    assert {key: counted[key] for key in expected} == expected


def test_add_language_extracts_the_templates(real_projects: dict[str, Path], tmp_path: Path) -> None:
    root = copy(real_projects, "fpm-docs", tmp_path)
    completed = run_triglot("add-language", "pt_BR", cwd=root)
    assert completed.returncode == 0, completed.stderr
    path = root / "locale" / "pt_BR" / "LC_MESSAGES" / "index.po"
    assert completed.stdout.splitlines()[0] == "created locale/pt_BR/LC_MESSAGES/index.po"
    catalog = read_po(path)
    template = cached_templates(load_settings(root), project_layout(load_settings(root)))["index"]
    assert [entry.msgid for entry in catalog.messages] == [entry.msgid for entry in template.messages]
    assert (catalog.header_field("Language"), catalog.header_field("Plural-Forms")) == (
        "pt_BR", "nplurals=2; plural=(n > 1);")
    assert msgfmt_check(path).returncode == 0
    assert 'languages = ["en", "cs", "de", "es", "fr", "ja", "nl", "pt", "ru", "zh_CN", "pt_BR"]' in (
        root / "pyproject.toml").read_text(encoding="utf-8")
    stats = run_triglot("stats", "--lang", "pt_BR", "--lang", "zh_CN", cwd=root)
    assert stats.returncode == 0, stats.stderr
    assert [line.split()[:3] for line in stats.stdout.splitlines()[1:3]] == [["zh_CN", "index", "52%"],
                                                                             ["pt_BR", "index", "0%"]]


# Builds of both projects as a user sets them up (conftest.real_build: triglot.sphinx added to conf.py, every
# language's HTML, one language's PDF and EPUB, built once per session).
SUMMARY = re.compile(r"^  (\S+)\s+(html|pdf|epub)\s+(.*)$", re.M)
SHARE = re.compile(r"ok  (?P<translated>\d+)/(?P<total>\d+) translated \(.*\)")
PLAIN = re.compile(r"[^`*_\[\]<>{}|:#\\'\"‘’“”«»-]+")  # no markup, no quotes Sphinx's smartquotes would change


def summary_lines(stderr: str) -> dict[tuple[str, str], str]:
    """Each edition's summary line after its language and format: ``ok  89/92 translated (96.7 %)``."""
    return {(lang, fmt): rest for lang, fmt, rest in SUMMARY.findall(stderr)}


def edition_text(edition: Path) -> str:
    """The text a reader sees on every page of *edition* (scripts left out), whitespace collapsed."""
    texts = []
    for page in sorted(edition.rglob("*.html")):
        if page.name in SITE_PAGES or "_static" in page.parts:
            continue
        body = lxml.html.parse(str(page)).getroot().body
        for script in list(body.iter("script")):
            script.drop_tree()
        texts.append(" ".join(body.text_content().split()))
    return "\n".join(texts)


def plain_pairs(build: RealBuild, lang: str, english: str) -> list[tuple[str, str]]:
    """Translated (msgid, msgstr) pairs of *lang*'s catalogs with no markup whose msgid the English edition shows."""
    layout = project_layout(load_settings(build.root))
    pairs = set()
    for path in layout.catalog_files(lang).values():
        for entry in read_po(path).messages:
            msgid, msgstr = " ".join(entry.msgid.split()), " ".join(entry.msgstr.split())
            if (entry.translated and not entry.fuzzy and msgstr != msgid and len(msgid) > 40
                    and PLAIN.fullmatch(msgid) and PLAIN.fullmatch(msgstr) and msgid in english):
                pairs.add((msgid, msgstr))
    return sorted(pairs)


def conf_py(docs: Path) -> dict[str, object]:
    """The names the project's own conf.py sets (run as Sphinx runs it)."""
    return runpy.run_path(str(docs / "conf.py"))


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_every_edition_reports_the_share_its_pages_show(real_build: Callable[[str], RealBuild], name: str) -> None:
    build = real_build(name)
    lines = summary_lines(build.html.stderr)
    languages = load_settings(build.root).languages
    assert set(lines) == {(lang, "html") for lang in languages}
    assert lines[("en", "html")] == "ok"
    # The language without a catalog: every passage shown in English, the same number in every edition's line.
    total = int(re.fullmatch(r"ok  0/(\d+) translated \(0 %\)", lines[(NO_CATALOG_LANGUAGE, "html")])[1])
    assert total > 1000
    for lang in sorted(set(languages) - {"en", NO_CATALOG_LANGUAGE}):
        translated = total - shown_in_english(build.site / lang)  # counted in the edition's pages
        assert 0 < translated < total, lang
        assert lines[(lang, "html")] == f"ok  {share(translated, total)}", lang
        assert status_counts(build.site, lang) == (translated, total, total - translated), lang


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_the_catalog_less_edition_marks_every_passage(real_build: Callable[[str], RealBuild], name: str) -> None:
    build = real_build(name)
    lines = summary_lines(build.html.stderr)
    assert lines[(NO_CATALOG_LANGUAGE, "html")] == f"ok  {share(0, shown_in_english(build.site / NO_CATALOG_LANGUAGE))}"


def test_a_passage_ablog_shows_again_is_marked_as_a_copy(real_build: Callable[[str], RealBuild]) -> None:
    """fpm-docs' posts begin on the pages that list them (its home page, ablog's archive, author and category
    pages): there each untranslated excerpt is a copy, in English, not a second passage."""
    build = real_build("fpm-docs")
    edition = build.site / NO_CATALOG_LANGUAGE
    post = lxml.html.parse(str(edition / "news" / "2026" / "02-17-fpm-version-0.13.0.html"))
    first = post.xpath('//p[contains(concat(" ", @class, " "), " triglot-fallback ")]')[0]
    words = " ".join(first.text_content().split())
    assert words.startswith("EN The Fortran Package Manager (FPM) v0.13.0 is a major release")
    for page in ("index.html", "news.html", "news/category/release.html", "news/2026.html"):
        tree = lxml.html.parse(str(edition / page))
        copies = [" ".join(element.text_content().split()) for element in tree.xpath(
            '//p[contains(concat(" ", @class, " "), " triglot-fallback-copy ")][@lang="en"]')]
        assert words in copies, page
        assert not [element for element in tree.xpath('//p[contains(concat(" ", @class, " "), " triglot-fallback ")]')
                    if " ".join(element.text_content().split()) == words], page


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_each_language_s_pages_show_its_catalog_s_translations(real_build: Callable[[str], RealBuild],
                                                               name: str) -> None:
    build = real_build(name)
    english = edition_text(build.site / "en")
    for lang in load_settings(build.root).translations:
        if lang == NO_CATALOG_LANGUAGE:
            continue
        pairs = plain_pairs(build, lang, english)
        assert pairs, lang
        text = edition_text(build.site / lang)
        missing = [(msgid, msgstr) for msgid, msgstr in pairs[:20] if msgstr not in text]
        assert not missing, (lang, missing)


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_the_books_carry_the_project_s_title_author_and_translation(real_build: Callable[[str], RealBuild],
                                                                    name: str) -> None:
    build = real_build(name)
    config = conf_py(build.docs)
    lang = build.book_language
    # The books show what the HTML edition shows, but fpm-docs' PDF shows one passage more: its `news` document
    # (a title), whose HTML page (and EPUB page) ablog's list of all posts replaces, is a chapter of the PDF.
    html = SHARE.fullmatch(summary_lines(build.html.stderr)[(lang, "html")])
    translated, total = int(html["translated"]), int(html["total"])
    expected = {(lang, fmt): f"ok  {share(translated, total + (fmt == 'pdf' and name == 'fpm-docs'))}"
                for fmt in REAL_BOOK_FORMATS[name]}
    assert summary_lines(build.books.stderr) == expected, build.books.stderr
    downloads = build.site / lang / "downloads"
    assert len(list(downloads.glob("*.pdf"))) == ("pdf" in REAL_BOOK_FORMATS[name])
    epubs = sorted(downloads.glob("*.epub"))
    if "latex_documents" in config:  # the project's own book: its file name, title and author, as its PDF has them
        _start, target, title, author, _class = config["latex_documents"][0]
        assert [epub.name for epub in epubs] == [Path(target).with_suffix(".epub").name]
    else:  # named as Sphinx names the project's files, with the language
        title, author = config["project"], config["author"]
        assert [epub.name for epub in epubs] == [f"{make_filename_from_project(title)}-{lang}.epub"]
    with zipfile.ZipFile(epubs[0]) as epub:
        opf = lxml.etree.fromstring(epub.read(next(item for item in epub.namelist() if item.endswith(".opf"))))
        text = "".join("".join(lxml.html.fromstring(epub.read(item)).text_content().split())
                       for item in epub.namelist() if item.endswith(".xhtml"))
    dc = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert (opf.xpath("string(//dc:title)", namespaces=dc), opf.xpath("string(//dc:creator)", namespaces=dc)) == (
        title, author)
    # The EPUB's text is the translation: a msgstr of the language is in it.
    pairs = plain_pairs(build, lang, edition_text(build.site / "en"))
    assert any("".join(msgstr.split()) in text for _msgid, msgstr in pairs), lang


def test_fpm_docs_pdf_lists_its_news_where_plain_sphinx_fails(real_build: Callable[[str], RealBuild]) -> None:
    """ablog's post lists stop a plain sphinx-build -b latex (posts outside the book have no URI); the PDF shows
    their titles (triglot.sphinx.ablog_postlists), its shell prompts' ❯ (triglot.sphinx.latex_languages), and its
    logo page's four SVG logos, converted to PDF (triglot.sphinx.latex_images)."""
    build = real_build("fpm-docs")
    assert build.plain["latex"].returncode == 2 and "process_postlist" in build.plain["latex"].stderr
    config, lang = conf_py(build.docs), build.book_language
    [pdf] = (build.site / lang / "downloads").glob("*.pdf")
    info = dict(line.split(":", 1) for line in subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines())
    assert (info["Title"].strip(), info["Author"].strip()) == (config["project"], config["author"])
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    joined = "".join(re.sub(r"(?<=\w)-\n(?=\w)", "", text).split())  # hyphens of broken words joined
    pairs = plain_pairs(build, lang, edition_text(build.site / "en"))
    assert any("".join(msgstr.split()) in joined for _msgid, msgstr in pairs), lang
    # The post list of the home page, as the HTML edition shows it (titles of posts that are not in the book).
    home = lxml.html.parse(str(build.site / lang / "index.html"))
    titles = [" ".join(link.text_content().split())
              for link in home.xpath('//*[contains(@class, "ablog-post-title")]/a')]
    assert len(titles) == 5
    assert [title for title in titles if "".join(title.split()) not in joined] == []
    assert "❯ openssl sha256" in text
    tex = (build.root / "build" / "cache" / lang / "pdf" / f"{pdf.stem}.tex").read_text(encoding="utf-8")
    assert re.findall(r"\\sphinxincludegraphics\[scale=0\.3\]\{\{([\w-]+)\}\.pdf\}", tex) == [
        "fpm-logo-color", "fpm-logo-mono", "fpm-logo-light", "fpm-logo-outline"]


def test_fpm_docs_needs_a_template_its_theme_no_longer_has(real_build: Callable[[str], RealBuild]) -> None:
    """fpm-docs' html_sidebars names sidebar-logo.html, gone from sphinx-book-theme 1.0: the project's fault."""
    build = real_build("fpm-docs")
    missing = "'sidebar-logo.html' not found"
    assert build.plain["html"].returncode != 0 and missing in build.plain["html"].stderr  # plain Sphinx fails so
    assert build.unfixed.returncode == 1
    assert build.unfixed.stderr.splitlines()[1] == "  en     html  FAILED"
    assert missing in build.unfixed.stderr
    assert f"full log: {build.root / 'build' / 'logs' / 'en-html.log'}" in build.unfixed.stderr
    # With the template supplied (conftest.SIDEBAR_LOGO), the news pages have the sidebar conf.py asks for.
    for lang in load_settings(build.root).languages:
        news = lxml.html.parse(str(build.site / lang / "news.html"))
        sidebar = news.xpath('//*[contains(@class, "bd-sidebar-primary")]')[0]
        assert "_static/fpm-logo-color.svg" in sidebar.xpath('.//a[contains(@class, "navbar-brand")]//img/@src'), lang
        assert sidebar.xpath('.//*[contains(@class, "ablog__archive")]'), lang
        assert news.xpath("string(//title)").endswith(conf_py(build.docs)["html_title"]), lang


def test_the_operations_guide_keeps_its_theme(real_build: Callable[[str], RealBuild]) -> None:
    build = real_build("operations-guide")
    for lang in load_settings(build.root).languages:
        page = lxml.html.parse(str(build.site / lang / "index.html"))
        assert page.xpath('//*[contains(@class, "docs-body")]//h1'), lang  # openstackdocstheme's layout
        assert page.xpath('//*[contains(@class, "docs-sidebar")]'), lang
