r"""Language data shared by the stages: months, weekdays, word lists, one pattern helper.

One home for the English vocabulary that several stages need, so that a new spelling of a
month or a weekday is added once. Only values live here (tuples, frozensets, pattern
source strings) and one function that compiles patterns: no stage logic.

>>> MONTH_NUMBERS["sept"], MONTH_NUMBERS["december"]
(9, 12)
>>> WEEKDAYS.index("thursday")
3
>>> compile_spaced(r"Mar[ \t]+10").fullmatch("Mar\u00a010") is not None
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "MONTH",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NUMBERS",
    "ONCE_TYPES",
    "SINGULAR_EVENT_TYPES",
    "SPACE",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "compile_spaced",
    "lowered",
    "word_alternation",
]

#: Weekday names, lower case, Monday first (so ``WEEKDAYS[date.weekday()]`` names a day).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Abbreviated weekdays as news writes them ("Tues.", "Thurs").
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
#: Month names, lower case, January first.
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
#: Abbreviated months ("Sept." as well as "Sep."); May has none.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                       "nov", "dec")  # fmt: skip
#: Every month name and abbreviation, lower case, to its number (1-12).
MONTH_NUMBERS: Mapping[str, int] = {
    name: n
    for n, month in enumerate(MONTHS, start=1)
    for name in (month, *(a for a in MONTH_ABBREVIATIONS if month.startswith(a)))
}
#: A month name or abbreviation, capitalised, as a non-capturing regular expression:
#: "Jan", "January", "Sep", "Sept", "September" ... (add ``re.I`` or ``(?i:...)`` for any
#: case; the abbreviation's full stop is left to the caller).
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

#: The blanks between two words of scraped news: space, tab, no-break space and narrow
#: no-break space ("Mar\u00a010").
SPACE = "[ \\t\u00a0\u202f]"


@functools.lru_cache(maxsize=512)
def compile_spaced(pattern: str, flags: int = 0) -> re.Pattern[str]:
    r"""Compile ``pattern`` with every ``[ \t`` character class widened to :data:`SPACE`.

    Patterns are written with the ordinary blanks ("[ \t]+", "[ \t,]") and match the
    no-break spaces scraped pages put between words as well. Compiled patterns are cached,
    so a stage may call this at match time.

    >>> compile_spaced(r"(\d+)[ \t]+km").search("12\u202fkm").group(1)
    '12'
    >>> compile_spaced(r"a[ \t,]b").fullmatch("a\u00a0b") is not None
    True
    """
    return re.compile(pattern.replace("[ \\t", SPACE[:-1]), flags)


def lowered(text: str) -> str | None:
    r"""Return ``text.lower()`` if lower-case patterns may be matched on it for ``re.I``.

    A pattern written in lower case (no upper-case letter outside escapes such as ``\b``),
    its letters ASCII, compiled *without* ``re.IGNORECASE`` matches the lowered text at
    the same places as compiled with it matches ``text``: lowering keeps every offset and
    tells word characters, digits and blanks as before (checked over every code point in
    tests/test_fast_paths_extract.py). None where that fails: "\u0130" lowers to two
    characters, and ``re.I`` matches "\u0131" and "\u017f" to "i" and "s", which
    ``lower()`` keeps.

    Case-insensitive matching tests both cases of every letter it reads; the lowered
    search tests one, and a trie of words (see :func:`word_alternation`) passes a wrong
    first letter over at one comparison: the event trigger search was 2.7x faster on the
    lowered ECB+ articles (40 ms against 107 ms).

    >>> lowered("Mar 10"), lowered("\u0130stanbul"), lowered("\u017fo")
    ('mar 10', None, None)
    """
    low = text.lower()
    if len(low) != len(text) or "\u0131" in low or "\u017f" in low:
        return None
    return low


def word_alternation(words: Iterable[str]) -> str:
    r"""Return a group matching any of ``words``, the longest first, as a prefix trie.

    The same matches, in the same order of preference, as the alternation of the words
    sorted longest first (``(?:fire broke out|set on fire|set fire|blaze)``), a space
    in a word matching one or more blanks (``[ \t]+``, for :func:`compile_spaced`). Of
    two words matching at one place one is a prefix of the other, and both patterns try
    the longer first. Python's ``re`` tries every branch of a flat alternation at every
    position; the trie tries only the branches that share the first letter, which made
    the event trigger scan (270 words) 6x faster on ECB+. Words are literal and distinct
    under the flags the pattern is compiled with (give them in one case with
    ``re.IGNORECASE``).

    >>> word_alternation(["set fire", "set on fire", "sank", "sunk"])
    '(?:s(?:ank|et[ \\t]+(?:fire|on[ \\t]+fire)|unk))'
    >>> re.findall(r"\b" + word_alternation(["kill", "killed", "killing"]) + r"\b",
    ...            "killing and killed and kill, skill")
    ['killing', 'killed', 'kill']
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: Mapping[str, Any]) -> str:
    """Pattern of a trie node: its branches, optional when a word ends here (greedy)."""
    branches = [
        ("[ \\t]+" if ch == " " else re.escape(ch)) + _trie_pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


#: Event types of which one participant has only one: a person dies, is killed, is born,
#: pleads to a charge once; a ship sinks once. Mentions of such a type sharing that
#: participant are one event whatever dates or places the sources give it.
ONCE_TYPES = frozenset({"death", "killing", "sinking", "plea", "birth"})
#: Event types of which one party seldom has two on one day in different places.
SINGULAR_EVENT_TYPES = frozenset({"talks", "election", "call"})


#: English function words (articles, prepositions, conjunctions, pronouns, auxiliaries):
#: the common core of the quantity extractor's noun-phrase stops and the quantity check's
#: no-evidence words, each of which adds its own words to it.
FUNCTION_WORDS = frozenset(
    {
        "a",
        "about",
        "according",
        "across",
        "after",
        "against",
        "all",
        "almost",
        "already",
        "also",
        "amid",
        "among",
        "an",
        "and",
        "another",
        "any",
        "approximately",
        "are",
        "around",
        "as",
        "at",
        "be",
        "been",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "down",
        "during",
        "each",
        "every",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "his",
        "how",
        "i",
        "if",
        "in",
        "including",
        "into",
        "is",
        "it",
        "its",
        "just",
        "less",
        "may",
        "might",
        "more",
        "must",
        "near",
        "nearly",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "only",
        "onto",
        "or",
        "other",
        "our",
        "out",
        "over",
        "per",
        "roughly",
        "said",
        "say",
        "says",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "toward",
        "towards",
        "under",
        "up",
        "via",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "you",
        "your",
    }
)
