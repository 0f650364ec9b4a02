"""Discrepancy detection: one module per kind, each a :data:`Check`.

A check is a function ``find(context) -> Iterable[Discrepancy]`` over the :class:`Context`
(the extractions, linked entities, event clusters and aligned statements of one
comparison). :mod:`discrep._detect.registry` names every check by the kind it finds
(``Config.checks`` picks among them), runs them, and is the one writer of
``Alignment.verdict``. A new check is a module here plus one line in that registry.
"""

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
)

__all__ = ["Check", "Context", "claim", "masked_sentence"]


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


#: A check: every discrepancy of one kind that the context holds.
Check = Callable[[Context], Iterable[Discrepancy]]


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
