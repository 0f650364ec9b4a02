"""Session 12 fast paths of the quantity and time scans equal their plain forms.

Issue 14 (first sight): each test keeps the plain (previous) form as its oracle, copied
here or a plain form the library keeps, and compares on the ECB+ corpus (when the corpus
is beside the repo) and on generated text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from pathlib import Path

import pytest
from dateutil import parser as du_parser  # type: ignore[import-untyped]
from hypothesis import example, given
from hypothesis import strategies as st

from discrep._extract import quantities, time
from discrep._model import Sentence

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
def _articles() -> tuple[tuple[str, tuple[Sentence, ...]], ...]:
    """Each text of ``_texts()`` with its sentences, junk marked."""
    from discrep._read import mark_junk
    from discrep._segment import segment

    return tuple((t, tuple(mark_junk(t, segment(t)))) for t in _texts())


def _corpus_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the ECB+ corpus is not beside the repo")


def _spans(matches) -> list[tuple[tuple[int, int], str]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.group()) for m in matches]


def _bounds(text: str, k: int) -> tuple[int, int]:
    lo = min(k, len(text))
    return lo, max(lo, len(text) - k // 2)


# --- excluded spans: the led form without the score verbs ----------------------------------


def _excluded(text: str, lo: int, hi: int) -> list[tuple[tuple[int, int], str]]:
    led = quantities._excluded_led(text, lo, hi)
    return _spans(quantities._led_finditer(quantities._EXCLUDED_NOT_WEB, led, text, lo, hi))


def test_excluded_spans_equal_the_plain_ones_on_the_corpus() -> None:
    _corpus_present()
    for text, sentences in _articles():
        for s in sentences:
            assert _excluded(text, s.start, s.end) == _spans(
                quantities._EXCLUDED_NOT_WEB.finditer(text, s.start, s.end)
            )


_SPANS = st.lists(
    st.sampled_from(
        [
            "won",
            "tied",
            "beat",
            "at",
            "up",
            "by",
            "down",
            "lost",
            "ahead",
            "13-13",
            "65–53",
            "3-3",
            "1-2-3",
            "victory",
            "win",
            " ",
            "\t",
            "\u00a0",
            "March",
            "May",
            "June",
            "Dec",
            "3",
            "12",
            "1999",
            "2014-15",
            "2022-03-03",
            "12/03/2020",
            "12:30",
            "5pm",
            "5 p.m.",
            "o'clock",
            "(",
            ")",
            "[",
            "]",
            "+",
            "+1-222-2222-2222",
            "(555) 123-4567",
            "(2)",
            "(10-5)",
            "[12]",
            "[1, 2]",
            "of",
            "th",
            "st",
            "x",
            "_",
            "é",
            "٣",
            "-",
            "–",
            "/",
            ".",
            ",",
            "\n",
            "ſ",
            "K",
        ]
    ),
    max_size=30,
).map("".join) | st.text(max_size=40)


@given(_SPANS, st.integers(0, 6))
@example("won 13-13 on March 3, 2022 (10-5) [12] +1-222-2222-2222", 0)
@example("tied 3-3 (2) May 2014 12:30", 2)
@example("a1999 x12:30 _3 March 3 at 5pm", 0)
@example("beat 3–2, a 65-53 victory", 1)
def test_excluded_spans_equal_the_plain_ones(text: str, k: int) -> None:
    lo, hi = _bounds(text, k)
    assert _excluded(text, lo, hi) == _spans(quantities._EXCLUDED_NOT_WEB.finditer(text, lo, hi))


# --- time: the sentences holding a key -----------------------------------------------------


def _plain_keyed_sentences(
    low: str,
    sentences: tuple[Sentence, ...],
    keys: tuple[str, ...],
    junk: bool = False,
    prefixes: frozenset[str] | None = None,
    ends: list[int] | None = None,
) -> list[int]:
    """``time._keyed_sentences`` as it was before session 12."""
    found: set[int] = set()
    if ends is None:
        ends = [s.end for s in sentences]
    find = low.find
    n = len(sentences)
    always, by_prefix = time._key_plan(keys)
    if prefixes is None:
        searched = always + tuple(k for ks in by_prefix.values() for k in ks)
    else:
        searched = always + tuple(k for p in prefixes.intersection(by_prefix) for k in by_prefix[p])
    for key, whole in searched:
        i = find(key)
        while i >= 0:
            if time._inside_word(low, i, key, whole):
                i = find(key, i + 1)
                continue
            idx = bisect.bisect_right(ends, i)
            if idx >= n:
                break
            if sentences[idx].start <= i and sentences[idx].junk == junk:
                found.add(idx)
            i = find(key, max(ends[idx], i + 1))
    return sorted(found)


#: Every key set searched for (each a module-level tuple, as the tagger passes them).
_KEY_SETS = (time._MONTH_KEYS, *(keys for _k, _rx, keys in time._KINDS if isinstance(keys, tuple)))


def test_every_key_set_has_its_plan_kept() -> None:
    for keys in _KEY_SETS:
        kept, plan = time._KEY_PLANS[id(keys)]
        assert kept is keys
        assert plan == time._key_plan(keys)


def _check_keyed(text: str, sentences: tuple[Sentence, ...]) -> None:
    low = text.lower()
    if len(low) != len(text):
        return
    scans = time._scans(text, sentences)
    prefixes = time._word_prefixes(low)
    for keys in _KEY_SETS:
        for junk in (False, True):
            want = _plain_keyed_sentences(low, sentences, keys, junk, prefixes)
            assert time._keyed_sentences(low, sentences, keys, junk, prefixes) == want
            assert time._keyed_sentences(low, sentences, keys, junk) == (
                _plain_keyed_sentences(low, sentences, keys, junk)
            )
            # a copy of the keys (another object) is planned afresh, the same
            copy = tuple(map(str, keys))
            assert time._keyed_sentences(low, sentences, copy, junk, prefixes) == want
        want = _plain_keyed_sentences(low, sentences, keys, False, prefixes)
        assert scans.keyed_sentences(keys) == want
        assert scans.keyed_sentences(keys) == want  # read back
        assert scans.keyed_sentences(tuple(map(str, keys))) == want  # an equal set, not the same
    for _kind, _rx, keys, _fast in time._PLAN:
        if isinstance(keys, re.Pattern):
            want = time._cued_sentences(low, sentences, keys)
            assert scans.keyed_sentences(keys) == want
            assert scans.keyed_sentences(keys) == want


def test_keyed_sentences_equal_the_plain_ones_on_the_corpus() -> None:
    _corpus_present()
    for text, sentences in _articles():
        _check_keyed(text, sentences)


@given(
    st.text(
        alphabet=st.sampled_from(
            "mar mid-year sept janjan  pm p.m ago. éx Mother’s the end of day 4th"
        ),
        max_size=80,
    ),
    st.lists(st.integers(0, 80), max_size=6),
)
@example("In March, the 1mar gala; summary mid-year sept. ago", [10, 30])
@example("At 5 pm, or at 6 p.m. in fy 2020", [8, 22])
@example("émarch Mar mar\u00e9 mar", [3])
def test_keyed_sentences_equal_the_plain_ones(text: str, cuts: list[int]) -> None:
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})
    sentences = tuple(
        Sentence(a, b, text, junk=(i % 2 == 1))
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
        if b > a + 1
    )
    _check_keyed(text, sentences)


# --- time: "March 3 2022" read without dateutil's parser -----------------------------------


def _plain_parsed(text: str, year: int) -> dt.date | None:
    """``time._parsed`` as it was before session 12: dateutil for every text."""
    try:
        parsed: dt.datetime = du_parser.parse(text, default=dt.datetime(year, 1, 1))
        return parsed.date()
    except (ValueError, OverflowError):
        return None


def _parsed(text: str, year: int) -> dt.date | None:
    return time._parsed.__wrapped__((text, year))


_MONTH_SPELLINGS = tuple(
    spelled
    for names in du_parser.parserinfo.MONTHS
    for name in names
    for spelled in (name, name.lower(), name.upper())
)
_DAYS_WRITTEN = (
    "0",
    "00",
    *(str(d) for d in range(1, 32)),
    *(f"0{d}" for d in range(1, 10)),
    "32",
    "39",
    "45",
    "99",
    "123",
)


def test_month_day_dates_equal_dateutil_over_their_whole_domain() -> None:
    for month in _MONTH_SPELLINGS:
        for day in _DAYS_WRITTEN:
            text = f"{month} {day}"
            for year in (0, 1, 2020, 2021, 9999, 10000):
                assert _parsed(text, year) == _plain_parsed(text, year), (text, year)
            for written in ("1000", "1999", "2020", "2021", "9999", "0999", "999", "20211"):
                for year in (2021, 0):
                    with_year = f"{text} {written}"
                    assert _parsed(with_year, year) == _plain_parsed(with_year, year), (
                        with_year,
                        year,
                    )


def test_parsed_dates_equal_dateutil_on_the_corpus() -> None:
    _corpus_present()
    seen = 0
    for text, sentences in _articles():
        for h in time._hits(text, sentences):
            if h.type != "date":
                continue
            groups = time._date_groups(h.match)
            if groups["all"]:
                continue
            written = f"{groups['month']} {groups['day']}"
            for key in (written, f"{written} {groups['year']}"):
                for year in (2008, 2012):
                    assert _parsed(key, year) == _plain_parsed(key, year), key
                    seen += 1
    assert seen > 100


@given(
    st.lists(
        st.sampled_from(
            [
                "March",
                "mar",
                "SEPT",
                "Sept.",
                "May",
                "may",
                "mai",
                "3",
                "03",
                "31",
                "30",
                "29",
                "0",
                "45",
                "2022",
                "2021",
                "0999",
                "١",
                "ſept",
                " ",
                "  ",
                ".",
                ",",
                "-",
                "\t",
            ]
        ),
        max_size=5,
    ).map("".join)
    | st.text(max_size=16),
    st.sampled_from([0, 1, 2020, 2021, 9999, 10000]),
)
@example("Feb 29", 2021)
@example("Feb 29", 2020)
@example("June 31 2022", 2021)
@example("March 45", 2021)
@example("MARCH 03 2022", 0)
def test_parsed_dates_equal_dateutil(text: str, year: int) -> None:
    assert _parsed(text, year) == _plain_parsed(text, year)


# --- quantities: the interval works out only the bounds asked for --------------------------


def _plain_interval(
    value: float,
    precision: float,
    qualifier: str,
    digit: float | None = None,
    exact: bool = False,
) -> tuple[float, float]:
    """``quantities.interval`` as it was before session 12 (a table of all seven bounds)."""
    v, p = float(value), float(precision)
    d = p if digit is None else float(digit)
    small = exact or abs(v) < 100
    half = d / 2 if small else min(p / 2, max(d / 2, 0.05 * abs(v)))
    cap = 0.25 * abs(v) if small else 0.0
    slack = max(half, 0.05 * abs(v), min(d, cap))
    below = max(slack, min(half + d, cap))
    wide = max(p, 0.5 * abs(v))
    lo, hi = {
        "=": (v - half, v + half),
        "~": (v - slack, v + slack),
        "~-": (v - below, v),
        ">": (v, v + wide),
        ">=": (v, v + wide),
        "<": (v - wide, v),
        "<=": (v - wide, v),
    }[qualifier]
    if v >= 0:
        lo = max(lo, 0.0)
    return lo, hi


_QUALIFIER_SIGNS = ("=", "~", "~-", ">", ">=", "<", "<=")


def _same_floats(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return [repr(x) for x in a] == [repr(x) for x in b]  # NaN equals NaN, -0.0 not 0.0


def test_intervals_equal_the_plain_ones_on_the_corpus() -> None:
    _corpus_present()
    for text, _sentences in _articles():
        for q in quantities.quantities(text):
            for sign in _QUALIFIER_SIGNS:
                for exact in (False, True):
                    args = (q.value, abs(q.value) / 10 or 1.0, sign)
                    assert _same_floats(
                        quantities.interval(*args, exact=exact), _plain_interval(*args, exact=exact)
                    )


_NUMBERS = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [0.0, -0.0, 1.0, 5.0, 19.0, 20.0, 99.0, 100.0, 2000.0, 1e6, -40.0, 0.5, 0.01]
)


@given(_NUMBERS, _NUMBERS, st.sampled_from(_QUALIFIER_SIGNS), st.none() | _NUMBERS, st.booleans())
@example(2000.0, 1000.0, "~", 1.0, False)
@example(20.0, 10.0, "~-", 1.0, False)
@example(-5.0, 1.0, "<", None, True)
def test_intervals_equal_the_plain_ones(
    value: float, precision: float, sign: str, digit: float | None, exact: bool
) -> None:
    assert _same_floats(
        quantities.interval(value, precision, sign, digit, exact),
        _plain_interval(value, precision, sign, digit, exact),
    )


def test_an_unknown_qualifier_is_still_a_key_error() -> None:
    with pytest.raises(KeyError):
        quantities.interval(5.0, 1.0, "!")
