"""Translation catalogs: read, merge and write PO files as GNU gettext does."""
