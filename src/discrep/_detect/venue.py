"""The `venue` check: one event placed where it cannot both be.

Within an aligned event, two mentions from different sources conflict when every named
venue of one is incompatible with every named venue of the other in the gazetteer: neither
the same place nor one inside the other. "Brest region", "western Belarus" and "Belarus"
are compatible (containment); "Istanbul" and "Brest" are not. Places only approached
("near the border of Belarus") and unnamed venues ("an undisclosed location") are never
conflicts. The mentions must be surely one event whatever their places: talks, calls or
elections of the same day with the same round or shared participants (see
:func:`discrep._align.events.strong_venue_match`); attacks, of which there are many a day,
never are.
"""

from __future__ import annotations

from collections.abc import Iterator

from discrep._align.events import (
    EventProfile,
    person_ids,
    profile,
    strong_venue_match,
    venue_relation,
)
from discrep._detect import Context, claim
from discrep._gazetteer import by_id
from discrep._model import Discrepancy, Mention

__all__ = ["find"]


_PRECISION = {"city": 0, "region": 1, "country": 2}


def _most_precise(p: EventProfile) -> Mention:
    """Return the venue mention naming the smallest place (a city before its country)."""

    def rank(v: Mention) -> int:
        place = by_id(v.place_id) if v.place_id else None
        return _PRECISION.get(place.kind, 3) if place is not None else 3

    return min(p.event.venues, key=rank)


def find(context: Context) -> Iterator[Discrepancy]:
    """Yield the venue discrepancies in context."""
    window = context.config.time.event_window_days
    ids = person_ids(context.entities)
    by_source = context.by_source
    for cluster in context.events:
        profiles = [profile(e, ids) for e in cluster.events]
        seen: set[frozenset[tuple[str, str]]] = set()
        for i, a in enumerate(profiles):
            for b in profiles[i + 1 :]:
                if a.event.source == b.event.source:
                    continue
                if venue_relation(a, b) != "conflict" or not strong_venue_match(a, b, window):
                    continue
                va, vb = _most_precise(a), _most_precise(b)
                key = frozenset({(a.event.source, va.name), (b.event.source, vb.name)})
                if key in seen:
                    continue
                seen.add(key)
                day = a.day.isoformat() if a.day else "an unknown day"
                yield Discrepancy(
                    kind="venue",
                    subject=f"venue of the {cluster.type} on {day}",
                    claims=(
                        claim(by_source[a.event.source], va.start, va.end, va.place_id),
                        claim(by_source[b.event.source], vb.start, vb.end, vb.place_id),
                    ),
                    reason=(
                        f"{a.event.source} places the {cluster.type} in {va.name}, "
                        f"{b.event.source} in {vb.name}: neither place contains the other"
                    ),
                    confidence=0.7,
                )
