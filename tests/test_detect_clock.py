"""Clock times of one event across sources, compared in UTC (issue 13 item 6).

Invented sentences only.
"""

from __future__ import annotations

import datetime as dt

import pytest

import discrep
from discrep import Article, Config
from discrep._config import TimeConfig
from discrep._detect._clock import in_utc, minutes_apart
from discrep._gazetteer import lookup


def _findings(a: str, b: str, published: str = "2014-03-07", config: Config | None = None
              ) -> list[discrep.Discrepancy]:
    report = discrep.compare(
        [Article(a, source="a", published=published), Article(b, source="b", published=published)],
        config=config,
    )
    for d in report.discrepancies:
        for c in d.claims:
            text = (a if c.source == "a" else b)
            assert text[c.start : c.end] == c.text
    return [d for d in report.discrepancies if d.kind == "date"]


def _clock_findings(a: str, b: str, published: str = "2014-03-07",
                    config: Config | None = None) -> list[discrep.Discrepancy]:
    return [d for d in _findings(a, b, published, config) if d.subject.startswith("time of")]


def test_local_time_and_gmt_that_agree_after_conversion_are_silent() -> None:
    # Jakarta is UTC+7: 3:15 p.m. there is 08:15 GMT.
    assert not _findings(
        "The novelist Alma Brenner died at 3:15 p.m. local time on Friday in Jakarta.",
        "The novelist Alma Brenner died at 0815 GMT on Friday in Jakarta.",
    )


def test_clock_times_hours_apart_after_conversion_conflict() -> None:
    found = _clock_findings(
        "The novelist Alma Brenner died at 3:15 p.m. local time on Friday in Jakarta.",
        "The novelist Alma Brenner died at 1015 GMT on Friday in Jakarta.",
    )
    assert len(found) == 1
    reason = found[0].reason
    assert "08:15 UTC" in reason
    assert "10:15 UTC" in reason
    assert "2 hours apart" in reason
    assert "local time in Jakarta, UTC+7" in reason
    assert {c.text for c in found[0].claims} == {
        "3:15 p.m. local time on Friday", "1015 GMT on Friday"}


def test_bracketed_second_zone_is_the_utc_time() -> None:
    assert not _findings(
        "Retired judge Olaf Varga died at 9:40 a.m. local time (0240 GMT) on Monday.",
        "Retired judge Olaf Varga died at 02:40 GMT on Monday.",
    )
    found = _clock_findings(
        "Retired judge Olaf Varga died at 9:40 a.m. local time (0240 GMT) on Monday.",
        "Retired judge Olaf Varga died at 05:40 GMT on Monday.",
    )
    assert len(found) == 1
    assert "3 hours apart" in found[0].reason


def test_daylight_saving_time_is_read_on_the_day() -> None:
    a = "The painter Rhea Castellan died at 6:41 p.m. local time on Thursday in Los Angeles."
    b = "The painter Rhea Castellan died at 01:41 GMT Friday in a Los Angeles hospital."
    # In July Los Angeles is on PDT (UTC-7): 18:41 is 01:41 UTC, the next day.
    assert not _findings(a, b, published="2014-07-04")
    # In January it is on PST (UTC-8): 18:41 is 02:41 UTC, an hour off.
    found = _findings(a, b, published="2014-01-10")
    assert len(found) == 1
    assert "UTC-8" in found[0].reason
    assert "1 hour apart" in found[0].reason


def test_one_moment_on_two_days_in_two_zones_is_not_a_date_conflict() -> None:
    # Thursday evening in California is Friday in GMT.
    assert not _findings(
        "The painter Rhea Castellan died at 6:41 p.m. PST on Thursday in Los Angeles.",
        "The painter Rhea Castellan died at 02:41 GMT Friday in a Los Angeles hospital.",
        published="2014-01-10",
    )


def test_unresolvable_zone_is_never_compared() -> None:
    # "AST" is Atlantic, Arabia or Alaska time: no guess.
    assert not _clock_findings(
        "The poet Ivo Marran died at 6:41 p.m. AST on Thursday in Halifax.",
        "The poet Ivo Marran died at 11:41 GMT Thursday in Halifax.",
    )
    # No zone at all, and "local time" with no place named.
    assert not _clock_findings(
        "The poet Ivo Marran died at 6:41 p.m. on Thursday.",
        "The poet Ivo Marran died at 11:41 GMT Thursday.",
    )
    assert not _clock_findings(
        "The poet Ivo Marran died at 6:41 p.m. local time on Thursday.",
        "The poet Ivo Marran died at 11:41 GMT Thursday.",
    )


def test_events_that_recur_or_are_found_later_are_not_timed() -> None:
    # Polls open and close; a body is found hours after the death.
    assert not _clock_findings(
        "Polls in the election opened at 8:00 a.m. local time (0300 GMT) on Sunday.",
        "Polls in the election closed at 6:00 p.m. local time (1300 GMT) on Sunday.",
    )
    assert not _clock_findings(
        "The banker Ugo Lestrade was found dead at 9:00 GMT on Sunday.",
        "The banker Ugo Lestrade died at 02:00 GMT on Sunday, police said.",
    )


def test_page_stamps_are_not_the_time_of_the_event() -> None:
    assert not _clock_findings(
        "PUBLISHED: 02:31 GMT, 12 March 2013 The singer Nadia Orlov died on Monday.",
        "The singer Nadia Orlov died at 18:00 GMT on Monday.",
        published="2013-03-12",
    )


def test_tolerance_is_a_config_field() -> None:
    a = "The novelist Alma Brenner died at 08:15 GMT on Friday in Jakarta."
    b = "The novelist Alma Brenner died at 08:40 GMT on Friday in Jakarta."
    assert not _clock_findings(a, b)
    strict = Config(time=TimeConfig(clock_tolerance_minutes=10))
    assert len(_clock_findings(a, b, config=strict)) == 1
    with pytest.raises(discrep.ConfigError):
        TimeConfig(clock_tolerance_minutes=-1)


def test_in_utc_reads_zones() -> None:
    day = dt.date(2014, 7, 4)
    assert in_utc("15:15 local time = 08:15 GMT", None, ()) is not None
    est = in_utc("16:45 EST", None, ())
    assert est is not None
    assert est.utc == "21:45 UTC"
    et_summer = in_utc("16:45 ET", day, ())
    assert et_summer is not None
    assert et_summer.utc == "20:45 UTC"
    assert in_utc("16:45 ET", None, ()) is None  # DST unknown without a day
    ist = in_utc("11:00 IST", None, ())
    assert ist is not None
    assert ist.utc == "05:30 UTC"
    tokyo = lookup("Tokyo")
    assert tokyo is not None
    local = in_utc("09:00 local time", day, (tokyo,))
    assert local is not None
    assert local.utc == "00:00 UTC"
    assert in_utc("09:00 AST", day, ()) is None
    assert in_utc("09:00", day, ()) is None


def test_country_with_several_zones_does_not_resolve_local_time() -> None:
    day = dt.date(2014, 7, 4)
    usa, japan = lookup("United States"), lookup("Japan")
    assert usa is not None
    assert japan is not None
    assert in_utc("09:00 local time", day, (usa,)) is None
    one = in_utc("09:00 local time", day, (japan,))
    assert one is not None
    assert one.utc == "00:00 UTC"


def test_dst_switch_within_the_date_slack_is_not_trusted() -> None:
    # Los Angeles switched to PDT on 9 March 2014: a day off would change the offset.
    la = lookup("Los Angeles")
    assert la is not None
    assert in_utc("09:00 local time", dt.date(2014, 3, 9), (la,)) is None
    assert in_utc("09:00 local time", dt.date(2014, 3, 20), (la,)) is not None


def test_minutes_apart_goes_round_midnight() -> None:
    a, b = in_utc("23:50 GMT", None, ()), in_utc("00:10 UTC", None, ())
    assert a is not None
    assert b is not None
    assert minutes_apart(a, b) == 20


def test_a_day_against_a_gmt_time_may_be_the_zone() -> None:
    # 02:41 GMT Friday is Thursday evening anywhere west of UTC-2:41: no place, no guess.
    assert not _findings(
        "The actress Lorna Vale died on Thursday, her agent said.",
        "The actress Lorna Vale died at 0241 GMT Friday, her agent said.",
        published="2014-01-11",
    )
    # Two days apart is no time zone.
    assert _findings(
        "The actress Lorna Vale died on Wednesday, her agent said.",
        "The actress Lorna Vale died at 0241 GMT Friday, her agent said.",
        published="2014-01-11",
    )


def test_a_day_against_a_gmt_time_in_a_named_place() -> None:
    # In Tokyo (UTC+9) 02:41 GMT Friday is Friday morning: "Thursday" is wrong there ...
    assert _findings(
        "The actress Lorna Vale died on Thursday in Tokyo, her agent said.",
        "The actress Lorna Vale died at 0241 GMT Friday in Tokyo, her agent said.",
        published="2014-01-11",
    )
    # ... and right in Los Angeles (UTC-8), where it is Thursday evening.
    assert not _findings(
        "The actress Lorna Vale died on Thursday in Los Angeles, her agent said.",
        "The actress Lorna Vale died at 0241 GMT Friday in Los Angeles, her agent said.",
        published="2014-01-11",
    )


def _clocks(text: str) -> list[tuple[str, str | None]]:
    ex = discrep.extract(Article(text, source="a", published="2014-03-07"))
    return [(t.text, t.clock) for t in ex.times]


def test_tagger_reads_a_zone_abbreviation_as_no_am_or_pm() -> None:
    # The P of "PST" is not "p.m.", the A of "AEST" not "a.m.".
    assert _clocks("It fell at 18:19 GMT (10:19 PST) during his talk.") == [
        ("18:19 GMT (10:19 PST)", "18:19 GMT = 10:19 PST")]
    assert _clocks("The shop opened at 10:30 AEST.") == [("10:30 AEST", "10:30 AEST")]
    assert _clocks("The shop opened at 10:30 pm.") == [("10:30 pm", "22:30")]


def test_tagger_reads_a_bracketed_zone_with_its_own_day() -> None:
    # The bracket's day is the other zone's: the first clock time only notes its time.
    assert _clocks("The quake hit at 7:48 am (2248 GMT Tuesday) off the coast.") == [
        ("7:48 am", "07:48 = 22:48 GMT"), ("2248 GMT Tuesday", "22:48 GMT")]


def test_tagger_reads_hours_before_a_zone() -> None:
    assert _clocks("It was felt at 17:06 hours local time (13:36 GMT).") == [
        ("17:06 hours local time (13:36 GMT)", "17:06 local time = 13:36 GMT")]


def test_local_time_with_no_day_is_read_only_where_the_offset_never_changes() -> None:
    # No day stated: Los Angeles may be on PST or PDT, so its local time is not guessed ...
    assert not _clock_findings(
        "The painter Rhea Castellan died at 6:41 p.m. local time in Los Angeles.",
        "The painter Rhea Castellan died at 03:41 GMT in a Los Angeles hospital.",
        published="2014-01-20",
    )
    # ... while Jakarta keeps UTC+7 all year.
    assert _clock_findings(
        "The novelist Alma Brenner died at 3:15 p.m. local time in Jakarta.",
        "The novelist Alma Brenner died at 1015 GMT in Jakarta.",
    )


def test_days_at_the_ends_of_the_calendar_do_not_raise() -> None:
    la = lookup("Los Angeles")
    assert la is not None
    assert in_utc("09:00 local time", dt.date.max, (la,)) is None
    assert in_utc("09:00 ET", dt.date.min, ()) is None
    assert not _clock_findings(
        "The painter Rhea Castellan died at 6:41 p.m. local time in Los Angeles.",
        "The painter Rhea Castellan died at 03:41 GMT in a Los Angeles hospital.",
        published="9999-12-30",
    )
