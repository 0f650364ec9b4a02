"""Start-up cost against baseline checkouts, side by side in one run.

    python benchmarks/bench_startup.py [--baseline /tmp/start5 --baseline /tmp/base] [--runs 7]

Prints, for this checkout and each baseline (a checkout whose ``src/`` holds a discrep
package, e.g. ``git worktree add /tmp/base $(cat /work/baseline/commit)``):

- ``import discrep`` in a fresh process, from a clean copy of the checkout's ``src/``: best
  wall and CPU seconds of ``--runs`` runs, alternating the checkouts run by run so that a
  change in machine load hits all of them alike, and the ratio of each baseline to this
  checkout. Two settings: ``no bytecode`` compiles discrep's modules from source in every
  process (what ``PYTHONDONTWRITEBYTECODE=1`` gives an editable checkout), ``bytecode``
  reads compiled files from a private ``PYTHONPYCACHEPREFIX`` (what an installed wheel
  gives). Neither writes into a checkout. Wall time follows the machine's load; CPU time
  much less so.
- ``python -m discrep seeds/`` in a fresh process: best user+sys CPU seconds of
  ``--cli-runs`` runs, after one run that builds the on-disk tables (issue 14: <= 1.0 s).
  Baselines older than the table cache pay the full build in every run: pass
  ``--cli-baseline`` to include them anyway.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASELINES = (Path("/tmp/start5"), Path("/tmp/base"))
TIMED_IMPORT = (
    "import time; w = time.perf_counter(); c = time.process_time(); import discrep; "
    "print(time.perf_counter() - w, time.process_time() - c)"
)


def _env(src: Path, pycache: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(src)
    if pycache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _import_once(src: Path, pycache: Path | None, cwd: Path) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", TIMED_IMPORT], env=_env(src, pycache), cwd=cwd,
        capture_output=True, text=True, check=True,
    )
    wall, cpu = done.stdout.split()
    return float(wall), float(cpu)


def _cli_cpu(src: Path, pycache: Path, seeds: Path, cwd: Path) -> float:
    """User+sys CPU seconds of one ``python -m discrep seeds/`` in a fresh process."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "discrep", str(seeds)], env=_env(src, pycache), cwd=cwd,
            stdout=subprocess.DEVNULL, stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):  # 1: findings reported under --fail-on options
            err.seek(0)
            raise RuntimeError(f"the CLI of {src} failed: {err.read().decode(errors='replace')}")
    return usage.ru_utime + usage.ru_stime


def _row(name: str, best: tuple[float, float], mine: tuple[float, float]) -> str:
    wall, cpu = best
    ratio = f"{wall / mine[0]:5.2f}x wall  {cpu / mine[1]:5.2f}x CPU"
    return f"  {name:<28} wall {wall:6.3f} s  CPU {cpu:6.3f} s   vs this: {ratio}"


def import_times(checkouts: Sequence[tuple[str, Path]], runs: int, tmp: Path) -> None:
    """Print best-of-``runs`` import times, checkouts alternating run by run."""
    for label, cached in (("no bytecode", False), ("bytecode", True)):
        best: dict[str, tuple[float, float]] = {}
        if cached:  # compile once, outside the timed runs
            for i, (_, src) in enumerate(checkouts):
                _import_once(src, tmp / f"pyc{i}", tmp)
        for _ in range(runs):
            for i, (name, src) in enumerate(checkouts):
                wall, cpu = _import_once(src, tmp / f"pyc{i}" if cached else None, tmp)
                old = best.get(name, (wall, cpu))
                best[name] = (min(old[0], wall), min(old[1], cpu))
        mine = best[checkouts[0][0]]
        print(f"\n== import discrep, fresh process, best of {runs} ({label})")
        for name, _ in checkouts:
            print(_row(name, best[name], mine))


def cli_times(checkouts: Sequence[tuple[str, Path]], runs: int, tmp: Path) -> None:
    """Print best-of-``runs`` CPU of the CLI on seeds/, after a run that builds the cache."""
    seeds = ROOT / "seeds"
    best: dict[str, float] = {}
    for i, (_, src) in enumerate(checkouts):
        _cli_cpu(src, tmp / f"pyc{i}", seeds, tmp)  # builds the tables and the bytecode
    for _ in range(runs):
        for i, (name, src) in enumerate(checkouts):
            cpu = _cli_cpu(src, tmp / f"pyc{i}", seeds, tmp)
            best[name] = min(best.get(name, float("inf")), cpu)
    mine = best[checkouts[0][0]]
    print(f"\n== python -m discrep seeds/, fresh process, cache built, best of {runs} "
          "(user+sys CPU; bytecode)")
    for name, _ in checkouts:
        print(f"  {name:<28} CPU {best[name]:6.3f} s   vs this: {best[name] / mine:5.2f}x")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--baseline", type=Path, action="append",
                    help="a checkout to compare with (repeat; default /tmp/start5, /tmp/base)")
    ap.add_argument("--runs", type=int, default=7, help="fresh processes per checkout")
    ap.add_argument("--cli-runs", type=int, default=3, help="CLI runs per checkout")
    ap.add_argument("--cli-baseline", action="store_true",
                    help="time the CLI of the baselines too (slow without their cache)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI timing")
    args = ap.parse_args(argv)
    baselines = args.baseline or [p for p in DEFAULT_BASELINES if (p / "src").is_dir()]
    roots = [(f"this ({ROOT.name})", ROOT), *((f"baseline {p}", p) for p in baselines)]
    with tempfile.TemporaryDirectory(prefix="bench_startup_") as tmp:
        # A clean copy of each src/: bytecode that tests left beside a checkout's sources
        # would otherwise be read in the "no bytecode" runs of that checkout only.
        checkouts = []
        for i, (name, root) in enumerate(roots):
            copy = Path(tmp) / f"src{i}"
            shutil.copytree(root / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
            checkouts.append((name, copy))
        import_times(checkouts, args.runs, Path(tmp))
        if not args.no_cli:
            cli_times(checkouts if args.cli_baseline else checkouts[:1], args.cli_runs,
                      Path(tmp))


if __name__ == "__main__":
    main()
