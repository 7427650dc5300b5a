"""Hostile and odd content through the PO chain: write, read, merge, and what a build compiles.

The catalogs engineer's property tests cover msgcat's wrapping and merge
edits with ordinary words; these cover what an attacker or a broken editor
puts in a catalog: control characters, NUL, escapes that look like escapes,
quotes, very long lines, CJK, bidi controls, PO keywords inside strings.
"""

from __future__ import annotations

import gettext
import io

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import example, given
from hypothesis import strategies as st

from triglot.catalog import Catalog, Entry, format_po, parse_po
from triglot.catalog.merge import merge_language
from triglot.refusal import new_control_characters
from triglot.sanitize import render_catalog

from fuzz_settings import FUZZ

HEADER = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n")
ODD = ["\\", "\\n", "\\x41", "\\033", "\\0", '"', '\\"', "msgstr \"", "#~ ", "#, fuzzy", "\n", "\r", "\t", "\r\n",
       "\x00", "\x01", "\x1b[2J", "\x7f", "\u0085", "\u2028", "\u202e", "\ufeff", "\u3000", "日本語の", "テキスト", "«»",
       "Мягкая", "e\u0301", "🀄", " " * 80, "x" * 200, "%s", "{0}", "<script>"]
hostile = st.lists(st.sampled_from(ODD) | st.text(max_size=8), max_size=14).map("".join)
printable = hostile.filter(lambda text: not new_control_characters("", text))


@FUZZ
@given(msgid=hostile.filter(bool), msgstr=hostile, obsolete=st.booleans(), fuzzy=st.booleans())
@example(msgid="a\x00b", msgstr="\x00", obsolete=False, fuzzy=False)
@example(msgid="x" * 5000, msgstr="日本語" * 3000, obsolete=False, fuzzy=False)
def test_any_string_survives_write_and_read(msgid: str, msgstr: str, obsolete: bool, fuzzy: bool) -> None:
    entry = Entry(msgid=msgid, msgstr=msgstr or "x", obsolete=obsolete, flags=["fuzzy"] if fuzzy else [])
    data = format_po(Catalog([HEADER, entry]))
    [read] = [e for e in parse_po(data).entries if not e.is_header]
    assert (read.msgid, read.msgstr, read.obsolete, read.fuzzy) == (entry.msgid, entry.msgstr, obsolete, fuzzy)
    assert format_po(parse_po(data)) == data


@FUZZ
@given(pairs=st.dictionaries(hostile.filter(bool), hostile.filter(bool), min_size=1, max_size=8))
def test_merging_an_unchanged_template_keeps_every_translation_exactly(pairs: dict[str, str]) -> None:
    template = Catalog([HEADER, *(Entry(msgid=msgid) for msgid in pairs)])
    old = parse_po(format_po(Catalog([HEADER, *(Entry(msgid=k, msgstr=v) for k, v in pairs.items())])))
    [merged] = merge_language([(template, old)])
    again = parse_po(format_po(merged))
    kept = {e.msgid: (e.msgstr, e.fuzzy) for e in again.entries if not e.is_header and not e.obsolete}
    assert kept == {msgid: (msgstr, False) for msgid, msgstr in pairs.items()}


@FUZZ
@given(messages=st.dictionaries(printable.filter(bool), printable.filter(bool), max_size=8))
@example(messages={"a\\nb": "\\x41", 'say "hi"': "«hi»\\", "#~ x": "msgstr \"y\"", "\u2028": "\ufeff"})
def test_what_a_build_compiles_is_exactly_what_was_checked(messages: dict[str, str]) -> None:
    """The sanitized catalog, read by Babel and compiled as Sphinx does, gives gettext exactly *messages*."""
    data = render_catalog(messages, "ru")
    catalog = read_po(io.StringIO(data.decode("utf-8")), "ru")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    compiled = gettext.GNUTranslations(buffer)._catalog  # type: ignore[attr-defined]
    assert {k: v for k, v in compiled.items() if k} == messages
