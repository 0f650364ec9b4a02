"""The `role` check: one person given incompatible roles.

A role as written ("Ukrainian Defence minister", "minister of defense", "adviser to
Ukrainian President Volodymyr Zelenskyy") is read into a small frame: the office (its head
noun, with synonyms merged: spokesperson = spokesman, aide = adviser), the portfolio
(defence, foreign affairs, interior ...), whether it is a deputy post, and the country.

Two roles conflict only when they cannot both be true of one person at one time:

- the same kind of office with different portfolios (Defence minister / Foreign minister);
- two different heads of state or government (president / prime minister / chancellor);
- a deputy post and the full post of the same office;
- the same office of different countries (Ukrainian / Russian foreign minister).

Everything else is compatible: a person can be both negotiator and adviser, and a vaguer
wording ("minister") never contradicts a precise one ("Defence minister").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

import attrs

from discrep._cache import cached
from discrep._detect import Context, claim
from discrep._gazetteer import DEFAULT_RULES, PlaceRules, demonym_place, lookup
from discrep._memo import memo
from discrep._model import Discrepancy, Entity, Mention
from discrep._normalize import fold, strip_possessive

__all__ = ["RoleFrame", "find", "read_role"]

_SYNONYMS = {
    "spokesperson": "spokesman",
    "spokeswoman": "spokesman",
    "aide": "adviser",
    "advisor": "adviser",
    "counsellor": "adviser",
    "counselor": "adviser",
    "premier": "prime minister",
    "chairwoman": "chairman",
    "chair": "chairman",
    "head": "leader",
    "chief": "leader",
}
#: Head nouns the project reads as offices on top of nameparser's title list (which lacks
#: "spokesman", "negotiator", "prosecutor", "envoy" ...).
_OWN_HEADS = frozenset(
    {"president", "minister", "secretary", "spokesman", "adviser", "mayor", "ambassador"}
    | {"envoy", "negotiator", "leader", "governor", "chancellor", "commander", "general"}
    | {"official", "diplomat", "director", "chairman", "speaker", "senator", "lawmaker"}
    | {"judge", "prosecutor", "king", "queen", "prince", "pope", "prime minister"}
    | {"deputy", "commissioner", "officer", "representative", "manager", "coach"}
    | {"defender", "sheriff", "attorney"}
)
#: Words that make a post the deputy of another, never an office of their own.
_DEPUTY_WORDS = frozenset({"deputy", "vice", "assistant", "associate", "under"})
#: Words that qualify a title without changing the office.
_NEUTRAL = frozenset({"acting", "interim", "former", "then", "senior", "top", "chief"})
#: Offices written as two words; the first is kept with the head.
_COMPOUNDS = frozenset(
    {"district attorney", "attorney general", "public defender", "prime minister",
     "secretary general", "director general", "solicitor general", "surgeon general",
     "chief executive", "police chief", "chief justice", "state attorney"}
)
#: Offices of which a person holds one at a time: head of state or of government.
_TOP_OFFICES = frozenset({"president", "prime minister", "chancellor", "king", "queen"})
#: Offices one person holds in a jurisdiction: a deputy of it is not it.
_SINGLE_HOLDER = _TOP_OFFICES | frozenset(
    {"district attorney", "attorney general", "state attorney", "sheriff", "mayor",
     "governor", "police chief", "chief justice", "secretary general", "director general"}
)
#: Offices with a portfolio that tells them apart.
_PORTFOLIO_OFFICES = frozenset({"minister", "secretary", "chief officer"})
_PORTFOLIOS = {
    "defence": "defence",
    "defense": "defence",
    "foreign": "foreign",
    "interior": "interior",
    "home": "interior",
    "internal": "interior",
    "finance": "finance",
    "finances": "finance",
    "treasury": "finance",
    "justice": "justice",
    "health": "health",
    "education": "education",
    "energy": "energy",
    "economy": "economy",
    "economic": "economy",
    "trade": "trade",
    "agriculture": "agriculture",
    "culture": "culture",
    "transport": "transport",
}
#: The chief officers of a company, one per portfolio (CFO, CTO ...); "chief financial
#: officer" is read as the same office as "CFO".
_CHIEF_OFFICERS = {
    "ceo": "executive", "cfo": "financial", "cto": "technology", "coo": "operating",
    "cio": "information", "cmo": "marketing", "cso": "security", "cco": "commercial",
}
_CHIEF_WORDS = {v: v for v in _CHIEF_OFFICERS.values()} | {"technical": "technology",
                                                          "finance": "financial"}
#: Military ranks on the NATO scale of STANAG 2116 (officers OF-1..OF-10, other ranks
#: OR-1..OR-9; army/air force and navy names, with their usual abbreviations). A word
#: that names different grades in different services ("captain" is OF-2 in an army and
#: OF-5 in a navy) keeps all of them: two ranks conflict only when no grade is shared.
_RANKS: dict[str, frozenset[str]] = {
    k: frozenset(v.split())
    for k, v in {
        "field marshal": "OF-10", "admiral of the fleet": "OF-10", "general": "OF-9",
        "admiral": "OF-9", "lieutenant general": "OF-8", "vice admiral": "OF-8",
        "major general": "OF-7", "rear admiral": "OF-7", "brigadier": "OF-6",
        "brigadier general": "OF-6", "commodore": "OF-6", "colonel": "OF-5",
        "captain": "OF-2 OF-5", "lieutenant colonel": "OF-4", "commander": "OF-4",
        "major": "OF-3", "lieutenant commander": "OF-3", "lieutenant": "OF-1 OF-2 OF-3",
        "second lieutenant": "OF-1", "first lieutenant": "OF-1", "ensign": "OF-1",
        "sergeant major": "OR-9", "master sergeant": "OR-7 OR-8", "staff sergeant": "OR-6",
        "sergeant": "OR-5 OR-6", "corporal": "OR-4", "lance corporal": "OR-3",
        "private": "OR-1 OR-2", "petty officer": "OR-5 OR-6", "seaman": "OR-1 OR-2 OR-3",
    }.items()
}
_RANK_ABBREVIATIONS = {
    "gen": "general", "adm": "admiral", "brig": "brigadier", "col": "colonel",
    "capt": "captain", "cpt": "captain", "cmdr": "commander", "cdr": "commander",
    "maj": "major", "lt": "lieutenant", "lieut": "lieutenant", "sgt": "sergeant",
    "cpl": "corporal", "pvt": "private", "cmdre": "commodore", "ens": "ensign",
}
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w’'\-]*")
_PREPOSITIONS = frozenset({"of", "to", "in", "for", "at", "with"})


@attrs.frozen
class RoleFrame:
    """A role read into office, portfolio, deputy flag, country and military grade."""

    office: str | None
    portfolio: str | None = None
    deputy: bool = False
    country: str | None = None
    #: NATO grades (STANAG 2116) the rank may stand for, when the role is a rank.
    grades: frozenset[str] = frozenset()


def _rank_at(lowered: list[str], i: int) -> tuple[str, int] | None:
    """Return the rank ending at word ``i`` (longest written form) and where it starts."""
    for n in (4, 3, 2, 1):
        if i - n + 1 < 0:
            continue
        words = [_RANK_ABBREVIATIONS.get(w, w) for w in lowered[i - n + 1 : i + 1]]
        if " ".join(words) in _RANKS:
            return " ".join(words), i - n + 1
    return None


def _office_at(lowered: list[str], i: int) -> tuple[str, int] | None:
    """Return the office whose head is word ``i`` and the index of its first word."""
    w = lowered[i]
    if w in _CHIEF_OFFICERS:
        return "chief officer", i
    if w == "officer" and i >= 1 and lowered[i - 1] in _CHIEF_WORDS:
        return "chief officer", i - 1 - (i >= 2 and lowered[i - 2] == "chief")
    rank = _rank_at(lowered, i)
    if rank is not None and not (rank[0] == "general" and i > 0 and lowered[i - 1] in _OWN_HEADS):
        return rank
    head = _SYNONYMS.get(w, w)
    if i > 0 and f"{lowered[i - 1]} {head}" in _COMPOUNDS:
        return f"{lowered[i - 1]} {head}", i - 1
    if head in _OWN_HEADS and head != "deputy":
        return head, i
    return None


def _portfolio(lowered: list[str], office: str, office_at: int, cut: int) -> str | None:
    if office == "chief officer":
        for w in lowered[office_at : office_at + 3]:
            if w in _CHIEF_OFFICERS:
                return _CHIEF_OFFICERS[w]
            if w in _CHIEF_WORDS:
                return _CHIEF_WORDS[w]
        return None
    portfolio = None
    for w in lowered[:office_at]:
        portfolio = _PORTFOLIOS.get(w, portfolio)
    if portfolio is None and cut < len(lowered) and lowered[cut] == "of":
        portfolio = next((_PORTFOLIOS[w] for w in lowered[cut + 1 : cut + 4] if w in _PORTFOLIOS),
                         None)
    return portfolio


def _country(places: PlaceRules, words: list[str], upto: int) -> str | None:
    for w in words[:upto]:
        if not w[:1].isupper():
            continue
        place = demonym_place(w, places) or lookup(w, places)
        if place is not None and place.kind == "country":
            return place.country
    return None


def read_role(text: str, places: PlaceRules = DEFAULT_RULES) -> RoleFrame:
    """Read a role as written into a :class:`RoleFrame`.

    The office is the last head noun before the first preposition ("adviser to Ukrainian
    President ..." is an adviser); the portfolio comes before the office or after "of".
    Title words come from nameparser's title list; military ranks from the NATO scale.
    ``places`` holds the gazetteer thresholds the country is read with (``Config().places``;
    :func:`find` passes its config's).

    >>> read_role("Ukrainian Defence minister")
    ... # doctest: +NORMALIZE_WHITESPACE
    RoleFrame(office='minister', portfolio='defence', deputy=False, country='UA',
              grades=frozenset())
    >>> read_role("Ukrainian minister of defense") == read_role("Ukrainian Defence minister")
    True
    >>> read_role("Kremlin spokesperson").office, read_role("presidential aide").office
    ('spokesman', 'adviser')
    >>> r = read_role("Assistant District Attorney")
    >>> r.office, r.deputy
    ('district attorney', True)
    """
    # "negotiator and presidential adviser": one person's several roles; the frame is
    # read from the last one, so a "vice" of one conjunct does not leak into another
    conjuncts = re.split(r"\s(?:and|&)\s", text)
    text = conjuncts[-1] if len(conjuncts) > 1 and _has_head(conjuncts[-1]) else text
    words = [strip_possessive(w).rstrip(".") for w in _WORD.findall(text)]
    lowered = [w.lower() for w in words]
    cut = next((i for i, w in enumerate(lowered) if w in _PREPOSITIONS), len(lowered))
    office: str | None = None
    office_at = office_first = -1
    for i in range(cut):
        found = _office_at(lowered, i)
        if found is not None:
            (office, office_first), office_at = found, i
    if office is None:
        return RoleFrame("deputy" if "deputy" in lowered[:cut] else None)
    before = lowered[: max(office_first, 0)]
    # "Assistant District Attorney", "Sheriff's deputy": a deputy word before the office
    # or after it (the deputy of that office) makes the post a deputy's
    deputy = any(w in _DEPUTY_WORDS for w in before[-3:] + lowered[office_at + 1 : cut])
    grades = _RANKS.get(office, frozenset())
    return RoleFrame(
        office,
        _portfolio(lowered, office, office_first, cut),
        deputy,
        _country(places, words, office_at + 1),
        grades,
    )


def _has_head(text: str) -> bool:
    return any(_SYNONYMS.get(w.lower(), w.lower()) in _OWN_HEADS for w in _WORD.findall(text))


def title_word(word: str) -> bool:
    """Tell whether ``word`` is a title (nameparser's list, the project's heads, ranks).

    >>> title_word("Commodore"), title_word("Sgt."), title_word("Nirad")
    (True, True, False)
    """
    w = word.lower().rstrip(".")
    return w in _title_words() or w in _RANKS


@functools.cache
def _title_words() -> frozenset[str]:
    """Return nameparser's titles, the project's heads and rank abbreviations (built once)."""
    titles = cached("titles", 1, ("nameparser",), _nameparser_titles)
    return titles | _OWN_HEADS | frozenset(_RANK_ABBREVIATIONS)


def _nameparser_titles() -> frozenset[str]:
    # Read once per installation, then from the on-disk cache (_cache.py): importing
    # nameparser costs about 25 ms that a run need not pay for 800 words.
    from nameparser.config import titles

    return frozenset(titles.TITLES)


def conflict(a: RoleFrame, b: RoleFrame) -> str | None:
    """Say why two roles cannot both hold, or return None when they can.

    >>> conflict(read_role("Defence minister"), read_role("Foreign Minister"))
    'minister: defence vs foreign'
    >>> conflict(read_role("presidential adviser"), read_role("presidential aide")) is None
    True
    >>> conflict(read_role("Commodore"), read_role("navy spokesman Commander"))
    'rank: commodore vs commander'
    """
    if a.office is None or b.office is None:
        return None
    if a.office != b.office:
        return _different_offices(a, b)
    return _same_office(a, b)


def _different_offices(a: RoleFrame, b: RoleFrame) -> str | None:
    if a.office in _TOP_OFFICES and b.office in _TOP_OFFICES:
        return f"{a.office} vs {b.office}"
    if a.grades and b.grades and not a.grades & b.grades:
        return f"rank: {a.office} vs {b.office}"
    return None


def _same_office(a: RoleFrame, b: RoleFrame) -> str | None:
    office = a.office
    if office in _PORTFOLIO_OFFICES and a.portfolio and b.portfolio and a.portfolio != b.portfolio:
        return f"{office}: {a.portfolio} vs {b.portfolio}"
    single = office in _SINGLE_HOLDER or (office in _PORTFOLIO_OFFICES and a.portfolio is not None)
    if a.deputy != b.deputy and single and a.portfolio == b.portfolio:
        return f"deputy {office} vs {office}"
    if a.country and b.country and a.country != b.country and (
        office in _TOP_OFFICES or office in _PORTFOLIO_OFFICES
    ):
        return f"{office} of {a.country} vs {b.country}"
    return None


def find(context: Context) -> Iterator[Discrepancy]:
    """Yield one role discrepancy per person given roles that cannot both be true.

    >>> import discrep
    >>> r = discrep.compare(["Ukrainian Defence minister Oleksii Reznikov spoke.",
    ...                      "Ukrainian Foreign Minister Oleksii Reznikov spoke."])
    >>> roles = [d.reason for d in r.discrepancies if d.kind == "role"]
    >>> print(*roles)  # doctest: +NORMALIZE_WHITESPACE
    Oleksii Reznikov is called Ukrainian Defence minister (text0) and Ukrainian Foreign
    Minister (text1): minister: defence vs foreign
    >>> r = discrep.compare(["Kremlin spokesman Dmitry Peskov spoke.",
    ...                      "Kremlin spokesperson Dmitry Peskov spoke."])
    >>> [d for d in r.discrepancies if d.kind == "role"]
    []
    """
    by_source = context.by_source
    for name, roled in _roles_by_person(
        context.entities, {k: ex.article.text for k, ex in by_source.items()},
        context.config.places,
    ).items():
        found = _first_conflict(roled)
        if found is None:
            continue
        ra, rb, why = found
        yield Discrepancy(
            kind="role",
            subject=name,
            claims=tuple(
                claim(by_source[r.source], r.start, r.end, value=r.text) for r in (ra, rb)
            ),
            reason=f"{name} is called {ra.text} ({ra.source}) and {rb.text} ({rb.source}): {why}",
            confidence=context.config.confidence.role,
        )


@attrs.frozen
class _Role:
    source: str
    start: int
    end: int
    text: str
    frame: RoleFrame


def _leading_title(m: Mention) -> int:
    """Return the length of the title words the mention's text starts with (0 if none).

    "Commodore Nirad Sinha" is a rank glued to a name: the names extractor kept it in
    the mention, so the role check reads it from there.
    """
    return _title_length(m.text)


# A pure function of a mention's text, read for every mention of a person on every compare
# (9 ms of a second compare of the ECB+ corpus, 9,900 mentions, far fewer texts).
@memo(maxsize=32768)
def _title_length(text: str) -> int:
    """Return the length of the title words ``text`` starts with (0 if none)."""
    first = _WORD.search(text)
    if first is None or not title_word(first.group()):
        return 0  # most names: the first word tells, without the match of every word
    words = list(_WORD.finditer(text))
    k = 0
    while k < len(words) - 2 and title_word(words[k].group()):
        k += 1
    if k == 0:
        return 0
    end = words[k - 1].end()
    return end + (text[end : end + 1] == ".")


def _roles_by_person(
    entities: Sequence[Entity], context_text: dict[str, str], places: PlaceRules
) -> dict[str, list[_Role]]:
    """Return the roles of each person, keyed by the name without a leading title."""
    out: dict[str, list[_Role]] = {}
    names: dict[str, str] = {}
    for entity in entities:
        if entity.kind != "person":
            continue
        name = _leading_title_text(entity.canonical)
        names.setdefault(fold(name), name)
        roles = out.setdefault(fold(name), [])
        for m in entity.mentions:
            roles.extend(_mention_roles(m, context_text[m.source], places))
    return {names[k]: v for k, v in out.items() if v}


def _mention_roles(m: Mention, text: str, places: PlaceRules) -> list[_Role]:
    """Return the role the extractor gave a mention, and a title glued to its name."""
    role = None
    if (
        m.role is not None and m.role_start is not None and m.role_end is not None
        and "\n" not in m.role  # a role across a line break is page layout
    ):
        role = _Role(m.source, m.role_start, m.role_end, m.role, read_role(m.role, places))
    cut = _leading_title(m)
    if not cut:
        return [role] if role is not None else []
    # "Deputy | Sheriff Jerry Ortiz": a role right before a glued title is one title
    glued = role is not None and 0 <= m.start - role.end <= 1
    a = role.start if role is not None and glued else m.start
    title = _Role(m.source, a, m.start + cut, text[a : m.start + cut],
                  read_role(text[a : m.start + cut], places))
    return [title] if glued or role is None else [title, role]


def _leading_title_text(name: str) -> str:
    words = name.split()
    k = 0
    while k < len(words) - 2 and title_word(words[k]):
        k += 1
    return " ".join(words[k:])


def _first_conflict(roled: list[_Role]) -> tuple[_Role, _Role, str] | None:
    # distinct frames only: a person rarely has more than a handful
    distinct: dict[RoleFrame, _Role] = {}
    for item in roled:
        distinct.setdefault(item.frame, item)
    items = list(distinct.values())
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            why = conflict(a.frame, b.frame)
            if why is not None:
                return a, b, why
    return None
