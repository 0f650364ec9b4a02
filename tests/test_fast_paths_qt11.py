"""Session 11 fast paths of the quantity and time scans equal their plain forms.

Issue 14 (first sight): each test keeps the plain (previous) form as its oracle and
compares on the ECB+ corpus's sentences (when the corpus is beside the repo) and on
generated text.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _units
from discrep._extract import quantities, time
from discrep._lexicon import compile_spaced, lowered

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@functools.lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    """The seeds and (if beside the repo) the first 200 corpus articles."""
    paths = sorted(SEEDS.glob("*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))[:200]
    return tuple(p.read_text(encoding="utf-8") for p in paths)


@functools.lru_cache(maxsize=1)
def _sentences() -> tuple[tuple[str, int, int], ...]:
    """(text, start, end) of every sentence of ``_texts()``."""
    from discrep._segment import segment

    return tuple((t, s.start, s.end) for t in _texts() for s in segment(t))


# --- the plain forms (as they were before session 11) ----------------------------------

_PLAIN_START_SOURCE = (
    r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]|\.(?=\d)"
    rf"|\b(?:{quantities._NUMWORD}|{quantities._FOLD_WORDS}|several|many"
    r"|a[ \t]+(?:few|couple|handful)|tens|dozens"
    r"|scores|hundreds|thousands|millions|billions)"
)
_PLAIN_START = compile_spaced(_PLAIN_START_SOURCE, re.IGNORECASE)
_PLAIN_START_LOW = compile_spaced(_PLAIN_START_SOURCE)
_PLAIN_WEB_CUE = re.compile(r"[@/]|www\.|\.(?:com|org|net|gov|edu|htm|php|asp)")
_PLAIN_ID_BEFORE = compile_spaced(
    r"(?<![\d.,])[A-Za-z]\w*-$|[\w.]\+$|[#№]$|\bNo\.?[ \t]*$|\b"
    r"(?:number|page|chapter|room|route|flight|line|week|round|game|level|phase|stage|"
    r"grade|version|episode|season|section|article|item|exit|gate|platform|row|seat|"
    r"channel|district|precinct|interstate|highway|apartment|suite|floor|model|type|no|"
    r"figure|fig|table|chart|appendix|annex|exhibit|paragraph|clause|volume|vol|part)"
    r"[ \t]+$",
    re.IGNORECASE,
)


def _plain_word_before(text: str, lo: int, end: int) -> tuple[int, str] | None:
    w = quantities._WORD_BEFORE.search(text, lo, end)
    return (w.start(), w.group(1)) if w else None


def _spans(matches) -> list[tuple[tuple[int, int], str]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.group()) for m in matches]


# --- generated text ----------------------------------------------------------------------

_FIGURES = st.lists(
    st.sampled_from(
        [
            "two", "Two", "TEN", "tens", "hundreds", "fold", "twofold", " ", "\t", "\u00a0",
            "a", "a few", "several", "many", "scores", "5", "٣", "½", ".", ",", "-", "/",
            "March", "May", "won", "tied", "(", ")", "[", "]", "+", "1999", "12", "ſ", "K",
            "\u212a", "é", "\n", "No.", "no", "page", "Page", "www.", "@", ".com", "x", "№", "#",
            "SEK", "NOK", "USD", "Rs.", "$", "€", "\u2009", "\u202f",
        ]
    ),
    max_size=30,
).map("".join) | st.text(max_size=40)


def _bounds(text: str, k: int) -> tuple[int, int]:
    lo = min(k, len(text))
    return lo, max(lo, len(text) - k // 2)


# --- candidate starts -----------------------------------------------------------------------


def test_candidate_starts_equal_the_plain_ones_on_the_corpus() -> None:
    for text, lo, hi in _sentences():
        assert _spans(quantities._CANDIDATE_START.finditer(text, lo, hi)) == _spans(
            _PLAIN_START.finditer(text, lo, hi)
        )
        low = lowered(text)
        if low is not None:
            assert _spans(quantities._CANDIDATE_START_LOW.finditer(low, lo, hi)) == _spans(
                _PLAIN_START_LOW.finditer(low, lo, hi)
            )


@given(_FIGURES, st.integers(0, 6))
@example("twofold tens hundreds of thousands, a few dozens", 0)
@example("TWOFOLD Tens ſeven", 1)
def test_candidate_starts_equal_the_plain_ones(text: str, k: int) -> None:
    lo, hi = _bounds(text, k)
    assert _spans(quantities._CANDIDATE_START.finditer(text, lo, hi)) == _spans(
        _PLAIN_START.finditer(text, lo, hi)
    )
    low = lowered(text)
    if low is not None:
        assert _spans(quantities._CANDIDATE_START_LOW.finditer(low, lo, hi)) == _spans(
            _PLAIN_START_LOW.finditer(low, lo, hi)
        )


# --- excluded spans, the web cue, the number-word cue ---------------------------------------


def _led_excluded(text: str, lo: int, hi: int) -> list[tuple[tuple[int, int], str]]:
    return _spans(quantities._led_finditer(
        quantities._EXCLUDED_NOT_WEB, quantities._EXCLUDED_NOT_WEB_LED, text, lo, hi))


def test_led_scans_equal_the_plain_ones_on_the_corpus() -> None:
    for text, lo, hi in _sentences():
        assert _led_excluded(text, lo, hi) == _spans(
            quantities._EXCLUDED_NOT_WEB.finditer(text, lo, hi))
        assert _spans(quantities._WEB_CUE.finditer(text, lo, hi)) == _spans(
            _PLAIN_WEB_CUE.finditer(text, lo, hi))
        low = lowered(text)
        if low is not None:
            got = quantities._HAS_CUE_LOW_LED.search(low, lo, hi)
            want = quantities._HAS_CUE_LOW.search(low, lo, hi)
            assert (got and got.start()) == (want and want.start())


@given(_FIGURES, st.integers(0, 6))
@example("won 13-13 on March 3, 2022 (10-5) [12] +1-222-2222-2222", 0)
@example("tied 3-3 (2) May 2014 www.x.com/a 12:30", 2)
@example("threefold manifold scaffold fold", 0)
def test_led_scans_equal_the_plain_ones(text: str, k: int) -> None:
    lo, hi = _bounds(text, k)
    assert _led_excluded(text, lo, hi) == _spans(
        quantities._EXCLUDED_NOT_WEB.finditer(text, lo, hi))
    assert _spans(quantities._WEB_CUE.finditer(text, lo, hi)) == _spans(
        _PLAIN_WEB_CUE.finditer(text, lo, hi))
    low = lowered(text)
    if low is not None:
        got = quantities._HAS_CUE_LOW_LED.search(low, lo, hi)
        want = quantities._HAS_CUE_LOW.search(low, lo, hi)
        assert (got and got.start()) == (want and want.start())


# --- the windows before a figure ------------------------------------------------------------


def _windows(text: str, lo: int, hi: int):  # type: ignore[no-untyped-def]
    """The windows before each digit run of a sentence, as the checks read them."""
    for m in re.finditer(r"\d+", text[lo:hi]):
        yield text, lo, lo + m.start()


def test_id_and_word_checks_equal_the_plain_ones_on_the_corpus() -> None:
    for sentence in _sentences():
        for text, lo, start in _windows(*sentence):
            before = text[max(lo, start - 12) : start]
            if _PLAIN_ID_BEFORE.search(before):
                assert quantities._may_end_id(before)
            assert bool(quantities._ID_BEFORE.search(before)) == bool(
                _PLAIN_ID_BEFORE.search(before))
            w = max(lo, start - 32)
            assert quantities._word_before(text, w, start) == _plain_word_before(text, w, start)


@given(_FIGURES)
@example("page\u00a0")
@example("Seaſon ")
@example("No.")
@example("No-\n")
@example("room №")
@example("T-")
@example("\u212aILLED ")
@example("x Boeing's  ")
@example("a" * 40 + " ")
@example("it's.-Boeing \n")
def test_id_and_word_checks_equal_the_plain_ones(before: str) -> None:
    if _PLAIN_ID_BEFORE.search(before):
        assert quantities._may_end_id(before)
    assert bool(quantities._ID_BEFORE.search(before)) == bool(_PLAIN_ID_BEFORE.search(before))
    for lo in range(0, min(len(before), 8) + 1):
        for end in (len(before), max(lo, len(before) - 1)):
            assert quantities._word_before(before, lo, end) == _plain_word_before(
                before, lo, end)


def _plain_ungrouped(lit: str) -> str:
    return re.sub(r"[, \u00a0\u2009\u202f]", "", lit)


def test_currency_and_grouping_checks_equal_the_plain_ones_on_the_corpus() -> None:
    for sentence in _sentences():
        for text, lo, start in _windows(*sentence):
            if quantities._CURRENCY_BEFORE.search(text, max(lo, start - 6), start):
                assert quantities._may_end_currency(text, lo, start)
        text, lo, hi = sentence
        for m in re.finditer(r"\d[\d, \u00a0\u2009\u202f.]*", text[lo:hi]):
            assert quantities._ungrouped(m.group()) == _plain_ungrouped(m.group())


@given(_FIGURES, st.integers(0, 4))
@example("US$ ", 0)
@example("Rs. ", 0)
@example("GBP\n", 0)
@example("€\u00a0", 0)
@example("1,234\u202f567 89 1\u2009234", 0)
@example("SEK 5 NOK", 0)
def test_currency_and_grouping_checks_equal_the_plain_ones(text: str, k: int) -> None:
    lo = min(k, len(text))
    for end in range(lo, len(text) + 1):
        if quantities._CURRENCY_BEFORE.search(text, max(lo, end - 6), end):
            assert quantities._may_end_currency(text, lo, end)
    assert quantities._ungrouped(text) == _plain_ungrouped(text)


# --- units -------------------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from("km2³²^3 a\n-"), max_size=8) | st.text(max_size=8))
@example("km^2")
@example("m³")
@example("2")
def test_a_power_surface_ends_with_its_digit(surface: str) -> None:
    if _units._POWER.fullmatch(surface):
        assert surface.endswith(_units._POWER_LAST)


@pytest.mark.parametrize("surface", ["km2", "km^2", "m³", "m2", "kg", "mph", "sq"])
def test_units_read_as_before(surface: str) -> None:
    text = f"12 {surface} of land"
    power = _units._POWER.fullmatch(surface)
    got = _units.unit_after(text, 2, len(text))
    if power is None:
        assert got is None or not got[0].startswith(("square", "cubic"))
    else:
        assert got is None or got[0].startswith(("square", "cubic"))


# --- time: keyed patterns led by their initials, the separated date's cue ------------------

_TIME_PATTERNS = (time._BARE_MONTH, time._HOLIDAY, time._SPOKEN_MDY, time._EDGE, time._SEP_DATE)


def _time_spans(matches) -> list[tuple[tuple[int, int], dict[str, str | None]]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groupdict()) for m in matches]


def test_led_time_scans_equal_the_plain_ones_on_the_corpus() -> None:
    for text, lo, hi in _sentences():
        for rx in _TIME_PATTERNS:
            assert _time_spans(time._finditer(rx, text, lo, hi)) == _time_spans(
                rx.finditer(text, lo, hi))


_DAYS = st.lists(
    st.sampled_from(
        [
            "in", "In", "since", "until", "Until", "by", "of", "after", "early", "mid", "late",
            "last", "next",
            "this", "coming", "past", "May", "may", "March", "Sept", "Sep", "Dec", "June",
            "Christmas", "Eve", "Day", "the", "Fourth", "4th", "July", "Labour", "St.", "Patrick",
            "'s", "Easter", "Sunday", "twenty", "first", "nineteen", "end", "beginning", "year",
            "month", "turn", "that", "same", "following", "later", "earlier", "calendar",
            "1998", "2019", "12", "5", "-", "/", " ", "\t", "\u00a0", ",", ".", "ſ", "İ",
            "ı", "\u212a", "x", "\n",
        ]
    ),
    max_size=24,
).map("".join) | st.text(max_size=40)


@given(_DAYS, st.integers(0, 6))
@example("in early May 2019, Christmas Eve, May twenty first, the end of the year", 0)
@example("05-Aug-2016 2019/aug/01 Oct/2 Jun-15 next Labour Day", 1)
@example("LAST ſEPT, tHIS coming june, the Fourth of July", 0)
@example("until June; by year-end, at month end", 0)
@example("on 23/Sep/2020 and Oct/2", 0)
@example("November twenty first, Nov. the first, October ninth", 0)
def test_led_time_scans_equal_the_plain_ones(text: str, k: int) -> None:
    lo, hi = _bounds(text, k)
    for rx in _TIME_PATTERNS:
        assert _time_spans(time._finditer(rx, text, lo, hi)) == _time_spans(
            rx.finditer(text, lo, hi))


_PLAIN_WORD3 = time._WORD3


def _three(prefixes: frozenset[str]) -> frozenset[str]:
    return frozenset(p for p in prefixes if len(p) == 3)


def test_word_prefixes_equal_the_plain_ones_on_the_corpus() -> None:
    for text in _texts():
        low = text.lower()
        assert _three(time._word_prefixes(low)) == frozenset(_PLAIN_WORD3.findall(low))


@given(st.text(alphabet=st.sampled_from("abcmarjan —é’\u00a0\tZ1?.,-_"), max_size=40)
       | st.text(max_size=40))
@example("—january café-mar ab é?jan_feb")
def test_word_prefixes_equal_the_plain_ones(text: str) -> None:
    low = text.lower()
    got = time._word_prefixes(low)
    assert _three(got) == frozenset(_PLAIN_WORD3.findall(low))
    assert all(len(p) <= 3 for p in got)


_FAST_LED = (time._LOWER_FORMS[time._ANAPHOR], time._LOWER_FORMS[time._MOD_YEAR])


def _fast_led_spans(fast: re.Pattern[str], low: str, lo: int, hi: int):  # type: ignore[no-untyped-def]
    led = time._FAST_LED_FORMS[id(fast)]
    return _time_spans(time._led_matches(fast, led, low, lo, hi))


def test_led_lowered_scans_equal_the_plain_ones_on_the_corpus() -> None:
    for text, lo, hi in _sentences():
        low = lowered(text)
        if low is None:
            continue
        for fast in _FAST_LED:
            assert _fast_led_spans(fast, low, lo, hi) == _time_spans(fast.finditer(low, lo, hi))


@given(_DAYS, st.integers(0, 6))
@example("later that same year, the following week, mid-1998, calendar year 2008", 0)
@example("early 2016 late 1990 that day the next month year 2011", 1)
@example("earlier that year, Later the same week", 0)
def test_led_lowered_scans_equal_the_plain_ones(text: str, k: int) -> None:
    lo, hi = _bounds(text, k)
    low = lowered(text)
    if low is None:
        return
    for fast in _FAST_LED:
        assert _fast_led_spans(fast, low, lo, hi) == _time_spans(fast.finditer(low, lo, hi))
