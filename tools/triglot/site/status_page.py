"""The site's status page: how far each edition's translation is, what the checks found, when it was built.

Counts come from the PO catalogs, as ``triglot stats`` counts them
(translated, fuzzy, untranslated messages); the passages each edition
actually shows translated, and in the source language, are those its build
counted (the numbers of ``triglot build``'s summary, carried in its part);
findings are those of ``triglot check`` (on the text catalogs and the
interface catalog, ``sphinx.po``). The
page is public, and catalogs are untrusted: it names each finding's check
and what the check is about, never the catalog's own text (nor, for a
catalog that cannot be read, the offending line).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from ..build.passages import Passages
from ..config import Settings
from ..errors import TriglotError
from ..languages import native_name
from .catalog_status import CatalogStatus, Finding
from .pages import SitePage, render

# Pages of an edition's folder that are not its text: Sphinx's search and index, the site-level pages.
NOT_EDITION_PAGES = frozenset({"search.html", "genindex.html", "parallel.html", "status.html"})
TEXT_UNREADABLE = "the catalog cannot be read, so the edition is shown in the source language; 'triglot check' says why"
INTERFACE_UNREADABLE = ("the interface catalog cannot be read, so the edition's interface is shown untranslated; "
                        "'triglot check' says why")


@dataclass(frozen=True)
class EditionStatus:
    """One edition's line on the status page."""

    lang: str
    name: str
    catalogs: CatalogStatus
    passages: Passages | None  # None: its part is of a triglot that did not count them
    downloads: tuple[tuple[str, str], ...]

    @property
    def shown_in_source(self) -> int | None:
        """Passages of the built edition shown in the source language."""
        return self.passages.total - self.passages.translated if self.passages is not None else None

    @property
    def translated(self) -> int:
        """Messages translated."""
        return self.catalogs.translated

    @property
    def fuzzy(self) -> int:
        """Messages fuzzy."""
        return self.catalogs.fuzzy

    @property
    def untranslated(self) -> int:
        """Messages untranslated."""
        return self.catalogs.untranslated

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings of ``triglot check`` on the edition's catalogs."""
        return self.catalogs.findings

    @property
    def total(self) -> int:
        """All messages of the catalog."""
        return self.translated + self.fuzzy + self.untranslated

    def percent(self, count: int) -> float:
        """*count* as a share of :attr:`total`, in percent (0 for an empty catalog)."""
        return round(100 * count / self.total, 1) if self.total else 0.0


def catalog_counts(settings: Settings, lang: str) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) messages of *lang*'s text catalogs, as ``triglot stats`` counts them.

    Counted against the templates extracted from the sources (cached in ``<build>/cache/templates``); the
    interface catalog (``sphinx.po``, the theme's and triglot's strings) is not the edition's text.
    """
    from ..stats import catalog_stats  # here: the catalogs' readers are not needed to render the page

    found = catalog_stats(settings, [lang])
    return (sum(stats.translated.messages for stats in found), sum(stats.fuzzy.messages for stats in found),
            sum(stats.untranslated.messages for stats in found))


def check_findings(settings: Settings, lang: str) -> tuple[Finding, ...]:
    """The findings of ``triglot check --lang LANG``: on *lang*'s text catalogs and its interface catalog."""
    from ..checks import REGISTRY, run_checks, select_checks  # here: the checks are not needed to render the page
    from ..checks.collect import project_files, read_catalogs
    from ..glossary import project_glossary

    files = project_files(settings, [lang])
    if not files:
        return ()
    catalogs = read_catalogs(files, [lang])
    found = run_checks(catalogs, select_checks(), project_glossary(settings),
                       source_language=settings.source_language, typography=settings.typography)
    return tuple(Finding(os.path.relpath(f.file, settings.root), f.line, f.check, f.severity, REGISTRY[f.check].summary)
                 for f in found)


def build_time() -> datetime.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds), in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def catalog_status(settings: Settings, lang: str) -> CatalogStatus:
    """The counts and check findings of *lang*'s catalogs (nothing for the source language).

    An unreadable catalog is a finding of the page, not a failed site.
    """
    if lang == settings.source_language:
        return CatalogStatus()
    try:
        counts = catalog_counts(settings, lang)
    except TriglotError as exc:
        return CatalogStatus(findings=(_unreadable(settings, exc),))
    try:
        return CatalogStatus(*counts, check_findings(settings, lang))
    except TriglotError as exc:
        return CatalogStatus(*counts, (_unreadable(settings, exc),))


def _unreadable(settings: Settings, exc: TriglotError) -> Finding:
    """The finding of the catalog *exc* says cannot be read."""
    from ..interface import DOMAIN as INTERFACE_DOMAIN  # here: the page is rendered without the catalogs' readers

    where = os.path.relpath(exc.path, settings.root) if exc.path else ""
    interface = exc.path is not None and Path(exc.path).name == f"{INTERFACE_DOMAIN}.po"
    return Finding(where, exc.line or 0, "catalog", "error", INTERFACE_UNREADABLE if interface else TEXT_UNREADABLE)


def edition_status(site: Path, lang: str, catalogs: CatalogStatus, passages: Passages | None,
                   downloads: dict[str, str]) -> EditionStatus:
    """The status of *lang*'s edition in the assembled *site*, its catalogs' status being *catalogs* and its
    build's count of passages *passages*.

    *downloads* maps a label to a download's path in the edition; those in the site are listed.
    """
    present = tuple((label, f"{lang}/{path}") for label, path in downloads.items() if (site / lang / path).is_file())
    return EditionStatus(lang, native_name(lang), catalogs, passages, present)


def status_html(settings: Settings, editions: list[EditionStatus], title: str, page: SitePage) -> str:
    """The HTML of one language version of the status page (*page*)."""
    return render("status.html", page.translations, title=title, editions=editions, source=settings.source_language,
                  source_name=Locale.parse(settings.source_language).get_display_name(page.lang) or
                  settings.source_language, built=build_time(), page=page)
