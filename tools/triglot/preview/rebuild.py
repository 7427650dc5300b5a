"""The watch loop: each batch of saved files rebuilds the HTML of the editions it affects, then tells the pages."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from watchfiles import watch

from ..build.editions import BuildResult, SphinxRunner, run_process
from ..config import Settings, load_settings
from ..errors import TriglotError
from ..site.assemble import build_site
from .changes import InputFilter, affected_languages, check_catalogs, watched_paths
from .state import Broadcaster


def rebuild(settings: Settings, changed: Iterable[Path], broadcaster: Broadcaster,
            runner: SphinxRunner = run_process) -> Settings:
    """Rebuild the HTML editions *changed* affects and publish them as ``triglot build`` does (``sphinx-build``
    run by *runner*); a failure
    (settings or a catalog that do not parse, bad input, an edition that does not build) is told to the pages,
    and the published site stays as it was. Returns the settings to watch with: read again when
    ``pyproject.toml`` changed and reads well."""
    changed = list(changed)
    start = time.monotonic()
    try:
        if (settings.root / "pyproject.toml").resolve() in {path.resolve() for path in changed}:
            settings = load_settings(settings.root)
        langs = affected_languages(settings, changed)
        check_catalogs(settings, changed)
        site = build_site(settings, langs, ["html"], runner=runner)
    except (TriglotError, OSError) as error:  # OSError: a file removed or locked while it was read
        print(f"triglot: preview not updated: {error}", file=sys.stderr, flush=True)
        broadcaster.failed(str(error))
        return settings
    failures = [failure_text(result) for result in site.results if not result.ok]
    if failures:
        print("triglot: preview not updated:\n" + "\n".join(failures), file=sys.stderr, flush=True)
        broadcaster.failed("\n\n".join(failures))
    elif site.published or broadcaster.state.error is not None:
        print(f"triglot: rebuilt {', '.join(langs)} in {time.monotonic() - start:.1f} s", file=sys.stderr, flush=True)
        broadcaster.published()
    return settings


def failure_text(result: BuildResult) -> str:
    """What the page shows of one edition's failed build: which edition, the lines that matter, the log."""
    text = f"{result.edition.lang} edition: {result.message}"
    return f"{text}\n(full log: {result.log})" if result.log is not None else text


def watch_and_rebuild(settings: Settings, broadcaster: Broadcaster, stop: threading.Event,
                      runner: SphinxRunner = run_process) -> None:
    """Rebuild after every batch of changes to the project's inputs until *stop* is set."""
    for changes in watch(*watched_paths(settings), watch_filter=InputFilter(settings.build), stop_event=stop,
                         debounce=400, step=50, raise_interrupt=False):
        settings = rebuild(settings, sorted({Path(path) for _, path in changes}), broadcaster, runner)
