"""ablog's post lists in a PDF: a post outside the book is listed by its title, without a link."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

INDEX = """Blog
====

.. postlist:: 5

.. toctree::
   :hidden:

   news/inside
"""

POST = """{title}
{underline}

.. post:: {date}

Text of {title}.
"""


def build_blog(root: Path, extensions: list[str], builder: str) -> subprocess.CompletedProcess[str]:
    """A blog of two posts, one in the book's toctree and one not, built by sphinx-build with *extensions*."""
    source = root / "src"
    (source / "news").mkdir(parents=True)
    (source / "conf.py").write_text(f"extensions = {extensions!r}\nproject = 'Blog'\nblog_path = 'news'\n",
                                    encoding="utf-8")
    (source / "index.rst").write_text(INDEX, encoding="utf-8")
    for name, title, date in [("inside", "Post in the book", "2024-01-02"), ("outside", "Post outside", "2024-03-04")]:
        (source / "news" / f"{name}.rst").write_text(POST.format(title=title, underline="=" * len(title), date=date),
                                                     encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-b", builder, "-q", str(source), str(root / "out")],
                          capture_output=True, text=True)


def test_the_latex_post_list_shows_a_post_outside_the_book_as_its_title(tmp_path: Path) -> None:
    built = build_blog(tmp_path / "triglot", ["ablog", "triglot.sphinx"], "latex")
    assert built.returncode == 0, built.stderr
    [tex] = (tmp_path / "triglot" / "out").glob("*.tex")
    items = re.findall(r"\\item \{\} \n\\sphinxAtStartPar\n(.*)\n", tex.read_text(encoding="utf-8"))
    assert items == [r"04 March \sphinxhyphen{} Post outside",  # plain text: the LaTeX writer prints no link
                     r"02 January \sphinxhyphen{} "
                     r"{\hyperref[\detokenize{news/inside::doc}]{\sphinxcrossref{Post in the book}}}"]
    # Sphinx alone: ablog's listener stops the build on the post outside the book.
    plain = build_blog(tmp_path / "plain", ["ablog"], "latex")
    assert plain.returncode == 2 and "('news/outside', None)" in plain.stderr


def test_the_html_post_list_links_every_post(tmp_path: Path) -> None:
    built = build_blog(tmp_path, ["ablog", "triglot.sphinx"], "html")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="reference internal" href="([^"]+)">', page)[:2] == [
        "news/outside.html", "news/inside.html"]
