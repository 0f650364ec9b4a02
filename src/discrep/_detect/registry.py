"""The checks by kind, running them, and the verdict of each aligned group.

``CHECKS`` is the one table of checks: ``Config.checks`` names its keys (the discrepancy
kinds of :data:`discrep._model.KINDS`), and :func:`detect` runs the named ones in the
table's order. :func:`with_verdicts` is the only code that writes ``Alignment.verdict``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

import attrs

from discrep._config import Config, QuantityConfig
from discrep._detect import Check, Context, dates, quantity, role, spelling, venue
from discrep._detect._occasion import sorted_times
from discrep._model import (
    Alignment,
    Discrepancy,
    Extraction,
    Kind,
    Quantity,
    Statement,
    TimeExpr,
)

__all__ = ["CHECKS", "detect", "with_verdicts"]

#: Every check, by the kind of discrepancy it finds, in the order reports list them.
CHECKS: Mapping[Kind, Check] = MappingProxyType(
    {
        "spelling": spelling.find,
        "quantity": quantity.find,
        "date": dates.find,
        "venue": venue.find,
        "role": role.find,
    }
)


def detect(context: Context) -> tuple[Discrepancy, ...]:
    """Run the checks ``context.config.checks`` names, in the order of :data:`CHECKS`."""
    found: list[Discrepancy] = []
    for kind, find in CHECKS.items():
        if kind in context.config.checks:
            found.extend(find(context))
    return tuple(found)


def with_verdicts(
    context: Context, discrepancies: Sequence[Discrepancy]
) -> tuple[Alignment, ...]:
    """Return ``context.alignments`` with each group's verdict.

    ``update`` when two of the group's statements give one figure that changed between
    publication dates (the quantity check's :func:`~discrep._detect.quantity.relation`);
    otherwise the kinds of discrepancy whose claims lie in its statements, comma-joined;
    otherwise ``agree``.

    >>> import discrep
    >>> report = discrep.compare([
    ...     "Kremlin spokesman Dmitry Peskov said talks were held in Istanbul on Monday.",
    ...     "Kremlin spokesman Dmitri Peskov said talks were held in Istanbul on Monday.",
    ... ])
    >>> [al.verdict for al in report.alignments]
    ['spelling']
    """
    claims = _claims_by_source(discrepancies)
    quantities = {
        ex.article.source: _QuantityIndex(ex, context.config) for ex in context.extractions
    }
    out = []
    for al in context.alignments:
        if _is_update(al.statements, quantities, context):
            verdict = "update"
        else:
            kinds = {kind for st in al.statements for kind in _kinds_in(claims, st)}
            verdict = ",".join(sorted(kinds)) or "agree"
        out.append(al if al.verdict == verdict else attrs.evolve(al, verdict=verdict))
    return tuple(out)


def _claims_by_source(discrepancies: Sequence[Discrepancy]) -> dict[str, list[tuple[int, str]]]:
    """Claim starts with their kind, per source, sorted: a statement costs a bisection."""
    claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for d in discrepancies:
        for c in d.claims:
            claims[c.source].append((c.start, d.kind))
    for starts in claims.values():
        starts.sort()
    return claims


def _kinds_in(claims: Mapping[str, list[tuple[int, str]]], st: Statement) -> set[str]:
    starts = claims.get(st.source, [])
    i = bisect.bisect_left(starts, (st.start, ""))
    kinds = set()
    while i < len(starts) and starts[i][0] < st.end:
        kinds.add(starts[i][1])
        i += 1
    return kinds


_Dated = tuple[Quantity, dt.date, tuple[str, ...]]


class _QuantityIndex:
    """An article's quantities sorted by start, sliced by a statement's span.

    Read when a statement of the article is first sliced: an article no alignment holds
    costs nothing.

    Each comes with what :func:`~discrep._detect.quantity.relation` needs before it can
    say "update": the date the figure refers to and the blocks it may be compared in.
    """

    def __init__(self, ex: Extraction, config: Config) -> None:
        self.extraction = ex
        self._config = config
        self._items: list[Quantity] = []
        self._starts: list[int] = []
        self._dated: list[_Dated | None] | None = None

    def within(self, st: Statement) -> list[_Dated]:
        """Return the dated quantities of the span with their block keys."""
        if self._dated is None:  # read at the first statement of the article aligned
            self._read()
        assert self._dated is not None
        lo = bisect.bisect_left(self._starts, st.start)
        hi = bisect.bisect_left(self._starts, st.end, lo)
        return [d for d in self._dated[lo:hi] if d is not None]

    def _read(self) -> None:
        ex = self.extraction
        self._items = sorted(ex.quantities, key=lambda q: q.start)
        self._starts = [q.start for q in self._items]
        times, starts = sorted_times(ex)
        qc = self._config.quantities
        self._dated = [_dated(ex, q, qc, times, starts) for q in self._items]


def _dated(
    ex: Extraction, q: Quantity, qc: QuantityConfig, times: list[TimeExpr], starts: list[int]
) -> _Dated | None:
    """Return the figure, its date and the blocks it may be compared in (None: neither).

    The date is read only for a figure with a block (one in six on ECB+ has none).
    """
    key = quantity._block_key(q)
    keys = ((key,) if key is not None else ()) + (("$",) if quantity._is_money(q) else ())
    if not keys:
        return None
    date = quantity._date(ex, q, qc, times, starts)
    return (q, date, keys) if date is not None else None


def _is_update(
    statements: Sequence[Statement], index: Mapping[str, _QuantityIndex], context: Context
) -> bool:
    """Whether two statements give one figure that grew between publication dates."""
    found = [(index[st.source], index[st.source].within(st)) for st in statements
             if st.source in index]  # fmt: skip
    config = context.config
    return any(
        quantity._relation(ia.extraction, qa, ib.extraction, qb, config, dates=dates)
        == "update"  # relation(), with the dates the index read
        for x, (ia, qas) in enumerate(found)
        for ib, qbs in found[x + 1 :]
        for qa, qb, dates in _maybe_updates(qas, qbs, config)
    )



def _maybe_updates(
    qas: Sequence[_Dated], qbs: Sequence[_Dated], config: Config
) -> Iterator[tuple[Quantity, Quantity, tuple[dt.date, dt.date]]]:
    """Pairs that ``relation`` may call "update", not all pairs, with their dates.

    It says so only for figures of one block (or both money) whose dates are at least
    ``min(update_days, fixed_days + 1)`` apart: figures are bucketed by date and block, so
    a list of thousands of figures costs the pairs that may be updates.
    """
    apart = min(config.quantities.update_days, config.quantities.fixed_days + 1)
    buckets: dict[dt.date, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    for qb, date, keys in qbs:
        for key in keys:
            buckets[date][key].append(qb)
    for qa, date_a, keys in qas:
        for date_b, by_key in buckets.items():
            if abs((date_b - date_a).days) >= apart:
                for qb in {id(q): q for k in keys for q in by_key.get(k, ())}.values():
                    yield qa, qb, (date_a, date_b)
