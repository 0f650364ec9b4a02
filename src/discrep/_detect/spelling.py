"""The `spelling` check: one entity, written differently across (or within) sources.

What counts as a different spelling is decided word by word on the name proper, so that
these are *not* reported: case, punctuation, hyphens and diacritics ("Dr"/"Dr.",
"Wi-Fi"/"WiFi"), British and American orthography, a possessive with
or without its apostrophe ("Zelensky's", "Zelenskys"), an added first name or middle
initial ("Zelensky"/"Volodymyr Zelensky"), a feature word ("Dnipro"/"Dnipro River"),
abbreviations ("U.S."/"United States"), and demonyms, which are separate entities.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Mapping

from rapidfuzz import fuzz

from discrep._config import Config, NamesConfig
from discrep._detect import Context, claim
from discrep._memo import memo
from discrep._model import Discrepancy, Entity, Extraction, Mention
from discrep._normalize import cognate_given, fold, is_given_name, nickname, surface

__all__ = ["find"]

_FEATURE_WORDS = frozenset(
    {"river", "sea", "ocean", "lake", "bay", "gulf", "strait", "peninsula", "island"}
    | {"islands", "mountains", "valley", "region", "oblast", "province", "governorate"}
    | {"krai", "district"}
)


def _is_abbreviation(name: str) -> bool:
    compact = name.replace(".", "").replace(" ", "")
    return (compact.isupper() and len(compact) <= 6) or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", name))


_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "northeastern", "northwestern", "southeastern", "southwestern", "the"}
    | {"northeast", "northwest", "southeast", "southwest"}
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# British and American spellings of one word are one spelling: centre/center,
# colour/color, organise/organize, organisation/organization, defence/defense.
_ORTHOGRAPHY = (
    (re.compile(r"(?<=[bcdfghklmnpstvz])re$"), "er"),
    (re.compile(r"our(?=s?$)"), "or"),
    (re.compile(r"(?<=[iy])s(?=e$|es$|ed$|ing$|ations?$)"), "z"),
    (re.compile(r"ence$"), "ense"),
)


def _word(w: str) -> str:
    for pattern, repl in _ORTHOGRAPHY:
        w = pattern.sub(repl, w)
    return w


_NAME = operator.attrgetter("name")


def _spelling(m: Mention) -> tuple[str, ...] | None:
    """Return the words of the name as spelled.

    Case, punctuation, diacritics, initials, feature and direction words, generational
    suffixes and British/American orthography are set aside. Memoised on the name
    (:func:`_spelling_of`): an entity names one person in a few ways, many times.
    """
    return _spelling_of(m.name)


# A pure function of the name, read for every name of every compare (25 ms of a second
# compare of the ECB+ corpus, 4,900 names); a tuple of words, which the collector skips.
@memo(maxsize=32768)
def _spelling_of(name: str) -> tuple[str, ...] | None:
    if _is_abbreviation(name):
        return None
    words = [
        _word(w)
        for w in surface(name).split()
        if w not in _FEATURE_WORDS and w not in _DIRECTIONS and w not in _SUFFIXES
        and len(w) > 1
    ]
    return tuple(words) or None


def _merge_possessive(forms: set[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Map a word to the word it inflects or abbreviates, when that occurs too.

    That is a possessive without its apostrophe ("Zelenskys"), an inflection
    ("Hurricanes Katrina"), or a short form ("Phila" for "Philadelphia").
    """
    words = {w for f in forms for w in f}
    longer = sorted(words, key=len, reverse=True)

    def merged(w: str) -> str:
        if w.endswith("s") and w[:-1] in words:
            return w[:-1]
        if len(w) >= 3:
            return next((x for x in longer if len(x) > len(w) + 1 and x.startswith(w)), w)
        return w

    return {f: tuple(merged(w) for w in f) for f in forms}


def _merge_joined(
    merged: Mapping[tuple[str, ...], tuple[str, ...]],
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Map forms that differ only in where words are cut to one of them.

    A hyphen or a space is typography, not spelling: "Wi-Fi"/"WiFi", "Co-operation"/
    "Cooperation", "Jean-Pierre"/"Jeanpierre". The form kept is the one with most words.
    """
    by_letters: dict[str, tuple[str, ...]] = {}
    for form in sorted(set(merged.values()), key=lambda f: (-len(f), f)):
        by_letters.setdefault("".join(form), form)
    return {f: by_letters["".join(form)] for f, form in merged.items()}


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return len(short) < len(long) and all(w in it for w in short)


def _spelled_alike(a: tuple[str, ...], b: tuple[str, ...], names: NamesConfig) -> bool:
    """Tell whether two forms differ as spellings: the words that differ look alike.

    Alike: folded rapidfuzz ratio at least ``names.spelling_ratio``; a short form of the
    given name is not a spelling (``names.given_spelling_ratio``: see ``nickname``).
    """
    pairs = _compared_words(a, b)
    if pairs is None or _short_given(a, b, names):
        return False
    differing = [(x, y) for x, y in pairs if x != y]
    return bool(differing) and all(
        fuzz.ratio(x, y, processor=fold) >= names.spelling_ratio for x, y in differing
    )


def _compared_words(
    a: tuple[str, ...], b: tuple[str, ...]
) -> list[tuple[str, str]] | None:
    """Pair the words whose spelling is compared; None when the forms are no spellings.

    Two names of several words: the first words and the last words. One word: against
    the word of the other form it is closest to ("Varnek" against "Varnak Osei"),
    unless that is the other form's given name alone ("Vincente" against "Vincent
    Kestrelli").
    """
    if min(len(a), len(b)) > 1:
        return [(a[0], b[0]), (a[-1], b[-1])]
    single, other = (a[0], b) if len(a) == 1 else (b[0], a)
    closest = max(other, key=lambda w: fuzz.ratio(single, w, processor=fold))
    if len(other) > 1 and closest == other[0] and is_given_name(closest):
        return None
    return [(single, closest)]


def _short_given(a: tuple[str, ...], b: tuple[str, ...], names: NamesConfig) -> bool:
    """Tell a short form of the given name (Steve/Steven, Katie/Kathryn): no spelling.

    One name in two romanisations (Petro/Petr) is a spelling even when one is a prefix
    of the other.
    """
    if len(a) < 2 or len(b) < 2 or a[0] == b[0]:
        return False
    shorter = (
        a[0].startswith(b[0])
        or b[0].startswith(a[0])
        or nickname(a[0], b[0], names.given_spelling_ratio)
    )
    return shorter and not cognate_given(a[0], b[0])


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
        if entity.kind not in ("person", "place", "organisation", "demonym"):
            continue
        if entity.kind == "demonym" and all(m.kind == "demonym" for m in entity.mentions):
            continue  # Somali/Somalian: demonyms of one place, each a word of its own
        found = _entity_discrepancy(entity, by_source, context.config)
        if found is not None:
            yield found


def _entity_discrepancy(
    entity: Entity, by_source: Mapping[str, Extraction], config: Config
) -> Discrepancy | None:
    names = list(map(_NAME, entity.mentions))
    if len(set(names)) < 2:
        return None  # one name written one way (most entities): one spelling, read in C
    # (issue 14, session 11: 3,025 of the 3,928 entities of ECB+ end here, before their
    # forms are read through a Python call per mention)
    forms = list(map(_spelling_of, names))  # _spelling of each mention
    if len(set(forms) - {None}) < 2:
        return None  # one spelling (most entities): no form can differ, whatever is left out
    spelled = [
        (m, f)
        for m, f in zip(entity.mentions, forms, strict=True)
        if f is not None and not _birth_name(by_source[m.source], m)
    ]
    merged = _merge_joined(_merge_possessive({f for _, f in spelled}))
    kept = _kept_forms(set(merged.values()), config.names)
    if kept is None:
        return None
    by_form = _mentions_by_form(spelled, merged, kept)
    # forms in the order the entity's mentions first use them
    order = list(dict.fromkeys(form for _, f in spelled if (form := merged[f]) in by_form))
    claims = []
    parts = []
    for form in order:
        ms = by_form[form]
        # quote a full mention spelled exactly so (not a possessive or a bare surname)
        first = next((m for m in ms if _spelling(m) == form), ms[0])
        written = _written(first)
        sources = list(dict.fromkeys(m.source for m in ms))
        claims.append(claim(by_source[first.source], first.start, first.end, value=written))
        parts.append(f"{written} ({', '.join(sources)})")
    return Discrepancy(
        kind="spelling",
        subject=entity.canonical,
        claims=tuple(claims),
        reason="written " + ", ".join(parts),
        confidence=(
            config.confidence.spelling_person if entity.kind == "person"
            else config.confidence.spelling_other
        ),
    )


def _kept_forms(forms: set[tuple[str, ...]], names: NamesConfig) -> list[tuple[str, ...]] | None:
    """Return the forms that are spellings of one another, or None when there are none.

    A form that only leaves words out of another (an added first name, middle name or
    qualifier) is not another spelling. Lone words one of which is a given name
    ("Vincent"/"Vincente") are not either: a given name alone does not tell one person,
    and the other word may be that name in another language.
    """
    if len(forms) < 2:
        return None
    kept = [f for f in forms if not any(_subsequence(f, g) for g in forms)]
    if len(kept) < 2 or _lone_given_names(kept):
        return None
    if not any(_spelled_alike(a, b, names) for i, a in enumerate(kept) for b in kept[i + 1 :]):
        return None
    return kept


#: "was born Arden Mae Roe", "née Roe": a birth name, another name by design.
_BORN = re.compile(r"\b(?:born|n[ée]e)[ \t]{1,3}$", re.IGNORECASE)


def _birth_name(ex: Extraction, m: Mention) -> bool:
    """Whether ``_BORN`` matches right before the mention ("was born Arden Mae Roe").

    An ASCII window holding neither "born" nor "nee" (lowercased) is passed over without
    the search (nearly every mention: 14.4 -> 10.5 ms over the mentions of ECB+). A
    non-ASCII one is always searched: "née", and whatever re.IGNORECASE folds beyond ASCII.
    """
    text = ex.article.text
    lo = max(0, m.start - 12)
    window = text[lo : m.start]
    if window.isascii():
        low = window.lower()
        if "born" not in low and "nee" not in low:
            return False
    return _BORN.search(text, lo, m.start) is not None


def _lone_given_names(forms: list[tuple[str, ...]]) -> bool:
    return all(len(f) == 1 for f in forms) and any(is_given_name(f[0]) for f in forms)


def _mentions_by_form(
    spelled: list[tuple[Mention, tuple[str, ...]]],
    merged: Mapping[tuple[str, ...], tuple[str, ...]],
    kept: list[tuple[str, ...]],
) -> dict[tuple[str, ...], list[Mention]]:
    """File each mention under its kept form, or under the one kept form holding it."""
    by_form: dict[tuple[str, ...], list[Mention]] = {f: [] for f in kept}
    for m, f in spelled:
        form = merged[f]
        if form in by_form:
            by_form[form].append(m)
            continue
        holders = [g for g in kept if _subsequence(form, g)]
        if len(holders) == 1:
            by_form[holders[0]].append(m)
    return by_form


def _written(m: Mention) -> str:
    return m.name
