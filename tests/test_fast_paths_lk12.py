"""Fast paths of session 12 (issue 14, first sight) equal their plain forms.

Each test keeps the plain (old) form as its oracle, copied here, and compares it with the
fast one on real corpus text (skipped when the ECB+ corpus is not beside the project) and
on generated input.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from discrep import _read, _segment
from discrep._align import entities as E
from discrep._config import Config, ReadConfig
from discrep._extract import events as EV
from discrep._extract import extract
from discrep._extract.time import starting_in
from discrep._lexicon import compile_spaced, lowered
from discrep._model import Article, Extraction

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


@lru_cache(maxsize=1)
def _extractions() -> tuple[Extraction, ...]:
    paths = sorted(CORPUS.glob("1_*.txt"))[:12] + sorted(CORPUS.glob("3_*.txt"))[:8]
    paths += sorted(CORPUS.glob("19_*.txt"))[:8] + sorted((ROOT / "seeds").glob("*.txt"))
    if len(paths) < 20:
        pytest.skip("the ecbplus corpus is not beside the project")
    cfg = Config()
    return tuple(extract(Article.from_path(p), cfg) for p in paths)


# --- entity linking: candidate pairs scored in one loop ------------------------------------


def _name_score_plain(a: E._Info, b: E._Info, threshold: float) -> float:
    x, y = a.keys[0], b.keys[0]
    if not set(a.keys).isdisjoint(b.keys):
        return 100.0
    if a.core and (a.core == b.core or a.core == b.short or a.short == b.core):
        return 0.0 if E._body_of_place(a, b) else 98.0
    if not set(a.initials).isdisjoint(b.initials) and (a.words == 1) != (b.words == 1):
        return 97.0
    if (
        " " not in x
        and " " not in y
        and min(len(x), len(y)) >= 8
        and E._close(a.plain, b.plain, consonant_slip=True)
    ):
        return 96.0
    if E._unknown_places_slip(a, b):
        return 95.0
    score = fuzz.ratio(x, y, processor=None)
    return score if score >= threshold else 0.0


def _pair_score_plain(a: E._Info, b: E._Info, threshold: float) -> float:
    if "demonym" in (a.kind, b.kind):
        return E._demonym_score(a, b)
    if not E._bare_ok(a.anchor, b.anchor):
        return 0.0
    if a.digits != b.digits:
        return 0.0
    if a.place_id and b.place_id and a.place_id != b.place_id:
        return 0.0
    if a.kind == "person" or b.kind == "person":
        return E._person_score(a, b, threshold)
    return _name_score_plain(a, b, threshold)


def _linking_inputs(
    extractions: tuple[Extraction, ...],
) -> tuple[list[E._Info], list[int], Config]:
    cfg = Config()
    common = E._common_words(extractions)
    members, _ = E._groups([m for ex in extractions for m in ex.mentions], common)
    infos = [E._group_info(cfg.places, ms, common) for ms in members]
    uf = E._Groups([i.givens for i in infos], [i.suffixes for i in infos], 85.0)
    return infos, E._representatives(infos, uf), cfg


def test_scored_pairs_are_the_plain_ones_on_the_corpus() -> None:
    infos, reps, cfg = _linking_inputs(_extractions())
    threshold = cfg.names.link_threshold
    for cap in (cfg.names.max_block, 3):
        want = []
        for a, b in E._candidates(infos, reps, cap):
            score = _pair_score_plain(infos[a], infos[b], threshold)
            if score:
                want.append((-score, a, b))
        got = E._scored_pairs(infos, reps, cap, threshold)
        assert sorted(got) == sorted(want)
        assert len(got) == len(set(got))
        assert len(want) > (20 if cap > 3 else 0)


def test_pair_score_is_the_plain_one_on_the_corpus_pairs() -> None:
    infos, reps, cfg = _linking_inputs(_extractions())
    pairs = list(E._candidates(infos, reps, cfg.names.max_block))
    assert len(pairs) > 200
    for threshold in (cfg.names.link_threshold, 60.0):
        for a, b in pairs:
            got = E._pair_score(infos[a], infos[b], threshold)
            assert got == _pair_score_plain(infos[a], infos[b], threshold), (infos[a], infos[b])


_WORD = st.text(st.sampled_from("aeiknorsu"), min_size=1, max_size=9)
#: Keys that meet often (shared keys, one a possessive or a slip of another).
_KEY = st.one_of(st.sampled_from(["arden", "ardens", "arden roe", "kestrel", "kestrell"]), _WORD)


@st.composite
def _infos(draw: st.DrawFn) -> E._Info:
    kind = draw(st.sampled_from(["person", "place", "organisation", "demonym"]))
    keys = tuple(draw(st.lists(_KEY, min_size=1, max_size=3, unique=True)))
    givens = frozenset(draw(st.lists(st.sampled_from(["Ann", "Anna", "Bob", "Ike"]), max_size=2)))
    return E._Info(
        kind=kind,
        givens=givens,
        keys=keys,
        anchor=draw(st.sampled_from(["", "", "a", "ak", "k", "=" + keys[0], "=soon"])),
        core=draw(st.sampled_from(["", keys[0], "arden", "arden kestrel"])),
        short=draw(st.sampled_from(["", keys[0], "arden"])),
        initials=tuple(draw(st.lists(st.sampled_from(["ak", "tak", "who"]), max_size=2))),
        digits=tuple(draw(st.lists(st.sampled_from(["1", "115", "117"]), max_size=1))),
        place_id=draw(st.sampled_from([None, None, "p1", "p2"])),
        words=draw(st.integers(1, 3)),
        suffixes=frozenset(),
        full=" ".join(keys),
        plain=draw(_WORD),
    )


@given(_infos(), _infos(), st.sampled_from([0.0, 60.0, 95.0]))
def test_pair_score_is_the_plain_one(a: E._Info, b: E._Info, threshold: float) -> None:
    assert E._pair_score(a, b, threshold) == _pair_score_plain(a, b, threshold)
    assert E._pair_score(b, a, threshold) == _pair_score_plain(b, a, threshold)


@given(st.lists(_infos(), max_size=14), st.integers(2, 6), st.sampled_from([0.0, 95.0]))
def test_scored_pairs_are_the_plain_ones(infos: list[E._Info], cap: int, threshold: float) -> None:
    reps = [i for i, info in enumerate(infos) if info.keys[0]]
    want = sorted(
        (-score, a, b)
        for a, b in E._candidates(infos, reps, cap)
        if (score := _pair_score_plain(infos[a], infos[b], threshold))
    )
    assert sorted(E._scored_pairs(infos, reps, cap, threshold)) == want


# --- segmenting and junk marking -----------------------------------------------------------


def _corpus_texts() -> list[str]:
    return [ex.article.text for ex in _extractions()]


def _head_end_plain(text: str, read: ReadConfig) -> int:
    lines = _read._head_lines(text, read)
    return lines[-1][1] if lines else 0


_LINES = st.lists(
    st.sampled_from(["", " ", "\t", "Kyiv talks", "  By Ann Roe ", "x", "\u00a0", "\u2028"]),
    max_size=12,
).flatmap(
    lambda parts: st.tuples(
        st.just(parts), st.lists(st.sampled_from(["\n", "\r", "\r\n", "\n\n"]), min_size=12)
    )
)


@given(_LINES, st.integers(1, 40), st.integers(1, 6))
def test_head_end_is_the_plain_one(
    lines: tuple[list[str], list[str]], chars: int, most: int
) -> None:
    parts, breaks = lines
    text = "".join(p + b for p, b in zip(parts, breaks, strict=False))
    for read in (ReadConfig(head_chars=chars, head_lines=most), ReadConfig()):
        assert _read._head_end(text, read) == _head_end_plain(text, read)


def test_head_end_is_the_plain_one_on_the_corpus() -> None:
    for text in _corpus_texts():
        for read in (ReadConfig(), ReadConfig(head_chars=200, head_lines=3)):
            assert _read._head_end(text, read) == _head_end_plain(text, read)


def _is_junk_plain(sentence_text: str) -> bool:
    R, read = _read, _read._READ
    text = sentence_text.strip()
    if not text or len(text) > read.junk_max_chars:
        return False
    low = text.casefold()
    folded = low.strip(R._TRIM_STOPS)
    if folded in R._NAV_PHRASES or R._ALNUM.search(text) is None:
        return True
    if R._is_credit_line(low) or R._is_stamp(text):
        return True
    if R._is_notice(low) or R._is_breadcrumb(text) or R._is_dateline(text, read.dateline_max_chars):
        return True
    return bool(R._SECTION.fullmatch(text.strip(R._TRIM)))


_SECTION_WORDS = st.sampled_from(
    [
        "Sports ",
        "About ",
        "about ",
        "Section",
        "sections",
        "World ",
        "A" * 21 + " ",
        "Ab-c ",
        "SECTION",
        "Kyiv",
        " ",
        "-",
        "|",
        "2022",
        "said.",
        "\u017fection",
    ]
)


@given(st.lists(_SECTION_WORDS, max_size=10).map("".join))
def test_is_junk_is_the_plain_one(text: str) -> None:
    assert _read.is_junk(text) == _is_junk_plain(text)


def test_section_max_is_the_longest_full_match() -> None:
    longest = "Aaaaaaaaaaaaaaaaaaaaa " * 3 + "sections"
    assert len(longest) == _read._SECTION_MAX
    assert _read._SECTION.fullmatch(longest)
    assert not _read._SECTION.fullmatch("Aaaaaaaaaaaaaaaaaaaaaa " + longest[22:])
    assert _read.is_junk(longest)
    assert _is_junk_plain(longest)


def test_is_junk_is_the_plain_one_on_the_corpus() -> None:
    for text in _corpus_texts():
        for s in _segment.segment(text):
            assert _read.is_junk(s.text) == _is_junk_plain(s.text), s.text


def test_alnum_is_isalnum_on_every_code_point() -> None:
    for c in range(0x110000):
        ch = chr(c)
        assert (_segment._ALNUM.match(ch) is not None) == ch.isalnum(), hex(c)


@given(st.text(max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_has_alnum_is_the_plain_one(text: str, start: int, end: int) -> None:
    assert _segment._has_alnum(text, start, end) == any(ch.isalnum() for ch in text[start:end])


def _is_boundary_plain(text: str, block_start: int, m: re.Match[str], nxt: int) -> bool:
    S = _segment
    run = m.group()
    if any(c in S._CJK_TERMINAL for c in run):
        return True
    if nxt == m.end():
        return S._glued_boundary(text, block_start, m, nxt)
    c = text[nxt]
    if c.islower() and not (nxt + 1 < len(text) and text[nxt + 1].isupper()):
        return False
    if run == "!" and len(S._word_before(text, block_start, m.start())) == 1:
        return False
    if run[0] != "." or run.startswith(".."):
        return True
    return S._period_boundary(text, S._word_before(text, block_start, m.start()), nxt)


def _boundaries_agree(text: str) -> int:
    n = 0
    for m in _segment._TERMINAL.finditer(text):
        nxt = _segment._skip_space(text, m.end(), len(text))
        if nxt < len(text):
            got = _segment._is_boundary(text, 0, m, nxt)
            assert got == _is_boundary_plain(text, 0, m, nxt), (text, m)
            n += 1
    return n


_PROSE = st.lists(
    st.sampled_from(
        [
            "Talks",
            "began",
            ".",
            "!",
            "?",
            "\u3002",
            "\uff01",
            "\u2026",
            "U.S.",
            " ",
            "the",
            '"',
            "\u201d",
            "Mr",
            "E",
            "No",
            "5",
            "|",
            "a.m",
            "\n",
        ]
    ),
    max_size=16,
).map("".join)


@given(_PROSE)
def test_is_boundary_is_the_plain_one(text: str) -> None:
    _boundaries_agree(text)


def test_is_boundary_is_the_plain_one_on_the_corpus() -> None:
    assert sum(_boundaries_agree(text) for text in _corpus_texts()) > 500


# --- event extraction: searches led by the class of their first letters --------------------

_PLAIN_VENUE = compile_spaced(
    rf"\b(?:(?:held|hosted|taking[ \t]+place)[ \t]+)?(?P<prep>in|at)[ \t]+(?P<np>{EV._PLACE_NP})"
)
_PLAIN_SOFT_VENUE = compile_spaced(
    r"\b(?:near|outside|close[ \t]+to|on|along|at)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w’'-]{0,30}[ \t]+|[\w-]{1,20}[ \t]+){0,3}?"
    r"(?:border|frontier|side[ \t]+of[ \t]+the[ \t]+border|outskirts|river)"
    rf"(?:[ \t]+(?:of|with)[ \t]+(?:the[ \t]+)?{EV._PLACE_NP})?"
    rf"|\b(?:near|outside|close[ \t]+to)[ \t]+{EV._PLACE_NP}",
)
_PLAIN_UNNAMED = compile_spaced(
    r"\b(?:in|at)[ \t]+an?[ \t]+(?:undisclosed|secret|unknown|unnamed|secure)[ \t]+"
    r"(?:location|venue|place|site)\b",
    re.IGNORECASE,
)
_PLAIN_CAPWORD = compile_spaced(r"\b[A-Z][\w’'-]{2,30}")

_LED = [
    (_PLAIN_VENUE, EV._VENUE),
    (_PLAIN_SOFT_VENUE, EV._SOFT_VENUE),
    (_PLAIN_UNNAMED, EV._UNNAMED),
    (_PLAIN_CAPWORD, EV._CAPWORD),
]


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, ...]]:
    groups = ["np"] if "np" in pattern.groupindex else []
    return [(*m.span(), *(m.span(g) for g in groups)) for m in pattern.finditer(text, start, end)]


_VENUE_TEXT = st.lists(
    st.sampled_from(
        [
            "held",
            "hosted",
            "taking",
            "place",
            "in",
            "In",
            "IN",
            "\u0130n",
            "\u0131n",
            "at",
            "AT",
            "aT",
            "an",
            "a",
            "undisclosed",
            "Secret",
            "location",
            "VENUE",
            "near",
            "outside",
            "close",
            "to",
            "on",
            "along",
            "the",
            "border",
            "river",
            "of",
            "with",
            "Kyiv",
            "Arden",
            "North",
            "region",
            "O'Neil",
            "x",
            "3",
            "-",
            "_",
            " ",
            "  ",
            "\t",
            "\u00a0",
            ".",
            ",",
            "\n",
            "ſ",
            "\u00e9",
        ]
    ),
    max_size=18,
).map("".join)


@given(_VENUE_TEXT, st.integers(0, 6), st.integers(0, 80))
@example("talks taking place at Kyiv, held in North Arden region", 0, 80)
@example("They met along the river, hosted at Kyiv and near the border of Arden", 2, 80)
@example("Kept \u0131n an undisclosed location; AT a SECRET site, \u0130n a secure venue", 0, 80)
@example("hosted in Kyiv", 1, 80)
@example("close to  Arden and on the Kyiv border", 0, 80)
def test_led_searches_are_the_plain_ones(text: str, start: int, end: int) -> None:
    for plain, led in _LED:
        assert _spans(led, text, start, end) == _spans(plain, text, start, end), led.pattern
        assert _spans(led, text, 0, len(text)) == _spans(plain, text, 0, len(text))


def test_led_searches_are_the_plain_ones_on_the_corpus() -> None:
    found = 0
    for text in _corpus_texts():
        for plain, led in _LED:
            got = _spans(led, text, 0, len(text))
            assert got == _spans(plain, text, 0, len(text)), led.pattern
            found += len(got)
        for s in _segment.segment(text):
            for plain, led in _LED:
                assert _spans(led, text, s.start, s.end) == _spans(plain, text, s.start, s.end)
    assert found > 1000


def test_unnamed_opens_with_every_letter_ignorecase_reads_as_i_or_a() -> None:
    first = re.compile(r"(?i:[ia])")
    opening = re.compile(EV._UNNAMED.pattern[: EV._UNNAMED.pattern.index("]") + 1])
    for c in range(0x110000):
        ch = chr(c)
        assert (first.fullmatch(ch) is not None) == (opening.fullmatch(ch) is not None), hex(c)


def _pronoun_counts(low: str) -> tuple[int, int]:
    found = EV._PRONOUNS_LOW.findall(low)
    she = len(found) - found.count("")
    return len(found) - she, she


_PRONOUN_TEXT = st.lists(
    st.sampled_from(
        [
            "he",
            "she",
            "him",
            "his",
            "her",
            "hers",
            "herself",
            "hes",
            "sher",
            "h",
            "s",
            "e",
            "is",
            "im",
            "the",
            "ers",
            "'",
            "-",
            "_",
            " ",
            ".",
            "1",
            "\u00e9",
            "\n",
        ]
    ),
    max_size=20,
).map("".join)


@given(_PRONOUN_TEXT)
@example("He said hers was his; she told him he-she herself")
def test_pronouns_counted_in_one_scan(low: str) -> None:
    assert _pronoun_counts(low) == (len(EV._HE_LOW.findall(low)), len(EV._SHE_LOW.findall(low)))


def test_pronouns_counted_in_one_scan_on_the_corpus() -> None:
    total = 0
    for text in _corpus_texts():
        low = text.lower()
        he, she = _pronoun_counts(low)
        assert (he, she) == (len(EV._HE_LOW.findall(low)), len(EV._SHE_LOW.findall(low)))
        total += he + she
    assert total > 50


_PLAIN_QUOTE = compile_spaced(r"[\"“](?<![\w\"“”].)" + EV._QUOTE_TAIL)  # the lazy tail

_QUOTE_TEXT = st.lists(
    st.sampled_from(
        [
            '"',
            "\u201c",
            "\u201d",
            "\n",
            " ",
            "  ",
            "word",
            "x" * 19,
            "y" * 150,
            ".",
            ",",
            "said",
            "a",
            "_",
            "\u00e9",
        ]
    ),
    max_size=24,
).map("".join)


def _quotes(pattern: re.Pattern[str], text: str) -> list[tuple[int, ...]]:
    return [(*m.span(), *m.span("q")) for m in pattern.finditer(text)]


@given(_QUOTE_TEXT)
@example('He said "' + "x" * 19 + ' ok" and \u201c' + "y" * 150 + "\u201d, then " + '"' * 2)
@example('"' + "w" * 400 + '" and "' + "w" * 401 + '"')
def test_quote_search_is_the_lazy_one(text: str) -> None:
    assert _quotes(EV._QUOTE, text) == _quotes(_PLAIN_QUOTE, text)


def test_quote_search_is_the_lazy_one_on_the_corpus() -> None:
    found = 0
    for text in _corpus_texts():
        got = _quotes(EV._QUOTE, text)
        assert got == _quotes(_PLAIN_QUOTE, text)
        found += len(got)
    assert found > 20


def _sentence_triggers_plain(
    found: list[re.Match[str]], clauses: list[tuple[int, int]]
) -> list[re.Match[str]] | None:
    for t in found:
        if not any(a <= t.start() and t.end() <= b for a, b in clauses):
            return None
    return found


@given(
    st.text(st.sampled_from("ab ,;"), max_size=30),
    st.lists(st.integers(0, 30), max_size=10, unique=True).map(sorted),
)
@example("ab ab", [0, 2, 3, 5])
@example("ab ab", [0, 1, 3, 5])
def test_sentence_triggers_are_the_plain_ones(text: str, cuts: list[int]) -> None:
    found = list(re.finditer(r"\w+(?: \w+)?", text))
    # clauses in order and apart, as _clauses cuts them (each cut pair a clause)
    clauses = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    assert EV._sentence_triggers(found, clauses) == _sentence_triggers_plain(found, clauses)


def test_sentence_triggers_are_the_plain_ones_on_the_corpus() -> None:
    seen = refused = 0
    for ex in _extractions():
        text = ex.article.text
        low = lowered(text)
        for s in ex.sentences:
            found = [] if s.junk else EV._triggers_in(text, low, s)
            if found:
                clauses = EV._clauses(text, s, starting_in(ex.times, s.start, s.end), low)
                got = EV._sentence_triggers(found, clauses)
                assert got == _sentence_triggers_plain(found, clauses)
                seen += 1
                refused += got is None
    assert seen > 50
