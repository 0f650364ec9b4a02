"""The tagger's shared scans, cues and led forms find exactly what the plain searches find.

Issue 14 throughput: ``tag_times`` searches the month-keyed sentences and the years once for
the reference date and the hits (``time._Scans``), skips the ISO scan where no "-MM-" is
written (``time._CUES``) and scans for clock times through a class-led form
(``time._LED_FORMS``). Each test here states the plain search and compares.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep import Article
from discrep._extract import time
from discrep._model import Sentence
from discrep._read import mark_junk
from discrep._segment import segment

_PIECES = st.sampled_from(
    ["March 3, 2022", "3 March", "Dec. 31 , 1994", "2019-03-04", "1999-13-01", "20220303",
     "at 5:30 p.m.", "7:56:30 pm", "8.30pm", "0815 GMT", "1140 a.m.", "12 noon", "midnight",
     "Tuesday", "last week", "in 1999", "the 18th", "two days ago", "Christmas", "the end of "
     "the year", "May", "in May", "mid-2016", "fiscal 2015", "nineteen ninety-six", "half "
     "past seven", "the fifth day of the war", "in two weeks", "2000 people", "a 2014 report",
     ". ", ".\n", "\n\n", " ", ", ", "-", ":", "5", "12", "-03-", "a.m", "x", "Photo: ",
     "Updated 3 hours ago\n", "\u00a0", "ſ", "İ"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=25).map("".join)


def _spans(matches: Any) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(_TEXTS | st.text(alphabet=st.sampled_from("0123:.ap mGMT-\u00a0"), max_size=40),
       st.integers(0, 12), st.integers(0, 12))
@example("at 5:30 p.m. 0815 GMT, 2019-03-04 and 10:15", 0, 0)
@example("15:30", 1, 0)  # a bound inside a clock time
@example("2019-03-04", 0, 3)  # a bound cutting the date
def test_cued_and_led_scans_are_the_plain_scans(text: str, lo: int, cut: int) -> None:
    lo = min(lo, len(text))
    hi = max(lo, len(text) - cut)
    for rx in (time._TIME, time._ISO, time._YEAR_ANY, time._MDY):
        got = _spans(time._finditer(rx, text, lo, hi))
        assert got == _spans(rx.finditer(text, lo, hi))
    assert id(time._TIME) in time._LED_FORMS
    assert id(time._ISO) in time._CUES


def _sentences(text: str) -> tuple[Sentence, ...]:
    return mark_junk(text, segment(text))


def _plain_hits(text: str, sentences: tuple[Sentence, ...]) -> list[time._Hit]:
    """Return ``_hits`` as first written, sharing nothing.

    Every keyed pattern searched in the text of each sentence holding a key, every other
    pattern over the whole text.
    """
    low = text.lower()
    keyed = len(low) == len(text)
    found: list[time._Hit] = []
    for kind, rx, keys in time._KINDS:
        if keys and keyed:
            with_keys = (
                time._cued_sentences(low, sentences, keys) if isinstance(keys, re.Pattern)
                else time._keyed_sentences(low, sentences, keys))
            for i in with_keys:
                s = sentences[i]
                for m in rx.finditer(text, s.start, s.end):
                    time._keep(found, kind, rx, m, i, text, s)
            continue
        rescan: set[int] = set()
        for m in rx.finditer(text):
            i = time._sentence_index(sentences, m.start())
            if i < 0 or sentences[i].junk:
                continue
            if m.end() > sentences[i].end:
                rescan.update((i, i + 1))
                continue
            time._keep(found, kind, rx, m, i, text, sentences[i])
        for i in sorted(rescan):
            if i < len(sentences) and not sentences[i].junk:
                s = sentences[i]
                for m in rx.finditer(text, s.start, s.end):
                    time._keep(found, kind, rx, m, i, text, s)
    time._weak_clocks(found, text, sentences)
    return time._drop_overlaps(found)


def _hit_view(hits: list[time._Hit]) -> list[tuple[Any, ...]]:
    return [(h.start, h.end, h.type, h.sentence, h.match.span(), h.match.groupdict())
            for h in hits]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("Photo: March 3, 2022\nTalks on March 5, 2022 ended. In 2023 they meet at 5:30 p.m.")
@example("He left on 3 March 2021. A 2024 plan. On 2022-03-04 at 0815 GMT, two days ago.")
@example("Updated 3 hours ago\nſo on May 4, 2020 at noon")
def test_shared_scans_give_the_plain_hits_and_reference(text: str) -> None:
    sentences = _sentences(text)
    scans = time._scans(text, sentences)
    article = Article(text)
    # the reference date first, as tag_times asks: it fills the scans the hits read
    assert time.reference_date(article, sentences, scans) == time.reference_date(
        article, sentences)
    assert _hit_view(time._hits(text, sentences, scans)) == _hit_view(
        _plain_hits(text, sentences))
    assert _hit_view(time._hits(text, sentences)) == _hit_view(_plain_hits(text, sentences))


def test_a_pattern_is_looked_up_once_per_kind() -> None:
    """Control: the plan holds each keyed pattern's lowered form, as _LOWER_FORMS does."""
    for (kind, rx, keys), (kind2, rx2, keys2, fast) in zip(time._KINDS, time._PLAN, strict=True):
        assert (kind, rx, keys) == (kind2, rx2, keys2)
        assert fast is (time._LOWER_FORMS.get(rx) if keys else None)


@given(
    st.sampled_from(["Oct. 9", "March 3 2011", "Feb 30", "9 October", "Sept 31 1999", "May 12"]),
    st.integers(min_value=1, max_value=9999),
)
def test_memoised_date_parse_answers_as_dateutil(text: str, year: int) -> None:
    from discrep._extract.time import _parse_date, _parsed

    first = _parse_date(text, year)
    assert first == _parse_date(text, year) == _parsed.__wrapped__((text, year))
    if first is not None and not any(c.isdigit() for c in text.split()[-1][-4:]):
        assert first.year == year  # the default year fills what the text does not name
