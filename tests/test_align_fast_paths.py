"""Fast paths of statement alignment (issue 14): each is checked against the plain rule.

- the run of shared words is bounded by the heaviest stretch of shared words in either
  statement, and there is no run without such a stretch;
- a pair let go on that bound (with the exact date, event and day-gap factors) is a pair
  whose full score falls short of both ``min_score`` and ``join_score``;
- statements' sets made once for all their pairs score as sets made for each pair.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import statements
from discrep._align.statements import Collection, _run_weight, _stretch_weight
from discrep._config import AlignConfig
from discrep._extract import extract

_ALPHABET = ["harbour", "convoy", "ridge", "ferry", "granary", "ember"]


def _coll() -> Collection:
    return Collection((), {t: 1 + i for i, t in enumerate(_ALPHABET)}, {}, AlignConfig())


@given(
    st.lists(st.sampled_from(_ALPHABET), max_size=14),
    st.lists(st.sampled_from(_ALPHABET), max_size=14),
)
def test_the_stretch_of_shared_words_bounds_the_run(a: list[str], b: list[str]) -> None:
    coll = _coll()
    weights = {t: coll.weight(t) for t in _ALPHABET}
    shared = frozenset(a) & frozenset(b)
    run = _run_weight(a, b, shared, coll)
    bound = min(_stretch_weight(a, shared, weights), _stretch_weight(b, shared, weights))
    assert run <= bound
    if bound == 0:
        assert run == 0


def test_a_run_is_found_inside_a_stretch() -> None:
    """Control: a real shared run weighs as much as its stretch."""
    coll = _coll()
    weights = {t: coll.weight(t) for t in _ALPHABET}
    a = ["ember", "harbour", "convoy", "ridge", "granary"]
    b = ["ferry", "harbour", "convoy", "ridge"]
    shared = frozenset(a) & frozenset(b)
    run = _run_weight(a, b, shared, coll)
    assert run > 0
    assert math.isclose(run, _stretch_weight(b, shared, weights))


_WORDS = (  # noqa: SIM905 - a word list reads best as text
    "rebels seized port harbour convoy bridge ridge ferry granary troops shelled village "
    "mayor fled farmers wheat harvest council vote budget ministers gathered capital river"
).split()


def _articles(seed: int, n: int) -> list[Article]:
    """Invented articles sharing words, dates and figures at random."""
    r = random.Random(seed)
    out = []
    for k in range(n):
        sentences = []
        for _ in range(4):
            words = r.sample(_WORDS, r.randint(4, 9))
            if r.random() < 0.4:
                words.append(f"on March {r.randint(1, 4)}")
            if r.random() < 0.4:
                words.append(f"with {r.choice([12, 40, 41, 300])} soldiers")
            sentences.append(" ".join(words).capitalize() + ".")
        day = dt.date(2022, 3, 1) + dt.timedelta(days=r.choice([0, 1, 9]))
        out.append(Article(" ".join(sentences), source=f"s{k:02d}", published=day))
    return out


def _collection(seed: int) -> Collection:
    cfg = Config()
    exs = [extract(a, cfg) for a in _articles(seed, 14)]
    return statements.build_statements(exs, (), (), cfg)


@pytest.mark.parametrize("seed", [1, 2])
def test_pairs_let_go_on_the_bound_fall_short(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    coll = _collection(seed)
    pairs = sorted(statements.candidate_pairs(coll))
    fast = [statements._score_candidate(coll.statements[i], coll.statements[j], coll)
            for i, j in pairs]
    monkeypatch.setattr(statements, "_bound_with_anchors", lambda *_: math.inf)
    full = [statements._score_candidate(coll.statements[i], coll.statements[j], coll)
            for i, j in pairs]
    least = min(coll.config.min_score, coll.config.join_score)
    let_go = 0
    for f, p in zip(fast, full, strict=True):
        if f != p:
            assert f.score == 0
            assert p.score < least
            let_go += 1
    assert let_go > 0, "the bound let no pair go: the test checks nothing"
    assert any(p.score >= least for p in full), "no pair reaches the bar: a weak test"


def test_sets_made_once_score_as_sets_made_per_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    coll = _collection(3)
    pairs = sorted(statements.candidate_pairs(coll))
    each = [(i, j, statements._score_candidate(coll.statements[i], coll.statements[j], coll))
            for i, j in pairs]
    assert list(statements._scored(pairs, coll)) == each
    monkeypatch.setattr(statements, "_MAX_SIDES", 2)  # most sets made again for each pair
    assert list(statements._scored(pairs, coll)) == each
    assert len({i for p in pairs for i in p}) > 2 * len(pairs) ** 0.5  # many statements

