"""Each attack in ``attacks/`` is a PO catalog with its expected outcome next to it.

``<name>.po`` holds the hostile entries, ``<name>.expected.json`` the msgids a
build may use (``kept``) and the refused msgstrs with their PO line and
reason (``refused``). The test asserts exactly that outcome.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triglot.sanitize import read_safe_catalog, refusal_reason, render_catalog

ATTACKS = Path(__file__).parent / "attacks"
CASES = sorted(path.stem for path in ATTACKS.glob("*.po"))


def test_every_attack_has_its_expected_outcome() -> None:
    expected = sorted(path.name.removesuffix(".expected.json") for path in ATTACKS.glob("*.expected.json"))
    assert expected == CASES
    assert len(CASES) >= 30


@pytest.mark.parametrize("name", CASES)
def test_attack_outcome(name: str) -> None:
    path = ATTACKS / f"{name}.po"
    expected = json.loads((ATTACKS / f"{name}.expected.json").read_text(encoding="utf-8"))
    safe = read_safe_catalog(path)
    assert sorted(safe.messages) == expected["kept"]
    assert [{"line": r.line, "reason": r.reason} for r in safe.refusals] == expected["refused"]
    assert all(refusal.path == path for refusal in safe.refusals)


@pytest.mark.parametrize("name", [name for name in CASES if name not in {"safe-translations", "unused-entries"}])
def test_no_payload_is_kept(name: str) -> None:
    """Every hostile msgstr is refused: the catalog a build would use holds no payload."""
    safe = read_safe_catalog(ATTACKS / f"{name}.po")
    kept = "\n".join(safe.messages.values())
    for payload in ("@SECRET@", "etc/passwd", "<script", "javascript:", "include::", "raw::", "\x1b"):
        assert payload not in kept


def test_fuzzy_translations_are_checked_when_a_build_allows_them() -> None:
    safe = read_safe_catalog(ATTACKS / "unused-entries.po", allow_fuzzy=True)
    assert sorted(safe.messages) == ["Notes"]
    assert [(r.line, r.reason) for r in safe.refusals] == [
        (13, "it parses as a directive, its source as a paragraph: Sphinx would not use it; "
             "markup its source does not have: .. include::"),
    ]


def test_an_unreadable_catalog_is_one_refusal(tmp_path: Path) -> None:
    missing = tmp_path / "article.po"
    safe = read_safe_catalog(missing)
    assert safe.messages == {}
    assert [(r.location, r.reason) for r in safe.refusals] == [
        (str(missing), "catalog not read: cannot read the catalog: No such file or directory"),
    ]


def test_a_checker_failure_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    import triglot.refusal as refusal

    def broken(rst: str) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(refusal, "markup_of", broken)
    # A message of its own: the decision is cached, and no other test may see this one's result.
    assert refusal_reason("Notes (checker failure)", "Примечания") == (
        "the translation's markup could not be checked (RecursionError: maximum recursion depth exceeded)"
    )


def test_the_sanitized_catalog_reads_back_exactly() -> None:
    messages = {
        'He said "no"\\ [1]_': "Он сказал «нет»\\ [1]_",
        "tab\there": "таб\tздесь",
        "two\nlines": "две\nстроки",
        "#~ not obsolete": "#~ не устаревшее",
    }
    data = render_catalog(messages, "ru")
    text = data.decode("utf-8")
    assert text.startswith('#\nmsgid ""\nmsgstr ""\n"Language: ru\\n"\n')
    from babel.messages.pofile import read_po
    import io

    assert {m.id: m.string for m in read_po(io.StringIO(text), "ru") if m.id} == messages
