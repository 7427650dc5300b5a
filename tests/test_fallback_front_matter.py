"""An untranslated front matter (MyST's, or RST's docinfo fields) gets no fallback mark: extensions read it as data.

The Fortran Package Manager docs' blog (ablog) failed in every translated edition with "invalid post date":
the mark put into the untranslated ``date:`` paragraph became part of the date docutils' DocInfo made of it.
The mark is no part of a page's description either.
"""

from __future__ import annotations

import base64
import json
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
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
POST = "---\nauthor: Ann Author\ndate: 2021-11-21\ncategory: release\n---\n\n# First post\n\nThe post's text, long enough to describe it.\n"


def test_a_translated_edition_keeps_the_front_matter_as_data(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "news").mkdir(parents=True)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(INDEX, encoding="utf-8")
    (source / "news" / "first.md").write_text(POST, encoding="utf-8")
    out = tmp_path / "out"
    completed = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-q", "-b", "html", "-D", "language=fr",
                                str(source), str(out)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    post = lxml.html.parse(str(out / "news" / "first.html")).getroot()
    marked = [node.getparent().get("class") for node in post.find_class("triglot-fallback-mark")]
    assert marked == ["triglot-fallback-note", "triglot-fallback"]  # the page's note, the post's text; no date
    assert post.xpath('string(//meta[@name="description"]/@content)') == "The post’s text, long enough to describe it."
    posts = lxml.html.parse(str(out / "news.html")).getroot()
    assert "21 November 2021" in " ".join(posts.text_content().split())


def test_the_record_counts_each_passage_the_pages_show_once(tmp_path: Path) -> None:
    """The record and the pages agree: the front matter is data, not passages; the excerpts ablog copies into
    its post lists are copies (``triglot-fallback-copy``, still in English); the ``news`` document, whose page
    ablog replaces with its list of posts, shows no passage; a figure's caption is marked once, not on its
    ``<figcaption>`` too; no id is repeated on a page."""
    source = tmp_path / "src"
    (source / "news").mkdir(parents=True)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    # four paragraphs: the post's text, its page's tg-p4 (after its three front matter fields), is copied here
    (source / "index.md").write_text(INDEX + "\nTwo.\n\nThree.\n\nFour.\n\n```{postlist}\n:excerpts:\n```\n",
                                     encoding="utf-8")
    (source / "news.md").write_text("# News\n", encoding="utf-8")
    (source / "pixel.png").write_bytes(PIXEL)
    (source / "news" / "first.md").write_text(POST + "\n```{figure} ../pixel.png\n\nA caption.\n```\n",
                                              encoding="utf-8")
    out = tmp_path / "out"
    completed = subprocess.run([sys.executable, "-m", "sphinx", "--no-color", "-q", "-b", "html", "-D", "language=fr",
                                str(source), str(out)], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    record = json.loads((out / ".doctrees" / "triglot-build.json").read_text(encoding="utf-8"))
    assert (record["passages"], record["translated"]) == (8, 0)  # Home, 4 paragraphs; First post, its text, caption
    marked = {page.relative_to(out).as_posix(): [(element.tag, " ".join(element.text_content().split()))
                                                for element in lxml.html.parse(str(page)).getroot().find_class(
                                                    "triglot-fallback")]
              for page in sorted(out.rglob("*.html")) if "_static" not in page.parts}
    assert {page: marks for page, marks in marked.items() if marks} == {
        "index.html": [("h1", "Home¶"), ("p", "EN A paragraph."), ("p", "EN Two."), ("p", "EN Three."),
                       ("p", "EN Four.")],
        "news/first.html": [("h1", "First post¶"), ("p", "EN The post’s text, long enough to describe it."),
                            ("span", "A caption.")]}
    for page in ("index.html", "news.html", "news/2021.html"):
        copies = lxml.html.parse(str(out / page)).getroot().find_class("triglot-fallback-copy")
        assert [(element.tag, element.get("lang"), " ".join(element.text_content().split())) for element in copies] == [
            ("p", "en", "EN The post’s text, long enough to describe it.")], page
    for page in sorted(out.rglob("*.html")):  # the copies leave their ids (tg-p4 on the home page too) to the page
        ids = lxml.html.parse(str(page)).getroot().xpath("//@id")
        assert len(ids) == len(set(ids)), page
    home = lxml.html.parse(str(out / "index.html")).getroot()
    assert [" ".join(p.text_content().split()) for p in home.xpath('//*[@id="tg-p4"]')] == ["EN Four."]
