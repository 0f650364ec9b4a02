"""Story grouping's fast paths give what the plain computations they replace give.

Each oracle below is the earlier, plain form of a step of :mod:`discrep._stories`, kept
here verbatim; the fast forms must agree with it to the last bit (the grouping compares
similarities with thresholds and breaks ties by order, so "close" is not enough).
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._stories import (
    _FIGURE,
    _NAME,
    _OPENERS,
    _STOP,
    _WORD,
    _YEAR,
    _Bag,
    _capitalised,
    _Cluster,
    _copies,
    _dot,
    _dot_in_order,
    _features,
    _held,
    _hold_all,
    _latest_year,
    _merge,
    _shingles,
    _similarities,
    _stem,
    _vectors,
    _within,
)

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"
_TEXTS = sorted(CORPUS.glob("*.txt"))[::7]  # 120 articles of every kind of story


def _opens(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence or a line."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\r\n" or text[i] in _OPENERS


def _corpus_texts() -> list[str]:
    if not _TEXTS:
        pytest.skip("the ECB+ corpus is not beside the project")
    return [p.read_text("utf-8") for p in _TEXTS]


# -- the oracles: the plain forms ---------------------------------------------------------


def _terms_plain(text: str, lead: int, pool: dict[str, str]) -> _Bag:
    index: dict[str, int] = {}
    counts = array("L")
    flags = bytearray()

    def count(term: str) -> int:
        k = index.get(term)
        if k is None:
            k = index[pool.setdefault(term, term)] = len(counts)
            counts.append(0)
            flags.append(0)
        counts[k] += 1
        return k

    for m in _WORD.finditer(text):
        raw = m.group()
        if raw[0].isdigit():
            if len(raw) > 1:
                flags[count("#" + raw.replace(",", ""))] |= _FIGURE
            continue
        low = raw.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if len(low) < 3 or low in _STOP:
            continue
        k = count(_stem(low))
        if raw[0].isupper() and not raw.isupper() and not _opens(text, m.start()):
            flags[k] |= _NAME
    return _Bag(tuple(index), counts, bytes(flags), lead)


def _name_pairs_plain(text: str) -> frozenset[str]:
    pairs = set()
    prev = None
    for m in _WORD.finditer(text):
        raw = m.group()
        if _capitalised(raw) and prev is not None and text[prev.end() : m.start()] == " ":
            first = prev.group().lower()
            if first not in _STOP and not _opens(text, m.start()):
                pairs.add(f"{first} {raw.lower()}")
        prev = m if _capitalised(raw) else None
    return frozenset(pairs)


def _vectors_plain(parsed: list[_Bag], cfg: Config) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for bag in parsed:
        df.update(bag.terms)
    n = len(parsed)
    vecs = []
    for bag in parsed:
        vec = {}
        for k, (t, c) in enumerate(zip(bag.terms, bag.counts, strict=True)):
            w = (1.0 + math.log(c)) * math.log((n + cfg.stories.idf_prior) / (df[t] + 1))
            w *= cfg.stories.name_weight if bag.flags[k] & _NAME else 1.0
            leading = k < bag.lead and not bag.flags[k] & _FIGURE
            vec[t] = w * (cfg.stories.lead_weight if leading else 1.0)
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vecs.append({t: w / norm for t, w in vec.items()})
    return vecs


def _closest_pair(clusters: list[_Cluster], merge: float, days: int) -> tuple[int, int] | None:
    holding: dict[str, int | set[int]] = {}
    for c, cl in enumerate(clusters):
        for t in cl.centroid:
            _hold_all(holding, (t,), c)
    best: tuple[float, int, int] = (merge, -1, -1)
    for c, cl in enumerate(clusters):
        unit = {t: w / math.sqrt(cl.norm2) for t, w in cl.centroid.items()}
        for d in sorted({d for t in unit for d in _held(holding, t) if d > c}):
            if not _within(cl.last, clusters[d].last, days):
                continue
            sim = sum(w * clusters[d].centroid.get(t, 0.0) for t, w in unit.items())
            sim = sim / math.sqrt(clusters[d].norm2) if clusters[d].norm2 > 0 else 0.0
            if sim >= best[0]:
                best = (sim, c, d)
    return None if best[1] < 0 else (best[1], best[2])


def _merge_plain(clusters: list[_Cluster], merge: float, days: int) -> list[_Cluster]:
    while (pair := _closest_pair(clusters, merge, days)) is not None:
        c, d = pair
        clusters[c].absorb(clusters[d])
        del clusters[d]
    return clusters


def _shingles_plain(text: str, n: int = 5) -> frozenset[int]:
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(hash(tuple(words[i : i + n])) for i in range(max(0, len(words) - n + 1)))


# -- the tests ------------------------------------------------------------------------


def _same_bag(a: _Bag, b: _Bag) -> bool:
    return (a.terms, list(a.counts), a.flags, a.lead) == (b.terms, list(b.counts), b.flags, b.lead)


_PROSE = st.lists(
    st.sampled_from([
        "Smith", "John", "the", "The", "said", "Ali's", "2008", "1,200", "7", "U.S.", "NASA",
        "police", "Police", "'s", "rebels", "attacked", ".", ",", "\n", "  ", "\t", "-",
        "O’Neil", "Kyiv", "ran", "running", "cities", "studies", ":", "“", "”", "Rehab",
    ]),
    max_size=40,
).map(" ".join)


@given(_PROSE)
@settings(max_examples=300, deadline=None)
def test_one_pass_features_are_the_terms_and_name_pairs(text: str) -> None:
    bag, pairs = _features(text, 5, {}, {})
    assert _same_bag(bag, _terms_plain(text, 5, {}))
    assert pairs == _name_pairs_plain(text)


def test_features_on_the_corpus_with_a_shared_word_table() -> None:
    words: dict[str, tuple[str | None, bool, str | None]] = {}
    for text in _corpus_texts():
        bag, pairs = _features(text, 40, {}, words)
        assert _same_bag(bag, _terms_plain(text, 40, {}))
        assert pairs == _name_pairs_plain(text)


def test_vectors_and_similarities_are_the_plain_figures() -> None:
    cfg = Config()
    bags = [_features(t, cfg.stories.lead_words)[0] for t in _corpus_texts()]
    vecs = _vectors(bags, cfg.stories)
    assert vecs == _vectors_plain(bags, cfg)
    some = vecs[:40]
    assert _similarities(some) == [[_dot(a, b) for b in some] for a in some]
    a, b = vecs[0], vecs[1]
    assert _dot_in_order(a, b) == sum(w * b.get(t, 0.0) for t, w in a.items())


def test_shingles_are_the_plain_ones() -> None:
    for text in [*_corpus_texts()[:30], "", "one two three four", "a b c d e f"]:
        assert _shingles(text) == _shingles_plain(text)


def _clusters(vecs: list[dict[str, float]], dates: list[dt.date | None]) -> list[_Cluster]:
    out = []
    for i, (vec, date) in enumerate(zip(vecs, dates, strict=True)):
        cl = _Cluster()
        cl.add(i, vec, date)
        out.append(cl)
    return out


def _members(clusters: list[_Cluster]) -> list[list[int]]:
    return [cl.members for cl in clusters]


@pytest.mark.parametrize("merge", [0.1, 0.3])
def test_merging_keeps_the_plain_order_of_merges_on_the_corpus(merge: float) -> None:
    cfg = Config()
    vecs = _vectors([_features(t, 40)[0] for t in _corpus_texts()[:50]], cfg.stories)
    dates = [dt.date(2020, 1, 1 + i % 20) if i % 3 else None for i in range(len(vecs))]
    stories = attrs.evolve(cfg.stories, merge=merge)
    fast = _merge(_clusters(vecs, dates), stories)
    plain = _merge_plain(_clusters(vecs, dates), merge, stories.window_days)
    assert _members(fast) == _members(plain)
    assert len(fast) < len(vecs)  # the threshold merged something: the test has teeth


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from("xyz"),
                          st.integers(0, 30)), min_size=2, max_size=9))
@settings(max_examples=200, deadline=None)
def test_merging_breaks_ties_as_the_plain_loop(items: list[tuple[str, str, int]]) -> None:
    # few terms, equal weights: many stories are exactly alike, so ties decide
    vecs = [{a: 1.0, b: 1.0} for a, b, _ in items]
    dates = [dt.date(2020, 1, 1) + dt.timedelta(days=d) for _, _, d in items]
    stories = Config().stories
    fast = _merge(_clusters(vecs, dates), stories)
    plain = _merge_plain(_clusters(vecs, dates), stories.merge, stories.window_days)
    assert _members(fast) == _members(plain)


def test_wire_copies_are_found_as_by_the_plain_count() -> None:
    texts = _corpus_texts()[:12]
    arts = [Article(t, source=f"a{i}") for i, t in enumerate(texts)]
    arts += [Article(t + " More to follow.", source=f"c{i}") for i, t in enumerate(texts[:6])]
    members = list(range(len(arts)))
    shingles = {i: _shingles_plain(arts[i].text) for i in members}
    index: dict[int, list[int]] = {}
    expected = []
    for i in members:
        seen: Counter[int] = Counter()
        for s in shingles[i]:
            seen.update(index.get(s, ()))
        for j, shared in seen.most_common(1):
            union = len(shingles[i]) + len(shingles[j]) - shared
            if union and shared / union >= Config().stories.copy_jaccard:
                expected.append((arts[i].source, arts[j].source))
        for s in shingles[i]:
            index.setdefault(s, []).append(i)
    assert _copies(arts, members, Config().stories) == tuple(expected)
    assert len(expected) >= 5  # the copies of all but the shortest text


_DATED = st.lists(
    st.sampled_from([
        "in", "In", "IN", "since", "the", "mid", "Dec", "Dec.", "December", "Sept", "May",
        "Mayor", "15", "31st", "2nd", "1999", "2006", "2031", "1899", "20061", "2,013",
        "2006.5", "Windows", "xin", ",", ".", "-", " ", "   ", "\t", "\n", "of", "ago",
    ]),
    max_size=30,
).map(lambda parts: "".join(p if p in " \t\n-,." else " " + p for p in parts))


def _latest_year_plain(text: str) -> int | None:
    return max((int(m.group(1)) for m in _YEAR.finditer(text)), default=None)


@given(_DATED)
@settings(max_examples=500, deadline=None)
def test_the_latest_year_is_the_latest_match_of_the_whole_pattern(text: str) -> None:
    assert _latest_year(text) == _latest_year_plain(text)


def test_the_latest_year_on_the_corpus() -> None:
    texts = _corpus_texts()
    found = [_latest_year(t) for t in texts]
    assert found == [_latest_year_plain(t) for t in texts]
    assert sum(y is not None for y in found) > len(texts) // 2  # years are the rule


@pytest.mark.parametrize("text", [
    "December   31st, 2006 and in 1999",
    "on Sept.\t 5 - 2001",
    "in --  2006",
    "xin 2006",
    "May 2006, 2007",
    "the 2031 vote; Dec 2,013",
    "mid-2011\nin\n2012",
])
def test_the_latest_year_at_the_edges_of_a_lead_in(text: str) -> None:
    assert _latest_year(text) == _latest_year_plain(text)
