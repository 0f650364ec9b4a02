"""Session 10 fast paths of the detection stage give what the plain computations give.

Each test keeps the plain form as its oracle: the blocks read once per article for both
the compared blocks and the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from discrep import Article, Config, Quantity
from discrep._detect import quantity
from discrep._extract import extract
from discrep._model import Extraction

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_INVENTED = [
    "Nearly 5,000 people have been killed in Norden. The old bridge is 300 metres long.",
    "About 9,000 people have been killed in Norden, officials said on Monday.",
    "The storm caused $5 million in damage. Bail was set at $20,000 for the driver.",
    "Damage from the storm was put at $9 million. The mayor earns a salary of $80,000.",
    "On March 3 the ministry said 40 soldiers were killed. Officials said 12 died.",
    "Outside any sentence 7 figures.",
]


@pytest.fixture(name="extractions", scope="module")
def fixture_extractions() -> tuple[Extraction, ...]:
    """The seeds and a few invented articles, extracted."""
    arts = [Article.from_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    arts += [Article(text, f"invented-{k}") for k, text in enumerate(_INVENTED)]
    return tuple(extract(a, Config()) for a in arts)


def _plain_compared_blocks(exs: tuple[Extraction, ...], qc: object) -> frozenset[str]:
    """The compared blocks as session 9 read them: a block key and a sentence per figure."""
    arts: dict[str, int] = {}
    seen: set[str] = set()
    for i, ex in enumerate(exs):
        for q in quantity._comparable(ex.quantities):
            key = quantity._block_key(q)
            span = ex.span_at(q.start)
            if key is None or span is None:
                continue
            key, _ = quantity._fig_block(ex.article.text, q, key, span, qc)  # type: ignore[arg-type]
            if arts.setdefault(key, i) != i:
                seen.add(key)
    return frozenset(seen)


def _plain_keyed(ex: Extraction, qc: object) -> list[tuple[Quantity, str, str | None, int]]:
    out = []
    for q in quantity._comparable(ex.quantities):
        key = quantity._block_key(q)
        sent = ex.sentence_at(q.start)
        if key is None or sent is None:
            continue
        key, money = quantity._fig_block(
            ex.article.text, q, key, (sent.start, sent.end), qc  # type: ignore[arg-type]
        )
        out.append((q, key, money, ex.sentences.index_at(sent.start)))
    return out


def test_blocks_read_once_are_those_read_per_figure(
    extractions: tuple[Extraction, ...],
) -> None:
    qc = Config().quantities
    keyed = [quantity._keyed(ex, qc) for ex in extractions]
    assert keyed == [_plain_keyed(ex, qc) for ex in extractions]
    compared = quantity._compared(keyed)
    assert compared == _plain_compared_blocks(extractions, qc)
    assert compared == quantity._compared_blocks(extractions, qc)
    assert compared  # the control: some blocks are compared
    kept = 0
    for i, ex in enumerate(extractions):
        given = list(quantity._figures(i, ex, {}, qc, compared, keyed[i]))
        read = list(quantity._figures(i, ex, {}, qc, compared))
        assert given == read
        assert [f.sentence for f in given] == [
            (s.start, s.end) for s in (ex.sentence_at(f.q.start) for f in read) if s
        ]
        kept += len(given)
    assert kept > 0
