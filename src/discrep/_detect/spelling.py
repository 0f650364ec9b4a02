"""The `spelling` check: one entity, written differently across (or within) sources.

What counts as a different spelling is decided word by word on the name proper, so that
these are *not* reported: case, punctuation and diacritics ("Dr"/"Dr."), a possessive with
or without its apostrophe ("Zelensky's", "Zelenskys"), an added first name or middle
initial ("Zelensky"/"Volodymyr Zelensky"), a feature word ("Dnipro"/"Dnipro River"),
abbreviations ("U.S."/"United States"), and demonyms, which are separate entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from rapidfuzz import fuzz

from discrep._detect import Context, claim
from discrep._model import Discrepancy, Entity, Extraction, Mention
from discrep._normalize import fold, surface

__all__ = ["find"]

_FEATURE_WORDS = frozenset(
    {"river", "sea", "ocean", "lake", "bay", "gulf", "strait", "peninsula", "island"}
    | {"islands", "mountains", "valley", "region", "oblast", "province", "governorate"}
    | {"krai", "district"}
)


def _is_abbreviation(name: str) -> bool:
    compact = name.replace(".", "").replace(" ", "")
    return (compact.isupper() and len(compact) <= 6) or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", name))


def _spelling(m: Mention) -> tuple[str | None, str] | None:
    """(given name, surname) for people; (None, name) for places, as surface forms."""
    if _is_abbreviation(m.name):
        return None
    words = [w for w in surface(m.name).split() if w not in _FEATURE_WORDS]
    if not words:
        return None
    if m.kind == "person":
        given = words[0] if len(words) > 1 and len(words[0].rstrip(".")) > 1 else None
        return given, words[-1]
    return None, " ".join(words)


def _merge_possessive(forms: set[str]) -> dict[str, str]:
    """Map 'zelenskys' to 'zelensky' when both occur (a possessive without apostrophe)."""
    return {f: f[:-1] if f.endswith("s") and f[:-1] in forms else f for f in forms}


def find(context: Context) -> Iterator[Discrepancy]:
    """Yield one spelling discrepancy per person or place written in more than one way.

    >>> import discrep
    >>> r = discrep.compare(["Kremlin spokesman Dmitry Peskov spoke.",
    ...                      "Kremlin spokesman Dmitri Peskov spoke."])
    >>> [d.reason for d in r.discrepancies if d.kind == "spelling"]
    ['written Dmitry Peskov (text0), Dmitri Peskov (text1)']
    """
    by_source = context.by_source
    for entity in context.entities:
        if entity.kind not in ("person", "place"):
            continue
        found = _entity_discrepancy(entity, by_source)
        if found is not None:
            yield found


def _entity_discrepancy(
    entity: Entity, by_source: Mapping[str, Extraction]
) -> Discrepancy | None:
    spelled = [(m, s) for m in entity.mentions if (s := _spelling(m)) is not None]
    if len(spelled) < 2:
        return None
    surnames = _merge_possessive({s for _, (_, s) in spelled})
    givens = {g for _, (g, _) in spelled if g is not None}
    if len(set(surnames.values())) < 2 and len(givens) < 2:
        return None
    if entity.kind == "place":
        forms = sorted(set(surnames.values()))
        # names that share nothing are different names (a renaming), not spellings
        if any(fuzz.ratio(a, b, processor=fold) < 60 for a in forms for b in forms):
            return None
    # one claim per distinct full spelling; a bare surname is dropped when a full name
    # with the same surname spelling exists
    keyed: dict[tuple[str | None, str], list[Mention]] = {}
    for m, (given, sur) in spelled:
        keyed.setdefault((given, surnames[sur]), []).append(m)
    with_given = {sur for given, sur in keyed if given is not None}
    keys = [k for k in keyed if not (k[0] is None and k[1] in with_given)]
    if len(keys) < 2:
        return None
    claims = []
    parts = []
    for key in keys:
        ms = keyed[key]
        # quote a mention spelled exactly as the key when there is one (not a possessive)
        first = next((m for m in ms if _spelling(m) == (key[0], key[1])), ms[0])
        ex = by_source[first.source]
        written = _written(first)
        sources = list(dict.fromkeys(m.source for m in ms))
        claims.append(claim(ex, first.start, first.end, value=written))
        parts.append(f"{written} ({', '.join(sources)})")
    return Discrepancy(
        kind="spelling",
        subject=entity.canonical,
        claims=tuple(claims),
        reason="written " + ", ".join(parts),
        confidence=0.9 if entity.kind == "person" else 0.8,
    )


def _written(m: Mention) -> str:
    return m.name
