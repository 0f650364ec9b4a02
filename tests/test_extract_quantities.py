"""Tests for discrep._extract.quantities: values, units, qualifiers, intervals, exclusions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrep
from discrep import Article, Config, Quantity
from discrep._extract import extract
from discrep._extract.quantities import extract_quantities, interval, quantities
from discrep._model import Sentence

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def only(text: str) -> Quantity:
    """The single quantity in ``text`` (fails when there is not exactly one)."""
    qs = quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


# --- values and scales ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Swathes of a city of 1.5 million people.", "1.5 million", 1_500_000.0),
        ("Some 3.8m refugees have left.", "Some 3.8m", 3_800_000.0),
        ("The fund holds $1bn in reserves.", "$1bn", 1e9),
        ("A total of 1,612 military objects.", "1,612", 1612.0),
        ("It accounts for about one-quarter of the power.", "about one-quarter", 0.25),
        ("Officials said half a million people fled.", "half a million", 500_000.0),
        ("They saw twenty-three drones.", "twenty-three", 23.0),
        ("She bought a dozen eggs.", "a dozen", 12.0),
        ("Two and a half million people voted.", "Two and a half million", 2_500_000.0),
        ("Temperatures fell to -18 °C overnight.", "-18 °C", -18.0),
        ("The gap was 1/4 inch wide.", "1/4 inch", 0.25),
        ("Its GDP is $2.174T.", "$2.174T", 2.174e12),
        ("He scored in the first 7\u2009½ minutes.", "7\u2009½ minutes", 7.5),
        ("Revenue grew by a third.", "a third", 1 / 3),
        ("The project costs Rs 500 crore.", "Rs 500 crore", 5e9),
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3),
        ("It raised $3.5 bln.", "$3.5 bln", 3.5e9),
        ("The poll had Obama 52% ahead.", "52%", 52.0),
    ],
)
def test_value_has_scale_applied(text: str, surface: str, value: float) -> None:
    """Scale words, abbreviations, currency prefixes, words and fractions give the value."""
    q = only(text)
    assert (q.text, q.value) == (surface, pytest.approx(value))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Inflation reached 7.5 percent in March.", "percent"),
        ("Inflation reached 7.5% in March.", "percent"),
        ("The fund holds $1bn in reserves.", "dollar"),
        ("He paid £2,000 for it.", "pound sterling"),
        ("Just not at 30 meters, he said.", "metre"),
        ("The siege lasted seven days.", "day"),
        ("The convoy stretched 40 miles.", "mile"),
        ("The island covers 301,338 km2 of land.", "square kilometre"),
        ("Orbits take about ninety minutes.", "minute"),
        ("Some 62 Ukrainian aircraft were destroyed.", None),
    ],
)
def test_unit(text: str, unit: str | None) -> None:
    """Units are named by quantulum3's unit names ("percent" for percentage); counts have none."""
    assert only(text).unit == unit


# --- qualifiers and intervals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("More than 1 million refugees fled.", "More than 1 million", ">"),
        ("Over 3.8 million people fled abroad.", "Over 3.8 million", ">"),
        ("Nearly 5,000 people have been killed.", "Nearly 5,000", "~"),
        ("About 210 children were killed.", "About 210", "~"),
        ("At least 22 bodies have been recovered.", "At least 22", ">="),
        ("The wait was roughly two hours.", "roughly two hours", "~"),
        ("Up to 300 people were trapped.", "Up to 300", "<="),
        ("Fewer than 50 people attended.", "Fewer than 50", "<"),
        ("The toll rose to 5,000 or more deaths.", "5,000 or more", ">="),
        ("In total 498 soldiers have been killed.", "498", "="),
    ],
)
def test_qualifier_is_part_of_the_text(text: str, surface: str, qualifier: str) -> None:
    """The qualifier is read into ``qualifier`` and included in the quoted text."""
    q = only(text)
    assert (q.text, q.qualifier) == (surface, qualifier)


def test_nearly_is_below_and_not_far_below() -> None:
    """Nearly 5,000 allows 4,750 to 5,000: below, and not more than 5% below."""
    q = only("Nearly 5,000 people have been killed.")
    assert (q.low, q.high) == (4750.0, 5000.0)


def test_more_than_allows_a_bit_more_but_not_triple() -> None:
    """The words "more than 1 million" are compatible with 1.2 million and not with 3 million."""
    q = only("More than 1 million refugees fled.")
    assert q.low <= 1.2e6 <= q.high
    assert q.high < 2.5e6  # the low end of "3 million" stated to the nearest million


@pytest.mark.parametrize(
    ("value", "precision", "qualifier", "expected"),
    [
        (498, 1, "=", (497.5, 498.5)),
        (5000, 1000, "=", (4500.0, 5500.0)),
        (210, 10, "=", (205.0, 215.0)),
        (210, 10, "~", (199.5, 220.5)),
        (212, 1, "~", (201.4, 222.6)),
        (5000, 1000, "~-", (4500.0, 5000.0)),
        (5, 1, "~", (4.0, 6.0)),  # one unit of the last digit: "about 5" and "about 6" agree
        (19, 1, "~-", (17.5, 19.0)),  # "nearly 19" agrees with "nearly 20" (18.5..20)
        (3, 1, "~-", (2.25, 3.0)),  # at most a quarter of the value
        (1e6, 1e6, ">", (1e6, 2e6)),
        (22, 1, ">=", (22.0, 33.0)),
        (300, 100, "<=", (150.0, 300.0)),
        (50, 10, "<", (25.0, 50.0)),
    ],
)
def test_interval_rules(
    value: float, precision: float, qualifier: str, expected: tuple[float, float]
) -> None:
    """The documented interval rules (docs/quantities.md), one row per qualifier."""
    lo, hi = interval(value, precision, qualifier)
    assert (lo, hi) == (pytest.approx(expected[0]), pytest.approx(expected[1]))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("about 2,000 people fled", 1900.0, 2100.0),  # rounding, at most 5% either side
        ("2,000 people fled", 1900.0, 2100.0),
        ("20 points", 19.5, 20.5),  # a count under 100 is exact: adjacent numbers differ
        ("130 pounds", 129.5, 130.5),  # a measure is exact to its last digit
    ],
)
def test_round_figures_cover_their_rounding_only(text: str, low: float, high: float) -> None:
    """Intervals follow rounding: "about 2,000" is about 1,900 to 2,100, not 1,000 to 3,000."""
    q = only(text)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


def test_about_210_and_about_212_overlap() -> None:
    """A change within the stated precision keeps the intervals overlapping."""
    a, b = only("about 210 children"), only("about 212 children")
    assert a.low <= b.high
    assert b.low <= a.high


# --- vague counts and ranges ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Hundreds of soldiers have been killed.", "Hundreds", 200.0, 1000.0),
        ("Dozens of residents protested.", "Dozens", 24.0, 120.0),
        ("It left thousands dead or injured.", "thousands", 2000.0, 10000.0),
        ("Tens of thousands of people marched.", "Tens of thousands", 20000.0, 100000.0),
        ("Several hundred soldiers surrendered.", "Several hundred", 300.0, 900.0),
        ("Dozens if not hundreds of troops were taken prisoner.", "Dozens if not hundreds",
         24.0, 1000.0),
    ],
)
def test_vague_counts(text: str, surface: str, low: float, high: float) -> None:
    """Vague counts are quantities with the interval their words allow."""
    q = only(text)
    assert (q.text, q.vague, q.low, q.high) == (surface, True, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Between 5,000 and 6,000 people were killed.",
        "Some 5,000-6,000 people were killed.",
        "Some 5,000 to 6,000 people were killed.",
    ],
)
def test_range_is_one_quantity(text: str) -> None:
    """A range is one quantity with both ends as its interval (issue 12)."""
    (q,) = quantities(text)
    assert (q.is_range, q.value, q.low, q.high, q.what) == (
        True, 5000.0, 5000.0, 6000.0, "people killed"
    )


def test_range_shares_its_scale() -> None:
    """The range "5-6 million" means 5 million to 6 million."""
    (q,) = quantities("Some 5-6 million people fled.")
    assert (q.low, q.high) == (5e6, 6e6)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("Prices went from $300 to $2 million.", "from $300 to $2 million", 300.0, 2e6, "dollar"),
        ("About six to seven thousand people marched.", "six to seven thousand", 6000.0,
         7000.0, None),
        ("The car goes 0 to 60 mph in four seconds.", "0 to 60 mph", 0.0, 60.0,
         "mile per hour"),
        ("The probe was cooled to 20-30 K in the lab.", "20-30 K", 20.0, 30.0, "kelvin"),
        ("Rates were between 3% and 4%.", "between 3% and 4%", 3.0, 4.0, "percent"),
        ("Rates were 7% to 9% last year.", "7% to 9%", 7.0, 9.0, "percent"),
        ("The trip took two to three weeks.", "two to three weeks", 2.0, 3.0, "week"),
        ("The trip took five or six days.", "five or six days", 5.0, 6.0, "day"),
        ("The hut is 3 km to 5 km away.", "3 km to 5 km", 3.0, 5.0, "kilometre"),
    ],
)
def test_ranges_in_news_forms(
    text: str, surface: str, low: float, high: float, unit: str | None
) -> None:
    """Each end keeps its own scale; a unit after either end is the range's unit."""
    (q,) = [q for q in quantities(text) if q.is_range]
    assert (q.text, q.low, q.high, q.unit) == (surface, low, high, unit)


def test_change_from_to_is_two_figures() -> None:
    """Read "dropped from 1,870 to 1,640" as a change: two figures, not a range."""
    qs = quantities("Sales dropped from 1,870 to 1,640.")
    assert [(q.value, q.is_range) for q in qs] == [(1870.0, False), (1640.0, False)]


def test_score_is_not_a_range() -> None:
    """A hyphen from a larger to a smaller number ("31-24") is not a range."""
    assert [q.qualifier for q in quantities("The tally was 31-24 people.")] == ["=", "="]


def test_change_is_not_a_range() -> None:
    """Growing "by a third to 4.2 billion euros" is a change and a level, not a range."""
    assert [q.low for q in quantities("It grew by a third to 4.2 billion euros.")][1] > 4e9


# --- what is counted and the predicate -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "what", "predicate"),
    [
        ("62 Ukrainian aircraft", "Ukrainian aircraft", None),
        ("Nearly 5,000 people have been killed.", "people killed", "killed"),
        ("Dozens if not hundreds of Russian troops have been taken prisoner.",
         "Russian troops taken prisoner", "taken prisoner"),
        ("Over 3.8 million people flee abroad.", "people flee", "flee"),
        ("In Mariupol about 160,000 people are trapped.", "people trapped", "trapped"),
        ("They sent more than 1 million people fleeing over the borders.", "people fleeing",
         "fleeing"),
        ("Kyiv is mobilizing 100,000 new troops.", "troops mobilizing", "mobilizing"),
        ("It covers two meters of cotton.", "cotton", None),
    ],
)
def test_what_and_predicate(text: str, what: str, predicate: str | None) -> None:
    """The counted thing follows the number; the predicate is the verb that governs it."""
    q = quantities(text)[0]
    assert (q.what, q.predicate) == (what, predicate)


def test_list_shares_its_verb() -> None:
    """In "62 aircraft, 53 drones and more than 600 tanks have been destroyed" all are destroyed."""
    qs = quantities("62 Ukrainian aircraft, 53 drones and more than 600 tanks have been destroyed.")
    assert [q.predicate for q in qs] == ["destroyed"] * 3


def test_including_inherits_the_verb() -> None:
    """In "5,000 killed, including about 210 children" the children were killed too."""
    qs = quantities("Nearly 5,000 people have been killed, including about 210 children.")
    assert qs[1].what == "children killed"


# --- exclusions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On the fifth day of the war the talks began.",
        "The talks were held on March 3, 2022 in Belarus.",
        "The meeting on Mar 28 was cancelled.",
        "He was born on 3 March.",
        "Crimea was annexed in 2014.",
        "The talks began shortly before 2 p.m. local time.",
        "Updated 23:25 IST.",
        "See https://example.com/news-details/id/230515/talks for more.",
        "A Ukrainian T-64 tank broke down.",
        "The COVID-19 rules changed.",
        "He flew a Boeing 737 over the city.",
        "It is the 2nd time and the 21st century.",
        "The 1990s were calm.",
        "Published 20220304 by the agency.",
        "One of the volunteers said no one had left.",
        "Security bulletin MS08-078 is out.",
        "Read page 20 of the report.",
        "It was the third World War scare.",
        "The Colts (10-5) won 20-13 on Sunday.",
        "They were tied 13-13 after a 65-53 victory.",
        "All links were back from 06:31GMT.",
        "He bought an iPhone 13 and called 555-123-4567.",
        "Music of the 90s was loud.",
    ],
)
def test_not_quantities(text: str) -> None:
    """Ordinals, dates, years, clock times, URL ids, model names and ids are excluded."""
    assert quantities(text) == []


# --- offsets and the per-article entry point ----------------------------------------------------


_PIECES = st.sampled_from(
    [
        "Nearly 5,000 people", "more than 1 million", "hundreds of", "on March 3, 2022",
        "2 p.m.", "T-64", "one-quarter", "$1bn", "3.8m", "between 5 and 6", "the fifth day",
        "killed", "fled abroad", ".", ",", "\n", " ", "\u00a0", "(", ")", "-", "about", "41",
        "dozens", "a", "of", "and", "1/2", "½", "2,000.45", "x10^3", "1e5", "Mar\u00a010",
    ]
)


@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_offsets_are_exact(text: str) -> None:
    """Every quantity's offsets quote its text exactly, and intervals are ordered."""
    for q in quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high


def test_extract_quantities_skips_junk_and_keeps_article_offsets() -> None:
    """Junk sentences are left out; offsets point into the article text."""
    text = "Advertisement 5 offers\nOfficials said 41 sites were hit."
    art = Article(text, "a")
    junk = Sentence(0, 22, text, junk=True)
    body = Sentence(23, len(text), text)
    qs = extract_quantities(art, (junk, body), Config())
    assert [(q.text, text[q.start : q.end]) for q in qs] == [("41", "41")]


def test_public_function_is_exported() -> None:
    """``discrep.quantities`` is the extractor."""
    assert discrep.quantities is quantities


# --- regression set from quantulum3's own test cases (MIT) -----------------------------------


def _cases() -> list[Any]:
    doc = json.loads((DATA / "quantulum_cases.json").read_text(encoding="utf-8"))
    out = []
    for case in doc["cases"]:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        out.append(pytest.param(case["text"], case["values"], marks=marks, id=case["text"][:40]))
    return out


@pytest.mark.parametrize(("text", "values"), _cases())
def test_quantulum_regression(text: str, values: list[float]) -> None:
    """quantulum3's test sentences give the expected values (ranges: both ends)."""
    qs = quantities(text)
    got = sorted(v for q in qs for v in ((q.low, q.high) if q.is_range else (q.value,)))
    assert got == pytest.approx(sorted(values), rel=1e-6)


# --- golden seed quantities ------------------------------------------------------------------


def _golden() -> dict[str, Any]:
    return json.loads((DATA / "seed_quantities.json").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("name", sorted(_golden()))
def test_seed_quantities_golden(name: str) -> None:
    """Every quantity a reader lists in a seed article, with value, qualifier and interval."""
    ex = extract(Article.from_path(SEEDS / name), Config())
    got = [
        {"text": q.text, "value": q.value, "unit": q.unit, "qualifier": q.qualifier,
         "low": q.low, "high": q.high, "vague": q.vague}
        for q in ex.quantities
    ]
    assert got == _golden()[name]["quantities"]


@pytest.mark.parametrize("name", sorted(_golden()))
def test_seed_exclusions(name: str) -> None:
    """Dates, times, ordinals and ids in the seed articles yield no quantity."""
    art = Article.from_path(SEEDS / name)
    ex = extract(art, Config())
    for surface in _golden()[name]["excluded"]:
        at = art.text.index(surface)
        span = range(at, at + len(surface))
        assert not [q for q in ex.quantities if q.start in span or q.end - 1 in span], surface


# --- issue 12: forms read on invented sentences ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The fund raised $ 75 million last year.", "$ 75 million", 75e6, "dollar"),
        ("The jet cost C$9 million.", "C$9 million", 9e6, "canadian dollar"),
        ("Tickets cost US$ 7 each.", "US$ 7", 7.0, "united states dollar"),
        ("The club paid GBP4m for him.", "GBP4m", 4e6, "pound sterling"),
        ("Shares fell to 197 pence.", "197 pence", 197.0, "penny"),
        ("It adds a 12-cent fee.", "12-cent", 12.0, "cent"),
        ("The bill came to 20 usd.", "20 usd", 20.0, "united states dollar"),
        ("It was 40 deg celsius at noon.", "40 deg celsius", 40.0, "degree Celsius"),
        ("Water boils at 212 degrees F.", "212 degrees F", 212.0, "degree fahrenheit"),
        ("The night fell to 10.5 celcius.", "10.5 celcius", 10.5, "degree Celsius"),
        ("Orla Vance is 5-foot-8,135 pounds.", "135 pounds", 135.0, "pound-mass"),
        ("Tess Marr lived half a mile away.", "half a mile", 0.5, "mile"),
        ("They moved a mile and a half away.", "a mile and a half", 1.5, "mile"),
        ("Police found a .38-caliber revolver.", ".38-caliber", 0.38, "caliber"),
        ("Police found a 9mm pistol and a 357 caliber rifle.", "357 caliber", 0.357, "caliber"),
    ],
)
def test_units_and_currencies_in_news_forms(
    text: str, surface: str, value: float, unit: str
) -> None:
    """Currency prefixes and codes, pence, temperatures, heights run into weights, calibres."""
    found = [(q.text, q.value, q.unit) for q in quantities(text)]
    assert (surface, pytest.approx(value), unit) in found, found


@pytest.mark.parametrize(
    ("text", "surface", "what"),
    [
        ("Marines seized seven AK-47s and three rifles.", "seven", "AK-47s"),
        ("There were 355 damaged shops in the square.", "355", "damaged shops"),
        ("Ria Tamm had 20 points and now has 2,302 for her career.", "2,302", "points"),
    ],
)
def test_what_is_counted_in_news_forms(text: str, surface: str, what: str) -> None:
    """Model names, participle modifiers and elided counts name the counted thing."""
    (q,) = [q for q in quantities(text) if q.text == surface]
    assert q.what is not None
    assert q.what.startswith(what)


def test_quantities_marks_page_furniture_like_compare() -> None:
    """quantities() and the pipeline read the same figures (junk sentences left out)."""
    from discrep._extract import extract

    text = "Share this article 12 comments\n\nAbout 40 people were hurt in the fire."
    ex = extract(Article(text, "a"), Config())
    assert [q.text for q in quantities(text)] == [q.text for q in ex.quantities]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "low", "high"),
    [
        ("It fell to minus 40 degrees overnight.", "minus 40 degrees", -40.0, None, None, None),
        ("Yields were between negative 10 and 15.", "between negative 10 and 15", -10.0, None,
         -10.0, 15.0),
        ("The pole is 5 m tall.", "5 m", 5.0, "metre", None, None),
        ("The sample held 120 μg of lead.", "120 μg", 120.0, "microgram", None, None),
        ("The car ran at 188 miles an hour.", "188 miles an hour", 188.0, "mile per hour",
         None, None),
        ("Bids were above 1,000 and below 1,500.", "above 1,000 and below 1,500", 1000.0, None,
         1000.0, 1500.0),
        ("The range runs 20 through 100.", "20 through 100", 20.0, None, 20.0, 100.0),
        ("It holds 30 or greater.", "30 or greater", 30.0, None, None, None),
    ],
)
def test_signs_rates_symbols_and_bounds(
    text: str, surface: str, value: float, unit: str | None, low: float | None,
    high: float | None,
) -> None:
    """Signs as words, single-letter and micro symbols, rates, joined bounds, 'through'."""
    (q,) = [q for q in quantities(text) if q.text == surface]
    assert q.value == pytest.approx(value)
    if unit is not None:
        assert q.unit == unit
    if low is not None:
        assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Traders sold Mex$ 10 million in pesos.", "Mex$ 10 million", 1e7, "mexican peso"),
        ("The driver, a 87 yo man, was unhurt.", "87 yo", 87.0, "year"),
        ("There are one million and a half voters.", "one million and a half", 1.5e6, None),
        ("The studio paid 10M for the rights.", "10M", 1e7, None),
        ("The fine was 100 ₡.", "100 ₡", 100.0, "costa rican colón"),
    ],
)
def test_more_news_forms(text: str, surface: str, value: float, unit: str | None) -> None:
    """Country-prefixed dollars, 'yo' ages, a fraction of a scale, capital M, rarer symbols."""
    found = [(q.text, q.value, q.unit) for q in quantities(text)]
    assert (surface, pytest.approx(value), unit) in found, found


# --- issue 12 (session 2): number forms from the Recognizers-Text classes --------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Crews carried one hundred and three quarters of a tonne.",
         "one hundred and three quarters", 100.75),
        ("The pot held twenty and three fifths litres.", "twenty and three fifths litres",
         20.6),
        ("Orsolya Kemp sold three hundred and two dozens eggs.", "three hundred and two dozens",
         324.0),
        ("Volunteers baked 3 dozen loaves.", "3 dozen", 36.0),
        ("The fund lost 1.2b last year.", "1.2b", 1.2e9),
        ("The town spent 2.33 k on lamps.", "2.33 k", 2330.0),
        ("The deal is worth 9 B in all.", "9 B", 9e9),
        ("The club paid 2mil for the striker.", "2mil", 2e6),
        ("The firm booked 120 MEUR in orders.", "120 MEUR", 120e6),
        ("There are 40 000 troops at the border.", "40 000", 40000.0),
        ("The city has 1\u202f234\u202f567 residents.", "1\u202f234\u202f567", 1234567.0),
        ("The budget is 4 thousand 3 hundred and 21 crowns.", "4 thousand 3 hundred and 21",
         4321.0),
        ("Output rose to 3 million and a half.", "3 million and a half", 3.5e6),
        ("The vote gave two million and three fifths to the bill.",
         "two million and three fifths", 2.6e6),
        ("A quarter million people marched.", "A quarter million", 2.5e5),
        ("More than half the residents left.", "More than half", 0.5),
        ("Exports fell by a fifth.", "a fifth", 0.2),
        ("One in five voters stayed home.", "One in five", 0.2),
        ("About 3 out of 10 tenants paid.", "About 3 out of 10", 0.3),
        ("About 3⁄4 of the village flooded.", "About 3⁄4", 0.75),
        ("The share is ⅙ of the total.", "⅙", 1 / 6),
        ("The reading was minus one.", "minus one", -1.0),
    ],
)
def test_number_forms(text: str, surface: str, value: float) -> None:
    """Fractions after 'and', dozens, scale letters, spaced thousands, digits with words."""
    found = [(q.text, q.value) for q in quantities(text)]
    assert (surface, pytest.approx(value)) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The twenty-fifth anniversary came and went.",
        "Their plan came to naught.",
        "Mira Olsen won a fifth term.",
        "The 13F filing was late.",
        "A Boeing 777F landed.",
        "Falcon 9 lifted off at dawn.",
        "The packet size was set in a 1500b field.",
    ],
)
def test_number_forms_that_are_not_figures(text: str) -> None:
    """Ordinals, idioms, forms and model names with glued letters stay out."""
    assert [q.text for q in quantities(text) if q.value not in (1500.0,)] == []


def test_glued_temperature_still_read() -> None:
    """A glued "C" before a time or place word is a temperature."""
    (q,) = quantities("The thermometer hit 45C on Monday.")
    assert (q.text, q.unit) == ("45C", "degree Celsius")


def test_a_network_generation_is_not_gauss() -> None:
    """"its 3G network" and "the 4G phone" are no magnetic flux densities (issue 11 corpus)."""
    assert quantities("The Torvel phone cannot use the carrier's 3G network.") == []
    assert quantities("The carrier weds the Torvel to its 4G LTE network.") == []


def test_rate_is_not_a_ratio() -> None:
    """Read "3 in 10 days" as three, and ten days; not 0.3."""
    assert [q.value for q in quantities("She scored 3 in 10 days.")] == [3.0, 10.0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Tomas Reyl, 52, was arrested at the depot.", "52", 52.0, "year"),
        ("A 15 year-old boy was hurt.", "15 year-old", 15.0, "year"),
        ("The driver, aged 87, was unhurt.", "aged 87", 87.0, "year"),
        ("A magnitude 6.3 quake hit the coast.", "magnitude 6.3", 6.3, "magnitude"),
        ("A 6.3-magnitude quake hit the coast.", "6.3-magnitude", 6.3, "magnitude"),
        ("The tremor measured 5.1 on the Richter scale.", "5.1 on the Richter scale", 5.1,
         "magnitude"),
        ("Sales rose threefold in a year.", "threefold", 3.0, "fold"),
        ("Costs rose 4-fold.", "4-fold", 4.0, "fold"),
        ("Nitrate reached 5 mg/L in the creek.", "5 mg/L", 5.0, "milligram per litre"),
        ("Gusts of 30 m s−1 were logged.", "30 m s−1", 30.0, "metre per second"),
        ("Panels gave 40 kWh/m2 a year.", "40 kWh/m2", 40.0, "kilowatt hour per square metre"),
        ("The van did 90km/hr on the bridge.", "90km/hr", 90.0, "kilometre per hour"),
        ("The suspect is 5 feet 2 inches tall.", "5 feet 2 inches", 5 + 2 / 12, "foot"),
        ("The firm raised 45m last year.", "45m", 45e6, None),
        ("The dive reached a depth of 45m.", "45m", 45.0, "metre"),
    ],
)
def test_ages_magnitudes_folds_and_compound_units(
    text: str, surface: str, value: float, unit: str | None
) -> None:
    """Ages after a name or 'aged', magnitudes, '-fold', slash and exponent units, feet+inches."""
    found = [(q.text, q.value, q.unit) for q in quantities(text)]
    assert (surface, pytest.approx(value), unit) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Nikkei 225 closed lower.",
        "Falcon 9 lifted off at dawn.",
        "The club won 3-1 at home.",
        "As earlier work showed [12], the river rose.",
        "See Figure 4 and Table 1 for the method.",
        "A two-door car was stolen.",
        "The five-speed gearbox failed.",
        "It was a one-off payment.",
    ],
)
def test_issue12_non_quantities(text: str) -> None:
    """Index and model names, scores, citations, labels and compounds are not figures."""
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "what"),
    [
        ("Five guards died and 12 others were wounded.", "12", "guards wounded"),
        ("Two miners died and 30 were hurt.", "30", "miners hurt"),
        ("The gang held ten hostages and freed four of them.", "four", "hostages"),
    ],
)
def test_elided_counts_take_the_nearest_noun(text: str, surface: str, what: str) -> None:
    """'12 others', '30 were hurt', 'four of them' count the noun of the figure before."""
    (q,) = [q for q in quantities(text) if q.text == surface]
    assert q.what == what


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Bids ran higher or equal than one hundred, lower or equal than three hundred.",
         100.0, 300.0),
        ("It drew about five hundred or more.", 500.0, 750.0),
        ("Scores were between negative ten and fifteen.", -10.0, 15.0),
        ("Prices ranged 5k-20k.", 5000.0, 20000.0),
        ("The range was 1000-5000.", 1000.0, 5000.0),
    ],
)
def test_bounds_and_ranges(text: str, low: float, high: float) -> None:
    """Comma-joined bounds, 'or more' after 'about', spelled ranges, scaled and 4-digit ranges."""
    q = quantities(text)[0]
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("Readings stayed at x>10 all day.", ">10", ">"),
        ("Deaths exceeded 3000 by noon.", "exceeded 3000", ">"),
        ("It was equal to 5000 or less than 6000.", "equal to 5000", "="),
    ],
)
def test_symbol_and_verb_qualifiers(text: str, surface: str, qualifier: str) -> None:
    """Glued comparison signs, 'exceeded', and 'or less than N' as a second figure."""
    found = [(q.text, q.qualifier) for q in quantities(text)]
    assert (surface, qualifier) in found, found


def test_phone_number_is_not_a_range() -> None:
    """An international phone number is not the range 1-222."""
    assert quantities("Call +1-222-2222-2222 today.") == []


# --- a thousands separator typed with a space ("2, 000ft") -------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The hiker slipped and fell 2, 000ft into a gully.", "2, 000ft", 2000.0, "foot"),
        ("Roughly 4, 050 people lined the quay.", "Roughly 4, 050", 4050.0, None),
    ],
)
def test_space_after_thousands_comma_is_one_number(
    text: str, surface: str, value: float, unit: str | None
) -> None:
    q = next(q for q in quantities(text) if q.value == value)
    assert (q.text, q.unit) == (surface, unit)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "The judges gave scores of 3, 005 and 7 to the dancers.",  # a list, not 3,005
        "Prices went up by 2, 300 and 400 dollars.",  # no leading zero: a list
        "Bins 1, 2, 000 and 9 were emptied.",  # a number and comma before it
        "The count in the years 2, 000.",  # nothing after the group
    ],
)
def test_split_group_that_may_be_a_list_is_not_merged(text: str) -> None:
    qs = quantities(text)
    assert all(q.value < 1000 for q in qs), qs


@pytest.mark.parametrize(
    "text",
    [
        "The ridge is 40 000km away.",  # the space-grouped form failed: "000km" is no 0 km
        "The old phone code 007 was retired.",
        "The bus came at 05 past.",
        "The years 2, 000.",
    ],
)
def test_digit_group_with_leading_zero_is_not_a_figure(text: str) -> None:
    assert all(not q.text.lstrip().startswith("0") for q in quantities(text))
    assert all(q.value != 0 for q in quantities(text)), quantities(text)
