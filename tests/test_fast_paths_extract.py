"""Fast paths of segment, quantity, time and event extraction equal the plain definitions.

Issue 14 throughput: each test states the plain form and compares.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _read, _segment, _units
from discrep._extract import events, quantities, time
from discrep._lexicon import compile_spaced, lowered, word_alternation
from discrep._model import Sentence

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


def test_lowered_text_keeps_the_classes_case_insensitive_patterns_read() -> None:
    r"""Every code point: lowering keeps \w, \d and \s, and re.I letters are lowered letters.

    Where re.I matches an ASCII letter to a character ``lower()`` does not turn into it
    ("ı", "ſ"), or ``lower()`` lengthens the text ("İ"), ``lowered`` refuses the text.
    """
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    changed = [c for c in chars if c.lower() != c]
    for pattern in (r"\w", r"\d", r"\s", r"[^\W\d_]"):
        rx = re.compile(pattern)
        assert [c for c in changed if len(c.lower()) == 1
                and bool(rx.fullmatch(c)) != bool(rx.fullmatch(c.lower()))] == []
    letters = set("abcdefghijklmnopqrstuvwxyz")
    read_as_letter = set(re.findall(r"[a-z]", "".join(chars), re.IGNORECASE))
    lowers_to_letter = {c for c in chars if c.lower() in letters}
    assert lowers_to_letter <= read_as_letter
    for odd in read_as_letter - lowers_to_letter:
        assert lowered(f"a {odd} b") is None
    assert lowered("\u0130") is None
    assert lowered("A \u212a B") == "a k b"  # the kelvin sign lowers to "k": kept


_CASED = st.text(
    alphabet=st.sampled_from(
        "TwoTWOtwo tens Hundreds fold-Fold½3٣.,ſıİ\u212a KILLED Killed trial arrested sold "
        "a A several MANY dozen\u00a0\t-"
    ),
    max_size=60,
) | st.text(max_size=40)

_LOWERED_PAIRS = (
    (quantities._HAS_CUE, quantities._HAS_CUE_LOW),
    (quantities._CANDIDATE_START, quantities._CANDIDATE_START_LOW),
    (events._TRIGGER, events._TRIGGER_LOW),
)


@given(_CASED)
@example("Two Hundred KILLED, ſeven arrested")
@example("TWO-FOLD \u212aILLED; sev\u0131ral")
def test_lowered_patterns_match_where_the_case_insensitive_ones_do(text: str) -> None:
    low = lowered(text)
    if low is None:
        return
    for rx, fast in _LOWERED_PAIRS:
        assert rx.flags & re.IGNORECASE
        assert not fast.flags & re.IGNORECASE
        assert not re.search(r"[A-Z]", re.sub(r"\\.", "", fast.pattern))  # lower case only
        assert [m.span() for m in fast.finditer(low)] == [m.span() for m in rx.finditer(text)]
        for lo in range(0, len(text), 7):  # the bounds a sentence search passes
            hi = len(text) - lo // 2
            got, want = fast.search(low, lo, hi), rx.search(text, lo, hi)
            assert (got and got.span()) == (want and want.span())


@given(_CASED)
@example("Two Hundred KILLED, seven ARRESTED after the trial")
def test_scans_on_the_lowered_text_find_what_the_plain_scans_find(text: str) -> None:
    low = lowered(text)
    plain = list(quantities._scan(text, 0, len(text)))
    assert list(quantities._scan(text, 0, len(text), low)) == plain
    sent = Sentence(0, len(text), text)
    fast = events._triggers_in(text, low, sent)
    slow = events._triggers_in(text, None, sent)
    assert [(m.span(), m.group()) for m in fast] == [(m.span(), m.group()) for m in slow]


_YEARS = st.text(alphabet=st.sampled_from("12089 -+$£.,/:_aZé\t\u00a0%"), max_size=40)
_YEAR_PLAIN = r"(?:1[89]\d\d|20\d\d)"
_DIGIT_LED = (
    (time._ISO, rf"(?=[12])\b(?P<year>{_YEAR_PLAIN})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    (time._YEAR_ANY, rf"(?=[12])(?<![\w$£€.,/:-])(?<!\+\d\d[ \t])(?P<year>{_YEAR_PLAIN})"
                     r"(?![\w%/]|[.,:]\d|-\d+-)"),
)


@given(_YEARS, st.integers(0, 6))
@example("2019-03-04 a2019-03-04 +44 2019 $1999, 1999.5 (2020)", 0)
@example("x1999 _2000 é2001 2002", 1)
def test_year_led_patterns_match_their_lookahead_forms(text: str, lo: int) -> None:
    for fast, plain_source in _DIGIT_LED:
        plain = compile_spaced(plain_source)
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text, lo)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text, lo)
        ]


_PUNCTUATED = st.text(
    alphabet=st.sampled_from(
        "ab .!?\u2026\u3002\uff01\uff1f|\"'\u201d\u2019\u00bb)]\u300d\u300f\n\r\t\u2028\x85"
    ),
    max_size=40,
)


@given(_PUNCTUATED, st.integers(0, 5))
@example('a. b?! c.") | d|e |f (x.] y\u3002z', 0)
@example("| a |\n|", 1)
def test_class_led_segment_patterns_match_their_plain_forms(text: str, pos: int) -> None:
    terminal = re.compile(
        _segment._TERMINAL_RUN + "+" + _segment._CLOSERS + r"*|(?<=\s)\|(?=\s)"
    )
    line_break = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
    for fast, plain in ((_segment._TERMINAL, terminal), (_segment._LINE_BREAK, line_break)):
        assert [(m.span(), m.group()) for m in fast.finditer(text, pos)] == [
            (m.span(), m.group()) for m in plain.finditer(text, pos)
        ]


@given(st.text(alphabet=st.sampled_from('ab "\u201c\u201d\n.x_1 '), max_size=120))
@example('He said "we will rebuild the town, all of it" and left. x"no quote here at all x"')
@example('\u201c\u201cnested quotes do not open a quote here at all\u201d')
def test_quote_pattern_matches_its_lookbehind_form(text: str) -> None:
    plain = compile_spaced(r'(?<![\w"\u201c\u201d])["\u201c]' + events._QUOTE_TAIL)
    assert [(m.span(), m["q"]) for m in events._QUOTE.finditer(text)] == [
        (m.span(), m["q"]) for m in plain.finditer(text)
    ]
