"""Statement alignment: sentences in different articles that report the same fact (issue 6).

How it works (docs/alignment.md has the full story):

1. **Statements.** Every non-junk sentence, split into clauses at strong boundaries
   (``;``, a spaced dash) when each side still holds enough content words, is a statement
   with exact offsets.
2. **Features.** Each statement becomes a bag of normalised content words (folded,
   lightly stemmed, a small table of general news synonyms, camel-case glue split) in which
   a linked entity mention counts as one token ``ent:<id>`` whatever its spelling, plus the
   resolved dates, quantities and event clusters inside its span.
3. **Candidates.** An inverted index from *keys* (content words and entities whose
   posting list is at most ``AlignConfig.max_postings`` long, and event clusters) to
   statements. Two statements are compared only when they share a key, and a pair that
   shares no key scores 0 by definition: so the indexed aligner returns exactly what the
   all-pairs reference returns, at a cost that grows with the number of articles, not its
   square.
4. **Score.** Weighted overlap of the two bags (weights ``log(1 + K/df)``: rare words
   weigh more, and adding an unrelated article changes no weight) with rapidfuzz matching of
   near-identical long words, a bonus for a shared run of several content words, and
   anchors: shared dates, compatible quantities and the same event raise the score;
   different resolved dates, different events of one type, and different figures from
   articles written days apart lower it. Pairs sharing only their opening words, only
   names and titles, or only boilerplate are rejected.
5. **Selection and groups.** A pair is kept when its score reaches ``min_score`` and
   comes close to (``best_ratio``) the best score either statement reaches in the other's
   article. Kept pairs seed groups, greedily from the strongest pair; a statement joins a
   group only if it reaches ``join_score`` with every member, so groups never chain
   unrelated facts through a middle statement.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import operator
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, Generic, NamedTuple, Protocol, TypeAlias, TypeVar

import attrs
from anyascii import anyascii
from rapidfuzz import fuzz

from discrep._algorithms import capped_postings
from discrep._config import AlignConfig, Config
from discrep._lexicon import WEEKDAYS
from discrep._memo import memo
from discrep._model import (
    Alignment,
    Entity,
    EventCluster,
    Extraction,
    Quantity,
    Statement,
    TimeExpr,
)
from discrep._normalize import GLUED

__all__ = [
    "Collection",
    "PairScore",
    "align_statements",
    "build_statements",
    "candidate_pairs",
    "score_pair",
    "select_and_group",
    "tokens",
]

# Words that carry no fact of their own: function words, reporting verbs, and the
# boilerplate of wire copy ("could not be independently verified", "told reporters").
_STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for from by with without into onto over under
    about above below after before since until as than then that this these those there
    here it its itself they them their theirs he him his she her hers we us our ours you
    your i me my is are was were be been being has have had having do does did done will
    would shall should can could may might must not no nor so too also which who whom whose
    what when where why how while whereas just only very more most much many such some any
    all each both either neither other another one ones own same said says say saying told
    tell tells telling according added adding asked noted stated reportedly reported
    reporting report reports claimed claims claim verify verified verification
    independently immediately confirm confirmed unable able possible comment commented
    statement per cent percent mr mrs ms dr st via etc like well even still yet already now
    later earlier time times new news people thing things way ways around among against
    between across through during within upon off out up down again further once twice back
    however meanwhile date photo credit reporters reporter least nearly almost roughly
    approximately
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# Titles and roles: they say who speaks, not what happened. Two statements sharing only
# names and titles ("Russian Foreign Minister Sergei Lavrov ...") share no fact.
_TITLES = frozenset(
    """
    president presidential minister ministry spokesman spokeswoman spokesperson adviser
    advisor aide secretary chief head leader official officials deputy ambassador governor
    mayor general commander foreign defence defense interior prime vice chairman senator
    envoy representative director counterpart lawyer attorney counsel agent owner
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Number words are figures: quantities compare them, not the word bags.
_NUMBER_WORDS = frozenset(
    """
    zero two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty hundred hundreds thousand thousands million millions billion billions dozen dozens
    """.split()  # noqa: SIM905 - a word list reads best as text
)

# General news vocabulary with several everyday words for one idea. Every word maps to the
# group's first word. Deliberately small and generic: no names, no article's phrasing.
_SYNONYM_GROUPS = (
    "talk negotiation discussion",
    "big large",
    "small little",
    "topple oust overthrow",
    "demilitarize demilitarization disarm disarmament",
    "flee fled",
    "surround encircle encirclement circle",
    "kill dead death die died",
    "wound injure injured wounded",
    "ceasefire truce armistice",
    "begin began begun start started",
    "meet met convene convened",
    "capture seize seized captured",
    "shell shelling bombard bombardment",
    "president presidential",
    "government administration",
    "soldier troop",
    "refugee evacuee",
)
_SYNONYMS: dict[str, str] = {w: g.split()[0] for g in _SYNONYM_GROUPS for w in g.split()}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]{1,2}(?![^\W_]))?")
# Clause boundaries: a semicolon or a spaced dash.
_CLAUSE = re.compile(r";\s|\s[—–-]{1,2}\s")
#: A character every clause boundary holds: searched for by the regex engine's fast scan
#: (a boundary pattern starting at any space is tried at every space).
_CLAUSE_CUE = re.compile(r"[;—–-]")


_Figure = tuple[str, float, str]


@attrs.frozen
class _Stmt:
    """A statement with the features the score reads (internal).

    Kept lean: a compare holds one per sentence or clause of every article at once, so
    what can be derived cheaply per scored pair is (issue 14: memory per article). The
    statement's text is not copied: ``article_text`` is the article's own string and the
    :class:`~discrep._model.Statement` is made from it when asked for. Its dates,
    weekdays, events and anchor keys are sorted tuples, not sets: a set costs 216 bytes
    however few it holds, and the garbage collector follows every set but lets go of a
    tuple of strings and dates (a full collection during the alignment was a tenth of it
    on ECB+, each a pass over everything the compare holds).
    """

    source: str
    start: int
    end: int
    #: The whole text of the statement's article (shared, not a copy).
    article_text: str
    index: int  # position in Collection.statements
    tokens: tuple[str, ...]
    #: Each token as written (folded, lower case), for readable anchors.
    surface: tuple[str, ...]
    #: Tokens that are names: linked entities and words capitalised inside the statement.
    names: tuple[str, ...]
    dates: tuple[dt.date, ...]
    #: Weekday names the statement mentions, resolved or not ("monday").
    weekdays: tuple[str, ...]
    #: The significant figures it states, distinct and sorted: (unit or "", value, what
    #: it counts as normalised words or "").
    figures: tuple[_Figure, ...]
    events: tuple[tuple[str, str], ...]  # (cluster id, event type)
    reference: dt.date | None
    #: Its index keys for resolved dates and significant figures (:func:`_anchor_keys`),
    #: made once: built again for both statements of every pair, a list of dates was
    #: quadratic (issue 16 item 8).
    anchor_keys: tuple[str, ...] = ()

    @property
    def statement(self) -> Statement:
        """The statement quoted from its article."""
        return Statement._quoting(self.source, self.start, self.end, self.article_text)

    @property
    def bag(self) -> frozenset[str]:
        """The distinct tokens."""
        return frozenset(self.tokens)

    @property
    def entities(self) -> frozenset[str]:
        """The ids of the linked entities the statement mentions."""
        return frozenset(t[4:] for t in self.tokens if t.startswith("ent:"))

    @property
    def key(self) -> tuple[str, int, int]:
        """Identity of the statement: (source, start, end)."""
        return (self.source, self.start, self.end)


#: A statement's features as one plain tuple, in the order of :class:`_Stmt`'s fields
#: (``_Stmt(*row)`` makes the statement). The statement alignment holds its statements
#: as rows: a tuple of strings, numbers and dates the garbage collector lets go of at its
#: first pass, where each of the 12k ``_Stmt`` of an ECB+ compare lived on in the oldest
#: generation (half the objects the alignment promoted there, each bringing the next full
#: collection closer). A ``_Stmt`` is made only while a statement is scored.
_Row: TypeAlias = (
    "tuple[str, int, int, str, int, tuple[str, ...], tuple[str, ...], tuple[str, ...],"
    " tuple[dt.date, ...], tuple[str, ...], tuple[_Figure, ...], tuple[tuple[str, str], ...],"
    " dt.date | None, tuple[str, ...]]"
)


def _quoted(coll: Collection, pairs: Iterable[tuple[int, int]]) -> dict[int, Statement]:
    """Return each statement of the ``pairs`` as quoted, by index (no other is read).

    Scoring done, the statements' features (tokens, surface forms, keys, statistics) are
    let go and the selection works on these (issue 14: memory of a plain compare); the
    groups hold the same objects, not one more quote of each member.
    """
    out: dict[int, Statement] = {}
    for i in itertools.chain.from_iterable(pairs):
        if i not in out:
            out[i] = coll.quote(i)
    return out


def _where(st: Statement) -> tuple[str, int, int]:
    """Identity of a statement: (source, start, end)."""
    return (st.source, st.start, st.end)


#: A scored pair as selection reads it: (score, anchors). A plain tuple of a float and
#: strings, which the garbage collector lets go of (a PairScore per kept pair was 6.9k
#: objects it followed on 840 ECB+ articles).
_Scored: TypeAlias = "tuple[float, tuple[str, ...]]"


@attrs.frozen
class Collection:
    """Statements of every article with the collection statistics the score needs.

    Build it with :func:`build_statements`; both the indexed aligner and the brute-force
    reference score pairs against the same ``Collection``.
    """

    statements: tuple[_Stmt, ...]
    #: Number of statements holding each token (entities count as tokens ``ent:<id>``).
    df: Mapping[str, int]
    #: Entity id -> canonical name, for anchors.
    canonical: Mapping[str, str]
    config: AlignConfig
    #: Per statement (by index): the total weight of its distinct tokens, and the weight
    #: of the long words that fuzzy matching may pair up. The sets of distinct tokens and
    #: of long words are made per scored pair (:func:`_bag`, :func:`_fuzzy_words`): kept
    #: for every statement they were the largest part of a compare's memory.
    totals: tuple[float, ...] = ()
    longs: tuple[float, ...] = ()
    weights: Mapping[str, float] = attrs.field(factory=dict)
    #: Per statement: its index keys (see :func:`candidate_pairs`), distinct, computed
    #: once rather than once per candidate pair (a tuple: a set per statement cost 4x).
    keys: tuple[tuple[str, ...], ...] = ()
    #: The statements as rows (see :data:`_Row`), when ``statements`` is left empty: so
    #: the statement alignment holds them (:func:`_collection`).
    rows: tuple[_Row, ...] = ()

    def stmt(self, i: int) -> _Stmt:
        """Return statement ``i`` (made from its row when the collection holds rows)."""
        if self.rows:
            return _Stmt(*self.rows[i])
        return self.statements[i]

    def sources(self) -> list[str]:
        """Return the source of each statement, by index."""
        if self.rows:
            return [row[0] for row in self.rows]
        return [st.source for st in self.statements]

    def quote(self, i: int) -> Statement:
        """Return statement ``i`` as quoted from its article."""
        if self.rows:
            source, start, end, text = self.rows[i][:4]
            return Statement._quoting(source, start, end, text)
        return self.statements[i].statement

    def weight(self, token: str) -> float:
        """Weight of a token: rare tokens weigh more; independent of collection size."""
        w = self.weights.get(token)
        if w is None:
            w = math.log1p(self.config.df_scale / max(1, self.df.get(token, 1)))
            if token.startswith("ent:"):
                w *= self.config.entity_weight
            elif token in _title_stems():
                w *= self.config.title_weight
        return w

    def is_key(self, token: str) -> bool:
        """Tell whether the token is rare enough to index (posting list within the cap)."""
        return self.df.get(token, 0) <= self.config.max_postings


def _normalise_word(word: str) -> str:
    """Fold, lower-case and lightly stem one word; '' for a stopword."""
    return _normalise_folded(anyascii(word).lower(), word)


#: Words that are no token whatever follows: stopwords and number words.
_DROPPED = _STOPWORDS | _NUMBER_WORDS


def _normalise_folded(w: str, word: str) -> str:
    """Return :func:`_normalise_word` of ``word``, given ``w``: it folded and lower case.

    The folded form is the written form a statement keeps (:func:`_fold`): made once
    for both (:func:`_word_entries`).
    """
    if "'" in w:  # (every tail holds one: most words need no test of the three)
        for tail in ("'s", "'", "s'"):
            if w.endswith(tail) and len(w) > len(tail) + 1:
                w = w[: -len(tail)]
                break
        w = w.replace("'", "")
    if not w or w in _DROPPED:
        return ""
    if len(w) < 3 and not (word.isupper() and len(word) == 2):  # keep acronyms: "EU", "UN"
        return ""
    w = _stem(_SYNONYMS.get(w, w))
    if w in _STOPWORDS:
        return ""
    return _stemmed_synonyms().get(w, w)


@lru_cache(maxsize=1)
def _title_stems() -> frozenset[str]:
    return frozenset(_normalise_word(w) for w in _TITLES)


@lru_cache(maxsize=1)
def _stemmed_synonyms() -> dict[str, str]:
    """Synonym table on stems, so "fleeing" meets "fled" and "largest" meets "biggest"."""
    return {_stem(w): _stem(g.split()[0]) for g in _SYNONYM_GROUPS for w in g.split()}


_NOT_SUPERLATIVE = ("otest", "ntest", "vest")


def _stem(w: str) -> str:
    """Strip common English suffixes (a light stemmer).

    Why not a library: Snowball (snowballstemmer 3.1) measured worse on the seed alignment
    (P 0.80, R 0.85 against 0.87, 0.92 here: it keeps superlatives and folds no demonyms),
    and matching only needs inflections folded (plural, past, gerund, superlative, demonym).
    "-est" is a superlative only where no verb or noun ends so: not after "r" or "u"
    (arrest, forest, interest, request) nor in "-otest", "-ntest", "-vest" (protest,
    contest, harvest), so "arrest" and "arrested" meet.

    >>> _stem("arrest") == _stem("arrested"), _stem("forest"), _stem("largest")
    (True, 'forest', 'larg')
    """
    if len(w) <= 3 or w.isdigit():
        return w
    # _singular, _strip_suffix and _final_letters written out, in order: their three
    # calls were a third of the stemming of a word read the first time (19k on ECB+)
    if w[-1] == "s":
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    if w.endswith(_SUFFIX_TAILS):
        for suffix, keep in _SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= keep:
                if not (suffix == "est" and (w[-4] in "ru" or w.endswith(_NOT_SUPERLATIVE))):
                    w = w[: -len(suffix)]
                break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _singular(w: str) -> str:
    """Drop a plural "-s"/"-ies" ("cities" -> "city"; not "-ss", "-us", "-is")."""
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


_SUFFIXES = (("ing", 3), ("ed", 3), ("est", 3), ("ern", 4), ("ian", 3), ("ia", 3))


#: Every suffix of _SUFFIXES: a word ending in none is tested once.
_SUFFIX_TAILS = tuple(suffix for suffix, _ in _SUFFIXES)


def _strip_suffix(w: str) -> str:
    """Drop the first inflection or demonym suffix that leaves enough of the word."""
    if not w.endswith(_SUFFIX_TAILS):
        return w  # most words (one test in C, not one per suffix)
    for suffix, keep in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "est" and (w[-4] in "ru" or w.endswith(_NOT_SUPERLATIVE)):
                return w
            return w[: -len(suffix)]
    return w


def _final_letters(w: str) -> str:
    """Undouble a final consonant ("toppl"/"bigg" -> "big") and drop a final "e"."""
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


#: A word longer than this is no word of prose: cut at its capitals it gave thousands of
#: short pieces shared by any two such texts (issue 16, long_tokens: pairs grew faster
#: than the text).
_LONGEST_WORD = 61


def _words(text: str, start: int, end: int) -> Iterable[tuple[int, int, str]]:
    """(start, end, word) for the words of ``text[start:end]``, camel-case glue split."""
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        pos = m.start()
        if len(word) > _LONGEST_WORD:
            continue  # no word of prose (a hash, a run of random letters and digits)
        if len(word) > 4 and not word.isupper() and not word.islower():
            for part in GLUED.split(word):
                if part:
                    yield pos, pos + len(part), part
                    pos += len(part)
        else:
            yield m.start(), m.end(), word


def tokens(text: str) -> tuple[str, ...]:
    """Return the normalised content words of ``text``, in order.

    >>> tokens("Kharkiv, Ukraine's second-biggest city, was shelled.")
    ('kharkiv', 'ukrain', 'second', 'big', 'city', 'shell')
    >>> tokens("The talks are taking place in western Belarus.")
    ('talk', 'tak', 'plac', 'west', 'belarus')
    """
    return tuple(t for _, _, t in _tokens_at(text, 0, len(text), {}))


def _tokens_at(
    text: str, start: int, end: int, entity_at: Mapping[int, tuple[int, str]]
) -> list[tuple[int, int, str]]:
    """Tokens of a span; a linked mention becomes its ``ent:<id>`` token (``entity_at``).

    The same as :func:`_words` then :func:`_normalise_word` on each word, with the work
    per distinct word done once (:func:`_word_parts`): a third of the statements' set-up
    on ECB+ was this loop.
    """
    out: list[tuple[int, int, str]] = []
    skip_to = -1
    for m in _WORD.finditer(text, start, end):
        pos = m.start()
        for rel_start, rel_end, tok in _word_parts(m.group()):
            ws = pos + rel_start
            if ws < skip_to:
                continue
            hit = entity_at.get(ws)
            if hit is not None:
                out.append((ws, hit[0], hit[1]))
                skip_to = hit[0]
            elif tok:
                out.append((ws, pos + rel_end, tok))
    return out


@memo(maxsize=65536)
def _word_parts(word: str) -> tuple[tuple[int, int, str], ...]:
    """Return the parts of one matched word as :func:`_words` cuts it, with their tokens.

    (start, end) relative to the word, and the normalised token, '' where the part is
    no token (a stopword, a figure: figures are compared as quantities, not words).
    Read from :func:`_word_entries`: the parts of a word follow each other, so each
    ends where the next starts (a word read once for both).
    """
    entries = _word_entries(word)
    if not entries:
        return ()  # too long to be a word
    ends = [ws for ws, _, _, _ in entries[1:]]
    ends.append(len(word))
    return tuple([(ws, we, tok) for (ws, tok, _, _), we in zip(entries, ends, strict=True)])


class _Tokens(NamedTuple):
    """The tokens of a statement, each with its word as written and whether it is a name.

    Written: folded and lower case. A name: a linked entity, or a word capitalised after
    the first.
    """

    tokens: tuple[str, ...]
    surface: tuple[str, ...]
    named: tuple[bool, ...]


_NO_TOKENS = _Tokens((), (), ())


def _statement_tokens(
    text: str,
    start: int,
    end: int,
    entity_at: Mapping[int, tuple[int, str]],
    mentions: Sequence[int],
) -> _Tokens:
    """Return the tokens of :func:`_tokens_at`, with their written forms and name flags.

    ``mentions``: the sorted keys of ``entity_at``. What is read of a word (its tokens,
    written forms, capitals) is made once per distinct word (:func:`_word_tokens`), and
    the words between linked mentions are cut and read in C (``findall``, ``map``),
    with no loop per word: only the words of a mention go through the loop of
    :func:`_tokens_at` (:func:`_mention_tokens`). Tokenising was a third of the
    statements' set-up on ECB+, and the same tokens come out (tests/test_align_fast_paths).
    Each token is three items in a row of one flat list (token, form, capitalised), cut
    apart by slicing: no object per token.
    """
    flat: list[Any] = []  # str, str, bool, str, str, bool...
    cur = start
    # _plain_tokens and the common case of _mention_tokens written out: two calls and a
    # generator per mention were a sixth of tokenising at first sight on ECB+ (22.6k
    # mentions in 12.6k statements)
    find = _WORD.findall
    known = _word_tokens.cache.get
    k = bisect.bisect_left(mentions, start)
    n = len(mentions)
    while k < n and mentions[k] < end:
        ms = mentions[k]
        k += 1
        if ms < cur:
            continue  # inside a mention already read
        if ms > cur and not _WORDISH.match(text, ms - 1):
            # no word runs across ms: the words before it are those of [cur, ms)
            words = find(text, cur, ms)
            got: list[Any] = list(map(known, words))
            if None in got:  # (no entry is None: a tuple)
                got = _read_new(got, words)
            flat += itertools.chain.from_iterable(got)
            cur = ms
        if cur == ms:  # (as the first branch of _mention_tokens)
            first = _WORD.match(text, ms, end)
            stop, token = entity_at[ms]
            if (
                first is not None
                and first.end() - ms <= _LONGEST_WORD
                and ms < stop
                and _WORD_END.match(text, stop - 1, end)
            ):
                flat += (token, _fold(text[ms:stop]), True)
                cur = stop
                continue
        cur = _mention_tokens(text, cur, ms, end, entity_at, flat)
    words = find(text, cur, end)
    got = list(map(known, words))
    if None in got:
        got = _read_new(got, words)
    flat += itertools.chain.from_iterable(got)
    if not flat:
        return _NO_TOKENS
    toks: tuple[str, ...] = tuple(flat[0::3])
    named = flat[2::3]
    named[0] = toks[0].startswith("ent:")  # the first word is a name only if linked
    return _Tokens(toks, tuple(flat[1::3]), tuple(named))


#: A character a word match can hold (see _WORD): where the character before a position
#: is none, no word runs across it.
_WORDISH = re.compile(r"[^\W_]|['’]")
#: The last character of a word match (see _WORD) that ends right after it: no letter
#: and no apostrophe follows.
_WORD_END = re.compile(r"[^\W_](?![^\W_]|['’])")


def _plain_tokens(text: str, start: int, end: int) -> Iterator[str | bool]:
    """Return the flat entries of the words of ``text[start:end]``, no mention among them.

    Each word is looked up in :func:`_word_tokens`' dict in C (``dict.get``), and only
    the words not read yet go through the memo's call: a call per word was a fifth of the
    tokenising on ECB+ (280k words, 19k distinct; a call per word of each span holding a
    new one still cost 7% of the statements' set-up at first sight).
    """
    return itertools.chain.from_iterable(_plain_entries(text, start, end))


def _plain_entries(text: str, start: int, end: int) -> list[tuple[str | bool, ...]]:
    """Return :func:`_word_tokens` of each word of ``text[start:end]``, in order."""
    words = _WORD.findall(text, start, end)
    got: list[Any] = list(map(_word_tokens.cache.get, words))
    if None in got:  # (no entry is None: a tuple)
        got = _read_new(got, words)
    return got


def _read_new(got: list[Any], words: list[str]) -> list[Any]:
    """Return ``got`` with the words not read yet (``None``) read by :func:`_word_tokens`."""
    return [_word_tokens(w) if e is None else e for e, w in zip(got, words, strict=True)]


def _mention_tokens(
    text: str,
    start: int,
    until: int,
    end: int,
    entity_at: Mapping[int, tuple[int, str]],
    flat: list[Any],
) -> int:
    """Read words from ``start`` as :func:`_tokens_at` does, past ``until`` and its mention.

    A linked mention starting at a word (part) is one token, and the word parts it covers
    are skipped. Returns where the last word read ends: no word runs across it, and what
    follows lies past every mention read.
    """
    if start == until:
        # Most mentions (on ECB+): a word starts at the mention and a word ends where it
        # ends. The mention is then its one token and the words it covers are skipped, so
        # the loop below comes to the same without a step per word (a third of the
        # tokenising of mentions at first sight).
        first = _WORD.match(text, start, end)
        stop, token = entity_at[start]
        if (
            first is not None
            and first.end() - start <= _LONGEST_WORD  # (else the word is no token)
            and start < stop
            and _WORD_END.match(text, stop - 1, end)
        ):
            flat += (token, _fold(text[start:stop]), True)
            return stop
    skip_to = -1
    for m in _WORD.finditer(text, start, end):
        pos = m.start()
        for rel_start, tok, form, cap in _word_entries(m.group()):
            ws = pos + rel_start
            if ws < skip_to:
                continue
            hit = entity_at.get(ws)
            if hit is not None:
                skip_to = hit[0]
                flat += (hit[1], _fold(text[ws:skip_to]), True)
            elif tok:
                flat += (tok, form, cap)
        if m.end() > until and m.end() >= skip_to:
            return m.end()
    return end


@memo(maxsize=65536)
def _fold(written: str) -> str:
    """Return a word as written, folded and lower case."""
    return anyascii(written).lower()


@memo(maxsize=65536)
def _word_entries(word: str) -> tuple[tuple[int, str, str, bool], ...]:
    """Return the parts of a matched word (:func:`_word_parts`) with what is read of each.

    Its start in the word, its token ('' for none), its written form (:func:`_fold`) and
    whether it is capitalised.

    Each part is folded once, as :func:`_words` then :func:`_normalise_word` and
    :func:`_fold` of each part would read it: the folded part is both its written form
    and what its token is read from.

    A matched word matched again on its own is one match, itself: so its parts are the
    camel-case pieces of the word (or the word), unless it is too long to be a word. The
    generator of ``_words``, a memo per part's fold and a second fold for its token were
    a third of the cost of a word read the first time (19k on ECB+).
    """
    n = len(word)
    if n > _LONGEST_WORD:
        return ()
    # (a word capitalised and no more, most of the mixed case ones, has no glue: GLUED
    # cuts only before a capital after a small letter or after two capitals)
    if n > 4 and not word.isupper() and not word.islower() and not word[1:].islower():
        out = []
        ws = 0
        for part in GLUED.split(word):
            if part:
                folded = anyascii(part).lower()
                tok = _normalise_folded(folded, part)
                out.append((ws, "" if tok.isdigit() else tok, folded, part[0].isupper()))
                ws += len(part)
        return tuple(out)
    folded = anyascii(word).lower()
    tok = _normalise_folded(folded, word)
    return ((0, "" if tok.isdigit() else tok, folded, word[0].isupper()),)


@memo(maxsize=65536)
def _word_tokens(word: str) -> tuple[str | bool, ...]:
    """Return the tokens of a matched word, each followed by its form and capital."""
    entries = _word_entries(word)
    if len(entries) == 1:  # most words: one part
        _, tok, form, cap = entries[0]
        return (tok, form, cap) if tok else ()
    return tuple(item for _, tok, form, cap in entries if tok for item in (tok, form, cap))


def _clauses(text: str, start: int, end: int, min_tokens: int) -> list[tuple[int, int]]:
    """Split a sentence span at strong clause boundaries when both sides keep content."""
    if not _CLAUSE_CUE.search(text, start, end):
        return [(start, end)]  # no semicolon, no dash: most sentences, found faster
    bounds = [(m.start(), m.end()) for m in _CLAUSE.finditer(text, start, end)]
    if not bounds:
        return [(start, end)]
    # The tokens between each boundary and the next, counted once (a side's count is a
    # sum of them): no word runs across a boundary, which starts at a semicolon or a space
    # and ends after a space, and none holds a word. Counted from the words' entries in C
    # (:func:`_plain_entries`), not from each token's offset: that loop per word was
    # half the cost of cutting clauses at first sight on ECB+.
    edges = [start, *itertools.chain.from_iterable(bounds), end]
    counts = [
        sum(map(len, _plain_entries(text, a, b))) // 3  # (3 items a token)
        for a, b in zip(edges[::2], edges[1::2], strict=True)
    ]
    total = sum(counts)
    cuts = [start]
    left = before = 0  # tokens since the last cut, and before the boundary
    for (b_start, b_end), n in zip(bounds, counts, strict=False):
        left += n
        before += n
        if left >= min_tokens and total - before >= min_tokens:
            cuts.append(b_start)
            cuts.append(b_end)
            left = 0
    cuts.append(end)
    spans = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


class _HasStart(Protocol):
    @property
    def start(self) -> int: ...


_T = TypeVar("_T", bound=_HasStart)


class _Starts(Generic[_T]):
    """Items with a ``start`` offset, sorted once, sliced by offset range in O(log n)."""

    def __init__(self, items: Iterable[_T]) -> None:
        self._items = sorted(items, key=lambda it: it.start)
        self._starts = [it.start for it in self._items]

    def __len__(self) -> int:
        return len(self._items)

    def between(self, a: int, b: int) -> list[_T]:
        """Return the items whose start lies in ``[a, b)``, in offset order."""
        lo = bisect.bisect_left(self._starts, a)
        return self._items[lo : bisect.bisect_left(self._starts, b, lo)]


def build_statements(
    extractions: Sequence[Extraction],
    entities: Sequence[Entity],
    events: Sequence[EventCluster],
    config: Config,
) -> Collection:
    """Cut every article into statements and gather their features and statistics.

    >>> from discrep._model import Article, Sentence
    >>> text = "Rebels seized the port city on Monday. Prices rose."
    >>> sents = (Sentence(0, 38, text), Sentence(39, 51, text))
    >>> ex = Extraction(Article(text, "a"), sents)
    >>> [s.statement.text for s in build_statements([ex], (), (), Config()).statements]
    ['Rebels seized the port city on Monday.']
    """
    coll = _collection(extractions, entities, events, config)
    return attrs.evolve(coll, statements=tuple(_Stmt(*row) for row in coll.rows), rows=())


def _collection(
    extractions: Sequence[Extraction],
    entities: Sequence[Entity],
    events: Sequence[EventCluster],
    config: Config,
) -> Collection:
    """Return :func:`build_statements`' collection with its statements as rows."""
    cfg = config.align
    entity_at, canonical = _entity_positions(entities)
    event_of = {
        (ev.source, ev.start): (cluster.id, cluster.type)
        for cluster in events
        for ev in cluster.events
    }
    stmts: list[_Row] = []
    for ex in sorted(extractions, key=lambda ex: ex.article.source):
        stmts.extend(
            _article_statements(ex, entity_at.get(ex.article.source, {}), event_of, cfg, len(stmts))
        )
    return _with_statistics(stmts, canonical, cfg)


def _entity_positions(
    entities: Sequence[Entity],
) -> tuple[dict[str, dict[int, tuple[int, str]]], dict[str, str]]:
    """Per source, mention start -> (end, entity token); and entity id -> canonical name.

    The entity token (``ent:<id>``) is made once per entity, not once per mention.
    """
    entity_at: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
    canonical: dict[str, str] = {}
    for ent in entities:
        canonical[ent.id] = ent.canonical
        token = "ent:" + ent.id
        for m in ent.mentions:
            entity_at[m.source][m.start] = (m.end, token)
    return entity_at, canonical


def _article_statements(
    ex: Extraction,
    entity_at: Mapping[int, tuple[int, str]],
    event_of: Mapping[tuple[str, int], tuple[str, str]],
    cfg: AlignConfig,
    first_index: int,
) -> list[_Row]:
    """Return the statements of one article, numbered from ``first_index``."""
    art = ex.article
    src = art.source
    reference = art.published or ex.reference_date
    # Each statement takes the times, quantities and events that start inside it: sorted
    # once per article and sliced by bisection, so a huge article costs O(n log n), not a
    # scan of every item per statement.
    times_in = _Starts(t for t in ex.times if t.type != "duration")
    quantities_in = _Starts(ex.quantities)
    events_in = _Starts(e for e in ex.events if (src, e.start) in event_of)
    # (most articles hold no event of a cluster: no search per statement then)
    clustered = len(events_in) > 0
    mentions = sorted(entity_at)
    out: list[_Row] = []
    for start, end, junk in ex.sentences.spans():
        if junk:
            continue
        for a, b in _clauses(art.text, start, end, cfg.min_tokens):
            toks = _statement_tokens(art.text, a, b, entity_at, mentions)
            if len(toks.tokens) < cfg.min_tokens:
                continue
            # A real sentence has far fewer content words than the cap; past it (lists,
            # scraped run-ons) more words add cost, not evidence. Figures past the last
            # compared word are past the cap as well.
            cut = b
            if len(toks.tokens) > cfg.max_tokens:
                cut = _tokens_at(art.text, a, b, entity_at)[cfg.max_tokens][0]
                most = cfg.max_tokens
                toks = _Tokens(toks.tokens[:most], toks.surface[:most], toks.named[:most])
            # (most statements hold no event or figure: () without sorting an empty set)
            inside = events_in.between(a, b) if clustered else ()
            evs = _distinct(event_of[(src, e.start)] for e in inside) if inside else ()
            inside_q = quantities_in.between(a, cut)
            figures = _figures(inside_q, cfg.min_bare_count) if inside_q else ()
            out.append(
                _statement(
                    art.text, src, (a, b), toks, first_index + len(out),
                    times_in.between(a, b), figures, evs, reference,
                )
            )
    return out


def _statement(
    text: str,
    src: str,
    span: tuple[int, int],
    toks: _Tokens,
    index: int,
    times: Sequence[TimeExpr],
    figures: tuple[_Figure, ...],
    events: tuple[tuple[str, str], ...],
    reference: dt.date | None,
) -> _Row:
    a, b = span
    if times:
        dates = _distinct(t.value for t in times if t.value is not None)
        weekdays = _distinct(w for w in map(_weekday, times) if w)
    else:  # most statements: nothing to sort
        dates = weekdays = ()
    return (  # the fields of _Stmt, in order
        src,
        a,
        b,
        text,
        index,
        toks.tokens,
        toks.surface,
        # the names, distinct: linked entities and words capitalised after the first
        tuple(dict.fromkeys(itertools.compress(toks.tokens, toks.named))),
        dates,
        weekdays,
        figures,
        events,
        reference,
        _anchor_keys(dates, figures),
    )


class _Sortable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


_S = TypeVar("_S", bound=_Sortable)


def _distinct(items: Iterable[_S]) -> tuple[_S, ...]:
    """Return ``items`` distinct and sorted (the empty tuple is one shared object)."""
    return tuple(sorted(set(items)))


def _with_statistics(
    rows: Sequence[_Row], canonical: Mapping[str, str], cfg: AlignConfig
) -> Collection:
    """Return the collection with document frequencies, weights and statement totals."""
    # counted in C: a statement's distinct tokens once each
    df = dict(Counter(itertools.chain.from_iterable(map(frozenset, (row[5] for row in rows)))))
    bare = Collection((), df, canonical, cfg, rows=tuple(rows))
    weights = _weights(df, cfg)
    totals, longs, keys = [], [], []
    weight = weights.__getitem__
    # What is tested of a token (long enough to match fuzzily, rare enough to index) is
    # tested once per distinct token, and each statement's tokens are filtered in C: the
    # tests per occurrence were a quarter of this loop on ECB+ (the sets come out the
    # same, made from the tokens in the same order).
    fuzzable = frozenset([t for t in df if len(t) >= 6 and not t.startswith("ent:")])
    keyable = frozenset([t for t, n in df.items() if 1 < n <= cfg.max_postings])
    for row in rows:
        bag = frozenset(row[5])  # as _Stmt.bag
        totals.append(sum(map(weight, bag)))  # summed in the bag's order, as ever
        # (_fuzzy_words of the bag: the same set, made in the same order)
        longs.append(sum(map(weight, frozenset(filter(fuzzable.__contains__, bag)))))
        keys.append(tuple(_keys(row[5], row[13], row[11], keyable)))
    return attrs.evolve(
        bare, totals=tuple(totals), longs=tuple(longs), weights=weights, keys=tuple(keys)
    )


def _weights(df: Mapping[str, int], cfg: AlignConfig) -> dict[str, float]:
    """Return :meth:`Collection.weight` of every token of ``df``, computed as it computes it.

    The logarithm is taken once per distinct frequency (a few dozen), not once per token
    (26k on ECB+), and with no method call per token: the same floats, by the same
    operations, in a third of the time (interleaved, first sight on ECB+).
    """
    scale = cfg.df_scale
    log_of = {n: math.log1p(scale / max(1, n)) for n in set(df.values())}
    titles = _title_stems()
    out = {}
    for tok, n in df.items():
        w = log_of[n]
        if tok.startswith("ent:"):
            w *= cfg.entity_weight
        elif tok in titles:
            w *= cfg.title_weight
        out[tok] = w
    return out


def _fuzzy_words(bag: frozenset[str]) -> frozenset[str]:
    """Return the tokens of a bag long enough for fuzzy matching.

    Always made the same way, so the set iterates in one order wherever it is made.
    """
    # the test of _fuzzable written out: a call per token was a tenth of the statement
    # alignment (the set is made for both statements of every candidate pair)
    return frozenset([t for t in bag if len(t) >= 6 and not t.startswith("ent:")])


def _fuzzable(token: str) -> bool:
    return len(token) >= 6 and not token.startswith("ent:")


def _keys(
    tokens: Sequence[str],
    anchor_keys: Sequence[str],
    events: Sequence[tuple[str, str]],
    keyable: frozenset[str],
) -> set[str]:
    """Return the index keys: tokens rare enough to index (Collection.is_key), anchors.

    ``keyable``: the tokens held by more than one statement and at most ``max_postings``.
    A word no other statement holds pairs nothing and is left out (most of the
    vocabulary: the keys and their posting lists were a tenth of the alignment's memory).
    """
    keys = set(filter(keyable.__contains__, tokens))
    keys.update(anchor_keys)
    # a shared event is a strong anchor on its own: it counts as two keys
    if events:  # (most statements: no generator for none)
        keys.update(f"event{n}:{cid}" for cid, _ in events for n in (1, 2))
    return keys


def _anchor_keys(dates: tuple[dt.date, ...], figures: tuple[_Figure, ...]) -> tuple[str, ...]:
    """Keys for the resolved dates and significant figures a statement states."""
    if not dates and not figures:
        return ()  # most statements
    keys = {"date:" + d.isoformat() for d in dates}
    keys.update(f"figure:{_fmt(value)}" for _, value, _ in figures)
    return _distinct(keys)


def _run_weight(
    a: Sequence[str],
    b: Sequence[str],
    shared: frozenset[str],
    weights: Mapping[str, float],
    enough: float = math.inf,
) -> float:
    """Weight of the heaviest run of consecutive tokens the two statements share.

    Linear in the statement lengths: runs are grown from the positions of each token of
    ``b`` in ``a`` (a bigram table of the ``shared`` tokens only: every token of a run is
    one), not found by a quadratic dynamic programme. A run is measured to its end first
    and weighed only when 3 tokens or more long, and the search stops at a run weighing
    ``enough`` (the score reads ``min(1, run / run_full)``: past ``run_full`` no run
    counts more). Weighing every token as the run grew, through :meth:`Collection.weight`,
    was slower: the 4.8k runs of an ECB+ compare took 33 ms, now 26 (one process, the
    two versions alternated on the same calls).
    """
    if len(shared) < 1:
        return 0.0
    pos: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, bigram in enumerate(itertools.pairwise(a)):  # (no index arithmetic per token)
        if bigram[0] in shared and bigram[1] in shared:
            pos[bigram].append(i)
    if not pos:
        return 0.0
    best = 0.0
    len_a, len_b = len(a), len(b)
    after = False  # whether b's previous bigram is in the table: j is no run's start
    for j, bigram in enumerate(itertools.pairwise(b)):
        starts = pos.get(bigram)
        if after or starts is None:
            after = starts is not None
            continue
        after = True
        for i in starts[:4]:
            k = 2  # a[i:i + 2] == b[j:j + 2]: the bigram
            while i + k < len_a and j + k < len_b and a[i + k] == b[j + k]:
                k += 1
            if k >= 3:
                w = 0.0
                for t in a[i : i + k]:  # summed in order, as the run grows
                    w += weights[t]
                best = max(best, w)
                if best >= enough:
                    return best
    return best


def _fuzzy_shared(
    ua: Sequence[str], ub: Sequence[str], coll: Collection
) -> tuple[float, list[str]]:
    """Match leftover long words across spellings ("Zelenskiy"/"Zelenskyy") with rapidfuzz.

    ``ua`` and ``ub`` hold only words long enough to match (:func:`_fuzzable`). They come
    from sets, whose order follows the string hash seed, so both are sorted and a tie goes to
    the first word in that order: the score is the same in every process, to the last bit.
    """
    return _fuzzy_sorted(sorted(ua), sorted(ub), coll)


def _fuzzy_sorted(
    ua: Sequence[str], ub: Sequence[str], coll: Collection
) -> tuple[float, list[str]]:
    """Return :func:`_fuzzy_shared` of ``ua`` and ``ub`` given sorted."""
    if not ua or not ub:
        return 0.0, []
    cfg = coll.config
    longs_b: dict[str, list[str]] = defaultdict(list)
    for t in ub:
        longs_b[t[:2]].append(t)
    total = 0.0
    words = []
    for t in ua:
        best, best_w = 0.0, ""
        for u in longs_b.get(t[:2], ()):
            r = fuzz.ratio(t, u, processor=None)
            if r > best:
                best, best_w = r, u
        if best >= cfg.fuzzy_word:
            total += min(coll.weight(t), coll.weight(best_w)) * best / 100.0
            words.append(t)
    return total, words



def _fuzzy_grouped(
    ua: Sequence[str], sb: _Side, shared: frozenset[str], coll: Collection
) -> tuple[float, list[str]]:
    """Return :func:`_fuzzy_sorted` of the long words of ``ua`` and of ``sb`` not ``shared``.

    ``ua`` sorted. ``sb``'s long words come grouped by their first two letters, made once
    per statement (:attr:`_Side.prefixed`) where :func:`_fuzzy_sorted` groups them again
    for each pair (a tenth of the scoring at first sight on ECB+); the shared words are
    skipped in each group, so each word of ``ua`` meets the same words in the same order.
    """
    if shared.issuperset(sb.fuzzy):
        return 0.0, []  # (as _fuzzy_sorted of an empty list)
    ua = list(itertools.filterfalse(shared.__contains__, ua))
    if not ua:
        return 0.0, []
    threshold = coll.config.fuzzy_word
    groups = sb.prefixed
    total = 0.0
    words = []
    for t in ua:
        best, best_w = 0.0, ""
        for u in groups.get(t[:2], ()):
            if u in shared:
                continue
            r = fuzz.ratio(t, u, processor=None)
            if r > best:
                best, best_w = r, u
        if best >= threshold:
            total += min(coll.weight(t), coll.weight(best_w)) * best / 100.0
            words.append(t)
    return total, words


def _weekday(t: TimeExpr) -> str:
    """Return the weekday a time expression names or resolves to, '' if none."""
    if t.type == "weekday":
        if t.value is not None:
            return WEEKDAYS[t.value.weekday()]
        word = anyascii(t.text).lower()
        return next((d for d in WEEKDAYS if d in word), "")
    if t.value is not None and t.type in ("date", "ordinal_day"):
        return WEEKDAYS[t.value.weekday()]
    return ""


@lru_cache(maxsize=65536)
def _same_thing(wa: str, wb: str, threshold: float) -> bool | None:
    """Whether two figures count the same thing (None when either does not say what).

    ``wa`` and ``wb`` are what they count as normalised words (see :func:`_figures`).
    """
    if not wa or not wb:
        return None
    return fuzz.token_set_ratio(wa, wb, processor=None) >= threshold


def _figures(quantities: Iterable[Quantity], min_bare: float) -> tuple[_Figure, ...]:
    """Return the significant figures, distinct and sorted: (unit or "", value, what)."""
    found = {
        (q.unit or "", q.value, _what_words(q.what or ""))
        for q in quantities if _significant(q, min_bare)
    }
    return tuple(sorted(found))


@memo(maxsize=4096)
def _what_words(what: str) -> str:
    return " ".join(tokens(what))


def _significant(q: Quantity, min_bare: float) -> bool:
    """Figures worth anchoring on: not vague, and not a bare count below ``min_bare``.

    ``min_bare`` is ``AlignConfig.min_bare_count`` ("two sides" anchors nothing).
    """
    return not q.vague and (q.unit is not None or abs(q.value) >= min_bare)


@attrs.frozen
class PairScore:
    """The score of a statement pair and what it rests on."""

    score: float
    anchors: tuple[str, ...] = ()


_ZERO = PairScore(0.0)


def score_pair(a: _Stmt, b: _Stmt, coll: Collection) -> PairScore:
    """Score how likely statements ``a`` and ``b`` report the same fact.

    The text score (0 to 1 + ``run_bonus``) plus the date, event and quantity bonuses,
    times the conflict factors: 0 to 1.9 with the default AlignConfig. It is compared
    with ``min_score`` uncapped; :attr:`Alignment.score` publishes it capped at 1.

    Symmetric: ``score_pair(a, b) == score_pair(b, a)``. Pairs from one source, and pairs
    that share fewer than ``AlignConfig.min_shared_keys`` index keys, score 0. The shared
    words are listed as an anchor only when the score can keep or join a group.

    >>> from discrep._model import Article, Sentence
    >>> def ex(text, src):
    ...     return Extraction(Article(text, src), (Sentence(0, len(text), text),))
    >>> coll = build_statements([ex("Rebels seized the port of Kherson.", "a"),
    ...                          ex("Rebels captured the port of Kherson.", "b")], (), (), Config())
    >>> ps = score_pair(*coll.statements, coll)
    >>> ps.score > Config().align.min_score, ps.anchors
    (True, ('words:seized,kherson,port,rebels',))
    """
    if a.source == b.source:
        return _ZERO
    if len(set(coll.keys[a.index]).intersection(coll.keys[b.index])) < coll.config.min_shared_keys:
        return _ZERO  # not a candidate (see candidate_pairs)
    return _score_candidate(a, b, coll)


class _Side(NamedTuple):
    """A statement of scored pairs with the sets its scores read (internal).

    Made once per statement for all its candidate pairs in a row (see
    :func:`align_statements`) and not kept: kept for every statement they were the largest
    part of a compare's memory (issue 14).
    """

    st: _Stmt
    bag: frozenset[str]
    #: Its distinct tokens long enough for fuzzy matching, sorted.
    fuzzy: tuple[str, ...]
    #: Its names (see :attr:`_Stmt.names`).
    names: frozenset[str]
    #: Its distinct tokens that are neither names nor titles (see :func:`_rejected`).
    plain: frozenset[str]
    #: Its long words (``fuzzy``) by their first two letters, each group in sorted order
    #: (see :func:`_fuzzy_grouped`).
    prefixed: Mapping[str, list[str]]


def _side(st: _Stmt) -> _Side:
    bag = st.bag
    # sorted once here, not for each pair (see _fuzzy_shared); the test of _fuzzable
    # written out: a call per token was a tenth of the statement alignment
    fuzzy = sorted([t for t in bag if len(t) >= 6 and not t.startswith("ent:")])
    names = frozenset(st.names)
    prefixed: dict[str, list[str]] = {}
    for t in fuzzy:
        prefixed.setdefault(t[:2], []).append(t)
    return _Side(
        st, bag, tuple(fuzzy), names, bag.difference(names, _title_stems()), prefixed
    )


def _score_candidate(a: _Stmt, b: _Stmt, coll: Collection) -> PairScore:
    """Return :func:`score_pair` of a pair :func:`candidate_pairs` drew (two sources)."""
    return _score_sides(_side(a), _side(b), coll)


def _score_sides(
    sa: _Side, sb: _Side, coll: Collection, words_from: float | None = None
) -> PairScore:
    """Return :func:`score_pair` of a candidate pair, each statement with its sets.

    ``words_from``: the least score given the ``words:`` anchor (by default the least a
    group reads, see below).
    """
    if sa.st.index > sb.st.index:  # in key order: statements are numbered by source
        sa, sb = sb, sa
    a, b = sa.st, sb.st
    cfg = coll.config
    shared = sa.bag & sb.bag
    if not shared:
        return _ZERO  # as _rejected: nothing but names (none) in common
    weights = coll.weights
    ws = sum(map(weights.__getitem__, shared))
    if _rejected(sa, sb, shared, ws, coll):
        return _ZERO
    # (the long words come sorted from _side: not sorted again for each pair; the shared
    # ones left out in C, in order)
    fz, fz_words = _fuzzy_grouped(sa.fuzzy, sb, shared, coll)
    text = _words_score(a, b, ws + fz, coll)
    # Most pairs drawn fall short (on ECB+, 10.6k of the 17.6k that pass _rejected): bound
    # the rest of the score by the heaviest stretch of shared words either statement holds
    # (a shared run lies inside one) and the exact date, event and day-gap factors, and let
    # them go before the run and the figures are matched. Weights are positive, so with no
    # stretch in ``a`` (9.7k of the 17.6k) the bound is 0 whatever ``b`` holds.
    run_bound = _stretch_weight(a.tokens, shared, weights)
    if run_bound:
        run_bound = min(run_bound, _stretch_weight(b.tokens, shared, weights))
    most = text + cfg.run_bonus * min(1.0, run_bound / cfg.run_full)
    if _bound_with_anchors(most, a, b, cfg) < min(cfg.min_score, cfg.join_score) - _MARGIN:
        return _ZERO
    run = (
        _run_weight(a.tokens, b.tokens, shared, weights, cfg.run_full) if run_bound else 0.0
    )
    score = text + cfg.run_bonus * min(1.0, run / cfg.run_full)
    entities = sorted(t[4:] for t in shared if t.startswith("ent:"))
    anchors = ["entity:" + coll.canonical.get(e, e) for e in entities]
    score = _with_dates(score, a, b, cfg, anchors)
    score = _with_events(score, a, b, cfg, anchors)
    score = _with_quantities(score, a, b, cfg, anchors)
    # Articles written days apart rarely report the same fact in different words.
    gap = _gap_days(a.reference, b.reference)
    if gap is not None and gap > cfg.max_days_apart:
        score *= cfg.days_apart_factor
    if words_from is None:
        words_from = min(cfg.min_score, cfg.join_score)  # below, no group reads anchors
    if score >= words_from:
        anchors += _word_anchors(a, shared, fz_words, coll)
    return PairScore(score, tuple(anchors))


def _rejected(
    sa: _Side, sb: _Side, shared: frozenset[str], ws: float, coll: Collection
) -> bool:
    """Whether a pair scores 0 before any scoring: too little in common to be a fact."""
    cfg = coll.config
    a, b = sa.st, sb.st
    if _upper_bound(a, b, ws, len(shared), coll) < min(cfg.min_score, cfg.join_score):
        return True  # cannot be kept, and so cannot matter (see select_and_group)
    # Only names and titles in common: the same people, not the same fact.
    # (capitalised mid-sentence in either: a name)
    # The shared words less both sides' names and the titles are the words common to
    # each side's bag less its names and the titles (``shared`` is the two bags'
    # intersection): one test in C of two sets made once per statement, where the
    # difference was a new set per pair (a twentieth of the scoring at first sight).
    if sa.plain.isdisjoint(sb.plain):
        return True
    # Only the opening words ("The United Nations said ...") in common: not a fact.
    return bool(shared) and (
        _only_opening(a.tokens, shared, cfg.opening)
        and _only_opening(b.tokens, shared, cfg.opening)
    )


def _words_score(a: _Stmt, b: _Stmt, ws: float, coll: Collection) -> float:
    """Score the shared words (weight ``ws``, fuzzy matches included); runs come on top."""
    cfg = coll.config
    cosine = ws / math.sqrt(coll.totals[a.index] * coll.totals[b.index])
    # Evidence in absolute terms: sharing several rare words means more than sharing
    # one, however long the sentences are (a long caption against a short report).
    evidence = 1.0 - math.exp(-ws / cfg.evidence_scale)
    return cfg.cosine_share * cosine + (1.0 - cfg.cosine_share) * evidence


#: Slack for the bounds: a pair is let go only when its bound falls short by more than
#: float rounding could account for.
_MARGIN = 1e-9


def _stretch_weight(
    toks: Sequence[str], shared: frozenset[str], weights: Mapping[str, float]
) -> float:
    """Weight of the heaviest stretch of 3 or more consecutive ``shared`` tokens (0 if none).

    A run :func:`_run_weight` counts lies inside such a stretch of each statement, so
    this bounds it; and with no such stretch there is no run.
    """
    best = w = 0.0
    k = 0
    for t in toks:
        if t in shared:
            w += weights[t]
            k += 1
            if k >= 3 and w > best:
                best = w
        elif k:
            w = 0.0
            k = 0
    return best


def _bound_with_anchors(score: float, a: _Stmt, b: _Stmt, cfg: AlignConfig) -> float:
    """Bound the final score of a pair whose text score is at most ``score``.

    The date and event factors and the gap between the articles are applied as
    :func:`_score_candidate` applies them; the figures as if they matched (each step only
    adds to or scales a score, so a bound stays a bound).
    """
    score = _with_dates(score, a, b, cfg, [])
    score = _with_events(score, a, b, cfg, [])
    if a.figures and b.figures:
        score += cfg.quantity_bonus
    gap = _gap_days(a.reference, b.reference)
    if gap is not None and gap > cfg.max_days_apart:
        score *= cfg.days_apart_factor
    return score


def _with_dates(score: float, a: _Stmt, b: _Stmt, cfg: AlignConfig, anchors: list[str]) -> float:
    """Apply the resolved dates when both have them, else the weekdays they name."""
    if a.dates and b.dates:
        common = _dates_match(a.dates, b.dates, cfg.date_window_days)
        if not common:
            return score * cfg.date_conflict
        anchors += ["date:" + d.isoformat() for d in common]
        return score + cfg.date_bonus
    if a.weekdays and b.weekdays:
        if not set(a.weekdays).isdisjoint(b.weekdays):
            return score + cfg.date_bonus / 2
        return score * cfg.date_conflict
    return score


def _with_events(score: float, a: _Stmt, b: _Stmt, cfg: AlignConfig, anchors: list[str]) -> float:
    if not a.events or not b.events:
        return score  # most pairs: no event in common, no type in common
    ea = {c for c, _ in a.events}
    eb = {c for c, _ in b.events}
    if ea & eb:
        anchors += [c if c.startswith("event:") else "event:" + c for c in sorted(ea & eb)]
        return score + cfg.event_bonus
    if {t for _, t in a.events} & {t for _, t in b.events}:
        return score * cfg.event_conflict
    return score


def _with_quantities(
    score: float, a: _Stmt, b: _Stmt, cfg: AlignConfig, anchors: list[str]
) -> float:
    if not a.figures or not b.figures:
        return score  # most pairs: no anchor and no conflict (see _quantity_anchors)
    q_anchor, q_conflict = _quantity_anchors(a, b, cfg)
    if q_anchor:
        anchors += q_anchor
        return score + cfg.quantity_bonus
    return score * cfg.quantity_conflict if q_conflict else score


def _word_anchors(
    a: _Stmt, shared: frozenset[str], fz_words: Sequence[str], coll: Collection
) -> list[str]:
    """Return the ``words:`` anchor: the heaviest shared words as ``a`` writes them."""
    weights = coll.weights  # (every token of a statement has its weight there)
    words = sorted(
        (t for t in shared if not t.startswith("ent:")), key=lambda t: (-weights[t], t)
    )
    # Each word as first written: the shared and fuzzy words are tokens of ``a``, so
    # each is found by one search in C, not through a table of all a's tokens.
    toks, surface = a.tokens, a.surface
    out = [surface[toks.index(t)] for t in words[: coll.config.max_anchor_words]]
    out += [surface[toks.index(t)] for t in sorted(fz_words)[:2]]
    return ["words:" + ",".join(out)] if out else []


def _upper_bound(a: _Stmt, b: _Stmt, ws: float, n_shared: int, coll: Collection) -> float:
    """Bound :func:`score_pair` cheaply, to skip pairs that cannot reach ``min_score``."""
    cfg = coll.config
    wmax = ws + min(coll.longs[a.index], coll.longs[b.index])
    norm = math.sqrt(coll.totals[a.index] * coll.totals[b.index])
    bound = cfg.cosine_share * min(1.0, wmax / norm)
    bound += (1.0 - cfg.cosine_share) * (1.0 - math.exp(-wmax / cfg.evidence_scale))
    if n_shared >= 3:
        bound += cfg.run_bonus
    if (a.dates or a.weekdays) and (b.dates or b.weekdays):
        bound += cfg.date_bonus
    if a.events and b.events:
        bound += cfg.event_bonus
    if a.figures and b.figures:
        bound += cfg.quantity_bonus
    return bound


def _only_opening(toks: Sequence[str], shared: frozenset[str], opening: int) -> bool:
    if len(toks) <= opening + 2:
        return False
    return shared.isdisjoint(toks[opening:])  # no shared token past the opening


def _dates_match(
    da: tuple[dt.date, ...], db: tuple[dt.date, ...], window: int
) -> list[dt.date]:
    return sorted(d for d in da if any(abs((d - e).days) <= window for e in db))


def _gap_days(ra: dt.date | None, rb: dt.date | None) -> int | None:
    if ra is None or rb is None:
        return None
    return abs((ra - rb).days)


def _quantity_anchors(a: _Stmt, b: _Stmt, cfg: AlignConfig) -> tuple[list[str], bool]:
    """Return anchors for one figure of one thing, and whether the figures differ across days.

    Different figures of the same thing from articles written days apart are a count at two
    dates: not the same fact. Not all pairs of figures (a scraped casualty list states
    thousands): figures are bucketed by unit and what they count, each pair of buckets is
    judged once, and values are matched by bisection in sorted lists.
    """
    gap = _gap_days(a.reference, b.reference)
    changes = gap is not None and gap > cfg.max_update_days
    theirs = _buckets(b.figures)
    tol = cfg.quantity_tolerance
    anchors: set[str] = set()
    differ = False
    for unit, by_what in _buckets(a.figures).items():
        other = theirs.get(unit)
        if other is None:
            continue
        for wa, values_a in by_what:
            judged, pool = _judged(wa, other, cfg.quantity_what_ratio)
            anchors.update("quantity:" + _fmt(v) for v in values_a if _close_in(pool, v, tol))
            differ = differ or (
                changes and any(same and _any_apart(values_a, vb, tol) for same, vb in judged)
            )
    return sorted(anchors), differ


@lru_cache(maxsize=16384)
def _judged(
    wa: str, theirs: tuple[tuple[str, tuple[float, ...]], ...], ratio: float
) -> tuple[tuple[tuple[bool | None, tuple[float, ...]], ...], tuple[float, ...]]:
    """Judge what each bucket of ``theirs`` counts against ``wa``; pool the comparable values.

    The pool holds the values of every bucket counting the same thing or not saying what,
    sorted: one bisection per value instead of one per value and bucket. Cached: a
    statement of a figure list meets dozens of others that count the same few things.
    """
    judged = tuple((_same_thing(wa, wb, ratio), vb) for wb, vb in theirs)
    return judged, tuple(sorted(v for same, vb in judged if same is not False for v in vb))


@lru_cache(maxsize=4096)
def _buckets(
    figures: tuple[_Figure, ...],
) -> Mapping[str, tuple[tuple[str, tuple[float, ...]], ...]]:
    """Figures by unit, then by what they count: sorted distinct values (read only).

    Cached: a statement meets up to ``AlignConfig.max_partners`` others, and its buckets
    were built again for each.
    """
    out: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for unit, value, what in figures:  # figures come sorted and distinct
        out[unit][what].append(value)
    return {
        unit: tuple((what, tuple(values)) for what, values in by_what.items())
        for unit, by_what in out.items()
    }


def _close(x: float, y: float, tolerance: float) -> bool:
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def _close_in(values: Sequence[float], value: float, tolerance: float) -> bool:
    """Whether a value of the sorted ``values`` is within ``tolerance`` of ``value``."""
    if tolerance >= 1.0:
        return any(_close(value, v, tolerance) for v in values)
    # |v - value| <= t * max(|v|, |value|) implies |v - value| <= t * |value| / (1 - t)
    reach = tolerance * abs(value) / (1.0 - tolerance)
    lo = bisect.bisect_left(values, value - reach)
    hi = bisect.bisect_right(values, value + reach)
    return any(_close(value, v, tolerance) for v in values[lo:hi])


def _any_apart(values_a: Sequence[float], values_b: Sequence[float], tolerance: float) -> bool:
    """Whether some pair across the sorted lists is not within ``tolerance``.

    The values close to one value form an interval: checking ``values_b``'s extremes
    against each value of ``values_a`` is enough.
    """
    lo, hi = values_b[0], values_b[-1]
    if tolerance < 0.5:
        # So too for the values close to both extremes (an interval): checking the
        # extremes of ``values_a`` is enough (a figure list states thousands; this loop
        # was a tenth of the scoring on ECB+). Within the tolerance the subtraction is
        # exact (the values lie within a factor of 2), so it holds in floats.
        values_a = (values_a[0], values_a[-1])
    return any(not (_close(v, lo, tolerance) and _close(v, hi, tolerance)) for v in values_a)


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else repr(value)


def candidate_pairs(coll: Collection) -> set[tuple[int, int]]:
    """Index pairs of statements that share a key (inverted index; no all-pairs loop).

    >>> from discrep._model import Article, Sentence
    >>> def ex(text, src):
    ...     return Extraction(Article(text, src), (Sentence(0, len(text), text),))
    >>> coll = build_statements([ex("Rebels seized the port of Kherson.", "a"),
    ...                          ex("Farmers expect a record wheat harvest.", "b"),
    ...                          ex("Rebels captured the port of Kherson.", "c")], (), (), Config())
    >>> sorted(candidate_pairs(coll))
    [(0, 2)]
    """
    return set(zip(*_candidates(coll), strict=True))


#: Candidate pairs ``(first[k], second[k])``, ``first[k] < second[k]``, in sorted order.
#: Two machine integers a pair: as a set of tuples (and a dict of partner lists to check
#: the cap) they were the largest transient of the statement alignment (issue 14: 9.6 KB
#: per article on ECB+, now 0.4).
_Pairs: TypeAlias = "tuple[array[int], array[int]]"


def _candidates(coll: Collection) -> _Pairs:
    """Return the pairs of :func:`candidate_pairs`, sorted, as two arrays."""
    first, second = _shared_key_pairs(coll)
    return _capped(first, second, coll.keys, coll.config.max_partners)


def _shared_key_pairs(coll: Collection) -> _Pairs:
    """Pairs of statements of two sources sharing ``min_shared_keys`` selective keys.

    The pairs of :func:`discrep._algorithms.indexed_pairs` with ``apart`` the sources,
    drawn faster from how the statements are numbered: source by source (see
    :func:`build_statements`), so the later statements of another source are a suffix of
    each posting list, cut by one bisection and counted in C (``Counter``), not tested
    one by one (the generic loop was a quarter of the statement alignment on ECB+). A key
    held by more than ``max_postings`` statements (an event mentioned everywhere) is not
    selective and pairs nothing, so the work is at most ``max_postings`` per key held.
    """
    cfg = coll.config
    keys = coll.keys
    # tuples of ints, none past the cap (see capped_postings); each item's keys distinct
    postings = capped_postings(keys, cfg.max_postings)
    need = cfg.min_shared_keys
    first: array[int] = array("q")
    second: array[int] = array("q")
    for i, end in _source_ends(coll.sources()):
        later: list[int] = []
        # (the postings of its keys looked up in C: a key past the cap has none)
        for idx in filter(None, map(postings.get, keys[i])):
            if idx[-1] >= end:
                later += idx[bisect.bisect_left(idx, end) :]
        if later:
            js = _held_at_least(later, need)
            second.extend(js)
            first.extend(itertools.repeat(i, len(js)))
    return first, second


def _held_at_least(items: list[int], need: int) -> list[int]:
    """Return the items that occur ``need`` times or more in ``items``, sorted, distinct.

    ``items`` is sorted in place. In a sorted list an item occurs ``need`` times or more
    exactly when it equals the item ``need - 1`` places on: so the items are compared
    pairwise in C (``map``, ``compress``), not counted (``Counter``) then tested one by
    one in Python (measured: the count and the test were half the candidate pairs' cost).
    """
    items.sort()
    if need <= 1:
        return list(dict.fromkeys(items))
    later = items[need - 1 :]
    return list(dict.fromkeys(itertools.compress(later, map(operator.eq, items, later))))


def _source_ends(sources: Sequence[str]) -> Iterator[tuple[int, int]]:
    """For each statement, its index and the index just past the last of its source.

    Statements are numbered source by source, so each source's statements are one run.
    """
    start = 0
    while start < len(sources):
        source = sources[start]
        end = start + 1
        while end < len(sources) and sources[end] == source:
            end += 1
        yield from zip(range(start, end), itertools.repeat(end))
        start = end


def _capped(
    first: array[int], second: array[int], keys: Sequence[Sequence[str]], cap: int
) -> _Pairs:
    """Keep each statement's ``cap`` partners sharing the most keys (ties: lower index).

    A pair stays when either side keeps it, so at most ``cap`` pairs per statement: linear
    in the statements however many figures lists of them share (issue 16). Only the
    statements past the cap have their partners listed (a dict of every statement's
    partners was 8 KB per article at its peak on ECB+).
    """
    degree = [0] * len(keys)
    for i in itertools.chain(first, second):
        degree[i] += 1
    over = {i for i, n in enumerate(degree) if n > cap}
    if not over:
        return first, second
    partners: dict[int, list[int]] = defaultdict(list)
    for i, j in zip(first, second, strict=True):
        if i in over:
            partners[i].append(j)
        if j in over:
            partners[j].append(i)
    top: dict[int, set[int]] = {}
    for i, ps in partners.items():
        mine = set(keys[i])
        top[i] = set(sorted(ps, key=lambda j: (-len(mine.intersection(keys[j])), j))[:cap])
    kept_first: array[int] = array("q")
    kept_second: array[int] = array("q")
    for i, j in zip(first, second, strict=True):
        if i not in over or j not in over or j in top[i] or i in top[j]:
            kept_first.append(i)
            kept_second.append(j)
    return kept_first, kept_second


def select_and_group(
    scored: Mapping[tuple[int, int], PairScore], coll: Collection
) -> tuple[Alignment, ...]:
    """Keep the pairs that pass the thresholds and group them into cliques.

    ``scored`` maps index pairs ``(i, j)`` (``i < j``) to their scores; pairs absent score 0.

    >>> from discrep._model import Article, Sentence
    >>> def ex(text, src):
    ...     return Extraction(Article(text, src), (Sentence(0, len(text), text),))
    >>> coll = build_statements([ex("Rebels seized the port of Kherson.", "a"),
    ...                          ex("Rebels captured the port of Kherson.", "b")], (), (), Config())
    >>> groups = select_and_group({(0, 1): PairScore(0.9, ("words:port",))}, coll)
    >>> [(len(g.statements), g.score) for g in groups]
    [(2, 0.9)]
    >>> select_and_group({(0, 1): PairScore(0.1)}, coll)
    ()
    """
    best: dict[tuple[int, str], float] = defaultdict(float)
    sources = coll.sources()
    for (i, j), ps in scored.items():
        _note_best(best, i, j, ps.score, sources)
    plain = {p: (ps.score, ps.anchors) for p, ps in scored.items()}
    return _select(plain, best, _quoted(coll, scored), coll.config)


def _note_best(
    best: dict[tuple[int, str], float],
    i: int,
    j: int,
    score: float,
    sources: Sequence[str],
) -> None:
    """Raise the best score each of ``i`` and ``j`` reaches in the other's article."""
    si, sj = sources[i], sources[j]
    best[(i, sj)] = max(best[(i, sj)], score)
    best[(j, si)] = max(best[(j, si)], score)


def _select(
    scored: Mapping[tuple[int, int], _Scored],
    best: Mapping[tuple[int, str], float],
    stmts: Mapping[int, Statement],
    cfg: AlignConfig,
) -> tuple[Alignment, ...]:
    """Keep the pairs that pass the thresholds (``best``: see :func:`_note_best`), and group."""
    kept: dict[tuple[int, int], _Scored] = {}
    for (i, j), ps in scored.items():
        if ps[0] < cfg.min_score:
            continue
        si, sj = stmts[i].source, stmts[j].source
        if ps[0] < cfg.best_ratio * max(best[(i, sj)], best[(j, si)]):
            continue
        kept[(i, j)] = ps
    join = min(cfg.join_score, cfg.min_score)
    # Every kept pair reaches ``join``; when every scored pair does too (as
    # align_statements leaves them) the scored pairs are the joinable ones: not copied.
    joinable: Mapping[tuple[int, int], _Scored] = scored
    if any(ps[0] < join for ps in scored.values()):
        joinable = {p: ps for p, ps in scored.items() if ps[0] >= join}
    return _group(kept, joinable, stmts)


def _group(
    kept: Mapping[tuple[int, int], _Scored],
    joinable: Mapping[tuple[int, int], _Scored],
    stmts: Mapping[int, Statement],
) -> tuple[Alignment, ...]:
    """Greedy clique cover seeded by the kept pairs, strongest pair first.

    A group grows by statements that reach ``join_score`` with *every* member (hysteresis:
    strong pairs start groups, a lower bar lets a third version of the fact join).
    """
    # partner -> score: dicts of floats, which the garbage collector lets go of
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), (score, _) in joinable.items():
        neighbours[i][j] = score
        neighbours[j][i] = score
    order = sorted(
        kept, key=lambda p: (-kept[p][0], _where(stmts[p[0]]), _where(stmts[p[1]]))
    )
    covered: set[tuple[int, int]] = set()
    out: list[tuple[float, Alignment]] = []
    for i, j in order:
        if (i, j) in covered:
            continue
        members = _grow(i, j, neighbours, stmts)
        out.append(_alignment(members, kept[(i, j)][1], joinable, covered, stmts))
    # strongest first by the uncapped score (groups capped at 1 keep their order)
    out.sort(key=lambda x: (-x[0], [(s.source, s.start) for s in x[1].statements]))
    return tuple(al for _, al in out)


def _grow(
    i: int,
    j: int,
    neighbours: Mapping[int, Mapping[int, float]],
    stmts: Mapping[int, Statement],
) -> list[int]:
    """Return the seed pair and each statement (one per source) joinable with all members."""
    members = [i, j]
    sources = {stmts[i].source, stmts[j].source}
    cands = sorted(
        (set(neighbours[i]) & set(neighbours[j])),
        key=lambda c: (-(neighbours[i][c] + neighbours[j][c]), _where(stmts[c])),
    )
    for c in cands:
        if stmts[c].source in sources:
            continue
        if all(c in neighbours[m] for m in members):
            members.append(c)
            sources.add(stmts[c].source)
    return members


def _alignment(
    members: list[int],
    seed: tuple[str, ...],
    joinable: Mapping[tuple[int, int], _Scored],
    covered: set[tuple[int, int]],
    stmts: Mapping[int, Statement],
) -> tuple[float, Alignment]:
    """Return the group's score and the group as an Alignment; mark its pairs ``covered``.

    The score is the weakest pair's, uncapped; the Alignment's is capped at 1 (see
    :attr:`Alignment.score`). Anchors are those every pair of the group shares, plus the
    seed pair's shared words.
    """
    pair_scores = []
    common = {a for a in seed if not a.startswith("words:")}
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            p = (min(members[x], members[y]), max(members[x], members[y]))
            covered.add(p)
            pair_scores.append(joinable[p][0])
            common &= set(joinable[p][1])
    anchors = [a for a in seed if a in common or a.startswith("words:")]
    members = sorted(members, key=lambda m: _where(stmts[m]))
    score = round(min(pair_scores), 6)
    return score, Alignment(
        statements=tuple(stmts[m] for m in members),
        score=min(score, 1.0),
        anchors=tuple(anchors),
    )


#: At most this many statements' sets are held at once while scoring (see :func:`_scored`).
_MAX_SIDES = 4096


def _scored(
    pairs: _Pairs, coll: Collection, words_from: float | None = None
) -> Iterator[tuple[int, int, PairScore]]:
    """Score the candidate ``pairs`` (sorted), each statement's sets made once.

    ``words_from``: see :func:`_score_sides`.

    A statement's sets (:class:`_Side`) are kept from its first pair to its last, and at
    most ``_MAX_SIDES`` at once (beyond, they are made for each pair). In sorted order
    the partners of a statement come close together: on ECB+ at most 648 are held, and
    each is made once instead of once per pair (7.5k for 21k pairs).
    """
    last = _last_pairs(pairs)
    sides: dict[int, _Side] = {}
    for k, (i, j) in enumerate(zip(*pairs, strict=True)):
        sa, sb = sides.get(i), sides.get(j)
        if sa is None:
            sa = _side(coll.stmt(i))
            if len(sides) < _MAX_SIDES:
                sides[i] = sa
        if sb is None:
            sb = _side(coll.stmt(j))
            if len(sides) < _MAX_SIDES:
                sides[j] = sb
        yield i, j, _score_sides(sa, sb, coll, words_from)
        if last[i] == k:
            sides.pop(i, None)
        if last[j] == k:
            sides.pop(j, None)


def _last_pairs(pairs: _Pairs) -> dict[int, int]:
    """Return each statement of the sorted ``pairs`` -> the position of its last pair.

    Sorted, a statement's pairs as the second (``j``, partner of a lower ``i``) all come
    before its pairs as the first: so the last position as the first, when it has one,
    overwrites the last as the second. Made in C (``dict``, ``zip``): counting each
    statement's pairs (``Counter``) then counting them down in a loop per pair was a
    tenth of the scoring loop's own time at first sight on ECB+.
    """
    last = dict(zip(pairs[1], itertools.count()))
    last.update(zip(pairs[0], itertools.count()))
    return last


def align_statements(
    extractions: Sequence[Extraction],
    entities: Sequence[Entity],
    events: Sequence[EventCluster],
    config: Config,
) -> tuple[Alignment, ...]:
    """Group statements from different articles that report the same fact.

    >>> from discrep._model import Article, Sentence
    >>> def ex(text, src):
    ...     return Extraction(Article(text, src), (Sentence(0, len(text), text),))
    >>> a = ex("Rebels seized the port of Kherson after heavy shelling.", "a")
    >>> b = ex("After heavy shelling, rebels captured the port of Kherson.", "b")
    >>> [[s.source for s in al.statements] for al in align_statements([a, b], (), (), Config())]
    [['a', 'b']]
    """
    coll = _collection(extractions, entities, events, config)
    sources = coll.sources()
    # As select_and_group, but a pair too weak to keep or join is let go once it has
    # raised its statements' best scores: most scored pairs are (issue 14: memory).
    # Only a pair reaching ``min_score`` can be kept, and the best score it is measured
    # against is then at least its own: weaker pairs never raise a best that matters, so
    # they are not noted (most scored pairs; the same selection as select_and_group).
    join = min(config.align.join_score, config.align.min_score)
    least = config.align.min_score
    best: dict[tuple[int, str], float] = defaultdict(float)
    scored: dict[tuple[int, int], _Scored] = {}
    # One string for each anchor kept: the same few entities, dates and figures anchor
    # many pairs (on ECB+, 5.6k distinct of 20k, 1.2 KB per article).
    anchors: dict[str, str] = {}
    pairs = _candidates(coll)
    # The index keys only served to draw the pairs.
    coll = attrs.evolve(coll, keys=())
    # The ``words:`` anchor is read only of a group's seed, a pair reaching ``min_score``
    # (see _alignment): the pairs only joining a group go without (2.6k of the 6.9k on ECB+).
    for i, j, ps in _scored(pairs, coll, words_from=least):
        if ps.score > 0 and ps.score >= join:
            kept = tuple([anchors.setdefault(a, a) for a in ps.anchors])
            scored[(i, j)] = (ps.score, kept)
            if ps.score >= least:
                _note_best(best, i, j, ps.score, sources)
    # Let go of the statements' features before selecting: the selection reads where
    # each statement is, nothing else.
    del pairs, anchors
    quoted = _quoted(coll, scored)
    del coll
    return _select(scored, best, quoted, config.align)
