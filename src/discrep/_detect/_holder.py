"""Whose figure it is and of what: the holder tests of the quantity check.

Two figures of one measure ("yards", "GB", "$") are one fact only when they belong to the
same holder and count the same thing. A sports story gives every player's yards, a
product story every model's memory: unit and noun agreement alone is no evidence there.
This module reads, for each figure, from the words of its own sentence:

- **holders**: the names its clause ascribes the figure to. The names before it in its
  clause ("Dana Kell scored 23", "Vesna Oro's 14 points"; a new clause starts at "and",
  "but", "while", a comma or a semicolon directly before a name, so in "Kell scored 14
  and Oro had 11" the 11 is Oro's), a name in a relative clause after it ("the $9 million
  deal that Oro got"), and not the names of a reporting frame ("Reuters said") or a
  place after a preposition ("in Norden"). Names are the linked entity ids when the
  entity is named in two or more articles, else the folded name.
- **qualifier**: the noun a measure qualifies ("4GB RAM", "64GB of flash storage",
  "70 yards rushing" -> "ram", "storage", "rushing"), or, for a part of a whole
  ("two of their best players"), the whole's noun.
- **statistic**: the statistic a verb or phrase makes of a measure ("rushed for 63
  yards" -> "rushing", "102 yards from scrimmage" -> "scrimmage"): two statistics are
  two facts, but one statistic is no evidence of one holder (every player rushes).
- **named**: the measure a copula names ("the total repair time will be twelve days",
  "downtime was one hour" -> {repair, time}, {downtime}): two measures named with no
  word in common are two facts.
- **proposed**: the figure is asked for or put on the table, not settled ("an offer of
  $160 million", "prosecutors sought 12 years", "a $5 million bid"): an offer and the
  deal someone got are two facts.
- **size**: the size class of the product the clause speaks of ("the 11-inch model").
- **product**: the product the article last named with that size class ("new 11-inch and
  13-inch MacBook Air models ... The 13-inch models"): two products named differently
  are two holders.
- **whole**: the figure is the whole of "N of M" ("10 of the team's first 17 points",
  "28 of his 68 punches"): the whole is not the same fact as a figure counted alone.
- **crowded**: its sentence gives another, different figure in the same unit ("4GB RAM,
  64GB flash storage"): such a figure list is ambiguous, and a figure of it is one fact
  with another only when a holder or qualifier agrees.
- **base**: what a percentage is a share of ("70 percent of web services" -> {web,
  service}); a later item of a figure list shares its first item's ("70 percent of web
  services in Norden, and 60 percent in Varna"): two shares of bases with no content word
  in common are two measures.

:func:`apart` says two figures are not one fact. Text is scanned in windows around the
figure (``QuantityConfig.window_chars``), with linear regular expressions only.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from discrep._lexicon import FUNCTION_WORDS, MONTHS, WEEKDAYS
from discrep._model import Mention, Quantity

__all__ = [
    "NOBODY", "Holder", "ProductIndex", "SizedProduct", "apart", "holder", "listed_units",
    "one_source_only", "possessive", "product_index", "product_of", "pronoun_holds",
    "sized_products",
]


@attrs.frozen
class Holder:
    """Whose figure it is and of what, as its own sentence says."""

    #: Entity ids (or folded names) of the names the figure's clause ascribes it to.
    names: frozenset[str] = frozenset()
    #: The noun the measure qualifies, or the whole's noun for a part of a whole.
    qualifier: str | None = None
    #: The size class of the product spoken of ("11-inch").
    size: str | None = None
    #: Whether the figure is the whole of "N of M".
    whole: bool = False
    #: Whether its sentence gives another, different figure in the same unit.
    crowded: bool = False
    #: Whether the figure is a difference: "13 more than the record".
    difference: bool = False
    #: Whether the figure names a size class ("the 15-inch"), not a measure of a thing.
    designator: bool = False
    #: The role a span of time is spent in: "four seasons as the team's director".
    role: str | None = None
    #: Whether a measure is a part of a named sum: "$28 million of the purchase price".
    part: bool = False
    #: Nationalities the clause gives its subject: "a Nordish climber fell 200 metres".
    nationality: frozenset[str] = frozenset()
    #: Whether the figure is in the article's lead (headline, dateline, first sentence):
    #: the lead's figures are of the story's main fact.
    lead: bool = False
    #: The statistic a verb or phrase makes of a measure: "rushed for 63 yards" -> rushing.
    statistic: str | None = None
    #: The last words of the noun a copula gives the measure of: "repair time will be".
    named: frozenset[str] = frozenset()
    #: Whether the figure is offered, asked for or sought, not settled: "an offer of $9m".
    proposed: bool = False
    #: The person a subject pronoun of a clause naming no holder stands for ("He had 24
    #: points"): another person's figure is another fact, but a pronoun read right is no
    #: evidence that two figures are one.
    pronoun: frozenset[str] = frozenset()
    #: The content words (singular) of the base a percentage is a share of, its own or,
    #: for a later item of a figure list, the list's: "60 percent in Varna" of "70 percent
    #: of web services in Norden, and 60 percent in Varna" -> {web, service}.
    base: frozenset[str] = frozenset()
    #: The product its size class belongs to, as the article names it with that size
    #: ("13-inch MacBook Air models" -> ("macbook", "air")): folded words.
    product: tuple[str, ...] | None = None


#: The holder of a figure whose sentence says nothing of it.
NOBODY = Holder()


def apart(a: Holder, b: Holder, placed: bool = False) -> bool:
    """Whether two figures' holders say they are not one fact.

    ``placed`` tells that the two figures are located in one place ("in Norden"): in a
    figure list, that agrees as a holder does.

    >>> apart(Holder(names=frozenset({"person:kell"})), Holder(names=frozenset({"o"})))
    True
    >>> apart(Holder(qualifier="ram"), Holder(qualifier="storage"))
    True
    >>> apart(Holder(names=frozenset({"o"})), Holder())
    False
    """
    if _kinds_differ(a, b) or _descriptions_differ(a, b):
        return True
    if a.crowded or b.crowded:  # a figure list: one fact only if something agrees
        return not (placed or _described_alike(a, b))
    return False


def _kinds_differ(a: Holder, b: Holder) -> bool:
    """Tell whether one is a size class, or only one is a whole, part, difference or role."""
    # "the 15-inch" is a model, not a measure like "0.71 inches thick"; "17" of "10 of the
    # first 17 points" is not "scored 23 points"; "13 more than" is not "13"
    if a.designator or b.designator or a.role != b.role or a.part != b.part:
        return True
    if a.proposed != b.proposed:
        return True  # "an offer of $160 million" is not "the $90 million deal he got"
    if a.nationality and b.nationality and not a.nationality & b.nationality:
        return True  # "an Ostrian climber" is not "a Nordish climber"
    return a.whole != b.whole or a.difference != b.difference


def _descriptions_differ(a: Holder, b: Holder) -> bool:
    """Both name holders and none is shared, or both name a qualifier or size, not one.

    A holder a pronoun stands for counts as named here (:attr:`Holder.pronoun`).
    """
    names_a, names_b = a.names or a.pronoun, b.names or b.pronoun
    if names_a and names_b and not names_a & names_b:
        return True
    if a.qualifier is not None and b.qualifier is not None and a.qualifier != b.qualifier:
        return True
    if _measures_differ(a, b):
        return True
    if a.base and b.base and a.base.isdisjoint(b.base):
        return True  # "60 percent" of web services is not "82 percent" of voice traffic
    if a.size is not None and b.size is not None and a.size != b.size:
        return True
    return _products_differ(a.product, b.product)


def _products_differ(a: tuple[str, ...] | None, b: tuple[str, ...] | None) -> bool:
    """Whether two products are named differently: neither name holds the other.

    "MacBook Air" is not "MacBook Pro"; "Apple MacBook Pro" and "Pro" may be one.

    >>> _products_differ(("corvid", "air"), ("corvid", "pro"))
    True
    >>> _products_differ(("norv", "corvid", "pro"), ("corvid", "pro"))
    False
    """
    if a is None or b is None:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    return not any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _measures_differ(a: Holder, b: Holder) -> bool:
    """Both are given a statistic, or a measure by a copula, and these differ."""
    if a.statistic is not None and b.statistic is not None and a.statistic != b.statistic:
        return True  # "rushed for 63 yards" is not "102 yards from scrimmage"
    # "the repair time will be twelve days" is not "downtime was one hour"
    return bool(a.named and b.named and a.named.isdisjoint(b.named))


def _described_alike(a: Holder, b: Holder) -> bool:
    """Whether a holder or a qualifier is given by both and shared."""
    return bool(a.names & b.names) or (a.qualifier is not None and a.qualifier == b.qualifier)


def alike(a: Holder, b: Holder, placed: bool = False) -> bool:
    """Whether two figures share a holder, qualifier, size or (``placed``) place.

    A product's size class must then be the same: in a story of several models, "the
    15-inch starts at $1,799" is not "$2,199 for the quad-core model", whatever the
    product name they share.

    >>> alike(Holder(size="13"), Holder(size="13")), alike(Holder(), Holder())
    (True, False)
    >>> alike(Holder(size="15", lead=True), Holder(lead=True))
    False
    """
    if a.size != b.size and (a.size is not None or b.size is not None):
        return False
    if placed or (a.lead and b.lead) or _described_alike(a, b):
        return True
    return a.size is not None and a.size == b.size


# --- reading a figure's holder ------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’]*(?:-[A-Za-z0-9]+)*|\d[\w.]*|[^\w\s]")
# A clause opener right before a name: that name starts a new clause (its subject).
_OPENER = re.compile(
    r"(?:[;:—–(]|,|\b(?:and|but|while|whereas|then|when|after|before|because|who|which|"
    r"where|as|until|since))\s*(?:the\s+)?(?-i:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"\s*(?:[Tt]he\s+)?(?:[a-z]+\s+){0,2}")
_SAYING = re.compile(
    r"^\W{0,3}\s*(?:has\s+|had\s+|have\s+)?(?:said|says|say|told|tells|reported|reports|"
    r"announced|stated|confirmed|estimated|added)\b",
    re.IGNORECASE,
)
_REPORTED_BY = re.compile(r"\b(?:according\s+to|told|by)\s+(?:the\s+)?$", re.IGNORECASE)
# A place after these is where something is, not whose: "in Norden", "Varna, Norden".
_PLACED = re.compile(
    r"(?:\b(?:in|at|near|from|of|to|into|outside|off|across|through|towards?|on)\s+"
    r"(?:the\s+)?|,\s*)$",
    re.IGNORECASE,
)
# A name after these is an object ("a pass from Oro", "with the Tigers"), not the holder.
_OBJECT = re.compile(
    r"\b(?:from|to|against|over|with|by|for|of|at|in|on|into|than|past|beat|beating|"
    r"defeated|passed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DIFFERENCE = re.compile(
    r"\s+(?:more|fewer|less|higher|lower|greater|bigger|smaller|longer|shorter)\s+than\b",
    re.IGNORECASE,
)
# A past-tense verb right before a later name of the clause: the name is its object
# ("Kell outscored Oro"); a title ("free agent Oro") or a present verb is not told apart.
_AFTER_VERB = re.compile(r"\b[a-z]{2,}ed\s+$")
# Up to three words of the owned noun phrase, no conjunction or past-tense verb among them.
_OWNED = re.compile(
    r"^(?:['’]s?)?\s+(?:(?!(?:and|or|but|to|then|who|which)\b|[a-z]+ed\b)[\w-]+\s+){0,3}"
    r"(?:of\s+)?$"
)
_APPOSED = re.compile(
    r"^(?:\s+[a-z]+){0,3},\s*(?:(?:located|lying|situated|about|some|nearly|roughly|just|"
    r"only)\s+){0,2}$"
)
_LENGTHS = frozenset({"mile", "kilometre", "metre", "foot", "yard", "nautical mile"})
_ROLE = re.compile(
    r"\s*(?:seasons?|years?|months?|weeks?|terms?|games?)\s+as\s+"
    r"(?:(?:the|an?|its|his|her|their|[\w’']+['’]s?)\s+){0,2}(?P<role>[a-z]+)",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"\s*of\s+(?:the|its|his|her|their|this|that)\b", re.IGNORECASE)
# A nationality adjective before a common noun: "a Nordish climber", "Ostrian troops".
_NATIONALITY = re.compile(r"\b([A-Z][a-z]+(?:ish|ese|ian|ean))\s+(?=[a-z])")
_CLAUSE_BREAK = re.compile(r"[;:—–]|\b(?:and|but|while|whereas)\s")
# A sentence opening with a fronted clause: its subject comes after the comma.
_FRONTED = re.compile(
    r"\s*(?:Despite|After|Before|While|Though|Although|Without|Having|By)\b[^,;:]*$"
)
_INDEFINITE = re.compile(r"\ban?\s+$", re.IGNORECASE)
_ADJECTIVAL = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean)")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_RELATIVE = re.compile(r"^\s*(?:[\w-]+\s+){0,3}(?:that|which|whom|by)\s+(?:the\s+)?$")
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|all|none|most)"
)
_DETERMINERS = r"(?:(?:the|an?|his|her|its|their|our|[\w’']+['’]s?)\s+){0,2}"
_WHOLE = re.compile(
    rf"(?:\b\d[\d,.]*|\b{_NUMBER_WORD})(?:[ -]of[ -]|-for-){_DETERMINERS}"
    r"(?:(?:first|next|last|past|final|remaining)\s+)?$",
    re.IGNORECASE,
)


def _whole(left: str) -> bool:
    """Whether ``_WHOLE`` matches ``left`` ("3 of the", "7-for-").

    An ASCII ``left`` without "of" or "-for-" is passed over without the search (half of
    them on ECB+; the search, tried at every word of ``left``, was an eighth of
    :func:`holder`'s own time). A non-ASCII one is always searched: re.IGNORECASE
    matches "ſ" to "s", "K" (the Kelvin sign) to "k", which ``str.lower`` does not.
    """
    if left.isascii():
        low = left.lower()
        if "of" not in low and "-for-" not in low:
            return False
    return _WHOLE.search(left) is not None


_PART = re.compile(
    rf"^(?:\s*of\s+|-of-|-for-){_DETERMINERS}(?:(?:first|next|last|past|final|remaining|best|top)\s+)?"
    rf"(?:[\d,.]+\s+|{_NUMBER_WORD}\s+)?(?P<noun>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)",
    re.IGNORECASE,
)
_SIZE_CLASS = re.compile(r"\d-inch$|\d[\"”]$", re.IGNORECASE)
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?)(?:[ -]inch\b|-in\b|[\"”])", re.IGNORECASE)
_NOT_QUALIFIER = FUNCTION_WORDS | frozenset(
    {
        "last", "next", "this", "each", "per", "ago", "apiece", "more", "less", "total",
        "option", "options", "upgrade", "model", "models", "version", "then",
        "now", "only", "just", "away", "long", "tall", "high", "wide", "deep", "thick",
        "old", "later", "earlier", "before", "since", "so", "far", "yesterday", "today",
        "tonight", "year", "years", "week", "weeks", "month", "months", "day", "days",
        "season", "seasons", "game", "games", "time", "times", "inch", "inches",
        "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest", "north-east", "north-west", "south-east", "south-west",
        *MONTHS, *WEEKDAYS,
    }
)  # fmt: skip
# Verbs that end the noun phrase after a measure ("a 4.2 magnitude quake struck").
_VERB_STOP = frozenset(
    {
        "struck", "shook", "hit", "fell", "rose", "won", "lost", "took", "made", "came",
        "went", "was", "were", "is", "are", "has", "had", "have", "will", "would", "can",
        "could", "may", "might", "must", "should", "did", "does", "do", "got", "left",
        "ran", "said", "says", "sold", "paid", "gave", "became", "began",
    }
)  # fmt: skip
_QUALIFIER_WORD = re.compile(r"[a-z][a-z-]*|[A-Z]{2,6}")
_NAME_KINDS = frozenset({"person", "organisation"})


def holder(
    text: str,
    q: Quantity,
    sentence: tuple[int, int],
    mentions: Sequence[Mention],
    entity_id: Callable[[Mention], str],
    listed: frozenset[str],
    window: int,
    *,
    lead: bool = False,
    measure: str | None = None,
    listed_spans: Sequence[tuple[int, int]] = (),
    products: ProductIndex | Callable[[], ProductIndex] | None = None,
) -> Holder:
    """Return whose figure ``q`` is and of what, from its sentence.

    ``mentions`` are the names near the figure in text order, ``entity_id`` maps one to
    its linked id, ``listed`` are the sentence's :func:`listed_units` and ``window`` bounds
    how far the clause is read (``2 * window`` characters before the figure). ``lead``
    tells the figure is in its article's lead, ``measure`` names what a sum of money
    measures ("damage", "bail"), when known: it is the sum's qualifier. ``products`` is
    the article's :func:`product_index` (or a function giving it, called only for a figure
    with a size class): the figure's size class names its product.
    ``listed_spans`` are the spans of the sentence's figures in the figure's unit, in text
    order, when that unit is listed: a later item of the list shares the base of a
    percentage before it.

    >>> from discrep import quantities
    >>> s = "The small model has 4GB RAM and 64GB of flash storage."
    >>> q = quantities(s)[0]
    >>> h = holder(s, q, (0, len(s)), (), str, listed_units(quantities(s)), 90)
    >>> (h.qualifier, h.crowded)
    ('ram', True)
    """
    lo, hi = sentence
    left = text[max(lo, q.start - 2 * window) : q.start]
    right = text[q.end : min(hi, q.end + window)]
    size = _size(text, q, lo, hi, window)
    return Holder(
        names=frozenset(_names(text, q, lo, hi, mentions, entity_id)) or _NONE,
        qualifier=measure or _qualifier(q, right) if q.unit is not None else _part_noun(right),
        statistic=_statistic(left, right) if q.unit is not None else None,
        size=size,
        product=_product(products, size, min(hi, q.end + window)),
        whole=_whole(left),
        crowded=q.unit in listed,
        difference=_DIFFERENCE.match(right) is not None,
        designator=q.unit == "inch" and _SIZE_CLASS.search(q.text) is not None,
        lead=lead,
        role=_role(text[q.start : min(hi, q.end + window)]),
        part=q.unit is not None and _PART_OF.match(right) is not None,
        nationality=_nationality(left),
        proposed=_proposed(left, right),
        named=(_named(left) if q.unit is not None and measure is None else _NONE) or _NONE,
        base=(_base(text, q, right, listed_spans, window) if q.unit in _SHARES else _NONE)
        or _NONE,
    )


#: The empty set a holder's fields share (a frozenset, even an empty one, is an object the
#: garbage collector walks: issue 14).
_NONE: frozenset[str] = frozenset()


def _names(
    text: str, q: Quantity, lo: int, hi: int, mentions: Sequence[Mention],
    entity_id: Callable[[Mention], str],
) -> Iterator[str]:
    """Yield the ids of the names the figure's clause ascribes it to."""
    before_q = [m for m in mentions if lo <= m.start and m.end <= q.start]
    owner = _owner(text, q, before_q)
    if owner is not None:  # "Oro's 14 points", "Oro's record of 2,116"
        yield entity_id(owner)
        return
    for m in _clause(text, q, lo, before_q):
        yield entity_id(m)
    yield from _placed_subject(text, q, before_q, entity_id)
    yield from _after(text, q, lo, hi, mentions, entity_id)


def _after(
    text: str, q: Quantity, lo: int, hi: int, mentions: Sequence[Mention],
    entity_id: Callable[[Mention], str],
) -> Iterator[str]:
    """Yield a holder named after the figure: a relative clause's, or a fronted clause's."""
    after = [m for m in mentions if q.end <= m.start < hi]
    for m in after:
        if _RELATIVE.match(text[q.end : m.start]):  # "the $9 million deal that Oro got"
            yield entity_id(m)
            break
    # a fronted clause is short: the test reads at most 180 characters of the sentence
    fronted = q.start - lo <= 180 and _FRONTED.match(text, lo, q.start) is not None
    for m in after if fronted else ():
        if m.kind != "demonym" and "," in text[q.end : m.start]:
            yield entity_id(m)  # "Despite rushing for 352 yards, the Tigers lost": any kind
            break


def _clause(text: str, q: Quantity, lo: int, before_q: Sequence[Mention]) -> list[Mention]:
    """Return the names of the figure's clause that can hold it."""
    clause: list[Mention] = []
    for m in before_q:
        if m.kind not in _NAME_KINDS:
            continue
        before = text[max(lo, m.start - 40) : m.start]
        if not _holds(text, m, before, q.start) or possessive(text, m):
            continue  # "intercepted Kell's pass": Kell's pass, not the figure's holder
        if _opens(before, m.start - lo <= 40):
            clause = []  # a new subject: "Kell had 14 and Oro had 11"
        elif clause and _AFTER_VERB.search(before):
            continue  # an object: "Kell outscored Oro"
        clause.append(m)
    return clause


def possessive(text: str, m: Mention) -> bool:
    """Whether a name is a possessive ("Kell's", "Kell’"): it determines another noun."""
    return m.text.endswith(("'s", "’s", "'", "’")) or text.startswith(("'s ", "’s ", "' ", "’ "),
                                                                      m.end)


# A subject pronoun; what may not stand between it and a figure of its clause.
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_NOT_ITS_CLAUSE = re.compile(
    r"[;:—–()]|\b(?:who|whom|whose|which|that|while|whereas|but|when|after|before|because)\b",
    re.IGNORECASE,
)
# A pronoun right after these is a subordinate clause's subject ("When he left, the team
# scored 20 points"), not the subject of the clause after it.
_SUBORDINATE = re.compile(
    r"\b(?:when|whenever|after|before|because|while|if|as|since|until|though|although|once"
    r"|where|that)\s+$",
    re.IGNORECASE,
)


def pronoun_holds(text: str, q: Quantity, lo: int) -> bool:
    """Whether a subject pronoun ("he", "she") of the figure's clause holds the figure.

    ``lo`` is the sentence's start. The pronoun comes before the figure in its sentence,
    with no clause break or relative word between ("He had 24 points and seven rebounds"),
    is not the subject of a subordinate clause ("When he left, the team scored 20") and
    is not the frame of a report ("He said the storm killed 40").

    >>> s = "He had caught nine passes for 80 yards."
    >>> pronoun_holds(s, Quantity("80 yards", 30, 38, 80.0, "yard", "=", 80.0, 80.0), 0)
    True
    >>> s = "He said the storm killed 40 people."
    >>> pronoun_holds(s, Quantity("40", 24, 26, 40.0, None, "=", 40.0, 40.0), 0)
    False
    """
    start = max(lo, q.start - 200)
    last = None
    for found in _SUBJECT_PRONOUN.finditer(text, start, q.start):
        last = found
    if last is None or _SAYING.match(text[last.end() : q.start]):
        return False
    if _SUBORDINATE.search(text, max(lo, last.start() - 12), last.start()):
        return False
    return _NOT_ITS_CLAUSE.search(text, last.end(), q.start) is None


def _owner(text: str, q: Quantity, before: Sequence[Mention]) -> Mention | None:
    """Return the name owning the figure by a possessive: "Oro's 14", "Oro's record of 9"."""
    if not before:
        return None
    m = before[-1]
    glued = m.text.endswith(("'s", "’s", "'", "’"))
    between = text[m.end : q.start]
    if not glued and not between.startswith(("'s ", "’s ", "' ", "’ ")):
        return None
    return m if _OWNED.match(between) else None


def _placed_subject(
    text: str, q: Quantity, before: Sequence[Mention], entity_id: Callable[[Mention], str]
) -> Iterator[str]:
    """Yield the place a distance is of: "Norden village, nine kilometres from the border".

    The name may be of any kind: a village's name is often read as a person's.
    """
    if q.unit not in _LENGTHS or not before:
        return
    if _APPOSED.match(text[before[-1].end : q.start]):
        yield entity_id(before[-1])


def _opens(before: str, whole: bool) -> bool:
    """Whether a name starts a clause: after an opener, or (``whole``) the sentence start.

    At most two lower-case words may come between ("while starting centre Oro").
    """
    if _OPENER.search(before) is not None:
        return True
    return whole and _SENTENCE_START.fullmatch(before) is not None


def _holds(text: str, m: Mention, before: str, limit: int) -> bool:
    """Whether a name before a figure can hold it (not a source, location or modifier)."""
    after = text[m.end : min(limit, m.end + 24)]
    if _SAYING.match(after) or _REPORTED_BY.search(before) or _INDEFINITE.search(before):
        return False  # "Reuters said", "according to Reuters", "a Norden man"
    if _ADJECTIVAL.fullmatch(m.text) and _LOWER_NEXT.match(after):
        return False  # "Nordish climbers": a nationality, not a holder
    if _OBJECT.search(before):
        return False
    return not (m.kind == "place" and _PLACED.search(before))


#: What every match of ``_NATIONALITY`` ends with (it has no flag: ASCII letters only).
_NATIONALITY_ENDS = ("ish", "ese", "ian", "ean")


def _nationality(left: str) -> frozenset[str]:
    """Return the nationalities ``_NATIONALITY`` finds in the figure's clause (folded).

    ``left`` holding none of the endings a match needs is passed over without cutting its
    clause and searching it (most figures: the clause's breaks were found by a search of
    the whole window; 25.1 -> 6.9 ms over the windows of every figure of ECB+).
    """
    if not any(end in left for end in _NATIONALITY_ENDS):
        return _NONE
    return frozenset(w.lower() for w in _NATIONALITY.findall(_clause_text(left))) or _NONE


def _clause_text(left: str) -> str:
    """Return the end of ``left`` after its last clause break (the figure's own clause)."""
    ends = [m.end() for m in _CLAUSE_BREAK.finditer(left)]
    return left[ends[-1] :] if ends else left


def _role(text: str) -> str | None:
    """Return the role of "N seasons as the team's director" (the figure starts ``text``)."""
    m = _ROLE.match(text, len(_NUMBER_START.match(text).group()))  # type: ignore[union-attr]
    return m.group("role").lower() if m else None


_NUMBER_START = re.compile(r"\S*")


def _part_noun(right: str) -> str | None:
    """Return the whole's noun when the figure is the part of "N of (the) M things"."""
    m = _PART.match(right)
    if m is None:
        return None
    words = [w for w in m.group("noun").lower().split() if w not in FUNCTION_WORDS]
    return _singular(words[-1]) if words else None


def _qualifier(q: Quantity, right: str) -> str | None:
    """Return the noun a measure qualifies: "of" + its noun phrase, or the noun after it."""
    if q.unit is None or q.unit in _TIME_UNITS:
        return None
    words = _WORD.findall(right)[:8]
    if words and words[0].lower() == "of":
        words = words[1:]
    head = None
    for w in words:
        stop = _stops_phrase(w)
        if stop and not (head is None and w.lower() in {"the", "a", "an"}):
            break
        if not stop and _QUALIFIER_WORD.fullmatch(w):
            head = w.lower().rsplit("-", 1)[-1]
    return _singular(head) if head else None


# Units of a share of a base: "70 percent of web services".
_SHARES = frozenset({"percent"})
_OF_BASE = re.compile(r"\s*(?:(?:share|stake|portion|proportion)\s+)?of\s+", re.IGNORECASE)
# The end of a gap between two items of a figure list: "..., and", "... or", ",".
_LIST_LINK = re.compile(r"(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)$", re.IGNORECASE)
_HARD_BREAK = re.compile(r"[;:—–()\[\]\"“”.!?]")
# How far back a list item looks for the base: items and characters between two items.
_LIST_STEPS = 8
_LIST_GAP = 80


def _base(
    text: str, q: Quantity, right: str, listed: Sequence[tuple[int, int]], window: int
) -> frozenset[str]:
    """Return the content words of what a percentage is a share of ("N percent of X").

    A figure with no "of" of its own, in a figure list, takes the base of the item before
    it when only a list link separates them: "70 percent of web services in Norden, and
    60 percent in Varna" (60 percent of web services), "55 percent of voice traffic in
    Norden, 52 percent in Varna, and 82 percent in Ostra" (all of voice traffic). A gap
    with a sentence break, a bracket or over ``_LIST_GAP`` characters ends the list.
    """
    own = _base_words(right)
    if own or not listed:
        return own
    end = q.start
    earlier = [span for span in listed if span[1] <= q.start]
    for start, stop in reversed(earlier[-_LIST_STEPS:]):
        gap = text[stop:end]
        if len(gap) > _LIST_GAP or _HARD_BREAK.search(gap) or not _LIST_LINK.search(gap):
            return frozenset()
        found = _base_words(text[stop : stop + window])
        if found:
            return found
        end = start
    return frozenset()


def _base_words(right: str) -> frozenset[str]:
    """Return the content words of "of X" opening ``right`` (singular), up to its end."""
    m = _OF_BASE.match(right)
    if m is None:
        return frozenset()
    out: set[str] = set()
    for w in _WORD.findall(right, m.end(), m.end() + 60)[:8]:
        if _stops_phrase(w):
            if not out and w.lower() in FUNCTION_WORDS:
                continue  # "of the", "of its"
            break
        if _QUALIFIER_WORD.fullmatch(w):
            out.add(_singular(w))
    return frozenset(out)


# "rushed for 63 yards", "caught eight passes for 66 yards": the verb names the statistic.
_STAT_VERB = re.compile(
    r"\b(?P<verb>rush(?:ed|es|ing)?|ran|runs|running|pass(?:ed|ing)|thr(?:ew|ows?|owing)"
    r"|caught|catch(?:es|ing)?|receiv(?:ed|es|ing))\s+(?:[\w,-]+\s+){0,3}?for\s+$",
    re.IGNORECASE,
)
_STAT_AFTER = re.compile(
    r"\s+(?:(?P<scrimmage>from\s+scrimmage)|(?P<total>of\s+total\s+offen[cs]e)"
    r"|(?P<purpose>all[- ]purpose)|(?P<rushing>rushing)|(?P<passing>passing)"
    r"|(?P<receiving>receiving))\b",
    re.IGNORECASE,
)
_STAT_OF_VERB = {"ru": "rushing", "ra": "rushing", "pa": "passing", "th": "passing",
                 "ca": "receiving", "re": "receiving"}  # fmt: skip


def _statistic(left: str, right: str) -> str | None:
    """Return the statistic a measure is: "rushing", "passing", "receiving", "scrimmage"."""
    after = _STAT_AFTER.match(right)
    if after is not None:
        return after.lastgroup
    if not left.endswith(("for ", "for\n", "for\t")):
        return None  # the verb's "for" comes right before the figure
    verb = _STAT_VERB.search(left[-60:])
    return _STAT_OF_VERB[verb.group("verb")[:2].lower()] if verb is not None else None


# "the total repair time will be", "downtime was": the noun a copula gives the measure of.
_COPULA = re.compile(
    r"(?:^|\s)((?:[a-z][a-z-]*\s+)?[a-z][a-z-]*)\s+(?:is|was|are|were|will\s+be|would\s+be"
    r"|could\s+be|has\s+been|had\s+been|have\s+been|stood\s+at|stands\s+at)\s+$"
)


_COPULA_KEYS = (" is ", " was ", " are ", " were ", " be ", " been ", " at ")


def _named(left: str) -> frozenset[str]:
    """Return the content words of the noun a copula right before the figure names."""
    tail = left[-12:]
    if not left.endswith(" ") or not any(k in tail for k in _COPULA_KEYS):
        return frozenset()
    m = _COPULA.search(left[-50:])
    if m is None:
        return frozenset()
    words = m.group(1).split()
    if words[-1] in FUNCTION_WORDS:
        return frozenset()  # "it was", "there were", "which is": no noun named
    return frozenset(words) - FUNCTION_WORDS


# Words that put a figure on the table rather than settle it: an offer, a bid, a demand.
_PROPOSAL = (
    r"(?:offer(?:s|ed|ing)?|propos(?:al|als|ed|es|ing)|bids?|bidding|asking|sought"
    r"|seek(?:s|ing)?|demand(?:s|ed|ing)?)"
)
_PROPOSED_BEFORE = re.compile(rf"\b{_PROPOSAL}\b(?:(?![,;:.!?]).)*$", re.IGNORECASE)
_PROPOSED_AFTER = re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{_PROPOSAL}\b", re.IGNORECASE)


_PROPOSAL_KEYS = ("offer", "propos", "bid", "asking", "sought", "seek", "demand")


def _proposed(left: str, right: str) -> bool:
    """Whether the figure's clause offers, asks for or seeks it ("an offer of $9 million").

    The patterns are searched only where a key word occurs (a cheap substring test).
    """
    near = (left[-60:] + right[:40]).lower()
    if not any(k in near for k in _PROPOSAL_KEYS):
        return False
    return bool(_PROPOSED_BEFORE.search(left[-60:]) or _PROPOSED_AFTER.match(right))


def _stops_phrase(word: str) -> bool:
    """Whether a word ends the noun phrase after a measure (a name or "i5" goes on)."""
    low = word.lower()
    if not (_QUALIFIER_WORD.fullmatch(word) or word[0].isupper() or any(c.isdigit() for c in word)):
        return True  # punctuation
    if low in _VERB_STOP or (low.endswith("ed") and len(low) > 4):
        return True  # a verb: "a 4.2 magnitude quake struck"
    return low in _NOT_QUALIFIER or _singular(low) in _NOT_QUALIFIER


def _size(text: str, q: Quantity, lo: int, hi: int, window: int) -> str | None:
    """Return the size class the clause speaks of: the nearest "N-inch" before, else after.

    An ASCII clause holding neither "inch", "-in" nor a double quote names none, and is
    passed over without the searches (most clauses: ``_SIZE`` was a twelfth of
    :func:`holder`'s time). A non-ASCII one is always searched: re.IGNORECASE matches
    "ſ", "K" (the Kelvin sign), "İ" and "ı" to ASCII letters, which ``str.lower`` does not.
    """
    clause = text[max(lo, q.start - 2 * window) : min(hi, q.end + window)]
    if clause.isascii() and '"' not in clause:
        low = clause.lower()
        if "inch" not in low and "-in" not in low:
            return None
    best = None
    for m in _SIZE.finditer(text, max(lo, q.start - 2 * window), q.start):
        best = m.group(1)
    if best is None:
        after = _SIZE.search(text, q.end, min(hi, q.end + window))
        best = after.group(1) if after is not None else None
    if best is not None and q.unit == "inch":
        return None  # the figure is itself a size
    return best


# A size class and the product's name after it: "13-inch MacBook Air", "15-inch Corvid Pros"
# (words with a capital letter, "iPad" too, or a model number).
_SIZED_PRODUCT = re.compile(
    r"\b(\d+(?:\.\d+)?)(?:[ -]inch\b|-in\b|[\"”])[ \t]+"
    r"([a-z]{0,2}[A-Z][\w-]*(?:[ \t]+(?:[a-z]{0,2}[A-Z][\w-]*|\d+)){0,3})"
)
# A size coordinated before it names the same product: "13- and 15-inch", "11-inch and 13-inch".
_SIZE_BEFORE = re.compile(
    r"\b(\d+(?:\.\d+)?)(?:[ -]inch|-in|[\"”])?[ \t]*-?[ \t]*(?:and|or|&|,)[ \t]*$",
    re.IGNORECASE,
)
_NOT_PRODUCT = frozenset(w.casefold() for w in (*MONTHS, *WEEKDAYS))

#: Where an article names a product with its size classes: start, sizes, folded name.
SizedProduct = tuple[int, frozenset[str], tuple[str, ...]]


def sized_products(text: str) -> tuple[SizedProduct, ...]:
    """Return the products an article names with a size class, in text order.

    >>> [(at, sorted(sizes), name) for at, sizes, name
    ...  in sized_products("Its 13- and 15-inch Corvid Pros keep the old display.")]
    [(4, ['13', '15'], ('corvid', 'pro'))]
    """
    if "inch" not in text and '"' not in text and "”" not in text:
        return ()
    out = []
    for m in _SIZED_PRODUCT.finditer(text):
        words = [w.casefold() for w in m.group(2).split()]
        while words and words[-1] in _NOT_PRODUCT:
            words.pop()
        while words and words[0] in FUNCTION_WORDS:
            words.pop(0)  # "13" The ...": a closing quote, not a size class of a product
        if not words:
            continue
        words[-1] = _singular(words[-1])
        sizes, start = {m.group(1)}, m.start()
        for _ in range(3):  # "11-, 13- and 15-inch": a few coordinated sizes at most
            before = _SIZE_BEFORE.search(text, max(0, start - 24), start)
            if before is None:
                break
            sizes.add(before.group(1))
            start = before.start()
        out.append((start, frozenset(sizes), tuple(words)))
    return tuple(out)


#: The products an article names, by size class: their starts and names, in text order.
ProductIndex = Mapping[str, tuple[list[int], list[tuple[str, ...]]]]


def product_index(products: Iterable[SizedProduct]) -> ProductIndex:
    """Index an article's :func:`sized_products` by size class, for :func:`product_of`."""
    out: dict[str, tuple[list[int], list[tuple[str, ...]]]] = {}
    for start, sizes, name in products:
        for size in sizes:
            starts, names = out.setdefault(size, ([], []))
            starts.append(start)
            names.append(name)
    return out


def product_of(index: ProductIndex, size: str | None, before: int) -> tuple[str, ...] | None:
    """Return the product last named with ``size`` before offset ``before``, if any.

    "The 13-inch models start at $1,199" after "new 11-inch and 13-inch MacBook Air
    models": the 13-inch model is the MacBook Air.

    >>> index = product_index(sized_products("New 11-inch and 13-inch Corvid Air models."))
    >>> product_of(index, "13", 60), product_of(index, "15", 60), product_of(index, "13", 2)
    (('corvid', 'air'), None, None)
    """
    if size is None or size not in index:
        return None
    starts, names = index[size]
    k = bisect.bisect_left(starts, before)
    return names[k - 1] if k else None


def _product(
    products: ProductIndex | Callable[[], ProductIndex] | None, size: str | None, before: int
) -> tuple[str, ...] | None:
    """Return :func:`product_of`, reading the article's products only for a size class."""
    if size is None or not products:
        return None
    return product_of(products() if callable(products) else products, size, before)


def lead_ends(sentences: Iterable[Any], count: int = 3) -> int:
    """Return where an article's lead ends: after its first ``count`` analysed sentences.

    The lead (headline, dateline, first sentence) states the story's main fact.
    """
    seen = 0
    for s in sentences:
        if not s.junk:
            seen += 1
            if seen == count:
                return int(s.end)
    return 1 << 62


def listed_units(figures: Iterable[Quantity]) -> frozenset[str]:
    """Return the units in which a sentence gives two or more different figures.

    Durations are left out ("married two weeks before ... a week later" is no list).
    Computed once per sentence, so a run-on list of figures costs linear time.

    >>> from discrep import quantities
    >>> sorted(listed_units(quantities("It has 4GB RAM, 64GB storage and a 2GHz chip.")))
    ['gigabyte']
    """
    values: dict[str, set[tuple[float, float]]] = {}
    for f in figures:
        if f.unit is not None and f.unit not in _UNCROWDED:
            values.setdefault(f.unit, set()).add((f.low, f.high))
    return frozenset(unit for unit, seen in values.items() if len(seen) > 1)


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_UNCROWDED = _TIME_UNITS


@functools.lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


# --- a conflict needs two sources ---------------------------------------------------------


def one_source_only(
    a: Any, b: Any, same_sentence: Callable[[Any], Iterable[Any]],
    agree: Callable[[Any, Any], bool],
) -> bool:
    """Whether a conflict of ``a`` and ``b`` is only a difference inside one article.

    It is when ``a``'s article states, in ``a``'s sentence, another figure that agrees with
    ``b`` (or ``b``'s article one agreeing with ``a``): "the Orioles ($140-150 million) and
    Nationals ($160 million)" against the same two offers reported elsewhere.
    """
    for x, y in ((a, b), (b, a)):
        if any(f is not x and agree(f, y) for f in same_sentence(x)):
            return True
    return False
