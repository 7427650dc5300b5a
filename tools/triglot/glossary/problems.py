"""Problems found in the glossary data: located messages, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from triglot.errors import TriglotError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the glossary data, at ``path:line`` (line 0: the file as a whole)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class GlossaryError(TriglotError):
    """The glossary data is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = len(problems) - 1
        message = first.message
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''}: run 'triglot glossary check')"
        super().__init__(message, first.path, first.line)
        self.problems = problems
