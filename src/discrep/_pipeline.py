"""The pipeline: read -> extract -> align -> detect -> report."""

from __future__ import annotations

import os
from collections.abc import Iterable

from discrep._align import align_events, align_statements, link_entities
from discrep._config import Config
from discrep._detect import Context
from discrep._detect.registry import detect, with_verdicts
from discrep._errors import InputTypeError
from discrep._inputs import extract_all, gather
from discrep._model import Article, Extraction
from discrep._report import Report
from discrep._stories import compare_by_story, group_inputs

__all__ = ["compare"]


def compare(
    articles: Iterable[str | os.PathLike[str] | Article | Extraction],
    *,
    config: Config | None = None,
    by_story: bool = False,
) -> Report:
    """Compare news articles about the same events and report where they disagree.

    ``articles`` mixes article texts (``str``), files (``os.PathLike``; the source is the
    file name), :class:`Article` values and extractions made by :func:`discrep.extract`.
    Sources that repeat get stable suffixes. The report is the same whatever the order of
    the input: articles are taken in the order of their sources.

    With ``by_story=True`` the articles are first grouped into stories
    (:func:`discrep.stories`) and compared only within each story: the report lists the
    stories (``Report.stories``) and every finding, entity and alignment names its story.

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
    items = gather(articles, config)
    if not by_story:
        return _compare_extractions(extract_all(items, config), config)
    # Stories are found from the texts before anything is extracted, so that the
    # grouping's word vectors and the extractions are never held at once (issue 14:
    # memory; the grouping reads the texts alone, so it is the same either way).
    found = group_inputs(items, config)
    return compare_by_story(extract_all(items, config), config, _compare_extractions, found=found)


def _compare_extractions(extractions: tuple[Extraction, ...], config: Config) -> Report:
    entities = link_entities(extractions, config)
    events = align_events(extractions, entities, config)
    alignments = align_statements(extractions, entities, events, config)
    context = Context(extractions, entities, events, alignments, config)
    discrepancies = detect(context)
    return Report(
        articles=tuple(x.article for x in extractions),
        entities=entities,
        alignments=with_verdicts(context, discrepancies),
        discrepancies=discrepancies,
        extractions=extractions,
    )
