"""What the open pages are told: the site's generation (one more at each publication) and the last error."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteState:
    """The published site's generation, and the error of the last rebuild when it failed."""

    generation: int
    error: str | None = None


class Broadcaster:
    """Holds the current :class:`SiteState`; server threads wait on it for the next one."""

    def __init__(self) -> None:
        self._state = SiteState(0)
        self._changed = threading.Condition()

    @property
    def state(self) -> SiteState:
        """The current state."""
        with self._changed:
            return self._state

    def published(self) -> None:
        """A new site was swapped in: the pages reload."""
        self._set(SiteState(self.state.generation + 1))

    def failed(self, error: str) -> None:
        """A rebuild failed: the pages show *error*, the site stays as it was."""
        self._set(SiteState(self.state.generation, error))

    def _set(self, state: SiteState) -> None:
        with self._changed:
            self._state = state
            self._changed.notify_all()

    def wait(self, seen: SiteState, timeout: float) -> SiteState:
        """The state once it differs from *seen*, or the same one after *timeout* seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._state != seen, timeout)
            return self._state
