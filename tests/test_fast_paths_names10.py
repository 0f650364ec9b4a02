"""Fast paths of the names stage (session 10) give what the exact computations give."""

from __future__ import annotations

from collections.abc import Container
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import Article, Config, PlacesConfig
from discrep._extract import names
from discrep._extract.names import _AloneWords, _Tok, _tokens_upto
from discrep._normalize import strip_possessive
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
