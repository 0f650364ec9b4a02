"""Cross-source entity linking across spellings, kinds, short forms and acronyms (issue 3, 11).

Mentions are grouped in steps, each cheap:

1. Identical work is done once: mentions are grouped by (kind, name as written).
2. Within an article, a bare surname joins the full name the extractor tied it to
   (``Mention.local_key``); places join by gazetteer id.
3. Across articles, candidates come only from shared blocks, never from all pairs. Each
   distinct name is filed under several keys (the first three and the last three letters
   of its fold, its consonant skeleton, its core name, its initials), so a one-letter
   variant anywhere in a name still meets the other. A candidate pair links when:

   * two people's folded surnames agree, exactly or within a length-aware edit distance,
     and their given names are compatible (same name, cognates such as
     Volodymyr/Vladimir, nicknames such as Bob/Robert, or an initial); a merge that would
     put two incompatible given names in one entity is refused, so a bare "Klitschko"
     cannot chain two brothers together;
   * other names fold alike or within the edit distance, or have the same core name once
     generic words are set aside ("Kestrel Foods Inc" / "Kestrel", "Northeast Arden" /
     "Arden"), or one is the acronym of the other ("WHO" / "World Health Organization");
   * a one-word name of any kind is a person's surname (kinds are settled afterwards by
     majority, so a name the extractor mis-kinded in one article still joins).

   Names holding numbers link only when the numbers agree ("115th Street" never meets
   "117th Street"), and two places the gazetteer resolves to different ids never link.
4. A one-word name that is the given name of exactly one person named in full joins that
   person ("Kimani" with "Kimani Roe").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Sequence

import attrs
from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from discrep._algorithms import UnionFind, capped_postings
from discrep._config import Config, PlacesConfig
from discrep._gazetteer import by_id, demonym_place, lookup
from discrep._memo import memo, memo_per
from discrep._model import Entity, Extraction, Mention, MentionKind
from discrep._normalize import (
    fold,
    fold_keys,
    given_compatible,
    is_given_name,
    name_keys,
    skeleton_key,
    without_article,
)

__all__ = ["link_entities"]


class _Groups(UnionFind):
    """Union-find over group indices, with the given names each component holds."""

    def __init__(
        self, givens: list[frozenset[str]], suffixes: list[frozenset[str]], given_ratio: float
    ) -> None:
        super().__init__(len(givens))
        self.given_ratio = given_ratio  # NamesConfig.given_spelling_ratio
        # The groups' own sets, not copies: a join makes a new set (issue 14: memory).
        self.givens = list(givens)
        self.suffixes = list(suffixes)

    def join(self, a: int, b: int) -> bool:
        """Join unless the two components hold incompatible given names or suffixes."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not all(
            given_compatible(x, y, self.given_ratio)
            for x in self.givens[ra] for y in self.givens[rb]
        ):
            return False
        sa, sb = self.suffixes[ra], self.suffixes[rb]
        if sa and sb and sa != sb:
            return False  # a father and his son ("Sr." and "III")
        root = self.union(ra, rb)
        other = rb if root == ra else ra
        self.givens[root] = _union(self.givens[root], self.givens[other])
        self.suffixes[root] = _union(self.suffixes[root], self.suffixes[other])
        return True


def _union(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Return ``a | b``, made only when neither holds the other.

    Most joins are of names with no given name or suffix, or the same ones: no new set,
    which the garbage collector would follow (a join made two, ~4k a compare of 840 ECB+
    articles).
    """
    if b <= a:
        return a
    return b if a <= b else a | b


#: The one empty set of words: most names have no given name or suffix, and an empty
#: frozenset is 216 bytes (issue 14: memory per article).
_NO_WORDS: frozenset[str] = frozenset()


def _words_set(words: Iterable[str]) -> frozenset[str]:
    """Return the words as a frozenset, the shared empty one when there are none."""
    out = frozenset(words)
    return out if out else _NO_WORDS


#: Generational suffixes after a surname ("Ike Roe III", "Ike Roe Sr.").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _split_person(name: str) -> tuple[str | None, str]:
    """Return the given name and the surname of a person's name.

    A generational suffix is not the surname; an initial before a full given name
    ("J. Arden Roe") and a word before a known given name that is not one itself
    ("Unemployed Arden Roe", glued by a sentence start) are not the given name.
    """
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    if not words:
        return None, ""
    if len(words) == 1:
        return None, words[0]
    given = words[0]
    if len(words) > 2 and words[1].casefold() not in _MINOR_PARTICLES and (
        len(given.rstrip(".")) == 1 or (is_given_name(words[1]) and not is_given_name(given))
    ):
        given = words[1]
    return given, words[-1]


# A lower-case word of the articles: "soon", "house", "hill". A single capitalised word
# that the articles also use in lower case is a common word (often at a sentence start),
# not a name to fold: romanisation folding would merge Hill with Gill, Goes with House.
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]{2,24}(?![^\W\d_])")
_DIGITS = re.compile(r"\d+")
_VOWELS = frozenset("aeiouy")
_NON_LETTERS = re.compile(r"[^a-z]+")

#: Words set aside to find a name's core: corporate and generic endings, directions,
#: a leading article. A place or demonym opening an organisation's name is set aside too.
_GENERIC_END = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "llc", "plc"}
    | {"group", "holdings", "foods", "international", "province", "county", "district"}
    | {"region", "oblast", "island", "islands", "city"}
)
#: Institution words ending a name ("Arden Hospital", "Kestrel Institute"), and the
#: qualifiers set aside with them only when one of them ends the name ("Arden Medical
#: Center", "Kestrel Memorial Hospital", "Norden University Hospital" are Arden, Kestrel
#: and Norden, as "Arden Hospital Medical Center" is; "Norden University" keeps its word).
_INSTITUTION_END = frozenset({"hospital", "center", "centre", "institute", "clinic"})
_INSTITUTION_QUALIFIERS = frozenset(
    {"medical", "memorial", "university", "general", "regional", "community", "research"}
)
_GENERIC_START = frozenset(
    {"the", "north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "northeast", "northwest", "southeast", "southwest", "northeastern"}
    | {"northwestern", "southeastern", "southwestern"}
)
#: Particles inside a name that are never its given name ("Bashar al Asad": "al" is no Al).
_MINOR_PARTICLES = frozenset(
    {"al", "el", "as", "ash", "an", "ar", "ad", "az", "at", "bin", "ibn", "abu", "de", "da"}
    | {"di", "du", "van", "von", "der", "den", "la", "le"}
)
#: Words of a name not counted in its initials.
_MINOR = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "la", "le"})


#: Bytes table: an ASCII letter or a byte of a non-ASCII character stays, any other
#: ASCII byte becomes a space.
_ASCII_WORDS = bytes(c if c >= 128 or chr(c).isalpha() else 32 for c in range(256))


@attrs.frozen
class _LowerWords:
    """The words the articles' prose writes in lower case (``_LOWER_WORD``), to ask of.

    The prose is cut at ASCII non-letters by a bytes translation, which is C-fast; a word
    asked of is looked up among the pieces of ASCII letters as they stand, and among the
    lower-case words of the few pieces holding other characters (accents, curly quotes,
    no-break spaces), read by the pattern. The same answers as a set of ``_LOWER_WORD``
    over each sentence, in half its time on the ECB+ dev sets, where that scan was a
    quarter of linking.
    """

    pieces: frozenset[bytes]
    other: frozenset[str]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isascii():
            return word in self.other
        return 2 <= len(word) <= 24 and word.isalpha() and word.islower() and (
            word.encode("ascii") in self.pieces or word in self.other
        )


def _common_words(extractions: Sequence[Extraction]) -> _LowerWords:
    # prose only: URLs and other metadata lines write names in lower case ("moscow-kiev")
    pieces: set[bytes] = set()
    for ex in extractions:
        text = ex.article.text
        prose = "\n".join([text[a:b] for a, b, junk in ex.sentences.spans() if not junk])
        pieces.update(prose.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS).split())
    other: set[str] = set()
    for piece in [p for p in pieces if not p.isascii()]:
        other.update(_LOWER_WORD.findall(piece.decode("utf-8", "surrogatepass")))
    return _LowerWords(frozenset(pieces), frozenset(other))


def _bare_anchor(name: str, common: Container[str]) -> str:
    """Return what a single-word name must share with another to be folded into it.

    A multi-word name needs nothing more (its other words carry the evidence). A single
    word needs the same first letter after folding (romanisations differ in how they
    write an initial Zh, Kh or Ts, which folding unifies; "Utah" and "Outage" stay
    apart); a single word that is also a common lower-case word matches only itself.
    """
    if len(name.split()) != 1:
        return ""
    if name.casefold() in common:
        return "=" + name.casefold()
    return _first_letters(name)


@memo(maxsize=16384)
def _first_letters(name: str) -> str:
    # the first letters under every reading of the letters (French J for Zh:
    # Joukovski/Zhukovsky), after an Arabic article ("al-Mawsil", "el-Mawsil": m)
    letters = {key[:1] for key in fold_keys(without_article(name)) if key}
    return "".join(sorted(letters)) or anyascii(name)[:1].lower()


def _bare_ok(a: str, b: str) -> bool:
    """Whether two groups with these anchors may be merged by folding."""
    if a.startswith("=") or b.startswith("="):
        return False
    return not a or not b or not set(a).isdisjoint(b)


def _plain(word: str) -> str:
    """Return the letters of a word as written (ASCII, lower case), before any folding."""
    return _NON_LETTERS.sub("", anyascii(word).lower())


def _close(x: str, y: str, *, consonant_slip: bool = False) -> bool:
    """Tell whether two words, as written, are one name with a one-letter slip.

    Five letters or more, the same first letter, and one consonant added or dropped
    (Dunbar/Dunbarr), one vowel written for another (Karimah/Karimeh), or, from ten
    letters on, one vowel added or dropped. A consonant
    for another is another name (Fedorov/Fedotov), and the distance is taken before
    folding, because folded forms of different names can be one letter apart
    (Tymoshenko read as French "Timochenko" against Tymchenko). With ``consonant_slip``
    (names that are not people's: a ship's, Salahuddin/Salaluddin), from ten letters on,
    one consonant for another after the third letter is a slip too; for surnames it
    chained distinct names one consonant apart into one entity.
    """
    n = min(len(x), len(y))
    if n < 5 or x[:1] != y[:1] or x.startswith(y) or y.startswith(x):
        return False  # (also a word and its derivative: Arden, Ardenian)
    if Levenshtein.distance(x, y, score_cutoff=1) > 1:
        return False
    return all(
        _slip_op(op.tag, x[op.src_pos : op.src_pos + 1], y[op.dest_pos : op.dest_pos + 1],
                 op.src_pos if consonant_slip else 0, n)
        for op in Levenshtein.editops(x, y)
    )


def _slip_op(tag: str, was: str, now: str, at: int, n: int) -> bool:
    """Tell whether one edit of a name of ``n`` letters is a slip, not another name."""
    if tag == "replace":
        if was in _VOWELS and now in _VOWELS:
            return True
        # from ten letters on, one consonant for another past the first syllable is
        # a slip (Salahuddin/Salaluddin); shorter, it is another name
        return n >= 10 and at >= 3 and was not in _VOWELS and now not in _VOWELS
    # a vowel added or dropped changes a short name more (Timchenko/Timochenko)
    letter = was if tag == "delete" else now
    return letter not in _VOWELS or n >= 10


def _surnames_score(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> float:
    """Score two folded surnames (each under all its readings); 0 when they differ."""
    if not set(a).isdisjoint(b):
        return 100.0
    # a possessive written without its apostrophe ("Zelenskys"); plain loops, not any()
    # over generators, and the pairs of readings scored in a loop, not max() over one:
    # this is the cold cost of each distinct pair of surnames (interleaved A/B over a
    # first-sight link of 845 ECB+ articles: see tests/test_fast_paths_lk11.py)
    for x in a:
        if len(x) > 4 and x[-1] == "s" and x[:-1] in b:
            return 99.0
    for y in b:
        if len(y) > 4 and y[-1] == "s" and y[:-1] in a:
            return 99.0
    if min(len(a[0]), len(b[0])) < 4:
        return 0.0
    ratio = fuzz.ratio
    best = 0.0
    for x in a:
        for y in b:
            score = ratio(x, y, processor=None, score_cutoff=threshold)
            if score > best:
                best = score
    return best


@memo(maxsize=32768)  # keyed on a tuple of str tuples and a float: the collector skips it
def _surnames_of(key: tuple[tuple[str, ...], tuple[str, ...], float]) -> float:
    """Return :func:`_surnames_score` of (a, b, threshold), memoised.

    The same two surnames meet again under other given names and in other articles: the
    19.4k candidate pairs of people of 840 ECB+ articles held 10.3k distinct pairs of
    surname keys, and a warm compare meets them all again.
    """
    return _surnames_score(*key)


@attrs.frozen
class _Info:
    """What linking reads of one group of mentions."""

    kind: MentionKind
    givens: frozenset[str]
    keys: tuple[str, ...]  # folded surname (people) or name, under each reading
    anchor: str
    core: str  # the folded name without generic words ("" for people)
    short: str  # the core without a place or demonym opening it
    initials: tuple[str, ...]  # of a multi-word name (with and without 'The'); an acronym
    digits: tuple[str, ...]
    place_id: str | None
    words: int
    suffixes: frozenset[str]  # generational suffixes of a person's name (sr, iii)
    full: str  # the folded full name without its suffix
    plain: str  # the surname (people) or the name as written, for one-letter slips


#: Where a name is cut into words for its core (compiled once: ``re.split`` with a pattern
#: string looks it up in the module's cache on every call).
_CORE_SPLIT = re.compile(r"[\s\-‐‑]+")


def _core_words(name: str) -> list[str]:
    words = [w for w in _CORE_SPLIT.split(name.strip()) if w]
    while len(words) > 1 and words[0].casefold() in _GENERIC_START:
        words.pop(0)
    while len(words) > 1 and words[-1].casefold().rstrip(".") in _GENERIC_END:
        words.pop()
    while len(words) > 1 and words[-1].casefold() in _INSTITUTION_END:
        words.pop()
        while len(words) > 1 and words[-1].casefold() in _INSTITUTION_QUALIFIERS:
            words.pop()
    if len(words) > 2 and "of" in words[1:-1]:
        words = words[: words.index("of", 1)]  # "Party of Arden" -> "Party"
    return words


def _core(name: str, words: list[str] | None = None) -> str:
    """Return the folded core of a name; ``words``: its :func:`_core_words`, if already read."""
    return fold(" ".join(_core_words(name) if words is None else words))


def _short(places: PlacesConfig, name: str, words: list[str] | None = None) -> str:
    """Return the core of an organisation's name without a place or demonym opening it.

    "Arden County Sheriff's Office" -> "Sheriff's Office", "Ardenian Labour Party" ->
    "Labour Party": at least two words stay, so "Arden Police" keeps its place.
    ``words``: the name's :func:`_core_words`, if already read.
    """
    if words is None:
        words = _core_words(name)
    for n in range(min(len(words) - 2, 3), 0, -1):
        lead = " ".join(words[:n])
        if lookup(lead, places) is not None or (
            n == 1 and demonym_place(lead, places) is not None
        ):
            return fold(" ".join(words[n:]))
    return fold(" ".join(words))


def _initials(name: str) -> tuple[str, ...]:
    """Return the letters an acronym of the name has: 'The Arden Courier' is AC or TAC."""
    compact = name.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 6 and " " not in compact:
        return (compact.lower(),)
    words = [w for w in name.split() if w.casefold() not in _MINOR]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ()
    letters = "".join(w[0] for w in words).lower()
    return (letters, "t" + letters) if name.startswith("The ") else (letters,)


@memo_per(maxsize=16384)  # one dict of names per kind of mention (four kinds)
def _name_parts(kind: str, name: str) -> tuple[str | None, tuple[str, ...], str, tuple[str, ...]]:
    """Return the given name, folded keys, plain key and suffixes of one written name.

    Only str and tuples of str, so the collector untracks the cached results (a frozenset
    of suffixes kept 5,000 of them tracked: see discrep._memo).
    """
    if kind != "person":
        return None, name_keys(name), _plain(name), ()
    given, surname = _split_person(name)
    keys = fold_keys(surname) if surname else ("",)
    suffixes = tuple(sorted({
        w.rstrip(".").lower() for w in name.split()[2:] if w.rstrip(".").lower() in _SUFFIXES
    }))
    return given, keys, _plain(surname), suffixes


@memo_per(maxsize=16384)
def _other_parts(places: PlacesConfig, name: str) -> tuple[str, str, tuple[str, ...]]:
    """Return the core, short core and initials of a name that is not a person's."""
    # the core words read once for the core and the short core (_core, _short)
    words = _core_words(name)
    return _core(name, words), _short(places, name, words), _initials(name)


@memo(maxsize=65536)  # 16,384 missed a quarter of a second compare at 3,200 articles
def _full(name: str) -> str:
    """Return the folded full name without a generational suffix."""
    return fold(" ".join(w for w in name.split() if w.rstrip(".").lower() not in _SUFFIXES))


def _group_parts(
    names: tuple[tuple[tuple[str, str], int], ...],
) -> tuple[set[str], set[str], tuple[str, ...], str]:
    """Return the given names, suffixes, most common keys and plain form of a group.

    ``names`` holds each distinct (kind, name) of the group with its count, in order of
    first mention (ties go to the first seen).
    """
    if len(names) == 1:  # most groups: no counting
        given, keys, written, suffix = _name_parts(*names[0][0])
        return ({given} if given is not None else set()), set(suffix), keys, written
    givens: set[str] = set()
    suffixes: set[str] = set()
    counts: dict[tuple[str, ...], int] = {}
    plain: dict[str, int] = {}
    for (kind, name), n in names:
        given, keys, written, suffix = _name_parts(kind, name)
        if given is not None:
            givens.add(given)
        suffixes.update(suffix)
        counts[keys] = counts.get(keys, 0) + n
        plain[written] = plain.get(written, 0) + n
    return givens, suffixes, max(counts, key=counts.__getitem__), max(plain, key=plain.__getitem__)


def _group_info(places: PlacesConfig, ms: list[Mention], common: Container[str]) -> _Info:
    first = ms[0]
    kind, name = first.kind, first.name
    if len(ms) == 1:
        place_id = first.place_id or None
    else:
        place_id = next((m.place_id for m in ms if m.place_id), None)
        # the (kind, name) counts only for a group of several written names: most groups
        # of several mentions write one name, told by a plain loop (a Counter each was
        # ~2 us, 3k groups a compare of 840 ECB+ articles)
        for m in ms:
            if m.name != name or m.kind != kind:
                names = Counter([(m.kind, m.name) for m in ms])
                return _info(places, tuple(names.items()), place_id, common)
    # most groups: one written name, read once (cached)
    given = _name_parts(kind, name)[0]
    anchor = "" if given is not None else _bare_anchor(name, common)
    return _single_info(places, (kind, name, place_id, anchor))


@memo_per(maxsize=16384)
def _single_info(places: PlacesConfig, key: tuple[str, str, str | None, str]) -> _Info:
    """Return the information of a group of one written name (its anchor already taken).

    ``key`` is the kind, the name, the place id and the anchor.
    """
    kind, name, place_id, anchor = key
    return _info(places, (((kind, name), 1),), place_id, frozenset(), anchor)


def _info(
    places: PlacesConfig,
    names: tuple[tuple[tuple[str, str], int], ...],
    place_id: str | None,
    common: Container[str],
    anchor: str | None = None,
) -> _Info:
    """Return the information of a group whose mentions have these (kind, name) counts."""
    (kind, name), _ = names[0]
    givens, suffixes, keys, written = _group_parts(names)
    core, short, initials = ("", "", ()) if kind == "person" else _other_parts(places, name)
    if anchor is None:
        # a group known by a full name ("Volodymyr Zelensky") needs no anchor
        anchor = "" if givens else _bare_anchor(name, common)
    return _Info(
        kind=kind,  # type: ignore[arg-type]
        givens=_words_set(givens),
        keys=keys,
        anchor=anchor,
        core=core,
        short=short,
        initials=initials,
        digits=tuple(_DIGITS.findall(name)),
        place_id=place_id,
        words=len(name.split()),
        plain=written,
        full=_full(name),
        suffixes=_words_set(suffixes),
    )


def _block_keys(info: _Info) -> tuple[str, ...]:
    return _keys_of((info.keys, info.core, info.short, info.initials))


@memo(maxsize=16384)  # keyed on one tuple of str: the collector skips it (discrep._memo)
def _keys_of(parts: tuple[tuple[str, ...], str, str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(_each_block_key(*parts))


def _each_block_key(
    keys: tuple[str, ...], core: str, short: str, initials: tuple[str, ...]
) -> Iterator[str]:
    for key in keys:
        if not key:
            continue
        last = key.split()[-1]
        yield "k:" + skeleton_key(last)
        if len(key) >= 4:
            yield "p:" + key[:3]
            yield "s:" + key[-3:]
    if core:
        yield "c:" + core
        yield "c:" + core.split()[0]
    if short and short != core:
        yield "c:" + short
    for letters in initials:
        yield "a:" + letters


def _pair_score(a: _Info, b: _Info, threshold: float) -> float:
    """Score a candidate pair of groups; 0 when they are not one entity."""
    if a.kind == "demonym" or b.kind == "demonym":
        return _demonym_score(a, b)
    # _bare_ok, read inline: most pairs have no anchor (a name of several words), and its
    # call per pair was 7% of scoring the 45k candidate pairs of 840 ECB+ articles (py-spy)
    x, y = a.anchor, b.anchor
    if (x or y) and (x[:1] == "=" or y[:1] == "=" or (x and y and set(x).isdisjoint(y))):
        return 0.0
    if a.digits != b.digits:
        return 0.0
    if a.place_id and b.place_id and a.place_id != b.place_id:
        return 0.0
    if a.kind == "person" or b.kind == "person":
        return _person_score(a, b, threshold)
    return _name_score(a, b, threshold)


def _demonym_score(a: _Info, b: _Info) -> float:
    """Score a demonym against an unknown one-word name that may be a slip of it."""
    other = b if a.kind == "demonym" else a
    if a.kind == b.kind or other.kind == "person" or other.place_id or other.words != 1:
        return 0.0
    return 95.0 if min(len(a.plain), len(b.plain)) >= 8 and _slip(a.plain, b.plain) else 0.0


def _slip(x: str, y: str) -> bool:
    """Tell whether two long words are one letter apart, any letter, first letter kept."""
    return (
        x[:1] == y[:1]
        and not (x.startswith(y) or y.startswith(x))
        and Levenshtein.distance(x, y, score_cutoff=1) <= 1
    )


def _person_score(a: _Info, b: _Info, threshold: float) -> float:
    if a.kind != b.kind:
        # another kind joins a person only as a one-word name equal to the surname
        other = b if a.kind == "person" else a
        person = a if other is b else b
        if other.words != 1 or set(other.keys).isdisjoint(person.keys):
            return 0.0
        return 90.0 if _same_written(other.plain, person.plain) else 0.0
    score = _surnames_of((a.keys, b.keys, threshold))
    if not score and _close(a.plain, b.plain):
        score = 97.0
    if not score:
        return 0.0
    # full names before bare surnames, so givens constrain the merges; the same full name
    # (middle names too) before the rest
    same = 5.0 if a.givens and a.full == b.full else 0.0
    return score + 10 * min(len(a.givens), 1) + 10 * min(len(b.givens), 1) + same


def _same_written(x: str, y: str) -> bool:
    """Tell whether a mis-kinded one-word name may be a person's surname as written.

    The same first letter (a reading that silences a letter, "James" as "ames", must not
    tie the town Ames to a person), and, under five letters, the same letters (folded
    alike, "Ive" and the "Ivy" of "Ivy Bridge-powered" are two words).
    """
    return x == y or (x[:1] == y[:1] and min(len(x), len(y)) >= 5)


def _name_score(a: _Info, b: _Info, threshold: float) -> float:
    ak, bk = a.keys, b.keys
    x, y = ak[0], bk[0]
    # most names have one key: a membership test, not a set made per pair
    if (y in ak) if len(bk) == 1 else not set(ak).isdisjoint(bk):
        return 100.0
    if a.core and (a.core == b.core or a.core == b.short or a.short == b.core):
        return 0.0 if _body_of_place(a, b) else 98.0
    if not set(a.initials).isdisjoint(b.initials) and (a.words == 1) != (b.words == 1):
        return 97.0
    # one-word names of other kinds are fuzzier evidence than a person's full name: only
    # long ones (Counsel and Council are two words)
    if " " not in x and " " not in y and min(len(x), len(y)) >= 8 and _close(
        a.plain, b.plain, consonant_slip=True
    ):
        return 96.0
    if _unknown_places_slip(a, b):
        return 95.0
    score = fuzz.ratio(x, y, processor=None)
    return score if score >= threshold else 0.0


def _body_of_place(a: _Info, b: _Info) -> bool:
    """Tell whether an organisation is only named after a known place ("U.S. Medical Center").

    Its generic words set aside, the organisation's name is the place's: it is a body in or
    of the place, not the place, so the two stay apart.
    """
    place, body = (a, b) if a.kind == "place" else (b, a)
    return (
        place.kind == "place" and body.kind == "organisation"
        and place.place_id is not None and body.words > place.words
    )


def _unknown_places_slip(a: _Info, b: _Info) -> bool:
    """Tell whether two one-word places the gazetteer does not know are one, a slip apart.

    Villages are romanised variously (Marvudi/Marvodi): six letters or more, one vowel for
    another or one consonant added or dropped, as for surnames (:func:`_close`). A place
    the gazetteer knows has its id and is compared by it.
    """
    return (
        a.kind == b.kind == "place"
        and not (a.place_id or b.place_id)
        and a.words == b.words == 1
        and min(len(a.plain), len(b.plain)) >= 6
        and _close(a.plain, b.plain)
    )


def _groups(
    mentions: list[Mention], common: Container[str]
) -> tuple[list[list[Mention]], list[tuple[str, ...]]]:
    """Step 1 and 2: the mentions that are one entity for certain, and each group's key."""
    group_of: dict[tuple[str, ...], int] = {}
    members: list[list[Mention]] = []
    keys: list[tuple[str, ...]] = []
    # a name repeated across the articles is keyed once (people are keyed by article)
    known: dict[tuple[str, str, str | None], tuple[str, ...]] = {}
    for m in mentions:
        key: tuple[str, ...]
        if m.kind == "person":
            key = ("person", m.local_key or f"{m.source}#{fold(m.name)}")
        else:
            seen = (m.kind, m.name, m.place_id)
            key = known.get(seen) or known.setdefault(seen, _group_key(m, common))
        idx = group_of.get(key)
        if idx is None:
            idx = group_of[key] = len(members)
            members.append([])
            keys.append(key)
        members[idx].append(m)
    return members, keys


def _group_key(m: Mention, common: Container[str]) -> tuple[str, ...]:
    """Return the group key of a mention that is not a person's (which is per article)."""
    if m.kind == "demonym" and m.place_id is not None:
        return (m.kind, m.place_id)
    bare = _bare_anchor(m.name, common)
    if bare.startswith("="):
        # The gazetteer resolves foreign alternate names and folded readings, so a
        # common word can resolve to a place ("Soon", "House"): a single word that the
        # articles also write in lower case joins only itself.
        return (m.kind, bare)
    if m.kind == "place" and m.place_id is not None:
        return (m.kind, m.place_id)
    digits = " ".join(_DIGITS.findall(m.name))
    return (m.kind, bare, fold(m.name) or m.name.casefold(), digits)


def _candidates(infos: list[_Info], reps: list[int], cap: int) -> Iterator[tuple[int, int]]:
    """Pairs of representatives that share a block key, each pair once, in order.

    A block of more than ``cap`` distinct names is not selective and pairs nothing, so the
    pair work grows with the number of names, not its square (as in the quantity check).
    Linking draws these pairs in :func:`_scored_pairs`, which scores each as it is drawn.
    """
    keys = [tuple(set(_scored_keys(infos[i]))) for i in reps]
    return ((reps[x], reps[y]) for x, y in _key_pairs(keys, cap))


def _scored_pairs(
    infos: list[_Info], reps: list[int], cap: int, threshold: float
) -> list[tuple[float, int, int]]:
    """Score the pairs of representatives that share a block key; keep those that score.

    Each pair is ``(-score, a, b)`` (so they sort best first as they stand), each pair of
    groups once, the pairs unordered (the caller sorts them). The pairs of
    :func:`_candidates`, drawn in one loop that scores each as it is drawn: no generator
    per pair, no pair held that does not score (holding every candidate pair was the peak
    of linking's memory, issue 14), and no sort of each group's later partners (the
    candidate pairs of 840 ECB+ articles drawn and scored: 144 -> 127 ms, interleaved A/B).
    """
    keys = [tuple(set(_scored_keys(infos[i]))) for i in reps]
    postings = capped_postings(keys, cap)
    by_rep = [infos[i] for i in reps]
    bisect_right = bisect.bisect_right
    pairs: list[tuple[float, int, int]] = []
    for x, item_keys in enumerate(keys):
        later: set[int] = set()
        for k in item_keys:
            idx = postings.get(k)
            if idx is not None and len(idx) > 1 and idx[-1] > x:
                later.update(idx[bisect_right(idx, x) :])
        if not later:
            continue
        a, rep = by_rep[x], reps[x]
        for y in later:
            score = _pair_score(a, by_rep[y], threshold)
            if score:
                pairs.append((-score, rep, reps[y]))
    return pairs


def _key_pairs(keys: Sequence[tuple[str, ...]], cap: int) -> Iterator[tuple[int, int]]:
    """Yield the pairs of :func:`discrep._algorithms.iter_indexed_pairs` (distinct keys).

    Each key's postings are a tuple of ints (:func:`capped_postings`), not a list: linking
    held ~28k postings lists, a third of the objects a compare of 840 ECB+ articles added
    between two full collections (issue 14; ``_Groups`` and ``_entities`` held 7k more
    lists and sets).
    """
    postings = capped_postings(keys, cap)
    for x, item_keys in enumerate(keys):
        later: set[int] = set()
        for k in item_keys:
            idx = postings.get(k)
            if idx is not None and len(idx) > 1 and idx[-1] > x:
                later.update(idx[bisect.bisect_right(idx, x) :])
        for y in sorted(later):
            yield x, y


def _scored_keys(info: _Info) -> list[str]:
    """Return the block keys of a group, marked with what :func:`_pair_score` requires.

    A key is shared only by groups whose pair can score (98% of the pairs sharing a bare
    key scored 0 on ECB+): people pair with people, other names with other names, each
    with the same digits and never through a common word's anchor ("=soon"); a person
    pairs with a one-word name of another kind only by an equal folded key; a demonym
    only with a one-word name the gazetteer does not place. The keys are the block keys
    under these marks, so the pairs that can score are the pairs they were.
    """
    base = _block_keys(info)
    if info.kind == "demonym":
        return ["d" + k for k in base]
    out: list[str] = []
    if info.anchor[:1] != "=":
        digits = ",".join(info.digits)
        tag = ("P" if info.kind == "person" else "O") + digits + "|"
        out = [tag + k for k in base]
        if info.kind == "person" or info.words == 1:
            out.extend(["x" + digits + "|" + k for k in info.keys if k])
    if info.kind != "person" and info.words == 1 and info.place_id is None:
        out.extend(["d" + k for k in base])
    return out


def _representatives(infos: list[_Info], uf: _Groups) -> list[int]:
    """Join groups written alike in several articles, and return one of each.

    So candidate pairs are counted in distinct names, not in repetitions.
    """
    by_signature: dict[tuple[object, ...], int] = {}
    reps: list[int] = []
    for i, info in enumerate(infos):
        if not info.keys[0]:
            continue
        # sorted tuples, not sets: a tuple of strings is let go by the garbage collector
        # (a set is followed by every collection; the by_signature table held 4.6k)
        signature = (
            info.kind, info.keys, tuple(sorted({fold(g) for g in info.givens})), info.anchor,
            info.place_id, info.digits, tuple(sorted(info.suffixes)), info.full,
        )
        first = by_signature.setdefault(signature, i)
        if first == i:
            reps.append(i)
        else:
            uf.join(first, i)
    return reps


def _join_given_names(
    infos: list[_Info], members: list[list[Mention]], uf: _Groups, large_city: int
) -> None:
    """Step 4: a one-word name that is the given name of exactly one person joins them."""
    by_given: dict[str, set[int]] = defaultdict(set)
    for i, info in enumerate(infos):
        if info.kind == "person":
            for g in info.givens:
                if len(g) > 2:
                    by_given[fold(g)].add(i)
    if not by_given:
        return
    for i, info in enumerate(infos):
        if info.words != 1 or info.givens or info.kind == "demonym" or info.anchor[:1] == "=":
            continue
        owners = {uf.find(j) for j in by_given.get(fold(members[i][0].name), ())}
        if len(owners) != 1 or _large_place(info.place_id, large_city):
            continue
        uf.join(owners.pop(), i)


def _name_words(name: str) -> tuple[str, ...]:
    """Return the words of a name as written, without a leading 'The'."""
    words = name.split()
    return tuple(words[1:] if words[:1] in (["The"], ["the"]) and len(words) > 1 else words)


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(" ".join(words)).split())


def _contained_forms(
    places: PlacesConfig, words: tuple[str, ...]
) -> Iterator[tuple[str, ...]]:
    """Yield the shorter names a longer one holds (folded).

    Its tail after a place or demonym opening it ('Turkmen Labour Party' holds 'Labour
    Party', 'New York Courier' holds 'Courier'), and, from three words on, itself without
    one inner word ('Arden Party National Committee' holds 'Arden National Committee',
    '67th Police Precinct' holds '67th Precinct'). 'National Technical University of
    Arden' does not hold 'University of Arden': an adjective opening it is no place.
    """
    for k in range(1, min(len(words), 4)):
        lead = " ".join(words[:k])
        if lookup(lead, places) is not None or (
            k == 1 and demonym_place(lead, places) is not None
        ):
            yield _folded(words[k:])
    for k in range(1, len(words) - 1):
        yield _folded(words[:k] + words[k + 1 :])


def _join_contained(
    places: PlacesConfig, infos: list[_Info], members: list[list[Mention]], uf: _Groups
) -> None:
    """Join a name held in exactly one longer name of the articles to it (class 4).

    'Labour Party' joins 'Turkmen Labour Party', '67th Precinct' joins '67th Police
    Precinct', and an organisation's one-word name its only longer name ending in that
    word ('the Courier' and 'the Norden Courier'). Held in two different longer names
    ('National Committee' in two parties' committees), it joins neither.
    """
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
    written = [
        _name_words(ms[0].name) if info.kind in ("place", "organisation") else ()
        for info, ms in zip(infos, members, strict=True)
    ]
    for i, ws in enumerate(written):
        if len(ws) >= 2:
            for form in _contained_forms(places, ws):
                if len(form) >= 2 or infos[i].kind == "organisation":
                    holders[form].add(i)
    for i, ws in enumerate(written):
        if not ws or (len(ws) == 1 and infos[i].kind != "organisation"):
            continue
        held = holders.get(_folded(ws), ())
        owners = {uf.find(j) for j in held if _may_contain(infos[j], infos[i])}
        owners.discard(uf.find(i))
        if len(owners) == 1:
            uf.join(owners.pop(), i)


def _may_contain(long: _Info, short: _Info) -> bool:
    return not (long.place_id and short.place_id and long.place_id != short.place_id)


def _large_place(place_id: str | None, large_city: int) -> bool:
    place = by_id(place_id) if place_id else None
    return place is not None and (place.kind != "city" or place.population >= large_city)


def link_entities(extractions: Sequence[Extraction], config: Config) -> tuple[Entity, ...]:
    """Group the mentions of all articles into entities.

    >>> from discrep._model import Article
    >>> from discrep._extract import extract
    >>> from discrep._config import Config
    >>> texts = ["Kremlin spokesman Dmitry Peskov said so. Peskov left.",
    ...          "Dmitri Peskov said the Kremlin spokesman Vladimir Putin..."]
    >>> exs = [extract(Article(t, source=str(i)), Config()) for i, t in enumerate(texts)]
    >>> [(e.canonical, len(e.mentions)) for e in link_entities(exs, Config())
    ...  if e.kind == "person"]
    [('Dmitry Peskov', 3), ('Vladimir Putin', 1)]
    """
    threshold = config.names.link_threshold
    mentions = [m for ex in extractions for m in ex.mentions]
    common = _common_words(extractions)
    members, _ = _groups(mentions, common)
    infos = [_group_info(config.places, ms, common) for ms in members]
    uf = _Groups([info.givens for info in infos], [info.suffixes for info in infos],
                 config.names.given_spelling_ratio)
    reps = _representatives(infos, uf)
    # (the score negated: the pairs sort best first as they stand, with no key function)
    pairs = _scored_pairs(infos, reps, config.names.max_block, threshold)
    pairs.sort()
    for _, a, b in pairs:
        uf.join(a, b)
    _join_contained(config.places, infos, members, uf)
    _join_given_names(infos, members, uf, config.names.large_city_population)
    return _entities(extractions, members, uf)


def _entities(
    extractions: Sequence[Extraction], members: list[list[Mention]], uf: _Groups
) -> tuple[Entity, ...]:
    roots = [uf.find(i) for i in range(len(members))]
    groups = Counter(roots)
    # A component of one group takes the group's own list (most of them): a list fewer
    # for the garbage collector to follow each (~3k a compare of 840 ECB+ articles).
    comps: dict[int, list[Mention]] = {}
    for root, ms in zip(roots, members, strict=True):
        if groups[root] == 1:
            comps[root] = ms
        else:
            comps.setdefault(root, []).extend(ms)
    order = {ex.article.source: n for n, ex in enumerate(extractions)}
    entities: list[Entity] = []
    # a plain dict, not a Counter: ``+=`` on a Counter's missing key calls __missing__
    used_ids: dict[str, int] = {}
    for ms in comps.values():
        if len(ms) > 1:
            ms.sort(key=lambda m: (order.get(m.source, 0), m.start))
            ent_kind = _majority_kind(ms)
            canonical = _canonical(ms)
            place_id = next((m.place_id for m in ms if m.place_id), None)
        else:  # most entities: one mention (what _majority_kind and _canonical return)
            ent_kind, canonical, place_id = ms[0].kind, ms[0].name, ms[0].place_id or None
        base = f"{ent_kind}:{_slug(canonical)}"
        n = used_ids[base] = used_ids.get(base, 0) + 1
        eid = base if n == 1 else f"{base}-{n}"
        entities.append(Entity(eid, ent_kind, canonical, tuple(ms), place_id=place_id))
    entities.sort(key=lambda e: (order.get(e.mentions[0].source, 0), e.mentions[0].start))
    return tuple(entities)


#: Tie order when kinds are equally common: a person's name outranks the rest.
_KIND_RANK: dict[str, int] = {"person": 3, "place": 2, "organisation": 1, "demonym": 0}


def _majority_kind(ms: list[Mention]) -> MentionKind:
    kind = ms[0].kind
    for m in ms:  # most entities hold one kind: no Counter
        if m.kind != kind:
            break
    else:
        return kind
    counts = Counter([m.kind for m in ms])
    return max(counts, key=lambda k: (counts[k], _KIND_RANK.get(k, 0)))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@memo(maxsize=16384)
def _slug(name: str) -> str:
    return _NOT_SLUG.sub("-", anyascii(name).lower()).strip("-") or "x"


def _canonical(ms: list[Mention]) -> str:
    """Return the most common of the fullest forms (most words), first seen on ties."""
    name = ms[0].name
    for m in ms:  # most entities write one name: no Counter
        if m.name != name:
            break
    else:
        return name
    counts = Counter([m.name for m in ms])  # in order of first mention
    words = {name: len(name.split()) for name in counts}
    longest = max(words.values())
    best = max(n for name, n in counts.items() if words[name] == longest)
    return next(name for name, n in counts.items() if words[name] == longest and n == best)
