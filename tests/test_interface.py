"""The interface catalogs (locale/<lang>/LC_MESSAGES/sphinx.po): their rule for untrusted translations, their template."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_triglot
from triglot.catalog.interface_template import interface_template
from triglot.catalog.parse import read_po
from triglot.interface import interface_refusal

CASES = [
    ("Back to top", "Наверх", None),
    ("Copyright &#169; %(copyright)s", "&#169; %(copyright)s", None),
    ('<a href="%(path)s">Copyright</a> &#169; %(copyright)s', '<a href="%(path)s">著作権</a> &#169; %(copyright)s', None),
    ("Search", "<script>alert(1)</script>", "HTML its source lacks: </script>, <script>"),
    ('<a href="https://www.sphinx-doc.org/">Sphinx</a> and ', '<a href="javascript:alert(1)">Sphinx</a> и ',
     'HTML its source lacks: <a href="javascript:alert(1)">'),
    ("Back to top", "Наверх <img src=x onerror=alert(1)", "a < or > outside the tags of its source"),
    ("Search", 'Поиск" onfocus="alert(1)', 'a " its source lacks (use the language\'s own quotation marks)'),
    ("Copyright &#169; %(copyright)s", "%(secret)s", "placeholders (%(name)s) its source lacks, or a % that is not one"),
    ("Last updated on %(last_updated)s", "Обновлено %(last_updated)", 
     "placeholders (%(name)s) its source lacks, or a % that is not one"),
    ("Not translated yet ({source}).", "Не переведено ({source.__class__}).",
     "placeholders ({name}) its source lacks, or a brace that is not one"),
    ("Back to top", "Наверх {x}", "placeholders ({name}) its source lacks, or a brace that is not one"),
    ("Back to top", "Наверх\x1b[2J", "the translation holds control characters: U+001B"),
]


@pytest.mark.parametrize(("msgid", "msgstr", "reason"), CASES)
def test_interface_refusal(msgid: str, msgstr: str, reason: str | None) -> None:
    assert interface_refusal(msgid, msgstr) == reason


def test_the_template_has_the_theme_s_sphinx_s_and_triglot_s_strings() -> None:
    template = interface_template(ROOT / "docs", None)
    messages = {entry.msgid: entry for entry in template.messages}
    assert messages["Skip to content"].references == ["furo/page.html:13"]
    assert messages["Toggle Light / Dark / Auto color theme"].references == ["furo (unmarked)"]
    assert messages["Link to this heading"].references == ["sphinx"]
    status = (ROOT / "tools" / "triglot" / "site" / "templates" / "status.html").read_text(encoding="utf-8")
    download, title = (next(number for number, line in enumerate(status.splitlines(), 1) if f'_("{text}")' in line)
                       for text in ("Download", "Translation status"))
    assert messages["Download"].references == ["triglot/sphinx/interface_strings.py",
                                                f"triglot/site/templates/status.html:{download}"]
    assert f"triglot/site/templates/status.html:{title}" in messages["Translation status"].references
    assert messages["Copyright &#169; %(copyright)s"].flags == ["python-format"]
    assert ("2014, Olga Dobrinskaya and the Institute of Far Eastern Studies, Russian Academy of Sciences"
            in messages)


@pytest.mark.parametrize("lang", ["ru", "ja"])
def test_the_committed_catalogs_are_complete_and_pass_msgfmt(lang: str) -> None:
    po = ROOT / "locale" / lang / "LC_MESSAGES" / "sphinx.po"
    template = {entry.msgid for entry in read_po(ROOT / "locale" / "sphinx.pot").messages}
    catalog = read_po(po).messages
    assert {entry.msgid for entry in catalog} == template
    assert [entry.msgid for entry in catalog if not entry.translated or entry.fuzzy] == []
    assert [entry.msgid for entry in catalog if interface_refusal(entry.msgid, entry.msgstr)] == []
    completed = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert (completed.returncode, completed.stderr) == (0, "")


def test_a_refused_interface_translation_is_reported_at_its_line_and_not_used(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    po = root / "locale" / "ja" / "LC_MESSAGES" / "sphinx.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgstr "ページの先頭へ"' in text
    po.write_text(text.replace('msgstr "ページの先頭へ"', 'msgstr "<b>ページの先頭へ</b>"'), encoding="utf-8")
    line = po.read_text(encoding="utf-8").splitlines().index('msgstr "<b>ページの先頭へ</b>"') + 1
    completed = run_triglot("build", "--lang", "ja", cwd=root)
    assert completed.returncode == 0, completed.stderr
    log = (root / "build" / "logs" / "ja-html.log").read_text(encoding="utf-8")
    assert (f"{po}:{line}: WARNING: translation refused, the source text is used instead: HTML its source lacks: "
            "</b>, <b> [triglot.unsafe]") in log
    page = (root / "build" / "site" / "ja" / "index.html").read_text(encoding="utf-8")
    assert "<b>ページの先頭へ</b>" not in page and "<span>Back to top</span>" in page
    assert "<span>本文へスキップ</span>" not in page and "本文へスキップ" in page  # the others are used
