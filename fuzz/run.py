"""Run every fuzz target for a share of a time budget; exit non-zero on any failure.

    python fuzz/run.py --seconds 60          # what .ci/run does
    python fuzz/run.py --seconds 3600 --keep /tmp/fuzz-corpus

Each target starts from its seed corpus in fuzz/corpus/<target>/ (copied, so the
repository is not written to) and prints libFuzzer's executions count at the end.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = ("read", "quantities", "extract", "compare")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--seconds", type=int, default=60, help="total budget (default 60)")
    ap.add_argument("--targets", default=",".join(TARGETS))
    ap.add_argument("--keep", type=Path, help="keep each target's grown corpus under this folder")
    args = ap.parse_args()
    targets = args.targets.split(",")
    each = max(1, args.seconds // len(targets))
    failed = []
    for target in targets:
        work = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
        corpus = (args.keep / target) if args.keep else work / "corpus"
        if not corpus.exists():
            shutil.copytree(HERE / "corpus" / target, corpus)
        cmd = [sys.executable, str(HERE / f"fuzz_{target}.py"), str(corpus),
               f"-max_total_time={each}", "-max_len=4096", f"-artifact_prefix={work}/"]  # fmt: skip
        done = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, check=False)
        runs = re.findall(r"^#(\d+)\s+DONE", done.stderr, re.MULTILINE)
        print(f"fuzz_{target}: {runs[-1] if runs else '?'} executions in {each} s, "
              f"exit status {done.returncode}")  # fmt: skip
        if done.returncode != 0:
            failed.append(target)
            print(done.stderr[-4000:], file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    if failed:
        print(f"fuzz: failures in {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
