"""Tests of the `spelling` check."""

from __future__ import annotations

import pytest

import discrep
from discrep._model import Discrepancy


def _spellings(*texts: str) -> list[Discrepancy]:
    report = discrep.compare(list(texts), config=discrep.Config(checks={"spelling"}))
    return [d for d in report.discrepancies if d.kind == "spelling"]


def test_one_discrepancy_per_entity_with_every_spelling() -> None:
    """Three spellings of one surname give one discrepancy with three exact claims."""
    texts = [
        "Ukraine’s President Volodymyr Zelenskiy stayed in Kyiv.",
        "Ukrainian President Volodymyr Zelenskyy spoke. Zelenskyy left.",
        "Mr. Zelensky said so. President Volodymyr Zelensky agreed.",
    ]
    found = _spellings(*texts)
    assert len(found) == 1
    d = found[0]
    assert [c.source for c in d.claims] == ["text0", "text1", "text2"]
    assert [c.text for c in d.claims] == [
        "Volodymyr Zelenskiy",
        "Volodymyr Zelenskyy",
        "Volodymyr Zelensky",
    ]
    for c in d.claims:
        assert texts[int(c.source[-1])][c.start : c.end] == c.text
        assert c.text in c.sentence
    assert d.reason.startswith("written Volodymyr Zelenskiy (text0), Volodymyr Zelenskyy (text1)")


def test_given_name_spelling() -> None:
    """A given name spelled two ways is a spelling discrepancy of the person."""
    found = _spellings(
        "Presidential adviser Mikhailo Podolyak tweeted.",
        "Mykhailo Podolyak, an adviser, said so.",
    )
    assert [sorted(c.text for c in d.claims) for d in found] == [
        ["Mikhailo Podolyak", "Mykhailo Podolyak"]
    ]


def test_place_spelling_through_the_gazetteer() -> None:
    """Kyiv/Kiev and Dnipro/Dnieper are one place written two ways."""
    found = _spellings(
        "Explosions shook Kyiv, near the Dnipro River.",
        "Explosions shook Kiev, near the Dnieper River.",
    )
    assert sorted(sorted(c.text for c in d.claims) for d in found) == [
        ["Dnieper River", "Dnipro River"],
        ["Kiev", "Kyiv"],
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # case and punctuation
        ("Kremlin spokesman Dmitry Peskov spoke.", "KREMLIN SPOKESMAN DMITRY PESKOV SPOKE."),
        # possessive with and without apostrophe
        ("Ukraine’s army held in Kyiv.", "Ukraines army held. Ukraine's too."),
        ("Mr. Zelensky’s party met.", "President Volodymyr Zelenskys party met."),
        # an added first name or middle initial
        ("Mr. Peskov said.", "Kremlin spokesman Dmitry Peskov said."),
        ("George W. Bush spoke in Texas.", "George Bush spoke in Texas."),
        # demonyms are not spellings of their place
        ("Belarus hosted the talks.", "Belarusian officials hosted the talks. Belarusians pray."),
        ("Kyiv was calm.", "Kyivites waited in Kyiv."),
        # a feature or region word
        ("Talks in Brest region began.", "Talks in the Brest region began."),
        # an abbreviation
        ("The U.S. said no.", "The US said no. The United States agreed."),
    ],
)
def test_not_spelling_discrepancies(texts: tuple[str, str]) -> None:
    """Case, punctuation, possessives, added names, demonyms and abbreviations are not reported."""
    assert _spellings(*texts) == []


def test_different_people_are_not_spellings() -> None:
    """Look-alike names of different people are not reported as spellings."""
    assert _spellings(
        "Leonid Slutsky and Vladimir Medinsky arrived.",
        "Volodymyr Zelensky met Vladimir Putin.",
    ) == []


def test_seed_gold_spellings(seed_report: discrep.Report) -> None:
    """On the seeds: five spelling discrepancies, the gold's five."""
    found = [d for d in seed_report.discrepancies if d.kind == "spelling"]
    forms = sorted(" / ".join(sorted({c.text.split()[-1] for c in d.claims})) for d in found)
    assert forms == [
        "Arachamija / Arakhamia",
        "Kiev / Kyiv",
        "Podolyak",
        "River",
        "Zelenskiy / Zelensky / Zelenskyy",
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # an inflection
        ("Hurricane Katrina hit in 2005. Hurricane Katrina left.",
         "Hurricanes Katrina and Rita hit. Hurricane Katrina was worse."),
        # a short form of the given name
        ("Steven Einhorn said so.", "Steve Einhorn said so."),
        # British and American orthography
        ("She went to the Promises Treatment Centre.",
         "She went to the Promises Treatment Center."),
        # a direction word
        ("Fires burned in California.", "Fires burned in Southern California."),
        # -isation/-ization, and a hyphen (ECB+: the OSCE as "Organisation for ...
        # Co-operation" and "Organization for ... Cooperation"; Wi-Fi/WiFi)
        ("Monitors from the Organisation for Harbour Co-operation in Arden came.",
         "Monitors from the Organization for Harbour Cooperation in Arden came."),
        ("The Corvane Ultra phone has Wi-Fi and a camera.",
         "The Corvane Ultra phone has WiFi and a camera."),
        ("Talks with Jean-Marc Orlane began.", "Talks with Jean Marc Orlane began."),
    ],
)
def test_more_non_spellings(texts: tuple[str, str]) -> None:
    """Inflections, short given names, orthography and direction words are not spellings."""
    assert _spellings(*texts) == []


def test_misspelt_surname_in_one_source() -> None:
    """A surname misspelt by one outlet is reported, quoting both spellings."""
    found = _spellings("Playboy founder Hugh Hefner said so.", "Hugh Heffner said so.")
    assert [sorted(c.text for c in d.claims) for d in found] == [["Hugh Heffner", "Hugh Hefner"]]


def test_issue_11_spellings_and_nicknames() -> None:
    """Brian/Bryant and Lenny/Lennie are spellings; Stan/Stanley is a nickname.

    A bare given name is compared with the word of the full name closest to it.
    """
    import discrep

    report = discrep.compare(
        [
            "Bryant Holm, 39, was shot. Lenny Varga scored. Stan Perrow said so. "
            "Marisol Ekberg, his sister, wept.",
            "Brian Holm, 39, was shot. Lennie Varga scored. Stanley Perrow said so. "
            "Marisol Ekberg spoke. Marisel said more.",
        ]
    )
    reasons = [d.reason for d in report.discrepancies if d.kind == "spelling"]
    assert any("Bryant" in r and "Brian" in r for r in reasons), reasons
    assert any("Lenny" in r and "Lennie" in r for r in reasons), reasons
    assert not any("Stan" in r for r in reasons), reasons


def test_a_hyphen_set_aside_does_not_hide_a_spelling() -> None:
    """Letters that differ are still a spelling when one form also has a hyphen."""
    found = _spellings("Talks with Jean-Marc Orlane began.", "Talks with Jean Marc Orlene began.")
    assert [sorted(c.text for c in d.claims) for d in found] == [
        ["Jean Marc Orlene", "Jean-Marc Orlane"]
    ]


def test_lone_given_names_are_not_spellings() -> None:
    """A given name alone against a look-alike word does not tell one person's spelling."""
    assert _spellings(
        "Mob boss Vincent Kestrelli died. Vincent was frail.",
        "His mother called him a diminutive of Vincente. Kestrelli was 77.",
    ) == []


def test_a_birth_name_is_no_spelling() -> None:
    """'was born Betty Mae Roe' against 'Bettie Roe': the birth name, not a spelling."""
    assert _spellings(
        "Pinup model Bettie Kestrow died. Kestrow was born Betty Mae Kestrow in Arden.",
        "Bettie Kestrow, the pinup model, died on Thursday.",
    ) == []
    found = _spellings(
        "Pinup model Bettie Kestrow died. Kestrow was born Betty Mae Kestrow in Arden.",
        "Photos of Kestrov helped her fame. Bettie Kestrov died on Thursday.",
    )
    assert [sorted({c.text for c in d.claims}) for d in found] == [
        ["Bettie Kestrov", "Bettie Kestrow"]
    ]
