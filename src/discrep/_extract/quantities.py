"""Quantities: values, units, qualifiers, intervals and what is counted.

discrep's own scanner finds the numbers (digits with scale words, spelled-out numbers
and fractions, vague counts, ranges) and the words around them (qualifier, what is
counted, the predicate); quantulum3, behind :mod:`discrep._units`, names
the units. Why the numbers are not left to quantulum3 is said in that module: on news
text it drops qualifiers and takes dates, times, ordinals and model names for quantities.

Every regular expression here is either anchored at a known position or scans once
over a sentence with alternatives that cannot overlap, so the work is linear in the
text. The interval rules are documented in docs/quantities.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

import attrs

from discrep._config import Config
from discrep._extract.time import _led_form
from discrep._extract.time import _led_matches as _led_finditer
from discrep._lexicon import (
    FUNCTION_WORDS,
    MONTH,
    WEEKDAYS,
    compile_spaced,
    lowered,
    word_alternation,
)
from discrep._model import Article, Qualifier, Quantity, Sentence
from discrep._units import unit_after

__all__ = ["extract_quantities", "interval", "quantities"]


def _search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return compile_spaced(pattern, flags).search(text)


def _match(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
    return compile_spaced(pattern, flags).match(text)


# Patterns tried once or more per figure, compiled once here rather than looked up in
# compile_spaced's cache at each call (sampled over ECB+, the two helpers' own time was
# 1.2% of segmentation-to-events, most of it at these call sites).
_CURRENCY_AFTER = compile_spaced(r"[ \t]?[€£$]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LEAD_A = compile_spaced(r"(?<![\w])an?[ \t]+$")
_INHERIT = compile_spaced(r"(?:including|among[ \t]+them)[ \t]+$")
_VERB_END = re.compile(r"(?:ed|ing)$")
_LIST_LINK = compile_spaced(r"[ \t]*(?:,|and\b)")
#: What ``[ \t]`` matches in a pattern compiled by ``compile_spaced`` (its ``SPACE``).
_BLANKS = " \t\u00a0\u202f"


# --- vocabulary ---------------------------------------------------------------------

_SMALL = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "fourth": 4, "fourths": 4, "twentieth": 20, "twentieths": 20, "thirtieth": 30,
    "thirtieths": 30,
}  # fmt: skip
# Ordinal words that are fractions only after "a" or "and a" ("one and a fourth").
_ORDINAL_DENOMINATORS = frozenset(["fourth", "fourths", "twentieth", "twentieths", "thirtieth",
                                   "thirtieths"])
# "a dozen", "3 dozens", "five dozs": twelve of something.
_DOZENS = frozenset(["dozen", "dozens", "dz", "dzs", "doz", "dozs"])
_NUMWORD_LIST = (*_SMALL, *_SCALES, "hundred", *_DOZENS, *_DENOMINATORS)
#: Any number word, the longest first (a prefix trie: see word_alternation).
_NUMWORD = word_alternation(_NUMWORD_LIST)

_WEEKDAYS = frozenset(WEEKDAYS)
# "threefold", "tenfold", "hundredfold"
_FOLD_WORDS = (
    "two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred|thousand"
)
_FOLD_VALUE = {"hundred": 100.0, "thousand": 1000.0}

# Scale glued to or written after digits: "1.5 million", "$1bn", "3.8m", "20k".
_DIGIT_SCALE = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
    "trn": 1e12, "bln": 1e9, "lakh": 1e5, "crore": 1e7, "mil": 1e6, "dozen": 12.0,
    "dozens": 12.0, "dz": 12.0, "dzs": 12.0, "doz": 12.0, "dozs": 12.0,
}  # fmt: skip

# Vague counts: base and the multiples of it the words allow ("hundreds" = 2..9 hundreds).
_VAGUE_BASE = {
    "tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9,
}  # fmt: skip
_VAGUE_MOD = {
    "several": (3.0, 9.0), "a few": (2.0, 5.0), "a couple of": (2.0, 3.0),
    "a handful of": (2.0, 6.0), "many": (2.0, 10.0), "few": (2.0, 5.0),
}  # fmt: skip

_CURRENCY_PREFIX = {
    "US$": "united states dollar", "A$": "australian dollar", "C$": "canadian dollar",
    "HK$": "hong kong dollar", "$": "dollar", "€": "euro", "£": "pound sterling",
    "¥": "yen", "₹": "indian rupee", "₽": "russian ruble", "₴": "ukrainian hryvnia",
    "USD": "united states dollar", "EUR": "euro", "GBP": "pound sterling",
    "Rs": "indian rupee", "Rs.": "indian rupee", "NZ$": "new zealand dollar",
    "S$": "singapore dollar", "AU$": "australian dollar", "CA$": "canadian dollar",
    "R$": "brazilian real", "CHF": "swiss franc", "JPY": "japanese yen",
    "CNY": "chinese yuan", "INR": "indian rupee", "CAD": "canadian dollar",
    "AUD": "australian dollar", "HKD": "hong kong dollar", "NZD": "new zealand dollar",
    "RUB": "russian ruble", "SEK": "swedish krona", "NOK": "norwegian krone",
    "DKK": "danish krone", "ZAR": "south african rand", "MXN": "mexican peso",
    "SGD": "singapore dollar", "MEX$": "mexican peso",
}  # fmt: skip


def _currency_symbol(raw: str) -> str:
    """Return the currency a written prefix names: "c $" -> "canadian dollar"."""
    key = re.sub(r"[ \t\u00a0]+", "", raw)
    if len(key) == 4 and key.upper() in _CURRENCY_PREFIX:
        key = key.upper()  # "Mex$"
    elif len(key) == 4 and key.endswith("$") and key[:3].upper() in _CURRENCY_PREFIX:
        key = key[:3].upper()  # "aud$", "MXN$"
    key = key.upper() if key.upper() in _CURRENCY_PREFIX else key
    return _CURRENCY_PREFIX.get(key, "dollar")
_CURRENCIES = frozenset(
    ["dollar", "euro", "pound sterling", "yen", "indian rupee", "russian ruble",
     "ukrainian hryvnia", "united states dollar", "australian dollar", "canadian dollar",
     "hong kong dollar", "chinese yuan", "penny", "cent", "japanese yen", "swiss franc"]
)
_UNIT_RENAME = {"percentage": "percent", "percentage point": "percentage point"}

# Words that end a noun phrase ("people *have* been killed") or cannot head one.
_STOP = FUNCTION_WORDS | {
    "before", "left", "now", "since", "last", "next", "each",
}
# Predicates: verbs and adjectives that say what happened to what is counted.
_PREDICATES = frozenset(
    [
        "killed",
        "dead",
        "died",
        "die",
        "dies",
        "dying",
        "perished",
        "slain",
        "killing",
        "kill",
        "injured",
        "wounded",
        "hurt",
        "injuring",
        "wounding",
        "fled",
        "flee",
        "flees",
        "fleeing",
        "displaced",
        "evacuated",
        "evacuate",
        "trapped",
        "stranded",
        "besieged",
        "captured",
        "detained",
        "arrested",
        "taken",
        "missing",
        "destroyed",
        "destroying",
        "damaged",
        "hit",
        "struck",
        "downed",
        "shot",
        "rescued",
        "recovered",
        "mobilized",
        "mobilised",
        "mobilizing",
        "mobilising",
        "deployed",
        "sent",
        "sending",
        "infected",
        "confirmed",
        "vaccinated",
        "sold",
        "bought",
        "raised",
        "lost",
        "gained",
        "cut",
        "added",
        "fell",
        "rose",
        "jumped",
        "dropped",
        "earned",
        "paid",
        "spent",
        "homeless",
    ]
)
_AFTER_PARTICLES = {"taken": ("prisoner", "hostage", "captive"), "lost": ("their",)}
_AUX = frozenset(
    [
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "were",
        "was",
        "are",
        "is",
        "will",
        "would",
        "could",
        "may",
        "might",
        "reportedly",
        "allegedly",
        "already",
        "now",
        "also",
        "so",
        "far",
        "still",
        "who",
        "that",
        "which",
        "believed",
        "thought",
        "feared",
        "estimated",
        "said",
        "confirmed",
        "to",
        "were",
        "being",
    ]
)
_NOT_BEFORE_PREDICATE = frozenset(
    [
        "including",
        "according",
        "during",
        "following",
        "regarding",
        "concerning",
        "excluding",
        "totalling",
        "totaling",
        "numbering",
        "amounting",
        "involving",
        "being",
        "having",
        "something",
        "nothing",
        "morning",
        "evening",
        "building",
    ]
)
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"(?:greater|more|larger|bigger|higher)\s+than\s+or\s+equal\s+to"
     r"|(?:greater|larger|bigger|higher|more)\s+or\s+equal\s+(?:than|to)"
     r"|at\s+least\s+or\s+equal\s+to", ">="),
    (r"(?:less|fewer|smaller|lower)\s+than\s+or\s+equal\s+to"
     r"|(?:less|fewer|smaller|lower)\s+or\s+equal\s+(?:than|to)", "<="),
    (r"more\s+than|greater\s+than|larger\s+than|bigger\s+than|higher\s+than|upwards\s+of"
     r"|upward\s+of|in\s+excess\s+of|well\s+over|just\s+over|over|above|exceeding"
     r"|north\s+of|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?", ">"),
    (r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
     r"|a\s+record", ">="),
    (r"less\s+than|fewer\s+than|smaller\s+than|lower\s+than|just\s+under|under|below"
     r"|short\s+of", "<"),
    (r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than"
     r"|a\s+maximum\s+of", "<="),
    (r"equal\s+to|equals|equall?ing\s+to|exactly|precisely", "="),
    (r"nearly|almost|close\s+to|just\s+shy\s+of|approaching|not\s+quite|just\s+short\s+of",
     "~-"),
    (r"about|around|approximately|roughly|some|an\s+estimated|estimated|circa|approx\.?"
     r"|an\s+approximate|more\s+or\s+less|nigh\s+on", "~"),
    # symbols, glued or spaced: "x>10", "≥ 5", "<-30", "~40"
    (r"(?<![<=>])>\s*=(?!=)|≥", ">="),
    (r"(?<![<=>])<\s*=(?!=)|≤", "<="),
    (r"(?<![<=>])>(?![<=>])", ">"),
    (r"(?<![<=>])<(?![<=>])", "<"),
    (r"~", "~"),
)  # fmt: skip
_SYMBOLIC = 9  # _QUALIFIERS from this index on are symbols
_QUAL_RE = compile_spaced(
    r"(?:(?<![\w-])(?:"
    + "|".join(f"(?P<q{i}>{rx})" for i, (rx, _) in enumerate(_QUALIFIERS[:_SYMBOLIC]))
    + r")[ \t]+(?:of[ \t]+)?|(?:"
    + "|".join(
        f"(?P<q{i}>{rx})" for i, (rx, _) in enumerate(_QUALIFIERS) if i >= _SYMBOLIC
    )
    + r")[ \t]*)$",
    re.IGNORECASE,
)
_POST_QUAL = compile_spaced(
    r"(?:[ \t]+(?:or|and)[ \t]+(?P<more>more|above|over|greater|higher)\b"
    r"(?![ \t]+than[ \t]+\S)"
    r"|[ \t]+or[ \t]+(?P<less>fewer|less|below|lower)\b(?![ \t]+than[ \t]+\S)"
    r"|[ \t]+or[ \t]+so|-?plus\b|\+)",
    re.IGNORECASE,
)

# --- the scanner --------------------------------------------------------------------

_CANDIDATE = compile_spaced(
    r"(?P<frac>(?<![\w.,/⁄])(?:(?P<fwhole>\d{1,3})[ \t]+)?(?P<fnum>\d{1,2})[/⁄](?P<fden>\d{1,2})"
    r"(?![\w/⁄])|(?<![\w.,])(?:(?P<uwhole>\d{1,3})[\u2009\u202f ]?)?"
    r"(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]))"
    # a thousands separator typed with a space, "fell 2, 000ft": one number only when it
    # cannot be a list (no number and comma before it, the group opens with a zero, a word
    # or a glued unit follows and not "and"/"or"): "3, 005 and 7" stays a list
    r"|(?P<num>(?:(?<![\w.,/])(?<!\d,[ \t])[1-9]\d{0,2}, 0\d\d"
    r"(?=(?![eE][-+−]?\d)[^\W\d_]| (?!(?:and|or|nor|to|then|but)\b)[^\W\d_])"
    r"|(?:(?<![\w.,/])|(?<=USD|EUR|GBP|CHF|usd|eur|gbp))\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    # thousands grouped by (thin or no-break) spaces: "40 000", "1\u202f234\u202f567.89"
    r"|(?<![\w.,/])(?<!\d[ \u00a0\u2009\u202f])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?"
    r"(?![\w,/-]|[ \u00a0\u2009\u202f]\d)"
    r"|(?:(?<![\w.,/])|(?<=USD|EUR|GBP|CHF|usd|eur|gbp))\d+(?:\.\d+)?"
    r"|(?<![\w.,])\.\d+)(?P<exp>[eE][-+−]?\d{1,3}\b|[ \t]?[×x][ \t]?10\^?(?P<esign>[-−])?\d{1,3})?)"
    r"|(?P<vague>\b(?:(?P<vmod>several|a[ \t]+few|a[ \t]+couple[ \t]+of|a[ \t]+handful[ \t]+of"
    r"|many)[ \t]+)?(?P<vword>tens|dozens|scores(?=[ \t]+of\b)|hundreds|thousands|millions"
    r"|billions)"
    r"(?:[ \t]+of[ \t]+(?P<vscale>thousands|millions|billions))?\b"
    r"|\b(?P<vmod2>several|a[ \t]+few|a[ \t]+couple[ \t]+of|a[ \t]+handful[ \t]+of)[ \t]+"
    r"(?P<vsing>dozen|hundred|thousand|million|billion)\b)"
    rf"|(?P<fold>\b(?:{_FOLD_WORDS})fold\b)"
    rf"|(?P<words>\b(?:{_NUMWORD})(?:(?:[ \t]*-[ \t]*|[ \t]+(?:and[ \t]+)?(?:a[ \t]+)?"
    rf"|[ \t]+of[ \t]+a[ \t]+)(?:{_NUMWORD})){{0,8}}\b)",
    re.IGNORECASE,
)
# Whether a sentence may hold a figure: a digit (found in C, a third of ECB+'s sentences),
# else "fold" or a number word (an IGNORECASE pattern, tried at every position).
_HAS_DIGIT = re.compile(r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]")
_HAS_CUE_SOURCE = (
    r"fold\b|\b"
    + word_alternation(
        (*_NUMWORD_LIST, "tens", "dozens", "scores", "hundreds", "thousands", "millions",
         "billions")
    )
    + r"\b"
)
_HAS_CUE = compile_spaced(_HAS_CUE_SOURCE, re.IGNORECASE)
#: The same search on the lowered article (see ``lowered``): 2.2x faster on ECB+.
_HAS_CUE_LOW = compile_spaced(_HAS_CUE_SOURCE)
#: Led by the initials of the cue's words (see ``_led_form``): tried where one of them
#: is, not at every place (1.2x faster over ECB+'s sentences; whether it matches is read).
_HAS_CUE_LOW_LED = _led_form(
    _HAS_CUE_LOW,
    "".join(sorted({w[0] for w in (*_NUMWORD_LIST, "fold", "tens", "dozens", "scores",
                                   "hundreds", "thousands", "millions", "billions")})),
)
# Spans whose digits are no quantity. After the web addresses (which may start with any
# word character), the alternatives are grouped by their first character behind one
# lookahead each: a digit, a letter, a bracket. Alternatives that start with different
# characters never match at one place, so the grouping keeps every match; a position
# that starts none of a group is passed over at one test (2x faster on ECB+).
_WEB_SPANS = (
    r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
    r"|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.(?:com|org|net|gov|edu|html?|php|aspx?)\b"
    r"(?:/\S*)?|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,3}\.[A-Za-z]{2,24}/\S*"
)
#: What every match of ``_WEB_SPANS`` holds: without it, those alternatives match nowhere.
#: Each alternative opens with a literal ("@", "/", "w", "."), so the search skips to those
#: characters in C ("[@/]|www..." tried every position: 2.2x slower on ECB+'s sentences).
_WEB_CUE = re.compile(r"@|/|www\.|\.(?:com|org|net|gov|edu|htm|php|asp)")
_OTHER_SPANS = (
    # starting with a digit
    r"(?=\d)(?:\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH}\b\.?(?:,?[ \t]+\d{{4}}\b)?"
    r"|\b\d{1,2}(?:[:.]\d{2})?[ \t]?(?:[aApP]\.[mM]\.?|[aApP][mM]\b)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\b\d{1,2}[ \t]?o['’]clock\b"
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b"  # telephone numbers
    r"|\b\d{1,4}/\d{1,2}/\d{1,4}\b|\b(?:1[5-9]|20)\d\d[-–/](?:\d\d|(?:1[5-9]|20)\d\d)\b"
    # scores and records: "a 65-53 victory"
    r"|\b\d{1,3}[-–]\d{1,3}(?:[-–]\d{1,3})?(?=[ \t]+(?:victory|win|loss|lead|defeat|record|"
    r"season|start|halftime|run|spurt|deficit|edge|vote|decision|advantage|triumph|rout|score|"
    r"tie|draw|final|home|road|overall|mark|finish)\b))"
    # starting with a letter: dates, and scores after a verb ("tied 13-13")
    rf"|(?=[A-Za-z])(?:\b{MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?[ \t]+\d{{4}}\b)?"
    rf"|\b{MONTH}[ \t]+\d{{4}}\b"
    r"|\b(?:won|lost|beat|defeated|tied|trailing|leading|ahead|down|up|by|at)[ \t]+"
    r"\d{1,3}[-–]\d{1,3}\b(?![ \t]*(?:%|percent|per[ \t]?cent|points?\b|million|billion"
    r"|thousand|[A-Za-z]+[ \t]+of\b)))"
    # starting with a bracket: a telephone number, "(2)", a score "(10-5)"
    r"|(?=\()(?:\(\d{3}\)[ \t]?\d{3}[-.]\d{4}\b|(?<![\w$€£])\(\d{1,2}\)"
    r"|\(\d{1,3}-\d{1,3}(?:-\d{1,3})?(?:,[^()]{0,24})?\))"
    r"|\[\d{1,3}(?:[-–,][ \t]?\d{1,3}){0,6}\]"  # "[12]"
    r"|\+\d{1,3}(?:[-. ]\d{2,4}){2,}(?:/\d{2,4})?\b"  # "+1-222-2222-2222"
)
_EXCLUDED_SPANS = compile_spaced(_WEB_SPANS + "|" + _OTHER_SPANS)
# The same matches where ``_WEB_CUE`` is not found: the web alternatives, which may start
# at any word character, were two thirds of this search's time on the ECB+ corpus.
_EXCLUDED_NOT_WEB = compile_spaced(_OTHER_SPANS)
#: ``_EXCLUDED_NOT_WEB`` led by the first character of its matches (see ``_led_form``): a
#: digit, a bracket or "+", a capitalised month's initial, or the initial of a score verb
#: ("won", "lost", "beat", "defeated", "tied", "trailing", "leading", "ahead", "down", "up",
#: "by", "at"). Its lookaheads made the engine try every place; led, it passes the other
#: characters over in C (measured on ECB+'s sentences: 2.2x faster, the same spans).
_EXCLUDED_NOT_WEB_LED = _led_form(_EXCLUDED_NOT_WEB, r"\d(\[+JFMASONDwlbdtau")
#: ``_EXCLUDED_NOT_WEB_LED`` for a sentence where no score follows a verb: every score after
#: a verb ("tied 13-13") holds a digit, a dash and a digit (``_SCORE_CUE``); without one, the
#: verbs' initials (a quarter of the letters) start no match and are not tried. Nor is a
#: letter or digit after another: every alternative opening with one opens a word (``\b``),
#: so ``(?<!\w\w)`` passes over the inside of words and numbers at one test. Measured over
#: the 3,900 digit sentences of ECB+ it scans: 29 -> 23 ms, the same spans.
_EXCLUDED_NOT_WEB_LED_NO_SCORE = re.compile(
    rf"[\d(\[+JFMASOND](?<!\w\w)(?<=(?={_EXCLUDED_NOT_WEB.pattern}).)", _EXCLUDED_NOT_WEB.flags
)
_SCORE_CUE = re.compile(r"\d[-–]\d")
_SCALE_AFTER = compile_spaced(
    r"[ \t]*-?(?P<w>hundred|thousand|million|billion|trillion|lakh|crore|dozens?)\b"
    r"|(?P<g>mn|mln|bln|bn|tn|trn|mil|k|m|b|dzs?|dozs?)\b"
    r"|[ \t](?P<s>mn|mln|bln|bn|tn|mil|dzs?|dozs?)\b"
    r"|[ \t]+(?P<sp>(?-i:k|M|B))\b(?![.'’-])"
    r"|[ \t]?(?P<mi>(?-i:M(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|HKD|NZD|RUB|INR|CNY)))\b",
    re.IGNORECASE,
)
_METRE_WORDS = compile_spaced(
    r"[ \t]+(?:tall|long|high|deep|wide|away|above|below|sprint|race|hurdles|freestyle|"
    r"dash|relay|from|of[ \t]+(?:water|snow|rain))\b|[ \t]*[.,;:)]|[ \t]*$",
    re.IGNORECASE,
)
_PERCENT = compile_spaced(
    r"[ \t]?(?:%|per[ \t]?cent\b|percent\b|pct\b)(?P<pts>[ \t]+points?\b)?", re.IGNORECASE
)
_AGE = compile_spaced(
    r"-years?-old\b|-years?[ \t]+old\b|[ \t]+years?[ \t-]+old\b", re.IGNORECASE
)
# "$5", "$ 5" (tokenised text), "US$ 7", "C$9", "c $ 16.4 million", "HK$", "GBP4m", "CHF 20m".
_CURRENCY_BEFORE = compile_spaced(
    r"(?:(?:\b(?:US|us|HK|hk|NZ|nz|AU|CA|c|[A-Za-z]{3}(?=\$))[ \t]?|\b(?:A|C|S|R))?[$€£¥₹₽₴]"
    r"|\b(?:USD|EUR|GBP|CHF|JPY|CNY|INR|CAD|AUD|HKD|NZD|RUB|SEK|NOK|DKK|ZAR|MXN|Rs\.?))[ \t]?$"
)
#: The last character of every match of ``_CURRENCY_BEFORE`` but its blank: a currency
#: sign, the last letter of a code ("USD", "GBP", "SEK" ...), "Rs" or "Rs.".
_CURRENCY_LAST = frozenset("$€£¥₹₽₴DRPFYNBKs.")


def _may_end_currency(text: str, lo: int, end: int) -> bool:
    """Whether ``_CURRENCY_BEFORE`` may match before ``end`` (False: it cannot).

    Its match ends the window with a sign or a code and at most one blank: told by the
    last two characters instead of a search at each of the window's places (measured over
    ECB+'s figures: 9 windows in 10 end otherwise, "killed 5", "(5"). A line break at the
    end (``$`` matches before one) is left to the search.
    """
    last = text[end - 1 : end] if end > lo else ""
    if last in _BLANKS and last:
        last = text[end - 2 : end - 1] if end - 1 > lo else ""
    return last in _CURRENCY_LAST or last == "\n"


_RANGE_SEP = compile_spaced(
    r"[ \t]*(?:-|–|—|~|-?[ \t]*to|through|thru|and|or)[ \t]*", re.IGNORECASE
)
# "minus 40 degrees", "negative ten": a sign written as a word.
_NEG_WORD = compile_spaced(r"(?<![\w-])(?:minus|negative)[ \t]+$", re.IGNORECASE)
# "-4/5", "- 10 k" opening a sentence: a sign before a number not joining two numbers.
_NEG_SIGN = compile_spaced(r"(?<![\w.,)%-])[-−][ \t]?$")
# "more than 100 and fewer than 200": two bounds of one range.
_BOUNDS_JOIN = compile_spaced(r"[ \t]*(?:,[ \t]*(?:(?:and|but)[ \t]+)?|(?:and|but)[ \t]+)",
                              re.IGNORECASE)
_RANGE_INTRO = compile_spaced(r"(?<!\w)(?:between|from)[ \t]+$", re.IGNORECASE)
_TOKEN = compile_spaced(r"[A-Za-z][A-Za-z'’-]{0,40}")
_WORD_BEFORE = compile_spaced(r"([A-Za-z][A-Za-z'’.-]{0,30})[ \t]+$")
#: ``_WORD_BEFORE`` read backwards, in the reversed window (see ``_word_before``).
_WORD_BEFORE_REVERSED = compile_spaced(r"[ \t]+([A-Za-z'’.-]{0,30}[A-Za-z])")
_SPACES = compile_spaced(r"[ \t]*")
_COMBINE_VAGUE = compile_spaced(r",?[ \t]+(?:if[ \t]+not|or[ \t]+even|or|to)[ \t]+$", re.IGNORECASE)


@attrs.frozen
class _Raw:
    start: int
    end: int
    value: float
    precision: float
    unit: str | None = None
    qualifier: str = "="
    low: float | None = None
    high: float | None = None
    vague: bool = False
    plain_digits: bool = False
    scale: float = 1.0
    is_range: bool = False
    #: The place value of the last digit written ("2,000" -> 1; "1.5 million" -> 1e5).
    digit: float | None = None


def quantities(text: str) -> list[Quantity]:
    """Return the quantities stated in ``text``, with exact offsets.

    Dates, years, clock times, ordinals, URL ids and model names are not quantities.

    >>> [(q.text, q.value, q.qualifier) for q in quantities("Over 3.8m refugees fled.")]
    [('Over 3.8m', 3800000.0, '>')]
    >>> q = quantities("Between 5,000 and 6,000 people were killed on March 3.")[0]
    >>> (q.value, q.low, q.high, q.what)
    (5000.0, 5000.0, 6000.0, 'people killed')
    """
    from discrep._read import mark_junk
    from discrep._segment import segment

    if not isinstance(text, str):
        from discrep._errors import InputTypeError

        raise InputTypeError(
            f"quantities() takes a str, not {type(text).__name__}: pass the text, "
            "decoded first if it is bytes, e.g. quantities(data.decode('utf-8'))"
        )
    return list(extract_quantities(Article(text), mark_junk(text, segment(text)), Config()))


def extract_quantities(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[Quantity, ...]:
    """Return the quantities in the non-junk sentences of ``article``."""
    text = article.text
    low = lowered(text)
    out: list[Quantity] = []
    for s in sentences:
        if not s.junk:
            out.extend(_scan(text, s.start, s.end, low))
    return tuple(out)


def interval(
    value: float, precision: float, qualifier: str, digit: float | None = None,
    exact: bool = False,
) -> tuple[float, float]:
    """Return the interval the words allow for ``value`` stated to ``precision``.

    ``precision`` is the place value of the last significant digit ("2,000" -> 1000),
    ``digit`` that of the last digit written ("2,000" -> 1; default ``precision``).
    ``qualifier`` is one of ``=``, ``~``, ``~-`` (nearly: below and not far below),
    ``>``, ``>=``, ``<``, ``<=``. A round count covers its rounding, at most 5% either
    side; a count under 100 and a measure (``exact``) only their last digit, so two
    adjacent whole numbers never agree. An approximate figure stated to its last digit
    reaches one unit of that digit further (at most a quarter of the value): "about 5"
    and "about 6" agree, and "nearly 20" holds 19 with its rounding, so "nearly 19" agrees
    with it. See docs/quantities.md.

    >>> interval(2000, 1000, "~", digit=1)
    (1900.0, 2100.0)
    >>> interval(210, 10, "=")
    (205.0, 215.0)
    >>> interval(1e6, 1e6, ">")
    (1000000.0, 2000000.0)
    >>> interval(498, 1, "=")
    (497.5, 498.5)
    >>> interval(20, 10, "~-", digit=1), interval(19, 1, "~-")
    ((18.5, 20.0), (17.5, 19.0))
    """
    v, p = float(value), float(precision)
    d = p if digit is None else float(digit)
    small = exact or abs(v) < 100  # a measure, or a count too small to be rounded
    half = d / 2 if small else min(p / 2, max(d / 2, 0.05 * abs(v)))
    # Below 20, five percent is less than the last digit: "about" would add nothing to it.
    cap = 0.25 * abs(v) if small else 0.0
    slack = max(half, 0.05 * abs(v), min(d, cap))
    # Only the asked bounds are worked out, not a table of all seven built at each call
    # (measured over the 5,022 calls ECB+'s figures make: 14.7 -> 8.7 ms).
    if qualifier == "=":
        lo, hi = v - half, v + half
    elif qualifier == "~":
        lo, hi = v - slack, v + slack
    elif qualifier == "~-":
        lo, hi = v - max(slack, min(half + d, cap)), v  # below: the unit below, rounded
    elif qualifier in (">", ">="):
        lo, hi = v, v + max(p, 0.5 * abs(v))
    elif qualifier in ("<", "<="):
        lo, hi = v - max(p, 0.5 * abs(v)), v
    else:
        raise KeyError(qualifier)
    if v >= 0:
        lo = max(lo, 0.0)
    return lo, hi


def _scan(text: str, lo: int, hi: int, low: str | None = None) -> Iterator[Quantity]:
    """Yield the quantities of ``text[lo:hi]``; ``low`` is ``lowered(text)`` if known."""
    digit = _HAS_DIGIT.search(text, lo, hi) is not None
    if not (
        digit
        or (_HAS_CUE.search(text, lo, hi) if low is None
            else _HAS_CUE_LOW_LED.search(low, lo, hi))
    ):
        return
    raws = _raw_figures(text, lo, hi, low, digit)
    raws = _ratios(text, [_signed(text, r, lo) for r in raws], hi)
    raws = _ranges(text, _combine_vague(text, raws), hi)
    prev_predicate: str | None = None
    done: list[Quantity] = []
    for raw in raws:
        q = _finish(text, raw, lo, hi, prev_predicate)
        if q.predicate is not None:
            prev_predicate = q.predicate
        done.append(_elided(text, q, done))
    done = _joined_bounds(text, done)
    last_end = -1
    for q in done:  # "4km^3": the exponent is part of the unit, not a number of its own
        if q.start >= last_end:
            yield q
            last_end = q.end


def _raw_figures(
    text: str, lo: int, hi: int, low: str | None = None, digit: bool = True
) -> list[_Raw]:
    """Return the numbers in ``text[lo:hi]``, in order, none overlapping another.

    ``digit``: whether ``text[lo:hi]`` may hold a digit (False only when it holds none).
    """
    # Excluded spans and candidates both come in text order: one pass over each, the
    # spans searched only as far as the candidates reach (not past the last one).
    if _WEB_CUE.search(text, lo, hi):
        excluded = _EXCLUDED_SPANS.finditer(text, lo, hi)
    elif digit:
        excluded = _led_finditer(_EXCLUDED_NOT_WEB, _excluded_led(text, lo, hi), text, lo, hi)
    else:
        # every alternative of _EXCLUDED_NOT_WEB holds a digit: a sentence of number words
        # only ("two hundred people") has no span to search for (a third of the sentences
        # scanned on ECB+)
        excluded = iter(())
    span = next(excluded, None)
    raws: list[_Raw] = []
    pos = lo
    while (m := _next_candidate(text, pos, hi, low)) is not None:
        pos = m.end()
        while span is not None and span.end() <= m.start():
            span = next(excluded, None)
        if span is not None and span.start() < m.end():
            continue
        raw = _raw_figure(text, m, lo, hi)
        if raw is None:
            continue
        raws.append(raw)
        # "ten and fifteen" cut after "ten": look again after it; "3 hundred and 21" read
        # past the candidate: go on after it
        pos = raw.end if m.group("words") is not None else max(pos, raw.end)
    return raws


def _excluded_led(text: str, lo: int, hi: int) -> re.Pattern[str]:
    """Return the led form of ``_EXCLUDED_NOT_WEB`` to search ``text[lo:hi]`` with."""
    if _SCORE_CUE.search(text, lo, hi) is None:
        return _EXCLUDED_NOT_WEB_LED_NO_SCORE
    return _EXCLUDED_NOT_WEB_LED


#: Where a candidate can start: a digit, a point before a digit, a vulgar fraction, or a
#: word opening one of _CANDIDATE's spelled alternatives (each begins at a word boundary
#: with a number word, a vague quantifier, "a few", "a couple", "a handful" or a fold
#: word): a word opening none of them is passed over in C, not tried in a Python loop
#: (most words of a sentence). A full stop or an "a" alone starts none: measured on ECB+,
#: they were 94% of the 10,600 places where the big pattern was tried and failed.
#: Only where a match starts is read. A fold word ("two" of "twofold") and "tens",
#: "dozens", "hundreds", "thousands", "millions", "billions" open with a number word, the
#: first alternative, which matches there first: listed too, they were tried and failed at
#: every word start (this scan was 1.4x slower over ECB+'s sentences, the same starts).
_CANDIDATE_START_SOURCE = (
    r"[\d½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒]|\.(?=\d)"
    rf"|\b(?:{_NUMWORD}|several|many|scores|a[ \t]+(?:few|couple|handful))"
)
_CANDIDATE_START = compile_spaced(_CANDIDATE_START_SOURCE, re.IGNORECASE)
#: The same places in the lowered article (see ``lowered``): 2.7x faster on ECB+.
_CANDIDATE_START_LOW = compile_spaced(_CANDIDATE_START_SOURCE)


def _next_candidate(
    text: str, pos: int, hi: int, low: str | None = None
) -> re.Match[str] | None:
    """``_CANDIDATE.search(text, pos, hi)``, trying the big pattern only where it can start.

    The same match (lookbehinds see the text before the start): measured 2x faster on the
    ECB+ corpus, where this search was the slowest part of quantity extraction. The starts
    are searched in ``low``, the lowered text, when given (see ``lowered``).
    """
    starts, hay = (_CANDIDATE_START, text) if low is None else (_CANDIDATE_START_LOW, low)
    while (s := starts.search(hay, pos, hi)) is not None:
        m = _CANDIDATE.match(text, s.start(), hi)
        if m is not None:
            return m
        pos = s.start() + 1
    return None


def _raw_figure(text: str, m: re.Match[str], lo: int, hi: int) -> _Raw | None:
    if m.group("frac") is not None:
        return _fraction(m)
    if m.group("fold") is not None:
        word = m.group("fold")[:-4].lower()
        value = _FOLD_VALUE.get(word) or float(_SMALL[word])
        return _Raw(m.start(), m.end(), value, 1.0, unit="fold", digit=1.0)
    if m.group("num") is not None:
        return _digits(text, _split_height(text, m, lo, hi), lo, hi)
    if m.group("vague") is not None:
        return _vague(m)
    return _spelled(text, m, lo, hi)


# "5-foot-8,135 pounds": a height in feet and inches, then a weight, run together.
_HEIGHT_INCHES = compile_spaced(r"(?:foot|feet|ft)-$", re.IGNORECASE)
_NUM_ONLY = compile_spaced(r"(?P<num>\d+(?:\.\d+)?)(?P<exp>)")
# What a bare number counts when the noun is left out: "20 points and now has 2,302",
# "12 others", "four of them", "30 were hurt" (the nearest counted noun before it).
_ELIDED_NEXT = compile_spaced(
    r"[ \t]*(?:[,.;:)]|$)|[ \t]+(?:others?|of[ \t]+them|more|were|are|was|is|have|had|has|"
    r"from|for|in|on|at|and|but|while|with|to|by|as)\b",
    re.IGNORECASE,
)


_RATIO_SEP = compile_spaced(r"[ \t]+(?:in|out[ \t]+of)[ \t]+", re.IGNORECASE)


def _ratios(text: str, raws: list[_Raw], hi: int) -> list[_Raw]:
    """Read "one in five" and "3 out of 10" as one figure, the fraction 0.2 or 0.3."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if (
            b is not None
            and not (a.vague or b.vague or a.unit or b.unit)
            and a.scale == b.scale == 1.0
            and 0 < a.value < b.value
            and a.value == int(a.value)
            and b.value == int(b.value)
            and _RATIO_SEP.fullmatch(text, a.end, b.start)
            and unit_after(text, b.end, hi) is None  # "3 in 10 days" is a rate, not a ratio
        ):
            value = a.value / b.value
            out.append(_Raw(a.start, b.end, value, 0.5 / b.value, digit=0.5 / b.value))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _signed(text: str, raw: _Raw, lo: int) -> _Raw:
    """Apply a sign written as a word or before a fraction: "minus 40", "-4/5", "- 1 4/5"."""
    if raw.value <= 0 or raw.vague:
        return raw
    neg = _NEG_WORD.search(text, max(lo, raw.start - 10), raw.start)
    at = neg.start() if neg is not None else _sign_before(text, raw.start, lo)
    if at is None:
        return raw
    return attrs.evolve(raw, start=at, value=-raw.value)


def _sign_before(text: str, start: int, lo: int) -> int | None:
    """Return where a minus sign before a number starts: "-4/5", "- 1 4/5"; not "5 - 3"."""
    m = _NEG_SIGN.search(text, max(lo, start - 2), start)
    if m is None:
        return None
    if m.start() == lo:
        return m.start()  # opening the sentence
    if m.end() - m.start() > 1:
        return None  # "5 - 3": a spaced sign between two things joins them
    prev = text[max(lo, m.start() - 2) : m.start()]
    if prev[-1:] in (" ", "\t", "\u00a0", "(") and not prev[:-1].isdigit():
        return m.start()  # "was -4/5"; not "10 -4"
    return None



def _joined_bounds(text: str, done: list[Quantity]) -> list[Quantity]:
    """Join "above 1,000 and below 1,500" into one range, (1,000, 1,500)."""
    out: list[Quantity] = []
    for q in done:
        prev = out[-1] if out else None
        if prev is None or {prev.qualifier[0], q.qualifier[0]} != {">", "<"}:
            out.append(q)
            continue
        lower, upper = (prev, q) if prev.qualifier[0] == ">" else (q, prev)
        if (prev.unit != q.unit or prev.is_range or lower.value >= upper.value
                or not _BOUNDS_JOIN.fullmatch(text, prev.end, q.start)):
            out.append(q)
            continue
        out[-1] = attrs.evolve(
            prev, text=text[prev.start : q.end], end=q.end, value=lower.value, qualifier="=",
            low=lower.value, high=upper.value, what=prev.what or q.what,
            predicate=prev.predicate or q.predicate, is_range=True,
        )
    return out


def _split_height(text: str, m: re.Match[str], lo: int, hi: int) -> re.Match[str]:
    """Read "5-foot-8,135 pounds" as 8 inches then 135: not the number 8,135."""
    lit = m.group("num")
    if "," not in lit or not _HEIGHT_INCHES.search(text, max(lo, m.start() - 5), m.start()):
        return m
    cut = m.start("num") + lit.index(",") + 1
    again = _NUM_ONLY.match(text, cut, hi)
    return again if again is not None else m


def _elided(text: str, q: Quantity, before: list[Quantity]) -> Quantity:
    """Give a bare count the noun of the nearest counted figure before it in its sentence."""
    if q.what or q.unit or q.vague or q.value < 1 or not before:
        return q
    if not _ELIDED_NEXT.match(text, q.end, q.end + 12):
        return q
    for prev in reversed(before):
        if prev.unit is None and prev.what and not prev.vague:
            noun = prev.what
            if prev.predicate and noun.endswith(prev.predicate):
                noun = noun[: -len(prev.predicate)].strip()
            if not noun:
                return q
            what = f"{noun} {q.predicate}" if q.predicate else noun
            return attrs.evolve(q, what=what)
    return q


# --- candidates -----------------------------------------------------------------------


def _ungrouped(lit: str) -> str:
    """Drop thousands separators: "1,234" and "1\u202f234" are "1234"."""
    return lit.translate(_GROUPING)


#: The thousands separators ``_ungrouped`` drops (a table: 1 us a call less than a
#: ``re.sub``, which looked its pattern up at each of the 5 calls a figure makes).
_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")


def _literal_precision(lit: str) -> float:
    """Return the place value of the last significant digit ("210" -> 10, "3.8" -> 0.1)."""
    digits = _ungrouped(lit)
    if "." in digits:
        return 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    if not stripped:
        return 1.0
    return 10.0 ** (len(digits) - len(stripped))


def _digits(text: str, m: re.Match[str], lo: int, hi: int) -> _Raw | None:
    start, end = m.span("num")
    parsed = _digit_literal(m)
    if parsed is None:
        return None
    lit, value, prec = parsed
    plain = lit.isdigit()
    # a minus sign glued to the number and not joining two numbers: "-18 °C", "$-99.99"
    if start > lo and text[start - 1] in "-−" and (
        start - 1 == lo or text[start - 2] in " \t\u00a0($€£<>≤≥~="
    ):
        value, start = -value, start - 1
    if _names_or_orders(text, lit, start, end, lo):
        return None
    unit: str | None = None
    cur = (_CURRENCY_BEFORE.search(text, max(lo, start - 6), start)
           if _may_end_currency(text, lo, start) else None)
    if cur:
        unit = _currency_symbol(cur.group().strip())
        start = cur.start()
    scale, end, scale_unit = _scale_after(text, start, end, lo, hi, cur is not None)
    if unit is None:
        unit = scale_unit
    if unit is None:
        after = _CURRENCY_AFTER.match(text[end : end + 2])
        if after:
            unit, end = _CURRENCY_PREFIX[after.group().strip()], end + after.end()
    if scale == 1.0 and not _unit_or_count(text, lit, start, end, lo, hi, unit):
        return None
    digit = (10.0 ** -len(lit.split(".", 1)[1]) if "." in lit else 1.0) * scale
    raw = _Raw(start, end, value * scale, prec * scale, unit=unit, plain_digits=plain,
               scale=scale, digit=digit)
    return _continued(text, raw, hi) if scale >= 100 else raw


def _digit_literal(m: re.Match[str]) -> tuple[str, float, float] | None:
    """Return the literal without its exponent, its value and its precision."""
    lit = m.group("num")
    exp = m.group("exp")
    if exp:
        lit = lit[: len(lit) - len(exp)]
    if lit[:1] == "0" and lit[1:2].isdigit() and len(lit.split(".", 1)[0]) <= 3:
        # "000", "05", "007": a thousands group split from its number ("2, 000ft"), minutes
        # or a code, never a figure on its own; "0000" is still zero (Recognizers-Text)
        return None
    value = float(_ungrouped(lit))
    prec = _literal_precision(lit)
    if exp:
        pm = compile_spaced(r"[-−+]?\d{1,3}$").search(exp)
        power = int(pm.group().replace("−", "-")) if pm else 0
        try:
            value, prec = value * 10.0**power, prec * 10.0**power
        except OverflowError:  # "5E400": no float holds it (found by fuzz/)
            return None
    return lit, value, prec


def _names_or_orders(text: str, lit: str, start: int, end: int, lo: int) -> bool:
    """Tell identifiers ("T-64", "No. 5"), ids, versions and ordinals: not quantities."""
    before = text[max(lo, start - 12) : start]
    if _may_end_id(before) and _ID_BEFORE.search(before):
        return True
    if lit.isdigit() and len(lit) >= 7:
        return True  # long digit strings are ids, phone numbers or compact dates
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isdigit():
        return True  # version numbers "3.8.2"
    return bool(_match(r"(?:st|nd|rd|th)\b", text[end : end + 3], re.IGNORECASE))


# Nouns that a number after them names or orders rather than counts ("page 20", "week 15").
_ID_NOUNS = (
    "number", "page", "chapter", "room", "route", "flight", "line", "week", "round", "game",
    "level", "phase", "stage", "grade", "version", "episode", "season", "section", "article",
    "item", "exit", "gate", "platform", "row", "seat", "channel", "district", "precinct",
    "interstate", "highway", "apartment", "suite", "floor", "model", "type", "no", "figure",
    "fig", "table", "chart", "appendix", "annex", "exhibit", "paragraph", "clause", "volume",
    "vol", "part",
)  # fmt: skip
_ID_NOUNS_RX = "(?:" + "|".join(_ID_NOUNS) + ")"
# identifiers glued to letters or joined by a hyphen to a word: "T-64", "COVID-19"; not
# the second end of "5k-20k"
_ID_BEFORE = compile_spaced(
    r"(?<![\d.,])[A-Za-z]\w*-$|[\w.]\+$|[#№]$|\bNo\.?[ \t]*$|\b" + _ID_NOUNS_RX + r"[ \t]+$",
    re.IGNORECASE,
)


#: What ``_ID_BEFORE`` may match before a figure, by the last character of the window: a
#: hyphen, "+", "#", "№", the "o" or full stop of "No.", or a blank after "No" or a noun.
_ID_LAST = frozenset("-+#№oO." + _BLANKS)
#: The words ``_ID_BEFORE`` ends with before blanks (lower case).
_ID_WORDS = (*_ID_NOUNS, "no.")


def _may_end_id(before: str) -> bool:
    """Whether ``_ID_BEFORE.search(before)`` may match at all (False: it cannot).

    Each of its alternatives ends the window (``$``) with a hyphen, "+", "#", "№", "No"
    or "No." and blanks, or a noun of ``_ID_NOUNS`` and blanks: most windows before a
    figure end otherwise ("killed ", "(") and are told here by their last word instead of
    a search at each of their places (measured: the search was 7% of the quantities stage
    on ECB+; 8 in 9 windows are told here). A line break at the end (``$`` matches before
    one) or a last word not plain ASCII (case-insensitive matching reads "ſ" as "s") is
    left to the search.
    """
    last = before[-1:]
    if last not in _ID_LAST:
        return last == "\n"
    if last not in _BLANKS:
        return True
    core = before.rstrip(_BLANKS)
    return not core.isascii() or core.lower().endswith(_ID_WORDS)


def _scale_after(
    text: str, start: int, end: int, lo: int, hi: int, currency: bool
) -> tuple[float, int, str | None]:
    """Return the scale written after digits, where it ends, and a currency it names.

    "1.5 million", "$1bn", "3.8m", "20k", "2.33 k", "9 B", "2mil", "3 dozens", "30 MUSD";
    "100m sprint" and "a depth of 45m" are metres, left to the unit lookup.
    """
    s = _SCALE_AFTER.match(text, end, hi)
    if s is None:
        if currency and (t := _match(r"(?:tr|t)\b", text[end : end + 3], re.IGNORECASE)):
            return 1e12, end + t.end(), None  # "$2.174T"
        return 1.0, end, None
    word = next(g for g in (s.group("w"), s.group("g"), s.group("s"), s.group("sp"),
                            s.group("mi")) if g is not None)
    if s.group("mi"):
        return 1e6, s.end(), _ISO[_key(s.group("mi")[1:])]
    low = _key(word)
    if s.group("g") == "m" and not currency and _metres(text, start, s.end(), lo, hi):
        return 1.0, end, None  # "100m sprint", "20m away": metres
    if low == "b" and not currency and float(_ungrouped(text[start:end]) or 0) >= 1000:
        return 1.0, end, None  # "a 1500b packet": bits; billions are written "1.5tn"
    return _DIGIT_SCALE[low], s.end(), None


def _key(word: str) -> str:
    """Lower-case a word matched case-insensitively, as the tables spell it.

    A case-insensitive regex also matches the dotless and dotted i ("mıllion", "MİLLION")
    and the long s ("thouſands") to ASCII letters, which ``lower()`` keeps: a table lookup
    raised KeyError (found by fuzz/fuzz_read.py on bytes decoded as Turkish).
    """
    return word.lower().replace("\u0131", "i").replace("\u0307", "").replace("\u017f", "s")


def _metres(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether "45m" is metres: a length word after it or shortly before it."""
    if _METRE_WORDS.match(text, end, hi):
        return True
    return _METRE_BEFORE.search(text, max(lo, start - 40), start) is not None


_METRE_BEFORE = compile_spaced(
    r"\b(?:height|depth|length|width|distance|altitude|elevation|radius|diameter|deep|tall|"
    r"long|high|wide|swam|ran|dived|plunged|metres?|meters?)\b[^.;\d]{0,20}$",
    re.IGNORECASE,
)


def _unit_or_count(
    text: str, lit: str, start: int, end: int, lo: int, hi: int, unit: str | None
) -> bool:
    """Whether an unscaled number is a figure, not a model name, year or glued code."""
    if _ASCII_LETTER.match(text[end : end + 1]):
        u = unit_after(text, end, hi)
        if u is None or (u[1] - end > 4 and " per " not in u[0]):
            return False  # "737MAX", "3D", "1990s": glued letters that are not a unit
        if text[end] in "CF" and u[1] == end + 1 and not _temperature_next(text, start, u[1],
                                                                            lo, hi):
            return False  # "the 13F filing", "a Boeing 777F": a form or a model
    if lit == _ungrouped(lit) and _is_identifier(text, start, end, lo):
        unit_next = _PERCENT.match(text, end, hi) or _AGE.match(text, end, hi)
        if not (unit_next or unit_after(text, end, hi)):
            return False
    return not (lit.isdigit() and unit is None and _is_year(text, lit, start, end, lo, hi))


_TEMPERATURE_NEXT = compile_spaced(
    r"[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:in|on|at|and|or|to|by|for|with|as|while|during|when|"
    r"yesterday|today|tonight|this|last|after|before|overnight|until)\b",
    re.IGNORECASE,
)


def _temperature_next(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a glued "C"/"F" is a temperature: "hit 45C on Monday", not "13F be filed"."""
    return _TEMPERATURE_NEXT.match(text, end, hi) is not None and not _is_identifier(
        text, start, end, lo
    )


# "3 hundred and 21", "4 thousand 3 hundred", "3 million and a half": digits and words.
_HUNDREDS_NEXT = compile_spaced(r"[ \t]+(?P<n>[1-9])[ \t]+hundred\b", re.IGNORECASE)
_AND_UNITS_NEXT = compile_spaced(
    r"[ \t]+and[ \t]+(?P<n>[1-9]\d?(?![\d.,])|(?P<w>(?:twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:[ \t-](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen))\b(?![ \t]*(?:-|hundred|thousand|million|billion|%|"
    r"percent|per[ \t]cent))",
    re.IGNORECASE,
)
_AND_HALF_NEXT = compile_spaced(
    r"[ \t]+and[ \t]+(?:a|one)[ \t]+(?P<f>half|quarter)\b", re.IGNORECASE
)


def _continued(text: str, raw: _Raw, hi: int) -> _Raw:
    """Extend "3 hundred" by "and 21", "4 thousand" by "3 hundred", "3 million" by "and a half"."""
    value, end, prec = raw.value, raw.end, raw.precision
    if raw.scale >= 1000 and (h := _HUNDREDS_NEXT.match(text, end, hi)):
        value, end, prec = value + int(h.group("n")) * 100, h.end(), 100.0
    elif raw.scale >= 1e6 and (f := _AND_HALF_NEXT.match(text, end, hi)):
        frac = 0.5 if f.group("f").lower() == "half" else 0.25
        value, end, prec = value + frac * raw.scale, f.end(), frac * raw.scale / 2
    if prec == 100.0 and (u := _AND_UNITS_NEXT.match(text, end, hi)):
        if u.group("w"):
            add, _p, _s = _parse_words(re.findall(r"[a-z]+", u.group("w").lower()))
        else:
            add = float(u.group("n"))
        value, end, prec = value + (add or 0.0), u.end(), 1.0
    if end == raw.end:
        return raw
    digit = min(prec, raw.digit or prec)
    return attrs.evolve(raw, end=end, value=value, precision=prec, digit=digit)


_VULGAR = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}  # fmt: skip


def _fraction(m: re.Match[str]) -> _Raw | None:
    """Read "1/4", "2 1/2", "½" and "2½"; other slashed numbers ("24/7", "9/11") are not."""
    if m.group("vulgar"):
        whole = float(m.group("uwhole") or 0)
        return _Raw(m.start("frac"), m.end("frac"), whole + _VULGAR[m.group("vulgar")], 0.01)
    num, den = int(m.group("fnum")), int(m.group("fden"))
    if not 0 < num < den or (den not in {2, 3, 4, 5, 8, 10, 16} and num != 1):
        return None
    whole = float(m.group("fwhole") or 0)
    return _Raw(m.start("frac"), m.end("frac"), whole + num / den, 1 / den / 2)


def _word_before(text: str, lo: int, end: int) -> tuple[int, str] | None:
    """Return where the match of ``_WORD_BEFORE`` in ``text[lo:end]`` starts, and its word.

    The word and blanks end the window: read backwards from its end (one match in the
    reversed window, the longest word being the leftmost start) instead of a search that
    tries each of its 32 places and reads the rest of a word from each (measured over
    ECB+'s figures: 4x faster). A window ending in a line break (``$`` matches before one)
    is left to the search; one not ending in a blank holds no match.
    """
    last = text[end - 1 : end] if end > lo else ""
    if last not in _BLANKS or not last:
        if last != "\n":
            return None
        w = _WORD_BEFORE.search(text, lo, end)
        return (w.start(), w.group(1)) if w else None
    m = _WORD_BEFORE_REVERSED.match(text[lo:end][::-1])
    return (end - m.end(), m.group(1)[::-1]) if m else None


def _is_identifier(text: str, start: int, end: int, lo: int) -> bool:
    """Tell whether a number names a thing: after a capitalised word ("Boeing 737")."""
    w = _word_before(text, max(lo, start - 32), start)
    if not w:
        return False
    w_start, word = w
    named = word[0].isupper() or any(c.isupper() for c in word[1:])  # "Boeing", "iPhone"
    if not named or word.lower().rstrip(".") in _WEEKDAYS:
        return False
    opening = text[max(lo, w_start - 3) : w_start]
    if _search(r"[\"“(]\s*$", opening):
        return False  # a quotation's first word
    initial = w_start == lo or _search(r"[.!?:;]\s*$", opening)
    if initial and word.lower() in _INITIAL_NOT_NAME:
        return False  # "Only 3 people", "Some 40 homes": a sentence-initial word
    if re.fullmatch(MONTH + r"\.?", word):
        return False
    return not _QUAL_RE.search(word + " ")


# Words that open a sentence before a figure without naming it ("Falcon 9" does name it).
_INITIAL_NOT_NAME = FUNCTION_WORDS | {
    "exactly", "precisely", "barely", "fully", "further", "additional", "another", "nearly",
    "almost", "around", "approximately", "estimated", "an", "total", "totals", "altogether",
    "overall", "yesterday", "today", "since", "until", "before", "after", "of", "last",
}  # fmt: skip
_PLURALS = frozenset(
    ["people", "children", "men", "women", "police", "staff", "personnel", "troops", "cattle"]
)
_YEAR_BEFORE = compile_spaced(
    r"(?:\b(?:in|since|by|of|from|until|till|to|year|before|after|during|early|late|mid|"
    r"fiscal|the|and|or|between|through|circa)|['’]s|-)[ \t]*$",
    re.IGNORECASE,
)


def _is_year(text: str, lit: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Tell a year from a count: "in 2014" is a year, "about 2100 children" a count."""
    if len(lit) != 4 or not 1800 <= int(lit) <= 2100:
        return False
    before = text[max(lo, start - 16) : start]
    if _QUAL_RE.search(before):
        return False
    if _YEAR_BEFORE.search(before):
        return True
    nxt = _TOKEN.match(text, end + 1, hi) if text[end : end + 1] in {" ", "\u00a0"} else None
    if nxt is None:
        return True
    word = nxt.group()
    if word[0].isupper():  # "1992 Russian soldiers": look past one capitalised modifier
        after = _TOKEN.match(text, nxt.end() + 1, hi) if text[nxt.end() : nxt.end() + 1] == " " \
            else None
        if after is None:
            return True
        word = after.group()
    return not (word.islower() and word not in _STOP
                and (word in _PLURALS or (word.endswith("s") and not word.endswith("ss"))))


def _vague(m: re.Match[str]) -> _Raw:
    word = m.group("vword")
    if word is not None:
        base = _VAGUE_BASE[_key(word)]
        if m.group("vscale"):
            base *= _VAGUE_BASE[_key(m.group("vscale"))]
        mod = m.group("vmod")
        k_lo, k_hi = (2.0, 10.0)
        if mod:
            k_lo, k_hi = _VAGUE_MOD[re.sub(r"[ \t]+", " ", _key(mod))]
        if word.lower() == "dozens":
            k_lo, k_hi = 2.0, 10.0
    else:
        base = _DIGIT_SCALE.get(m.group("vsing").lower(), 12.0)
        k_lo, k_hi = _VAGUE_MOD[re.sub(r"[ \t]+", " ", _key(m.group("vmod2")))]
    return _Raw(
        m.start(), m.end(), base, base, qualifier="~", low=k_lo * base, high=k_hi * base, vague=True
    )


def _spelled(text: str, m: re.Match[str], lo: int, hi: int) -> _Raw | None:
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group("words"))]
    start, end = m.span("words")
    words, end = _cut_at_and(text, words, start, end)
    nums = [w for w in words if w not in {"and", "a", "of"}]
    lead_a = _LEAD_A.search(text[max(lo, start - 12) : start].lower())
    if nums == ["half"]:
        unit_half = _unit_and_a_half(text, start, end, lo, hi)
        if unit_half is not None:
            return unit_half  # "a mile and a half"
    if not _spelled_figure(text, words, nums, (start, end), lo, hi, lead_a):
        return None
    if lead_a and nums[0] in {"hundred", *_DOZENS, *_DENOMINATORS, *_SCALES}:
        start = start - len(lead_a.group())
    value, prec = _words_value(words)
    if value is None:
        return None
    scale = _SCALES.get(nums[-1], 1.0)  # "seven thousand": a range's end shares it
    return _Raw(start, end, value, prec, digit=min(prec, 1.0) if value < 100 else prec,
                scale=scale)


def _spelled_figure(
    text: str, words: list[str], nums: list[str], span: tuple[int, int], lo: int, hi: int,
    lead_a: re.Match[str] | None,
) -> bool:
    """Tell whether number words state a figure.

    Not "hundred" alone, an ordinal, "no one", a compound ("two-door") or an idiom ("all
    for naught").
    """
    start, end = span
    before = text[max(lo, start - 12) : start].lower()
    after = text[end : min(hi, end + 12)].lower()
    checks = (
        nums == [words[0]] and words[0] in {"hundred", *_DOZENS, *_SCALES} and not lead_a,
        nums[0] in _DENOMINATORS and not _fraction_ok(text, nums, start, after, lo, lead_a),
        _ordinal(words) or (nums[-1] in _DENOMINATORS and text[end : end + 1] == "-"),
        nums == ["one"] and _lone_one(before, after),
        nums[0] in {"nought", "naught"} and bool(_search(r"\b(?:for|to)[ \t]+$", before)),
    )
    return not any(checks) and not _compound(text, end, hi)


def _compound(text: str, end: int, hi: int) -> bool:
    """Whether spelled number words are joined by a hyphen to a word that is not a unit."""
    if not _match(r"-[A-Za-z]", text[end : end + 2]):
        return False
    if _AGE.match(text, end, hi) or _FOLD_AFTER.match(text, end, hi) or _MAGNITUDE_AFTER.match(
        text, end, hi
    ):
        return False
    return unit_after(text, end, hi) is None


def _cut_at_and(
    text: str, words: list[str], start: int, end: int
) -> tuple[list[str], int]:
    """Cut "spots one and two" after "one"; keep "a hundred and five", "one and a half".

    "and" joins parts of one number after a scale, before "a"/"half", and before a
    fraction ("twenty and three fifths"); elsewhere it joins two numbers.
    """
    for k, w in enumerate(words[1:-1], start=1):
        if w != "and":
            continue
        if (words[k - 1] in {"hundred", "dozen", *_SCALES} or words[k + 1] in {"a", "half"}
                or any(x in _DENOMINATORS for x in words[k + 1 :])):
            continue
        cut = _search(r"[ \t]+and[ \t]", text[start:end])
        if cut is not None:
            return words[:k], start + cut.start()
        break
    return words, end


_ENDS = compile_spaced(r"[ \t]*(?:[.,;:!?)\"”’]|$)")


def _fraction_ok(
    text: str, nums: list[str], start: int, after: str, lo: int, lead_a: re.Match[str] | None
) -> bool:
    """Tell "a third of", "half a million", "more than half" from "fifth day", "second half"."""
    before = text[max(lo, start - 12) : start].lower()
    if _search(r"(?:first|second|third|last|the|this|that)[ \t]+$", before) and not lead_a:
        return False
    if nums[0] == "half":
        return _half_ok(text, nums, start, after, lo, lead_a)
    of_next = after.startswith(" of") or _search(r"\bby[ \t]+an?[ \t]+$", before) is not None
    led = lead_a is not None and (of_next or _ENDS.match(after) is not None)
    if nums[0] == "quarter":
        return (len(nums) > 1 and nums[1] in _SCALES) or led  # "quarter million"
    return led


def _half_ok(
    text: str, nums: list[str], start: int, after: str, lo: int, lead_a: re.Match[str] | None
) -> bool:
    """Tell "half a million", "half of", "more than half", "a half." from "half" alone."""
    if len(nums) > 1 or _match(r"[ \t]+(?:of|an?|the)\b", after):
        return True
    if _QUAL_RE.search(text, max(lo, start - 40), start) is not None:
        return True
    return lead_a is not None and _ENDS.match(after) is not None


def _ordinal(words: list[str]) -> bool:
    """Whether a singular denominator after a number is an ordinal: "twenty-fifth"."""
    for k in range(1, len(words)):
        w = words[k]
        if w in _DENOMINATORS and not w.endswith("s") and w not in {"half", "quarter"}:
            prev = words[k - 1]
            if prev not in {"a", "one", "and"}:
                return True
        if w in _ORDINAL_DENOMINATORS and words[k - 1] not in {"a", "and"}:
            return True
    return False


_RATIO_NEXT = compile_spaced(
    rf"[ \t]+(?:in|out[ \t]+of)[ \t]+(?:\d|(?:{_NUMWORD})\b)", re.IGNORECASE
)


def _lone_one(before: str, after: str) -> bool:
    """Whether "one" is a pronoun or determiner here ("one of", "no one"), not a count."""
    if _NEG_WORD.search(before) or _RATIO_NEXT.match(after):
        return False  # "minus one", "one in five"
    if _match(
        r"[ \t]+(?:of|another|by|or|and|on|in|who|that|which)\b|[ \t]*[,.;:!?)\"”’]|[ \t]*$",
        after,
    ):
        return True
    return _search(
        r"(?:no|any|every|each|the|this|that|which|some|last|one|anyone|someone)[ \t]+$", before
    ) is not None


_UNIT_AND_A = compile_spaced(r"\ban?[ \t]+([A-Za-z]{2,20})[ \t]+and[ \t]+an?[ \t]+$", re.IGNORECASE)


def _unit_and_a_half(text: str, start: int, end: int, lo: int, hi: int) -> _Raw | None:
    """Read "a mile and a half" as 1.5 miles."""
    m = _UNIT_AND_A.search(text, max(lo, start - 32), start)
    if m is None:
        return None
    u = unit_after(text, m.start(1), m.end(1))
    if u is None or u[1] != m.end(1):
        return None
    return _Raw(m.start(), end, 1.5, 0.5, unit=_UNIT_RENAME.get(u[0], u[0]))


def _words_value(words: list[str]) -> tuple[float | None, float]:
    """Return the value of number words and the precision they state.

    A fraction after the last "and" is added to what precedes it, as a fraction of its
    scale when it has none of its own: "one hundred and three quarters" is 100.75,
    "two million and a half" 2.5 million, "one billion and a half million" 1.0005 billion.
    """
    for k in range(len(words) - 1, 0, -1):
        if words[k] != "and":
            continue
        tail = words[k + 1 :]
        if not any(w in _DENOMINATORS for w in tail):
            break
        head_v, _head_p, head_scale = _parse_words(words[:k])
        tail_v, tail_p, tail_scale = _parse_words(tail)
        if head_v is None or tail_v is None:
            return None, 1.0
        if tail_scale and not head_scale:  # "two and a half million": the scale is shared
            return head_v * tail_scale + tail_v, tail_p
        factor = head_scale if head_scale and not tail_scale else 1.0
        return head_v + tail_v * factor, tail_p * factor
    value, prec, _scale = _parse_words(words)
    return value, prec


def _parse_words(words: list[str]) -> tuple[float | None, float, float]:
    """Return value, precision and the last scale word's value ("million": 1e6)."""
    acc: _WordsSum = (0.0, 0.0, 0.0, 1.0, 0.0)
    seen = False
    for w in words:
        if w in {"and", "a", "of"}:
            continue
        seen = True
        acc = _add_number_word(w, acc)
    if not seen:
        return None, 1.0, 0.0
    total, hund, units, prec, last_scale = acc
    return total + hund + units, prec, last_scale


# A number read so far from its words: total of the scaled groups, hundreds, units,
# precision, and the last scale word's value.
_WordsSum = tuple[float, float, float, float, float]


def _add_number_word(w: str, acc: _WordsSum) -> _WordsSum:
    """Return ``acc`` after one more number word (words that are not numbers change nothing)."""
    total, hund, units, prec, last_scale = acc
    if w in _SMALL:
        return total, hund, units + _SMALL[w], 1.0 if _SMALL[w] % 10 else 10.0, last_scale
    if w == "hundred":
        prec = 100.0 if prec >= 1 else prec * 100
        return total, hund + (units or 1.0) * 100, 0.0, prec, last_scale
    if w in _DOZENS:
        # "three hundred and two dozens": 300 + 24
        return total, hund, (units or 1.0) * 12, 12.0, last_scale
    if w in _SCALES:
        scale = _SCALES[w]
        had = hund + units
        return total + (had or 1.0) * scale, 0.0, 0.0, prec * scale if had else scale, scale
    if w in _DENOMINATORS:
        frac = 1.0 / _DENOMINATORS[w]
        # "a quarter" is stated to the nearest eighth
        return total, hund, (units or 1.0) * frac, frac / 2, 0.0
    return acc


def _combine_vague(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Join "dozens if not hundreds" into one vague count spanning both."""
    out: list[_Raw] = []
    for r in raws:
        if (
            out
            and r.vague
            and out[-1].vague
            and _COMBINE_VAGUE.search(text, out[-1].end, r.start)
            and r.start - out[-1].end < 14
        ):
            p = out[-1]
            out[-1] = attrs.evolve(p, end=r.end, high=max(p.high or 0, r.high or 0))
        else:
            out.append(r)
    return out


def _ranges(text: str, raws: list[_Raw], hi: int) -> list[_Raw]:
    """Join "between 5,000 and 6,000", "5,000-6,000", "from $300 to $2 million" into one."""
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        merged = _range_of(text, raws[i], raws[i + 1], hi) if i + 1 < len(raws) else None
        out.append(merged or raws[i])
        i += 2 if merged else 1
    return out


def _unit_gap(text: str, end: int, limit: int) -> int:
    """Return where a unit repeated after a range's first end stops: "3% and 4%"."""
    pm = _PERCENT.match(text, end, limit)
    if pm is not None:
        return pm.end()
    u = unit_after(text, end, limit) if _match(r"[ \t]?[^\W\d]", text[end : end + 2]) else None
    return u[1] if u is not None else end


def _same_unit_after(text: str, a_end: int, gap: int, b_end: int, hi: int) -> bool:
    """Whether the unit after the first end is also written after the second."""
    if _PERCENT.match(text, a_end, gap):
        return _PERCENT.match(text, b_end, hi) is not None
    first = unit_after(text, a_end, gap)
    second = unit_after(text, b_end, hi)
    return first is not None and second is not None and first[0] == second[0]


def _range_of(text: str, a: _Raw, b: _Raw, hi: int) -> _Raw | None:
    """Return the range two adjacent numbers state, or None when they are two figures."""
    if a.vague or b.vague or b.start - a.end > 24:
        return None
    gap = _unit_gap(text, a.end, b.start)
    sep = _RANGE_SEP.fullmatch(text, gap, b.start)
    if not sep or (gap > a.end and not _same_unit_after(text, a.end, gap, b.end, hi)):
        return None
    word = sep.group().strip().lower()
    intro = _RANGE_INTRO.search(text, max(0, a.start - 12), a.start)
    if not _is_range(text, a, b, word, intro is not None):
        return None
    a_value = a.value
    if a.scale == 1.0 and b.scale > 1.0 and a.value * b.scale <= b.value:
        a_value = a.value * b.scale  # "5-6 million": the scale is shared
    low, high = sorted((a_value, b.value))
    return attrs.evolve(
        b, start=intro.start() if intro else a.start, value=low, unit=a.unit or b.unit,
        qualifier="=", low=low, high=high, is_range=True,
    )


def _is_range(text: str, a: _Raw, b: _Raw, word: str, intro: bool) -> bool:
    """Whether "a <word> b" is a range: not a score ("31-24"), a change or two figures."""
    if word == "or":  # "five or six days", "two or three weeks"
        return not intro and a.scale == b.scale and 0 < a.value < b.value <= 2 * a.value
    if word == "and" and not intro:
        return False
    if a.value >= b.value and not (b.scale > 1.0 and a.scale == 1.0):
        return False  # "31-24", "(10-5)": a score or a record; "from 1,870 to 1,640": a change
    return not (word.endswith("to") and not intro and not _plain_range(text, a, b))


def _plain_range(text: str, a: _Raw, b: _Raw) -> bool:
    """Tell "5,000 to 6,000 people" (a range) from "grew by a third to 4.2 billion" (not)."""
    if _search(r"\bby[ \t]+$", text[max(0, a.start - 6) : a.start]):
        return False
    if a.value == 0:
        return 0 < b.value <= 1000  # "0 to 60 mph"
    written = _match(r"[\d$€£¥]", text[a.start : a.start + 1]) is not None
    if not (written or a.value == int(a.value)):  # "a third to 4.2 billion"
        return False
    a_value = a.value * (b.scale if a.scale == 1.0 else 1.0)
    return 0 < a_value < b.value <= 10 * a_value


# --- completing a quantity ---------------------------------------------------------------


def _finish(text: str, raw: _Raw, lo: int, hi: int, prev_predicate: str | None) -> Quantity:
    start, qualifier = _qualifier_before(text, raw, lo)
    got = _read_unit(text, raw, start, lo, hi)
    raw, unit, end = got.raw, got.unit, got.end
    start = min(start, got.start)
    unit, end = _with_rate(text, unit, end, hi)
    qualifier, end = _qualifier_after(text, raw, qualifier, end, hi)
    low, high = raw.low, raw.high
    if got.half is not None and low is None:
        low, high = raw.value - got.half, raw.value + got.half
    if low is None or high is None:
        measure = unit is not None and unit not in _CURRENCIES
        low, high = interval(raw.value, raw.precision, qualifier, raw.digit, exact=measure)
    sym = cast(Qualifier, "~" if qualifier == "~-" else qualifier)
    inherit = _INHERIT.search(text[max(lo, start - 16) : start])
    np_, pred = _what(text, start, end, raw, unit, lo, hi, got.age)
    if inherit and prev_predicate:
        pred = prev_predicate  # "5,000 killed, including about 210 children": killed too
    what = None
    if np_:
        what = f"{np_} {pred}" if pred else np_
    return Quantity(
        text=text[start:end],
        start=start,
        end=end,
        value=raw.value,
        unit=unit,
        qualifier=sym,
        low=float(low),
        high=float(high),
        what=what,
        predicate=pred,
        vague=raw.vague,
        is_range=raw.is_range,
    )


#: Where a qualifier can start: a letter opening a word, or a comparison sign.
_QUAL_START = re.compile(r"(?<![\w-])[^\W\d_]|[~≥≤<>]")


#: The last word of every word qualifier of ``_QUALIFIERS``, in lower case ("more than",
#: "upwards of", "approx."): a qualifier ending a window ends it with one of these and blanks.
_QUAL_LAST_WORDS = (
    "to", "than", "of", "over", "above", "exceed", "exceeds", "exceeded", "exceeding",
    "surpass", "surpasses", "surpassed", "surpassing", "least", "record", "under", "below",
    "as", "most", "equals", "exactly", "precisely", "nearly", "almost", "approaching", "quite",
    "about", "around", "approximately", "roughly", "some", "estimated", "circa", "approx",
    "approx.", "approximate", "less", "on",
)  # fmt: skip
#: The last character of every sign qualifier ("≥", "> =", "~").
_QUAL_LAST_SIGNS = ("=", "≥", "≤", ">", "<", "~")


def _may_end_qualifier(text: str, lo: int, end: int) -> bool:
    """Whether ``_QUAL_RE`` may match ``text[lo:end]`` at all (False: it cannot).

    Its match ends the window (``$``): a word qualifier and blanks, or a sign and maybe
    blanks. Nine windows in ten before a figure of ECB+ end otherwise ("killed 5", "(5"),
    told here by the window's last word instead of a search (measured: 5.3 of the
    quantities stage's 7 us a figure went to the search). Where the last word is not plain
    ASCII (case-insensitive matching reads "ſ" as "s") or a line break ends the window
    (``$`` matches before one), the answer is True: the search decides.
    """
    if end <= lo:
        return False
    if text[end - 1] == "\n":
        return True
    core = text[lo:end].rstrip(_BLANKS)
    if core.endswith(_QUAL_LAST_SIGNS):
        return True
    if len(core) == end - lo:
        return False  # no blank before the figure: no word qualifier ends the window
    last = core[-16:]
    return not last.isascii() or last.lower().endswith(_QUAL_LAST_WORDS)


def _qualifier_ending(text: str, lo: int, end: int) -> re.Match[str] | None:
    """Return ``_QUAL_RE.search(text, lo, end)``, trying the pattern only where it can start.

    The same match (the leftmost, by the same branch): every alternative opens a word or is
    a sign. A search tries each of the window's 40 places; the few word starts are enough
    (2.6x faster over every number of the ECB+ corpus and the worst-case kinds, with the
    same matches; a figure list has a number every 20 characters, issue 16). A window whose
    end no qualifier can make (``_may_end_qualifier``) is not searched at all.
    """
    if not _may_end_qualifier(text, lo, end):
        return None
    for start in _QUAL_START.finditer(text, lo, end):
        m = _QUAL_RE.match(text, start.start(), end)
        if m is not None:
            return m
    return None


def _qualifier_before(text: str, raw: _Raw, lo: int) -> tuple[int, str]:
    """Return where the figure starts with its qualifier ("more than", "nearly") and it."""
    q = _qualifier_ending(text, max(lo, raw.start - 40), raw.start)
    if q is None or (raw.low is not None and not raw.vague):
        return raw.start, raw.qualifier  # a range set its own bounds
    if raw.low is not None:
        return q.start(), raw.qualifier  # "about hundreds": the interval is the words'
    sym = next(s for i, (_rx, s) in enumerate(_QUALIFIERS) if q.group(f"q{i}") is not None)
    return q.start(), sym


def _qualifier_after(
    text: str, raw: _Raw, qualifier: str, end: int, hi: int
) -> tuple[str, int]:
    """Read "or more", "or less", "-plus", "or so" after a figure."""
    post = _POST_QUAL.match(text, end, hi) if raw.low is None else None
    if post is None or qualifier not in {"=", "~"}:
        return qualifier, end
    if post.group("more") or "plus" in post.group().lower() or post.group().strip() == "+":
        return ">=", post.end()
    return ("<=" if post.group("less") else "~"), post.end()


_PER_NAMES = {"h": "hour", "hr": "hour", "s": "second", "d": "day", "liter": "litre",
              "kilo": "kilogram"}  # fmt: skip


def _with_rate(text: str, unit: str | None, end: int, hi: int) -> tuple[str | None, int]:
    """Attach a rate to the unit: "188 miles an hour", "$9 a week", "cents per litre"."""
    if unit is None or " per " in unit or (rate := _RATE.match(text, end, hi)) is None:
        return unit, end
    per = (rate.group("per") or rate.group("slash")).lower()
    return f"{unit} per {_PER_NAMES.get(per, per)}", rate.end()


@attrs.frozen
class _UnitRead:
    """What the words around a number say it measures."""

    raw: _Raw
    unit: str | None
    end: int
    start: int
    #: Half-width of an exact interval (ages, "a 10-year sentence"), or None.
    half: float | None = None
    age: bool = False


def _read_unit(text: str, raw: _Raw, start: int, lo: int, hi: int) -> _UnitRead:
    """Return the unit after (or, for ages and magnitudes, before) a number."""
    plain = _UnitRead(raw, raw.unit, raw.end, start)
    if raw.unit is not None or raw.vague:
        return plain
    end = raw.end
    if pm := _PERCENT.match(text, end, hi):
        return _UnitRead(raw, "percentage point" if pm.group("pts") else "percent", pm.end(),
                         start)
    if age := _AGE.match(text, end, hi):
        return _UnitRead(raw, "year", age.end(), start, half=0.5, age=True)
    if (word := _UNIT_WORD.match(text, end, hi)) and (name := _unit_word(word)):
        return _UnitRead(raw, name, word.end(), start)
    if cal := _CALIBER.match(text, end, hi):
        value = _caliber(raw, text)
        scale = value / raw.value if raw.value else 1.0  # "0 caliber": nothing to scale
        raw = attrs.evolve(raw, value=value, precision=raw.precision * scale)
        return _UnitRead(raw, "caliber", cal.end(), start, half=raw.precision / 2)
    if mag := _MAGNITUDE_AFTER.match(text, end, hi):
        return _UnitRead(raw, "magnitude", mag.end(), start)
    if fold := _FOLD_AFTER.match(text, end, hi):
        return _UnitRead(raw, "fold", fold.end(), start)
    got = _quantulum_unit(text, raw, start, lo, hi)
    if got is not None:
        return got
    return _unit_before(text, raw, start, lo, hi) or plain


def _quantulum_unit(text: str, raw: _Raw, start: int, lo: int, hi: int) -> _UnitRead | None:
    """Look the words after a number up in quantulum3's unit tables."""
    end = raw.end
    half_a = _A_AFTER.match(text, end, hi) if raw.value < 1 else None
    # "half a mile", "a quarter of an hour"
    u = unit_after(text, half_a.end() if half_a is not None else end, hi)
    if u is None:
        return None
    unit = _UNIT_RENAME.get(u[0], u[0])
    if unit == "gauss" and text[end : u[1]] == "G":
        return None  # "3G network": a mobile network's generation in news, not 3 gauss
    if unit == "pound sterling" and _WEIGHT_CONTEXT.search(
        text, max(lo, start - 60), min(hi, end + 40)
    ):
        unit = "pound-mass"
    half = None
    if text[end : end + 1] == "-" and raw.scale == 1.0 and raw.low is None:
        half = 0.5  # "a 10-year sentence", "a 27-kilometer ring": a size, stated exactly
    if unit == "foot" and (inch := _INCHES_AFTER.match(text, u[1], hi)):
        # "5 feet 2 inches", "5 ft 2 in": one height, in feet
        inches = float(inch.group("n"))
        raw = attrs.evolve(raw, value=raw.value + inches / 12, precision=1 / 12, digit=1 / 12)
        return _UnitRead(raw, unit, inch.end(), start, half=1 / 24)
    return _UnitRead(raw, unit, u[1], start, half=half)


def _unit_before(text: str, raw: _Raw, start: int, lo: int, hi: int) -> _UnitRead | None:
    """Read a unit written before the number: "magnitude 6.3", "aged 52", "Lena Brandt, 52,"."""
    if raw.scale != 1.0:
        return None
    window = max(lo, raw.start - 24)
    if mag := _MAGNITUDE_BEFORE.search(text, window, raw.start):
        return _UnitRead(raw, "magnitude", raw.end, min(start, mag.start()))
    if not (raw.plain_digits and 0 < raw.value < 120):
        return None
    if age := _AGE_BEFORE.search(text, window, raw.start):
        return _UnitRead(raw, "year", raw.end, min(start, age.start(1)), half=0.5, age=True)
    if _NAME_COMMA.search(text, window, raw.start) and _match(r"[ \t]*,", text[raw.end : hi]):
        return _UnitRead(raw, "year", raw.end, start, half=0.5, age=True)  # "Lena Brandt, 52,"
    return None


# "6.3-magnitude", "a 6.3 magnitude quake", "6.3 on the Richter scale"
_MAGNITUDE_AFTER = compile_spaced(
    r"[ \t]*-?[ \t]*magnitude\b|[ \t]+on[ \t]+the[ \t]+Richter(?:[ \t]+scale)?\b",
    re.IGNORECASE,
)
_MAGNITUDE_BEFORE = compile_spaced(r"\bmagnitude[ \t]+(?:of[ \t]+)?$", re.IGNORECASE)
_FOLD_AFTER = compile_spaced(r"-?fold\b", re.IGNORECASE)
_AGE_BEFORE = compile_spaced(r"\b((?:aged?|age[ \t]+of))[ \t]+$", re.IGNORECASE)
# an age set off by commas after a name: "Lena Brandt, 52, ..."
_NAME_COMMA = compile_spaced(r"\b[A-Z][a-z'’-]+,[ \t]*$")
_INCHES_AFTER = compile_spaced(
    r"(?:[ \t]+and)?[ \t]+(?P<n>\d{1,2}(?:\.\d+)?)[ \t]*(?:inch(?:es)?\b|in\b(?![ \t]+\w)|[\"”″])",
    re.IGNORECASE,
)


# Units read before quantulum3 is asked: temperatures written with "deg"/"degrees" and a
# letter or a misspelt scale ("40 deg celsius", "98.6 degrees F", "10.5 celcius"), pence
# and cents ("470 pence", "50p", "a 12-cent dividend"), currency codes after the number
# in any case ("20 usd", "10 rmb").
_UNIT_WORD = compile_spaced(
    r"(?:[ \t]*(?:°|º|deg(?:rees?|s|\.)?)[ \t]*(?P<tl>[CFK])\b"
    r"|[ \t]*(?:(?:°|º|deg(?:rees?|s|\.)?)[ \t]*)?"
    r"(?P<tw>celsius|celcius|centigrade|centigrate|fahrenheit|farenheit|fahrenheight|kelvin)\b"
    r"|[ \t]*(?P<tc>[cf])\b(?=[ \t]*(?:[.,;:)!?]|$))"
    r"|(?P<pg>p)\b(?![.'’])|-?[ \t]?(?P<pw>pence|cents?)\b"
    r"|[ \t]?(?P<iso>USD|EUR|GBP|CHF|JPY|CNY|RMB|INR|CAD|AUD|HKD|NZD|RUB|yuan|kuai)\b"
    r"|[ \t]?(?P<mu>[μµ](?:g|m|l|L|s|mol)\b)"
    r"|[ \t]?(?P<sym>[₡₾₭]|ரூ)"
    r"|[ \t]?(?P<yo>yo|y/o|y\.o\.)(?![\w/])"
    r"|[ \t](?P<sl>(?-i:[mgsKlL]))\b(?=[ \t]*(?:[.,;:)!?×]|$|x\b|[ \t](?:\d|long|tall|high"
    r"|deep|wide|away|of|in|and|or|per|a|an|each|from|to|across|above|below)\b)))",
    re.IGNORECASE,
)
_SYMBOL = {
    "m": "metre", "g": "gram", "s": "second", "K": "kelvin", "l": "litre", "L": "litre",
}  # fmt: skip
_SYMBOL_AFTER = {"₡": "costa rican colón", "₾": "georgian lari", "₭": "lao kip",
                 "ரூ": "sri lankan rupee"}
_MICRO = {"g": "microgram", "m": "micrometre", "l": "microlitre", "L": "microlitre",
          "s": "microsecond", "mol": "micromole"}
# "188 miles an hour", "$9 a week", "cents per litre": a rate is part of the unit.
_RATE = compile_spaced(
    r"[ \t]+(?:an?|per)[ \t]+(?P<per>hour|day|week|month|year|second|minute|litre|liter"
    r"|gallon|kilogram|kilo|pound|tonne|ton|head|person|share|barrel)\b|/(?P<slash>h|hr|s|d)\b",
    re.IGNORECASE,
)
_ISO = {
    "usd": "united states dollar", "eur": "euro", "gbp": "pound sterling",
    "chf": "swiss franc", "jpy": "japanese yen", "cny": "chinese yuan", "rmb": "chinese yuan",
    "yuan": "chinese yuan", "kuai": "chinese yuan", "inr": "indian rupee",
    "cad": "canadian dollar", "aud": "australian dollar", "hkd": "hong kong dollar",
    "nzd": "new zealand dollar", "rub": "russian ruble",
}  # fmt: skip
_TEMPERATURE = {"c": "degree Celsius", "f": "degree fahrenheit", "k": "kelvin"}


def _unit_word(m: re.Match[str]) -> str | None:
    """Return the unit a ``_UNIT_WORD`` match names."""
    letter = m.group("tl") or m.group("tc")
    if letter:
        return _TEMPERATURE[_key(letter)]
    word = m.group("tw")
    if word:
        w = word.lower()
        return _TEMPERATURE["c" if w.startswith("ce") else "k" if w == "kelvin" else "f"]
    if m.group("pg") or m.group("pw"):
        return "cent" if (m.group("pw") or "").lower().startswith("cent") else "penny"
    if m.group("mu"):
        return _MICRO.get(m.group("mu")[1:])
    if m.group("sym"):
        return _SYMBOL_AFTER[m.group("sym")]
    if m.group("yo"):
        return "year"
    if m.group("sl"):
        return _SYMBOL[m.group("sl")]
    return _ISO[_key(m.group("iso"))]


_CALIBER = compile_spaced(r"(?:-|[ \t])?calib(?:er|re)s?\b", re.IGNORECASE)
_A_AFTER = compile_spaced(r"[ \t]+(?:of[ \t]+)?an?(?=[ \t])", re.IGNORECASE)
_WEIGHT_CONTEXT = compile_spaced(
    r"\b(?:weigh\w*|heav(?:y|ier)|tall|feet|foot|inch(?:es)?|lbs?|overweight|scales?)\b",
    re.IGNORECASE,
)


def _caliber(raw: _Raw, text: str) -> float:
    """Return a calibre in inches: "38-caliber" and ".38" are 0.38, ".357" is 0.357."""
    if raw.value < 1:
        return raw.value
    digits = len(str(int(raw.value)))
    return raw.value / 10.0**digits


def _what(
    text: str,
    start: int,
    end: int,
    raw: _Raw,
    unit: str | None,
    lo: int,
    hi: int,
    age: bool,
) -> tuple[str | None, str | None]:
    """Return the counted thing after the number and the predicate that governs it."""
    pos = _counted_from(text, start, end, raw, unit, hi, age)
    if pos is None:
        # "60 km south of the city": after a measure the next words are not what is
        # measured unless "of" introduces it ("2 metres of cotton", "a 27-kilometer ring")
        return None, _predicate_before(text, start, lo)
    tokens, modifier, pos = _noun_tokens(text, pos, hi)
    # a participle or gerund alone is a verb, not a thing ("5 wounded"); before a noun it
    # modifies it ("armoured vehicles")
    if len(tokens) == 1 and _VERB_END.search(tokens[0][2]):
        tokens = []
        pos = end
    np_ = _noun_phrase(tokens)
    pred = _predicate_after(text, tokens[-1][1] if tokens else end, hi)
    if pred is None:
        pred = _predicate_before(text, start, lo) or modifier
    if pred is None and tokens and unit is None:
        pred = _list_predicate(text, pos, hi)
    return np_, pred


_OF_AFTER = compile_spaced(
    r"[ \t]+of(?:[ \t]+(?:the|a|an|its|their|his|her))?(?=[ \t])", re.IGNORECASE
)


def _counted_from(
    text: str, start: int, end: int, raw: _Raw, unit: str | None, hi: int, age: bool
) -> int | None:
    """Return where the counted noun phrase starts, or None after a measure."""
    hyphenated = "-" in text[start:end]
    measured = (unit is not None and not age and unit not in _CURRENCIES and not hyphenated
                and unit != "caliber")
    if not age and (unit is not None or raw.vague or raw.value < 1):
        m = _OF_AFTER.match(text, end, hi)
        if m:
            return m.end()
    return None if measured else end


def _noun_phrase(tokens: list[tuple[int, int, str]]) -> str | None:
    """Return the counted noun phrase the words spell, or None where they count nothing."""
    np_ = " ".join(w for _, _, w in tokens).rstrip("'’") or None
    if np_ and np_[0].isupper() and len(tokens) == 1 and tokens[0][2].isupper():
        return None  # an acronym after a number is a unit or an id, not a counted thing
    if np_ is not None and np_.lower() in {"others", "more"}:
        return None  # "12 others": elided, named by the figure before (``_elided``)
    return np_


def _noun_tokens(
    text: str, pos: int, hi: int
) -> tuple[list[tuple[int, int, str]], str | None, int]:
    """Return the words of the counted noun phrase, a participle modifying it, and its end."""
    tokens: list[tuple[int, int, str]] = []
    modifier: str | None = None
    while len(tokens) < 4:
        t = _next_word(text, pos, hi, bool(tokens))
        if not t:
            break
        word = t.group()
        low_w = word.lower().rstrip("'’")
        if not tokens and low_w in {"more", "additional", "other", "extra", "new"}:
            pos = t.end()
            continue
        participle = not tokens and low_w in _PREDICATES and _plural_next(text, t.end(), hi)
        if participle:
            modifier = word  # "355 damaged shops": a participle before its noun
        elif _ends_noun_phrase(low_w, bool(tokens)):
            break
        tokens.append((t.start(), t.end(), word))
        pos = t.end()
    return tokens, modifier, pos


def _next_word(text: str, pos: int, hi: int, started: bool) -> re.Match[str] | None:
    """Return the next word of a noun phrase; once it has begun, words need a space between."""
    sp = _SPACES.match(text, pos, hi)
    at = sp.end() if sp else pos
    if at == pos and started:
        return None
    return _MODEL_TOKEN.match(text, at, hi) or _TOKEN.match(text, at, hi)


def _ends_noun_phrase(low_w: str, started: bool) -> bool:
    """Tell whether a word ends the counted noun phrase (a stop word or a verb)."""
    if low_w in _STOP or low_w in _PREDICATES:
        return True
    # "residents protesting", "people displaced": the verb ends the phrase
    return started and _VERB_END.search(low_w) is not None


def _list_predicate(text: str, pos: int, hi: int) -> str | None:
    """Return the verb a list of counted things shares.

    "62 aircraft, 53 drones and more than 600 tanks have been destroyed": destroyed.
    """
    if not _LIST_LINK.match(text[pos : pos + 5]):
        return None
    m = _LIST_PREDICATE.search(text, pos, min(hi, pos + 160))
    if m is None:
        return None
    between = text[pos : m.start()]
    verb_like = m.group(1).lower() in _PREDICATES or m.group(1).endswith("ed")
    if not verb_like:
        return None
    if _match(r"[ \t]*(?:and|or)\b", between) or _HAS_DIGIT.search(between):
        return m.group(1)
    if _HAS_CUE.search(between):
        return m.group(1)
    return None


# A model or designation inside a counted phrase: "AK-47s", "12 AK 47 guns", "F-16 jets".
_MODEL_TOKEN = compile_spaced(r"[A-Z]{1,4}(?:-|[ \t])?\d{1,4}[A-Za-z]{0,2}(?![\w-])")


def _plural_next(text: str, pos: int, hi: int) -> bool:
    """Whether a plural common noun follows: "damaged *shops*", not "damaged in"."""
    m = _NEXT_WORD.match(text, pos, hi)
    if m is None:
        return False
    w = m.group(1)
    low = w.lower()
    return (w.islower() and low not in _STOP and low not in _PREDICATES
            and (low in _PLURALS or (low.endswith("s") and not low.endswith("ss"))))


_LIST_PREDICATE = compile_spaced(
    r"\b(?:have|has|had|were|was|are|is)[ \t]+(?:been[ \t]+)?(?:reportedly[ \t]+)?"
    r"([A-Za-z]{3,20})\b"
)
_NEXT_WORD = compile_spaced(r"[ \t]*([A-Za-z][A-Za-z'’-]{0,30})")


def _predicate_after(text: str, pos: int, hi: int) -> str | None:
    for _ in range(6):
        m = _NEXT_WORD.match(text, pos, hi)
        if not m:
            return None
        word = m.group(1).lower()
        pos = m.end()
        if word in _PREDICATES or (word.endswith("ed") and len(word) > 4 and word not in _AUX):
            parts = _AFTER_PARTICLES.get(word)
            if parts:
                n = _NEXT_WORD.match(text, pos, hi)
                if n and n.group(1).lower() in parts:
                    return f"{m.group(1)} {n.group(1)}"
            return m.group(1)
        if word not in _AUX:
            return None
    return None


def _predicate_before(text: str, start: int, lo: int) -> str | None:
    w = _word_before(text, max(lo, start - 32), start)
    if not w:
        return None
    word = w[1].lower()
    if word in _NOT_BEFORE_PREDICATE:
        return None
    if word in _PREDICATES:
        return w[1]
    return None
