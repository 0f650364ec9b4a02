"""The brute-force reference for statement alignment: every pair of statements, scored.

It shares the statements, the scoring function, the selection and the grouping with
:func:`discrep._align.statements.align_statements`; only the choice of pairs differs (all
pairs here, an inverted index there). On small inputs the two must return the same groups.
"""

from __future__ import annotations

from collections.abc import Sequence

from discrep._align.statements import (
    PairScore,
    build_statements,
    score_pair,
    select_and_group,
)
from discrep._config import Config
from discrep._model import Alignment, Entity, EventCluster, Extraction

__all__ = ["align_all_pairs"]


def align_all_pairs(
    extractions: Sequence[Extraction],
    entities: Sequence[Entity],
    events: Sequence[EventCluster],
    config: Config,
) -> tuple[Alignment, ...]:
    """Align statements by scoring every pair (quadratic: for tests only)."""
    coll = build_statements(extractions, entities, events, config)
    stmts = coll.statements
    scored: dict[tuple[int, int], PairScore] = {}
    for i in range(len(stmts)):
        for j in range(i + 1, len(stmts)):
            ps = score_pair(stmts[i], stmts[j], coll)
            if ps.score > 0:
                scored[(i, j)] = ps
    return select_and_group(scored, coll)
