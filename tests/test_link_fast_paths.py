"""Fast paths of entity linking (issue 14): each is checked against the plain rule.

- candidate pairs drawn with postings held as tuples of ints (:func:`_key_pairs`) are the
  pairs of the generic inverted index (:func:`discrep._algorithms.iter_indexed_pairs`),
  the cap on a key's postings included;
- a join of two components' given names or suffixes made only when neither set holds the
  other (:func:`_union`) is the union.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from discrep._algorithms import iter_indexed_pairs
from discrep._align.entities import _key_pairs, _union

_KEYS = st.lists(st.frozensets(st.sampled_from("abcdefgh"), max_size=4), max_size=30)


@given(_KEYS, st.integers(1, 8))
def test_key_pairs_equal_the_inverted_index(keys: list[frozenset[str]], cap: int) -> None:
    items = [tuple(sorted(k)) for k in keys]
    assert list(_key_pairs(items, cap)) == list(iter_indexed_pairs(items, max_postings=cap))


def test_key_pairs_drop_a_key_past_the_cap() -> None:
    keys = [("port",), ("port", "ferry"), ("port",), ("ferry",)]
    assert list(_key_pairs(keys, 3)) == [(0, 1), (0, 2), (1, 2), (1, 3)]
    assert list(_key_pairs(keys, 2)) == [(1, 3)]  # "port" is held three times: no pair


_WORDS = st.frozensets(st.sampled_from(["ann", "bo", "cy", "sr", "iii"]), max_size=4)


@given(_WORDS, _WORDS)
def test_union_is_the_union(a: frozenset[str], b: frozenset[str]) -> None:
    assert _union(a, b) == a | b
