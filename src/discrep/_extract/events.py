"""Event mentions: typed triggers with date, venue, participants and ordinal. (Issue 5.)"""

from __future__ import annotations

from discrep._config import Config
from discrep._model import Article, Event, Mention, Sentence, TimeExpr

__all__ = ["extract_events"]


def extract_events(
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    times: tuple[TimeExpr, ...],
    config: Config,
) -> tuple[Event, ...]:
    """Return the event mentions of ``article``."""
    return ()
