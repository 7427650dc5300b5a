"""Messages from MyST Markdown sources: markup checks skipped and said so once per catalog; the build's guard unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_triglot

from triglot.checks import REGISTRY, read_catalog, run_checks
from triglot.sanitize import read_safe_catalog

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "checks" / "markup-myst.po"
MARKUP = [check for check in REGISTRY.values() if check.family == "markup"]


def _line(msgid_start: str) -> int:
    """The msgstr line of the fixture's message whose msgid starts with *msgid_start*."""
    return next(m.line for m in read_catalog(FIXTURE).messages if m.msgid.startswith(msgid_start))


def test_which_messages_are_myst() -> None:
    """Markdown references make a MyST message; one also used in an .rst file is not; none: the catalog decides."""
    myst = {m.msgid.split()[0]: m.myst for m in read_catalog(FIXTURE).messages}
    assert myst == {"See": True, "{octicon}`mortar-board`": True, "Separate": True, "Run": True, "Use": True,
                    "Registry": False, "Submit": False, "Text.": True}


def test_markup_checks_skip_myst_messages_and_say_so_once() -> None:
    got = [(f.line, f.severity, f.check, f.message) for f in run_checks([read_catalog(FIXTURE)], MARKUP)]
    submit, text = _line("Submit"), _line("Text.")
    assert got == [
        (_line("See"), "info", "markup-myst",
         "6 of 8 messages come from MyST Markdown sources: the markup checks read reStructuredText and are "
         "skipped for them (control characters and length are still checked); the build's guard reads "
         "reStructuredText too and refuses 2 of their translations"),
        (submit, "error", "markup-extra", "references its source does not have: "
                                          "`https://github.com/fortran-lang/fpm-registry`"),
        (submit, "error", "markup-missing", "references of its source missing: "
                                            "<https://github.com/fortran-lang/fpm-registry>"),
        (submit, "error", "markup-unsafe", "markup its source does not have: `interpreted text`"),
        (text, "error", "markup-control", "the translation holds control characters: U+001B"),
    ]


def test_the_build_still_refuses_what_its_guard_refuses() -> None:
    """The note's count: the guard refuses the two MyST translations it reads as broken reStructuredText."""
    refused = {refusal.line for refusal in read_safe_catalog(FIXTURE).refusals}
    assert refused == {_line("Separate"), _line("Run"), _line("Submit"), _line("Text.")}


def test_fpm_docs_catalogs_get_one_note_each(real_projects: dict[str, Path]) -> None:
    root = real_projects["fpm-docs"]
    completed = run_triglot("check", "--format", "json", "--fail-on", "never", cwd=root)
    assert completed.returncode == 0, completed.stderr
    findings = json.loads(completed.stdout)["findings"]
    notes = {Path(f["file"]).relative_to(root).as_posix(): (f["line"], f["message"])
             for f in findings if f["check"] == "markup-myst"}
    langs = ("cs", "de", "es", "fr", "ja", "nl", "pt", "ru", "zh_CN")
    assert sorted(notes) == sorted([f"locale/{lang}/LC_MESSAGES/index.po" for lang in langs]
                                   + [f"locale/{lang}/LC_MESSAGES/news.po" for lang in ("fr", "ja", "nl")])
    assert sum(f["check"] == "markup-myst" for f in findings) == len(notes)
    french = read_catalog(root / "locale" / "fr" / "LC_MESSAGES" / "index.po")
    assert notes["locale/fr/LC_MESSAGES/index.po"] == (
        next(m.line for m in french.messages if m.myst),
        f"536 of {len(french.messages)} messages come from MyST Markdown sources: the markup checks read "
        "reStructuredText and are skipped for them (control characters and length are still checked); the "
        "build's guard reads reStructuredText too and refuses 13 of their translations")
    myst_lines = {(str(m.path), m.line) for lang in langs for name in ("index", "news")
                  if (root / "locale" / lang / "LC_MESSAGES" / f"{name}.po").exists()
                  for m in read_catalog(root / "locale" / lang / "LC_MESSAGES" / f"{name}.po").messages if m.myst}
    rst_markup = [f for f in findings if f["check"].startswith("markup-") and f["check"] != "markup-myst"]
    assert [f for f in rst_markup if (f["file"], f["line"]) in myst_lines] == []
    assert [(Path(f["file"]).relative_to(root).as_posix(), f["check"]) for f in rst_markup] == [
        ("locale/zh_CN/LC_MESSAGES/index.po", check) for check in ("markup-extra", "markup-missing", "markup-unsafe")]
