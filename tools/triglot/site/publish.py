"""Assembles the built editions into ``build/site`` and swaps it in atomically.

``build/site`` is a symbolic link to a complete site folder under
``build/sites/``; a new site is assembled beside it and the link replaced in
one rename, so a failed or interrupted build never replaces the published
site and a reader never sees half of one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..config import Settings


def site_link(settings: Settings) -> Path:
    """The published site: ``build/site``."""
    return settings.build / "site"


def new_staging(settings: Settings) -> Path:
    """A fresh, empty folder in which to assemble the next site."""
    sites = settings.build / "sites"
    sites.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=sites))
    staging.chmod(0o755)
    return staging


def swap_in(settings: Settings, staging: Path) -> Path:
    """Make *staging* the published site in one atomic rename; remove every other site folder.

    That is the previous site, and any staging folder a killed build left behind.
    """
    link = site_link(settings)
    if link.exists() and not link.is_symlink():
        # A plain folder left by an older layout: move it aside first.
        shutil.rmtree(link)
    temporary = link.with_name(f".site-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(os.path.relpath(staging, link.parent))
    os.replace(temporary, link)
    for folder in staging.parent.iterdir():
        if folder.is_dir() and folder.resolve() != staging.resolve():
            shutil.rmtree(folder, ignore_errors=True)
    return link


def publish(settings: Settings, assemble: Callable[[Path], None]) -> Path:
    """Run *assemble* on a fresh staging folder, then swap it in; on any error, discard it."""
    staging = new_staging(settings)
    try:
        assemble(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return swap_in(settings, staging)
