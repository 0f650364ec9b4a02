"""A bounded memo for pure one-argument functions whose storage the garbage collector skips.

Why not ``functools.lru_cache``: an lru cache keeps every entry on a linked list that the
collector walks, key and result, on every full (generation-2) collection. After a warm
compare of 840 articles the library's caches held about 250,000 entries, and walking them
was about 90 ms of every full collection (a compare triggers several): a tenth of the
pipeline's CPU went to the collector, most of it re-reading caches that never change.

A :func:`memo` keeps its entries in a plain ``dict``. A dict whose keys and values are
atomic (str, int, float, bool, None) or tuples of them is not tracked by the collector at
all once a full collection has seen it (CPython untracks such tuples and dicts), so a
cache of words costs the collector nothing. It is also faster on a hit than an lru cache
(about 50 ns against 60: no list to reorder).

Bounded: when the dict holds ``maxsize`` entries, the older half (by insertion: a dict
keeps that order) is dropped. That is no least-recently-used order: a word read often but
first read long ago is dropped and read again once. The bound of each cache is a measured
choice (see its comment). Thread-safe enough under the GIL: a lookup and an insertion are
single dict operations; two threads may compute the same value once each (functions are
pure, so either result is right), and eviction pops keys that another thread may already
have popped.

A function is memoised on its one positional argument; it must be pure and its argument
hashable. Its result should be atomic or a tuple of atomic values for the collector to skip
it: a frozenset, a list or an attrs instance is tracked wherever it is kept.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Hashable
from typing import Protocol, TypeVar, cast

__all__ = ["Memoised", "memo", "memo_per"]

K = TypeVar("K", bound=Hashable)
C = TypeVar("C", bound=Hashable)
V = TypeVar("V")

#: Contexts (configurations) a :func:`memo_per` keeps entries for at once.
MAX_CONTEXTS = 8


class Memoised(Protocol[K, V]):
    """A memoised one-argument function (see :func:`memo`): call it, or read its cache."""

    #: The entries, oldest first (read only: for tests and measurements).
    cache: dict[K, V]
    __name__: str
    __wrapped__: Callable[[K], V]

    def __call__(self, key: K, /) -> V: ...


def _evict(cache: dict[K, V], half: int) -> None:
    """Drop the ``half`` oldest entries (a dict iterates in insertion order)."""
    for old in list(itertools.islice(cache, half)):
        cache.pop(old, None)


def memo(maxsize: int) -> Callable[[Callable[[K], V]], Memoised[K, V]]:
    """Memoise a pure one-argument function in a bounded dict the collector can skip.

    The memoised function is a plain Python function (the original's name, doc and module),
    with the dict as its ``cache`` attribute.

    >>> calls = []
    >>> @memo(maxsize=4)
    ... def double(s: str) -> str:
    ...     calls.append(s)
    ...     return s + s
    >>> double("ab"), double("ab"), calls
    ('abab', 'abab', ['ab'])
    >>> for w in "cdef":
    ...     _ = double(w)
    >>> list(double.cache)  # full at 4: the older half ("ab", "c") was dropped for "f"
    ['d', 'e', 'f']
    """
    if maxsize < 2:
        raise ValueError("a memo holds at least 2 entries")
    half = maxsize // 2

    def decorate(fn: Callable[[K], V]) -> Memoised[K, V]:
        cache: dict[K, V] = {}

        def call(key: K, /) -> V:
            try:
                return cache[key]
            except KeyError:
                pass
            value = fn(key)
            if len(cache) >= maxsize:
                _evict(cache, half)
            cache[key] = value
            return value

        functools.update_wrapper(call, fn)
        call.cache = cache  # type: ignore[attr-defined]
        return cast("Memoised[K, V]", call)

    return decorate


def memo_per(maxsize: int) -> Callable[[Callable[[C, K], V]], Callable[[C, K], V]]:
    """Memoise a pure function of a context (a configuration) and a key, one dict per context.

    For lookups keyed on a word and the configuration they read: an lru cache keys them
    on a ``(word, config)`` tuple, which the collector tracks (it holds the config, an
    attrs instance) and walks on every full collection, one per entry. Here each context
    has its own dict of words, which is untracked when the results are atomic; the
    contexts themselves are few (one per :class:`discrep.Config` in use: at most
    :data:`MAX_CONTEXTS` are kept, then all are dropped). ``maxsize`` bounds each dict.

    >>> @memo_per(maxsize=4)
    ... def scaled(factor: int, word: str) -> str:
    ...     return word * factor
    >>> scaled(2, "ab"), scaled(3, "ab"), scaled(2, "ab")
    ('abab', 'ababab', 'abab')
    """
    if maxsize < 2:
        raise ValueError("a memo holds at least 2 entries")
    half = maxsize // 2

    def decorate(fn: Callable[[C, K], V]) -> Callable[[C, K], V]:
        caches: dict[C, dict[K, V]] = {}

        def call(context: C, key: K, /) -> V:
            try:
                return caches[context][key]
            except KeyError:
                pass
            value = fn(context, key)
            cache = caches.get(context)
            if cache is None:
                if len(caches) >= MAX_CONTEXTS:
                    caches.clear()
                cache = caches[context] = {}
            elif len(cache) >= maxsize:
                _evict(cache, half)
            cache[key] = value
            return value

        functools.update_wrapper(call, fn)
        return call

    return decorate
