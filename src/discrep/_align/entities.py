"""Cross-source entity linking across spellings. (Issue 3.)"""

from __future__ import annotations

from collections.abc import Sequence

from discrep._config import Config
from discrep._model import Entity, Extraction

__all__ = ["link_entities"]


def link_entities(extractions: Sequence[Extraction], config: Config) -> tuple[Entity, ...]:
    """Group the mentions of all articles into entities."""
    return ()
