"""The whole command line on a folder, two checkouts side by side: CPU seconds and the ratio.

    python benchmarks/bench_cli.py --before DIR [--after DIR] [--folder DIR] [--rounds 2]

Each round runs ``python -m discrep FOLDER --format json`` once from each checkout (its own
``src`` first on ``PYTHONPATH``), in turn, and counts the child's user and system CPU: the
import, the reading, the grouping into stories, extraction, comparison and the JSON a user
pays for, start-up included. The best of each checkout is kept and the ratio after / before
printed. ``--before`` is a checkout of the commit to compare with (a git worktree, e.g. the
issue's baseline); ``--after`` defaults to this tree; the folder defaults to the ECB+ corpus.

The cache of gazetteer and unit tables must be built already (run the command once) for a
figure of a run after the first.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


def _cpu(checkout: Path, folder: Path) -> float:
    """Return the CPU seconds of one run of the command line from ``checkout``."""
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "discrep", str(folder), "--format", "json"],
        env=env, cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        check=False,  # --strict is off: the exit status says nothing here
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, default=ROOT)
    ap.add_argument("--folder", type=Path, default=CORPUS)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    best: dict[str, float] = {}
    for r in range(args.rounds):
        for name, checkout in (("before", args.before), ("after", args.after)):
            seconds = _cpu(checkout, args.folder)
            best[name] = min(best.get(name, seconds), seconds)
            print(f"round {r + 1} {name:<6} {seconds:7.2f} s CPU", flush=True)
    print(f"best before {best['before']:.2f} s, after {best['after']:.2f} s: "
          f"after/before = {best['after'] / best['before']:.3f}x ({args.folder.name})")


if __name__ == "__main__":
    main()
