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

from discrep._align.events import person_ids, profile, strong_venue_match, venue_relation
from discrep._detect import Context, claim
from discrep._model import Discrepancy

__all__ = ["find"]


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
                va, vb = a.event.venues[0], b.event.venues[0]
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
