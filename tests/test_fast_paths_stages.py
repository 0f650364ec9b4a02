"""Fast paths of reading, segmentation, events and the checks equal their plain forms.

Issue 14 throughput: each test states the plain form and compares.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _read, _segment
from discrep._extract import events
from discrep._lexicon import lowered
from discrep._model import Mention, Sentence

_CONTROLS = st.text(
    alphabet=st.sampled_from("\x00\x01\x08\t\n\x0b\x0c\r\x0e\x1f \x7f\x85a\u00e9\u2028"),
    max_size=40,
) | st.text(max_size=40)


@given(_CONTROLS)
@example("\x00\t\n\r\x0b\x0c\x1f")
@example("caf\u00e9\x00")
def test_control_count_is_the_plain_count(text: str) -> None:
    plain = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\x0b\x0c")
    assert _read._control_count(text) == plain


@given(st.binary(max_size=60))
def test_control_count_of_bytes_is_the_plain_count(data: bytes) -> None:
    assert _read._control_count(data) == sum(1 for b in data if b < 9 or 13 < b < 32)


# the prefilter as it was: two searches
_DIGIT = re.compile(r"\d")
_AGO = re.compile("ago", re.I)


def _plain_dateline(text: str, max_chars: int) -> bool:
    if len(text) > max_chars or not (_DIGIT.search(text) or _AGO.search(text)):
        return False
    if not _read._DATELINE_SIGN.search(text):
        return False
    for tok in _read._DATELINE_TOKEN.findall(text):
        if tok[0].isdigit() or not tok[0].isalnum():
            continue
        low = tok.casefold().rstrip(".")
        if low not in _read._DATELINE_WORDS and not _read._TIME_ZONE.fullmatch(tok):
            return False
    return True


_DATELINES = st.lists(
    st.sampled_from(
        ["Updated ", "Posted ", "4:08 ", "p.m. ", "ET ", "EDT ", "2011 ", "Nov ", "11 ", "ago ",
         "AGO ", "hours ", "on: ", "Fri, ", "at ", "said ", "March ", "3 ", "| ", "1999", "x"]
    ),
    max_size=12,
).map("".join) | st.text(max_size=40)


@given(_DATELINES, st.sampled_from([8, 40, 120]))
@example("Published on: Fri, 11 Nov 2011 at 09:56 IST", 120)
@example("Updated 3 hours AGO", 120)
@example("March 3 was cold.", 120)
def test_dateline_is_the_plain_test(text: str, max_chars: int) -> None:
    assert _read._is_dateline(text, max_chars) == _plain_dateline(text, max_chars)


@given(st.text(alphabet=st.sampled_from("ab.Z_1é -\n ́"), max_size=40),
       st.integers(0, 40), st.integers(0, 40))
@example("in the U.S. The", 0, 10)
@example("x" * 30 + ".e.g", 0, 34)
def test_word_before_is_the_plain_search(text: str, start: int, pos: int) -> None:
    start, pos = min(start, len(text)), min(pos, len(text))
    start = min(start, pos)
    m = _segment._WORD_BEFORE.search(text, max(start, pos - 24), pos)
    assert _segment._word_before(text, start, pos) == (m.group().lstrip(".") if m else "")


_CASED = st.lists(
    st.sampled_from(
        ["He ", "HIM ", "his", "She ", "HER ", "hers ", "sHe", "the ", "shed ", "ſhe ", "ı",
         "\u0130", "\u212a", "x", ", ", "; ", ": ", " - ", " \u2014 ", "\u00a0", "\t",
         " After ", " AS ", " as ", "Even\u00a0 as ", " whereas ", "who", " WHOSE ", " but",
         "_", "1", "é"]
    ),
    max_size=16,
).map("".join) | st.text(max_size=40)

_LOWERED_PAIRS = (
    (events._HE, events._HE_LOW),
    (events._SHE, events._SHE_LOW),
    (events._CLAUSE_BREAK, events._CLAUSE_BREAK_LOW),
)


@given(_CASED)
@example("He said HIS wife, as she left: hers - the shed")
@example("Even  as Whose\u00a0after ſhe \u212aILLED")
def test_lowered_patterns_match_where_the_plain_ones_do(text: str) -> None:
    low = lowered(text)
    if low is None:
        return
    for rx, fast in _LOWERED_PAIRS:
        assert [m.span() for m in fast.finditer(low)] == [m.span() for m in rx.finditer(text)]
        for lo in range(0, len(text), 5):  # the bounds of a sentence
            hi = len(text) - lo // 2
            want = [m.span() for m in rx.finditer(text, lo, hi)]
            assert [m.span() for m in fast.finditer(low, lo, hi)] == want


_NAMES = ("Ann Lee", "Lee", "Bo Kim", "", "Kim", "Ann Lee")


@given(_CASED, st.lists(st.integers(0, 40), max_size=6))
@example("He met Ann Lee. She said: Lee, as he left, won.", [0, 7, 16])
def test_protagonists_and_clauses_on_the_lowered_text_are_the_plain_ones(
    text: str, cuts: list[int]
) -> None:
    low = lowered(text)
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    sentences = tuple(Sentence(a, b, text) for a, b in itertools.pairwise(bounds) if a < b)
    persons = [
        Mention(name=name, kind="person", start=start, end=start + 1, source="a", text="x")
        for start, name in zip(bounds, _NAMES, strict=False)
    ]
    plain = events._protagonists(text, persons, sentences)
    assert events._protagonists(text, persons, sentences, low) == plain
    for sent in sentences:
        assert events._clauses(text, sent, (), low) == events._clauses(text, sent, ())
