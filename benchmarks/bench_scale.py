"""Throughput, growth and memory of compare() on a stream, against the baseline commit.

    python benchmarks/bench_scale.py [--sizes 100,200,400,800] [--baseline /tmp/base]

For each size n it builds n articles from the ECB+ corpus (beyond its 839 articles, copies
whose capitalised words are varied, so that copies are new names and not duplicates) and
runs, each in a fresh process with warm caches:
- this tree, ``compare(articles)`` (everything against everything);
- this tree, ``compare(articles, by_story=True)``;
- with ``--baseline DIR`` (a checkout of the baseline commit, e.g.
  ``git worktree add /tmp/base $(cat /work/baseline/commit)``), the baseline's
  ``compare(articles)``, in the same run, so that the ratios compare like with like.
It prints CPU seconds, KB/s, tracemalloc peak KB per article, the time of the grouping
alone (``discrep.stories``) for the by-story runs, the ratios to the baseline and the
fitted growth exponent of time with n. The timed compare is the first sight of all but
two of the articles, so no per-word memo holds them yet.

Mind what the copies are: their lower-case words are the original's, so a copy joins its
original's story, and past 839 articles the stories grow with n instead of multiplying
(3,200 articles make about 150 stories of up to 84 articles, not 290 of the corpus's
size). Work within a story (grouping's refinement, alignment candidates up to their caps)
then grows faster than n; a feed that grows by new stories does not do that.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
_CAPITAL = re.compile(r"\b([A-Z][a-z]{2,})\b")


def articles(n: int) -> list[object]:
    """N articles: the corpus, then copies with varied capitalised words."""
    from discrep import Article

    base = [Article.from_path(p) for p in sorted(CORPUS.glob("*.txt"))]
    out: list[object] = []
    for i in range(n):
        art = base[i % len(base)]
        k = i // len(base)
        if k == 0:
            out.append(art)
            continue
        tail = "ae"[k % 2] + "nrstl"[k % 5] + "io"[(k // 2) % 2]
        text = _CAPITAL.sub(lambda m, t=tail: m.group(1) + t, art.text)
        out.append(Article(text, source=f"{art.source}~{k}", published=art.published))
    return out


def worker(n: int, by_story: bool, memory: bool) -> dict[str, float]:
    import discrep

    arts = articles(n)
    discrep.compare(arts[:2])  # warm the lazy loads (gazetteer, unit tables, pint)
    kwargs = {"by_story": True} if by_story else {}
    t0 = time.process_time()
    discrep.compare(arts, **kwargs)
    seconds = time.process_time() - t0
    grouping = 0.0
    if by_story:  # the grouping alone, the part a by-story compare adds
        t0 = time.process_time()
        discrep.stories(arts)
        grouping = time.process_time() - t0
    peak = 0.0
    if memory:
        tracemalloc.start()
        discrep.compare(arts, **kwargs)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    kb = sum(len(a.text.encode("utf-8")) for a in arts) / 1024  # type: ignore[attr-defined]
    return {"n": n, "seconds": seconds, "kb": kb, "peak_kb_per_article": peak / 1024 / n,
            "grouping": grouping}


def run(n: int, *, src: Path, by_story: bool, memory: bool) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, __file__, "--worker", str(n)]
    cmd += ["--by-story"] if by_story else []
    cmd += ["--memory"] if memory else []
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def slope(points: list[tuple[float, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,200,400,800")
    ap.add_argument("--baseline", type=Path, help="a checkout of the baseline commit")
    ap.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    ap.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--by-story", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.by_story, args.memory)))
        return
    memory = not args.no_memory
    runs = [("this tree", ROOT / "src", False), ("this tree, by story", ROOT / "src", True)]
    if args.baseline:
        runs.insert(0, ("baseline", args.baseline / "src", False))
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[str, list[dict[str, float]]] = {}
    print(f"{'run':<22}{'articles':>9}{'KB':>9}{'cpu s':>9}{'KB/s':>9}{'peak KB/art':>12}"
          f"{'grouping s':>11}")
    for name, src, by_story in runs:
        for n in sizes:
            r = run(n, src=src, by_story=by_story, memory=memory)
            results.setdefault(name, []).append(r)
            print(f"{name:<22}{n:>9}{r['kb']:>9,.0f}{r['seconds']:>9.2f}"
                  f"{r['kb'] / r['seconds']:>9,.0f}{r['peak_kb_per_article']:>12,.1f}"
                  f"{r.get('grouping', 0.0):>11.2f}",
                  flush=True)
    print()
    for name, rs in results.items():
        growth = slope([(r["n"], r["seconds"]) for r in rs]) if len(rs) > 1 else float("nan")
        line = f"{name:<22} time ~ n^{growth:.2f}"
        if "baseline" in results and name != "baseline":
            ratios = [b["seconds"] / r["seconds"]
                      for b, r in zip(results["baseline"], rs, strict=True)]
            line += "  throughput vs baseline: " + ", ".join(
                f"{r['n']:.0f}: {x:.2f}x" for r, x in zip(rs, ratios, strict=True))
        print(line)


if __name__ == "__main__":
    main()
