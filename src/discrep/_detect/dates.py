"""The `date` check: dates that cannot all be right.

Three kinds of finding, each quoting both sides exactly:

- **weekday against its date** in one article: "set for Tuesday (Mar 28)" where 28 March
  of the article's year was a Monday. A year the article does not write is inferred from
  its reference date; when the weekday would fit the date in the neighbouring year and the
  date lies months from the reference, the year is too uncertain to say anything.
- **"Nth day of X" against X's start** in one article: every ordinal day tied to a weekday
  or date ("early Thursday, the eighth day of the invasion") implies the day X began; so
  does a start stated outright ("Thursday's invasion", "the war began on February 24").
  Two implied starts that differ are a finding. With weekdays only, the arithmetic is done
  modulo the week ("the fifth day" on a Monday means a Thursday start).
- **one event, two dates** across sources: mentions that alignment puts in one event and
  that are surely the same event whatever their dates (same round number and a shared
  venue or participants), but resolve to different days.
- **one sentence, two days** across sources: a sentence repeated word for word by articles
  of one publication day (a wire copy, a reprint) but for the day it names. This needs no
  resolved date: "on Monday" against "on Sunday" in two undated copies is a finding.
  Statement alignment alone is not taken as evidence: on the ecbplus corpus it pairs
  "today" with "last Friday" and reports of two storms two months apart.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator, Mapping

import attrs

from discrep._config import Config
from discrep._detect import Context, claim, masked_sentence
from discrep._detect._clock import clock_conflicts, days_in_zones, zones_explain
from discrep._detect._identity import identified, people_conflict, people_of
from discrep._lexicon import WEEKDAYS
from discrep._model import (
    REF_DATELINE,
    REF_LATEST,
    REF_PUBLISHED,
    Claim,
    DatePoint,
    Discrepancy,
    Event,
    Extraction,
    TimeExpr,
)

__all__ = ["find"]

_ORIGIN = {
    REF_PUBLISHED: "its publication date",
    REF_DATELINE: "its dateline",
    REF_LATEST: "the latest date it states",
}


def weekday_index(text: str) -> int | None:
    """Return 0 (Monday) .. 6 (Sunday) for the weekday named in ``text``, if any.

    >>> weekday_index("Thursday's"), weekday_index("soon")
    (3, None)
    """
    low = text.lower()
    return next((i for i, name in enumerate(WEEKDAYS) if name in low), None)


def _weekday_name(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()].capitalize()


def _long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _stated_date(ex: Extraction, weekday: TimeExpr) -> TimeExpr | None:
    """Return the date expression written beside ``weekday`` (the one its ``note`` holds)."""
    best: TimeExpr | None = None
    # Only expressions within a few characters can be "beside" it: a bisected window of
    # the sorted times, not a scan of all of them.
    for t in ex.times_starting_in(max(0, weekday.start - 64), weekday.end + 4):
        if t.type != "date" or t.value is None or t.value.isoformat() != weekday.note:
            continue
        gap = t.start - weekday.end if t.start >= weekday.end else weekday.start - t.end
        if 0 <= gap <= 3 and (best is None or gap < abs(best.start - weekday.end)):
            best = t
    return best


def _weekday_against_date(ex: Extraction, config: Config) -> Iterator[Discrepancy]:
    for t in ex.times:
        if t.type != "weekday" or not t.note:
            continue
        date_expr = _stated_date(ex, t)
        wd = weekday_index(t.text)
        if date_expr is None or date_expr.value is None or wd is None:
            continue
        day = date_expr.value
        if day.weekday() == wd:
            continue
        judged = (
            _year_judgement(ex, day, wd, config) if date_expr.relative
            else (config.confidence.weekday_date, "")
        )
        if judged is None:
            continue
        confidence, how_year = judged
        name = t.text.split()[-1].rstrip("s").rstrip("'’")
        yield Discrepancy(
            kind="date",
            subject=f"{t.text} {date_expr.text}",
            claims=(
                claim(ex, t.start, t.end, name),
                claim(ex, date_expr.start, date_expr.end, day.isoformat()),
            ),
            reason=(
                f"{ex.article.source} gives the day as {name} and as {date_expr.text}, but "
                f"{_long(day)}{how_year} was a {_weekday_name(day)}"
            ),
            confidence=confidence,
        )


def _year_judgement(
    ex: Extraction, day: dt.date, wd: int, config: Config
) -> tuple[float, str] | None:
    """Judge a date whose year the text does not write.

    Return the confidence and how the year was inferred, or None when the year is too
    uncertain to say anything.
    """
    ref = ex.reference_date
    if ref is None:
        return None
    distance = abs((day - ref).days)
    if ex.reference_from == REF_LATEST and distance > config.time.lower_bound_trust_days:
        # The latest date an article states may be a birth date or an anniversary:
        # it only dates a year-less date written right beside it.
        return None
    fits_elsewhere = any(
        (other := _shift_year(day, k)) is not None and other.weekday() == wd for k in (-1, 1)
    )
    if distance > config.time.year_trust_days and fits_elsewhere:
        return None
    origin = _ORIGIN.get(ex.reference_from or "", "its reference date")
    return (config.confidence.weekday_date_inferred_year,
            f" (the year inferred from {origin}, {_long(ref)})")


def _shift_year(day: dt.date, k: int) -> dt.date | None:
    try:
        return day.replace(year=day.year + k)
    except ValueError:
        return None


@attrs.frozen
class _Start:
    """What one expression implies about the day X began: a range of days, or a weekday."""

    what: str
    earliest: dt.date | None
    latest: dt.date | None
    weekday: int | None
    quotes: tuple[TimeExpr, ...]
    text: str


def _at(ex: Extraction, span: tuple[int, int]) -> TimeExpr | None:
    """Return the time expression of ``ex`` at exactly ``span``."""
    return next((t for t in ex.times_starting_in(span[0], span[0] + 1) if t.end == span[1]),
                None)


def _starts(ex: Extraction) -> list[_Start]:
    out: list[_Start] = []
    for t in ex.times:
        anchor = t.anchor
        if anchor is None:
            continue
        if anchor.kind == "start":
            out.append(_Start(anchor.what, t.value, t.value, _wd(t), (t,),
                              f"{t.text} {anchor.what}"))
            continue
        n, unit = anchor.n or 0, anchor.unit
        if t.type != "ordinal_day" or unit == "month" or n < 1 or anchor.day is None:
            continue
        day_expr = _at(ex, anchor.day)
        if day_expr is None:
            continue
        # "day N" began N-1 days before; "week N" between 7(N-1) and 7N-1 days before.
        near, far = (n - 1, n - 1) if unit == "day" else (7 * (n - 1), 7 * n - 1)
        wd = _wd(day_expr)
        value = day_expr.value
        out.append(
            _Start(
                anchor.what,
                value - dt.timedelta(days=far) if value is not None else None,
                value - dt.timedelta(days=near) if value is not None else None,
                (wd - near) % 7 if wd is not None and near == far else None,
                (day_expr, t),
                f"{day_expr.text}, {t.text}",
            )
        )
    return out


def _wd(t: TimeExpr) -> int | None:
    if t.value is not None:
        return t.value.weekday()
    return weekday_index(t.text) if t.type == "weekday" else None


def _conflict(a: _Start, b: _Start) -> bool:
    if None not in (a.earliest, a.latest, b.earliest, b.latest):
        return a.latest < b.earliest or b.latest < a.earliest  # type: ignore[operator]
    if a.weekday is not None and b.weekday is not None:
        return a.weekday != b.weekday
    return False


def _ordinal_against_start(ex: Extraction, config: Config) -> Iterator[Discrepancy]:
    """One finding per thing X whose start the article's expressions put on different days.

    Starts are grouped by X; within a group, the first start is the reference and each
    start that conflicts with it is kept once per distinct implied day. Linear in the
    number of expressions (pairwise comparison would be quadratic on long articles, and
    would report the same disagreement once per repetition).
    """
    groups: dict[str, list[_Start]] = {}
    for st in _starts(ex):
        groups.setdefault(st.what, []).append(st)
    for what, starts in groups.items():
        first = starts[0]
        shown = {_say(first): first}
        for other in starts[1:]:
            if _conflict(first, other):
                shown.setdefault(_say(other), other)
        if len(shown) < 2:
            continue
        sides = list(shown.values())
        quotes = {q.start: q for side in sides for q in side.quotes}
        said = " and ".join(f"'{side.text}'" for side in sides)
        days = " vs ".join(shown)
        yield Discrepancy(
            kind="date",
            subject=f"start of the {what}",
            claims=tuple(claim(ex, q.start, q.end, q.text) for _, q in sorted(quotes.items())),
            reason=(
                f"{ex.article.source}: {said} put the start of the {what} on different "
                f"days ({days})"
            ),
            confidence=config.confidence.ordinal_start,
        )


def _say(s: _Start) -> str:
    if s.earliest is not None and s.latest is not None:
        if s.earliest == s.latest:
            return s.earliest.isoformat()
        return f"between {s.earliest.isoformat()} and {s.latest.isoformat()}"
    return WEEKDAYS[s.weekday].capitalize() if s.weekday is not None else "unknown"


def _across_sources(context: Context) -> Iterator[Discrepancy]:
    """Pairs alignment holds to be one event whatever their dates, on different days."""
    by_source = context.by_source
    for cluster in context.events:
        seen: set[frozenset[tuple[str, dt.date]]] = set()
        for i, j in cluster.same_whatever_date:
            a, b = cluster.events[i], cluster.events[j]
            day_a, day_b = cluster.days[i], cluster.days[j]
            da, db = a.date, b.date
            pair = (by_source[a.source], a), (by_source[b.source], b)
            if day_a is None or day_b is None or da is None or db is None or zones_explain(
                    *pair) or _anchors_only(*pair):
                continue
            key = frozenset({(a.source, day_a), (b.source, day_b)})
            if key in seen:
                continue
            seen.add(key)
            ordinal = a.ordinal or b.ordinal
            what = f"round {ordinal} of the {cluster.type}" if ordinal else f"the {cluster.type}"
            yield Discrepancy(
                kind="date",
                subject=f"date of {what}",
                claims=(
                    claim(by_source[a.source], da.start, da.end, day_a.isoformat()),
                    claim(by_source[b.source], db.start, db.end, day_b.isoformat()),
                ),
                reason=(
                    f"{a.source} dates {what} {da.text} ({_long(day_a)}), "
                    f"{b.source} {db.text} ({_long(day_b)})"
                ),
                confidence=context.config.confidence.event_date,
            )


_DAY_TYPES = frozenset({"date", "weekday", "relative"})


def _day_exprs(
    ex: Extraction, start: int, end: int, starts: list[int] | None = None
) -> list[TimeExpr]:
    """Return the expressions naming a day inside ``[start, end)`` (not what counts or starts X).

    ``starts`` are the starts of ``ex.times``, when read: ``ex.times_starting_in`` is then
    two bisections of them, without a key function called at each step.
    """
    if starts is None:
        times = ex.times_starting_in(start, end)
    else:
        lo = bisect.bisect_left(starts, start)
        times = ex.times[lo : bisect.bisect_left(starts, end, lo)]
    return [
        t for t in times
        if t.type in _DAY_TYPES and not t.anchor
        and (t.type != "relative" or t.value is not None)
    ]


def _beside(ex: Extraction, t: TimeExpr) -> TimeExpr | None:
    """Return the weekday written right beside date ``t`` ("Tuesday (Mar 28)"), if any."""
    for u in ex.times_starting_in(max(0, t.start - 16), t.start):
        if u.type == "weekday" and u.note and t.value and u.note == t.value.isoformat():
            return u
    return None


def _disagree(
    exa: Extraction, x: TimeExpr, exb: Extraction, y: TimeExpr
) -> tuple[TimeExpr, TimeExpr] | None:
    """Return the two expressions to quote when ``x`` and ``y`` name different days."""
    if x.value is not None and y.value is not None:
        if x.value != y.value:
            return x, y
        wx, wy = _beside(exa, x), _beside(exb, y)
        if wx is not None and wy is not None and weekday_index(wx.text) != weekday_index(wy.text):
            return wx, wy
        return None
    if (
        x.value is None and y.value is None and x.type == y.type == "weekday"
        and weekday_index(x.text) != weekday_index(y.text)
    ):
        return x, y
    return None


def _masked(
    ex: Extraction, start: int, end: int, starts: list[int] | None = None
) -> tuple[str, list[TimeExpr]]:
    """Return the sentence with its day expressions blanked out (folded), and those.

    A sentence naming no day is not grouped: it is not masked ("" stands for it).
    ``starts``: those of ``ex.times`` (:func:`_day_exprs`).
    """
    days = _day_exprs(ex, start, end, starts)
    if not days:
        return "", days
    spans = [(t.start, t.end) for t in days]
    return masked_sentence(ex.article.text, start, end, spans), days


_DayGroups = dict[tuple[object, str], list[tuple[Extraction, int, list[TimeExpr]]]]


def _day_groups(context: Context) -> _DayGroups:
    """Group the sentences naming a day by (reference date, sentence with its days masked)."""
    groups: _DayGroups = {}
    for ex in context.extractions:
        starts = [t.start for t in ex.times]  # read once for the article's sentences
        for start, end, junk in ex.sentences.spans():
            if junk:
                continue
            k = bisect.bisect_left(starts, start)
            if k == len(starts) or starts[k] >= end:
                # no time starts in it (most sentences): no day to mask, passed over
                # without the calls (16.9 -> 13.7 ms on ECB+: /tmp/dq12-bench)
                continue
            masked, days = _masked(ex, start, end, starts)
            if not days or len(masked.split()) < context.config.time.min_sentence_words:
                continue
            groups.setdefault((ex.reference_date, masked), []).append((ex, start, days))
    return groups


def _same_sentence(context: Context, done: set[frozenset[tuple[str, int]]]
                   ) -> Iterator[Discrepancy]:
    """One sentence in two sources, word for word but for the day it names.

    Wire copies and reprints repeat a sentence; when the copies of one publication day name
    different days, one of them is wrong. Grouped by (reference date, sentence with its
    days blanked out), so the cost is linear in the number of sentences.
    """
    for members in _day_groups(context).values():
        for i, (exa, _, da) in enumerate(members):
            for exb, _, db in members[i + 1 :]:
                if exa.article.source == exb.article.source or len(da) != len(db):
                    continue
                for x, y in zip(da, db, strict=True):
                    quoted = _disagree(exa, x, exb, y)
                    if quoted is None or days_in_zones(exa, x, exb, y, ()):
                        continue
                    qa, qb = quoted
                    key = frozenset(
                        {(exa.article.source, qa.start), (exb.article.source, qb.start)}
                    )
                    if key in done:
                        continue
                    done.add(key)
                    yield Discrepancy(
                        kind="date",
                        subject="date of one reported fact",
                        claims=(
                            claim(exa, qa.start, qa.end, _value(qa)),
                            claim(exb, qb.start, qb.end, _value(qb)),
                        ),
                        reason=(
                            f"{exa.article.source} and {exb.article.source} write the same "
                            f"sentence with different days: {qa.text}{_paren(qa)} vs "
                            f"{qb.text}{_paren(qb)}"
                        ),
                        confidence=context.config.confidence.repeated_sentence_date,
                    )


def _value(t: TimeExpr) -> str:
    return t.value.isoformat() if t.value is not None else t.text


def _paren(t: TimeExpr) -> str:
    return f" ({_long(t.value)})" if t.value is not None and t.type != "date" else ""


def _identified_dates(context: Context) -> Iterator[Discrepancy]:
    """One event, identified across sources, given days (or months, years) that differ."""
    for members in identified(context.extractions, _has_point):
        found = _first_disagreement(members, _explained)
        if found is not None:
            yield _identified_finding(context, found)


def _identified_finding(
    context: Context, found: tuple[tuple[Extraction, Event], tuple[Extraction, Event]]
) -> Discrepancy:
    (exa, ea), (exb, eb) = found
    assert ea.date is not None
    assert eb.date is not None
    assert ea.date.point is not None
    assert eb.date.point is not None
    what = "the quoted words" if ea.type == "quote" else f"the {ea.type}"
    return Discrepancy(
        kind="date",
        subject=f"date of {what}",
        claims=(*_date_claims(exa, ea.date), *_date_claims(exb, eb.date)),
        reason=(
            f"{exa.article.source} dates {what} ({ea.text!r}) {_as_said(ea.date)}, "
            f"{exb.article.source} ({eb.text!r}) {_as_said(eb.date)}: one event, two dates"
        ),
        confidence=context.config.confidence.identified_date,
    )


def _date_claims(ex: Extraction, t: TimeExpr) -> tuple[Claim, ...]:
    """Quote a date expression, and what it points back to as a claim of its own.

    "Later that year" is quoted as written, in the sentence of the event it dates; the
    "1957" it takes its year from is a second claim, with its own sentence and value.
    """
    assert t.point is not None
    value = _say_point(t.point)
    here = claim(ex, t.start, t.end, value)
    if t.antecedent is None:
        return (here,)
    before = _at(ex, t.antecedent)
    said = _say_point(before.point) if before is not None and before.point else None
    return here, claim(ex, *t.antecedent, said)


def _as_said(t: TimeExpr) -> str:
    """Return a date as written, with what it points back to ("That same year (1967)")."""
    if t.antecedent is None or t.point is None:
        return t.text
    return f"{t.text} ({_say_point(t.point)})"


def _has_point(e: Event) -> bool:
    return e.date is not None and e.date.point is not None


def _explained(a: tuple[Extraction, Event], b: tuple[Extraction, Event]) -> bool:
    """Tell two dates of one event that differ for a reason other than the sources'.

    Two people ("Doe died Monday", "Roe died in 1992"); one day told in two time zones
    ("Thursday" and "0241 GMT Friday"); or one relative date resolved against two
    anchors (see :func:`_anchors_only`).
    """
    return (
        people_conflict(people_of(a[1]), people_of(b[1]))
        or _anchors_only(a, b)
        or zones_explain(a, b)
    )


def _anchors_only(a: tuple[Extraction, Event], b: tuple[Extraction, Event]) -> bool:
    """Tell two relative dates that differ only because their articles' anchors do.

    "Friday" in two copies of one wire story published weeks apart resolves to two
    Fridays, but the sources say the same: the same words, the same weekday ("last
    Friday", "Friday night"), or the same distance from each article's reference date
    ("today" in both). A date pointing back to another
    ("that year") takes its value from the text, not from the anchor: not this.
    """
    (exa, ea), (exb, eb) = a, b
    x, y = ea.date, eb.date
    if x is None or y is None or not (x.relative and y.relative):
        return False
    if x.antecedent is not None or y.antecedent is not None:
        return False
    if " ".join(x.text.casefold().split()) == " ".join(y.text.casefold().split()):
        return True
    named = weekday_index(x.text)
    if named is not None and named == weekday_index(y.text):
        return True  # "last Friday" and "on Friday": which Friday is the anchors' doing
    ra, rb = exa.reference_date, exb.reference_date
    if x.value is None or y.value is None or ra is None or rb is None:
        return False
    return x.value - ra == y.value - rb


def _first_disagreement(
    members: list[tuple[Extraction, Event]],
    explained: Callable[[tuple[Extraction, Event], tuple[Extraction, Event]], bool],
) -> tuple[tuple[Extraction, Event], tuple[Extraction, Event]] | None:
    """Return the first two members of different sources whose dates disagree.

    Distinct dates only: a group seldom has more than a few. Two dates that
    ``explained`` accounts for (see :func:`_explained`) do not count.
    """
    distinct: dict[tuple[str, DatePoint], tuple[Extraction, Event]] = {}
    for ex, e in members:
        if e.date is not None and e.date.point is not None:
            distinct.setdefault((ex.article.source, e.date.point), (ex, e))
    items = list(distinct.items())
    for i, ((sa, pa), a) in enumerate(items):
        for (sb, pb), b in items[i + 1 :]:
            if sa != sb and pa.disagrees(pb) and not explained(a, b):
                return a, b
    return None


def _say_point(p: DatePoint) -> str:
    parts = [str(x) for x in (p.year, p.month, p.day) if x is not None]
    if p.weekday is not None and p.day is None:
        parts.append(WEEKDAYS[p.weekday].capitalize())
    return "-".join(parts)


def find(context: Context) -> Iterator[Discrepancy]:
    """Yield the date discrepancies in context: within each source, then across sources."""
    for ex in context.extractions:
        yield from _weekday_against_date(ex, context.config)
        yield from _ordinal_against_start(ex, context.config)
    done: set[frozenset[tuple[str, int]]] = set()
    said: set[frozenset[tuple[str, int]]] = set()
    by_source = context.by_source  # a dict of every article: made once, not per claim
    for d in (*_across_sources(context), *_identified_dates(context),
              *clock_conflicts(context)):
        done.add(frozenset((c.source, c.start) for c in d.claims))
        said.add(_where(by_source, d))
        yield d
    # Statement alignment alone is no evidence here: on the ecbplus corpus it pairs
    # "today" with "last Friday" and reports of two storms two months apart. A sentence
    # repeated word for word but for its day is.
    for d in _same_sentence(context, done):
        where = _where(by_source, d)
        if where not in said:
            said.add(where)
            yield d


def _where(by_source: Mapping[str, Extraction], d: Discrepancy) -> frozenset[tuple[str, int]]:
    """Return the sentences a cross-source finding quotes, as (source, sentence start)."""
    out = set()
    for c in d.claims:
        sent = by_source[c.source].sentence_at(c.start)
        out.add((c.source, sent.start if sent is not None else c.start))
    return frozenset(out)
