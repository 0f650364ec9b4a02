"""Run discrep on a Dask cluster (extra ``dask``: ``pip install "discrep[dask]"``).

Extraction is a map over partitions of the articles (a :mod:`dask.bag`), and comparison
is one task per story, on a :class:`dask.distributed.Client`. Dask schedules, retries and
moves the data; discrep only says what to compute, so the report is the one
:func:`discrep.compare` gives locally, whatever the number of partitions or workers.

>>> import discrep, discrep.dask
>>> from dask.distributed import Client, LocalCluster
>>> texts = ["Kyiv said 5 people died.", "Kiev said 5 people died."]
>>> cluster = LocalCluster(n_workers=1, processes=False, dashboard_address=":0")
>>> with cluster, Client(cluster) as client:
...     report = discrep.dask.compare(texts, client=client)
>>> report == discrep.compare(texts, by_story=True)
True
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from discrep._errors import ExtraNotInstalledError

for _needed in ("dask", "distributed"):
    if importlib.util.find_spec(_needed) is None:
        raise ExtraNotInstalledError(
            f"discrep.dask needs {_needed!r}, which is not installed: "
            'install the extra with  pip install "discrep[dask]"'
        )

import dask.bag  # noqa: E402 - after the check that says which extra to install

from discrep._config import Config  # noqa: E402
from discrep._extract import extract as _extract  # noqa: E402
from discrep._inputs import gather  # noqa: E402
from discrep._model import Article, Extraction  # noqa: E402
from discrep._pipeline import _compare_extractions  # noqa: E402
from discrep._report import Report  # noqa: E402
from discrep._stories import compare_by_story  # noqa: E402

__all__ = ["compare", "extract"]

T = TypeVar("T")
R = TypeVar("R")

Input = str | os.PathLike[str] | Article | Extraction


def extract(
    articles: Iterable[Input],
    *,
    client: Any,
    config: Config | None = None,
    partitions: int | None = None,
) -> tuple[Extraction, ...]:
    """Extract every article on the cluster, as a map over ``partitions`` partitions.

    Returns the extractions in the order of their sources, as :func:`discrep.compare`
    takes them; extractions passed in are kept as they are.
    """
    config = config if config is not None else Config()
    items = gather(articles, config)  # read and named here: the workers get Article values
    n = partitions or max(1, min(len(items), 4 * len(client.scheduler_info()["workers"])))
    bag = dask.bag.from_sequence(items, npartitions=n)  # type: ignore[no-untyped-call]
    work = functools.partial(_extract_partition, config=config)
    return tuple(bag.map_partitions(work).compute(scheduler=client))


def _extract_partition(
    items: Sequence[Article | Extraction], config: Config
) -> list[Extraction]:
    return [x if isinstance(x, Extraction) else _extract(x, config) for x in items]


def compare(
    articles: Iterable[Input],
    *,
    client: Any,
    config: Config | None = None,
    partitions: int | None = None,
    by_story: bool = True,
) -> Report:
    """Compare articles on a ``dask.distributed`` client: the report of local ``compare``.

    Extraction runs as a map over ``partitions`` partitions (default: four per worker);
    with ``by_story`` (the default here, since a cluster is for streams of many stories)
    each story is compared in a task of its own, else everything in one task.
    """
    config = config if config is not None else Config()
    extractions = extract(articles, client=client, config=config, partitions=partitions)
    if not by_story:
        future = client.submit(_compare_extractions, extractions, config)
        return future.result()  # type: ignore[no-any-return]
    return compare_by_story(
        extractions, config, _compare_extractions, mapper=functools.partial(_on, client)
    )


def _on(client: Any, fn: Callable[[T], R], groups: Iterable[T]) -> list[R]:
    """Map ``fn`` over ``groups`` as tasks on the client, results in order."""
    return client.gather(client.map(fn, list(groups), pure=False))  # type: ignore[no-any-return]
