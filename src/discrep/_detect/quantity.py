"""The `quantity` check: figures about the same fact that cannot both be true.

"Same fact" is decided from what the figures say, not from how alike their sentences
read (docs/quantities.md):

- the same measure: the same counted thing (head noun, singular and plural alike,
  persons folded together; a model designation such as "AK-47" is its own thing;
  modifiers that agree), or the same kind of unit, with the measure noun of a sum of
  money ("damage", "cost", "bail");
- predicates that do not disagree (killed = dead = died; injured = hurt = wounded; ...);
- the same place scope (places after "in", "at", "near" overlap when both name one) and
  the same kind of duration ("two weeks ago" vs "two weeks before the shooting");
- evidence that it is one fact: content words shared by the few words around the two
  figures (stemmed, numbers masked), entities linked across the articles in the two
  sentences (a pronoun stands for the person named last before it), and a specific
  measure (a weight, a calibre, a sum of damage) counting for one shared word.

Such a pair is a conflict when the intervals the words allow are disjoint: a figure
stated "about 2,000" covers about 1,900 to 2,100, adjacent whole numbers never overlap.
A figure reported on a later date than another is an *update* when the measure can
change (casualties, arrests, a running total), not a conflict; "N weeks ago" is dated
from its article's date.

Candidate pairs are blocked by measure and drawn, across the articles of a block, from an
index of what two figures of one fact must share (:func:`_fact_keys`: a word, an anchor, a
place, a subject, a model designation), then, within each pair of articles, from an index
of the words around each figure: the work per figure is bounded, whatever the length of
its sentence or the number of figures in the block, and each figure is judged only against
its best counterpart in each other article (one-to-one, best evidence first).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Generic, Literal, TypeVar

import attrs
from rapidfuzz import fuzz, utils

from discrep._config import Config, QuantityConfig
from discrep._detect import Context, _holder, claim
from discrep._detect._occasion import (
    PLAIN,
    Occasion,
    Scores,
    article_scores,
    article_time,
    occasion_of,
    same_occasion,
    sorted_times,
)
from discrep._gazetteer import by_id, compatible
from discrep._lexicon import FUNCTION_WORDS
from discrep._memo import memo
from discrep._model import Discrepancy, Entity, Extraction, Mention, Quantity
from discrep._units import unit_factor

__all__ = ["find", "relation"]

Relation = Literal["unrelated", "agree", "update", "conflict"]

# Heads that all count persons: "5,000 people killed" and "5,000 civilians killed" are
# compared; "soldiers", "children" and "troops" are not folded into them.
_PERSONS = frozenset(
    [
        "people",
        "persons",
        "person",
        "individuals",
        "refugees",
        "residents",
        "inhabitants",
        "civilians",
    ]
)
# Predicates that measure the same thing, by group. A figure of one of these groups may
# change from one report to the next (an update); other measures are fixed facts.
_GROUP_WORDS = {
    "killed": "killed dead died die dies dying perished slain killing kill deaths",
    "injured": "injured wounded hurt injuring wounding",
    "fled": "fled flee flees fleeing displaced",
    "trapped": "trapped stranded besieged",
    "captured": "captured detained arrested taken prisoner hostage captive",
    "destroyed": "destroyed destroying downed",
    "damaged": "damaged hit struck",
    "evacuated": "evacuated evacuate rescued",
    "missing": "missing",
    "mobilized": "mobilized mobilised mobilizing mobilising deployed sent sending",
}
_PREDICATE_GROUPS: Mapping[str, str] = MappingProxyType(
    {w: group for group, words in _GROUP_WORDS.items() for w in words.split()}
)
# Measures that only grow over time: a later, smaller figure contradicts an earlier one.
_CUMULATIVE = frozenset({"killed", "injured", "fled", "destroyed", "damaged", "captured"})
# An explicit date after these words bounds a period rather than dating the figure.
_PERIOD_WORD = re.compile(r"(?:since|from|after|until|till|before|by)\s+$", re.IGNORECASE)
# "in Kyiv", "in the port city of Mariupol", "near Chernihiv": at most four words between.
# Opened as ``_LOCATIVE_WORD`` is (``(?<!\w)`` and a lookahead on the first letters for
# ``\b``): 2.2 -> 1.6 us per 40 characters before a place of ECB+ (session 11; the plain
# form is the equivalence test's oracle).
_LOCATIVE = re.compile(
    r"(?<!\w)(?=[inaot])(?:in|at|near|around|outside|inside|across|throughout)\s+"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# A running total ("so far", "since February 24") is not the figure of one event. Written
# as ``_LOCATIVE_WORD`` is: one ``(?<!\w)`` and a lookahead on the first letters for the
# ``\b`` opening each phrase (9.5 -> 5.8 us a sentence of ECB+; equivalence test).
_RUNNING_TOTAL = re.compile(
    r"(?<!\w)(?=[stiaocu])(?:(?:so|thus)\s+far\b|to\s+date\b|in\s+(?:total|all)\b"
    r"|altogether\b|overall\b|cumulative\b|since\b|a\s+total\s+of\b|(?:until|up\s+to)\s+now\b)",
    re.IGNORECASE,
)
# The lookahead on the words' first letters lets the scan pass over other words at once,
# and ``(?<!\w)`` before a letter is ``\b``: half the time of the plain ``\b(?:in|at|...)``
# (13.9 -> 7.1 us per 180 characters of ECB+ text), same matches (equivalence test).
_LOCATIVE_WORD = re.compile(
    r"(?<!\w)(?=[inaot])(?:in|at|near|around|outside|inside|across|throughout)\b",
    re.IGNORECASE,
)
_LONGEST_LOCATIVE = len("throughout")
_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+){0,2}")
# What a sum of money measures: the nearest of these nouns around it names the fact.
_MONEY_NOUNS = frozenset(
    [
        "damage",
        "damages",
        "cost",
        "costs",
        "price",
        "bail",
        "fine",
        "fines",
        "budget",
        "salary",
        "wage",
        "wages",
        "deal",
        "contract",
        "bill",
        "loss",
        "losses",
        "revenue",
        "revenues",
        "profit",
        "profits",
        "compensation",
        "settlement",
        "ransom",
        "reward",
        "bounty",
        "donation",
        "donations",
        "aid",
        "debt",
        "fee",
        "fees",
        "payment",
        "payments",
        "income",
        "sales",
        "tax",
    ]
)
# Words that say how a duration is placed in time: they must agree ("two weeks ago" is
# not "two weeks before the shooting").
_TIME_RELATIONS = frozenset({"ago", "before", "after", "later", "earlier", "since"})
# Verbs of moving back, folded to one word.
_SYNONYMS: Mapping[str, str] = MappingProxyType(
    {
        "feet": "foot",
        "returned": "return",
        "returning": "return",
        "return": "return",
        "came back": "return",
        "come back": "return",
        "moved back": "return",
        "move back": "return",
        "went back": "return",
        "go back": "return",
    }
)
_SYNONYM_RE = re.compile(r"\b(?:came|come|moved|move|went|go)\s+back\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–()\"“”]|,\s")


def _returns(text: str) -> str:
    """Fold "came back", "moved back", ... to "return" (the search only where "back" is)."""
    return _SYNONYM_RE.sub("return", text) if "back" in text.lower() else text
# Words that carry no evidence that two figures state one fact.
_STOPWORDS = FUNCTION_WORDS | {
    "allegedly", "billion", "dozen", "dr", "eight", "eleven", "first", "five", "four", "half",
    "him", "hundred", "last", "million", "mr", "mrs", "ms", "nine", "one", "quarter",
    "reportedly", "second", "seven", "six", "ten", "third", "thousand", "three", "told",
    "twelve", "two",
}
# ``\b(?:he|she|his|her|him|hers)\b``, its ``\b`` before a letter written as
# ``_LOCATIVE_WORD``'s (5.3 -> 3.6 us a sentence of ECB+; equivalence test).
_PRONOUN = re.compile(r"(?<!\w)(?=[hs])(?:he|she|his|her|him|hers)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@memo(maxsize=8192)
def _stem(word: str) -> str:
    """Strip a suffix lightly: "served", "serving" and "serves" give "serv"."""
    w = word.lower().strip("'’")
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    for suffix in ("ing", "ed", "es", "s", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("i") or w.endswith("y"):
        w = w[:-1]
    return w


_T = TypeVar("_T")


class _Later(Generic[_T]):
    """A value read when first asked for, then kept (within one compare: a figure's).

    ``_Later(read, *args)`` reads ``read(*args)``: the arguments are held, not a closure
    (a closure's cells and function object cost a figure ~1 KB more at the memory peak).
    """

    __slots__ = ("_args", "_read", "_value")

    def __init__(self, read: Callable[..., _T], *args: Any) -> None:
        self._read: Callable[..., _T] | None = read
        self._args = args

    def get(self) -> _T:
        if self._read is not None:
            self._value = self._read(*self._args)
            self._read, self._args = None, ()  # the figure's text and mentions are let go
        return self._value


@attrs.frozen
class _Fig:
    """One figure with what the check needs to know about it.

    Its holder and occasion are read when first asked for, from what it keeps of its
    article and sentence: the pairs of figures that get as far as testing them are few
    (on ECB+, 1,679 of the 4,571 figures of the compared blocks; reading them was 0.30 of
    the check's 0.85 s, issue 14). A figure holds few objects of its own that the garbage
    collector walks (issue 14, on ECB+ with every holder read: 22 per figure when each
    held two readers with their arguments and a list of its nearby names; 8 now).
    """

    art: int
    q: Quantity
    key: str
    np: str
    model: frozenset[str]
    words: frozenset[str]
    relation: str | None
    verb: str | None
    subject: str | None
    anchors: frozenset[str]
    places: frozenset[str]
    group: str | None
    total: bool
    specific: bool
    date: dt.date | None
    sentence: tuple[int, int]
    #: Stems of the words of the figure's predicate ("taken prisoner" -> take, prisoner).
    predicate_stems: frozenset[str] = frozenset()
    #: Whether the counted thing is persons ("people", "civilians"): no wording test then.
    persons: bool = False
    #: The size of a count without a unit (its absolute value); None for a measure.
    count: float | None = None
    #: A sum of money named by its measure noun, or a calibre: one shared word by itself.
    measured: bool = False
    #: Where it was read from: its article, sentence and nearby names (None: a figure
    #: made by hand, held by nobody, on a plain occasion).
    article: _ArticleFacts | None = attrs.field(default=None, eq=False, repr=False)
    in_sentence: _Sentence | None = attrs.field(default=None, eq=False, repr=False)
    #: Where its sentence locates it, before a list gives it its own part (:func:`_places`;
    #: None: not known).
    located: frozenset[str] | None = attrs.field(default=None, eq=False, repr=False)
    #: Its nearby names are ``article.mentions[near_lo:near_hi]``.
    near_lo: int = attrs.field(default=0, eq=False, repr=False)
    near_hi: int = attrs.field(default=0, eq=False, repr=False)
    #: The noun a sum of money is keyed by (:func:`_fig_block`).
    money: str | None = attrs.field(default=None, eq=False, repr=False)
    _holder_read: _holder.Holder | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )
    _occasion_read: Occasion | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def holder(self) -> _holder.Holder:
        """Whose figure it is and of what, as its sentence says (:mod:`._holder`)."""
        if self._holder_read is None:
            read = _holder.NOBODY if self.article is None else _read_holder(self, self.article)
            object.__setattr__(self, "_holder_read", read)  # kept: read once
            return read
        return self._holder_read

    @property
    def occasion(self) -> Occasion:
        """When and over what the figure holds (background, aggregate, rate, copy)."""
        if self._occasion_read is None:
            facts = self.article
            read = PLAIN if facts is None else occasion_of(
                facts.ex, self.q, facts.day_dated, facts.timed, facts.scores_of
            )
            object.__setattr__(self, "_occasion_read", read)  # kept: read once
            return read
        return self._occasion_read


def find(context: Context) -> Iterator[Discrepancy]:
    """Yield the quantity discrepancies in context.

    >>> import discrep
    >>> report = discrep.compare(
    ...     ["Nearly 5,000 people have been killed in the city.",
    ...      "About 9,000 people have been killed in the city."],
    ...     config=discrep.Config(checks={"quantity"}))
    >>> [(d.kind, [c.text for c in d.claims]) for d in report.discrepancies]
    [('quantity', ['Nearly 5,000', 'About 9,000'])]
    """
    config = context.config
    exs = context.extractions
    entity_of = _entity_index(context.entities)
    keyed = [_keyed(ex, config.quantities) for ex in exs]
    compared = _compared(keyed)
    blocks: dict[str, list[_Fig]] = defaultdict(list)
    for i, ex in enumerate(exs):
        for fig in _figures(i, ex, entity_of, config.quantities, compared, keyed[i]):
            blocks[fig.key].append(fig)
    for key in sorted(blocks):
        pairs = [
            (a, b, _relation(exs[a.art], a.q, exs[b.art], b.q, config, (a, b)))
            for a, b in _pairs(blocks[key], config)
        ]
        pairs = _between_sources(pairs, blocks[key], exs, config)
        for group in _one_per_fact(pairs):
            yield _discrepancy(exs, group, config)


def _between_sources(
    pairs: list[tuple[_Fig, _Fig, Relation]], figs: list[_Fig], exs: tuple[Extraction, ...],
    config: Config,
) -> list[tuple[_Fig, _Fig, Relation]]:
    """Drop the conflicts that are only a difference inside one article.

    "The Orioles ($140-150 million) and Nationals ($160 million)" against another article
    giving both offers: each article agrees with the other, whichever pair was drawn.
    """
    cap = config.quantities.max_candidates
    by_sentence: dict[tuple[int, tuple[int, int]], list[_Fig]] = defaultdict(list)
    for f in figs:
        by_sentence[(f.art, f.sentence)].append(f)

    def same_sentence(f: _Fig) -> list[_Fig]:
        return by_sentence[(f.art, f.sentence)][:cap]

    def agree(f: _Fig, g: _Fig) -> bool:
        return not _holder.apart(f.holder, g.holder) and (
            _relation(exs[f.art], f.q, exs[g.art], g.q, config, (f, g)) == "agree"
        )

    crowded = _many_valued(figs)
    return [
        (a, b, "unrelated")
        if rel == "conflict"
        and (
            _holder.one_source_only(a, b, same_sentence, agree)
            or (crowded and not _holder.alike(a.holder, b.holder, bool(a.places & b.places)))
        )
        else (a, b, rel)
        for a, b, rel in pairs
    ]


def _many_valued(figs: list[_Fig]) -> bool:
    """Whether one article gives two figures of the block that cannot both hold of one thing.

    A story's "yards", "GB" or "$" then belong to several holders: agreeing units and nouns
    are no evidence of one fact, a shared holder, qualifier or place is needed.
    """
    spans: dict[int, tuple[float, float]] = {}
    unit = figs[0].q.unit if figs else None
    if unit is None or _is_time(figs[0].q):
        return False
    for f in figs:
        rate = _rate(f.q.unit, unit)
        if rate is None:
            continue
        lo, hi = f.q.low * rate, f.q.high * rate
        top, bottom = spans.get(f.art, (lo, hi))
        top, bottom = max(top, lo), min(bottom, hi)
        if top > bottom:
            return True
        spans[f.art] = (top, bottom)
    return False


def _one_per_fact(pairs: list[tuple[_Fig, _Fig, Relation]]) -> list[list[_Fig]]:
    """Group the figures joined by same-fact pairs into one finding per conflicting fact.

    "38-caliber" against ".357 caliber" in five pairs of articles is one discrepancy,
    quoting each distinct figure in conflict once, not five.
    """
    parent: dict[Any, Any] = {}

    def root(x: Any) -> Any:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, rel in pairs:
        if rel in ("agree", "conflict"):
            parent[root((a.art, a.q.start))] = root((b.art, b.q.start))
    groups: dict[Any, dict[tuple[float, str | None], _Fig]] = {}
    first: dict[Any, tuple[_Fig, _Fig]] = {}
    for a, b, rel in pairs:
        if rel != "conflict":
            continue
        g = groups.setdefault(root((a.art, a.q.start)), {})
        first.setdefault(root((a.art, a.q.start)), (a, b))
        for f in (a, b):
            k = (f.q.value, f.q.unit)
            if k not in g or (f.art, f.q.start) < (g[k].art, g[k].q.start):
                g[k] = f
    for r, g in groups.items():
        if len({f.art for f in g.values()}) < 2:  # quote a conflict between two sources
            g.update({(f.q.value, f.q.unit): f for f in first[r]})
    return [sorted(g.values(), key=lambda f: (f.art, f.q.start)) for g in groups.values()]


def _entity_index(entities: tuple[Entity, ...]) -> dict[tuple[str, int], str]:
    """Map (source, mention start) to the id of an entity named in two or more articles."""
    out: dict[tuple[str, int], str] = {}
    for e in entities:
        if len({m.source for m in e.mentions}) < 2:
            continue
        for m in e.mentions:
            out[(m.source, m.start)] = e.id
    return out


#: A comparable figure with its block, the noun a sum of money is keyed by (else None)
#: and the index of its sentence (:func:`_keyed`).
_Keyed = tuple[Quantity, str, str | None, int]


def _keyed(ex: Extraction, qc: QuantityConfig) -> list[_Keyed]:
    """Return an article's comparable figures that have a block, with it (:func:`_fig_block`).

    Read once per article: :func:`_compared` counts the blocks' articles from them, and
    :func:`_figures` reads the figures of the compared blocks from them.
    """
    out = []
    text, sentences = ex.article.text, ex.sentences
    for q in _comparable(ex.quantities):
        key = _block_key(q)
        if key is None:
            continue
        k = sentences.index_at(q.start)  # no Sentence made: only its bounds are read
        if k < 0:
            continue
        key, money = _fig_block(text, q, key, sentences.span(k), qc)
        out.append((q, key, money, k))
    return out


def _compared(keyed: Sequence[Sequence[_Keyed]]) -> frozenset[str]:
    """Return the blocks holding figures of two or more articles (``keyed``: by article).

    Only these are compared (a pair joins two articles), so only their figures' evidence
    is worth reading: on the ECB+ corpus, one figure in nine is alone in its block with
    the figures of its own article (issue 14: the evidence is most of the check's time).
    """
    arts: dict[str, int] = {}
    seen: set[str] = set()
    for i, figures in enumerate(keyed):
        for _q, key, _money, _k in figures:
            if arts.setdefault(key, i) != i:
                seen.add(key)
    return frozenset(seen)


def _fig_block(
    text: str, q: Quantity, key: str, sent: tuple[int, int], qc: QuantityConfig
) -> tuple[str, str | None]:
    """Return a figure's block and the noun a sum of money is keyed by (else None).

    ``key`` is its block key; a sum of money's block is that of its noun; ``sent`` its
    sentence's bounds.
    """
    money = _money_noun(text, q, sent[0], sent[1], qc) if _is_money(q) else None
    return (key if money is None else _money_block(money, q)), money


def _money_block(money: str, q: Quantity) -> str:
    return f"money:{money}|{_predicate_group(q.predicate)}"


def _figures(
    i: int, ex: Extraction, entity_of: dict[tuple[str, int], str], qc: QuantityConfig,
    compared: frozenset[str] | None = None, keyed: Sequence[_Keyed] | None = None,
) -> Iterator[_Fig]:
    """Yield the comparable figures of one article, with their evidence precomputed.

    What depends on the whole sentence (its anchors, a running total) is computed once per
    sentence, and what depends on the figure's neighbourhood looks at a window around it,
    so a run-on sentence of many figures costs linear time (issue 16). With ``compared``
    (:func:`_compared`), only the figures of those blocks are yielded, and what is
    read of the whole article only when it has one (:class:`_ArticleFacts`). ``keyed`` is
    :func:`_keyed` of the article, when already read.
    """
    facts: _ArticleFacts | None = None
    per_sentence: dict[int, _Sentence] = {}
    # A figure of a block not compared is alone in it with its own article's figures.
    kept = [
        x for x in (_keyed(ex, qc) if keyed is None else keyed)
        if compared is None or x[1] in compared
    ]
    # A sentence of one figure: its window is searched for a locative word, not the
    # whole sentence scanned for them (two sentences in three on ECB+).
    in_sentence = Counter(k for _q, _key, _money, k in kept)
    for q, key, money, k in kept:
        sent = ex.sentences[k]
        if facts is None:
            facts = _ArticleFacts.of(ex, entity_of, qc)
        if sent.start not in per_sentence:
            per_sentence[sent.start] = _sentence_facts(
                ex, sent, facts, entity_of, scan=in_sentence[k] > 1
            )
        yield _figure(i, q, (key, money), sent, facts, per_sentence[sent.start])


@attrs.frozen
class _ArticleFacts:
    """What the check reads of a whole article, once, for all its figures.

    Read only for an article with a figure in a compared block: on ECB+, the articles
    without one were 0.06 of the check's 0.8 s (their times, final scores and products).
    The products and final scores are read when a figure first needs them.
    """

    ex: Extraction
    #: The ids of the entities named in two or more articles, by (source, mention start).
    entity_of: dict[tuple[str, int], str]
    qc: QuantityConfig
    mentions: list[Mention]
    starts: list[int]
    timed: tuple[list[Any], list[int]]
    #: Its :func:`_shared_surnames`, read for a pronoun's antecedent only (a quarter of
    #: the articles with a compared figure on ECB+).
    shared: Callable[[], frozenset[str]]
    q_starts: list[int]
    lead: int
    #: Its :func:`_holder.product_index`, read for a figure with a size class only.
    products: Callable[[], _holder.ProductIndex]
    day_dated: bool
    #: Its final scores (:func:`article_scores`), read for a game's own figure only.
    scores_of: Callable[[], Scores]

    @classmethod
    def of(
        cls, ex: Extraction, entity_of: dict[tuple[str, int], str], qc: QuantityConfig
    ) -> _ArticleFacts:
        mentions = sorted(ex.mentions, key=lambda m: m.start)
        return cls(
            ex=ex,
            entity_of=entity_of,
            qc=qc,
            mentions=mentions,
            starts=[m.start for m in mentions],
            timed=sorted_times(ex),
            shared=_Later(_shared_surnames, mentions).get,
            q_starts=[q.start for q in ex.quantities],
            lead=_holder.lead_ends(ex.sentences),
            products=_Later(_products, ex.article.text).get,
            day_dated=article_time(ex),
            scores_of=_Later(article_scores, ex).get,
        )

    def entity_id(self, m: Mention) -> str:
        """Return the id of the entity a mention names, else its folded name."""
        return self.entity_of.get((self.ex.article.source, m.start), "name:" + m.name.casefold())


@attrs.frozen
class _Sentence:
    """What the check needs of a sentence, computed once for all its figures."""

    #: The entities it names, or the person its pronoun stands for.
    anchors: frozenset[str]
    #: Whether it states a running total.
    total: bool
    #: Starts and ends of its locative words ("in", "near"), in text order (None: not
    #: scanned, each figure searches its window: :func:`_locative_within`).
    locatives: tuple[Sequence[int], Sequence[int]] | None
    #: The units in which it gives two or more different figures (a list).
    listed: frozenset[str] = frozenset()
    #: Whether it is in the article's lead.
    lead: bool = False
    #: The spans of its figures of each listed unit, in text order.
    figures: Mapping[str, list[tuple[int, int]]] = attrs.field(factory=dict)
    #: The person its pronoun stands for, when it names no person (a mention).
    antecedent: Any = None


def _spans_by_unit(
    figures: Iterable[Quantity], units: frozenset[str]
) -> dict[str, list[tuple[int, int]]]:
    """Return the spans of the figures in each of ``units``, in text order."""
    out: dict[str, list[tuple[int, int]]] = {}
    for f in figures:
        if f.unit in units:
            out.setdefault(f.unit, []).append((f.start, f.end))
    return out  # a plain dict: an empty one is no object the garbage collector walks


def _shared_surnames(mentions: Iterable[Mention]) -> frozenset[str]:
    """Return the last names of two or more people an article names in full (folded).

    A bare "Thomas" in an article naming Pierre and David Thomas may be either of them.
    """
    full: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind == "person":
            name = m.name.casefold()
            words = name.split()
            if len(words) > 1:
                full[words[-1]].add(name)
    return frozenset(last for last, names in full.items() if len(names) > 1)


def _products(text: str) -> _holder.ProductIndex:
    return _holder.product_index(_holder.sized_products(text))


def _sentence_facts(
    ex: Extraction, sent: Any, facts: _ArticleFacts, entity_of: dict[tuple[str, int], str],
    scan: bool = True,
) -> _Sentence:
    """Return what the check needs of one sentence of an article (:class:`_Sentence`).

    Its anchors are the entities it names, or the person its pronoun stands for. That
    person holds its figures unless named by a bare last name of two people
    (``facts.shared``). ``scan``: whether to find the sentence's locative words for its
    figures, else each figure searches its own window (a sentence of one figure).
    """
    source = ex.article.source
    starts, mentions = facts.starts, facts.mentions
    lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
    in_sentence = mentions[lo:hi]
    anchors = set()
    person = False
    for m in in_sentence:
        found = entity_of.get((source, m.start))
        if found is not None:
            anchors.add(found)
        person = person or m.kind == "person"
    antecedent = None
    if not person and _PRONOUN.search(sent.text):
        antecedent = _antecedent(ex, mentions[max(0, lo - 24) : lo])
        if antecedent is not None and (source, antecedent.start) in entity_of:
            anchors.add(entity_of[(source, antecedent.start)])
    locatives = None
    if scan:
        words = _LOCATIVE_WORD.finditer(ex.article.text, sent.start, sent.end)
        spans = [m.span() for m in words]
        locatives = (tuple(a for a, _ in spans), tuple(b for _, b in spans))
    q_starts = facts.q_starts
    in_sent = ex.quantities[
        bisect.bisect_left(q_starts, sent.start) : bisect.bisect_left(q_starts, sent.end)
    ]
    listed = _holder.listed_units(in_sent) or _NONE
    return _Sentence(
        frozenset(anchors) or _NONE,
        _running_total(sent.text),
        locatives,
        listed=listed,
        lead=sent.end <= facts.lead,
        figures=_spans_by_unit(in_sent, listed),
        antecedent=None if antecedent is None or antecedent.name.casefold() in facts.shared()
        else antecedent,
    )


def _figure(
    i: int, q: Quantity, block: tuple[str, str | None], sent: Any, facts: _ArticleFacts,
    in_sentence: _Sentence,
) -> _Fig:
    """Return one figure with the evidence the check weighs (windows: ``qc.window_chars``).

    ``block`` is its :func:`_fig_block` and the money noun it was keyed by.
    """
    key, money = block
    ex, qc = facts.ex, facts.qc
    text = ex.article.text
    words, rel = _window_words(text, q, sent.start, sent.end, qc)
    near_lo = bisect.bisect_left(facts.starts, max(sent.start, q.start - 2 * qc.window_chars))
    near_hi = bisect.bisect_left(facts.starts, min(sent.end, q.end + 2 * qc.window_chars))
    near = facts.mentions[near_lo:near_hi]
    subject = _subject(ex.article.source, q, near, facts.entity_of, qc.window_chars)
    np_ = _noun_phrase(q)
    head = _head(q)
    places, located = _figure_places(ex, q, sent, near, in_sentence, qc)
    drop = {_stem(w) for w in (q.unit or "").split()}
    if head:
        drop.add(_stem(head))
    if money:
        drop.add(_stem(money))
    return _Fig(
        art=i,
        q=q,
        key=key,
        np=np_,
        model=_models(np_) or _NONE,
        words=frozenset(words - drop) or _NONE,
        relation=rel,
        verb=_left_verb(text, q, sent.start, qc),
        subject=subject,
        anchors=in_sentence.anchors,
        places=places,
        group=_predicate_group(q.predicate),
        total=in_sentence.total,
        specific=money is not None
        or (q.unit is not None and not np_ and not _is_time(q))
        or (q.unit == "caliber"),
        date=_date(ex, q, qc, *facts.timed, sent=sent),
        sentence=(sent.start, sent.end),
        predicate_stems=_predicate_stems(q.predicate),
        persons=head == "person",
        count=abs(q.value) if q.unit is None else None,
        measured=key.startswith("money:") or q.unit == "caliber",
        article=facts,
        located=located,
        in_sentence=in_sentence,
        near_lo=near_lo,
        near_hi=near_hi,
        money=money,
    )


#: The empty set of words, anchors or places that figures share (a frozenset is an object
#: the garbage collector walks, even an empty one: issue 14).
_NONE: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1024)
def _predicate_stems(predicate: str | None) -> frozenset[str]:
    """Return the stems of a predicate's words, one set for all the figures of a predicate."""
    return frozenset(_stem(w) for w in (predicate or "").split()) or _NONE


def _read_holder(f: _Fig, facts: _ArticleFacts) -> _holder.Holder:
    """Return whose figure ``f`` is and of what."""
    q, in_sentence = f.q, f.in_sentence
    assert in_sentence is not None  # a figure read from an article has its sentence
    text = facts.ex.article.text
    near = facts.mentions[f.near_lo : f.near_hi]
    return _pronoun_holder(
        _holder.holder(
            text, q, f.sentence, near, facts.entity_id,
            in_sentence.listed, facts.qc.window_chars, lead=in_sentence.lead,
            measure=f.money, products=facts.products,
            listed_spans=in_sentence.figures.get(str(q.unit), ()),
        ),
        text, q, f.sentence[0], in_sentence.antecedent, facts.entity_id,
    )


def _pronoun_holder(
    h: _holder.Holder, text: str, q: Quantity, lo: int, antecedent: Any,
    entity_id: Callable[[Any], str],
) -> _holder.Holder:
    """Give a figure held by a pronoun ("He had 24 points") the person it stands for.

    Only when its clause names no holder: two figures held by two people are two facts,
    whichever of them a story names in the sentence and which by a pronoun. The
    ``antecedent`` is None when its name is a bare surname the article gives two people.
    """
    if h.names or antecedent is None or _is_time(q) or not _holder.pronoun_holds(text, q, lo):
        return h  # a span of time measures an event of several people ("married", "moved")
    return attrs.evolve(h, pronoun=frozenset({entity_id(antecedent)}))


@memo(maxsize=1024)
def _sentence_marks(sentence: str) -> tuple[bool, bool]:
    """Return whether a sentence states a running total, and whether it says "now"."""
    return _running_total(sentence), bool(_NOW.search(sentence))


# A word that each match of ``_RUNNING_TOTAL`` holds, lowercase ("overall" holds "all").
_RUNNING_TOTAL_WORDS = ("far", "date", "total", "all", "altogether", "cumulative", "since",
                        "now")


def _running_total(sentence: str) -> bool:
    """Whether a sentence states a running total: ``_RUNNING_TOTAL`` matches in it.

    An ASCII sentence holding none of its words is passed over without the search (most
    sentences: the search was a third of the time the check spends per sentence).
    """
    if sentence.isascii():
        low = sentence.lower()
        if not any(w in low for w in _RUNNING_TOTAL_WORDS):
            return False
    return _RUNNING_TOTAL.search(sentence) is not None


def _antecedent(ex: Extraction, before: list[Any]) -> Any:
    """Return the person a pronoun most likely stands for.

    That is the first person named in the nearest earlier sentence naming one, not as a
    possessive when another is named there: the subject is the preferred antecedent.
    """
    last = next((m for m in reversed(before) if m.kind == "person"), None)
    if last is None:
        return None
    sent = ex.sentence_at(last.start)
    if sent is None:
        return last
    named = [m for m in before if m.kind == "person" and m.start >= sent.start]
    text = ex.article.text
    # "In Kell's absence, Oro has become the main target. He ...": a possessive names
    # whose the noun after it is; the person named as a subject is the antecedent
    return next((m for m in named if not _holder.possessive(text, m)), named[0])


def _window_words(
    text: str, q: Quantity, lo: int, hi: int, qc: QuantityConfig
) -> tuple[set[str], str | None]:
    """Content-word stems within a few words of the figure (its sentence only)."""
    left = text[max(lo, q.start - qc.window_chars) : q.start]
    right = text[q.end : min(hi, q.end + qc.window_chars)]
    lw = _WORD.findall(_returns(left))[-qc.window_words :]
    rw = _WORD.findall(_returns(right))[: qc.window_words]
    own = _WORD.findall(q.text)
    rel = None
    if q.unit is not None and _is_time(q):
        rel = next((w.lower() for w in rw[:2] if w.lower() in _TIME_RELATIONS), None)
        if rel is None and lw and lw[-1].lower() in {"after", "since"}:
            rel = lw[-1].lower()
    out = {_content_stem(w) for w in (*lw, *own, *rw)}
    out.discard("")
    return out, rel


# 8,192 missed 5% of a second compare at 3,200 articles (bench_scale): 14,000 words
@memo(maxsize=32768)
def _content_stem(word: str) -> str:
    """Return the stem a window word counts as, or "" for a word that carries no evidence."""
    low = word.lower()
    if low in _STOPWORDS or low in _TIME_RELATIONS or len(low) < 3 or word[0].isupper():
        return ""  # names are compared as linked entities, not as words
    return _SYNONYMS.get(low, _stem(low))


# Words a figure's verb is never: qualifiers, determiners, pronouns, prepositions.
_NOT_VERB = _STOPWORDS | {"just", "only", "least", "most", "than", "some", "estimated"}
_VERBAL = re.compile(r"(?:ed|ing)$")
_IRREGULAR = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "was",
        "are",
        "were",
        "be",
        "put",
        "won",
        "lost",
        "left",
        "took",
        "take",
        "get",
        "got",
        "made",
        "make",
        "paid",
        "pay",
        "sent",
        "spent",
        "sold",
        "bought",
        "found",
        "find",
        "held",
        "kept",
        "led",
        "met",
        "ran",
        "saw",
        "told",
        "weigh",
        "weighs",
        "shot",
        "hit",
        "fired",
        "fire",
        "fell",
        "rose",
        "cut",
        "gave",
        "give",
        "owns",
        "own",
        "holds",
        "hold",
        "wins",
        "win",
        "needs",
        "need",
        "serves",
        "serve",
        "scored",
        "score",
        "carries",
        "carry",
    ]
)
_AUX_VERB = {
    "has": "have",
    "had": "have",
    "have": "have",
    "is": "be",
    "was": "be",
    "are": "be",
    "were": "be",
    "be": "be",
}


def _left_verb(text: str, q: Quantity, lo: int, qc: QuantityConfig) -> str | None:
    """Return the verb the figure depends on: the nearest verbal word before it."""
    left = text[max(lo, q.start - qc.window_chars) : q.start]
    left = _CLAUSE_BREAK.split(left)[-1]
    words = _WORD.findall(_returns(left))[-qc.window_words :]
    for w in reversed(words):
        low = w.lower()
        if low in _AUX_VERB:
            return _AUX_VERB[low]
        if w[0].isupper() or (low in _NOT_VERB and low not in _IRREGULAR):
            continue
        if low == "return" or low in _IRREGULAR or (_VERBAL.search(low) and len(low) > 4):
            return _SYNONYMS.get(low, _stem(low))
    return None


def _subject(
    source: str,
    q: Quantity,
    in_sentence: list[Any],
    entity_of: dict[tuple[str, int], str],
    window: int,
) -> str | None:
    """Return the person the figure is about: the last one named ``window`` chars before it."""
    for m in reversed(in_sentence):
        if m.kind == "person" and m.end <= q.start and q.start - m.end <= window:
            return str(entity_of.get((source, m.start), m.name.casefold()))
    return None


def _money_noun(text: str, q: Quantity, lo: int, hi: int, qc: QuantityConfig) -> str | None:
    """Return the nearest word around a sum of money saying what it measures."""
    left = _WORD.findall(text[max(lo, q.start - 2 * qc.window_chars) : q.start])
    right = _WORD.findall(text[q.end : min(hi, q.end + qc.window_chars)])[: qc.window_words]
    best: tuple[int, str] | None = None
    for dist, w in enumerate(reversed(left)):
        if w.lower() in _MONEY_NOUNS:
            best = (dist, w.lower().rstrip("s") if w.lower() != "loss" else w.lower())
            break
    for dist, w in enumerate(right):
        if w.lower() in _MONEY_NOUNS and (best is None or dist < best[0]):
            best = (dist, w.lower().rstrip("s") if w.lower() != "loss" else w.lower())
            break
    return best[1] if best else None


_MODEL = re.compile(r"\b[A-Z]{1,4}[- ]?\d{1,4}")


_DIGIT = re.compile(r"\d")
_MODEL_JOINER = re.compile(r"[- ]")


def _models(np_: str) -> frozenset[str]:
    """Return the model designations of a counted phrase: "AK-47s" -> {"AK47"}.

    A phrase without a digit has none: tested first, in C (issue 14, session 11: most
    phrases have no digit; ``_models`` was 2.5% of detection at first sight).
    """
    if _DIGIT.search(np_) is None:
        return frozenset()
    return frozenset(_MODEL_JOINER.sub("", m.group()) for m in _MODEL.finditer(np_))


def _pairs(figs: list[_Fig], config: Config) -> Iterator[tuple[_Fig, _Fig]]:
    """Yield the pairs of one block that state one fact, one per figure and article.

    ``figs`` come article by article. Only the pairs of articles the index of
    :func:`_article_pairs` draws are visited (a block of a few hundred articles has tens
    of thousands of pairs of articles, most sharing nothing). Within each, each figure
    meets every figure of the other article when the block is small; otherwise, through
    an index, those sharing a word, an anchor or a model designation with it, at most
    ``max_candidates`` of them (those sharing the most keys first, ties to the earliest
    in the text; the index keeps only the first ``max_candidates`` figures of a key), so
    the work is linear in the block. Of these, only the pairs sharing a key of
    :func:`_fact_keys` are tested: the others cannot state one fact. Pairs are then taken
    greedily, best evidence first, each figure at most once.
    """
    by_art: dict[int, list[_Fig]] = defaultdict(list)
    for f in figs:
        by_art[f.art].append(f)
    keys = {id(f): _fact_keys(f) for f in figs}
    # Each article's figures by kind of statement, with their keys: a figure meets only
    # those of its kind (both totals or neither, one time relation), in text order.
    by_kind: dict[int, dict[tuple[bool, str | None], list[tuple[_Fig, frozenset[str]]]]] = {}
    # and each one's keys and kind, read once for all the articles it meets
    rows: dict[int, list[tuple[_Fig, frozenset[str], tuple[bool, str | None]]]] = {}
    for art, arts_figs in by_art.items():
        kinds = by_kind[art] = {}
        rows[art] = []
        for f in arts_figs:
            kind = (f.total, f.relation)
            kinds.setdefault(kind, []).append((f, keys[id(f)]))
            rows[art].append((f, keys[id(f)], kind))

    def may_share(a: _Fig, b: _Fig) -> bool:
        return (
            a.total == b.total
            and a.relation == b.relation
            and not keys[id(a)].isdisjoint(keys[id(b)])
        )

    cap = config.quantities.max_candidates
    for i, j in _article_pairs(figs, keys, config.quantities.max_postings):
        left, right = by_art[i], by_art[j]
        if min(len(left), len(right)) <= cap:  # every pair is a candidate
            kinds = by_kind[j]
            # each figure's keys and partners of its kind read once, not per partner
            # (issue 14, session 11: this listcomp was 3.2% of detection at first sight)
            sharing = [
                (a, b)
                for a, ka, kind in rows[i]
                for b, kb in kinds.get(kind, ())
                if not kb.isdisjoint(ka)
            ]
        else:
            sharing = [(a, b) for a, b in _candidates(left, right, cap) if may_share(a, b)]
        yield from _one_to_one(sharing, config)


def _one_to_one(candidates: Iterable[tuple[_Fig, _Fig]], config: Config) -> list[tuple[_Fig, _Fig]]:
    """Return the candidate pairs of two articles stating one fact, best evidence first.

    Each figure is taken at most once (greedy, ties to the earliest in the texts). The
    pairs are ranked by :func:`_evidence`, and the figures' occasions and holders
    (:func:`_held_alike`) are read only for a pair the greedy reaches with both figures
    still free: a pair failing them is passed over as one never scored would be, so the
    pairs taken are those of ranking the pairs :func:`_same_fact` keeps.

    A lone candidate (12,455 of the 19,767 pairs of articles of ECB+) is tested without
    the ranking: with one pair there is nothing to rank and no figure already taken.
    Measured on ECB+ (every candidate list, holders and occasions read beforehand): the
    generator, list, sort and two sets per pair of articles were 29 of the 86 ms of this
    function with :func:`_evidence`, 16 of 68 now.
    """
    if isinstance(candidates, list) and len(candidates) == 1:  # as _pairs hands them
        a, b = candidates[0]
        if a.group != b.group and a.group is not None and b.group is not None:
            return []
        if _evidence(a, b, config) is None or not _held_alike(a, b):
            return []
        return [(a, b)]
    scored = []
    for a, b in candidates:
        if a.group != b.group and a.group is not None and b.group is not None:
            continue  # predicates disagree: the commonest rejection, tested inline
        score = _evidence(a, b, config)
        if score is not None:
            scored.append((-score, a.q.start, b.q.start, a, b))
    scored.sort(key=operator.itemgetter(0, 1, 2))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _s, sa, sb, a, b in scored:
        if sa in used_a or sb in used_b or not _held_alike(a, b):
            continue
        used_a.add(sa)
        used_b.add(sb)
        out.append((a, b))
    return out


def _article_pairs(
    figs: list[_Fig], keys: dict[int, frozenset[str]], max_postings: int
) -> Iterator[tuple[int, int]]:
    """Yield, in order, the pairs of articles holding two figures that may state one fact.

    :func:`_same_fact` scores a pair only when its figures are both totals or neither,
    with one time relation, and share a content word, a model designation, an anchor, a
    place, a subject or that relation (``keys``, by figure: :func:`_fact_keys`). An
    inverted index from each of those keys, within each kind of statement, to the
    articles holding it draws the pairs of articles to visit: the work is per figure, key
    and later article, not per pair of figures (a run-on list of figures in two articles
    is one pair of articles). A key held by more than ``max_postings`` articles is not
    selective and draws no pair by itself (its pairs share it all the same when drawn by
    another key). The later articles of one article are gathered when it is reached, so
    the pairs of a block are never all held at once (issue 14: memory).
    """
    kinds: dict[tuple[bool, str | None], dict[str, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    # The keys of each article's figures of each kind, joined in C: an article is posted
    # once per key and kind, and its later articles gathered once per key, not per figure
    # (issue 14, session 11: the loops per figure and key were 3.1% of detection).
    by_art: dict[int, dict[tuple[bool, str | None], set[str]]] = defaultdict(dict)
    for f in figs:
        kind = (f.total, f.relation)
        held = by_art[f.art]
        if kind in held:
            held[kind].update(keys[id(f)])
        else:
            held[kind] = set(keys[id(f)])
    for art, held in by_art.items():  # figures come article by article
        for kind, ks in held.items():
            postings = kinds[kind]
            for k in ks:
                postings[k].append(art)
    for i in sorted(by_art):
        later: set[int] = set()
        for kind, ks in by_art[i].items():
            postings = kinds[kind]
            for k in ks:
                arts = postings[k]
                if arts[-1] > i and len(arts) <= max_postings:
                    later.update(arts[bisect.bisect_right(arts, i) :])
        for j in sorted(later):
            yield i, j


def _fact_keys(f: _Fig) -> frozenset[str]:
    """Return the keys of which two figures stating one fact share at least one.

    A figure with a model designation is compared only with figures sharing one; any
    other shares a content word, an anchor, a place or its subject (or, having a time
    relation, that relation, which its counterpart must have too).

    Keep in step with :func:`_same_fact`: a pair sharing none of these keys is never
    tested, so a rule that lets such a pair score must add its key here (the property
    test ``test_index_draws_every_pair_that_can_state_one_fact`` compares with every pair).
    """
    if f.model:
        return f.model
    keys = f.words | f.anchors | f.places
    extra = [x for x in (f.subject, f.relation and "relation:" + f.relation) if x]
    return keys | frozenset(extra) if extra else keys


def _candidates(left: list[_Fig], right: list[_Fig], cap: int) -> Iterator[tuple[_Fig, _Fig]]:
    """Yield pairs sharing a word or anchor, at most ``cap`` counterparts per figure."""
    if len(left) * len(right) <= cap * max(len(left), len(right)):
        for a in left:
            for b in right:
                yield a, b
        return
    index: dict[str, list[int]] = defaultdict(list)
    for k, b in enumerate(right):
        for w in b.words | b.anchors | b.model:
            if len(index[w]) < cap:  # only the first ``cap`` of a word are ever drawn
                index[w].append(k)
    for a in left:
        # Counter counts in C: the shared keys of each counterpart (issue 16 figure lists)
        keys = a.words | a.anchors | a.model if a.anchors or a.model else a.words
        seen = Counter(itertools.chain.from_iterable(index[w] for w in keys if w in index))
        best: Iterable[int] = seen
        if len(seen) > cap:  # the most shared keys, ties to the earliest in the text
            best = sorted(sorted(seen), key=seen.__getitem__, reverse=True)[:cap]
        for k in best:
            yield a, right[k]


def _same_fact(a: _Fig, b: _Fig, config: Config) -> float | None:
    """Score the evidence that two figures state one fact; None when they do not.

    That is :func:`_evidence`, for figures whose occasions and holders may be one
    (:func:`_held_alike`).
    """
    score = _evidence(a, b, config)
    if score is None or not _held_alike(a, b):
        return None
    return score


def _evidence(a: _Fig, b: _Fig, config: Config) -> float | None:
    """Score what two figures share, when it may be one fact; None when it cannot be.

    The cheap tests that most pairs fail come first (predicate group, kind of statement,
    size), then what is counted, then the evidence that both speak of one event.
    """
    # The kind tests (both totals or neither, one time relation, model, subject, place)
    # written out, the commonest outcomes first (one group, one kind, counts unset):
    # two calls fewer for each of the 39,378 pairs scored on ECB+: 57 -> 52 ms (the
    # plain form, in tests/test_fast_paths_dq12.py, is the oracle).
    if a.group != b.group and not _same_group(a, b):
        return None
    if a.total != b.total or a.relation != b.relation:
        return None
    if (a.model or b.model) and not a.model & b.model:
        return None
    if a.subject is not None and b.subject is not None and a.subject != b.subject:
        return None  # "Green had 14" is not "Ely put up 23"
    if a.places and b.places and not _places_meet(a.places, b.places):
        return None
    if a.count is not None and b.count is not None and not _sizes_fit(a, b, config):
        return None
    if _far_apart(a, b, config.quantities.far_ratio) and not _strongly_tied(a, b):
        return None  # two sums an order of magnitude apart: two facts unless tied
    if a.np and b.np and not (a.persons or a.model & b.model) and not _same_counted(a, b, config):
        return None
    return _fact_score(a, b)


def _held_alike(a: _Fig, b: _Fig) -> bool:
    """Whether two figures' occasions may be one, and their holders are not apart.

    Read last, for the pairs that get this far (one figure in three on ECB+:
    :class:`_Fig`).
    """
    if not _same_occasion(a, b):
        return False
    # another player's yards, another model's memory
    return not _holder.apart(a.holder, b.holder, bool(a.places & b.places))


def _same_group(a: _Fig, b: _Fig) -> bool:
    """Whether the predicates agree ("killed"/"dead"), or one figure's words supply it."""
    if a.group == b.group:
        return True
    if a.group is not None and b.group is not None:
        return False
    lone = str(a.group if a.group is not None else b.group)
    other = b if a.group is not None else a
    # "355 damaged shops" matches "565 shops suffering damage"
    return any(_PREDICATE_GROUPS.get(w) == lone or lone.startswith(w) for w in other.words)


def _same_occasion(a: _Fig, b: _Fig) -> bool:
    """Whether the figures' occasions may be one: not an aggregate, a rate or a copy of one."""
    return a.occasion is b.occasion or same_occasion(a.occasion, b.occasion)


def _sizes_fit(a: _Fig, b: _Fig, config: Config) -> bool:
    """Tell whether counts are of one size ("one bullet entered his shoulder" is a part)."""
    if a.count is None or b.count is None:
        return True  # a measure with a unit: its size is the conflict, not a part
    if a.q.value == 1.0 or b.q.value == 1.0:
        return False
    small, large = (a.count, b.count) if a.count <= b.count else (b.count, a.count)
    ratio = config.quantities.max_ratio
    return large <= ratio if small == 0 else large / small <= ratio


def _far_apart(a: _Fig, b: _Fig, far_ratio: float) -> bool:
    """Whether two figures, in one unit, differ by more than ``far_ratio``.

    "EUR 2m" and "85 million euros" stolen are more likely two robberies than one
    misreported: such a pair needs stronger evidence of one fact (:func:`_strongly_tied`).
    """
    rate = _rate(b.q.unit, a.q.unit)
    if rate is None:
        return False  # not comparable: the relation says "unrelated" anyway
    x, y = abs(a.q.value), abs(b.q.value * rate)
    small, large = (y, x) if y < x else (x, y)  # sorted((x, y)), without the list
    return large > far_ratio if small == 0 else large / small > far_ratio


def _strongly_tied(a: _Fig, b: _Fig) -> bool:
    """Whether two figures share what they measure by name or a named non-place subject.

    A shared measure noun ("damage", "bail") or calibre, one person or organisation
    linked across sources, or one subject. A shared place is not enough: two events of
    one kind often happen in one city, and every article of a story names its setting.
    """
    if a.measured and b.measured:
        return True
    if a.subject is not None and a.subject == b.subject:
        return True
    return any(not x.startswith(_WEAK_ANCHORS) for x in a.anchors & b.anchors)


#: Entity kinds whose shared mention does not tie two far-apart figures to one fact.
_WEAK_ANCHORS = ("place:", "demonym:")


def _same_counted(a: _Fig, b: _Fig, config: Config) -> bool:
    """Whether the counted noun phrases name one thing ("people" needs no test)."""
    if not (a.np and b.np) or a.persons or a.model & b.model:
        return True
    return _wording_score(a.np, b.np) >= config.quantities.counted_ratio


@functools.lru_cache(maxsize=4096)
def _wording_score(np_a: str, np_b: str) -> float:
    """Score two counted noun phrases (a block of a figure list repeats a few of them)."""
    return float(fuzz.token_set_ratio(np_a, np_b, processor=utils.default_process))


def _fact_score(a: _Fig, b: _Fig) -> float | None:
    """Score shared words, anchors and verb; None when the evidence is too thin."""
    money = a.measured
    common = a.words & b.words
    shared = len(common) + (1 if money else 0) + (1 if a.model and a.model & b.model else 0)
    anchored = _anchored(a, b)
    if not _placed(a, b, anchored, money):
        return None  # undated counts of one kind may come from two events
    same_verb = _same_verb(a, b)
    if a.specific and b.specific:
        ok = shared >= 2 or (shared >= 1 and anchored >= 1)
    else:
        ok = _enough_content(a, b, common, same_verb, anchored)
    return shared + 2.0 * anchored + (1.0 if same_verb else 0.0) if ok else None


def _placed(a: _Fig, b: _Fig, anchored: int, money: bool) -> bool:
    """Whether two figures are both dated, or tied by an anchor, verb group, sum or relation."""
    if a.date is not None and b.date is not None:
        return True
    return bool(anchored or a.group or money or a.relation)


def _anchored(a: _Fig, b: _Fig) -> int:
    """Count the entities, places and subject two figures share."""
    same_subject = a.subject is not None and a.subject == b.subject
    anchors = len(a.anchors & b.anchors) if a.anchors and b.anchors else 0
    places = len(a.places & b.places) if a.places and b.places else 0
    return anchors + places + (1 if same_subject else 0)


def _same_verb(a: _Fig, b: _Fig) -> bool:
    return (a.group is not None and a.group == b.group) or (
        a.verb is not None and a.verb == b.verb
    )


def _enough_content(
    a: _Fig, b: _Fig, common: frozenset[str], same_verb: bool, anchored: int
) -> bool:
    """Whether two counts share content beyond the verb (or an anchor, with the verb)."""
    # the verb alone is not the fact
    content = len(common.difference((a.verb, b.verb), a.predicate_stems))
    if a.relation is not None:
        content += 1  # "married two weeks before" and "married three weeks before"
    no_verb = a.verb is None and b.verb is None and a.group is None and b.group is None
    return (same_verb and (content >= 1 or anchored >= 1)) or (no_verb and content >= 3)


def relation(
    ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity, config: Config
) -> Relation:
    """Say how two quantities relate: unrelated, agree, update (changed in time) or conflict.

    >>> from discrep import Article, Config
    >>> from discrep._extract import extract
    >>> a = extract(Article("Hundreds of soldiers have been killed.", "a"), Config())
    >>> b = extract(Article("498 soldiers have been killed.", "b"), Config())
    >>> relation(a, a.quantities[0], b, b.quantities[0], Config())
    'agree'
    """
    return _relation(ex_a, q_a, ex_b, q_b, config)


def _relation(
    ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity, config: Config,
    figures: tuple[_Fig, _Fig] | None = None,
    dates: tuple[dt.date | None, dt.date | None] | None = None,
) -> Relation:
    """Return :func:`relation`, with the places and dates of ``figures`` already read.

    ``figures`` are those of ``q_a`` and ``q_b``: the check's pairs do not read them again.
    ``dates`` are their :func:`_date`, when read (the verdicts' figures, not read again).
    """
    if not _same_measure(ex_a, q_a, ex_b, q_b, config, figures):
        return "unrelated"
    conv = _converted(q_b, q_a.unit, q_b.unit, config.quantities.fx_slack)
    if conv is None:
        return "unrelated"
    (lo_b, hi_b), date_a, date_b = _aligned_in_time(
        ex_a, q_a, ex_b, q_b, conv, config, figures, dates
    )
    overlap = (q_a.low < hi_b and lo_b < q_a.high) or _cents_dropped(q_a, q_b)
    if date_a is None or date_b is None:
        return "agree" if overlap else "conflict"
    days = (date_b - date_a).days
    if abs(days) >= config.quantities.update_days and _changes(ex_a, q_a, ex_b, q_b):
        if overlap:
            return "agree"
        grew = (lo_b > q_a.high) == (days > 0)
        if grew or _predicate_group(q_a.predicate) not in _CUMULATIVE:
            return "update"
        return "conflict"
    if abs(days) > config.quantities.fixed_days:
        return "agree" if overlap else "update"
    return "agree" if overlap else "conflict"


# The number of a sum of money as written, its decimals apart: "99.99" of "$99.99".
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
# Units that have no smaller unit a price drops: "99 cents" is not "99.5 cents" rounded.
_NO_SUBUNIT = frozenset({"cent", "penny", "yen", "japanese yen"})


def _cents_dropped(q_a: Quantity, q_b: Quantity) -> bool:
    """Whether one sum of money is the other written without its cents: "$99" for "$99.99".

    The coarse sum is written in whole units (no decimals, no scale word), at least one
    unit, and is the precise sum's whole part (truncated, not rounded: "$99" is not
    "$100.50", nor "$89.99"). A sum with a scale word ("$2 million" and "$2.9 million") is
    a rounded figure, whose precision the interval rules already weigh.
    """
    if q_a.unit != q_b.unit or not _is_money(q_a) or q_a.unit in _NO_SUBUNIT:
        return False
    if q_a.qualifier != "=" or q_b.qualifier != "=" or q_a.is_range or q_b.is_range:
        return False
    decimals = (_written_decimals(q_a), _written_decimals(q_b))
    if decimals == (0, 2):
        coarse, precise = q_a.value, q_b.value
    elif decimals == (2, 0):
        coarse, precise = q_b.value, q_a.value
    else:
        return False
    return coarse >= 1 and math.floor(precise) == coarse


def _written_decimals(q: Quantity) -> int | None:
    """Return how many decimals a sum is written with; None when a scale word multiplies it."""
    m = _WRITTEN_NUMBER.search(q.text)
    if m is None or float(m.group().replace(",", "")) != q.value:
        return None  # "$2 million", "$2.5m": the number written is not the value
    return len(m.group(1) or "")


def _aligned_in_time(
    ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity,
    conv: tuple[float, float], config: Config, figures: tuple[_Fig, _Fig] | None = None,
    dates: tuple[dt.date | None, dt.date | None] | None = None,
) -> tuple[tuple[float, float], dt.date | None, dt.date | None]:
    """Return b's interval and the two figures' dates, durations "ago" counted from one day.

    "12 weeks ago" on 10 June and "six weeks ago" on 18 June: b's interval moves by the
    days between the articles, and both figures are then dated the same day.
    """
    lo_b, hi_b = conv
    if figures is not None:  # the figures' dates: _date of their quantities
        date_a, date_b = figures[0].date, figures[1].date
    elif dates is not None:
        date_a, date_b = dates
    else:
        date_a = _date(ex_a, q_a, config.quantities)
        date_b = _date(ex_b, q_b, config.quantities)
    if not (_ago(ex_a, q_a) and _ago(ex_b, q_b)):
        return (lo_b, hi_b), date_a, date_b
    date_a = ex_a.reference_date or ex_a.article.published
    date_b = ex_b.reference_date or ex_b.article.published
    if date_a is None or date_b is None:
        return (lo_b, hi_b), date_a, date_b
    shift = (_factor("day", q_a.unit or "day") or 0.0) * (date_b - date_a).days
    return (lo_b - shift, hi_b - shift), date_b, date_b


def _changes(ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity) -> bool:
    """Tell whether the measure may change between reports: casualties, arrests, totals."""
    if _predicate_group(q_a.predicate) in _GROUP_WORDS:
        return True
    for ex, q in ((ex_a, q_a), (ex_b, q_b)):
        sent = ex.sentence_at(q.start)
        if sent is not None and any(_sentence_marks(sent.text)):
            return True
    return _head(q_a) == "person" and q_a.unit is None


_NOW = re.compile(r"\bnow\b|\bcurrently\b|\bat\s+least\b", re.IGNORECASE)
_AGO = re.compile(r"\s*ago\b", re.IGNORECASE)


def _ago(ex: Extraction, q: Quantity) -> bool:
    return q.unit is not None and _is_time(q) and bool(_AGO.match(ex.article.text, q.end))


def _is_time(q: Quantity) -> bool:
    return q.unit is not None and _unit_kind(q.unit) == "time"


def _is_money(q: Quantity) -> bool:
    return q.unit is not None and q.unit in _USD_VALUE


# --- what is measured --------------------------------------------------------------------


def _comparable(qs: tuple[Quantity, ...]) -> Iterator[Quantity]:
    """Quantities that name what they count; the second end of a range is skipped."""
    prev: Quantity | None = None
    for q in qs:
        range_end = (
            prev is not None
            and q.qualifier == "<="
            and (prev.low, prev.high) == (q.low, q.high)
            and 0 <= q.start - prev.end <= 12
        )
        if (q.what or q.unit or q.predicate) and not range_end:
            yield q
        prev = q


def _noun_phrase(q: Quantity) -> str:
    return _phrase(q.what, q.predicate)


def _phrase(what: str | None, predicate: str | None) -> str:
    """Return what is counted, without the predicate ("people killed" -> "people")."""
    what = what or ""
    if predicate and what.endswith(predicate) and what != predicate:
        what = what[: -len(predicate)].strip()
    return what


@memo(maxsize=4096)
def _singular(word: str) -> str:
    w = word.lower().strip("'’")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _head(q: Quantity) -> str | None:
    return _head_of(q.what, q.predicate)


@functools.lru_cache(maxsize=4096)
def _head_of(what: str | None, predicate: str | None) -> str | None:
    """Return the counted head noun: cached by the words, not by the figure (issue 16)."""
    np_ = _phrase(what, predicate)
    if not np_:
        return None
    models = _models(np_)
    if models:
        return "model:" + min(models)
    head = _singular(np_.split()[-1])
    if head + "s" in _PERSONS or head in _PERSONS or np_.split()[-1].lower() in _PERSONS:
        return "person"
    return head


def _block_key(q: Quantity) -> str | None:
    """Group figures that may measure the same thing: head noun, else unit kind, and verb."""
    return _block_key_of(q.what, q.predicate, q.unit)


@functools.lru_cache(maxsize=4096)
def _block_key_of(what: str | None, predicate: str | None, unit: str | None) -> str | None:
    group = _predicate_group(predicate)
    head = _head_of(what, predicate)
    if head is not None:
        return head
    if unit is not None:  # "60 km south of the city": a distance, whatever its unit
        return f"unit:{_unit_kind(unit)}|{group}"
    if group is not None:  # "12 were injured"
        return f"count|{group}"
    return None


def _unit_kind(unit: str) -> str:
    if unit in _USD_VALUE:
        return "currency"
    from discrep._units import unit_kind

    return unit_kind(unit)


def _predicate_group(pred: str | None) -> str | None:
    if pred is None:
        return None
    words = pred.lower().split()
    for w in words:
        if w in _PREDICATE_GROUPS:
            return _PREDICATE_GROUPS[w]
    return words[0] if words else None


def _same_measure(
    ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity, config: Config,
    figures: tuple[_Fig, _Fig] | None = None,
) -> bool:
    if ex_a.article.source == ex_b.article.source:
        return False
    key_a, key_b = _block_key(q_a), _block_key(q_b)
    if (key_a is None or key_a != key_b) and not (_is_money(q_a) and _is_money(q_b)):
        return False
    if _head(q_a) == "person" and (q_a.predicate is None or q_b.predicate is None):
        return False  # "a city of 1.5 million people", "dozens of residents": not one measure
    group_a, group_b = _predicate_group(q_a.predicate), _predicate_group(q_b.predicate)
    if group_a is not None and group_b is not None and group_a != group_b:
        return False
    if not _same_noun(q_a, q_b, config):
        return False
    places_a = _located(ex_a, q_a, config, figures and figures[0])
    if not places_a:
        return True
    places_b = _located(ex_b, q_b, config, figures and figures[1])
    return not (places_b and not _places_meet(places_a, places_b))


def _located(ex: Extraction, q: Quantity, config: Config, f: _Fig | None) -> frozenset[str]:
    """Return :func:`_places` of ``q``, as its figure ``f`` keeps it when known."""
    if f is not None and f.located is not None:
        return f.located
    return _places(ex, q, config.quantities)


def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two figures' places share one, or one lies inside the other (Cardiff, Wales)."""
    if a & b:
        return True
    found_a = [p for p in map(by_id, a) if p is not None]
    found_b = [p for p in map(by_id, b) if p is not None]
    return any(compatible(x, y) for x in found_a for y in found_b)


def _same_noun(q_a: Quantity, q_b: Quantity, config: Config) -> bool:
    """Whether two counted noun phrases name one thing (models, or a close wording)."""
    np_a, np_b = _noun_phrase(q_a), _noun_phrase(q_b)
    if not (np_a and np_b) or _head(q_a) == "person" or _models(np_a) & _models(np_b):
        return True
    score = fuzz.token_set_ratio(np_a, np_b, processor=utils.default_process)
    return bool(score >= config.quantities.counted_ratio)


def _places(
    ex: Extraction, q: Quantity, qc: QuantityConfig, mentions: Any = None,
    locatives: tuple[Sequence[int], Sequence[int]] | None = None, sent: Any = None,
) -> frozenset[str]:
    """Return where the figure is located: places after "in", "at", "near" in its sentence.

    Uses the names extractor's place mentions, else capitalised words. A place named
    otherwise ("Russia's economy", "over Ukraine's borders") does not locate the figure.
    ``locatives`` are the spans of the sentence's locative words, and ``sent`` the
    sentence (``ex.sentence_at(q.start)``), when known.
    """
    # no Sentence made when not given: only its bounds are read
    span = ex.span_at(q.start) if sent is None else (sent.start, sent.end)
    if span is None:
        return frozenset()
    sent_start, sent_end = span
    text = ex.article.text
    lo = max(sent_start, q.start - 2 * qc.window_chars)
    hi = min(sent_end, q.end + 2 * qc.window_chars)
    if not _locative_within(text, lo, hi, locatives):
        return frozenset()
    if mentions is None:  # mentions come in text order: a bisection finds the window's
        first = bisect.bisect_left(ex.mentions, lo, key=lambda m: m.start)
        last = bisect.bisect_left(ex.mentions, hi, key=lambda m: m.start)
        mentions = ex.mentions[first:last]
    spans = [(m.start, _place_key(m)) for m in mentions if m.kind == "place"]
    if not ex.mentions:
        spans = [(m.start(), m.group().casefold()) for m in _CAPITALISED.finditer(text, lo, hi)]
    return frozenset(
        name
        for start, name in spans
        if lo <= start < hi and _LOCATIVE.search(text[max(sent_start, start - 40) : start])
    )


_CLAUSE_EDGE = re.compile(r"[,;:]")


def _figure_places(
    ex: Extraction, q: Quantity, sent: Any, near: list[Any], in_sentence: _Sentence,
    qc: QuantityConfig,
) -> tuple[frozenset[str], frozenset[str]]:
    """Return where the figure is located, and where its sentence locates it (:func:`_places`).

    A listed figure's own part of the list decides the first.
    """
    places = _places(ex, q, qc, near, in_sentence.locatives, sent) or _NONE
    if q.unit not in in_sentence.listed:
        return places, places
    listed = in_sentence.figures[str(q.unit)]
    return _own_places(ex.article.text, q, sent, near, places, listed) or _NONE, places


def _own_places(
    text: str, q: Quantity, sent: Any, near: list[Any], places: frozenset[str],
    listed: list[tuple[int, int]],
) -> frozenset[str]:
    """Return the places of a listed figure's own part of the list, when it names one.

    That is the place after it up to the next figure or clause break ("52 percent in
    Norden and 82 percent in Varna"), else the place before it from the previous one
    ("services in Norden were down by 80 percent, in Varna by 65 percent"). ``listed``
    are the spans of the sentence's figures in the figure's unit, in text order.
    """
    if len(places) < 2:
        return places
    k = bisect.bisect_left(listed, (q.start, q.end))
    nxt = listed[k + 1][0] if k + 1 < len(listed) else sent.end
    prev = listed[k - 1][1] if k > 0 else sent.start
    end = _CLAUSE_EDGE.search(text, q.end, nxt)
    after = _places_between(near, places, q.end, end.start() if end is not None else nxt)
    if after:
        return after
    lo = prev
    for m in _CLAUSE_EDGE.finditer(text, prev, q.start):
        lo = m.end()
    return _places_between(near, places, lo, q.start) or places


def _places_between(near: list[Any], places: frozenset[str], lo: int, hi: int) -> frozenset[str]:
    return frozenset(
        name
        for m in near
        if m.kind == "place" and lo <= m.start < hi
        and (name := _place_key(m)) in places
    )


def _place_key(m: Mention) -> str:
    """Return a place mention's key among a figure's places: its gazetteer id, else its name."""
    return m.place_id or m.name.casefold()


def _locative_within(
    text: str, lo: int, hi: int, spans: tuple[Sequence[int], Sequence[int]] | None
) -> bool:
    """Whether ``_LOCATIVE_WORD`` matches in ``text[lo:hi]``, from the sentence's matches.

    The first match starting in the window tells (words do not overlap); a word cut by the
    window's end ("in" of "into" at ``hi``) matches there too, so the last few characters
    are searched as the window search would: the result is that of a search in the window,
    found without scanning it for each figure of a long sentence (issue 16).
    """
    if spans is None:
        return _LOCATIVE_WORD.search(text, lo, hi) is not None
    starts, ends = spans
    k = bisect.bisect_left(starts, lo)
    if k < len(starts) and ends[k] <= hi:
        return True
    return _LOCATIVE_WORD.search(text, max(lo, hi - _LONGEST_LOCATIVE), hi) is not None


# --- when ---------------------------------------------------------------------------------


def _date(
    ex: Extraction, q: Quantity, qc: QuantityConfig, times: Any = None,
    starts: list[int] | None = None, sent: Any = None,
) -> dt.date | None:
    """Return the date a figure refers to: a date stated in its sentence, else the article's.

    ``sent`` is its sentence (``ex.sentence_at(q.start)``), when known.
    """
    # no Sentence made when not given: only its bounds are read
    span = ex.span_at(q.start) if sent is None else (sent.start, sent.end)
    if span is not None:
        lo, hi = span
        if times is None or starts is None:
            times, starts = sorted_times(ex)
        text = ex.article.text
        # only times within 4 windows of the figure count: start and stop there
        reach = 4 * qc.window_chars
        k = bisect.bisect_left(starts, max(lo, q.start - reach))
        stop = min(hi, q.start + reach + 1)
        while k < len(times) and times[k].start < stop:
            t = times[k]
            k += 1
            if (
                t.value is not None
                and t.type in {"date", "weekday", "relative"}
                and abs(t.start - q.start) <= reach
                and not _PERIOD_WORD.search(text[max(lo, t.start - 8) : t.start])
            ):
                value: dt.date = t.value
                return value
    return ex.reference_date or ex.article.published


# --- units --------------------------------------------------------------------------------

# Rough value of one unit of a currency in US dollars, to tell "$2 million" from "200
# million euros"; figures in two currencies conflict only when they differ by more than
# ``QuantityConfig.fx_slack`` times after conversion (exchange rates move).
_USD_VALUE: Mapping[str, float] = MappingProxyType(
    {
        "dollar": 1.0,
        "united states dollar": 1.0,
        "euro": 1.1,
        "pound sterling": 1.3,
        "yen": 0.008,
        "japanese yen": 0.008,
        "indian rupee": 0.012,
        "russian ruble": 0.012,
        "ukrainian hryvnia": 0.027,
        "australian dollar": 0.67,
        "canadian dollar": 0.74,
        "hong kong dollar": 0.13,
        "chinese yuan": 0.14,
        "swiss franc": 1.1,
        "penny": 0.013,
        "cent": 0.01,
    }
)


@functools.lru_cache(maxsize=1024)
def _factor(src: str, dst: str) -> float | None:
    """Multiply a value in ``src`` by this to express it in ``dst`` (None: not convertible)."""
    return unit_factor(src, dst)  # pint's answer, from a table cached on disk


def _converted(
    q: Quantity, target: str | None, unit: str | None, fx_slack: float
) -> tuple[float, float] | None:
    rate = _rate(unit, target)
    if rate is None:
        return None
    slack = fx_slack if unit != target and unit in _USD_VALUE and target in _USD_VALUE else 1.0
    return q.low * rate / slack, q.high * rate * slack


def _rate(unit: str | None, target: str | None) -> float | None:
    """Multiply a value in ``unit`` by this to express it in ``target`` (money at rough rates)."""
    if unit == target:
        return 1.0
    if unit is None or target is None:
        return None
    if unit in _USD_VALUE and target in _USD_VALUE:
        return _USD_VALUE[unit] / _USD_VALUE[target]
    return _factor(unit, target)


# --- reporting ----------------------------------------------------------------------------


def _describe(q: Quantity) -> str:
    if q.vague:
        return f"{q.text!r} ({q.low:,.0f} to {q.high:,.0f})"
    words = {
        "=": "",
        "~": "about ",
        ">": "more than ",
        ">=": "at least ",
        "<": "less than ",
        "<=": "at most ",
    }
    unit = f" {q.unit}" if q.unit else ""
    if q.is_range:
        return f"{q.text!r} ({q.low:,g} to {q.high:,g}{unit})"
    return f"{q.text!r} ({words[q.qualifier]}{q.value:,g}{unit})"


def _discrepancy(exs: tuple[Extraction, ...], figs: list[_Fig], config: Config) -> Discrepancy:
    a, b = figs[0], figs[1]
    ex_a, q_a, ex_b, q_b = exs[a.art], a.q, exs[b.art], b.q
    subject = q_a.what or q_a.predicate or q_a.unit or "figure"
    dated = all(f.date is not None for f in figs)
    says = "; ".join(f"{exs[f.art].article.source} says {_describe(f.q)}" for f in figs)
    reason = (
        f"{subject}: {says}; "
        + ("both cannot be true" if len(figs) == 2 else "they cannot all be true")
        + ("" if dated else " (the figures are not dated)")
    )
    del ex_a, ex_b, q_b
    return Discrepancy(
        kind="quantity",
        subject=subject,
        claims=tuple(claim(exs[f.art], f.q.start, f.q.end, f.q.value) for f in figs),
        reason=reason,
        confidence=(
            config.confidence.quantity_dated if dated else config.confidence.quantity_undated
        ),
    )
