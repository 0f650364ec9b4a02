"""Statement alignment time against the number of articles.

Run ``python benchmarks/bench_alignment.py``.

Extracts the first 800 articles of ../shared/corpus/ecbplus/ once (names, quantities,
times, events), links entities and aligns events for each subset (untimed), then times
only ``align_statements`` on 50, 100, 200, 400 and 800 articles (CPU time of this process,
best of ``--repeat``, so other load on the machine does not skew it; wall time alongside)
and prints the fitted growth exponent (least squares on log time against log n). Linear
is 1.0; all pairs of sentences would be 2.0.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

from discrep import Article, Config
from discrep._align import align_events, align_statements, link_entities
from discrep._align.statements import build_statements, candidate_pairs
from discrep._extract import extract

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


def _slope(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den


def main(argv: list[str] | None = None) -> int:
    """Print alignment time per corpus size and the growth exponent."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sizes", default="50,100,200,400,800")
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings per size")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    paths = sorted(args.corpus.glob("*.txt"))[: max(sizes)]
    if len(paths) < max(sizes):
        print(f"corpus {args.corpus} has only {len(paths)} articles", file=sys.stderr)
        return 1
    config = Config()
    t0 = time.perf_counter()
    extractions = [extract(Article.from_path(p), config) for p in paths]
    print(f"extracted {len(paths)} articles in {time.perf_counter() - t0:.1f} s (untimed below)")
    print(f"{'n':>5} {'sentences':>9} {'statements':>10} {'candidates':>10} {'cpu s':>8} "
          f"{'wall s':>8} {'ms/article':>10}")
    xs, ys = [], []
    for n in sizes:
        exs = extractions[:n]
        entities = link_entities(exs, config)
        events = align_events(exs, entities, config)
        best = wall = math.inf
        for _ in range(args.repeat):
            t, c = time.perf_counter(), time.process_time()
            align_statements(exs, entities, events, config)
            best = min(best, time.process_time() - c)
            wall = min(wall, time.perf_counter() - t)
        coll = build_statements(exs, entities, events, config)
        cands = len(candidate_pairs(coll))
        sentences = sum(len(ex.sentences) for ex in exs)
        print(f"{n:>5} {sentences:>9} {len(coll.statements):>10} {cands:>10} {best:>8.3f} "
              f"{wall:>8.3f} {1000 * best / n:>10.2f}")
        xs.append(math.log(n))
        ys.append(math.log(best))
    print(f"growth exponent (cpu time ~ n^k): k = {_slope(xs, ys):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
