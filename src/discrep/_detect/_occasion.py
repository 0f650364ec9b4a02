"""Is it the same occasion? What a figure's clause says about when and over what it holds.

Two figures with the same unit and noun still state two facts when their clauses place
them on two occasions or over two spans. The quantity check asks :func:`same_occasion`
before it weighs any other evidence. These things are read from the figure's own clause,
and its game from its paragraph:

- **background**: the clause dates the figure by a month or a year ("a quake struck in
  September, injuring 40", "the tsunami that killed 168,000 in 2004") while the article
  dates its own event by a day ("on Sunday", "today"). Such a figure is about another
  occasion: it is compared only with another article's background figure whose date
  agrees, never with the story's own figure.
- **scope**: an aggregate ("this season", "for his career", "all-time", "a career-high")
  is not one game's figure; "per run", "a carry", "$25-per-share" and "averaging" make a
  rate, not a count; "faces up to 75 years" or "could get up to" is a possible maximum,
  not the sentence handed down; an "option", "upgrade" or "configurable to" capacity, or
  "up to 16 GB", is not the base specification; "a 12-year-old" is an age, not a
  duration; "four straight points", "three games in a row" is a streak, a part of a
  game's or a season's total. Figures compare only within one scope.
- **copy**: a figure in brackets right after another figure ("600 metres (2,000 feet)",
  "$US1 million ($1.52 million)") converts it: the original is compared, not the copy.
- **trading day**: a share price ("to close at $46.64") is one day's: the day its sentence
  names and the day's change given with it ("dropped $2.49 ... to close at") key it, so
  prices of two named days, or after two different changes, are two facts.
- **which event**: an order marker on an event noun ("the first earthquake", "the latest
  tremor", "another blast", "an aftershock") says the article reports several events of
  a kind; a figure of one is not compared with a figure of an event placed otherwise in
  the order or, then, given another magnitude. "The quake struck ..." takes the event of
  the sentence before it.
- **game**: a game's own figure (points, rebounds, yards, goals, ...) is of the game whose
  final score its paragraph names ("a 91-73 victory", "beat Varna 3-1"), or, when its
  paragraph names none, any game the article named before it. Two figures whose games
  share no final score are of two games.

>>> from discrep import Article, Config
>>> from discrep._extract import extract
>>> ex = extract(Article("He averaged 5.2 yards a carry.", "a"), Config())
>>> occasion_of(ex, ex.quantities[0], article_time(ex)).scope
'rate:carry'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

import attrs

from discrep._model import DatePoint, Extraction, Quantity, TimeExpr

__all__ = [
    "Occasion", "article_scores", "article_time", "occasion_of", "same_occasion", "sorted_times",
]


@attrs.frozen
class Occasion:
    """When and over what a figure holds, as its clause says it."""

    #: "career", "season", "high", "possible", "option", "age" or "rate:<noun>"; None for
    #: a figure of one occasion stated plainly.
    scope: str | None = None
    #: Whether the figure converts the figure just before it (in brackets).
    copy: bool = False
    #: Whether its clause dates it to another, coarser time than the article's event.
    background: bool = False
    #: That date, when the text gives one (None for "last summer").
    anchor: DatePoint | None = None
    #: A share price's trading day, when its sentence names one ("Tuesday", "May 4").
    day: DatePoint | None = None
    #: A share price's change that day, given with it ("fell $2.49 to close at $46.64"):
    #: its low and high value and unit.
    change: tuple[float, float, str | None] | None = None
    #: Which of several events of a kind the figure is of, by its order: "1" for "the first
    #: earthquake", "2", ..., "later" ("the latest tremor", "another blast", "an
    #: aftershock"), "earlier" ("the previous attack"); None when the text does not say.
    order: str | None = None
    #: The magnitudes its event is given ("the first earthquake measuring 7.6 magnitude").
    magnitudes: frozenset[float] = frozenset()
    #: The final scores (higher first) of the games a game's own figure may be of.
    game: frozenset[tuple[int, int]] = frozenset()


PLAIN = Occasion()


def same_occasion(a: Occasion, b: Occasion) -> bool:
    """Whether two figures may state one fact as far as their occasions tell.

    >>> same_occasion(Occasion(scope="season"), Occasion())
    False
    >>> same_occasion(Occasion(background=True, anchor=DatePoint(2004)),
    ...               Occasion(background=True, anchor=DatePoint(2004, 12)))
    True
    >>> same_occasion(Occasion(game=frozenset({(91, 73)})), Occasion(game=frozenset({(108, 70)})))
    False
    """
    if a.copy or b.copy or a.scope != b.scope or a.background != b.background:
        return False
    if not (_same_trading_day(a, b) and _same_event(a, b)):
        return False
    if a.game and b.game and a.game.isdisjoint(b.game):
        return False  # "a 91-73 victory" and "a 108-70 rout": two games
    if a.anchor is None or b.anchor is None:
        return True
    return not a.anchor.disagrees(b.anchor)


def _same_event(a: Occasion, b: Occasion) -> bool:
    """Whether two figures may be of one event as far as their events' order tells.

    An order marker ("the first earthquake") says the article reports several events of
    the kind: the figure is then compared only with a figure of an event that is not
    given another place in the order ("the latest tremor", "the second quake") nor, when
    both events are given one, another magnitude. Without an order on either side,
    magnitudes part nothing: agencies often give one quake two.
    """
    if a.order is None and b.order is None:
        return True
    if a.order is not None and b.order is not None and not _orders_agree(a.order, b.order):
        return False
    return not (a.magnitudes and b.magnitudes and a.magnitudes.isdisjoint(b.magnitudes))


def _orders_agree(x: str, y: str) -> bool:
    """Whether two places in an order may be one: "2" and "later" may, "1" and "later" not."""
    if x == y:
        return True
    if "earlier" in (x, y):
        return "later" not in (x, y)
    if "later" in (x, y):
        return (y if x == "later" else x) != "1"
    return False


def _same_trading_day(a: Occasion, b: Occasion) -> bool:
    """Whether two share prices may be of one trading day: no named day or change differs.

    A closing price and the change it closed on ("dropped $2.49 to close at $46.64") are
    one day's figures: another day's change ("sagged $2.56 to finish at $44.27") makes
    another day's price, whatever the prices.
    """
    if a.day is not None and b.day is not None and a.day.disagrees(b.day):
        return False
    x, y = a.change, b.change
    return x is None or y is None or x[2] != y[2] or (x[0] < y[1] and y[0] < x[1])


# --- the article's own time ----------------------------------------------------------------


def sorted_times(ex: Extraction) -> tuple[list[TimeExpr], list[int]]:
    """Return an article's times sorted by start, and their starts (for bisection)."""
    ordered = sorted(ex.times, key=lambda t: t.start)
    return ordered, [t.start for t in ordered]


_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night"
    r"|days?\s+ago)\b",
    re.IGNORECASE,
)


def _fine(t: TimeExpr) -> bool:
    """Whether a time names a day ("Sunday", "Dec. 27", "today"), not a month or year."""
    p = t.point
    if p is not None and (p.day is not None or p.weekday is not None):
        return True
    return t.type == "relative" and _DAY_WORDS.search(t.text) is not None


_COARSE_RELATIVE = re.compile(
    r"\b(?:year|month|summer|winter|spring|autumn|fall|season|decade)\b", re.IGNORECASE
)


def _coarse(t: TimeExpr) -> bool:
    """Whether a time names only a month or a year ("September", "2004", "last year")."""
    p = t.point
    if p is not None:
        return p.day is None and p.weekday is None and (p.year or p.month) is not None
    if t.type in ("month", "year"):
        return True
    return t.type == "relative" and _COARSE_RELATIVE.search(t.text) is not None


def article_time(ex: Extraction) -> bool:
    """Whether the article dates its own event by a day.

    That is the date of the first dated event (the lead), else the article's reference
    date. Only then does a month or a year in a figure's clause mark another occasion.
    """
    for e in ex.events:
        if e.date is not None:
            return _fine(e.date)
    return ex.reference_date is not None


# --- one figure ----------------------------------------------------------------------------

# Where a clause ends: the figure's clause is cut at these.
_BREAK = re.compile(r"[;:—–()\[\]\"“”]|,\s|\s-{1,2}\s")
# A clause that starts with a relative word is another event's ("..., which hit in 2002").
_RELATIVE = re.compile(
    r"\s*(?:which|who|whom|whose|where|when|that|as\s+well\s+as)\b", re.IGNORECASE
)
# An explicit date after these words bounds a period rather than dating the figure.
_PERIOD = re.compile(
    r"(?:since|from|after|until|till|before|by|through|to|and)\s+$|-$", re.IGNORECASE
)
# A sentence that goes on with the one before it ("He was sentenced to 12 years.").
_GOES_ON = re.compile(r"\s*(?:he|she|they|it|his|her|their|its|then|later)\b", re.IGNORECASE)
# Coarse references to another time that the time extractor leaves out.
_COARSE_WORDS = re.compile(
    r"\blast\s+(?:summer|winter|spring|fall|autumn|season|year|decade)\b"
    r"|\bin\s+the\s+(?:1[89]|20)\d0s\b",
    re.IGNORECASE,
)
#: A scope's name, key words (one must occur for its pattern to be searched), pattern.
_Scopes = tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...]
# Scopes read in the figure's clause (cut at commas too), with an opening phrase of the
# sentence ("Through 14 games this season, ..."); first match wins.
_CLAUSE_SCOPES: _Scopes = (
    (
        "high",
        ("high",),
        re.compile(r"\b(?:career|season|game|team|personal)[- ]highs?\b", re.IGNORECASE),
    ),
    # a running total ("now has 2,302 points") is the career's, whether or not it says so
    (
        "career",
        ("career", "time", "now"),
        re.compile(
            r"\b(?:career|all[- ]time|now\s+(?:has|have|had|holds?|owns?))\b", re.IGNORECASE
        ),
    ),
    (
        "season",
        ("season", "year"),
        re.compile(
            r"(?<![-\w])seasons?\b(?![- ](?:opener|opening|finale|ending))"
            r"|\b(?:finish(?:ed|es)?|end(?:ed|s)?|wrap(?:s|ped)?\s+up)\s+(?:the|his|her|their"
            r"|its)\s+year\b",
            re.IGNORECASE,
        ),
    ),
)
# A part of one occasion ("in the second half", "during a 15-2 run", "during the round"):
# named by its words, so "the first half" is compared only with "the first half".
_PART = re.compile(
    r"\b(?:in|during|over|through)\s+(?:the|an?|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:half|quarter|period|innings?|round|run|minutes?|stretch|spurt|overtime)\b",
    re.IGNORECASE,
)
_PART_KEYS = ("half", "quarter", "period", "inning", "round", "run", "minute", "stretch",
              "spurt", "overtime")  # fmt: skip
# "..., both career highs": an appositive after the clause names its figures' scope.
_HIGH_AFTER = re.compile(
    r",\s*(?:(?:both|each|all|also|a|an|his|her|their|its|new)\s+){0,2}"
    r"(?:career|season|game|team|personal|school)[- ]highs?\b",
    re.IGNORECASE,
)
# "Lopez, 20, faces ...": a bare number set off by commas after a name is an age.
_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t]*$")
_COMMA_AFTER = re.compile(r"[ \t]*,")
# "shares fell ... to $17.40", "closed at $46.64": a price per share, not a sum.
_SHARES = re.compile(r"\b(?:shares?|stock)\b", re.IGNORECASE)
_TO_OR_AT = re.compile(r"\b(?:to|at)\s+$", re.IGNORECASE)
_MONEY_SIGN = re.compile(r"[$€£¥]")
# One play's length ("an 86-yard touchdown run", "returned it 35 yards for a touchdown",
# "from 32 yards out") is not a player's or a team's total yards.
_PLAY_AFTER = re.compile(
    r"[ \t-]+(?:(?:rushing|passing|receiving|punt|kickoff|interception|fumble|scoring)[ \t-]+)?"
    r"(?:touchdowns?|tds?|runs?|pass(?:es)?|field[ \t]+goals?|returns?|catch(?:es)?"
    r"|receptions?|scores?)\b"
    r"|[ \t]+for[ \t]+(?:a|the)[ \t]+(?:touchdown|td|score)\b",
    re.IGNORECASE,
)
_FROM_OUT = (re.compile(r"\bfrom[ \t]+$", re.IGNORECASE), re.compile(r"[ \t]+out\b"))
# A streak ("four straight points", "a 9-0 run" is a part; "three games in a row") is a
# part of a game's or a season's total, not that total.
_STREAK = re.compile(
    r"[ \t-]+(?:straight|consecutive|unanswered|successive)\b"
    r"|[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+in[ \t]+a[ \t]+row\b",
    re.IGNORECASE,
)
_UP_TO_BEFORE = re.compile(r"\bup\s+to\s+(?:an?\s+)?$", re.IGNORECASE)

# Scopes read in the figure's phrase (cut at semicolons, brackets and dashes only): a list
# ("Optional upgrades include a 8GB memory, a 320GB drive") shares its head's scope.
_PHRASE_SCOPES: _Scopes = (
    (
        "possible",
        ("maximum", "potential", "possible"),
        re.compile(r"\b(?:maximum|potential(?:ly)?|possible)\b", re.IGNORECASE),
    ),
    (
        "option",
        ("option", "upgrade", "configur", "expandable", "choice", "support"),
        re.compile(
            r"\b(?:option(?:s|al)?|upgrades?|configurable|configured|expandable|choice"
            r"|support\s+for)\b",
            re.IGNORECASE,
        ),
    ),
)
_HARD_BREAK = re.compile(r"[;:—–()\[\]\"“”]|\s-{1,2}\s")
# An opening phrase of the sentence ("Through 14 games ..., Bush had") scopes its clause.
_OPENING = re.compile(
    r"\s*(?:in|through|during|over|for|after|with|across|since)\b[^,;:]{0,80},\s", re.IGNORECASE
)
# "faces up to 75 years", "could get 20 years": what a court may hand down.
_POSSIBLE_BEFORE = re.compile(
    r"\b(?:fac(?:e|es|ing)|could\s+(?:get|face|receive|be\s+sentenced\s+to))\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:could|would|may|might|can)\b", re.IGNORECASE)
_UP_TO = re.compile(r"\bup\s+to\b", re.IGNORECASE)
_AGE = re.compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
_RATE_AFTER = re.compile(
    r"(?:-|[ \t]+)(?:per|an?)[ \t-]+(?!(?:day|week|month|year)s?[ \t]+"
    r"(?:after|before|later|earlier|ago)\b)([a-z]+)\b"
)
_AVERAGE_BEFORE = re.compile(r"\baverag(?:e|ed|es|ing)\s+(?:of\s+)?$", re.IGNORECASE)
# "600 metres (", "$US1 million (", "13 nautical miles (about": a figure then a bracket.
_CONVERTED = re.compile(r"\d(?:[\w.,$%€£]*)(?:[ \t]+[^\W\d_][\w.]*){0,3}[ \t]*\([ \t]*$")
_CLOSE = re.compile(r"[ \t]*\)")
# Kinds of unit whose "up to" is a capacity (a configuration), not an estimate.
_SPEC_UNITS = re.compile(r"byte|hertz|pixel|watt", re.IGNORECASE)


def occasion_of(
    ex: Extraction,
    q: Quantity,
    day_dated: bool,
    times: tuple[list[TimeExpr], list[int]] | None = None,
    scores: Scores | Callable[[], Scores] | None = None,
) -> Occasion:
    """Read a figure's occasion from its clause.

    ``day_dated`` is :func:`article_time` of the article; ``times`` its times sorted by
    start, with their starts, and ``scores`` its :func:`article_scores` (computed here
    when not given), or a function giving them, called only for a game's own figure.
    """
    span = ex.span_at(q.start)  # no Sentence made: only its bounds are read
    if span is None:
        return PLAIN
    text = ex.article.text
    clause = _span(_BREAK, text, q, span)
    copy = _is_copy(text, q, span[0], span[1])
    scope = _scope(text, q, span, clause)
    if times is None and (day_dated or scope == "rate:share"):
        times = sorted_times(ex)
    background, anchor = (False, None)
    day, change = (None, None)
    if times is not None:
        if day_dated:
            background, anchor = _background(ex, q, span, clause, times)
        if scope == "rate:share":
            day, change = _trading_day(ex, q, span, times)
    order, magnitudes = _event_of(ex, q, span, clause)
    game = _game(ex, q, span, scores) if _of_one_game(q, scope) else frozenset()
    if not (copy or scope or background or order or magnitudes or game):
        return PLAIN
    return Occasion(
        scope=scope, copy=copy, background=background, anchor=anchor, day=day, change=change,
        order=order, magnitudes=magnitudes or PLAIN.magnitudes, game=game or PLAIN.game,
    )  # the plain occasion's empty sets: a frozenset is an object the GC walks (issue 14)


_WIDE = 160

# Events a story often reports several of, and the words that place one in their order.
_EVENT_NOUN = (
    r"(?:earthquakes?|quakes?|tremors?|temblors?|aftershocks?|blasts?|explosions?|bombings?"
    r"|attacks?|eruptions?|storms?|shootings?)"
)
_ORDER = re.compile(
    r"\b(?:(?:the|an?|its|this)\s+(?P<order>first|second|third|fourth|fifth|initial|latest"
    r"|later|subsequent|earlier|previous|prior)|(?P<another>another))\s+"
    rf"(?:[\w.'’-]+\s+){{0,2}}?{_EVENT_NOUN}\b|\b(?P<after>aftershocks?)\b",
    re.IGNORECASE,
)
_ORDER_OF = {
    "first": "1", "initial": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
    "latest": "later", "later": "later", "subsequent": "later",
    "earlier": "earlier", "previous": "earlier", "prior": "earlier",
}  # fmt: skip
# An event named back at the start of a sentence: "The quake struck at 7:48 a.m., ...".
_EVENT_BACK = re.compile(rf"\s*(?:the|this|that)\s+(?:[\w-]+\s+)?{_EVENT_NOUN}\b", re.IGNORECASE)
# A relative clause's figures are not of the event named before it ("..., where 12 died").
_RELATIVE_WORD = re.compile(r"\b(?:where|which|who|whom|whose)\b", re.IGNORECASE)


def _event_of(
    ex: Extraction, q: Quantity, sent: tuple[int, int], clause: tuple[int, int]
) -> tuple[str | None, frozenset[float]]:
    """Return the order and magnitudes of the event the figure is of, as the text says.

    They are read in the figure's sentence up to the end of its clause, leaving out what a
    relative clause before the figure names; a sentence that names its event back ("The
    quake struck ...") and gives neither takes those of the sentence before it, in the
    same paragraph, up to its first relative word.
    """
    text = ex.article.text
    lo = max(sent[0], q.start - _REACH)
    cut = lo
    for m in _RELATIVE_WORD.finditer(text, lo, q.start):
        cut = m.end()
    order, magnitudes = _markers(ex, q, cut, max(clause[1], q.end))
    if order is not None or magnitudes or not _EVENT_BACK.match(text, sent[0]):
        return order, magnitudes
    k = bisect.bisect_left(ex.sentences, sent[0], key=lambda s: s.start)
    if k == 0:
        return None, frozenset()
    prev = ex.sentences[k - 1]
    if "\n" in text[prev.end : sent[0]]:
        return None, frozenset()
    end = min(prev.end, prev.start + 2 * _REACH)
    relative = _RELATIVE_WORD.search(text, prev.start, end)
    return _markers(ex, q, prev.start, relative.start() if relative else end)


# An order marker names its event: an ASCII window holding none of these words is passed
# over without the search (seven windows in eight on ECB+; the search was a fifth of
# :func:`_event_of`'s time).
_EVENT_KEYS = ("quake", "tremor", "temblor", "aftershock", "blast", "explosion", "bombing",
               "attack", "eruption", "storm", "shooting")  # fmt: skip


def _order_markers(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Iterate over the matches of ``_ORDER`` in ``text[lo:hi]``.

    A non-ASCII window is always searched: re.IGNORECASE matches "ſ" to "s" and "K" (the
    Kelvin sign) to "k", which ``str.lower`` does not.
    """
    window = text[lo:hi]
    if window.isascii():
        low = window.lower()
        if not any(k in low for k in _EVENT_KEYS):
            return iter(())
    return _ORDER.finditer(text, lo, hi)


def _markers(ex: Extraction, q: Quantity, lo: int, hi: int) -> tuple[str | None, frozenset[float]]:
    """Return the order marker nearest the figure and the magnitudes in ``text[lo:hi]``."""
    order = None
    for m in _order_markers(ex.article.text, lo, hi):
        word = _ORDER_OF[m.group("order").lower()] if m.group("order") else "later"
        if order is None or m.start() < q.start:
            order = word
    qs = ex.quantities
    magnitudes = set()
    for j in range(bisect.bisect_left(qs, lo, key=lambda x: x.start), len(qs)):
        other = qs[j]  # no slice: a run-on list of figures stays linear
        if other.start >= hi:
            break
        if other.unit == "magnitude":  # the figure's own, when it is one, identifies it too
            magnitudes.add(other.value)
    return order, frozenset(magnitudes)


# A change of price right before a figure: "dropped $2.49", "sagged", "was up 3 percent".
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:ros|fell|fall|drop|gain|lost|los|add|shed|slip|sag|soar|climb|jump|declin|tumbl"
    r"|plung|slid|surg|rall|sank|sink|dip|advanc|slump|rebound|retreat|increas|decreas|edg)"
    r"[a-z]*(?:[ \t]+(?:up|down|higher|lower))?|up|down)[ \t]+(?:by[ \t]+)?$",
    re.IGNORECASE,
)
# How far before a share price its change is looked for.
_CHANGE_REACH = 120


def _trading_day(
    ex: Extraction,
    q: Quantity,
    sent: tuple[int, int],
    times: tuple[list[TimeExpr], list[int]],
) -> tuple[DatePoint | None, tuple[float, float, str | None] | None]:
    """Return a share price's trading day and the change it closed on, as its sentence says.

    The day is the nearest day named in the sentence ("sagged $2.56 Tuesday to finish at
    $44.27"); the change is the nearest figure before the price, within its sentence, that
    a verb of change introduces ("dropped $2.49, more than 5 percent, to close at").
    """
    text = ex.article.text
    lo = max(sent[0], q.start - _CHANGE_REACH)
    change = None
    qs = ex.quantities
    for j in range(bisect.bisect_left(qs, lo, key=lambda x: x.start), len(qs)):
        other = qs[j]  # no slice: a run-on list of figures stays linear
        if other.start >= q.start:
            break
        if _CHANGE_BEFORE.search(text, max(lo, other.start - 30), other.start):
            change = (other.low, other.high, other.unit)
    day = None
    ts = times[0]
    for j in range(bisect.bisect_left(times[1], max(sent[0], q.start - _REACH)), len(ts)):
        t = ts[j]
        if t.start >= min(sent[1], q.end + _REACH):
            break
        point = _day_point(t)
        if point is not None and (day is None or abs(t.start - q.start) < day[0]):
            day = (abs(t.start - q.start), point)
    return (day[1] if day else None), change


def _day_point(t: TimeExpr) -> DatePoint | None:
    """Return the day a time names ("Tuesday", "May 4", a resolved "yesterday"), if one."""
    p = t.point
    if p is not None and (p.day is not None or p.weekday is not None):
        return p
    value = t.value
    if t.type == "relative" and value is not None and _DAY_WORDS.search(t.text):
        return DatePoint(value.year, value.month, value.day)
    return None


def _span(
    breaks: re.Pattern[str], text: str, q: Quantity, sent: tuple[int, int]
) -> tuple[int, int]:
    """Return the span around the figure cut at ``breaks`` within its sentence."""
    start = max(sent[0], q.start - _WIDE)  # a run-on sentence: at most _WIDE chars each side
    for m in breaks.finditer(text, start, q.start):
        start = m.end()
    end_m = breaks.search(text, q.end, min(sent[1], q.end + _WIDE))
    end = end_m.start() if end_m else min(sent[1], q.end + _WIDE)
    return start, end


def _is_copy(text: str, q: Quantity, lo: int, hi: int) -> bool:
    """Whether the figure is a conversion in brackets right after another figure."""
    if q.unit is None or not _CLOSE.match(text, q.end, hi):
        return False
    return _CONVERTED.search(text[max(lo, q.start - 40) : q.start]) is not None


def _scope(text: str, q: Quantity, sent: tuple[int, int], clause: tuple[int, int]) -> str | None:
    """Return the figure's scope from its words (None: one occasion stated plainly)."""
    left = text[max(sent[0], q.start - 40) : q.start]
    kind = _kind_of_figure(text, q, sent, left)
    if kind is not None:
        return kind
    found = _clause_scope(text, q, sent, clause)
    if found is not None:
        return found
    lo, hi = _span(_HARD_BREAK, text, q, sent)
    phrase = text[lo:hi]
    if _MONEY_SIGN.search(q.text) and _TO_OR_AT.search(left) and _SHARES.search(phrase):
        return "rate:share"
    found = _first_scope(_PHRASE_SCOPES, phrase)
    if found is not None or _POSSIBLE_BEFORE.search(left):
        return found or "possible"
    return _up_to(q, phrase, left)


def _kind_of_figure(text: str, q: Quantity, sent: tuple[int, int], left: str) -> str | None:
    """Return "age", "play", "streak" or a rate when the words around the figure make it one."""
    if _is_age(text, q, sent[1], left):
        return "age"
    if _is_play(text, q, sent[1], left):
        return "play"
    if _STREAK.match(text, q.end, sent[1]):
        return "streak"
    rate = _RATE_AFTER.match(text, q.end, sent[1])
    if rate is not None or _AVERAGE_BEFORE.search(left[-20:]):
        return f"rate:{rate.group(1) if rate else ''}"
    return None


def _is_age(text: str, q: Quantity, hi: int, left: str) -> bool:
    """Whether the figure is an age: "a 12-year-old", "Lopez, 20, faces"."""
    if _AGE.search(q.text) or _AGE.match(text, q.end, min(hi, q.end + 12)):
        return True
    return (
        q.unit in (None, "year")
        and q.value < 130
        and _NAME_BEFORE.search(left) is not None
        and _COMMA_AFTER.match(text, q.end, hi) is not None
    )


def _is_play(text: str, q: Quantity, hi: int, left: str) -> bool:
    """Whether yards measure one play: "an 86-yard touchdown run", "from 32 yards out"."""
    if q.unit != "yard":
        return False
    if _PLAY_AFTER.match(text, q.end, hi):
        return True
    return bool(_FROM_OUT[0].search(left) and _FROM_OUT[1].match(text, q.end, hi))


def _clause_scope(
    text: str, q: Quantity, sent: tuple[int, int], clause: tuple[int, int]
) -> str | None:
    """Return the scope the figure's clause, its opening phrase or an appositive names."""
    words = text[clause[0] : clause[1]]
    opening = _OPENING.match(text, sent[0], clause[0])
    if opening is not None:
        words = f"{opening.group()} {words}"
    found = _first_scope(_CLAUSE_SCOPES, words)
    if found is None and _HIGH_AFTER.match(text, clause[1], sent[1]):
        return "high"
    if found is None and any(k in words.lower() for k in _PART_KEYS):
        return _part(text, q, clause, opening)
    return found


def _part(
    text: str, q: Quantity, clause: tuple[int, int], opening: re.Match[str] | None
) -> str | None:
    """Return "part:<words>" for a part of an occasion that the figure's clause names.

    A part named after the figure counts only when no other figure stands between them
    ("63 yards and a 2-yard touchdown in the second quarter": the quarter is the touchdown's).
    """
    for lo, hi in ((opening.start(), opening.end()) if opening else (0, 0), clause):
        for m in _PART.finditer(text, lo, hi):
            if m.start() < q.start or not _DIGIT.search(text, q.end, m.start()):
                return "part:" + " ".join(m.group().lower().split()[1:])
    return None


_DIGIT = re.compile(r"\d")


def _first_scope(scopes: _Scopes, words: str) -> str | None:
    """Return the name of the first scope whose pattern matches ``words``.

    A pattern is searched only where one of its key words occurs (a cheap substring test).
    """
    low = words.lower()
    for name, keys, pattern in scopes:
        if any(k in low for k in keys) and pattern.search(words):
            return name
    return None


def _up_to(q: Quantity, phrase: str, left: str) -> str | None:
    """Tell "up to 16 GB" (a capacity) and "could get up to 20 years" from an estimate."""
    if not (q.qualifier == "<=" and _UP_TO.search(q.text)) and not _UP_TO_BEFORE.search(left):
        return None
    if _HEDGE.search(phrase):
        return "possible"
    if q.unit is not None and _SPEC_UNITS.search(q.unit):
        return "option"
    return None


def _background(
    ex: Extraction,
    q: Quantity,
    sent: tuple[int, int],
    clause: tuple[int, int],
    times: tuple[list[TimeExpr], list[int]],
) -> tuple[bool, DatePoint | None]:
    """Whether the figure's clause dates it by a month or a year, and that date.

    The nearest time within ``_REACH`` characters that dates the figure decides; only the
    times of that window are looked at (``times``: the article's, sorted, and their starts).
    """
    text = ex.article.text
    best: TimeExpr | None = None
    dated = False  # whether the sentence dates anything near the figure
    k = bisect.bisect_left(times[1], max(sent[0], q.start - _REACH))
    stop = min(sent[1], q.end + _REACH)
    for t in times[0][k:]:
        if t.start >= stop:
            break
        if t.start < q.end and q.start < t.end:
            continue  # the figure itself read as a year ("1992 soldiers")
        if not _dates(text, t):
            continue
        dated = True
        if _reaches(text, q, t.start, sent[0], clause) and (
            best is None or abs(t.start - q.start) < abs(best.start - q.start)
        ):
            best = t
    if best is not None:
        return (not _fine(best)), (None if _fine(best) else best.point)
    if _COARSE_WORDS.search(text, *clause) is not None:
        return True, None
    return (False, None) if dated else _narrative(ex, sent)


def _dates(text: str, t: TimeExpr) -> bool:
    """Whether a time can date a figure: a day, a month or a year, not a period's bound."""
    return (_fine(t) or _coarse(t)) and not _PERIOD.search(text[max(0, t.start - 9) : t.start])


def _narrative(ex: Extraction, sent: tuple[int, int]) -> tuple[bool, DatePoint | None]:
    """Date an undated sentence by the last time of the sentence before it, same paragraph.

    "... it ended with a July 1997 conviction. He was sentenced to 12 years." The
    sentence telling the figure goes on in the time the one before it set.
    """
    k = bisect.bisect_left(ex.sentences, sent[0], key=lambda s: s.start)
    if k == 0:
        return False, None
    prev = ex.sentences[k - 1]
    text = ex.article.text
    if "\n" in text[prev.end : sent[0]] or not _GOES_ON.match(text, sent[0]):
        return False, None
    last = next((t for t in reversed(ex.times_starting_in(prev.start, prev.end))
                 if _dates(text, t)), None)  # fmt: skip
    if last is None or _fine(last):
        return False, None
    return True, last.point


_REACH = 240


def _reaches(text: str, q: Quantity, at: int, lo: int, clause: tuple[int, int]) -> bool:
    """Whether a time at ``at`` dates the figure: in its clause, or not in a relative one.

    ``lo`` is the sentence's start.
    """
    if clause[0] <= at < clause[1]:
        return True
    if at > q.start:  # the time's clause starts after the last break before it
        cuts = [m.end() for m in _BREAK.finditer(text, q.end, at)]
        return _RELATIVE.match(text, cuts[-1]) is None if cuts else True
    start = lo
    for m in _BREAK.finditer(text, max(lo, at - 160), at):
        start = m.end()
    return _RELATIVE.match(text, start) is None


# --- which game ------------------------------------------------------------------------------

#: The final scores an article names, each with where it starts, in text order.
Scores = tuple[tuple[int, tuple[int, int]], ...]
# The nouns of a game's box score (singular and plural): such a figure is of one game.
_GAME_STATS = frozenset(
    {
        "point", "points", "rebound", "rebounds", "board", "boards", "assist", "assists",
        "steal", "steals", "block", "blocks", "shot", "shots", "turnover", "turnovers",
        "foul", "fouls", "goal", "goals", "save", "saves", "touchdown", "touchdowns", "td",
        "tds", "interception", "interceptions", "sack", "sacks", "tackle", "tackles",
        "catch", "catches", "reception", "receptions", "pass", "passes", "carry", "carries",
        "run", "runs", "hit", "hits", "homer", "homers", "rbi", "rbis", "strikeout",
        "strikeouts", "walk", "walks", "error", "errors", "punt", "punts", "throw", "throws",
        "three-pointer", "three-pointers", "3-pointer", "3-pointers", "basket", "baskets",
        "ace", "aces", "birdie", "birdies",
    }
)  # fmt: skip
# Scopes of figures that are still one game's: a game high, one play, a streak, a part.
_GAME_SCOPES = frozenset({None, "high", "play", "streak"})
# "91-73", "3-1": not "7-for-14" (a shooting line), a date ("12-25-2008"), a time, a range
# of years ("1995-99") or "5-foot-8".
_SCORE = re.compile(r"(?<![\w.,/:$%+-])(\d{1,3})-(\d{1,3})(?![\w%/+]|-\w|[.,:]\d)")
# What every match of ``_SCORE`` holds: a search for it runs in C from the first digit,
# where ``_SCORE``'s leading lookbehind is tried at every character (54 -> 33 us an ECB+
# article; 5 articles in 6 hold none; session 11).
_SCORE_HINT = re.compile(r"\d-\d")
_TOP_SCORE = 200
# What makes it a final score: the result it names ("a 91-73 victory", "an 88-72 road
# loss", "another victory, 20-13") or a verb of winning or losing before it ("beat Varna 3-1",
# "topped the Hawks, 79-67", "lost to the Hawks, 20-13"); not a record ("moved to 9-0",
# "(10-0)"), a lead ("a 14-0 lead", "13-3 at halftime") or a run ("a 9-0 run").
_RESULTS = (
    r"(?:victory|victories|win|wins|rout|loss|losses|defeat|triumph|blowout|shutout|upset"
    r"|shocker|thrashing|drubbing|setback)"
)
_RESULT_AFTER = re.compile(
    r"[ \t]+(?:(?:in[ \t]+)?(?:(?:double|triple)[ \t-])?(?:overtime|OT)[ \t]+)?"
    rf"(?:[a-z][\w-]*[ \t]+)?{_RESULTS}\b",
    re.IGNORECASE,
)
_RESULT_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|beaten|defeat(?:s|ed|ing)?|top(?:s|ped|ping)?"
    r"|edg(?:e|es|ed|ing)|rout(?:s|ed|ing)?|won|win|wins|winning|lost|lose|loses|losing"
    r"|fell|falls?|falling|blank(?:s|ed|ing)?|shocked|stunned|upset|outlasted|downed"
    r"|dispatch(?:ed|es|ing)?|overc(?:ame|ome|omes|oming)|thump(?:s|ed|ing)?"
    r"|crush(?:ed|es|ing)?|trounc(?:e|es|ed|ing)|hammer(?:s|ed|ing)?|ousted"
    r"|(?:held|fended)[ \t]+off|put(?:s|ting)?[ \t]+away"
    r"|(?:slipped|squeaked|squeezed|slid)[ \t]+(?:by|past))"
    r"(?:[ \t]+(?!(?:and|but|while|as)\b)[\w'’.-]+){0,6},?[ \t]+$"
    rf"|\b{_RESULTS},?[ \t]+$",
    re.IGNORECASE,
)
_TO_BEFORE = re.compile(r"\bto[ \t]+$", re.IGNORECASE)  # "fell to 2-6": a record
_NOT_FINAL = re.compile(
    r"[ \t]+(?:(?:halftime|first-half|second-half|early|late|fourth-quarter)[ \t]+)?"
    r"(?:lead|leads|deficit|run|edge|advantage|record|mark|tie|start|halftime|spurt|cushion"
    r"|margin|season)\b"
    r"|[ \t]+(?:at|by)[ \t]+(?:the[ \t]+)?(?:half|halftime|break|intermission)\b",
    re.IGNORECASE,
)


def article_scores(ex: Extraction) -> Scores:
    """Return the final scores an article names (higher first), with where each starts.

    >>> from discrep import Article, Config
    >>> from discrep._extract import extract
    >>> text = "Norden (9-1) beat Varna 91-73. Kell went 7-for-14 during a 9-0 run."
    >>> article_scores(extract(Article(text, "a"), Config()))
    ((24, (91, 73)),)
    """
    text = ex.article.text
    if _SCORE_HINT.search(text) is None:
        return ()  # no digit-hyphen-digit: no score (most articles; see _SCORE_HINT)
    out = []
    for m in _SCORE.finditer(text):
        high, low = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        if high > _TOP_SCORE or _in_brackets(text, m.start()):
            continue  # "(10-0)", "(15-1, 3-0 Big East)": a team's record
        if _final(text, m.start(), m.end()):
            out.append((m.start(), (high, low)))
    return tuple(out)


def _final(text: str, start: int, end: int) -> bool:
    """Whether the score at ``start:end`` is a game's final score, from the words around it."""
    if _RESULT_AFTER.match(text, end):
        return True
    lo = max(0, start - 80)
    if _NOT_FINAL.match(text, end) or _TO_BEFORE.search(text, lo, start):
        return False
    return _RESULT_BEFORE.search(text, lo, start) is not None


def _in_brackets(text: str, at: int) -> bool:
    """Whether ``at`` is inside an open bracket (looking back at most 40 characters)."""
    lo = max(0, at - 40)
    return text.rfind("(", lo, at) > text.rfind(")", lo, at)


def _of_one_game(q: Quantity, scope: str | None) -> bool:
    """Whether a figure is a game's own: a box-score noun or yards, of no longer span."""
    if scope not in _GAME_SCOPES and not (scope or "").startswith("part:"):
        return False  # a season's or a career's total, a rate, an age
    if q.unit is not None:
        return q.unit == "yard"
    return q.what is not None and q.what.rsplit(None, 1)[-1].lower() in _GAME_STATS


def _game(
    ex: Extraction, q: Quantity, sent: tuple[int, int],
    scores: Scores | Callable[[], Scores] | None,
) -> frozenset[tuple[int, int]]:
    """Return the final scores of the games a game's own figure may be of.

    Those its paragraph names up to the end of its sentence; when there are none, those
    the article named before (a game story names its score in the lead).
    """
    if scores is None:
        scores = article_scores(ex)
    elif callable(scores):
        scores = scores()
    if not scores:
        return frozenset()
    text = ex.article.text
    para = text.rfind("\n", 0, sent[0]) + 1
    own = frozenset(score for at, score in scores if para <= at < sent[1])
    return own or frozenset(score for at, score in scores if at < sent[1])
