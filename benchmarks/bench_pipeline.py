"""Speed and memory of the whole pipeline: run ``python benchmarks/bench_pipeline.py``.

Prints, for seeds/ and for ../shared/corpus/ecbplus/ when present:
- KB/s per stage (segment+junk, names, quantities, time, events, linking, event
  alignment, statement alignment, detection) and overall;
- compare() on the seeds in a cold process (import included) and warm;
- peak memory (tracemalloc) of compare() on the corpus;
- time for 50, 100, 200, 400, 800 articles and the fitted growth exponent.

Times are process CPU seconds (``time.process_time``), as in the other benchmarks: on a
shared machine wall time measures the neighbours' load as much as discrep.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import discrep
from discrep import Article, Config
from discrep._align import align_events, align_statements, link_entities
from discrep._detect import Context
from discrep._detect.registry import detect
from discrep._extract.events import extract_events
from discrep._extract.names import extract_mentions
from discrep._extract.quantities import extract_quantities
from discrep._extract.time import tag_times
from discrep._model import Extraction
from discrep._read import mark_junk
from discrep._segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
T = TypeVar("T")


def _timed(totals: dict[str, float], stage: str, fn: Callable[[], T]) -> T:
    t0 = time.process_time()
    out = fn()
    totals[stage] = totals.get(stage, 0.0) + time.process_time() - t0
    return out


def staged(articles: Sequence[Article], cfg: Config) -> tuple[dict[str, float], int]:
    """Run the pipeline stage by stage; return seconds per stage and discrepancies."""
    tt: dict[str, float] = {}
    exs = []
    for a in articles:
        sents = _timed(tt, "segment", lambda a=a: mark_junk(a.text, segment(a.text)))
        ments = _timed(tt, "names", lambda a=a, s=sents: extract_mentions(a, s, cfg))
        qs = _timed(tt, "quantities", lambda a=a, s=sents: extract_quantities(a, s, cfg))
        times, ref, ref_from = _timed(tt, "time", lambda a=a, s=sents: tag_times(a, s, cfg))
        evs = _timed(
            tt, "events",
            lambda a=a, s=sents, m=ments, t=times: extract_events(a, s, m, t, cfg),
        )
        exs.append(Extraction(a, sents, ments, qs, times, evs, ref, ref_from))
    ents = _timed(tt, "link entities", lambda: link_entities(exs, cfg))
    evc = _timed(tt, "align events", lambda: align_events(exs, ents, cfg))
    als = _timed(tt, "align statements", lambda: align_statements(exs, ents, evc, cfg))
    found = _timed(tt, "detect", lambda: detect(Context(tuple(exs), ents, evc, als, cfg)))
    return tt, len(found)


def _load(folder: Path, limit: int | None = None) -> list[Article]:
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    return [Article.from_path(p) for p in paths[:limit]]


def _kb(articles: Sequence[Article]) -> float:
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1024


def report_stages(name: str, articles: Sequence[Article]) -> None:
    cfg = Config()
    staged(articles[:5], cfg)  # warm lazy loads (gazetteer, quantulum3, pint)
    tt, n = staged(articles, cfg)
    kb = _kb(articles)
    total = sum(tt.values())
    print(f"\n== {name}: {len(articles)} articles, {kb:,.1f} KB, {n} discrepancies")
    print(f"{'stage':<18}{'CPU s':>10}{'KB/s':>14}{'share':>8}")
    for stage, sec in tt.items():
        rate = kb / sec if sec > 0 else math.inf
        print(f"{stage:<18}{sec:>10.3f}{rate:>14,.0f}{sec / total:>8.0%}")
    print(f"{'overall':<18}{total:>10.3f}{kb / total:>14,.0f}")


def cold_and_warm() -> None:
    code = (
        "import time,sys; t=time.process_time(); import discrep, pathlib; "
        "discrep.compare(sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))); "
        "print(time.process_time()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(SEEDS)], capture_output=True,
                         text=True, check=True)
    cold = float(out.stdout.strip())
    paths = sorted(SEEDS.glob("*.txt"))
    discrep.compare(paths)
    runs = []
    for _ in range(5):
        t0 = time.process_time()
        discrep.compare(paths)
        runs.append(time.process_time() - t0)
    print(f"\n== compare() on seeds/: cold process {cold:.2f} s CPU (import included), "
          f"warm {min(runs) * 1000:.0f} ms CPU (best of 5)")


def peak_memory(articles: Sequence[Article]) -> None:
    tracemalloc.start()
    discrep.compare(articles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\n== peak memory (tracemalloc) of compare() on {len(articles)} articles "
          f"({_kb(articles):,.0f} KB): {peak / 2**20:,.1f} MiB")


def growth(articles: Sequence[Article], sizes: Sequence[int]) -> None:
    print("\n== growth with the number of articles (compare(), warm)")
    print(f"{'articles':>9}{'KB':>9}{'CPU s':>10}{'ms/article':>12}")
    points = []
    for n in sizes:
        if n > len(articles):
            break
        batch = articles[:n]
        t0 = time.process_time()
        discrep.compare(batch)
        sec = time.process_time() - t0
        points.append((n, sec))
        print(f"{n:>9}{_kb(batch):>9,.0f}{sec:>10.2f}{sec / n * 1000:>12.1f}")
    if len(points) >= 2:
        xs = [math.log(n) for n, _ in points]
        ys = [math.log(s) for _, s in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"fitted growth: time ~ n^{slope:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50,100,200,400,800")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    print(f"discrep {discrep.__version__}, Python {sys.version.split()[0]}")
    cold_and_warm()
    seeds = _load(SEEDS)
    report_stages("seeds", seeds)
    if args.corpus.is_dir():
        corpus = _load(args.corpus)
        report_stages("ecbplus corpus", corpus)
        peak_memory(corpus)
        growth(corpus, [int(s) for s in args.sizes.split(",")])
    else:
        print(f"\n(corpus not found at {args.corpus}: skipped)")


if __name__ == "__main__":
    main()
