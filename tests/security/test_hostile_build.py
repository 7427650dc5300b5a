"""End to end: a hostile catalog in one edition, a broken one in another, and a real build.

The Russian catalog carries the attacks of ``attacks/`` on real paragraphs of
the article, plus files Sphinx would otherwise read from the locale folder (a
``sphinx.po`` for its interface strings, a ``sphinx.js``, an ``article.mo``
that is not what the ``.po`` says). A catalog that is not valid PO falls back
whole. The built site must hold none of the payloads, every edition
must build, and the build must report each refused translation at its PO line.
A control build without the safety module shows the attacks are real.
"""

from __future__ import annotations

import gettext
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from conftest import copy_project, run_triglot
from triglot.catalog.parse import parse_po
from triglot.markup import markup_of
from triglot.sanitize import read_safe_catalog

ATTACKS = Path(__file__).parent / "attacks"
# Attacks applied to plain paragraphs of the article (no markup of their own).
PARAGRAPH_ATTACKS = [
    "include-etc-passwd", "include-secret-second-block", "include-literal", "literalinclude", "raw-html-script",
    "raw-role-definition", "download-role", "link-added-javascript", "standalone-javascript-uri",
    "inline-target", "structure-list", "structure-section", "substitution-definition", "role-extra",
    "meta-refresh", "csv-table-file",
]
TITLE = "Japan's Soft Power in Central Asia"
TITLE_PAYLOAD = "<script>alert('triglot-title')</script> Мягкая сила Японии"
GLOSSARY_LINE = "      Японское выражение сожаления о напрасной трате — вещей, ресурсов или\n"
GLOSSARY_PAYLOAD = ("      <script>alert('triglot-glossary')</script> :download:`x <{secret}>`\n"
                    "      `x <javascript:alert(1)>`_ Японское выражение\n")
MARKER = "TRIGLOT-SECRET-7f3a9c"
MO_MARKER = "TRIGLOT-MO-ONLY-51be"
# Forms in which a payload would be live in a page (escaped text about an attack is fine).
LIVE_PAYLOADS = [MARKER, MO_MARKER, "root:x:0:0", "<script>alert(", 'href="javascript:alert', "triglot-js-payload"]


def _attack_msgstr(name: str, secret: Path, docs: Path) -> str:
    entry = parse_po((ATTACKS / f"{name}.po").read_bytes()).messages[0]
    return entry.msgstr.replace("@SECRET@", os.path.relpath(secret, docs))


def _plain_paragraphs(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if e.msgstr and markup_of(e.msgid).kind == "paragraph" and not markup_of(e.msgid).items
            and len(e.msgid) > 60]


def _mo_from(po_text: str, extra: dict[str, str]) -> bytes:
    catalog = read_po(io.StringIO(po_text), "ru")
    for msgid, msgstr in extra.items():
        catalog.add(msgid, msgstr)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _make_hostile(root: Path, secret: Path, secret_mo: Path) -> dict[str, str]:
    """Write the hostile Russian catalog and friends; returns {attack: msgid}."""
    ru = root / "locale" / "ru" / "LC_MESSAGES"
    po = polib.pofile(str(ru / "article.po"), wrapwidth=0)
    targets = _plain_paragraphs(po)
    assert len(targets) > len(PARAGRAPH_ATTACKS) + 1
    attacked = {}
    for name, entry in zip(PARAGRAPH_ATTACKS, targets):
        entry.msgstr = _attack_msgstr(name, secret, root / "docs")
        attacked[name] = entry.msgid
    po.find(TITLE).msgstr = TITLE_PAYLOAD
    mo_target = targets[len(PARAGRAPH_ATTACKS)]
    po.save(str(ru / "article.po"))
    # A compiled catalog that is not what the .po says, newer than it, so Sphinx would use it as is.
    mo_payload = f".. include:: {os.path.relpath(secret_mo, root / 'docs')}"
    (ru / "article.mo").write_bytes(_mo_from((ru / "article.po").read_text(encoding="utf-8"),
                                             {mo_target.msgid: mo_payload}))
    later = (ru / "article.po").stat().st_mtime + 10
    os.utime(ru / "article.mo", (later, later))
    # A glossary entry is rendered as plain text: its markup and HTML must come out as text.
    glossary = root / "glossary" / "terms.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert GLOSSARY_LINE in text
    glossary.write_text(text.replace(GLOSSARY_LINE, GLOSSARY_PAYLOAD.format(
        secret=os.path.relpath(secret, root / "docs")), 1), encoding="utf-8")
    (ru / "sphinx.js").write_text("alert('triglot-js-payload');\n", encoding="utf-8")
    (ru / "sphinx.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Search"\nmsgstr "<script>alert(\'triglot-ui\')</script>"\n', encoding="utf-8")
    return attacked


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("hostile")
    root = copy_project(base / "project")
    secret, secret_mo = base / "private" / "credentials.txt", base / "private" / "mo-secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{MARKER} password\n", encoding="utf-8")
    secret_mo.write_text(f"{MO_MARKER} password\n", encoding="utf-8")
    attacked = _make_hostile(root, secret, secret_mo)
    mo_before = (root / "locale" / "ru" / "LC_MESSAGES" / "article.mo").read_bytes()
    completed = run_triglot("build", cwd=root)
    return {"root": root, "attacked": attacked, "completed": completed, "mo_before": mo_before}


def _site_files(site: Path) -> list[Path]:
    return [path for path in site.resolve().rglob("*") if path.is_file()]


def test_every_edition_builds(hostile: dict) -> None:
    completed = hostile["completed"]
    assert completed.returncode == 0, completed.stderr
    site = hostile["root"] / "build" / "site"
    # The three editions and the parallel views of the pages beside the root page's (parallel.html).
    assert sorted(path.name for path in site.iterdir() if path.is_dir()) == ["en", "ja", "parallel", "ru"]


def test_the_site_is_free_of_every_payload(hostile: dict) -> None:
    files = _site_files(hostile["root"] / "build" / "site")
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        if path.suffix != ".html":
            # The translated title is plain text, so allowed; outside HTML it is data (searchindex.js,
            # objects.inv, triglot-edition.json) that its readers escape (Sphinx's search: _escapeHTML).
            data = re.sub(rb"<script>alert\([^)]{0,20}triglot-title[^)]{0,20}\)</script>", b"", data)
        for payload in LIVE_PAYLOADS:
            assert payload.encode() not in data, f"{payload!r} in {path}"
    assert not any("_downloads" in path.parts for path in files)


def test_glossary_text_is_printed_as_text(hostile: dict) -> None:
    page = (hostile["root"] / "build" / "site" / "ru" / "glossary.html").read_text(encoding="utf-8")
    assert ("&lt;script&gt;alert(„triglot-glossary“)&lt;/script&gt; :download:`x &lt;../../private/credentials.txt&gt;`"
            in page)
    assert "`x &lt;javascript:alert(1)&gt;`_ Японское выражение" in page


def test_refused_translations_fall_back_to_the_source(hostile: dict) -> None:
    site = hostile["root"] / "build" / "site" / "ru"
    text = " ".join(path.read_text(encoding="utf-8") for path in site.glob("*.html"))
    text = re.sub(r"\s+", " ", text.replace("’", "'"))
    for name, msgid in hostile["attacked"].items():
        assert msgid[:60].replace("’", "'") in text, name


def test_safe_translations_are_used_and_the_title_is_escaped(hostile: dict) -> None:
    page = (hostile["root"] / "build" / "site" / "ru" / "colophon.html").read_text(encoding="utf-8")
    assert "Выходные сведения" in page
    index = (hostile["root"] / "build" / "site" / "ru" / "index.html").read_text(encoding="utf-8")
    # Plain text, so allowed; every page part that shows it must escape it (Furo's brand, <title>, <h1>).
    assert "<title>&lt;script&gt;alert(&#39;triglot-title&#39;)&lt;/script&gt; Мягкая сила Японии</title>" in index
    assert '<div class="brand">&lt;script&gt;alert(\'triglot-title\')&lt;/script&gt; Мягкая сила Японии</div>' in index


def test_each_refusal_is_reported_at_its_po_line(hostile: dict) -> None:
    root = hostile["root"]
    po = root / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    lines = {m.msgid: m.msgstr_line for m in parse_po(po.read_bytes(), po).messages}
    log = (root / "build" / "logs" / "ru-html.log").read_text(encoding="utf-8")
    reported = re.findall(rf"^{re.escape(str(po))}:(\d+): WARNING: translation refused, .* \[triglot\.unsafe\]$",
                          log, flags=re.MULTILINE)
    assert sorted(map(int, reported)) == sorted(lines[msgid] for msgid in hostile["attacked"].values())
    ru = root / "locale" / "ru" / "LC_MESSAGES"
    assert f"WARNING: {ru / 'sphinx.js'}: ignored: a build reads only the documents' catalogs and the " \
           "interface's (article.po, sphinx.po) [triglot.unsafe]" in log
    # The interface catalog is read, with its own rule: no HTML its source lacks.
    assert f"{ru / 'sphinx.po'}:5: WARNING: translation refused, the source text is used instead: HTML its source " \
           "lacks: </script>, <script> [triglot.unsafe]" in log


def test_a_broken_catalog_falls_back_whole_with_its_line(project: Path) -> None:
    ja = project / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    ja.write_bytes((ATTACKS / "malformed-catalog.po").read_bytes())
    completed = run_triglot("build", "--lang", "ja", cwd=project)
    assert completed.returncode == 0, completed.stderr
    log = (project / "build" / "logs" / "ja-html.log").read_text(encoding="utf-8")
    assert log.count("[triglot.unsafe]") == 1
    assert (f"{ja}:24: WARNING: catalog refused, the source text is used throughout: catalog not read: "
            "expected a string in double quotes, found 'Примечания\"' [triglot.unsafe]") in log
    page = (project / "build" / "site" / "ja" / "colophon.html").read_text(encoding="utf-8")
    assert '<h1 class="triglot-fallback" lang="en">Colophon<' in page


def test_the_other_editions_are_intact(hostile: dict) -> None:
    root = hostile["root"]
    ja_po = root / "locale" / "ja" / "LC_MESSAGES" / "article.po"
    ja_log = (root / "build" / "logs" / "ja-html.log").read_text(encoding="utf-8")
    assert ja_log.count("[triglot.unsafe]") == len(read_safe_catalog(ja_po).refusals)
    colophon = polib.pofile(str(ja_po)).find("Colophon").msgstr
    assert colophon and colophon in (root / "build" / "site" / "ja" / "colophon.html").read_text(encoding="utf-8")
    assert "[triglot.unsafe]" not in (root / "build" / "logs" / "en-html.log").read_text(encoding="utf-8")


def test_sphinx_compiled_and_used_the_checked_copy(hostile: dict) -> None:
    root = hostile["root"]
    checked = root / "build" / "cache" / "ru" / "doctrees" / "html" / "triglot-locale" / "ru" / "LC_MESSAGES"
    assert sorted(path.name for path in checked.iterdir()) == ["article.mo", "article.po", "sphinx.mo"]
    with (checked / "sphinx.mo").open("rb") as handle:  # the interface catalog, checked too: its <script> refused
        interface = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    assert {k: v for k, v in interface.items() if k} == {}
    with (checked / "article.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    expected = read_safe_catalog(root / "locale" / "ru" / "LC_MESSAGES" / "article.po").messages
    assert {k: v for k, v in compiled.items() if k} == expected
    # The project's own compiled catalog was neither used nor rewritten by Sphinx.
    assert (root / "locale" / "ru" / "LC_MESSAGES" / "article.mo").read_bytes() == hostile["mo_before"]


def test_a_fixed_catalog_is_used_by_the_next_build(hostile: dict) -> None:
    root = hostile["root"]
    ru = root / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    po = polib.pofile(str(ru), wrapwidth=0)
    msgid = hostile["attacked"]["include-etc-passwd"]
    po.find(msgid).msgstr = "ИСПРАВЛЕННЫЙ ПЕРЕВОД."
    po.save(str(ru))
    completed = run_triglot("build", "--lang", "ru", cwd=root)
    assert completed.returncode == 0, completed.stderr
    text = " ".join(p.read_text(encoding="utf-8") for p in (root / "build" / "site" / "ru").glob("*.html"))
    assert "ИСПРАВЛЕННЫЙ ПЕРЕВОД." in text


def test_control_without_the_safety_module_the_attacks_leak(hostile: dict, tmp_path: Path) -> None:
    """The same catalog built with the safety module and the i18n guard switched off publishes the secrets."""
    root = hostile["root"]
    script = ("import sys, triglot.sphinx.safety as safety, triglot.sphinx.i18n_guard as guard; "
              "safety._apply = lambda app, config: None; guard.install = lambda: None; "
              "from sphinx.cmd.build import main; sys.exit(main(sys.argv[1:]))")
    out = tmp_path / "control"
    subprocess.run([sys.executable, "-c", script, "-q", "-b", "html", "-D", "language=ru", "-d",
                    str(tmp_path / "doctrees"), str(root / "docs"), str(out)], cwd=root / "docs", capture_output=True,
                   check=True)
    leaked = b"".join(path.read_bytes() for path in _site_files(out))
    assert MARKER.encode() in leaked  # include and download of a file of the build machine
    assert b"triglot-js-payload" in leaked  # sphinx.js becomes the site's translations.js


def test_image_and_raw_are_never_translated(project: Path, tmp_path: Path) -> None:
    """With ``gettext_additional_targets = ["image", "raw"]`` a catalog would pick the file an image shows."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + MARKER.encode())
    docs = project / "docs"
    (docs / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nlogo")
    (docs / "conf.py").write_text((docs / "conf.py").read_text(encoding="utf-8")
                                  + '\ngettext_additional_targets = ["image", "raw", "literal-block"]\n', encoding="utf-8")
    colophon = docs / "colophon.rst"
    colophon.write_text(colophon.read_text(encoding="utf-8") + "\n.. image:: logo.png\n", encoding="utf-8")
    po = project / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    po.write_text(po.read_text(encoding="utf-8") + f'\nmsgid ".. image:: logo.png"\nmsgstr ".. image:: {os.path.relpath(secret, docs)}"\n',
                  encoding="utf-8")
    completed = run_triglot("build", "--lang", "ru", cwd=project)
    assert completed.returncode == 0, completed.stderr
    site = (project / "build" / "site" / "ru").resolve()
    assert sorted(path.name for path in (site / "_images").iterdir()) == ["logo.png"]
    assert not any(MARKER.encode() in path.read_bytes() for path in site.rglob("*") if path.is_file())
    log = (project / "build" / "logs" / "ru-html.log").read_text(encoding="utf-8")
    assert (f"WARNING: {docs / 'conf.py'}: gettext_additional_targets image, raw ignored: a translation would "
            "choose which file or raw content the site publishes [triglot.unsafe]") in log
    # Control: without that guard the markup check passes (".. image::" on both sides) and the secret is published
    # (the i18n guard off too: it lets no directive run in a msgstr).
    script = ("import sys, triglot.sphinx.safety as safety, triglot.sphinx.i18n_guard as guard; "
              "safety._drop_unsafe_targets = lambda app, config: None; guard.install = lambda: None; "
              "from sphinx.cmd.build import main; sys.exit(main(sys.argv[1:]))")
    out = tmp_path / "control"
    subprocess.run([sys.executable, "-c", script, "-q", "-b", "html", "-D", "language=ru", "-d", str(tmp_path / "d"),
                    str(docs), str(out)], cwd=project, capture_output=True, check=True)
    assert (out / "_images" / "secret.png").read_bytes() == secret.read_bytes()
