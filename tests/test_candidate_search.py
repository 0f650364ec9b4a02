"""The quantity scanner's prefiltered search finds exactly what the plain search finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep._extract import quantities
from discrep._lexicon import lowered

_PIECES = st.sampled_from(
    ["12", "3.5", ".5", "1,200", "40 000", "½", "2 ¾", "3/4", "USD5", "x10^3", "1e6",
     "several", "dozens", "hundreds of thousands", "a few", "twofold", "twenty-one",
     "one hundred and five", "Seven", "tens", "scores of", "fold", "often", "ten",
     " ", ", ", ". ", "-", "/", "people", "km", "\u202f", "\u00a0", "a", "é", "٣",
     "A couple of", "a handful of", "a\u00a0few", "A ", ".٣", "."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(0, 5))
@example("A handful of hundreds. a couple of dozen, a\u00a0few thousand and .5 a. 7", 0)
def test_next_candidate_is_the_plain_search(text: str, start: int) -> None:
    pos, hi = min(start, len(text)), len(text)
    while True:
        plain = quantities._CANDIDATE.search(text, pos, hi)
        fast = quantities._next_candidate(text, pos, hi)
        assert (plain and plain.span()) == (fast and fast.span())
        low = lowered(text)
        if low is not None:  # the starts searched in the lowered text
            fast = quantities._next_candidate(text, pos, hi, low)
            assert (plain and plain.span()) == (fast and fast.span())
        if plain is None:
            return
        pos = plain.end()
