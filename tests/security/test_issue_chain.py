"""The attack chain of issue 12, and each variant, against real builds: every layer on, then one layer off.

A hostile Russian catalog redefines the ``pubdate`` role as raw HTML and
LaTeX in a second block of a paragraph (``.. role :: pubdate(raw)``, with a
space before ``::``; again with U+2028 as the line separator), and the
dateline then carries ``<img onerror>`` and a ``\\directlua`` that reads a
secret file and writes a file outside the project. Other paragraphs make the
build fetch URLs (``.. raw ::`` and ``.. csv-table ::`` with ``:url:``, from a
listener that never answers), include ``/dev/zero``, redefine glossary terms
and add a Python function to ``objects.inv`` and the search index.

Expected: ``triglot check`` reports each as an error; the build exits 0 with
each refused; no payload in HTML, EPUB, PDF, search index or ``objects.inv``;
no connection made; no file read or written outside the project. With layer
1 (the decision) or layer 2 (the confined i18n parse) switched off, the
other stops it (``layers/sitecustomize.py``); with both off, LaTeX (layer 3)
still cannot read or write outside its folder.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import polib
import pytest

from conftest import copy_project
from html_text import without_translator_data
from triglot.catalog.parse import read_po

LAYERS = Path(__file__).parent / "layers"
IMG = "<img src=x onerror=alert(1)>"
SECRET_MARKER = "TRIGLOT-TEX-SECRET-4e1d"
FUNCTION = "triglot_injected_function"
GLOSSARY_PAYLOAD = "TRIGLOT-GLOSSARY-REDEFINED"
ROLE_SPACE = ".. role :: pubdate(raw)\n   :format: html latex"
ROLE_U2028 = ".. role :: pubdate(raw)\u2028   :format: html latex"


def _lua(secret: Path, pwned: Path) -> str:
    return (f"\\directlua{{local f=io.open('{secret}') tex.print(f:read('*l')) f:close() "
            f"local g=io.open('{pwned}','w') g:write('x') g:close()}}")


def _variants(port: int, secret: Path, pwned: Path) -> dict[str, str]:
    """What each attack appends to (or puts in) a paragraph's msgstr; ``{text}`` is the paragraph's translation."""
    return {
        "role-space": "{text}\n\n" + ROLE_SPACE,
        "role-u2028": "{text}\u2028\u2028" + ROLE_U2028,
        "raw-url": "{text}\n\n.. raw :: html\n   :url: http://127.0.0.1:%d/raw" % port,
        "csv-table-url": "{text}\n\n.. csv-table :: t\n   :url: http://127.0.0.1:%d/csv" % port,
        "include-dev-zero": "{text}\n\n.. include :: /dev/zero",
        "glossary": "{text}\n\n.. glossary ::\n\n   soft power\n      " + GLOSSARY_PAYLOAD,
        "py-function": "{text}\n\n..  py:function :: %s()\n\n   Injected." % FUNCTION,
        "download": "{text} :download:`x <../../outside/secret.txt>`",
        "dateline": ("Институт Дальнего Востока Российской академии наук, :pubdate:`" + IMG + _lua(secret, pwned)
                     + " <2014-01-21>`"),
    }


def _paragraphs(po: polib.POFile, document: str) -> list[polib.POEntry]:
    """Translated paragraphs of plain text of *document*, longest first (parsed before the dateline's)."""
    return sorted((e for e in po if e.msgstr and any(f.endswith(f"/docs/{document}") for f, _ in e.occurrences)
                   and not re.search(r"[`*\[|_:]", e.msgid) and len(e.msgid) > 40), key=lambda e: -len(e.msgid))


def make_hostile(root: Path, variants: dict[str, str]) -> dict[str, int]:
    """Apply *variants* to the Russian catalog of the project at *root*; returns {variant: msgstr line}."""
    path = root / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    po = polib.pofile(str(path), wrapwidth=0)
    dateline = next(e for e in po if ":pubdate:" in e.msgid)
    targets = _paragraphs(po, "colophon.rst") + _paragraphs(po, "editorial-notes.rst")
    assert len(targets) >= len(variants)
    attacked = {}
    for (name, template), entry in zip([(n, t) for n, t in variants.items() if n != "dateline"], targets):
        entry.msgstr = template.format(text=entry.msgstr)
        attacked[name] = entry.msgid
    if "dateline" in variants:
        dateline.msgstr = variants["dateline"]
        attacked["dateline"] = dateline.msgid
    po.save(str(path))
    lines = {entry.msgid: entry.msgstr_line for entry in read_po(path).messages}
    return {name: lines[msgid] for name, msgid in attacked.items()}


def run_build(root: Path, *args: str, disable: str = "") -> subprocess.CompletedProcess[str]:
    """``triglot build`` with the layers in *disable* switched off (see layers/sitecustomize.py)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(LAYERS), os.environ.get("PYTHONPATH")])),
           "TRIGLOT_TEST_DISABLE": disable}
    return subprocess.run([sys.executable, "-m", "triglot.cli", "build", *args], cwd=root, capture_output=True,
                          text=True, env=env, timeout=900)


class Listener:
    """A TCP port that accepts connections into its backlog and never answers: a build that fetches hangs."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.port = self.socket.getsockname()[1]

    def connections(self) -> int:
        """How many connections were made to it so far (taken from the backlog, never blocking)."""
        self.socket.setblocking(False)
        count = 0
        while True:
            try:
                connection, _ = self.socket.accept()
            except BlockingIOError:
                return count
            connection.close()
            count += 1


class ClosingListener(Listener):
    """A TCP port that answers every connection by closing it: a fetch fails at once (for the control build)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            connection, _ = self.socket.accept()
            self.count += 1
            connection.close()


def site_texts(site: Path) -> dict[str, str]:
    """Every file of the site as text: EPUB members and objects.inv unpacked, PDFs through pdftotext."""
    texts = {}
    for path in sorted(site.resolve().rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as epub:
                for name in epub.namelist():
                    texts[f"{path}!{name}"] = epub.read(name).decode("utf-8", "replace")
        elif path.suffix == ".pdf":
            texts[str(path)] = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                              check=True).stdout
        elif path.name == "objects.inv":
            header, _, body = data.partition(b"zlib.\n")
            texts[str(path)] = (header + zlib.decompress(body)).decode("utf-8", "replace")
        else:
            texts[str(path)] = data.decode("utf-8", "replace")
    return texts


def assert_no_payload(site: Path, outside: Path, log: Path) -> None:
    """No live payload anywhere in the site; nothing written next to the project."""
    texts = site_texts(site)
    assert len(texts) > 30
    for name, text in texts.items():
        # The translator mode's records quote the refused translations as JSON text with `<`, `>`, `&` escaped
        # (no raw `<` inside, or the block is not removed): inert, shown as text (test_translator_mode.py).
        text = without_translator_data(text)
        for payload in (IMG, "onerror=alert", SECRET_MARKER, FUNCTION, GLOSSARY_PAYLOAD, "directlua"):
            assert payload not in text, f"{payload!r} in {name}"
    assert sorted(path.name for path in outside.iterdir()) == ["secret.txt"]
    assert "duplicate term description" not in log.read_text(encoding="utf-8")  # no glossary entry redefined


def assert_terms_resolve(site: Path) -> None:
    """The article's :term: links still lead to the glossary's entries."""
    index = (site / "ru" / "index.html").read_text(encoding="utf-8")
    glossary = (site / "ru" / "glossary.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'href="glossary\.html#(term-[^"]+)"', index))
    assert len(targets) > 5
    assert all(f'id="{target}"' in glossary for target in targets), targets


def outside_with_secret(base: Path) -> tuple[Path, Path]:
    """A folder beside the project, holding a secret file: nothing may read it or write next to it."""
    outside = base / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(f"{SECRET_MARKER} key\n", encoding="utf-8")
    return outside, secret


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("chain")
    outside, secret = outside_with_secret(base)
    listener = Listener()
    root = copy_project(base / "project")
    lines = make_hostile(root, _variants(listener.port, secret, outside / "pwned.txt"))
    completed = run_build(root, "--lang", "ru", "--format", "html", "--format", "epub", "--format", "pdf")
    return {"base": base, "root": root, "outside": outside, "secret": secret, "listener": listener, "lines": lines,
            "completed": completed}


def test_check_reports_every_variant_as_an_error(chain: dict) -> None:
    root = chain["root"]
    completed = subprocess.run([sys.executable, "-m", "triglot.cli", "check", "--lang", "ru", "--format", "json"],
                               cwd=root, capture_output=True, text=True)
    assert completed.returncode == 1, completed.stderr
    errors = {finding["line"] for finding in json.loads(completed.stdout)["findings"] if finding["severity"] == "error"}
    assert errors == set(chain["lines"].values())


def test_the_build_refuses_each_variant_at_its_line(chain: dict) -> None:
    completed, root = chain["completed"], chain["root"]
    assert completed.returncode == 0, completed.stderr
    assert f"    {len(chain['lines'])} translations refused as unsafe" in completed.stderr
    po = root / "locale" / "ru" / "LC_MESSAGES" / "article.po"
    log = (root / "build" / "logs" / "ru-html.log").read_text(encoding="utf-8")
    refused = re.findall(rf"^{re.escape(str(po))}:(\d+): WARNING: translation refused", log, flags=re.MULTILINE)
    assert sorted(map(int, refused)) == sorted(chain["lines"].values())


def test_no_payload_in_any_output_and_nothing_outside(chain: dict) -> None:
    assert_no_payload(chain["root"] / "build" / "site", chain["outside"], chain["root"] / "build" / "logs" / "ru-html.log")
    assert_terms_resolve(chain["root"] / "build" / "site")


def test_no_request_was_made(chain: dict) -> None:
    assert chain["listener"].connections() == 0


@pytest.mark.parametrize("layer", ["refusal", "i18n"])
def test_with_one_layer_off_the_other_stops_every_variant(chain: dict, layer: str, tmp_path: Path) -> None:
    outside, secret = outside_with_secret(tmp_path)
    listener = Listener()
    root = copy_project(tmp_path / "project")
    make_hostile(root, _variants(listener.port, secret, outside / "pwned.txt"))
    completed = run_build(root, "--lang", "ru", "--format", "html", "--format", "epub", disable=layer)
    assert completed.returncode == 0, completed.stderr
    assert "translations refused as unsafe" in completed.stderr
    assert_no_payload(root / "build" / "site", outside, root / "build" / "logs" / "ru-html.log")
    assert_terms_resolve(root / "build" / "site")
    assert listener.connections() == 0


def test_with_layers_one_and_two_off_tex_reads_and_writes_nothing_outside(tmp_path: Path) -> None:
    """The HTML leaks (the attacks are real), but LuaLaTeX cannot read the secret nor write outside."""
    outside, secret = outside_with_secret(tmp_path)
    listener = ClosingListener()
    root = copy_project(tmp_path / "project")
    variants = _variants(listener.port, secret, outside / "pwned.txt")
    make_hostile(root, {name: variants[name] for name in variants if name not in ("include-dev-zero", "download")})
    completed = run_build(root, "--lang", "ru", "--format", "html", "--format", "pdf", disable="refusal,i18n")
    # Controls: without layers 1 and 2 the attacks work.
    site = root / "build" / "site"
    assert IMG in (site / "ru" / "index.html").read_text(encoding="utf-8")
    log = (root / "build" / "logs" / "ru-html.log").read_text(encoding="utf-8")
    assert "WARNING: duplicate term description of soft power, other instance in colophon" in log
    assert FUNCTION in site_texts(site)[str((site / "ru" / "objects.inv").resolve())]
    assert listener.count == 8  # raw and csv-table :url:, each parsed twice by Sphinx, in two builds (html, pdf)
    latex_log = (root / "build" / "logs" / "ru-pdf.latex.log").read_text(encoding="utf-8", errors="replace")
    assert "[\\directlua]:1: attempt to index a nil value (local 'f')" in latex_log  # io.open refused the read
    assert "ru     pdf   FAILED" in completed.stderr
    assert sorted(path.name for path in outside.iterdir()) == ["secret.txt"]
    assert not any(SECRET_MARKER in text for text in site_texts(root / "build" / "site").values())
