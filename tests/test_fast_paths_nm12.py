"""Fast paths of the names stage (session 12, first sight) give what the plain forms give.

Each oracle below is the function as it was before its fast path (commit 224dcf3), kept
word for word but for the names of what it calls; the fast form must agree with it on the
ECB+ corpus (skipped when absent) and on generated text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from discrep import Article, Config
from discrep import _gazetteer as G
from discrep._config import PlacesConfig
from discrep._extract import names
from discrep._gazetteer import DEFAULT_RULES
from discrep._normalize import GLUED, fold, fold_keys, strip_possessive, surface
from discrep._read import mark_junk
from discrep._segment import segment

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"
_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_PLACES = Config().places


def _texts() -> list[str]:
    """Every eighth article of the corpus, or the seeds when it is absent."""
    paths = sorted(CORPUS.glob("*.txt"))[::8] or sorted(_SEEDS.glob("*.txt"))
    return [Article.from_path(p).text for p in paths]


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


_needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the ECB+ corpus is absent")

# --- tokens ----------------------------------------------------------------------------------


def _plain_forms_plain(word: str) -> tuple[str, str, bool, str] | None:
    plain = (
        len(word) <= names._LONGEST_WORD
        and "-" not in word
        and "‐" not in word
        and (len(word) < 6 or word[1:].islower())
    )
    return (word, *names._forms(word)) if plain else None


def _split_glued_plain(
    places: PlacesConfig, tok: names._Tok, alone: Container[str]
) -> Iterator[names._Tok]:
    text = tok.text
    if len(text) < 6 or not any(c.isupper() for c in text[1:]):
        yield tok
        return
    cuts = [0] + [m.start() for m in GLUED.finditer(text)] + [len(text)]
    parts = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    if (
        len(parts) == 1
        or any(b - a < 4 for a, b in parts[:-1])
        or not all(
            text[a:b] in alone
            or not names._title_case(text[a:b])
            or names._place_of(places, text[a:b])
            for a, b in parts
        )
    ):
        yield tok
        return
    for a, b in parts:
        yield names._tok(tok.start + a, tok.start + b, text[a:b])


def _tokens_upto_plain(
    places: PlacesConfig,
    text: str,
    offset: int,
    alone: Container[str],
    stop: int,
    article: str | None = None,
) -> tuple[list[names._Tok], bool]:
    out: list[names._Tok] = []
    get = names._plain_forms.cache.get
    past: int | None = None
    if article is None or "<" in text:
        matches = names._TOKEN.finditer(names._blank_tags(text))
        shift = offset
    else:
        matches = names._TOKEN.finditer(article, offset, offset + len(text))
        stop += offset
        shift = 0
    for m in matches:
        span = m.span()
        if span[0] > stop:
            if past is None:
                past = len(out)
            elif len(out) - past >= names._MARGIN:
                return out, False
        word = m.group()
        forms = get(word)
        if forms is None:
            forms = _plain_forms_plain(word)
        if forms is not None:
            if shift:
                span = (span[0] + shift, span[1] + shift)
            out.append(names._new_tok(names._Tok, span + forms))
            continue
        start = shift + span[0]
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
        for tok in _split_glued_plain(places, names._tok(start, start + len(word), word), alone):
            out.extend(names._split_places(places, tok))
    return out, True


def _sentence_calls(text: str) -> Iterator[tuple[str, int, Container[str], int, str]]:
    """The arguments ``_sentence_runs`` gives ``_tokens_upto`` for each sentence of a text."""
    alone = names._AloneWords(text)
    for sent in mark_junk(text, segment(text)):
        said = sent.text
        punctuated = said.rstrip("\"'”’ ")[-1:] in (".", "!", "?")
        stop = names._last_capital(said) if punctuated else len(said)
        yield said, sent.start, alone, stop, sent.article_text


def _empty_word_memos() -> None:
    names._plain_forms.cache.clear()
    names._forms.cache.clear()


def test_tokens_are_the_plain_tokens_on_the_corpus() -> None:
    """Cold (the forms made by the memo of plain words alone) and warm, as the loop made them."""
    checked = 0
    for warm in (False, True):
        if not warm:
            _empty_word_memos()
        for text in _texts():
            for call in _sentence_calls(text):
                got = names._tokens_upto(_PLACES, *call)
                assert got == _tokens_upto_plain(_PLACES, *call)
                assert all(type(t) is names._Tok for t in got[0])
                for offset in (0, call[1]):  # the slice's own offsets, with no article
                    assert (
                        names._tokens(_PLACES, call[0], offset, call[2])
                        == (_tokens_upto_plain(_PLACES, call[0], offset, call[2], len(call[0]))[0])
                    )
                checked += 1
    assert checked > 1000


@given(
    st.text(st.sampled_from("aA bB’'-‐.sS éÉ<>1\n") | st.characters(codec="utf-8"), max_size=60),
    st.integers(-1, 70),
)
@example("Mr. Obama's KievMoscow trip-Arden was Man-held-after-raid-in-Arden.", 10)
@example("The U.S.A. and victims-Arden <b>Mykola</b> Tkachuk’s hand", 3)
@example("BlackBerry NATOmilitary Moldova-Chisinau " + "x" * 70 + "'s", 0)
def test_tokens_are_the_plain_tokens_on_any_text(text: str, stop: int) -> None:
    article = "Intro. " + text
    for warm in (False, True):
        if not warm:
            _empty_word_memos()
        got = names._tokens_upto(_PLACES, text, 7, frozenset({"Kiev"}), stop, article)
        assert got == _tokens_upto_plain(_PLACES, text, 7, frozenset({"Kiev"}), stop, article)


@given(st.text(st.sampled_from("aAbB-‐'’.éÉǅ") | st.characters(), max_size=70))
@example("Kyiv's")
@example("McDonald")
@example("a" * 62)
def test_plain_forms_are_the_forms_through_their_memo(word: str) -> None:
    assert names._plain_forms.__wrapped__(word) == _plain_forms_plain(word)


# --- gazetteer look-ups -----------------------------------------------------------------------


def _places_named_plain(name: str, *, exact: bool = False) -> tuple[G.Place, ...]:
    idx = G._index()
    name = G._clean(name)
    same = idx.by_surface.get(surface(name), ())
    if exact:
        return tuple(G._place(i) for i in same)
    key = fold(name)
    found = set(idx.by_key.get(key, ())) | set(idx.by_reading.get(key, ()))
    readings = [fold_keys(w) for w in name.split()]
    for n in range(1, max((len(k) for k in readings), default=1)):
        found.update(idx.by_key.get(" ".join(k[min(n, len(k) - 1)] for k in readings), ()))
    if not found:
        return tuple(G._place(i) for i in same)
    rest = sorted(found - set(same), key=lambda i: (-idx.by_id[i][5], i))
    return tuple(G._place(i) for i in (*same, *rest))


def _by_name_plain(name: str, rules: G.PlaceRules) -> G.Place | None:
    found = G._exact(name)
    best = found[0] if found else None
    if (best is None or surface(best.name) != surface(name)) and G._is_demonym(name, rules):
        return None
    if best is not None and (
        best.population >= rules.small_place or surface(best.name) == surface(name)
    ):
        return best
    floor = best.population * rules.alternate_yields if best is not None else -1
    for place in _places_named_plain(name):
        if place.population > floor and G._close_reading(name, place, rules):
            return place
    return best


# Names whose readings find places: one word and several, short and long.
_READ_NAMES = [
    "Kiew",
    "Charkiw",
    "Boutcha",
    "Machhad",
    "Tihran",
    "Nikolayev",
    "Nikolaevka",
    "Dnepr",
    "Kyiv",
    "Brest",
    "Lviv",
    "Tehran",
    "Rowhani",
    "Hama",
    "Hamah",
    "al-Najaf",
    "Chongqing",
    "Bila Tserkva",
    "Nizhniy Novgorod",
    "Kryvyi Rih",
    "Rio de Janeiro",
    "Ufa",
    "Oslo",
    "Gaza",
    "Qom",
    "Qum",
    "Serhij",
    "Leyen",
    "Outage",
    "Tanya",
    "Xiaoping",
    "Zedong",
]


@_needs_corpus
def test_places_named_and_by_name_are_the_plain_ones_on_the_corpus_names() -> None:
    words = _READ_NAMES + _corpus_names()
    assert [G.places_named(w) for w in words] == [_places_named_plain(w) for w in words]
    clean = [c for c in map(G._clean, words) if c]
    got = [G._by_name(c, DEFAULT_RULES) for c in clean]
    assert got == [_by_name_plain(c, DEFAULT_RULES) for c in clean]
    assert sum(p is not None for p in got) > 200


@given(st.text(st.sampled_from("KkiIevwW yYhH-.'oOu’aAé\t"), max_size=12))
@example("Kiew")
@example("Ufa")
@example("Kyiv Kiev")
@example(" ")
@example("")
def test_places_named_and_by_name_are_the_plain_ones_on_any_name(name: str) -> None:
    assert G.places_named(name) == _places_named_plain(name)
    clean = G._clean(name)
    if clean:
        assert G._by_name(clean, DEFAULT_RULES) == _by_name_plain(clean, DEFAULT_RULES)


def _demonym_place_plain(word: str, rules: G.PlaceRules) -> G.Place | None:
    word = strip_possessive(word.strip())
    if len(word) < 4 or not word[:1].isupper():
        return None
    lower = word.lower()
    if lower in G._IRREGULAR_DEMONYMS or lower[:-1] in G._IRREGULAR_DEMONYMS:
        return G._irregular_demonym(lower)
    best: G.Place | None = None
    rank = G._RANK
    by_surface = G._index().by_surface if word.isascii() and word.isalpha() else None
    for ending, replacements in G._DEMONYM_BY_LAST.get(lower[-1], G._DEMONYM_RULES[-1:]):
        if not lower.endswith(ending) or len(lower) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        low_stem = lower[: len(lower) - len(ending)]
        for repl in replacements:
            if by_surface is None:
                found = G.places_named(stem + repl, exact=True)
            elif ids := by_surface.get(low_stem + repl):
                found = tuple(map(G._place, ids))
            else:
                continue
            for place in found:
                if place.kind == "city" and place.population < rules.demonym_city_population:
                    continue
                if best is None or (rank[place.kind], place.population) > (
                    rank[best.kind],
                    best.population,
                ):
                    best = place
    return best


# Names of several words that are demonyms, or open with "the", or end with an ending.
_DEMONYM_NAMES = [
    "New Yorkers",
    "New Yorker",
    "Los Angeles Times",
    "Sri Lankans",
    "South Africans",
    "The Hague",
    "The Hagueans",
    "THE Gambians",
    "the Netherlands",
    "Thei Netherlanders",
    "Hong Kongers",
    "San Franciscans",
    "North Koreans",
    "Foo an",
    "Abu Dhabians",
    "New  Yorkers",
    "New\tYorkers",
    "Saudi Arabians",
    "Puerto Ricans",
    "New Zealanders",
    "Kyiv an",  # (a stem ending at a space: the cleaning strips it)
    "Paris ian",
    "Ukraine an",
    "New York er",
]


def test_demonym_place_is_the_plain_one_on_names_of_words() -> None:
    words = _DEMONYM_NAMES + (_corpus_names() if CORPUS.is_dir() else [])
    got = [G._demonym_place(w, DEFAULT_RULES) for w in words]
    assert got == [_demonym_place_plain(w, DEFAULT_RULES) for w in words]
    assert sum(p is not None for p in got[: len(_DEMONYM_NAMES)]) >= 8


@given(
    st.lists(
        st.sampled_from(["New", "York", "ers", "an", "The", "the", "THE", "Sri", "Lank"])
        | st.text(st.sampled_from("aAnNeErsS éT"), max_size=6),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from([" ", "  ", "", "\t", "-"]),
)
@example(["New", "Yorkers"], " ")
@example(["The", "Hagueans"], " ")
@example(["Foo", "an"], " ")
def test_demonym_place_is_the_plain_one_on_any_name(words: list[str], sep: str) -> None:
    word = sep.join(words)
    assert G._demonym_place(word, DEFAULT_RULES) == _demonym_place_plain(word, DEFAULT_RULES)


@given(st.text(st.sampled_from("aA bB éÉǅ'-") | st.characters(), max_size=14))
@example("The Hague")
@example("New Yorkers")
@example("Thé Hague")
def test_plain_words_are_what_clean_and_surface_leave_alone(word: str) -> None:
    if G._plain_words(word):
        assert G._clean(word) == word
        assert surface(word) == word.lower()
