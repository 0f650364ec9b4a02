"""The bounded memo (discrep._memo): same answers as the function, bounded, skipped by the GC."""

from __future__ import annotations

import gc
import threading
from functools import lru_cache

import pytest

from discrep._memo import MAX_CONTEXTS, memo, memo_per


def test_memo_returns_what_the_function_returns_and_calls_it_once_per_key() -> None:
    calls: list[str] = []

    @memo(maxsize=1000)
    def shout(word: str) -> str:
        calls.append(word)
        return word.upper() + "!"

    words = [f"w{i % 37}" for i in range(500)]
    assert [shout(w) for w in words] == [w.upper() + "!" for w in words]
    assert sorted(calls) == sorted(set(words))  # each word computed once


def test_memo_keeps_a_result_that_is_none_or_falsy() -> None:
    calls: list[str] = []

    @memo(maxsize=10)
    def nothing(word: str) -> str | None:
        calls.append(word)
        return None if word == "none" else ""

    assert [nothing("none"), nothing("none"), nothing("empty"), nothing("empty")] == [
        None, None, "", ""]
    assert calls == ["none", "empty"]


def test_memo_stays_within_its_bound_and_drops_the_older_half() -> None:
    @memo(maxsize=8)
    def same(word: str) -> str:
        return word

    for i in range(100):
        same(str(i))
        assert len(same.cache) <= 8
    # the last insertion found 8 entries (92..99 less the dropped): the newest survive
    assert list(same.cache)[-1] == "99"
    assert "0" not in same.cache


def test_memo_refuses_a_bound_below_two() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        memo(maxsize=1)
    with pytest.raises(ValueError, match="at least 2"):
        memo_per(maxsize=0)


def test_memo_keeps_the_name_and_doc_of_the_function() -> None:
    @memo(maxsize=4)
    def named(word: str) -> str:
        """A docstring."""
        return word

    assert named.__name__ == "named"
    assert named.__doc__ == "A docstring."
    assert named.__wrapped__("x") == "x"


def test_a_memo_of_words_is_skipped_by_the_collector_unlike_an_lru_cache() -> None:
    # The point of the memo: after a collection its dict is untracked, so later full
    # collections do not walk it. Control: the same results in an lru cache are walked
    # (the cache object stays tracked), and a memo holding frozensets stays tracked.
    @memo(maxsize=100)
    def parts(word: str) -> tuple[str, int, bool]:
        return word.lower(), len(word), word.istitle()

    @memo(maxsize=100)
    def letters(word: str) -> frozenset[str]:
        return frozenset(word)

    @lru_cache(maxsize=100)
    def parts_lru(word: str) -> tuple[str, int, bool]:
        return word.lower(), len(word), word.istitle()

    for w in ("Alpha", "beta", "Gamma"):
        parts(w), letters(w), parts_lru(w)
    gc.collect()
    assert not gc.is_tracked(parts.cache)
    assert gc.is_tracked(letters.cache)  # control: a frozenset is always tracked
    assert gc.is_tracked(parts_lru)


def test_memo_per_keeps_each_context_apart() -> None:
    @memo_per(maxsize=10)
    def repeat(word: str, times: int) -> str:
        return word * times

    assert [repeat("ab", 1), repeat("ab", 2), repeat("ab", 1)] == ["ab", "abab", "ab"]


def test_memo_per_bounds_each_context_and_the_number_of_contexts() -> None:
    calls: list[tuple[str, int]] = []

    @memo_per(maxsize=4)
    def tagged(word: str, tag: int) -> str:
        calls.append((word, tag))
        return f"{word}:{tag}"

    for tag in range(MAX_CONTEXTS + 3):
        for i in range(10):
            assert tagged(str(i), tag) == f"{i}:{tag}"
    calls.clear()
    assert tagged("9", MAX_CONTEXTS + 2) == f"9:{MAX_CONTEXTS + 2}"
    assert calls == []  # the newest context and word are still cached
    assert tagged("0", 0) == "0:0"
    assert calls == [("0", 0)]  # the oldest context was dropped


def test_memo_is_correct_under_threads() -> None:
    # Under the GIL each dict operation is atomic: several threads filling and evicting
    # one small memo get the right answers and raise nothing.
    @memo(maxsize=16)
    def square(n: int) -> int:
        return n * n

    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(3000):
                n = (i * 7 + offset) % 101
                assert square(n) == n * n
        except BaseException as e:  # handed to the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(square.cache) <= 16


def test_the_library_word_memos_are_skipped_by_the_collector() -> None:
    # Each of these caches holds a word and what is read of it (str, or a tuple of atomic
    # values): once collected, the collector never walks it again. A result type changed
    # to a frozenset or an attrs instance would make its cache tracked: this test says so.
    from discrep._align import statements
    from discrep._extract import names
    from discrep._normalize import fold, fold_keys, fold_token

    for word in ("Zelenskyy's", "Kyiv-based", "reported", "Arakhamia"):
        fold_token(word), fold_keys(word), fold(word)
        names._plain_forms(word)
        statements._word_tokens(word)
    # A tuple of tuples may need a second collection: the outer tuple is untracked only
    # once its inner tuples are, and the collector may meet it first.
    gc.collect()
    gc.collect()
    caches: dict[str, object] = {
        "fold_token": fold_token.cache, "fold_keys": fold_keys.cache, "fold": fold.cache,
        "_plain_forms": names._plain_forms.cache, "_forms": names._forms.cache,
        "_word_tokens": statements._word_tokens.cache, "_fold": statements._fold.cache,
        "_word_entries": statements._word_entries.cache,
        "_word_parts": statements._word_parts.cache,
    }
    assert [name for name, cache in caches.items() if gc.is_tracked(cache)] == []


def test_a_place_looked_up_is_the_one_object_the_gazetteer_made() -> None:
    # lookup caches the place's id, not the Place: the Place returned is still the single
    # object _place made for that id, looked up under the rules given.
    from discrep._gazetteer import DEFAULT_RULES, _place, demonym_place, lookup

    kyiv = lookup("Kiev")
    assert kyiv is not None
    assert kyiv is lookup("KYIV", DEFAULT_RULES) is _place(kyiv.id)
    ukraine = demonym_place("Ukrainians")
    assert ukraine is not None
    assert ukraine is _place(ukraine.id)
    assert lookup("Narnia") is None
    assert demonym_place("Monday") is None


def test_the_cached_unit_and_zone_tables_are_skipped_by_the_collector() -> None:
    # quantulum3's units are read as (name, what it measures) tuples and the time zones of
    # a region as tuples of str, so the tables of thousands of them cost later full
    # collections nothing (as attrs instances and frozensets they were 14,000 tracked
    # objects). Control: the attrs record holding the tables is tracked, as any is.
    from discrep._detect import _clock
    from discrep._units import _candidates, _units

    units = _units()
    zones = _clock._zone_table()
    assert _candidates(False, "pounds")  # and its memo holds tuples of tuples of str
    gc.collect()
    gc.collect()
    tables = {"surfaces": units.surfaces, "surfaces_lower": units.surfaces_lower,
              "symbols": units.symbols, "names": units.names,
              "zones of countries": zones[1], "zones of regions": zones[2]}
    assert [name for name, table in tables.items() if gc.is_tracked(table)] == []
    assert gc.is_tracked(units)
