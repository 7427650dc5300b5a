"""One language's catalogs as the status page shows them: counts and check findings, kept in its HTML part."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One check finding, as the page shows it."""

    file: str
    line: int
    check: str
    severity: str
    message: str


@dataclass(frozen=True)
class CatalogStatus:
    """How far one language's catalogs are translated and what the checks find in them.

    Made when its HTML edition is built and carried in that edition's part, so
    the status page can be made from the parts alone.
    """

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    findings: tuple[Finding, ...] = ()

    def as_json(self) -> dict:
        """A JSON-ready dictionary (the findings as lists)."""
        return {"translated": self.translated, "fuzzy": self.fuzzy, "untranslated": self.untranslated,
                "findings": [[f.file, f.line, f.check, f.severity, f.message] for f in self.findings]}

    @classmethod
    def from_json(cls, data: dict) -> CatalogStatus:
        """The status :meth:`as_json` wrote; raises ValueError, TypeError or KeyError when it is not one."""
        counts = [data[name] for name in ("translated", "fuzzy", "untranslated")]
        if not all(isinstance(count, int) and count >= 0 for count in counts):
            raise ValueError("counts must be whole numbers")
        findings = []
        for item in data["findings"]:
            file, line, check, severity, message = item
            if not (isinstance(line, int) and all(isinstance(text, str) for text in (file, check, severity, message))):
                raise ValueError("a finding is [file, line, check, severity, message]")
            findings.append(Finding(file, line, check, severity, message))
        return cls(*counts, tuple(findings))
