"""The pure markup parse (triglot.markup) the decision is made from: exact signatures and differences."""

from __future__ import annotations

from collections import Counter

from triglot.markup import compare_markup, markup_of


def test_signature_of_a_paragraph_with_every_kind_of_item() -> None:
    signature = markup_of(
        "See :term:`Soft power <soft power>`\\ [1]_, ``len()``, `docs <https://example.org>`_, "
        "[#]_, [CIT2002]_, |name|, _`anchor` and `other`_."
    )
    assert signature.kind == "paragraph"
    assert signature.blocks == 1
    assert signature.item_counts == Counter({
        ":term:`soft power`": 1, "[1]_": 1, "``len()``": 1, "<https://example.org>": 1, "[#]_": 1,
        "[cit2002]_": 1, "|name|": 1, "_`anchor`": 1, "`other`_": 1,
    })
    assert signature.constructs == (
        ":term:", "citation_reference", "footnote_reference", "literal", "paragraph", "reference",
        "substitution_reference", "target",
    )
    assert signature.messages == ()


def test_a_translated_term_keeps_its_english_target() -> None:
    difference = compare_markup(markup_of("the :term:`Great Game`"),
                                markup_of("«:term:`Большая игра <Great Game>`»"))
    assert (difference.missing, difference.extra) == (Counter(), Counter())


def test_missing_and_extra_are_reported_apart() -> None:
    difference = compare_markup(markup_of("A [1]_ and :ref:`x`."), markup_of("Б [2]_ и :ref:`x` и :ref:`x`."))
    assert difference.missing == Counter({"[1]_": 1})
    assert difference.extra == Counter({"[2]_": 1, ":ref:`x`": 1})


def test_display_text_roles_compare_by_name_only() -> None:
    difference = compare_markup(markup_of(":guilabel:`Save` now"), markup_of(":guilabel:`Сохранить` сейчас"))
    assert (difference.missing, difference.extra) == (Counter(), Counter())


def test_a_role_of_its_own_is_compared_by_its_whole_text() -> None:
    """``:pubdate:`` has no ``title <target>`` form: a title smuggled before the date is a different item."""
    assert markup_of(":pubdate:`2014-01-21`").item_counts == Counter({":pubdate:`2014-01-21`": 1})
    assert markup_of(":pubdate:`<img src=x onerror=alert(1)> <2014-01-21>`").item_counts == Counter(
        {":pubdate:`<img src=x onerror=alert(1)> <2014-01-21>`": 1})


def test_node_kinds() -> None:
    assert markup_of("1. Сначала").kind == "enumerated_list"
    assert markup_of("- пункт").kind == "bullet_list"
    assert markup_of("Текст::").kind == "paragraph"  # Sphinx appends a dummy literal block
    assert markup_of("Текст::").constructs == ("paragraph",)
    assert markup_of("").kind == "empty"
    assert markup_of("Один.\n\nДва.").blocks == 2


def test_directives_are_parsed_never_run_in_every_spelling() -> None:
    for rst in (".. include:: /etc/passwd", "..   include ::  /etc/passwd", ".. role :: x(raw)\n   :format: html",
                "Текст.\u2028\u2028.. include:: x", "Текст.\x85\x85.. include:: x",
                "Текст.\x1e\x1e.. include:: x", "Текст.\r\r.. include:: x"):
        signature = markup_of(rst)
        assert [c for c in signature.constructs if c.startswith("..")] in ([".. include::"], [".. role::"]), rst
        assert signature.messages == (), rst
    assert markup_of(".. |x| image:: /etc/passwd").constructs == (".. image::", "substitution_definition")
    assert markup_of("Текст\n.. include:: x\nв абзаце.").constructs == ("paragraph",)  # no blank line: text
    assert markup_of("Текст.\x0c\x0c.. include:: x").constructs == ("paragraph",)  # \v and \f become spaces
    assert markup_of(".. include  :: x").constructs == ("comment",)  # two spaces before "::": a comment


def test_parsing_a_hostile_message_reads_no_file(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    for rst in (f".. include:: {secret}", f".. raw:: html\n   :file: {secret}", f".. csv-table::\n   :file: {secret}"):
        signature = markup_of(rst)
        assert "TOP SECRET" not in repr(signature)
        assert signature.kind == "directive"


def test_unbalanced_markup_is_a_docutils_warning() -> None:
    (message,) = markup_of("слово **жирное").messages
    assert (message.level, message.text, message.line) == (2, "Inline strong start-string without end-string.", 1)
