"""The markup of a message as docutils parses it: a pure, cached parse, nothing run, nothing read.

:func:`markup_of` parses reStructuredText with docutils' own parser, the one
Sphinx uses for a msgstr (``sphinx.transforms.i18n``: the parser alone, no
transforms), and returns a :class:`MarkupSignature`: the kind of the first
node (a translation that is not a paragraph is dropped by Sphinx), the number
of top-level blocks, the node types of the tree, the references as a
multiset and docutils' messages. The parse is inert: a directive is parsed
(name, arguments, options, content) into a :class:`directive` node and never
run, a role is read generically (its name and text, no role function runs),
and file insertion and raw content are off, so parsing a hostile msgstr
reads nothing and runs nothing. What is acceptable is decided from these
signatures by :mod:`triglot.refusal`.
"""

from __future__ import annotations

import functools
import io
import re
from collections import Counter
from dataclasses import dataclass

from docutils import frontend, nodes, utils
from docutils.parsers.rst import Directive, Parser, directives, states
from docutils.statemachine import string2lines

#: Roles whose content is display text, translated freely: compared by role name only.
TEXT_ROLES = frozenset({
    "abbr", "command", "dfn", "emphasis", "file", "guilabel", "index", "kbd", "literal", "mailheader",
    "makevar", "menuselection", "program", "regexp", "samp", "strong", "sub", "subscript", "sup",
    "superscript", "t", "title", "title-reference",
})
#: Cross-reference roles written ``title <target>``: the title is translated, the target compared.
#: So are the default role (text in single backquotes) and every domain role (``py:func``…); any other
#: role is compared by its whole text.
XREF_ROLES = frozenset({
    "", "any", "attr", "class", "confval", "const", "data", "doc", "download", "envvar", "eq", "exc", "func", "keyword",
    "meth", "mod", "numref", "obj", "option", "pep", "ref", "rfc", "term", "token", "type",
})

_EXPLICIT_TITLE = re.compile(r"^(.+?)\s*(?<!\x00)<([^<]*?)>$", re.DOTALL)
_LITERAL_BLOCK_DUMMY = "\n\n   dummy literal"


class directive(nodes.Inline, nodes.Element):  # noqa: N801 - docutils names node classes in lower case
    """A directive as written (``.. name::``), parsed but never run (inline, so that a substitution may hold it)."""


class _AnyOption(dict):
    """An option spec that accepts every option name, unconverted: a directive's options never fail to parse."""

    def __missing__(self, key: str) -> object:
        return directives.unchanged

    def __bool__(self) -> bool:
        return True


class _InertDirective(Directive):
    """Any directive: its arguments, options and content are read, nothing is run."""

    optional_arguments = 100
    final_argument_whitespace = True
    option_spec = _AnyOption()
    has_content = True

    def run(self) -> list[nodes.Node]:
        return [directive(self.block_text, name=self.name.lower())]


def _inert_directive(name: str, language: object, document: nodes.document) -> tuple[type[Directive], list]:
    return _InertDirective, []


@dataclass(frozen=True)
class DocutilsMessage:
    """A docutils system message: level (1 info, 2 warning, 3 error, 4 severe), text, line in the text."""

    level: int
    text: str
    line: int | None


@dataclass(frozen=True)
class MarkupSignature:
    """What a message's markup amounts to.

    ``kind``: the docutils node class of the first block (``paragraph``,
    ``bullet_list``, ``system_message``…; ``empty`` for no block). ``blocks``:
    top-level blocks besides docutils' messages (Sphinx keeps only the first).
    ``constructs``: the node types of the tree, a directive named as written
    (``.. include::``), sorted. ``items``: the references that must survive
    translation (roles with their targets, inline literals, footnote and
    citation references, substitutions, hyperlinks and their URIs, targets),
    sorted ``(item, count)`` pairs. ``messages``: docutils' messages.
    """

    kind: str
    blocks: int
    constructs: tuple[str, ...]
    items: tuple[tuple[str, int], ...]
    messages: tuple[DocutilsMessage, ...]

    @property
    def item_counts(self) -> Counter[str]:
        """The references as a multiset."""
        return Counter(dict(self.items))


def _generic_interpreted(rawsource: str, text: str, role: str, lineno: int) -> tuple[list[nodes.Node], list]:
    """Interpreted text of any role as a neutral node naming its role and target (no role function runs)."""
    name = role.lower()
    node = nodes.inline(rawsource, utils.unescape(text))
    node["triglot_role"] = name
    node["triglot_target"] = role_target(name, text)
    return [node], []


def role_target(role: str, text: str) -> str:
    """What a role's text must keep in a translation: '' for display text, the target of a
    cross-reference, else the whole text (a role of its own, such as ``:pubdate:``).

    *text* may hold docutils' escaped form (``\\x00`` before escaped characters).
    For a cross-reference, the explicit ``<target>`` (else the text) without the
    ``~``, ``!`` and ``.`` prefixes; ``term`` targets are case-insensitive, as in
    Sphinx. Whitespace is collapsed.
    """
    if role in TEXT_ROLES:
        return ""
    if role not in XREF_ROLES and ":" not in role:
        return " ".join(utils.unescape(text, restore_backslashes=True).split())
    match = _EXPLICIT_TITLE.match(text)
    target = " ".join(utils.unescape(match.group(2) if match else text).split())
    return target.lower() if role.split(":")[-1] == "term" else target.lstrip("~!.")


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
    """Parse *rst* as Sphinx parses a msgstr, inertly; returns the document and every docutils message."""
    document = utils.new_document("<message>", _settings())
    messages: list[nodes.system_message] = []
    document.reporter.attach_observer(messages.append)
    # In a Sphinx process every extension's directives are registered with docutils: none may run here.
    original, directives.directive = directives.directive, _inert_directive
    try:
        _parser().parse(rst, document)
    finally:
        directives.directive = original
    return document, messages


@functools.lru_cache(maxsize=65536)
def markup_of(rst: str) -> MarkupSignature:
    """The :class:`MarkupSignature` of one message's reStructuredText."""
    literal_dummy = rst.strip().endswith("::")
    # As Sphinx does, so that a trailing "::" is not an error; the dummy block is then dropped.
    document, messages = parse_rst(rst + _LITERAL_BLOCK_DUMMY if literal_dummy else rst)
    blocks = [child for child in document.children if not isinstance(child, nodes.system_message)]
    if literal_dummy and blocks and isinstance(blocks[-1], nodes.literal_block):
        document.remove(blocks.pop())
    kind = type(document.children[0]).__name__ if document.children else "empty"
    constructs: set[str] = set()
    items: Counter[str] = Counter()
    for block in blocks:
        for node in block.findall(nodes.Element):
            constructs.add(_construct(node))
            item = _item(node)
            if item:
                items[item] += 1
    found = tuple(
        DocutilsMessage(message["level"], message[0].astext() if message.children else "", message.get("line"))
        for message in messages
    )
    return MarkupSignature(kind, len(blocks), tuple(sorted(constructs)), tuple(sorted(items.items())), found)


def _construct(node: nodes.Element) -> str:
    """A node's type; a directive's and a role's name as written (``.. include::``, ``:download:``)."""
    if isinstance(node, directive):
        return f".. {node['name']}::"
    if isinstance(node, nodes.inline) and "triglot_role" in node:
        return f":{node['triglot_role']}:" if node["triglot_role"] else "`interpreted text`"
    return type(node).__name__


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
    if isinstance(node, nodes.target):
        if isinstance(node.parent, nodes.TextElement) and "refuri" in node:
            return None  # the target a link with an embedded URI makes: the link's <URI> is its item
        name = node["names"][0] if node.get("names") else "__"
        return f".. _{name}: {node['refuri']}" if "refuri" in node else f"_`{name}`"
    return None


@dataclass(frozen=True)
class MarkupDifference:
    """Markup items the translation lacks and carries in excess, as multisets."""

    missing: Counter[str]
    extra: Counter[str]


def compare_markup(source: MarkupSignature, translation: MarkupSignature) -> MarkupDifference:
    """The items of *source* missing from *translation*, and those it adds (order-free)."""
    ours, theirs = source.item_counts, translation.item_counts
    return MarkupDifference(ours - theirs, theirs - ours)
