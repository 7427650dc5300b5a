"""``triglot check``: translation QA on PO catalogs.

A registry of checks (:mod:`.registry`), one module per family, a runner
(:func:`run_checks`) and the finding record (:class:`Finding`). Importing
this package registers every family's checks.
"""

from __future__ import annotations

from . import (  # noqa: F401  (registration)
    citations, consistency, markup_checks, numbers, terminology, textlint, transliteration, typesetting, typography,
)
from .model import SEVERITIES, Catalog, Finding, Message
from .po import read_catalog
from .registry import REGISTRY, Check, iter_docs, select_checks
from .runner import count_at_or_above, run_checks

__all__ = ["SEVERITIES", "REGISTRY", "Catalog", "Check", "Finding", "Message", "count_at_or_above",
           "iter_docs", "read_catalog", "run_checks", "select_checks"]
