"""The quantity check's holder tests: whose figure it is and of what (issue 11, corpus).

Invented sentences. Each case pairs a figure with another that a reader would never take
for the same fact (another player's points, another part's memory, the whole of "N of M"),
and a control that the same wording with one holder is still reported.
"""

from __future__ import annotations

import pytest

from discrep import Article, Config
from discrep._detect import _holder
from discrep._extract import extract
from quantity_cases import found as _found

# --- 1. a conflict is between sources ------------------------------------------------------


def test_a_list_of_figures_shifted_by_one_is_no_conflict() -> None:
    """Each article states the other's figures itself: no two sources disagree."""
    a = "3 people were killed in the blast, 4 people were killed in the fire."
    b = "4 people were killed in the blast, 5 people were killed in the fire."
    assert _found(a, b) == []


def test_a_conflict_is_quoted_from_two_sources() -> None:
    """The claims of a finding come from at least two articles."""
    found = _found(
        "Rescuers said 40 people were killed in the blast at the Dorrance mill.",
        "Rescuers said 55 people were killed in the blast at the Dorrance mill.",
    )
    assert found == [["40", "55"]]


def test_one_source_only_reads_both_sides() -> None:
    """A conflict is void when either article states the other's figure beside its own."""
    same = {"a": ["a", "a2"], "b": ["b"]}
    agree = {("a2", "b")}
    assert _holder.one_source_only(
        "a", "b", lambda f: same[f], lambda f, g: (f, g) in agree or (g, f) in agree
    )
    assert not _holder.one_source_only("a", "b", lambda f: same[f], lambda f, g: False)


# --- 2. different holders ------------------------------------------------------------------


def test_deals_of_two_players_are_two_facts() -> None:
    """"the deal that Oro got" is Oro's, not Kell's."""
    a = "Dana Kell agreed to a four-year, $90 million deal with the Tigers on Tuesday."
    b = "It dwarfs the three-year, $60 million deal that Vesna Oro got last summer."
    assert _found(a, b) == []


def test_one_holder_with_two_figures_is_still_a_conflict() -> None:
    """The control: the same player's points, 23 against 21."""
    found = _found(
        "Dana Kell scored 23 points for Halden in the win over Varna.",
        "Dana Kell scored 21 points for Halden in the win over Varna.",
    )
    assert found == [["23", "21"]]


# --- 3. what a measure qualifies -----------------------------------------------------------


def test_a_spec_list_needs_an_agreeing_qualifier() -> None:
    """One figure of "4GB, 64GB" is not the same fact as a bare "16GB" elsewhere."""
    a = "The cheapest laptop ships with 4GB, 64GB and a 1.6GHz chip."
    b = "The cheapest laptop ships with 16GB and a 1.6GHz chip."
    assert _found(a, b) == []


def test_the_same_part_in_two_sizes_is_still_a_conflict() -> None:
    """The control: the same qualifier, 4GB against 8GB of RAM."""
    found = _found(
        "The cheapest laptop ships with 4GB of RAM, Norvik said on Monday.",
        "The cheapest laptop ships with 8GB of RAM, Norvik said on Monday.",
    )
    assert found == [["4GB", "8GB"]]


def test_two_model_sizes_are_two_facts() -> None:
    """"the 11-inch model" and "the 13-inch model" are two products."""
    a = "The 11-inch model weighs 2.4 pounds and ships next week."
    b = "The 13-inch model weighs 3.1 pounds and ships next week."
    assert _found(a, b) == []


# --- 4. part of a whole --------------------------------------------------------------------


def test_the_whole_of_n_of_m_is_not_a_count() -> None:
    """"17" in "10 of the team's first 17 points" is not the 23 points Kell scored."""
    a = "Dana Kell scored 10 of the team's first 17 points in the win."
    b = "Dana Kell scored 23 points in the win."
    assert _found(a, b) == []


def test_the_part_counts_the_whole_s_noun() -> None:
    """"missing 10 of its 16 games" counts games; "missing two of its best players" players."""
    a = "Halden finished the season missing 10 of its 16 games with injuries."
    b = "Halden finished the season missing two of its best players with injuries."
    assert _found(a, b) == []


# --- the predicate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (_holder.Holder(names=frozenset({"x"})), _holder.Holder(names=frozenset({"y"})), True),
        (_holder.Holder(names=frozenset({"x", "y"})), _holder.Holder(names=frozenset({"y"})),
         False),
        (_holder.Holder(names=frozenset({"x"})), _holder.Holder(), False),
        (_holder.Holder(qualifier="ram"), _holder.Holder(qualifier="storage"), True),
        (_holder.Holder(size="11"), _holder.Holder(size="13"), True),
        (_holder.Holder(whole=True), _holder.Holder(), True),
        (_holder.Holder(crowded=True), _holder.Holder(), True),
        (_holder.Holder(crowded=True, qualifier="ram"), _holder.Holder(qualifier="ram"), False),
    ],
)
def test_apart(a: _holder.Holder, b: _holder.Holder, apart: bool) -> None:
    assert _holder.apart(a, b) is apart


def test_a_shared_place_satisfies_a_spec_list() -> None:
    """"82 percent in Norden" of a list agrees with "60 percent in Norden" by its place."""
    assert not _holder.apart(_holder.Holder(crowded=True), _holder.Holder(), placed=True)


# --- what the holder reads from a sentence (the real extractor's names and figures) -------


def _holders(sentence: str) -> dict[str, _holder.Holder]:
    ex = extract(Article(sentence, "a.txt"), Config())
    return {
        q.text: _holder.holder(sentence, q, (0, len(sentence)), ex.mentions,
                               lambda m: m.name, _holder.listed_units(ex.quantities), 90)
        for q in ex.quantities
    }


def test_a_new_subject_after_and_holds_the_next_figure() -> None:
    """In "Kell scored 14 and Oro had 11", the 11 is Oro's; a reporting source is no one's."""
    h = _holders("Dana Kell scored 14 points off the bench and Vesna Oro had 11 points, "
                 "Reuters said.")
    assert h["14"].names == {"Dana Kell"}
    assert h["11"].names == {"Vesna Oro"}


def test_an_object_is_not_the_holder() -> None:
    """"a pass from Oro": the yards are Kell's, who returned it."""
    h = _holders("Dana Kell intercepted a pass from Vesna Oro and returned it 35 yards.")
    assert h["35 yards"].names == {"Dana Kell"}


def test_a_measure_qualifies_the_noun_after_it() -> None:
    """"4GB RAM", "64GB flash storage", "8GB of memory": ram, storage, memory; a list."""
    h = _holders("The laptop has 4GB RAM, 64GB flash storage and 8GB of memory upgrades.")
    assert [h[t].qualifier for t in ("4GB", "64GB", "8GB")] == ["ram", "storage", "memory"]
    assert all(h[t].crowded for t in ("4GB", "64GB", "8GB"))


def test_a_verb_ends_the_qualifier() -> None:
    """"a 4.2 magnitude quake struck": the quake, not "struck"."""
    h = _holders("A magnitude of 4.4 struck the coast near Varna on Sunday.")
    assert h["magnitude of 4.4"].qualifier is None


def test_a_conversion_is_no_list() -> None:
    """"75 kilometers (50 miles)" gives one distance twice: the sentence is not a list."""
    h = _holders("The quake struck 75 kilometers (50 miles) west of Varna.")
    assert not any(x.crowded for x in h.values())


def test_a_difference_is_marked() -> None:
    """"13 more than the old record" is a difference, not a count of points."""
    h = _holders("Dana Kell now has 2,129 points, 13 more than the old record.")
    assert h["13"].difference
    assert not h["2,129"].difference


def test_the_whole_and_the_part() -> None:
    """"10 of the team's first 17 points": 17 is the whole, 10 counts points."""
    h = _holders("Dana Kell scored 10 of the team's first 17 points.")
    assert h["17"].whole
    assert not h["10"].whole
    assert h["10"].qualifier == "point"


def test_a_size_class_is_a_designator() -> None:
    """"the 15-inch" names a model; "0.71 inches thick" measures one."""
    h = _holders("The 15-inch is 0.71 inches thick and sells for $1,499.")
    assert h["15-inch"].designator
    assert not h["0.71 inches"].designator
    assert h["$1,499"].size == "15"



# --- a measure given for several things in one article -----------------------------------

# three sentences of lead first: the yards are told in the body of each article
_LEAD = ("Kestrel beat Halden 24-10 on Sunday. It rained all day at Norden Park. "
         "The crowd was small.")
_SEVERAL = (
    f"{_LEAD} Dana Kell ran for 120 yards on Sunday for Kestrel. "
    "Halden's defence allowed 45 yards on the ground."
)


def test_a_measure_of_several_holders_needs_one_holder() -> None:
    """One article gives yards of a runner and of a defence: "he ran for 60" is neither."""
    assert _found(_SEVERAL, f"{_LEAD} He ran for 60 yards on Sunday for Kestrel.") == []


def test_a_measure_of_several_holders_is_still_compared_for_one() -> None:
    """The control: Kell's yards, 120 against 140."""
    b = f"{_LEAD} Dana Kell ran for 140 yards on Sunday for Kestrel."
    assert _found(_SEVERAL, b) == [["120 yards", "140 yards"]]


def test_the_leads_state_the_main_fact() -> None:
    """Two leads' magnitudes are one quake's, though one article gives another quake's too."""
    rest = " It was felt widely. Officials said no one was hurt."
    a = (f"An earthquake with a magnitude of 4.4 struck on Sunday morning.{rest}"
         " Earlier, an earthquake with a magnitude of 2.0 struck.")
    b = f"An earthquake with a magnitude of 4.2 struck on Sunday morning.{rest}"
    assert _found(a, b) == [["magnitude of 4.4", "magnitude of 4.2"]]


def test_a_possessive_owns_the_figure() -> None:
    """"Oro's scoring record of 2,116" is Oro's, whoever broke it."""
    h = _holders("Dana Kell broke Vesna Oro's scoring record of 2,116 points on Friday.")
    assert h["2,116"].names == {"Vesna Oro"}


def test_a_past_tense_verb_s_object_is_not_the_holder() -> None:
    """"Kell outscored Oro by scoring 14 points": the 14 are Kell's."""
    h = _holders("Dana Kell outscored Vesna Oro by scoring a career-high 14 points.")
    assert h["14"].names == {"Dana Kell"}


def test_a_title_between_the_opener_and_the_name() -> None:
    """"while starting centre Oro scored 11": the 11 is Oro's alone."""
    h = _holders("Halden got 14 points from Dana Kell, while starting centre Vesna Oro scored 11 "
                 "points.")
    assert h["11"].names == {"Vesna Oro"}


def test_a_role_is_part_of_a_span_of_time() -> None:
    """"four seasons as the team's director" is not "19 seasons with the team"."""
    h = _holders("He spent four seasons as the team's director of scouting.")
    assert h["four"].role == "director"
    assert _holders("He has spent 19 seasons with the team.")["19"].role is None


def test_a_distance_belongs_to_the_place_before_it() -> None:
    """"Norden village, nine kilometres from the border": Norden's distance."""
    ex = extract(Article("Others are crossing into Norden village, nine kilometres from "
                         "the border.", "a.txt"), Config())
    places = [m for m in ex.mentions if m.kind == "place"]
    q = next(q for q in ex.quantities if q.unit == "kilometre")
    h = _holder.holder(ex.article.text, q, (0, len(ex.article.text)), ex.mentions,
                       lambda m: m.name, frozenset(), 90)
    assert places
    assert h.names == {places[-1].name}


def test_a_list_of_prices_needs_an_agreeing_holder() -> None:
    """"$1,199 and $1,499" are two versions' prices: neither is the $1,299 said elsewhere."""
    a = "The new laptop will sell for $1,199 and $1,499 from Monday, the company said."
    b = "The new laptop will sell for $1,299 from Monday, the company said."
    assert _found(a, b) == []


def test_a_sum_s_measure_noun_agrees_in_a_list() -> None:
    """The control: "$5 million in damage" of a list still meets "$7 million in damage"."""
    a = "The storm did $5 million in damage and $2 million in lost trade, officials said."
    b = "The storm did $7 million in damage, officials said."
    assert _found(a, b) == [["$5 million", "$7 million"]]


def test_a_part_of_a_named_sum_is_not_the_sum() -> None:
    """"$28 million of the purchase price" is a part; "$33 million for Norvik" the whole."""
    a = "The Norvik deal is worth $28 million of the purchase price."
    b = "The Norvik deal is worth $33 million."
    assert _found(a, b) == []
    assert _holders(a)["$28 million"].part


def test_two_nationalities_are_two_people() -> None:
    """"an Ostrian climber fell 150 metres" is not "a Nordish climber fell 600 metres"."""
    a = "An Ostrian climber is dead after falling about 150 metres on the north ridge."
    b = "A Nordish climber is dead after falling about 600 metres on the north ridge."
    assert _found(a, b) == []
    assert _holders(a)["about 150 metres"].nationality == {"ostrian"}


def test_a_possessive_of_another_noun_is_not_the_holder() -> None:
    """"intercepted Oro's pass and ran 35 yards": the yards are Kell's, not Oro's."""
    h = _holders("Dana Kell intercepted quarterback Vesna Oro's pass and ran 35 yards.")
    assert h["35 yards"].names == {"Dana Kell"}


def test_a_fronted_clause_s_figure_belongs_to_the_subject_after_it() -> None:
    """"Despite rushing for 352 yards, the Kestrel Tigers lost": the team's yards."""
    h = _holders("Despite rushing for 352 yards, the Kestrel Tigers lost at home on Sunday.")
    assert h["352 yards"].names
    assert all("Tigers" in n for n in h["352 yards"].names)


def test_a_long_fronted_sentence_of_figures_stays_linear() -> None:
    """A comma-less "Despite ..." sentence of 4,000 figures reads as fast as another.

    The fronted-clause test reads a bounded prefix of the sentence.
    """
    import time

    from discrep import quantities

    def cost(opener: str) -> float:
        text = opener + " " + " ".join(f"{i} yards were run" for i in range(1, 4000)) + "."
        qs = quantities(text)
        t = time.process_time()
        for q in qs:
            _holder.holder(text, q, (0, len(text)), (), str, frozenset(), 90)
        return time.process_time() - t

    cost("Then")  # warm
    assert cost("Despite") < 3 * cost("Then") + 0.05


def test_a_city_and_the_region_around_it_are_one_place() -> None:
    """A figure located in a city and one located in the region holding it may conflict."""
    found = _found(
        "The Varlow family had moved back to their village 12 weeks ago after a spell in Leeds.",
        "The Varlow family had lived in northern England and moved back to their village"
        " about six weeks ago.",
    )
    assert found == [["12 weeks", "about six weeks"]]


def test_a_network_generation_is_not_gauss() -> None:
    """"its 4G network" names a generation of mobile network; "3 gauss" stays a field."""
    from discrep import quantities

    assert all(q.unit != "gauss" for q in quantities("The phone runs on the carrier's 4G network."))
    assert [q.unit for q in quantities("The magnet has a field of 3 gauss.")] == ["gauss"]
    found = _found("The phone cannot use the carrier's growing 3G network.",
                   "The carrier plans to tie the phone to its 2G network.")
    assert found == []


# --- 3. what kind of figure: a statistic, an offer (issue 11, corpus) ---------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "statistic"),
    [
        ("Ola Berg rushed for 88 yards.", "88 yards", "rushing"),
        ("Ola Berg caught six passes for 71 yards.", "71 yards", "receiving"),
        ("Ola Berg threw for 312 yards.", "312 yards", "passing"),
        ("Ola Berg had 131 yards from scrimmage.", "131 yards", "scrimmage"),
        ("Ola Berg had 97 yards receiving.", "97 yards", "receiving"),
        ("Ola Berg had 131 yards.", "131 yards", None),
    ],
)
def test_the_statistic_a_verb_makes_of_a_measure(
    sentence: str, surface: str, statistic: str | None
) -> None:
    assert _holders(sentence)[surface].statistic == statistic


def test_two_statistics_of_one_player_are_two_facts() -> None:
    """Rushing yards are not yards from scrimmage (the corpus: 63 vs 102 yards)."""
    a = "In the win over the Hawks, Ola Berg rushed for 88 yards and a touchdown."
    b = "In the win over the Hawks, Ola Berg had 131 yards from scrimmage and a touchdown."
    assert _found(a, b) == []


def test_one_statistic_of_one_player_still_conflicts() -> None:
    """The control: both rushing yards of one game, 88 against 95."""
    a = "In the win over the Hawks, Ola Berg rushed for 88 yards and a touchdown."
    b = "In the win over the Hawks, Ola Berg rushed for 95 yards and a touchdown."
    assert _found(a, b) == [["88 yards", "95 yards"]]


def test_one_statistic_is_no_evidence_of_one_holder() -> None:
    """Two players' receiving yards in figure lists stay apart."""
    a = "Ola Berg had 12 carries for 50 yards and caught eight passes for 66 yards."
    b = "Tim Roan finished with 40 yards and caught 52 passes for 440 yards."
    assert _found(a, b) == []


@pytest.mark.parametrize(
    ("sentence", "surface", "proposed"),
    [
        ("The deal is believed to be an offer of six years and around $120 million.",
         "around $120 million", True),
        ("The Hawks offered Kell $40 million.", "$40 million", True),
        ("Prosecutors sought 12 years for Kell.", "12 years", True),
        ("Kell made a $5 million bid for the club.", "$5 million", True),
        ("Kell got a $90 million deal last summer.", "$90 million", False),
        ("Kell signed for $40 million, the offer having expired.", "$40 million", False),
    ],
)
def test_an_offer_is_read(sentence: str, surface: str, proposed: bool) -> None:
    assert _holders(sentence)[surface].proposed is proposed


def test_an_offer_is_not_the_deal_someone_got() -> None:
    """"an offer of $120 million" and "the $90 million deal he got" are two facts."""
    a = "It would dwarf the four-year, $90 million deal that the club gave Dana Kell."
    b = "The deal is believed to be an offer of six years and around $120 million."
    assert _found(a, b) == []


def test_two_reports_of_one_offer_still_conflict() -> None:
    """The control: the same offer, $120 million against $150 million."""
    a = "The Hawks made Dana Kell an offer of six years and around $120 million."
    b = "The Hawks made Dana Kell an offer of six years and around $150 million."
    assert _found(a, b) == [["around $120 million", "around $150 million"]]


# --- 4. a figure list names a place for each figure ----------------------------------------


def test_a_figure_list_gives_each_figure_its_own_place() -> None:
    """"in Peru ... 80 percent, in Chile by 65 percent": 80 is Peru's, never Chile's."""
    a = "Up to 70 percent of web services in Peru, and 60 percent in Chile, were cut."
    b = "At one point 52 percent of web services in Peru and 82 percent in Chile were cut."
    c = "Internet services in Peru were down by 80 percent, in Chile by 65 percent."
    peru = {"70 percent", "52 percent", "80 percent"}
    chile = {"60 percent", "82 percent", "65 percent"}
    found = _found(a, b, c)
    assert ["60 percent", "82 percent"] in found  # Chile's figures still conflict
    for claims in found:
        assert not (peru & set(claims) and chile & set(claims)), claims


def _bases(sentence: str) -> dict[str, frozenset[str]]:
    ex = extract(Article(sentence, "a.txt"), Config())
    listed = _holder.listed_units(ex.quantities)
    spans = [(q.start, q.end) for q in ex.quantities]
    return {
        q.text: _holder.holder(sentence, q, (0, len(sentence)), ex.mentions, lambda m: m.name,
                               listed, 90, listed_spans=spans).base
        for q in ex.quantities
    }


@pytest.mark.parametrize(
    ("sentence", "surface", "base"),
    [
        ("Up to 70 percent of web services in Peru, and 60 percent in Chile, were cut.",
         "60 percent", {"web", "service"}),
        ("As much as 55 percent of the voice traffic in Peru, 52 percent in Chile, and 82 "
         "percent in Bolivia was lost.", "82 percent", {"voice", "traffic"}),
        ("Turnout was 40 percent of voters, officials said; 60 percent stayed home.",
         "60 percent", set()),  # a sentence break ends the list
        ("Prices rose 5 percent in Peru and 7 percent in Chile.", "7 percent", set()),
    ],
)
def test_the_base_of_a_percentage(sentence: str, surface: str, base: set[str]) -> None:
    """"N percent of X": X is the base; a later item of a figure list shares its first's."""
    assert _bases(sentence)[surface] == base


def test_shares_of_two_bases_are_two_measures() -> None:
    """Chile's 60 percent of web services is not Chile's 82 percent of voice traffic."""
    a = "Up to 70 percent of web services in Peru, and 60 percent in Chile, were cut."
    b = "At one point 52 percent of voice traffic in Peru and 82 percent in Chile was cut."
    assert _found(a, b) == []


def test_a_share_with_a_base_in_one_article_only_is_still_compared() -> None:
    """The control: a base on one side only, or a shared base word, keeps the comparison."""
    a = "Up to 70 percent of web services in Peru, and 60 percent in Chile, were cut."
    b = "Web services in Chile were down by 82 percent, officials said."
    assert _found(a, b) == [["60 percent", "82 percent"]]
    c = "At one point 52 percent of web traffic in Peru and 82 percent in Chile was cut."
    assert _found(a, c) == [["60 percent", "82 percent"]]


def test_a_model_of_another_size_class_is_another_price() -> None:
    """In a story of several models, a sized model's price is not an unsized model's."""
    a = (
        "Vantor launched its new Zenbook Pro line on Monday. The line starts at $1,199 "
        "for the 13-inch model. The 15-inch Zenbook Pro starts off at $1,799."
    )
    b = (
        "Vantor launched its new Zenbook Pro line on Monday. The new Zenbook Pro will start "
        "at $2,199 for the 2.6 GHz quad-core model with 256GB of storage."
    )
    assert _found(a, b) == []


def test_one_size_class_still_conflicts_in_a_story_of_several_models() -> None:
    """The control: the 15-inch model's price, $1,799 against $1,899."""
    a = (
        "Vantor launched its new Zenbook Pro line on Monday. The line starts at $1,199 "
        "for the 13-inch model. The 15-inch Zenbook Pro starts off at $1,799."
    )
    b = (
        "Vantor launched its new Zenbook Pro line on Monday. The line starts at $1,199 "
        "for the 13-inch model. The 15-inch Zenbook Pro starts off at $1,899."
    )
    assert _found(a, b) == [["$1,799", "$1,899"]]


@pytest.mark.parametrize(
    ("sentence", "surface", "named"),
    [
        ("Linkcom said the total repair time will be around twelve days.",
         "around twelve days", {"repair", "time"}),
        ("Total downtime was one hour, Linkcom said.", "one hour", {"downtime"}),
        ("It was one hour before the links came back.", "one hour", set()),
        ("Linkcom said the links were down for one hour.", "one hour", set()),
    ],
)
def test_the_measure_a_copula_names(sentence: str, surface: str, named: set[str]) -> None:
    assert _holders(sentence)[surface].named == named


def test_two_named_measures_of_an_outage_are_two_facts() -> None:
    """A repair time is not a downtime, though both are durations of one operator's fault."""
    a = "Linkcom, the cable operator, said the total repair time will be around twelve days."
    b = "Linkcom, the cable operator, said the total downtime was three days."
    assert _found(a, b) == []
    c = "Linkcom, the cable operator, said the total repair time will be around five days."
    assert _found(a, c) == [["around twelve days", "around five days"]]


# --- session 7: a size class of a named product -------------------------------------------

_AIR = (
    "New 11-inch and 13-inch Corvid Air models were unveiled on Monday. The 13-inch models "
    "start at $1,199 and come with a 1.8GHz dual-core processor."
)


def test_one_size_class_of_two_named_products_is_two_products() -> None:
    """"the 13-inch version" of the Corvid Pros is not "the 13-inch models" of the Air."""
    pro = (
        "Unlike the new model, its 13- and 15-inch Corvid Pros keep the old display. "
        "Instead, the 13-inch version comes with the 2.5GHz dual-core processor."
    )
    assert _found(_AIR, pro) == []


def test_one_size_class_of_one_named_product_still_conflicts() -> None:
    air = (
        "Its 13-inch Corvid Air models keep the old display. Instead, the 13-inch version "
        "comes with the 2.5GHz dual-core processor."
    )
    assert _found(_AIR, air) == [["1.8GHz", "2.5GHz"]]


@pytest.mark.parametrize(
    ("text", "products"),
    [
        (
            "Its 13- and 15-inch Corvid Pros keep the old display.",
            ((4, frozenset({"13", "15"}), ("corvid", "pro")),),
        ),
        (
            "New 11-inch and 13-inch Corvid Air models were unveiled.",
            ((4, frozenset({"11", "13"}), ("corvid", "air")),),
        ),
        ('The 17" Norv Corvid Pro Monday.', ((4, frozenset({"17"}), ("norv", "corvid", "pro")),)),
        ("The 15-inch display is bright.", ()),
    ],
)
def test_sized_products(
    text: str, products: tuple[tuple[int, frozenset[str], tuple[str, ...]], ...]
) -> None:
    assert _holder.sized_products(text) == products


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (("corvid", "air"), ("corvid", "pro"), True),
        (("norv", "corvid", "pro"), ("corvid", "pro"), False),
        (("pro",), ("corvid", "pro"), False),
        (("corvid",), ("corvid", "air"), False),
    ],
)
def test_named_products_apart(a: tuple[str, ...], b: tuple[str, ...], apart: bool) -> None:
    size = "13"
    assert _holder.apart(
        _holder.Holder(size=size, product=a), _holder.Holder(size=size, product=b)
    ) is apart
