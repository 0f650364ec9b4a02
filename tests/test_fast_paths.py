"""Fast paths on the hot path give what the plain definitions give (issue 14 throughput)."""

from __future__ import annotations

import re

from anyascii import anyascii
from hypothesis import example, given
from hypothesis import strategies as st

from discrep import PlacesConfig
from discrep._extract import names
from discrep._extract.names import _shouting, _tokens
from discrep._normalize import given_compatible, strip_possessive

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


#: The word pattern written plainly: ``names._TOKEN`` is it with its first letter taken
#: out of both alternatives (a pattern opening with one class is scanned faster).
_TOKEN_PLAIN = re.compile(
    r"(?:[A-Z]\.){2,6}"
    r"|[^\W\d_]\w*(?:['’\-][^\W\d_]\w*)*(?:['’]s\b|(?<=s)['’](?!\w))?"
)


@given(
    st.text(alphabet=st.sampled_from("aAbsSZé\u00c9ß\u0130 .'’-‐_1\t"), max_size=40)
    | st.text(max_size=30)
)
@example("U.S. and U.K.'s")
@example("A.B.C.D.E.F.G.H.")
@example("James' and Ann's dog-eat-dog O'Neil-Smith's")
@example("Éa.B. x.Y.Z.")
@example("s'x s' s’ a-'s")
def test_token_pattern_is_the_plain_pattern(text: str) -> None:
    """The factored word pattern finds the same words at the same offsets."""
    plain = [m.span() for m in _TOKEN_PLAIN.finditer(text)]
    assert [m.span() for m in names._TOKEN.finditer(text)] == plain


@given(st.text(alphabet=st.sampled_from("abcdefgXYZ -‐'’ .É"), max_size=60))
def test_tokens_have_exact_offsets_and_forms(text: str) -> None:
    for tok in _tokens(PlacesConfig(), text, 7):
        assert text[tok.start - 7 : tok.end - 7] == tok.text
        assert tok.cap == tok.text[:1].isupper()
        assert tok.lower == tok.bare.lower().rstrip(".")


_CUE_TEXT = st.lists(
    st.sampled_from(
        ["of", "near", "in", "the", "outside", "village", "north", "-east", "ern", "west",
         "central", "town", "Of", " ", "  ", "\n", "\t", "\u2003", "x", "Arden", "."]
    ),
    max_size=20,
).map("".join)


@given(_CUE_TEXT, st.integers(min_value=0, max_value=80))
@example("12 miles west of Arden", 17)
@example("in the northern Arden", 16)
@example("in the western  Arden", 16)
@example("north-west of Arden", 14)
@example("it lay outside Arden", 15)
@example("moved near Arden", 11)
@example("in Arden", 3)
@example("the north Arden", 10)
@example("the east Arden", 9)
@example("the west Arden", 9)
@example("the south Arden", 10)
@example("in central Arden", 11)
@example("the village of  Arden", 16)
@example("in the\nArden", 7)
@example("central \u2003Arden", 10)
def test_place_cue_is_the_search(text: str, at: int) -> None:
    at = min(at, len(text))
    plain = names._PLACE_CUE.search(text, max(0, at - 30), at)
    fast = names._place_cue(text, at)
    assert (fast and fast.span()) == (plain and plain.span())


@given(_TEXT)
@example("Arden")
@example("Ärden's")
def test_alone_words_match_the_look_behind_first_pattern(text: str) -> None:
    plain = re.compile(r"(?<![\w\-])[A-Z][a-z]{3,30}(?![\w\-])")
    text = "Xarden Arden-Mill " + text + " Bolton"
    assert names._ALONE.findall(text) == plain.findall(text)


@given(_TEXT)
@example("a-Arden")
@example("x52nd Street")
@example("Fifth Avenuex")
@example("at 12345th Abcdefghijklmnop Street")
@example("Seventh Abcdefghijklmnop Parkway and Seventh  Street, Ave")
def test_street_heads_precede_every_street(text: str) -> None:
    for t in (text, "the 52nd St." + text, text + "First Avenue"):
        assert names._may_name_a_street(t) == (names._STREET_LOOSE.search(t) is not None)
        if names._STREET.search(t):
            assert names._STREET_HEAD.search(t)
            assert names._STREET_LOOSE.search(t)
        for cut in range(len(t)):  # a sentence is a slice of the article
            if names._STREET.search(t[cut:]) or names._STREET.search(t[:cut]):
                assert names._STREET_LOOSE.search(t)


@given(_TEXT)
@example("Ärden's")
@example("O'Neil")
def test_plain_is_the_ascii_letters(word: str) -> None:
    by_definition = "".join(
        c for c in anyascii(strip_possessive(word)).lower() if c.isalpha()
    )
    assert names._plain(word) == by_definition


@given(_TEXT)
@example("V.")
@example("--")
def test_a_given_name_is_compatible_with_itself(word: str) -> None:
    assert given_compatible(word, word, 85)


_LOWER_TEXT = st.text(alphabet=st.sampled_from("ab aB-_1é\u00aa.\n"), max_size=80)


@given(_LOWER_TEXT, st.lists(st.text(alphabet=st.sampled_from("abBé-"), max_size=4), max_size=40))
@example("ab ab-c a_b ab1 1ab éab abé -ab ab-", ["ab", "b", "c", "abc"])
@example("x" * 5 + " " + "a" * 31 + " " + "a" * 30, ["a" * 30, "a" * 31])
def test_lower_words_are_the_findall(text: str, words: list[str]) -> None:
    """The words asked of an article's lower-case words: as in the set of every match."""
    every = frozenset(names._LOWER_WORD.findall(text))
    asked = names._LowerWords(text)
    for word in words:  # (40 words over a short text: the searches' budget runs out too)
        assert (word in asked) == (word in every), word
    assert (3 in asked) is False


def test_lower_words_make_the_whole_set_once_searches_read_the_text_32_times() -> None:
    text = "ab cd-ef Gh ij"
    asked = names._LowerWords(text)
    misses = [f"q{chr(97 + k // 26)}{chr(97 + k % 26)}" for k in range(33)]  # qaa, qab...
    assert not any(w in asked for w in misses[:32])
    assert asked._all is None  # 32 readings of the text: still searching
    assert misses[32] not in asked
    assert asked._all == frozenset(names._LOWER_WORD.findall(text)) == {"ab", "ij"}
    assert "ab" in asked
    assert "cd" not in asked
    assert "gh" not in asked


def test_rekeyed_is_evolve_over_every_field() -> None:
    import attrs

    from discrep._model import Mention

    m = Mention(
        source="a.txt", start=3, end=12, text="Ann Roe's", kind="person", name="Ann Roe",
        role="mayor", role_start=0, role_end=2, sentence=4, place_id="geonames:1",
        local_key="a.txt#ann roe",
    )
    # a field added to Mention must be copied by _rekeyed too: this list is its fields
    assert [f.name for f in attrs.fields(Mention)] == [
        "source", "start", "end", "text", "kind", "name", "role", "role_start", "role_end",
        "sentence", "place_id", "local_key",
    ]
    new = names._rekeyed(m, "Roe's", "Roe", "a.txt#x")
    assert new == attrs.evolve(m, text="Roe's", name="Roe", local_key="a.txt#x")


@given(st.text(max_size=60))
@example("abc Éd ef")
@example("ab ‐ cd")
@example("ΣΑΣ σας")
@example("ǅemal ab")
def test_no_capital_nor_hyphen_after_the_last_capital(text: str) -> None:
    last = names._last_capital(text)
    assert -1 <= last < len(text)
    assert not any(c.isupper() or c in "-‐" for c in text[last + 1 :])


_NAME_WORDS = st.sampled_from(
    ["Ann", "Roe", "Arden", "River", "Gulf", "The", "Mr.", "J.", "University", "Council",
     "of", "the", "von", "der", "and", "in", "navy", "province", "said", "met", "a", "it",
     '"Red"', "“Whitey”", "al-Nour", "Kyiv-based", "O'Neil's", "victims-Arden", "Indian",
     "minister", "Foreign", "Ministry", "said,", "47,", "(47)", "–", "-", "for", "to"]
)


@given(st.lists(_NAME_WORDS, min_size=1, max_size=24), st.sampled_from([".", "!", "?", ""]))
@example(["He", "met", "the", "Indian", "navy"], ".")  # a word past the last capital is read
@example(["He", "met", "Ann", "Roe", "of", "the", "river", "in", "a", "town", "and", "left"], ".")
@example(["It", "is", "the", "Gulf", "of", "the", "sea", "and", "it", "was", "a", "b"], ".")
@example(["Vincent", "\"The", "Chin\"", "roe", "came", "in", "and", "it", "was", "a"], ".")
def test_tokens_stopped_past_the_last_capital_read_the_same(words: list[str], end: str) -> None:
    """Mentions are the same when every word of every sentence is tokenised."""
    import pytest

    from discrep import Article, Config
    from discrep._extract.names import extract_mentions
    from discrep._segment import segment

    text = " ".join(words) + end + " Then a word and another word and more words went by."
    article = Article(text)
    sentences = segment(text)
    stopped = extract_mentions(article, sentences, Config())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(names, "_last_capital", len)
        whole = extract_mentions(article, sentences, Config())
    assert stopped == whole


#: Words that take every branch of the run rules: openers, titles, initials, particles,
#: possessives, role modifiers, stop words in capitals, nicknames, "al-" names.
_RUN_WORDS = st.sampled_from(
    ["Arden", "Roe", "The", "the", "New", "Sun", "J.", "J", "von", "der", "Von", "al-Assad",
     "Al", "US", "IT", "Foreign", "Ministry", "Sheriff's", "Office", "Mr", "President",
     "minister", "and", "of", "said", "\"The", "Chin\"", "Vincent", "“Whitey”", "Clearly",
     "Having", "Meet", "Kyiv-based", "I'm", "Paris", "Health", "Organization", "Ann's",
     "la", "La", "O'Neil", "\"the\"", "ALLCAPS", "-", ",", "Watch", "Global", "X"]
)


@given(st.lists(_RUN_WORDS, min_size=1, max_size=14), st.sampled_from([" ", "  ", "\t"]))
@example(["said", "Foreign", "Ministry", "official"], " ")
@example(["met", "Vincent", "\"The", "Chin\"", "Arden"], " ")
@example(["met", "Ann", "von", "der", "Arden"], " ")
@example(["starred", "in", "The", "Arden"], " ")
@example(["met", "Vincent", "\"the\"", "Arden"], " ")
@example(["met", "Roe", "al-Assad"], " ")
@example(["saw", "Arden's", "Office"], " ")
@example(["the", "New", "Arden", "and", "J.", "Roe"], " ")
def test_word_verdicts_agree_with_the_run_rules(words: list[str], gap: str) -> None:
    """A word's verdict by itself is what the rules say of it in any sentence.

    ``_opens_anywhere`` answers for a word past a sentence's start without the words
    around it, and ``_ends_any_run`` for a word after a run: both must agree with the
    rules read in full, wherever the word stands.
    """
    places = PlacesConfig()
    text = gap.join(words) + "."
    toks = _tokens(places, text, 0)
    lower = names._LowerWords(text + " von la der arden clearly")
    for i, tok in enumerate(toks):
        verdict = names._opens_anywhere(tok.text)
        if verdict != names._ASK and (tok.cap or "-" in tok.text):
            starts = names._starts_name(places, text, toks, i, lower)
            if verdict == names._NEVER:
                assert not starts, tok
            elif i > 0:
                assert starts, tok
        if i > 0 and names._ends_any_run(tok):
            for first in range(i):
                assert not names._continues(places, text, toks, first, i)
            assert names._particles_end(places, text, toks, i) is None
            assert names._nickname_end(places, text, toks, i) is None


def test_a_stop_word_in_capitals_is_asked_of_the_gazetteer() -> None:
    """"US" spells a stop word: only the gazetteer tells it a name word."""
    places = PlacesConfig()
    (us,) = _tokens(places, "US", 0)
    assert names._word_as_written(us.text) is None
    assert names._name_word(places, us)
    assert names._opens_anywhere("US") == names._ASK
