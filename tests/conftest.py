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


#: Invented articles with figures for the quantity check's equivalence tests: two stories
#: of one event with other figures, figures of other kinds, dates, and a figure outside
#: any sentence.
INVENTED_FIGURES = (
    "Nearly 5,000 people have been killed in Norden. The old bridge is 300 metres long.",
    "About 9,000 people have been killed in Norden, officials said on Monday.",
    "The storm caused $5 million in damage. Bail was set at $20,000 for the driver.",
    "Damage from the storm was put at $9 million. The mayor earns a salary of $80,000.",
    "On March 3 the ministry said 40 soldiers were killed. Officials said 12 died.",
    "Outside any sentence 7 figures.",
)


@pytest.fixture(name="extractions", scope="session")
def fixture_extractions(seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    """The seeds and the invented articles with figures, extracted."""
    from discrep import Article, Config
    from discrep._extract import extract

    arts = [Article.from_path(p) for p in seed_paths]
    arts += [Article(text, f"invented-{k}") for k, text in enumerate(INVENTED_FIGURES)]
    return tuple(extract(a, Config()) for a in arts)
