"""Per-article extraction: a pure function of (Article, Config) -> Extraction.

Inputs and outputs are frozen, picklable values, so :func:`extract` can run in a process
pool (``Config.workers``).
"""

from __future__ import annotations

import attrs

from discrep._config import Config
from discrep._extract.events import extract_events
from discrep._extract.names import extract_mentions
from discrep._extract.quantities import extract_quantities
from discrep._extract.time import tag_times
from discrep._model import Article, Extraction
from discrep._read import analysed, mark_junk
from discrep._segment import segment

__all__ = ["extract"]


def extract(article: Article, config: Config) -> Extraction:
    """Segment ``article`` and extract its mentions, quantities, times and events."""
    sentences = mark_junk(article.text, segment(article.text, config.read), config.read)
    if not analysed(article):  # not English: nothing is taken from it (see Article.language)
        sentences = tuple(s if s.junk else attrs.evolve(s, junk=True) for s in sentences)
    mentions = extract_mentions(article, sentences, config)
    quantities = extract_quantities(article, sentences, config)
    times, reference, reference_from = tag_times(article, sentences, config)
    events = extract_events(article, sentences, mentions, times, config, quantities)
    return Extraction(
        article=article,
        sentences=sentences,
        mentions=mentions,
        quantities=quantities,
        times=times,
        events=events,
        reference_date=reference,
        reference_from=reference_from,
    )
