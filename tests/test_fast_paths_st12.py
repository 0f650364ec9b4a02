"""Fast paths of statement alignment at first sight (session 12, issue 14).

Each is checked against the plain form it replaces, kept here as the oracle:

- the token weights are computed with one logarithm per distinct frequency
  (:func:`statements._weights`), as :meth:`Collection.weight` computes each;
- the scoring loop lets go of a statement's sets at the position of its last pair
  (:func:`statements._last_pairs`), where the plain loop counted its pairs down;
- "only names and titles in common" is one ``isdisjoint`` of two sets made per statement;
- the long words of a pair are matched against the other side's words grouped by prefix
  once per statement (:func:`statements._fuzzy_grouped`);
- a statement's tokens are read with the words between mentions and the common mention
  written out in :func:`statements._statement_tokens`, as the calls it made read them;
- the light stemmer is one function (:func:`statements._stem`), as its three steps;
- a statement with no event adds no event key (:func:`statements._keys`), and an article
  with no event of a cluster looks for none in its statements.

End to end, the pairs scored with the plain forms patched in are those of the fast forms,
on real articles (ECB+ and the seeds) read cold.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import align_events, link_entities, statements
from discrep._align.statements import (
    _TITLES,
    _WORD,
    Collection,
    PairScore,
    _Side,
)
from discrep._config import AlignConfig
from discrep._extract import extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"

# --- the plain forms (as on 224dcf3) -------------------------------------------------


def _plain_weights(df: Mapping[str, int], cfg: AlignConfig) -> dict[str, float]:
    bare = Collection((), df, {}, cfg)
    return {tok: bare.weight(tok) for tok in df}


def _plain_scored(
    pairs: Any, coll: Collection, words_from: float | None = None
) -> Iterator[tuple[int, int, PairScore]]:
    left = Counter(pairs[0])
    left.update(pairs[1])
    sides: dict[int, _Side] = {}
    for i, j in zip(*pairs, strict=True):
        sa, sb = sides.get(i), sides.get(j)
        if sa is None:
            sa = statements._side(coll.stmt(i))
            if len(sides) < statements._MAX_SIDES:
                sides[i] = sa
        if sb is None:
            sb = statements._side(coll.stmt(j))
            if len(sides) < statements._MAX_SIDES:
                sides[j] = sb
        yield i, j, statements._score_sides(sa, sb, coll, words_from)
        for x in (i, j):
            left[x] -= 1
            if not left[x]:
                sides.pop(x, None)


def _plain_rejected(
    sa: _Side, sb: _Side, shared: frozenset[str], ws: float, coll: Collection
) -> bool:
    cfg = coll.config
    a, b = sa.st, sb.st
    bound = statements._upper_bound(a, b, ws, len(shared), coll)
    if bound < min(cfg.min_score, cfg.join_score):
        return True
    if not shared.difference(sa.names, sb.names, statements._title_stems()):
        return True
    return bool(shared) and (
        statements._only_opening(a.tokens, shared, cfg.opening)
        and statements._only_opening(b.tokens, shared, cfg.opening)
    )


def _plain_fuzzy_grouped(
    ua: Sequence[str], sb: _Side, shared: frozenset[str], coll: Collection
) -> tuple[float, list[str]]:
    return statements._fuzzy_sorted(
        [t for t in ua if t not in shared], [t for t in sb.fuzzy if t not in shared], coll
    )


def _plain_statement_tokens(
    text: str,
    start: int,
    end: int,
    entity_at: Mapping[int, tuple[int, str]],
    mentions: Sequence[int],
) -> statements._Tokens:
    flat: list[Any] = []
    cur = start
    k = bisect.bisect_left(mentions, start)
    while k < len(mentions) and mentions[k] < end:
        ms = mentions[k]
        k += 1
        if ms < cur:
            continue
        if ms > cur and not statements._WORDISH.match(text, ms - 1):
            flat += statements._plain_tokens(text, cur, ms)
            cur = ms
        cur = statements._mention_tokens(text, cur, ms, end, entity_at, flat)
    flat += statements._plain_tokens(text, cur, end)
    if not flat:
        return statements._NO_TOKENS
    toks: tuple[str, ...] = tuple(flat[0::3])
    named = flat[2::3]
    named[0] = toks[0].startswith("ent:")
    return statements._Tokens(toks, tuple(flat[1::3]), tuple(named))


def _plain_stem(w: str) -> str:
    if w.isdigit() or len(w) <= 3:
        return w
    return statements._final_letters(statements._strip_suffix(statements._singular(w)))


def _plain_keys(
    tokens: Sequence[str],
    anchor_keys: Sequence[str],
    events: Sequence[tuple[str, str]],
    keyable: frozenset[str],
) -> set[str]:
    keys = set(filter(keyable.__contains__, tokens))
    keys.update(anchor_keys)
    keys.update(f"event{n}:{cid}" for cid, _ in events for n in (1, 2))
    return keys


_PLAIN = {
    "_keys": _plain_keys,
    "_statement_tokens": _plain_statement_tokens,
    "_stem": _plain_stem,
    "_scored": _plain_scored,
    "_rejected": _plain_rejected,
    "_fuzzy_grouped": _plain_fuzzy_grouped,
}

_MEMOS = ("_word_tokens", "_word_entries", "_word_parts", "_fold", "_what_words")


def _cold() -> None:
    """Empty the statement alignment's word memos: a first sight."""
    for name in _MEMOS:
        getattr(getattr(statements, name), "cache", {}).clear()


# --- real text --------------------------------------------------------------------------


def _real_articles() -> list[Article]:
    paths = sorted(CORPUS.glob("1_*.txt"))[:10] + sorted(CORPUS.glob("3_*.txt"))[:6]
    paths += sorted(CORPUS.glob("5_*.txt"))[:6]
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    if len(paths) < 16:
        pytest.skip("the ecbplus corpus is not beside the project")
    return [Article.from_path(p) for p in paths]


@pytest.fixture(name="real", scope="module")
def fixture_real() -> tuple[Any, ...]:
    cfg = Config()
    exts = tuple(extract(a, cfg) for a in _real_articles())
    entities = link_entities(exts, cfg)
    events = align_events(exts, entities, cfg)
    return exts, entities, events, cfg


def _run(real: tuple[Any, ...]) -> tuple[str, list[Any], str]:
    exts, entities, events, cfg = real
    _cold()
    coll = statements._collection(exts, entities, events, cfg)
    scored = list(statements._scored(statements._candidates(coll), coll))
    aligned = statements.align_statements(exts, entities, events, cfg)
    return repr(coll), scored, repr(aligned)


def test_end_to_end_equals_the_plain_forms(real: tuple[Any, ...]) -> None:
    fast = _run(real)
    with pytest.MonkeyPatch.context() as mp:
        for name, fn in _PLAIN.items():
            mp.setattr(statements, name, fn)
        plain = _run(real)
    assert fast[0] == plain[0]
    assert fast[1] == plain[1]
    assert fast[2] == plain[2]
    scores = [ps.score for _, _, ps in fast[1]]
    assert sum(s > 0 for s in scores) > 20, "few pairs scored: a weak test"
    assert any(math.isclose(s, 0.0) for s in scores)


def _real_sides(real: tuple[Any, ...]) -> tuple[Collection, list[tuple[_Side, _Side]]]:
    exts, entities, events, cfg = real
    coll = statements._collection(exts, entities, events, cfg)
    first, second = statements._candidates(coll)
    sides = {i: statements._side(coll.stmt(i)) for i in {*first, *second}}
    return coll, [(sides[i], sides[j]) for i, j in zip(first, second, strict=True)]


def test_rejected_equals_the_plain_difference_on_real_pairs(real: tuple[Any, ...]) -> None:
    coll, pairs = _real_sides(real)
    rejected = 0
    for sa, sb in pairs:
        shared = sa.bag & sb.bag
        ws = sum(map(coll.weights.__getitem__, shared))
        fast = statements._rejected(sa, sb, shared, ws, coll)
        assert fast == _plain_rejected(sa, sb, shared, ws, coll)
        # the names-and-titles rule on its own, past the bound
        only_names = not shared.difference(sa.names, sb.names, statements._title_stems())
        assert sa.plain.isdisjoint(sb.plain) == only_names
        rejected += only_names
    assert rejected, "no pair shares only names: a weak test"


def test_fuzzy_grouped_equals_the_plain_matching_on_real_pairs(real: tuple[Any, ...]) -> None:
    coll, pairs = _real_sides(real)
    matched = 0
    for sa, sb in pairs:
        shared = sa.bag & sb.bag
        fast = statements._fuzzy_grouped(sa.fuzzy, sb, shared, coll)
        assert fast == _plain_fuzzy_grouped(sa.fuzzy, sb, shared, coll)
        # pairs where some long word meets another of its prefix: fuzz.ratio is called
        matched += any(
            u not in shared for t in sa.fuzzy if t not in shared for u in sb.prefixed.get(t[:2], ())
        )
    assert matched > 10, "few long words met: a weak test"


def test_weights_equal_the_plain_weights_on_real_statements(real: tuple[Any, ...]) -> None:
    exts, entities, events, cfg = real
    coll = statements._collection(exts, entities, events, cfg)
    fast = statements._weights(coll.df, cfg.align)
    plain = _plain_weights(coll.df, cfg.align)
    assert list(fast.items()) == list(plain.items())  # the same floats, to the bit
    assert any(t.startswith("ent:") for t in fast)
    assert any(t in statements._title_stems() for t in fast)


# --- any input -------------------------------------------------------------------------

_WORDS = ["harbour", "harbor", "harbours", "convoy", "convoys", "granary", "granery", "ember"]
_TOKENS = st.sampled_from(
    [*_WORDS, "ent:q1", "ent:q2", "ridge", *sorted(statements._title_stems())[:4]]
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(_TOKENS, st.integers(0, 50), max_size=12),
    st.floats(0.5, 40.0),
    st.floats(0.1, 3.0),
    st.floats(0.1, 3.0),
)
def test_weights_equal_the_plain_weights(
    df: dict[str, int], scale: float, entity: float, title: float
) -> None:
    cfg = AlignConfig(df_scale=scale, entity_weight=entity, title_weight=title)
    assert list(statements._weights(df, cfg).items()) == list(_plain_weights(df, cfg).items())


@settings(max_examples=300, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=60))
def test_last_pairs_is_where_the_count_runs_out(raw: set[tuple[int, int]]) -> None:
    pairs = sorted((min(p), max(p)) for p in raw if p[0] != p[1])
    first = [i for i, _ in pairs]
    second = [j for _, j in pairs]
    last = statements._last_pairs((first, second))  # type: ignore[arg-type]
    left = Counter(first)
    left.update(second)
    for k, (i, j) in enumerate(pairs):
        for x in (i, j):
            left[x] -= 1
            assert (left[x] == 0) == (last[x] == k)


def _a_side(index: int, tokens: list[str], names: list[str]) -> _Side:
    toks = tuple(tokens)
    row = (
        "s" + str(index),
        0,
        1,
        "x",
        index,
        toks,
        toks,
        tuple(dict.fromkeys(n for n in names if n in toks)),
        (),
        (),
        (),
        (),
        None,
        (),
    )
    return statements._side(statements._Stmt(*row))  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_TOKENS, max_size=10),
    st.lists(_TOKENS, max_size=10),
    st.lists(_TOKENS, max_size=4),
    st.lists(_TOKENS, max_size=4),
    st.floats(0.0, 100.0),
)
def test_sides_read_as_the_plain_forms(
    a: list[str], b: list[str], na: list[str], nb: list[str], fuzzy_word: float
) -> None:
    """The names-and-titles rule and the fuzzy matching, on any tokens and threshold."""
    sa, sb = _a_side(0, a, na), _a_side(1, b, nb)
    df = dict.fromkeys([*a, *b, *_TITLES], 2)
    coll = Collection((), df, {}, AlignConfig(fuzzy_word=fuzzy_word))
    coll = Collection((), df, {}, coll.config, weights=_plain_weights(df, coll.config))
    shared = sa.bag & sb.bag
    only_names = not shared.difference(sa.names, sb.names, statements._title_stems())
    assert sa.plain.isdisjoint(sb.plain) == only_names
    fast = statements._fuzzy_grouped(sa.fuzzy, sb, shared, coll)
    assert fast == _plain_fuzzy_grouped(sa.fuzzy, sb, shared, coll)


# --- tokens of a statement ------------------------------------------------------------


def test_statement_tokens_of_real_statements(real: tuple[Any, ...]) -> None:
    """Every sentence and clause of the real articles, cold then warm, with its mentions."""
    exts, entities, _, _ = real
    entity_at, _ = statements._entity_positions(entities)
    spans = 0
    for warm in (False, True):
        if not warm:
            _cold()
        for ex in exts:
            text = ex.article.text
            at = entity_at.get(ex.article.source, {})
            mentions = sorted(at)
            for start, end, _junk in ex.sentences.spans():
                for a, b in [(start, end), *statements._clauses(text, start, end, 2)]:
                    fast = statements._statement_tokens(text, a, b, at, mentions)
                    assert fast == _plain_statement_tokens(text, a, b, at, mentions)
                    spans += 1
    assert spans > 500
    assert sum(map(len, entity_at.values())) > 100, "few mentions: a weak test"


_PIECES = [
    *"abcXYZ  '’-;.,é1_",
    "Kiev", "Moscow", "KievMoscow", "Putin's", "NATOmilitary", "it's", "O'Brien",
    "rebels'", "Obama", "x" * 64, "U.S.", "'EU", "’UN", "'s", "s",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=24),
    st.lists(
        st.tuples(st.integers(0, 70), st.integers(0, 14), st.sampled_from(["ent:a", "ent:b"])),
        max_size=6,
    ),
    st.integers(0, 5),
    st.integers(0, 5),
    st.booleans(),
)
@example(pieces=["Obama", "'EU", " went"], mentions=[(0, 1, "ent:a")], cut_start=0,
         cut_end=0, cold=True)  # fmt: skip
@example(pieces=["Kiev", " went"], mentions=[(0, 0, "ent:a")], cut_start=0, cut_end=0,
         cold=True)  # fmt: skip
def test_statement_tokens_of_any_text(
    pieces: list[str],
    mentions: list[tuple[int, int, str]],
    cut_start: int,
    cut_end: int,
    cold: bool,
) -> None:
    """Mentions anywhere: at a word or inside one, ending at a word's end or not."""
    text = "".join(pieces)
    starts = [m.start() for m in _WORD.finditer(text)]
    ends = [m.end() for m in re.finditer(r"[^\W_]+", text)]
    entity_at = {a: (min(len(text), a + n), tok) for a, n, tok in mentions if a < len(text)}
    for a, n, tok in mentions:
        if starts:
            at = starts[a % len(starts)]
            later = [b for b in [at, *ends] if b >= at]
            entity_at[at] = (later[n % len(later)], tok)
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    if cold:
        _cold()
    fast = statements._statement_tokens(text, start, end, entity_at, sorted(entity_at))
    plain = _plain_statement_tokens(text, start, end, entity_at, sorted(entity_at))
    assert fast == plain


# --- the stemmer -------------------------------------------------------------------------


def test_stem_of_real_words(real: tuple[Any, ...]) -> None:
    exts = real[0]
    words = {w.lower() for ex in exts for w in _WORD.findall(ex.article.text)}
    assert len(words) > 1000
    for w in words:
        assert statements._stem(w) == _plain_stem(w), w


_ENDINGS = ["", "s", "ies", "ss", "us", "is", "ing", "ed", "est", "rest", "uest", "otest"]
_ENDINGS += ["ntest", "vest", "ern", "ian", "ia", "ll", "ee", "e", "ttes", "ings", "ied"]


@settings(max_examples=1500, deadline=None)
@given(
    st.text(alphabet="aeiourslntvbgdé1", max_size=7),
    st.sampled_from(_ENDINGS),
    st.sampled_from(_ENDINGS),
)
@example(stem="req", end="uest", more="")
@example(stem="interest", end="", more="")
def test_stem_of_any_word(stem: str, end: str, more: str) -> None:
    w = stem + end + more
    assert statements._stem(w) == _plain_stem(w)


# --- statements with no event ------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_TOKENS, max_size=8),
    st.lists(st.sampled_from(["date:2024-01-02", "figure:3"]), max_size=2),
    st.lists(st.tuples(st.sampled_from(["event:a", "event:b"]), st.just("talks")), max_size=2),
    st.frozensets(_TOKENS),
)
def test_keys_equal_the_plain_keys(
    tokens: list[str], anchors: list[str], events: list[tuple[str, str]], keyable: frozenset[str]
) -> None:
    fast = statements._keys(tokens, anchors, events, keyable)
    plain = _plain_keys(tokens, anchors, events, keyable)
    assert fast == plain
    assert list(fast) == list(plain)  # made in the same order: it iterates the same


class _At:
    def __init__(self, start: int) -> None:
        self.start = start


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 50), max_size=6), st.integers(0, 60), st.integers(0, 60))
def test_no_search_in_an_article_with_no_event(starts: list[int], a: int, b: int) -> None:
    items = statements._Starts(_At(x) for x in starts)
    inside = items.between(a, b) if len(items) > 0 else ()
    assert list(inside) == items.between(a, b)
    assert (len(items) > 0) == bool(starts)


def test_statement_events_equal_the_plain_search(real: tuple[Any, ...]) -> None:
    """Each statement's events are those of its article's clustered events inside it."""
    exts, entities, events, cfg = real
    coll = statements._collection(exts, entities, events, cfg)
    event_of = {(ev.source, ev.start): (c.id, c.type) for c in events for ev in c.events}
    by_source = {ex.article.source: ex for ex in exts}
    held = 0
    for row in coll.rows:
        src, a, b = row[0], row[1], row[2]
        inside = [e for e in by_source[src].events if a <= e.start < b]
        plain = statements._distinct(
            event_of[(src, e.start)] for e in inside if (src, e.start) in event_of
        )
        assert row[11] == plain
        held += bool(plain)
    assert held, "no statement holds an event of a cluster: a weak test"
