"""Named mentions: people (with roles), places and organisations. (Issue 3.)"""

from __future__ import annotations

from discrep._config import Config
from discrep._model import Article, Mention, Sentence

__all__ = ["extract_mentions"]


def extract_mentions(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[Mention, ...]:
    """Return the named mentions in the non-junk sentences of ``article``."""
    return ()
