"""Read the glossary's YAML files into entries, keeping the line of every value.

PyYAML's composer gives a node tree with positions; each node is checked
for its expected shape and type before it becomes part of an entry, so every
problem can be reported as ``file:line: message``.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from triglot.errors import TriglotError
from triglot.fs import MIB, read_input

from .model import CATEGORIES, PARTS_OF_SPEECH, Entry, Forbidden, Term
from .problems import Problem

STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"

ENTRY_FIELDS = ("id", "category", "pos", "origin", "published", "note")
REQUIRED_ENTRY_FIELDS = ("id", "category", "pos")
TERM_FIELDS = (
    "term", "variants", "forbidden", "forms", "definition",
    "romanization", "reading", "note", "source", "exception",
)
FORBIDDEN_FIELDS = ("term", "reason")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Modified Hepburn: Latin letters with macrons; no circumflexes (Kunrei/Nihon-shiki style).
_HEPBURN = re.compile(r"^[A-Za-zĀāĒēĪīŌōŪū' .,()\-]+$")
_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# In a text YAML has folded, a space between two CJK characters (or
# full-width punctuation), or between one and a digit, was a line break of
# Japanese prose: "研究する。 2014年" is "研究する。2014年", while
# "Polivanov: し is си" keeps its spaces.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
#: A glossary file larger than this is refused before it is read (a glossary of 10,000 terms is about 3 MB).
MAX_GLOSSARY_FILE_BYTES = 8 * MIB
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}0-9])|(?<=[0-9])\s+(?=[{_CJK}])")


def glossary_files(path: Path) -> list[Path]:
    """The YAML files of the glossary at *path* (a folder, or one file), sorted by name.

    Every entry named ``*.yaml`` or ``*.yml`` counts, whatever it is: one that
    is not a regular file is refused when it is read.
    """
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path]


def read_file(
    path: Path, languages: tuple[str, ...], required: tuple[str, ...], root: Path | None = None
) -> tuple[list[Entry], list[Problem]]:
    """The entries of one glossary file and the problems found in it.

    *languages* are the language sections an entry may have, *required* those it must have.
    A file leading out of *root* through a symbolic link, not a regular file
    or larger than :data:`MAX_GLOSSARY_FILE_BYTES` is one problem, and not read.
    """
    reader = _Reader(path, languages, required)
    try:
        data = read_input(path, root=root, limit=MAX_GLOSSARY_FILE_BYTES, what="glossary file")
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [], [Problem(path, line, "not UTF-8 text: save the file as UTF-8")]
    except TriglotError as exc:
        return [], [Problem(path, 0, exc.message)]
    except OSError as exc:
        return [], [Problem(path, 0, f"cannot read the file: {exc.strerror}")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        return [], [Problem(path, line, f"invalid YAML: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return [], [Problem(path, 1, f"invalid YAML: {exc}")]
    if root is None:
        return [], []
    if not isinstance(root, SequenceNode):
        reader.problem(root, "a glossary file must be a list of entries, each starting with '- id: …'")
        return [], reader.problems
    entries = [entry for node in root.value if (entry := reader.entry(node)) is not None]
    return entries, reader.problems


def _entry_label(node: Node) -> str:
    """``entry 'soft-power'`` when the entry's id is a text, else ``an entry``."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode) and value.tag == STR_TAG:
                return f"entry {value.value!r}"
    return "an entry"


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    """Turns the nodes of one file into entries, collecting problems."""

    def __init__(self, path: Path, languages: tuple[str, ...], required: tuple[str, ...]) -> None:
        self.path = path
        self.languages = languages
        self.required = required
        self.problems: list[Problem] = []

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.path, _line(node), message))

    def fields(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, Node] | None:
        """The fields of a mapping node; unknown and duplicate keys are problems."""
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of fields")
            return None
        result: dict[str, Node] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != STR_TAG:
                self.problem(key, f"{what}: field names must be plain words")
                continue
            if key.value in result:
                self.problem(key, f"duplicate field {key.value!r} in {what}")
                continue
            if key.value not in allowed:
                self.problem(key, f"unknown field {key.value!r} in {what} (allowed: {', '.join(allowed)})")
                continue
            result[key.value] = value
        return result

    def text(self, node: Node, name: str, *, one_line: bool = True) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag != STR_TAG or not node.value.strip():
            self.problem(node, f"{name!r} must be a non-empty text")
            return None
        value = node.value.strip() if one_line else _CJK_SPACE.sub("", " ".join(node.value.split()))
        if one_line and "\n" in value:
            self.problem(node, f"{name!r} must be on one line")
            return None
        return value

    def texts(self, node: Node, name: str) -> tuple[str, ...]:
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{name!r} must be a list of texts")
            return ()
        values = (self.text(item, name) for item in node.value)
        return tuple(value for value in values if value is not None)

    def flag(self, node: Node, name: str) -> bool | None:
        if not isinstance(node, ScalarNode) or node.tag != BOOL_TAG:
            self.problem(node, f"{name!r} must be true or false")
            return None
        return node.value.lower() in ("true", "yes", "on", "y")

    def choice(self, node: Node, name: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(node, name)
        if value is not None and value not in choices:
            self.problem(node, f"unknown {name} {value!r} (one of: {', '.join(choices)})")
            return None
        return value

    def entry(self, node: Node) -> Entry | None:
        fields = self.fields(node, _entry_label(node), ENTRY_FIELDS + self.languages)
        if fields is None:
            return None
        entry_id = self.text(fields["id"], "id") if "id" in fields else None
        if entry_id is not None and not _ID.match(entry_id):
            self.problem(fields["id"], f"id {entry_id!r} must be lower-case letters, digits and hyphens, like 'soft-power'")
            entry_id = None
        label = f"entry {entry_id!r}" if entry_id else "an entry"
        missing = [name for name in REQUIRED_ENTRY_FIELDS if name not in fields]
        missing += [lang for lang in self.required if lang not in fields]
        for name in missing:
            kind = "language section" if name in self.languages else "field"
            self.problem(node, f"{label} has no {name!r} {kind}")
        category = self.choice(fields["category"], "category", CATEGORIES) if "category" in fields else None
        pos = self.choice(fields["pos"], "pos", tuple(PARTS_OF_SPEECH)) if "pos" in fields else None
        published = self.flag(fields["published"], "published") if "published" in fields else True
        origin = self.text(fields["origin"], "origin") if "origin" in fields else None
        note = self.text(fields["note"], "note", one_line=False) if "note" in fields else None
        terms = {}
        for lang in self.languages:
            if lang in fields and (term := self.term(fields[lang], lang, label)) is not None:
                terms[lang] = term
        if origin == "ja" and "ja" in terms and not terms["ja"].romanization:
            self.problem(fields["ja"], f"{label} is Japanese (origin: ja): its 'ja' section needs a 'romanization'")
        if origin == "ja" and "ja" in terms and not _JAPANESE_SCRIPT.search(terms["ja"].term):
            self.problem(fields["ja"], f"{label} is Japanese (origin: ja): its 'ja' term must be in Japanese script")
        present = [lang for lang in self.languages if lang in fields]
        if None in (entry_id, category, pos, published) or missing or len(terms) != len(present):
            return None
        return Entry(entry_id, category, pos, terms, published, origin, note, self.path, _line(node))

    def term(self, node: Node, lang: str, label: str) -> Term | None:
        what = f"the {lang!r} section of {label}"
        fields = self.fields(node, what, TERM_FIELDS)
        if fields is None:
            return None
        for name in ("term", "definition"):
            if name not in fields:
                self.problem(node, f"{what} has no {name!r} field")
        term = self.text(fields["term"], "term") if "term" in fields else None
        definition = self.text(fields["definition"], "definition", one_line=False) if "definition" in fields else None
        optional = {
            name: self.text(fields[name], name, one_line=name not in ("note", "source", "exception"))
            for name in ("romanization", "reading", "note", "source", "exception")
            if name in fields
        }
        romanization = optional.get("romanization")
        if romanization is not None and not _HEPBURN.match(romanization):
            self.problem(
                fields["romanization"],
                f"romanization {romanization!r} must be modified Hepburn: Latin letters, macrons (ā ē ī ō ū), no circumflexes",
            )
        variants = self.texts(fields["variants"], "variants") if "variants" in fields else ()
        forms = self.texts(fields["forms"], "forms") if "forms" in fields else ()
        forbidden = self.forbidden(fields["forbidden"]) if "forbidden" in fields else ()
        if term is None or definition is None:
            return None
        return Term(
            lang, term, definition, variants, forbidden, forms,
            romanization, optional.get("reading"), optional.get("note"), optional.get("source"),
            optional.get("exception"), _line(node),
        )

    def forbidden(self, node: Node) -> tuple[Forbidden, ...]:
        if not isinstance(node, SequenceNode):
            self.problem(node, "'forbidden' must be a list of {term: …, reason: …}")
            return ()
        result = []
        for item in node.value:
            fields = self.fields(item, "a forbidden variant", FORBIDDEN_FIELDS)
            if fields is None:
                continue
            for name in FORBIDDEN_FIELDS:
                if name not in fields:
                    self.problem(item, f"a forbidden variant has no {name!r} field")
            term = self.text(fields["term"], "term") if "term" in fields else None
            reason = self.text(fields["reason"], "reason", one_line=False) if "reason" in fields else None
            if term is not None and reason is not None:
                result.append(Forbidden(term, reason, _line(item)))
        return tuple(result)
