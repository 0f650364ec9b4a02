"""Story grouping: which articles of a stream report the same story.

A feed mixes stories; comparing everything with everything costs time and finds false
disagreements between unrelated stories (a Delhi attack and a Brooklyn deli). This is a
news-stream clusterer of the usual kind:

1. **Features.** Each article is a TF-IDF vector over its content words (lower case, lightly
   stemmed, function words left out); a word written capitalised inside a sentence is a
   name and weighs ``StoryConfig.name_weight`` times more, since names tell stories of one
   kind apart (two rehab stories differ by who went to rehab). IDF comes from the articles
   given, so the grouping depends on the set of articles, never on their order.
2. **Online centroid clustering.** Articles are taken in a canonical order (publication
   date, then source) and each joins the story whose centroid it is most similar to
   (cosine at least ``join``) among the stories active within ``window_days`` of its date,
   or starts a new story. Centroids are found through an inverted index of their terms,
   so an article is compared only with stories that share a word with it.
3. **Merge.** Stories whose centroids reach ``merge`` are merged (splitting a story loses
   findings, merging two only costs time, so the grouping leans to recall).
4. **Refine.** A story that is two stories of one kind is cut in two by spectral
   bisection, IDF taken within the story (:func:`_refine`).
5. **Eras.** A story whose articles tell of two times years apart (publication years,
   or the latest year an undated text ties an event to) is cut there when its words
   agree (:func:`_eras`): the time window cannot part undated articles.
6. **Adopt.** A story of one or two articles joins the larger story it is most like, when
   it is of that story's time or names two of its own full names (:func:`_adopt`).
7. **Wire copies.** Within a story, an article whose word 5-shingles overlap an earlier
   member's by at least ``copy_jaccard`` (Jaccard) is a near-duplicate of it.

Why not scikit-learn's TfidfVectorizer and a clusterer: it is not a dependency of discrep,
the vectors here are a few hundred terms per article, and the online, time-windowed
assignment is the part no library offers; this module is a few hundred lines of dicts.
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
from collections.abc import Callable, Iterable, Sequence

import attrs

from discrep._config import Config, StoryConfig
from discrep._lexicon import MONTH
from discrep._model import Article, Extraction, Story
from discrep._report import Report

__all__ = ["compare_by_story", "group", "group_inputs", "stories"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
# Sentence openers: after these (and at the start of a line) a capital says nothing.
_OPENERS = frozenset(".!?\"'“‘”’:;()[]-–—|")

# fmt: off
_STOP = frozenset("""
a about above according across after afternoon again against ago all almost already also
although always am among an and another any are around as at away back be became because
been before being below between both but by came can could day days did do does done down
during each early earlier either even evening ever every few first for former from further
get got had has have having he her here hers herself him himself his how however if in
including into is it its itself just last late later least less like made make many may
me meanwhile might monday more morning most mr mrs ms much must my near nearly never new
next night no nor not now of off often on once one only or other our out over own part
past per percent people recent recently s said saturday say says second several she should
since so some still such sunday than that the their them then there these they third this
those three through thursday time times to today told too tuesday two under until up upon
us very via was we wednesday week weeks well were what when where whether which while who
whom whose why will with within without would year years yesterday yet you your friday
january february march april june july august september october november december
http https www com html htm article news story said reported report reports according
""".split())  # noqa: SIM905 - a word list reads best as text
# fmt: on


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for tail in ("ing", "ed"):
        if len(word) > len(tail) + 3 and word.endswith(tail):
            return word[: -len(tail)]
    return word


class _Bag:
    """An article's content words, compactly: what the TF-IDF vectors are made from.

    ``terms`` in order of first use, ``counts[k]`` the count of ``terms[k]`` and
    ``flags[k]`` has :data:`_NAME` when ``terms[k]`` is written as a name and
    :data:`_FIGURE` when it is a number; the words among the first ``lead`` terms are the
    article's lead. Terms are shared through the caller's pool (one string per word
    of the feed, not one per article), and arrays hold what a Counter and two sets held
    for a tenth of the memory: grouping a feed keeps one bag per article alive.
    """

    __slots__ = ("counts", "flags", "lead", "terms")

    def __init__(self, terms: tuple[str, ...], counts: array[int], flags: bytes, lead: int):
        self.terms = terms
        self.counts = counts
        self.flags = flags
        self.lead = lead


#: Flags of a term in a :class:`_Bag`.
_NAME, _FIGURE = 1, 2


def _terms(text: str, lead: int, pool: dict[str, str] | None = None) -> _Bag:
    """Content-word counts of a text, the words written as names, the words of its lead.

    Years count as words ("2008"): two stories of one kind are often years apart.
    ``pool`` shares the term strings between articles.
    """
    return _features(text, lead, pool)[0]


def _name_pairs(text: str, pool: dict[str, str] | None = None) -> frozenset[str]:
    """Two capitalised words in a row, the second inside a sentence: "Yvonne Hiller".

    Full names of people, places and bodies: a follow-up months later (a trial, a
    sentence) names the same ones. The first word may open a sentence ("John Jenkin,
    23, was ..."); a function word ("The Colts") is no part of a name. ``pool`` shares
    the strings between articles.
    """
    return _features(text, 0, pool)[1]


def _features(
    text: str,
    lead: int,
    pool: dict[str, str] | None = None,
    words: dict[str, tuple[str | None, bool, str | None]] | None = None,
) -> tuple[_Bag, frozenset[str]]:
    """Return :func:`_terms` and :func:`_name_pairs` of ``text``, in one pass over its words.

    ``words`` holds what each distinct word is (:func:`_word`), shared between the
    articles of a feed: most words of a feed are seen before, and a dict lookup is
    cheaper than lowering and stemming them again (grouping's word pass took 0.46 s of
    1.6 s on 800 articles).

    The text is split once (``_WORD_SPLIT``: the words at the odd places, what lies between
    them at the even ones) and the counting is done in C (a Counter over the terms, which
    keeps their order of first use); only the capitalised words, a sixth of the words,
    are looked at one by one. A word opens a sentence when what lies before it, spaces and
    tabs left out, ends in an opener or a line break, or is the start of the text (a word
    never ends in an opener). A loop over every word's match (the former form, kept in
    tests/test_fast_paths_gr12.py as the oracle) took 0.25 s on the corpus's 839
    articles, this 0.20 s.
    """
    pool = {} if pool is None else pool
    words = {} if words is None else words
    parts = _WORD_SPLIT.split(text)
    raws = parts[1::2]
    for raw in set(raws).difference(words):
        words[raw] = _word(raw, pool)
    found = list(map(words.__getitem__, raws))
    counts = Counter(filter(None, map(_FIRST, found)))
    index = {t: k for k, t in enumerate(counts)}
    flags = bytearray([_FIGURE if t[0] == "#" else 0 for t in counts])
    pairs = set()
    prev = -2  # the last capitalised word's place
    prev_low: str | None = ""  # and its lower case (never None: see ``compress``)
    for n in itertools.compress(range(len(found)), map(_THIRD, found)):
        term, _, low = found[n]
        gap = parts[2 * n]
        end = gap.rstrip(" \t")
        if not (end[-1] in _OPENS_LINE if end else n == 0):
            if term is not None:
                flags[index[term]] |= _NAME
            if prev == n - 1 and gap == " " and prev_low not in _STOP:
                pair = f"{prev_low} {low}"
                pairs.add(pool.setdefault(pair, pair))
        prev, prev_low = n, low
    return _Bag(tuple(counts), array("L", counts.values()), bytes(flags), lead), frozenset(pairs)


_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_OPENS_LINE = _OPENERS | frozenset("\r\n")
_FIRST = operator.itemgetter(0)
_THIRD = operator.itemgetter(2)


def _word(raw: str, pool: dict[str, str]) -> tuple[str | None, bool, str | None]:
    """Return what a word is to the grouping (see :func:`_features`).

    Its term (None when it counts for nothing), whether it is a figure, and its lower
    case when it is capitalised (None when it is not).
    """
    if raw[0].isdigit():
        term = "#" + raw.replace(",", "") if len(raw) > 1 else None
        return None if term is None else pool.setdefault(term, term), True, None
    low = raw.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    term = None if len(low) < 3 or low in _STOP else _stem(low)
    if term is not None:
        term = pool.setdefault(term, term)
    return term, False, raw.lower() if _capitalised(raw) else None


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


# A year the text ties an event to: after a month ("December 15, 2013", "Dec. 2008") or a
# word that anchors a time ("in 2006", "since 2001", "the 2008 elections"). A bare number
# ("Windows 2000", "2010 people") is no year.
_YEAR = re.compile(
    r"(?:\b" + MONTH + r"\.?(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?)?,?"
    r"|\b(?i:in|since|of|during|until|till|by|from|before|after|through|the|early|late|mid))"
    r"[ \t-]+((?:19|20)\d\d)\b(?![.,]\d)"
)
# _YEAR in two parts: a year after a space, tab or hyphen, and what must end where the run
# of those before it starts (no part of it is a space, tab or hyphen).
_YEAR_ITSELF = re.compile(r"[ \t-]((?:19|20)\d\d)\b(?![.,]\d)")
_YEAR_LEAD = re.compile(_YEAR.pattern[: _YEAR.pattern.index("[ \\t-]+((?:19")] + r"\Z")


def _latest_year(text: str) -> int | None:
    """Return the latest year ``text`` ties an event to, or None.

    The years of ``_YEAR``'s matches, found from the other end: each year of the text is a
    candidate (one search in C), and the latest whose lead-in is a month or an anchoring
    word wins. ``_YEAR.finditer`` tries its alternatives at every character of the text
    (0.11 s a corpus); the lead-in is checked only in the few characters before a year.
    """
    years = sorted(((int(m.group(1)), m.start(1)) for m in _YEAR_ITSELF.finditer(text)),
                   reverse=True)
    for year, at in years:
        end = at - 1
        while end > 0 and text[end - 1] in " \t-":
            end -= 1
        if _YEAR_LEAD.search(text, _lead_start(text, end), end):
            return year
    return None


def _lead_start(text: str, end: int) -> int:
    """Return where a lead-in of ``_YEAR`` that ends at ``end`` starts at the earliest.

    A month's lead-in ends in at most five characters past its run of spaces ("May 31st,")
    and starts at most ten before it ("September."); an anchoring word is shorter.
    """
    start = max(0, end - 5)
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return max(0, start - 10)


def _shingles(text: str, n: int = 5) -> frozenset[int]:
    """Hashes of the text's runs of ``n`` words, in lower case.

    An ASCII text is lowered whole before its words are found: lowering maps only A-Z to
    a-z there, letters to letters, so the words are the same (0.117 s -> 0.109 s over the
    corpus; most of its texts are ASCII). Elsewhere lowering may change a text's length or
    a character's class, so each word is lowered.
    """
    if text.isascii():
        words = _WORD.findall(text.lower())
    else:
        words = list(map(str.lower, _WORD.findall(text)))
    return frozenset(map(hash, zip(*(words[k:] for k in range(n)), strict=False)))


class _Cluster:
    """A story being built: its members, centroid (sum of unit vectors) and last date."""

    def __init__(self) -> None:
        self.members: list[int] = []
        self.centroid: dict[str, float] = defaultdict(float)
        self.norm2 = 0.0
        self.last: dt.date | None = None

    def add(self, i: int, vec: dict[str, float], date: dt.date | None) -> None:
        self.members.append(i)
        for t, w in vec.items():
            old = self.centroid[t]
            self.norm2 += (old + w) ** 2 - old**2
            self.centroid[t] = old + w
        if date is not None and (self.last is None or date > self.last):
            self.last = date

    def absorb(self, other: _Cluster) -> None:
        """Take in every member of ``other``."""
        self.members.extend(other.members)
        for t, w in other.centroid.items():
            self.centroid[t] += w
        self.norm2 = sum(w * w for w in self.centroid.values())
        if other.last is not None and (self.last is None or other.last > self.last):
            self.last = other.last

    def cosine(self, vec: dict[str, float]) -> float:
        dot = _dot_in_order(vec, self.centroid)
        return dot / math.sqrt(self.norm2) if self.norm2 > 0 else 0.0


def _vectors(parsed: Sequence[_Bag], cfg: StoryConfig) -> list[dict[str, float]]:
    """Return unit TF-IDF vectors, with IDF from the articles given."""
    df: Counter[str] = Counter()
    for bag in parsed:
        df.update(bag.terms)
    # IDF as if ``idf_prior`` more articles held none of the words: over a few articles
    # the words they all share still count (a few articles of one story share most of
    # their words); over hundreds it is plain IDF. Each term's IDF and each count's TF
    # are computed once, not once an occurrence (the same figures: the same operations)
    top = len(parsed) + cfg.idf_prior
    idf = {t: math.log(top / (d + 1)) for t, d in df.items()}
    # Each weight is TF times IDF, times ``name_weight`` for a name, times ``lead_weight``
    # for a word of the lead that is no figure: the factor for each value of a term's
    # flags is looked up, and the products are made in C (maps over the bag's arrays), in
    # the order and with the operands of the former loop over the terms (the tests keep
    # it): 0.112 s -> 0.103 s over the 58 calls of a grouping of the corpus.
    tf = {c: 1.0 + math.log(c) for c in set().union(*(bag.counts for bag in parsed))}
    named = [cfg.name_weight if f & _NAME else 1.0 for f in range(_FLAGS)]
    led = [1.0 if f & _FIGURE else cfg.lead_weight for f in range(_FLAGS)]
    mul = operator.mul
    vecs = []
    for bag in parsed:
        flags = bag.flags
        tfidf = map(mul, map(tf.__getitem__, bag.counts), map(idf.__getitem__, bag.terms))
        lead = itertools.chain(map(led.__getitem__, flags[: bag.lead]), itertools.repeat(1.0))
        weights = list(map(mul, map(mul, tfidf, map(named.__getitem__, flags)), lead))
        norm = math.sqrt(sum(map(mul, weights, weights))) or 1.0
        unit = map(operator.truediv, weights, itertools.repeat(norm))
        vecs.append(dict(zip(bag.terms, unit, strict=True)))
    return vecs


#: The values a term's flags take (:data:`_NAME` and :data:`_FIGURE` are bits).
_FLAGS = 4


def _within(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return _dot_in_order(a, b)


def _dot_in_order(a: dict[str, float], b: dict[str, float]) -> float:
    """Return the dot product of ``a`` and ``b``, summed in ``a``'s order.

    ``sum(w * b.get(t, 0.0) for t, w in a.items())``, the same products summed in the
    same order, without a generator: 2-3 times faster, and the grouping's inner loop.

    Only the terms of ``a`` that ``b`` has are multiplied: a term ``b`` lacks adds
    ``w * 0.0``, a zero (the weights are finite), and adding a zero to a sum that started
    at int 0 changes nothing (the sum is never -0.0; only a sum of no products at all is
    told apart, 0.0 then, 0 for an empty ``a``). About a fifth of an article's terms are
    in the vector it meets: 0.37 s -> 0.30 s over the corpus grouping's 36,000 dot products
    (the former form is the oracle of tests/test_fast_paths_gr12.py).
    """
    shared = [*filter(b.__contains__, a)]
    if not shared:
        return 0.0 if a else 0
    total: float = sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    return total


def _cluster(
    parsed: Sequence[_Bag],
    dates: Sequence[dt.date | None],
    cfg: StoryConfig,
    names: Sequence[frozenset[str]] = (),
    years: Sequence[int | None] = (),
) -> list[list[int]]:
    """Assign each article, in order, to a story (see the module docstring)."""
    vecs = _vectors(parsed, cfg)
    clusters: list[_Cluster] = []
    cluster_of: list[int] = []
    holding: dict[str, int | set[int]] = {}  # term -> clusters whose centroid has it
    postings: dict[str, list[int]] = defaultdict(list)  # term -> articles led by it
    for i, vec in enumerate(vecs):
        keys = sorted(vec, key=lambda t: (-vec[t], t))[: cfg.key_terms]
        best, best_sim = _nearest(i, vec, keys, postings, vecs, dates, cfg)
        target = -1
        if best >= 0 and clusters[cluster_of[best]].cosine(vec) >= cfg.link_floor:
            target = cluster_of[best]
        else:
            best_sim = cfg.join
            for c in sorted({c for t in vec for c in _held(holding, t)}):
                if not _within(clusters[c].last, dates[i], cfg.window_days):
                    continue
                sim = clusters[c].cosine(vec)
                if sim >= best_sim:
                    target, best_sim = c, sim
        if target < 0:
            target = len(clusters)
            clusters.append(_Cluster())
        clusters[target].add(i, vec, dates[i])
        cluster_of.append(target)
        _hold_all(holding, vec, target)
        for t in keys:
            if len(postings[t]) < cfg.max_postings:
                postings[t].append(i)
    parts = _split(_merge(clusters, cfg), parsed, dates, years, cfg)
    return _adopt(parts, vecs, dates, cfg, names)


def _hold_all(holding: dict[str, int | set[int]], terms: Iterable[str], cluster: int) -> None:
    """Record that ``cluster``'s centroid has each of ``terms``.

    Most terms of a feed are in one story only: a bare int for them, a set for the rest
    (a set per term was the largest structure of the grouping after the vectors). One
    call for all the terms of a vector: a call a term was 2% of grouping.
    """
    for term in terms:
        have = holding.get(term)
        if have is None:
            holding[term] = cluster
        elif isinstance(have, int):
            if have != cluster:
                holding[term] = {have, cluster}
        else:
            have.add(cluster)


def _held(holding: dict[str, int | set[int]], term: str) -> Iterable[int]:
    """Return the clusters whose centroid has ``term`` (see :func:`_hold_all`)."""
    have = holding.get(term, ())
    return (have,) if isinstance(have, int) else have


def _split(
    merged: Sequence[_Cluster],
    parsed: Sequence[_Bag],
    dates: Sequence[dt.date | None],
    years: Sequence[int | None],
    cfg: StoryConfig,
) -> list[list[int]]:
    """Refine each merged story, then cut the parts that tell of two eras."""
    parts = [part for cl in merged for part in _refine(cl.members, parsed, dates, cfg)]
    if not years:
        return parts
    return [era for part in parts for era in _eras(part, parsed, dates, years, cfg)]


def _eras(
    members: Sequence[int],
    parsed: Sequence[_Bag],
    dates: Sequence[dt.date | None],
    years: Sequence[int | None],
    cfg: StoryConfig,
) -> list[list[int]]:
    """Split a story whose articles tell of two times years apart, when its words agree.

    An article's time is its publication year or, undated, the latest year its text ties
    an event to (``years[i]``, :func:`_latest_year`). Where the times known in a story
    leave a gap of at least ``era_gap_years``, the articles on each side are two eras.
    The cut stands when each era holds ``era_min`` articles, one era's times are
    publication dates of at least ``era_min`` of them (a year named in a text is only a
    lower bound of its time: two eras of text years alone are often an event and its
    background), and the story's words agree: each article of no known time goes to the
    era its words are nearer (IDF within the story; a second pass measures against the
    eras so grown, so that a few seeds do not decide alone), and the mean cosine across
    the eras is below ``split_weak`` times the mean within the weaker one. Two elections of one
    country five years apart, one reported with datelines and one without, are two
    stories; an event and a trial two years later stay one.
    """
    eras = _era_seeds(members, dates, years, cfg)
    if eras is None or len(members) > cfg.refine_max:  # m² similarities, as in _refine
        return [list(members)]
    vecs = _vectors([parsed[i] for i in members], cfg)
    m = len(members)
    sim = _similarities(vecs)
    at = {i: k for k, i in enumerate(members)}
    early, late = ([at[i] for i in era] for era in eras)
    halves: tuple[list[int], list[int]] = ([*early], [*late])
    rest = sorted(set(range(m)) - set(early) - set(late))
    for k in rest:
        halves[_mean(sim, [k], late) > _mean(sim, [k], early)].append(k)
    grown = (list(halves[0]), list(halves[1]))
    halves = ([*early], [*late])
    for k in rest:
        halves[_mean(sim, [k], grown[1]) > _mean(sim, [k], grown[0])].append(k)
    left, right = halves
    within = min(_mean(sim, left, left), _mean(sim, right, right))
    if _mean(sim, left, right) >= cfg.split_weak * within:
        return [list(members)]
    return [sorted(members[k] for k in half) for half in halves]


def _era_seeds(
    members: Sequence[int],
    dates: Sequence[dt.date | None],
    years: Sequence[int | None],
    cfg: StoryConfig,
) -> tuple[list[int], list[int]] | None:
    """Return the articles of known time before and after a story's widest gap in years.

    None unless the gap is at least ``era_gap_years``, each side holds ``era_min``
    articles and one side ``era_min`` dated ones (see :func:`_eras`).
    """
    when = {i: d.year if (d := dates[i]) is not None else years[i] for i in members}
    known = {i: y for i, y in when.items() if y is not None}
    ordered = sorted(set(known.values()))
    gap, cut = max(((b - a, b) for a, b in itertools.pairwise(ordered)), default=(0, 0))
    if gap < cfg.era_gap_years:
        return None
    early = [i for i, y in known.items() if y < cut]
    late = [i for i, y in known.items() if y >= cut]
    dated = max(sum(dates[i] is not None for i in era) for era in (early, late))
    return None if min(len(early), len(late), dated) < cfg.era_min else (early, late)


def _adopt(
    parts: list[list[int]],
    vecs: Sequence[dict[str, float]],
    dates: Sequence[dt.date | None],
    cfg: StoryConfig,
    names: Sequence[frozenset[str]] = (),
) -> list[list[int]]:
    """Give each small story to the larger story it is most like, cosine at least ``adopt``.

    A story of at most ``adopt_max`` articles finds few disagreements or none (an article
    alone is compared with nothing), so a report or two still somewhat like a larger story
    (their own angle, a short update) are better compared there. It must be of the
    story's time, or name at least ``bridge_names`` of the story's own full names
    (``names[i]``: the name pairs of article ``i``; see :func:`_own_names`).
    """
    groups = [p for p in parts if len(p) > cfg.adopt_max]
    if not groups:
        return parts
    own = _own_names(groups, parts, names) if names else [frozenset[str]()] * len(groups)
    centroids = [_unit_centroid(p, vecs) for p in groups]
    out = [list(p) for p in groups]
    for p in (p for p in parts if len(p) <= cfg.adopt_max):
        named = frozenset().union(*(names[i] for i in p)) if names else frozenset[str]()
        bridged = [len(named & o) >= cfg.bridge_names for o in own]
        g = _most_like(p, centroids, groups, vecs, dates, cfg, bridged)
        if g < 0:
            out.append(list(p))
        else:
            out[g].extend(p)
    return out


def _unit_centroid(part: Sequence[int], vecs: Sequence[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for i in part:
        for t, w in vecs[i].items():
            total[t] += w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {t: w / norm for t, w in total.items()}


def _most_like(
    part: Sequence[int],
    centroids: Sequence[dict[str, float]],
    groups: Sequence[Sequence[int]],
    vecs: Sequence[dict[str, float]],
    dates: Sequence[dt.date | None],
    cfg: StoryConfig,
    bridged: Sequence[bool],
) -> int:
    """Return the group whose centroid ``part``'s mean vector is most like (or -1).

    A group is a candidate when ``part`` is of its time or ``bridged[g]``.
    """
    total: dict[str, float] = defaultdict(float)
    for i in part:
        for t, w in vecs[i].items():
            total[t] += w / len(part)
    best, best_sim = -1, cfg.adopt
    for g, c in enumerate(centroids):
        sim = _dot(total, c)
        if sim < best_sim:
            continue
        close = bridged[g] or _in_span(
            [dates[i] for i in part], [dates[j] for j in groups[g]], cfg.window_days
        )
        if close:
            best, best_sim = g, sim
    return best


def _own_names(
    groups: Sequence[Sequence[int]],
    parts: Sequence[Sequence[int]],
    names: Sequence[frozenset[str]],
) -> list[frozenset[str]]:
    """Each group's own full names: in half its articles and half of all that hold them.

    "All" counts the articles of every one of ``parts``. The second condition leaves out
    the names every story of a feed shares ("White House", a league, a news agency); over
    a handful of articles about one event, its people and places pass both.
    """
    df: Counter[str] = Counter(n for part in parts for i in part for n in names[i])
    out = []
    for group in groups:
        counts: Counter[str] = Counter(n for i in group for n in names[i])
        out.append(frozenset(
            n for n, c in counts.items() if 2 * c >= len(group) and 2 * c >= df[n]
        ))
    return out


def _in_span(part: Sequence[dt.date | None], group: Sequence[dt.date | None], days: int) -> bool:
    """Whether each dated article of ``part`` falls within ``days`` of ``group``'s time span.

    A story is a stretch of time, from its first report to its last: a report a day
    before the first or a week after the last is of its time even when it is more than
    a week from some of the story's reports.
    """
    known = [d for d in group if d is not None]
    if not known:
        return True
    first, last = min(known), max(known)
    span = dt.timedelta(days=days)
    return all(first - span <= d <= last + span for d in part if d is not None)


def _refine(
    members: Sequence[int],
    parsed: Sequence[_Bag],
    dates: Sequence[dt.date | None],
    cfg: StoryConfig,
    depth: int = 1,
) -> list[list[int]]:
    """Split a story that is two stories of one kind bridged by a few close articles.

    IDF is taken within the story, so the words all its articles share (the topic: an
    election in one country) weigh little and what tells two events of one kind apart
    (names, figures, places) weighs more. Spectral bisection then cuts the story in
    two; the cut stands when the mean cosine across it is below ``split`` times the mean
    cosine within the weaker half, and each half is refined again. A story's members are
    few (beyond ``refine_max`` it is kept whole), so its m² similarities are cheap; it is
    never all articles against all.
    """
    if depth < 1 or len(members) < 4 or len(members) > cfg.refine_max:
        return [list(members)]
    vecs = _vectors([parsed[i] for i in members], cfg)
    sim = _similarities(vecs)
    left, right = _halves(sim)
    if min(len(left), len(right)) < 2:
        return [list(members)]
    when = ([dates[members[k]] for k in left], [dates[members[k]] for k in right])
    if not _cut_stands(sim, (left, right), when, cfg):
        return [list(members)]
    return [
        part
        for half in (left, right)
        for part in _refine([members[k] for k in half], parsed, dates, cfg, depth - 1)
    ]


def _cut_stands(
    sim: Sequence[Sequence[float]],
    halves: tuple[Sequence[int], Sequence[int]],
    when: tuple[Sequence[dt.date | None], Sequence[dt.date | None]],
    cfg: StoryConfig,
) -> bool:
    """Whether a cut of a story in two separates two stories.

    A clear cut (across below ``split`` times within) stands with halves of two or more;
    a weaker one (below ``split_weak`` times) only when both halves hold at least
    ``split_weak_min`` articles: two stories of one kind, each reported several times,
    rather than a few reports taking another angle on the one story; and not when both
    halves hold articles published within ``window_days`` of each other (reports of one
    time are more likely one story told from two angles).
    """
    left, right = halves
    across = _mean(sim, left, right)
    within = min(_mean(sim, left, left), _mean(sim, right, right))
    if across < cfg.split * within:
        return True
    weak = across < cfg.split_weak * within and min(len(left), len(right)) >= cfg.split_weak_min
    return weak and not _close_in_time(*when, cfg.window_days)


def _close_in_time(a: Sequence[dt.date | None], b: Sequence[dt.date | None], days: int) -> bool:
    """Whether some dated article of ``a`` is within ``days`` of some dated one of ``b``."""
    second = sorted(d for d in b if d is not None)
    for x in (d for d in a if d is not None):
        k = bisect.bisect_left(second, x)
        if any(abs((x - y).days) <= days for y in second[max(0, k - 1) : k + 1]):
            return True
    return False


def _similarities(vecs: Sequence[dict[str, float]]) -> list[list[float]]:
    """Return the matrix of ``_dot(vecs[a], vecs[b])``.

    ``_dot`` runs over the shorter vector, so ``_dot(a, b)`` and ``_dot(b, a)`` are the
    same sum in the same order, and one is copied to the other, unless the two are of one
    length (then each runs over its first argument: a sum in another order).
    """
    m = len(vecs)
    sim = [[0.0] * m for _ in range(m)]
    for a in range(m):
        va, row = vecs[a], sim[a]
        for b in range(a, m):
            row[b] = _dot(va, vecs[b])
            vb = vecs[b]
            sim[b][a] = row[b] if len(va) != len(vb) else _dot(vb, va)
    return sim


def _mean(sim: Sequence[Sequence[float]], a: Sequence[int], b: Sequence[int]) -> float:
    pairs = [(x, y) for x in a for y in b if x != y]
    return sum(sim[x][y] for x, y in pairs) / len(pairs) if pairs else 0.0


def _halves(sim: Sequence[Sequence[float]]) -> tuple[list[int], list[int]]:
    """Cut m items in two by spectral bisection (normalized cut, Shi and Malik 2000).

    The items are ordered by the second eigenvector of the normalized similarity matrix
    and cut where the normalized cut (similarity across, over each part's total) is
    least. Unlike group-average clustering, which peels off one odd item at a time, it
    finds the two blocks of a story that is two stories. Pure Python: m is a story's
    size (at most ``refine_max``), and numpy is no dependency of discrep.
    """
    m = len(sim)
    w = [[0.0 if a == b else max(sim[a][b], 0.0) for b in range(m)] for a in range(m)]
    degree = [sum(row) or 1e-12 for row in w]
    vec = _fiedler(w, degree)
    order = sorted(range(m), key=lambda k: (vec[k] / math.sqrt(degree[k]), k))
    return _best_cut(w, degree, order)


def _fiedler(w: Sequence[Sequence[float]], degree: Sequence[float]) -> list[float]:
    """Second eigenvector of D^-1/2 W D^-1/2 by power iteration (deflating the first)."""
    m = len(w)
    root = [math.sqrt(d) for d in degree]
    norm = math.sqrt(sum(degree))
    first = [r / norm for r in root]
    scaled = [[w[a][b] / (root[a] * root[b]) for b in range(m)] for a in range(m)]
    vec = [((k * 7919) % 101) / 101 - 0.5 for k in range(m)]  # any fixed start
    for _ in range(_POWER_STEPS):
        nxt = _power_step(scaled, vec, first)
        settled = max(map(abs, map(operator.sub, nxt, vec))) < 1e-9
        vec = nxt
        if settled:
            break
    return vec


def _power_step(
    scaled: Sequence[Sequence[float]], vec: Sequence[float], first: Sequence[float]
) -> list[float]:
    """One step of power iteration on (M + I) / 2, orthogonal to M's first eigenvector.

    (M + I) / 2 has M's eigenvectors and all its eigenvalues in [0, 1], so the step
    converges to the second largest, not to the most negative.

    The former comprehensions and generators as maps, the same operations on the same
    operands in the same order (the tests keep the former form): a story's refinement
    runs up to 200 steps, and the per-item Python steps were most of a small story's.
    """
    mul, div, repeat = operator.mul, operator.truediv, itertools.repeat
    along = sum(map(mul, vec, first))
    vec = list(map(operator.sub, vec, map(mul, repeat(along), first)))
    rows = map(sum, map(map, repeat(mul), scaled, repeat(vec)))
    nxt = list(map(div, map(operator.add, rows, vec), repeat(2)))
    size = math.sqrt(sum(map(mul, nxt, nxt))) or 1.0
    return list(map(div, nxt, repeat(size)))


#: At most this many power-iteration steps: a story's two blocks show long before.
_POWER_STEPS = 200


def _best_cut(
    w: Sequence[Sequence[float]], degree: Sequence[float], order: Sequence[int]
) -> tuple[list[int], list[int]]:
    """Return the prefix/suffix cut of ``order`` with the least normalized cut."""
    total = sum(degree)
    cut = volume = 0.0
    inside: set[int] = set()
    best, where = math.inf, 1
    for k, i in enumerate(order[:-1], 1):
        cut += sum(w[i][j] for j in range(len(w)) if j not in inside and j != i)
        cut -= sum(w[i][j] for j in inside)
        inside.add(i)
        volume += degree[i]
        score = cut / volume + cut / max(total - volume, 1e-12)
        if score < best:
            best, where = score, k
    return sorted(order[:where]), sorted(order[where:])


def _nearest(
    i: int,
    vec: dict[str, float],
    keys: Sequence[str],
    postings: dict[str, list[int]],
    vecs: Sequence[dict[str, float]],
    dates: Sequence[dt.date | None],
    cfg: StoryConfig,
) -> tuple[int, float]:
    """Return the earlier article most like ``vec`` (cosine at least ``link``), or -1."""
    best, best_sim = -1, cfg.link
    for j in sorted(set().union(*map(postings.get, keys, itertools.repeat(())))):
        if not _within(dates[j], dates[i], cfg.window_days):
            continue
        sim = _dot(vec, vecs[j])
        if sim >= best_sim:
            best, best_sim = j, sim
    return best, best_sim


def _merge(clusters: list[_Cluster], cfg: StoryConfig) -> list[_Cluster]:
    """Merge stories whose centroids are alike, most alike first, until none are.

    Each step merges the two most alike stories whose centroids reach ``merge``; of
    equally alike pairs, the one last in list order (:func:`_closest_pair` is the
    definition). The similarities are kept between steps: a merge changes only the pairs
    of the story that grew, so a step rescores that story against the others instead of
    every pair again (which made each step quadratic in the number of stories: 4.5 s of
    grouping 3,200 articles, ``benchmarks/bench_scale.py``).
    """
    alive = dict(enumerate(clusters))  # place in ``clusters`` -> story; merging keeps order
    holding: dict[str, set[int]] = defaultdict(set)  # term -> stories whose centroid has it
    for c, cl in alive.items():
        for t in cl.centroid:
            holding[t].add(c)
    units: dict[int, dict[str, float]] = {}
    pairs: dict[tuple[int, int], float] = {}  # (c, d) with c < d -> similarity >= merge
    for c in alive:
        _score_pairs(c, alive, holding, units, pairs, cfg, later_only=True)
    while pairs:
        _, c, d = max((sim, c, d) for (c, d), sim in pairs.items())
        gone = alive.pop(d)
        alive[c].absorb(gone)
        units.pop(c, None)
        units.pop(d, None)
        for t in gone.centroid:
            holding[t].discard(d)
            holding[t].add(c)
        for key in [k for k in pairs if c in k or d in k]:
            del pairs[key]
        _score_pairs(c, alive, holding, units, pairs, cfg, later_only=False)
    return list(alive.values())


def _score_pairs(
    c: int,
    alive: dict[int, _Cluster],
    holding: dict[str, set[int]],
    units: dict[int, dict[str, float]],
    pairs: dict[tuple[int, int], float],
    cfg: StoryConfig,
    *,
    later_only: bool,
) -> None:
    """Score story ``c`` against the stories that share a term with it, into ``pairs``.

    Only the stories after ``c`` with ``later_only``. A pair (e, f), e before f, is scored
    as :func:`_closest_pair` scores it, ``f``'s cosine with ``e``'s unit centroid, so the
    figures are the same to the last bit; ``units`` holds the unit centroids made so far.
    """
    # The union in C: a set comprehension over each term's stories took 2% of grouping.
    near = set().union(*map(holding.__getitem__, alive[c].centroid))
    near.discard(c)
    others = sorted(near)
    for d in others:
        if later_only and d < c:
            continue
        e, f = (c, d) if c < d else (d, c)
        if not _within(alive[e].last, alive[f].last, cfg.window_days):
            continue
        unit = units.get(e)
        if unit is None:
            cl = alive[e]
            root = math.sqrt(cl.norm2)  # once, not once a term (the same figure)
            unit = units[e] = {t: w / root for t, w in cl.centroid.items()}
        sim = alive[f].cosine(unit)
        if sim >= cfg.merge:
            pairs[e, f] = sim


def group(articles: Sequence[Article], config: Config) -> tuple[Story, ...]:
    """Group articles (with distinct sources) into stories; see :func:`stories`."""
    cfg = config.stories
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].published or dt.date.min, articles[i].source),
    )
    arts = [articles[i] for i in order]
    pool: dict[str, str] = {}  # one string per term of the feed
    words: dict[str, tuple[str | None, bool, str | None]] = {}  # see _features
    features = [_features(a.text, cfg.lead_words, pool, words) for a in arts]
    parsed = [bag for bag, _ in features]
    names = [pairs for _, pairs in features]
    del pool, words, features
    years = [None if a.published else _latest_year(a.text) for a in arts]
    clusters = _cluster(parsed, [a.published for a in arts], cfg, names, years)
    found: list[tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = []
    for part in clusters:
        members = sorted(part, key=lambda i: arts[i].source)
        found.append((tuple(arts[i].source for i in members), _copies(arts, members, cfg)))
    found.sort()
    return tuple(
        Story(id=f"s{n}", sources=sources, copies=copies)
        for n, (sources, copies) in enumerate(found, 1)
    )


def _copies(
    arts: Sequence[Article], members: Sequence[int], cfg: StoryConfig
) -> tuple[tuple[str, str], ...]:
    """(copy, original) pairs among a story's members: near-identical word 5-shingles.

    Each member is a copy of the earlier member it shares the most shingles with, when
    their Jaccard reaches ``copy_jaccard``; of earlier members that share equally many,
    the first in ``members`` (sorted by source). The former form broke such ties by the
    first shingle met in a set of hashes, whose order the hash seed of the process
    decides: one wire story copied twice could name a different original from one run to
    the next. Pairwise intersections of the shingle sets run in C, where the index's
    lists and Counter cost a Python-level step a shared shingle: 0.26 s -> 0.15 s over
    the corpus's stories, 1.08 s -> 0.76 s over ``bench_scale``'s 3,200 articles.
    """
    if len(members) < 2:
        return ()
    shingles = [_shingles(arts[i].text) for i in members]
    out = []
    for n, i in enumerate(members):
        mine = shingles[n]
        shared = [len(mine & other) for other in shingles[:n]]
        most = max(shared, default=0)
        if not most:
            continue
        k = shared.index(most)
        union = len(mine) + len(shingles[k]) - most
        if most / union >= cfg.copy_jaccard:
            out.append((arts[i].source, arts[members[k]].source))
    return tuple(out)


def stories(
    articles: Iterable[str | Article | Extraction] | Iterable[object],
    *,
    config: Config | None = None,
) -> tuple[Story, ...]:
    """Group a stream of articles into stories (TF-IDF, online centroid clustering).

    Takes what :func:`discrep.compare` takes (texts, paths, Articles, Extractions). Each
    :class:`~discrep.Story` names its sources and the near-duplicate wire copies among
    them. The grouping does not depend on the order of the articles.

    >>> import discrep
    >>> found = discrep.stories([
    ...     "Flood waters rose in Dhaka as monsoon rains hit Bangladesh.",
    ...     "Bangladesh: monsoon rains flood Dhaka, waters still rising.",
    ...     "The Oakland Athletics beat the Seattle Mariners in extra innings.",
    ... ])
    >>> [s.sources for s in found]
    [('text0', 'text1'), ('text2',)]
    """
    from discrep._inputs import gather

    config = config if config is not None else Config()
    return group_inputs(gather(articles, config), config)


def group_inputs(items: Sequence[Article | Extraction], config: Config) -> tuple[Story, ...]:
    """Group articles and extractions into stories by their articles' texts."""
    return group([x.article if isinstance(x, Extraction) else x for x in items], config)


def compare_by_story(
    extractions: tuple[Extraction, ...],
    config: Config,
    compare: Callable[[tuple[Extraction, ...], Config], Report],
    *,
    mapper: Callable[[Callable[[tuple[Extraction, ...]], Report], list[tuple[Extraction, ...]]],
                     Iterable[Report]] | None = None,
    found: tuple[Story, ...] | None = None,
) -> Report:
    """Group the extractions into stories, ``compare`` each story, and join the reports.

    ``mapper(fn, groups)`` runs ``fn`` over the stories' extractions (default: here, in
    order; :mod:`discrep.dask` passes one that runs them as tasks on a cluster).
    Findings, entities and alignments carry their story's id; when there are several
    stories, entity ids are prefixed with it ("s2/person:tara-reid") so they stay unique.
    ``found`` is the grouping when the caller made it already (from the texts, before
    extracting: see :func:`discrep._pipeline.compare`); it must be ``group`` of the
    extractions' articles.
    """
    if found is None:
        found = group([x.article for x in extractions], config)
    by_source = {x.article.source: x for x in extractions}
    groups = [tuple(by_source[s] for s in story.sources) for story in found]
    run = _Comparing(compare, config)
    # Each story's report is stamped as it comes (lazily when run here), so that the
    # unstamped values are let go one story at a time rather than held beside the stamped.
    reports = mapper(run, groups) if mapper is not None else map(run, groups)
    parts = [
        _stamp(report, story.id, prefix=len(found) > 1)
        for story, report in zip(found, reports, strict=True)
    ]
    return Report(
        articles=tuple(x.article for x in extractions),
        entities=tuple(e for r in parts for e in r.entities),
        alignments=tuple(a for r in parts for a in r.alignments),
        discrepancies=tuple(d for r in parts for d in r.discrepancies),
        extractions=extractions,
        stories=found,
    )


@attrs.frozen
class _Comparing:
    """``compare`` with the config bound: a picklable task for a cluster."""

    compare: Callable[[tuple[Extraction, ...], Config], Report]
    config: Config

    def __call__(self, extractions: tuple[Extraction, ...]) -> Report:
        return self.compare(extractions, self.config)


def _stamp(report: Report, story: str, *, prefix: bool) -> Report:
    return attrs.evolve(
        report,
        entities=tuple(
            attrs.evolve(e, story=story, id=f"{story}/{e.id}" if prefix else e.id)
            for e in report.entities
        ),
        alignments=tuple(attrs.evolve(a, story=story) for a in report.alignments),
        discrepancies=tuple(attrs.evolve(d, story=story) for d in report.discrepancies),
    )
