"""The values that flow through the pipeline.

Every value is a frozen, slotted attrs class holding tuples, never lists, so that it is
hashable, picklable (per-article extraction can run in a process pool) and safe to share.
The records made many times per article (sentences, mentions, quantities, times,
events, statements, claims) leave out the ``__weakref__`` slot attrs adds by default: 8
bytes an instance, and nothing takes weak references to them (issue 14: memory).

Anything quoted from an article carries ``source``, ``start`` and ``end``: character
offsets into ``Article.text`` *as the user gave it*, so that
``article.text[start:end] == text`` always holds.

The pipeline and the values each stage produces::

    read      -> Article
    segment   -> Sentence            (per article)
    extract   -> Mention, Quantity, TimeExpr, Event   (per article: an Extraction)
    align     -> Entity, EventCluster, Alignment      (across articles)
    detect    -> Discrepancy
    report    -> Report
"""

from __future__ import annotations

import bisect
import datetime as dt
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ClassVar, Literal, overload

import attrs

from discrep._errors import ArticleError, InputTypeError
from discrep._version import __version__

__all__ = [
    "EXTRACTION_FORMAT",
    "Alignment",
    "Article",
    "Claim",
    "DatePoint",
    "Discrepancy",
    "Entity",
    "Event",
    "EventCluster",
    "Extraction",
    "Kind",
    "Mention",
    "MentionKind",
    "Qualifier",
    "Quantity",
    "Sentence",
    "Sentences",
    "Statement",
    "Story",
    "TimeAnchor",
    "TimeExpr",
]

#: Where ``Extraction.reference_date`` came from.
REF_PUBLISHED = "published"
REF_DATELINE = "dateline"
REF_LATEST = "latest date in the article"

#: The kinds of discrepancy discrep reports.
Kind = Literal["spelling", "quantity", "date", "venue", "role"]
KINDS: tuple[Kind, ...] = ("spelling", "quantity", "date", "venue", "role")

#: What a named mention names. ``demonym`` is an adjective or inhabitant noun
#: ("Belarusian", "Kyivites"): tied to its place, never a spelling of it.
MentionKind = Literal["person", "place", "organisation", "demonym"]

#: How a quantity is qualified: "more than 5" is ``>``, "nearly 5" is ``~`` with an
#: interval below 5, "at least 5" is ``>=``.
Qualifier = Literal["=", "~", ">", ">=", "<", "<="]


def _check_text(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        if attribute.name == "source":
            hint = "name it with a str, e.g. source='wire.txt'"
        elif isinstance(value, (bytes, bytearray, memoryview)):
            hint = "decode it to str first, e.g. data.decode('utf-8'), or use Article.from_path()"
        else:
            hint = "pass the article's text as a str"
        raise InputTypeError(
            f"Article({attribute.name}=...) takes a str, not {type(value).__name__}: {hint}"
        )


def _check_optional_str(_inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InputTypeError(
            f"Article({attribute.name}=...) takes a str or None, not {type(value).__name__}: "
            f"pass e.g. {attribute.name}=str(value)"
        )


def _to_published(value: object) -> dt.date | None:
    """Make ``published`` a date: a ``datetime`` keeps its date, an ISO string is parsed."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            raise ArticleError(
                f"Article(published={value!r}) is not an ISO 8601 date: pass a datetime.date "
                "or a string such as '2022-03-03' or '2022-03-03T10:00:00+00:00'"
            ) from None
    raise InputTypeError(
        f"Article(published=...) takes a datetime.date, an ISO date string or None, not "
        f"{type(value).__name__}: pass e.g. published=datetime.date(2022, 3, 3)"
    )


def _to_warnings(value: object) -> tuple[str, ...]:
    """Make ``warnings`` a tuple of str; a bare str is refused, not split into letters."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise InputTypeError(
            f"Article(warnings=...) takes a tuple of str, not {type(value).__name__}: "
            "wrap a single warning, e.g. warnings=('scraped from a cached copy',)"
        )
    bad = [w for w in value if not isinstance(w, str)]
    if bad:
        raise InputTypeError(
            f"Article(warnings=...) holds a {type(bad[0]).__name__}: every warning is a str"
        )
    return tuple(value)


@attrs.frozen
class Article:
    """One news article, exactly as given.

    ``text`` is never altered: page junk and metadata lines are recognised and left out of
    analysis, but every offset discrep reports refers to this ``text``.

    ``published`` takes a :class:`datetime.date` (a ``datetime`` keeps its date) or an
    ISO 8601 string, which is parsed; anything else raises a
    :class:`~discrep.DiscrepError` naming the argument.

    >>> a = Article("Kyiv said on Monday that talks would resume.", source="wire")
    >>> a.source, a.published
    ('wire', None)
    >>> Article("Kyiv said.", published="2022-03-03").published
    datetime.date(2022, 3, 3)
    """

    text: str = attrs.field(validator=_check_text)
    source: str = attrs.field(default="article", validator=_check_text)
    published: dt.date | None = attrs.field(default=None, converter=_to_published)
    title: str | None = attrs.field(default=None, validator=_check_optional_str)
    url: str | None = attrs.field(default=None, validator=_check_optional_str)
    #: Things the reader should know about how the article was read, such as
    #: "undecodable bytes were replaced". Shown in the report.
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_to_warnings)
    #: The language as an ISO 639-1 code ("en", "de"), or None when not known. compare()
    #: detects it when None. An article not in English is listed with a warning and not
    #: analysed (discrep's rules are for English news); pass ``language="en"`` to analyse
    #: one anyway.
    language: str | None = attrs.field(default=None, validator=_check_optional_str)

    # Reading files and pages is the input layer's work (discrep._read, discrep._page),
    # which imports this module, so these two constructors are defined there and
    # installed on the class when it is imported (``import discrep`` always imports it).
    # The model imports nothing above itself. Documented where they are defined:
    # ``discrep._read.from_path`` and ``discrep._page.from_html``.
    #: Read an article from a text file (or an HTML page with the ``html`` extra).
    from_path: ClassVar[Callable[[object], Article]]
    #: Read an HTML page's main text, title, date and URL (the ``html`` extra).
    from_html: ClassVar[Callable[..., Article]]


def _check_span(inst: Sentence, _attribute: attrs.Attribute[Any], value: str) -> None:
    if not 0 <= inst.start <= inst.end <= len(value):
        raise ValueError(
            f"Sentence({inst.start}, {inst.end}, ...) takes the whole text of its article "
            f"(offsets {inst.start}..{inst.end} lie outside {len(value)} characters), "
            "not the sentence's own text"
        )


@attrs.frozen(weakref_slot=False)
class Sentence:
    """A sentence (or headline, dateline, caption) with its offsets in ``Article.text``.

    A sentence holds its article's text and its offsets in it, not a copy of its own
    text: ``text`` is the slice (issue 14: copies were a sixth of an extraction's memory).

    ``junk`` marks page furniture (navigation, "Advertisement", cookie notices) and
    metadata lines: kept so offsets stay whole, but left out of analysis.

    >>> s = Sentence(11, 21, "Kyiv said. Talks end.")
    >>> s.text, s.junk
    ('Talks end.', False)
    """

    start: int
    end: int
    #: The whole text of the article the sentence is in (``Article.text``), not a copy.
    article_text: str = attrs.field(repr=False, validator=_check_span)
    junk: bool = False

    @property
    def text(self) -> str:
        """The sentence as written: ``article_text[start:end]``."""
        return self.article_text[self.start : self.end]


class Sentences(Sequence[Sentence]):
    """An article's sentences, held as offsets: each :class:`Sentence` is made when read.

    A sequence like the tuple it replaces (``len``, indexing, slicing, iteration), equal
    to another holding the same sentences. It keeps the article's text once and three
    integers a sentence in one array, not a slotted object and two integers a sentence
    (issue 14: about 2 KB an article, and ~17 objects fewer for the garbage collector to
    walk, which it never walks into an array of numbers).

    >>> text = "Kyiv said. Talks end."
    >>> ss = Sentences((Sentence(0, 10, text), Sentence(11, 21, text, junk=True)))
    >>> len(ss), ss[1].text, ss[1].junk
    (2, 'Talks end.', True)
    >>> [s.text for s in ss] == [s.text for s in ss.to_tuple()]
    True
    >>> list(ss.spans())
    [(0, 10, False), (11, 21, True)]
    """

    __slots__ = ("_cells", "_text")

    def __init__(self, sentences: Iterable[Sentence] = ()) -> None:
        text: str | None = None
        cells: list[int] = []
        for s in sentences:
            if text is None:
                text = s.article_text
            elif s.article_text is not text and s.article_text != text:
                raise ValueError("the sentences of one extraction are of one article's text")
            cells += (s.start, s.end, s.junk)
        self._text = text or ""
        # 4-byte offsets whenever they fit (every article short of 2 GB), made at its size
        self._cells = array("i" if len(self._text) < 2**31 else "q", cells)

    @classmethod
    def _of(cls, text: str, cells: array[int]) -> Sentences:
        out = cls.__new__(cls)
        out._text = text
        out._cells = cells
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        return (Sentences._of, (self._text, self._cells))

    def __len__(self) -> int:
        return len(self._cells) // 3

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Sentence, ...]: ...

    def __getitem__(self, index: int | slice) -> Sentence | tuple[Sentence, ...]:
        if isinstance(index, slice):
            return self.to_tuple()[index]
        n = len(self._cells) // 3
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("sentence index out of range")
        cells, k = self._cells, 3 * index
        return _sentence(cells[k], cells[k + 1], self._text, cells[k + 2])

    def __iter__(self) -> Iterator[Sentence]:
        text, cells = self._text, self._cells
        for k in range(0, len(cells), 3):
            yield _sentence(cells[k], cells[k + 1], text, cells[k + 2])

    def spans(self) -> Iterator[tuple[int, int, bool]]:
        """Yield each sentence's ``(start, end, junk)``, making no :class:`Sentence`."""
        cells = self._cells
        for k in range(0, len(cells), 3):
            yield cells[k], cells[k + 1], bool(cells[k + 2])

    def to_tuple(self) -> tuple[Sentence, ...]:
        """Return the sentences as a tuple."""
        return tuple(self)

    def span(self, index: int) -> tuple[int, int]:
        """Return the ``(start, end)`` of the sentence at ``index`` (>= 0)."""
        return self._cells[3 * index], self._cells[3 * index + 1]

    def index_at(self, offset: int) -> int:
        """Return the index of the sentence holding character ``offset``, or -1."""
        cells = self._cells
        lo, hi = 0, len(cells) // 3
        while lo < hi:
            mid = (lo + hi) // 2
            if offset < cells[3 * mid]:
                hi = mid
            elif offset >= cells[3 * mid + 1]:
                lo = mid + 1
            else:
                return mid
        return -1

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sentences):
            return self._cells == other._cells and (not self._cells or self._text == other._text)
        if isinstance(other, tuple):
            return self.to_tuple() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.to_tuple())

    def __repr__(self) -> str:
        return f"Sentences({self.to_tuple()!r})"


def _sentence(start: int, end: int, text: str, junk: int) -> Sentence:
    """Make a sentence of offsets an extraction holds (checked when it was first made)."""
    s = _new(Sentence)
    _set(s, "start", start)
    _set(s, "end", end)
    _set(s, "article_text", text)
    _set(s, "junk", bool(junk))
    return s


_new = object.__new__
_set = object.__setattr__


def _to_sentences(value: Iterable[Sentence]) -> Sentences:
    return value if isinstance(value, Sentences) else Sentences(value)


@attrs.frozen(weakref_slot=False)
class Mention:
    """A named mention of a person, place or organisation in one article.

    ``text`` is the name as written (possessive included when glued to it, as in
    "Zelenskys"); ``name`` is the name proper (possessive and title removed).
    ``role`` is the title or role the article gives the person in this mention, if any,
    with its own offsets so it can be quoted.
    """

    source: str
    start: int
    end: int
    text: str
    kind: MentionKind
    name: str
    role: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    #: Index of the sentence (in the article's sentence tuple) holding the mention.
    sentence: int = -1
    #: For places: the gazetteer id the name resolved to, if any ("geonames:703448").
    place_id: str | None = None
    #: Sentence-local id linking surname-only mentions to their full form in the same
    #: article ("Mr. Podolyak" -> "Mikhailo Podolyak"); set by the names extractor.
    local_key: str | None = None


@attrs.frozen(weakref_slot=False)
class Quantity:
    """A number stated in text, with what it counts and how exactly it is stated.

    ``value`` has the scale applied ("1.5 million" -> 1500000.0); ``low`` and ``high``
    bound what the words allow ("more than 1 million" -> 1e6 .. inf is too wide: see
    docs/quantities.md for the rules); ``what`` is the counted or measured thing.

    >>> from discrep import quantities
    >>> q = quantities("Nearly 5,000 people have been killed.")[0]
    >>> (q.text, q.value, q.qualifier, q.high)
    ('Nearly 5,000', 5000.0, '~', 5000.0)
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: Qualifier
    low: float
    high: float
    what: str | None = None
    #: The verb or predicate the quantity is governed by ("killed", "fled", "trapped").
    predicate: str | None = None
    #: True for vague counts ("hundreds of", "dozens").
    vague: bool = False
    #: True for a range ("between 5,000 and 6,000", "5-6 million"): one quantity whose
    #: ``low`` and ``high`` are its two ends and whose ``value`` is the lower end.
    is_range: bool = False


@attrs.frozen(weakref_slot=False)
class DatePoint:
    """A date as precisely as the text gives it: any of year, month, day and weekday.

    "1967" is ``DatePoint(year=1967)``, "July 1973" ``DatePoint(1973, 7)``, "November 18"
    with no year ``DatePoint(None, 11, 18)``, "Thursday" ``DatePoint(weekday=3)``. Two
    points disagree when a field both give differs, so dates are compared at the
    granularity both sources give.

    >>> DatePoint(1973, 7).disagrees(DatePoint(1973, 6, 27))
    True
    >>> DatePoint(year=1973).disagrees(DatePoint(1973, 6, 27))
    False
    >>> DatePoint(weekday=3).disagrees(DatePoint(2008, 12, 19))  # a Friday
    True
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: 0 (Monday) .. 6 (Sunday).
    weekday: int | None = None

    @property
    def granularity(self) -> str:
        """The finest field given: "day", "month", "year", "weekday" or "none"."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        if self.year is not None:
            return "year"
        return "weekday" if self.weekday is not None else "none"

    def _weekday_of_date(self) -> int | None:
        if self.weekday is not None:
            return self.weekday
        if None in (self.year, self.month, self.day):
            return None
        try:
            return dt.date(self.year, self.month, self.day).weekday()  # type: ignore[arg-type]
        except ValueError:
            return None

    def disagrees(self, other: DatePoint) -> bool:
        """Tell whether the two cannot be the same day at the granularity both give."""
        if self.year is not None and other.year is not None and self.year != other.year:
            return True
        if self.month is not None and other.month is not None:
            if self.month != other.month:
                return True
            if self.day is not None and other.day is not None and self.day != other.day:
                return True
        wa, wb = self._weekday_of_date(), other._weekday_of_date()
        return wa is not None and wb is not None and wa != wb


@attrs.frozen(weakref_slot=False)
class TimeAnchor:
    """What a time expression dates when that is not an event of its own sentence.

    The start of a counted thing ("Thursday's invasion", "the war began on February 24")
    or its Nth day, week or month ("the eighth day of the invasion"); for an ordinal,
    ``day`` is the span of the weekday or date that says which day it is ("early
    Thursday, the eighth day ...").

    >>> str(TimeAnchor("ordinal", "war", "day", 8)), str(TimeAnchor("start", "war"))
    ('day 8 of war', 'start of war')
    """

    kind: Literal["start", "ordinal"]
    #: The counted thing, folded: "war" for an invasion, an offensive, a war.
    what: str
    unit: str | None = None
    n: int | None = None
    day: tuple[int, int] | None = None

    def __str__(self) -> str:
        if self.kind == "start":
            return f"start of {self.what}"
        return f"{self.unit} {self.n} of {self.what}"


@attrs.frozen(weakref_slot=False)
class TimeExpr:
    """A temporal expression with offsets and, when it can be resolved, its date.

    ``value`` is None when the expression cannot be resolved against the article's
    reference date; ``relative`` says so explicitly rather than guessing.
    """

    start: int
    end: int
    text: str
    #: "date", "weekday", "relative", "time", "ordinal_day", "duration", "year"
    type: str
    value: dt.date | None = None
    #: True when ``value`` was derived from the reference date rather than written out.
    relative: bool = False
    #: The date the text states outright, when it states one ("Mar 28" -> 2022-03-28)
    #: alongside a weekday ("Tuesday") that resolves elsewhere.
    note: str | None = None
    #: What the expression dates when that is not an event of its own sentence: the start
    #: of a war ("Thursday's invasion"), its day 8 ("the eighth day of the invasion").
    anchor: TimeAnchor | None = None
    #: The date as precisely as the text states it (see :class:`DatePoint`).
    point: DatePoint | None = None
    #: Where the value comes from when this expression only points back to another
    #: ("That same year" after "... in 1967."): the start and end of that expression.
    antecedent: tuple[int, int] | None = None
    #: The clock time the expression gives, "HH:MM" (24-hour when a.m./p.m. says so),
    #: with its zone when one is written ("15:15 local time"): "3:15 p.m. Friday"; the same
    #: moment given in a second zone follows an "=" ("15:15 local time = 08:15 GMT").
    clock: str | None = None
    #: An open bound the text puts on the date ("since August", "before 2018", "as late as
    #: tomorrow"): "since", "after", "before" or "until"; the value is the date bounding.
    bound: str | None = None


@attrs.frozen(weakref_slot=False)
class Event:
    """An event mention: a trigger word with its type, date, venue and participants."""

    source: str
    start: int
    end: int
    text: str
    #: "talks", "attack", "disaster", "arrest", "election", "announcement", ...
    type: str
    sentence: int
    date: TimeExpr | None = None
    venues: tuple[Mention, ...] = ()
    #: The venue as written when it is not a named place ("an undisclosed location").
    venue_text: str | None = None
    participants: tuple[Mention, ...] = ()
    ordinal: int | None = None
    #: What identifies the event whatever date a source gives it, besides its people:
    #: "object:trawler" (what sank), "amount:3e+07:dollar" (a price), "quote:..." (a quoted
    #: sentence). Two mentions of a once-only type sharing a key are one event.
    keys: tuple[str, ...] = ()
    #: The people a once-only event happens to (who died, was killed, pleaded guilty).
    patients: tuple[Mention, ...] = ()
    #: The kind of place a death happened at, as (start, end, kind): "his home" is a
    #: "home", "a hospice" a "hospice".
    site: tuple[int, int, str] | None = None


#: What an :class:`Extraction` was made by: a stored extraction whose ``format`` differs
#: (another discrep version, or another layout of the values) is refused by ``compare``.
#: Bump the trailing number whenever an extracted value changes shape or meaning.
EXTRACTION_FORMAT = f"discrep {__version__} extraction 5"


@attrs.frozen
class Extraction:
    """Everything extracted from one article: a pure function of the article and config."""

    article: Article
    #: The article's sentences in order (given as any sequence of :class:`Sentence`;
    #: held as offsets, see :class:`Sentences`).
    sentences: Sentences = attrs.field(converter=_to_sentences)
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    #: The date relative expressions were resolved against, and how it was found.
    reference_date: dt.date | None = None
    reference_from: str | None = None
    #: :data:`EXTRACTION_FORMAT` of the discrep that made it.
    format: str = EXTRACTION_FORMAT

    def times_starting_in(self, start: int, end: int) -> tuple[TimeExpr, ...]:
        """Return the time expressions (sorted by start) that start in ``[start, end)``."""
        lo = bisect.bisect_left(self.times, start, key=lambda u: u.start)
        hi = bisect.bisect_left(self.times, end, lo=lo, key=lambda u: u.start)
        return self.times[lo:hi]

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence that holds character ``offset``, if any."""
        i = self.sentences.index_at(offset)
        return self.sentences[i] if i >= 0 else None

    def span_at(self, offset: int) -> tuple[int, int] | None:
        """Return ``(start, end)`` of the sentence holding ``offset``, making no Sentence."""
        i = self.sentences.index_at(offset)
        return self.sentences.span(i) if i >= 0 else None


@attrs.frozen(weakref_slot=False)
class Entity:
    """One person, place or organisation, aligned across articles and spellings."""

    id: str
    kind: MentionKind
    canonical: str
    mentions: tuple[Mention, ...]
    #: Gazetteer id for places ("geonames:703448"), if resolved.
    place_id: str | None = None
    #: The story (``Story.id``) the entity was linked within, when compared by story.
    story: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """The sources that mention the entity, in first-mention order."""
        return tuple(dict.fromkeys(m.source for m in self.mentions))


@attrs.frozen
class EventCluster:
    """Event mentions from one or more articles that describe the same real event."""

    id: str
    type: str
    events: tuple[Event, ...]
    #: The day each event resolves to (None when undated), in the order of ``events``.
    days: tuple[dt.date | None, ...] = ()
    #: Index pairs into ``events`` (different sources, different days) that alignment holds
    #: to be one event whatever date each gives: the same round and a shared venue or
    #: participants, or a once-a-day event in one named place with shared participants.
    same_whatever_date: tuple[tuple[int, int], ...] = ()
    #: Index pairs (different sources) that are one event whatever place each names, and
    #: whose named places exclude each other in the gazetteer.
    same_whatever_place: tuple[tuple[int, int], ...] = ()


@attrs.frozen(weakref_slot=False, init=False, eq=False, repr=False)
class Statement:
    """A sentence or clause quoted from one article.

    Made as ``Statement(source, start, end, text)``. The statements discrep quotes in its
    alignments do not copy their text: they hold their article's text, shared, and
    ``text`` is its slice (issue 14: the copies were ~1.5 KB an article, held through
    detection). Either way a statement reads, compares, hashes, prints and pickles as its
    four values (``attrs.evolve`` needs the ``text`` given with it).

    >>> st = Statement("wire", 11, 21, "Talks end.")
    >>> st.text, st == Statement._quoting("wire", 11, 21, "Kyiv said. Talks end.")
    ('Talks end.', True)
    >>> st
    Statement(source='wire', start=11, end=21, text='Talks end.')
    """

    source: str
    start: int
    end: int
    #: The text itself, or (``_in_article``) its article's whole text, which it is cut from.
    _quoted: str = attrs.field(init=False)
    _in_article: bool = attrs.field(init=False)

    def __init__(self, source: str, start: int, end: int, text: str) -> None:
        _set(self, "source", source)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "_quoted", text)
        _set(self, "_in_article", False)

    @classmethod
    def _quoting(cls, source: str, start: int, end: int, article_text: str) -> Statement:
        """Return the statement ``article_text[start:end]``, holding the text, not a copy."""
        out = _new(cls)
        _set(out, "source", source)
        _set(out, "start", start)
        _set(out, "end", end)
        _set(out, "_quoted", article_text)
        _set(out, "_in_article", True)
        return out

    @property
    def text(self) -> str:
        """The statement as written."""
        if self._in_article:
            return self._quoted[self.start : self.end]
        return self._quoted

    def _values(self) -> tuple[str, int, int, str]:
        return (self.source, self.start, self.end, self.text)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Statement:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (
            f"Statement(source={self.source!r}, start={self.start!r}, end={self.end!r}, "
            f"text={self.text!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Statement, self._values())


@attrs.frozen
class Alignment:
    """Statements from different articles that report the same fact."""

    statements: tuple[Statement, ...]
    #: How strongly the statements align, in [0, 1]: the weakest pair's text similarity
    #: plus its anchor bonuses (a shared date, event or figure), capped at 1 (a pair whose
    #: words and anchors add up past 1 is as sure as alignment gets). Groups are listed
    #: strongest first by the uncapped score.
    score: float = attrs.field()
    #: What the alignment rests on: "entity:Putin", "date:2022-03-03", "quantity:1000000", ...
    anchors: tuple[str, ...] = ()
    #: "agree", "update" (a figure that changed between publication dates), or the kind
    #: of discrepancy the statements carry.
    verdict: str = "agree"
    #: The story (``Story.id``) the statements belong to, when compared by story.
    story: str | None = None

    @score.validator
    def _check_score(self, _attribute: object, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"an alignment score must lie in [0, 1], got {value!r}")


@attrs.frozen(weakref_slot=False)
class Claim:
    """One side of a discrepancy: what a source says, quoted exactly."""

    source: str
    text: str
    start: int
    end: int
    sentence: str
    #: The normalised value: a canonical spelling, a number, an ISO date, a place id.
    value: str | float | None = None


@attrs.frozen
class Discrepancy:
    """Sources (or one source with itself) disagreeing about one thing."""

    kind: Kind
    subject: str
    claims: tuple[Claim, ...]
    reason: str
    confidence: float = attrs.field(default=1.0)
    #: The story (``Story.id``) whose articles disagree, when compared by story.
    story: str | None = None

    @confidence.validator
    def _check_confidence(self, _attribute: object, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"confidence must lie in [0, 1], got {value!r}")


@attrs.frozen
class Story:
    """Articles of a stream that report one story (see :func:`discrep.stories`).

    ``copies`` pairs each near-duplicate wire copy with the earlier member it copies.
    """

    id: str
    sources: tuple[str, ...]
    copies: tuple[tuple[str, str], ...] = ()
