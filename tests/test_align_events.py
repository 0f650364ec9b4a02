"""Cross-source event alignment: same type, compatible dates and something shared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import link_entities
from discrep._align.events import align_events, person_ids, profile, same_event
from discrep._extract import extract
from discrep._gazetteer import lookup
from discrep._model import Event, EventCluster, Extraction, Mention, TimeExpr

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CFG = Config()


@pytest.fixture(name="seed_clusters", scope="module")
def fixture_seed_clusters() -> tuple[EventCluster, ...]:
    """The event clusters of the five seeds."""
    exs = [extract(Article.from_path(p), CFG) for p in sorted(SEEDS.glob("*.txt"))]
    return align_events(exs, link_entities(exs, CFG), CFG)


def _days(cluster: EventCluster) -> set[dt.date]:
    return {e.date.value for e in cluster.events if e.date is not None and e.date.value}


def test_seed_rounds_are_separate_events(seed_clusters: tuple[EventCluster, ...]) -> None:
    """The 3 March round (000, 001, 003) and the 28 February round are two events."""
    talks = [c for c in seed_clusters if c.type == "talks"]
    by_day = {frozenset(_days(c)): c for c in talks}
    second = by_day[frozenset({dt.date(2022, 3, 3)})]
    first = by_day[frozenset({dt.date(2022, 2, 28)})]
    assert {e.source[:3] for e in second.events} == {"000", "001", "003"}
    assert {e.source[:3] for e in first.events} >= {"000", "003"}
    assert {e.ordinal for e in first.events} - {None} == {1}
    assert {e.ordinal for e in second.events} - {None} == {2}


def test_istanbul_and_undated_talks_stay_apart(seed_clusters: tuple[EventCluster, ...]) -> None:
    """002's Istanbul talks (late March) and 004's undated first round join no cluster."""
    sources = {e.source[:3] for c in seed_clusters for e in c.events}
    assert "002" not in sources
    assert "004" not in sources


# --- blocked alignment against a brute-force reference ---------------------------------

_PLACES = ("Brest region", "Belarus", "Istanbul", "Kyiv")
_PARTIES = ("Russia", "Ukraine", "Belarus", "Turkey")


def _place_mention(name: str, source: str, start: int, kind: str = "place") -> Mention:
    place = lookup(name)
    assert place is not None
    return Mention(source, start, start + len(name), name, kind, place.name, place_id=place.id)


@st.composite
def _events(draw: st.DrawFn, source: str) -> tuple[Event, ...]:
    out = []
    for i in range(draw(st.integers(0, 4))):
        start = i * 100
        day = draw(st.none() | st.integers(0, 6))
        date = None
        if day is not None:
            date = TimeExpr(start + 10, start + 16, "Monday", "weekday",
                            dt.date(2022, 3, 1) + dt.timedelta(days=day), relative=True)
        venues = tuple(
            _place_mention(n, source, start + 20 + 12 * k)
            for k, n in enumerate(draw(st.lists(st.sampled_from(_PLACES), max_size=2,
                                                unique=True)))
        )
        parties = tuple(
            _place_mention(n, source, start + 50 + 12 * k, "demonym")
            for k, n in enumerate(draw(st.lists(st.sampled_from(_PARTIES), max_size=3,
                                                unique=True)))
        )
        out.append(Event(
            source, start, start + 5, "talks", draw(st.sampled_from(("talks", "attack"))), i,
            date=date, venues=venues, participants=parties,
            ordinal=draw(st.none() | st.integers(1, 2)),
        ))
    return tuple(out)


def _brute_force(extractions: list[Extraction], window: int) -> set[frozenset[tuple[str, int]]]:
    profiles = [profile(e, {}) for ex in extractions for e in ex.events]
    groups = [{i} for i in range(len(profiles))]
    for i in range(len(profiles)):
        for j in range(len(profiles)):
            if i < j and same_event(profiles[i], profiles[j], window):
                gi = next(g for g in groups if i in g)
                gj = next(g for g in groups if j in g)
                if gi is not gj:
                    gi |= gj
                    groups.remove(gj)
    return {
        frozenset((profiles[i].event.source, profiles[i].event.start) for i in g)
        for g in groups
        if len({profiles[i].event.source for i in g}) >= 2
    }


@given(st.lists(st.sampled_from("abcd"), min_size=2, max_size=4, unique=True), st.data())
def test_blocked_alignment_equals_all_pairs(sources: list[str], data: st.DataObject) -> None:
    """Blocking by (type, day) and (type, round) loses no pair the all-pairs reference links."""
    extractions = [
        Extraction(Article("x" * 500, source=s), (), events=data.draw(_events(s)))
        for s in sources
    ]
    got = {
        frozenset((e.source, e.start) for e in c.events)
        for c in align_events(extractions, (), CFG)
    }
    assert got == _brute_force(extractions, CFG.time.event_window_days)


def test_person_ids_map_mentions_to_entities() -> None:
    """Participants are compared through their linked entity, not their spelling."""
    exs = [extract(Article(t, source=s), CFG) for s, t in (
        ("a", "Kremlin spokesman Dmitry Peskov said talks went well."),
        ("b", "Kremlin spokesman Dmitri Peskov said talks went well."))]
    ids = person_ids(link_entities(exs, CFG))
    people = {ids[(m.source, m.start)] for ex in exs for m in ex.mentions if m.kind == "person"}
    assert len(people) == 1


def test_profiles_without_countries_or_people_share_one_empty_set() -> None:
    """The shared empty set reads as a new one: equal, empty, and joins nothing."""
    cfg = Config()
    exs = [
        extract(Article(t, source=s, published=dt.date(2022, 3, 4)), cfg)
        for s, t in [
            ("a", "A second round of talks was held on Thursday."),
            ("b", "Russia and Ukraine held a second round of talks in Brest on Thursday."),
        ]
    ]
    profiles = [profile(e, {}) for ex in exs for e in ex.events]
    bare = [p for p in profiles if not p.countries and not p.people]
    assert bare, "no profile without countries or people: the test checks nothing"
    for p in bare:
        assert p.countries == frozenset() == p.people
        assert not p.people & frozenset({"x"})
    assert any(p.countries or p.people for p in profiles)
