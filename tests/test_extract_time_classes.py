"""The temporal tagger's classes of issue 13, each on invented sentences.

Clock times with zones and their day (class 6), weekday direction cues (class 7), the
reference date (class 8), holidays, fiscal years, parts of the day, the edges of a period,
spelled-out years, counted offsets ("in two weeks", "three days after Christmas").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from discrep import Article, Config
from discrep._extract._calendar import clock_of, holiday_date, spelled_year
from discrep._extract.time import REF_DATELINE, REF_PUBLISHED, tag_times
from discrep._model import DatePoint, TimeExpr
from discrep._read import mark_junk
from discrep._segment import segment

FRI = dt.date(2021, 10, 15)  # a Friday


def _tag(text: str, published: dt.date | None = FRI) -> tuple[tuple[TimeExpr, ...], Any, Any]:
    return tag_times(Article(text, published=published), mark_junk(text, segment(text)), Config())


def _times(text: str, published: dt.date | None = FRI) -> list[TimeExpr]:
    return list(_tag(text, published)[0])


def _one(text: str, published: dt.date | None = FRI) -> TimeExpr:
    times = _times(text, published)
    assert len(times) == 1, times
    assert text[times[0].start : times[0].end] == times[0].text
    return times[0]


# class 6: clock times, their zones and their day


def test_clock_time_with_zone_alone() -> None:
    t = _one("The rocket lifted off at 07:15 GMT after a short delay.")
    assert (t.text, t.type, t.clock) == ("07:15 GMT", "time", "07:15 GMT")


def test_clock_time_in_two_zones_joins_its_day() -> None:
    t = _one("The tremor hit at 3:15 p.m. local time (0815 GMT) Tuesday, officials said.")
    assert t.text == "3:15 p.m. local time (0815 GMT) Tuesday"
    assert t.type == "weekday"
    assert t.value == dt.date(2021, 10, 12)
    assert t.clock == "15:15 local time = 08:15 GMT"


@pytest.mark.parametrize(
    ("text", "span", "clock", "day"),
    [
        ("Polls close tomorrow at 8 p.m. in the capital.", "tomorrow at 8 p.m.", "20:00",
         dt.date(2021, 10, 16)),
        ("The verdict came at 10:30 a.m. on Wednesday.", "10:30 a.m. on Wednesday", "10:30",
         dt.date(2021, 10, 13)),
        ("The ferry left at 13:00 September 28, 2021.", "13:00 September 28, 2021", "13:00",
         dt.date(2021, 9, 28)),
        ("Officers arrived around 9.45pm yesterday.", "around 9.45pm yesterday", "21:45",
         dt.date(2021, 10, 14)),
    ],
)
def test_clock_time_joins_the_day_beside_it(
    text: str, span: str, clock: str, day: dt.date
) -> None:
    t = _one(text)
    assert (t.text, t.clock, t.value) == (span, clock, day)


def test_clock_time_does_not_join_a_month() -> None:
    times = _times("Sales rose next month at 6 p.m. closing.")
    assert [t.text for t in times] == ["next month", "6 p.m."]


def test_clock_spellings() -> None:
    assert clock_of("7:56:30 pm") == "19:56:30"
    assert clock_of("1140 a.m.") == "11:40"
    assert clock_of("12 noon") == "12:00"
    assert clock_of("midnight") == "00:00"
    assert clock_of("12:15 a.m.") == "00:15"


# class 7: weekday direction cues


def test_this_coming_weekday_is_after_the_reference_day() -> None:
    assert _one("The board meets this coming Friday.").value == dt.date(2021, 10, 22)


def test_previous_and_this_past_weekday_look_back() -> None:
    assert _one("The talks ended previous Monday.").value == dt.date(2021, 10, 11)
    assert _one("The talks ended this past Monday.").value == dt.date(2021, 10, 11)


def test_weekday_with_day_number_finds_its_month() -> None:
    t = _one("The hearing is on Monday 18 at the latest.")
    assert t.value == dt.date(2021, 10, 18)
    assert t.point == DatePoint(weekday=0)


# class 8: the reference date


def test_capitalised_dateline_gives_the_reference() -> None:
    text = "PUBLISHED: TUESDAY, MARCH 12, 2019, 4:10 PM\n\nCrowds gathered on Monday."
    _, ref, how = _tag(text, published=None)
    assert (ref, how) == (dt.date(2019, 3, 12), REF_DATELINE)


def test_published_date_wins() -> None:
    _, ref, how = _tag("It rained on Monday. A photo of March 2, 2001.", published=FRI)
    assert (ref, how) == (FRI, REF_PUBLISHED)


# holidays


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The store was looted on Christmas Eve.", dt.date(2020, 12, 24)),
        ("He was freed on Easter Monday 2019.", dt.date(2019, 4, 22)),
        ("The march is planned for next Thanksgiving.", dt.date(2021, 11, 25)),
        ("The march is planned for Christmas Eve.", dt.date(2021, 12, 24)),
        ("The fire broke out on the Fourth of July, 1995.", dt.date(1995, 7, 4)),
        ("Fireworks will be banned for Halloween.", dt.date(2021, 10, 31)),
        ("Fireworks were banned for Halloween.", dt.date(2020, 10, 31)),
    ],
)
def test_holidays(text: str, value: dt.date) -> None:
    assert _one(text).value == value


def test_another_countrys_independence_day_is_not_july_fourth() -> None:
    assert _times("Crowds marked Ruritania's Independence Day with a parade.") == []


def test_holiday_dates() -> None:
    assert holiday_date("Good Friday", 2022) == dt.date(2022, 4, 15)
    assert holiday_date("Memorial Day", 2020) == dt.date(2020, 5, 25)
    assert holiday_date("Black Friday", 2010) == dt.date(2010, 11, 26)
    assert holiday_date("Groundhog Day", 2010) is None


# fiscal years, edges of a period, parts of a year, spelled-out years


def test_fiscal_year_is_not_a_calendar_year() -> None:
    t = _one("Profit doubled in fiscal 2015 at the firm.")
    assert (t.text, t.note, t.point) == ("fiscal 2015", "fiscal 2015", None)
    assert _one("Revenue fell in FY2016 overall.").note == "fiscal 2016"


def test_end_of_a_year() -> None:
    t = _one("The mill closed at the end of 1989 after a strike.")
    assert (t.text, t.point) == ("end of 1989", DatePoint(1989))
    t = _one("The bridge opens by the end of the year, officials said.")
    assert (t.text, t.point, t.bound) == ("by the end of the year", DatePoint(2021), "before")


def test_modified_years_keep_their_modifier() -> None:
    t = _one("The plant was built in mid-1998 near the river.")
    assert (t.text, t.point) == ("mid-1998", DatePoint(1998))
    assert _one("Work resumed in early 2016 after the floods.").text == "early 2016"


def test_spelled_out_years() -> None:
    t = _one("They emigrated in nineteen ninety-six with nothing.")
    assert (t.text, t.point) == ("nineteen ninety-six", DatePoint(1996))
    t = _one("The deal was struck in October two thousand and five.")
    assert t.point == DatePoint(2005, 10)
    assert spelled_year("seventeen hundred thirty three") == 1733


def test_a_number_in_words_is_not_a_year() -> None:
    assert _times("There were twenty one people in the hall.") == []


def test_parts_of_the_day() -> None:
    assert _one("Gunfire was heard last night near the port.").value == dt.date(2021, 10, 14)
    assert _one("The minister resigned this morning.").value == FRI


def test_month_of_year() -> None:
    t = _one("She was hired in April of 1987 as a clerk.")
    assert (t.text, t.point) == ("April of 1987", DatePoint(1987, 4))


# counted offsets


def test_in_two_weeks_counts_forward() -> None:
    t = _one("The parliament will vote in two weeks on the bill.")
    assert (t.text, t.value) == ("in two weeks", dt.date(2021, 10, 29))


def test_first_time_in_years_is_a_span_not_a_date() -> None:
    assert _times("Prices fell for the first time in two years.") == []
    assert _times("Turnout hit its highest in five years.") == []


def test_count_after_another_day() -> None:
    t = _one("The body was found three days after Christmas.")
    assert (t.text, t.value) == ("three days after Christmas", dt.date(2020, 12, 28))
    t = _one("The ship sank two weeks before May 13, 1999.")
    assert t.value == dt.date(1999, 4, 29)


def test_expressions_stay_inside_their_sentence() -> None:
    times = _times("The strike began in May. 2016 was a hard year for the miners.")
    assert [t.text for t in times] == ["May", "2016"]


# class 7: more cues, past perfect, the year of a date told in the past

APR = dt.date(2021, 4, 20)  # a Tuesday in April


@pytest.mark.parametrize(
    "text",
    [
        "The minister is to visit the dam on Friday.",
        "The union planned to strike on Friday.",
        "Voting is set to resume on Friday.",
        "Polls stay open until Friday in the north.",
        "The rebels could attack as early as Friday.",
    ],
)
def test_forward_cues(text: str) -> None:
    assert _one(text, APR).value == dt.date(2021, 4, 23)


def test_past_perfect_is_not_forward() -> None:
    assert _one("The vote had been set for Friday.", APR).value == dt.date(2021, 4, 16)


def test_a_date_told_in_the_past_is_last_years() -> None:
    t = _one("The whale was last spotted Oct. 9 off the cape.", APR)
    assert t.value == dt.date(2020, 10, 9)


def test_a_date_looked_forward_to_is_this_years() -> None:
    assert _one("The ship will dock Oct. 9 at the cape.", APR).value == dt.date(2021, 10, 9)


def test_a_date_shortly_ahead_stays_ahead() -> None:
    assert _one("The summit opens May 3 in the capital.", APR).value == dt.date(2021, 5, 3)


# class 8: the latest stated date is a reference only when it dates a past day of the story


def test_a_later_year_voids_an_old_latest_date() -> None:
    text = ("The spy died on Thursday at home. His name stayed secret until May 30, 2005. "
            "He wrote a memoir in 2006.")
    assert _tag(text, published=None)[1:] == (None, None)


def test_a_past_period_bound_is_not_the_reference() -> None:
    text = "He was charged with thefts between March 3, 1998 and June 1, 2001. He denied it."
    assert _tag(text, published=None)[1:] == (None, None)


def test_a_release_date_ahead_is_not_the_reference() -> None:
    text = ("The studio met on Monday. The sequel keeps its scheduled November 22, 2024 "
            "release date, it said on March 2, 2023.")
    assert _tag(text, published=None)[1] == dt.date(2023, 3, 2)


def test_weekday_of_a_week() -> None:
    t = _one("The envoys met on Tuesday of last week in the port.")
    assert (t.text, t.value) == ("Tuesday of last week", dt.date(2021, 10, 5))
    t = _one("The envoys meet next week on Wednesday in the port.")
    assert (t.text, t.value) == ("next week on Wednesday", dt.date(2021, 10, 20))


def test_sentence_full_stop_is_not_part_of_pm() -> None:
    assert _one("The fire was out at 10pm.").text == "10pm"
    assert _one("The fire was out by 10pm.").text == "by 10pm"
    assert _one("The fire was out by 10 p.m.").text == "by 10 p.m."


# open bounds: the bound word belongs to the span, the value is the date bounding
@pytest.mark.parametrize(
    ("text", "span", "bound", "point"),
    [
        ("The mill has stood idle since August.", "since August", "since",
         DatePoint(None, 8)),
        ("The bridge must reopen before 2027.", "before 2027", "before", DatePoint(2027)),
        ("Tolls rise starting on March 3, 2022.", "starting on March 3, 2022", "since",
         DatePoint(2022, 3, 3)),
        ("Bids are due no later than May 1, 2022.", "no later than May 1, 2022", "before",
         DatePoint(2022, 5, 1)),
        ("The ferry may sail as late as tomorrow.", "as late as tomorrow", "until",
         DatePoint(2021, 10, 16, 5)),
        ("The depot closed more than 2 weeks before today.", "more than 2 weeks before today",
         "before", DatePoint(2021, 10, 1, 4)),
    ],
)
def test_open_bounds(text: str, span: str, bound: str, point: DatePoint) -> None:
    t = _one(text)
    assert (t.text, t.bound, t.point) == (span, bound, point)


def test_a_plain_date_has_no_bound() -> None:
    t = _one("The mill closed in August 2020.")
    assert (t.text, t.bound) == ("August 2020", None)


# days said in words: "May twenty nine", "the second of Aug.", "tuesday the eleventh"
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ferry will return May twenty nine, the captain said.", "May twenty nine",
         dt.date(2022, 5, 29)),
        ("The vote was held on the second of August.", "the second of August",
         dt.date(2021, 8, 2)),
        ("She was born on twenty five January nineteen eighty six.",
         "twenty five January nineteen eighty six", dt.date(1986, 1, 25)),
        ("The fair opened on the twenty third day of September.",
         "the twenty third day of September", dt.date(2021, 9, 23)),
        ("The clinic reopens Tuesday the nineteenth.", "Tuesday the nineteenth",
         dt.date(2021, 10, 19)),
    ],
)
def test_days_in_words(text: str, span: str, value: dt.date) -> None:
    t = _one(text)
    assert (t.text, t.value) == (span, value)


def test_may_as_a_verb_is_not_a_spoken_day() -> None:
    assert _times("Prices may twenty percent rise, they said.") == []


# clock times said in words; a weak one ("at 5", "nine thirty") only beside a day
@pytest.mark.parametrize(
    ("text", "span", "clock"),
    [
        ("The bells rang at half past seven o'clock.", "half past seven o'clock", "07:30"),
        ("The shelling began at a quarter to nine.", "a quarter to nine", "08:45"),
        ("Guests left at ten past 9 in the evening.", "ten past 9 in the evening", "21:10"),
        ("The raid came at one in the morning.", "one in the morning", "01:00"),
        ("The vigil starts seven p . m . sharp.", "seven p . m .", "19:00"),
    ],
)
def test_spoken_clock_times(text: str, span: str, clock: str) -> None:
    t = _one(text)
    assert (t.text, t.clock) == (span, clock)


def test_weak_spoken_clock_joins_a_day() -> None:
    t = _one("The market reopens tomorrow at seven twenty-seven.")
    assert (t.text, t.clock, t.value) == ("tomorrow at seven twenty-seven", "07:27",
                                          dt.date(2021, 10, 16))
    t = _one("Crowds gathered again tonight around 7 near the port.")
    assert (t.text, t.clock) == ("tonight around 7", "19:00")


def test_counts_are_not_spoken_clock_times() -> None:
    assert _times("Prices rose 10 to 12 percent, and nine thirty-year bonds sold.") == []
    assert _times("He scored at 5 and won by one.") == []


def test_the_week_of_a_day() -> None:
    t = _one("The port reopens the week of April 10th, 2022.")
    assert (t.text, t.value, t.note) == ("the week of April 10th, 2022", dt.date(2022, 4, 10),
                                         "week of April 10th, 2022")
    t = _one("Hearings resume the week beginning March 7, 2022.")
    assert (t.text, t.bound) == ("the week beginning March 7, 2022", None)


# session 4: the end of a day, ordinal days, the edges of a named month


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The union wants an answer by end of day, its leader said.", "by end of day", FRI),
        ("Ballots must reach the office before the end of the day.",
         "before the end of the day", FRI),
        ("The strike ends at the end of tomorrow, organisers said.", "the end of tomorrow",
         dt.date(2021, 10, 16)),
        ("Bids will close at the end of this Sunday.", "the end of this Sunday",
         dt.date(2021, 10, 17)),
    ],
)
def test_the_end_of_a_day_is_its_last_minute(text: str, span: str, value: dt.date) -> None:
    t = next(t for t in _times(text) if t.value is not None)
    assert (t.text, t.value, t.clock) == (span, value, "23:59")


def test_the_end_of_the_day_as_an_idiom_is_no_time() -> None:
    assert _times("At the end of the day, voters want jobs.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # told in the past: the last 12th on or before the reference (Friday 15 October)
        ("The talks collapsed on the 12th, diplomats said.", "the 12th", dt.date(2021, 10, 12)),
        ("The talks collapsed on the 18th.", "the 18th", dt.date(2021, 9, 18)),
        # looked forward to: the first one on or after it
        ("The court will rule on the 18th.", "the 18th", dt.date(2021, 10, 18)),
        ("The court will rule on the twenty-first.", "the twenty-first", dt.date(2021, 10, 21)),
        ("Rent is due on the 5th day of next month.", "the 5th day of next month",
         dt.date(2021, 11, 5)),
        ("Rent was due on the thirtieth day of the month.", "the thirtieth day of the month",
         dt.date(2021, 10, 30)),
    ],
)
def test_a_day_by_its_ordinal_alone(text: str, span: str, value: dt.date) -> None:
    t = _one(text)
    assert (t.text, t.type, t.value) == (span, "date", value)


def test_an_ordinal_of_something_else_is_no_day() -> None:
    assert _times("The 18th century church and the 4th battalion were hit.") == []
    assert _times("She finished the 18th, two strokes behind.") == []


def test_a_day_by_its_ordinal_in_a_named_month() -> None:
    t = _one("The hearing was moved to the 15th day of June.")
    assert (t.text, t.point) == ("the 15th day of June", DatePoint(None, 6, 15))


@pytest.mark.parametrize(
    ("text", "span", "point", "bound"),
    [
        ("Repairs run until the end of December, the mayor said.", "until the end of December",
         DatePoint(None, 12), "until"),
        ("Prices rose after the beginning of March 2020.", "after the beginning of March 2020",
         DatePoint(2020, 3), "after"),
        # the edge is the span, as for "the end of the year"
        ("Snow fell at the end of January.", "end of January", DatePoint(None, 1), None),
    ],
)
def test_the_edge_of_a_named_month(
    text: str, span: str, point: DatePoint, bound: str | None
) -> None:
    t = _one(text)
    assert (t.text, t.point, t.bound) == (span, point, bound)


def test_a_full_stop_after_a_month_is_not_part_of_the_date() -> None:
    assert _one("The ship docked on 19 June.").text == "19 June"
    assert _one("The ship docked on 3 Sept. in Oslo.").text == "3 Sept."


# session 4: a weekday of the week a count lands in, of "next week", "last week"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # FRI + 14 days is Friday 29 October; the Monday of that week is the 25th
        ("The trial will resume Monday two weeks from now.", "Monday two weeks from now",
         dt.date(2021, 10, 25)),
        ("The ferry will sail Saturday, 8 days from now.", "Saturday, 8 days from now",
         dt.date(2021, 10, 23)),
        # in 3 days is Monday 18 October: the Sunday of that (ISO) week is the 24th
        ("The envoy will return in 3 days on Sunday.", "in 3 days on Sunday",
         dt.date(2021, 10, 24)),
        ("The court met on Tuesday last week.", "Tuesday last week", dt.date(2021, 10, 5)),
        ("The court meets Wednesday next week.", "Wednesday next week", dt.date(2021, 10, 20)),
    ],
)
def test_a_weekday_of_a_counted_or_named_week(text: str, span: str, value: dt.date) -> None:
    t = _one(text)
    assert (t.text, t.value) == (span, value)


def test_a_count_looked_forward_to_counts_from_the_coming_day() -> None:
    # "will": the coming 12 January (2022), not the past one
    t = _one("The rate will rise 3 days after January 12th.")
    assert (t.text, t.value) == ("3 days after January 12th", dt.date(2022, 1, 15))
    t = _one("The rate rose 3 days after January 12th.")
    assert t.value == dt.date(2021, 1, 15)


def test_next_before_a_date_is_its_next_occurrence() -> None:
    t = _one("The deadline is now next 6th of April.")
    assert (t.text, t.value) == ("next 6th of April", dt.date(2022, 4, 6))


def test_a_day_listed_before_a_date_takes_its_month() -> None:
    times = _times("Strikes will be held on 18 and 19 November.")
    assert [(t.text, t.value) for t in times] == [
        ("18", dt.date(2021, 11, 18)), ("19 November", dt.date(2021, 11, 19))]
    assert [t.text for t in _times("Aged 18 and 19, they left on 3 June.")] == ["3 June"]


@pytest.mark.parametrize(
    ("text", "span", "clock"),
    [
        ("The raid began on Sunday early morning at 4:30.", "Sunday early morning at 4:30",
         "04:30"),
        ("The raid began on Sunday at 4:30 early morning.", "Sunday at 4:30 early morning",
         "04:30"),
        ("Shots rang out on Sunday late evening at 10:15.", "Sunday late evening at 10:15",
         "22:15"),
    ],
)
def test_a_part_of_the_day_around_a_clock_time(text: str, span: str, clock: str) -> None:
    t = _one(text)
    assert (t.text, t.clock, t.value) == (span, clock, dt.date(2021, 10, 10))


@pytest.mark.parametrize(
    ("text", "span", "point"),
    [
        ("The plant closes the third month of 2023.", "the third month of 2023",
         DatePoint(2023, 3)),
        ("Talks end the 9th month of next year.", "the 9th month of next year",
         DatePoint(2022, 9)),
    ],
)
def test_an_ordinal_month_of_a_year(text: str, span: str, point: DatePoint) -> None:
    t = _one(text)
    assert (t.text, t.point) == (span, point)


def test_a_bare_abbreviated_month_after_a_preposition() -> None:
    t = _one("Prices have risen since Feb, traders said.")
    assert (t.text, t.point, t.bound) == ("since Feb", DatePoint(None, 2), "since")
    assert _times("The report was written by Dec Rogers.") == []
    # an abbreviated month with a day is a date, not a bare month
    assert _one("The fire started in early Aug. 2, officials said.").text == "Aug. 2"


def test_a_comma_between_month_and_ordinal_day() -> None:
    t = _one("The vote is set for October, 1st.")
    assert (t.text, t.value) == ("October, 1st", dt.date(2022, 10, 1))
    assert _times("In October, 12 people were hurt.")[0].text == "October"


def test_a_weekday_and_day_before_a_weak_clock_time() -> None:
    t = _one("The committee meets on Friday the 22nd around 4.")
    assert (t.text, t.value, t.clock) == ("Friday the 22nd around 4", dt.date(2021, 10, 22),
                                          "04:00")


def test_a_weekday_and_day_in_words_before_a_clock_in_words() -> None:
    t = _one("The jury returns on Friday the twenty second six pm.")
    assert (t.text, t.value, t.clock) == ("Friday the twenty second six pm",
                                          dt.date(2021, 10, 22), "18:00")
    # a word after the day that is no clock time still ends the match
    assert [t.text for t in _times("Tuesday the fifth regiment marched.")] == ["Tuesday"]


def test_a_two_digit_year_after_of() -> None:
    t = _one("She was born in April of 87.")
    assert (t.text, t.point) == ("April of 87", DatePoint(1987, 4))
    t = _one("She was born on 15 April of '87, in Lyon.")
    assert (t.text, t.value) == ("15 April of '87", dt.date(1987, 4, 15))
    # a count after "of" is no year
    assert [t.text for t in _times("The April of 87 protests was long.")] == []


def test_a_long_gap_between_a_weekday_and_a_count_stays_linear() -> None:
    import time

    # "[ \t]*,?[ \t]*\Z" took 0.07 s on a 5,000-space gap and 100x that at 50,000
    text = "They met Monday" + " " * 50_000 + "x two weeks from now."
    t0 = time.process_time()
    times = _times(text)
    assert time.process_time() - t0 < 2.0
    assert [t.text for t in times] == ["Monday", "two weeks from now"]


# session 4: a week named by an anaphor (issue 13 class 5)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("The mill closed on March 3, 2021. The same week, two mines shut.", "week of 2021-03-01"),
        ("The mill closed on March 3, 2021. The following week, two mines shut.",
         "week of 2021-03-08"),
    ],
)
def test_a_week_named_by_an_anaphor(text: str, note: str) -> None:
    date, week = _times(text)
    assert (week.type, week.note, week.antecedent) == ("anaphor", note, (date.start, date.end))


def test_a_week_anaphor_with_nothing_to_point_to_has_no_week() -> None:
    t = _one("Two mines shut that same week, the union said.")
    assert (t.type, t.note, t.antecedent) == ("anaphor", None, None)


def test_in_the_next_week_is_the_coming_week_not_an_anaphor() -> None:
    t = _one("More pipes may fail in the next week, engineers said.")
    assert (t.text, t.type, t.note) == ("next week", "relative", "week of 2021-10-18")
