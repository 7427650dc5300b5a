"""Translation catalogs: read, merge and write PO files exactly as GNU gettext does.

- :mod:`.parse`: a strict reader (errors name the file and line);
- :mod:`.write`: a writer byte-identical to ``msgcat`` 0.21;
- :mod:`.merge`: merging a new template into a language's catalogs;
- :mod:`.extract`: the templates, from Sphinx's gettext builder;
- :mod:`.update`: ``triglot update`` as a library.
"""

from .model import Catalog, Entry
from .parse import parse_po, read_po
from .write import format_po

__all__ = ["Catalog", "Entry", "format_po", "parse_po", "read_po"]
