"""Catalogs for other tools: TMX 1.4b and XLIFF 2.0 out (and XLIFF back in), translated sources out.

- :mod:`.catalogs`: a language's catalogs as the exports read them;
- :mod:`.tmx`: a translation memory per language pair;
- :mod:`.xliff`: XLIFF 2.0 export and import, the import through the one decision on markup;
- :mod:`.rst`: translations written into reStructuredText source text;
- :mod:`.rst_tree`: the translated source folder (what Sphinx used: :mod:`triglot.sphinx.rst_export`).
"""
