"""Named mentions: people (with roles), places and organisations (issue 3).

The default extractor is pure Python and needs no model download: capitalised runs of
words, split where scraping glued words together ("KievMoscowMoscow"), classified with the
gazetteer (places and demonyms), a lexicon of titles and role nouns (people, with the role
the article gives them), a lexicon of organisation head nouns, and the article itself: a
bare surname is a person when the same article names the person in full, and a word that
starts a sentence is a name only when the article also writes it capitalised elsewhere.

The extractor sits behind :class:`MentionExtractor`, so another backend could replace it
through ``NamesConfig.backend``; the rules are the only one discrep ships.

Why not a library: spaCy and stanza need model downloads, and their offsets come from a
tokenisation of the cleaned text; nltk's ``ne_chunk`` also needs data packages. None of
them attaches roles to people.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import string
from collections.abc import Container, Iterable, Iterator, Mapping
from typing import NamedTuple, Protocol

import attrs
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from discrep._config import Config, PlacesConfig
from discrep._gazetteer import Place, demonym_place, lookup, places_named
from discrep._memo import memo, memo_per
from discrep._model import Article, Mention, MentionKind, Sentence
from discrep._normalize import (
    GLUED,
    fold,
    fold_token,
    is_given_name,
    strip_possessive,
    surface,
)

__all__ = ["MentionExtractor", "RuleExtractor", "extract_mentions"]


class MentionExtractor(Protocol):
    """Anything that finds named mentions in an article's sentences."""

    def __call__(
        self, article: Article, sentences: tuple[Sentence, ...], config: Config
    ) -> tuple[Mention, ...]:
        """Return the mentions in the non-junk ``sentences`` of ``article``."""
        ...


# --- lexicons (general English; no article's names) ---------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Titles written before a name.
_HONORIFICS = _words("mr mrs ms miss dr prof sir dame madam lord lady")

#: Nouns that name an office or role: a person they precede or follow has that role.
_ROLE_HEADS = _words(
    """president vice-president minister secretary spokesman spokeswoman spokesperson
    adviser advisor aide mayor ambassador envoy negotiator leader chief head governor
    chancellor premier commander general admiral colonel officer official diplomat
    director chairman chairwoman chair speaker senator representative deputy lawmaker
    congressman congresswoman judge prosecutor attorney king queen prince princess pope
    patriarch chancellor emperor sheikh emir president-elect mp ceo cto cfo coo founder
    commissioner counsellor councillor counselor lieutenant sergeant captain
    correspondent reporter editor analyst actor actress singer manager coach player
    star author writer producer rapper comedian businessman businesswoman tycoon
    billionaire spokesmen officials minister-designate sheriff undersheriff coroner
    commodore councilman councilwoman councilmember detective investigator defender da
    constable inspector superintendent marshal trooper member sgt capt lt gen col maj
    cmdr adm gov sen rep supt det cpl pvt gm clerk"""
)

#: Modifiers that belong to a role ("Defence minister", "presidential aide").
_ROLE_MODIFIERS = _words(
    """presidential prime foreign defence defense interior home finance economy economic
    justice health education energy trade deputy vice senior former top chief state
    first acting interim ministry majority minority opposition party parliamentary
    military security intelligence national regional city general press foreign-affairs
    internal affairs of the and to in for public assistant associate district commerce
    agriculture transportation housing environment tourism culture veterans industry"""
)

#: Capitalised words that are not names when they start a run ("The", "However").
_STOP = _words(
    """a an the this that these those there here it its he she they we you i his her their
    our your my me him them us who whom whose which what when where why how if then than
    and or but nor so yet for of in on at by to from with without within into onto upon
    about above below after before during since until while as like unlike despite
    although though because unless whether also even just only not no yes all any some
    each every both either neither many much more most few several other another such
    same own one two three four five six seven eight nine ten first second third last
    next new old according meanwhile however moreover furthermore nevertheless instead
    still already again once elsewhere later earlier now today tonight yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mon tue wed thu fri sat sun
    jan feb mar apr jun jul aug sep sept oct nov dec photo credit source read more
    advertisement follow share click subscribe copyright updated published
    is are was were be been being has have had do does did will would shall should can
    could might must say says said tell told"""
)

#: Head nouns of organisation names.
_ORG_HEADS = _words(
    """ministry committee council nations union organization organisation agency party
    department duma parliament assembly congress senate court bank fund forces army navy
    office service institute university college company corporation group alliance front
    guard commission government cabinet administration authority board bureau embassy
    police federation foundation association league club church news press times post
    agence network channel television radio airlines inc ltd center centre hospital
    clinic school academy prison jail unit stadium arena airport station hotel museum
    theater theatre cathedral hall palace tower mall festival awards award prize games
    cup team journal magazine herald tribune gazette commonwealth conference campaign watch
    foods courthouse precinct constabulary magistrates brigade regiment division corps
    studios entertainment chamber"""
)

#: All-caps words that are not acronyms of a name.
_NOT_ACRONYMS = _words("AM PM ET EST EDT CST CDT PST PDT GMT UTC BST CET TV OK ID PS RIP")

#: Abbreviated and full street heads: a run ending in one is a street (a place).
_STREET_HEADS = {
    "st": "Street", "street": "Street", "ave": "Avenue", "avenue": "Avenue",
    "rd": "Road", "road": "Road", "blvd": "Boulevard", "boulevard": "Boulevard",
    "square": "Square", "lane": "Lane", "drive": "Drive", "parkway": "Parkway",
}
_STREET_WORD = (
    r" (?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Place|Drive|Lane|Precinct|Parkway|Highway)"
)
_STREET_LOOSE_PATTERN = (
    r"(?:\d{1,5}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth"
    r"|Ninth|Tenth)(?: [A-Z][a-z]{2,15})?" + _STREET_WORD
)
_STREET = re.compile(r"\b" + _STREET_LOOSE_PATTERN + r"\b")
#: What every match of ``_STREET`` holds: a space and a street word.
_STREET_HEAD = re.compile(_STREET_WORD)
#: ``_STREET`` without its word boundaries: every match of ``_STREET`` in a sentence is
#: a match of this in the article's text (a sentence is a slice of it).
_STREET_LOOSE = re.compile(_STREET_LOOSE_PATTERN)

#: Organisation names of known shapes whose inner words break a run of capitals:
#: "Save the Children", "Doctors Without Borders", "Reporters Without Borders".
_ORG_SHAPES = re.compile(
    r"\bSave[ \t]the[ \t][A-Z][a-z]{2,20}(?:[ \t][A-Z][a-z]{2,20})?\b"
    r"|\b[A-Z][a-z]{2,20}[ \t](?:Without|Sans)[ \t]Borders\b"
)

#: Nouns for a person that a headline capitalises after a place ("Brooklyn Mother",
#: "Leeds Teen", "Cumbria Relative"): the run is the place, not a person's name.
_PERSON_NOUNS = _words(
    """mother father mom dad son daughter wife husband brother sister relative relatives
    cousin uncle aunt grandmother grandfather grandma grandpa parent parents family man
    woman men women boy girl boys girls teen teens teenager teenagers child children kid
    kids baby toddler neighbour neighbor neighbours neighbors resident residents victim
    victims suspect suspects gunman driver student students pensioner couple widow
    widower mum"""
)

#: Geographic feature words: "Dnipro River", "Azov Sea" are places.
_FEATURES = _words(
    """river sea ocean lake bay gulf strait straits peninsula island islands mountains
    mountain valley desert canal horn cape isle pier harbour harbor wharf beach park"""
)

#: Words after a place name that make it a region ("Brest region", "Kharkiv Oblast").
_REGION_WORDS = _words("region oblast province governorate krai district county")

_DIRECTIONS = _words(
    """north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern"""
)

_FEATURE_OR_REGION = _FEATURES | _REGION_WORDS

#: Capitalised words that are never a name on their own.
_GENERIC = _DIRECTIONS | _FEATURES | _REGION_WORDS | _words(
    """street avenue road square city state states national international united great
    federal republic kingdom county town village internet web god"""
)


# --- tokens --------------------------------------------------------------------------------

# A word (letters, inner apostrophes/hyphens, optional possessive), or a dotted acronym
# ("U.S."). Linear: each alternative repeats one of disjoint character classes, and a
# match ends where the word ends (the next search starts there). Word characters run as
# ``\w*`` between separators, not as one alternation per character: the same matches
# (checked on the corpus and on random strings), a quarter faster.
#
# Written with its first letter taken out of both alternatives, so that the pattern
# opens with one character class: the engine then skips to the next letter in C instead
# of trying both alternatives at every space and comma. The acronym alternative is the
# letter looked back at as a capital; the word's joints and possessive are tried only
# where the next character is an apostrophe or a hyphen (one look, not three failed
# groups a word). The same matches as the pattern written plainly,
#     (?:[A-Z]\.){2,6}|[^\W\d_]\w*(?:['’\-][^\W\d_]\w*)*(?:['’]s\b|(?<=s)['’](?!\w))?
# (tests/test_fast_paths.py); measured on the ECB+ sentences: 0.058 s against 0.081 s a
# pass of ``findall``.
_TOKEN = re.compile(
    r"[^\W\d_](?:(?<=[A-Z])\.(?:[A-Z]\.){1,5}"
    r"|\w*(?:(?=['’\-])(?:['’\-][^\W\d_]\w*)*(?:['’](?:s\b|(?<=s.)(?!\w)))?)?)"
)
#: A word longer than this is no word of prose (a URL slug, a hash, a run of random
#: letters and digits): none of it is a name. Cut into pieces, such a word gave thousands
#: of distinct one-word "names" whose blocking keys collide.
_LONGEST_WORD = 61
# Glued words: a lower-case letter followed by an upper-case one ("KievMoscow"), or an
# acronym glued to a lower-case word ("NATOmilitary").
_PLACE_CUE = re.compile(
    r"\b(?:(?:village|town|city|port|settlement|region|district|province|county|hamlet"
    r"|suburb|neighbou?rhood|borough) of|near|outside|(?:north|south|east|west)(?:-?east"
    r"|-?west)?(?:ern)? of"
    r"|in(?: the)?|(?:northern|southern|eastern|western|central|north|south|east|west)"
    r"(?:ern)?)\s{1,3}$"
)
#: The last letters of every cue word above: a word before a name that ends otherwise
#: needs no search of the pattern (which tries each of the 30 characters before it).
_CUE_ENDS = ("of", "near", "outside", "in", "the", "ern", "central", "north", "south",
             "east", "west")


def _place_cue(text: str, start: int) -> re.Match[str] | None:
    """Return the place cue ending 1-3 spaces before ``start`` ("the village of "), if any."""
    lo = max(0, start - 30)
    if not text[lo:start].rstrip().endswith(_CUE_ENDS):
        return None
    return _PLACE_CUE.search(text, lo, start)


_DATELINE = re.compile(r"([A-Z][A-Z'’.\-]{1,30}(?: [A-Z][A-Z'’.\-]{1,30}){0,2})(?:,|:|\s[-—–(])")
#: Lower-case particles inside names.
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le"}
                       | {"du", "dos", "das", "bin", "ibn", "al", "el", "ter", "zu"})
_ARABIC_ARTICLE = re.compile(r"(?:al|el|as|ash|ad|bin|ibn|abu)[\-‐][A-Z]")
_HYPHEN_ADJECTIVE = re.compile(r"[\-‐‑][a-z]{2,20}$")
_LOWER_HYPHEN_CAP = re.compile(r"(?<=[a-z]{4})[\-‐](?=[A-Z][a-z])")
# (the capital before the look-behind: a scan for a capital, then the look-behind once,
# 2.3x faster than a look-behind tried at every position; the same matches)
_ALONE = re.compile(r"[A-Z](?<![\w\-][A-Z])[a-z]{3,30}(?![\w\-])")
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z]{2,30}(?![\w\-])")


class _AloneWords:
    """The capitalised words an article writes on their own (``_ALONE``), found when asked.

    Only a long word with a capital inside asks (a word glued of others: one in 60
    sentences on ECB+); finding them in every article was 1% of the names stage. Made
    per article (no shared state).
    """

    __slots__ = ("_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = frozenset(_ALONE.findall(self._text))
        return word in self._words


class _LowerWords:
    """The words an article writes in lower case (the matches of ``_LOWER_WORD``), asked of.

    The rules ask whether a few dozen words are among them (an article writes thousands):
    each word asked is looked for with ``str.find`` and kept, and only after the searches
    have read the text 32 times over is the whole set made, so that no text costs more
    than about twice that set. Measured on the 845 ECB+ articles and seeds: making the set
    for every article (a ``findall`` and a frozenset) was 4% of the names stage; the
    searches are a fifth of that. Made per article (no shared state).
    """

    __slots__ = ("_all", "_answers", "_budget", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._answers: dict[str, bool] = {}
        self._all: frozenset[str] | None = None
        self._budget = 32 * len(text)

    def __contains__(self, word: object) -> bool:
        if self._all is not None:
            return word in self._all
        if not isinstance(word, str):
            return False
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = self._find(word)
        return found

    def _find(self, word: str) -> bool:
        # a match is [a-z]{2,30} with no word character nor hyphen on either side
        if not (2 <= len(word) <= 30 and word.isascii() and word.isalpha() and word.islower()):
            return False
        text, n = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            if not _word_char(text, at - 1) and not _word_char(text, at + n):
                self._budget -= at
                return True
            at = text.find(word, at + 1)
        self._budget -= len(text)
        if self._budget < 0:
            self._all = frozenset(_LOWER_WORD.findall(text))
        return False


def _word_char(text: str, at: int) -> bool:
    r"""Tell whether ``text[at]`` is matched by ``[\w\-]`` (False outside the text)."""
    if at < 0 or at >= len(text):
        return False
    c = text[at]
    return c.isalnum() or c == "_" or c == "-"


class _Tok(NamedTuple):
    """A word with its offsets, and the forms the rules read, made once (see :func:`_tok`).

    A tuple, not an attrs class: an article has thousands of words and the rules read
    these forms about three times a word (frozen attrs init and properties were a fifth
    of the names stage on ECB+).
    """

    start: int
    end: int
    text: str
    bare: str  # the possessive stripped
    cap: bool  # capitalised
    lower: str  # bare, lower case, no final period


def _tok(start: int, end: int, text: str) -> _Tok:
    return _new_tok(_Tok, (start, end, text, *_forms(text)))


#: ``tuple.__new__``: makes a :class:`_Tok` without the Python frame of its ``__new__``.
_new_tok = tuple.__new__
_CAP = operator.itemgetter(4)  # _Tok.cap
_LOWER = operator.itemgetter(5)  # _Tok.lower
_BARE = operator.itemgetter(3)  # _Tok.bare
_START = operator.attrgetter("start")
_END = operator.attrgetter("end")


@memo(maxsize=65536)
def _forms(text: str) -> tuple[str, bool, str]:
    """Return the forms of a word the rules read (bare, capitalised, lower), once per word.

    An article writes most of its words many times, and the corpus shares them: this was
    a fifth of the tokenising on ECB+.
    """
    bare = strip_possessive(text)
    return bare, text[:1].isupper(), bare.lower().rstrip(".")


@memo(maxsize=65536)
def _plain_forms(word: str) -> tuple[str, str, bool, str] | None:
    """Return a word with its forms (see :func:`_forms`) when it is one token as it stands.

    That is no hyphen, no glue, not too long: most words. One cached call a word, not
    two (a tenth of the tokenising); ``None`` for a word :func:`_tokens` must cut.
    """
    plain = (
        len(word) <= _LONGEST_WORD
        and "-" not in word
        and "‐" not in word
        and (len(word) < 6 or word[1:].islower())
    )
    # (the forms made here, not read through their own memo: a word this memo has not
    # seen is mostly one that memo has not seen either, and a miss of each was two
    # raised KeyErrors a new word; 17.8k new words on ECB+, 0.7 us each)
    return (word, *_forms.__wrapped__(word)) if plain else None


def _split_glued(places: PlacesConfig, tok: _Tok, alone: Container[str]) -> Iterator[_Tok]:
    """Split scraped glue: 'KievMoscowMoscow' -> Kiev, Moscow, Moscow (parts >= 4 letters).

    Only when every capitalised part is a known place or a word the article also writes
    on its own: a brand or a name in camel case ("BlackBerry", "LaTonya") stays whole; an
    acronym glued to a word ("NATOmilitary") comes apart.
    """
    text = tok.text
    if len(text) < 6 or not any(map(str.isupper, text[1:])):  # (in C: no frame a letter)
        yield tok
        return
    cuts = [0] + [m.start() for m in GLUED.finditer(text)] + [len(text)]
    parts = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    if len(parts) == 1 or any(b - a < 4 for a, b in parts[:-1]) or not all(
        text[a:b] in alone or not _title_case(text[a:b]) or _place_of(places, text[a:b])
        for a, b in parts
    ):
        yield tok
        return
    for a, b in parts:
        yield _tok(tok.start + a, tok.start + b, text[a:b])


def _title_case(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


#: A tag of markup left in the text ("Mykola <strong>Tkachuk</strong>"): its words are
#: not the article's, and a name runs across it (class 11).
_TAG = re.compile(r"<[^<>]{0,300}>")


def _blank_tags(text: str) -> str:
    """Return ``text`` with every tag written over with spaces (offsets kept)."""
    return _TAG.sub(lambda m: " " * len(m.group()), text) if "<" in text else text


def _tokens(
    places: PlacesConfig, text: str, offset: int, alone: Container[str] = frozenset()
) -> list[_Tok]:
    return _tokens_upto(places, text, offset, alone, len(text))[0]


#: How many words past the last word that may be a name's (see :func:`_last_capital`) a
#: sentence's tokens run: the rules read at most four words past a run ("Gulf of the ...",
#: a quoted nickname, particles) and compare indices with the length four past it.
_MARGIN = 6


def _tokens_upto(
    places: PlacesConfig,
    text: str,
    offset: int,
    alone: Container[str],
    stop: int,
    article: str | None = None,
) -> tuple[list[_Tok], bool]:
    """Return the words of ``text`` up to ``_MARGIN`` words starting past ``stop``.

    Also whether those are all its words. The words are the matches of ``_TOKEN``; a
    plain word (see :func:`_plain_forms`) is one token, the others are cut.

    ``article``, when given, is the text ``text`` is the slice of from ``offset``: its
    words are then matched in it, bounded to the slice (the same matches: the pattern
    looks at no character before a match's first, and one bounded by ``endpos`` sees
    the end of the slice), so that a match's span is the token's, offsets and forms are
    one tuple (``span + forms``), with no addition of the offset a word. Not for a
    sentence with a tag, which is matched with its tags blanked.
    """
    out: list[_Tok] = []
    get = _plain_forms.cache.get  # (the memo's own dict: a hit without a Python call)
    past: int | None = None  # tokens made before the first word past ``stop``
    if article is None or "<" in text:
        matches = _TOKEN.finditer(_blank_tags(text))
        shift = offset  # (the spans are the slice's)
    else:
        matches = _TOKEN.finditer(article, offset, offset + len(text))
        stop += offset
        shift = 0
    for m in matches:
        span = m.span()
        if span[0] > stop:
            if past is None:
                past = len(out)
            elif len(out) - past >= _MARGIN:
                return out, False
        word = m[0]  # (an item, not a method call: 80 ns against 110 a word)
        forms = get(word)
        if forms is None:
            forms = _plain_forms(word)
        if forms is not None:  # no glue, no hyphen, not too long: most words
            if shift:
                span = (span[0] + shift, span[1] + shift)
            out.append(_new_tok(_Tok, span + forms))
            continue
        start = shift + span[0]
        if len(word) > _LONGEST_WORD and len(strip_possessive(word)) > _LONGEST_WORD:
            continue
        hyphen = "-" in word or "‐" in word
        if hyphen and _slug(word):
            out.extend(_slug_words(start, word))
            continue
        cut = _LOWER_HYPHEN_CAP.search(word) if hyphen and word[:1].islower() else None
        if cut is not None:
            # "victims-Arden": a hyphen glued a lower-case word to a name
            out.append(_tok(start, start + cut.start(), word[: cut.start()]))
            start, word = start + cut.end(), word[cut.end() :]
        for tok in _split_glued(places, _tok(start, start + len(word), word), alone):
            out.extend(_split_places(places, tok))
    return out, True


#: A character that may be a capital or a hyphen, or belong to a word holding one: ASCII
#: capitals and hyphens, and every character from U+00C0 on but General Punctuation
#: (whose only character a token reads is the hyphen U+2010). The Latin-1 signs and
#: punctuation below U+00C0 have no capital.
#: (One class, not the plainer ``[A-Z\-\u2010]|[^\x00-\u00bf\u2000-\u206f]``: the same
#: characters, checked over all of Unicode in tests/test_fast_paths_nm11.py; no alternation
#: tried at each character, 0.012 s against 0.019 s a pass of the ECB+ sentences.)
_MAY_CAP = re.compile(r"[A-Z\-\u2010\u00c0-\u1fff\u2070-\U0010ffff]")


def _last_capital(text: str) -> int:
    """Return the offset in ``text`` of the last character ``_MAY_CAP`` matches, or -1.

    No word starting after it has a capital or a hyphen, so none of them starts a name
    or carries one on: the rules read them only as the few words after a name.
    """
    m = _MAY_CAP.search(text[::-1])  # (reversed: one scan from the end, in C)
    return -1 if m is None else len(text) - 1 - m.start()


_SLUG_PART = re.compile(r"[^\-‐]+")


#: Lower-case words of a slug after which its capitalised words name a place.
_SLUG_CUES = frozenset(
    {"in", "near", "outside", "at", "from", "central", "northern", "southern", "eastern", "western"}
)


def _slug(word: str) -> bool:
    """Tell whether a hyphenated word is a page address's slug of a headline.

    Four parts or more, two of them lower-case words ("Man-held-after-raid-in-Arden"):
    no name or compound is written so.
    """
    parts = word.replace("‐", "-").split("-")
    return len(parts) >= 4 and sum(p.islower() and len(p) >= 2 for p in parts) >= 2


def _slug_words(start: int, word: str) -> Iterator[_Tok]:
    """Yield the words of a slug that may be read: the capitalised ones after a place cue.

    A slug's headline capitalises words at will ("Man-held...", "Trial-date-set"): only
    the capitalised words after "in", "near", "from"... ("...-murdered-in-Arden-County")
    are read, as a place is after such a word in prose; the rest is no name.
    """
    cued = False
    for m in _SLUG_PART.finditer(word):
        part = m.group()
        if part[:1].isupper() and cued:
            yield _tok(start + m.start(), start + m.end(), part)
            continue
        cued = part in _SLUG_CUES


def _split_places(places: PlacesConfig, tok: _Tok) -> Iterator[_Tok]:
    """Split 'Moldova-Chisinau' (a country and its capital in wire copy) into its places.

    Only when every part is a country, a region or a city of
    ``places.split_city_population`` people or more (100,000 by default) and
    the whole is no place itself ("Guinea-Bissau"); a double-barrelled name or a small
    town's name stays whole.
    """
    parts = tok.text.split("-")
    if len(parts) < 2 or not all(len(p) >= 4 and p[:1].isupper() for p in parts):
        yield tok
        return
    found = [lookup(p, places) for p in parts]
    if lookup(tok.text, places) is not None or not all(
        p is not None and (p.kind != "city" or p.population >= places.split_city_population)
        for p in found
    ):
        yield tok
        return
    at = tok.start
    for part in parts:
        yield _tok(at, at + len(part), part)
        at += len(part) + 1


def _is_headline(toks: list[_Tok]) -> bool:
    """Title Case lines ('Zelenskyy Asks Putin to Meet'): every long word capitalised."""
    long_words = [t for t in toks if len(t.text) > 3]
    if len(long_words) < 4:
        return False
    return sum(t.cap for t in long_words) >= 0.8 * len(long_words)


def _gap(text: str, a: _Tok, b: _Tok) -> str:
    """Return the text between two words, markup tags left out."""
    gap = text[a.end : b.start]
    return _TAG.sub("", gap) if "<" in gap else gap


# A soft sign romanised as an apostrophe may end a word inside a name ("Igor' Terehov");
# a possessive s' is part of its token, so an apostrophe here follows another letter.
# A dash with spaces around it separates names ("Roe - Ann Lee"); a bare hyphen joins.
_JOIN = re.compile(r"['’ʹ]?(?:[ \t]{1,3}|[\-‐])")
_JOIN_INITIAL = re.compile(r"\.?[ \t]{1,3}")


def _joins(text: str, a: _Tok, b: _Tok) -> bool:
    """Tell whether two capitalised words are one name.

    A space or hyphen joins them, or the period of an initial ("Nick J. Rahall").
    """
    gap = text[a.end : b.start]
    if gap == " ":
        return True  # (most words: both patterns match one space, and it has no tag)
    if "<" in gap:
        gap = _TAG.sub("", gap)  # (as _gap)
    if len(a.text) == 1 and a.text.isupper():
        return _JOIN_INITIAL.fullmatch(gap) is not None
    return _JOIN.fullmatch(gap) is not None


# --- the rule extractor --------------------------------------------------------------------


class _Run(NamedTuple):
    """A run of capitalised name words (a tuple, as :class:`_Tok`: one a run, 25k on ECB+)."""

    toks: tuple[_Tok, ...]
    sentence: int
    initial: bool  # starts its sentence
    headline: bool

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


_HYPHENS = re.compile(r"[\-‐‑]")


def _hyphenated_title(word: str) -> bool:
    """'Attorney-General', 'Major-General', 'All-Star': a title written with a hyphen."""
    if "-" not in word and "‐" not in word and "‑" not in word:
        return False  # most words: one part, no title of parts (a call of re.split spared)
    parts = [p.lower() for p in _HYPHENS.split(word) if p]
    return (
        len(parts) > 1
        and parts[-1] in _ROLE_HEADS
        and all(p in _ROLE_HEADS or p in _ROLE_MODIFIERS or p in _STOP for p in parts)
    )


_CONTRACTION = re.compile(r"(?i)(?:n['’]t|['’](?:re|ve|ll|d|m))$")


def _name_word(places: PlacesConfig, tok: _Tok) -> bool:
    """Tell whether a capitalised word may belong to a name."""
    found = _word_as_written(tok.text)
    if found is None:
        return lookup(tok.bare, places) is not None  # (a country code spelling a stop word)
    return found


@memo(maxsize=65536)
def _word_as_written(text: str) -> bool | None:
    """Tell :func:`_name_word` of a word written ``text`` without the gazetteer, or None.

    None when the gazetteer is asked: only a word in capitals that spells a stop word
    ("US", "IT") is looked up; the answer is otherwise a function of the word as written,
    and no configuration's. Memoised by the text, since a token's forms are its text's:
    30k calls a compare of ECB+, each a pattern match and up to seven set look-ups, are
    one look-up in the memo.
    """
    if _ARABIC_ARTICLE.match(text):
        return True  # "al-Assad", "bin-Salman"
    bare, cap, low = _forms(text)
    # (the patterns are tried only on words with an apostrophe or a hyphen: 1 in 20)
    if not cap or (("'" in text or "’" in text) and _CONTRACTION.search(text)):
        return False  # (a contraction: "I'm", "Don't", "We're")
    if ("-" in text or "‐" in text or "‑" in text) and (
        _HYPHEN_ADJECTIVE.search(text) or _hyphenated_title(text)
    ):
        return False  # "Ethiopian-flagged", "Kyiv-based", "Russian-backed"
    if low in _ORG_HEADS:
        return True
    if bare.isupper() and low in _STOP:
        return None  # (a country code that spells a stop word: "US")
    return (
        low not in _STOP
        and low not in _HONORIFICS
        and low not in _ROLE_HEADS
        and low not in _ROLE_MODIFIERS
    )


#: What :func:`_starts_name` answers of a word whatever its sentence, when it is not the
#: sentence's first word (see :func:`_opens_anywhere`).
_NEVER, _STARTS, _ASK = 0, 1, 2


@memo(maxsize=65536)
def _opens_anywhere(text: str) -> int:
    """Tell what :func:`_starts_name` answers of the word ``text`` past a sentence's start.

    ``_NEVER`` (False wherever it is), ``_STARTS`` (True wherever it is but first in its
    sentence) or ``_ASK`` (it depends on the words around it, the article or the
    gazetteer: the rules are asked). Most capitalised words are settled by the word
    alone: no opener, title, initial, possessive or role modifier (which read the next
    word), no particle (which reads the article's lower-case words), no stop word in
    capitals (which reads the gazetteer). Measured on ECB+: 40k words a pass, the test of
    the join to the next word (a regex) and five calls spared for most of them.
    """
    tok = _tok(0, len(text), text)
    low = tok.lower
    if (
        not tok.cap
        or text != tok.bare  # a possessive may open "Sheriff's Office"
        or text in _OPENERS
        or text == "The"
        or len(text) == 1  # an initial
        or low in _ROLE_MODIFIERS  # may lead to an institution's name
    ):
        return _ASK
    found = _word_as_written(tok.text)
    if found is None:
        return _ASK
    if not found:
        return _NEVER
    return _ASK if low in _PARTICLES else _STARTS


def _sentence_adverb(tok: _Tok, lower: _LowerWords) -> bool:
    """Tell whether a sentence-opening word is an ordinary word.

    It is when the article writes it in lower case elsewhere, an -ly adverb or an -ing
    form ("Clearly", "Having"), or a verb that opens web copy in the imperative ("Add
    Wi-Fi and GPS", "Meet Arden Roe").
    """
    low = tok.lower
    return low in lower or low in _IMPERATIVES or (len(low) > 5 and low.endswith(("ly", "ing")))


#: Verbs that open a sentence of web copy in the imperative, before a name.
_IMPERATIVES = _words(
    """add meet watch call see click follow join visit contact share subscribe download
    sign get try check find take let"""
)


def _runs(
    places: PlacesConfig, text: str, sentences: tuple[Sentence, ...], lower: _LowerWords
) -> Iterator[tuple[_Run, list[_Tok], int]]:
    """Yield maximal runs of capitalised name words, with the sentence's tokens."""
    alone = _AloneWords(text)
    for si, sent in enumerate(sentences):
        if not sent.junk:
            yield from _sentence_runs(places, text, si, sent, lower, alone)
            continue
        yield from _slug_runs(si, sent)
        dateline = _DATELINE.match(sent.text)
        if dateline is not None:
            # a wire dateline ("LVIV:", "BERLIN, June 3 (Reuters) -") is page furniture
            # for the analysis, but the place it names is a mention
            head = _tokens(places, dateline.group(1), sent.start)
            if head:
                yield _Run(tuple(head), si, True, True), head, 0


_SLUG_WORD = re.compile(r"[A-Za-z0-9]{1,40}(?:-[A-Za-z0-9]{1,40}){3,40}")


def _slug_runs(si: int, sent: Sentence) -> Iterator[tuple[_Run, list[_Tok], int]]:
    """Yield the places a page address's slug names after a cue ("...-murdered-in-Arden").

    The address is page furniture, but as with a dateline the place it names is a
    mention; each word is read alone, as in a headline (only known places count).
    """
    if "-" not in sent.text:
        return
    for m in _SLUG_WORD.finditer(sent.text):
        if _slug(m.group()):
            for tok in _slug_words(sent.start + m.start(), m.group()):
                yield _Run((tok,), si, False, True), [tok], 0


def _sentence_runs(
    places: PlacesConfig,
    text: str,
    si: int,
    sent: Sentence,
    lower: _LowerWords,
    alone: Container[str],
) -> Iterator[tuple[_Run, list[_Tok], int]]:
    said = sent.text  # (a slice of the article a reading: taken once)
    ends = said.rstrip("\"'”’ ")[-1:]
    punctuated = ends in (".", "!", "?")
    # A sentence's words past its last capital are read only as the few words after a
    # name: a punctuated sentence (a headline test reads all its words) is tokenised to
    # _MARGIN words past it. Measured on ECB+: 17% of the words, a sixth of the tokenising.
    stop = _last_capital(said) if punctuated else len(said)
    toks, whole = _tokens_upto(places, said, sent.start, alone, stop, sent.article_text)
    toks = _cut_words_dropped(text, sent, toks, whole)
    headline = _shouting(said) or (not punctuated and _is_headline(toks))
    # Only a word with a capital or a hyphen may start a name ("al-Assad"): most words
    # have neither, and picking the others in C spares a Python step per word (the loop
    # over every word was a tenth of the names stage on ECB+).
    if "-" in said or "‐" in said:
        firsts: Iterable[int] = [
            i for i, t in enumerate(toks) if t.cap or "-" in t.text or "‐" in t.text
        ]
    else:
        firsts = itertools.compress(range(len(toks)), map(_CAP, toks))
    j = 0
    opens = _opens_anywhere.cache.get  # (the memo's own dict: a hit without a Python call)
    for i in firsts:
        if i < j:
            continue
        word = toks[i].text
        verdict = opens(word)
        if verdict is None:
            verdict = _opens_anywhere(word)
        if verdict == _NEVER or (
            (verdict == _ASK or i == 0) and not _starts_name(places, text, toks, i, lower)
        ):
            continue
        j = _run_end(places, text, toks, i)
        # (a nickname sits between two words of a run: a run of one or two words, most
        # runs, has none)
        words = _without_nickname(text, toks[i:j]) if j - i > 2 else tuple(toks[i:j])
        # (``tuple.__new__``, as :data:`_new_tok`: a NamedTuple's ``__new__`` is a Python
        # function, 1% of the names stage at first sight on ECB+, 25k runs)
        yield _new_tok(_Run, (words, si, i == 0, headline)), toks, i


def _cut_words_dropped(
    text: str, sent: Sentence, toks: list[_Tok], whole: bool = True
) -> list[_Tok]:
    """Drop a word the sentence cut goes through (a wall of text cut where it had no space).

    Such a word runs over a thousand characters: a piece of it is no name. The last word
    is looked at only when ``toks`` are all the sentence's words (``whole``).
    """
    if toks and sent.start > 0 and text[sent.start - 1 : toks[0].start].isalnum():
        toks = toks[1:]
    if whole and toks and text[toks[-1].end : sent.end + 1].isalnum() and sent.end < len(text):
        toks = toks[:-1]
    return toks


_ASCII_LOWER = string.ascii_lowercase.encode("ascii")


def _shouting(text: str) -> bool:
    """Tell whether more than 70% of the letters (8 or more) are capitals.

    Counting ASCII lower case first (in C) settles most sentences: when even all the
    other characters could not make 70%, no letter needs a look of its own.
    """
    # (in UTF-8 an ASCII letter is its own byte: one deletion in C, not 26 counts)
    data = text.encode("utf-8", "surrogatepass")
    lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    if 3 * (len(text) - lower) < 7 * lower:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _starts_name(
    places: PlacesConfig, text: str, toks: list[_Tok], i: int, lower: _LowerWords
) -> bool:
    tok = toks[i]
    if not tok.cap and _ARABIC_ARTICLE.match(tok.text) is None:
        return False  # (every test below wants a capital; most words have none)
    nxt = toks[i + 1] if i + 1 < len(toks) and _joins(text, tok, toks[i + 1]) else None
    if _opens_a_name(places, text, toks, i, nxt):
        return True
    return _word_starts_name(places, tok, nxt, i, lower)


def _opens_a_name(
    places: PlacesConfig, text: str, toks: list[_Tok], i: int, nxt: _Tok | None
) -> bool:
    """Tell whether a word opens a name by what follows it (an opener, a title, an initial)."""
    tok = toks[i]
    if nxt is not None and (_org_possessive(tok, nxt) or (tok.text in _OPENERS and nxt.cap)):
        return True  # "Sheriff's Department", "New Arden", "Sun Courier"
    if nxt is not None and _title_the(text, toks, i):
        return True  # "told The Arden Reporter", "starred in The Silent Harbor"
    return _initial(places, text, tok, nxt) or _leads_to_org(text, toks, i)  # "J. Arden Roe"


def _word_starts_name(
    places: PlacesConfig, tok: _Tok, nxt: _Tok | None, i: int, lower: _LowerWords
) -> bool:
    """Tell whether a word is a name's first word by itself."""
    if not _name_word(places, tok) or (tok.text.isupper() and len(tok.text) == 1):
        return False
    if tok.lower in _PARTICLES and tok.lower in lower:
        return False  # "Von der Leyen" opening a sentence: the name is "Leyen"
    # "Clearly Mark ...", "Having Jackman ...": an ordinary word opening the sentence is
    # not the first word of the name after it
    return not (
        i == 0 and nxt is not None and _name_word(places, nxt) and _sentence_adverb(tok, lower)
    )


#: An age after a name ("Arden Roe, 47,", "Arden Roe (47)"): the name is a person's.
_AGE = re.compile(r",[ \t]{1,3}\d{1,3}(?:,|[ \t]{1,3}(?:and|of|was|is)\b)|[ \t]\(\d{1,3}\)")


def _title_the(text: str, toks: list[_Tok], i: int) -> bool:
    """Tell whether a capitalised 'The' in mid-sentence opens a title ('in The Hunger ...').

    Not at a sentence start, nor after a quote, colon, bracket or dash (where a quoted
    sentence starts), and only before a capitalised word that is not a stop word.
    """
    if i == 0 or toks[i].text != "The" or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if not nxt.cap or nxt.lower in _STOP or _JOIN.fullmatch(_gap(text, toks[i], nxt)) is None:
        return False
    before = text[max(0, toks[i].start - 3) : toks[i].start].rstrip()[-1:]
    if before in _QUOTES_OPEN:
        # a quoted title: the quote closes right after the capitalised words
        end = _cap_words_end(text, toks, i + 1)
        return text[toks[end - 1].end : toks[end - 1].end + 1] in _QUOTES_CLOSE
    return before not in (":", "(", "-", "—", "–", "")


#: A capital inside a word ("T-Mobile", "BlackBerry"): a brand, never an ordinary word,
#: so a name even opening a sentence.
_BRAND = re.compile(r"(?<=[a-z\-])[A-Z]")

_QUOTES_OPEN = frozenset("\"“'‘")
_QUOTES_CLOSE = frozenset("\"”'’")

#: Stop words that open a name when a capitalised word follows ("New Arden").
_OPENERS = frozenset({"New", "Sun"})


def _leads_to_org(text: str, toks: list[_Tok], i: int) -> bool:
    """Tell whether a capitalised role modifier belongs to an institution's name.

    "Global Health Organization", "Foreign Ministry": the modifier is followed, in the
    same run of capitalised words, by an organisation's head noun before any role noun.
    """
    tok = toks[i]
    if not tok.cap or tok.lower not in _ROLE_MODIFIERS or tok.lower in _STOP:
        return False
    for k in range(i + 1, min(i + 4, len(toks))):
        nxt = toks[k]
        if not nxt.cap or not _joins(text, toks[k - 1], nxt) or nxt.lower in _ROLE_HEADS:
            return False
        if nxt.lower in _ORG_HEADS:
            return True
    return False


def _initial(places: PlacesConfig, text: str, tok: _Tok, nxt: _Tok | None) -> bool:
    """Tell whether ``tok`` is an initial ("J.") before another word of a name."""
    return (
        nxt is not None
        and len(tok.text) == 1
        and tok.text.isupper()
        and text[tok.end : tok.end + 1] == "."
        and nxt.cap
        and len(nxt.text) > 1
        and _JOIN_INITIAL.fullmatch(text[tok.end : nxt.start]) is not None
        and _name_word(places, nxt)
    )


def _org_possessive(tok: _Tok, nxt: _Tok) -> bool:
    """Tell whether a possessive opens an institution's name ("Sheriff's Office")."""
    return tok.cap and tok.text != tok.bare and nxt.cap and nxt.lower in _ORG_HEADS


def _run_end(places: PlacesConfig, text: str, toks: list[_Tok], i: int) -> int:
    """Return the end (exclusive) of the run of name words starting at ``toks[i]``."""
    j = i + 1
    while j < len(toks) and j - i < 8:
        prev = toks[j - 1]
        if prev.text != prev.bare and not _org_possessive(prev, toks[j]):
            break  # a possessive ends a run
        if _ends_any_run(toks[j]):
            break  # (most runs: the tests below, each False, spared)
        if _continues(places, text, toks, i, j):
            j += 1
            continue
        after_particles = _particles_end(places, text, toks, j)
        if after_particles is None:
            after_particles = _nickname_end(places, text, toks, j)
        if after_particles is None:
            break
        j = after_particles + 1
    return j


def _ends_any_run(tok: _Tok) -> bool:
    """Tell whether a word ends the run before it, whatever the words around.

    A lower-case word that is no particle ("von"), no "the" (a nickname's "The Chin"),
    and no "al-" word: :func:`_continues`, :func:`_particles_end` and
    :func:`_nickname_end` all want one of those or a capital there.
    """
    text = tok.text
    return (
        not tok.cap
        and text != "the"
        and text not in _PARTICLES
        and _ARABIC_ARTICLE.match(text) is None
    )


_NICK_OPEN = re.compile(r"[ \t]{1,3}[\"“'‘]")
_NICK_CLOSE = re.compile(r"[\"”'’][ \t]{1,3}")


def _nickname_end(places: PlacesConfig, text: str, toks: list[_Tok], j: int) -> int | None:
    """Return the index of the surname after a quoted nickname that opens at ``toks[j]``.

    'Vincent "The Chin" Kestrel', 'James “Whitey” Marek': a given name, one to three
    capitalised words in double quotes, then a name word. None when that is not so.
    """
    # (the quote first: most runs end at a plain space, and a given name is a look-up in
    # two tables; this test ends nearly every run)
    if (
        _NICK_OPEN.fullmatch(_gap(text, toks[j - 1], toks[j])) is None
        or not is_given_name(toks[j - 1].bare)
    ):
        return None
    for k in range(j, min(j + 3, len(toks) - 1)):
        opening = toks[k].cap or (k == j and toks[k].text == "the")
        if not opening or (k > j and not _joins(text, toks[k - 1], toks[k])):
            return None
        if _NICK_CLOSE.fullmatch(_gap(text, toks[k], toks[k + 1])) is not None:
            return k + 1 if _name_word(places, toks[k + 1]) else None
    return None


def _without_nickname(text: str, words: list[_Tok]) -> tuple[_Tok, ...]:
    """Return the words of a run without the quoted nickname inside it, if any."""
    for x in range(1, len(words) - 1):
        if _NICK_OPEN.fullmatch(_gap(text, words[x - 1], words[x])) is not None:
            y = next(
                (
                    y
                    for y in range(x, len(words) - 1)
                    if _NICK_CLOSE.fullmatch(_gap(text, words[y], words[y + 1]))
                ),
                None,
            )
            if y is not None:
                return (*words[:x], *words[y + 1 :])
    return tuple(words)


def _continues(places: PlacesConfig, text: str, toks: list[_Tok], i: int, j: int) -> bool:
    """Tell whether ``toks[j]`` carries on the run of name words opened at ``toks[i]``."""
    if not toks[j].cap and _ARABIC_ARTICLE.match(toks[j].text) is None:
        return False  # (every test below wants a capital but the article's: most words)
    if not _joins(text, toks[j - 1], toks[j]):
        return False
    after = toks[j + 1] if j + 1 < len(toks) else None
    if _name_word(places, toks[j]) or (after is not None and _org_possessive(toks[j], after)):
        return True
    if _initial(places, text, toks[j], after) or _leads_to_org(text, toks, j):
        return True
    # a title opened by a mid-sentence "The" takes any capitalised word that is no stop word
    return toks[i].text == "The" and toks[j].cap and toks[j].lower not in _STOP


def _particles_end(places: PlacesConfig, text: str, toks: list[_Tok], j: int) -> int | None:
    """Return the name word after up to two particles at ``toks[j]`` ("von der Leyen")."""
    k = j
    while (
        k < j + 2
        and k < len(toks)
        and toks[k].text in _PARTICLES
        and (_joins(text, toks[k - 1], toks[k]))
    ):
        k += 1
    if k == j or k >= len(toks) or not _name_word(places, toks[k]):
        return None
    return k if _joins(text, toks[k - 1], toks[k]) else None


@memo_per(maxsize=16384)
def _place_of(places: PlacesConfig, name: str) -> Place | None:
    """Return the place ``name`` resolves to, unless a city too small to be named so.

    Memoised by word: one call where the look-up is four (the gazetteer's look-up, its
    memo of the place's id, its memo of the place); 49k calls a compare of ECB+. Pure of
    ``places`` and ``name``: the gazetteer's look-up is, and each place is one object.
    """
    place = lookup(name, places)
    if place is None:
        return None
    if place.kind == "city" and place.population < places.name_city_population:
        return None
    return place


def _word_place(places: PlacesConfig, text: str, tok: _Tok) -> Place | None:
    """Return the place one capitalised word names, unless it more likely names no place.

    A given name ("Alice", "Regina") or a word in capitals ("TRIAL", "DATE") that the
    gazetteer resolves is a place only when the place is well known: a country, a region,
    or a city of ``places.given_name_city_population`` people (in capitals:
    ``places.capitals_city_population``) that the word names exactly (own or alternate
    name). A place cue before the word ("the town of", "near", "in") is evidence enough.
    Measured on the ECB+ corpus: 36 one-word given names resolved to a city under
    300,000 people; two named a place ("the town of Daphne", cued; "off Alexandra"), the
    rest people, hotels, hospitals and teams.
    """
    place, cued = _word_place_alone(places, tok.bare)
    if cued and _place_cue(text, tok.start) is None:
        return None
    return place


@memo_per(maxsize=16384)
def _word_place_alone(places: PlacesConfig, word: str) -> tuple[Place | None, bool]:
    """Return the place of :func:`_word_place` for ``word``, and whether it wants a cue.

    Its rules but the cue read the word alone: memoised by word, they are one call
    instead of five to nine (a place look-up, a given name, an exact name).
    """
    place = _place_of(places, word)
    if place is None or place.kind != "city":
        return place, False
    bare = strip_possessive(word)
    shouting = len(bare) > 1 and bare.isupper()
    if not shouting and not is_given_name(bare):
        return place, False
    floor = places.capitals_city_population if shouting else places.given_name_city_population
    if place.population >= floor and _named_exactly(bare, place):
        return place, False
    return place, True


def _lead_place(places: PlacesConfig, text: str, tok: _Tok) -> Place | None:
    """Return the place one word opening an organisation's name is, if it is one.

    A small town reached only through an alternate name ("Human", an old name of a town,
    opening "Human Rights Watch") is no place there: an organisation named after a town
    is named by the town's own name, or the place is large ("Kiev City Council").
    """
    place = _word_place(places, text, tok)
    if (
        place is None
        or place.kind != "city"
        or place.population >= places.small_place
        or surface(place.name) == surface(tok.bare)
    ):
        return place
    return None


def _named_exactly(word: str, place: Place) -> bool:
    """Tell whether ``word`` is the place's own or an alternate name (not only a reading)."""
    return place in places_named(word, exact=True)


class _Ctx(NamedTuple):
    """What classifying one run reads besides the run: the article as a whole.

    A tuple: one for each reading of an article.
    """

    article: Article
    mid: frozenset[str]  # words the article writes capitalised in mid-sentence
    lower: _LowerWords  # words the article writes in lower case
    # folded surname -> folded full name; also "=" + surname as written (lower case, ASCII)
    people: _PeopleTable
    large_city: int  # NamesConfig.large_city_population


_RunAt = tuple[_Run, list[_Tok], int]


class _PeopleTable(Protocol):
    """What the rules read of the people an article names (see :class:`_People`)."""

    def __contains__(self, key: object) -> bool: ...

    def slip(self, word: str) -> str | None:
        """Return the full name of the one person whose surname ``word`` misspells."""
        ...


class _People(dict[str, str]):
    """The people an article names (see :func:`_people`), with their surnames' slips.

    :meth:`slip` is :func:`_surname_slip` over the surnames that share the word's first
    letter, filed once, each word's answer kept: it was asked once a run the second
    reading took up, and compared the word with every surname the article gives
    (a seventh of the names stage on ECB+). Made per article and per call.
    """

    def __init__(self) -> None:
        super().__init__()
        self._by_head: dict[str, list[tuple[str, str]]] | None = None
        self._slips: dict[str, str | None] = {}

    def slip(self, word: str) -> str | None:
        """Return :func:`_surname_slip` of ``word`` in this table."""
        if word in self._slips:
            return self._slips[word]
        if self._by_head is None:
            self._by_head = {}
            for surname, full in self.items():
                self._by_head.setdefault(surname[:2], []).append((surname, full))
        found = _surname_slip(word, self._by_head)
        self._slips[word] = found
        return found


class _PeopleProbe(Mapping[str, str]):
    """The empty table of people of the first reading, noting what the rules asked a run.

    Every key looked up is kept, every word whose surname slip was asked, and whether
    the table was listed (or sized), each with the run that asked (:meth:`next_run`
    opens a run). A run whose reading only looked up keys the full table lacks, and
    slips it has not, takes with the full table the same path to the same mentions:
    :meth:`changed_by` tells which runs the second reading must read again. Made per
    article and per call (no shared state).
    """

    # (one probe an article, the keys of all its runs in one list, a run's marked by where
    # its keys start: a probe, two lists and a context a run, and a test of each, were 5%
    # of the names stage on ECB+)
    __slots__ = ("asked", "listed", "runs", "slip_runs", "slips")

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.runs: list[int] = []  # where each run's keys start in ``asked``
        self.slips: list[str] = []
        self.slip_runs: list[int] = []  # the run that asked each slip
        self.listed: set[int] = set()  # the runs that listed the table

    def next_run(self) -> None:
        """Note that the keys asked from now on are the next run's."""
        self.runs.append(len(self.asked))

    def slip(self, word: str) -> str | None:
        """Note the word: no surname slips in the empty table."""
        self.slips.append(word)
        self.slip_runs.append(len(self.runs) - 1)
        return None

    def __getitem__(self, key: str) -> str:
        self.asked.append(key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        self.asked.append(str(key))
        return False

    def __iter__(self) -> Iterator[str]:
        self.listed.add(len(self.runs) - 1)
        return iter(())

    def __len__(self) -> int:
        self.listed.add(len(self.runs) - 1)
        return 0

    def changed_by(self, people: _People) -> set[int]:
        """Return the runs whose reading with ``people`` instead of this empty table differs.

        That is the runs that listed the table, looked up a key ``people`` holds, or asked
        the slip of a word ``people`` has a slip for: the others read the same.
        """
        changed = set(self.listed)
        if people:
            runs = self.runs
            changed.update(
                bisect.bisect_right(runs, at) - 1
                for at, key in enumerate(self.asked)
                if key in people
            )
            changed.update(
                run for run, word in zip(self.slip_runs, self.slips, strict=True)
                if people.slip(word)
            )
        return changed


def _outside(runs: list[_RunAt], streets: list[Mention]) -> list[_RunAt]:
    """Return the runs that do not start inside a street's name."""
    if not streets:
        return runs  # (most articles: no generator a run)
    return [r for r in runs if not any(s.start <= r[0].start < s.end for s in streets)]


def _mid_words(runs: list[_RunAt]) -> frozenset[str]:
    """Words the article writes capitalised in mid-sentence (not in headlines).

    A word starting a sentence is a name only if it is also one of these or is known.
    """
    words: set[str] = set()
    for r, _, _ in runs:
        if not r.headline:
            words.update(map(_BARE, r.toks[1 if r.initial else 0 :]))
    return frozenset(words)


@attrs.frozen
class RuleExtractor:
    """The default, pure-Python mention extractor.

    >>> from discrep._segment import segment
    >>> text = "Kremlin spokesman Dmitry Peskov said Kiev was calm. Peskov left for Moscow."
    >>> ms = RuleExtractor()(Article(text), segment(text), Config())
    >>> [(m.text, m.kind, m.role) for m in ms][:2]
    [('Dmitry Peskov', 'person', 'Kremlin spokesman'), ('Kiev', 'place', None)]
    >>> [(m.text, m.kind, m.local_key) for m in ms][2:]
    [('Peskov', 'person', 'article#dmitri peskov'), ('Moscow', 'place', None)]
    """

    def __call__(
        self, article: Article, sentences: tuple[Sentence, ...], config: Config
    ) -> tuple[Mention, ...]:
        text = article.text
        places = config.places
        lower = _LowerWords(text)
        streets = _street_mentions(article, sentences) + _shaped_organisations(
            article, sentences
        )
        runs = _outside(list(_runs(places, text, sentences, lower)), streets)
        mid = _mid_words(runs)
        # First every run with no person known, which finds the full names (and titled
        # surnames) anywhere in the article; then the runs read word by word again, so
        # that a bare surname before its full name is a person too.
        large = config.names.large_city_population
        probe = _PeopleProbe()
        ctx = _Ctx(article, mid, lower, probe, large)
        first = []
        for run in runs:
            probe.next_run()
            first.append(self._classify(places, ctx, *run))
        people = _people(m for found in first for m in found)
        # a run whose first reading asked of no person the article names reads the
        # same again: its rules took the same path (a fifth of the names stage)
        changed = probe.changed_by(people)
        ctx = _Ctx(article, mid, lower, people, large)
        out = list(streets)
        for k, (run, found) in enumerate(zip(runs, first, strict=True)):
            whole = len(found) == 1 and found[0].start == run[0].start and len(run[0].toks) > 1
            same = whole or k not in changed
            out.extend(found if same else self._classify(places, ctx, *run))
        # by start, the longer first: two sorts by C keys (stable, so the order of equal
        # spans is kept as one sort by (start, -end) keeps it), not a Python key a mention
        out.sort(key=_END, reverse=True)
        out.sort(key=_START)
        return tuple(_with_local_keys(_cued_places(out), people))

    def _classify(
        self, places: PlacesConfig, ctx: _Ctx, run: _Run, toks: list[_Tok], idx: int
    ) -> list[Mention]:
        """Return the mentions one run of capitalised words holds."""
        article = ctx.article
        parts = list(run.toks)
        if (
            len(parts) > 1
            and not run.headline
            and (place := _place_of(places, " ".join([t.bare for t in parts]))) is not None
        ):  # (the name joined only for a run of words: most runs are one word)
            return [_mention(places, article, run.toks, "place", run.sentence, place=place)]
        if parts[0].text == "The":
            return self._title(places, ctx, run, toks, idx)
        # a ship's or prison's prefix is not part of its name ("INS Vikrant", "HMP Arden"),
        # but is quoted with it
        prefix = parts[0]
        while len(parts) > 1 and _prefix(places, parts[0], parts[1], run):
            parts.pop(0)
            idx += 1
        if prefix is not parts[0]:
            return [
                _with_prefix(article, m, prefix) if m.start == parts[0].start else m
                for m in self._name(places, ctx, run, tuple(parts), toks, idx)
            ]
        return self._after_demonyms(places, ctx, run, parts, toks, idx)

    def _after_demonyms(
        self,
        places: PlacesConfig,
        ctx: _Ctx,
        run: _Run,
        parts: list[_Tok],
        toks: list[_Tok],
        idx: int,
    ) -> list[Mention]:
        """Return the mentions of a run, its leading demonyms apart."""
        article = ctx.article
        out: list[Mention] = []
        # A leading demonym is its own mention ("Russian President", "Ukrainian Vadym ..."),
        # unless the rest is an institution it qualifies ("Indian Navy").
        force = _lower_force(places, article.text, parts, toks, idx)
        if force is not None:
            # "the Indian navy": a demonym before a lower-case armed force or police
            return [
                _mention(places, article, (parts[0],), "demonym", run.sentence),
                _mention(places, article, (parts[0], force), "organisation", run.sentence),
            ]
        lead = 0
        while lead < len(parts) - 1 and _demonym(places, parts[lead].bare):
            lead += 1
        if lead and _ORG_HEADS.isdisjoint(map(_LOWER, parts[lead:])):
            out.extend(
                _mention(places, article, (t,), "demonym", run.sentence) for t in parts[:lead]
            )
            parts = parts[lead:]
            idx += lead
        out.extend(self._name(places, ctx, run, tuple(parts), toks, idx))
        return out

    def _title(
        self, places: PlacesConfig, ctx: _Ctx, run: _Run, toks: list[_Tok], idx: int
    ) -> list[Mention]:
        """Return the mentions of a title opened by a mid-sentence 'The' (a paper, a film).

        One known word after it is read as that word ("in The Netherlands" is a place).
        """
        rest = run.toks[1:]
        if len(rest) == 1 and (
            _word_place(places, ctx.article.text, rest[0])
            or demonym_place(rest[0].bare, places)
        ):
            return self._name(places, ctx, run, rest, toks, idx + 1)
        if len(rest) == 1 and fold_token(rest[0].bare) in ctx.people:
            return self._name(places, ctx, run, rest, toks, idx + 1)
        return _organisation(places, ctx.article, run.toks, toks, idx, run.sentence)

    def _name(
        self,
        places: PlacesConfig,
        ctx: _Ctx,
        run: _Run,
        words: tuple[_Tok, ...],
        toks: list[_Tok],
        idx: int,
    ) -> list[Mention]:
        article = ctx.article
        before = toks[idx - 1] if idx > 0 else None
        titled = before is not None and _is_title(before)
        if len(words) > 1 and words[-1].lower in _STREET_HEADS:
            name = _street_name(" ".join([t.bare for t in words]))
            return [_mention(places, article, words, "place", run.sentence, name=name)]
        if _is_organisation(places, words, run):
            return _organisation(places, article, words, toks, idx, run.sentence)
        feature = _feature_place(places, article, words, toks, idx, run.sentence, titled)
        if feature:
            return feature
        if len(words) == 1:
            return list(self._single(places, ctx, run, words[0], titled))
        return self._multi(places, ctx, run, words, titled)

    def _multi(
        self, places: PlacesConfig, ctx: _Ctx, run: _Run, words: tuple[_Tok, ...], titled: bool
    ) -> list[Mention]:
        article = ctx.article
        placed = _place_before_person_noun(places, ctx, run, words)
        if placed is not None:
            return [placed]
        name = " ".join([t.bare for t in words])
        # "Taras Shevchenko, the Foreign Minister, ...": a name followed by an appositive
        # role is a person, even when each of its words is also some town's name
        titled = titled or (
            not run.headline
            and (
                _role_after(article.text, words[-1].end) is not None
                or _AGE.match(article.text, words[-1].end) is not None
            )
        )
        if not titled and not _given_name_first(places, words, run, ctx.large_city):
            place = _place_of(places, name)
            if place is not None:
                return [_mention(places, article, words, "place", run.sentence, place=place)]
            if _word_by_word(places, ctx, run, words):
                return self._words(places, ctx, run, words)
        return [_person(places, article, words, run.sentence)]

    def _words(
        self, places: PlacesConfig, ctx: _Ctx, run: _Run, words: tuple[_Tok, ...]
    ) -> list[Mention]:
        """'Moscow Kiev', or a Title Case headline: only known words count."""
        out: list[Mention] = []
        for t in words:
            if t.text.lower() in _PARTICLES:
                continue
            p = _word_place(places, ctx.article.text, t)
            if fold_token(t.bare) in ctx.people or (p is None and t.bare in ctx.mid):
                out.extend(self._single(places, ctx, run, t, False))
            elif p is not None:
                out.append(_mention(places, ctx.article, (t,), "place", run.sentence, place=p))
        return out

    def _single(
        self, places: PlacesConfig, ctx: _Ctx, run: _Run, tok: _Tok, titled: bool
    ) -> Iterator[Mention]:
        article, bare = ctx.article, tok.bare
        if _person_word(places, ctx, bare, titled):
            yield _person(places, article, (tok,), run.sentence)
            return
        initial = run.initial and run.toks[0] is tok
        known = _known_word(places, ctx, run, tok, initial)
        if known is not None:
            yield known
            return
        if not run.headline and _unknown_name(tok, ctx) and ctx.people.slip(bare):
            # a one-letter slip of a surname the article gives in full ("Feld" in an
            # article about Ann Felt), even opening a sentence
            yield _person(places, article, (tok,), run.sentence)
            return
        opening = initial and bare not in ctx.mid and _BRAND.search(bare) is None
        if run.headline or opening or not _unknown_name(tok, ctx):
            return
        # An unknown capitalised word: a place after a place cue ("the village of
        # Borodyanka", "near Borodyanka", "12 miles west of Borodyanka"), else an
        # organisation, a team or a surname: linking settles its kind by majority.
        cue = _place_cue(article.text, tok.start)
        kind: MentionKind = "place" if cue and tok.text == bare else "organisation"
        yield _mention(places, article, (tok,), kind, run.sentence)


def _place_before_person_noun(
    places: PlacesConfig, ctx: _Ctx, run: _Run, words: tuple[_Tok, ...]
) -> Mention | None:
    """Return the place of a headline's "Brooklyn Mother", "Leeds Teen": no person's name.

    A run of a known place (or demonym) and a noun for a person is the place; the noun
    is dropped. A single given name before the noun is read as a name ("Florence
    Mother" stays a person's name only through the given-name rule, which needs no cue).
    """
    if len(words) < 2 or words[-1].lower not in _PERSON_NOUNS:
        return None
    lead = words[:-1]
    text = ctx.article.text
    if len(lead) == 1:
        place = _word_place(places, text, lead[0])
        if place is None and demonym_place(lead[0].bare, places) is not None:
            return _mention(places, ctx.article, lead, "demonym", run.sentence)
    else:
        place = _place_of(places, " ".join([t.bare for t in lead]))
    if place is None:
        return None
    return _mention(places, ctx.article, lead, "place", run.sentence, place=place)


def _person_word(places: PlacesConfig, ctx: _Ctx, bare: str, titled: bool) -> bool:
    """Tell whether one word is a person: titled (and no place), or a surname the article gives."""
    if titled and (demonym_place(bare, places) is not None or _place_of(places, bare) is not None):
        titled = False
    plural = bare.endswith("s") and fold_token(bare[:-1]) in ctx.people
    return titled or fold_token(bare) in ctx.people or plural


def _known_word(
    places: PlacesConfig, ctx: _Ctx, run: _Run, tok: _Tok, initial: bool
) -> Mention | None:
    """Return the place or demonym one known word is, if it is one."""
    bare = tok.bare
    place = _word_place(places, ctx.article.text, tok)
    if place is not None and (
        not initial or bare in ctx.mid or place.population >= ctx.large_city or place.kind != "city"
    ):
        name = _without_glued_s(bare)
        return _mention(places, ctx.article, (tok,), "place", run.sentence, place=place, name=name)
    if demonym_place(bare, places) is not None:
        return _mention(places, ctx.article, (tok,), "demonym", run.sentence)
    return None


#: Lower-case heads a demonym makes an institution's name ("the Indian navy"). Not
#: "army", "police" or "military": "the Russian army" in many statements made them align
#: wrongly on the seed articles (alignment P 0.87 -> 0.81), the entity being too common.
_FORCES = frozenset({"navy", "coastguard", "marines"})


def _lower_force(
    places: PlacesConfig, text: str, parts: list[_Tok], toks: list[_Tok], idx: int
) -> _Tok | None:
    """Return the lower-case force after a lone demonym ("Indian navy"), if any."""
    end = idx + len(parts)
    if len(parts) != 1 or end >= len(toks) or toks[end].text not in _FORCES:
        return None
    if not _demonym(places, parts[0].bare) or _gap(text, parts[0], toks[end]) != " ":
        return None
    return toks[end]


def _with_prefix(article: Article, m: Mention, prefix: _Tok) -> Mention:
    """Quote a name with the prefix before it ("HMP Arden"); the name stays without it."""
    return attrs.evolve(m, start=prefix.start, text=article.text[prefix.start : m.end])


@memo_per(maxsize=16384)  # (pure of the config and word: 7k calls, 1.5k words on ECB+)
def _demonym(places: PlacesConfig, word: str) -> bool:
    """Tell whether a word opening a run is a demonym ("Ukrainian"), not a place or name."""
    return (
        demonym_place(word, places) is not None
        and _place_of(places, word) is None
        and not is_given_name(word)
    )


def _cued_places(mentions: list[Mention]) -> list[Mention]:
    """Give an unknown word the place kind everywhere once a cue made it a place."""
    places = {m.name for m in mentions if m.kind == "place" and m.place_id is None}
    return [
        attrs.evolve(m, kind="place")
        if m.kind == "organisation" and m.name in places and " " not in m.name
        else m
        for m in mentions
    ]


def _surname_slip(word: str, by_head: Mapping[str, list[tuple[str, str]]]) -> str | None:
    """Return the full name of the one person whose surname ``word`` misspells by a letter.

    Four letters or more, the first letter kept, one letter added, dropped or changed as
    written (Feld/Felt, Grey/Gray; not compared folded, where Mommy is a letter from
    Miami), and only one such person in the article. A place and its demonym are two
    words, not a slip ("America" is no slip of a person misread as "African American").
    ``by_head`` files the article's (surname key, full name) pairs by the key's first two
    characters (see :class:`_People`).
    """
    key = "=" + _plain(word)
    if len(key) < 5:
        return None
    found = {
        full
        for surname, full in by_head.get(key[:2], ())
        if surname != key
        and Levenshtein.distance(surname, key, score_cutoff=1) <= 1
        and not _demonym_of(surname, key)
    }
    return found.pop() if len(found) == 1 else None


def _demonym_of(a: str, b: str) -> bool:
    """Tell whether one word is the other with the demonym ending -n (Korea, Korean)."""
    return (a[-1:] == "a" and b == a + "n") or (b[-1:] == "a" and a == b + "n")


def _plain(word: str) -> str:
    word = strip_possessive(word)
    low = word.lower() if word.isascii() else anyascii(word).lower()  # (ASCII is its own)
    return low if low.isalpha() else "".join(filter(str.isalpha, low))


def _people(mentions: Iterable[Mention]) -> _People:
    """Map the folded surname of each person the article names to the full name."""
    people = _People()
    for m in mentions:
        if m.kind != "person":
            continue
        words = _name_words(m.name)
        if len(words) > 1:
            people.setdefault(fold_token(words[-1]), fold(m.name))
            people.setdefault("=" + _plain(words[-1]), fold(m.name))
        elif words:
            people.setdefault(fold_token(words[0]), fold_token(words[0]))
    return people


def _is_title(tok: _Tok) -> bool:
    low = tok.lower
    return low in _HONORIFICS or low in _ROLE_HEADS or _hyphenated_title(tok.text)


def _prefix(places: PlacesConfig, first: _Tok, second: _Tok, run: _Run) -> bool:
    """Tell whether an all-caps word before a name is a prefix, not a part of it."""
    text = first.text
    return (
        not run.headline
        and text.isupper()
        and 2 <= len(text) <= 4
        and not second.text.isupper()
        and _place_of(places, text) is None
    )


#: Words that make a run an organisation only as its last word ("Amnesty International",
#: "Kestrel International"); opening a run they are adjectives ("International observers").
_ORG_TAILS = frozenset({"international"})


def _is_organisation(places: PlacesConfig, words: tuple[_Tok, ...], run: _Run) -> bool:
    if not _ORG_HEADS.isdisjoint(map(_LOWER, words)):
        return True
    if len(words) > 1 and words[-1].lower in _ORG_TAILS:
        return True
    if run.headline or len(words) != 1:
        return False
    bare = words[0].bare
    return (
        bare.isupper()
        and 2 <= len(bare) <= 6
        and bare not in _NOT_ACRONYMS
        and _place_of(places, bare) is None
    )


def _feature_place(
    places: PlacesConfig,
    article: Article,
    words: tuple[_Tok, ...],
    toks: list[_Tok],
    idx: int,
    sentence: int,
    titled: bool,
) -> list[Mention]:
    """Geographic features and regions: 'Dnipro River', 'Gulf of Aden', 'Varna province'."""
    end = idx + len(words)
    after = toks[end] if end < len(toks) else None
    if words[-1].lower in _FEATURES and _is_of(after):
        found = _feature_of(places, article, words, toks, end, sentence)
        if found:
            return found
    # (the name joined only in the two branches that read it: most runs take neither)
    if after is not None and _feature_word_after(after, titled) and not _office_at(toks, end + 1):
        span2 = (*words, after)
        full_name = " ".join([t.bare for t in span2])
        name = " ".join([t.bare for t in words])
        place = _place_of(places, full_name) or _place_of(places, name)
        return [_mention(places, article, span2, "place", sentence, place=place)]
    if len(words) > 1 and words[-1].lower in _FEATURE_OR_REGION:
        name = " ".join([t.bare for t in words])
        place = _place_of(places, name) or _place_of(places, " ".join([t.bare for t in words[:-1]]))
        return [_mention(places, article, words, "place", sentence, place=place)]
    return []


def _feature_word_after(after: _Tok, titled: bool) -> bool:
    """Tell whether a feature or region word follows ("Dnipro River", "Varna province")."""
    return after.lower in _FEATURE_OR_REGION and not titled


def _is_of(tok: _Tok | None) -> bool:
    return tok is not None and tok.text == "of"


def _feature_of(
    places: PlacesConfig,
    article: Article,
    words: tuple[_Tok, ...],
    toks: list[_Tok],
    end: int,
    sentence: int,
) -> list[Mention]:
    """'Gulf of Aden': the whole feature, and the place after 'of' when the gazetteer knows it."""
    span = _of_phrase(article.text, toks, end)
    if not span:
        return []
    full = (*words, *span)
    inner = _place_of(places, " ".join([t.bare for t in span]))
    found = [_mention(places, article, full, "place", sentence)]
    if inner is not None:
        found.append(_mention(places, article, span, "place", sentence, place=inner))
    return found


def _office_at(toks: list[_Tok], k: int) -> bool:
    """Tell whether ``toks[k]`` is a capitalised office ("District Attorney", "County Sheriff")."""
    return k < len(toks) and toks[k].cap and toks[k].lower in _ROLE_HEADS


def _of_phrase(text: str, toks: list[_Tok], at: int) -> tuple[_Tok, ...]:
    """Return the capitalised words after 'of' (or 'of the') at ``toks[at]``."""
    nxt = at + 1
    if nxt < len(toks) and toks[nxt].text == "the":
        nxt += 1
    span: list[_Tok] = []
    while (
        nxt < len(toks)
        and toks[nxt].cap
        and toks[nxt].lower not in _STOP
        and (_joins(text, toks[nxt - 1], toks[nxt]))
    ):
        span.append(toks[nxt])
        if toks[nxt].text != toks[nxt].bare or len(span) == 4:
            break
        nxt += 1
    return tuple(span)


def _given_name_first(
    places: PlacesConfig, words: tuple[_Tok, ...], run: _Run, large_city: int
) -> bool:
    """Tell whether a run opens with a given name ('Bryant Dalton', 'Tanya Wilson')."""
    if run.headline or len(words) > 4 or any(t.bare.isupper() for t in words):
        return False
    if is_given_name(words[0].bare):
        return True
    # every word a small town's name: people more likely than a list of towns
    found = [_place_of(places, t.bare) for t in words]
    return all(p is not None and p.kind == "city" and p.population < large_city for p in found)


def _word_by_word(places: PlacesConfig, ctx: _Ctx, run: _Run, words: tuple[_Tok, ...]) -> bool:
    """Tell whether a run of several words is better read one word at a time."""
    proper = [t for t in words if t.text.lower() not in _PARTICLES]
    # Words the article also writes in lower case are ordinary words, but a mid-sentence
    # run with one such word is a name ("the Weather Underground", "as Deep Throat"):
    # only a run of nothing but ordinary words, or one an ordinary word opens at a
    # sentence start, is read word by word.
    # (asked word by word, up to the first the article does not write in lower case: a
    # search of the article's text a word, 9,980 -> 7,980 searches at first sight on
    # ECB+; the answers are the same, in any order)
    common = all(t.lower in ctx.lower for t in proper) or (
        run.initial and words[0] is proper[0] and proper[0].lower in ctx.lower
    )
    common = common or any(_placeish(places, t.bare) for t in proper)
    shouting = all(t.bare.isupper() for t in words)
    if run.headline or shouting or common or len(proper) > 4:
        return True
    # every word a place as written (not only through a folded reading, which turns
    # given names into places: "Tanya" folds like an Indian city's alternate name)
    return all(_exact_place(places, t.bare) for t in proper)


def _exact_place(places: PlacesConfig, word: str) -> bool:
    return _place_of(places, word) is not None and bool(places_named(word, exact=True))


def _unknown_name(tok: _Tok, ctx: _Ctx) -> bool:
    """Tell whether an unknown capitalised word may be kept as a name.

    Not when the article writes it in lower case elsewhere (a common word), nor a
    generic word (a direction, a feature, an office), nor a one- or two-letter word.
    """
    bare = tok.bare
    low = bare.lower()
    return (
        len(bare) >= 3
        and low not in ctx.lower
        and low not in _GENERIC
        and not (bare.isupper() and len(bare) > 6)
    )


def _street_mentions(article: Article, sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Numbered streets and precincts: '223rd Street', '52nd St', 'First Avenue'."""
    out: list[Mention] = []
    # Most articles name no street: a scan of the article spares one a sentence. The heads
    # first (a quick scan, but " St" opens "State" or "Stephen": a third of the articles
    # pass), then the whole shape; measured on ECB+, 30 of 845 articles pass both, and the
    # scans of the others' sentences were 2% of the names stage.
    if not _may_name_a_street(article.text):
        return out
    for si, sent in enumerate(sentences):
        if sent.junk:
            continue
        for m in _STREET.finditer(sent.text):
            start, end = sent.start + m.start(), sent.start + m.end()
            out.append(
                Mention(
                    source=article.source,
                    start=start,
                    end=end,
                    text=article.text[start:end],
                    kind="place",
                    name=_street_name(m.group()),
                    sentence=si,
                )
            )
    return out


#: The most characters a match of ``_STREET_LOOSE`` holds before its street word: five
#: digits and a suffix, or "Seventh", then a space and a word of 16 letters.
_STREET_LEAD = 24


def _may_name_a_street(text: str) -> bool:
    """Tell whether ``_STREET_LOOSE`` matches in ``text`` (so whether any sentence may).

    Searched only before each street word (``_STREET_HEAD``: a match of the pattern ends
    with one, and two street words cannot overlap), not along the whole text, where the
    pattern opens with an alternation the engine tries at every character. Measured on
    the ECB+ articles: 0.009 s against 0.027 s a pass.
    """
    return any(
        _STREET_LOOSE.search(text, max(0, m.start() - _STREET_LEAD), m.end())
        for m in _STREET_HEAD.finditer(text)
    )


def _shaped_organisations(article: Article, sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Organisations of a known shape: 'Save the Children', 'Doctors Without Borders'."""
    out: list[Mention] = []
    if "Save" not in article.text and "Borders" not in article.text:
        return out  # every match holds one of the two words: most articles, no search
    for si, sent in enumerate(sentences):
        if sent.junk:
            continue
        for m in _ORG_SHAPES.finditer(sent.text):
            start, end = sent.start + m.start(), sent.start + m.end()
            text = article.text[start:end]
            out.append(
                Mention(
                    source=article.source,
                    start=start,
                    end=end,
                    text=text,
                    kind="organisation",
                    name=text,
                    sentence=si,
                )
            )
    return out


def _street_name(text: str) -> str:
    """'52nd St.' -> '52nd Street': the abbreviated head written out."""
    words = text.rstrip(".").split()
    head = _STREET_HEADS.get(words[-1].lower().rstrip("."), words[-1])
    return " ".join([*words[:-1], head])


def _placeish(places: PlacesConfig, word: str) -> bool:
    """Tell whether a word (or every part of a hyphenated one) names a country or region.

    Cities are not enough: many given names are also cities (Vladimir, Valeria, Taraz).
    """
    parts = [p for p in _HYPHENS.split(word) if p]
    for part in parts:
        place = _place_of(places, part)
        if place is None or place.kind == "city":
            return False
    return bool(parts)


@memo(maxsize=16384)  # (a pure function of the name: 4.3k calls, 520 names on ECB+)
def _without_glued_s(name: str) -> str:
    """'Ukraines' -> 'Ukraine' when only the form without the s is a known place."""
    if (
        len(name) > 4
        and name.endswith("s")
        and not places_named(name, exact=True)
        and places_named(name[:-1], exact=True)
    ):
        return name[:-1]
    return name


def _mention(
    places: PlacesConfig,
    article: Article,
    toks: tuple[_Tok, ...],
    kind: MentionKind,
    sentence: int,
    *,
    place: Place | None = None,
    name: str | None = None,
    role: tuple[int, int] | None = None,
) -> Mention:
    start, end = toks[0].start, toks[-1].end
    if kind == "demonym":
        dp = demonym_place(toks[0].bare, places)
        place = dp
    text = article.text[start:end]
    if name is None:
        # (one word, most mentions: its bare form, no list and join)
        name = toks[0].bare if len(toks) == 1 else " ".join([t.bare for t in toks])
    # (the fields by position, in the class's order, which tests/test_fast_paths.py pins:
    # a call by keywords took a quarter longer, 27k mentions a pass on ECB+)
    role_text: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    if role is not None:
        role_start, role_end = role
        role_text = article.text[role_start:role_end]
    return Mention(
        article.source,
        start,
        end,
        text,
        kind,
        # Most names are written as they are named: one string, not two equal copies
        # (issue 14: 1.4 KB of an extraction's 20 KB per article).
        text if name == text else name,
        role_text,
        role_start,
        role_end,
        sentence,
        place.id if place is not None else None,
    )


def _organisation(
    places: PlacesConfig,
    article: Article,
    words: tuple[_Tok, ...],
    toks: list[_Tok],
    idx: int,
    sentence: int,
) -> list[Mention]:
    """Return an organisation, and the place its name opens or ends with.

    Organisation names take 'of'/'for'/'on'/'to' + capitalised words ('Ministry of Internal
    Affairs', 'Committee to Protect Journalists'), then 'and' + capitalised words that
    are no second institution, and 'in' + one word after such a coordination
    ('Organization for Security and Co-operation in Europe'); 'Norden County Court' holds
    the place 'Norden County', 'University of Arden' the place 'Arden'.
    """
    text = article.text
    end = idx + len(words)
    span = list(words)
    links: list[str] = []
    while end + 1 < len(toks) and _org_link(toks[end].text, links):
        nxt = _cap_words_end(text, toks, end + 1)
        added = toks[end + 1 : nxt]
        if not added or (toks[end].text == "and" and any(t.lower in _ORG_HEADS for t in added)):
            break  # "the Ministry of Defence and the Navy", "Council and Court"
        if toks[end].text == "in" and len(added) != 1:
            break
        links.append(toks[end].text)
        span.extend(added)
        end = nxt
    name = None
    if links:
        # the name as written, its linking words too ("Party of Arden", not "Party Arden")
        name = " ".join(strip_possessive(w) for w in text[span[0].start : span[-1].end].split())
    out = [_mention(places, article, tuple(span), "organisation", sentence, name=name)]
    out.extend(_places_inside(places, article, tuple(span), sentence))
    return out


def _org_link(word: str, links: list[str]) -> bool:
    """Tell whether a lower-case word links more of an organisation's name."""
    if word in ("of", "for", "on", "to"):
        return True
    return (word == "and" and bool(links)) or (word == "in" and "and" in links)


def _cap_words_end(text: str, toks: list[_Tok], at: int) -> int:
    """Return the end of the run of capitalised words from ``toks[at]`` (a possessive ends it)."""
    nxt = at
    while (
        nxt < len(toks)
        and toks[nxt].cap
        and toks[nxt].lower not in _STOP
        and (nxt == at or re.fullmatch(r"[ \t]{1,3}", _gap(text, toks[nxt - 1], toks[nxt])))
    ):
        nxt += 1
        if toks[nxt - 1].text != toks[nxt - 1].bare:
            break
    return nxt


def _places_inside(
    places: PlacesConfig, article: Article, span: tuple[_Tok, ...], sentence: int
) -> list[Mention]:
    """Return the place that opens an organisation's name, or follows its last 'of'."""
    out: list[Mention] = []
    text = article.text
    heads = [k for k, t in enumerate(span) if t.lower in _ORG_HEADS]
    if heads and heads[0] > 0:
        for n in range(heads[0], 0, -1):
            lead = span[:n]
            name = " ".join([t.bare for t in lead])
            place = _lead_place(places, text, lead[0]) if n == 1 else _place_of(places, name)
            if place is not None:
                name = _without_glued_s(name) if n == 1 else name
                out.append(
                    _mention(places, article, lead, "place", sentence, place=place, name=name)
                )
                break
    ofs = [
        k
        for k in range(1, len(span))
        if text[span[k - 1].end : span[k].start].strip() in ("of", "of the")
    ]
    if ofs:
        tail = span[ofs[-1] :]
        place = _place_of(places, " ".join([t.bare for t in tail]))
        if place is not None:
            out.append(_mention(places, article, tail, "place", sentence, place=place))
    return out


# --- people and roles ----------------------------------------------------------------------


def _person(
    places: PlacesConfig, article: Article, words: tuple[_Tok, ...], sentence: int
) -> Mention:
    start, end = words[0].start, words[-1].end
    role = _role_before(article.text, start)
    if role is None:
        role = _role_after(article.text, end)
    if role is None:
        role = _appositive_before(article.text, start)
    # (the role given when the mention is made: a copy of each titled person's mention
    # by attrs.evolve was the most of 3% of the names stage that evolve took)
    return _mention(places, article, words, "person", sentence, role=role)


_ROLE_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w\-]{0,30}(?:['’]s|(?<=s)['’])?")
_WORD_TAIL = frozenset("_-'’")


def _word_before(text: str, pos: int) -> re.Match[str] | None:
    r"""Return the word that ends 1-3 whitespace characters before ``pos``, if any.

    The same match as ``re.search(_ROLE_WORD.pattern + r"\s{1,3}$", ...)`` over the 40
    characters before ``pos`` (tests/test_hostile_input.py checks it), but that search
    tried every start in the window: a lookback per word of a role, 8 words per name, was
    a sixth of the names stage on capitalised text without punctuation (issue 16 item 8).
    """
    lo = max(0, pos - 40)
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    gap = pos - end
    if not (1 <= gap <= 3 or (gap == 4 and text[pos - 1] == "\n")):  # `$` before a final \n
        return None
    first = end
    while first > lo and (text[first - 1].isalnum() or text[first - 1] in _WORD_TAIL):
        first -= 1
    for k in range(first, end):  # the leftmost start, as a search finds it
        m = _ROLE_WORD.fullmatch(text, k, end)
        if m is not None:
            return m
    return None


@memo(maxsize=16384)  # (a pure function of the word: 9k calls, 1.8k words on ECB+)
def _role_word_kind(word: str) -> str | None:
    low = strip_possessive(word).lower()
    if low in _HONORIFICS:
        return "honorific"
    if low in _ROLE_HEADS:
        return "head"
    if low in _ROLE_MODIFIERS and low not in ("the", "and", "of", "to", "in", "for"):
        return "modifier"
    if word[:1].isupper() and low not in _STOP:
        # a place, demonym or institution qualifying the role ("Kremlin", "Ukraine's")
        return "qualifier"
    return None


def _role_before(text: str, start: int) -> tuple[int, int] | None:
    """'Ukrainian Defence minister Oleksii Reznikov' -> the span 'Ukrainian Defence minister'."""
    pos = start
    words: list[tuple[int, int, str]] = []
    connector_pending = False
    while len(words) < 8:
        m = _word_before(text, pos)
        if m is None:
            break
        word = m.group()
        kind = _role_word_kind(word)
        if word.lower() == "and" and any(k == "head" for _, _, k in words):
            connector_pending = True
            pos = m.start()
            continue
        if kind is None:
            break
        if connector_pending and kind != "head":
            break
        connector_pending = False
        if kind == "honorific":
            if not words:
                return None  # "Mr. Zelensky": a form of address, not a role
            break
        words.append((m.start(), m.end(), kind))
        pos = m.start()
        if word != strip_possessive(word):
            break  # "Ukraine's President": the possessive opens the role
    if not any(k == "head" for _, _, k in words):
        return None
    # the role runs from the earliest kept word to the word nearest the name
    first, last = words[-1][0], words[0][1]
    return first, last


_AFTER = re.compile(r",\s{1,3}(?:(?:a|an|the)\s{1,3})?")
_CLAUSE_END = re.compile(r"[,;:.()\"“”!?\n]|\b(?:who|which|that|said|says|told|and)\b")


def _role_after(text: str, end: int) -> tuple[int, int] | None:
    """'Mykhailo Podolyak, an adviser to ...,' -> 'adviser to ...'."""
    m = _AFTER.match(text, end)
    if m is None:
        return None
    start = m.end()
    has_article = m.group().rstrip()[-1:].isalpha()
    stop = _CLAUSE_END.search(text, start, start + 120)
    if stop is None:
        return None
    phrase = text[start : stop.start()]
    words = phrase.split()
    if not words or len(words) > 12:
        return None
    first = words[0]
    if not has_article and _role_word_kind(first) is None:
        return None
    if first.lower() in _STOP:
        return None
    if not any(strip_possessive(w).lower() in _ROLE_HEADS for w in words[:4]):
        return None
    return start, start + len(phrase.rstrip())


_BEFORE_COMMA = re.compile(r",\s{1,3}$")
_CLAUSE_START = re.compile(r"[,;:.()\"“”!?\n]")


def _appositive_before(text: str, start: int) -> tuple[int, int] | None:
    """Find the role in 'the Ukrainian minister of defense, Oleksii Reznikov'."""
    m = _BEFORE_COMMA.search(text, max(0, start - 5), start)
    if m is None:
        return None
    end = m.start()
    lo = max(0, end - 120)
    window = text[lo:end]
    cut = max((x.end() for x in _CLAUSE_START.finditer(window)), default=0)
    phrase_start = lo + cut
    phrase = text[phrase_start:end]
    art = None
    for a in re.finditer(r"(?i)\b(?:the|a|an)\s{1,3}", phrase):
        following = phrase[a.end() :].split()[:3]
        if any(strip_possessive(w).lower() in _ROLE_HEADS for w in following):
            art = a
            break
    if art is not None:
        begin = phrase_start + art.end()
    else:
        poss = re.search(r"[A-Z][\w\-]{1,30}['’]s?\s{1,3}", phrase)
        if poss is None or not re.search(r"['’]", poss.group()):
            return None
        begin = phrase_start + poss.start()
    words = text[begin:end].split()
    if not words or len(words) > 10:
        return None
    if not any(strip_possessive(w).lower() in _ROLE_HEADS for w in words):
        return None
    return begin, end


def _with_local_keys(mentions: list[Mention], people: _People) -> Iterator[Mention]:
    """Tie bare surnames to the full name the same article gives.

    A full name is its own key; a bare surname takes the key of the latest full name with
    that surname before it (so "Chris Weitz ... Paul Weitz ... Weitz" ties the last to
    Paul), or of the first one the article gives when none precedes it.
    """
    source = mentions[0].source if mentions else ""
    latest: dict[str, str] = {}
    # One string per key, text and name, not one per mention: an article names a person or
    # a place several times (issue 14: memory).
    keys: dict[str, str] = {}
    for m in mentions:
        text, name = _pooled(m, keys)
        if m.kind != "person":
            yield m if text is m.text and name is m.name else _rekeyed(m, text, name, m.local_key)
            continue
        words = _name_words(m.name)
        key = fold_token(words[-1]) if words else ""
        if len(words) > 1:
            full = fold(m.name)
            latest[key] = full
        else:
            full = latest.get(key) or people.get(key) or ""
            if not full and key.endswith("s"):
                full = latest.get(key[:-1]) or people.get(key[:-1]) or ""
            if not full:
                full = people.slip(words[-1]) or ""
        local_key = f"{source}#{full or fold(m.name)}"
        yield _rekeyed(m, text, name, keys.setdefault(local_key, local_key))


def _rekeyed(m: Mention, text: str, name: str, local_key: str | None) -> Mention:
    """Return ``attrs.evolve(m, text=text, name=name, local_key=local_key)``.

    Every field given: evolve reads the class's fields and builds the arguments anew for
    each copy (a copy a person's mention: 2% of the names stage on ECB+). By position,
    in the class's order (tests/test_fast_paths.py pins it): a quarter faster than by
    keywords.
    """
    return Mention(
        m.source,
        m.start,
        m.end,
        text,
        m.kind,
        name,
        m.role,
        m.role_start,
        m.role_end,
        m.sentence,
        m.place_id,
        local_key,
    )


def _pooled(m: Mention, pool: dict[str, str]) -> tuple[str, str]:
    """Return the mention's text and name as the first equal strings of its article."""
    text = pool.setdefault(m.text, m.text)
    return text, text if m.name == text else pool.setdefault(m.name, m.name)


#: Generational suffixes that follow a surname ("Nick J. Rahall II").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_words(name: str) -> list[str]:
    """Return the words of a name without a generational suffix."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    return words


def _backends() -> dict[str, MentionExtractor]:
    """Return the available extractors; optional backends register here when installed."""
    return {"rules": RuleExtractor()}


def extract_mentions(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[Mention, ...]:
    """Return the named mentions in the non-junk sentences of ``article``.

    >>> from discrep._segment import segment
    >>> text = "Mr. Zelensky spoke to Belarusian President Alexander Lukashenko."
    >>> [(m.text, m.kind) for m in extract_mentions(Article(text), segment(text), Config())]
    [('Zelensky', 'person'), ('Belarusian', 'demonym'), ('Alexander Lukashenko', 'person')]
    """
    backends = _backends()
    backend = backends.get(config.names.backend)
    if backend is None:
        raise ValueError(
            f"unknown names backend {config.names.backend!r}; choose from {sorted(backends)}"
        )
    return backend(article, sentences, config)
