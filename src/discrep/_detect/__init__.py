"""Discrepancy detection: one module per kind, each a ``find(context)`` function."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import attrs

from discrep._config import Config
from discrep._model import (
    Alignment,
    Claim,
    Discrepancy,
    Entity,
    EventCluster,
    Extraction,
    Kind,
)

__all__ = ["Context", "claim", "detect"]


@attrs.frozen
class Context:
    """Everything the detectors may look at."""

    extractions: tuple[Extraction, ...]
    entities: tuple[Entity, ...]
    events: tuple[EventCluster, ...]
    alignments: tuple[Alignment, ...]
    config: Config

    @property
    def by_source(self) -> Mapping[str, Extraction]:
        """Extractions keyed by their article's source."""
        return {ex.article.source: ex for ex in self.extractions}


def claim(ex: Extraction, start: int, end: int, value: str | float | None = None) -> Claim:
    """Quote ``ex.article.text[start:end]`` as a claim, with the sentence around it."""
    text = ex.article.text
    sent = ex.sentence_at(start)
    sentence = sent.text if sent is not None else text[start:end]
    return Claim(
        source=ex.article.source,
        text=text[start:end],
        start=start,
        end=end,
        sentence=sentence,
        value=value,
    )


def _finders() -> dict[Kind, Callable[[Context], Iterable[Discrepancy]]]:
    from discrep._detect import dates, quantity, role, spelling, venue

    return {
        "spelling": spelling.find,
        "quantity": quantity.find,
        "date": dates.find,
        "venue": venue.find,
        "role": role.find,
    }


def detect(context: Context) -> tuple[Discrepancy, ...]:
    """Run the checks ``context.config.checks`` names, in a stable order."""
    found: list[Discrepancy] = []
    for kind, find in _finders().items():
        if kind in context.config.checks:
            found.extend(find(context))
    return tuple(found)


