"""Cross-source event alignment. (Issue 5.)"""

from __future__ import annotations

from collections.abc import Sequence

from discrep._config import Config
from discrep._model import Entity, EventCluster, Extraction

__all__ = ["align_events"]


def align_events(
    extractions: Sequence[Extraction], entities: Sequence[Entity], config: Config
) -> tuple[EventCluster, ...]:
    """Group event mentions of all articles into real events."""
    return ()
