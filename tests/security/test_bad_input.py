"""Bad input of every kind, across the commands: exit 2, the file and line, a message, no traceback, nothing written.

Each row: the command, the project file spoiled and how, and the one line the
command must print (``{root}`` stands for the project's folder). A row whose
command does not yet behave is marked ``xfail(strict=True)`` with what it
does instead; it was reported to the lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, run_triglot

# The line after "[tool.triglot]" in the project's pyproject.toml, where the cases below break the TOML.
TOML_LINE = (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines().index("[tool.triglot]") + 3


def _line(start: str) -> int:
    """The line of the project's pyproject.toml that starts with *start* (error messages name it)."""
    lines = (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))

PO = "locale/ru/LC_MESSAGES/article.po"
GLOSSARY = "glossary/terms.yaml"
NOT_UTF8_PO = "not UTF-8 text (invalid byte); catalogs must be UTF-8: convert with 'msgconv --to-code=UTF-8'"
BOM_PO = "the file starts with a byte-order mark; save it as UTF-8 without BOM"
NO_HEADER = 'no header entry (msgid "") with the catalog\'s Content-Type'


def _replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        assert old in data
        return data.replace(old, new, 1)
    return change


MALFORMED = _replace('msgstr "Выходные'.encode(), "msgstr Выходные".encode())
LATIN1 = _replace("Выходные".encode(), "Sortie\xe9".encode("latin-1"))
BOM: Callable[[bytes], bytes] = lambda data: b"\xef\xbb\xbf" + data
BINARY: Callable[[bytes], bytes] = lambda data: bytes(range(256)) * 8
EMPTY: Callable[[bytes], bytes] = lambda data: b""
CRLF: Callable[[bytes], bytes] = lambda data: data.replace(b"\n", b"\r\n")


@dataclass(frozen=True)
class Case:
    """One bad input for one command, and the error line expected (a regex when ``pattern``)."""

    id: str
    args: tuple[str, ...]
    file: str | None
    spoil: Callable[[bytes], bytes] | None
    error: str | None  # None: the input is acceptable, exit 0
    pattern: bool = False
    xfail: str | None = None


# The commands that read the catalogs (build reads them too, and falls back: see test_hostile_build.py).
COMMANDS = ("update", "check", "stats")
CASES = [
    # PO catalogs
    *[Case(f"po-malformed-{cmd}", (cmd,), PO, MALFORMED,
           f"{{root}}/{PO}:24: expected a string in double quotes, found 'Выходные сведения\"'") for cmd in COMMANDS],
    *[Case(f"po-latin1-{cmd}", (cmd,), PO, LATIN1, f"{{root}}/{PO}:24: {NOT_UTF8_PO}") for cmd in COMMANDS],
    *[Case(f"po-binary-{cmd}", (cmd,), PO, BINARY, f"{{root}}/{PO}:2: {NOT_UTF8_PO}") for cmd in COMMANDS],
    *[Case(f"po-bom-{cmd}", (cmd,), PO, BOM, f"{{root}}/{PO}:1: {BOM_PO}") for cmd in COMMANDS],
    *[Case(f"po-empty-{cmd}", (cmd,), PO, EMPTY, f"{{root}}/{PO}:1: {NO_HEADER}") for cmd in COMMANDS],
    *[Case(f"po-crlf-{cmd}", (cmd,), PO, CRLF, None) for cmd in ("check", "stats")],  # GNU gettext reads CRLF too
    # Settings
    Case("toml-invalid", ("stats",), "pyproject.toml", _replace(b"[tool.triglot]\n", b"[tool.triglot]\nlanguages = [\n"),
         f"{{root}}/pyproject.toml:{TOML_LINE}: invalid TOML: Invalid value (at line {TOML_LINE}, column 1)"),
    Case("toml-bom", ("check",), "pyproject.toml", BOM,
         "{root}/pyproject.toml:1: invalid TOML: Invalid statement (at line 1, column 1)"),
    Case("toml-binary", ("update",), "pyproject.toml", lambda data: data + bytes(range(256)),
         "{root}/pyproject.toml: not UTF-8 text (invalid start byte)"),
    Case("toml-language-path", ("build",), "pyproject.toml", _replace(b'"ru", "ja"]', b'"ru", "ja/../../x"]'),
         f"{{root}}/pyproject.toml:{_line('languages =')}: [tool.triglot] invalid language code 'ja/../../x': "
         "expected a code such as "
         "'ru', 'ja' or 'pt_BR'"),
    Case("toml-languages-type", ("glossary", "check"), "pyproject.toml",
         _replace(b'languages = ["en", "ru", "ja"]', b'languages = "en"'),
         f"{{root}}/pyproject.toml:{_line('languages =')}: [tool.triglot] languages must be a non-empty list of "
         "language codes"),
    Case("toml-docs-without-conf", ("build",), "pyproject.toml", _replace(b'docs = "docs"', b'docs = "glossary"'),
         f"{{root}}/pyproject.toml:{_line('docs =')}: [tool.triglot] docs: {{root}}/glossary has no conf.py; set docs "
         "to the folder of the Sphinx project (the one that holds conf.py)"),
    Case("toml-babel-locale", ("build", "--lang", "en"), "pyproject.toml", _replace(b'en = "en_GB"', b'en = "en_XYZ"'),
         f"{{root}}/pyproject.toml:{_line('en =')}: [tool.triglot.babel_locales] en = 'en_XYZ': Babel knows no such "
         "locale "
         "(expected a locale such as 'en_GB' or 'pt_BR')"),
    # Command-line arguments
    *[Case(f"arg-language-path-{cmd}", (cmd, "--lang", lang), None, None,
           f"unknown language '{lang}': this project has en, ru, ja (add one with 'triglot add-language {lang}')")
      for cmd, lang in (("update", "../../etc"), ("check", "../ru"), ("stats", "ru/../ja"), ("build", "ru/x"))],
    Case("arg-jobs-negative", ("build", "--lang", "en", "--jobs", "-3"), None, None,
         r"triglot build: error: argument -j/--jobs: expected a whole number of at least 1, not '-3'",
         pattern=True),
    Case("arg-check-jobs-zero", ("check", "--jobs", "0"), None, None,
         r"triglot check: error: argument -j/--jobs: expected a whole number of at least 1, not '0'",
         pattern=True),
    Case("arg-missing-path", ("check", "nonexistent.po"), None, None, "nonexistent.po: no such file or folder"),
    Case("arg-serve-port", ("serve", "--port", "99999"), None, None,
         r"triglot serve: error: argument --port: expected a port number from 1 to 65535, not '99999'", pattern=True),
    Case("arg-serve-bind", ("serve", "--bind", "no.such.host.invalid"), None, None,
         "--bind 'no.such.host.invalid': not an address or host name to listen on (try 127.0.0.1)"),
    # Glossary data
    Case("glossary-yaml", ("glossary", "check"), GLOSSARY, lambda data: data + b"\n  - [unclosed\n",
         f"{GLOSSARY}:516: invalid YAML: expected <block end>, but found '-'"),
    Case("glossary-latin1", ("glossary", "check"), GLOSSARY, _replace(b"mottainai", b"mottaina\xe9"),
         f"{GLOSSARY}:215: not UTF-8 text: save the file as UTF-8"),
    Case("glossary-binary", ("glossary", "check"), GLOSSARY, lambda data: bytes(range(256)),
         f"{GLOSSARY}:2: not UTF-8 text: save the file as UTF-8"),
    Case("glossary-python-tag", ("glossary", "check"), GLOSSARY,
         lambda data: b'x: !!python/object/apply:os.system ["touch pwned"]\n',
         f"{GLOSSARY}:1: a glossary file must be a list of entries, each starting with '- id: …'"),
    Case("glossary-yaml-build", ("build", "--lang", "en"), GLOSSARY, lambda data: data + b"\n  - [unclosed\n",
         "{root}/" f"{GLOSSARY}:516: invalid YAML: expected <block end>, but found '-'"),
    # RST source
    Case("rst-latin1-update", ("update",), "docs/colophon.rst", _replace(b"Olga", b"Ol\xe9a"),
         "{root}/docs/colophon.rst:7: not UTF-8 text: save the file as UTF-8"),
    Case("rst-latin1-build", ("build", "--lang", "en"), "docs/colophon.rst", _replace(b"Olga", b"Ol\xe9a"),
         "{root}/docs/colophon.rst:7: not UTF-8 text: save the file as UTF-8"),
    Case("rst-nul-build", ("build", "--lang", "en"), "docs/colophon.rst", _replace(b"Olga", b"Ol\0a"),
         "{root}/docs/colophon.rst:7: a NUL byte: this is not a text file"),
]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*"))
            if path.is_file() and "build" not in path.relative_to(root).parts}


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id, marks=[pytest.mark.xfail(strict=True, reason=case.xfail)]
                                               if case.xfail else []) for case in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    if case.file:
        target = root / case.file
        target.write_bytes(case.spoil(target.read_bytes()))
    before = _tree(root)
    completed = run_triglot(*case.args, cwd=root)
    assert "Traceback" not in completed.stderr + completed.stdout
    if case.error is None:
        assert completed.returncode == 0, completed.stderr
        return
    assert completed.returncode == 2, completed.stderr
    last = completed.stderr.rstrip("\n").splitlines()[-1]
    if case.pattern:
        assert re.fullmatch(case.error.format(root=re.escape(str(root))), last), last
    else:
        assert last == "triglot: error: " + case.error.format(root=root)
    assert _tree(root) == before
    if case.args[0] != "build":
        assert not (root / "build").exists()
