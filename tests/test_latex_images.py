"""Images in the PDF: an SVG is converted to PDF by rsvg-convert (unless the project converts SVG itself), and one
LaTeX still cannot include is left out with a warning (naming the Debian package when rsvg-convert is missing)."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

from conftest import run_triglot

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")
RED = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001049444154789c63f8cfc000"
                    "440c100a001fee03fd8b5f14d40000000049454e44ae426082")  # 2×2 opaque: cairo draws 1×1 as a fill
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'
# A drawing with a word in it: the word is text in the PDF rsvg-convert makes, so pdftotext finds it in the book.
DRAWING = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" '
           'fill="#36c"/><text x="8" y="28" font-family="DejaVu Sans" font-size="20" fill="#fff">Drawn</text></svg>\n')


def logo_project(root: Path, conf: str = "", svg: str = SVG) -> Path:
    """A Sphinx project (in *root*) whose page shows logo.svg, photo.png and logo.* (a PNG beside the SVG)."""
    root.mkdir()
    (root / "conf.py").write_text(f"extensions = ['triglot.sphinx']\nproject = 'Logos'\n{conf}", encoding="utf-8")
    (root / "index.rst").write_text("Logos\n=====\n\n.. image:: logo.svg\n\n.. image:: photo.png\n\n"
                                    ".. image:: logo.*\n", encoding="utf-8")
    (root / "logo.svg").write_text(svg, encoding="utf-8")
    (root / "photo.png").write_bytes(PNG)
    (root / "logo.png").write_bytes(PNG)
    return root


def latex(source: Path, out: Path, path: str | None = None) -> tuple[list[str], list[str]]:
    """Build *source* with Sphinx's LaTeX builder into *out* (*path*: the PATH it runs with): (its warnings,
    the \\includegraphics lines of the .tex)."""
    env = {**os.environ, "PATH": path} if path is not None else None
    built = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-b", "latex", "-q", str(source), str(out)],
                           capture_output=True, text=True, env=env, cwd=out.parent)
    assert built.returncode == 0, built.stderr
    [tex] = out.glob("*.tex")
    return built.stderr.splitlines(), [line for line in tex.read_text(encoding="utf-8").splitlines()
                                       if "includegraphics" in line]


def test_an_svg_is_converted_to_pdf_and_the_pngs_kept(tmp_path: Path) -> None:
    warnings, graphics = latex(logo_project(tmp_path / "src"), tmp_path / "out")
    assert warnings == []
    assert graphics == [r"\noindent\sphinxincludegraphics{{logo}.pdf}", r"\noindent\sphinxincludegraphics{{photo}.png}",
                        r"\noindent\sphinxincludegraphics{{logo}.png}"]
    assert (tmp_path / "out" / "logo.pdf").read_bytes().startswith(b"%PDF-")


def test_without_rsvg_convert_the_svg_is_left_out_naming_the_package(tmp_path: Path) -> None:
    source = logo_project(tmp_path / "src")
    (tmp_path / "bin").mkdir()
    warnings, graphics = latex(source, tmp_path / "out", path=str(tmp_path / "bin"))
    assert warnings == [
        f"{source / 'index.rst'}:4: WARNING: the PDF leaves out logo.svg: LaTeX takes PDF, PNG and JPEG images, not "
        "image/svg+xml (rsvg-convert, which converts SVG to PDF, is missing here: install the Debian package "
        "librsvg2-bin) [triglot.image]"]
    assert graphics == [r"\noindent\sphinxincludegraphics{{photo}.png}", r"\noindent\sphinxincludegraphics{{logo}.png}"]


def test_an_svg_rsvg_convert_cannot_read_is_left_out_with_what_it_said(tmp_path: Path) -> None:
    source = logo_project(tmp_path / "src", svg="<svg\n")
    warnings, graphics = latex(source, tmp_path / "out")
    assert warnings == [
        f"{source / 'index.rst'}:4: WARNING: the PDF leaves out logo.svg: rsvg-convert cannot convert it: Error "
        f"reading SVG {source / 'logo.svg'}: XML parse error: Error domain 1 code 73 on line 2 column 1 of data: "
        "Couldn't find end of Start Tag svg line 1 [triglot.image]"]
    assert graphics == [r"\noindent\sphinxincludegraphics{{photo}.png}", r"\noindent\sphinxincludegraphics{{logo}.png}"]


def test_rsvg_convert_reads_no_url_and_no_file_outside_the_svg_s_folder(tmp_path: Path) -> None:
    """Of an SVG's three pictures, one at a local URL, one beside its folder, one in it: only the last is drawn."""
    asked: list[str] = []

    class Recording(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(RED)

    server = http.server.HTTPServer(("127.0.0.1", 0), Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pictures = [f"http://127.0.0.1:{server.server_port}/remote.png", "../outside.png", "inside.png"]
        source = logo_project(tmp_path / "src", svg=(
            '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10">'
            + "".join(f'<image href="{href}" x="{10 * n}" width="10" height="10"/>' for n, href in enumerate(pictures))
            + "</svg>\n"))
        (tmp_path / "outside.png").write_bytes(RED)
        (source / "inside.png").write_bytes(RED)
        warnings, graphics = latex(source, tmp_path / "out")
    finally:
        server.shutdown()
    assert (warnings, graphics[0], asked) == ([], r"\noindent\sphinxincludegraphics{{logo}.pdf}", [])
    listed = subprocess.run(["pdfimages", "-list", str(tmp_path / "out" / "logo.pdf")], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert [line.split()[2:5] for line in listed] == [["image", "2", "2"]]  # inside.png alone


def test_the_project_s_own_svg_converter_is_used_not_rsvg_convert(tmp_path: Path) -> None:
    """sphinx.ext.imgconverter with a converter program of the project's (here one that writes a PNG)."""
    program = tmp_path / "to-png"
    # It writes no file when imgconverter checks it (``to-png -version``).
    program.write_text(f"#!{sys.executable}\nimport sys\nif sys.argv[1:] != ['-version']:\n"
                       f"    open(sys.argv[-1], 'wb').write({PNG!r})\n", encoding="utf-8")
    program.chmod(0o755)
    source = logo_project(tmp_path / "src", conf=f"extensions.append('sphinx.ext.imgconverter')\n"
                                                 f"image_converter = {str(program)!r}\n")
    warnings, graphics = latex(source, tmp_path / "out")
    assert warnings == []
    assert graphics == [r"\noindent\sphinxincludegraphics{{logo1}.png}",
                        r"\noindent\sphinxincludegraphics{{photo}.png}", r"\noindent\sphinxincludegraphics{{logo}.png}"]
    assert not (tmp_path / "out" / "logo.pdf").exists()


def test_the_converted_drawing_is_in_the_built_pdf(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.triglot]\nsource_language = "en"\nlanguages = ["en"]\n'
                                         'catalog = "logos"\n', encoding="utf-8")
    (root / "docs" / "conf.py").write_text('project = "Logos"\nauthor = "Ada Example"\n'
                                           'extensions = ["triglot.sphinx"]\n', encoding="utf-8")
    (root / "docs" / "index.rst").write_text("Logos\n=====\n\n.. image:: logo.svg\n", encoding="utf-8")
    (root / "docs" / "logo.svg").write_text(DRAWING, encoding="utf-8")
    completed = run_triglot("build", "--lang", "en", "--format", "pdf", cwd=root,
                            env={"SOURCE_DATE_EPOCH": "1390262400"})  # the title page's date: Jan 21, 2014
    assert completed.returncode == 0, completed.stderr
    pdf = root / "build" / "site" / "en" / "downloads" / "logos-en.pdf"
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.split() == ["Logos", "Ada", "Example", "Jan", "21,", "2014", "Contents", "Drawn", "1"]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert "DejaVuSans yes" in [f"{line.split()[0].split('+')[-1]} {line.split()[-5]}" for line in fonts]


def test_the_pdf_packages_include_librsvg2_bin(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.triglot]\nsource_language = "en"\nlanguages = ["en"]\n',
                                         encoding="utf-8")
    completed = run_triglot("packages", "--format", "pdf", cwd=root)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [
        "fonts-dejavu-core", "fonts-freefont-otf", "latexmk", "librsvg2-bin", "texlive-binaries",
        "texlive-lang-japanese", "texlive-latex-base", "texlive-latex-extra", "texlive-latex-recommended",
        "texlive-luatex", "texlive-pictures"]
