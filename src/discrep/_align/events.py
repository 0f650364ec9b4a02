"""Cross-source event alignment (issue 5).

Two event mentions from different articles describe the same real event when they have the
same type, no contradicting round number ("first round" vs "second round"), and

- dates within ``TimeConfig.event_window_days`` plus something shared: the round number,
  a compatible named venue, a person, or two of the parties (countries); or
- dates further apart (or one undated) but the same round number *and* a compatible venue
  or shared participants, and no venue that rules it out.

Different dates with nothing else in common are different events: the Istanbul talks of late
March are not the Belarus round of 3 March. Candidate pairs come from blocks keyed by
(type, day, something that must be shared) and (type, round number), never from all pairs
of all events; pairs already in one group are not compared again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from discrep._algorithms import UnionFind
from discrep._config import Config
from discrep._gazetteer import Place, by_id, compatible
from discrep._lexicon import SINGULAR_EVENT_TYPES
from discrep._model import Entity, Event, EventCluster, Extraction

__all__ = [
    "EventProfile",
    "align_events",
    "person_ids",
    "profile",
    "same_event",
    "strong_date_match",
    "strong_venue_match",
    "venue_relation",
]

#: Event types of which one party seldom has two on one day in different places.
SINGULAR_TYPES = SINGULAR_EVENT_TYPES


@attrs.frozen
class EventProfile:
    """What alignment compares: an event with its resolved date, places and participants."""

    event: Event
    day: dt.date | None
    places: tuple[Place, ...]
    countries: frozenset[str]
    people: frozenset[str]


#: The empty set of countries or people, shared: 7.1k of the 9.7k sets of the profiles of
#: an ECB+ compare were empty, each a new object the garbage collector tracked and moved
#: to its oldest generation (the empty frozenset is no singleton in CPython 3.11).
_NOBODY: frozenset[str] = frozenset()


def profile(event: Event, person_ids: dict[tuple[str, int], str]) -> EventProfile:
    """Resolve what alignment needs of ``event`` (gazetteer places, entity ids)."""
    places = tuple(p for v in event.venues if v.place_id and (p := by_id(v.place_id)))
    countries = set()
    people = set()
    for m in event.participants:
        if m.kind in {"demonym", "place"} and m.place_id:
            place = by_id(m.place_id)
            if place is not None:
                countries.add(place.country)
        elif (m.source, m.start) in person_ids:
            people.add(person_ids[(m.source, m.start)])
        else:
            people.add(m.name.lower())
    day = event.date.value if event.date is not None else None
    return EventProfile(
        event,
        day,
        places,
        frozenset(countries) if countries else _NOBODY,
        frozenset(people) if people else _NOBODY,
    )


def venue_relation(a: EventProfile, b: EventProfile) -> str:
    """Return "compatible", "conflict" or "unknown" for the named venues of two events."""
    if not a.places or not b.places:
        return "unknown"
    if any(compatible(p, q) for p in a.places for q in b.places):
        return "compatible"
    return "conflict"


def _shared(a: EventProfile, b: EventProfile) -> bool:
    return bool(a.people & b.people) or len(a.countries & b.countries) >= 2


def _ordinals(a: EventProfile, b: EventProfile) -> str:
    oa, ob = a.event.ordinal, b.event.ordinal
    if oa is None or ob is None:
        return "unknown"
    return "equal" if oa == ob else "differ"


def same_event(a: EventProfile, b: EventProfile, window: int) -> bool:
    """Tell whether two event mentions describe one real event (see the module docstring)."""
    if a.event.type != b.event.type or a.event.source == b.event.source:
        return False
    ordinal = _ordinals(a, b)
    if ordinal == "differ":
        return False
    venue = venue_relation(a, b)
    if a.day is not None and b.day is not None and abs((a.day - b.day).days) <= window:
        if venue == "conflict":
            return ordinal == "equal" or _shared(a, b)
        return ordinal == "equal" or venue == "compatible" or _shared(a, b)
    return ordinal == "equal" and venue != "conflict" and (venue == "compatible" or _shared(a, b))


def strong_date_match(a: EventProfile, b: EventProfile, window: int) -> bool:
    """Tell whether two mentions are surely one event whatever dates they give.

    The round number matches and a venue or the participants are shared; or, for events
    one party holds once a day (talks, calls, elections), the same named city or region,
    shared participants and dates within the window.
    """
    if not same_event(a, b, window):
        return False
    venue = venue_relation(a, b)
    if _ordinals(a, b) == "equal":
        return venue == "compatible" or _shared(a, b)
    close = a.day is not None and b.day is not None and abs((a.day - b.day).days) <= window
    precise = any(p.kind != "country" for p in a.places + b.places)
    return (
        close and a.event.type in SINGULAR_TYPES and venue == "compatible" and precise
        and _shared(a, b)
    )


def strong_venue_match(a: EventProfile, b: EventProfile, window: int) -> bool:
    """Tell whether two mentions are surely one event whatever places they name.

    Same type among the once-a-day types, the same day (or the same round within the
    window), and the same round or shared participants.
    """
    if a.event.type not in SINGULAR_TYPES or not same_event(a, b, window):
        return False
    if a.day is None or b.day is None:
        return False
    ordinal = _ordinals(a, b)
    if ordinal == "equal":
        return abs((a.day - b.day).days) <= window
    return a.day == b.day and _shared(a, b)


def person_ids(entities: Sequence[Entity]) -> dict[tuple[str, int], str]:
    """Map (source, start) of each person or organisation mention to its entity id."""
    return {
        (m.source, m.start): e.id
        for e in entities
        if e.kind in {"person", "organisation"}
        for m in e.mentions
    }


def _participant_ids(
    entities: Sequence[Entity], events: Iterable[Event]
) -> dict[tuple[str, int], str]:
    """Return :func:`person_ids` for the participants of ``events`` only.

    :func:`profile` asks only for participants; the whole map held a key for every person
    and organisation mention of the compare (tens of thousands of tuples, each one more
    object for the garbage collector to count: a full collection fell inside it).
    """
    wanted: dict[str, set[int]] = {}
    for e in events:
        for m in e.participants:
            wanted.setdefault(m.source, set()).add(m.start)
    ids: dict[tuple[str, int], str] = {}
    if not wanted:
        return ids
    for ent in entities:
        if ent.kind in {"person", "organisation"}:
            for m in ent.mentions:
                starts = wanted.get(m.source)
                if starts is not None and m.start in starts:
                    ids[(m.source, m.start)] = ent.id  # the last entity wins, as in person_ids
    return ids


def _keys(p: EventProfile) -> set[tuple[str, str]]:
    """Return what two mentions must share for :func:`same_event` to hold.

    A round number, a venue country (compatible places lie in one country), a person, or a
    pair of party countries. Blocking on these keys is exact: a pair sharing none of them
    cannot be one event.
    """
    keys = {("round", str(p.event.ordinal))} if p.event.ordinal is not None else set()
    keys |= {("venue", place.country) for place in p.places}
    keys |= {("person", person) for person in p.people}
    countries = sorted(p.countries)
    keys |= {("parties", f"{a}+{b}") for i, a in enumerate(countries) for b in countries[i + 1 :]}
    return keys


def _candidate_pairs(profiles: Sequence[EventProfile], window: int) -> Iterator[tuple[int, int]]:
    """Pairs sharing a block: (type, key, day within the window) or (type, round number).

    Never all pairs of all events: events of other types, days or keys are never compared.
    """
    by_day: dict[tuple[str, tuple[str, str], dt.date], list[int]] = defaultdict(list)
    by_ordinal: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if p.day is not None:
            for key in _keys(p):
                by_day[(p.event.type, key, p.day)].append(i)
        if p.event.ordinal is not None:
            by_ordinal[(p.event.type, p.event.ordinal)].append(i)
    for (kind, key, day), members in by_day.items():
        for shift in range(0, window + 1):
            others = members if shift == 0 else by_day.get(
                (kind, key, day + dt.timedelta(days=shift)), [])
            for x, i in enumerate(members):
                for j in (others[x + 1 :] if shift == 0 else others):
                    yield (i, j) if i < j else (j, i)
    for members in by_ordinal.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                yield i, j


def _date_pair(a: EventProfile, b: EventProfile, window: int) -> bool:
    return (
        a.day is not None and b.day is not None and a.day != b.day
        and strong_date_match(a, b, window)
    )


def _place_pair(a: EventProfile, b: EventProfile, window: int) -> bool:
    return venue_relation(a, b) == "conflict" and strong_venue_match(a, b, window)


def _pairs(
    group: list[EventProfile], window: int,
    test: Callable[[EventProfile, EventProfile, int], bool],
) -> Iterator[tuple[int, int]]:
    """Index pairs of a cluster (different sources) for which ``test`` holds.

    Quadratic in the size of one cluster only, as the checks were before: a cluster holds
    the mentions of one event, a handful per source.
    """
    for i, a in enumerate(group):
        for j in range(i + 1, len(group)):
            if a.event.source != group[j].event.source and test(a, group[j], window):
                yield i, j


def align_events(
    extractions: Sequence[Extraction], entities: Sequence[Entity], config: Config
) -> tuple[EventCluster, ...]:
    """Group event mentions of all articles into real events.

    Only groups that span at least two sources are returned.

    >>> from discrep import Article, Config
    >>> from discrep._extract import extract
    >>> cfg = Config()
    >>> exs = [extract(Article(t, source=s, published=dt.date(2022, 3, 4)), cfg) for s, t in [
    ...     ("a", "Russia and Ukraine held a second round of talks in Brest on Thursday."),
    ...     ("b", "The second round of negotiations took place in Belarus on Thursday."),
    ...     ("c", "Russian and Ukrainian negotiators will meet in Istanbul on March 29.")]]
    >>> [sorted(e.source for e in c.events) for c in align_events(exs, (), cfg)]
    [['a', 'b']]
    """
    window = config.time.event_window_days
    ids = _participant_ids(entities, (e for ex in extractions for e in ex.events))
    profiles = [profile(e, ids) for ex in extractions for e in ex.events]
    uf = UnionFind(len(profiles))
    for i, j in _candidate_pairs(profiles, window):
        if uf.find(i) != uf.find(j) and same_event(profiles[i], profiles[j], window):
            uf.union(i, j)
    groups = uf.groups()
    clusters: list[EventCluster] = []
    for root in sorted(groups):
        members = groups[root]
        if len({profiles[i].event.source for i in members}) < 2:
            continue
        first = profiles[root]
        days = sorted({d for i in members if (d := profiles[i].day) is not None})
        label = days[0].isoformat() if days else "undated"
        group = [profiles[i] for i in members]
        clusters.append(
            EventCluster(
                id=f"event:{first.event.type}:{label}:{len(clusters) + 1}",
                type=first.event.type,
                events=tuple(p.event for p in group),
                days=tuple(p.day for p in group),
                same_whatever_date=tuple(_pairs(group, window, _date_pair)),
                same_whatever_place=tuple(_pairs(group, window, _place_pair)),
            )
        )
    return tuple(clusters)
