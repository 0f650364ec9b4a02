"""The one adapter around quantulum3: its unit knowledge, not its number parser.

quantulum3 knows ~1,400 unit surfaces and symbols ("kilometres", "km", "mph", "°C",
"roubles") and how to choose between ambiguous ones ("pounds": sterling or mass) without
a trained model. discrep uses exactly that: :func:`unit_after` looks the words after a
number up in quantulum3's unit tables and disambiguates with its rule-based
(no-classifier) disambiguator.

Why not ``quantulum3.parser.parse`` for the numbers themselves: measured on news text it
drops every qualifier ("more than", "nearly"), reads "fifth day" as 0.2 day, "2 p.m." as
2 pennies, "$1bn" as 1 "dollar bit newton", "3.8m refugees" as 3.8 metres, "half a
million" as 1.5 million, takes years, days of the month, URL ids and model names for
quantities, never finds "hundreds of", costs ~1.2 ms per sentence and grows faster than
linearly on whole texts. discrep's own scanner (``quantities.py``) finds the numbers;
quantulum3 names their units. Its optional scikit-learn classifier is never used (the
pickled model breaks with newer scikit-learn, and scikit-learn is not a dependency).
"""

from __future__ import annotations

import collections
import functools
import re
import sys
import warnings
from typing import Any

import attrs

from discrep._cache import cache_dir, cached
from discrep._memo import memo_per

__all__ = ["unit_after", "unit_factor", "unit_kind"]

# Unit surfaces and symbols that, after a number in news text, are far more often an
# ordinary word than a unit ("3 won", "the 2 second ..."), or that discrep's own scanner
# reads itself ("dozen" is a count, "m" glued to a number is usually "million").
_NOT_UNITS = frozenset(
    [
        "won",
        "bar",
        "second",
        "in",
        "at",
        "am",
        "pm",
        "a",
        "s",
        "h",
        "t",
        "l",
        "g",
        "m",
        "b",
        "k",
        "p",
        "is",
        "as",
        "or",
        "an",
        "to",
        "on",
        "no",
        "it",
        "of",
        "by",
        "be",
        "do",
        "go",
        "he",
        "me",
        "my",
        "so",
        "up",
        "us",
        "we",
        "hi",
        "dozen",
        "dozens",
        "c",
        "f",
        "ha",
        "pa",
        "da",
    ]
)
# Short symbols accepted only when glued to the number ("30m", "5kg" but not "5 m"); "s"
# is not among them: "the 90s" and "in their 30s" are decades, not seconds.
_GLUED_ONLY = frozenset({"m", "g", "l", "t", "h", "k", "b", "c", "f", "p", "°"})
_WORD = re.compile(r"[^\W\d_][\w°²³/.'’^-]{0,24}|[%°€£$][A-Za-z]?")
_SPACE = re.compile(r"[ \t\u00a0-]?")


#: What discrep reads of a quantulum3 unit: its name and what it measures ("kilometre",
#: "length"). A plain tuple of str, not an attrs class: the collector untracks it, and so
#: the tables of 3,700 units (tuples and dicts of them) once it has seen them; as attrs
#: instances they were 11,000 tracked objects walked on every full collection.
_Unit = tuple[str, str]


@attrs.frozen
class _Units:
    """quantulum3's unit tables as plain values, so they pickle into the on-disk cache."""

    surfaces: dict[str, tuple[_Unit, ...]]
    surfaces_lower: dict[str, tuple[_Unit, ...]]
    symbols: dict[str, tuple[_Unit, ...]]
    names: dict[str, _Unit]
    #: unit name -> the words of quantulum3's training texts for it (for disambiguation)
    training: dict[str, tuple[tuple[str, ...], int]]


@functools.lru_cache(maxsize=1)
def _units() -> _Units:
    # Built once per installation (2 s, most of it quantulum3 importing inflect), then read
    # from the on-disk cache (_cache.py): a run that finds it never imports quantulum3.
    return cached("units", 2, ("quantulum3",), _build_units)


def _build_units() -> _Units:
    # quantulum3 warns at import that the classifier's optional dependencies are missing;
    # discrep never uses the classifier, so that one warning is silenced here only.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Classifier dependencies", category=UserWarning)
        from quantulum3 import load

        units = load.units("en_US")
        training_set = load.training_set("en_US")

    def plain(u: Any) -> _Unit:
        return str(u.name), str(u.entity.name)

    def table(t: dict[str, Any]) -> dict[str, tuple[_Unit, ...]]:
        return {k: tuple(plain(u) for u in v) for k, v in t.items()}

    training: dict[str, tuple[list[str], int]] = {}
    for ws in training_set:
        words, total = training.setdefault(ws["unit"], ([], 0))
        # Interned: each word is one object, pickled once (the table loads 40% faster).
        text = [sys.intern(w) for w in ws["text"].split(" ")]
        training[ws["unit"]] = (words + text, total + len(ws["text"]))
    return _Units(
        surfaces=table(units.surfaces),
        surfaces_lower=table(units.surfaces_lower),
        symbols=table(units.symbols),
        names={k: plain(u) for k, u in units.names.items()},
        training={k: (tuple(w), n) for k, (w, n) in training.items()},
    )


def _disambiguate(cands: tuple[_Unit, ...], context: str) -> _Unit | None:
    """quantulum3's no-classifier disambiguation, over the cached training words.

    The unit whose training texts have the largest share of their words in ``context``
    wins (ties: more words, then the first by name), as in
    ``quantulum3.no_classifier.disambiguate_no_classifier``, which needs quantulum3 loaded.
    A word counts when it occurs anywhere in ``context`` (a substring test). The short
    words (most of them) are looked up among the context's short substrings, one set
    intersection, and only the few long ones are searched for: measured on the ECB+
    corpus's disambiguations, 1.2 ms -> 0.15 ms each (the lists hold up to 8,000 words).
    """
    pieces = _short_pieces(context)
    best, best_count, best_share = None, 0, 0.0
    for unit in cands:
        short, long, total = _training_words(unit[0])
        count = sum(short[w] for w in short.keys() & pieces)
        count += sum(n for w, n in long if w in context)
        share = count / total if total else 0.0
        if share > best_share or (share == best_share and count > best_count):
            best, best_count, best_share = unit, count, share
    return best


#: Training words up to this length are looked up among the context's substrings.
_SHORT_WORD = 12


def _short_pieces(context: str) -> set[str]:
    """Every substring of ``context`` of at most ``_SHORT_WORD`` characters, "" included."""
    n = len(context)
    return {context[i:j] for i in range(n + 1) for j in range(i, min(n, i + _SHORT_WORD) + 1)}


@functools.lru_cache(maxsize=256)  # one entry per unit with training texts (68 today)
def _training_words(name: str) -> tuple[dict[str, int], tuple[tuple[str, int], ...], int]:
    """Return the distinct training words of unit ``name``, each with how often it occurs.

    The same count as testing every occurrence (a word found counts as often as it occurs)
    over 6x fewer tests: the longest lists hold 34,000 words of which 5,700 distinct.
    Split into the short words (a dict: it holds only strings and ints, so the collector
    never walks it) and the long ones, with the number of words of the texts.
    """
    words, total = _units().training.get(name, ((), 0))
    counts = collections.Counter(words)
    short = {w: n for w, n in counts.items() if len(w) <= _SHORT_WORD}
    long = tuple((w, n) for w, n in counts.items() if len(w) > _SHORT_WORD)
    return short, long, total


# 5,550 distinct surfaces on 840 corpus articles, 7,900 on 3,200 (bench_scale): an lru
# cache of 4,096 missed half its calls on a second compare; one dict per value of glued,
# which the collector skips (discrep._memo).
@memo_per(maxsize=16384)
def _candidates(glued: bool, surface: str) -> tuple[_Unit, ...]:
    units = _units()
    low = surface.lower()
    if low in _NOT_UNITS and not (glued and low in _GLUED_ONLY):
        return ()
    cands = units.surfaces.get(surface) or units.surfaces_lower.get(low)
    if not cands and (glued or len(surface) >= 2):
        cands = units.symbols.get(surface)
    return tuple(sorted(cands, key=lambda u: u[0])) if cands else ()


_POWER = re.compile(r"(.+?)(?:\^?([23])|([²³]))$")
#: The last character of every full match of ``_POWER``.
_POWER_LAST = ("2", "3", "²", "³")


# Glued to a number in news, "45C" and "113F" are temperatures, not coulombs and farads.
_GLUED_TEMPERATURE = {"C": "degree Celsius", "F": "degree fahrenheit"}


def _lookup(surface: str, glued: bool, context: str) -> str | None:
    if glued and surface in _GLUED_TEMPERATURE:
        return _GLUED_TEMPERATURE[surface]
    if glued and surface == "G":
        return None  # "3G", "4G": a mobile network's generation in news, never gauss
    # A power ends the surface with its digit: the pattern is tried only there (9 surfaces
    # in 10 end otherwise; the lazy ``.+?`` tried every split of them, 1 us each).
    power = _POWER.fullmatch(surface) if surface.endswith(_POWER_LAST) else None
    if power and not surface[-1:].isalpha():
        return _power_unit(power, glued, context)
    cands = _candidates(glued, surface)
    if not cands:
        return None
    unit = _choose(cands, context)
    if unit is None:
        return None
    name = unit[0]
    return None if name in {"dimensionless", "count", "unk"} else name


def _power_unit(power: re.Match[str], glued: bool, context: str) -> str | None:
    """Read "km2", "km^2", "m³": quantulum3 knows "square kilometre", not these spellings."""
    base = _lookup(power.group(1), glued, context)
    n = power.group(2) or ("2" if power.group(3) == "²" else "3")
    name = ("square " if n == "2" else "cubic ") + (base or "")
    return name if base and name in _units().names else None


def _choose(cands: tuple[_Unit, ...], context: str) -> _Unit | None:
    """Pick one of several units a surface may name, with quantulum3's rules (no model)."""
    timed = [u for u in cands if u[1] == "time"]
    if len(cands) == 1:
        return cands[0]
    if len(timed) == 1:
        return timed[0]  # "minutes" after a number in news is time, not minutes of arc
    return _disambiguate(cands, context)


def unit_after(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """Return the unit written at ``text[pos:end]`` (after a number) and where it ends.

    Tries the longest of the next three words first ("square kilometres" before
    "square"). Returns quantulum3's unit name ("kilometre", "pound sterling").
    """
    m = _SPACE.match(text, pos, end)
    start = m.end() if m else pos
    glued = start == pos
    context = text[max(0, pos - 60) : min(end, pos + 60)]
    per = _per_unit(text, start, end, glued, context)
    if per is not None:
        return per
    words: list[tuple[int, int]] = []
    at = start
    for _ in range(3):
        w = _WORD.match(text, at, end)
        if not w:
            break
        words.append((w.start(), w.end()))
        if w.end() >= end or text[w.end()] not in " \t":
            break
        at = w.end() + 1
    for n in range(len(words), 0, -1):
        s, e = words[0][0], words[n - 1][1]
        surface = text[s:e].rstrip(".'’-")
        name = _lookup(surface, glued and n == 1, context)
        if name is not None:
            return name, s + len(surface)
    return None


# "mg/L", "kWh/m2", "km/hr": a unit per a unit; "m s−1", "W m-2", "km h⁻¹": the same
# written with a negative exponent.
_PER = re.compile(
    r"(?P<a>[^\W\d_][\w°]{0,11})(?:/(?P<b>[^\W\d_][\w°²³]{0,11})"
    r"|[ \t·⋅](?P<c>[^\W\d_]{1,6})(?:[-−]|⁻)(?P<n>[12]|¹|²)(?![\w]))"
)
_SPELLED_UNITS = {"kmph": "kilometre per hour", "kph": "kilometre per hour"}


def _per_unit(
    text: str, start: int, end: int, glued: bool, context: str
) -> tuple[str, int] | None:
    """Read a compound unit: "5 mg/L" (milligram per litre), "3 m s−1" (metre per second)."""
    m = _PER.match(text, start, end)
    if m is None:
        word = _WORD.match(text, start, end)
        surface = word.group().rstrip(".'’-").lower() if word is not None else ""
        if surface in _SPELLED_UNITS:
            return _SPELLED_UNITS[surface], start + len(surface)
        return None
    top = _part(m.group("a"), glued, context)
    under = m.group("b") or m.group("c")
    power = ""
    if len(under) == 2 and under[1] in "23²³":  # "kWh/m2"
        under, power = under[0], ("square " if under[1] in "2²" else "cubic ")
    bottom = _part(under, False, context)
    if top is None or bottom is None:
        return None
    if m.group("n") in {"2", "²"}:
        power = "square "
    return f"{top} per {power}{bottom}", m.end()


def _part(surface: str, glued: bool, context: str) -> str | None:
    """Look up one side of a compound unit; single letters are SI symbols there."""
    return _lookup(surface, glued, context) if len(surface) > 1 else _SINGLE.get(surface)


# Single letters under a slash or with an exponent: "m/s", "km h-1".
_SINGLE = {"s": "second", "h": "hour", "m": "metre", "L": "litre", "l": "litre", "g": "gram",
           "d": "day"}


@functools.lru_cache(maxsize=512)
def unit_kind(name: str) -> str:
    """Return what a unit measures ("kilometre" -> "length"); the name itself if unknown.

    >>> unit_kind("mile"), unit_kind("percent")
    ('length', 'percent')
    """
    unit = _units().names.get(name)
    return unit[1] if unit is not None else name


# --- conversion between units ---------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _pint_factor(src: str, dst: str) -> float | None:
    """Ask pint what one ``src`` is in ``dst`` (None: pint does not know one, or they differ)."""
    try:
        q = _registry().Quantity(1.0, src.replace(" ", "_"))
        return float(q.to(dst.replace(" ", "_")).magnitude)
    except Exception:  # pint raises many kinds for unknown or incompatible units
        return None


@attrs.frozen
class _Factors:
    """pint's answers for every pair of quantulum3's unit names, as plain values."""

    #: the names asked about: a pair of these absent from ``by_unit`` is not convertible
    asked: frozenset[str]
    #: src -> dst -> what one src is in dst, for the pairs of one dimension
    by_unit: dict[str, dict[str, float]]


@functools.lru_cache(maxsize=1)
def _factors() -> _Factors | None:
    # Built once per installation (0.6 s: importing pint, which imports numpy and more, 0.3 s;
    # its registry, 0.15 s; 5,200 conversions, 0.2 s), then read from the on-disk cache in
    # well under a millisecond: a run that converts only quantulum3's units never imports pint.
    # With the cache turned off, pint answers the few pairs a run asks instead.
    if cache_dir() is None:
        return None
    return cached("unit-factors", 1, ("quantulum3", "pint"), _build_factors)


def _build_factors() -> _Factors:
    names = sorted(_units().names)
    by_dimension: dict[Any, list[str]] = {}
    for name in names:
        try:
            q = _registry().Quantity(1.0, name.replace(" ", "_"))
        except Exception:  # not a unit pint knows: no pair of it converts
            continue
        by_dimension.setdefault(q.dimensionality, []).append(name)
    by_unit: dict[str, dict[str, float]] = {}
    for group in by_dimension.values():
        for src in group:
            row = {dst: _pint_factor(src, dst) for dst in group}
            by_unit[src] = {dst: f for dst, f in row.items() if f is not None}
    return _Factors(frozenset(names), by_unit)


def unit_factor(src: str, dst: str) -> float | None:
    """Multiply a value in ``src`` by this to express it in ``dst`` (None: not convertible).

    Units are quantulum3's names; the answer is pint's. Pairs of quantulum3's own names come
    from a table built once and cached on disk; any other name ("km"), or any pair when the
    cache is turned off, asks pint itself.

    >>> unit_factor("mile", "kilometre"), unit_factor("mile", "kilogram")
    (1.609344, None)
    """
    factors = _factors()
    if factors is not None and src in factors.asked and dst in factors.asked:
        return factors.by_unit.get(src, {}).get(dst)
    return _pint_factor(src, dst)
