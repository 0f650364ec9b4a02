"""One event told by several sources, recognised whatever date or place each gives it.

A person dies once, is killed once, is born once, pleads to a charge once; a ship sinks
once; a sale has its price; a quoted sentence was said once. Event mentions of such a type
that share who it happened to (by surname, given names compatible: "Audrey Felt" is not
"Mark Felt"), what it happened to ("object:trawler"), a price or a quote are one event,
so the date and venue checks can compare what the sources say about it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from discrep._algorithms import UnionFind
from discrep._lexicon import ONCE_TYPES
from discrep._model import Event, Extraction, Mention

__all__ = ["identified", "people_conflict", "people_of"]

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: An event mention, its article, what identifies it and (surname, given names) of each
#: person it happens to.
Identified = tuple[Extraction, Event, tuple[str, ...], tuple[tuple[str, str], ...]]


def _person(m: Mention) -> tuple[str, str]:
    words = [w for w in m.name.replace(".", " ").replace(",", " ").split() if w]
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words.pop()
    if not words:
        return "", ""
    return words[-1].casefold(), " ".join(words[:-1]).casefold()


def _first_given(given: str) -> str:
    """Return the given name to compare: past leading initials ("w mark" -> "mark")."""
    words = given.split()
    return next((w for w in words if len(w) > 1), words[0])


def _given_compatible(a: str, b: str) -> bool:
    """Tell given names that may be one person's: one missing, an initial, a short form."""
    if not a or not b:
        return True
    x, y = _first_given(a), _first_given(b)
    return x[:1] == y[:1] and (len(x) == 1 or len(y) == 1 or x[:3] == y[:3])


def people_conflict(a: tuple[tuple[str, str], ...], b: tuple[tuple[str, str], ...]) -> bool:
    """Tell two events' people apart: both name someone, and nobody named is in both.

    "Doe died in prison" and "Roe died in prison" share what they say but not who died:
    they are two deaths, however alike the rest.

    >>> people_conflict((("doe", "john"),), (("roe", ""),))
    True
    >>> people_conflict((("doe", "john"),), (("doe", "j"),)), people_conflict((), (("roe", ""),))
    (False, False)
    """
    if not a or not b:
        return False
    return not any(sa == sb and _given_compatible(ga, gb) for sa, ga in a for sb, gb in b)


def people_of(e: Event) -> tuple[tuple[str, str], ...]:
    """Return (surname, given names) of each person a once-only event happens to."""
    return tuple(_person(m) for m in e.patients) if e.type in ONCE_TYPES else ()


def _identifiable(context_extractions: tuple[Extraction, ...], want: Callable[[Event], bool]
                  ) -> list[Identified]:
    out = []
    for ex in context_extractions:
        for e in ex.events:
            if not want(e):
                continue
            keys = e.keys if e.type in ONCE_TYPES else tuple(
                k for k in e.keys if k.startswith(("amount:", "quote:")))
            people = people_of(e)
            if keys or people:
                out.append((ex, e, keys, people))
    return out


def identified(
    extractions: tuple[Extraction, ...], want: Callable[[Event], bool]
) -> Iterator[list[tuple[Extraction, Event]]]:
    """Yield the groups of event mentions (``want`` ones only) that are one event.

    Each mention joins the first earlier one it shares a compatible person with; a key
    (what happened, not to whom) joins it to the first earlier holder of the key when one
    of the two names nobody, so "Doe died in prison" never joins "Roe died in prison".
    One pass, linear in the number of mentions. Only groups spanning two sources. A group
    may still chain two people through a mention naming nobody: pair checks use
    :func:`people_conflict`.
    """
    items = _identifiable(extractions, want)
    sets = UnionFind(len(items))
    first: dict[tuple[str, str], int] = {}
    first_nobody: dict[tuple[str, str], int] = {}
    named: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for i, (_, e, keys, people) in enumerate(items):
        for k in keys:
            key = (e.type, k)
            if not people:
                sets.union(i, first.setdefault(key, i))
                first_nobody.setdefault(key, i)
                continue
            if key in first_nobody:
                sets.union(i, first_nobody[key])
            first.setdefault(key, i)
        for surname, given in people:
            earlier = named.setdefault((e.type, surname), [])
            j = next((j for g, j in earlier if _given_compatible(given, g)), None)
            if j is not None:
                sets.union(i, j)
            earlier.append((given, i))
    for members in sets.groups().values():
        group = [(items[i][0], items[i][1]) for i in members]
        if len({ex.article.source for ex, _ in group}) >= 2:
            yield group
