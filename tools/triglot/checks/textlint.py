"""Japanese prose checked by textlint (npm), with the rules of the project's textlint configuration.

textlint is found in ``node_modules/.bin`` of the working folder or a folder
above it, else on PATH; it runs in the folder that holds ``node_modules``, so
the configuration there (``.textlintrc.yml``) applies. Each message is given to
textlint as one paragraph of plain text: the markup reduced to what a reader
sees, footnote marks left out.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from .model import Catalog, Finding, Message
from .plain import NOTE_REFERENCE, PLACEHOLDER, plain_text
from .registry import CheckContext, check

FAMILY = "textlint"
TIMEOUT = 600
# Sphinx's domain for interface strings (Sphinx's, the theme's, triglot's): HTML fragments and labels with
# placeholders, in the polite です・ます style Japanese interfaces use; not prose, so not given to textlint (the
# typography checks still apply to them).
INTERFACE_DOMAIN = "sphinx"


def find_textlint(start: Path) -> Path | None:
    """The textlint program: ``node_modules/.bin/textlint`` in *start* or a parent, else the one on PATH."""
    for folder in (start, *start.parents):
        candidate = folder / "node_modules" / ".bin" / "textlint"
        if candidate.is_file():
            return candidate
    found = shutil.which("textlint")
    return Path(found) if found else None


def visible_text(message: Message) -> str:
    """The msgstr as a reader sees it, on one line: footnote marks left out, code and links as ＿.

    ＿ stands for what textlint cannot read (``code``, a reference): leaving
    nothing there would glue the words around it ("イメージが使用する際に ``/var/…``
    にコピー" would become "際に にコピー", a doubled particle that is not there).
    """
    text = plain_text(NOTE_REFERENCE.sub("", message.msgstr))
    return " ".join(text.replace(PLACEHOLDER, "＿").split())


def run_textlint(program: Path, paragraphs: Sequence[Sequence[str]]) -> list[list[tuple[int, str, str]]]:
    """textlint's findings for each document of *paragraphs*: (paragraph index, rule, message) per problem."""
    workdir = program.parent.parent.parent if program.parent.name == ".bin" else Path.cwd()
    with tempfile.TemporaryDirectory(prefix="triglot-textlint-") as tmp:
        files = []
        for number, document in enumerate(paragraphs):
            path = Path(tmp) / f"{number}.txt"
            path.write_text("".join(text + "\n\n" for text in document), encoding="utf-8")
            files.append(path)
        result = subprocess.run([str(program), "--format", "json", *map(str, files)], cwd=workdir,
                                capture_output=True, text=True, timeout=TIMEOUT, check=False)
        try:
            reports = {Path(report["filePath"]).name: report["messages"] for report in json.loads(result.stdout)}
        except (json.JSONDecodeError, KeyError, TypeError):
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise RuntimeError(detail[0] if detail else f"exit status {result.returncode}") from None
    return [[((problem["line"] - 1) // 2, problem["ruleId"], problem["message"].splitlines()[0])
             for problem in reports.get(path.name, [])] for path in files]


@check("ja-textlint", FAMILY, "warning", scope="corpus", languages=["ja"])
def japanese_textlint(catalogs: Sequence[Catalog], ctx: CheckContext) -> Iterator[Finding]:
    """Japanese text that a textlint rule of the project's configuration flags (doubled particles, 冗長表現, style…).

    Bad:  msgstr "ソビエト・トルキスタンを横断する旅を行い、"   (ja-no-redundant-expression)
    Good: msgstr "ソビエト・トルキスタンを横断し、"
    (Interface catalogs, ``sphinx.po``, are left out. Needs textlint: `npm ci` installs the versions of package-lock.json; without it, one note says so.)
    """
    prose = [catalog for catalog in catalogs if catalog.path.stem != INTERFACE_DOMAIN]
    messages = [[m for m in catalog.messages if m.translated] for catalog in prose]
    if not any(messages):
        return
    program = find_textlint(Path.cwd())
    first = next(m for group in messages for m in group)
    if program is None:
        yield ctx.finding(first, "textlint is not installed (run `npm ci` where package.json lists it): "
                                 "the Japanese text was not checked with it", severity="info")
        return
    try:
        results = run_textlint(program, [[visible_text(m) for m in group] for group in messages])
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
        yield ctx.finding(first, f"textlint did not run: {error}", severity="error")
        return
    for group, problems in zip(messages, results):
        for index, rule, text in problems:
            yield ctx.finding(group[index], f"{rule.split('/')[-1]}: {text}")
