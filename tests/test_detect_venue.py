"""The venue check: one event in places that cannot both be right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrep
from discrep import Article, Config, Report
from discrep._gazetteer import lookup
from discrep.testing import capitals

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
VENUE_ONLY = Config(checks={"venue"})
PUBLISHED = dt.date(2022, 3, 4)


def _venues(report: Report) -> list[discrep.Discrepancy]:
    return [d for d in report.discrepancies if d.kind == "venue"]


def _pair(a: str, b: str) -> list[discrep.Discrepancy]:
    arts = [Article(t, source=s, published=PUBLISHED) for s, t in (("a", a), ("b", b))]
    return _venues(discrep.compare(arts, config=VENUE_ONLY))


def _seed(prefix: str) -> Article:
    return Article.from_path(next(SEEDS.glob(f"{prefix}_*.txt")))


def test_no_venue_discrepancy_on_seeds() -> None:
    """The seeds have no venue conflict.

    Istanbul (late March) and Brest (3 March) are different events; the Belarus venues at
    different precision are compatible.
    """
    report = discrep.compare(sorted(SEEDS.glob("*.txt")), config=VENUE_ONLY)
    assert _venues(report) == []


def test_one_round_in_two_countries() -> None:
    """The same second round held in Istanbul by one account, in Brest by another."""
    found = _pair(
        "Russia and Ukraine held a second round of talks in Istanbul on Thursday.",
        "Russia and Ukraine held a second round of talks in Brest on Thursday.",
    )
    assert len(found) == 1
    assert {(c.source, c.text) for c in found[0].claims} == {("a", "Istanbul"), ("b", "Brest")}
    assert "neither place contains the other" in found[0].reason


@pytest.mark.parametrize(
    "other",
    ["in the Brest region", "in western Belarus", "in Belarus", "near the border of Belarus",
     "in an undisclosed location"],
)
def test_compatible_or_unnamed_venues(other: str) -> None:
    """Containment keeps Brest, its region and Belarus compatible.

    An approached or unnamed venue is no conflict either.
    """
    found = _pair(
        "Russia and Ukraine held a second round of talks in Brest on Thursday.",
        f"Russia and Ukraine held a second round of talks {other} on Thursday.",
    )
    assert found == []


def test_attacks_in_two_cities_are_two_attacks() -> None:
    """Many attacks happen on one day: different cities are not a venue conflict."""
    found = _pair(
        "Russian and Ukrainian officials said missile strikes hit Kharkiv on Thursday.",
        "Russian and Ukrainian officials said missile strikes hit Lviv on Thursday.",
    )
    assert found == []


def test_different_days_are_different_events() -> None:
    """Talks in Istanbul on Tuesday and in Brest on Thursday are two meetings."""
    found = _pair(
        "Russia and Ukraine held talks in Istanbul on Tuesday.",
        "Russia and Ukraine held talks in Brest on Thursday.",
    )
    assert found == []


def _foreign_capitals(country: str) -> list[str]:
    return [city for city, code in capitals() if code != country]


@given(st.sampled_from(_foreign_capitals("BY")))
def test_property_moved_venue_in_a_seed_copy(city: str) -> None:
    """A seed copy with its second round moved to a city of another country is a finding.

    The finding quotes both places.
    """
    original = _seed("003")
    start = original.text.index("western Belarus")
    text = original.text[:start] + city + original.text[start + len("western Belarus") :]
    changed = Article(text, source="copy", published=original.published)
    found = _venues(discrep.compare([original, changed], config=VENUE_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"western Belarus", city}
    place = lookup(city)
    assert place is not None
    assert place.id in {c.value for c in found[0].claims}


@given(st.sampled_from(_foreign_capitals("BY")))
def test_property_moved_caption_venue_in_a_seed_copy(city: str) -> None:
    """The caption's "Belarus' Brest region" moved abroad is a finding quoting both."""
    original = _seed("001")
    changed = Article(original.text.replace("in Belarus' Brest region", f"in {city}", 1),
                      source="copy", published=original.published)
    assert changed.text != original.text
    found = _venues(discrep.compare([original, changed], config=VENUE_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"Brest region", city}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_property_unchanged_seed_copy_is_silent(prefix: str) -> None:
    """A seed compared with an unchanged copy of itself has no venue discrepancy."""
    original = _seed(prefix)
    copy = Article(original.text, source="copy", published=original.published)
    assert _venues(discrep.compare([original, copy], config=VENUE_ONLY)) == []


def test_repeated_sentence_with_another_place() -> None:
    """A sentence copied word for word but for the talks' city is a finding."""
    original = _seed("002")
    changed = Article(original.text.replace("arrived in Istanbul", "arrived in Lima"),
                      source="copy", published=original.published)
    found = _venues(discrep.compare([original, changed], config=VENUE_ONLY))
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"Istanbul", "Lima"}


def test_one_conflict_is_reported_once() -> None:
    """Found both through the aligned event and the repeated sentence, it is said once."""
    original = _seed("003")
    start = original.text.index("western Belarus")
    changed = Article(original.text[:start] + "Lima" + original.text[start + 15 :],
                      source="copy", published=original.published)
    assert len(_venues(discrep.compare([original, changed], config=VENUE_ONLY))) == 1


def _venue_findings(texts: list[str]) -> list[discrep.Discrepancy]:
    report = discrep.compare(texts, config=discrep.Config(checks={"venue"}))
    return [d for d in report.discrepancies if d.kind == "venue"]


def test_opposite_bearings_from_one_place() -> None:
    """'25 km north of Tarvik' against '25 km south of Tarvik' cannot both be right."""
    found = _venue_findings([
        "The convoy was ambushed 25 km north of Tarvik on Monday.",
        "Gunmen ambushed the convoy some 25 km south of Tarvik, officials said.",
    ])
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"25 km north of Tarvik", "25 km south of Tarvik"}


def test_neighbouring_bearings_and_other_distances_agree() -> None:
    """North-east and east are 45 degrees apart; 10 km and 40 km are two places."""
    assert _venue_findings([
        "The convoy was ambushed 25 km northeast of Tarvik. A depot lies 10 km west of Tarvik.",
        "The convoy was ambushed 25 km east of Tarvik. A camp lies 40 km east of Tarvik.",
    ]) == []


def test_one_street_two_block_numbers() -> None:
    """The 4100 block against the 4700 block of one street: one finding quoting both."""
    found = _venue_findings([
        "The shooting happened in the 4100 block of Elmwood Avenue.",
        "Officers searched the 4700 block of East Elmwood Avenue for hours.",
    ])
    assert len(found) == 1
    assert {c.value for c in found[0].claims} == {"4100", "4700"}


def test_one_death_at_home_and_at_a_hospice() -> None:
    """A person dies once: 'at his home' against 'at a hospice near his home'."""
    found = _venue_findings([
        "Otto Brandl died Tuesday at his home in Graz. He was 90.",
        "Otto Brandl died on Tuesday at a hospice near his home in Graz. He was 90.",
    ])
    assert len(found) == 1
    assert {c.text for c in found[0].claims} == {"his home", "a hospice"}


def test_two_people_dying_in_two_places_is_no_finding() -> None:
    """Different people: 'Otto Brandl died at his home', 'Eva Lind died at a hospital'."""
    assert _venue_findings([
        "Otto Brandl died Tuesday at his home in Graz.",
        "Eva Lind died Tuesday at a hospital in Linz.",
    ]) == []


def test_a_name_with_an_initial_and_a_suffix_is_one_person() -> None:
    """'J. Otto Brandl, Sr.' and 'Otto Brandl' are one person: one death, two places."""
    found = _venue_findings([
        "Otto Brandl died Tuesday at his home in Graz. He was 90.",
        "J. Otto Brandl, Sr., the former judge, died on Tuesday at a hospice near his home.",
    ])
    assert len(found) == 1
