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

__all__ = ["Context", "claim", "detect", "masked_sentence"]


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


def masked_sentence(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    r"""Return ``text[start:end]`` with ``spans`` blanked out, case-folded, spaces collapsed.

    Two sources that repeat one sentence word for word but for a date or a place give the
    same masked sentence, which is what the date and venue checks group on.

    >>> masked_sentence("Talks in Brest on Monday.", 0, 25, [(9, 14)])
    'talks in \x00 on monday.'
    """
    parts, pos = [], start
    for a, b in sorted(spans):
        parts.append(text[pos:a])
        parts.append("\x00")
        pos = b
    parts.append(text[pos:end])
    return " ".join("".join(parts).casefold().split())


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


