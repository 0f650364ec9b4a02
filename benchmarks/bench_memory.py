"""Where compare()'s memory goes: tracemalloc peak and retained memory by pipeline stage.

    python benchmarks/bench_memory.py [--articles 840] [--top 12] [--gc]

Builds the articles as bench_scale.py does, warms the caches with a first whole compare
(as bench_scale.py does; ``--cold``: on two articles only), then runs the stages of
``compare`` one by one under tracemalloc and prints, per stage, the
memory still held after it (KB per article) and the peak reached during it; then the
biggest holders (by file and line) of what is held at the end, just before the report is
built. With ``--gc`` it instead counts the garbage collections (``gc.callbacks``) a plain
compare triggers, by generation, and the time they take.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import articles


def stages(n: int, top: int, cold: bool) -> None:
    import discrep
    from discrep._align import align_events, align_statements, link_entities
    from discrep._config import Config
    from discrep._detect import Context
    from discrep._detect.registry import detect, with_verdicts
    from discrep._inputs import extract_all, gather
    from discrep._report import Report

    arts = articles(n)
    # Warm as bench_scale.py does (a whole compare first, untraced), so that the caches
    # keyed by words and names are full and only the comparison's own memory is counted.
    discrep.compare(arts[:2] if cold else arts)
    config = Config()
    held: dict[str, object] = {}
    tracemalloc.start(1)
    base = tracemalloc.get_traced_memory()[0]

    def stage(name: str, fn: object) -> object:
        tracemalloc.reset_peak()
        value = fn()  # type: ignore[operator]
        cur, peak = tracemalloc.get_traced_memory()
        print(f"{name:<18}{(cur - base) / 1024 / n:>10.1f}{(peak - base) / 1024 / n:>10.1f}",
              flush=True)
        held[name] = value
        return value

    print(f"{'stage':<18}{'held':>10}{'peak':>10}   (KB per article)")
    items = stage("gather", lambda: gather(arts, config))
    xs = stage("extract", lambda: extract_all(items, config))  # type: ignore[arg-type]
    ents = stage("link entities", lambda: link_entities(xs, config))  # type: ignore[arg-type]
    evs = stage("align events", lambda: align_events(xs, ents, config))  # type: ignore[arg-type]
    als = stage("align statements",
                lambda: align_statements(xs, ents, evs, config))  # type: ignore[arg-type]
    ctx = stage("context", lambda: Context(xs, ents, evs, als, config))  # type: ignore[arg-type]
    ds = stage("detect", lambda: detect(ctx))  # type: ignore[arg-type]
    snap = tracemalloc.take_snapshot()
    stage("report", lambda: Report(
        articles=tuple(x.article for x in xs),  # type: ignore[attr-defined]
        entities=ents, alignments=with_verdicts(ctx, ds),  # type: ignore[arg-type]
        discrepancies=ds, extractions=xs))  # type: ignore[arg-type]
    tracemalloc.stop()
    print(f"\nbiggest holders after detection (KB per article), of "
          f"{sum(s.size for s in snap.statistics('filename')) / 1024 / n:.1f}:")
    for stat in snap.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        print(f"{stat.size / 1024 / n:>8.2f}  {stat.count / n:>8.1f} blocks/art  {where}")


def collections(n: int) -> None:
    import discrep

    arts = articles(n)
    discrep.compare(arts[:2])
    counts = [0, 0, 0]
    spent = [0.0, 0.0, 0.0]
    started = [0.0]

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.process_time()
        else:
            counts[info["generation"]] += 1
            spent[info["generation"]] += time.process_time() - started[0]

    gc.callbacks.append(watch)
    t0 = time.process_time()
    discrep.compare(arts)
    total = time.process_time() - t0
    gc.callbacks.remove(watch)
    print(f"compare of {n} articles: {total:.2f} s CPU; tracked objects {len(gc.get_objects())}")
    for g in range(3):
        print(f"  generation {g}: {counts[g]:>6} collections, {spent[g]:.3f} s")
    print(f"  all: {sum(spent):.3f} s ({100 * sum(spent) / total:.1f}% of the compare)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=840)
    ap.add_argument("--top", type=int, default=12)
    ap.add_argument("--cold", action="store_true", help="warm on two articles only")
    ap.add_argument("--gc", action="store_true", help="count garbage collections instead")
    args = ap.parse_args()
    if args.gc:
        collections(args.articles)
    else:
        stages(args.articles, args.top, args.cold)


if __name__ == "__main__":
    main()
