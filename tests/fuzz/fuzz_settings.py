"""Fuzzing profiles (imported by the fuzz tests): a few seconds in CI, a long run on demand.

``pytest tests/fuzz`` runs each property with a small number of examples;
``TRIGLOT_FUZZ=long pytest tests/fuzz`` runs the long campaign documented in
SECURITY.md (``TRIGLOT_FUZZ_EXAMPLES`` sets the number of examples).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("fuzz-ci", max_examples=int(os.environ.get("TRIGLOT_FUZZ_EXAMPLES", "80")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz-long", max_examples=int(os.environ.get("TRIGLOT_FUZZ_EXAMPLES", "50000")),
                          deadline=None, suppress_health_check=list(HealthCheck))
FUZZ = settings.get_profile("fuzz-long" if os.environ.get("TRIGLOT_FUZZ") == "long" else "fuzz-ci")
