"""Algorithms shared by the stages: union-find and indexed candidate pairs.

Both are small and generic; the stages give them their own keys and tests.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from itertools import combinations

__all__ = ["UnionFind", "capped_postings", "indexed_pairs", "iter_indexed_pairs"]


class UnionFind:
    """Disjoint sets over the indices ``0 .. size - 1`` (path halving).

    The root of a set is always its smallest index, so the result does not depend on the
    order in which the unions are made.

    >>> uf = UnionFind(5)
    >>> uf.union(3, 1), uf.union(4, 3), uf.find(4)
    (1, 1, 1)
    >>> uf.groups()
    {0: [0], 1: [1, 3, 4], 2: [2]}
    """

    __slots__ = ("_parent",)

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, i: int) -> int:
        """Return the root (smallest index) of the set holding ``i``."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> int:
        """Join the sets of ``a`` and ``b``; return the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        root, other = (ra, rb) if ra < rb else (rb, ra)
        self._parent[other] = root
        return root

    def groups(self) -> dict[int, list[int]]:
        """Return {root: members}, members ascending, roots in order of their first member."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self._parent)):
            out[self.find(i)].append(i)
        return dict(out)


def indexed_pairs(
    keys: Sequence[Iterable[Hashable]],
    max_postings: int,
    *,
    apart: Sequence[Hashable] | None = None,
    min_shared: int = 1,
) -> set[tuple[int, int]]:
    """Return the pairs ``(i, j)``, ``i < j``, of items that share a selective key.

    An inverted index from each key to the items holding it; a key held by more than
    ``max_postings`` items is not selective (a word every article uses) and pairs nothing,
    so the work is at most ``max_postings`` pairs per key and item, never all pairs. With
    ``apart`` (one label per item, e.g. the source), items of one label are never paired;
    with ``min_shared``, only pairs sharing at least that many selective keys are kept.
    :func:`iter_indexed_pairs` gives the same pairs one by one, in order.

    >>> sorted(indexed_pairs([{"port", "rebels"}, {"wheat"}, {"port"}, {"port"}], 2))
    []
    >>> sorted(indexed_pairs([{"port", "rebels"}, {"wheat"}, {"rebels"}], 2))
    [(0, 2)]
    >>> sorted(indexed_pairs([{"k"}, {"k"}, {"k"}], 3, apart=["a", "a", "b"]))
    [(0, 2), (1, 2)]
    >>> sorted(indexed_pairs([{"a", "b"}, {"a", "b"}, {"a"}], 3, min_shared=2))
    [(0, 1)]
    """
    if apart is None and min_shared <= 1:  # the common case: any shared key pairs
        pairs: set[tuple[int, int]] = set()
        for idx in _postings(keys).values():
            if 1 < len(idx) <= max_postings:
                pairs.update(combinations(idx, 2))  # ascending: postings are in item order
        return pairs
    return set(iter_indexed_pairs(keys, max_postings, apart=apart, min_shared=min_shared))


def _postings(keys: Sequence[Iterable[Hashable]]) -> dict[Hashable, list[int]]:
    """Return the inverted index: each key -> the items holding it, ascending."""
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for i, item_keys in enumerate(keys):
        for k in set(item_keys):
            postings[k].append(i)
    return postings


def capped_postings(
    keys: Sequence[Iterable[str]], cap: int
) -> dict[str, tuple[int, ...]]:
    """Return each key -> the items holding it, ascending; none for a key held past ``cap``.

    Each item's keys must be distinct. The postings are tuples of ints, not lists: the
    garbage collector follows every list (and array) but lets go of a tuple of ints, and
    a compare of 840 ECB+ articles held ~35k postings lists in linking and statement
    alignment (issue 14: each such object brings the next full collection closer). A
    posting grows by a copy, at most ``cap`` long.

    >>> capped_postings([("port",), ("port", "ferry"), ("port",)], 2)
    {'ferry': (1,)}
    """
    postings: dict[str, tuple[int, ...]] = {}
    over: set[str] = set()
    for x, item_keys in enumerate(keys):
        for k in item_keys:
            idx = postings.get(k)
            if idx is None:
                if k not in over:
                    postings[k] = (x,)
            elif len(idx) < cap:
                postings[k] = (*idx, x)
            else:
                del postings[k]
                over.add(k)
    return postings


def iter_indexed_pairs(
    keys: Sequence[Iterable[Hashable]],
    max_postings: int,
    *,
    apart: Sequence[Hashable] | None = None,
    min_shared: int = 1,
) -> Iterator[tuple[int, int]]:
    """Yield the pairs of :func:`indexed_pairs` in ascending order, holding none of them.

    For a caller that scores each pair and keeps few: the pairs of a large input need
    not be held at once (issue 14: entity linking's candidate pairs were 10 KB per
    article at 800 articles).

    >>> list(iter_indexed_pairs([{"k"}, {"k"}, {"k"}], 3, apart=["a", "a", "b"]))
    [(0, 2), (1, 2)]
    """
    postings = _postings(keys)
    # Shared keys are counted item by item (each item against the later items of its
    # postings), not in one table of every pair sharing a key: that table held all the
    # pairs sharing a single word, most of which never reach ``min_shared``, and was the
    # peak of a compare's memory (issue 14: 60 KB per article at 800 articles).
    for i, item_keys in enumerate(keys):
        if apart is None and min_shared <= 1:  # any shared key pairs: no counting
            yield from _later_items(i, item_keys, postings, max_postings)
            continue
        later: dict[int, int] = {}
        for k in set(item_keys):
            idx = postings[k]
            if len(idx) > max_postings:
                continue
            for j in idx[bisect.bisect_right(idx, i) :]:
                if apart is None or apart[i] != apart[j]:
                    later[j] = later.get(j, 0) + 1
        for j in sorted(later):
            if later[j] >= min_shared:
                yield i, j


def _later_items(
    i: int, item_keys: Iterable[Hashable], postings: dict[Hashable, list[int]], cap: int
) -> Iterator[tuple[int, int]]:
    """Yield ``(i, j)`` for the later items ``j`` sharing a selective key with ``i``."""
    later: set[int] = set()
    for k in set(item_keys):
        idx = postings[k]
        if 1 < len(idx) <= cap:
            later.update(idx[bisect.bisect_right(idx, i) :])
    for j in sorted(later):
        yield i, j
