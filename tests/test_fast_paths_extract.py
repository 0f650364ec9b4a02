"""Fast paths of segment, quantity, time and event extraction equal the plain definitions.

Issue 14 throughput: each test states the plain form and compares.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _read, _units
from discrep._extract import events, quantities, time
from discrep._lexicon import compile_spaced, word_alternation

_TEXT = st.text(
    alphabet=st.sampled_from("sShHeErRiImMſK_1é- .\u00a0\tagoAGO:/20'’ab"), max_size=40
) | st.text(max_size=40)


@given(_TEXT)
@example("Hers, his; HIM he ſhe sHe hers's")
@example("the shed, ahem, hiss, ſhe")
def test_pronoun_counts_match_the_plain_patterns(text: str) -> None:
    he = re.compile(r"\b(?:he|him|his)\b", re.IGNORECASE)
    she = re.compile(r"\b(?:she|her|hers)\b", re.IGNORECASE)
    assert [m.span() for m in events._HE.finditer(text)] == [m.span() for m in he.finditer(text)]
    assert [m.span() for m in events._SHE.finditer(text)] == [
        m.span() for m in she.finditer(text)
    ]


@given(_TEXT)
@example("Updated 3 hours AGO")
@example("Sept. 4")
def test_dateline_prefilter_never_drops_a_sign(text: str) -> None:
    if _read._DATELINE_SIGN.search(text):
        assert _read._DIGIT.search(text) or _read._AGO.search(text)


_PLAIN_CUE = compile_spaced(
    r"fold\b|"
    r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]|\b"
    + word_alternation(
        (*quantities._NUMWORD_LIST, "tens", "dozens", "scores", "hundreds", "thousands",
         "millions", "billions")
    )
    + r"\b",
    re.IGNORECASE,
)


@given(st.text(alphabet=st.sampled_from("twoTWO tens½3٣ fold-Fold.ſ"), max_size=30))
@example("Two-fold")
@example("٣ people")  # an Arabic-Indic digit is a digit too
def test_quantity_cue_is_a_digit_or_a_number_word(text: str) -> None:
    split = bool(quantities._HAS_DIGIT.search(text) or quantities._HAS_CUE.search(text))
    assert split == bool(_PLAIN_CUE.search(text))


@given(_TEXT)
@example("In March, the 1mar gala (Marathon)")
def test_key_prefixes_hold_every_word_start(text: str) -> None:
    low = text.lower()
    word_starts = set(re.findall(r"\b[a-z]{3}", low))
    assert word_starts <= set(time._WORD3.findall(low))


@given(st.text(alphabet=st.sampled_from("pounds sterling weight kg cash money price 12 "),
               max_size=120))
@example("He paid 40 pounds in cash for the weight of 40 pounds.")
def test_unit_disambiguation_counts_every_occurrence(context: str) -> None:
    cands = _units._candidates("pounds", False)
    assert len(cands) > 1

    def plain(cands: tuple[_units._Unit, ...]) -> _units._Unit | None:
        best, best_count, best_share = None, 0, 0.0
        for unit in cands:
            words, total = _units._units().training.get(unit.name, ((), 0))
            count = sum(1 for w in words if w in context)
            share = count / total if total else 0.0
            if share > best_share or (share == best_share and count > best_count):
                best, best_count, best_share = unit, count, share
        return best

    assert _units._disambiguate(cands, context) == plain(cands)
