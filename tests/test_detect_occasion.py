"""Tests for discrep._detect._occasion: figures of two occasions are not one fact.

Every example is invented. Each pair below is reported as a quantity conflict when the
check does not ask whether the figures hold on the same occasion; the positive cases show
the same wording still conflicts when both figures share their occasion.
"""

from __future__ import annotations

import pytest

import discrep
from discrep import Article, Config
from discrep._detect._occasion import Occasion, article_time, occasion_of, same_occasion
from discrep._extract import extract
from discrep._model import DatePoint

QUANTITY_ONLY = Config(checks={"quantity"})


def _quantity_texts(*texts: str) -> list[list[str]]:
    """The claims of the quantity findings when the texts are compared."""
    report = discrep.compare(list(texts), config=QUANTITY_ONLY)
    return [[c.text for c in d.claims] for d in report.discrepancies if d.kind == "quantity"]


def _occasion(text: str, surface: str) -> Occasion:
    ex = extract(Article(text, "a"), Config())
    (q,) = [q for q in ex.quantities if q.text == surface]
    return occasion_of(ex, q, article_time(ex))


# --- another occasion: a month or a year where the article dates its event by a day ----------


def test_a_quake_in_another_month_is_not_the_story_quake() -> None:
    """'injuring 40' in an earlier quake 'in March' is not the figure of Tuesday's quake."""
    a = (
        "A strong earthquake struck the island of Velmora on Tuesday, damaging homes. "
        "A quake struck the same island in March, injuring 40 people."
    )
    b = "The earthquake injured 45 people on the island of Velmora."
    assert _quantity_texts(a, b) == []


def test_background_figures_of_one_date_are_still_compared() -> None:
    """Two articles' figures for the same past quake (both 'in March') still conflict."""
    a = (
        "A strong earthquake struck Velmora on Tuesday, injuring six people. "
        "A quake struck the same coast in March, injuring 40 people."
    )
    b = (
        "The earthquake on Velmora on Tuesday injured six people. "
        "A quake in March injured 90 people on the same coast."
    )
    assert ["40", "90"] in _quantity_texts(a, b)


def test_background_year_clause_reaches_the_figure_but_a_relative_clause_does_not() -> None:
    """'..., which recalled the floods of 2001' does not date the figure before it."""
    own = _occasion(
        "An earthquake struck Dorrin on Friday. At least 30 people were hurt in the quake, "
        "which recalled the floods of 2001.",
        "At least 30",
    )
    assert own.background is False
    other = _occasion(
        "An earthquake struck Dorrin on Friday. The floods that hurt 300 people in 2001 "
        "were worse.",
        "300",
    )
    assert other.background is True
    assert other.anchor == DatePoint(year=2001)


def test_no_background_when_the_article_dates_nothing_by_a_day() -> None:
    """Without a day for the story's event, a month says nothing about another occasion."""
    occ = _occasion("A quake struck the coast in March, injuring 40 people.", "40")
    assert occ.background is False


# --- aggregates ---------------------------------------------------------------------------------


def test_season_total_is_not_one_games_figure() -> None:
    """An aggregate ("this season") is not one game's figure."""
    a = "Dan Marlow had 612 yards and two touchdowns this season."
    b = "Dan Marlow had 88 yards and two touchdowns."
    assert _quantity_texts(a, b) == []


def test_career_total_is_not_a_game_figure_but_two_career_totals_conflict() -> None:
    a = "Lena Brekke scored 21 points and now has 1,904 points for her career."
    b = "Lena Brekke scored 25 points on Saturday."
    c = "Lena Brekke now has 1,903 career points."
    found = _quantity_texts(a, b, c)
    assert ["1,904", "1,903"] in found
    assert not any("21" in claims for claims in found)


def test_career_high_is_a_record_not_the_plain_figure() -> None:
    a = "Femi Okafor finished with a career-high 19 rebounds."
    b = "Femi Okafor finished with 12 rebounds."
    assert _quantity_texts(a, b) == []


# --- rates, possibilities, options, ages ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("He averaged 4.1 yards a carry.", "4.1 yards", "rate:carry"),
        ("He gained 3.9 yards per run.", "3.9 yards", "rate:run"),
        ("The $31-per-share price pleased investors.", "$31", "rate:share"),
        ("He faces up to 40 years in prison.", "up to 40 years", "possible"),
        ("He could be sentenced to up to 60 years.", "up to 60 years", "possible"),
        ("The laptop takes up to 32 GB of memory.", "up to 32 GB", "option"),
        ("Memory is configurable to 16 GB.", "16 GB", "option"),
        ("The court heard from a 13-year-old witness.", "13-year-old", "age"),
        ("Yeats scored 14 points this season.", "14", "season"),
    ],
)
def test_scope_words(text: str, surface: str, scope: str) -> None:
    assert _occasion(text, surface).scope == scope


def test_rate_is_not_a_count() -> None:
    a = "Dan Dunmore ran for 412 yards, averaging 4.2 yards per carry."
    b = "Dan Dunmore ran for 412 yards and his longest carry was 38 yards."
    found = _quantity_texts(a, b)
    assert not any("4.2 yards" in claims for claims in found), found


def test_possible_sentence_is_not_the_sentence_handed_down() -> None:
    a = "He could be sentenced to up to 90 years in prison, said Jonas Tolland's lawyer."
    b = "Jonas Tolland was sentenced to 25 years in prison, his lawyer said."
    assert _quantity_texts(a, b) == []


def test_two_sentences_handed_down_still_conflict() -> None:
    a = "Jonas Tolland was sentenced to 30 years in prison on Monday."
    b = "Jonas Tolland was sentenced to 25 years in prison on Monday."
    assert _quantity_texts(a, b) == [["30 years", "25 years"]]


def test_capacity_up_to_is_not_the_base_specification() -> None:
    a = "The Corvid Pro laptop ships with 8 GB of memory and a fast chip."
    b = "The Corvid Pro laptop takes up to 32 GB of memory and a fast chip."
    assert _quantity_texts(a, b) == []


def test_an_age_is_not_a_duration() -> None:
    a = (
        "The jury sentenced Jonas Harlan to life in prison for the assault of a 14-year-old "
        "girl and 20 years in prison for the assault of a 16-year-old girl."
    )
    b = "Jonas Harlan was sentenced to life in prison for his assault on the 14-year-old."
    assert _quantity_texts(a, b) == []


# --- conversions in brackets ---------------------------------------------------------------------


def test_converted_copy_is_not_compared() -> None:
    """'$US2 million ($2.9 million)': the copy converts a figure the other article states."""
    a = "Damage to the church was estimated at $US2 million ($2.9 million), police said."
    b = "The fire did an estimated $2 million damage to the church."
    assert _quantity_texts(a, b) == []


def test_nautical_miles_copy_is_not_compared_with_statute_miles() -> None:
    a = (
        "The frigate Kestrel was 20 nautical miles (about 37km) from the tanker when it "
        "answered the call."
    )
    b = "The frigate Kestrel was some 20 miles from the tanker when it answered the call."
    assert _quantity_texts(a, b) == []


def test_the_original_of_a_conversion_is_still_compared() -> None:
    a = "The climber fell about 300 metres (1,000 feet) from the ridge."
    b = "The climber fell 500 metres from the ridge."
    assert ["about 300 metres", "500 metres"] in _quantity_texts(a, b)


def test_same_occasion_rules() -> None:
    assert same_occasion(Occasion(), Occasion())
    assert not same_occasion(Occasion(copy=True), Occasion())
    assert not same_occasion(Occasion(scope="rate:run"), Occasion(scope="rate:carry"))
    assert not same_occasion(Occasion(background=True), Occasion())
    assert not same_occasion(
        Occasion(background=True, anchor=DatePoint(2001)),
        Occasion(background=True, anchor=DatePoint(2003)),
    )


# --- second round: narrative time, appositives, parts of an occasion, ages, share prices -------


def test_an_undated_sentence_goes_on_in_the_time_of_the_one_before() -> None:
    """'He was sentenced to 11 years' after 'a June 1994 conviction' is that old sentence."""
    a = (
        "Vito Ramelli died in prison on Monday. The trial ended with a June 1994 fraud "
        "conviction. He was sentenced to 11 years in prison."
    )
    b = "Vito Ramelli died in prison on Monday. Vito Ramelli was sentenced to six years in prison."
    assert _quantity_texts(a, b) == []


@pytest.mark.parametrize(
    ("gap", "opening", "background"),
    [(" ", "He", True), ("\n\n", "He", False), (" ", "Ramelli", False)],
)
def test_narrative_time_stays_in_its_paragraph_and_needs_a_pronoun(
    gap: str, opening: str, background: bool
) -> None:
    text = (
        "Vito Ramelli died in prison on Monday. The trial ended in 1994."
        f"{gap}{opening} was sentenced to 11 years in prison."
    )
    assert _occasion(text, "11 years").background is background


def test_a_career_high_named_after_the_clause_scopes_its_figures() -> None:
    """'..., both career highs' makes the figures before it records, not plain counts."""
    a = "Femi Okafor finished with 25 points and 16 rebounds, both career highs."
    b = "Femi Okafor finished with 22 points and nine rebounds."
    assert _quantity_texts(a, b) == []


def test_part_of_a_game_is_not_the_game() -> None:
    a = "Rosa Imbert scored all 11 points in the second half."
    b = "Rosa Imbert scored 18 points."
    assert _quantity_texts(a, b) == []
    c = "Ivo Kovac landed 28 of his 68 punches thrown during the round."
    d = "The final numbers showed Ivo Kovac landing 178 of 369 punches thrown."
    assert _quantity_texts(c, d) == []


def test_a_part_named_after_another_figure_is_that_figures() -> None:
    """'63 yards and 4 catches in the second quarter': the quarter is the catches'."""
    text = "Ola Berg rushed for 63 yards and made 4 catches in the second quarter."
    assert _occasion(text, "63 yards").scope is None
    assert _occasion(text, "4").scope == "part:the second quarter"


def test_a_number_set_off_after_a_name_is_an_age() -> None:
    a = "Convicted of murder, Dario Lopes, 20, faces a potential sentence of life in prison."
    b = "Dario Lopes faces up to 75 years in prison when he is sentenced."
    assert _quantity_texts(a, b) == []


def test_a_share_price_is_a_price_per_share() -> None:
    text = "Zentek shares fell almost 5% on Monday, to $17.40, as investors worried."
    assert _occasion(text, "$17.40").scope == "rate:share"
    deal = "Zentek agreed to buy Corvane for $5.4 billion in cash and stock."
    assert _occasion(deal, "$5.4 billion").scope is None


def test_up_to_a_spec_is_an_option() -> None:
    a = "The Corvid Pro offers up to a 2.93 GHz dual core processor."
    b = "The Corvid Pro comes with a 2.53GHz dual core processor."
    assert _quantity_texts(a, b) == []


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("Ola Berg kicked off the half with an 86 yard rushing touchdown.", "86 yard", "play"),
        ("Ola Berg returned it 35 yards for a touchdown.", "35 yards", "play"),
        ("Ola Berg raced in from 35 yards out.", "35 yards", "play"),
        ("Ola Berg ran for 101 yards and a touchdown.", "101 yards", None),
        ("Ola Berg had 226 yards rushing.", "226 yards", None),
    ],
)
def test_one_plays_yards(text: str, surface: str, scope: str | None) -> None:
    assert _occasion(text, surface).scope == scope


def test_one_plays_yards_are_not_a_game_total() -> None:
    a = "Ola Berg threw for 329 yards against the Hawks."
    b = (
        "Ola Berg threw an interception that was returned 35 yards for a touchdown against "
        "the Hawks."
    )
    assert _quantity_texts(a, b) == []


@pytest.mark.parametrize(
    ("text", "surface", "scope"),
    [
        ("Lena Voss scored six straight points on two dunks.", "six", "streak"),
        ("The Hawks won nine games in a row.", "nine", "streak"),
        ("The Hawks scored 11 unanswered points.", "11", "streak"),
        ("Lena Voss scored 18 points off the bench.", "18", None),
    ],
)
def test_a_streak_is_its_own_scope(text: str, surface: str, scope: str | None) -> None:
    assert _occasion(text, surface).scope == scope


def test_a_streak_is_a_part_of_the_game_total() -> None:
    """"scoring six straight points" is a run within the game, not the game's 18."""
    a = "Lena Voss scored 18 points off the bench for the Hawks in the win over Norden."
    b = "Lena Voss struck again for the Hawks, scoring six straight points in the win over Norden."
    assert _quantity_texts(a, b) == []
    c = "Lena Voss scored 21 points off the bench for the Hawks in the win over Norden."
    assert _quantity_texts(a, c) == [["18", "21"]]


# --- session 7: which trading day, which of several events ------------------------------------


def test_closing_prices_after_two_different_daily_changes_are_two_trading_days() -> None:
    """'fell $1.30 to close at $31.20' and 'slid $0.85 to end at $29.75': two days' prices."""
    a = "Traders said Zentek shares fell $1.30, or 4 percent, to close at $31.20."
    b = "Traders said Zentek shares slid $0.85 Wednesday to end at $29.75."
    assert _quantity_texts(a, b) == []


def test_closing_prices_after_the_same_daily_change_still_conflict() -> None:
    """One day's change, two closing prices: one article has the price wrong."""
    a = "Traders said Zentek shares fell $1.30, or 4 percent, to close at $31.20."
    b = "Traders said Zentek shares fell $1.30 Wednesday to close at $29.75."
    assert ["$31.20", "$29.75"] in _quantity_texts(a, b)


def test_closing_prices_of_two_named_days_are_two_trading_days() -> None:
    a = "Traders said Zentek shares closed at $31.20 on Tuesday."
    b = "Traders said Zentek shares closed at $29.75 on Wednesday."
    assert _quantity_texts(a, b) == []
    c = "Traders said Zentek shares closed at $29.75 on Tuesday."
    assert ["$31.20", "$29.75"] in _quantity_texts(a, c)


def test_a_share_price_is_keyed_by_its_change_and_its_day() -> None:
    occ = _occasion("Zentek shares dropped $1.30 Tuesday to finish at $31.20.", "$31.20")
    assert occ.scope == "rate:share"
    assert occ.change is not None
    assert occ.change[0] < 1.30 < occ.change[1]
    assert occ.change[2] == "dollar"
    assert occ.day == DatePoint(weekday=1)
    plain = _occasion("Zentek shares closed at $31.20.", "$31.20")
    assert (plain.change, plain.day) == (None, None)


_LATEST = (
    "A magnitude 5.9 earthquake struck the coast of Velmora today, the latest strong tremor "
    "to hit the island. The quake struck at 6:10 a.m. local time, 40 kilometers west of the "
    "port of Darro."
)
_FIRST = (
    "Residents fled as the first earthquake measuring 7.2 magnitude struck on Saturday about "
    "110 kilometers from the port of Darro."
)


def test_the_first_of_several_quakes_is_not_the_latest_one() -> None:
    """'the first earthquake measuring 7.2' is not 'The quake' of 'the latest tremor', a 5.9."""
    assert _quantity_texts(_LATEST, _FIRST) == []


def test_the_first_quake_is_still_compared_with_the_first_quake() -> None:
    other = (
        "The first earthquake measuring 7.2 magnitude struck on Saturday 60 kilometers from "
        "the port of Darro."
    )
    assert ["about 110 kilometers", "60 kilometers"] in _quantity_texts(_FIRST, other)


def test_a_second_quake_is_not_the_first() -> None:
    a = "The second quake struck 30 kilometres west of Darro."
    b = "The first quake struck 80 kilometres west of Darro."
    assert _quantity_texts(a, b) == []
    c = "The second quake struck 80 kilometres west of Darro."
    assert ["30 kilometres", "80 kilometres"] in _quantity_texts(a, c)


def test_the_first_quake_is_not_a_quake_of_another_magnitude() -> None:
    a = "The first quake, of magnitude 7.2, struck 80 kilometres west of Darro."
    b = "A magnitude 6.1 quake struck 30 kilometres west of Darro."
    assert _quantity_texts(a, b) == []


def test_magnitudes_alone_do_not_part_one_quake() -> None:
    """Agencies often give one quake two magnitudes: with no order marker, they still compare."""
    a = "A 5.6 magnitude earthquake struck Velmora on Sunday, injuring five people."
    b = "A magnitude-5.2 quake has injured three people on Velmora."
    assert ["five", "three"] in _quantity_texts(a, b)


@pytest.mark.parametrize(
    ("text", "surface", "order", "magnitudes"),
    [
        (_FIRST, "about 110 kilometers", "1", frozenset({7.2})),
        (_LATEST, "40 kilometers", "later", frozenset({5.9})),
        ("An aftershock struck 12 miles east of Darro.", "12 miles", "later", frozenset()),
        ("The second blast, an hour later, killed 14 people.", "14", "2", frozenset()),
        ("The quake struck 12 miles east of Darro.", "12 miles", None, frozenset()),
        (  # a figure in a relative clause is not the marked event's
            "A 6.0 quake, the latest to hit the region where 12 people died last week, "
            "shook Darro.",
            "12",
            None,
            frozenset(),
        ),
    ],
)
def test_which_event_a_figure_is_of(
    text: str, surface: str, order: str | None, magnitudes: frozenset[float]
) -> None:
    occ = _occasion(text, surface)
    assert (occ.order, occ.magnitudes) == (order, magnitudes)
