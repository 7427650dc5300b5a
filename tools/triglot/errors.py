"""The one error type that reaches users: a message tied to a file and line."""

from __future__ import annotations

from pathlib import Path


class TriglotError(Exception):
    """Bad input or usage. The CLI prints it as ``file:line: message`` and exits 2."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
