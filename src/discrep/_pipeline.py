"""The pipeline: read -> extract -> align -> detect -> report."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from discrep._align import align_events, align_statements, link_entities
from discrep._config import Config
from discrep._detect import Context
from discrep._detect.registry import detect, with_verdicts
from discrep._errors import InputTypeError
from discrep._extract import extract
from discrep._model import Article, Extraction
from discrep._read import coerce_articles
from discrep._report import Report

__all__ = ["compare"]


def compare(
    articles: Iterable[str | os.PathLike[str] | Article], *, config: Config | None = None
) -> Report:
    """Compare news articles about the same events and report where they disagree.

    ``articles`` mixes article texts (``str``), files (``os.PathLike``; the source is the
    file name) and :class:`Article` values. Sources that repeat get stable suffixes.

    >>> import discrep
    >>> report = discrep.compare([
    ...     "Talks were held in Istanbul on Monday, Kremlin spokesman Dmitry Peskov said.",
    ...     "Kremlin spokesman Dmitri Peskov said talks were held in Istanbul on Monday.",
    ... ])
    >>> [d.kind for d in report.discrepancies]
    ['spelling']
    >>> sorted({c.text for c in report.discrepancies[0].claims})
    ['Dmitri Peskov', 'Dmitry Peskov']
    """
    config = config if config is not None else Config()
    if not isinstance(config, Config):
        raise InputTypeError(
            f"compare(config=...) takes a discrep.Config, not {type(config).__name__}: "
            "pass e.g. config=discrep.Config(workers=2), or leave it out for the defaults"
        )
    arts = coerce_articles(articles, config.max_chars)
    extractions = _extract_all(arts, config)
    entities = link_entities(extractions, config)
    events = align_events(extractions, entities, config)
    alignments = align_statements(extractions, entities, events, config)
    context = Context(extractions, entities, events, alignments, config)
    discrepancies = detect(context)
    return Report(
        articles=arts,
        entities=entities,
        alignments=with_verdicts(context, discrepancies),
        discrepancies=discrepancies,
        extractions=extractions,
    )


def _extract_all(articles: tuple[Article, ...], config: Config) -> tuple[Extraction, ...]:
    if config.workers > 1 and len(articles) > 1:
        with ProcessPoolExecutor(max_workers=config.workers) as pool:
            return tuple(pool.map(extract, articles, [config] * len(articles)))
    return tuple(extract(a, config) for a in articles)
