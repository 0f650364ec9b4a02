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

__all__ = ["identified"]

#: An event mention, its article, what identifies it and (surname, given names) of each
#: person it happens to.
Identified = tuple[Extraction, Event, tuple[str, ...], tuple[tuple[str, str], ...]]


def _person(m: Mention) -> tuple[str, str]:
    words = [w for w in m.name.replace(".", " ").split() if w]
    if not words:
        return "", ""
    return words[-1].casefold(), " ".join(words[:-1]).casefold()


def _given_compatible(a: str, b: str) -> bool:
    """Tell given names that may be one person's: one missing, an initial, a short form."""
    if not a or not b:
        return True
    x, y = a.split()[0], b.split()[0]
    return x[:1] == y[:1] and (len(x) == 1 or len(y) == 1 or x[:3] == y[:3])


def _identifiable(context_extractions: tuple[Extraction, ...], want: Callable[[Event], bool]
                  ) -> list[Identified]:
    out = []
    for ex in context_extractions:
        for e in ex.events:
            if not want(e):
                continue
            keys = e.keys if e.type in ONCE_TYPES else tuple(
                k for k in e.keys if k.startswith(("amount:", "quote:")))
            people = tuple(_person(m) for m in e.patients) if e.type in ONCE_TYPES else ()
            if keys or people:
                out.append((ex, e, keys, people))
    return out


def identified(
    extractions: tuple[Extraction, ...], want: Callable[[Event], bool]
) -> Iterator[list[tuple[Extraction, Event]]]:
    """Yield the groups of event mentions (``want`` ones only) that are one event.

    Each mention joins the first earlier one it shares a key or a compatible person with:
    one pass, linear in the number of mentions. Only groups spanning two sources.
    """
    items = _identifiable(extractions, want)
    sets = UnionFind(len(items))
    first: dict[tuple[str, str], int] = {}
    named: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for i, (_, e, keys, people) in enumerate(items):
        for k in keys:
            sets.union(i, first.setdefault((e.type, k), i))
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
