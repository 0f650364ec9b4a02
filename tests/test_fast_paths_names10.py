"""Fast paths of the names stage (session 10) give what the exact computations give."""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import Article, Config, PlacesConfig
from discrep._extract import names
from discrep._extract.names import _AloneWords, _Tok, _tokens_upto
from discrep._gazetteer import Place
from discrep._normalize import is_given_name, strip_possessive
from discrep._read import mark_junk
from discrep._segment import segment

_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _tokens_upto_by_loop(
    places: PlacesConfig, text: str, offset: int, alone: Container[str], stop: int
) -> tuple[list[_Tok], bool]:
    """The loop ``_tokens_upto`` replaced: the sentence's own words, offsets added a word."""
    out: list[_Tok] = []
    past: int | None = None
    for m in names._TOKEN.finditer(names._blank_tags(text)):
        if m.start() > stop:
            if past is None:
                past = len(out)
            elif len(out) - past >= names._MARGIN:
                return out, False
        word = m.group()
        forms = names._plain_forms(word)
        if forms is not None:
            out.append(_Tok(m.start() + offset, m.end() + offset, *forms))
            continue
        start = offset + m.start()
        if len(word) > names._LONGEST_WORD and len(strip_possessive(word)) > names._LONGEST_WORD:
            continue
        hyphen = "-" in word or "‐" in word
        if hyphen and names._slug(word):
            out.extend(names._slug_words(start, word))
            continue
        cut = names._LOWER_HYPHEN_CAP.search(word) if hyphen and word[:1].islower() else None
        if cut is not None:
            out.append(names._tok(start, start + cut.start(), word[: cut.start()]))
            start, word = start + cut.end(), word[cut.end() :]
        for tok in names._split_glued(places, names._tok(start, start + len(word), word), alone):
            out.extend(names._split_places(places, tok))
    return out, True


def _same(article: str, start: int, end: int, stop: int) -> None:
    places = Config().places
    said = article[start:end]
    got = _tokens_upto(places, said, start, _AloneWords(article), stop, article)
    want = _tokens_upto_by_loop(places, said, start, _AloneWords(article), stop)
    assert got == want
    assert all(type(t) is _Tok for t in got[0])


def test_tokens_matched_in_the_article_are_the_sentences_own_on_the_seeds() -> None:
    """Every seed sentence, tokenised whole and up to its last capital, as the loop did."""
    checked = 0
    for path in sorted(_SEEDS.glob("*.txt")):
        text = Article.from_path(path).text
        for sent in mark_junk(text, segment(text)):
            said = sent.text
            for stop in (len(said), names._last_capital(said), -1, len(said) // 3):
                _same(text, sent.start, sent.end, stop)
                checked += 1
    assert checked > 700


_PIECES = st.sampled_from(
    ["Kyiv", "kiev", "O'Neil", "U.S.", "U.K.'s", "James'", "Ann's", "dog-eat-dog-in-Arden",
     "victims-Arden", "KievMoscowMoscow", "NATOmilitary", "é", "Éa", "ß", "s", "'s", "’",
     "-", "‐", ".", ",", " ", " ", "  ", "\n", "1", "x1y", "<b>", "<", ">", "a" * 70, "The",
     "McDonald", "ISRAEL", "al-Assad", "_", "s'", "A.B.C."]
)


@given(
    st.lists(_PIECES, max_size=40).map("".join),
    st.integers(0, 40),
    st.integers(0, 40),
    st.integers(-1, 200),
)
@example("Ann's dog. U.K.'s Kyiv", 10, 0, 3)
@example("O'Neil-Smith's x", 2, 0, 0)  # a slice cutting a word: the cut word is its own
@example("James' Kyiv", 0, 5, 100)  # a possessive apostrophe at the slice's end
@example("U.S.A. Kyiv", 0, 8, 100)  # "U." at the end: the acronym is cut there
def test_tokens_matched_in_the_article_are_the_slices_own(
    text: str, start: int, short: int, stop: int
) -> None:
    """Bounded matches in the article are the slice's, wherever the slice cuts a word."""
    start = min(start, len(text))
    end = max(start, len(text) - short)
    _same(text, start, end, stop)


def _word_place_by_rules(places: PlacesConfig, text: str, tok: _Tok) -> Place | None:
    """``_word_place`` as it was, every rule read at each call (no memo)."""
    place = _place_of_by_lookup(places, tok.bare)
    if place is None or place.kind != "city":
        return place
    bare = strip_possessive(tok.bare)
    shouting = len(bare) > 1 and bare.isupper()
    if not shouting and not is_given_name(bare):
        return place
    floor = places.capitals_city_population if shouting else places.given_name_city_population
    if place.population >= floor and names._named_exactly(bare, place):
        return place
    if names._place_cue(text, tok.start) is not None:
        return place
    return None


def _place_of_by_lookup(places: PlacesConfig, name: str) -> Place | None:
    """``_place_of`` without its memo: the gazetteer asked each time."""
    return names._place_of.__wrapped__(places, name)


def _check_word_places(places: PlacesConfig, text: str) -> int:
    checked = 0
    for tok in names._tokens(places, text, 0):
        if tok.cap:
            for _ in range(2):  # the second answer is the memo's
                assert names._place_of(places, tok.bare) is _place_of_by_lookup(places, tok.bare)
                assert names._word_place(places, text, tok) is _word_place_by_rules(
                    places, text, tok
                )
            checked += 1
    return checked


def test_memoised_word_places_are_the_rules_on_the_seeds() -> None:
    """Every capitalised seed word, under the default and a stricter configuration."""
    for places in (Config().places, PlacesConfig(given_name_city_population=10**9)):
        checked = 0
        for path in sorted(_SEEDS.glob("*.txt")):
            checked += _check_word_places(places, Article.from_path(path).text)
        assert checked > 500


@given(
    st.lists(
        st.sampled_from(
            ["Paris", "Alexandra", "Daphne", "Regina", "PARIS", "DATE", "TRIAL", "Kiev's",
             "Florence", "Moscow", "Arden", "the town of", "near", "in", "met", "Ms", "Kyiv"]
        ),
        max_size=12,
    ).map(" ".join)
)
@example("the town of Daphne and Daphne met Regina near Regina")
def test_memoised_word_places_are_the_rules_with_and_without_cues(text: str) -> None:
    """A word that is a place only after a cue, with the cue and without, in one text."""
    _check_word_places(Config().places, text)


def _name_word_as_written_by_token(tok: _Tok) -> bool | None:
    """What ``_word_as_written`` was, a rule of the token: read off its own forms, no memo."""
    if names._ARABIC_ARTICLE.match(tok.text):
        return True
    text = tok.text
    if not tok.cap or (("'" in text or "’" in text) and names._CONTRACTION.search(text)):
        return False
    low = tok.lower
    if ("-" in text or "‐" in text or "‑" in text) and (
        names._HYPHEN_ADJECTIVE.search(text) or names._hyphenated_title(text)
    ):
        return False
    if low in names._ORG_HEADS:
        return True
    if tok.bare.isupper() and low in names._STOP:
        return None
    return (
        low not in names._STOP
        and low not in names._HONORIFICS
        and low not in names._ROLE_HEADS
        and low not in names._ROLE_MODIFIERS
    )


def _check_word_memos(places: PlacesConfig, text: str) -> int:
    """Each memoised word rule answers, twice, what its unmemoised form answers."""
    checked = 0
    for tok in names._tokens(places, text, 0):
        for _ in range(2):  # the second answer is the memo's
            assert names._word_as_written(tok.text) == _name_word_as_written_by_token(tok)
            for word in (tok.text, tok.bare):
                assert names._role_word_kind(word) == names._role_word_kind.__wrapped__(word)
                assert names._without_glued_s(word) == names._without_glued_s.__wrapped__(word)
                assert is_given_name(word) == is_given_name.__wrapped__(word)
                assert names._demonym(places, word) == names._demonym.__wrapped__(places, word)
        checked += 1
    return checked


def test_memoised_word_rules_are_the_rules_on_the_seeds() -> None:
    for places in (Config().places, PlacesConfig(name_city_population=10**9)):
        checked = 0
        for path in sorted(_SEEDS.glob("*.txt")):
            checked += _check_word_memos(places, Article.from_path(path).text)
        assert checked > 1000


@given(
    st.lists(
        st.sampled_from(
            ["al-Assad", "Al-Jazeera", "bin-Salman", "I'm", "Don't", "US", "IT", "Kyiv-based",
             "Attorney-General", "Ministry", "President", "Ukrainian", "Ukraines", "Susan's",
             "Mykola", "The", "the", "NATO", "Paris", "Ethiopian-flagged", "Sheriff's",
             "Defence", "of", "ASH-Shabab", "O'Neil", "é", "Élodie", "US's", "IT’s"]
        ),
        max_size=10,
    ).map(" ".join)
)
def test_memoised_word_rules_are_the_rules(text: str) -> None:
    _check_word_memos(Config().places, text)


def _joins_by_patterns(text: str, a: _Tok, b: _Tok) -> bool:
    """``_joins`` as it was: the gap without tags, always matched by a pattern."""
    gap = names._gap(text, a, b)
    if len(a.text) == 1 and a.text.isupper():
        return names._JOIN_INITIAL.fullmatch(gap) is not None
    return names._JOIN.fullmatch(gap) is not None


@given(
    st.sampled_from(["J", "Arden", "al", "U.S", "x"]),
    st.text(alphabet=st.sampled_from(" \t.-‐'’ʹ<b>/,\n"), max_size=8),
)
@example("Arden", " ")
@example("J", " ")
@example("J", ". ")
@example("Arden", "<b> ")
@example("Arden", "  ")
def test_a_single_space_joins_as_the_patterns_say(first: str, gap: str) -> None:
    text = f"{first}{gap}Roe"
    a = names._tok(0, len(first), first)
    b = names._tok(len(first) + len(gap), len(text), "Roe")
    assert names._joins(text, a, b) == _joins_by_patterns(text, a, b)


def test_a_one_word_mention_is_named_by_its_bare_word() -> None:
    """A one-word mention's name is its bare form, as the words' join gives it."""
    text = "Ukraine's Kyiv"
    article = Article(text)
    for toks in ((names._tok(0, 9, "Ukraine's"),), (names._tok(10, 14, "Kyiv"),)):
        m = names._mention(Config().places, article, toks, "place", 0)
        assert m.name == " ".join([t.bare for t in toks])


@given(st.lists(st.sampled_from([" ", ' "', '" ', " “", "” ", "-", "  '"]), min_size=0, max_size=3))
@example([' "'])
@example([' "', '" '])
def test_a_run_of_two_words_or_fewer_has_no_nickname(gaps: list[str]) -> None:
    """The runs skip ``_without_nickname`` for one or two words: it returns them whole."""
    text, words = "", []
    for k, gap in enumerate(["", *gaps]):
        text += gap
        words.append(names._tok(len(text), len(text) + 5, f"Arde{k}"))
        text += f"Arde{k}"
    got = names._without_nickname(text, words)
    if len(words) <= 2:
        assert got == tuple(words)
    if gaps == [' "', '" ']:  # 'Arde0 "Arde1" Arde2': three words are the fewest with one
        assert got == (words[0], words[2])


def test_runs_drop_a_nickname_of_three_words() -> None:
    text = 'Police named James "Whitey" Marek and Ann Roe.'
    runs = list(names._runs(Config().places, text, segment(text), names._LowerWords(text)))
    found = [[t.text for t in r.toks] for r, _, _ in runs]
    assert found[1:] == [["James", "Marek"], ["Ann", "Roe"]]
