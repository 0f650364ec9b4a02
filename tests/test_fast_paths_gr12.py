"""Story grouping's session-12 fast paths give what their former forms give, to the bit.

Each oracle is the former form of a step of :mod:`discrep._stories` (kept in the library
as ``*_plain`` or copied here verbatim). The grouping compares figures with thresholds and
breaks ties by order, so the fast forms must agree exactly, order of ties included.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._config import StoryConfig
from discrep._stories import (
    _WORD,
    _Bag,
    _copies,
    _features,
    _features_plain,
    _shingles,
    group,
)

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


# -- _copies: pairwise intersections, ties as the shingle index met them ---------------


def _copies_former(
    arts: Sequence[Article], members: Sequence[int], cfg: StoryConfig
) -> tuple[tuple[str, str], ...]:
    if len(members) < 2:
        return ()
    shingles = {i: _shingles_former(arts[i].text) for i in members}
    index: dict[int, list[int]] = defaultdict(list)
    out = []
    for i in members:
        seen = Counter(
            itertools.chain.from_iterable(map(index.get, shingles[i], itertools.repeat(())))
        )
        for j, shared in seen.most_common(1):
            union = len(shingles[i]) + len(shingles[j]) - shared
            if union and shared / union >= cfg.copy_jaccard:
                out.append((arts[i].source, arts[j].source))
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
def test_copies_break_ties_as_the_shingle_index(texts: list[list[int]], jaccard: float) -> None:
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
