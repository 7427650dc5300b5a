"""The re-read rule's notion of a file's time is the one Sphinx writes into ``env.all_docs``."""

from __future__ import annotations

import os
from pathlib import Path

from sphinx.util import osutil

from triglot.sphinx.reread import read_time


def test_read_time_is_sphinx_s_last_modified_time(tmp_path: Path) -> None:
    path = tmp_path / "page.rst"
    path.write_text("Text\n", encoding="utf-8")
    os.utime(path, ns=(1_700_000_000_123_456_789, 1_700_000_000_123_456_789))  # a time between two microseconds
    assert read_time(path) == 1_700_000_000_123_457
    assert read_time(path) == osutil._last_modified_time(path)  # private in Sphinx: checked here, not imported
