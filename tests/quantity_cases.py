"""Shared helpers of the quantity-check tests on invented sentences."""

from __future__ import annotations

import datetime as dt

import discrep
from discrep import Article, Config

#: Only the quantity check runs: other kinds' findings do not blur the assertions.
QUANTITY_ONLY = Config(checks={"quantity"})
#: The publication date of every invented article.
DAY = dt.date(2025, 3, 14)


def found(*texts: str) -> list[list[str]]:
    """Return the quoted texts of each quantity finding over articles ``s0.txt``, ``s1.txt``..."""
    arts = [Article(t, f"s{i}.txt", published=DAY) for i, t in enumerate(texts)]
    report = discrep.compare(arts, config=QUANTITY_ONLY)
    return [[c.text for c in d.claims] for d in report.discrepancies]
