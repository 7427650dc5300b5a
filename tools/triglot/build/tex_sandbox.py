"""LuaLaTeX confined to its build folder (layer 3 of SECURITY.md): what a PDF build runs, and with what rights.

Three restrictions, each enough on its own against a ``\\directlua`` that
reads or writes a file of the machine:

* **TeX**: no shell escape, no sockets, kpathsea's ``openin_any=p`` and
  ``openout_any=p``; latexmk reads no rc file (a TeX run could write one).
* **Lua**: LuaTeX starts with ``--lua=triglot-confine.lua``
  (:file:`confine.lua`), which confines Lua's files and TeX's file callbacks
  to the TeX trees (read) and the build folder and the edition's font cache
  (read, write), and removes ``os.execute``, ``io.popen``, C libraries, FFI
  and the debug functions that could undo it.
* **Kernel**: latexmk and everything it starts run under Landlock
  (:mod:`.landlock`) where the kernel has it: files readable only in the
  system's program and TeX folders, writable only in the build folder and
  the font cache; no TCP.

The environment is reduced to what TeX needs (no token or secret of the
caller's), and each edition has its own font cache under
``build/cache/<lang>/texmf-var`` (the system's caches are read, never
written).
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

from ..fs import atomic_write

CONFINE_LUA = "triglot-confine.lua"
# kpathsea variables naming the TeX trees and caches a run reads.
_TEX_TREES = ("TEXMFROOT", "TEXMFDIST", "TEXMFSYSVAR", "TEXMFSYSCONFIG", "TEXMFLOCAL", "TEXMFHOME", "TEXMFVAR",
              "TEXMFCONFIG", "TEXMFCACHE", "OSFONTDIR")
# Folders with fonts and their configuration, besides the TeX trees.
_FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/texmf", "/etc/fonts", "/var/cache/fontconfig",
                 "~/.fonts", "~/.local/share/fonts", "~/.cache/fontconfig")
# What else the kernel lets latexmk, Perl and the TeX programs read: programs, libraries, their settings.
_SYSTEM_FOLDERS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc/texmf", "/etc/perl",
                   "/etc/LatexMk", "/etc/latexmkrc", "/etc/ld.so.cache", "/etc/localtime", "/etc/locale.alias",
                   "/dev/null", "/dev/urandom")
# Variables of the caller's environment that a TeX run may see.
_KEPT_VARIABLES = ("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "SOURCE_DATE_EPOCH", "FORCE_SOURCE_DATE",
                   "TEXMFHOME", "TEXINPUTS", "TEXMFCNF", "max_print_line")


@functools.cache
def tex_trees() -> tuple[str, ...]:
    """The folders of the TeX installation and the fonts, as kpathsea and fontconfig know them (existing ones)."""
    values = [_kpse_value(name) for name in _TEX_TREES]
    folders = {part.lstrip("!") for value in values for part in value.replace(";", ":").split(":") if part.strip("!")}
    folders.update(os.path.expanduser(folder) for folder in _FONT_FOLDERS)
    return tuple(sorted(os.path.realpath(folder) for folder in folders if os.path.isdir(folder)))


def font_cache(output: Path) -> Path:
    """The edition's own font cache (luaotfload, LuaTeX-ja): beside its build folder."""
    return output.parent / "texmf-var"


def environment(output: Path, base: dict[str, str]) -> dict[str, str]:
    """The environment of a confined TeX run in *output*, from the caller's *base* environment."""
    env = {name: base[name] for name in _KEPT_VARIABLES if name in base}
    env.setdefault("PATH", os.defpath)
    cache = font_cache(output)
    system_caches = [folder for folder in _kpse_value("TEXMFCACHE").split(":") if folder]
    env.update({
        "openin_any": "p", "openout_any": "p", "shell_escape": "f",
        "TEXMFVAR": str(cache), "TEXMFCACHE": ":".join([str(cache), *system_caches]),
        "TRIGLOT_TEX_READ": ":".join(tex_trees()),
        "TRIGLOT_TEX_WRITE": ":".join([str(output.resolve()), str(cache.resolve())]),
        "LATEXOPTS": "",
    })
    return env


@functools.cache
def _kpse_value(name: str) -> str:
    try:
        return subprocess.run(["kpsewhich", f"-var-value={name}"], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL).stdout.strip()
    except OSError:
        return ""


def prepare(output: Path) -> None:
    """Write the Lua confinement into the build folder (again at every run) and make the font cache."""
    script = resources.files("triglot.build").joinpath("confine.lua").read_bytes()
    atomic_write(output / CONFINE_LUA, script)
    font_cache(output).mkdir(parents=True, exist_ok=True)


def latexmk_command(output: Path, tex_file: str) -> list[str]:
    """latexmk, confined by the kernel, running confined LuaLaTeX on *tex_file* in *output*."""
    lualatex = f"lualatex --no-shell-escape --nosocket --lua={CONFINE_LUA} %O %S"
    # The index with Sphinx's style, as its own latexmkrc (not read: -norc) asks, whose preamble defines \spxpagem
    # (the mark of a main entry: a glossary term's, an index entry with "!"); made by upmendex (TeX Live's
    # Unicode makeindex, ICU collation) rather than makeindex, which cuts a letter such as Ü in two bytes; an
    # empty index gives an empty .ind, as Sphinx's latexmkrc does for xindy (upmendex writes none).
    makeindex = ("$makeindex = 'internal triglot_index %O -o %D %S'; sub triglot_index { my @args = @_; "
                 "if (-z $args[-1]) { open(my $ind, '>', $args[-2]); close($ind); return 0; } "
                 "return system('upmendex', '-s', 'python.ist', @args); }")
    latexmk = ["latexmk", "-norc", "-e", makeindex, "-pdflua", f"-lualatex={lualatex}", "-interaction=nonstopmode",
               "-halt-on-error", tex_file]
    writable = [str(output.resolve()), str(font_cache(output).resolve())]
    readable = [*_SYSTEM_FOLDERS, *tex_trees()]
    return [sys.executable, "-m", "triglot.build.landlock", *(f"--read={path}" for path in readable),
            *(f"--write={path}" for path in writable), "--", *latexmk]
