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

import attrs

from discrep._config import Config, PlacesConfig
from discrep._extract.time import starting_in
from discrep._gazetteer import Place, demonym_place, lookup
from discrep._lexicon import ONCE_TYPES, compile_spaced, lowered, word_alternation
from discrep._model import Article, Event, Mention, Quantity, Sentence, TimeExpr
from discrep._normalize import fold

__all__ = ["EVENT_TYPES", "ONCE_TYPES", "extract_events"]


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
    "death": ("died", "dies", "death", "passed away", "found dead", "was dead"),
    "killing": (
        "killed", "killing", "slain", "slaying", "murdered", "murder", "fatal shooting",
        "deadly shooting", "fatally shot", "shot dead", "fatal stabbing",
    ),
    "sinking": ("sank", "sunk", "sinking", "scuttled"),
    "charge": ("charged", "indicted", "indictment"),
    "plea": ("pleaded guilty", "pleaded not guilty", "pleads guilty", "pled guilty", "guilty plea"),
    "trial": ("trial", "went on trial", "stood trial"),
    "verdict": (
        "convicted", "conviction", "acquitted", "acquittal", "verdict", "found guilty",
        "sentenced", "sentencing",
    ),
    "fire": ("blaze", "caught fire", "fire broke out", "arson", "set on fire", "set fire"),
    "crash": ("crash", "crashed", "collision", "collided", "derailed", "derailment"),
    "vote": ("vote", "voted", "ballot"),
    "resignation": ("resigned", "resignation", "stepped down", "quit"),
    "appointment": ("appointed", "appointment", "nominated", "sworn in"),
    "release": ("released", "freed", "release"),
    "signing": ("signed", "signing"),
    "sale": ("sold", "sale", "bought", "purchased", "acquired"),
    "birth": ("born",),
}
_PERSON_ONCE_TYPES = ONCE_TYPES - {"sinking"}

_TRIGGER_SOURCE = (
    r"\b" + word_alternation(w for ws in EVENT_TYPES.values() for w in ws) + r"\b"
)
_TRIGGER = compile_spaced(_TRIGGER_SOURCE, re.IGNORECASE)
#: The same matches in the lowered article (see ``lowered``): 2.7x faster on ECB+.
_TRIGGER_LOW = compile_spaced(_TRIGGER_SOURCE)
_TYPE_OF = {w: t for t, ws in EVENT_TYPES.items() for w in ws}

_CLAUSE_BREAK = compile_spaced(
    r"[;:]|,[ \t]|[ \t][—–-][ \t]|[ \t](?:after|before|while|as|when|whereas|although|though"
    r"|because|since|until|but|which|who|where|whose|even[ \t]+as)[ \t]",
    re.IGNORECASE,
)
#: The matches of ``_CLAUSE_BREAK`` in the lowered text (see ``lowered``), led by the
#: class of their first characters (the search skips to them in C) and the words as a
#: trie: 20 -> 12 ms over the clauses of the ECB+ sentences that hold a trigger.
_CLAUSE_BREAK_LOW = compile_spaced(
    r"[ \t;:,](?:(?<=[;:])|(?<=,)[ \t]|(?<=[ \t])(?:[—–-]|"
    + word_alternation(
        ("after", "before", "while", "as", "when", "whereas", "although", "though", "because",
         "since", "until", "but", "which", "who", "where", "whose", "even as")
    )
    + r")[ \t])"
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
# The three venue patterns are searched in every clause holding a trigger. Each opens with
# the class of its first letters and tells the word start by a lookbehind after it, so a
# search skips in C to those letters: a pattern opening with "\b" is tried at every
# position. The plain forms (tests/test_fast_paths_lk12.py holds them) open with
# r"\b(?:...)". These three and _CAPWORD over the clauses of the ECB+ corpus that hold a
# trigger: 23.5 -> 15.6 ms (interleaved A/B), the same matches.
_VENUE = compile_spaced(
    r"[htia](?<!\w.)(?:(?<=h)(?:eld|osted)[ \t]+(?:in|at)|(?<=t)aking[ \t]+place[ \t]+(?:in|at)"
    rf"|(?<=i)n|(?<=a)t)[ \t]+(?P<np>{_PLACE_NP})"
)
_SOFT_NEAR = r"(?<=n)ear|(?<=o)utside|(?<=c)lose[ \t]+to"
_SOFT_VENUE = compile_spaced(
    rf"[noca](?<!\w.)(?:(?:{_SOFT_NEAR}|(?<=o)n|(?<=a)long|(?<=a)t)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w’'-]{0,30}[ \t]+|[\w-]{1,20}[ \t]+){0,3}?"
    r"(?:border|frontier|side[ \t]+of[ \t]+the[ \t]+border|outskirts|river)"
    rf"(?:[ \t]+(?:of|with)[ \t]+(?:the[ \t]+)?{_PLACE_NP})?"
    rf"|(?:{_SOFT_NEAR})[ \t]+{_PLACE_NP})",
)
# case-insensitive: the class holds every letter IGNORECASE reads as i or a ("İ", "ı")
_UNNAMED = compile_spaced(
    r"[iIaA\u0130\u0131](?<!\w.)(?i:(?<=[iI\u0130\u0131])n|(?<=[aA])t)"
    r"(?i:[ \t]+an?[ \t]+(?:undisclosed|secret|unknown|unnamed|secure)[ \t]+"
    r"(?:location|venue|place|site))\b",
)
# "air raid sirens", "strike warnings": a trigger word used as a modifier.
_MODIFIER_USE = compile_spaced(
    r"[ \t-]+(?:sirens?|shelters?|warnings?|alerts?|alarms?|charges?|counts?|trials?|cases?"
    r"|suspects?|convictions?|investigations?|probe|inquiry|scenes?|weapons?|victims?)\b",
    re.IGNORECASE,
)
# ", 15," after a name: an age in apposition, no clause break.
_AGE_APPOSITION = compile_spaced(r",[ \t]+\d{1,3},")
# Between a noun trigger and a time that dates it, only a name, an age and prepositions
# ("the fatal shooting of Alex Brin, 15, on Saturday"); a verb between ("the death of
# Ann Lee continued on Wednesday") means the time dates something else.
_NOUN_TO_TIME = compile_spaced(
    r"(?:[ \t,]+(?:of|by|in|at|on|the|a|an|\d{1,3}|[A-Z][\w’'.-]*))*[ \t,]*\Z"
)
_NOUN_TRIGGERS = frozenset(
    {"death", "killing", "slaying", "murder", "sinking", "fatal shooting", "deadly shooting",
     "fatal stabbing", "sale", "conviction", "acquittal", "verdict", "sentencing", "trial",
     "arrest", "release", "appointment", "resignation", "crash", "collision", "signing",
     "guilty plea", "indictment"}
)
_RELATIVE_SUBJECT = compile_spaced(r"(?:,[ \t]*)?\bwho[ \t]+\Z")
_RELATIVE_START = compile_spaced(r"[ \t]*who\b")
# "agreed on Istanbul as | the venue for the talks": the clause before names the venue.
_THE_VENUE = compile_spaced(r"[ \t]*the[ \t]+(?:venue|location|site)\b", re.IGNORECASE)
#: r"\b[A-Z][\w’'-]{2,30}" opening with its class (a search skips to a capital in C):
#: 6.1 -> 4.0 ms over the clauses of the ECB+ corpus that hold a trigger, the same matches.
_CAPWORD = compile_spaced(r"[A-Z](?<!\w.)[\w’'-]{2,30}")
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
_DATE_RANK = {
    "date": 0, "month": 1, "weekday": 2, "relative": 3, "year": 4, "anaphor": 5, "ordinal_day": 6,
}
# What sank, who was killed, what was sold: the head noun after the trigger.
_OBJECT = compile_spaced(
    r"[ \t]+(?:of[ \t]+)?(?:(?:a|an|the|his|her|their|its|one|two|of)[ \t]+)*"
    # "shot by police": a passive agent, not what was shot
    r"(?![Bb]y[ \t])(?!(?:in|at|on|for|from|to|with|into|during|after|before|near|under|over"
    r"|today|yesterday|tonight|tomorrow)\b)"
    r"(?P<np>(?:[\w’'`-]+[ \t]+){0,3}?)(?P<head>[a-z][a-z-]{2,})"
    r"(?=[ \t]*(?:[,.;:\"'“”(]|\Z"
    r"|[ \t](?:that|which|who|in|on|at|for|from|with|after|before|under|as|off|near|by|during"
    r"|and|to)\b))",
)
# Events that happen to someone and take no object: what identifies them is who.
_INTRANSITIVE = frozenset({"death", "birth"})
#: The kinds of event an object identifies (what sank, who was killed, what was sold).
_OBJECT_TYPES = (ONCE_TYPES - _INTRANSITIVE) | {"sale"}
# A verb of its own between a verb trigger and a time ("killed in a shooting was revealed
# Thursday", "Police said Monday a man was killed"): the time dates that verb.
_OTHER_VERB = compile_spaced(
    r"\b(?:(?:was|were|is|are|has|have|had|will|would|been)[ \t]+"
    r"(?:(?:not|also|later|then|just|first|only|finally)[ \t]+)?"
    r"(?:[a-z]{2,}(?:ed|en|wn)|said|told|shot|found|held|hit|made|seen|struck|caught|left|sent"
    r"|brought|taken|given|kept|sold|bought|paid|lost|won|led|heard)"
    # "a reported $30 million", "the confirmed toll": a participle used as an adjective
    r"|(?<!\ba[ \t])(?<!\ban[ \t])(?<!\bthe[ \t])"
    r"(?:said|says|told|tells|reported|announced|revealed|confirmed|disclosed))\b",
    re.IGNORECASE,
)
# Trigger words that are verb forms without an "-ed" ending.
_VERB_FORMS = frozenset(
    {"met", "meet", "meets", "sank", "sunk", "slain", "sold", "bought", "born", "shot", "dies",
     "found", "sworn", "went", "stood", "quit", "freed"}
)
_OWN_AUX = compile_spaced(
    r"\b(?:(?:was|were|is|are|has|have|had|will|would|be|been|being|not|also|later|then|just"
    r"|first|only|finally)[ \t]+){1,4}\Z",
    re.IGNORECASE,
)
_PRONOUN = compile_spaced(r"\b(?:he|she|him|her)\b", re.IGNORECASE)
# The matches of r"\b(?:he|him|his)\b" and r"\b(?:she|her|hers)\b" under IGNORECASE,
# led by a class of their first letters ("ſ" too: IGNORECASE reads it as "s"), which the engine
# skips to in C: an IGNORECASE pattern is tried at every position (measured on ECB+:
# counting the pronouns 0.10 -> 0.05 s).
_HE = re.compile(r"[hH](?<!\w[hH])(?i:e|im|is)\b")
_SHE = re.compile(r"[sSſhH](?<!\w[sSſhH])(?i:(?<=s)he|(?<=h)ers?)\b")
#: ``_HE`` and ``_SHE`` in the lowered text (see ``lowered``): 12 -> 3 ms each over ECB+.
_HE_LOW = re.compile(r"h(?<!\w.)(?:e|im|is)\b")
_SHE_LOW = re.compile(r"[sh](?<!\w.)(?:(?<=s)he|(?<=h)ers?)\b")
#: ``_HE_LOW`` and ``_SHE_LOW`` in one scan: the group holds a match of ``_SHE_LOW`` and is
#: empty for one of ``_HE_LOW``. Each match is a whole word from its start to a boundary,
#: and no word is both, so the one scan finds the matches of the two: 17.5 -> 15.6 ms of
#: counting over the ECB+ articles (interleaved A/B).
_PRONOUNS_LOW = re.compile(r"[sh](?<!\w.)(?:(?<=h)(?:e|im|is)|((?<=s)he|(?<=h)ers?))\b")
_HE_WORDS = frozenset({"he", "him"})
_SHE_WORDS = frozenset({"she", "her"})
_QUOTE_TAIL = r"(?P<q>(?=\w)[^\"“”\n]{20,400}?(?<=\S))[\"”](?!\w)"
# A quotation: r'(?<![\w"“”])["“]' + _QUOTE_TAIL, its lookbehind tested after the opening
# mark (widened by it) so that the pattern opens with a character class and a search
# skips in C to the next quotation mark: 37 -> 15 ms over the ECB+ articles, the same
# matches (tests/test_fast_paths_extract.py).
# The quote's tail greedy: its characters hold no quotation mark or line break, so the one
# place it may end is before the first of those, which the greedy repeat runs to in C and
# the lazy one reached trying the closing mark at every character: the same matches,
# 14.5 -> 10.8 ms of the search over the ECB+ articles (interleaved A/B).
_QUOTE_TAIL_GREEDY = _QUOTE_TAIL.replace("{20,400}?", "{20,400}")
_QUOTE = compile_spaced(r"[\"“](?<![\w\"“”].)" + _QUOTE_TAIL_GREEDY)
_LEAD_IN = compile_spaced(r":\s*\Z")
_TIME_ONLY_CLAUSE = compile_spaced(
    r"[ \t]*(?:(?:then|and|but|so|later|earlier|on|in|at|by|since|during)\b[ \t,]*){0,3}\Z",
    re.IGNORECASE,
)
# "died at his home", "died ... at a hospice near his home": the kind of place it happened at
_SITE = compile_spaced(
    r"\bat[ \t]+(?P<det>a|an|the|his|her|their)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?P<site>nursing[ \t]+home|care[ \t]+home|medical[ \t]+cent(?:er|re)|home|hospice|hospital"
    r"|residence|house|apartment|clinic|hotel|motel|prison|jail)\b",
    re.IGNORECASE,
)
#: Runs of non-spaces, digits and word characters (compiled once: ``re.findall`` with a
#: pattern string looks it up in the module's cache on every call).
_NON_SPACE_RUN = re.compile(r"\S+")
_DIGIT_RUN = re.compile(r"\d+")
_WORD_RUN = re.compile(r"\w+")
_SITE_KINDS = {
    "home": "home", "residence": "home", "house": "home", "apartment": "home",
    "hospice": "hospice", "hospital": "hospital", "clinic": "hospital",
    "medical center": "hospital", "medical centre": "hospital", "nursing home": "care home",
    "care home": "care home", "hotel": "hotel", "motel": "hotel", "prison": "prison",
    "jail": "prison",
}



def _clauses(
    text: str, sent: Sentence, times: tuple[TimeExpr, ...], low: str | None = None
) -> list[tuple[int, int]]:
    """Cut a sentence into clauses, never inside a time expression ("March 3, 2022").

    ``low`` is ``lowered(text)``, if known: the breaks are searched there.
    """
    inside = starting_in(times, sent.start, sent.end)
    cuts = [sent.start]
    breaks = (
        _CLAUSE_BREAK.finditer(text, sent.start, sent.end) if low is None
        else _CLAUSE_BREAK_LOW.finditer(low, sent.start, sent.end)
    )
    for m in breaks:
        k = bisect.bisect_right(inside, m.start(), key=lambda t: t.start) - 1
        if k >= 0 and inside[k].start <= m.start() < inside[k].end:
            continue
        if _AGE_APPOSITION.match(text, m.start()) or _AGE_APPOSITION.search(
            text, max(sent.start, m.start() - 6), m.end()
        ):
            continue
        cuts.append(m.start())
        cuts.append(m.end())
    cuts.append(sent.end)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]


def _venue_mentions(
    article: Article, places: PlacesConfig, sent_index: int, start: int, end: int,
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
        for sa, sb, place in _resolve_np(places, text, a, b):
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


def _resolve_np(
    places: PlacesConfig, text: str, a: int, b: int
) -> Iterator[tuple[int, int, Place]]:
    """Resolve a place phrase; "Belarus’ Brest region" yields Belarus and Brest region."""
    np = text[a:b].rstrip(".")
    b = a + len(np)
    lead = _LEAD_THE.match(np)
    if lead:
        a += lead.end()
        np = np[lead.end() :]
    place = lookup(np, places) if np else None
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
        first = lookup(parts[0], places)
        if first is not None:
            yield a, a + len(parts[0]), first
        second_start = a + np.index(parts[1], len(parts[0]))
        second = lookup(parts[1], places)
        if second is not None:
            yield second_start, b, second
        return
    # Fall back to the longest leading run of words that is a place.
    words = list(_NON_SPACE_RUN.finditer(np))
    for k in range(len(words) - 1, 0, -1):
        cand = np[: words[k - 1].end()]
        found = lookup(cand, places)
        if found is not None:
            yield a, a + len(cand), found
            return


def _parties(
    article: Article, places: PlacesConfig, sent_index: int, start: int, end: int,
    taken: list[tuple[int, int]],
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
        demonym = demonym_place(word, places)
        place = demonym if demonym is not None else lookup(word, places) if len(word) >= 4 else None
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
            digits = _DIGIT_RUN.match(word)
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
    noun = " ".join(trigger.group().lower().split()) in _NOUN_TRIGGERS
    # Other verbs of the trigger's clause, found once and only when it has a time (an
    # attached next clause is the event's own: "..., which was held on Tuesday").
    verbs = [m.span() for m in _OTHER_VERB.finditer(text, *clause)] if (
        _verbal(trigger) and starting_in(times, *clause)) else []

    def usable(t: TimeExpr, a: int, b: int) -> bool:
        if noun and t.start >= trigger.end() and not _NOUN_TO_TIME.match(
            text[trigger.end() : t.start]
        ):
            return False
        if noun and t.end <= trigger.start() and text[t.end : trigger.start()].strip():
            return False  # only "the December 6 killing" dates a noun from before it
        if a == clause[0] and _verb_between(verbs, *_gap(text, trigger, t, a)):
            return False  # the time belongs to a verb nearer to it
        return (
            a <= t.start < b and t.type in _DATE_RANK
            and (t.anchor is None or t.anchor.kind != "start")
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


def _verbal(trigger: re.Match[str]) -> bool:
    """Tell a trigger that is a verb form ("killed", "sank", "pleaded guilty").

    A noun ("the shooting", "the earthquake") may be the subject of the verb whose time it
    takes ("The earthquake was recorded at 9:27 a.m. Sunday").
    """
    words = trigger.group().lower().split()
    return words[0] in _VERB_FORMS or any(w.endswith("ed") for w in words)


def _verb_between(verbs: list[tuple[int, int]], start: int, end: int) -> bool:
    """Tell whether one of ``verbs`` (sorted, non-overlapping spans) lies in [start, end)."""
    k = bisect.bisect_left(verbs, (start, -1))
    return k < len(verbs) and verbs[k][1] <= end


def _gap(
    text: str, trigger: re.Match[str], t: TimeExpr, clause_start: int
) -> tuple[int, int]:
    """Return where a verb of its own would take a time from a trigger.

    After the trigger, the words between ("killed ... was revealed Thursday"); before it,
    the clause up to the trigger ("Police said Monday a man was killed").
    """
    if t.start >= trigger.end():
        return trigger.end(), t.start
    # the trigger's own auxiliaries ("Ana Holm on Monday had been killed") are no other verb
    own = _OWN_AUX.search(text, max(clause_start, trigger.start() - 60), trigger.start())
    return clause_start, own.start() if own else trigger.start()


def _leading_time(
    text: str, clauses: list[tuple[int, int]], ci: int, times: tuple[TimeExpr, ...]
) -> TimeExpr | None:
    """Return the time of the clauses opening a sentence ("Later that year, he ...").

    Only when every clause before ``clauses[ci]`` is a time expression with at most a few
    function words around it ("Then, on November 18, it ...").
    """
    found: TimeExpr | None = None
    for a, b in clauses[:ci]:
        here = [t for t in starting_in(times, a, b) if t.type in _DATE_RANK and t.end <= b]
        if len(here) != 1:
            if not here and _TIME_ONLY_CLAUSE.match(text, a, b):
                continue
            return None
        t = here[0]
        if not (_TIME_ONLY_CLAUSE.match(text, a, t.start) and not text[t.end : b].strip(" \t,")):
            return None
        found = t
    return found


def _possessive(m: Mention) -> bool:
    return m.text.endswith(("'s", "’s", "'", "’"))


def _named_in_quotes(text: str, m: Mention) -> bool:
    """Tell a name in quotes ("known as 'Deep Throat'"): a nickname, not who it happened to."""
    return text[m.start - 1 : m.start] in {"'", '"', "‘", "“", "`"}


def _relative_head(
    text: str, clause: tuple[int, int], sent: Sentence, persons: list[Mention]
) -> list[Mention] | None:
    """Return the person a relative clause hangs on ("J. Doe, who ... died"), if one does."""
    relative = _RELATIVE_SUBJECT.search(text, max(sent.start, clause[0] - 8), clause[0]) or (
        _RELATIVE_START.match(text, clause[0], clause[1]))
    if not relative:
        return None
    return [m for m in persons if sent.start <= m.start and m.end <= clause[0]][-1:]


def _clause_people(
    trig: re.Match[str], clause: tuple[int, int], persons: list[Mention], verb: bool
) -> list[Mention]:
    """Return the people of the clause but possessives, save "Doe's death" (a noun)."""
    return [
        m for m in persons
        if clause[0] <= m.start < clause[1]
        and (not _possessive(m) or (not verb and 0 <= trig.start() - m.end <= 2))
    ]


def _who(
    text: str, trig: re.Match[str], clause: tuple[int, int], sent: Sentence,
    people: list[Mention], protagonist: tuple[Mention, frozenset[str]] | None,
) -> list[Mention]:
    """Return the people a once-only event happens to.

    In order: the person a relative clause hangs on ("J. Doe, who ... died in 1972"); the
    people of the clause, but not a possessive owning someone else ("Doe's wife died")
    unless right before a noun trigger ("Doe's death"); the subject of the sentence; for a
    pronoun ("he pleaded guilty"), the person the article has named most so far, if the
    pronoun is the one the article uses most (a "she" in a story about a man is someone
    else).
    """
    persons = [m for m in people if m.kind == "person" and not _named_in_quotes(text, m)]
    verb = trig.group().lower() not in _NOUN_TRIGGERS
    head = _relative_head(text, clause, sent, persons) if verb else None
    if head is not None:
        return head
    keys = _clause_people(trig, clause, persons, verb)
    if keys:
        return keys
    subject = [m for m in persons if sent.start <= m.start < trig.start() and not _possessive(m)]
    if subject:
        return subject[:1]
    pronoun = _PRONOUN.search(text, clause[0], trig.start() + 1)
    if protagonist is not None and pronoun and pronoun.group().lower() in protagonist[1]:
        return [protagonist[0]]
    return []


def _keys(
    text: str, trig: re.Match[str], kind: str, clause: tuple[int, int], amounts: list[Quantity]
) -> tuple[str, ...]:
    """Return what identifies the event whatever its date, but its people (``Event.keys``)."""
    keys = []
    # the kind first: only these kinds take an object, the match is made for them alone
    obj = _OBJECT.match(text, trig.end(), clause[1]) if kind in _OBJECT_TYPES else None
    if obj:
        keys.append(f"object:{obj['head']}")
    if kind == "sale":  # a price identifies a sale
        keys += [f"amount:{q.value:g}:{q.unit}" for q in amounts
                 if clause[0] <= q.start < clause[1] and q.unit and not q.vague]
    return tuple(dict.fromkeys(keys))


def _quotes(
    article: Article, sentences: tuple[Sentence, ...], times: tuple[TimeExpr, ...],
    min_words: int,
) -> Iterator[Event]:
    """Yield an event per quoted sentence: repeated by two sources, it is one utterance.

    A quote of fewer than ``min_words`` words (``TimeConfig.min_quote_words``) is not one.

    Its date is a time of the quoting sentence outside the quote, else the time closing
    a lead-in sentence ("..., admitting in 2006:").
    """
    text = article.text
    for m in _QUOTE.finditer(text):
        words = _WORD_RUN.findall(m["q"].casefold())
        si = _sentence_index(sentences, m.start("q"))
        if len(words) < min_words or si < 0:
            continue
        sent = sentences[si]
        outside = [t for t in starting_in(times, sent.start, sent.end)
                   if not m.start() <= t.start < m.end() and t.type in _DATE_RANK]
        if not outside and si > 0 and _LEAD_IN.search(text, sentences[si - 1].start, sent.start):
            prev = sentences[si - 1]
            outside = [t for t in starting_in(times, prev.start, prev.end)
                       if t.type in _DATE_RANK][-1:]
        yield Event(
            source=article.source, start=m.start("q"), end=m.end("q"), text=m["q"],
            type="quote", sentence=si, date=outside[0] if outside else None,
            keys=("quote:" + " ".join(words),),
        )


def _sentence_index(sentences: tuple[Sentence, ...], offset: int) -> int:
    k = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return k if k >= 0 and offset < sentences[k].end else -1


def _triggers(
    text: str, a: int, b: int, found: list[re.Match[str]] | None = None
) -> dict[str, re.Match[str]]:
    """Return the first trigger of each event type in clause ``[a, b)``.

    ``found``: the sentence's triggers, when each lies inside one clause (see
    :func:`_sentence_triggers`); otherwise the clause is searched.
    """
    by_type: dict[str, re.Match[str]] = {}
    in_clause = (
        _TRIGGER.finditer(text, a, b) if found is None
        else (t for t in found if a <= t.start() and t.end() <= b)
    )
    for trig in in_clause:
        if _MODIFIER_USE.match(text, trig.end(), b):
            continue
        kind = _TYPE_OF.get(" ".join(trig.group().lower().split()))
        if kind is not None and kind not in by_type:
            by_type[kind] = trig
    return by_type


def _triggers_in(text: str, low: str | None, sent: Sentence) -> list[re.Match[str]]:
    """Return ``_TRIGGER``'s matches in ``sent``, found in ``low`` (``lowered(text)``) if given.

    Each is then matched again in ``text`` at the same place, for its words as written.
    """
    if low is None:
        return list(_TRIGGER.finditer(text, sent.start, sent.end))
    found: list[re.Match[str]] = []
    for t in _TRIGGER_LOW.finditer(low, sent.start, sent.end):
        m = _TRIGGER.match(text, t.start(), sent.end)
        if m is None:  # not found (see ``lowered``): search the text itself
            return list(_TRIGGER.finditer(text, sent.start, sent.end))
        found.append(m)
    return found


def _sentence_triggers(
    found: list[re.Match[str]], clauses: list[tuple[int, int]]
) -> list[re.Match[str]] | None:
    """Return the triggers of a sentence (``found``) if each lies inside one clause.

    Each clause ends before a break (a space or punctuation), so a trigger the search of a
    clause finds is the one the search of the sentence finds at that place, unless one of
    the sentence's runs over a break: then None, and each clause is searched by itself.
    Searching clause by clause was a third of event extraction on the ECB+ corpus.

    Both are in order and apart (the triggers a search found, the clauses cut at the
    breaks), so the one clause that may hold a trigger is the first ending after its
    start: the two are walked together, not every clause tried for every trigger by a
    generator (tests/test_fast_paths_lk12.py holds that plain form).
    """
    k, n = 0, len(clauses)
    for t in found:
        start = t.start()
        while k < n and clauses[k][1] <= start:
            k += 1
        if k == n or clauses[k][0] > start or t.end() > clauses[k][1]:
            return None
    return found


@attrs.frozen
class _Sentence:
    """What the events of one sentence are read from."""

    index: int
    sent: Sentence
    times: tuple[TimeExpr, ...]
    clauses: list[tuple[int, int]]
    people: list[Mention]
    protagonist: tuple[Mention, frozenset[str]] | None
    amounts: list[Quantity]
    places: PlacesConfig
    #: Its triggers, searched once (None: search each clause).
    triggers: list[re.Match[str]] | None = None


def _clause_venues(
    article: Article, ctx: _Sentence, ci: int, nxt: tuple[int, int] | None
) -> tuple[list[Mention], list[tuple[int, int]], str | None]:
    """Return the venues of clause ``ci`` (and of an attached next clause)."""
    text = article.text
    a, b = ctx.clauses[ci]
    vb = nxt[1] if nxt is not None and _ATTACHED.match(text, nxt[0]) else b
    prev = ctx.clauses[ci - 1] if ci > 0 else None
    named = None
    if prev is not None and _THE_VENUE.match(text, a) and text[prev[1] : a].strip().lower() == "as":
        named = prev
    return _venue_mentions(article, ctx.places, ctx.index, a, vb, named)


def _site(text: str, trig: re.Match[str], clause: tuple[int, int]) -> tuple[int, int, str] | None:
    """Return where a death happened, as (start, end, kind): "at his home" is a home."""
    m = _SITE.search(text, trig.end(), clause[1])
    if m is None:
        return None
    kind = _SITE_KINDS[" ".join(m["site"].lower().split())]
    return m.start("det"), m.end(), kind


def _clause_events(article: Article, ctx: _Sentence, ci: int) -> Iterator[Event]:
    text = article.text
    a, b = ctx.clauses[ci]
    by_type = _triggers(text, a, b, ctx.triggers)
    if not by_type:
        return
    nxt = ctx.clauses[ci + 1] if ci + 1 < len(ctx.clauses) else None
    venues, taken, venue_text = _clause_venues(article, ctx, ci, nxt)
    times_here = [(t.start, t.end) for t in starting_in(ctx.times, a, b)]
    parties = _parties(article, ctx.places, ctx.index, a, b, sorted(taken + times_here))
    who = [m for m in ctx.people if a <= m.start < b]
    # only a talks event takes an ordinal: the case-insensitive search over the clause was
    # ~0.5% of a first-sight compare of 840 ECB+ articles, made for every type
    ordinal = _ordinal(text, a, b) if "talks" in by_type else None
    for kind, trig in by_type.items():
        date = _date_for(trig, (a, b), nxt, ctx.times, text)
        if date is None:
            date = _leading_time(text, ctx.clauses, ci, ctx.times)
        patients = _who(text, trig, (a, b), ctx.sent, ctx.people, ctx.protagonist) if (
            kind in _PERSON_ONCE_TYPES) else []
        yield Event(
            source=article.source, start=trig.start(), end=trig.end(),
            text=trig.group(), type=kind, sentence=ctx.index, date=date,
            venues=tuple(venues), venue_text=venue_text,
            participants=tuple(who + parties),
            ordinal=ordinal if kind == "talks" else None,
            keys=_keys(text, trig, kind, (a, b), ctx.amounts),
            patients=tuple(patients),
            site=_site(text, trig, (a, b)) if kind in {"death", "killing"} else None,
        )


def _protagonists(
    text: str, persons: list[Mention], sentences: tuple[Sentence, ...], low: str | None = None
) -> list[tuple[Mention, frozenset[str]] | None]:
    """Return, per sentence, whom a "he" or "she" there most likely means.

    That is the person named most before it (by surname, as first named), with the
    pronouns the article uses most (counted in ``low``, ``lowered(text)``, if given).
    """
    if low is None:
        he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    else:
        found = _PRONOUNS_LOW.findall(low)
        she = len(found) - found.count("")
        he = len(found) - she
    pronouns = _HE_WORDS if he > she else _SHE_WORDS if she > he else frozenset()
    named: dict[str, int] = {}
    first: dict[str, Mention] = {}
    top: str | None = None
    # the answer changes only when another surname becomes the most named
    current: tuple[Mention, frozenset[str]] | None = None
    out: list[tuple[Mention, frozenset[str]] | None] = []
    k, n = 0, len(persons)
    for sent in sentences:
        while k < n and persons[k].start < sent.start:
            m = persons[k]
            words = m.name.split()
            surname = words[-1].casefold() if words else ""
            count = named[surname] = named.get(surname, 0) + 1
            first.setdefault(surname, m)
            if top is None or count > named[top]:
                top = surname
                current = (first[top], pronouns)
            k += 1
        out.append(current)
    return out


def extract_events(
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    times: tuple[TimeExpr, ...],
    config: Config,
    quantities: tuple[Quantity, ...] = (),
) -> tuple[Event, ...]:
    """Return the event mentions of ``article``.

    >>> from discrep import Article, Config
    >>> from discrep._extract import extract
    >>> ex = extract(Article("Negotiators met in Istanbul on March 29, 2022 for a second "
    ...                      "round of talks."), Config())
    >>> [(e.text, e.type, e.date.text, [v.name for v in e.venues], e.ordinal) for e in ex.events]
    [('met', 'talks', 'March 29, 2022', ['Istanbul'], 2)]
    >>> ex = extract(Article("Later that year, in 1967, Mr. Hale sold the farm."), Config())
    >>> [(e.type, e.date.text, e.keys) for e in ex.events]
    [('sale', '1967', ('object:farm',))]
    """
    text = article.text
    out: list[Event] = []
    people = sorted((m for m in mentions if m.kind in {"person", "organisation"}),
                    key=lambda m: m.start)
    persons = [m for m in people if m.kind == "person"]
    money = sorted((q for q in quantities if q.unit), key=lambda q: q.start)
    low = lowered(text)
    protagonists = _protagonists(text, persons, sentences, low)
    for si, sent in enumerate(sentences):
        protagonist = protagonists[si]
        found = [] if sent.junk else _triggers_in(text, low, sent)
        if not found:
            continue  # no clause of a sentence without a trigger holds one
        in_sentence = starting_in(times, sent.start, sent.end)
        clauses = _clauses(text, sent, in_sentence, low)
        lo = bisect.bisect_left(people, sent.start, key=lambda m: m.start)
        hi = bisect.bisect_left(people, sent.end, lo=lo, key=lambda m: m.start)
        ctx = _Sentence(
            si, sent, in_sentence, clauses, people[lo:hi],
            protagonist,
            money[bisect.bisect_left(money, sent.start, key=lambda q: q.start) : bisect.bisect_left(
                money, sent.end, key=lambda q: q.start)],
            config.places, _sentence_triggers(found, clauses),
        )
        for ci in range(len(ctx.clauses)):
            out.extend(_clause_events(article, ctx, ci))
    out.extend(_quotes(article, sentences, times, config.time.min_quote_words))
    return tuple(sorted(out, key=lambda e: e.start))
