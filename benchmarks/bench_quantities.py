"""Quantity extraction speed: discrep's extractor against quantulum3 alone on every sentence.

Run ``python benchmarks/bench_quantities.py`` (``--limit N`` articles of the corpus;
default 200 so a run stays short on a shared machine; ``--limit 0`` for all).

Both sides see the same non-junk sentences of the same articles (segmentation is not
timed). discrep: ``extract_quantities`` (its own scanner, quantulum3 only for unit
names). quantulum3: ``quantulum3.parser.parse`` on every sentence, which is what using it
alone costs. Times are CPU seconds of this process after one warm-up call on each side
(both load unit tables on first use; the cold first call is printed separately). Peak
resident memory is printed at the end.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import resource
import time
import warnings
from pathlib import Path
from typing import Any

from discrep import Article, Config
from discrep._extract.quantities import extract_quantities
from discrep._model import Sentence
from discrep._read import mark_junk
from discrep._segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


def _load(paths: list[Path]) -> list[tuple[Article, tuple[Sentence, ...]]]:
    out = []
    for p in paths:
        art = Article.from_path(p)
        out.append((art, mark_junk(art.text, segment(art.text))))
    return out


def _quantulum() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        return parser


def _time_discrep(docs: list[tuple[Article, tuple[Sentence, ...]]]) -> tuple[float, int]:
    config = Config()
    n = 0
    t0 = time.process_time()
    for art, sents in docs:
        n += len(extract_quantities(art, sents, config))
    return time.process_time() - t0, n


def _time_quantulum(docs: list[tuple[Article, tuple[Sentence, ...]]]) -> tuple[float, int]:
    parser = _quantulum()
    n = 0
    t0 = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _art, sents in docs:
            for s in sents:
                if not s.junk:
                    n += len(parser.parse(s.text))
    return time.process_time() - t0, n


def _row(name: str, docs: list[tuple[Article, tuple[Sentence, ...]]]) -> None:
    kb = sum(len(a.text.encode("utf-8")) for a, _ in docs) / 1024
    sentences = sum(1 for _, ss in docs for s in ss if not s.junk)
    d_s, d_n = _time_discrep(docs)
    q_s, q_n = _time_quantulum(docs)
    print(
        f"{name:<8} {len(docs):>5} {sentences:>9} {kb:>8.0f} | discrep {d_s:>7.2f} s "
        f"{kb / max(d_s, 1e-9):>8.0f} KB/s {d_n:>6} found | quantulum3 {q_s:>7.2f} s "
        f"{kb / max(q_s, 1e-9):>7.0f} KB/s {q_n:>6} found | x{q_s / max(d_s, 1e-9):.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Print KB/s of discrep's quantity extraction and of quantulum3 alone."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=200, help="corpus articles (0: all)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    from discrep import quantities

    quantities("Nearly 5,000 people, 30 km.")
    cold_d = time.perf_counter() - t0
    t0 = time.perf_counter()
    _quantulum().parse("Nearly 5,000 people, 30 km.")
    cold_q = time.perf_counter() - t0
    print(f"first call (loads unit tables): discrep {cold_d:.2f} s, quantulum3 {cold_q:.2f} s")

    paths = sorted(args.corpus.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    print(f"{'set':<8} {'docs':>5} {'sentences':>9} {'KB':>8} |")
    _row("seeds", _load(sorted(SEEDS.glob("*.txt"))))
    _row("ecbplus", _load(paths))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
