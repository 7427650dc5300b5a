"""A grammar-based fuzzer for the decision (layer 1), with Sphinx itself as the oracle.

Msgstrs are generated from docutils' explicit-markup grammar: directives
(real ones, domain ones, unknown ones; a space or none before ``::``,
arguments, options, content), substitution definitions, hyperlink targets
(named, anonymous, ``__``), footnotes and citations, comments, and the roles
and links of inline markup, including roles whose title smuggles a payload.
They are joined with every line separator ``str.splitlines()`` knows and
indented with spaces and tabs, after (or instead of) a plain translation,
with escapes and nesting.

Invariant: the decision (:func:`triglot.refusal.refusal_reason`) refuses the
msgstr, or Sphinx's real parse of it, every directive and role active (only
file insertion off, so that ``/dev/zero`` or a URL is not read), yields
exactly one block of the kind Sphinx uses, no node type and no reference the
msgid's parse lacks (emphasis, strong and literal excepted), no docutils
message, and leaves the role and directive tables as they were.
"""

from __future__ import annotations

import io
import shutil
from collections import Counter
from pathlib import Path

import pytest
from docutils import nodes, utils
from docutils.parsers.rst import directives, roles
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import get_filetype
from sphinx.util.docutils import LoggingReporter, docutils_namespace, sphinx_domains

from triglot.refusal import INERT_STYLES, refusal_reason

from fuzz_settings import FUZZ

ROOT = Path(__file__).resolve().parent.parent.parent
MSGIDS = [
    "Japan's soft power in Central Asia is a subject of growing interest.",
    "Institute of Far Eastern Studies, Russian Academy of Sciences, :pubdate:`2014-01-21`",
    "The :term:`soft power` of a country rests on three resources.\\ [1]_",
    "See the `Institute's site <https://www.ifes-ras.ru/>`_ for the original.",
]
TRANSLATIONS = ["Мягкая сила Японии в Центральной Азии", "ソフトパワー", "Институт, :pubdate:`2014-01-21`",
                ":term:`мягкая сила <soft power>`\\ [1]_", "`сайт <https://www.ifes-ras.ru/>`_", ""]
SEPARATORS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
DIRECTIVES = ["role", "default-role", "raw", "include", "literalinclude", "csv-table", "glossary", "py:function",
              "function", "image", "figure", "meta", "only", "replace", "unicode", "title", "note", "code-block",
              "rst-class", "math", "list-table", "unknown-directive", "sidebar", "topic", "epigraph", "class"]
OPTIONS = [":format: html latex", ":url: http://127.0.0.1:9/", ":file: /etc/hostname", ":encoding: latin-1",
           ":class: x", ":target: javascript:alert(1)", ":alt: <script>", ":start-line: 0", ":literal:"]
ARGUMENTS = ["", "pubdate(raw)", "x(raw)", "html", "latex", "/dev/zero", "../../secret.txt", "triglot_f()", "t",
             "emphasis", "soft power", "javascript:alert(1)"]
CONTENT = ["<img src=x onerror=alert(1)>", "\\directlua{os.exit()}", "soft power\n   redefined", "a,b", "Injected."]
INLINE = [":pubdate:`<img src=x onerror=alert(1)> <2014-01-21>`", ":pubdate:`2014-01-21`", ":raw-html:`<b>`",
          ":term:`hard power`", ":term:`x <soft power>`", ":download:`x </etc/hostname>`", ":ref:`genindex`",
          "`x <javascript:alert(1)>`_", "`x`__", "[1]_", "[#]_", "|release|", "_`t`", "*emphasis*", "``code``",
          ":math:`\\directlua{}`", "\\:pubdate:`x`", ":x:`y`", "javascript:alert(1)", "https://evil.example/"]

whitespace = st.sampled_from([" ", "  ", "\t", "   "])
separator = st.sampled_from(SEPARATORS)
indent = st.sampled_from(["   ", " ", "\t", "    ", "  "])


@st.composite
def explicit_markup(draw: st.DrawFn) -> str:
    """One explicit-markup construct, as docutils' grammar allows it (and as near-misses of it)."""
    start = draw(st.sampled_from(["", " ", "\\"])) + ".." + draw(whitespace)
    kind = draw(st.sampled_from(["directive", "substitution", "target", "anonymous", "footnote", "comment"]))
    if kind in ("directive", "substitution"):
        head = f"|{draw(st.sampled_from(['x', 'release', 'r']))}|" + draw(whitespace) if kind == "substitution" else ""
        name = draw(st.sampled_from(DIRECTIVES))
        text = start + head + name + draw(st.sampled_from(["::", " ::", "  ::", ":: "])) + draw(
            st.sampled_from(["", " "])) + draw(st.sampled_from(ARGUMENTS))
        lines = [text]
        for option in draw(st.lists(st.sampled_from(OPTIONS), max_size=2)):
            lines.append(draw(indent) + option)
        if draw(st.booleans()):
            lines += ["", draw(indent) + draw(st.sampled_from(CONTENT))]
        return draw(separator).join(lines)
    if kind == "target":
        return start + draw(st.sampled_from(["_t: ", "_`t x`: ", "_t:", "__: "])) + draw(
            st.sampled_from(["javascript:alert(1)", "https://evil.example/", "t_", "`soft power`_"]))
    if kind == "anonymous":
        return draw(st.sampled_from(["__ ", "__"])) + draw(st.sampled_from(["javascript:alert(1)", "x_"]))
    if kind == "footnote":
        return start + draw(st.sampled_from(["[1] ", "[#] ", "[*] ", "[#n] ", "[CIT] "])) + "note"
    return start + draw(st.sampled_from(["comment", "a comment\n   continued", ""]))


@st.composite
def msgstrs(draw: st.DrawFn) -> str:
    """A translation, then constructs joined by line separators (blank lines, or not), maybe nested in inline markup."""
    parts = [draw(st.sampled_from(TRANSLATIONS))]
    for _ in range(draw(st.integers(1, 3))):
        glue = draw(separator) * draw(st.integers(0, 2))
        piece = draw(st.one_of(explicit_markup(), st.sampled_from(INLINE)))
        if draw(st.booleans()):
            piece = draw(indent) + piece
        parts.append(glue + piece if glue else " " + piece)
    return "".join(parts)


@pytest.fixture(scope="module")
def sphinx_app(tmp_path_factory: pytest.TempPathFactory) -> Sphinx:
    """A Sphinx application on a copy of the project's sources (triglot.sphinx loaded: ``:pubdate:``…)."""
    base = tmp_path_factory.mktemp("oracle")
    shutil.copytree(ROOT / "docs", base / "docs")
    shutil.copy(ROOT / "pyproject.toml", base / "pyproject.toml")
    shutil.copytree(ROOT / "glossary", base / "glossary")
    with docutils_namespace():
        app = Sphinx(str(base / "docs"), str(base / "docs"), str(base / "out"), str(base / "doctrees"), "dummy",
                     confoverrides={"language": "en"}, status=None, warning=io.StringIO(), freshenv=True)
        app.env.current_document.docname = "index"
        yield app


def sphinx_parse(app: Sphinx, rst: str) -> tuple[nodes.document, list[nodes.system_message]]:
    """*rst* parsed as ``sphinx.transforms.i18n`` parses a msgstr, with every directive and role active.

    Only file insertion is off (``/dev/zero``, URLs). The whole document is
    kept: Sphinx uses the first node, but every directive in it has run.
    """
    from docutils.frontend import get_default_settings
    from sphinx.parsers import RSTParser

    settings = get_default_settings(RSTParser)
    settings.env, settings.report_level, settings.halt_level = app.env, 5, 5
    settings.warning_stream, settings.file_insertion_enabled = io.StringIO(), False
    document = utils.new_document("index.rst:1:<translated>", settings)
    document.reporter = LoggingReporter.from_reporter(document.reporter)
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    text = rst + "\n\n   dummy literal" if rst.strip().endswith("::") else rst
    parser = app.registry.create_source_parser(get_filetype(app.config.source_suffix, "index.rst"),
                                               config=app.config, env=app.env)
    with sphinx_domains(app.env):
        parser.parse(text, document)
    last = document.children[-1] if document.children else None
    if text != rst and isinstance(last, nodes.literal_block) and last.astext() == "dummy literal":
        document.remove(last)  # Sphinx's own addition, which it drops
    return document, messages


def signature(document: nodes.document) -> tuple[set[str], Counter[str]]:
    """The node types and references of Sphinx's parse."""
    types: set[str] = set()
    references: Counter[str] = Counter()
    for node in document.findall(nodes.Element):
        if isinstance(node, nodes.document):
            continue
        types.add(type(node).__name__)
        if isinstance(node, addnodes.pending_xref):
            references[f"xref:{node.get('refdomain')}:{node.get('reftype')}:{node.get('reftarget')}"] += 1
        elif isinstance(node, (nodes.reference, addnodes.download_reference)):
            references[f"ref:{node.get('refuri') or node.get('refname') or node.get('reftarget')}"] += 1
        elif isinstance(node, (nodes.footnote_reference, nodes.citation_reference, nodes.substitution_reference)):
            references[f"{type(node).__name__}:{node.get('refname') or node.get('auto')}"] += 1
        elif isinstance(node, nodes.target) and isinstance(node.parent, nodes.TextElement) and node.get("refuri"):
            references[f"link target:{node['refuri']}"] += 1  # a link's own target, named after its (translated) text
        elif isinstance(node, nodes.target):
            references[f"target:{node.get('refuri')}:{node.get('names')}"] += 1
        elif isinstance(node, (nodes.raw, nodes.math)):
            references[f"{type(node).__name__}:{node.astext()}"] += 1
        elif isinstance(node, nodes.inline) and "pubdate" in node.get("classes", []):
            references[f"pubdate:{node.astext()}"] += 1
    return types, references


def _tables() -> tuple[dict, dict]:
    return dict(roles._roles), dict(directives._directives)


@settings(FUZZ, max_examples=FUZZ.max_examples * 5)  # a few seconds in CI: most examples are refused at once
@given(msgid=st.sampled_from(MSGIDS), msgstr=msgstrs())
@example(msgid=MSGIDS[0], msgstr="Мягкая сила\n\n.. role :: pubdate(raw)\n   :format: html latex")
@example(msgid=MSGIDS[0], msgstr="Мягкая сила\u2028\u2028.. role :: pubdate(raw)\u2028   :format: html latex")
@example(msgid=MSGIDS[1], msgstr="Институт, :pubdate:`<img src=x onerror=alert(1)>\\directlua{} <2014-01-21>`")
@example(msgid=MSGIDS[3], msgstr="См. `сайт <javascript:alert(1)>`_.")
@example(msgid=MSGIDS[0], msgstr="Текст\x1e\x1e..  py:function :: f()")
def test_a_msgstr_the_decision_accepts_is_harmless_to_sphinx(sphinx_app: Sphinx, msgid: str, msgstr: str) -> None:
    if refusal_reason(msgid, msgstr) is not None:
        return
    source_types, source_references = signature(sphinx_parse(sphinx_app, msgid)[0])
    before = _tables()
    document, messages = sphinx_parse(sphinx_app, msgstr)
    tables_changed = _tables() != before
    types, references = signature(document)
    blocks = [child for child in document.children if not isinstance(child, nodes.system_message)]
    assert not tables_changed, "the role or directive table changed"
    assert not messages, [message.astext() for message in messages]
    assert len(blocks) <= 1 and all(isinstance(block, nodes.paragraph) for block in blocks), document.pformat()
    assert types <= source_types | INERT_STYLES, types - source_types
    literals = Counter({key: count for key, count in references.items() if key.startswith("literal")})
    assert references - literals <= source_references, references - source_references
