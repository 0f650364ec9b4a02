"""The `venue` check: one event placed where it cannot both be.

Within an aligned event, two mentions from different sources conflict when every named
venue of one is incompatible with every named venue of the other in the gazetteer: neither
the same place nor one inside the other. "Brest region", "western Belarus" and "Belarus"
are compatible (containment); "Istanbul" and "Brest" are not. Places only approached
("near the border of Belarus") and unnamed venues ("an undisclosed location") are never
conflicts. The mentions must be surely one event whatever their places: talks, calls or
elections of the same day with the same round or shared participants (see
:func:`discrep._align.events.strong_venue_match`); attacks, of which there are many a day,
never are. A sentence about such an event repeated word for word by articles of one
publication day but for its place is a finding too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from discrep._align.events import (
    SINGULAR_TYPES,
    EventProfile,
    person_ids,
    profile,
    strong_venue_match,
    venue_relation,
)
from discrep._detect import Context, claim, masked_sentence
from discrep._gazetteer import by_id, compatible
from discrep._model import Discrepancy, Event, Extraction, Mention, Sentence

__all__ = ["find"]


_PRECISION = {"city": 0, "region": 1, "country": 2}


def _most_precise(p: EventProfile) -> Mention:
    """Return the venue mention naming the smallest place (a city before its country)."""

    def rank(v: Mention) -> int:
        place = by_id(v.place_id) if v.place_id else None
        return _PRECISION.get(place.kind, 3) if place is not None else 3

    return min(p.event.venues, key=rank)


def _masked(ex: Extraction, sent: Sentence, events: Sequence[Event]) -> tuple[str, list[Mention]]:
    """Return the sentence with its event venues blanked out (folded), and those venues.

    ``events`` are the events of this sentence (indexed once per article by the caller).
    """
    spans: dict[tuple[int, int], Mention] = {}
    for e in events:
        if e.type not in SINGULAR_TYPES:
            continue
        for v in e.venues:
            spans.setdefault((v.start, v.end), v)
    venues = [spans[k] for k in sorted(spans)]
    return masked_sentence(ex.article.text, sent.start, sent.end, spans), venues


def _same_sentence(context: Context, seen: set[frozenset[tuple[str, str]]]
                   ) -> Iterator[Discrepancy]:
    """One sentence in two sources, word for word but for where the event took place.

    Grouped by (reference date, sentence with its event venues blanked out): linear.
    """
    groups: dict[tuple[object, str], list[tuple[Extraction, list[Mention]]]] = {}
    for ex in context.extractions:
        by_sentence: dict[int, list[Event]] = {}
        for e in ex.events:
            if e.sentence >= 0:
                by_sentence.setdefault(e.sentence, []).append(e)
        for i, sent in enumerate(ex.sentences):
            if sent.junk or i not in by_sentence:
                continue
            masked, venues = _masked(ex, sent, by_sentence[i])
            if venues and len(masked.split()) >= context.config.time.min_sentence_words:
                groups.setdefault((ex.reference_date, masked), []).append((ex, venues))
    for members in groups.values():
        for i, (exa, va) in enumerate(members):
            for exb, vb in members[i + 1 :]:
                if exa.article.source == exb.article.source or len(va) != len(vb):
                    continue
                for x, y in zip(va, vb, strict=True):
                    px = by_id(x.place_id) if x.place_id else None
                    py = by_id(y.place_id) if y.place_id else None
                    if px is None or py is None or compatible(px, py):
                        continue
                    key = frozenset({(exa.article.source, x.name), (exb.article.source, y.name)})
                    if key in seen:
                        continue
                    seen.add(key)
                    yield Discrepancy(
                        kind="venue",
                        subject="venue of one reported event",
                        claims=(claim(exa, x.start, x.end, x.place_id),
                                claim(exb, y.start, y.end, y.place_id)),
                        reason=(
                            f"{exa.article.source} and {exb.article.source} write the same "
                            f"sentence with different places: {x.name} vs {y.name}, neither "
                            "of which contains the other"
                        ),
                        confidence=context.config.confidence.venue,
                    )


def find(context: Context) -> Iterator[Discrepancy]:
    """Yield the venue discrepancies in context: aligned events, then repeated sentences.

    One conflict is reported once, even when both ways find it.
    """
    said: set[frozenset[tuple[str, int]]] = set()
    seen: set[frozenset[tuple[str, str]]] = set()
    for d in (*_clusters(context, seen), *_same_sentence(context, seen)):
        where = frozenset((c.source, _sentence_start(context, c.source, c.start)) for c in d.claims)
        if where not in said:
            said.add(where)
            yield d


def _sentence_start(context: Context, source: str, offset: int) -> int:
    sent = context.by_source[source].sentence_at(offset)
    return sent.start if sent is not None else offset


def _clusters(context: Context, seen: set[frozenset[tuple[str, str]]]) -> Iterator[Discrepancy]:
    """Mentions aligned into one event that name places excluding each other."""
    window = context.config.time.event_window_days
    ids = person_ids(context.entities)
    by_source = context.by_source
    for cluster in context.events:
        profiles = [profile(e, ids) for e in cluster.events]
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
                    confidence=context.config.confidence.venue,
                )
