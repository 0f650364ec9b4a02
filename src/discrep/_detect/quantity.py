"""The `quantity` check: figures about the same thing that cannot both be true.

Two quantities from different articles are about the same thing when

- the counted thing matches: the same head noun (singular and plural alike; "people",
  "refugees", "residents" and the like all count persons) and modifiers that agree
  (rapidfuzz ``token_set_ratio`` above ``QuantityConfig.what_threshold``, so "Russian
  soldiers" matches "soldiers" but not "Ukrainian soldiers");
- the predicate matches: "killed" and "dead" are one measure, "taken prisoner" another,
  "fled" another, "trapped" another; a figure with a predicate never matches one without;
- the places named in their sentences overlap (when both name one);
- the units convert into each other (pint, loaded only when two units differ).

Such a pair is a conflict when the intervals the words allow (``Quantity.low`` ..
``Quantity.high``, docs/quantities.md) are disjoint and the figures are dated alike. A
figure reported on a later date than another is an *update* when it grew (or when it
measures a state, such as people trapped, that may shrink), not a conflict.

Candidate pairs are blocked by head noun (else unit kind, else verb) and predicate
group, and every quantity is judged only against its best counterpart in each other
article (the one in the most similar sentence), so the same figure repeated elsewhere in
an article is not compared with an unrelated one. And counting the same kind of thing is
not enough to conflict: the two sentences must state the same fact (numbers masked,
rapidfuzz ``token_sort_ratio`` above ``QuantityConfig.context_threshold``, a lower bar
when statement alignment grouped them, a higher one for undated figures), the words
around the figures must be alike, neither or both must be running totals ("so far"), and
the figures must be within ``max_ratio`` of each other. :func:`relation` leaves that
sentence test to its caller, which passes statements it has already aligned.
The rules are documented in docs/quantities.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Literal

from rapidfuzz import fuzz, process, utils

from discrep._algorithms import indexed_pairs
from discrep._config import Config
from discrep._detect import Context, claim
from discrep._model import Discrepancy, Extraction, Quantity

__all__ = ["find", "relation"]

Relation = Literal["unrelated", "agree", "update", "conflict"]

# Heads that all count persons: "5,000 people killed" and "5,000 civilians killed" are
# compared; "soldiers", "children" and "troops" are not folded into them.
_PERSONS = frozenset(
    ["people", "persons", "person", "individuals", "refugees", "residents", "inhabitants",
     "civilians"]
)
# Predicates that measure the same thing, by group.
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
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|across|throughout)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
# A running total ("so far", "since February 24") is not the figure of one event.
_RUNNING_TOTAL = re.compile(
    r"\b(?:so|thus)\s+far\b|\bto\s+date\b|\bin\s+(?:total|all)\b|\baltogether\b"
    r"|\boverall\b|\bcumulative\b|\bsince\b|\ba\s+total\s+of\b|\b(?:until|up\s+to)\s+now\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+){0,2}")


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
    blocks: dict[str, list[tuple[int, Quantity]]] = defaultdict(list)
    for i, ex in enumerate(context.extractions):
        for q in _comparable(ex.quantities):
            key = _block_key(q)
            if key is not None:
                blocks[key].append((i, q))
    exs = context.extractions
    aligned = _aligned_sentences(context)
    for key in sorted(blocks):
        for (i, j), pairs in sorted(_candidate_pairs(exs, blocks[key], config).items()):
            for score, window, q1, q2 in pairs:
                if window < config.quantities.window_threshold:
                    continue
                if not _same_fact(exs[i], q1, exs[j], q2, score, aligned, config):
                    continue
                if not _comparable_size(q1, q2, config):
                    continue
                if relation(exs[i], q1, exs[j], q2, config) == "conflict":
                    yield _discrepancy(exs[i], q1, exs[j], q2)


def _candidate_pairs(
    exs: tuple[Extraction, ...], items: list[tuple[int, Quantity]], config: Config
) -> dict[tuple[int, int], list[tuple[float, float, Quantity, Quantity]]]:
    """Pair the figures of one block across articles, one counterpart per figure and article.

    Sentence similarity (numbers masked) is computed by rapidfuzz's C loop over the block
    with the lowest bar a conflict could pass as cutoff, so Python only sees the few
    pairs that could conflict. Within each pair of articles the pairs are then taken
    greedily, most similar first (sentence plus word window), each figure at most once:
    the same figure repeated in an article is not compared with an unrelated one.

    Returns {(article, other article): [(sentence score, window score, figure, other)]}.
    """
    if len({i for i, _ in items}) < 2:
        return {}
    cfg = config.quantities
    proc = utils.default_process
    masked = [_masked(exs[i], q) for i, q in items]
    windows = [_window(exs[i], q) for i, q in items]
    cutoff = min(cfg.context_threshold, cfg.aligned_context_threshold)
    edges: dict[tuple[int, int], list[tuple[float, float, int, int]]] = defaultdict(list)
    # A small block is scored whole, in rapidfuzz's C loop. A large one (a common noun
    # over hundreds of articles) would cost block² there, so each figure is scored only
    # against figures whose masked sentence shares one of its rarer words: sentences
    # that share only common words do not reach the cutoff's token overlap.
    candidates = (
        None if len(items) <= _EXACT_BLOCK
        else _rare_word_candidates(masked, proc, cfg.rare_word_postings)
    )
    everyone = list(range(len(items)))
    for a, (i, qa) in enumerate(items):
        ids = everyone if candidates is None else candidates(a)
        hits = process.extract(
            masked[a], [masked[b] for b in ids], scorer=fuzz.token_sort_ratio, processor=proc,
            score_cutoff=cutoff, limit=None,
        )
        for _choice, sentence, k in hits:
            b = ids[k]
            j, qb = items[b]
            if b <= a or j == i or not _same_measure(exs[i], qa, exs[j], qb, config):
                continue
            window = fuzz.token_sort_ratio(windows[a], windows[b], processor=proc)
            edges[(i, j)].append((sentence, window, a, b))
    out: dict[tuple[int, int], list[tuple[float, float, Quantity, Quantity]]] = {}
    for pair, found in edges.items():
        found.sort(key=lambda t: (-(t[0] + t[1]), t[2], t[3]))
        used: set[int] = set()
        chosen = []
        for sentence, window, a, b in found:
            if a in used or b in used:
                continue
            used.update((a, b))
            chosen.append((sentence, window, items[a][1], items[b][1]))
        out[pair] = chosen
    return out


_EXACT_BLOCK = 256


def _rare_word_candidates(
    masked: list[str], proc: Callable[[str], str], max_postings: int
) -> Callable[[int], list[int]]:
    """Index a large block's sentences by their rarer words (at most ``max_postings`` uses).

    Returns a function giving, for sentence ``a``, the sentences after it that share a
    rare word or are identical to it (at most ``max_postings`` of those too): at most
    ``max_postings`` postings per word, so the total work is linear in the block.
    """
    keys = [{*proc(m).split(), "\x00" + proc(m)} for m in masked]
    after: dict[int, list[int]] = defaultdict(list)
    for a, b in sorted(indexed_pairs(keys, max_postings)):
        after[a].append(b)
    return lambda a: after.get(a, [])


def _comparable_size(q_a: Quantity, q_b: Quantity, config: Config) -> bool:
    """Figures of the same fact are within ``max_ratio`` of each other (units aside)."""
    if q_a.unit != q_b.unit:
        return True
    a, b = abs(q_a.value), abs(q_b.value)
    if min(a, b) == 0:
        return max(a, b) <= config.quantities.max_ratio
    return max(a, b) / min(a, b) <= config.quantities.max_ratio


def _aligned_sentences(context: Context) -> set[tuple[str, int, str, int]]:
    """(source, sentence start) pairs that statement alignment put in one group."""
    out: set[tuple[str, int, str, int]] = set()
    by_source = context.by_source
    for al in context.alignments:
        starts = []
        for st in al.statements:
            ex = by_source.get(st.source)
            sent = ex.sentence_at(st.start) if ex is not None else None
            if sent is not None:
                starts.append((st.source, sent.start))
        for a in starts:
            for b in starts:
                if a[0] != b[0]:
                    out.add((*a, *b))
    return out


def _same_fact(
    ex_a: Extraction,
    q_a: Quantity,
    ex_b: Extraction,
    q_b: Quantity,
    score: float,
    aligned: set[tuple[str, int, str, int]],
    config: Config,
) -> bool:
    """Whether the two figures' sentences state the same fact (so the figures can conflict).

    Counting the same kind of thing is not enough ("54 games with the Angels" and "157
    games with the Angels and Braves"): the sentences, numbers masked, must read alike, or
    statement alignment must have put them together.
    """
    sa, sb = ex_a.sentence_at(q_a.start), ex_b.sentence_at(q_b.start)
    if sa is None or sb is None:
        return False
    if bool(_RUNNING_TOTAL.search(sa.text)) != bool(_RUNNING_TOTAL.search(sb.text)):
        return False  # "31 magazines in five operations so far" vs "12 in the operation"
    key = (ex_a.article.source, sa.start, ex_b.article.source, sb.start)
    cfg = config.quantities
    bar = cfg.aligned_context_threshold if key in aligned else cfg.context_threshold
    if _date(ex_a, q_a) is None or _date(ex_b, q_b) is None:
        # undated figures may come from different events of one kind: ask for more, and
        # for a predicate that says what happened ("killed", not "49 points")
        if q_a.predicate is None:
            return False
        bar = min(100.0, bar + cfg.undated_margin)
    return score >= bar


_DIGITS = re.compile(r"\d[\d,.]*")
_WORDS_BEFORE = re.compile(r"(?:[\w'’-]+\W{1,3}){0,5}$")
_WORDS_AFTER = re.compile(r"(?:\W{1,3}[\w'’-]+){0,5}")


def _window(ex: Extraction, q: Quantity) -> str:
    """Return the five words on each side of the figure, within its sentence, digits masked."""
    sent = ex.sentence_at(q.start)
    if sent is None:
        return ""
    text = ex.article.text
    before = _WORDS_BEFORE.search(text, max(sent.start, q.start - 80), q.start)
    after = _WORDS_AFTER.match(text, q.end, min(sent.end, q.end + 80))
    left = before.group() if before else ""
    right = after.group() if after else ""
    return _DIGITS.sub("#", f"{left} # {right}")


def _masked(ex: Extraction, q: Quantity) -> str:
    """Return the quantity's sentence with the figure itself and every digit masked."""
    sent = ex.sentence_at(q.start)
    if sent is None:
        return ""
    text = ex.article.text
    masked = text[sent.start : q.start] + " # " + text[q.end : sent.end]
    return _DIGITS.sub("#", masked)


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
    if not _same_measure(ex_a, q_a, ex_b, q_b, config):
        return "unrelated"
    conv = _converted(q_b, q_a.unit, q_b.unit)
    if conv is None:
        return "unrelated"
    lo_b, hi_b = conv
    overlap = q_a.low <= hi_b and lo_b <= q_a.high
    date_a, date_b = _date(ex_a, q_a), _date(ex_b, q_b)
    if date_a is not None and date_b is not None:
        days = (date_b - date_a).days
        if abs(days) >= config.quantities.update_days:
            if overlap:
                return "agree"
            grew = (lo_b > q_a.high) == (days > 0)
            group = _predicate_group(q_a.predicate)
            if grew or group not in _CUMULATIVE:
                return "update"
            return "conflict"
    return "agree" if overlap else "conflict"


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
    what = q.what or ""
    if q.predicate and what.endswith(q.predicate):
        what = what[: -len(q.predicate)].strip()
    return what


@functools.lru_cache(maxsize=4096)
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
    np_ = _noun_phrase(q)
    if not np_:
        return None
    head = _singular(np_.split()[-1])
    if head + "s" in _PERSONS or head in _PERSONS or np_.split()[-1].lower() in _PERSONS:
        return "person"
    return head


def _block_key(q: Quantity) -> str | None:
    """Group figures that may measure the same thing: head noun, else unit kind, and verb."""
    group = _predicate_group(q.predicate)
    head = _head(q)
    if head is not None:
        return f"{head}|{group}"
    if q.unit is not None:  # "60 km south of the city": a distance, whatever its unit
        from discrep._extract._quantulum import unit_kind

        return f"unit:{unit_kind(q.unit)}|{group}"
    if group is not None:  # "12 were injured"
        return f"count|{group}"
    return None


def _predicate_group(pred: str | None) -> str | None:
    if pred is None:
        return None
    words = pred.lower().split()
    for w in words:
        if w in _PREDICATE_GROUPS:
            return _PREDICATE_GROUPS[w]
    return words[0] if words else None


def _same_measure(
    ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity, config: Config
) -> bool:
    if ex_a.article.source == ex_b.article.source:
        return False
    if _block_key(q_a) is None or _block_key(q_a) != _block_key(q_b):
        return False
    np_a, np_b = _noun_phrase(q_a), _noun_phrase(q_b)
    if _head(q_a) == "person" and q_a.predicate is None:
        return False  # "a city of 1.5 million people", "dozens of residents": not one measure
    if np_a and np_b and _head(q_a) != "person":
        score = fuzz.token_set_ratio(np_a, np_b, processor=utils.default_process)
        if score < config.quantities.what_threshold:
            return False
    places_a, places_b = _places(ex_a, q_a), _places(ex_b, q_b)
    return not (places_a and places_b and not places_a & places_b)


def _places(ex: Extraction, q: Quantity) -> frozenset[str]:
    """Return where the figure is located: places after "in", "at", "near" in its sentence.

    Uses the names extractor's place mentions, else capitalised words. A place named
    otherwise ("Russia's economy", "over Ukraine's borders") does not locate the figure.
    """
    sent = ex.sentence_at(q.start)
    if sent is None:
        return frozenset()
    text = ex.article.text
    spans = [
        (m.start, (m.place_id or m.name).casefold())
        for m in ex.mentions
        if m.kind == "place" and sent.start <= m.start < sent.end
    ]
    if not ex.mentions:
        spans = [
            (sent.start + m.start(), m.group().casefold())
            for m in _CAPITALISED.finditer(sent.text)
        ]
    return frozenset(
        name
        for start, name in spans
        if _LOCATIVE.search(text[max(sent.start, start - 40) : start])
    )


# --- when ---------------------------------------------------------------------------------


def _date(ex: Extraction, q: Quantity) -> dt.date | None:
    """Return the date a figure refers to: a date stated in its sentence, else the article's."""
    sent = ex.sentence_at(q.start)
    if sent is not None:
        text = ex.article.text
        for t in ex.times:
            if (
                sent.start <= t.start < sent.end
                and t.value is not None
                and t.type in {"date", "weekday", "relative"}
                and not _PERIOD_WORD.search(text[max(sent.start, t.start - 8) : t.start])
            ):
                return t.value
    return ex.reference_date or ex.article.published


# --- units --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=1024)
def _factor(src: str, dst: str) -> float | None:
    """Multiply a value in ``src`` by this to express it in ``dst`` (None: not convertible)."""
    try:
        ureg = _registry()
        return float(ureg.Quantity(1.0, src.replace(" ", "_")).to(dst.replace(" ", "_")).magnitude)
    except Exception:  # pint raises many kinds for unknown or incompatible units
        return None


def _converted(q: Quantity, target: str | None, unit: str | None) -> tuple[float, float] | None:
    if unit == target:
        return q.low, q.high
    if unit is None or target is None:
        return None
    f = _factor(unit, target)
    if f is None:
        return None
    return q.low * f, q.high * f


# --- pairing and reporting ----------------------------------------------------------------


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
    return f"{q.text!r} ({words[q.qualifier]}{q.value:,g}{unit})"


def _discrepancy(ex_a: Extraction, q_a: Quantity, ex_b: Extraction, q_b: Quantity) -> Discrepancy:
    subject = q_a.what or q_a.predicate or q_a.unit or "figure"
    dated = _date(ex_a, q_a) is not None and _date(ex_b, q_b) is not None
    reason = (
        f"{subject}: {ex_a.article.source} says {_describe(q_a)}, "
        f"{ex_b.article.source} says {_describe(q_b)}; both cannot be true"
        + ("" if dated else " (the figures are not dated)")
    )
    return Discrepancy(
        kind="quantity",
        subject=subject,
        claims=(
            claim(ex_a, q_a.start, q_a.end, q_a.value),
            claim(ex_b, q_b.start, q_b.end, q_b.value),
        ),
        reason=reason,
        confidence=0.9 if dated else 0.7,
    )
