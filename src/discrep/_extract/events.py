"""Event mentions: typed triggers with date, venue, participants and ordinal (issue 5).

An event mention is a trigger word from a small lexicon per event type ("talks", "met",
"negotiations" are *talks*; "strikes", "shelling" are *attack* ...). Each sentence is cut
into clauses (at semicolons, commas, dashes and subordinators such as "after", "while",
"which", never inside a time expression) and each clause yields at most one event per type,
so that in "convened ... Thursday for a second round of peace talks after initial
discussions Monday failed" the second round is dated Thursday and the first Monday.

- **date**: the time expression of the clause nearest the trigger (written dates before
  weekdays before relative expressions); else one from the next clause when that clause
  attaches to the event ("..., set for Tuesday").
- **venue**: places governed by "in", "at", "held in" or named as "the venue",
  resolved through the gazetteer. Places only approached ("near the border of Belarus",
  "on the Belarusian side of the border") and unnamed venues ("an undisclosed location")
  are kept as ``venue_text``: they never conflict with a named place.
- **participants**: people and organisations the names extractor found in the clause, and
  the countries the clause names as actors ("Russian and Ukrainian negotiators", "Moscow
  and Kiev") as demonym/place mentions.
- **ordinal**: "second round" -> 2, "first round", "first negotiations", "initial
  discussions" -> 1; but not "the first talks in over two weeks" (first in a while).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from discrep._config import Config
from discrep._extract.time import starting_in
from discrep._gazetteer import Place, demonym_place, lookup
from discrep._lexicon import compile_spaced
from discrep._model import Article, Event, Mention, Sentence, TimeExpr
from discrep._normalize import fold

__all__ = ["EVENT_TYPES", "extract_events"]


#: Trigger lexicon per event type (lower case, whole words; a trailing "s" is optional).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "call": (
        "phone call", "telephone call", "phone conversation", "telephone conversation",
        "by phone", "by telephone", "phone talks", "telephone talks",
    ),
    "talks": (
        "talks", "negotiations", "negotiation", "meeting", "meetings", "met", "meet", "meets",
        "convened", "convene", "summit", "discussions", "consultations", "peace conference",
    ),
    "attack": (
        "attack", "attacks", "attacked", "strike", "strikes", "airstrike", "airstrikes",
        "bombing", "bombings", "bombardment", "shelling", "shelled", "explosion", "explosions",
        "blast", "blasts", "raid", "raids", "shooting", "stabbing",
    ),
    "disaster": (
        "earthquake", "earthquakes", "quake", "flood", "floods", "flooding", "hurricane",
        "tornado", "wildfire", "wildfires", "tsunami", "landslide", "eruption", "cyclone",
        "typhoon",
    ),
    "arrest": ("arrest", "arrests", "arrested", "detained", "apprehended"),
    "election": ("election", "elections", "referendum", "runoff", "primary election"),
    "announcement": ("announced", "announcement", "unveiled", "proclaimed"),
}

_TRIGGER = compile_spaced(
    r"\b(?:"
    + "|".join(
        sorted(
            (re.escape(w).replace(r"\ ", r"[ \t]+") for ws in EVENT_TYPES.values() for w in ws),
            key=len,
            reverse=True,
        )
    )
    + r")\b",
    re.IGNORECASE,
)
_TYPE_OF = {w: t for t, ws in EVENT_TYPES.items() for w in ws}

_CLAUSE_BREAK = compile_spaced(
    r"[;:]|,[ \t]|[ \t][—–-][ \t]|[ \t](?:after|before|while|as|when|whereas|although|though"
    r"|because|since|until|but|which|who|where|whose|even[ \t]+as)[ \t]",
    re.IGNORECASE,
)
# A clause that attaches to the event of the clause before it.
_ATTACHED = compile_spaced(
    r"[ \t]*(?:set|scheduled|due|held|hosted|planned|expected|taking[ \t]+place"
    r"|which[ \t]+(?:was|were|will[ \t]+be|are|is)[ \t]+(?:held|scheduled|set))\b",
    re.IGNORECASE,
)
_PLACE_NP = (
    r"(?:the[ \t]+)?(?:(?:north|south|east|west|central)[a-z]{0,8}[ \t]+)?"
    r"[A-Z][\w’'.-]{0,30}(?:[ \t]+(?:[A-Z][\w’'-]{0,30}|region|oblast|province|state"
    r"|district|county)){0,4}"
)
_PLACE_NP_RX = compile_spaced(_PLACE_NP)
_LEAD_THE = compile_spaced(r"the[ \t]+")
_POSSESSIVE_SPLIT = compile_spaced(r"(?<=[a-z])['’]s?[ \t]+")
_VENUE = compile_spaced(
    rf"\b(?:(?:held|hosted|taking[ \t]+place)[ \t]+)?(?P<prep>in|at)[ \t]+(?P<np>{_PLACE_NP})"
)
_SOFT_VENUE = compile_spaced(
    r"\b(?:near|outside|close[ \t]+to|on|along|at)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w’'-]{0,30}[ \t]+|[\w-]{1,20}[ \t]+){0,3}?"
    r"(?:border|frontier|side[ \t]+of[ \t]+the[ \t]+border|outskirts|river)"
    rf"(?:[ \t]+(?:of|with)[ \t]+(?:the[ \t]+)?{_PLACE_NP})?"
    rf"|\b(?:near|outside|close[ \t]+to)[ \t]+{_PLACE_NP}",
)
_UNNAMED = compile_spaced(
    r"\b(?:in|at)[ \t]+an?[ \t]+(?:undisclosed|secret|unknown|unnamed|secure)[ \t]+"
    r"(?:location|venue|place|site)\b",
    re.IGNORECASE,
)
# "air raid sirens", "strike warnings": a trigger word used as a modifier.
_MODIFIER_USE = compile_spaced(
    r"[ \t-]+(?:sirens?|shelters?|warnings?|alerts?|alarms?)\b", re.IGNORECASE
)
# "agreed on Istanbul as | the venue for the talks": the clause before names the venue.
_THE_VENUE = compile_spaced(r"[ \t]*the[ \t]+(?:venue|location|site)\b", re.IGNORECASE)
_CAPWORD = compile_spaced(r"\b[A-Z][\w’'-]{2,30}")
_ORDINAL = compile_spaced(
    r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|initial|final"
    r"|\d{1,2}(?:st|nd|rd|th))[ \t]+(?:(?P<round>round|session)\b"
    r"|(?:[\w-]+[ \t]+){0,2}?(?P<noun>talks|negotiations|discussions|meeting|summit)\b)",
    re.IGNORECASE,
)
_IN_A_WHILE = compile_spaced(
    r"[^,;]{0,60}?\b(?:in[ \t]+(?:over|more[ \t]+than|nearly|almost|about)?[ \t]*(?:[\w-]+[ \t]+)?"
    r"(?:days|weeks|months|years|decades)|since|ever)\b",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    "first": 1, "initial": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_DATE_RANK = {"date": 0, "weekday": 1, "relative": 2, "ordinal_day": 3}


def _clauses(text: str, sent: Sentence, times: tuple[TimeExpr, ...]) -> list[tuple[int, int]]:
    """Cut a sentence into clauses, never inside a time expression ("March 3, 2022")."""
    inside = starting_in(times, sent.start, sent.end)
    cuts = [sent.start]
    for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end):
        k = bisect.bisect_right(inside, m.start(), key=lambda t: t.start) - 1
        if k >= 0 and inside[k].start <= m.start() < inside[k].end:
            continue
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(sent.end)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]


def _venue_mentions(
    article: Article, sent_index: int, start: int, end: int,
    named: tuple[int, int] | None = None,
) -> tuple[list[Mention], list[tuple[int, int]], str | None]:
    """Named venues (as place mentions), the spans they use, and an unnamed/soft venue."""
    text = article.text
    venues: list[Mention] = []
    spans: list[tuple[int, int]] = []
    soft = _SOFT_VENUE.search(text, start, end)
    unnamed = _UNNAMED.search(text, start, end)
    venue_text = None
    if unnamed:
        venue_text = unnamed.group()
        spans.append(unnamed.span())
    elif soft:
        venue_text = soft.group()
    if soft:
        spans.append(soft.span())
    candidates: list[tuple[int, int]] = []
    for m in _VENUE.finditer(text, start, end):
        if soft and soft.start() <= m.start("np") < soft.end():
            continue
        candidates.append(m.span("np"))
    if named is not None:
        candidates.extend(m.span() for m in _PLACE_NP_RX.finditer(text, *named))
    seen: set[str] = set()
    for a, b in candidates:
        for sa, sb, place in _resolve_np(text, a, b):
            if place.id in seen:
                continue
            seen.add(place.id)
            venues.append(
                Mention(
                    source=article.source, start=sa, end=sb, text=text[sa:sb], kind="place",
                    name=place.name, sentence=sent_index, place_id=place.id,
                )
            )
            spans.append((sa, sb))
    return venues, spans, venue_text


def _named_as(place: Place, np: str) -> bool:
    return fold(place.name) == fold(np) or fold(place.name) == fold("the " + np)


def _resolve_np(text: str, a: int, b: int) -> Iterator[tuple[int, int, Place]]:
    """Resolve a place phrase; "Belarus’ Brest region" yields Belarus and Brest region."""
    np = text[a:b].rstrip(".")
    b = a + len(np)
    lead = _LEAD_THE.match(np)
    if lead:
        a += lead.end()
        np = np[lead.end() :]
    place = lookup(np) if np else None
    if place is not None and lead and place.kind == "city" and not _named_as(place, np):
        # "at the White House" is no city called so in translation (Casablanca): after
        # "the", a city must bear the name written.
        return
    if place is not None:
        yield a, b, place
        return
    # "Belarus’ Brest region": the possessive splits two places.
    parts = _POSSESSIVE_SPLIT.split(np, maxsplit=1)
    if len(parts) == 2:
        first = lookup(parts[0])
        if first is not None:
            yield a, a + len(parts[0]), first
        second_start = a + np.index(parts[1], len(parts[0]))
        second = lookup(parts[1])
        if second is not None:
            yield second_start, b, second
        return
    # Fall back to the longest leading run of words that is a place.
    words = list(re.finditer(r"\S+", np))
    for k in range(len(words) - 1, 0, -1):
        cand = np[: words[k - 1].end()]
        found = lookup(cand)
        if found is not None:
            yield a, a + len(cand), found
            return


def _parties(
    article: Article, sent_index: int, start: int, end: int, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Countries a clause names as actors: demonyms ("Russian") and place names ("Moscow")."""
    text = article.text
    out: list[Mention] = []
    seen: set[str] = set()
    for m in _CAPWORD.finditer(text, start, end):
        k = bisect.bisect_right(taken, (m.start(), len(text) + 1)) - 1
        if k >= 0 and taken[k][0] <= m.start() < taken[k][1]:
            continue
        word = m.group().rstrip("’'")
        demonym = demonym_place(word)
        place = demonym if demonym is not None else lookup(word) if len(word) >= 4 else None
        if place is None or place.country in seen:
            continue
        opening = m.start() == start or text[m.start() - 2 : m.start()] in {". ", '" '}
        if opening and demonym is None and place.name.lower() != word.lower():
            # A capitalised word opening the clause is only a place if the gazetteer knows
            # it exactly; common words at a sentence start ("Both", "Talks") are not.
            continue
        seen.add(place.country)
        out.append(
            Mention(
                source=article.source, start=m.start(), end=m.start() + len(word), text=word,
                kind="demonym" if demonym is not None else "place", name=place.name,
                sentence=sent_index, place_id=place.id,
            )
        )
    return out


def _ordinal(text: str, start: int, end: int) -> int | None:
    for m in _ORDINAL.finditer(text, start, end):
        word = m["n"].lower()
        n = _ORDINAL_WORDS.get(word)
        if n is None:
            digits = re.match(r"\d+", word)
            n = int(digits.group()) if digits else None
        if n is None:
            continue
        if not m["round"] and _IN_A_WHILE.match(text, m.end(), end):
            continue  # "the first talks in over two weeks": first in a while, not round 1
        return n
    return None


def _date_for(
    trigger: re.Match[str], clause: tuple[int, int], next_clause: tuple[int, int] | None,
    times: tuple[TimeExpr, ...], text: str,
) -> TimeExpr | None:
    def usable(t: TimeExpr, a: int, b: int) -> bool:
        return (
            a <= t.start < b and t.type in _DATE_RANK
            and not (t.anchor or "").startswith("start of")
        )

    def best(a: int, b: int) -> TimeExpr | None:
        cands = [t for t in starting_in(times, a, b) if usable(t, a, b)]
        if not cands:
            return None
        return min(
            cands,
            key=lambda t: (_DATE_RANK[t.type], min(abs(t.start - trigger.end()),
                                                   abs(trigger.start() - t.end))),
        )

    found = best(*clause)
    if found is None and next_clause is not None and _ATTACHED.match(text, next_clause[0]):
        found = best(*next_clause)
    return found


def extract_events(
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    times: tuple[TimeExpr, ...],
    config: Config,
) -> tuple[Event, ...]:
    """Return the event mentions of ``article``.

    >>> from discrep import Article, Config
    >>> from discrep._extract import extract
    >>> ex = extract(Article("Negotiators met in Istanbul on March 29, 2022 for a second "
    ...                      "round of talks."), Config())
    >>> [(e.text, e.type, e.date.text, [v.name for v in e.venues], e.ordinal) for e in ex.events]
    [('met', 'talks', 'March 29, 2022', ['Istanbul'], 2)]
    """
    text = article.text
    out: list[Event] = []
    people = sorted((m for m in mentions if m.kind in {"person", "organisation"}),
                    key=lambda m: m.start)
    for si, sent in enumerate(sentences):
        if sent.junk:
            continue
        in_sentence = starting_in(times, sent.start, sent.end)
        clauses = _clauses(text, sent, in_sentence)
        for ci, (a, b) in enumerate(clauses):
            triggers = list(_TRIGGER.finditer(text, a, b))
            if not triggers:
                continue
            nxt = clauses[ci + 1] if ci + 1 < len(clauses) else None
            by_type: dict[str, re.Match[str]] = {}
            for trig in triggers:
                if _MODIFIER_USE.match(text, trig.end(), b):
                    continue
                kind = _TYPE_OF.get(" ".join(trig.group().lower().split()))
                if kind is not None and kind not in by_type:
                    by_type[kind] = trig
            if not by_type:
                continue
            va, vb = a, b
            if nxt is not None and _ATTACHED.match(text, nxt[0]):
                vb = nxt[1]
            prev = clauses[ci - 1] if ci > 0 else None
            named = None
            if (
                prev is not None and _THE_VENUE.match(text, a)
                and text[prev[1] : a].strip().lower() == "as"
            ):
                named = prev
            venues, taken, venue_text = _venue_mentions(article, si, va, vb, named)
            times_here = [(t.start, t.end) for t in starting_in(in_sentence, a, b)]
            parties = _parties(article, si, a, b, sorted(taken + times_here))
            lo = bisect.bisect_left(people, a, key=lambda m: m.start)
            hi = bisect.bisect_left(people, b, lo=lo, key=lambda m: m.start)
            who = people[lo:hi]
            ordinal = _ordinal(text, a, b)
            for kind, trig in by_type.items():
                date = _date_for(trig, (a, b), nxt, in_sentence, text)
                out.append(
                    Event(
                        source=article.source, start=trig.start(), end=trig.end(),
                        text=trig.group(), type=kind, sentence=si, date=date,
                        venues=tuple(venues), venue_text=venue_text,
                        participants=tuple(who + parties),
                        ordinal=ordinal if kind == "talks" else None,
                    )
                )
    return tuple(out)
