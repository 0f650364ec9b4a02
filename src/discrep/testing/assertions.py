"""Assertions about a :class:`~discrep.Report`, with failure messages that show the evidence.

A form matches a mention or a claim the way the project's scorer matches them: as a whole
word, ignoring case, inside the quoted text (punctuation at the form's edges, such as the
apostrophe of "Shmigal'", is not required).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from discrep._model import Discrepancy, Entity, Kind
from discrep._report import Report
from discrep.testing.perturb import Expected

__all__ = [
    "assert_apart",
    "assert_evidence_exact",
    "assert_expected",
    "assert_linked",
    "assert_no_discrepancy",
    "assert_reports",
]


def _has(form: str, text: str) -> bool:
    # Punctuation at the edges of a form is not part of the word: a romanisation that
    # ends in an apostrophe for the soft sign ("Shmigal'") is quoted without it.
    core = form.strip("'’\"“”.,;:!?()[] ")
    return re.search(r"(?<!\w)" + re.escape(core) + r"(?!\w)", text, re.IGNORECASE) is not None


def _entity_has(entity: Entity, form: str) -> bool:
    return any(_has(form, m.text) for m in entity.mentions)


def _show_entity(e: Entity) -> str:
    mentions = ", ".join(f"{m.source}@{m.start}-{m.end} {m.text!r}" for m in e.mentions)
    return f"  {e.id} ({e.kind}, {e.canonical!r}): {mentions}"


def _show_discrepancy(d: Discrepancy) -> str:
    claims = "; ".join(f"{c.source}@{c.start}-{c.end} {c.text!r}" for c in d.claims)
    return f"  [{d.kind}] {d.subject}: {d.reason} | {claims}"


def _entities_with(report: Report, *forms: str) -> str:
    shown = [_show_entity(e) for e in report.entities if any(_entity_has(e, f) for f in forms)]
    return "\n".join(shown) if shown else "  (none)"


def _discrepancies(report: Report, kind: str | None = None) -> str:
    shown = [_show_discrepancy(d) for d in report.discrepancies if kind in (None, d.kind)]
    return "\n".join(shown) if shown else "  (none)"


def assert_linked(report: Report, a: str, b: str) -> Entity:
    """Assert that one entity has a mention containing ``a`` and one containing ``b``.

    Returns that entity. On failure the message lists every entity mentioning either.

    >>> import discrep
    >>> from discrep.testing import assert_linked
    >>> report = discrep.compare(["Ankara said no."])
    >>> assert_linked(report, "Ankara", "Angora")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    AssertionError: 'Ankara' and 'Angora' are not linked. Entities mentioning either:
    ...
    """
    for e in report.entities:
        if _entity_has(e, a) and _entity_has(e, b):
            return e
    raise AssertionError(
        f"{a!r} and {b!r} are not linked. Entities mentioning either:\n"
        + _entities_with(report, a, b)
    )


def assert_apart(report: Report, a: str, b: str) -> None:
    """Assert that no entity has both a mention containing ``a`` and one containing ``b``.

    >>> import discrep
    >>> from discrep.testing import assert_apart
    >>> assert_apart(discrep.compare(["Ankara and Accra."]), "Ankara", "Accra")
    """
    both = [e for e in report.entities if _entity_has(e, a) and _entity_has(e, b)]
    if both:
        raise AssertionError(
            f"{a!r} and {b!r} should stay apart but are linked as one entity:\n"
            + "\n".join(_show_entity(e) for e in both)
        )


def assert_reports(
    report: Report,
    kind: Kind | Expected,
    forms: Iterable[str] = (),
    *,
    exactly_one: bool = False,
) -> Discrepancy:
    """Assert that one discrepancy of ``kind`` quotes every one of ``forms`` in its claims.

    ``kind`` may be an :class:`~discrep.testing.Expected` (then ``forms`` come from it,
    and any of its alternative sets of forms will do).
    With ``exactly_one``, the report must also hold no other discrepancy of that kind.
    Returns the matching discrepancy; on failure the message lists those of that kind.

    >>> import discrep
    >>> from discrep.testing import assert_reports
    >>> assert_reports(discrep.compare(["Talks in Ankara."]), "venue", ["Ankara", "Accra"])
    Traceback (most recent call last):
    ...
    AssertionError: no venue discrepancy quotes all of 'Ankara', 'Accra'. venue discrepancies:
      (none)
    """
    if isinstance(kind, Expected):
        choices = (tuple(forms),) if forms else kind.choices
        kind = kind.kind
    else:
        choices = (tuple(forms),)
    of_kind = [d for d in report.discrepancies if d.kind == kind]
    found = next((d for d in of_kind if _quotes_any(d, choices)), None)
    if found is not None:
        if exactly_one and len(of_kind) > 1:
            raise AssertionError(
                f"expected exactly one {kind} discrepancy, found {len(of_kind)}:\n"
                + _discrepancies(report, kind)
            )
        return found
    wanted = tuple(f for c in choices for f in c)
    shown = " or ".join(", ".join(map(repr, c)) for c in choices)
    raise AssertionError(
        f"no {kind} discrepancy quotes all of {shown}. {kind} discrepancies:\n"
        + _discrepancies(report, kind)
        + (
            "\nEntities mentioning them:\n" + _entities_with(report, *wanted)
            if kind == "spelling"
            else ""
        )
    )


def _quotes_any(d: Discrepancy, choices: Iterable[tuple[str, ...]]) -> bool:
    """Whether the claims of ``d`` quote every form of one of ``choices``."""
    texts = [c.text for c in d.claims]
    return any(all(any(_has(f, t) for t in texts) for f in wanted) for wanted in choices)


def assert_no_discrepancy(report: Report, *, kinds: Iterable[Kind] | None = None) -> None:
    """Assert that the report holds no discrepancy (of ``kinds``, when given).

    >>> import discrep
    >>> from discrep.testing import assert_no_discrepancy
    >>> assert_no_discrepancy(discrep.compare(["Talks in Ankara.", "Talks in Ankara."]))
    """
    chosen = set(kinds) if kinds is not None else None
    found = [d for d in report.discrepancies if chosen is None or d.kind in chosen]
    if found:
        raise AssertionError(
            f"expected no discrepancy, found {len(found)}:\n"
            + "\n".join(_show_discrepancy(d) for d in found)
        )


def assert_expected(report: Report, expected: Expected | None) -> None:
    """Assert what a perturbation promised: its discrepancy, or none when ``None``.

    >>> import discrep
    >>> from discrep.testing import assert_expected
    >>> assert_expected(discrep.compare(["Talks in Ankara.", "Talks in  Ankara."]), None)
    """
    if expected is None:
        assert_no_discrepancy(report)
    else:
        assert_reports(report, expected)


def quotes(report: Report) -> Iterator[tuple[str, int, int, str]]:
    """Yield (source, start, end, text) for every claim, mention and statement of a report."""
    for d in report.discrepancies:
        for c in d.claims:
            yield c.source, c.start, c.end, c.text
    for e in report.entities:
        for m in e.mentions:
            yield m.source, m.start, m.end, m.text
    for al in report.alignments:
        for s in al.statements:
            yield s.source, s.start, s.end, s.text


def assert_evidence_exact(report: Report) -> int:
    """Assert that every quote in ``report`` is its article's text at its offsets.

    Checks ``article.text[start:end] == text`` for every discrepancy claim, entity mention
    and aligned statement; returns how many quotes were checked.

    >>> import discrep
    >>> assert_evidence_exact(discrep.compare(["Kyiv is calm.", "Kiev is calm."])) > 0
    True
    """
    texts = {a.source: a.text for a in report.articles}
    n = 0
    for source, start, end, text in quotes(report):
        found = texts[source][start:end] if source in texts else None
        assert found == text, (
            f"{source}@{start}-{end} quotes {text!r} but the article has {found!r} there"
        )
        n += 1
    return n
