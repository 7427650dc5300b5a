"""Sphinx configuration of the edition.

Per-language settings (the translated title, the date format, the LaTeX
set-up) are applied by the ``triglot.sphinx`` extension once the language
is known; nothing here depends on the language.
"""

project = "Japan's Soft Power in Central Asia"
author = "Olga Dobrinskaya"
copyright = "2014, Olga Dobrinskaya and the Institute of Far Eastern Studies, Russian Academy of Sciences"

extensions = ["triglot.sphinx"]

# The edition's version (EPUB metadata and the HTML title's fallback).
version = release = "1.0"

language = "en"
root_doc = "index"
exclude_patterns = ["_build"]

html_theme = "furo"
# The footer credits "Furo" in each edition's language; Sphinx's share of furo's
# credit line ends in an English "'s" that no catalog can translate.
html_show_sphinx = False

# The article's PDF design (triglot's, off by default): A4, 11 pt, no table of
# contents, unnumbered sections, a title block made of the title and the
# paragraphs marked ".. rst-class:: byline" and ".. rst-class:: dateline".
triglot_article_layout = True

# The public URL of build/site. Search engines and reference managers need
# absolute URLs (hreflang alternates, the sitemap, canonical links, the
# citation metadata): set this to where the site is published. The
# placeholder follows GitHub Pages' convention for a repository "triglot".
triglot_site_url = "https://triglot-editions.github.io/triglot/"

# Who translated each edition, in that edition's language (EPUB contributor,
# citation metadata, the "Cite this edition" block).
triglot_translators = {
    "ru": "редакция triglot",
    "ja": "triglot編集部",
}
