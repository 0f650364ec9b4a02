"""Make the HTML report's screenshots in docs/: the seeds, and one ECB+ story.

    python scripts/screenshots.py [--corpus ../shared/corpus/ecbplus] [--topic 11]

Needs Debian's ``chromium`` (``apt-get install chromium``). Writes docs/report-seeds.png
and docs/report-ecbplus.png.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

import discrep

ROOT = Path(__file__).resolve().parent.parent
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]


def shoot(report: discrep.Report, name: str, size: str) -> Path:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on PATH: apt-get install chromium")
    png = ROOT / "docs" / f"{name}.png"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"{name}.html"
        page.write_text(report.to_html(), encoding="utf-8")
        subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={tmp}/profile", f"--window-size={size}",
             f"--screenshot={png}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    return png


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "ecbplus")
    p.add_argument("--topic", default="11")
    args = p.parse_args()
    seeds = discrep.compare(sorted((ROOT / "seeds").glob("*.txt")))
    print(shoot(seeds, "report-seeds", "1200,1500"))
    story = discrep.compare(sorted(args.corpus.glob(f"{args.topic}_*ecb.txt")))
    print(shoot(story, "report-ecbplus", "1200,1100"))


if __name__ == "__main__":
    main()
