"""The markup of a message, as Sphinx's i18n sees it: a pure, cached docutils parse.

:func:`markup_of` parses reStructuredText the way Sphinx parses a msgstr
(``sphinx.transforms.i18n``: the parser alone, no transforms) and returns a
:class:`MarkupSignature`: the kind of the first node (a translation that is
not a paragraph is dropped by Sphinx), the number of top-level blocks, the
markup items as a multiset, the explicit-markup constructs and the docutils
messages. :func:`compare_markup` and :func:`unsafe_constructs` compare two
signatures. Roles are read generically (any role name, no role function is
run) and file insertion and raw content are disabled, so parsing a hostile
msgstr reads nothing and runs nothing.
"""

from __future__ import annotations

import functools
import io
import re
from collections import Counter
from dataclasses import dataclass

from docutils import frontend, nodes, utils
from docutils.parsers.rst import Parser, directives, states
from docutils.statemachine import string2lines

#: Roles whose content is display text, translated freely: compared by role name only.
TEXT_ROLES = frozenset({
    "abbr", "command", "dfn", "emphasis", "file", "guilabel", "index", "kbd", "literal", "mailheader",
    "makevar", "menuselection", "program", "regexp", "samp", "strong", "sub", "subscript", "sup",
    "superscript", "t", "title", "title-reference",
})
#: Roles that read files or pass raw content to the output: never allowed unless the msgid has them.
UNSAFE_ROLES = frozenset({"download", "raw"})

_EXPLICIT_TITLE = re.compile(r"^(.+?)\s*(?<!\x00)<([^<]*?)>$", re.DOTALL)
_EXPLICIT_START = re.compile(
    r"^[ \t]*(?:\.\.[ \t]+(?:(?P<sub>\|[^|]+\|)[ \t]+)?(?P<directive>[\w][\w:.+-]*)::(?=\s|$)"
    r"|\.\.[ \t]+(?P<target>_[^:]*|__):(?=\s|$)"
    r"|\.\.[ \t]+(?P<note>\[[^\]]+\])(?=\s|$)"
    r"|(?P<anon>__)[ \t]+\S)"
)
_MAYBE_URI = re.compile(r"[A-Za-z0-9.+-]:\S|@")
_LITERAL_BLOCK_DUMMY = "\n\n   dummy literal"


@dataclass(frozen=True)
class DocutilsMessage:
    """A docutils system message: level (2 warning, 3 error, 4 severe), text, line in the text."""

    level: int
    text: str
    line: int | None


@dataclass(frozen=True)
class MarkupSignature:
    """What a message's markup amounts to.

    ``kind``: the docutils node class of the first block (``paragraph``,
    ``bullet_list``…; ``empty`` for no block). ``blocks``: top-level blocks
    (Sphinx keeps only the first). ``items``: inline markup that must survive
    translation (roles with their targets, inline literals, footnote and
    citation references, substitutions, hyperlinks, inline targets), sorted
    ``(item, count)`` pairs. ``constructs``: explicit markup blocks
    (directives, target and footnote definitions) and unsafe roles.
    """

    kind: str
    blocks: int
    items: tuple[tuple[str, int], ...]
    constructs: tuple[tuple[str, int], ...]
    messages: tuple[DocutilsMessage, ...]

    @property
    def item_counts(self) -> Counter[str]:
        """The markup items as a multiset."""
        return Counter(dict(self.items))

    @property
    def construct_counts(self) -> Counter[str]:
        """The explicit-markup constructs as a multiset."""
        return Counter(dict(self.constructs))


def _generic_interpreted(rawsource: str, text: str, role: str, lineno: int) -> tuple[list[nodes.Node], list]:
    """Interpreted text of any role as a neutral node naming its role and target (no role function runs)."""
    name = role.lower()
    node = nodes.inline(rawsource, utils.unescape(text))
    node["triglot_role"] = name
    node["triglot_target"] = role_target(name, text)
    return [node], []


def role_target(role: str, text: str) -> str:
    """What a role points at: its explicit ``<target>``, else its text; '' for display-text roles.

    *text* may hold docutils' escaped form (``\\x00`` before escaped characters).
    ``~``, ``!`` and ``.`` prefixes (Python-domain shorthands) are dropped, whitespace
    collapsed; ``term`` targets are case-insensitive, as in Sphinx.
    """
    if role in TEXT_ROLES:
        return ""
    match = _EXPLICIT_TITLE.match(text)
    target = utils.unescape(match.group(2) if match else text)
    target = " ".join(target.split())
    return target.lower() if role == "term" else target.lstrip("~!.")


@functools.cache
def _settings() -> frontend.Values:
    settings = frontend.get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.language_code = "en"
    return settings


class _Parser:
    """docutils' reStructuredText parser, keeping its state machine from one message to the next.

    ``Parser.parse`` builds a new state machine (15 states, a thousand
    transitions) for every text, which is most of the time spent on a short
    paragraph; the machine resets itself at each run, so it is reused.
    """

    def __init__(self) -> None:
        inliner = states.Inliner()
        # An instance attribute, not a subclass: docutils builds its patterns from the class's namespace.
        inliner.interpreted = _generic_interpreted  # type: ignore[method-assign]
        implicit_inline = inliner.implicit_inline

        def quick_implicit_inline(text: str, lineno: int) -> list[nodes.Node]:
            # The only implicit pattern (standalone URIs and e-mail addresses) needs "scheme:x" or "@".
            if _MAYBE_URI.search(text):
                return implicit_inline(text, lineno)
            return [nodes.Text(text)] if text else []

        inliner.implicit_inline = quick_implicit_inline  # type: ignore[method-assign]
        # The inline patterns depend only on the settings, which are always the same: build them once.
        init_customizations = inliner.init_customizations

        def init_once(settings: frontend.Values) -> None:
            if not hasattr(inliner, "patterns"):
                init_customizations(settings)

        inliner.init_customizations = init_once  # type: ignore[method-assign]
        self.inliner = inliner
        self.machine: states.RSTStateMachine | None = None

    def parse(self, text: str, document: nodes.document) -> None:
        """Parse *text* into *document*, as ``Parser.parse`` does."""
        machine, self.machine = self.machine, None
        if machine is None:
            machine = states.RSTStateMachine(state_classes=states.state_classes, initial_state="Body")
        lines = string2lines(text, tab_width=document.settings.tab_width, convert_whitespace=True)
        if any(len(line) > document.settings.line_length_limit for line in lines):
            document.append(document.reporter.error("Line exceeds the line-length-limit."))
            return
        machine.run(lines, document, inliner=self.inliner)
        self.machine = machine  # only after a run that ended normally


@functools.cache
def _parser() -> _Parser:
    return _Parser()


def parse_rst(rst: str) -> tuple[nodes.document, list[nodes.system_message]]:
    """Parse *rst* as Sphinx parses a msgstr; returns the document and docutils' messages."""
    document = utils.new_document("<message>", _settings())
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    # No directive runs (in a Sphinx process every extension's directives are
    # registered with docutils): each one is parsed as an unknown directive.
    original, directives.directive = directives.directive, _no_directive
    try:
        _parser().parse(rst, document)
    finally:
        directives.directive = original
    return document, messages


def _no_directive(name: str, language: object, document: nodes.document) -> tuple[None, list]:
    return None, []


@functools.lru_cache(maxsize=65536)
def markup_of(rst: str) -> MarkupSignature:
    """The :class:`MarkupSignature` of one message's reStructuredText."""
    if _is_plain(rst):
        return _PLAIN
    text = rst
    literal_dummy = text.strip().endswith("::")
    if literal_dummy:  # as Sphinx does, so that a trailing "::" is not an error
        text += _LITERAL_BLOCK_DUMMY
    document, messages = parse_rst(text)
    blocks = [child for child in document.children if not isinstance(child, nodes.system_message)]
    if literal_dummy and blocks and isinstance(blocks[-1], nodes.literal_block):
        blocks.pop()
    kind = type(document.children[0]).__name__ if document.children else "empty"
    constructs = _explicit_constructs(rst)
    items: Counter[str] = Counter()
    for node in document.findall(nodes.Element):
        item = _item(node)
        if item:
            items[item] += 1
            if isinstance(node, nodes.inline) and node.get("triglot_role", "").split(":")[-1] in UNSAFE_ROLES:
                constructs[node.rawsource] += 1
    found = tuple(
        DocutilsMessage(message["level"], message[0].astext() if message.children else "",
                        message.get("line"))
        for message in messages if message["level"] >= 2
    )
    return MarkupSignature(kind, len(blocks), tuple(sorted(items.items())), tuple(sorted(constructs.items())), found)


_PLAIN = MarkupSignature("paragraph", 1, (), (), ())
_MARKUP_CHARS = re.compile(r"[*`_|\[\]\\<>@\n\r\t\x00]|::|^[^\W\d_][\w]{0,6}[.)]\s|^[^\W\d_]{0,7}[.)]$")


def _is_plain(rst: str) -> bool:
    """True for one line of words with nothing docutils could read as markup: a paragraph with no items.

    It starts with a letter (no list, option, field, quote, table or explicit
    markup), is not an enumerator ("a. ", "iv) "), and has no inline-markup
    character, no URI or e-mail address, no "::" and no line break.
    """
    return bool(rst) and rst[0].isalpha() and rst == rst.strip() and not _MARKUP_CHARS.search(rst) \
        and not _MAYBE_URI.search(rst)


def _item(node: nodes.Element) -> str | None:
    if isinstance(node, nodes.inline) and "triglot_role" in node:
        role, target = node["triglot_role"], node["triglot_target"]
        if role in TEXT_ROLES:
            return f":{role}:`…`"
        return f":{role}:`{target}`" if role else f"`{target}`"
    if isinstance(node, nodes.literal):
        return f"``{node.astext()}``"
    if isinstance(node, nodes.footnote_reference):
        if node.get("auto"):
            label = "#" + node["refname"] if "refname" in node else ("*" if node["auto"] == "*" else "#")
            return f"[{label}]_"
        return f"[{node.astext()}]_"
    if isinstance(node, nodes.citation_reference):
        return f"[{node.get('refname', node.astext())}]_"
    if isinstance(node, nodes.substitution_reference):
        return f"|{node.get('refname', node.astext())}|"
    if isinstance(node, nodes.reference):
        if "refuri" in node:
            return f"<{node['refuri']}>"
        if node.get("anonymous"):
            return "`…`__"
        if "refname" in node:
            return f"`{node['refname']}`_"
        return None
    if isinstance(node, nodes.target) and "refuri" not in node and node.get("names"):
        return f"_`{node['names'][0]}`"
    return None


def _explicit_constructs(rst: str) -> Counter[str]:
    constructs: Counter[str] = Counter()
    previous_blank = True
    for line in rst.split("\n"):
        if previous_blank:
            match = _EXPLICIT_START.match(line)
            if match:
                if match["directive"]:
                    sub = f"{match['sub']} " if match["sub"] else ""
                    constructs[f".. {sub}{match['directive'].lower()}::"] += 1
                elif match["target"]:
                    constructs[f".. {match['target']}:"] += 1
                elif match["note"]:
                    constructs[f".. {match['note']}"] += 1
                else:
                    constructs["__ (anonymous target)"] += 1
        previous_blank = not line.strip()
    return constructs


def item_category(item: str) -> str:
    """What a markup item is: ``literal`` (``code``), ``link`` (a URL), ``text-role`` (display text
    such as :guilabel:) or ``reference`` (cross-references, terms, footnotes, citations,
    substitutions, named links and targets: what breaks or misleads when lost)."""
    if item.startswith("``"):
        return "literal"
    if item.startswith("<"):
        return "link"
    if item.endswith(":`…`"):
        return "text-role"
    return "reference"


@dataclass(frozen=True)
class MarkupDifference:
    """Markup items the translation lacks and carries in excess, as multisets."""

    missing: Counter[str]
    extra: Counter[str]


def compare_markup(source: MarkupSignature, translation: MarkupSignature) -> MarkupDifference:
    """The items of *source* missing from *translation*, and those it adds (order-free)."""
    ours, theirs = source.item_counts, translation.item_counts
    return MarkupDifference(ours - theirs, theirs - ours)


def unsafe_constructs(msgid: str, msgstr: str) -> list[str]:
    """The explicit markup (directives, definitions) and unsafe roles *msgstr* carries beyond *msgid*.

    A translation may carry only the markup its msgid carries: Sphinx parses a
    msgstr with every directive enabled, so an ``include`` in a PO file would
    publish a file of the build machine.
    """
    extra = markup_of(msgstr).construct_counts - markup_of(msgid).construct_counts
    return sorted(extra.elements())
