"""TeX for the PDF editions: what is missing and which Debian packages bring it; errors worth showing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

# The programs the PDF build runs, and the Debian package of each.
PROGRAMS = {"lualatex": "texlive-latex-base", "latexmk": "latexmk", "kpsewhich": "texlive-binaries"}

# One file from each package the LuaLaTeX set-up needs (see triglot.sphinx.latex).
TEX_FILES = {
    "luatex85.sty": "texlive-luatex",
    "fontspec.sty": "texlive-latex-recommended",
    "fncychap.sty": "texlive-latex-extra",
    "ltjsarticle.cls": "texlive-lang-japanese",
    "HaranoAjiMincho-Regular.otf": "texlive-lang-japanese",
    "russianb.ldf": "texlive-lang-cyrillic",
    "FreeSerif.otf": "fonts-freefont-otf",
}


def missing_packages() -> list[str]:
    """The Debian packages whose programs or TeX files the PDF build cannot find (empty when all are there)."""
    missing = [package for program, package in PROGRAMS.items() if shutil.which(program) is None]
    if "texlive-binaries" in missing:
        return sorted({*missing, *TEX_FILES.values()})
    completed = subprocess.run(["kpsewhich", *TEX_FILES], capture_output=True, text=True)
    found = {Path(line.strip()).name for line in completed.stdout.splitlines() if line.strip()}
    missing += [package for name, package in TEX_FILES.items() if name not in found]
    return sorted(set(missing))


def missing_message(packages: list[str]) -> str:
    """What to tell a user whose machine lacks *packages*."""
    return (f"the PDF editions need TeX Live with LuaLaTeX, which is missing here: install the Debian packages "
            f"{' '.join(packages)} (sudo apt-get install {' '.join(packages)}), or run ./dev build, which installs "
            f"them; the HTML and EPUB editions do not need them")


_CONTEXT = re.compile(r"^l\.\d+ ")


def latex_error(log: str, limit: int = 8) -> list[str]:
    """The lines of a LaTeX log that explain its first error: the ``! …`` line to the ``l.NN`` context.

    At most *limit* lines (the first ones and the context); empty when the log holds no error.
    """
    lines = [line.rstrip() for line in log.splitlines()]
    start = next((i for i, line in enumerate(lines) if line.startswith("! ")), None)
    if start is None:
        return []
    end = next((i for i in range(start, min(len(lines), start + 40)) if _CONTEXT.match(lines[i])), start)
    context = lines[end:end + 2] if end > start else []
    message = [line for line in lines[start:end] if line.strip()][: max(1, limit - len(context))]
    return message + [line for line in context if line.strip()]
