"""The one name normaliser: transliteration, romanisation folding, blocking and comparison.

Every part of discrep that compares names goes through this module, so that "Zelenskiy",
"Zelenskyy", "Zelensky" and "Selenskyj" are one name everywhere.

The steps:

1. :func:`anyascii.anyascii` transliterates any script to ASCII ("Київ" -> "Kiiv").
2. :func:`fold_token` folds the letter clusters in which the romanisation systems of
   Cyrillic (and German/Polish/French renderings of it) differ: kh/ch/h/g, y/j/i and their
   doublings (iy, ij, yy, ii), w/v, shch/sch/sh/zh, tsch/tch/ch, ts/tz/z/s, x/ks, a glide
   ``i`` before a vowel (ya/ia/ja, ye/ie/je, yu/iu/ju), an English epenthetic ``e`` before
   a final ``r`` (Dnieper/Dnepr, Alexander/Aleksandr), doubled letters and a possessive s.
3. :func:`name_similarity` compares folded forms with rapidfuzz (explicit ``processor=``).
4. :func:`block_key` is the coarse key candidate generation is blocked on.

Why hand-written rules: no PyPI package folds *between* romanisation systems (translitua
and iuliia go from Cyrillic to Latin, not Latin to Latin), and phonetic keys built for
English (jellyfish's metaphone, NYSIIS) split kh/ch/h and w/v, which is exactly the variation
to absorb. Given-name cognates (Volodymyr/Vladimir) are linguistic facts that no rule
derives, so a small table of cognate groups is kept; there is no table of surnames or places.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from discrep._cache import cached
from discrep._memo import memo

__all__ = [
    "GLUED",
    "block_key",
    "cognate_given",
    "fold",
    "fold_keys",
    "fold_token",
    "given_compatible",
    "is_given_name",
    "name_keys",
    "name_similarity",
    "nickname",
    "pinyin_as_wade_giles",
    "skeleton_key",
    "spelled_out",
    "strip_possessive",
    "surface",
    "without_article",
]

#: Where words glued by scraping come apart ("KievMoscow", "NATOmilitary"): a lower-case
#: letter followed by a capital, or a run of capitals followed by a lower-case word.
GLUED = re.compile(r"(?<=[a-z\u00e0-\u00ff])(?=[A-Z])|(?<=[A-Z]{2})(?=[a-z]{3})")

# Letters with diacritics that anyascii would flatten to a different sound: the
# Czech-style and ISO 9 romanisations (and Polish) write ч, ш, ж, щ with them.
_DIACRITICS = str.maketrans(
    {"č": "tsch", "ć": "tsch", "š": "sh", "ś": "sh", "ž": "zh", "ż": "zh", "ź": "z",
     "ŝ": "shch", "Č": "Tsch", "Ć": "Tsch", "Š": "Sh", "Ś": "Sh", "Ž": "Zh", "Ż": "Zh",
     "Ź": "Z", "Ŝ": "Shch",
     # DIN 31635 / ISO 233 transcription of Arabic and Persian: ǧ is j, ḫ kh, ḏ dh,
     # ṯ th, ġ gh (anyascii would write g, h, d, t, g)
     "ǧ": "j", "Ǧ": "J", "ḫ": "kh", "Ḫ": "Kh", "ḏ": "dh", "Ḏ": "Dh", "ṯ": "th", "Ṯ": "Th",
     "ġ": "gh", "Ġ": "Gh"}
)
# A c before a soft sign is ц (ISO-style "Sluc'kij"), not the English k of "ck".
_SOFT_C = re.compile(r"c(?=['’ʹ′`ʼ])")
_SOFT_J = re.compile(r"(?<=[bcdfghklmnpqrstvwxz])j(?=[bcdfghklmnpqrstvwxz]|$)")
# (not dj: the French j of Arabic names, el-Djouf)
_YO = re.compile(r"(?<=[bcdfghklmnpqrstvwxz])yo|(?<=[bcfghklmnpqrstvwxz])jo")


_Repl = str | Callable[[re.Match[str]], str]
_FIRST: Callable[[re.Match[str]], str] = operator.methodcaller("group", 1)


def _compile(rules: tuple[tuple[str, _Repl], ...]) -> tuple[tuple[re.Pattern[str], _Repl], ...]:
    return tuple((re.compile(p), r) for p, r in rules)


# French romanisation: ou = u, ch = ш, tch = ч, chtch = щ, j = ж, gu(e) = g(e). Applied
# as an alternative reading of a word, since "ch" is ч in English and х in German.
_FRENCH = _compile(
    (
        (r"chtch", "shtsh"),
        (r"tch", "tsch"),
        (r"ou", "u"),
        (r"gu(?=[eiy])", "g"),
        (r"(?<!t)(?<!ts)ch", "sh"),
        (r"(?<!d)j", "zh"),
        # dj is the English j of Arabic and Persian names (Nadjaf, Karadj), not ж
        (r"dj", "j"),
        (r"(?<=[bcdfghklmnprstvz])e$", ""),  # silent final e: Poutine
    )
)
_FRENCH_PLACE = _FRENCH[:-1]

# Greek romanisation: gamma before a front vowel is written g or y (Giorgos/Yiorgos,
# Pelagias/Pelayias); read as y, it folds with the y spelling.
_GREEK = _compile(((r"g(?=[eiy])", "y"),))

# Other readings of the letters, each an extra key of a word (never a replacement):
# Persian's short vowels written e and o (UN, BGN/PCGN) or i and u (ALA-LC), and its
# diphthongs ey/ow or ay/aw (Rowhani/Rawhani, Tehran/Tihran, Qom/Qum, Hoseyn/Husayn:
# the ALA-LC reading of a UN/BGN spelling, all four at once); Belarusian
# ў written w or u after a vowel (Barysaw/Barysau); Duden's German o for ё after sch/tsch
# (Gorbatschow/Gorbachev); an Arabic article glued to the name (al-Asad, as-Sisi: the
# reading without it); tāʾ marbūṭa written -ah or -a (Hamah/Hama).
_VOWELS_EI = _compile(((r"ey", "ay"), (r"ow(?![aeiou])", "aw"), (r"e", "i")))
_VOWELS_EI_OU = _compile(
    ((r"ey", "ay"), (r"ow(?![aeiou])", "aw"), (r"e", "i"), (r"o", "u"))
)
# o as u only in a word with a mark of Arabic or Persian romanisation (a q not opening
# English qu, kh, gh, ey before a consonant): for English names it merged Collins with
# "Cullens" (each read once, o as u and e as i)
_PERSIAN_MARK = re.compile(r"q(?!u[aeiou])|kh|gh|ey(?=[^aeiou])")
_W_AS_U = _compile(((r"(?<=[aeiou])w(?![aeiouy])", "u"),))
# c for ц (Belarusian and Polish Latin, the national systems): Capkala/Tsapkala
_C_AS_TS = _compile(((r"c(?![hz])", "ts"),))
_DUDEN_YO = _compile(((r"(?<=sch)o", "e"),))
_ARABIC = _compile(
    ((r"^(?:[ae]l|[ae][dnrstz]h?|a[dt]h)(?=[a-z]{3})", ""), (r"(?<=[^aeiou])ah$", "a"))
)
# (the sun letters also as DIN 31635 writes them: aẓ-Ẓawāhirī, aṣ-Ṣadr, aš-Šarīf)
_ARTICLE_WORD = re.compile(r"(?i)^(?:[ae]l|[ae][dnrstzḍṣṭẓšḏṯ]h?|a[dt]h)[\-‐]")

# Letter clusters and what they fold to, matched in one left-to-right pass, longest
# first: щ (shch, German schtsch, Polish szcz) and ш (sch, sz) and ж (zh) -> sh; ч (ch,
# tsch, tch, cz) and х (kh, German ch) and г (h, Russian g) -> h; ц (ts, tz, German z)
# and з (German s) -> s; w -> v; y, j -> i; x -> ks; ck, q -> k; ph -> f; th -> t.
_CLUSTER_MAP = {
    **dict.fromkeys(("shtsh", "schtsch", "sztsch", "shch", "stsch", "szcz"), "sh"),
    **dict.fromkeys(("tsch", "tch", "tsh", "cz"), "h"),
    **dict.fromkeys(("sch", "sz", "zh", "zs"), "sh"),
    **dict.fromkeys(("kh", "ch", "gh", "g"), "h"),
    **dict.fromkeys(("ts", "tz", "z", "tc"), "s"),
    **dict.fromkeys(("ck", "q"), "k"),
    "ph": "f",
    "th": "t",
    "x": "ks",
    "w": "v",
    "y": "i",
    "j": "i",
}
_CLUSTERS = re.compile(
    "|".join(sorted(_CLUSTER_MAP, key=lambda k: (-len(k), k))) + "|c"
)


def _cluster(m: re.Match[str]) -> str:
    found = m.group()
    if found == "c":  # soft c before e/i is s, else k
        return "s" if m.string[m.end() : m.end() + 1] in ("e", "i", "y", "j") else "k"
    return _CLUSTER_MAP[found]


# Then, in order: an English epenthetic e before a final r (Dnieper/Dnepr,
# Alexander/Aleksandr), doubled letters, glides (ya/ia/ja, ye/ie/je, yu/iu/ju), doubled
# letters again. Each pattern is a plain alternation or a bounded class: linear.
_RULES = _compile(
    (
        (r"(?<=[^aeiou])er$", "r"),
        (r"(.)\1+", _FIRST),
        (r"i(?=[aeou])", ""),
        (r"(.)\1+", _FIRST),
    )
)
_NON_LETTER = re.compile(r"[^a-z]")
_WORD_SPLIT = re.compile(r"[\s\-‐‑–—]+")
_PUNCT = re.compile(r"[^\w\s]")
_COMBINING = dict.fromkeys(range(0x300, 0x370))
_VOWELS = re.compile(r"[aeiou]")


def _ascii(token: str) -> str:
    if token.isascii() and token.isalpha():
        # ASCII letters (nine words in ten): no possessive, diacritic, soft sign or other
        # script, so NFC, the digraphs, anyascii and the letter filter leave the word as
        # it is and lower-case is all they do (0.4 us against 2.1; the test keeps the full
        # form as the oracle)
        token = token.lower()
    else:
        token = unicodedata.normalize("NFC", strip_possessive(token)).translate(_DIACRITICS)
        token = _NON_LETTER.sub("", anyascii(_SOFT_C.sub("ts", token)).lower())
    # a soft sign written j between consonants (DSTU 9112: "Berdjansjk"), and ё written
    # yo/jo after a consonant where English writes e ("Fyodor"/"Fedor"); neither can match
    # a word without a j, or without yo or jo
    if "j" in token:
        token = _SOFT_J.sub("", token)
    return _YO.sub("e", token) if "yo" in token or "jo" in token else token


def spelled_out(name: str) -> str:
    """Return a name with its DIN 31635 and Czech-style letters written as digraphs.

    >>> spelled_out("Karaǧ"), spelled_out("Mašhad"), spelled_out("Kyiv")
    ('Karaj', 'Mashhad', 'Kyiv')
    """
    if name.isascii():
        return name  # (NFC leaves ASCII as it is, and the digraphs' letters are not ASCII)
    return unicodedata.normalize("NFC", name).translate(_DIACRITICS)


def _apply(s: str, rules: tuple[tuple[re.Pattern[str], _Repl], ...]) -> str:
    if rules is _RULES:
        return _fold_letters(s)
    for pattern, repl in rules:
        s = pattern.sub(repl, s)
    return s


_ER, _DOUBLED, _GLIDE = (pattern for pattern, _ in _RULES[:3])


def _fold_letters(s: str) -> str:
    """Apply the clusters and then _RULES in order, skipping the rules that cannot match.

    The e before a final r needs a final "er", a glide an i; doubled letters are left by
    the second pass only where a glide went (after the first pass none are left). Three
    substitutions of five are skipped in most words: 2.4 us a fold against 2.9.
    """
    s = _CLUSTERS.sub(_cluster, s)
    if s.endswith("er"):
        s = _ER.sub("r", s)
    s = _DOUBLED.sub(_FIRST, s)
    if "i" in s and (glided := _GLIDE.sub("", s)) != s:
        s = _DOUBLED.sub(_FIRST, glided)
    return s


_POSSESSIVE = re.compile(r"(?i)(?<=\w)['’`´]s?$")


def strip_possessive(word: str) -> str:
    """Remove a possessive written with an apostrophe ("Ukraine's", "Belarus'").

    >>> strip_possessive("Ukraine’s"), strip_possessive("Belarus'"), strip_possessive("Kyiv")
    ('Ukraine', 'Belarus', 'Kyiv')
    """
    if "'" not in word and "’" not in word and "`" not in word and "´" not in word:
        return word  # most words: a regex substitution per word was measurable on long texts
    return _POSSESSIVE.sub("", word)


@memo(maxsize=65536)
def fold_token(token: str) -> str:
    """Fold one word to the form shared by its romanisations.

    >>> {fold_token(w) for w in ("Zelenskiy", "Zelenskyy", "Zelensky", "Selenskyj")}
    {'selenski'}
    >>> fold_token("Arakhamia") == fold_token("Arachamija")
    True
    >>> fold_token("Kharkiv") == fold_token("Kherson")
    False
    """
    return _apply(_ascii(token), _RULES)


@memo(maxsize=65536)
def fold_keys(token: str) -> tuple[str, ...]:
    """Return the folds of one word under each reading of its letters.

    The first is :func:`fold_token`; the second reads the word as a French romanisation
    (ch = ш, ou = u, j = ж), so that "Chevtchenko" meets "Shevchenko"; the last reads a
    g before e/i as the y of Greek romanisations (Pelagias/Pelayias).

    >>> fold_keys("Chevtchenko")[1] == fold_token("Shevchenko")
    True
    >>> set(fold_keys("Pelagias")) & set(fold_keys("Pelayias"))
    {'pelas'}
    >>> fold_keys("Kyiv")
    ('kiv',)
    """
    return _readings(token, _FRENCH)


@memo(maxsize=65536)
def _place_keys(token: str) -> tuple[str, ...]:
    # a place's name: French reading without its silent final e ("Greece" is no "Grec").
    # That rule needs a final e, which the other French rules never write and the Arabic
    # reading never leaves: a word not ending in e has its fold_keys (shared, not read
    # again: 2.5k words a compare, half of them read both ways)
    if not _ascii(token).endswith("e"):
        return fold_keys(token)
    return _readings(token, _FRENCH_PLACE)


def _readings(
    token: str, french_rules: tuple[tuple[re.Pattern[str], _Repl], ...]
) -> tuple[str, ...]:
    plain = _ascii(token)
    keys = [fold_token(token)]  # (the fold of ``plain``, mostly folded already by fold)
    persian = _PERSIAN_MARK.search(plain) is not None
    vowels = _VOWELS_EI_OU if persian else _VOWELS_EI
    # A reading changes the word only where one of its patterns matches, and each pattern
    # holds one of the letters tested here (French: chtch, tch, ch, ou, gu, j, dj and a
    # final e; Greek g; Persian ey, ow, e, o; w; scho; c): a word without them is left as
    # it is, and its rules are not run (13 substitutions a word, 3.5 us of its 20 cold)
    may_change = (
        "ch" in plain or "ou" in plain or "gu" in plain or "j" in plain or plain[-1:] == "e",
        "g" in plain,
        "e" in plain or "ow" in plain or (persian and "o" in plain),
        "w" in plain,
        "scho" in plain,
        "c" in plain,
    )
    # a reading that leaves the word as it is (most readings of most words) folds it to
    # keys[0]: the folding rules are not run again (half the cost of a word's first fold)
    for reading, may in zip(
        (french_rules, _GREEK, vowels, _W_AS_U, _DUDEN_YO, _C_AS_TS), may_change, strict=True
    ):
        if not may:
            continue
        read = _apply(plain, reading)
        if read != plain and (folded := _apply(read, _RULES)) not in keys:
            keys.append(folded)
    if _ARTICLE_WORD.match(token) or plain.endswith("ah"):
        # without the article, read as written and under the French and Persian readings
        # (el-Nadjaf, el-Falloudja meet al-Najaf, al-Fallujah)
        bare = _apply(plain, _ARABIC)
        if (folded := _apply(bare, _RULES)) not in keys:
            keys.append(folded)
        for reading in (french_rules, _VOWELS_EI_OU):
            read = _apply(bare, reading)
            if read != bare and (folded := _apply(read, _RULES)) not in keys:
                keys.append(folded)
    wade = pinyin_as_wade_giles(token)
    if wade is not None and (folded := _apply(_ascii(wade), _RULES)) not in keys:
        keys.append(folded)
    return tuple(keys)


def without_article(word: str) -> str:
    """Return a word without an Arabic article glued to it by a hyphen.

    >>> without_article("al-Mawsil"), without_article("as-Sisi"), without_article("Alma")
    ('Mawsil', 'Sisi', 'Alma')
    """
    m = _ARTICLE_WORD.match(word)
    return word[m.end() :] if m and len(word) - m.end() >= 3 else word


def name_keys(name: str) -> tuple[str, ...]:
    """Return the folds of a whole (non-person) name under each reading of its letters.

    The first is :func:`fold`; then each word under the readings of :func:`fold_keys`
    (a hyphenated word is one word there: "Ch'ung-ch'ing" and "Chongqing", read as
    Wade-Giles, meet).

    >>> set(name_keys("Chongqing")) & set(name_keys("Ch'ung-ch'ing")) != set()
    True
    """
    keys = [fold(name)]
    per_word = [_place_keys(w) for w in name.split()]
    for n in range(max((len(k) for k in per_word), default=0)):
        key = " ".join(k[min(n, len(k) - 1)] for k in per_word if k[0])
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


@memo(maxsize=65536)
def fold(name: str) -> str:
    """Fold a (multi-word) name: each word folded, joined by single spaces.

    >>> fold("Mykhailo Podolyak") == fold("Mikhailo Podoliak")
    True
    >>> fold("Volodymyr  Zelenskyy's")
    'volodimir selenski'
    """
    if name.isalpha():
        return fold_token(name)  # one word (the split finds nothing to split at)
    words = (fold_token(w) for w in _FOLD_SPLIT.split(name))
    return " ".join(w for w in words if w)


_FOLD_SPLIT = re.compile(r"[\s\-‐‑–—.]+")


def surface(name: str) -> str:
    """Return the spelling of a name with case, punctuation, possessive and diacritics removed.

    Two mentions with equal ``surface`` are not spelled differently.

    >>> surface("Dr. Zelenskyy’s") == surface("dr zelenskyy")
    True
    >>> surface("Zelenskyy") == surface("Zelensky")
    False
    """
    if name.isascii() and (
        name.isalnum()
        or (
            name.replace(" ", "").isalnum()
            and "  " not in name
            and name[0] != " "
            and name[-1] != " "
        )
    ):
        # ASCII letters and digits, words apart by single spaces (96% of the names a
        # compare looks up): nothing to split, strip, decompose or drop, and casefold is
        # lower. 0.3 us against 2.9 (tests/test_fast_paths_gaz11.py holds the full form)
        return name.lower()
    words = [strip_possessive(w) for w in _WORD_SPLIT.split(name)]
    text = unicodedata.normalize("NFKD", " ".join(words)).translate(_COMBINING)
    return " ".join(_PUNCT.sub("", text.casefold()).split())


def block_key(token: str) -> str:
    """Return the coarse key candidates are blocked on: first letter and consonants.

    >>> block_key("Zelenskiy") == block_key("Selenskyj")
    True
    """
    return skeleton_key(fold_token(token))


def skeleton_key(folded: str) -> str:
    """Return the block key of an already folded word: first letter, next two consonants.

    >>> skeleton_key("selenski")
    'sln'
    """
    return (folded[:1] + _VOWELS.sub("", folded[1:]))[:3]


def name_similarity(a: str, b: str) -> float:
    """Return the rapidfuzz ratio (0-100) of two names after folding.

    >>> name_similarity("Podolyak", "Podoliak")
    100.0
    >>> name_similarity("Lavrov", "Gryzlov") < 60
    True
    """
    return float(fuzz.ratio(a, b, processor=fold))


# Given-name cognate groups across Ukrainian, Russian, Belarusian, English and German.
# These are general linguistic facts (one saint's name in several languages), not names
# taken from any article; they count only when the surnames agree as well.
_COGNATES: tuple[tuple[str, ...], ...] = (
    ("Volodymyr", "Vladimir", "Uladzimir", "Wladimir"),
    ("Mykhailo", "Mikhail", "Michael", "Mikhas", "Michal"),
    ("Dmytro", "Dmitry", "Dzmitry", "Dimitri"),
    ("Oleksii", "Alexei", "Aliaksei", "Alexis"),
    ("Oleksandr", "Aleksandr", "Alexander", "Aliaksandr"),
    ("Oleksandra", "Aleksandra", "Alexandra", "Aliaksandra"),
    ("Serhiy", "Sergei", "Siarhei", "Sergius"),
    ("Mykola", "Nikolai", "Mikalai", "Nicholas", "Nikolaus"),
    ("Andriy", "Andrei", "Andrew", "Andreas"),
    ("Heorhiy", "Georgy", "George", "Georg", "Jerzy"),
    ("Yuriy", "Yuri", "Yury", "Jurij"),
    ("Petro", "Pyotr", "Petr", "Peter", "Piotr", "Piatro"),
    ("Hlib", "Gleb", "Hleb"),
    ("Pavlo", "Pavel", "Paul", "Paval"),
    ("Yevhen", "Yevgeny", "Eugene", "Yauhen", "Evgeni"),
    ("Hryhoriy", "Grigory", "Ryhor", "Gregory"),
    ("Fedir", "Fyodor", "Fiodar", "Theodore"),
    ("Ihor", "Igor"),
    ("Oleh", "Oleg", "Aleh"),
    ("Vasyl", "Vasily", "Vasil", "Basil"),
    ("Yakiv", "Yakov", "Jakub", "Jacob"),
    ("Stepan", "Stefan", "Stephen", "Stsiapan"),
    ("Denys", "Denis"),
    ("Maksym", "Maxim", "Maksim"),
    ("Kostiantyn", "Konstantin", "Kanstantsin", "Constantine"),
    ("Mykyta", "Nikita", "Mikita"),
    ("Illia", "Ilya", "Elijah"),
    ("Anton", "Antin", "Anthony"),
    ("Yosyp", "Iosif", "Joseph", "Josef"),
    ("Semen", "Semyon", "Simon", "Siamion"),
    ("Ivan", "John", "Johann", "Ioann", "Jan"),
    ("Vitaliy", "Vitaly"),
    ("Anatoliy", "Anatoly"),
    ("Arseniy", "Arseny"),
    ("Valeriy", "Valery"),
    ("Yevhenia", "Yevgenia", "Eugenia"),
    ("Olena", "Yelena", "Alena", "Helen", "Helena"),
    ("Tetiana", "Tatiana", "Tatsiana"),
    ("Kateryna", "Yekaterina", "Katsiaryna", "Catherine", "Katharina"),
    ("Hanna", "Anna", "Ganna"),
    ("Svitlana", "Svetlana", "Sviatlana"),
    ("Liudmyla", "Lyudmila", "Ludmila"),
    ("Mariia", "Maria", "Mary", "Marie"),
    ("Yuliia", "Yulia", "Julia"),
    ("Iryna", "Irina"),
    ("Nadiia", "Nadezhda", "Nadzeya"),
    ("Nataliia", "Natalya", "Natallia"),
)


@lru_cache(maxsize=1)
def _cognate_index() -> dict[str, int]:
    index: dict[str, int] = {}
    for i, group in enumerate(_COGNATES):
        for name in group:
            index.setdefault(fold_token(name), i)
    return index


def cognate_given(a: str, b: str) -> bool:
    """Tell whether two given names are one name in two languages (Volodymyr/Vladimir).

    >>> cognate_given("Wolodymyr", "Vladimir"), cognate_given("Dmytro", "Dmitriy")
    (True, True)
    >>> cognate_given("Dmytro", "Volodymyr")
    False
    """
    index = _cognate_index()
    ka, kb = fold_keys(a), fold_keys(b)
    if set(ka) & set(kb):
        return True
    ga = {index[k] for k in ka if k in index}
    return bool(ga & {index[k] for k in kb if k in index})


@lru_cache(maxsize=1)
def _nickname_table() -> dict[str, frozenset[str]]:
    """Every English given name in the ``nicknames`` package -> its direct nicknames."""
    # Read once per installation, then from the on-disk cache (_cache.py) in 3 ms instead
    # of 25 ms (importing nicknames imports importlib.metadata and parses its CSV).
    return cached("nicknames", 1, ("nicknames",), _build_nickname_table)


def _build_nickname_table() -> dict[str, frozenset[str]]:
    from nicknames import NickNamer

    table: dict[str, set[str]] = {}
    for name, nicks in NickNamer.default_lookup().items():
        table.setdefault(name, set()).update(nicks)
        for nick in nicks:
            table.setdefault(nick, set()).add(name)
    return {k: frozenset(v) for k, v in table.items()}


# A pure function of the word, asked by the names extractor, linking and the spelling check
# (4.6k calls, 1.4k words a compare of ECB+ in the names stage alone).
@memo(maxsize=16384)
def is_given_name(word: str) -> bool:
    """Tell whether a word is a known given name (English, or a cognate group's).

    >>> is_given_name("Susan"), is_given_name("Mykola"), is_given_name("Kharkiv")
    (True, True, False)
    """
    low = strip_possessive(word).lower()
    return low in _nickname_table() or fold_token(word) in _cognate_index()


# Endings of English diminutives: Katie, Jimmy, Dave, Dani, Alexis.
_DIMINUTIVE = re.compile(r"(?:ie|ey|y|e|i|is)$")


def _spelled_alike(x: str, y: str, ratio: float) -> bool:
    """Tell whether two given names are spellings of one name (Brian/Bryant, Lenny/Lennie).

    Spellings: one stem with two diminutive endings, or a folded rapidfuzz ratio of at
    least ``ratio`` (``NamesConfig.given_spelling_ratio``, 85).
    """
    sx, sy = _DIMINUTIVE.sub("", x), _DIMINUTIVE.sub("", y)
    if len(sx) >= 3 and sx == sy:
        return True
    return fuzz.ratio(x, y, processor=fold_token) >= ratio


def nickname(a: str, b: str, spelling_ratio: float) -> bool:
    """Tell whether one given name is a nickname of the other (not a spelling of it).

    A listed nickname (Bob/Robert), a short form that opens the full name (Stan/Stanley,
    Ty/Tywon), or such a form with a diminutive ending (Katie/Kathryn, Dave/David). Two
    diminutives of one stem (Lenny/Lennie) are spellings, not nicknames, and so are two
    names spelt alike (``spelling_ratio``: ``NamesConfig.given_spelling_ratio``).

    >>> nickname("Bob", "Robert", 85), nickname("Katie", "Kathryn", 85)
    (True, True)
    >>> nickname("Stan", "Stanley", 85)
    True
    >>> nickname("Lenny", "Lennie", 85), nickname("Jerry", "Jeremy", 85)
    (False, False)
    >>> nickname("Brian", "Bryant", 85)
    False
    """
    x, y = strip_possessive(a).lower().rstrip("."), strip_possessive(b).lower().rstrip(".")
    if x == y or len(x) < 2 or len(y) < 2 or _spelled_alike(x, y, spelling_ratio):
        return False  # (Brian/Bryant: two spellings of one name, even if a list pairs them)
    if y in _nickname_table().get(x, ()):
        return True
    short, long_ = sorted((x, y), key=len)
    if len(long_) - len(short) >= 2 and long_.startswith(short) and len(short) <= 4:
        return True
    stem = _DIMINUTIVE.sub("", short)
    rest = long_[len(stem) :]
    return (
        len(stem) >= 3
        and stem != short
        and long_.startswith(stem)
        and len(rest) >= 2
        and _DIMINUTIVE.fullmatch(rest) is None
    )


def given_compatible(a: str, b: str, spelling_ratio: float) -> bool:
    """Tell whether two given names (or initials) may belong to one person.

    One is an initial of the other, a cognate, a nickname, or a spelling of it (folded
    rapidfuzz ratio at least ``spelling_ratio``: ``NamesConfig.given_spelling_ratio``).

    >>> given_compatible("Mikhailo", "Mykhailo", 85), given_compatible("V.", "Volodymyr", 85)
    (True, True)
    >>> given_compatible("Dmytro", "Oleksii", 85)
    False
    """
    a, b = a.rstrip("."), b.rstrip(".")
    if not a or not b or a == b:
        return True  # (one name is compatible with itself: fold_keys is never empty)
    if len(a) == 1 or len(b) == 1:
        return fold_token(a)[:1] == fold_token(b)[:1] or a[0].lower() == b[0].lower()
    if cognate_given(a, b) or nickname(a, b, spelling_ratio):
        return True
    return _spelled_alike(a.lower(), b.lower(), spelling_ratio)


# --- Chinese: pinyin read as Wade-Giles -----------------------------------------------------
# Chinese names reach English text in pinyin (Deng Xiaoping, Zhou Enlai) and, in older or
# Taiwanese usage, in Wade-Giles (Teng Hsiao-p'ing, Chou En-lai), where voiceless letters
# stand for pinyin's voiced ones (b/p, d/t, g/k, zh/j/ch) and x is hs, z is ts. A word
# that splits into pinyin syllables gets a reading in Wade-Giles (the Library of
# Congress conversion table's rules), which folds like the Wade-Giles spelling.
_PY_INITIALS = {
    "zh": "ch", "ch": "ch", "sh": "sh", "b": "p", "p": "p", "m": "m", "f": "f", "d": "t",
    "t": "t", "n": "n", "l": "l", "g": "k", "k": "k", "h": "h", "j": "ch", "q": "ch",
    "x": "hs", "r": "j", "z": "ts", "c": "ts", "s": "s", "y": "y", "w": "w", "": "",
}
_PY_FINALS = {
    "a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "e": "e", "ei": "ei",
    "en": "en", "eng": "eng", "er": "erh", "i": "i", "ia": "ia", "ian": "ien", "iang": "iang",
    "iao": "iao", "ie": "ieh", "in": "in", "ing": "ing", "iong": "iung", "iu": "iu", "o": "o",
    "ong": "ung", "ou": "ou", "u": "u", "ua": "ua", "uai": "uai", "uan": "uan",
    "uang": "uang", "ue": "ueh", "ui": "ui", "un": "un", "uo": "uo", "v": "u",
}
#: Whole syllables the conversion table writes apart from the initial + final rule.
_PY_WHOLE = {
    "zi": "tzu", "ci": "tzu", "si": "ssu", "zhi": "chih", "chi": "chih", "shi": "shih",
    "ri": "jih", "ge": "ko", "ke": "ko", "he": "ho", "e": "o", "yi": "i", "you": "yu",
    "yan": "yen", "ye": "yeh", "yong": "yung", "yue": "yueh", "yuan": "yuan", "yu": "yu",
    "luo": "lo", "duo": "to", "tuo": "to", "nuo": "no", "zuo": "tso", "cuo": "tso",
    "suo": "so", "zhuo": "cho", "chuo": "cho", "ruo": "jo", "guo": "kuo", "kuo": "kuo",
    "gui": "kuei", "kui": "kuei", "zhong": "chung", "chong": "chung", "rong": "jung",
}
_PY_SYLLABLES = frozenset(
    [i + f for i in _PY_INITIALS for f in _PY_FINALS if i + f != "v"] + list(_PY_WHOLE)
)
_PY_LONGEST = max(map(len, _PY_SYLLABLES))  # (six letters)
# The shape of every syllable (an initial, or none, then a final: the whole syllables are
# of this shape too, which the tests check) and of a word of one to three of them. A
# word of another shape splits into no three syllables, so the table of suffixes is not
# tried: most English words (a consonant cluster, another final consonant or four
# syllables) leave after one bounded match, 1 us, against 6 us for the table. (A looser
# shape, one to three vowels for the final, matched in 0.6 us but let half again as many
# words through to the table: 2.4 us a word against 2.1.)
_PY_SYLLABLE_SHAPE = "(?:{})?(?:{})".format(
    "|".join(sorted(filter(None, _PY_INITIALS), key=lambda s: (-len(s), s))),
    "|".join(sorted(_PY_FINALS, key=lambda s: (-len(s), s))),
)
_PY_WORD_SHAPE = re.compile(rf"(?:{_PY_SYLLABLE_SHAPE}){{1,3}}")


def _pinyin_syllables(word: str) -> list[str] | None:
    """Split a lower-case word into pinyin syllables (longest first), or None.

    A table of the word's suffixes (at most six letters a syllable): linear in its length.
    """
    split: dict[int, list[str]] = {len(word): []}
    low = len(word)  # the first letter from which the rest of the word splits
    for at in range(len(word) - 1, -1, -1):
        if low - at > _PY_LONGEST:
            return None  # no syllable from here or before reaches a split
        for size in range(min(_PY_LONGEST, len(word) - at), 0, -1):
            rest = split.get(at + size)
            if rest is not None and word[at : at + size] in _PY_SYLLABLES:
                split[at] = [word[at : at + size], *rest]
                low = at
                break
    return split.get(0)


def _wade_giles(syllable: str) -> str:
    if syllable in _PY_WHOLE:
        return _PY_WHOLE[syllable]
    for initial in ("zh", "ch", "sh", syllable[:1]):
        if syllable.startswith(initial) and syllable[len(initial) :] in _PY_FINALS:
            return _PY_INITIALS.get(initial, initial) + _PY_FINALS[syllable[len(initial) :]]
    return syllable


def pinyin_as_wade_giles(word: str) -> str | None:
    """Return a pinyin word written in Wade-Giles without apostrophes, or None.

    >>> pinyin_as_wade_giles("Xiaoping"), pinyin_as_wade_giles("Zedong")
    ('hsiaoping', 'tsetung')
    >>> pinyin_as_wade_giles("Kharkiv") is None
    True
    """
    word = word.lower() if word.isascii() and word.isalpha() else _NON_LETTER.sub("", word.lower())
    if _PY_WORD_SHAPE.fullmatch(word) is None:
        return None
    syllables = _pinyin_syllables(word)
    if syllables is None or len(syllables) > 3:
        return None  # (a Chinese name's word has one to three syllables)
    return "".join(_wade_giles(s) for s in syllables)
