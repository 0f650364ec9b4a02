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

from collections.abc import Iterator, Mapping, Sequence

import attrs

from discrep._detect import Context, claim, masked_sentence
from discrep._detect._identity import identified, people_conflict, people_of
from discrep._gazetteer import by_id, compatible
from discrep._lexicon import SINGULAR_EVENT_TYPES, compile_spaced
from discrep._model import Discrepancy, Event, Extraction, Mention, Sentence
from discrep._normalize import fold

__all__ = ["find"]


_PRECISION = {"city": 0, "region": 1, "country": 2}


def _most_precise(e: Event) -> Mention:
    """Return the venue mention naming the smallest place (a city before its country)."""

    def rank(v: Mention) -> int:
        place = by_id(v.place_id) if v.place_id else None
        return _PRECISION.get(place.kind, 3) if place is not None else 3

    return min(e.venues, key=rank)


def _masked(ex: Extraction, sent: Sentence, events: Sequence[Event]) -> tuple[str, list[Mention]]:
    """Return the sentence with its event venues blanked out (folded), and those venues.

    ``events`` are the events of this sentence (indexed once per article by the caller).
    """
    spans: dict[tuple[int, int], Mention] = {}
    for e in events:
        if e.type not in SINGULAR_EVENT_TYPES:
            continue
        for v in e.venues:
            spans.setdefault((v.start, v.end), v)
    venues = [spans[k] for k in sorted(spans)]
    return masked_sentence(ex.article.text, sent.start, sent.end, spans), venues


_Groups = dict[tuple[object, str], list[tuple[Extraction, list[Mention]]]]


def _venue_groups(context: Context) -> _Groups:
    """Group sentences by (reference date, sentence with its event venues blanked out)."""
    groups: _Groups = {}
    for ex in context.extractions:
        by_sentence: dict[int, list[Event]] = {}
        for e in ex.events:
            if e.sentence >= 0:
                by_sentence.setdefault(e.sentence, []).append(e)
        n = len(ex.sentences)
        for i in sorted(by_sentence):  # in text order, the sentences holding an event only
            events = by_sentence[i]
            # A sentence whose events give no venue of a singular event is not grouped:
            # neither read nor masked (most sentences holding an event: 14.9 -> 2.4 ms for
            # the ECB+ corpus, interleaved A/B of the plain loop, first sight).
            if not any(e.venues and e.type in SINGULAR_EVENT_TYPES for e in events):
                continue
            sent = ex.sentences[i] if i < n else None
            if sent is None or sent.junk:
                continue
            masked, venues = _masked(ex, sent, events)
            if venues and len(masked.split()) >= context.config.time.min_sentence_words:
                groups.setdefault((ex.reference_date, masked), []).append((ex, venues))
    return groups


def _excluding(x: Mention, y: Mention) -> bool:
    """Tell two resolved places neither of which contains the other."""
    px = by_id(x.place_id) if x.place_id else None
    py = by_id(y.place_id) if y.place_id else None
    return px is not None and py is not None and not compatible(px, py)


def _same_sentence(context: Context, seen: set[frozenset[tuple[str, str]]]
                   ) -> Iterator[Discrepancy]:
    """One sentence in two sources, word for word but for where the event took place.

    Grouped by (reference date, sentence with its event venues blanked out): linear.
    """
    for members in _venue_groups(context).values():
        for i, (exa, va) in enumerate(members):
            for exb, vb in members[i + 1 :]:
                if exa.article.source == exb.article.source or len(va) != len(vb):
                    continue
                for x, y in zip(va, vb, strict=True):
                    key = frozenset({(exa.article.source, x.name), (exb.article.source, y.name)})
                    if not _excluding(x, y) or key in seen:
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
    by_source = context.by_source  # a dict of every article: made once, not per claim
    for d in (*_clusters(context, seen), *_same_sentence(context, seen),
              *_bearing_conflicts(context), *_block_conflicts(context), *_site_conflicts(context)):
        where = frozenset((c.source, _sentence_start(by_source, c.source, c.start))
                          for c in d.claims)  # fmt: skip
        if where not in said:
            said.add(where)
            yield d


def _sentence_start(by_source: Mapping[str, Extraction], source: str, offset: int) -> int:
    sent = by_source[source].sentence_at(offset)
    return sent.start if sent is not None else offset


def _clusters(context: Context, seen: set[frozenset[tuple[str, str]]]) -> Iterator[Discrepancy]:
    """Mentions aligned into one event whatever their places, naming excluding places."""
    by_source = context.by_source
    for cluster in context.events:
        for i, j in cluster.same_whatever_place:
            a, b = cluster.events[i], cluster.events[j]
            va, vb = _most_precise(a), _most_precise(b)
            key = frozenset({(a.source, va.name), (b.source, vb.name)})
            if key in seen:
                continue
            seen.add(key)
            day_a = cluster.days[i]
            day = day_a.isoformat() if day_a else "an unknown day"
            yield Discrepancy(
                kind="venue",
                subject=f"venue of the {cluster.type} on {day}",
                claims=(
                    claim(by_source[a.source], va.start, va.end, va.place_id),
                    claim(by_source[b.source], vb.start, vb.end, vb.place_id),
                ),
                reason=(
                    f"{a.source} places the {cluster.type} in {va.name}, "
                    f"{b.source} in {vb.name}: neither place contains the other"
                ),
                confidence=context.config.confidence.venue,
            )


# "150 nautical miles west of Aden", "25 km north-east of Lidice"
_BEARING = compile_spaced(
    r"\b(?P<dist>\d[\d,.]*)[ \t]*(?P<unit>nautical[ \t]+miles?|nm|km|kilomet(?:er|re)s?|miles?)"
    r"[ \t]+(?P<bearing>(?i:(?:north|south)(?:[ \t-]?(?:east|west))?|east|west))(?:ward)?"
    r"[ \t]+of[ \t]+(?P<place>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,3})"
)
_KM = {"nautical": 1.852, "nm": 1.852, "km": 1.0, "kilometer": 1.0, "kilometre": 1.0,
       "mile": 1.609}
_ANGLE = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
          "southwest": 225, "west": 270, "northwest": 315}
# "the 12200 block of East 223rd Street"
_BLOCK = compile_spaced(
    r"\b(?P<n>\d{3,6})[ \t]+block[ \t]+of[ \t]+(?:(?:East|West|North|South|[EWNS]\.)[ \t]+)?"
    r"(?P<street>(?:[A-Z0-9][\w’'.-]*[ \t]+){1,4}?(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?"
    r"|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Place|Court|Highway))"
)

# What each match of ``_BLOCK`` holds, no anchor or lookaround: a text it does not match
# has no sentence ``_BLOCK`` matches in. "block" is in many articles ("blocked",
# "roadblock"): one search of the whole text in C then passes over the article instead of
# a search per sentence (ECB+: 79 articles hold "block", 8 the hint; 6.3 -> 3.5 ms).
_BLOCK_HINT = compile_spaced(r"\d[ \t]+block[ \t]+of")


@attrs.frozen
class _Bearing:
    ex: Extraction
    start: int
    end: int
    km: float
    angle: int
    place: str


# A word each match of ``_BEARING`` holds (its unit, as written: the pattern is case-
# sensitive there): an article naming none is not searched.
_BEARING_UNITS = ("nautical", "nm", "km", "kilomet", "mile")


# What each match of ``_BEARING`` holds: its unit's last word and the bearing word after
# it. "nm" and "mile" are in many articles ("environment", "smile"): one search of the
# whole text in C then passes over the article instead of a search per sentence (issue
# 14, session 11: 231 of the 844 ECB+ articles and seeds hold a unit word, 23 this).
_BEARING_HINT = compile_spaced(
    r"(?:nm|km|kilomet(?:er|re)s?|miles?)[ \t]+(?i:north|south|east|west)"
)


def _bearings(ex: Extraction) -> Iterator[_Bearing]:
    text = ex.article.text
    if not any(unit in text for unit in _BEARING_UNITS) or _BEARING_HINT.search(text) is None:
        return
    for start, end, junk in ex.sentences.spans():
        if junk:
            continue
        for m in _BEARING.finditer(text, start, end):
            unit = m["unit"].lower().split()[0].rstrip("s")
            try:
                km = float(m["dist"].replace(",", "")) * _KM[unit]
            except (KeyError, ValueError):
                continue
            angle = _ANGLE["".join(m["bearing"].lower().replace("-", " ").split())]
            yield _Bearing(ex, m.start(), m.end(), km, angle, fold(m["place"]))


def _apart(a: int, b: int) -> int:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def _bearing_conflicts(context: Context) -> Iterator[Discrepancy]:
    """One distance from one place given in bearings that cannot both be right.

    "150 nautical miles west of Aden" against "150 nautical miles east of Aden": the same
    distance from the same place is one spot, and west is not east. Grouped by place, so
    only a handful are compared.
    """
    by_place: dict[str, list[_Bearing]] = {}
    for ex in context.extractions:
        for b in _bearings(ex):
            by_place.setdefault(b.place, []).append(b)
    cfg = context.config.time
    same, opposed = cfg.same_distance_share, cfg.opposed_bearing_degrees
    for members in by_place.values():
        pair = next(
            ((a, b) for i, a in enumerate(members) for b in members[i + 1 :]
             if a.ex.article.source != b.ex.article.source
             and abs(a.km - b.km) <= same * max(a.km, b.km)
             and _apart(a.angle, b.angle) >= opposed),
            None,
        )
        if pair is None:
            continue
        a, b = pair
        ta, tb = a.ex.article.text[a.start : a.end], b.ex.article.text[b.start : b.end]
        yield Discrepancy(
            kind="venue",
            subject=f"position relative to {ta.split(' of ')[-1]}",
            claims=(claim(a.ex, a.start, a.end, ta), claim(b.ex, b.start, b.end, tb)),
            reason=(
                f"{a.ex.article.source} puts it {ta!r}, {b.ex.article.source} {tb!r}: one "
                f"distance from one place, bearings {_apart(a.angle, b.angle)} degrees apart"
            ),
            confidence=context.config.confidence.bearing,
        )


def _block_conflicts(context: Context) -> Iterator[Discrepancy]:
    """One street given different block numbers by different sources, one finding a street.

    A story's street is one scene ("the 12200 block of 223rd Street" against "the 12500
    block of East 223rd Street"); each distinct number is quoted once.
    """
    by_street: dict[str, dict[str, tuple[Extraction, int, int]]] = {}
    for ex in context.extractions:
        text = ex.article.text
        if "block" not in text or _BLOCK_HINT.search(text) is None:
            continue  # each match holds the word, as written (a case-sensitive pattern)
        for start, end, junk in ex.sentences.spans():
            if junk:
                continue
            for m in _BLOCK.finditer(text, start, end):
                street = fold(m["street"].rstrip("."))
                by_street.setdefault(street, {}).setdefault(m["n"], (ex, m.start(), m.end()))
    for numbers in by_street.values():
        if len(numbers) < 2 or len({ex.article.source for ex, _, _ in numbers.values()}) < 2:
            continue
        claims = tuple(claim(ex, a, b, n) for n, (ex, a, b) in numbers.items())
        yield Discrepancy(
            kind="venue",
            subject=f"block of {claims[0].text.split(' of ', 1)[-1]}",
            claims=claims,
            reason="sources give the street different block numbers: "
            + " vs ".join(f"{c.text!r} ({c.source})" for c in claims),
            confidence=context.config.confidence.street_block,
        )


def _site_conflicts(context: Context) -> Iterator[Discrepancy]:
    """One death (or other once-only event) at two kinds of place: home vs a hospice."""
    for members in identified(context.extractions, lambda e: e.site is not None):
        sites: dict[str, tuple[Extraction, Event]] = {}
        for ex, e in members:
            assert e.site is not None
            sites.setdefault(e.site[2], (ex, e))
        if len(sites) < 2 or len({ex.article.source for ex, _ in sites.values()}) < 2:
            continue
        (kind_a, (exa, ea)), (kind_b, (exb, eb)) = list(sites.items())[:2]
        if exa.article.source == exb.article.source or people_conflict(
                people_of(ea), people_of(eb)):
            continue  # two sources, and one person: "Doe died at home", "Roe in a hospice"
        assert ea.site is not None
        assert eb.site is not None
        yield Discrepancy(
            kind="venue",
            subject=f"place of the {ea.type}",
            claims=(claim(exa, ea.site[0], ea.site[1], kind_a),
                    claim(exb, eb.site[0], eb.site[1], kind_b)),
            reason=(
                f"{exa.article.source} places the {ea.type} "
                f"{exa.article.text[ea.site[0] : ea.site[1]]!r}, {exb.article.source} "
                f"{exb.article.text[eb.site[0] : eb.site[1]]!r}"
            ),
            confidence=context.config.confidence.venue,
        )
