"""Statement alignment: sentences in different articles that report the same fact. (Issue 6.)"""

from __future__ import annotations

from collections.abc import Sequence

from discrep._config import Config
from discrep._model import Alignment, Entity, EventCluster, Extraction

__all__ = ["align_statements"]


def align_statements(
    extractions: Sequence[Extraction],
    entities: Sequence[Entity],
    events: Sequence[EventCluster],
    config: Config,
) -> tuple[Alignment, ...]:
    """Group statements from different articles that report the same fact."""
    return ()
