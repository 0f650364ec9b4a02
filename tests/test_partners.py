"""Statement alignment compares each statement with a bounded number of others (issue 16).

Run-on lists of figures share a few figures with every other list, so every pair of them
shared two index keys and was scored: quadratic in the length of the input. Each
statement now keeps its ``AlignConfig.max_partners`` partners sharing the most keys.
"""

from __future__ import annotations

import random

import attrs
import pytest

from discrep import AlignConfig, Article, Config, ConfigError
from discrep._align import align_events, link_entities, statements
from discrep._inputs import extract_all, gather

_NOUNS = ["people", "troops", "homes", "buses"]
_VERBS = ["were killed", "fled", "were evacuated", "arrived"]


def _lists(seed: int, sentences: int) -> str:
    """Sentences of twelve figures each, drawn from a few hundred values."""
    r = random.Random(seed)
    return " ".join(
        ", ".join(f"{r.randint(10, 300)} {r.choice(_NOUNS)} {r.choice(_VERBS)}" for _ in range(12))
        + "."
        for _ in range(sentences)
    )


def _collection(cap: int) -> statements.Collection:
    config = Config(align=AlignConfig(max_partners=cap))
    arts = [Article(_lists(seed, 12), source=f"s{seed}", language="en") for seed in (1, 2)]
    exs = extract_all(gather(arts, config), config)
    ents = link_entities(exs, config)
    return statements.build_statements(exs, ents, align_events(exs, ents, config), config)


def test_each_statement_keeps_at_most_max_partners_partners() -> None:
    wide = _collection(10_000)
    all_pairs = statements.candidate_pairs(wide)
    n = len(wide.statements)
    assert len(all_pairs) > 3 * n  # the lists share figures with most other lists
    narrow = attrs.evolve(wide, config=attrs.evolve(wide.config, max_partners=3))
    capped = statements.candidate_pairs(narrow)
    assert capped <= all_pairs
    assert len(capped) <= 3 * n
    # the partners kept are those sharing the most keys
    for i in range(n):
        mine = [j for j in range(n) if (min(i, j), max(i, j)) in all_pairs]
        if len(mine) <= 3:
            continue
        shared = sorted((len(set(wide.keys[i]) & set(wide.keys[j])) for j in mine), reverse=True)
        kept = [j for j in mine if (min(i, j), max(i, j)) in capped]
        assert max(len(set(wide.keys[i]) & set(wide.keys[j])) for j in kept) == shared[0]


def test_a_cap_no_statement_reaches_changes_nothing() -> None:
    wide = _collection(10_000)
    assert statements.candidate_pairs(wide) == statements.candidate_pairs(
        attrs.evolve(wide, config=attrs.evolve(wide.config, max_partners=1_000))
    )


def test_max_partners_is_validated() -> None:
    with pytest.raises(ConfigError):
        AlignConfig(max_partners=0)
