"""The detectors' memoised helpers answer as their unmemoised selves, whatever came before.

``_spelling_of`` (spelling check) and ``_title_length`` (role check) are memoised on their
one argument across compares; a memo keyed on too little, or a helper reading state other
than its argument, would make an answer depend on what an earlier call saw.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from discrep._detect.role import _title_length
from discrep._detect.spelling import _spelling_of

_NAMES = [
    "Commodore Nirad Sinha",
    "Prime Minister Anna Berg",
    "Gen. Petro Ivanenko",
    "President",
    "Dr. Mia Lund",
    "Lake Tahoe",
    "NATO",
    "U.N.",
    "Hurricane Katrina",
    "North Ridge Police Department",
    "Zelenskys",
    "O'Brien",
]

_words = st.sampled_from(
    ["Commodore", "Gen.", "Dr.", "Prime", "Minister", "Anna", "Berg", "Lake", "North",
     "Police", "NATO", "U.N.", "de", "al-Rashid", "Jr.", "Mr", "Inc."]
)


@given(st.lists(st.lists(_words, min_size=1, max_size=5).map(" ".join), max_size=30))
def test_memoised_helpers_answer_as_the_plain_functions(names: list[str]) -> None:
    for name in [*names, *_NAMES, *reversed(names)]:
        assert _spelling_of(name) == _spelling_of.__wrapped__(name)
        assert _title_length(name) == _title_length.__wrapped__(name)


def test_title_length_reads_the_title_words_only() -> None:
    assert _title_length("Commodore Nirad Sinha") == len("Commodore")
    assert _title_length("Gen. Petro Ivanenko") == len("Gen.")
    # a title alone or before one word is the name itself, not a title glued to a name
    assert _title_length("Petro Ivanenko") == 0
    assert _title_length("Commodore Sinha") == 0
