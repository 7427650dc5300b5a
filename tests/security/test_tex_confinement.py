"""Layer 3: LuaLaTeX cannot read or write outside its build folder, whatever the document asks.

A document tries every way out we know: Lua's io.open, io.lines, dofile, a
shell command, os.rename, lfs.mkdir, TeX's \\IfFileExists/\\input of an
absolute path, a find_read_file callback that redirects \\input, a PDF
object read from a file, \\openout to an absolute path. It runs under the
triglot restrictions as the PDF build applies them (tex_sandbox), with the
Lua confinement alone, with Landlock alone (where the kernel has it), and
unconfined as a control: the control leaks, the others do not.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from triglot.build import landlock, tex_sandbox

SECRET = "TRIGLOT-TEX-SECRET-91c2"
DOCUMENT = r"""\documentclass{article}
\begin{document}
\directlua{
local function try(f) pcall(f) end
try(function() tex.print('LUAREAD:' .. io.open('@SECRET@'):read('*l')) end)
try(function() for line in io.lines('@SECRET@') do tex.print('LINES:' .. line) end end)
try(function() dofile('@SECRET@') end)
try(function() local f = io.open('@OUTSIDE@/lua-write.txt', 'w') f:write('x') f:close() end)
try(function() os.execute('touch @OUTSIDE@/os-execute.txt') end)
try(function() io.popen('touch @OUTSIDE@/io-popen.txt') end)
try(function() local f = io.open('local.txt', 'w') f:write('x') f:close() os.rename('local.txt', '@OUTSIDE@/renamed.txt') end)
try(function() lfs.mkdir('@OUTSIDE@/lfs-mkdir') end)
luatexbase.add_to_callback('find_read_file', function(id, name)
  if name:find('redirected') then return '@SECRET@' end return kpse.find_file(name, 'tex') or name end, 'redirect')
luatexbase.add_to_callback('find_data_file', function(name) return nil end, 'fallback')
}
\IfFileExists{@SECRET@}{\input{@SECRET@}}{}
\IfFileExists{redirected.tex}{\input{redirected.tex}}{}
\immediate\pdfextension obj file {@SECRET@}
Done.
\end{document}
"""
# A refused \openout stops TeX (it asks for another name), so it has a document of its own.
OPENOUT = r"""\immediate\openout5=@OUTSIDE@/openout.tex \immediate\write5{x}\immediate\closeout5 \end
"""


def _pdf_text(pdf: Path) -> str:
    """Every stream of the PDF, decompressed where it can be, as text."""
    data = pdf.read_bytes()
    parts = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, flags=re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            pass
    return b"\n".join(parts).decode("latin-1")


@pytest.fixture
def run_tex(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """Typeset the escaping document in a build folder; returns (folder, outside, completed)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    folder = tmp_path / "pdf"
    folder.mkdir()
    source = DOCUMENT.replace("@SECRET@", str(outside / "secret.txt")).replace("@OUTSIDE@", str(outside))
    (folder / "escape.tex").write_text(source, encoding="utf-8")
    (folder / "openout.tex").write_text(OPENOUT.replace("@OUTSIDE@", str(outside)), encoding="utf-8")
    cache = tmp_path_factory.getbasetemp() / "tex-font-cache"  # one font cache for the module: it is slow to fill
    cache.mkdir(exist_ok=True)

    def run(*, lua: bool, kernel: bool, kpathsea: bool) -> None:
        env = tex_sandbox.environment(folder, dict(os.environ))
        env.update(TEXMFVAR=str(cache), TEXMFCACHE=f"{cache}:{env['TEXMFCACHE'].split(':', 1)[1]}",
                   TRIGLOT_TEX_WRITE=f"{folder}:{cache}")
        if not kpathsea:
            env.update(openin_any="a", openout_any="a")
        if not (lua or kpathsea):
            env["shell_escape"] = "t"  # TeX Live's own default lets a few programs run; this lets any
        for document in ("escape.tex", "openout.tex"):
            command = ["lualatex", "--interaction=nonstopmode", document]
            if lua:
                tex_sandbox.prepare(folder)
                command[1:1] = ["--no-shell-escape", "--nosocket", f"--lua={tex_sandbox.CONFINE_LUA}"]
            if kernel:
                readable = [*tex_sandbox._SYSTEM_FOLDERS, *tex_sandbox.tex_trees()]
                command = [sys.executable, "-m", "triglot.build.landlock", *(f"--read={p}" for p in readable),
                           f"--write={folder}", f"--write={cache}", "--", *command]
            subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                           timeout=600)

    return folder, outside, run


def _leaks(folder: Path, outside: Path) -> tuple[list[str], bool]:
    """The files written outside the build folder, and whether the secret reached the PDF or the log.

    A confined run may stop at a refused read (Landlock makes \\input fail hard): then there is no PDF.
    """
    written = sorted(path.name for path in outside.iterdir() if path.name != "secret.txt")
    outputs = [path for path in (folder / "escape.pdf", folder / "escape.log") if path.is_file()]
    assert outputs
    return written, any(SECRET in _pdf_text(path) for path in outputs)


def test_control_unconfined_every_escape_works(run_tex) -> None:
    folder, outside, run = run_tex
    run(lua=False, kernel=False, kpathsea=False)
    written, read = _leaks(folder, outside)
    assert written == ["io-popen.txt", "lfs-mkdir", "lua-write.txt", "openout.tex", "os-execute.txt", "renamed.txt"]
    assert read
    assert (folder / "escape.pdf").is_file()


def test_as_the_pdf_build_runs_it_nothing_gets_out(run_tex) -> None:
    folder, outside, run = run_tex
    run(lua=True, kernel=landlock.abi_version() > 0, kpathsea=True)
    assert _leaks(folder, outside) == ([], False)


def test_the_lua_confinement_alone_keeps_everything_in(run_tex) -> None:
    folder, outside, run = run_tex
    run(lua=True, kernel=False, kpathsea=False)
    assert _leaks(folder, outside) == ([], False)
    assert (folder / "escape.pdf").is_file()  # every escape failed quietly, and the document was typeset
    log = (folder / "escape.log").read_text(encoding="utf-8", errors="replace")
    assert "triglot: find_read_file refused" in log and "triglot: find_data_file refused" in log


@pytest.mark.skipif(landlock.abi_version() == 0, reason="this kernel has no Landlock")
def test_landlock_alone_keeps_everything_in(run_tex) -> None:
    folder, outside, run = run_tex
    run(lua=False, kernel=True, kpathsea=False)
    assert _leaks(folder, outside) == ([], False)
