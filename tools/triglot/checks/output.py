"""Findings as text for people, JSON for programs, annotations for GitHub workflows."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from .model import SEVERITIES, Finding
from .registry import Check


def as_text(findings: Sequence[Finding], files: int) -> str:
    """Findings grouped by file, one line each (``  line  severity  check  message``), and a summary."""
    lines: list[str] = []
    for file, group in groupby(findings, key=lambda f: f.file):
        lines.append(str(file))
        for finding in group:
            lines.append(f"  {finding.line:>5}  {finding.severity:<7}  {finding.check:<20}  {finding.message}")
    lines.append(summary(findings, files))
    return "\n".join(lines) + "\n"


def summary(findings: Sequence[Finding], files: int) -> str:
    """``N errors, N warnings, N notes in F files checked``."""
    counts = Counter(f.severity for f in findings)
    names = {"error": "error", "warning": "warning", "info": "note"}
    parts = [f"{counts[s]} {names[s]}{'' if counts[s] == 1 else 's'}" for s in reversed(SEVERITIES)]
    return f"{', '.join(parts)} in {files} file{'' if files == 1 else 's'} checked"


def as_json(findings: Sequence[Finding], files: int) -> str:
    """``{"files": N, "findings": [{file, line, check, severity, message}, …]}``."""
    return json.dumps({"files": files, "findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2) + "\n"


def as_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``."""
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    return "".join(
        f"::{levels[f.severity]} file={_property(str(f.file))},line={f.line},title={_property(f.check)}::"
        f"{_data(f.message)}\n"
        for f in findings
    )


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def check_list(checks: Sequence[Check]) -> str:
    """Every check with its family, severity, default and documentation (``triglot check --list``)."""
    blocks = []
    for check in checks:
        state = "on" if check.default else "off by default"
        langs = f", {'/'.join(sorted(check.languages))} only" if check.languages else ""
        doc = "\n".join("    " + line.strip() if line.strip() else "" for line in check.doc.splitlines())
        blocks.append(f"{check.id}  [{check.family}, {check.severity}, {state}{langs}]\n{doc}")
    return "\n\n".join(blocks) + "\n"
