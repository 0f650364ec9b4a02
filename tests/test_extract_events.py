"""Event mentions: type, date, venue, participants and round number."""

from __future__ import annotations

import datetime as dt

import pytest

from discrep import Article, Config
from discrep._extract import extract
from discrep._extract.events import EVENT_TYPES
from discrep._model import Event

PUBLISHED = dt.date(2022, 3, 4)  # a Friday


def _events(text: str, published: dt.date | None = PUBLISHED) -> tuple[Event, ...]:
    article = Article(text, source="a", published=published)
    events = extract(article, Config()).events
    for e in events:
        assert article.text[e.start : e.end] == e.text
        for v in e.venues:
            assert article.text[v.start : v.end] == v.text
    return events


def _one(text: str) -> Event:
    events = _events(text)
    assert len(events) == 1, events
    return events[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The two presidents met in Geneva on Wednesday.", "talks"),
        ("Negotiations resumed on Monday.", "talks"),
        ("Missile strikes hit the port on Tuesday.", "attack"),
        ("An earthquake struck the region on Sunday.", "disaster"),
        ("Police arrested the suspect on Thursday.", "arrest"),
        ("The election was held on Sunday.", "election"),
        ("The ministry announced new sanctions on Monday.", "announcement"),
        ("Putin and Macron spoke by phone on Monday.", "call"),
    ],
)
def test_event_types(text: str, kind: str) -> None:
    """Each type of the lexicon is recognised from one of its triggers."""
    assert _one(text).type == kind
    assert kind in EVENT_TYPES


def test_air_raid_sirens_are_no_raid() -> None:
    """A trigger used as a modifier ("air raid sirens") is no event."""
    assert _events("Air raid sirens sounded on Monday.") == ()


def test_date_venue_and_round() -> None:
    """Date, named venue, round number and parties come from the trigger's clause."""
    e = _one("Russian and Ukrainian negotiators met in Brest on Thursday for a second round.")
    assert e.date is not None
    assert (e.date.text, e.date.value) == ("Thursday", dt.date(2022, 3, 3))
    assert [(v.text, v.kind) for v in e.venues] == [("Brest", "place")]
    assert e.ordinal == 2
    assert {m.name for m in e.participants} >= {"Russia", "Ukraine"}


def test_each_clause_dates_its_own_event() -> None:
    """The second round takes Thursday, the first round after "after" takes Monday."""
    events = _events(
        "Delegations convened near the border Thursday for a second round of peace talks "
        "after initial discussions Monday failed to yield any breakthroughs."
    )
    by_round = {e.ordinal: e.date.text if e.date else None for e in events}
    assert by_round == {2: "Thursday", 1: "Monday"}


def test_date_from_an_attached_clause() -> None:
    """A clause attached to the event ("..., set for Tuesday (Mar 28)") dates it."""
    e = _one("Ukraine hoped that the talks with Russia, set for Tuesday (Mar 28), would help.")
    assert e.date is not None
    assert e.date.text == "Mar 28"


def test_first_in_a_while_is_no_round() -> None:
    """The first talks "in over two weeks" are no round one; "the first round" is."""
    assert _one("The first face-to-face talks in over two weeks began.").ordinal is None
    assert _one("The first round of talks began.").ordinal == 1
    assert _one("Initial discussions failed.").ordinal == 1


def test_possessive_split_venue() -> None:
    """A possessive venue ("Belarus’ Brest region") names the country and the region."""
    e = _one("The talks between the delegations took place in Belarus’ Brest region.")
    assert [(v.text, v.name) for v in e.venues] == [
        ("Belarus", "Belarus"), ("Brest region", "Brest region")]


def test_direction_words_before_a_place() -> None:
    """A direction word before a place ("western Belarus") keeps the place."""
    e = _one("The talks are taking place in western Belarus.")
    assert [(v.text, v.name) for v in e.venues] == [("western Belarus", "Belarus")]


def test_the_venue_construction() -> None:
    """A place agreed on "as the venue" is the venue."""
    e = _one("Both sides agreed on Istanbul as the venue for the talks.")
    assert [v.name for v in e.venues] == ["Istanbul"]


@pytest.mark.parametrize(
    "where",
    ["in an undisclosed location", "near the border of Belarus",
     "on the Belarusian side of the border"],
)
def test_unnamed_and_approached_venues_are_text(where: str) -> None:
    """Unnamed or only approached venues are kept as text, not as named places."""
    e = _one(f"The talks were held {where}.")
    assert e.venues == ()
    assert e.venue_text is not None
    assert e.venue_text in f"The talks were held {where}."


def test_undated_without_reference() -> None:
    """Without a reference date, the weekday is the event's date but stays unresolved."""
    events = _events("The chances of a deal at Monday's talks were uncertain.", published=None)
    assert len(events) == 1
    assert events[0].date is not None
    assert (events[0].date.text, events[0].date.value) == ("Monday's", None)


def test_seed_events_have_exact_offsets(seed_paths: list) -> None:  # type: ignore[type-arg]
    """Every event of every seed quotes its trigger and venues exactly."""
    cfg = Config()
    total = 0
    for path in seed_paths:
        article = Article.from_path(path)
        for e in extract(article, cfg).events:
            total += 1
            assert article.text[e.start : e.end] == e.text
            for m in e.venues + e.participants:
                assert article.text[m.start : m.end] == m.text
    assert total >= 30


def test_a_building_is_no_city_in_translation() -> None:
    """A building named like a translated city ("the White House") is no venue city."""
    assert _one("The leaders met at the White House on Monday.").venues == ()
    assert [v.name for v in _one("The talks were held in The Hague.").venues] == ["The Hague"]


def test_a_time_after_another_verb_dates_that_verb() -> None:
    """'... killed in a shooting was revealed Thursday': Thursday dates 'revealed'."""
    killing = [e for e in _events("Video of Ana Holm shot and killed in a gang shooting was "
                                  "revealed Thursday.") if e.type == "killing"]
    assert [e.date for e in killing] == [None]
    body = [e for e in _events("Her body was found and the man was killed Thursday.")
            if e.type == "killing"]
    assert [e.date.text for e in body if e.date] == ["Thursday"]


@pytest.mark.parametrize(
    "text",
    ["Ana Holm was shot and killed Thursday.",
     "The man sold the house for a reported $2 million on Thursday.",
     "Police said Ana Holm died Thursday."],
)
def test_a_time_next_to_its_own_verb_dates_it(text: str) -> None:
    """No verb of its own between: the time dates the trigger (a participle adjective is none)."""
    assert [e.date.text for e in _events(text) if e.date] == ["Thursday"]


def test_police_said_monday_dates_the_saying() -> None:
    """'Police said Monday that a man was killed': Monday dates 'said'."""
    assert [e.date for e in _events("Police said Monday a man was killed near the bridge.")
            if e.type == "killing"] == [None]


def test_death_has_no_object_and_a_place_is_none() -> None:
    """'died in prison', 'killed in a shooting': a prepositional phrase is no object."""
    assert [e.keys for e in _events("Lou Varga died in prison Monday.")] == [()]
    killed = [e for e in _events("A man was killed in a gang shooting.") if e.type == "killing"]
    assert [k for e in killed for k in e.keys if k.startswith("object:")] == []
    sank = _events("The frigate sank a fishing trawler on Monday.")
    assert [e.keys for e in sank] == [("object:trawler",)]


def test_the_trigger_s_own_auxiliaries_are_no_other_verb() -> None:
    """'Ana Holm on Monday had been killed': Monday dates the killing."""
    assert [e.date.text for e in _events("Ana Holm on Monday had been killed by a stray bullet.")
            if e.type == "killing" and e.date] == ["Monday"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("The 4.1-magnitude earthquake was recorded at 9:27 a.m. Sunday.", "disaster"),
     ("No charges have been filed in the April 28 shooting.", "attack")],
)
def test_a_noun_trigger_takes_the_time_of_its_own_verb(text: str, kind: str) -> None:
    """A noun may be the subject of the verb whose time it takes, or be dated before it."""
    assert [e.date is not None for e in _events(text) if e.type == kind] == [True]
