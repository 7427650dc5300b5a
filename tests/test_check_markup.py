"""The pure markup functions reused by the Sphinx extension: exact signatures and differences."""

from __future__ import annotations

from collections import Counter

from triglot.checks.markup import compare_markup, markup_of, unsafe_constructs


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
    assert signature.constructs == ()
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


def test_node_kinds() -> None:
    assert markup_of("1. Сначала").kind == "enumerated_list"
    assert markup_of("- пункт").kind == "bullet_list"
    assert markup_of("Текст::").kind == "paragraph"  # Sphinx appends a dummy literal block
    assert markup_of("").kind == "empty"
    assert markup_of("Один.\n\nДва.").blocks == 2


def test_unsafe_constructs_beyond_the_msgid() -> None:
    assert unsafe_constructs("Text.", "Текст.\n\n.. include:: /etc/passwd") == [".. include::"]
    assert unsafe_constructs("Text.", ".. |x| image:: /etc/passwd") == [".. |x| image::"]
    assert unsafe_constructs("Text.", "Скачать :download:`x </etc/passwd>`") == [":download:`x </etc/passwd>`"]
    assert unsafe_constructs("Text.", "Текст\n.. include:: x\nв абзаце.") == []
    assert unsafe_constructs(".. note:: x", ".. note:: х") == []


def test_parsing_a_hostile_message_reads_no_file(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    for rst in (f".. include:: {secret}", f".. raw:: html\n   :file: {secret}", f".. csv-table::\n   :file: {secret}"):
        signature = markup_of(rst)
        assert "TOP SECRET" not in repr(signature)
        assert signature.kind == "system_message"


def test_unbalanced_markup_is_a_docutils_warning() -> None:
    (message,) = markup_of("слово **жирное").messages
    assert (message.level, message.text, message.line) == (2, "Inline strong start-string without end-string.", 1)
