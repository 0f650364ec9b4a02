"""Sentence segmentation of scraped news text: boundaries, offsets and glued furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrep._read import mark_junk
from discrep._segment import furniture_prefix, looks_like_html, segment

DATA = Path(__file__).parent / "data"


def texts(text: str) -> list[str]:
    """The sentence texts of ``text``, junk included."""
    return [s.text for s in segment(text)]


def assert_offsets(text: str) -> None:
    """Every sentence quotes ``text`` exactly, in order, without overlap or edge spaces."""
    last = 0
    for s in segment(text):
        assert text[s.start : s.end] == s.text
        assert s.start >= last
        assert s.end > s.start
        assert s.text == s.text.strip()
        last = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. President spoke. He left.", ["The U.S. President spoke.", "He left."]),
        (
            "It was built in the U.S. The plant closed.",
            ["It was built in the U.S.", "The plant closed."],
        ),
        (
            "Talks began on Mar. 28 in the city. Nobody came.",
            ["Talks began on Mar. 28 in the city.", "Nobody came."],
        ),
        (
            "They met on Feb. 22 at 10 a.m. local time.",
            ["They met on Feb. 22 at 10 a.m. local time."],
        ),
        ("It ended at 2 p.m. The crowd left.", ["It ended at 2 p.m.", "The crowd left."]),
        (
            "It ended at 2 p.m. Monday, officials said.",
            ["It ended at 2 p.m. Monday, officials said."],
        ),
        (
            "George W. Bush met J. K. Rowling. Both smiled.",
            ["George W. Bush met J. K. Rowling.", "Both smiled."],
        ),
        (
            "He ranked No. 5 in the poll. He said no. The poll ended.",
            ["He ranked No. 5 in the poll.", "He said no.", "The poll ended."],
        ),
        (
            "Police in Springfield, Ill. The mayor spoke.",
            ["Police in Springfield, Ill.", "The mayor spoke."],
        ),
        (
            "Acme Inc. said sales rose 3.8 percent. Shares fell.",
            ["Acme Inc. said sales rose 3.8 percent.", "Shares fell."],
        ),
        (
            "What happened? Nobody knows! Talks resume.",
            ["What happened?", "Nobody knows!", "Talks resume."],
        ),
        ("He told E! News on Friday. It aired.", ["He told E! News on Friday.", "It aired."]),
        (
            "A loaded. 38-caliber gun and a limit of. 08 percent. In 2014. 38 people died.",
            ["A loaded. 38-caliber gun and a limit of. 08 percent.", "In 2014.", "38 people died."],
        ),
        (
            "Blasts at 3 p.m. (1200 GMT). The camp is large.",
            ["Blasts at 3 p.m. (1200 GMT).", "The camp is large."],
        ),
        ("Msgr. Farmer and Dep. Ortiz spoke.", ["Msgr. Farmer and Dep. Ortiz spoke."]),
    ],
)
def test_abbreviations_and_boundaries(text: str, expected: list[str]) -> None:
    """Abbreviations, initials and decimals do not end sentences; real boundaries do."""
    assert texts(text) == expected
    assert_offsets(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        (
            "She said \u201cwe will win.\u201d The crowd cheered.",
            ["She said \u201cwe will win.\u201d", "The crowd cheered."],
        ),
        ('"Really?" he asked. Nobody answered.', ['"Really?" he asked.', "Nobody answered."]),
        (
            '"There is hope only for the corridors... ." The talks ended.',
            ['"There is hope only for the corridors... ."', "The talks ended."],
        ),
        (
            "It was over (or so they said.) Then rain came.",
            ["It was over (or so they said.)", "Then rain came."],
        ),
    ],
)
def test_quotes_belong_to_their_sentence(text: str, expected: list[str]) -> None:
    """A closing quote after the period stays with its sentence; a lone ' ."' fragment joins it."""
    assert texts(text) == expected
    assert_offsets(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister met Macron.The talks lasted an hour.",
            ["The minister met Macron.", "The talks lasted an hour."],
        ),
        ("They reject the NATOmilitary alliance.", ["They reject the NATOmilitary alliance."]),
        ("It joined NATO.The alliance grew.", ["It joined NATO.", "The alliance grew."]),
        ("Prices rose in 2014.Then they fell.", ["Prices rose in 2014.", "Then they fell."]),
        ("Why now?The answer is money.", ["Why now?", "The answer is money."]),
        (
            "He said it was over.\u201dThe end came.",
            ["He said it was over.\u201d", "The end came."],
        ),
        ("Visit example.com today.", ["Visit example.com today."]),
        (
            "The talks ended.\u201cWe will return,\u201d he said.",
            ["The talks ended.", "\u201cWe will return,\u201d he said."],
        ),
        ("The U.S.A.Today paper.", ["The U.S.A.Today paper."]),
    ],
)
def test_glued_sentences(text: str, expected: list[str]) -> None:
    """Sentences glued without a space split; glued words and acronyms do not."""
    assert texts(text) == expected


def test_ellipses() -> None:
    """An ellipsis before a lower-case word continues the sentence; before a capital it ends it."""
    assert texts("He paused... and went on. It ended\u2026 Then rain came.") == [
        "He paused... and went on.",
        "It ended\u2026",
        "Then rain came.",
    ]


def test_stripped_quotes_style() -> None:
    """Text whose quotation marks were stripped still splits at the periods."""
    text = (
        "The minister dismissed the alarm. Nobody wins such a war, the minister said. "
        "I assure you that we will act calmly. Also on Thursday, the ministry approved aid."
    )
    assert texts(text) == [
        "The minister dismissed the alarm.",
        "Nobody wins such a war, the minister said.",
        "I assure you that we will act calmly.",
        "Also on Thursday, the ministry approved aid.",
    ]


def test_headlines_and_datelines_on_their_own_lines() -> None:
    """A line break ends a headline or dateline that has no terminal punctuation."""
    text = (
        "Floods close the river port\n\nJune 05, 2021 08:10 GMT\n"
        "  Residents left the town on Friday.  \n\n\n\t\tThe water rose overnight."
    )
    assert texts(text) == [
        "Floods close the river port",
        "June 05, 2021 08:10 GMT",
        "Residents left the town on Friday.",
        "The water rose overnight.",
    ]
    assert_offsets(text)


def test_hard_wrapped_lines_are_joined() -> None:
    """A line ending mid-sentence and continued in lower case is one sentence."""
    text = (
        "The council said on Monday that the new bridge over the\n"
        "river would open next year. It did not say more."
    )
    assert texts(text) == [
        "The council said on Monday that the new bridge over the\nriver would open next year.",
        "It did not say more.",
    ]


def test_headline_is_not_joined_to_a_lowercase_line() -> None:
    """A Title Case headline followed by a lower-case dateline stays apart."""
    assert texts("Fired Worker Goes On A Shooting Spree In Town\non Apr 12 2007\nPolice said.")[
        0
    ] == ("Fired Worker Goes On A Shooting Spree In Town")


def test_crlf_and_other_line_breaks() -> None:
    """Windows line ends and Unicode line separators break lines like a newline."""
    assert texts("Headline here\r\nBody text.\u2028Other line") == [
        "Headline here",
        "Body text.",
        "Other line",
    ]


def test_date_tag_glued_to_a_caption_is_split_off_as_junk() -> None:
    """The leading ' date YYYY-MM-DD ' tag becomes its own junk span; the caption stays."""
    text = (
        " date 2021-06-05 A rescuer carries a child through the water. | Photo Credit: AFP\n\nBody."
    )
    sentences = mark_junk(text, segment(text))
    assert [(s.text, s.junk) for s in sentences] == [
        ("date 2021-06-05", True),
        ("A rescuer carries a child through the water.", False),
        ("Photo Credit: AFP", True),
        ("Body.", False),
    ]
    caption = sentences[1]
    assert caption.start == text.index("A rescuer")


def test_date_tag_glued_to_a_section_name() -> None:
    """The tag is split off a section name too, leaving the name as a headline."""
    assert [(s.text, s.junk) for s in segment(" date 2021-06-05 Flood Crisis\n\nTitle")] == [
        ("date 2021-06-05", True),
        ("Flood Crisis", False),
        ("Title", False),
    ]


@pytest.mark.parametrize(
    ("line", "junk", "rest"),
    [
        ("HomeWorldFloods close the river port", "HomeWorld", "Floods close the river port"),
        ("HomeFloods close the port", "Home", "Floods close the port"),
        (
            "dpa BerlinHamburgHamburg and Berlin agreed on Monday.",
            "dpa BerlinHamburg",
            "Hamburg and Berlin agreed on Monday.",
        ),
    ],
)
def test_breadcrumbs_and_agency_datelines_glued_to_the_first_word(
    line: str, junk: str, rest: str
) -> None:
    """Glued breadcrumbs and agency datelines are split off as junk; the sentence stays whole."""
    assert [(s.text, s.junk) for s in segment(line)] == [(junk, True), (rest, False)]


@pytest.mark.parametrize(
    "line",
    [
        "LinkedIn said it would hire.",
        "McDonald's opened.",
        "YouTube removed it.",
        "iPhone sales rose.",
    ],
)
def test_camel_case_names_are_not_breadcrumbs(line: str) -> None:
    """A single glued capital inside a name is not furniture."""
    assert furniture_prefix(line) == 0
    assert texts(line) == [line]


def test_dateline_opening_a_sentence_is_split_off() -> None:
    """'June 26, 2005 Before he was shot ...': the dateline is junk, the sentence is whole."""
    text = (
        "A man was found. June 26, 2005 Before he was shot, the deputy knocked. "
        "Updated 9:01 AM EDT The trial began."
    )
    assert [(s.text, s.junk) for s in segment(text)] == [
        ("A man was found.", False),
        ("June 26, 2005", True),
        ("Before he was shot, the deputy knocked.", False),
        ("Updated 9:01 AM EDT", True),
        ("The trial began.", False),
    ]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BERLIN, June 3 (Reuters) - The council said so.", "BERLIN, June 3 (Reuters) -"),
        ("WASHINGTON (AP) \u2014 The Senate voted.", "WASHINGTON (AP) \u2014"),
        ("SAN DIEGO, Calif., Feb. 4 (AP) -- Police said.", "SAN DIEGO, Calif., Feb. 4 (AP) --"),
        ("HAMBURG:\u00a0The city said it hoped.", "HAMBURG:"),
    ],
)
def test_wire_datelines_are_split_off(text: str, dateline: str) -> None:
    """A wire dateline (where the story was filed) is junk; the first sentence is whole."""
    assert [(s.text, s.junk) for s in segment(text)] == [
        (dateline, True),
        (text[len(dateline) :].strip(), False),
    ]


@pytest.mark.parametrize(
    "text", ["NATO members met.", "US officials - and others - said.", "CHANGE THEIR GOALS"]
)
def test_capitals_are_not_always_a_wire_dateline(text: str) -> None:
    """Acronyms and all-caps headlines without a dateline's punctuation stay whole."""
    assert [(s.text, s.junk) for s in segment(text)] == [(text, False)]


def test_a_bare_time_is_not_a_dateline() -> None:
    """A number that only looks like a time does not make a dateline."""
    assert texts("10.30 Kyiv time is late.") == ["10.30 Kyiv time is late."]


def test_pipe_separates_furniture() -> None:
    """A pipe between spaces separates page furniture from the text around it."""
    assert texts("May 2, 2013 | 5:03pm") == ["May 2, 2013", "5:03pm"]


def test_list_markers_stay_with_their_item() -> None:
    """'1.' opening a line is a list marker, not a sentence."""
    assert texts("1. The first point.\n2. The second.") == ["1. The first point.", "2. The second."]


def test_cjk_terminals_split_without_spaces() -> None:
    """Full-width terminal punctuation ends a sentence even with no space after it."""
    assert texts("\u4eca\u5929\u4e0b\u96e8\u3002\u660e\u5929\u6674\u3002") == [
        "\u4eca\u5929\u4e0b\u96e8\u3002",
        "\u660e\u5929\u6674\u3002",
    ]


def test_html_block_tags_break_sentences_and_are_left_out() -> None:
    """In HTML, block tags end sentences and never appear in a sentence; inline tags stay."""
    html = (DATA / "segment_page.html").read_text(encoding="utf-8")
    assert looks_like_html(html)
    got = texts(html)
    assert "The river rose <b>two metres</b> overnight." in got
    assert "Flood warning for the valley" in got
    assert not any(t.startswith("<p") or t.startswith("<div") for t in got)
    assert_offsets(html)


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    """'a < b' and '<Reuters>' in plain text do not switch on HTML handling."""
    assert not looks_like_html("If a < b and c > d then <Reuters> said so.")


def test_wall_of_text_is_cut_into_bounded_pieces() -> None:
    """A run with no sentence boundary is cut at spaces, so no 'sentence' is unbounded."""
    text = "word " * 5000
    sentences = segment(text)
    assert len(sentences) > 1
    assert max(len(s.text) for s in sentences) <= 3000
    assert " ".join(s.text for s in sentences).split() == text.split()
    assert_offsets(text)


def test_pathological_runs_complete() -> None:
    """Long runs of periods, abbreviations and tags go through (each regex is linear)."""
    for text in ("." * 200_000, "Mr. " * 50_000, "a. " * 60_000, "<a " * 60_000, "date " * 40_000):
        assert_offsets(text)


def test_empty_and_blank_text() -> None:
    """No text, no sentences."""
    assert segment("") == ()
    assert segment(" \n\n\t ") == ()


@pytest.fixture(name="gold")
def fixture_gold() -> dict:  # type: ignore[type-arg]
    """The hand-made gold for the seed articles (skips when the shared folder is absent)."""
    path = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.json"
    if not path.exists():
        pytest.skip("no shared gold")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_gold_alignment_sentences_are_whole_sentences(gold: dict, seed_paths: list[Path]) -> None:  # type: ignore[type-arg]
    """Each sentence the gold aligns across the seeds is exactly one analysable sentence."""
    seeds = {p.name: p.read_text(encoding="utf-8") for p in seed_paths}
    sentences = {
        name: {s.text for s in mark_junk(t, segment(t)) if not s.junk} for name, t in seeds.items()
    }
    pairs = gold["alignment"]["pairs"] + gold["alignment"].get("optional", [])
    wanted = {(p[side], p[side + "_text"]) for p in pairs for side in ("a", "b")}
    missing = [(name, text) for name, text in sorted(wanted) if text not in sentences[name]]
    assert missing == []


def test_seed_sentences_hold_no_furniture(seed_paths: list[Path]) -> None:
    """No analysable seed sentence carries a date tag, a breadcrumb or a photo credit."""
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        for s in mark_junk(text, segment(text)):
            if not s.junk:
                assert not s.text.startswith(("date ", "Home")), s.text
                assert "Photo Credit" not in s.text
                assert s.text != "Advertisement"
                assert text[s.start : s.end] == s.text


_WORDS = st.sampled_from(
    ["talks", "began", "in", "the", "city", "officials", "said", "rain", "fell"]
)
_INNER = st.sampled_from(
    [
        "Mr. Smith",
        "the U.S. economy",
        "3.8 percent",
        "10 a.m. local time",
        "Feb. 22",
        "No. 5",
        "J. K. Rowling",
        "e.g. floods",
        "Dr. Jones",
        "NATOmilitary",
        "St. Louis",
        "Acme Inc. shares",
    ]
)
_FIRST = st.sampled_from(["The", "Officials", "Rain", "Mayor", "Police", "It", "\u201cWe"])
_END = st.sampled_from([".", "!", "?", '."', ".\u201d", "?\u201d"])
_SENTENCE = st.builds(
    lambda first, middle, last, end: " ".join([first, *middle, last]) + end,
    _FIRST,
    st.lists(st.one_of(_WORDS, _INNER), max_size=6),
    _WORDS,
    _END,
)


@given(st.lists(_SENTENCE, min_size=1, max_size=6), st.sampled_from([" ", "  ", "", "\n", "\n\n"]))
def test_generated_sentences_come_back(sentences: list[str], sep: str) -> None:
    """Sentences joined by spaces, line breaks or nothing at all are split back exactly."""
    text = sep.join(sentences)
    assert texts(text) == sentences
