"""An untranslated front matter (MyST's, or RST's docinfo fields) gets no fallback mark: extensions read it as data.

The Fortran Package Manager docs' blog (ablog) failed in every translated edition with "invalid post date":
the mark put into the untranslated ``date:`` paragraph became part of the date docutils' DocInfo made of it.
The mark is no part of a page's description either.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html

CONF = '''extensions = ["ablog", "myst_parser", "triglot.sphinx"]
project = "Blog"
blog_path = "news"
blog_post_pattern = "news/*"
'''
INDEX = "# Home\n\nA paragraph.\n\n```{toctree}\nnews/first\n```\n"
POST = "---\nauthor: Ann Author\ndate: 2021-11-21\ncategory: release\n---\n\n# First post\n\nThe post's text, long enough to describe it.\n"


def test_a_translated_edition_keeps_the_front_matter_as_data(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "news").mkdir(parents=True)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(INDEX, encoding="utf-8")
    (source / "news" / "first.md").write_text(POST, encoding="utf-8")
    out = tmp_path / "out"
    completed = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D", "language=fr",
                                str(source), str(out)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    post = lxml.html.parse(str(out / "news" / "first.html")).getroot()
    marked = [node.getparent().get("class") for node in post.find_class("triglot-fallback-mark")]
    assert marked == ["triglot-fallback-note", "triglot-fallback"]  # the page's note, the post's text; no date
    assert post.xpath('string(//meta[@name="description"]/@content)') == "The post’s text, long enough to describe it."
    posts = lxml.html.parse(str(out / "news.html")).getroot()
    assert "21 November 2021" in " ".join(posts.text_content().split())
