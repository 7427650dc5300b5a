"""The translator mode's edit link: ``[tool.triglot] edit_url`` checked with its line, filled per message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from triglot.edit_url import edit_link, template_problem

from conftest import run_triglot

VALUES = {"catalog": "locale/ru/LC_MESSAGES/article.po", "path": "/home/t/pro ject/locale/ru/LC_MESSAGES/article.po",
          "line": 42, "lang": "ru", "msgid": 'Japan\'s "soft" power & <b>'}


@pytest.mark.parametrize(("template", "expected"), [
    ("https://forge.example/p/-/edit/main/{catalog}#L{line}",
     "https://forge.example/p/-/edit/main/locale/ru/LC_MESSAGES/article.po#L42"),
    ("vscode://file{path}:{line}", "vscode://file/home/t/pro%20ject/locale/ru/LC_MESSAGES/article.po:42"),
    ("https://hosted.weblate.org/translate/p/docs/{lang}/?q=source:%22{msgid}%22",
     "https://hosted.weblate.org/translate/p/docs/ru/?q=source:%22Japan%27s%20%22soft%22%20power%20%26%20%3Cb%3E%22"),
    ("https://tm.example/{lang}/{msgid_hash}",
     "https://tm.example/ru/" + hashlib.sha256(VALUES["msgid"].encode("utf-8")).hexdigest()),
])
def test_an_edit_link_fills_the_template_with_encoded_values(template: str, expected: str) -> None:
    assert template_problem(template) is None
    assert edit_link(template, **VALUES) == expected


@pytest.mark.parametrize(("value", "message"), [
    ('"forge.example/{catalog}"', "must start with a URL scheme such as https:// or vscode://"),
    ('"javascript:alert({line})"', "may not use the javascript: scheme (it would run in the reader's page)"),
    ('"https://x/{file}#{line}"',
     "has unknown placeholder(s) {file}; known: {catalog}, {path}, {line}, {lang}, {msgid}, {msgid_hash}"),
    ('"https://x/{line:d}"', "placeholders take no format spec or conversion: write {line}, not {line:d} or {line!r}"),
    ('"https://x/{line"', "is not a valid template (expected '}' before end of string); write a literal brace as "
                          "{{ or }}"),
    ("3", "must be a string"),
])
def test_a_bad_edit_url_names_its_line(project: Path, value: str, message: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'catalog = "article"\n', f'catalog = "article"\nedit_url = {value}\n'), encoding="utf-8")
    line = pyproject.read_text(encoding="utf-8").splitlines().index(f"edit_url = {value}") + 1
    completed = run_triglot("stats", cwd=project)
    assert (completed.returncode, completed.stderr) == (
        2, f"triglot: error: {pyproject}:{line}: [tool.triglot] edit_url {message}\n")
