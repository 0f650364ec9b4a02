"""Shared fixtures and the hypothesis profiles.

``ci`` (the default) is derandomized, so the README's test command gives the same result
on every machine; ``HYPOTHESIS_PROFILE=dev`` draws fresh random examples and ``large``
runs 2000 examples per property, for hunting new failures locally.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("large", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


@pytest.fixture(name="seed_paths", scope="session")
def fixture_seed_paths() -> list[Path]:
    """The five seed articles, in name order."""
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(name="seed_report", scope="session")
def fixture_seed_report(seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    """The report for the five seeds (computed once per session)."""
    import discrep

    return discrep.compare(seed_paths)
