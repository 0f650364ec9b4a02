"""Tests of the `role` check."""

from __future__ import annotations

import pytest

import discrep
from discrep._detect.role import RoleFrame, conflict, read_role


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Defence minister", "minister of defense"),
        ("Ukrainian Defence minister", "the Ukrainian minister of defense"),
        ("presidential adviser", "presidential aide"),
        ("Kremlin spokesman", "Kremlin spokesperson"),
        ("Ukrainian negotiator and presidential adviser", "adviser to the president"),
        ("President", "Ukraine’s President"),
        ("Foreign Minister", "minister"),
        ("majority leader in parliament", "head of the ruling party"),
        ("Deputy Sheriff", "Sheriff's deputy"),
        ("Attorney General", "attorney general of the state"),
        ("chief financial officer", "CFO"),
        ("Lt. Col.", "Lieutenant Colonel"),
        ("acting director", "director"),
        ("Captain", "Lieutenant"),  # a navy lieutenant is OF-3, an army captain OF-2
    ],
)
def test_equivalent_or_compatible_roles(a: str, b: str) -> None:
    """Equivalent wordings and roles one person can hold together do not conflict."""
    assert conflict(read_role(a), read_role(b)) is None


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Defence minister", "Foreign Minister", "minister: defence vs foreign"),
        ("President", "Prime Minister", "president vs prime minister"),
        ("Deputy Defence Minister", "Defence Minister", "deputy minister vs minister"),
        ("Ukrainian Foreign Minister", "Russian Foreign Minister", "minister of UA vs RU"),
        ("CFO", "chief technology officer", "chief officer: financial vs technology"),
        ("Commander", "Commodore", "rank: commander vs commodore"),
        ("Rear Adm.", "Cmdr.", "rank: rear admiral vs commander"),
        ("County District Attorney", "Assistant District Attorney",
         "deputy district attorney vs district attorney"),
    ],
)
def test_incompatible_roles(a: str, b: str, why: str) -> None:
    """Different portfolios, top offices, deputy posts or countries conflict."""
    assert conflict(read_role(a), read_role(b)) == why


def test_read_role_frames() -> None:
    """The office is the head before the first preposition; synonyms merge."""
    assert read_role("adviser to Ukrainian President Volodymyr Zelenskyy").office == "adviser"
    assert read_role("Russia’s ambassador to Belarus") == RoleFrame(
        "ambassador", None, False, "RU"
    )
    assert read_role("Ukrainian Deputy Defence Minister").deputy
    assert read_role("the mayor's office").office == "mayor"
    assert read_role("construction worker").office is None


def test_role_discrepancy_quotes_the_roles() -> None:
    """A conflict is reported once, quoting each role exactly, with both sources."""
    texts = [
        "Ukrainian Defence minister Oleksii Reznikov shook hands. Reznikov left.",
        "The team includes the Ukrainian foreign minister, Oleksii Reznikov, and others.",
    ]
    report = discrepancy_report(texts)
    roles = [d for d in report.discrepancies if d.kind == "role"]
    assert len(roles) == 1
    assert sorted(c.text for c in roles[0].claims) == [
        "Ukrainian Defence minister",
        "Ukrainian foreign minister",
    ]
    for c in roles[0].claims:
        assert texts[int(c.source[-1])][c.start : c.end] == c.text
    assert "defence vs foreign" in roles[0].reason


def test_a_rank_glued_to_the_name_is_read_as_a_role() -> None:
    """'Colonel Ada Brennick' in one source and 'Major Ada Brennick' in another conflict."""
    texts = [
        "Colonel Ada Brennick, an army spokeswoman, said the convoy left.",
        "The convoy left at dawn, army spokeswoman Major Ada Brennick said.",
    ]
    roles = [d for d in discrepancy_report(texts).discrepancies if d.kind == "role"]
    assert len(roles) == 1
    assert {c.text for c in roles[0].claims} == {"Colonel", "spokeswoman Major"}
    assert "rank" in roles[0].reason


def test_seed_traps_give_no_role_discrepancy(seed_report: discrep.Report) -> None:
    """The seeds' equivalent wordings (the gold's traps) report no role conflict."""
    assert [d for d in seed_report.discrepancies if d.kind == "role"] == []


def discrepancy_report(texts: list[str]) -> discrep.Report:
    """Compare ``texts`` checking roles only."""
    return discrep.compare(texts, config=discrep.Config(checks={"role"}))
