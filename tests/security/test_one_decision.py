"""One decision, two users: ``triglot check`` reports as errors exactly the translations a build refuses.

Every fixture (the attack catalogs, the check fixtures, the project's own
catalogs) goes through both: the build's reader (triglot.sanitize, as
triglot.sphinx.safety calls it) and the checks. For every message a build
uses, the check has an error of one of the decision's checks exactly when
the build refuses it, at the same PO line, for the same reasons; except the
messages of MyST Markdown sources, whose markup the checks do not read: the
build's refusals of those are counted in their catalog's ``markup-myst`` note.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from triglot.catalog.parse import read_po
from triglot.checks import REGISTRY, read_catalog, run_checks
from triglot.errors import TriglotError
from triglot.refusal import refusal_reason, text_refusal, translation_problems
from triglot.sanitize import read_safe_catalog

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = sorted([*(ROOT / "tests" / "security" / "attacks").glob("*.po"),
                   *(ROOT / "tests" / "fixtures" / "checks").glob("*.po"),
                   *(ROOT / "locale").glob("*/LC_MESSAGES/*.po")])
DECISION_CHECKS = sorted({"markup-node", "markup-unsafe", "markup-docutils", "markup-extra", "markup-missing",
                          "markup-control", "markup-length"})


def test_the_decision_checks_are_registered_and_cannot_be_silenced() -> None:
    assert all(REGISTRY[name].severity == "error" and not REGISTRY[name].silenceable for name in DECISION_CHECKS)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_check_and_build_refuse_the_same_translations(path: Path) -> None:
    try:
        catalog = read_catalog(path)
    except TriglotError as error:  # not a valid catalog: the check stops, the build refuses it whole
        refusals = read_safe_catalog(path).refusals
        assert [(r.line, r.msgid) for r in refusals] == [(error.line, "")]
        return
    used = {entry.msgstr_line for entry in read_po(path).messages
            if entry.msgid and entry.msgstr and entry.msgctxt is None and entry.msgid_plural is None and not entry.fuzzy}
    findings = run_checks([catalog], [REGISTRY[name] for name in [*DECISION_CHECKS, "markup-myst"]])
    checked = {(f.line, f.message) for f in findings if f.line in used and f.check != "markup-myst"}
    myst = {m.line for m in catalog.messages if m.myst}
    msgstrs = msgstrs_of(path)
    all_refused = read_safe_catalog(path).refusals
    refused = [r for r in all_refused if r.line not in myst or text_refusal(r.msgid, msgstrs[r.line])]
    assert {r.line for r in refused} == {line for line, _ in checked}
    notes = [f.message for f in findings if f.check == "markup-myst"]
    skipped = len(all_refused) - len(refused)
    assert len(notes) == (1 if myst else 0)
    assert not myst or notes[0].endswith(f"refuses {skipped} of their translations")
    for refusal in refused:  # the same reasons: the build's joined, the check's one finding each
        problems = translation_problems(refusal.msgid, msgstrs[refusal.line])
        assert refusal.reason == "; ".join(problem.text for problem in problems)
        assert {message for line, message in checked if line == refusal.line} == {p.text for p in problems}


def msgstrs_of(path: Path) -> dict[int | None, str]:
    """The msgstr of each entry of the PO file *path*, by the line of its msgstr."""
    return {entry.msgstr_line: entry.msgstr for entry in read_po(path).messages}


def test_a_javascript_or_data_link_is_an_error_in_both() -> None:
    msgid = "See the `Institute's site <https://www.ifes-ras.ru/>`_."
    for uri in ("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="):
        msgstr = f"См. `сайт Института <{uri}>`_."
        assert refusal_reason(msgid, msgstr) == (
            f"references its source does not have: <{uri}>; references of its source missing: <https://www.ifes-ras.ru/>")
        assert [p.check for p in translation_problems(msgid, msgstr)] == ["markup-extra", "markup-missing"]
