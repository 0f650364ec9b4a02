"""Cross-source entity linking across spellings (issue 3).

Mentions are grouped in three steps, each cheap:

1. Identical work is done once: mentions are grouped by (kind, name as written).
2. Within an article, a bare surname joins the full name the extractor tied it to
   (``Mention.local_key``); places join by gazetteer id.
3. Across articles, candidates come only from the same block (:func:`skeleton_key` of the
   folded surname or name), never from all pairs. Two person groups link when their folded
   surnames agree (rapidfuzz ratio at least ``NamesConfig.link_threshold``) and their
   given names are compatible (same name, cognates such as Volodymyr/Vladimir, or an
   initial); a merge that would put two incompatible given names in one entity is refused,
   so a bare "Klitschko" cannot chain two brothers together.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from anyascii import anyascii
from rapidfuzz import fuzz

from discrep._algorithms import UnionFind
from discrep._config import Config
from discrep._model import Entity, Extraction, Mention, MentionKind
from discrep._normalize import fold, fold_keys, given_compatible, skeleton_key

__all__ = ["link_entities"]


class _Groups(UnionFind):
    """Union-find over group indices, with the given names each component holds."""

    def __init__(self, givens: list[frozenset[str]]) -> None:
        super().__init__(len(givens))
        self.givens = [set(g) for g in givens]

    def join(self, a: int, b: int) -> bool:
        """Join unless the two components hold incompatible given names."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not all(given_compatible(x, y) for x in self.givens[ra] for y in self.givens[rb]):
            return False
        root = self.union(ra, rb)
        self.givens[root] |= self.givens[rb if root == ra else ra]
        return True


def _split_person(name: str) -> tuple[str | None, str]:
    words = name.split()
    if not words:
        return None, ""
    if len(words) == 1:
        return None, words[0]
    return words[0], words[-1]


# A lower-case word of the articles: "soon", "house", "hill". A single capitalised word
# that the articles also use in lower case is a common word (often at a sentence start),
# not a name to fold: romanisation folding would merge Hill with Gill, Goes with House.
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[a-z]{2,24}(?![^\W\d_])")


def _common_words(extractions: Sequence[Extraction]) -> frozenset[str]:
    # prose only: URLs and other metadata lines write names in lower case ("moscow-kiev")
    return frozenset(
        w for ex in extractions for s in ex.sentences if not s.junk
        for w in _LOWER_WORD.findall(s.text)
    )


def _bare_anchor(name: str, common: frozenset[str]) -> str:
    """Return what a single-word name must share with another to be folded into it.

    A multi-word name needs nothing more (its other words carry the evidence). A single
    word needs the same first letter after folding (romanisations differ in how they
    write an initial Zh, Kh or Ts, which folding unifies; "Utah" and "Outage" stay
    apart); a single word that is also a common lower-case word matches only itself.
    """
    if len(name.split()) != 1:
        return ""
    if name.casefold() in common:
        return "=" + name.casefold()
    return fold(name)[:1] or anyascii(name)[:1].lower()


def _bare_ok(a: str, b: str) -> bool:
    """Whether two groups with these anchors may be merged by folding."""
    if not a or not b:
        return not (a.startswith("=") or b.startswith("="))
    return a == b and not a.startswith("=")


def _surnames_score(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> float:
    """Score two folded surnames (each under all its readings); 0 when they differ."""
    if not set(a).isdisjoint(b):
        return 100.0
    # a possessive written without its apostrophe ("Zelenskys")
    if any(x[-1:] == "s" and x[:-1] in b for x in a) or any(
        y[-1:] == "s" and y[:-1] in a for y in b
    ):
        return 99.0
    if min(len(a[0]), len(b[0])) < 4:
        return 0.0
    return max(fuzz.ratio(x, y, processor=None, score_cutoff=threshold) for x in a for y in b)


def link_entities(extractions: Sequence[Extraction], config: Config) -> tuple[Entity, ...]:
    """Group the mentions of all articles into entities.

    >>> from discrep._model import Article
    >>> from discrep._extract import extract
    >>> from discrep._config import Config
    >>> texts = ["Kremlin spokesman Dmitry Peskov said so. Peskov left.",
    ...          "Dmitri Peskov said the Kremlin spokesman Vladimir Putin..."]
    >>> exs = [extract(Article(t, source=str(i)), Config()) for i, t in enumerate(texts)]
    >>> [(e.canonical, len(e.mentions)) for e in link_entities(exs, Config())
    ...  if e.kind == "person"]
    [('Dmitry Peskov', 3), ('Vladimir Putin', 1)]
    """
    threshold = config.names.link_threshold
    mentions = [m for ex in extractions for m in ex.mentions]
    common = _common_words(extractions)
    # 1. groups of mentions that are one entity for certain
    group_of: dict[tuple[str, ...], int] = {}
    members: list[list[Mention]] = []

    def group(key: tuple[str, ...]) -> int:
        idx = group_of.get(key)
        if idx is None:
            idx = group_of[key] = len(members)
            members.append([])
        return idx

    for m in mentions:
        if m.kind == "person":
            key: tuple[str, ...] = ("person", m.local_key or f"{m.source}#{fold(m.name)}")
        elif m.kind == "demonym" and m.place_id is not None:
            key = (m.kind, m.place_id)
        elif m.kind == "place" and m.place_id is not None:
            # The gazetteer resolves foreign alternate names and folded readings, so a
            # common word can resolve to a place ("Soon", "House"): a single word that
            # the articles also write in lower case joins only itself. (An initial-letter
            # guard, as for names the gazetteer does not know, would split Zhytomyr from
            # Jytomyr.)
            bare = _bare_anchor(m.name, common)
            key = (m.kind, bare) if bare.startswith("=") else (m.kind, m.place_id)
        else:
            bare = _bare_anchor(m.name, common)
            if bare.startswith("="):
                key = (m.kind, bare)
            else:
                key = (m.kind, bare, fold(m.name) or m.name.casefold())
        members[group(key)].append(m)

    # each distinct name is split and folded once
    parsed: dict[tuple[str, str], tuple[str | None, tuple[str, ...]]] = {}
    givens: list[frozenset[str]] = []
    surnames: list[tuple[str, ...]] = []
    anchors: list[str] = []
    for ms in members:
        g: set[str] = set()
        counts: dict[tuple[str, ...], int] = {}
        for m in ms:
            info = parsed.get((m.kind, m.name))
            if info is None:
                if m.kind == "person":
                    given, surname = _split_person(m.name)
                    info = (given, fold_keys(surname))
                else:
                    info = (None, (fold(m.name),))
                parsed[(m.kind, m.name)] = info
            if info[0] is not None:
                g.add(info[0])
            counts[info[1]] = counts.get(info[1], 0) + 1
        givens.append(frozenset(g))
        surnames.append(max(counts, key=counts.__getitem__) if counts else ("",))
        # a group known by a full name ("Volodymyr Zelensky") needs no anchor
        anchors.append("" if g else _bare_anchor(ms[0].name, common))
    uf = _Groups(givens)

    # 2. groups written alike in several articles are one entity at once, so that
    #    candidate pairs are counted in distinct names, not in repetitions
    by_signature: dict[tuple[object, ...], int] = {}
    representatives: list[int] = []
    for i, ms in enumerate(members):
        kind = ms[0].kind
        if kind == "demonym" or (kind == "place" and ms[0].place_id is not None):
            continue  # gazetteer ids already decided these
        if not surnames[i][0]:
            continue
        signature = (kind, surnames[i], frozenset(fold(g) for g in givens[i]), anchors[i])
        first = by_signature.setdefault(signature, i)
        if first == i:
            representatives.append(i)
        else:
            uf.join(first, i)

    # 3. blocked candidate pairs among distinct names
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in representatives:
        kind = members[i][0].kind
        for sk in surnames[i]:
            blocks[(kind, skeleton_key(sk) if kind == "person" else sk[:3])].append(i)
    pairs: list[tuple[float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for (block_kind, _), idxs in blocks.items():
        if len(idxs) < 2:
            continue
        for a_pos, a in enumerate(idxs):
            for b in idxs[a_pos + 1 :]:
                if (a, b) in seen or a == b:
                    continue
                seen.add((a, b))
                if not _bare_ok(anchors[a], anchors[b]):
                    continue
                sa, sb = surnames[a], surnames[b]
                if block_kind == "person":
                    score = _surnames_score(sa, sb, threshold)
                    if not score:
                        continue
                    # full names before bare surnames, so givens constrain the merges
                    score += 10 * min(len(givens[a]), 1) + 10 * min(len(givens[b]), 1)
                else:
                    score = fuzz.ratio(sa[0], sb[0], processor=None)
                    if score < threshold:
                        continue
                pairs.append((score, a, b))
    pairs.sort(key=lambda p: -p[0])
    for _, a, b in pairs:
        uf.join(a, b)

    # 4. entities
    comps: dict[int, list[Mention]] = defaultdict(list)
    for i, ms in enumerate(members):
        comps[uf.find(i)].extend(ms)
    order = {ex.article.source: n for n, ex in enumerate(extractions)}
    entities: list[Entity] = []
    used_ids: Counter[str] = Counter()
    for ms in comps.values():
        ms.sort(key=lambda m: (order.get(m.source, 0), m.start))
        ent_kind: MentionKind = ms[0].kind
        canonical = _canonical(ms)
        base = f"{ent_kind}:{_slug(canonical)}"
        used_ids[base] += 1
        eid = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        place_id = next((m.place_id for m in ms if m.place_id), None)
        entities.append(Entity(eid, ent_kind, canonical, tuple(ms), place_id=place_id))
    entities.sort(key=lambda e: (order.get(e.mentions[0].source, 0), e.mentions[0].start))
    return tuple(entities)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "x"


def _canonical(ms: list[Mention]) -> str:
    """Return the most common of the fullest forms (most words), first seen on ties."""
    longest = max(len(m.name.split()) for m in ms)
    counts = Counter(m.name for m in ms if len(m.name.split()) == longest)
    best = max(counts.values())
    return next(m.name for m in ms if counts.get(m.name) == best)
