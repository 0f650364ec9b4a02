"""The shared algorithms (_algorithms.py) against brute-force references."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from discrep._algorithms import UnionFind, indexed_pairs

_EDGES = st.lists(st.tuples(st.integers(0, 19), st.integers(0, 19)), max_size=40)


def _components(n: int, edges: list[tuple[int, int]]) -> list[set[int]]:
    """Connected components by repeated merging (quadratic, obviously right)."""
    comps = [{i} for i in range(n)]
    for a, b in edges:
        ca = next(c for c in comps if a in c)
        cb = next(c for c in comps if b in c)
        if ca is not cb:
            comps.remove(cb)
            ca |= cb
    return sorted(comps, key=min)


@given(_EDGES)
def test_union_find_matches_components(edges: list[tuple[int, int]]) -> None:
    uf = UnionFind(20)
    for a, b in edges:
        uf.union(a, b)
    groups = uf.groups()
    assert [set(m) for m in groups.values()] == _components(20, edges)
    # the root is the smallest member, whatever the order of the unions
    assert all(root == min(members) for root, members in groups.items())


@given(_EDGES)
def test_union_find_independent_of_union_order(edges: list[tuple[int, int]]) -> None:
    forward, backward = UnionFind(20), UnionFind(20)
    for a, b in edges:
        forward.union(a, b)
    for a, b in reversed(edges):
        backward.union(b, a)
    assert forward.groups() == backward.groups()


@given(
    st.lists(st.sets(st.sampled_from("abcdefg"), max_size=4), max_size=15),
    st.integers(1, 6),
    st.lists(st.sampled_from("xy"), min_size=15, max_size=15),
)
def test_indexed_pairs_matches_brute_force(
    keys: list[set[str]], cap: int, labels: list[str]
) -> None:
    df = {k: sum(k in ks for ks in keys) for k in "abcdefg"}
    n = len(keys)
    expected = {
        (i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if any(df[k] <= cap for k in keys[i] & keys[j])
    }
    assert indexed_pairs(keys, cap) == expected
    apart = labels[:n]
    assert indexed_pairs(keys, cap, apart=apart) == {
        (i, j) for i, j in expected if apart[i] != apart[j]
    }


def test_indexed_pairs_counts_a_repeated_key_once() -> None:
    # A key listed twice by one item is one posting, so the cap is counted in items.
    assert indexed_pairs([["k", "k"], ["k"]], 2) == {(0, 1)}
