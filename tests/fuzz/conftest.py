"""Hypothesis profiles of the fuzz suite: `short` runs in CI, `long` from scripts/fuzz_long.py."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("short", max_examples=30, **_COMMON)
settings.register_profile("long", max_examples=10_000, **_COMMON)
settings.load_profile(os.environ.get("PLANCARDS_FUZZ_PROFILE", "short"))
