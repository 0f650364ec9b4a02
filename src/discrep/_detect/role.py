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

import re
from collections.abc import Iterator

import attrs

from discrep._detect import Context, claim
from discrep._gazetteer import demonym_place, lookup
from discrep._model import Discrepancy, Mention
from discrep._normalize import strip_possessive

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
_HEADS = frozenset(
    {"president", "minister", "secretary", "spokesman", "adviser", "mayor", "ambassador"}
    | {"envoy", "negotiator", "leader", "governor", "chancellor", "commander", "general"}
    | {"official", "diplomat", "director", "chairman", "speaker", "senator", "lawmaker"}
    | {"judge", "prosecutor", "king", "queen", "prince", "pope", "prime minister"}
    | {"deputy", "commissioner", "officer", "representative", "manager", "coach"}
)
#: Offices of which a person holds one at a time: head of state or of government.
_TOP_OFFICES = frozenset({"president", "prime minister", "chancellor", "king", "queen"})
#: Offices with a portfolio that tells them apart.
_PORTFOLIO_OFFICES = frozenset({"minister", "secretary"})
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
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w’'\-]*")


@attrs.frozen
class RoleFrame:
    """A role read into office, portfolio, deputy flag and country."""

    office: str | None
    portfolio: str | None = None
    deputy: bool = False
    country: str | None = None


def read_role(text: str) -> RoleFrame:
    """Read a role as written into a :class:`RoleFrame`.

    The office is the last head noun before the first preposition ("adviser to Ukrainian
    President ..." is an adviser); the portfolio comes before the office or after "of".

    >>> read_role("Ukrainian Defence minister")
    RoleFrame(office='minister', portfolio='defence', deputy=False, country='UA')
    >>> read_role("Ukrainian minister of defense") == read_role("Ukrainian Defence minister")
    True
    >>> read_role("Kremlin spokesperson").office, read_role("presidential aide").office
    ('spokesman', 'adviser')
    """
    # "negotiator and presidential adviser": one person's several roles; the frame is
    # read from the last one, so a "vice" of one conjunct does not leak into another
    conjuncts = re.split(r"\s(?:and|&)\s", text)
    text = conjuncts[-1] if len(conjuncts) > 1 and _has_head(conjuncts[-1]) else text
    words = [strip_possessive(w) for w in _WORD.findall(text)]
    lowered = [w.lower() for w in words]
    cut = next(
        (i for i, w in enumerate(lowered) if w in ("of", "to", "in", "for", "at", "with")),
        len(lowered),
    )
    office: str | None = None
    office_at = -1
    for i, w in enumerate(lowered[:cut]):
        head = _SYNONYMS.get(w, w)
        if w == "minister" and i > 0 and lowered[i - 1] == "prime":
            head = "prime minister"
        if head in _HEADS and head != "deputy":
            office, office_at = head, i
    if office is None and "deputy" in lowered[:cut]:
        office = "deputy"
    portfolio = None
    for w in lowered[: max(office_at, 0)]:
        portfolio = _PORTFOLIOS.get(w, portfolio)
    if portfolio is None and cut < len(lowered) and lowered[cut] == "of":
        for w in lowered[cut + 1 : cut + 4]:
            if w in _PORTFOLIOS:
                portfolio = _PORTFOLIOS[w]
                break
    before = lowered[: max(office_at, 0)]
    deputy = "deputy" in before or "vice" in before or "assistant" in before
    country = None
    for w in words[: max(office_at, 0) + 1 if office_at >= 0 else cut]:
        if not w[:1].isupper():
            continue
        place = demonym_place(w) or lookup(w)
        if place is not None and place.kind == "country":
            country = place.country
            break
    return RoleFrame(office, portfolio, deputy, country)


def _has_head(text: str) -> bool:
    return any(_SYNONYMS.get(w.lower(), w.lower()) in _HEADS for w in _WORD.findall(text))


def conflict(a: RoleFrame, b: RoleFrame) -> str | None:
    """Say why two roles cannot both hold, or return None when they can.

    >>> conflict(read_role("Defence minister"), read_role("Foreign Minister"))
    'minister: defence vs foreign'
    >>> conflict(read_role("presidential adviser"), read_role("presidential aide")) is None
    True
    """
    if a.office is None or b.office is None:
        return None
    if a.office != b.office:
        if a.office in _TOP_OFFICES and b.office in _TOP_OFFICES:
            return f"{a.office} vs {b.office}"
        return None
    if (
        a.office in _PORTFOLIO_OFFICES
        and a.portfolio
        and b.portfolio
        and a.portfolio != b.portfolio
    ):
        return f"{a.office}: {a.portfolio} vs {b.portfolio}"
    if a.deputy != b.deputy and (
        a.office in _TOP_OFFICES
        or (a.office in _PORTFOLIO_OFFICES and a.portfolio is not None)
    ) and a.portfolio == b.portfolio:
        return f"deputy {a.office} vs {a.office}"
    if a.country and b.country and a.country != b.country and (
        a.office in _TOP_OFFICES or a.office in _PORTFOLIO_OFFICES
    ):
        return f"{a.office} of {a.country} vs {b.country}"
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
    for entity in context.entities:
        if entity.kind != "person":
            continue
        roled = [
            (m, read_role(m.role))
            for m in entity.mentions
            if m.role is not None and m.role_start is not None and m.role_end is not None
        ]
        found = _first_conflict(roled)
        if found is None:
            continue
        (ma, _), (mb, _), why = found
        claims = []
        for m in (ma, mb):
            assert m.role_start is not None
            assert m.role_end is not None
            claims.append(claim(by_source[m.source], m.role_start, m.role_end, value=m.role))
        yield Discrepancy(
            kind="role",
            subject=entity.canonical,
            claims=tuple(claims),
            reason=(
                f"{entity.canonical} is called {ma.role} ({ma.source}) and {mb.role} "
                f"({mb.source}): {why}"
            ),
            confidence=0.7,
        )


def _first_conflict(
    roled: list[tuple[Mention, RoleFrame]],
) -> tuple[tuple[Mention, RoleFrame], tuple[Mention, RoleFrame], str] | None:
    # distinct frames only: a person rarely has more than a handful
    distinct: dict[RoleFrame, tuple[Mention, RoleFrame]] = {}
    for item in roled:
        distinct.setdefault(item[1], item)
    items = list(distinct.values())
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            why = conflict(a[1], b[1])
            if why is not None:
                return a, b, why
    return None
