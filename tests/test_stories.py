"""Story grouping (discrep.stories) and comparing within stories (compare(by_story=True)).

Examples are invented sentences; the corpus measure is benchmarks/bench_stories.py, and the
slow test below checks the whole-corpus promise (no finding across two stories).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrep
from discrep import Article, Config

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"

_FLOOD = [
    "Flood waters rose in Dhaka on Monday as monsoon rains hit Bangladesh, officials said.",
    "Monsoon rains flooded Dhaka, and waters were still rising across Bangladesh.",
    "In Bangladesh, Dhaka residents waded through flood waters after monsoon rains.",
]
_MATCH = [
    "The Oakland Athletics beat the Seattle Mariners 5-3 in extra innings on Sunday.",
    "Seattle Mariners lost to the Oakland Athletics in extra innings, 5-3.",
]


def _arts(texts: list[str], prefix: str) -> list[Article]:
    return [Article(t, source=f"{prefix}{i}") for i, t in enumerate(texts)]


def test_two_stories_are_told_apart() -> None:
    found = discrep.stories(_arts(_FLOOD, "flood") + _arts(_MATCH, "match"))
    assert [s.sources for s in found] == [("flood0", "flood1", "flood2"), ("match0", "match1")]
    assert [s.id for s in found] == ["s1", "s2"]


def test_a_wire_copy_is_found() -> None:
    wire = Article(_FLOOD[0] + " Rescue teams were sent to the worst-hit districts.", source="a")
    copy = attrs.evolve(wire, source="b", text=wire.text + " More to follow.")
    (story,) = discrep.stories([wire, copy, *_arts(_FLOOD[1:], "x")])
    assert story.copies == (("b", "a"),)


def test_time_window_splits_reports_weeks_apart() -> None:
    early = [attrs.evolve(a, published=dt.date(2020, 7, 1)) for a in _arts(_FLOOD[:2], "a")]
    late = [attrs.evolve(a, published=dt.date(2021, 7, 1)) for a in _arts(_FLOOD[1:], "b")]
    assert len(discrep.stories(early + late)) == 2
    wide = Config(stories=attrs.evolve(Config().stories, window_days=400))
    assert len(discrep.stories(early + late, config=wide)) == 1


@given(st.permutations(range(5)))
def test_grouping_does_not_depend_on_order(order: list[int]) -> None:
    arts = _arts(_FLOOD, "f") + _arts(_MATCH, "m")
    assert discrep.stories([arts[i] for i in order]) == discrep.stories(arts)


def test_by_story_names_each_finding_and_entity_with_its_story() -> None:
    arts = [
        Article("Kyiv said 5 people died in the flood on Monday.", source="a"),
        Article("Kiev said 5 people died in the flood on Monday.", source="b"),
        Article("The Oakland Athletics beat the Seattle Mariners 5-3 in Oakland.", source="c"),
        Article("The Oakland Athletics beat the Seattle Mariners 5-3 at home.", source="d"),
    ]
    report = discrep.compare(arts, by_story=True)
    assert [s.sources for s in report.stories] == [("a", "b"), ("c", "d")]
    assert [(d.kind, d.story) for d in report.discrepancies] == [("spelling", "s1")]
    assert all(e.id.startswith(f"{e.story}/") for e in report.entities)
    assert {e.story for e in report.entities} == {"s1", "s2"}
    data = report.to_dict()
    assert data["stories"][0] == {"id": "s1", "sources": ["a", "b"], "copies": []}
    assert data["discrepancies"][0]["story"] == "s1"
    plain = discrep.compare(arts)
    assert "stories" not in plain.to_dict()
    assert plain.stories == ()


def test_by_story_on_one_story_finds_what_compare_finds() -> None:
    arts = [
        *_arts(_FLOOD, "f"),
        Article("Kiev said the monsoon flood hit Dhaka.", source="k"),
        Article("Kyiv said the monsoon flood hit Dhaka.", source="l"),
    ]
    together, apart = discrep.compare(arts), discrep.compare(arts, by_story=True)
    assert len(apart.stories) == 1
    assert [attrs.evolve(d, story=None) for d in apart.discrepancies] == list(
        together.discrepancies
    )


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the ECB+ corpus is not beside the repo")
def test_no_finding_across_two_corpus_stories() -> None:
    """Whole corpus, by story: no finding quotes articles of two different gold stories."""
    paths = sorted(CORPUS.glob("*.txt"))
    report = discrep.compare(paths, by_story=True)
    label = re.compile(r"(\d+)_\d+(ecbplus|ecb)\.txt")

    def story(source: str) -> str:
        m = label.fullmatch(source)
        assert m is not None
        return m.group(1) + m.group(2)

    crossing = [d for d in report.discrepancies if len({story(c.source) for c in d.claims}) > 1]
    assert crossing == []


def test_cli_groups_by_story_unless_told_not_to(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from discrep._cli import main

    for i, text in enumerate(_FLOOD + _MATCH):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    main([str(tmp_path), "--format", "json"])
    assert len(json.loads(capsys.readouterr().out)["stories"]) == 2
    main([str(tmp_path), "--format", "json", "--no-stories"])
    assert "stories" not in json.loads(capsys.readouterr().out)


def test_a_weak_cut_needs_two_sizeable_halves_not_of_one_time() -> None:
    from discrep._stories import _close_in_time, _cut_stands

    cfg = Config().stories  # split 0.4, split_weak 0.65, split_weak_min 8
    k = cfg.split_weak_min
    # two blocks of k: within 1.0, across 0.5 -> a weak cut (between split and split_weak)
    left, right = list(range(k)), list(range(k, 2 * k))
    sim = [[1.0 if (a < k) == (b < k) else 0.5 for b in range(2 * k)] for a in range(2 * k)]
    undated: list[dt.date | None] = [None] * k
    assert _cut_stands(sim, (left, right), (undated, undated), cfg)
    small = [[1.0 if (a < 2) == (b < 2) else 0.5 for b in range(2 * k)] for a in range(2 * k)]
    assert not _cut_stands(small, (left[:2], list(range(2, 2 * k))), (undated, undated), cfg)
    day = dt.date(2020, 7, 1)
    same_week = ([day, None], [day + dt.timedelta(days=3)])
    assert _close_in_time(*same_week, 7)
    assert not _cut_stands(sim, (left, right), same_week, cfg)
    years_apart = ([day], [day + dt.timedelta(days=400), None])
    assert not _close_in_time(*years_apart, 7)
    assert _cut_stands(sim, (left, right), years_apart, cfg)
    # a clear cut (across 0.3 < 0.4 x within) stands whatever the dates and sizes
    clear = [[1.0 if (a < 2) == (b < 2) else 0.3 for b in range(2 * k)] for a in range(2 * k)]
    assert _cut_stands(clear, (left[:2], list(range(2, 2 * k))), same_week, cfg)


def test_the_cut_finds_two_blocks_not_one_odd_item() -> None:
    from discrep._stories import _halves

    # item 0 is a little like everything (0.1-0.12); two blocks 1-5 and 6-10 (within 0.5,
    # across 0.2). Group-average clustering would peel item 0 off; the cut is the blocks.
    n = 11

    def like(a: int, b: int) -> float:
        if a == b:
            return 1.0
        if 0 in (a, b):
            return 0.12 if max(a, b) <= 5 else 0.1
        return 0.5 if (a <= 5) == (b <= 5) else 0.2

    sim = [[like(a, b) for b in range(n)] for a in range(n)]
    left, right = _halves(sim)
    assert sorted([left, right]) == [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]
    # the order of the items does not change the cut
    perm = [9, 3, 0, 7, 1, 5, 2, 10, 8, 4, 6]
    shuffled = [[sim[perm[a]][perm[b]] for b in range(n)] for a in range(n)]
    moved = sorted(sorted(perm[i] for i in half) for half in _halves(shuffled))
    assert moved == sorted([left, right])


_MIXED = [
    "Kyiv said 5 people died in the flood on Monday.",
    "Kiev said 5 people died in the flood on Monday.",
    "Kyiv said 7 people died in the flood on Monday.",
    "The Oakland Athletics beat the Seattle Mariners 5-3 in Oakland on Sunday.",
    "The Oakland Athletics beat the Seattle Mariners 5-4 in Oakland on Sunday.",
]


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(len(_MIXED))))
def test_report_by_story_does_not_depend_on_input_order(order: list[int]) -> None:
    arts = [Article(t, source=f"a{i}") for i, t in enumerate(_MIXED)]
    expected = discrep.compare(arts, by_story=True)
    assert len(expected.stories) == 2
    assert discrep.compare([arts[i] for i in order], by_story=True) == expected


def test_a_small_story_joins_the_larger_story_it_is_like_unless_far_in_time() -> None:
    from discrep._stories import _adopt

    cfg = Config().stories  # adopt 0.1, adopt_max 2, window 7 days
    flood = {"flood": 0.8, "dhaka": 0.6}
    vecs = [flood, flood, flood, {"flood": 0.3, "rain": 0.95}, {"match": 1.0}]
    undated: list[dt.date | None] = [None] * 5
    parts = [[0, 1, 2], [3], [4]]
    assert _adopt(parts, vecs, undated, cfg) == [[0, 1, 2, 3], [4]]
    day = dt.date(2020, 7, 1)
    far = [day, day, day, day + dt.timedelta(days=300), None]
    assert _adopt(parts, vecs, far, cfg) == [[0, 1, 2], [3], [4]]


def test_a_small_story_far_in_time_joins_the_story_whose_full_names_it_shares() -> None:
    from discrep._stories import _adopt, _name_pairs

    cfg = Config().stories  # adopt 0.1, adopt_max 2, bridge_names 2
    event = "Mill worker Ada Brennan shot two men at the Tarrow Mill in Halden County."
    trial = "A jury found Ada Brennan guilty of the Tarrow Mill killings, two years on."
    other = "A jury found Olek Varga guilty of the Dunmere Bank fraud, two years on."
    names = [_name_pairs(t) for t in (event, event, event, trial, other)]
    assert {"ada brennan", "tarrow mill"} <= names[3]
    flood = {"shot": 0.8, "mill": 0.6}
    vecs = [flood, flood, flood, {"mill": 0.5, "jury": 0.87}, {"jury": 1.0}]
    day = dt.date(2020, 7, 1)
    later = day + dt.timedelta(days=700)
    dates = [day, day, day, later, later]
    parts = [[0, 1, 2], [3], [4]]
    assert _adopt(parts, vecs, dates, cfg, names) == [[0, 1, 2, 3], [4]]
    # without the shared names the time window keeps them apart
    assert _adopt(parts, vecs, dates, cfg) == [[0, 1, 2], [3], [4]]
    # names most articles of the feed hold are no one story's own
    crowd = [*names, names[0], names[0], names[0]]
    many = [*parts, [5], [6], [7]]
    vecs += [{"jury": 1.0}] * 3
    dates += [later] * 3
    assert _adopt(many, vecs, dates, cfg, crowd) == [[0, 1, 2], [3], [4], [5], [6], [7]]


def test_a_small_story_of_the_larger_story_span_joins_it() -> None:
    from discrep._stories import _adopt, _in_span

    day = dt.date(2020, 7, 1)
    week = dt.timedelta(days=7)
    story = [day, day + week, day + 2 * week, None]
    assert _in_span([day - week, None], story, 7)
    assert _in_span([day + 3 * week], story, 7)
    assert not _in_span([day + 3 * week + dt.timedelta(days=1)], story, 7)
    assert _in_span([day], [None, None], 7)
    cfg = Config().stories
    flood = {"flood": 1.0}
    vecs = [flood] * 4
    # the last report is 8 days from the first but within a week of the story's span
    dates = [day, day + week, day + week, day + dt.timedelta(days=8)]
    assert _adopt([[0, 1, 2], [3]], vecs, dates, cfg) == [[0, 1, 2, 3]]


# Two council elections in one invented region, six years apart: the earlier one reported
# without datelines (its texts name only older years), the later one with them.
_EARLIER_VOTE = [
    "Voters in Norland elected a new council on Sunday, the first vote since the 2009 reform. "
    "Turnout was 61 percent, observers said. Governor Pavel Ostrik praised the calm at "
    "polling stations.",
    "Norland voted for a council on Sunday. Observers watched polling stations, after the "
    "2009 reform of the voting law. Governor Pavel Ostrik voted early and praised the turnout.",
    "Long queues formed at polling stations in Norland on Sunday. Critics said the vote, the "
    "first since the 2010 purge, offered no real choice. Governor Pavel Ostrik called the "
    "turnout a triumph.",
    "Turnout in Sunday's council vote in Norland reached 61 percent, observers said. Governor "
    "Pavel Ostrik said the polling stations closed on time.",
]
_LATER_VOTE = [
    "Norland will hold council elections on May 4, 2016, with two parties on the ballot. "
    "Registration of candidates opens in March 2016, and Governor Pavel Ostrik expects a high "
    "turnout at polling stations.",
    "Two parties will compete in Norland council elections in May 2016. The Farmers Party, "
    "founded in 2015, will register candidates for the campaign alongside the party of "
    "Governor Pavel Ostrik.",
    "Norland set its council elections for May 4, 2016. Candidates of the two parties may "
    "register until April, and Governor Pavel Ostrik invited observers.",
]


def _two_votes(*, dated: bool = True) -> list[Article]:
    later = [
        Article(t, source=f"new{i}", published=dt.date(2016, 1, 10 + i) if dated else None)
        for i, t in enumerate(_LATER_VOTE)
    ]
    return _arts(_EARLIER_VOTE, "old") + later


def test_two_events_years_apart_are_two_stories_though_one_is_undated() -> None:
    found = discrep.stories(_two_votes())
    # the undated report naming no year (old3) goes with the era its words are nearer
    assert [s.sources for s in found] == [
        ("new0", "new1", "new2"),
        ("old0", "old1", "old2", "old3"),
    ]
    no_eras = Config(stories=attrs.evolve(Config().stories, era_gap_years=1000))
    assert len(discrep.stories(_two_votes(), config=no_eras)) == 1


@settings(max_examples=10, deadline=None)
@given(st.permutations(range(len(_EARLIER_VOTE) + len(_LATER_VOTE))))
def test_the_era_cut_does_not_depend_on_order(order: list[int]) -> None:
    arts = _two_votes()
    assert discrep.stories([arts[i] for i in order]) == discrep.stories(arts)


def test_an_era_cut_needs_the_words_to_agree() -> None:
    # the same reports, three of them dated years after the years the others name
    later = [
        Article(t, source=f"new{i}", published=dt.date(2016, 1, 10))
        for i, t in enumerate(_EARLIER_VOTE[:3])
    ]
    assert len(discrep.stories(_arts(_EARLIER_VOTE, "old") + later)) == 1


def test_years_named_in_texts_alone_do_not_split_a_story() -> None:
    # without publication dates, 2009/2010 against 2016 may be background against event
    assert len(discrep.stories(_two_votes(dated=False))) == 1


def test_the_latest_year_a_text_ties_an_event_to() -> None:
    from discrep._stories import _latest_year

    assert _latest_year("The vote is planned for December 15, 2031, officials said.") == 2031
    assert _latest_year("He has ruled since 1998; the 2004 vote and a purge in 2002.") == 2004
    assert _latest_year("Elected in Dec. 2007 and again in mid-2011.") == 2011
    assert _latest_year("Windows 2000 users and 2010 people; 2,013 votes.") is None
    assert _latest_year("No year here.") is None


def test_era_seeds_need_a_wide_gap_enough_articles_and_one_dated_era() -> None:
    from discrep._stories import _era_seeds

    cfg = Config().stories  # era_gap_years 3, era_min 3
    day = dt.date(2030, 5, 1)
    dates: list[dt.date | None] = [None, None, None, None, day, day, day]
    years: list[int | None] = [2024, 2024, 2025, None, None, None, None]
    assert _era_seeds(range(7), dates, years, cfg) == ([0, 1, 2], [4, 5, 6])
    # a gap of two years is one story's follow-up, not two eras
    assert _era_seeds(range(7), dates, [2028, 2028, 2028, None, None, None, None], cfg) is None
    # two undated years per era are too few
    assert _era_seeds(range(7), dates, [2024, 2024, None, None, None, None, None], cfg) is None
    # text years alone on both sides: no era is dated
    undated: list[dt.date | None] = [None] * 7
    assert _era_seeds(range(7), undated, [2024, 2024, 2024, None, 2030, 2030, 2030], cfg) is None
