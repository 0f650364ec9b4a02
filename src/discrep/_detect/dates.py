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

import datetime as dt
from collections.abc import Iterator

import attrs

from discrep._align.events import person_ids, profile, strong_date_match
from discrep._config import Config
from discrep._detect import Context, claim, masked_sentence
from discrep._extract.events import ONCE_TYPES
from discrep._extract.time import (
    REF_DATELINE,
    REF_LATEST,
    REF_PUBLISHED,
    WEEKDAYS,
    ordinal_anchor,
    ordinal_day_of,
    starting_in,
    weekday_index,
)
from discrep._model import DatePoint, Discrepancy, Event, Extraction, Mention, Sentence, TimeExpr

__all__ = ["find"]

_ORIGIN = {
    REF_PUBLISHED: "its publication date",
    REF_DATELINE: "its dateline",
    REF_LATEST: "the latest date it states",
}


def _weekday_name(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()].capitalize()


def _long(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _stated_date(ex: Extraction, weekday: TimeExpr) -> TimeExpr | None:
    """Return the date expression written beside ``weekday`` (the one its ``note`` holds)."""
    best: TimeExpr | None = None
    # Only expressions within a few characters can be "beside" it: a bisected window of
    # the sorted times, not a scan of all of them.
    for t in starting_in(ex.times, max(0, weekday.start - 64), weekday.end + 4):
        if t.type != "date" or t.value is None or t.value.isoformat() != weekday.note:
            continue
        gap = t.start - weekday.end if t.start >= weekday.end else weekday.start - t.end
        if 0 <= gap <= 3 and (best is None or gap < abs(best.start - weekday.end)):
            best = t
    return best


def _weekday_against_date(ex: Extraction, config: Config) -> Iterator[Discrepancy]:
    # A year the text does not write is trusted only this close to the reference date
    # (further away the neighbouring year is as likely).
    trust = config.time.year_trust_days
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
        confidence = config.confidence.weekday_date
        how_year = ""
        if date_expr.relative:
            ref = ex.reference_date
            if ref is None:
                continue
            distance = abs((day - ref).days)
            if ex.reference_from == REF_LATEST and distance > config.time.lower_bound_trust_days:
                # The latest date an article states may be a birth date or an anniversary:
                # it only dates a year-less date written right beside it.
                continue
            fits_elsewhere = any(
                (other := _shift_year(day, k)) is not None and other.weekday() == wd
                for k in (-1, 1)
            )
            if distance > trust and fits_elsewhere:
                continue
            confidence = config.confidence.weekday_date_inferred_year
            origin = _ORIGIN.get(ex.reference_from or "", "its reference date")
            how_year = f" (the year inferred from {origin}, {_long(ref)})"
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


def _starts(ex: Extraction) -> list[_Start]:
    out: list[_Start] = []
    for i, t in enumerate(ex.times):
        if t.anchor and t.anchor.startswith("start of "):
            what = t.anchor[len("start of ") :]
            out.append(_Start(what, t.value, t.value, _wd(t), (t,), f"{t.text} {what}"))
            continue
        parts = ordinal_anchor(t.anchor) if t.type == "ordinal_day" else None
        if parts is None:
            continue
        n, unit, what = parts
        if unit == "month" or n < 1:
            continue
        day_expr = ordinal_day_of(ex.times, i, ex.article.text, ex.sentences)
        if day_expr is None:
            continue
        # "day N" began N-1 days before; "week N" between 7(N-1) and 7N-1 days before.
        near, far = (n - 1, n - 1) if unit == "day" else (7 * (n - 1), 7 * n - 1)
        wd = _wd(day_expr)
        value = day_expr.value
        out.append(
            _Start(
                what,
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
    window = context.config.time.event_window_days
    ids = person_ids(context.entities)
    by_source = context.by_source
    for cluster in context.events:
        profiles = [profile(e, ids) for e in cluster.events]
        seen: set[frozenset[tuple[str, dt.date]]] = set()
        for i, a in enumerate(profiles):
            for b in profiles[i + 1 :]:
                if a.day is None or b.day is None or a.day == b.day:
                    continue
                if a.event.source == b.event.source or not strong_date_match(a, b, window):
                    continue
                key = frozenset({(a.event.source, a.day), (b.event.source, b.day)})
                if key in seen:
                    continue
                seen.add(key)
                da, db = a.event.date, b.event.date
                if da is None or db is None:
                    continue
                ordinal = a.event.ordinal or b.event.ordinal
                what = f"the {cluster.type}"
                if ordinal:
                    what = f"round {ordinal} of the {cluster.type}"
                yield Discrepancy(
                    kind="date",
                    subject=f"date of {what}",
                    claims=(
                        claim(by_source[a.event.source], da.start, da.end, a.day.isoformat()),
                        claim(by_source[b.event.source], db.start, db.end, b.day.isoformat()),
                    ),
                    reason=(
                        f"{a.event.source} dates {what} {da.text} ({_long(a.day)}), "
                        f"{b.event.source} {db.text} ({_long(b.day)})"
                    ),
                    confidence=context.config.confidence.event_date,
                )


_DAY_TYPES = frozenset({"date", "weekday", "relative"})


def _day_exprs(ex: Extraction, start: int, end: int) -> list[TimeExpr]:
    """Return the expressions naming a day inside ``[start, end)`` (not what counts or starts X)."""
    return [
        t for t in starting_in(ex.times, start, end)
        if t.type in _DAY_TYPES and not t.anchor
        and (t.type != "relative" or t.value is not None)
    ]


def _beside(ex: Extraction, t: TimeExpr) -> TimeExpr | None:
    """Return the weekday written right beside date ``t`` ("Tuesday (Mar 28)"), if any."""
    for u in starting_in(ex.times, max(0, t.start - 16), t.start):
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


def _masked(ex: Extraction, sentence: Sentence) -> tuple[str, list[TimeExpr]]:
    """Return the sentence with its day expressions blanked out (folded), and those."""
    days = _day_exprs(ex, sentence.start, sentence.end)
    spans = [(t.start, t.end) for t in days]
    return masked_sentence(ex.article.text, sentence.start, sentence.end, spans), days


def _same_sentence(context: Context, done: set[frozenset[tuple[str, int]]]
                   ) -> Iterator[Discrepancy]:
    """One sentence in two sources, word for word but for the day it names.

    Wire copies and reprints repeat a sentence; when the copies of one publication day name
    different days, one of them is wrong. Grouped by (reference date, sentence with its
    days blanked out), so the cost is linear in the number of sentences.
    """
    groups: dict[tuple[object, str], list[tuple[Extraction, Sentence, list[TimeExpr]]]] = {}
    for ex in context.extractions:
        for sent in ex.sentences:
            if sent.junk:
                continue
            masked, days = _masked(ex, sent)
            if not days or len(masked.split()) < context.config.time.min_sentence_words:
                continue
            groups.setdefault((ex.reference_date, masked), []).append((ex, sent, days))
    for members in groups.values():
        for i, (exa, _, da) in enumerate(members):
            for exb, _, db in members[i + 1 :]:
                if exa.article.source == exb.article.source or len(da) != len(db):
                    continue
                for x, y in zip(da, db, strict=True):
                    quoted = _disagree(exa, x, exb, y)
                    if quoted is None:
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


#: An event with its date point, what identifies it and who it happens to: (surname,
#: given names) of each patient.
_Dated = tuple[Extraction, Event, DatePoint, tuple[str, ...], tuple[tuple[str, str], ...]]


def _person(m: Mention) -> tuple[str, str]:
    words = [w for w in m.name.replace(".", " ").split() if w]
    if not words:
        return "", ""
    return words[-1].casefold(), " ".join(words[:-1]).casefold()


def _dated(context: Context) -> list[_Dated]:
    """Return the events with a date point and what identifies them, in input order."""
    out = []
    for ex in context.extractions:
        for e in ex.events:
            if e.date is None or e.date.point is None:
                continue
            keys = e.keys if e.type in ONCE_TYPES else tuple(
                k for k in e.keys if k.startswith(("amount:", "quote:")))
            people = tuple(_person(m) for m in e.patients) if e.type in ONCE_TYPES else ()
            if keys or people:
                out.append((ex, e, e.date.point, keys, people))
    return out


def _given_compatible(a: str, b: str) -> bool:
    """Given names that may be one person's: one missing, an initial, or a short form."""
    if not a or not b:
        return True
    x, y = a.split()[0], b.split()[0]
    return x[:1] == y[:1] and (len(x) == 1 or len(y) == 1 or x[:3] == y[:3])


def _identified(context: Context) -> Iterator[list[_Dated]]:
    """Group dated events that are one event whatever their dates: same type, shared key.

    A key is a person who dies or is killed once (by surname, given names compatible:
    "Audrey Felt" is not "Mark Felt"), a ship that sinks once, a price, a quoted sentence
    (see ``Event.keys``). Each event joins the first earlier event it shares a key with:
    one pass, linear in the number of events.
    """
    dated = _dated(context)
    root = list(range(len(dated)))
    first: dict[tuple[str, str], int] = {}
    named: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for i, (_, e, _, keys, people) in enumerate(dated):
        joined = {first[(e.type, k)] for k in keys if (e.type, k) in first}
        for surname, given in people:
            for other_given, j in named.get((e.type, surname), []):
                if _given_compatible(given, other_given):
                    joined.add(j)
                    break
        roots = {_root(root, j) for j in joined}
        target = min(roots | {i})
        for r in roots:
            root[r] = target
        root[i] = target
        for k in keys:
            first.setdefault((e.type, k), i)
        for surname, given in people:
            named.setdefault((e.type, surname), []).append((given, i))
    groups: dict[int, list[_Dated]] = {}
    for i, item in enumerate(dated):
        groups.setdefault(_root(root, i), []).append(item)
    for members in groups.values():
        if len({m[0].article.source for m in members}) >= 2:
            yield members


def _root(root: list[int], i: int) -> int:
    while root[i] != i:
        root[i] = root[root[i]]
        i = root[i]
    return i


def _quoted(ex: Extraction, t: TimeExpr) -> tuple[int, int]:
    """Return the span to quote for ``t``: from its antecedent ("1967. That same year")."""
    if t.antecedent is not None:
        return min(t.antecedent[0], t.start), max(t.antecedent[1], t.end)
    return t.start, t.end


def _identified_dates(context: Context) -> Iterator[Discrepancy]:
    """One event, identified across sources, given days (or months, years) that differ."""
    for members in _identified(context):
        found = _first_disagreement(members)
        if found is None:
            continue
        (exa, ea, pa, _, _), (exb, eb, pb, _, _) = found
        assert ea.date is not None
        assert eb.date is not None
        what = "the quoted words" if ea.type == "quote" else f"the {ea.type}"
        sa, sb = _quoted(exa, ea.date), _quoted(exb, eb.date)
        yield Discrepancy(
            kind="date",
            subject=f"date of {what}",
            claims=(claim(exa, *sa, _say_point(pa)), claim(exb, *sb, _say_point(pb))),
            reason=(
                f"{exa.article.source} dates {what} ({ea.text!r}) {ea.date.text}, "
                f"{exb.article.source} ({eb.text!r}) {eb.date.text}: one event, two dates"
            ),
            confidence=0.7,
        )


def _first_disagreement(members: list[_Dated]) -> tuple[_Dated, _Dated] | None:
    """Return the first two members of different sources whose dates disagree.

    Distinct dates only: a group seldom has more than a few.
    """
    distinct: dict[tuple[str, DatePoint], _Dated] = {}
    for item in members:
        distinct.setdefault((item[0].article.source, item[2]), item)
    items = list(distinct.values())
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a[0].article.source != b[0].article.source and a[2].disagrees(b[2]):
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
    for d in (*_across_sources(context), *_identified_dates(context)):
        done.add(frozenset((c.source, c.start) for c in d.claims))
        said.add(_where(context, d))
        yield d
    # Statement alignment alone is no evidence here: on the ecbplus corpus it pairs
    # "today" with "last Friday" and reports of two storms two months apart. A sentence
    # repeated word for word but for its day is.
    for d in _same_sentence(context, done):
        where = _where(context, d)
        if where not in said:
            said.add(where)
            yield d


def _where(context: Context, d: Discrepancy) -> frozenset[tuple[str, int]]:
    """Return the sentences a cross-source finding quotes, as (source, sentence start)."""
    out = set()
    for c in d.claims:
        sent = context.by_source[c.source].sentence_at(c.start)
        out.add((c.source, sent.start if sent is not None else c.start))
    return frozenset(out)
