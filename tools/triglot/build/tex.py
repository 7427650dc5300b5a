"""TeX for the PDF editions: what is missing and which Debian packages bring it; errors worth showing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from .. import pdf_languages

# The programs the PDF build runs, and the Debian package of each.
PROGRAMS = {"lualatex": "texlive-latex-base", "latexmk": "latexmk", "kpsewhich": "texlive-binaries",
            "upmendex": "texlive-binaries"}
# The programs the PDF build uses when they are there, and the Debian package of each: without one, what it does
# is left out with a warning that names the package (triglot.sphinx.latex_images), not the build stopped.
OPTIONAL_PROGRAMS = {"rsvg-convert": "librsvg2-bin"}  # SVG images to PDF

# One file from each package the LuaLaTeX set-up of every edition needs (see triglot.sphinx.latex): LuaTeX-ja and
# HaranoAji for the Japanese any edition may quote; each language's own are in triglot.pdf_languages.
TEX_FILES = {
    "luatex85.sty": "texlive-luatex",
    "fontspec.sty": "texlive-latex-recommended",
    "fncychap.sty": "texlive-latex-extra",
    "HaranoAjiMincho-Regular.otf": "texlive-lang-japanese",
    "FreeSerif.otf": "fonts-freefont-otf",
    "DejaVuSans.ttf": "fonts-dejavu-core",  # the signs FreeFont lacks (latex_languages.SYMBOLS)
    "twemojis.sty": "texlive-pictures",  # emoji (latex_languages.EMOJI)
}


def needed_files(lang: str) -> dict[str, str]:
    """The TeX and font files the PDF of *lang* needs, with the Debian package of each: the base set-up's and
    its language's (:mod:`triglot.pdf_languages`)."""
    found = pdf_languages.entry(lang)
    return {**TEX_FILES, **(found.files if found else {})}


def needed_packages(langs: list[str]) -> list[str]:
    """The Debian packages the PDFs of *langs* need: the programs' (optional ones too), the base set-up's and their
    languages'."""
    return sorted({*PROGRAMS.values(), *OPTIONAL_PROGRAMS.values(),
                   *(package for lang in langs for package in needed_files(lang).values())})


def missing_packages(lang: str) -> list[str]:
    """The Debian packages whose programs, TeX files or fonts the PDF of *lang* cannot find (empty when all
    are there)."""
    files = needed_files(lang)
    missing = [package for program, package in PROGRAMS.items() if shutil.which(program) is None]
    if "texlive-binaries" in missing:
        return sorted({*missing, *files.values()})
    completed = subprocess.run(["kpsewhich", *files], capture_output=True, text=True)
    found = {Path(line.strip()).name for line in completed.stdout.splitlines() if line.strip()}
    missing += [package for name, package in files.items() if name not in found]
    return sorted(set(missing))


def missing_message(lang: str, packages: list[str]) -> str:
    """What to tell a user whose machine lacks *packages* for the PDF of *lang*."""
    base = set(PROGRAMS.values()) | set(TEX_FILES.values())
    install = f"(sudo apt-get install {' '.join(packages)}), or run ./dev build, which installs them"
    if base.isdisjoint(packages):
        return (f"the {pdf_languages.language_name(lang)} PDF needs {' '.join(packages)}, which "
                f"{'is' if len(packages) == 1 else 'are'} missing here: install the Debian "
                f"{'package' if len(packages) == 1 else 'packages'} {install}; the other editions do not need "
                f"{'it' if len(packages) == 1 else 'them'}")
    return (f"the PDF editions need TeX Live with LuaLaTeX, which is missing here: install the Debian packages "
            f"{' '.join(packages)} {install}; the HTML and EPUB editions do not need them")


_CONTEXT = re.compile(r"^l\.\d+ ")
_MISSING = re.compile(r"^Missing character: There is no (?P<char>.) \((?P<code>U\+[0-9A-F]+)\) in font \[?(?P<font>[^\]:;]+)")
_FATAL = "!  ==> Fatal error"


def latex_error(log: str, source: str = "", limit: int = 8) -> list[str]:
    """The lines of a LaTeX log that explain its first error.

    For a TeX error, the ``! …`` line to the ``l.NN`` context; for a glyph
    missing from the fonts (``\tracinglostchars=3``), the character, its
    font, and the text around it in *source* (the TeX file). At most *limit*
    lines; empty when the log holds no error.
    """
    lines = [line.rstrip() for line in log.splitlines()]
    for start, line in enumerate(lines):
        missing = _MISSING.match(line)
        if missing:
            found = [f"Missing character: there is no {missing['char']} ({missing['code']}) "
                     f"in the font {missing['font']}"]
            return found + [f"in the text: {excerpt}" for excerpt in _around(source, missing["char"])]
        if line.startswith("! ") and not line.startswith(_FATAL):
            end = next((i for i in range(start, min(len(lines), start + 40)) if _CONTEXT.match(lines[i])), start)
            context = [line for line in lines[end:end + 2] if line.strip()] if end > start else []
            message = [line for line in lines[start:end or start + 1] if line.strip()]
            return message[: max(1, limit - len(context))] + context
    return []


def missing_character(lines: list[str]) -> str | None:
    """The character no font has, when :func:`latex_error`'s *lines* say that is the error."""
    found = re.match(r"Missing character: there is no (.) \(U\+", lines[0]) if lines else None
    return found[1] if found else None


def _around(source: str, char: str, width: int = 40) -> list[str]:
    index = source.find(char)
    if index < 0:
        return []
    before = source[max(0, index - width):index].split("\n")[-1]
    after = source[index + 1:index + 1 + width].split("\n")[0]
    return [f"…{before}{char}{after}…"]
