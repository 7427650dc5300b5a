"""The PO writer against its oracle, GNU msgcat 0.21: the same bytes for the same catalog."""

from __future__ import annotations

import ctypes
import ctypes.util
import subprocess
import tarfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triglot.catalog import format_po, parse_po, read_po
from triglot.catalog.linebreak import width_breaks
from triglot.catalog.model import Catalog, Entry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "catalog"
CORPUS = ROOT.parent / "shared" / "corpora" / "python-docs-fr.tar.xz"
HEADER = Entry(msgid="", msgstr="Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n")


def msgcat(path: Path) -> bytes:
    """What GNU msgcat writes for the file at *path*."""
    completed = subprocess.run(["msgcat", str(path)], capture_output=True, check=True)
    return completed.stdout


def test_tricky_fixture_is_written_as_msgcat_writes_it() -> None:
    path = FIXTURES / "tricky.po"
    ours = format_po(read_po(path))
    assert ours == msgcat(path)
    # The fixture really is tricky: CJK broken between characters, a word longer than a line,
    # a space kept at the end of a line, escapes, obsolete and previous entries.
    text = ours.decode()
    assert '"日本のソフトパワーは、中央アジアにおいて「クールジャパン」や大衆文化を通じて"\n' in text
    assert f'msgid "{"x" * 100}"\n' in text
    assert '"Ends with a space that must stay at the end of the line when the line is "\n' in text
    assert '#~| msgid ""\n' in text and "An obsolete untranslated message" not in text


def test_project_catalogs_round_trip(tmp_path: Path) -> None:
    for path in sorted((ROOT / "locale").rglob("*.po*")):
        normalised = tmp_path / path.name
        normalised.write_bytes(msgcat(path))
        assert format_po(read_po(path)) == normalised.read_bytes(), path
        assert format_po(read_po(normalised)) == normalised.read_bytes(), path


@pytest.mark.skipif(not CORPUS.exists(), reason="the python-docs-fr corpus is not beside the project")
def test_corpus_round_trip(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS) as archive:
        archive.extractall(folder, members=[m for m in archive.getmembers() if "/po/" in m.name or m.isdir()],
                           filter="data")
    paths = sorted(folder.rglob("*.po"))
    assert len(paths) == 481
    expected = subprocess.run(["xargs", "-0", "-n1", "msgcat"], input=b"\0".join(bytes(p) for p in paths),
                              capture_output=True, check=True).stdout
    ours = b"".join(format_po(read_po(path)) for path in paths)
    assert ours == expected


def test_format_directives_are_never_broken_as_msgcat_keeps_them() -> None:
    path = FIXTURES / "python-format-es.po"
    ours = format_po(read_po(path))
    assert ours == msgcat(path)
    text = ours.decode()
    # "% d" is a directive of a python-format string: the line breaks before "10%", not after it.
    assert '"En las pruebas hechas en varias máquinas, el bucle nuevo tarda apenas el "\n"10% de lo' in text
    assert "#, python-format\nmsgid \"\"\n\"Named placeholders" in text  # possible-python-format written plain


def test_real_projects_catalogs_are_written_as_msgcat_writes_them(real_projects: dict[str, Path], tmp_path: Path) -> None:
    paths = sorted(path for project in real_projects.values() for path in project.rglob("*.po"))
    assert len(paths) == 28
    for path in paths:
        ours = format_po(read_po(path))
        if path.parts[-3:] == ("zh_CN", "LC_MESSAGES", "index.po"):
            # msgcat refuses this Weblate file (an obsolete copy of an active message); the reader drops the copy.
            assert subprocess.run(["msgcat", str(path)], capture_output=True).returncode == 1
            path = tmp_path / "zh_CN.po"
            path.write_bytes(ours)
        assert ours == msgcat(path), path


_ALPHABET = st.sampled_from(list("abcdefghij klmnop qrst  uvwxyz-/.,:;!?()[]{}\"'\\\t\n%$#@*")
                            + list("日本語のテキスト、。「」（）ー") + list("Мягкаясила «»—") + ["\u00a0", "\u3000"])
_TEXT = st.text(_ALPHABET, max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(msgid=_TEXT.filter(bool), msgstr=_TEXT, previous=st.none() | _TEXT.filter(bool), obsolete=st.booleans())
def test_random_strings_are_wrapped_as_msgcat_wraps_them(tmp_path: Path, msgid: str, msgstr: str,
                                                         previous: str | None, obsolete: bool) -> None:
    entry = Entry(msgid=msgid, msgstr=msgstr or "x", previous_msgid=previous, flags=["fuzzy"] if previous else [],
                  obsolete=obsolete)
    ours = format_po(Catalog([HEADER, entry]))
    path = tmp_path / "random.po"
    path.write_bytes(ours)
    assert msgcat(path) == ours
    assert format_po(parse_po(ours)) == ours


def _libunistring() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("unistring")
    return ctypes.CDLL(name) if name else None


@pytest.mark.skipif(_libunistring() is None, reason="libunistring is not installed")
@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60),
       width=st.integers(3, 40), start=st.integers(0, 12))
def test_line_breaks_match_libunistring(text: str, width: int, start: int) -> None:
    lib = _libunistring()
    encoded = text.encode()
    marks = ctypes.create_string_buffer(len(encoded))
    lib.ulc_width_linebreaks(encoded, ctypes.c_size_t(len(encoded)), width, start, 0, None, b"UTF-8", marks)
    offsets, position = [], 0
    for char in text:
        offsets.append(position)
        position += len(char.encode())
    expected = [index for index, offset in enumerate(offsets) if marks.raw[offset] == 2]  # UC_BREAK_POSSIBLE
    assert width_breaks(text, width, start, set()) == expected


_FORMAT_PIECES = st.sampled_from(["10% de", "% d", "%s", "%(name)s", "%(a b)d", "%-5.2f", "%*d", "%.*f", "%%", "%(",
                                  "%5", "%ld", "{0}", "{name}", "{0!r}", "{x:>10}", "{{", "}}", "{a.b[0]}", "{", "}",
                                  " ", "word", "longerword", "é", "日本", "\n", '"', "\\"])
_FORMAT_TEXT = st.lists(_FORMAT_PIECES, min_size=3, max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(msgid=_FORMAT_TEXT, msgstr=_FORMAT_TEXT,
       flag=st.sampled_from(["python-format", "possible-python-format", "python-brace-format", "no-python-format"]))
def test_format_strings_are_wrapped_as_msgcat_wraps_them(tmp_path: Path, msgid: str, msgstr: str, flag: str) -> None:
    ours = format_po(Catalog([HEADER, Entry(msgid=msgid, msgstr=msgstr, flags=[flag])]))
    path = tmp_path / "formats.po"
    path.write_bytes(ours)
    assert msgcat(path) == ours
