"""Preserve mode: a platform's catalog keeps its bytes, order and style; only the source change is applied."""

from __future__ import annotations

from pathlib import Path

from triglot.catalog import Catalog, Entry, parse_po
from triglot.catalog.merge import Source, canonical, merge_sources
from triglot.catalog.preserve import preserved

HEADER = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\n")
DOCS = "/project/docs"


def template(*messages: tuple[str, int]) -> Catalog:
    return Catalog([HEADER, *(Entry(msgid=msgid, references=[f"{DOCS}/index.rst:{line}"]) for msgid, line in messages)])


def update(old_text: str, new: Catalog, path: Path = Path("/project/locale/de/LC_MESSAGES/index.po")) -> str:
    [merged] = merge_sources([Source("index", lambda: new, lambda: parse_po(old_text.encode()))])
    return preserved(merged, old_text, path)


# Zanata's export: sorted by msgid, translated entries only, no references, a context hash, its own header order.
ZANATA = """# Translators:
# Frank, 2018. #zanata
msgid ""
msgstr ""
"Project-Id-Version: guide 2013.2.1\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"
"X-Generator: Zanata 4.3.3\\n"

msgid "Backup and recovery"
msgstr "Sicherung und Wiederherstellung"

msgctxt "5f2b1c"
msgid "Compute nodes"
msgstr "Rechenknoten"

msgid "Rocky release notes"
msgstr "Rocky-Versionshinweise"

msgid "Tools"
msgstr "Werkzeuge"
"""


def test_a_zanata_catalog_gets_only_the_source_change() -> None:
    new = template(("Tools", 1), ("Compute nodes", 2), ("Backup and recovery", 3), ("A new untranslated one", 4),
                   ("Flamingo release notes", 5))
    # The changed message, fuzzy, at its alphabetical place; the new untranslated one is not listed (Zanata does not).
    assert update(ZANATA, new) == ZANATA.replace('''msgid "Rocky release notes"
msgstr "Rocky-Versionshinweise"
''', '''#, fuzzy
#| msgid "Rocky release notes"
msgid "Flamingo release notes"
msgstr "Rocky-Versionshinweise"
''')


def test_a_message_gone_from_the_source_becomes_obsolete_at_the_end() -> None:
    new = template(("Tools", 1), ("Compute nodes", 2), ("Backup and recovery", 3))
    without = ZANATA.replace('msgid "Rocky release notes"\nmsgstr "Rocky-Versionshinweise"\n\n', "")
    assert update(ZANATA, new) == without + '\n#~ msgid "Rocky release notes"\n#~ msgstr "Rocky-Versionshinweise"\n'


# Weblate's: document order, every message, references from sphinx-intl's _build/gettext, Babel's wrapping.
WEBLATE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"
"Language: fr\\n"

#: ../../docs/index.rst:1
msgid "Install"
msgstr "Installation"

#: ../../docs/index.rst:3
msgid ""
"A paragraph written by Babel, whose wrapping is not msgcat's: the space moves"
" to the start of the next line."
msgstr ""
"Un paragraphe écrit par Babel, dont la coupure n'est pas celle de msgcat : "
"l'espace passe au début de la ligne suivante."

#: ../../docs/index.rst:9
msgid "Untranslated so far"
msgstr ""
"""


def test_a_weblate_catalog_gets_new_messages_in_document_order_with_its_references() -> None:
    babel = ("A paragraph written by Babel, whose wrapping is not msgcat's: the space moves to the start of the "
             "next line.")
    new = template(("Install", 1), ("Requirements", 2), (babel, 3), ("Untranslated so far", 9))
    assert update(WEBLATE, new) == WEBLATE.replace('''#: ../../docs/index.rst:3''', '''#: ../../docs/index.rst:2
msgid "Requirements"
msgstr ""

#: ../../docs/index.rst:3''')


def test_an_unchanged_source_changes_nothing_at_all() -> None:
    odd = WEBLATE.replace("\n\n#: ../../docs/index.rst:9", "\n\n\n#: ../../docs/index.rst:9") + "\n"
    babel = ("A paragraph written by Babel, whose wrapping is not msgcat's: the space moves to the start of the "
             "next line.")
    assert update(odd, template(("Install", 1), (babel, 3), ("Untranslated so far", 9))) == odd


def test_a_context_the_source_lacks_is_the_same_message_in_either_mode() -> None:
    """Zanata's msgctxt hashes: the translation is kept as it is, not made fuzzy."""
    new = template(("Compute nodes", 2))
    [merged] = merge_sources([Source("index", lambda: new, lambda: parse_po(ZANATA.encode()))])
    [entry] = [entry for entry in canonical(merged).messages]
    assert (entry.msgctxt, entry.msgid, entry.msgstr, entry.fuzzy) == (None, "Compute nodes", "Rechenknoten", False)
