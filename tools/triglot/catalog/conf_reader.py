"""Read a Sphinx project's catalog settings from its ``conf.py``, in a process of its own.

``conf.py`` is code: it may change the working folder, ``sys.path`` or
print. So triglot evaluates it the way Sphinx does (``eval_config_file``),
but in a child process (``python -m triglot.catalog.conf_reader DOCS OUT``)
that writes the settings it found, as JSON, to the file *OUT*. A process
keeps what it found for a ``conf.py`` of the same text: one build asks for
the layout several times (planning, fingerprints, status page, site), and
each child process costs a Python start-up.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from triglot.errors import TriglotError


def read_catalog_settings(docs: Path) -> dict[str, Any]:
    """The catalog settings ``docs/conf.py`` sets (only those it sets); {} without a conf.py."""
    conf = docs / "conf.py"
    if not conf.is_file():
        return {}
    key = (str(docs.resolve()), str(conf.resolve()), hashlib.sha256(conf.read_bytes()).hexdigest())
    if key not in _FOUND:
        _FOUND[key] = _evaluate(docs, conf)
    return copy.deepcopy(_FOUND[key])


# (the docs folder's and conf.py's real paths, digest of conf.py's text) -> the settings it sets
_FOUND: dict[tuple[str, str, str], dict[str, Any]] = {}


def _evaluate(docs: Path, conf: Path) -> dict[str, Any]:
    """The catalog settings of *conf*, from a child process."""
    with tempfile.TemporaryDirectory(prefix="triglot-conf-") as scratch:
        output = Path(scratch) / "settings.json"
        completed = subprocess.run([sys.executable, "-m", "triglot.catalog.conf_reader", str(docs), str(output)],
                                   capture_output=True, text=True, cwd=docs,
                                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        if completed.returncode != 0 or not output.is_file():
            detail = "\n".join((completed.stderr or completed.stdout).strip().splitlines()[-6:])
            raise TriglotError(f"could not read the catalog settings of conf.py:\n{detail}", conf)
        return json.loads(output.read_text(encoding="utf-8"))


def main(docs: str, output: str) -> None:
    """Evaluate ``docs/conf.py`` and write the catalog settings it sets to *output*."""
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    namespace = eval_config_file(Path(docs).resolve() / "conf.py", Tags())
    found: dict[str, Any] = {}
    if "locale_dirs" in namespace:
        found["locale_dirs"] = [str(folder) for folder in namespace["locale_dirs"]]
    if isinstance(namespace.get("gettext_compact"), (bool, str)):
        found["gettext_compact"] = namespace["gettext_compact"]
    Path(output).write_text(json.dumps(found), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
