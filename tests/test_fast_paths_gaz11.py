"""Fast paths of place lookups (session 11, first sight) give what the plain forms give.

Each oracle below is the function as it was before its fast path (commit f151b11), kept
word for word; the fast form must agree with it on the corpus's names and on generated text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _gazetteer as G
from discrep import _normalize as N
from discrep._gazetteer import DEFAULT_RULES

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"


@lru_cache(maxsize=1)
def _corpus_names() -> list[str]:
    """Runs of capitalised words of every fourth article, and their words, as names."""
    paths = sorted(CORPUS.glob("*.txt"))[::4]
    found: set[str] = set()
    for p in paths:
        for m in re.finditer(r"[A-Z][\w'’.\-]*(?:[ \-][A-Z][\w'’.\-]*)*", p.read_text("utf-8")):
            found.add(m.group())
            found.update(m.group().split())
    return sorted(found)


# --- surface -------------------------------------------------------------------------------


def _surface_plain(name: str) -> str:
    words = [N.strip_possessive(w) for w in N._WORD_SPLIT.split(name)]
    text = unicodedata.normalize("NFKD", " ".join(words)).translate(N._COMBINING)
    return " ".join(N._PUNCT.sub("", text.casefold()).split())


_NAME_TEXT = st.text(
    st.sampled_from("aZk09 é'’-–._\t\nİßK\u0301\u00a0") | st.characters(), max_size=30
)


def test_surface_is_the_plain_surface_on_the_corpus_names() -> None:
    names = _corpus_names()
    assert len(names) > 3000
    assert [N.surface(n) for n in names] == [_surface_plain(n) for n in names]


@given(_NAME_TEXT)
@example("")
@example(" ")
@example("Los  Angeles")
@example(" Kyiv")
@example("Kyiv ")
@example("Kyiv's")
@example("U.S.")
@example("Dnipro 2")
def test_surface_is_the_plain_surface_on_any_text(name: str) -> None:
    assert N.surface(name) == _surface_plain(name)


# --- the gazetteer's cleaning and demonyms -------------------------------------------------


def _clean_plain(name: str) -> str:
    name = " ".join(N.strip_possessive(name.strip()).split())
    return G._THE.sub("", name)


def test_whitespace_is_what_str_split_splits_on() -> None:
    """_clean's join leaves no whitespace but spaces: re's \\s is str.split's whitespace."""
    space = re.compile(r"\s")
    assert all(
        (space.match(c) is not None) == c.isspace() for c in map(chr, range(0x110000))
    )


def test_clean_is_the_plain_clean_on_the_corpus_names() -> None:
    names = _corpus_names()
    assert [G._clean(n) for n in names] == [_clean_plain(n) for n in names]


@given(st.text(st.sampled_from("tThHeE sKy'’\t\u00a0é") | st.characters(), max_size=14))
@example("The Hague")
@example("the  the Netherlands")
@example("THE\tGambia")
@example("Thebes")
@example("The")
@example("the ")
def test_clean_is_the_plain_clean_on_any_text(name: str) -> None:
    assert G._clean(name) == _clean_plain(name)


def _demonym_place_plain(word: str, rules: G.PlaceRules) -> G.Place | None:
    word = N.strip_possessive(word.strip())
    if len(word) < 4 or not word[:1].isupper():
        return None
    lower = word.lower()
    if lower in G._IRREGULAR_DEMONYMS or lower[:-1] in G._IRREGULAR_DEMONYMS:
        return G._irregular_demonym(lower)
    best: G.Place | None = None
    rank = {"continent": 3, "country": 2, "region": 1, "city": 0}
    for ending, replacements in G._DEMONYM_RULES:
        if not lower.endswith(ending) or len(lower) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        for repl in replacements:
            for place in G.places_named(stem + repl, exact=True):
                if place.kind == "city" and place.population < rules.demonym_city_population:
                    continue
                if best is None or (rank[place.kind], place.population) > (
                    rank[best.kind],
                    best.population,
                ):
                    best = place
    return best


_DEMONYMS = [
    "Belarusians", "Kyivites", "Ukrainian", "Russian", "Americans", "Thai", "Uzbek",
    "Turkmen", "Afghanis", "Pakistanis", "Chinese", "Polish", "Finnish", "Londoners",
    "Parisians", "Muscovites", "Iraqi", "Yemenis", "Kazakh", "Brazilian's", " Nigerians ",
    "Québecois", "Zürichers", "Tel-Avivians", "O'Brienites", "Romanians", "Korean",
]


def test_demonym_place_is_the_plain_one_on_demonyms_and_the_corpus_names() -> None:
    rules = DEFAULT_RULES
    words = _DEMONYMS + _corpus_names()
    got = [G._demonym_place(w, rules) for w in words]
    assert got == [_demonym_place_plain(w, rules) for w in words]
    assert sum(p is not None for p in got) > 50


@given(st.text(st.sampled_from("AUKRaeinstu'’ -é"), min_size=3, max_size=12))
@example("Ukrainians")
@example("Ukrainé")
def test_demonym_place_is_the_plain_one_on_any_word(word: str) -> None:
    assert G._demonym_place(word, DEFAULT_RULES) == _demonym_place_plain(word, DEFAULT_RULES)
