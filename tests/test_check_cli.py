"""``triglot check`` from the command line: output formats, exit codes, silencing, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_triglot

from triglot.checks import REGISTRY

HEADER = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
BROKEN = HEADER + (
    '#: docs/index.rst:1\nmsgid "See [1]_."\nmsgstr "См."\n\n'
    '#: docs/index.rst:2\nmsgid "Japan - a country"\nmsgstr "Япония - страна"\n'
)


def _po(tmp_path: Path, text: str, name: str = "ru.po") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_groups_by_file_with_po_lines(tmp_path: Path) -> None:
    path = _po(tmp_path, BROKEN)
    result = run_triglot("check", str(path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (
        f"{path}\n"
        "      8  error    markup-missing        references of its source missing: [1]_\n"
        "     12  warning  typo-ru-dash          a hyphen between spaces used as a dash: write \\u00a0— "
        "(no-break space, em dash)\n"
        "1 error, 1 warning, 0 notes in 1 file checked\n"
    )


def test_json_and_fail_on(tmp_path: Path) -> None:
    path = _po(tmp_path, BROKEN)
    result = run_triglot("check", "--format", "json", "--disable", "markup", str(path), cwd=tmp_path)
    assert result.returncode == 0  # a warning is below the default --fail-on error
    assert json.loads(result.stdout) == {"files": 1, "findings": [{
        "file": str(path), "line": 12, "check": "typo-ru-dash", "severity": "warning",
        "message": "a hyphen between spaces used as a dash: write \\u00a0— (no-break space, em dash)",
    }]}
    assert run_triglot("check", "--fail-on", "warning", "--disable", "markup", str(path), cwd=tmp_path).returncode == 1


def test_github_annotations(tmp_path: Path) -> None:
    path = _po(tmp_path, BROKEN)
    result = run_triglot("check", "--format", "github", "--disable", "typography", str(path), cwd=tmp_path)
    assert result.stdout == (
        f"::error file={path},line=8,title=markup-missing::references of its source missing: [1]_\n"
    )


def test_silencing_by_comment_and_flag(tmp_path: Path) -> None:
    text = HEADER + (
        '#: docs/index.rst:1\nmsgid "See the list."\nmsgstr "См. список."\n\n'
        '#: docs/index.rst:2\n#, triglot-ignore-typography\nmsgid "Japan - a country"\nmsgstr "Япония - страна"\n\n'
        '# triglot: ignore typo-ru-dash\n#: docs/index.rst:3\nmsgid "China - a country"\nmsgstr "Китай - страна"\n'
    )
    result = run_triglot("check", str(_po(tmp_path, text)), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "0 errors, 0 warnings, 0 notes in 1 file checked\n")


def test_a_translator_cannot_silence_what_the_build_refuses(tmp_path: Path) -> None:
    """The PO file is untrusted: its comments and flags do not hide a translation the build will refuse."""
    path = _po(tmp_path, HEADER + (
        '# triglot: ignore\n#: docs/index.rst:1\nmsgid "See [1]_."\nmsgstr "См."\n\n'
        '#: docs/index.rst:2\n#, triglot-ignore-markup\nmsgid "Text."\nmsgstr "Текст.\\n\\n.. role :: x(raw)"\n'
    ))
    result = run_triglot("check", str(path), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, (
        f"{path}\n"
        "      9  error    markup-missing        references of its source missing: [1]_\n"
        "     14  error    markup-node           it parses as 2 blocks, its source as 1\n"
        "     14  error    markup-unsafe         markup its source does not have: .. role::\n"
        "3 errors, 0 warnings, 0 notes in 1 file checked\n"
    ))
    # The command line, which the project's maintainers write, may still turn a check off.
    disabled = run_triglot("check", "--disable", "markup", str(path), cwd=tmp_path)
    assert (disabled.returncode, disabled.stdout) == (0, "0 errors, 0 warnings, 0 notes in 1 file checked\n")


def test_unparsable_po_is_reported_at_its_line(tmp_path: Path) -> None:
    path = _po(tmp_path, HEADER + '#: docs/index.rst:1\nmsgid "Text"\nmsgstr Текст"\n')
    result = run_triglot("check", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"triglot: error: {path}:8: expected a string in double quotes, found 'Текст\"'\n"


def test_unknown_check_is_bad_usage(tmp_path: Path) -> None:
    result = run_triglot("check", "--enable", "nonsense", str(_po(tmp_path, BROKEN)), cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown check or family 'nonsense'" in result.stderr


def test_list_prints_every_check_with_its_examples(tmp_path: Path) -> None:
    result = run_triglot("check", "--list", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.count("\n    Bad:") == len(REGISTRY) and result.stdout.count("\n    Good:") == len(REGISTRY)
    assert "markup-node  [markup, error, on]\n    The translation parses as another kind of block (a list…) or as more blocks" in result.stdout


def test_our_catalogs_have_no_error(project: Path) -> None:
    result = run_triglot("check", "--format", "json", cwd=project)
    findings = json.loads(result.stdout)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []
    assert result.returncode == 0
