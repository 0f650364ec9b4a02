"""The temporal tagger: offsets, resolution against the reference date, and the seed gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._extract import extract
from discrep._extract.time import (
    REF_DATELINE,
    REF_LATEST,
    REF_PUBLISHED,
    ordinal_anchor,
    tag_times,
    weekday_index,
)
from discrep._model import DatePoint, TimeExpr
from discrep._read import mark_junk
from discrep._segment import segment

DATA = Path(__file__).parent / "data" / "seed_times.json"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = json.loads(DATA.read_text(encoding="utf-8"))
TAGGED = {"date", "weekday", "relative", "ordinal_day"}
THU = dt.date(2022, 3, 3)  # a Thursday


def _tag(text: str, published: dt.date | None = None) -> tuple[tuple[TimeExpr, ...], Any, Any]:
    article = Article(text, published=published)
    return tag_times(article, mark_junk(text, segment(text)), Config())


def _one(text: str, published: dt.date | None = THU) -> TimeExpr:
    times, _, _ = _tag(text, published)
    assert len(times) == 1, times
    return times[0]


@pytest.fixture(name="seed_extractions", scope="module")
def fixture_seed_extractions() -> dict[str, Any]:
    """The per-article extractions of the seeds, keyed by file name."""
    cfg = Config()
    return {
        name: extract(Article.from_path(SEEDS / name), cfg) for name in GOLD["articles"]
    }


def _locate(text: str, item: dict[str, Any]) -> tuple[int, int]:
    ctx = text.index(item["context"])
    start = text.index(item["text"], ctx)
    assert start < ctx + len(item["context"])
    return start, start + len(item["text"])


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_seed_reference_dates(name: str, seed_extractions: dict[str, Any]) -> None:
    """Each seed's reference date and its origin are the ones read off the article."""
    gold = GOLD["articles"][name]
    ex = seed_extractions[name]
    assert (ex.reference_date.isoformat() if ex.reference_date else None) == gold["reference"]
    assert ex.reference_from == gold["reference_from"]


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_seed_times_golden(name: str, seed_extractions: dict[str, Any]) -> None:
    """Every weekday, date, relative and ordinal day of the seeds resolves as a reader would.

    Nothing else is tagged; None where the article does not allow a date.
    """
    gold = GOLD["articles"][name]
    ex = seed_extractions[name]
    text = ex.article.text
    found = {(t.start, t.end): t for t in ex.times if t.type in TAGGED}
    expected = {}
    for item in gold["times"]:
        span = _locate(text, item)
        expected[span] = item
        assert span in found, f"not tagged: {item['text']!r} in {item['context']!r}"
        t = found[span]
        assert t.text == text[t.start : t.end] == item["text"]
        assert t.type == item["type"], item
        assert (t.value.isoformat() if t.value else None) == item["value"], item
        assert t.bound == item.get("bound"), item
        for key in ("note", "anchor"):
            if key in item:
                value = getattr(t, key)
                assert (str(value) if value is not None else None) == item[key], item
    extra = [found[s].text for s in found if s not in expected]
    assert not extra, f"tagged but not in the gold: {extra}"


@pytest.mark.parametrize("name", sorted(GOLD["articles"]))
def test_seed_non_times_untagged(name: str, seed_extractions: dict[str, Any]) -> None:
    """Durations and model names ("T-64", "in just seven days") are not dates."""
    ex = seed_extractions[name]
    text = ex.article.text
    for phrase in GOLD["articles"][name]["not_times"]:
        start = text.index(phrase)
        end = start + len(phrase)
        hits = [t for t in ex.times if t.start < end and start < t.end]
        assert not hits, (phrase, hits)


def test_explicit_date_forms() -> None:
    """Written dates in their usual forms parse to the right day (year inferred when absent)."""
    cases = {
        "It happened on March 3, 2022.": "2022-03-03",
        "It happened on 3 March 2022.": "2022-03-03",
        "It happened on Feb. 22.": "2022-02-22",
        "It happened on Mar 28.": "2022-03-28",
        "It happened on 2022-03-05.": "2022-03-05",
        "It happened on December 30.": "2021-12-30",
    }
    for text, iso in cases.items():
        t = _one(text)
        assert t.type == "date"
        assert t.value is not None
        assert t.value.isoformat() == iso, text
        assert t.relative == ("20" not in t.text)


def test_compact_dateline_gives_reference() -> None:
    """A "20220304" line is a date and, with no published date, the reference."""
    text = "Talks resume\n20220304\nThe delegations met on Thursday."
    times, ref, how = _tag(text)
    assert (ref, how) == (dt.date(2022, 3, 4), REF_DATELINE)
    thursday = next(t for t in times if t.type == "weekday")
    assert thursday.value == dt.date(2022, 3, 3)


def test_published_wins_over_text() -> None:
    """The published date is the reference even when the text states a later one."""
    _, ref, how = _tag("The vote is on May 5, 2024.", dt.date(2024, 4, 1))
    assert (ref, how) == (dt.date(2024, 4, 1), REF_PUBLISHED)


def test_no_reference_keeps_weekdays_relative() -> None:
    """With no date anywhere, a weekday is tagged but not resolved."""
    times, ref, how = _tag("The talks began on Monday.")
    assert (ref, how) == (None, None)
    assert [(t.text, t.value, t.relative) for t in times] == [("Monday", None, True)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Negotiators met on Thursday.", "2022-03-03"),
        ("Negotiators met on Monday.", "2022-02-28"),
        ("Talks are set for Tuesday.", "2022-03-08"),
        ("The two sides will meet on Saturday.", "2022-03-05"),
        ("Saturday's talks will be the first in weeks.", "2022-03-05"),
        ("Saturday's talks were the first in weeks.", "2022-02-26"),
        ("They met last Thursday.", "2022-02-24"),
        ("They meet next Thursday.", "2022-03-10"),
        ("He said he would meet Putin, who arrived on Monday.", "2022-02-28"),
        ("The talks, which will be held on Saturday, matter.", "2022-03-05"),
    ],
)
def test_weekday_direction_follows_grammar(text: str, iso: str) -> None:
    """Future cues look forward, past tense looks back; "last"/"next" exclude today."""
    t = _one(text)
    assert t.value is not None
    assert t.value.isoformat() == iso


def test_latest_date_reference_is_a_lower_bound() -> None:
    """From an article's latest stated date, backward weekdays stay unresolved."""
    text = "A photo of March 27, 2022. Talks are set for Tuesday. Officials spoke on Monday."
    times, ref, how = _tag(text)
    assert (ref, how) == (dt.date(2022, 3, 27), REF_LATEST)
    by_text = {t.text: t.value for t in times}
    assert by_text["Tuesday"] == dt.date(2022, 3, 29)
    assert by_text["Monday"] is None


def test_weekday_beside_date_keeps_both() -> None:
    """A weekday written with a date resolves by itself and keeps the date as its note.

    So "Tuesday (Mar 28)" keeps the contradiction visible instead of the date silently winning.
    """
    times, _, _ = _tag("Talks are set for Tuesday (Mar 28).", dt.date(2022, 3, 27))
    weekday, date = times
    assert (weekday.type, weekday.value, weekday.note) == (
        "weekday", dt.date(2022, 3, 29), "2022-03-28")
    assert (date.type, date.value) == ("date", dt.date(2022, 3, 28))


@pytest.mark.parametrize(
    ("text", "value", "note"),
    [
        ("It happened yesterday.", dt.date(2022, 3, 2), None),
        ("It happens tomorrow.", dt.date(2022, 3, 4), None),
        ("It happened two days ago.", dt.date(2022, 3, 1), None),
        ("It happened last week.", None, "week of 2022-02-21"),
        ("It happened earlier this month.", None, "month of 2022-03"),
    ],
)
def test_relative_expressions(text: str, value: dt.date | None, note: str | None) -> None:
    """Relative expressions resolve to a day, or to a stated week/month without a day."""
    t = _one(text)
    assert t.type == "relative"
    assert (t.value, t.note) == (value, note)


def test_times_with_zones() -> None:
    """Clock times keep their zone; they date nothing by themselves."""
    times, _, _ = _tag("The talks began at 2 p.m. local time and ended at 23:25 IST.", THU)
    assert [(t.text, t.type, t.value) for t in times] == [
        ("2 p.m. local time", "time", None), ("23:25 IST", "time", None)]


def test_ordinal_spans() -> None:
    """Ordinal spans ("the Nth day of X", "X entered its Nth week") carry what they count."""
    times, _, _ = _tag(
        "Explosions shook the city early Thursday, the eighth day of the invasion. "
        "The war entered its second week.", THU)
    ordinals = [t for t in times if t.type == "ordinal_day"]
    assert [(str(t.anchor), t.value) for t in ordinals] == [
        ("day 8 of war", THU), ("week 2 of war", None)]
    assert ordinal_anchor(ordinals[0].anchor) == (8, "day", "war")


def test_ordinal_day_dated_from_a_stated_start() -> None:
    """With the start written out, "the fifth day" is the start plus four days."""
    times, _, _ = _tag("The war began on February 24. Talks came on the fifth day of the war.", THU)
    fifth = next(t for t in times if t.type == "ordinal_day")
    assert fifth.value == dt.date(2022, 2, 28)


def test_words_that_are_not_times() -> None:
    """Words like "we", "T-64", "May" the verb, durations and bare numbers are not dates."""
    times, _, _ = _tag(
        "We may win. The T-64 tank broke down. In just seven days 30 people fled. "
        "They met at 10 Downing Street.", THU)
    assert times == ()


def test_no_break_spaces() -> None:
    """Scraped text's no-break spaces do not hide a date."""
    t = _one("Ministers met on Mar\u00a010.")
    assert t.value == dt.date(2022, 3, 10)


def test_junk_lines_are_skipped() -> None:
    """Page furniture is not tagged even when it holds a weekday."""
    times, _, _ = _tag("Advertisement\nThe talks ended on Monday.", THU)
    assert [t.text for t in times] == ["Monday"]


def test_weekday_index() -> None:
    """Weekday names map to Monday=0 .. Sunday=6."""
    assert [weekday_index(w) for w in ("Monday", "Sunday's", "no")] == [0, 6, None]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_full_dates_round_trip(day: dt.date) -> None:
    """Any full date written "Month D, YYYY" or "D Month YYYY" parses back to itself.

    Its offsets quote it exactly.
    """
    for written in (f"{day:%B} {day.day}, {day.year}", f"{day.day} {day:%B} {day.year}"):
        text = f"The event took place on {written} in the capital."
        t = _one(text, published=None)
        assert t.text == written == text[t.start : t.end]
        assert t.value == day


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)),
       st.integers(min_value=0, max_value=6))
def test_past_weekday_lies_in_the_week_before(reference: dt.date, wd: int) -> None:
    """A past-tense weekday resolves to that weekday within the 7 days up to the reference."""
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[wd]
    t = _one(f"The delegations met on {name}.", published=reference)
    assert t.value is not None
    assert t.value.weekday() == wd
    assert 0 <= (reference - t.value).days <= 6


def _times(text: str, published: dt.date | None = dt.date(2010, 5, 5)) -> list[TimeExpr]:
    return list(extract(Article(text, published=published), Config()).times)


def test_month_and_year_without_a_day() -> None:
    """'March 2016' is a month: its point has the year and month, no day."""
    (t,) = [t for t in _times("The plant closed in March 2016 after a fire.") if t.type == "month"]
    assert (t.text, t.point) == ("March 2016", DatePoint(2016, 3))


def test_years_anywhere_but_not_counts() -> None:
    """Sentence-initial and premodifying years are years; a count before a noun is not."""
    times = _times("In 2015, a 2014 report said 2000 people fled between 1991 and 1993.")
    assert [t.text for t in times if t.type == "year"] == ["2015", "2014", "1991", "1993"]


def test_bare_months_with_modifiers() -> None:
    """'late last June' is the June before the reference; 'in September' keeps no year.

    The preposition is a cue, not part of the span; without a cue a month name is a word
    ("June Hale said", "This may be").
    """
    times = {t.text: t for t in _times("Crops failed late last June and again in September.")}
    assert times["late last June"].point == DatePoint(2009, 6)
    assert times["September"].point == DatePoint(None, 9)
    assert [t for t in _times("June Hale said this may be the end.") if t.type == "month"] == []


def test_ago_with_years_and_months() -> None:
    """'six years ago' says a year, 'two months ago' a month, resolved from the reference."""
    times = {t.text: t for t in _times("It opened six years ago and shut two months ago.")}
    assert times["six years ago"].point == DatePoint(2004)
    assert times["two months ago"].point == DatePoint(2010, 3)


def test_anaphoric_year_points_back_to_its_antecedent() -> None:
    """'That same year' takes the year of the sentence before, and says where it came from."""
    text = "The mill was sold in 1961. That same year the owner moved to Lyon."
    (t,) = [t for t in _times(text) if t.type == "anaphor"]
    assert t.point == DatePoint(1961)
    assert t.antecedent is not None
    assert text[t.antecedent[0] : t.antecedent[1]] == "1961"
