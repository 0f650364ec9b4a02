"""Fast paths on the hot path give what the plain definitions give (issue 14 throughput)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import PlacesConfig
from discrep._extract.names import _shouting, _tokens

_TEXT = st.text(
    alphabet=st.sampled_from("aAbBzZ é É ß ΣσĞ ǅ Ⅻ ⓐⒶ 1 . - ‐ ' ’ \t"), max_size=60
) | st.text(max_size=40)


def _shouting_by_definition(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


@given(_TEXT)
@example("ABCDEFGHIJKLab")  # 12 capitals of 14 letters: shouting
@example("ABCDEFGHIJKLMNOPabcdefghijkl")  # 16 of 28: not
@example("ABCDEFGabc")  # 7 of 10 is not more than 70%
@example("ABCDEFGab")
def test_shouting_is_seventy_percent_capitals(text: str) -> None:
    assert _shouting(text) == _shouting_by_definition(text)


@given(st.text(alphabet=st.sampled_from("abcdefgXYZ -‐'’ .É"), max_size=60))
def test_tokens_have_exact_offsets_and_forms(text: str) -> None:
    for tok in _tokens(PlacesConfig(), text, 7):
        assert text[tok.start - 7 : tok.end - 7] == tok.text
        assert tok.cap == tok.text[:1].isupper()
        assert tok.lower == tok.bare.lower().rstrip(".")
