"""What :func:`discrep.compare` takes: texts, paths, Articles and stored Extractions.

Extraction is a pure function of (article, config), so it can be done once, stored
(pickled) and compared later, in another process or on another machine. An extraction
carries the format of the discrep that made it (``Extraction.format``); one made by another
version is refused with :class:`~discrep.ExtractionVersionError` rather than silently
compared with values of a different shape.

Whatever the order of the input, the work is done in the order of the sources, so the
report does not depend on it (``compare([a, b]) == compare([b, a])``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence

from discrep._config import Config
from discrep._errors import ExtractionError, ExtractionVersionError, InputTypeError
from discrep._extract import extract as _extract
from discrep._model import EXTRACTION_FORMAT, Article, Extraction
from discrep._read import coerce_articles

__all__ = ["check_extraction", "extract", "extract_all", "gather"]

Input = str | os.PathLike[str] | Article | Extraction


def extract(
    article: str | os.PathLike[str] | Article, *, config: Config | None = None
) -> Extraction:
    """Extract the names, quantities, times and events of one article, to compare later.

    The result is a frozen, picklable value: store it and pass it to :func:`discrep.compare`
    with other extractions or articles. A text is named ``text0``; give an
    :class:`~discrep.Article` a ``source`` to name it.

    >>> import pickle
    >>> import discrep
    >>> kyiv = discrep.extract(discrep.Article("Kyiv said 5 people died.", source="a"))
    >>> [m.text for m in kyiv.mentions]
    ['Kyiv']
    >>> stored = pickle.dumps(kyiv)
    >>> kiev = discrep.Article("Kiev said 5 people died.", source="b")
    >>> discrep.compare([pickle.loads(stored), kiev]).discrepancies[0].reason
    'written Kyiv (a), Kiev (b)'
    """
    config = config if config is not None else Config()
    if isinstance(article, Extraction):
        raise InputTypeError(
            "extract() was given an Extraction: it is already extracted; pass it to compare()"
        )
    (art,) = coerce_articles([article], config.max_chars, config.read)
    return _extract(art, config)


def check_extraction(x: Extraction) -> Extraction:
    """Return ``x`` if this discrep can compare it, else raise ExtractionVersionError."""
    made_by = getattr(x, "format", None)  # an old pickle may lack the field altogether
    if made_by != EXTRACTION_FORMAT:
        source = getattr(getattr(x, "article", None), "source", "?")
        raise ExtractionVersionError(
            f"the extraction of {source!r} was made by {made_by or 'an older discrep'}, "
            f"not by this one ({EXTRACTION_FORMAT}): extract the article again with "
            "discrep.extract(), or pass the article itself"
        )
    return x


def gather(items: object, config: Config) -> tuple[Article | Extraction, ...]:
    """Turn compare()'s input into Articles and checked Extractions, sorted by source.

    Items are read and named as :func:`~discrep._read.coerce_articles` names them (texts
    by position, files by name; repeated sources get ``#2`` suffixes); an extraction keeps
    its own source, which must not repeat another input's.
    """
    if isinstance(items, Extraction):
        raise InputTypeError(
            "compare() takes an iterable of articles or extractions, not a single "
            "Extraction: wrap it in a list, e.g. compare([x, y])"
        )
    stored: dict[int, Extraction] = {}
    if isinstance(items, Iterable) and not isinstance(items, (str, bytes, os.PathLike)):
        listed: list[object] = list(items)
        for i, item in enumerate(listed):
            if isinstance(item, Extraction):
                stored[i] = check_extraction(item)
                listed[i] = item.article
        items = listed
    articles = coerce_articles(items, config.max_chars, config.read)
    out: list[Article | Extraction] = []
    for i, art in enumerate(articles):
        x = stored.get(i)
        if x is None:
            out.append(art)
        elif art.source != x.article.source:
            raise ExtractionError(
                f"the extraction of {x.article.source!r} shares its source with another input; "
                "give every article a distinct source before extracting it"
            )
        else:
            out.append(x)
    out.sort(key=_source)
    return tuple(out)


def _source(item: Article | Extraction) -> str:
    return item.article.source if isinstance(item, Extraction) else item.source


def extract_all(
    items: Sequence[Article | Extraction], config: Config
) -> tuple[Extraction, ...]:
    """Extract the articles among ``items`` (in ``Config.workers`` processes), in order."""
    todo = [(i, a) for i, a in enumerate(items) if isinstance(a, Article)]
    done: list[Extraction | None] = [x if isinstance(x, Extraction) else None for x in items]
    if config.workers > 1 and len(todo) > 1:
        results = _in_workers([a for _, a in todo], config)
        for (i, _), x in zip(todo, results, strict=True):
            done[i] = x
    else:
        for i, a in todo:
            done[i] = _extract(a, config)
    return tuple(x for x in done if x is not None)


def _in_workers(articles: list[Article], config: Config) -> list[Extraction]:
    """Extract ``articles`` in ``Config.workers`` processes, in order."""
    # Imported here: a serial run (the default) need not pay for multiprocessing and
    # concurrent.futures (which imports logging) at start-up.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    work = functools.partial(_extract, config=config)
    # Each worker warms its caches once (the gazetteer index and unit tables, read from
    # the on-disk cache under spawn and forkserver) and takes articles in chunks, so
    # neither set-up nor pickling is paid per article.
    chunk = max(1, len(articles) // (config.workers * 4))
    with ProcessPoolExecutor(
        max_workers=min(config.workers, len(articles)),
        mp_context=multiprocessing.get_context(),
        initializer=_warm,
    ) as pool:
        return list(pool.map(work, articles, chunksize=chunk))


def _warm() -> None:
    """Load what every extraction needs once per worker process."""
    from discrep._gazetteer import lookup
    from discrep._units import unit_kind

    lookup("Paris")
    unit_kind("metre")
