"""Fast paths of segment, quantity, time and event extraction equal the plain definitions.

Issue 14 throughput: each test states the plain form and compares.
"""

from __future__ import annotations

import itertools
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


def _plain_disambiguation(
    cands: tuple[_units._Unit, ...], context: str
) -> tuple[_units._Unit | None, list[int]]:
    """quantulum3's rule: every training word found in ``context`` counts (and the counts)."""
    best, best_count, best_share = None, 0, 0.0
    counts = []
    for unit in cands:
        words, total = _units._units().training.get(unit[0], ((), 0))
        count = sum(1 for w in words if w in context)
        counts.append(count)
        share = count / total if total else 0.0
        if share > best_share or (share == best_share and count > best_count):
            best, best_count, best_share = unit, count, share
    return best, counts


def _fast_counts(cands: tuple[_units._Unit, ...], context: str) -> list[int]:
    pieces = _units._short_pieces(context)
    out = []
    for unit in cands:
        short, long, _total = _units._training_words(unit[0])
        out.append(sum(short[w] for w in short.keys() & pieces)
                   + sum(n for w, n in long if w in context))
    return out


@given(st.text(alphabet=st.sampled_from("pounds sterling weight kg cash money price 12 "),
               max_size=120))
@example("He paid 40 pounds in cash for the weight of 40 pounds.")
@example("")
@example("international approximately transportation, manufacturers' representatives")
def test_unit_disambiguation_counts_every_occurrence(context: str) -> None:
    cands = _units._candidates(False, "pounds")
    assert len(cands) > 1
    best, counts = _plain_disambiguation(cands, context)
    assert _units._disambiguate(cands, context) == best
    assert _fast_counts(cands, context) == counts


def _training_text() -> st.SearchStrategy[str]:
    words = sorted({w for ws, _n in _units._units().training.values() for w in ws})
    long = [w for w in words if len(w) > _units._SHORT_WORD]
    pick = st.sampled_from(words) | st.sampled_from(long) | st.text(max_size=3)
    return st.lists(pick, max_size=14).map(" ".join)


@given(st.data())
def test_unit_disambiguation_counts_training_words_of_any_length(data: st.DataObject) -> None:
    """Contexts made of the training words themselves: the same counts.

    Long words (searched, not looked up) and short ones (looked up among the context's
    substrings) alike.
    """
    context = data.draw(_training_text())[:120]
    for surface, glued in (("pounds", False), ("tons", False), ("p", True)):
        cands = _units._candidates(glued, surface)
        assert len(cands) > 1
        best, counts = _plain_disambiguation(cands, context)
        assert _fast_counts(cands, context) == counts
        assert _units._disambiguate(cands, context) == best


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


@given(st.text(alphabet=st.sampled_from("March May won 13-13 ([+)] 2013 .:/@www twelve \t\u00a0"),
               max_size=60) | st.text(max_size=40))
@example("twelve won by a lot on March first (a) [b]")
@example("www.twelve.com/one and two")
def test_a_sentence_without_digits_has_no_span_but_the_web_ones(text: str) -> None:
    digit = quantities._HAS_DIGIT.search(text) is not None
    if not digit:
        assert quantities._EXCLUDED_NOT_WEB.search(text) is None
    low = lowered(text)
    assert quantities._raw_figures(text, 0, len(text), low, digit) == quantities._raw_figures(
        text, 0, len(text), low
    )


@example("twelve won by a lot on March first (a) [b]")
@example("www.one.com/two: the site of two hundred")
@given(st.text(alphabet=st.sampled_from("one twelve hundred www. .com/ @ x"), max_size=50))
def test_number_words_in_an_address_are_still_passed_over(text: str) -> None:
    """Control: a digit-free sentence still skips the web spans ("www.one.com")."""
    low = lowered(text)
    with_spans = quantities._raw_figures(text, 0, len(text), low, False)
    assert with_spans == quantities._raw_figures(text, 0, len(text), low, True)
    if text == "www.one.com/two: the site of two hundred":
        assert [text[r.start:r.end] for r in with_spans] == ["two hundred"]


def _plain_keyed(low: str, sentences: tuple[Sentence, ...], keys: tuple[str, ...],
                 junk: bool) -> list[int]:
    """The sentences (junk or not, as asked) holding a key at a word start (and end, "$")."""
    out = set()
    for key in keys:
        whole, k = key.endswith("$"), key.rstrip("$")
        for i in [m.start() for m in re.finditer(f"(?={re.escape(k)})", low)]:
            if time._inside_word(low, i, k, whole):
                continue
            for idx, s in enumerate(sentences):
                if s.start <= i < s.end and s.junk == junk:
                    out.add(idx)
    return sorted(out)


_KEY_SETS = sorted({keys for _k, _rx, keys in time._KINDS if isinstance(keys, tuple) and keys},
                   key=repr)


@given(st.text(alphabet=st.sampled_from("mar mid-year sept janjan  pm p.m ago. éx Mother’s"),
               max_size=80), st.lists(st.integers(0, 80), max_size=6), st.booleans())
@example("In March, the 1mar gala; summary mid-year sept. ago", [10, 30], False)
@example("At 5 pm, or at 6 p.m. in fy 2020", [8, 22], False)  # keys searched in any article
def test_keyed_sentences_hold_a_key_at_a_word_start(
    text: str, cuts: list[int], junk: bool
) -> None:
    low = text.lower()
    bounds = sorted({0, len(low), *(c for c in cuts if c < len(low))})
    sentences = tuple(Sentence(a, b, text, junk=(i % 2 == 1))
                      for i, (a, b) in enumerate(itertools.pairwise(bounds)) if b > a + 1)
    prefixes = frozenset(time._WORD3.findall(low))
    for keys in _KEY_SETS:
        want = _plain_keyed(low, sentences, keys, junk)
        assert time._keyed_sentences(low, sentences, keys, junk) == want
        assert time._keyed_sentences(low, sentences, keys, junk, prefixes=prefixes) == want


@given(st.text(alphabet=st.sampled_from("date 2022-03-03 20220303 AFP/John Doe URL: https://x.y "
                                        "www.z Reuters Photo/ Getty Images/Jo\n"), max_size=50)
       | st.text(max_size=30))
@example(" date 2022-03-03")
@example("20220303")
@example("AFP Photo/Jane Doe.")
@example("url: HTTPS://example.org/a")
@example("Talks resume, AFP/Jane said")  # control: prose is no stamp
def test_stamp_is_one_of_the_four_stamp_patterns(text: str) -> None:
    plain = any(rx.fullmatch(text) for rx in (_read._DATE_TAG, _read._COMPACT_DATE,
                                              _read._CREDIT, _read._URL))
    assert _read._is_stamp(text) == plain


def test_alnum_class_is_str_isalnum() -> None:
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert {c for c in chars if _read._ALNUM.match(c)} == {c for c in chars if c.isalnum()}


_DAY_WORDS = st.text(
    alphabet=st.sampled_from(
        "Last NEXT this week Month YEAR yesterday Morning ago 3 two - Tuesday tue. "
        "quarter past ten o'clock noon İ ı ſ \u212a\u00a0\t,"
    ),
    max_size=60,
) | st.text(max_size=40)


@given(_DAY_WORDS)
@example("Last WEEK, two days AGO, at a quarter past TEN on Tuesday morning")
@example("Laſt week, ſix days ago")  # "ſ": not lowered, the text itself is searched
def test_keyed_time_patterns_match_in_the_lowered_text_as_in_the_text(text: str) -> None:
    assert {kind for kind, rx, _keys in time._KINDS if rx in time._LOWER_FORMS} >= {
        "relative", "weekday", "spoken_time"}
    assert time._MDY not in time._LOWER_FORMS  # "(?-i:May)": read as written
    low = lowered(text)
    s = Sentence(0, len(text), text)
    for rx in time._LOWER_FORMS:
        got = time._keyed_matches(text, low, rx, s)
        want = list(rx.finditer(text))
        assert [(m.span(), m.groupdict()) for m in got] == [
            (m.span(), m.groupdict()) for m in want
        ]
