"""Fast paths of the checks give what the plain definitions give (issue 14 throughput)."""

from __future__ import annotations

from pathlib import Path

import pytest

from discrep import Article, Config
from discrep._detect import quantity
from discrep._extract import extract
from discrep._model import Extraction

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_INVENTED = [
    "Nearly 5,000 people have been killed in Norden. The old bridge is 300 metres long.",
    "About 9,000 people have been killed in Norden, officials said on Monday.",
    "The storm caused $5 million in damage. Bail was set at $20,000 for the driver.",
    "Damage from the storm was put at $9 million. The mayor earns a salary of $80,000.",
]


@pytest.fixture(name="extractions", scope="module")
def fixture_extractions() -> tuple[Extraction, ...]:
    """The seeds and a few invented articles, extracted."""
    arts = [Article.from_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    arts += [Article(text, f"invented-{k}") for k, text in enumerate(_INVENTED)]
    return tuple(extract(a, Config()) for a in arts)


def test_only_blocks_of_two_articles_are_compared() -> None:
    exs = tuple(extract(Article(t, f"s{k}"), Config()) for k, t in enumerate(_INVENTED))
    compared = quantity._compared_blocks(exs, Config().quantities)
    assert "person" in compared  # killed in both articles
    assert "money:damage|None" in compared  # a sum of damage in both, keyed by its noun
    assert not any(k.startswith("unit:length") for k in compared)  # one article's bridge
    assert not any(k.startswith(("money:bail", "money:salary")) for k in compared)


def test_figures_of_the_compared_blocks_are_those_of_all_blocks(
    extractions: tuple[Extraction, ...],
) -> None:
    qc = Config().quantities
    compared = quantity._compared_blocks(extractions, qc)
    assert compared  # the control: some blocks are compared
    skipped = 0
    for i, ex in enumerate(extractions):
        every = list(quantity._figures(i, ex, {}, qc))
        kept = list(quantity._figures(i, ex, {}, qc, compared))
        assert kept == [f for f in every if f.key in compared]
        skipped += len(every) - len(kept)
    assert skipped > 0  # the fast path skips some figures here
