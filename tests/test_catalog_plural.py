"""Plural-Forms: GNU gettext's rule for a new catalog, a valid existing one kept, ``msgfmt -c`` passing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from triglot.catalog import Catalog, Entry, format_po, parse_po
from triglot.catalog.header import language_header
from triglot.catalog.new_language import new_catalog
from triglot.catalog.plural import gnu_plural_forms, is_valid, plural_count

TEMPLATE = Catalog([
    Entry(msgid="", msgstr="Project-Id-Version: Test 1.0\nPOT-Creation-Date: 2026-01-01 00:00+0000\n"
                           "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                           "Content-Transfer-Encoding: 8bit\n", flags=["fuzzy"]),
    Entry(msgid="Japan's soft power", references=["/project/docs/index.rst:1"]),
    Entry(msgid="%d centre", msgid_plural="%d centres", msgstr_plural=["", ""], flags=["c-format"],
          references=["/project/docs/index.rst:3"]),
])


def msgfmt_check(tmp_path: Path, data: bytes) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "catalog.po"
    path.write_bytes(data)
    return subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)


# One language per family of rules: 1, 2 (n != 1 and n > 1), 3, 4 and 6 forms.
FAMILIES = [("ja", 1, "nplurals=1; plural=0;"), ("de", 2, "nplurals=2; plural=(n != 1);"),
            ("fr", 2, "nplurals=2; plural=(n > 1);"), ("pt_BR", 2, "nplurals=2; plural=(n > 1);"),
            ("ru", 3, "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
                      "n%100>=20) ? 1 : 2);"),
            ("sl", 4, "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);"),
            ("ar", 6, "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && "
                      "n % 100 <= 10 ? 3 : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);")]


@pytest.mark.parametrize(("lang", "count", "rule"), FAMILIES)
def test_a_new_catalog_gets_gnu_gettexts_rule_and_passes_msgfmt_check(tmp_path: Path, lang: str, count: int,
                                                                       rule: str) -> None:
    assert gnu_plural_forms(lang) == rule and plural_count(rule) == count
    catalog = new_catalog(TEMPLATE, lang, tmp_path / lang / "LC_MESSAGES" / "index.po")
    assert catalog.header_field("Plural-Forms") == rule
    [plural] = [entry for entry in catalog.messages if entry.msgid_plural]
    assert plural.msgstr_plural == [""] * count
    checked = msgfmt_check(tmp_path, format_po(catalog))
    assert checked.returncode == 0, checked.stderr
    plural.msgstr_plural = [f"%d form {number}" for number in range(count)]  # translated in every form
    checked = msgfmt_check(tmp_path, format_po(catalog))
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(("lang", "header"), [("es", "nplurals=2; plural=(n != 1);"),
                                              ("fr", "nplurals=2; plural=(n > 1);"),
                                              ("pt", "nplurals=2; plural=(n != 1);"),
                                              ("it", "nplurals=2; plural=n != 1;")])
def test_a_valid_two_form_header_is_kept(tmp_path: Path, lang: str, header: str) -> None:
    """The Spanish Python-docs case: Babel's three-form CLDR rule must not replace a valid two-form one."""
    old = parse_po((f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                    f'"Plural-Forms: {header}\\n"\n\nmsgid "%d centre"\nmsgid_plural "%d centres"\n'
                    'msgstr[0] "%d uno"\nmsgstr[1] "%d otros"\n').encode())
    merged = language_header(TEMPLATE, old, lang)
    assert Catalog([merged]).header_field("Plural-Forms") == header
    catalog = Catalog([merged, *old.messages])
    checked = msgfmt_check(tmp_path, format_po(catalog))
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("header", ["nplurals=INTEGER; plural=EXPRESSION;", "nplurals=2; plural=n;",
                                    "nplurals=2; plural=(n==1 ? 0 : 1", "nplurals=0; plural=0;",
                                    "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"])
def test_an_invalid_or_misfitting_header_gets_gnu_gettexts_rule(header: str) -> None:
    """Unparseable, out of range, or three forms (Babel's CLDR rule) for a catalog whose messages have two."""
    old = parse_po((f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {header}\\n"\n\n'
                    'msgid "%d centre"\nmsgid_plural "%d centres"\nmsgstr[0] "%d uno"\nmsgstr[1] "%d otros"\n').encode())
    merged = language_header(TEMPLATE, old, "es")
    assert Catalog([merged]).header_field("Plural-Forms") == "nplurals=2; plural=(n != 1);"


def test_the_rule_parser_reads_what_gettext_reads() -> None:
    assert [is_valid(value) for value in ("nplurals=2; plural=n != 1;", "nplurals=1; plural=0",
                                          "nplurals=2; plural=n>1 ? 1 : 0;", None, "plural=n;")] == [
        True, True, True, False, False]
    assert plural_count("nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
                        "n%100>=20) ? 1 : 2;") == 3
