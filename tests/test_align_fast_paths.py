"""Fast paths of statement alignment (issue 14): each is checked against the plain rule.

- the run of shared words is bounded by the heaviest stretch of shared words in either
  statement, and there is no run without such a stretch;
- a pair let go on that bound (with the exact date, event and day-gap factors) is a pair
  whose full score falls short of both ``min_score`` and ``join_score``;
- statements' sets made once for all their pairs score as sets made for each pair;
- a statement's tokens read with the words between mentions cut in C are the tokens of
  the loop over every word;
- whether two sorted lists of figures hold a pair apart is read from their extremes.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import statements
from discrep._align.statements import (
    Collection,
    _run_weight,
    _statement_tokens,
    _stretch_weight,
    _tokens_at,
)
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
    run = _run_weight(a, b, shared, weights)
    bound = min(_stretch_weight(a, shared, weights), _stretch_weight(b, shared, weights))
    assert run <= bound
    if bound == 0:
        assert run == 0


def _plain_run_weight(
    a: list[str], b: list[str], shared: frozenset[str], coll: Collection
) -> float:
    """The run rule as first written: every start of a run in b, grown token by token."""
    pos: dict[tuple[str, str], list[int]] = {}
    for i in range(len(a) - 1):
        if a[i] in shared and a[i + 1] in shared:
            pos.setdefault((a[i], a[i + 1]), []).append(i)
    best = 0.0
    for j in range(len(b) - 1):
        if j > 0 and (b[j - 1], b[j]) in pos:
            continue
        for i in pos.get((b[j], b[j + 1]), [])[:4]:
            k = 0
            w = 0.0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                w += coll.weight(a[i + k])
                k += 1
            if k >= 3:
                best = max(best, w)
    return best


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_ALPHABET[:4]), max_size=24),
    st.lists(st.sampled_from(_ALPHABET[:4]), max_size=24),
    st.sampled_from([math.inf, 1.0, 3.0]),
)
def test_run_weight_is_the_plain_run_rule(a: list[str], b: list[str], enough: float) -> None:
    """The run measured before it is weighed, stopped at ``enough``: the plain rule's."""
    coll = _coll()
    weights = {t: coll.weight(t) for t in _ALPHABET}
    shared = frozenset(a) & frozenset(b)
    plain = _plain_run_weight(a, b, shared, coll)
    fast = _run_weight(a, b, shared, weights, enough)
    if plain >= enough:
        assert fast >= enough  # the score reads min(1, run / run_full): the same
    else:
        assert fast == plain


def test_a_run_is_found_inside_a_stretch() -> None:
    """Control: a real shared run weighs as much as its stretch."""
    coll = _coll()
    weights = {t: coll.weight(t) for t in _ALPHABET}
    a = ["ember", "harbour", "convoy", "ridge", "granary"]
    b = ["ferry", "harbour", "convoy", "ridge"]
    shared = frozenset(a) & frozenset(b)
    run = _run_weight(a, b, shared, weights)
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
    pairs = statements._candidates(coll)
    each = [(i, j, statements._score_candidate(coll.statements[i], coll.statements[j], coll))
            for i, j in zip(*pairs, strict=True)]
    assert list(statements._scored(pairs, coll)) == each
    monkeypatch.setattr(statements, "_MAX_SIDES", 2)  # most sets made again for each pair
    assert list(statements._scored(pairs, coll)) == each
    assert len({i for p in pairs for i in p}) > 2 * len(each) ** 0.5  # many statements


def test_candidates_are_sorted_arrays_of_the_pairs() -> None:
    coll = _collection(5)
    first, second = statements._candidates(coll)
    pairs = list(zip(first, second, strict=True))
    assert pairs == sorted(statements.candidate_pairs(coll))
    assert all(i < j for i, j in pairs)
    assert pairs


# --- statements' tokens: words between mentions read in C --------------------------

_PIECES = [*"abcXYZ  '’-;.,éÅ1_", "Kiev", "Moscow", "KievMoscow", "Putin's", "NATOmilitary",
           "it's", "O'Brien", "rebels'"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30),
    st.lists(
        st.tuples(st.integers(0, 80), st.integers(1, 12), st.sampled_from(["ent:a", "ent:b"])),
        max_size=6,
    ),
    st.integers(0, 5),
    st.integers(0, 5),
)
def test_statement_tokens_equal_the_word_loop(
    pieces: list[str], mentions: list[tuple[int, int, str]], cut_start: int, cut_end: int
) -> None:
    """Tokens, written forms and name flags as the plain loop over every word gives them.

    Mentions start anywhere (inside a word, at a camel-case part, at punctuation) and may
    overlap or run past the span.
    """
    text = "".join(pieces)
    entity_at = {a: (min(len(text), a + n), tok) for a, n, tok in mentions if a < len(text)}
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    plain = _tokens_at(text, start, end, entity_at)
    got = _statement_tokens(text, start, end, entity_at, sorted(entity_at))
    assert got.tokens == tuple(t for _, _, t in plain)
    assert got.surface == tuple(anyascii(text[a:b]).lower() for a, b, _ in plain)
    first = plain[0][0] if plain else 0
    assert got.named == tuple(
        t.startswith("ent:") or (ts > first and text[ts].isupper()) for ts, _, t in plain
    )


def test_statement_tokens_read_mentions() -> None:
    """Control: a mention is one token, with its words as written; words around it stay."""
    text = "Yesterday Dana Kell's aides met KievMoscow envoys."
    entity_at = {10: (19, "ent:7"), 36: (42, "ent:8")}  # "Dana Kell", "Moscow" in the glue
    got = _statement_tokens(text, 0, len(text), entity_at, sorted(entity_at))
    assert got.tokens == ("yesterday", "ent:7", "aid", "meet", "kiev", "ent:8", "envoy")
    assert got.surface[1] == "dana kell"
    assert got.named == (False, True, False, False, True, True, False)


# --- figures apart: the extremes of a sorted list suffice ----------------------------


_VALUES = st.lists(
    st.sampled_from([-40.0, 10.0, 99.0, 99.5, 100.0, 100.9, 101.0, 101.01, 102.0, 1e6]),
    min_size=1,
    max_size=8,
).map(lambda vs: sorted(set(vs)))


@given(_VALUES, _VALUES, st.sampled_from([0.0, 0.01, 0.02, 0.3, 0.6, 1.0]))
def test_any_apart_equals_every_pair(a: list[float], b: list[float], tolerance: float) -> None:
    every = any(not statements._close(x, y, tolerance) for x in a for y in b)
    assert statements._any_apart(a, b, tolerance) == every


def test_equal_anchors_of_kept_pairs_are_one_string() -> None:
    """The anchors of kept pairs are held once each (memory), and say the same."""
    cfg = Config()
    exs = [extract(a, cfg) for a in _articles(6, 14)]
    anchors = [a for al in statements.align_statements(exs, (), (), cfg) for a in al.anchors]
    assert len(anchors) > len(set(anchors)), "no anchor repeats: the test checks nothing"
    assert len({id(a) for a in anchors}) == len(set(anchors))


def test_pairs_below_min_score_go_without_the_words_anchor() -> None:
    """Only a seed (a pair reaching min_score) has its words anchor read: the rest skip it."""
    coll = _collection(3)
    pairs = statements._candidates(coll)
    least = coll.config.min_score
    full = list(statements._scored(pairs, coll))
    lean = list(statements._scored(pairs, coll, words_from=least))
    skipped = 0
    for (_, _, f), (_, _, p) in zip(full, lean, strict=True):
        assert p.score == f.score
        if f.score >= least:
            assert p == f
        else:
            assert p.anchors == tuple(a for a in f.anchors if not a.startswith("words:"))
            skipped += p.anchors != f.anchors
    assert skipped > 0, "no joining pair had a words anchor: the test checks nothing"
    assert any(f.score >= least for _, _, f in full)


# --- statements held as rows (plain tuples the collector lets go of) ----------------


def test_rows_read_as_the_statements() -> None:
    """The alignment's collection of rows reads as build_statements' collection."""
    cfg = Config()
    exs = [extract(a, cfg) for a in _articles(7, 10)]
    full = statements.build_statements(exs, (), (), cfg)
    rows = statements._collection(exs, (), (), cfg)
    assert not rows.statements
    assert not full.rows
    assert len(rows.rows) == len(full.statements) > 10
    assert [rows.stmt(i) for i in range(len(rows.rows))] == list(full.statements)
    assert [full.stmt(i) for i in range(len(full.statements))] == list(full.statements)
    assert rows.sources() == full.sources() == [s.source for s in full.statements]
    assert [rows.quote(i) for i in range(len(rows.rows))] == [
        s.statement for s in full.statements
    ]
    for field in ("df", "totals", "longs", "weights", "keys"):
        assert getattr(rows, field) == getattr(full, field), field
    pairs = statements._candidates(rows)
    assert list(zip(*pairs, strict=True)) == sorted(statements.candidate_pairs(full))
    assert list(statements._scored(pairs, rows)) == list(statements._scored(pairs, full))
