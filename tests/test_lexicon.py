"""The shared language data (_lexicon.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrep._lexicon import (
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTH_NUMBERS,
    MONTHS,
    WEEKDAYS,
    compile_spaced,
    word_alternation,
)


@pytest.mark.parametrize("name", sorted(MONTH_NUMBERS))
def test_month_pattern_matches_every_month_name(name: str) -> None:
    assert re.fullmatch(MONTH, name.capitalize())
    assert re.fullmatch(MONTH, name.upper(), re.IGNORECASE)


@pytest.mark.parametrize("word", ["Ma", "Sepember", "Junes", "Mayday", "Monday"])
def test_month_pattern_rejects_other_words(word: str) -> None:
    assert not re.fullmatch(MONTH, word)


def test_month_numbers_agree_with_calendar_order() -> None:
    assert [MONTH_NUMBERS[m] for m in MONTHS] == list(range(1, 13))
    assert all(MONTH_NUMBERS[a] == MONTH_NUMBERS[next(m for m in MONTHS if m.startswith(a))]
               for a in MONTH_ABBREVIATIONS)


def test_weekdays_follow_python_weekday_numbers() -> None:
    import datetime as dt

    assert WEEKDAYS[dt.date(2024, 1, 1).weekday()] == "monday"  # 1 January 2024: a Monday


@pytest.mark.parametrize("blank", [" ", "\t", "\u00a0", "\u202f"])
def test_compile_spaced_widens_every_blank_class(blank: str) -> None:
    assert compile_spaced(r"12[ \t]+km").fullmatch(f"12{blank}km")
    assert compile_spaced(r"a[ \t,]b").fullmatch(f"a{blank}b")


def test_compile_spaced_leaves_other_patterns_alone() -> None:
    assert not compile_spaced(r"a b").fullmatch("a\u00a0b")
    assert compile_spaced(r"a\s", re.IGNORECASE).fullmatch("A\u00a0")


_WORDS = st.lists(
    st.text(alphabet="ab -", min_size=1, max_size=6).map(lambda w: " ".join(w.split())).filter(
        bool
    ),
    min_size=1,
    max_size=12,
    unique=True,
)


def _flat(words: list[str]) -> str:
    alts = sorted((re.escape(w).replace(r"\ ", r"[ \t]+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"


@given(words=_WORDS, text=st.text(alphabet="ab -\tB", max_size=40))
def test_word_alternation_matches_as_the_longest_first_alternation(
    words: list[str], text: str
) -> None:
    # the same spans, whatever follows the group (a word boundary, a letter, nothing)
    for tail in (r"\b", "b", ""):
        for flags in (0, re.IGNORECASE):
            flat = re.compile(_flat(words) + tail, flags)
            trie = re.compile(word_alternation(words) + tail, flags)
            assert [m.span() for m in trie.finditer(text)] == [
                m.span() for m in flat.finditer(text)
            ]
