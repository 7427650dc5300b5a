"""Fuzzing the msgstr decision as the build uses it (:func:`triglot.refusal.refusal_reason`) with fragments.

Messages are built from fragments of reStructuredText an attacker would try
(directives, roles, links, targets, footnotes, substitutions, indentation,
escapes, control characters, CJK). Properties:

* the checker never raises and never hangs: it returns a reason or None;
* a translation it accepts for a plain-text msgid parses, with docutils'
  own directives and roles, to one paragraph of plain text and emphasis:
  nothing that reads a file, links, defines, or changes the structure;
* a translation it accepts for a msgid with markup adds no construct that
  the msgid lacks (directives, raw, file-reading roles, targets).
"""

from __future__ import annotations

import io

from docutils import nodes
from docutils.core import publish_doctree
from hypothesis import example, given
from hypothesis import strategies as st

from triglot.refusal import refusal_reason, translation_problems

from fuzz_settings import FUZZ

FRAGMENTS = [
    "Мягкая сила", "ソフトパワー", "soft power", " ", " ", "\n", "\n\n", "\n   ", "   ", "\\ ", "\\", "`", "``", "*", "**",
    "_", "__", "|", ":", "::", "<", ">", "[", "]", "#", "..", ".. ", "-", "1.", "=====", "\t", "\x00", "\x1b", "\u202e",
    ".. include:: /etc/passwd", ".. raw:: html\n\n   <script>x</script>", ".. literalinclude:: x",
    ".. |s| image:: /etc/passwd", ".. |r| replace:: x", "|s|", "|r|", ".. _t: javascript:x", "`t`_", "_`t`",
    ".. [1] note", "[1]_", "[#]_", "[#n]_", "[*]_", "[CIT]_", ":download:`x </etc/passwd>`", ":raw-html:`<b>`",
    ":term:`soft power`", ":term:`мягкая <soft power>`", ":ref:`genindex`", ":doc:`/index`", "``code``",
    "`link <https://example.org/>`_", "`link <javascript:alert(1)>`_", "javascript:alert(1)", "https://example.org/",
    "`anon <x>`__", "__ javascript:x", ".. role:: x(raw)\n   :format: html", ":x:`<script>`", ".. meta::\n   :a: b",
    ".. only:: html\n\n   x", ".. csv-table::\n   :file: /etc/passwd", ".. math::\n\n   x", ":math:`x`",
    ".. comment", "#noqa", "- item", "* item", "(a) item", "term\n   definition", "| line", "+---+\n| a |\n+---+",
]
MSGIDS = [
    "Japan's soft power in Central Asia is a subject of growing interest.",
    "The soft power of a country rests primarily on three resources.\\ [1]_",
    ":term:`Soft power <soft power>` in modern international relations.",
    "See the `Institute's site <https://www.ifes-ras.ru/>`_ for the original.",
    "Notes",
]
# What a translation of a plain msgid may hold: text and the inert styles a translation may add
# (triglot.refusal.INERT_STYLES: emphasis, strong, literal).
PLAIN_NODES = (nodes.document, nodes.paragraph, nodes.Text, nodes.emphasis, nodes.strong, nodes.literal)
DANGEROUS = (nodes.raw, nodes.reference, nodes.target, nodes.footnote, nodes.footnote_reference, nodes.citation,
             nodes.substitution_definition, nodes.substitution_reference, nodes.image, nodes.pending, nodes.meta,
             nodes.section, nodes.literal_block, nodes.comment)

messages = st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join)


def _doctree(rst: str) -> nodes.document:
    """*rst* parsed by plain docutils, its own directives and roles enabled, nothing read from disk."""
    return publish_doctree(rst, settings_overrides={
        "file_insertion_enabled": False, "raw_enabled": False, "report_level": 5, "halt_level": 5,
        "warning_stream": io.StringIO(), "input_encoding": "unicode",
    })


def _constructs(rst: str) -> set[str]:
    found = set()
    for node in _doctree(rst).findall(nodes.Element):
        if isinstance(node, DANGEROUS):
            found.add(type(node).__name__ if not isinstance(node, nodes.reference) else f"reference:{node.get('refuri')}")
    return found


@FUZZ
@given(msgid=st.sampled_from(MSGIDS), msgstr=messages)
@example(msgid=MSGIDS[0], msgstr="Мягкая сила\n\n.. include:: /etc/passwd")
@example(msgid=MSGIDS[3], msgstr="См. `сайт <javascript:alert(1)>`_.")
@example(msgid=MSGIDS[0], msgstr="``code``")  # an added literal is inert: accepted (found by the fuzzer)
def test_the_checker_never_raises_and_accepts_only_the_msgids_markup(msgid: str, msgstr: str) -> None:
    problems = translation_problems(msgid, msgstr)
    assert isinstance(problems, tuple) and all(isinstance(problem.text, str) for problem in problems)
    reason = refusal_reason(msgid, msgstr)
    if reason is not None:
        return
    if msgid == MSGIDS[0] or msgid == MSGIDS[4]:
        tree = _doctree(msgstr)
        strange = [type(node).__name__ for node in tree.findall() if not isinstance(node, PLAIN_NODES)
                   and not isinstance(node, (nodes.system_message, nodes.problematic))]
        assert not strange, (msgstr, strange)
        assert [type(child) for child in tree.children if not isinstance(child, nodes.system_message)] \
            in ([nodes.paragraph], [])
    assert _constructs(msgstr) <= _constructs(msgid), msgstr
