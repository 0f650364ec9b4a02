"""compare() CPU time of two checkouts of discrep, interleaved, as a ratio.

    python benchmarks/bench_versions.py --before DIR --after DIR [--articles 60] [--rounds 3]
        [--fresh]

Each checkout (a git worktree, e.g. ``git worktree add --detach /tmp/before COMMIT^``) is
imported from its own ``src`` in a fresh process, which reads the same articles (the
first ``--articles`` ECB+ corpus articles plus the five seeds), runs ``compare()`` once to
warm its caches, and then reports the process CPU time of one more ``compare()``. The two
checkouts alternate for ``--rounds`` rounds, so that load on a shared machine falls on
both alike; the best time of each is kept, and the ratio after / before printed.

The warm-up compares the very articles that are then timed, so the second compare finds
every per-word memo filled: it measures a process that is handed the same feed again.
``--fresh`` measures a process that sees the feed for the first time: the warm-up is a
compare of the five seeds only (it loads the gazetteer, unit tables and the rest), then
one compare of the corpus articles (and the seeds) is timed.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
SEEDS = ROOT / "seeds"

_CHILD = """
import sys, time
from pathlib import Path
import discrep
paths = sorted(Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])] + sorted(
    Path(sys.argv[3]).glob("*.txt"))
arts = [discrep.Article.from_path(p) if hasattr(discrep.Article, "from_path")
        else discrep.Article(p.read_text("utf-8"), source=p.name) for p in paths]
discrep.compare(arts[-5:] if sys.argv[4] == "fresh" else arts)
t0 = time.process_time()
report = discrep.compare(arts)
print(time.process_time() - t0, len(report.discrepancies))
"""


def _run(checkout: Path, n: int, *, fresh: bool) -> tuple[float, int]:
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(CORPUS), str(n), str(SEEDS),
         "fresh" if fresh else "same"],
        capture_output=True, text=True, env=env, check=True,
    )
    seconds, found = done.stdout.split()
    return float(seconds), int(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, required=True)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--fresh", action="store_true",
                    help="warm up on the seeds only: time a first compare of the articles")
    args = ap.parse_args()
    best: dict[str, float] = {}
    found: dict[str, int] = {}
    for r in range(args.rounds):
        for name, checkout in (("before", args.before), ("after", args.after)):
            seconds, found[name] = _run(checkout, args.articles, fresh=args.fresh)
            best[name] = min(best.get(name, seconds), seconds)
            print(f"round {r + 1} {name:<6} {seconds:7.2f} s CPU  {found[name]} discrepancies")
    ratio = best["after"] / best["before"]
    print(f"best before {best['before']:.2f} s, after {best['after']:.2f} s: "
          f"after/before = {ratio:.3f}x ({args.articles} ECB+ articles + seeds"
          f"{', fresh' if args.fresh else ''})")


if __name__ == "__main__":
    main()
