"""``triglot serve --watch``: rebuild the edition a save affects and reload the pages open on it."""
