"""An image LaTeX cannot include (an SVG named by its file name) is left out of the PDF with a warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'


def test_an_svg_is_left_out_of_the_latex_and_a_png_kept(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text("extensions = ['triglot.sphinx']\nproject = 'Logos'\n", encoding="utf-8")
    (source / "index.rst").write_text("Logos\n=====\n\n.. image:: logo.svg\n\n.. image:: photo.png\n\n"
                                      ".. image:: logo.*\n", encoding="utf-8")
    (source / "logo.svg").write_text(SVG, encoding="utf-8")
    (source / "photo.png").write_bytes(PNG)
    (source / "logo.png").write_bytes(PNG)
    built = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-b", "latex", "-q", str(source), str(tmp_path / "out")],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert built.stderr.splitlines() == [
        f"{source / 'index.rst'}:4: WARNING: the PDF leaves out logo.svg: LaTeX takes PDF, PNG and JPEG images, not "
        "image/svg+xml (name it image.* with a PNG or PDF beside it, or add an image converter) [triglot.image]"]
    [tex] = (tmp_path / "out").glob("*.tex")
    graphics = [line for line in tex.read_text(encoding="utf-8").splitlines() if "includegraphics" in line]
    assert graphics == [r"\noindent\sphinxincludegraphics{{photo}.png}", r"\noindent\sphinxincludegraphics{{logo}.png}"]
