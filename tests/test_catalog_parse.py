"""The strict PO reader: what it reads, and every kind of broken file, with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from triglot.catalog import parse_po
from triglot.errors import TriglotError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def test_reads_every_part_of_an_entry() -> None:
    catalog = parse_po((HEADER + '# a translator comment\n#. extracted\n#: a.rst:1 b.rst:2\n#: a.rst:1\n'
                        '#, fuzzy, python-format\n#| msgid "old"\n#| "er"\nmsgctxt "ctx"\nmsgid "new"\n'
                        '"er"\nmsgstr "\\"neu\\"\\t\\u"\n').replace("\\u", "\\101").encode())
    entry = catalog.messages[0]
    assert (entry.comments, entry.extracted, entry.references) == (["a translator comment"], ["extracted"],
                                                                  ["a.rst:1", "b.rst:2"])
    assert (entry.flags, entry.previous_msgid, entry.msgctxt) == (["fuzzy", "python-format"], "older", "ctx")
    assert (entry.msgid, entry.msgstr, entry.line, entry.msgstr_line) == ("newer", '"neu"\tA', 13, 15)


def test_reads_obsolete_and_plural_entries() -> None:
    catalog = parse_po((HEADER + 'msgid "a file"\nmsgid_plural "files"\nmsgstr[0] "x"\nmsgstr[1] "y"\n\n'
                        '#, fuzzy\n#~| msgid "gone before"\n#~ msgid "gone"\n#~ msgstr "weg"\n').encode())
    plural, gone = catalog.entries[1:]
    assert (plural.msgid_plural, plural.msgstr_plural) == ("files", ["x", "y"])
    assert (gone.obsolete, gone.fuzzy, gone.previous_msgid, gone.msgstr) == (True, True, "gone before", "weg")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (HEADER + 'msgid "a"\nmsgstr bonjour"\n', 6, "expected a string in double quotes, found 'bonjour\"'"),
        (HEADER + 'msgid "a"\nmsgstr "b"\n"c\n', 7, "expected a string in double quotes, found '\"c'"),
        (HEADER + 'msgid "a"\nmsgstr "b" x\n', 6, "expected a string in double quotes, found 'x'"),
        (HEADER + 'msgid "a"\n', 5, "msgid without a msgstr after it"),
        (HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 8,
         "duplicate message definition (first defined at line 5)"),
        (HEADER + 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8,
         "duplicate message definition (first defined at line 5)"),
        (HEADER + 'msgid "a"\nmsgstr "\\q"\n', 6, "invalid escape sequence '\\q' in a string"),
        (HEADER + 'mgsid "a"\nmsgstr "b"\n', 5,
         "syntax error: expected msgid, msgstr, a comment or a string, found 'mgsid \"a\"'"),
        (HEADER + 'msgid "a"\n# late comment\nmsgstr "b"\n', 6, "a comment between msgid and msgstr"),
        (HEADER + 'msgid "a"\nmsgstr "b"\n\n# dangling\n', 8, "comments without a msgid and msgstr after them"),
        (HEADER + 'msgid "a"\nmsgstr[0] "b"\n', 6, "msgstr[0] in a message without msgid_plural"),
        ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n', 2,
         "charset ISO-8859-1 is not UTF-8; convert the file with 'msgconv --to-code=UTF-8'"),
        ('msgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n', 2,
         "the header's Content-Type has no charset; use 'text/plain; charset=UTF-8'"),
        ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n', 2,
         "the header's Content-Type has no charset; use 'text/plain; charset=UTF-8'"),
        ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n', 2,
         "the header has no Content-Type; add 'Content-Type: text/plain; charset=UTF-8'"),
        ('msgid ""\nmsgstr ""\n"Language ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n', 2,
         "broken header: field 'Language ru' is not 'Name: value'"),
        ('msgid "a"\nmsgstr "b"\n', 1, 'no header entry (msgid "") with the catalog\'s Content-Type'),
    ],
)
def test_broken_files_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(TriglotError) as caught:
        parse_po(text.encode(), Path("ru.po"))
    assert (str(caught.value.path), caught.value.line, caught.value.message) == ("ru.po", line, message)


def test_bytes_that_are_not_utf8_name_their_line() -> None:
    with pytest.raises(TriglotError) as caught:
        parse_po((HEADER + 'msgid "a"\nmsgstr "').encode() + b"\xe9t\xe9\"\n", Path("ru.po"))
    assert caught.value.line == 6
    assert caught.value.message.startswith("not UTF-8 text")
