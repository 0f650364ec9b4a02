"""Story grouping's session-12 fast paths give what their former forms give, to the bit.

Each oracle is the former form of a step of :mod:`discrep._stories` (kept in the library
as ``*_plain`` or copied here verbatim). The grouping compares figures with thresholds and
breaks ties by order, so the fast forms must agree exactly, order of ties included.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import operator
import os
import re
import subprocess
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep import Article, Config, _stories
from discrep._config import StoryConfig
from discrep._stories import (
    _FIGURE,
    _NAME,
    _OPENERS,
    _STOP,
    _WORD,
    _Bag,
    _copies,
    _dot_in_order,
    _features,
    _hold_all,
    _shingles,
    _vectors,
    _word,
    group,
)

# -- the former forms (session 11), the oracles -----------------------------------


def _features_plain(
    text: str,
    lead: int,
    pool: dict[str, str] | None = None,
    words: dict[str, tuple[str | None, bool, str | None]] | None = None,
) -> tuple[_Bag, frozenset[str]]:
    """:func:`_features` word by word: the former form (session 11), the oracle."""
    pool = {} if pool is None else pool
    words = {} if words is None else words
    index: dict[str, int] = {}
    counts = array("L")
    flags = bytearray()
    pairs = set()
    prev: re.Match[str] | None = None  # the word before, when capitalised
    prev_low = ""
    for m in _WORD.finditer(text):
        raw = m.group()
        word = words.get(raw)
        if word is None:
            word = words[raw] = _word(raw, pool)
        term, figure, low = word
        k = -1  # the term's place in the bag, if the word has one
        if term is not None:
            got = index.get(term)
            if got is None:
                got = index[term] = len(counts)
                counts.append(0)
                flags.append(_FIGURE if figure else 0)
            counts[got] += 1
            k = got
        if low is None:  # not capitalised
            prev = None
            continue
        start = m.start()
        opens = _opens(text, start)
        if k >= 0 and not opens:
            flags[k] |= _NAME
        if prev is not None and not opens and prev_low not in _STOP:
            end = prev.end()
            if start == end + 1 and text[end] == " ":
                pair = f"{prev_low} {low}"
                pairs.add(pool.setdefault(pair, pair))
        prev, prev_low = m, low
    return _Bag(tuple(index), counts, bytes(flags), lead), frozenset(pairs)


def _opens(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence or a line."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\r\n" or text[i] in _OPENERS



def _dot_in_order_plain(a: dict[str, float], b: dict[str, float]) -> float:
    """:func:`_dot_in_order` over every term of ``a``: the former form (session 11)."""
    total: float = sum(map(operator.mul, a.values(), map(b.get, a, itertools.repeat(0.0))))
    return total


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"
_PATHS = sorted(CORPUS.glob("*.txt"))


def _corpus() -> list[Article]:
    if not _PATHS:
        pytest.skip("the ECB+ corpus is not beside the project")
    return [Article.from_path(p) for p in _PATHS]


#: Words, capitals, figures, openers, line breaks, tabs and letters whose lower case is
#: longer or of another class ("İ"), in runs that make sentences and name pairs.
# fmt: off
_TEXT = st.lists(
    st.sampled_from([
        "the", "The", "Tara", "Reid", "Hiller", "in", "Of", "rehab", "went", "2008", "1,200",
        "3.5", "US", "O'Neil", "Ann’s", "İstanbul", "Straße", "ΣΟΦΙΑ", "élan", "É", "a", "I",
        " ", " ", " ", "  ", "\t", "\n", "\r\n", ".", ". ", "? ", ", ", "(", ")", "\"", "“",
        "'", "’", "-", "—", ":", "|", "_", "#",
    ]),
    max_size=60,
).map("".join) | st.text(max_size=40)
# fmt: on


def _key(got: tuple[_Bag, frozenset[str]]) -> tuple[object, ...]:
    bag, pairs = got
    return bag.terms, bag.counts.tolist(), bag.flags, bag.lead, pairs


# -- _features: one split, counting in C ---------------------------------------------------


@given(_TEXT, st.integers(0, 5))
@example("Tara Reid went to rehab. Tara Reid", 3)
@example(" Tara\tReid  Hiller\nReid", 2)
@example("The Colts\r\nO'Neil Smith 2008 US Open", 4)
def test_features_are_the_word_by_word_ones(text: str, lead: int) -> None:
    assert _key(_features(text, lead)) == _key(_features_plain(text, lead))


def test_features_on_the_corpus_with_shared_tables() -> None:
    pool: dict[str, str] = {}
    words: dict[str, tuple[str | None, bool, str | None]] = {}
    plain_pool: dict[str, str] = {}
    plain_words: dict[str, tuple[str | None, bool, str | None]] = {}
    for art in _corpus():
        fast = _features(art.text, 40, pool, words)
        assert _key(fast) == _key(_features_plain(art.text, 40, plain_pool, plain_words))
    assert pool == plain_pool
    assert words == plain_words


# -- _shingles: an ASCII text lowered whole ----------------------------------------------


def _shingles_former(text: str, n: int = 5) -> frozenset[int]:
    words = list(map(str.lower, _WORD.findall(text)))
    return frozenset(map(hash, zip(*(words[k:] for k in range(n)), strict=False)))


@given(_TEXT)
@example("İİ İ a b c d e f")
@example("A B C D E F G")
def test_shingles_are_the_former_ones(text: str) -> None:
    assert _shingles(text) == _shingles_former(text)


def test_shingles_on_the_corpus() -> None:
    for art in _corpus():
        assert _shingles(art.text) == _shingles_former(art.text)


# -- _copies: pairwise intersections, ties to the first member -------------------------


def _copies_former(
    arts: Sequence[Article], members: Sequence[int], cfg: StoryConfig
) -> tuple[tuple[str, str], ...]:
    """The shingle index and Counter of session 11; ties to the first member of the story.

    (Session 11 took, of tied members, the first met in the set order of a shingle: the
    process's hash seed decided it; see test_copies_do_not_depend_on_the_hash_seed.)
    """
    if len(members) < 2:
        return ()
    shingles = {i: _shingles_former(arts[i].text) for i in members}
    index: dict[int, list[int]] = defaultdict(list)
    place = {i: n for n, i in enumerate(members)}
    out = []
    for i in members:
        seen = Counter(
            itertools.chain.from_iterable(map(index.get, shingles[i], itertools.repeat(())))
        )
        top = max(seen.values(), default=0)
        for j, shared in sorted(seen.items(), key=lambda kv: place[kv[0]]):
            if shared < top:
                continue
            union = len(shingles[i]) + len(shingles[j]) - shared
            if union and shared / union >= cfg.copy_jaccard:
                out.append((arts[i].source, arts[j].source))
            break
        for s in shingles[i]:
            index[s].append(i)
    return tuple(out)


def test_copies_on_the_corpus_stories() -> None:
    arts = _corpus()
    by_source = {a.source: k for k, a in enumerate(arts)}
    cfg = Config()
    for story in group(arts, cfg):
        members = [by_source[s] for s in story.sources]
        assert _copies(arts, members, cfg.stories) == _copies_former(arts, members, cfg.stories)


_SENTENCES = [
    "Flood waters rose in Dhaka as monsoon rains hit Bangladesh on Monday night.",
    "The Oakland Athletics beat the Seattle Mariners in extra innings at home.",
    "A fire broke out in a warehouse near the port and spread to two homes.",
    "Police said the suspect was arrested after a chase through the city center.",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=4), min_size=2, max_size=7),
    st.floats(0.05, 1.0),
)
def test_copies_break_ties_to_the_first_member(texts: list[list[int]], jaccard: float) -> None:
    """Repeated and overlapping texts: many earlier members share equally many shingles."""
    arts = [
        Article(" ".join(_SENTENCES[k] for k in text), source=f"a{n}")
        for n, text in enumerate(texts)
    ]
    cfg = StoryConfig(copy_jaccard=jaccard)
    members = list(range(len(arts)))
    assert _copies(arts, members, cfg) == _copies_former(arts, members, cfg)
    members.reverse()
    assert _copies(arts, members, cfg) == _copies_former(arts, members, cfg)


_TIED = """
from discrep import Article, Config
from discrep._stories import _copies
words = [f"w{k}" for k in range(200)]
one, two = list(words), list(words)
for k in (13, 23, 33, 43):
    one[k] = "x"  # 20 of the 196 shingles changed near the start
for k in (150, 160, 170, 180):
    two[k] = "y"  # and 20 near the end
arts = [Article(" ".join(t), source=s) for t, s in ((one, "a"), (two, "b"), (words, "c"))]
print(_copies(arts, [0, 1, 2], Config().stories))
"""


def test_copies_do_not_depend_on_the_hash_seed() -> None:
    """"c" shares as many shingles with "a" as with "b": it is a copy of "a", in any process.

    Session 11 took the first tied member met in a set of shingle hashes, whose order the
    hash seed decides: 3 of the seeds 0-39 named "b" (20 of the 196 shingles of "c" are
    shared with "b" alone), 26, 32 and 39 among those run here.
    """
    seen = {
        subprocess.run(
            [sys.executable, "-c", _TIED], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in (0, 1, 2, 26, 32, 39)
    }
    assert seen == {"(('c', 'a'),)"}


# -- _dot_in_order: the products of the shared terms only ----------------------------------

_WEIGHT = st.floats(allow_nan=False, allow_infinity=False, width=64) | st.sampled_from(
    [0.0, -0.0, 5e-324, -5e-324, 1.0, 0.5, 1e308]
)
_VECTOR = st.dictionaries(st.sampled_from("abcdefghij"), _WEIGHT, max_size=10)


@given(_VECTOR, _VECTOR)
@example({}, {"a": 1.0})
@example({"a": 1.0}, {})
@example({"a": -0.0, "b": 1.0}, {"a": 1.0})
@example({"a": -1.0, "b": 1.0}, {"b": 0.0})
def test_dot_over_shared_terms_is_the_plain_dot(a: dict[str, float], b: dict[str, float]) -> None:
    """The same value, bit for bit and of the same type (0 for an empty ``a``)."""
    assert repr(_dot_in_order(a, b)) == repr(_dot_in_order_plain(a, b))


def _corpus_bags() -> list[_Bag]:
    pool: dict[str, str] = {}
    words: dict[str, tuple[str | None, bool, str | None]] = {}
    return [_features(a.text, 40, pool, words)[0] for a in _corpus()]


def test_dot_on_the_corpus_vectors_and_centroids() -> None:
    vecs = _vectors(_corpus_bags(), StoryConfig())[::4]
    centroid: dict[str, float] = defaultdict(float)
    for a in vecs:
        for t, w in a.items():
            centroid[t] += w
        for b in [*vecs[:40], centroid]:
            assert repr(_dot_in_order(a, b)) == repr(_dot_in_order_plain(a, b))
            assert repr(_dot_in_order(b, a)) == repr(_dot_in_order_plain(b, a))


# -- _vectors: the weights made in C --------------------------------------------------------


def _vectors_former(parsed: Sequence[_Bag], cfg: StoryConfig) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for bag in parsed:
        df.update(bag.terms)
    top = len(parsed) + cfg.idf_prior
    idf = {t: math.log(top / (d + 1)) for t, d in df.items()}
    tf: dict[int, float] = {}
    vecs = []
    for bag in parsed:
        vec = {}
        flags, lead = bag.flags, bag.lead
        for k, (t, c) in enumerate(zip(bag.terms, bag.counts, strict=True)):
            f = tf.get(c)
            if f is None:
                f = tf[c] = 1.0 + math.log(c)
            w = f * idf[t]
            w *= cfg.name_weight if flags[k] & _NAME else 1.0
            vec[t] = w * (cfg.lead_weight if k < lead and not flags[k] & _FIGURE else 1.0)
        weights = vec.values()
        norm = math.sqrt(sum(map(operator.mul, weights, weights))) or 1.0
        vecs.append({t: w / norm for t, w in vec.items()})
    return vecs


def _same_vectors(got: list[dict[str, float]], want: list[dict[str, float]]) -> bool:
    return [list(map(repr, v.items())) for v in got] == [list(map(repr, v.items())) for v in want]


def test_vectors_on_the_corpus() -> None:
    bags = _corpus_bags()
    for cfg in (StoryConfig(), StoryConfig(name_weight=3, lead_weight=1, idf_prior=1.0)):
        assert _same_vectors(_vectors(bags, cfg), _vectors_former(bags, cfg))
        for part in (bags[:5], bags[100:160:3], bags[7:8], []):
            assert _same_vectors(_vectors(part, cfg), _vectors_former(part, cfg))


_BAG = st.lists(
    st.tuples(st.sampled_from("abcdefgh"), st.integers(1, 9), st.integers(0, 3)), max_size=8
).flatmap(
    lambda items: st.builds(
        lambda lead: _Bag(
            tuple(dict.fromkeys(t for t, _, _ in items)),
            array("L", [c for _, c, _ in {t: (t, c, f) for t, c, f in items}.values()]),
            bytes(f for _, _, f in {t: (t, c, f) for t, c, f in items}.values()),
            lead,
        ),
        st.integers(0, 10),
    )
)


@given(
    st.lists(_BAG, max_size=6),
    st.floats(0.0, 5.0) | st.integers(0, 5),
    st.floats(0.0, 5.0) | st.integers(0, 5),
    st.floats(1.0, 50.0),
)
def test_vectors_are_the_former_loop(
    bags: list[_Bag], name_weight: float, lead_weight: float, prior: float
) -> None:
    cfg = StoryConfig(name_weight=name_weight, lead_weight=lead_weight, idf_prior=prior)
    assert _same_vectors(_vectors(bags, cfg), _vectors_former(bags, cfg))


def _hold(holding: dict[str, int | set[int]], term: str, cluster: int) -> None:
    """Record that ``cluster``'s centroid has ``term``: the former form, a call a term."""
    have = holding.get(term)
    if have is None:
        holding[term] = cluster
    elif isinstance(have, int):
        if have != cluster:
            holding[term] = {have, cluster}
    else:
        have.add(cluster)


# -- _hold_all: _hold for each term in one call ---------------------------------------


@given(st.lists(st.tuples(st.lists(st.sampled_from("abcdef"), max_size=6), st.integers(0, 4))))
def test_holding_all_terms_is_holding_each(steps: list[tuple[list[str], int]]) -> None:
    """The same dict: a bare int for a term of one story, a set for more."""
    fast: dict[str, int | set[int]] = {}
    plain: dict[str, int | set[int]] = {}
    for terms, cluster in steps:
        _hold_all(fast, terms, cluster)
        for t in terms:
            _hold(plain, t, cluster)
        assert fast == plain
        assert {t: type(v) for t, v in fast.items()} == {t: type(v) for t, v in plain.items()}


# -- candidate sets by a union in C (_nearest, _score_pairs) ---------------------------


def _nearest_former(
    i: int,
    vec: dict[str, float],
    keys: Sequence[str],
    postings: dict[str, list[int]],
    vecs: Sequence[dict[str, float]],
    dates: Sequence[dt.date | None],
    cfg: StoryConfig,
) -> tuple[int, float]:
    best, best_sim = -1, cfg.link
    for j in sorted({j for t in keys for j in postings.get(t, ())}):
        if not _stories._within(dates[j], dates[i], cfg.window_days):
            continue
        sim = _stories._dot(vec, vecs[j])
        if sim >= best_sim:
            best, best_sim = j, sim
    return best, best_sim


def _score_pairs_former(
    c: int,
    alive: dict[int, _stories._Cluster],
    holding: dict[str, set[int]],
    units: dict[int, dict[str, float]],
    pairs: dict[tuple[int, int], float],
    cfg: StoryConfig,
    *,
    later_only: bool,
) -> None:
    others = sorted({d for t in alive[c].centroid for d in holding[t]} - {c})
    for d in others:
        if later_only and d < c:
            continue
        e, f = (c, d) if c < d else (d, c)
        if not _stories._within(alive[e].last, alive[f].last, cfg.window_days):
            continue
        unit = units.get(e)
        if unit is None:
            cl = alive[e]
            unit = units[e] = {t: w / math.sqrt(cl.norm2) for t, w in cl.centroid.items()}
        sim = alive[f].cosine(unit)
        if sim >= cfg.merge:
            pairs[e, f] = sim


@settings(max_examples=3, deadline=None)
@given(st.sampled_from([0.05, 0.2, 0.5]))
def test_candidates_on_the_corpus_are_the_former_ones(merge: float) -> None:
    """Each call of the grouping of the corpus gives what the former form gives."""
    arts = _corpus()[::2]
    nearest, score_pairs = _stories._nearest, _stories._score_pairs
    calls = Counter[str]()

    def check_nearest(*args: object) -> tuple[int, float]:
        got = nearest(*args)  # type: ignore[arg-type]
        assert got == _nearest_former(*args)  # type: ignore[arg-type]
        calls["nearest"] += 1
        return got

    def check_score_pairs(
        c: int,
        alive: dict[int, _stories._Cluster],
        holding: dict[str, set[int]],
        units: dict[int, dict[str, float]],
        pairs: dict[tuple[int, int], float],
        cfg: StoryConfig,
        *,
        later_only: bool,
    ) -> None:
        units_former, pairs_former = dict(units), dict(pairs)
        _score_pairs_former(
            c, alive, holding, units_former, pairs_former, cfg, later_only=later_only
        )
        score_pairs(c, alive, holding, units, pairs, cfg, later_only=later_only)
        assert pairs == pairs_former
        assert units == units_former
        calls["score_pairs"] += 1

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_stories, "_nearest", check_nearest)
        mp.setattr(_stories, "_score_pairs", check_score_pairs)
        group(arts, Config(stories=StoryConfig(merge=merge)))
    assert calls["nearest"] == len(arts)
    assert calls["score_pairs"] > len(arts) // 20


# -- _power_step and _fiedler: maps for the comprehensions -----------------------------


def _power_step_former(
    scaled: Sequence[Sequence[float]], vec: Sequence[float], first: Sequence[float]
) -> list[float]:
    along = sum(v * f for v, f in zip(vec, first, strict=True))
    vec = [v - along * f for v, f in zip(vec, first, strict=True)]
    nxt = [(sum(map(operator.mul, row, vec)) + vec[a]) / 2 for a, row in enumerate(scaled)]
    size = math.sqrt(sum(v * v for v in nxt)) or 1.0
    return [v / size for v in nxt]


def _fiedler_former(w: Sequence[Sequence[float]], degree: Sequence[float]) -> list[float]:
    m = len(w)
    root = [math.sqrt(d) for d in degree]
    norm = math.sqrt(sum(degree))
    first = [r / norm for r in root]
    scaled = [[w[a][b] / (root[a] * root[b]) for b in range(m)] for a in range(m)]
    vec = [((k * 7919) % 101) / 101 - 0.5 for k in range(m)]
    for _ in range(200):
        nxt = _power_step_former(scaled, vec, first)
        settled = max(abs(x - y) for x, y in zip(nxt, vec, strict=True)) < 1e-9
        vec = nxt
        if settled:
            break
    return vec


def _weights(sim: Sequence[Sequence[float]]) -> tuple[list[list[float]], list[float]]:
    m = len(sim)
    w = [[0.0 if a == b else max(sim[a][b], 0.0) for b in range(m)] for a in range(m)]
    return w, [sum(row) or 1e-12 for row in w]


@st.composite
def _similarity(draw: st.DrawFn) -> list[list[float]]:
    m = draw(st.integers(1, 9))
    cell = st.floats(-0.2, 1.0) | st.sampled_from([0.0, 1.0, 5e-324])
    sim = [[1.0] * m for _ in range(m)]
    for a in range(m):
        for b in range(a + 1, m):
            sim[a][b] = sim[b][a] = draw(cell)
    return sim


@given(_similarity())
@example([[1.0, 0.0], [0.0, 1.0]])
def test_fiedler_is_the_former_power_iteration(sim: list[list[float]]) -> None:
    w, degree = _weights(sim)
    assert list(map(repr, _stories._fiedler(w, degree))) == list(
        map(repr, _fiedler_former(w, degree))
    )


def test_fiedler_on_the_corpus_stories() -> None:
    arts = _corpus()
    bags = _corpus_bags()
    by_source = {a.source: k for k, a in enumerate(arts)}
    checked = 0
    for story in group(arts, Config()):
        if not 4 <= len(story.sources) <= 150:
            continue
        vecs = _vectors([bags[by_source[s]] for s in story.sources], StoryConfig())
        w, degree = _weights(_stories._similarities(vecs))
        assert list(map(repr, _stories._fiedler(w, degree))) == list(
            map(repr, _fiedler_former(w, degree))
        )
        checked += 1
    assert checked > 20
