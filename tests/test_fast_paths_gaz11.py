"""Fast paths of place lookups (session 11, first sight) give what the plain forms give.

Each oracle below is the function as it was before its fast path (commit f151b11), kept
word for word; the fast form must agree with it on the corpus's names and on generated text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii
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
    """_clean's join leaves no whitespace but spaces: re's class is str.split's whitespace."""
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


# --- the readings of a word ----------------------------------------------------------------


def _ascii_plain(token: str) -> str:
    token = unicodedata.normalize("NFC", N.strip_possessive(token)).translate(N._DIACRITICS)
    token = N._NON_LETTER.sub("", anyascii(N._SOFT_C.sub("ts", token)).lower())
    return N._YO.sub("e", N._SOFT_J.sub("", token))


def _pinyin_syllables_plain(word: str) -> list[str] | None:
    split: dict[int, list[str]] = {len(word): []}
    for at in range(len(word) - 1, -1, -1):
        for size in range(min(6, len(word) - at), 0, -1):
            rest = split.get(at + size)
            if rest is not None and word[at : at + size] in N._PY_SYLLABLES:
                split[at] = [word[at : at + size], *rest]
                break
    return split.get(0) if word else None


def _pinyin_as_wade_giles_plain(word: str) -> str | None:
    syllables = _pinyin_syllables_plain(N._NON_LETTER.sub("", word.lower()))
    if syllables is None or len(syllables) > 3:
        return None
    return "".join(N._wade_giles(s) for s in syllables)


_Rules = tuple[tuple[re.Pattern[str], N._Repl], ...]


def _apply_plain(s: str, rules: _Rules) -> str:
    if rules is N._RULES:
        s = N._CLUSTERS.sub(N._cluster, s)
    for pattern, repl in rules:
        s = pattern.sub(repl, s)
    return s


def _readings_plain(token: str, french_rules: _Rules) -> tuple[str, ...]:
    plain = _ascii_plain(token)
    keys = [_apply_plain(plain, N._RULES)]
    vowels = N._VOWELS_EI_OU if N._PERSIAN_MARK.search(plain) else N._VOWELS_EI
    for reading in (french_rules, N._GREEK, vowels, N._W_AS_U, N._DUDEN_YO, N._C_AS_TS):
        read = _apply_plain(plain, reading)
        if read != plain and (folded := _apply_plain(read, N._RULES)) not in keys:
            keys.append(folded)
    if N._ARTICLE_WORD.match(token) or plain.endswith("ah"):
        bare = _apply_plain(plain, N._ARABIC)
        if (folded := _apply_plain(bare, N._RULES)) not in keys:
            keys.append(folded)
        for reading in (french_rules, N._VOWELS_EI_OU):
            read = _apply_plain(bare, reading)
            if read != bare and (folded := _apply_plain(read, N._RULES)) not in keys:
                keys.append(folded)
    wade = _pinyin_as_wade_giles_plain(token)
    if wade is not None and (folded := _apply_plain(_ascii_plain(wade), N._RULES)) not in keys:
        keys.append(folded)
    return tuple(keys)


_WORDS = [
    "Chevtchenko", "Shevchenko", "Pelagias", "Pelayias", "al-Najaf", "el-Nadjaf",
    "el-Falloudja", "Fallujah", "Tihran", "Tehran", "Xiaoping", "Zedong", "Kyiv", "Kiev",
    "Boutcha", "Machhad", "Mashhad", "Zelenskyy", "Selenskyj", "Wladimir", "Fyodor",
    "Tsitsipas", "Dnieper", "Ahmadinejad", "Ahmadinezhad", "Jiang", "Allah", "Abdullah",
    "Gorbatschow", "Barysaw", "Capkala", "Rowhani", "Hoseyn", "Qom", "Berdjansjk", "Poutine",
    "Guerrero", "Djibouti", "Sluc'kij", "Karaǧ", "Київ", "Zhongguo", "Chongqing", "Lv",
]
_LETTERS = st.text(st.sampled_from("abcdeghijklnoqrstuvwxyzCKSTZ'’-éčğ"), max_size=12)


def test_the_pinyin_shape_holds_every_syllable() -> None:
    assert all(re.fullmatch(N._PY_SYLLABLE_SHAPE, s) for s in N._PY_SYLLABLES)


def test_readings_are_the_plain_readings_on_names_and_the_corpus() -> None:
    words = _WORDS + _corpus_names()
    assert [N._ascii(w) for w in words] == [_ascii_plain(w) for w in words]
    assert [N.pinyin_as_wade_giles(w) for w in words] == [
        _pinyin_as_wade_giles_plain(w) for w in words
    ]
    for rules in (N._FRENCH, N._FRENCH_PLACE):
        assert [N._readings(w, rules) for w in words] == [_readings_plain(w, rules) for w in words]
    # the words exercise the branches: several readings, the article, Wade-Giles
    assert sum(len(N._readings(w, N._FRENCH)) >= 3 for w in words) > 100
    assert sum(N.pinyin_as_wade_giles(w) is not None for w in words) > 100


@given(_LETTERS | _NAME_TEXT)
@example("Shchorsk")
@example("Tsingtao")
@example("Jo")
@example("yoyo")
def test_readings_are_the_plain_readings_on_any_word(word: str) -> None:
    assert N._ascii(word) == _ascii_plain(word)
    assert N.pinyin_as_wade_giles(word) == _pinyin_as_wade_giles_plain(word)
    for rules in (N._FRENCH, N._FRENCH_PLACE):
        assert N._readings(word, rules) == _readings_plain(word, rules)


# --- fold, places_named and _lookup --------------------------------------------------------


def _fold_plain(name: str) -> str:
    words = (N.fold_token(w) for w in re.split(r"[\s\-‐‑–—.]+", name))
    return " ".join(w for w in words if w)


def _places_named_plain(name: str, *, exact: bool = False) -> tuple[G.Place, ...]:
    idx = G._index()
    name = _clean_plain(name)
    same = idx.by_surface.get(_surface_plain(name), ())
    if exact:
        return tuple(G._place(i) for i in same)
    found = set(idx.by_key.get(N.fold(name), ())) | set(idx.by_reading.get(N.fold(name), ()))
    readings = [N.fold_keys(w) for w in name.split()]
    for n in range(1, max((len(k) for k in readings), default=1)):
        found.update(idx.by_key.get(" ".join(k[min(n, len(k) - 1)] for k in readings), ()))
    rest = sorted(found - set(same), key=lambda i: (-idx.by_id[i][5], i))
    return tuple(G._place(i) for i in (*same, *rest))


def _lookup_plain(name: str, rules: G.PlaceRules) -> G.Place | None:
    name = _clean_plain(name)
    if not name or len(name) > 100:
        return None
    m = G._DIRECTION.match(name)
    if m and not any(p.kind == "continent" for p in G.places_named(name, exact=True)):
        return G.lookup(m.group(1), rules)
    m = G._REGION_AFTER.match(name) or G._REGION_BEFORE.match(name)
    if m:
        return G._region_named(G._clean(m.group(1)))
    compact = name.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 3:
        return G._country_code(compact, name, rules)
    return G._by_name(name, rules)


_PLACES = [
    "Brest region", "Kharkiv Oblast", "western Belarus", "the Netherlands", "The Hague",
    "South America", "Southeast Asia", "region of Brest", "Brest\tregion", "northern\u00a0Iraq",
    "Kiew", "KYIV", "Charkiw", "U.S.", "US", "GBR", "Tihran", "Boutcha", "Machhad", "Karaǧ",
    "Ukraines", "Thai", "Nikolayev", "Los Angeles", "Sub-Saharan Africa", "New  York",
]


def test_fold_and_places_named_are_the_plain_ones_on_the_corpus_names() -> None:
    names = _PLACES + _corpus_names()
    assert [N.fold(n) for n in names] == [_fold_plain(n) for n in names]
    for exact in (True, False):
        got = [G.places_named(n, exact=exact) for n in names]
        assert got == [_places_named_plain(n, exact=exact) for n in names]
    assert sum(bool(G.places_named(n)) for n in names) > 500


def test_lookup_is_the_plain_one_on_the_corpus_names() -> None:
    names = _PLACES + _corpus_names()
    got = [G._lookup(n, DEFAULT_RULES) for n in names]
    assert got == [_lookup_plain(n, DEFAULT_RULES) for n in names]
    assert sum(p is not None for p in got) > 300


@given(st.text(st.sampled_from("KievBrst ONTH.-'é\t\u00a0") | st.characters(), max_size=16))
@example("Kyiv.Kharkiv")
@example("Ёж")
def test_fold_places_named_and_lookup_are_the_plain_ones_on_any_text(name: str) -> None:
    assert N.fold(name) == _fold_plain(name)
    assert G.places_named(name) == _places_named_plain(name)
    assert G._lookup(name, DEFAULT_RULES) == _lookup_plain(name, DEFAULT_RULES)


def test_fold_letters_and_place_keys_are_the_plain_ones_on_the_corpus_words() -> None:
    words = _WORDS + _corpus_names()
    plains = [_ascii_plain(w) for w in words]
    plains += ["dnieper", "er", "iia", "ssiia", "aer", "nnier", "iiaa", ""]
    assert [N._apply(p, N._RULES) for p in plains] == [
        _apply_plain(p, N._RULES) for p in plains
    ]
    want = [_readings_plain(w, N._FRENCH_PLACE) for w in words]
    N.fold_keys.cache.clear()
    N._place_keys.cache.clear()
    assert [N._place_keys(w) for w in words] == want  # (fold_keys read first, or not)
    N._place_keys.cache.clear()
    assert [N._place_keys(w) for w in words] == want
    assert [N.fold_keys(w) for w in words] == [_readings_plain(w, N._FRENCH) for w in words]


@given(_LETTERS | st.text(st.sampled_from("aeirnsgcheou"), max_size=10))
@example("Poutine")
@example("Grece")
@example("al-Ragge")
def test_fold_letters_and_place_keys_are_the_plain_ones_on_any_word(word: str) -> None:
    plain = _ascii_plain(word)
    assert N._apply(plain, N._RULES) == _apply_plain(plain, N._RULES)
    assert N._place_keys.__wrapped__(word) == _readings_plain(word, N._FRENCH_PLACE)


def _spelled_out_plain(name: str) -> str:
    return unicodedata.normalize("NFC", name).translate(N._DIACRITICS)


def test_spelled_out_and_demonym_rules_by_last_letter() -> None:
    names = _WORDS + _corpus_names()
    assert [N.spelled_out(n) for n in names] == [_spelled_out_plain(n) for n in names]
    assert all(k > 127 for k in N._DIACRITICS)
    for last, rules in G._DEMONYM_BY_LAST.items():
        assert rules == tuple(r for r in G._DEMONYM_RULES if r[0].endswith(last) or not r[0])
    assert G._DEMONYM_RULES[-1][0] == ""


@given(_NAME_TEXT)
@example("Mas\u030chad")
def test_spelled_out_is_the_plain_one_on_any_text(name: str) -> None:
    assert N.spelled_out(name) == _spelled_out_plain(name)
