"""Merging a new template into old catalogs: what comes back exact, fuzzy, obsolete; nothing lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from triglot.catalog import Catalog, Entry, format_po, parse_po
from triglot.catalog.merge import merge, merge_language

HEADER = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
FIRST = "Japan's soft power in Central Asia rests on culture, language and education."
SECOND = "The Japan Foundation opened language centres in Tashkent, Almaty and Bishkek."
THIRD = "Young people learn Japanese through anime, manga and the Japanese cuisine."


def template(*msgids: str) -> Catalog:
    return Catalog([HEADER, *(Entry(msgid=msgid, references=[f"index.rst:{n}"]) for n, msgid in enumerate(msgids))])


def translated(*pairs: tuple[str, str], obsolete: tuple[tuple[str, str, bool], ...] = ()) -> Catalog:
    entries = [HEADER, *(Entry(msgid=msgid, msgstr=msgstr) for msgid, msgstr in pairs)]
    entries += [Entry(msgid=m, msgstr=s, obsolete=True, flags=["fuzzy"] if f else []) for m, s, f in obsolete]
    return Catalog(entries)


def by_msgid(catalog: Catalog) -> dict[str, Entry]:
    return {entry.msgid: entry for entry in catalog.entries if not entry.is_header}


def test_exact_matches_keep_translation_comments_and_flags() -> None:
    old = translated((FIRST, "Мягкая сила"))
    old.entries[1].comments = ["checked by the second reader"]
    old.entries[1].flags = ["fuzzy"]
    old.entries[1].previous_msgid = "An older text"
    entry = by_msgid(merge(template(FIRST), old))[FIRST]
    assert (entry.msgstr, entry.comments, entry.fuzzy, entry.previous_msgid) == (
        "Мягкая сила", ["checked by the second reader"], True, "An older text")
    assert entry.references == ["index.rst:0"]


def test_a_reworded_paragraph_comes_back_fuzzy_with_its_previous_msgid() -> None:
    reworded = FIRST.replace("education", "scholarships")
    old = translated((FIRST, "Мягкая сила"), (SECOND, "Фонд"))
    old.entries[1].comments = ["a translator's note"]
    entry = by_msgid(merge(template(reworded, SECOND), old))[reworded]
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid, entry.comments) == (
        "Мягкая сила", True, FIRST, ["a translator's note"])


def test_a_one_word_message_changed_between_unchanged_neighbours_is_found() -> None:
    old = translated((FIRST, "Один"), ("Example", "Пример"), (SECOND, "Два"))
    merged = by_msgid(merge(template(FIRST, "Note", SECOND), old))
    assert (merged["Note"].msgstr, merged["Note"].previous_msgid) == ("Пример", "Example")


def test_messages_in_one_gap_are_not_crossed() -> None:
    old = translated((FIRST, "1"), ("Constant", "Константа"), ("Comparison", "Сравнение"), (SECOND, "2"))
    merged = by_msgid(merge(template(FIRST, "efforts", "ripped", SECOND), old))
    assert (merged["efforts"].msgstr, merged["ripped"].msgstr) == ("Константа", "Сравнение")


def test_a_removed_message_is_kept_obsolete_and_revived_when_it_returns() -> None:
    after_removal = merge(template(FIRST), translated((FIRST, "1"), (THIRD, "3")))
    assert [(e.msgid, e.obsolete) for e in after_removal.entries[1:]] == [(FIRST, False), (THIRD, True)]
    back = by_msgid(merge(template(FIRST, THIRD), after_removal))[THIRD]
    assert (back.msgstr, back.obsolete, back.fuzzy) == ("3", False, False)


def test_an_obsolete_fuzzy_message_returns_fuzzy() -> None:
    old = translated((FIRST, "1"), obsolete=((THIRD, "3", True),))
    back = by_msgid(merge(template(FIRST, THIRD), old))[THIRD]
    assert (back.msgstr, back.obsolete, back.fuzzy) == ("3", False, True)


def test_a_paragraph_moved_to_another_document_keeps_its_translation() -> None:
    intro, body = merge_language([
        (template(FIRST), translated((FIRST, "1"), (SECOND, "2"))),
        (template(THIRD, SECOND), translated((THIRD, "3"))),
    ])
    moved = by_msgid(body)[SECOND]
    assert (moved.msgstr, moved.fuzzy) == ("2", False)
    assert by_msgid(intro)[SECOND].obsolete  # still in its old catalog's history


def test_an_edited_paragraph_moved_to_another_document_comes_back_fuzzy() -> None:
    edited = SECOND.replace("opened", "founded")
    _, body = merge_language([
        (template(FIRST), translated((FIRST, "1"), (SECOND, "2"))),
        (template(THIRD, edited), translated((THIRD, "3"))),
    ])
    assert (by_msgid(body)[edited].msgstr, by_msgid(body)[edited].fuzzy) == ("2", True)


def test_an_unrelated_new_message_stays_untranslated() -> None:
    merged = by_msgid(merge(template(FIRST, "Bibliography"), translated((FIRST, "1"), (THIRD, "3"))))
    assert merged["Bibliography"].msgstr == "" and merged[THIRD].obsolete


# Property: random edits of the source never lose a translation, and a second merge changes nothing.

_WORDS = st.sampled_from("soft power culture language Japan Asia centre student film school garden "
                         "tea grant exchange policy museum".split())
_PARAGRAPH = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_EDIT = st.sampled_from(["reword", "split", "merge", "delete", "reorder", "re-add"])


def _apply(paragraphs: list[str], removed: list[str], edit: str, data: st.DataObject) -> list[str]:
    if not paragraphs:
        return paragraphs
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    words = paragraphs[index].split()
    if edit == "reword":
        words[data.draw(st.integers(0, len(words) - 1))] = data.draw(_WORDS)
        paragraphs[index] = " ".join(words)
    elif edit == "split" and len(words) > 1:
        cut = data.draw(st.integers(1, len(words) - 1))
        paragraphs[index:index + 1] = [" ".join(words[:cut]), " ".join(words[cut:])]
    elif edit == "merge" and index + 1 < len(paragraphs):
        paragraphs[index:index + 2] = [paragraphs[index] + " " + paragraphs[index + 1]]
    elif edit == "delete":
        removed.append(paragraphs.pop(index))
    elif edit == "reorder":
        other = data.draw(st.integers(0, len(paragraphs) - 1))
        paragraphs[index], paragraphs[other] = paragraphs[other], paragraphs[index]
    elif edit == "re-add" and removed:
        paragraphs.insert(index, removed.pop())
    return list(dict.fromkeys(paragraphs))


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_PARAGRAPH, min_size=1, max_size=10, unique=True),
       edits=st.lists(_EDIT, max_size=6), data=st.data())
def test_random_edits_never_lose_a_translation(paragraphs: list[str], edits: list[str], data: st.DataObject) -> None:
    fuzzy = data.draw(st.sets(st.integers(0, len(paragraphs) - 1)))
    old = parse_po(format_po(Catalog([HEADER, *(
        Entry(msgid=text, msgstr=f"«{text.upper()}»", flags=["fuzzy"] if n in fuzzy else [])
        for n, text in enumerate(paragraphs))])))
    catalog, removed = old, []
    for edit in edits:  # several updates in a row, each after one edit
        paragraphs = _apply(list(paragraphs), removed, edit, data)
        catalog = parse_po(format_po(merge(template(*paragraphs), catalog)))
        again = format_po(merge(template(*paragraphs), catalog))
        assert again == format_po(catalog)
    kept = {entry.msgstr for entry in catalog.entries if not entry.is_header}
    assert {entry.msgstr for entry in old.entries if not entry.is_header} <= kept
    assert [entry.msgid for entry in catalog.messages] == paragraphs
