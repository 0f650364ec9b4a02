"""Fast paths of statement alignment and event alignment (session 10).

Each is checked against the plain form it replaces, kept here as the oracle:

- the run bound reads ``b``'s stretch only when ``a`` has one (weights are positive, so
  with none in ``a`` the bound is 0);
- fuzzy matching of long words given sorted (:func:`_fuzzy_sorted`) is the matching of
  :func:`_fuzzy_shared`, which sorts them;
- "only names and titles in common" is tested by one set difference;
- the ``words:`` anchor reads each word's first written form by a search of the tokens;
- a statement holding no time, figure or event takes () without sorting an empty set;
- event alignment maps only the participants' mentions to entity ids;
- entity linking memoises the score of two surnames' keys.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from discrep import Article, Config
from discrep._align import entities, link_entities, statements
from discrep._align.entities import _surnames_of, _surnames_score
from discrep._align.events import _participant_ids, person_ids, profile
from discrep._align.statements import Collection, _stretch_weight
from discrep._config import AlignConfig
from discrep._extract import extract
from discrep._model import Entity, Event, Mention

_ALPHABET = ["harbour", "convoy", "ridge", "ferry", "granary", "ember", "harbor", "convey"]


def _coll() -> Collection:
    df = {t: 1 + i for i, t in enumerate(_ALPHABET)}
    bare = Collection((), df, {}, AlignConfig())
    return Collection((), df, {}, AlignConfig(), weights={t: bare.weight(t) for t in df})


# --- the run bound: b's stretch read only when a has one ------------------------------


@given(
    st.lists(st.sampled_from(_ALPHABET), max_size=14),
    st.lists(st.sampled_from(_ALPHABET), max_size=14),
)
def test_run_bound_short_cut_equals_the_min(a: list[str], b: list[str]) -> None:
    weights = _coll().weights
    shared = frozenset(a) & frozenset(b)
    plain = min(_stretch_weight(a, shared, weights), _stretch_weight(b, shared, weights))
    fast = _stretch_weight(a, shared, weights)
    if fast:
        fast = min(fast, _stretch_weight(b, shared, weights))
    assert fast == plain


# --- fuzzy matching of sorted long words ---------------------------------------------


def _plain_fuzzy(
    ua: Sequence[str], ub: Sequence[str], coll: Collection
) -> tuple[float, list[str]]:
    """The matching as it was: both lists sorted for each pair."""
    if not ua or not ub:
        return 0.0, []
    longs_b: dict[str, list[str]] = defaultdict(list)
    for t in sorted(ub):
        longs_b[t[:2]].append(t)
    total = 0.0
    words = []
    for t in sorted(ua):
        best, best_w = 0.0, ""
        for u in longs_b.get(t[:2], ()):
            r = fuzz.ratio(t, u, processor=None)
            if r > best:
                best, best_w = r, u
        if best >= coll.config.fuzzy_word:
            total += min(coll.weight(t), coll.weight(best_w)) * best / 100.0
            words.append(t)
    return total, words


_LONG = st.lists(st.sampled_from(_ALPHABET), max_size=6, unique=True)


@given(_LONG, _LONG)
def test_fuzzy_sorted_equals_the_plain_matching(ua: list[str], ub: list[str]) -> None:
    coll = _coll()
    plain = _plain_fuzzy(ua, ub, coll)
    assert statements._fuzzy_sorted(sorted(ua), sorted(ub), coll) == plain
    assert statements._fuzzy_shared(ua, ub, coll) == plain


def test_fuzzy_matching_control() -> None:
    """Control: near spellings match (the tests above compare something)."""
    total, words = statements._fuzzy_sorted(["harbour"], ["harbor"], _coll())
    assert words == ["harbour"]
    assert total > 0


# --- only names and titles in common: one set difference ------------------------------

_NAMEISH = st.frozensets(st.sampled_from(["ann", "bo", "cy", "minist", "presid", "port"]))


@given(_NAMEISH, _NAMEISH, _NAMEISH)
def test_names_only_difference_equals_the_word_loop(
    shared: frozenset[str], na: frozenset[str], nb: frozenset[str]
) -> None:
    titles = statements._title_stems()
    plain = all(t in na or t in nb or t in titles for t in shared)
    assert (not shared.difference(na, nb, titles)) == plain


# --- the words anchor: first written forms ------------------------------------------


def _plain_word_anchors(
    a: statements._Stmt, shared: frozenset[str], fz_words: Sequence[str], coll: Collection
) -> list[str]:
    """The anchor as it was: a table of every token's first written form."""
    words = sorted(
        (t for t in shared if not t.startswith("ent:")), key=lambda t: (-coll.weight(t), t)
    )
    written: dict[str, str] = {}
    for tok, form in zip(a.tokens, a.surface, strict=True):
        written.setdefault(tok, form)
    out = [written.get(t, t) for t in words[: coll.config.max_anchor_words]]
    out += [written.get(t, t) for t in sorted(fz_words)[:2]]
    return ["words:" + ",".join(out)] if out else []


_WORDS = [
    "rebels", "seized", "Seized", "port", "Kherson", "after", "heavy", "shelling", "the",
    "city", "cities", "Harbour", "harbours", "convoy", "Convoys", "ferry", "granary",
]


def _articles(seed: int, n: int) -> list[Article]:
    r = random.Random(seed)
    return [
        Article(
            " ".join(" ".join(r.choices(_WORDS, k=r.randint(5, 12))).capitalize() + "."
                     for _ in range(4)),
            source=f"s{k:02d}",
        )
        for k in range(n)
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_word_anchors_equal_the_table_of_forms(seed: int) -> None:
    cfg = Config()
    coll = statements.build_statements(
        [extract(a, cfg) for a in _articles(seed, 12)], (), (), cfg
    )
    pairs = sorted(statements.candidate_pairs(coll))
    assert pairs, "no candidate pair: the test checks nothing"
    differ = 0
    for i, j in pairs:
        a, b = coll.statements[i], coll.statements[j]
        shared = a.bag & b.bag
        ua = sorted(t for t in a.bag if statements._fuzzable(t) and t not in shared)
        ub = sorted(t for t in b.bag if statements._fuzzable(t) and t not in shared)
        _, fz_words = statements._fuzzy_sorted(ua, ub, coll)
        got = statements._word_anchors(a, shared, fz_words, coll)
        assert got == _plain_word_anchors(a, shared, fz_words, coll)
        differ += any(w != w.lower() for w in a.surface) or a.tokens != a.surface
    assert differ, "every token written as its own form: a weak test"


@settings(deadline=None, max_examples=30)
@given(st.integers(0, 10_000))
def test_scores_equal_with_the_plain_anchor_and_fuzzy_forms(seed: int) -> None:
    """End to end: scoring with the plain forms patched in gives the same pair scores."""
    cfg = Config()
    coll = statements.build_statements(
        [extract(a, cfg) for a in _articles(seed, 8)], (), (), cfg
    )
    pairs = statements._candidates(coll)
    fast = list(statements._scored(pairs, coll))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(statements, "_word_anchors", _plain_word_anchors)
        mp.setattr(statements, "_fuzzy_sorted", _plain_fuzzy)
        plain = list(statements._scored(pairs, coll))
    assert fast == plain


# --- statements holding no time, figure or event: () without sorting -----------------


def _plain_anchor_keys(
    dates: tuple[dt.date, ...], figures: tuple[statements._Figure, ...]
) -> tuple[str, ...]:
    keys = {"date:" + d.isoformat() for d in dates}
    keys.update(f"figure:{statements._fmt(value)}" for _, value, _ in figures)
    return tuple(sorted(keys))


_DATES = st.lists(st.dates(dt.date(2022, 1, 1), dt.date(2022, 1, 9)), max_size=3).map(
    lambda ds: tuple(sorted(set(ds)))
)
_FIGURES = st.lists(
    st.tuples(st.sampled_from(["", "km"]), st.sampled_from([12.0, 40.5, 300.0]),
              st.sampled_from(["", "soldier"])),
    max_size=3,
).map(lambda fs: tuple(sorted(set(fs))))


@given(_DATES, _FIGURES)
def test_anchor_keys_equal_the_plain_keys(
    dates: tuple[dt.date, ...], figures: tuple[statements._Figure, ...]
) -> None:
    assert statements._anchor_keys(dates, figures) == _plain_anchor_keys(dates, figures)


def test_rows_without_times_equal_the_plain_rows() -> None:
    """Rows made with no times, figures or events sorted are the rows of the plain form."""
    cfg = Config()
    arts = [*_articles(4, 6), Article(
        "On Monday 3 March 2022, 300 soldiers crossed the harbour. Convoys left on Tuesday.",
        source="t", published=dt.date(2022, 3, 4))]
    exs = [extract(a, cfg) for a in arts]
    rows = statements._collection(exs, (), (), cfg).rows
    assert any(r[8] for r in rows), "no statement with a date: a weak test"
    assert any(not r[8] and not r[9] for r in rows)
    for row in rows:
        src, a, b = row[:3]
        dates, weekdays, figures = row[8:11]
        ex = next(e for e in exs if e.article.source == src)
        times = [t for t in ex.times if t.type != "duration" and a <= t.start < b]
        assert dates == statements._distinct(t.value for t in times if t.value is not None)
        assert weekdays == statements._distinct(
            w for w in map(statements._weekday, times) if w
        )
        assert row[13] == _plain_anchor_keys(dates, figures)


# --- events: participants' entity ids only -------------------------------------------


def test_participant_ids_are_person_ids_of_the_participants(seed_paths: list[Path]) -> None:
    """Every participant profile() asks for maps as in the whole map; no other is made."""
    cfg = Config()
    exs = [extract(Article.from_path(p), cfg) for p in seed_paths]
    entities = link_entities(exs, cfg)
    events = [e for ex in exs for e in ex.events]
    whole = person_ids(entities)
    got = _participant_ids(entities, events)
    wanted = {(m.source, m.start) for e in events for m in e.participants}
    assert got == {k: v for k, v in whole.items() if k in wanted}
    assert got, "no participant is a linked person: the test checks nothing"
    assert len(whole) > len(got)
    assert [profile(e, got) for e in events] == [profile(e, whole) for e in events]


def test_participant_ids_last_entity_wins() -> None:
    """A mention held by two entities maps to the last, as in person_ids."""
    m = Mention(source="a", start=4, end=13, text="Dana Kell", kind="person", name="Dana Kell")
    ents = [Entity("person:x", "person", "Dana Kell", (m,)),
            Entity("person:y", "person", "Dana Kell", (m,))]
    ev = Event(source="a", start=0, end=3, text="met", type="talks", sentence=0, participants=(m,))
    assert _participant_ids(ents, [ev]) == person_ids(ents) == {("a", 4): "person:y"}
    assert _participant_ids(ents, []) == {}


# --- linking: surname scores memoised on their keys ------------------------------------

_SURNAMES = st.lists(
    st.sampled_from(["kell", "kel", "kells", "zelensky", "zelenskiy", "zelenskys", "roe", "ro"]),
    min_size=1, max_size=3, unique=True,
).map(tuple)


@given(_SURNAMES, _SURNAMES, st.sampled_from([80.0, 95.0]))
def test_memoised_surname_score_equals_the_score(
    a: tuple[str, ...], b: tuple[str, ...], threshold: float
) -> None:
    plain = _surnames_score(a, b, threshold)
    assert _surnames_of((a, b, threshold)) == plain
    assert _surnames_of((a, b, threshold)) == plain  # read from the memo
    assert _surnames_of((b, a, threshold)) == _surnames_score(b, a, threshold)


def test_linking_with_the_memo_equals_linking_without(
    seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = Config()
    exs = [extract(Article.from_path(p), cfg) for p in seed_paths]
    _surnames_of.cache.clear()
    cold = link_entities(exs, cfg)
    warm = link_entities(exs, cfg)
    assert _surnames_of.cache, "no surname pair scored: the test checks nothing"
    monkeypatch.setattr(entities, "_surnames_of", lambda key: _surnames_score(*key))
    assert cold == warm == link_entities(exs, cfg)
