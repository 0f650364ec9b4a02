"""discrep.dask on a LocalCluster: the same report as local compare(), however partitioned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "distributed", reason='discrep.dask needs its extra: pip install "discrep[dask]"'
)

from dask.distributed import Client, LocalCluster

import discrep
import discrep.dask
from discrep import Article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"

_TEXTS = [
    "Kyiv said 5 people died in the flood on Monday.",
    "Kiev said 5 people died in the flood on Monday.",
    "Kyiv said 7 people died in the flood on Monday.",
    "The Oakland Athletics beat the Seattle Mariners 5-3 in Oakland on Sunday.",
    "The Oakland Athletics beat the Seattle Mariners 5-4 in Oakland on Sunday.",
    "Flood waters rose in Dhaka as monsoon rains hit Bangladesh, officials said.",
]


@pytest.fixture(name="client", scope="module")
def fixture_client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        yield client


@pytest.mark.parametrize("partitions", [1, 2, 5])
def test_dask_equals_local(client: Client, partitions: int) -> None:
    arts = [Article(t, source=f"a{i}") for i, t in enumerate(_TEXTS)]
    local = discrep.compare(arts, by_story=True)
    assert len(local.stories) > 1
    remote = discrep.dask.compare(arts, client=client, partitions=partitions)
    assert remote == local
    assert remote.to_json() == local.to_json()


def test_dask_without_stories_equals_local(client: Client) -> None:
    arts = [Article(t, source=f"a{i}") for i, t in enumerate(_TEXTS)]
    remote = discrep.dask.compare(arts, client=client, by_story=False)
    assert remote == discrep.compare(arts)


def test_dask_extract_keeps_stored_extractions(client: Client) -> None:
    stored = discrep.extract(Article(_TEXTS[0], source="a"))
    out = discrep.dask.extract([stored, Article(_TEXTS[1], source="b")], client=client)
    assert out[0] is not stored  # shipped to a worker and back...
    assert out[0] == stored  # ...unchanged
    assert out[1] == discrep.extract(Article(_TEXTS[1], source="b"))


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason="the ECB+ corpus is not beside the repo")
def test_dask_equals_local_on_every_corpus_story(client: Client) -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    local = discrep.compare(paths, by_story=True)
    for partitions in (1, 2, 5):
        assert discrep.dask.compare(paths, client=client, partitions=partitions) == local
