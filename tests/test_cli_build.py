"""The command line's shape and the build command's handling of bad arguments."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from conftest import ROOT, run_triglot
from html_text import read_page
from triglot.cli import make_parser

COMMANDS = ["build", "assemble", "update", "check", "stats", "glossary", "export-tmx", "export-xliff", "import-xliff",
            "export-rst", "add-language", "serve", "packages"]


def test_help_lists_every_command(project: Path) -> None:
    completed = run_triglot("--help", cwd=project)
    assert completed.returncode == 0
    listed = re.findall(r"^    ([a-z-]+)", completed.stdout, flags=re.MULTILINE)
    assert listed == COMMANDS


def test_unknown_language_is_a_one_line_error(project: Path) -> None:
    completed = run_triglot("build", "--lang", "xx", cwd=project)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == (
        "triglot: error: unknown language 'xx': this project has en, ru, ja "
        "(add one with 'triglot add-language xx')\n"
    )
    assert not (project / "build").exists()


def test_unknown_format_exits_2(project: Path) -> None:
    completed = run_triglot("build", "--format", "docx", cwd=project)
    assert completed.returncode == 2
    assert "invalid choice: 'docx'" in completed.stderr


def test_outside_a_project_exits_2(tmp_path: Path) -> None:
    completed = run_triglot("build", cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stderr.startswith("triglot: error: ")
    assert "no pyproject.toml with a [tool.triglot] table" in completed.stderr


def test_bad_settings_name_the_file(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('"ru", "ja"]', '"ru", "../x"]'), encoding="utf-8")
    line = pyproject.read_text(encoding="utf-8").splitlines().index('languages = ["en", "ru", "../x"]') + 1
    completed = run_triglot("build", cwd=project)
    assert completed.returncode == 2
    assert completed.stderr == (
        f"triglot: error: {pyproject}:{line}: [tool.triglot] invalid language code '../x': "
        "expected a code such as 'ru', 'ja' or 'pt_BR'\n"
    )


def test_a_language_without_catalogs_falls_back_to_the_source(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace('"ru", "ja"]', '"ru", "ja", "kk"]'), encoding="utf-8")
    completed = run_triglot("build", "--lang", "kk", "--lang", "en", cwd=project)
    assert completed.returncode == 0, completed.stderr
    site = project / "build" / "site"
    kazakh, english = read_page(site / "kk" / "index.html"), read_page(site / "en" / "index.html")
    assert kazakh.html_lang == "kk"
    # Sphinx's smart quotes know no Kazakh rules: compare with straight quotes.
    straight = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    # Every paragraph falls back to English, marked as such ("EN" mark, lang="en").
    notice, *body = kazakh.paragraphs
    assert notice.startswith("Some passages of this page are not translated yet")
    assert kazakh.foreign == body
    # The date is the one thing a fallback paragraph shows in the edition's language.
    assert body[1] == "EN Institute of Far Eastern Studies, Russian Academy of Sciences, 2014 ж. 21 қаңтар"
    body[1] = body[1].replace("2014 ж. 21 қаңтар", "21 January 2014")
    assert [p.translate(straight) for p in body] == [
        p if p == "Notes" else "EN " + p.translate(straight) for p in english.paragraphs  # a rubric has no mark
    ]
    assert 'href="kk/index.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_build_says_how_many_translations_it_refused(project: Path) -> None:
    catalog = project / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace(
        'msgstr "Ольга Добринская"', 'msgstr ":download:`Ольга Добринская </etc/hostname>`"'), encoding="utf-8")
    completed = run_triglot("build", "--lang", "ru", cwd=project)
    assert completed.returncode == 0, completed.stderr
    log = project / "build" / "logs" / "ru-html.log"
    assert completed.stderr.splitlines()[1:3] == [
        "  ru     html  ok  91/92 translated (98.9 %)",  # the refused translation is shown in English
        f"    1 translation refused as unsafe (shown in English): see {log}",
    ]
    assert read_page(project / "build" / "site" / "ru" / "index.html").paragraphs[1].endswith("Olga Dobrinskaya")


def options(parser: argparse.ArgumentParser) -> list[tuple[str, ...]]:
    """The option strings of each of *parser*'s options but --help, its subcommands' included."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [option for sub in action.choices.values() for option in options(sub)]
        elif action.option_strings and not isinstance(action, argparse._HelpAction):
            found.append(tuple(action.option_strings))
    return found


def test_the_readme_s_command_reference_has_every_command_and_option() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## The command line\n\n```\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    lines: dict[str, str] = {}  # each command's synopsis, its continued lines (indented) joined
    for line in block[1].splitlines():
        if line.startswith("triglot "):
            name = line.split()[1]
        lines[name] = f"{lines.get(name, '')} {line.strip()}"
    assert list(lines) == COMMANDS
    commands = next(action for action in make_parser()._actions if isinstance(action, argparse._SubParsersAction))
    unlisted = {name: [strings for strings in options(commands.choices[name])
                       if not any(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", lines[name])
                                  for option in strings)] for name in COMMANDS}
    assert {name: missing for name, missing in unlisted.items() if missing} == {}
