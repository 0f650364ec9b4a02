"""Quantities: values, units, qualifiers, intervals and what is counted. (Issue 4.)"""

from __future__ import annotations

from discrep._config import Config
from discrep._model import Article, Quantity, Sentence

__all__ = ["extract_quantities", "quantities"]


def quantities(text: str) -> list[Quantity]:
    """Return the quantities stated in ``text``, with exact offsets."""
    return []


def extract_quantities(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[Quantity, ...]:
    """Return the quantities in the non-junk sentences of ``article``."""
    return ()
