"""Fuzz reading bytes: Article.from_path on a temporary file, through every decoder.

python fuzz/fuzz_read.py fuzz/corpus/read -max_total_time=60
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import nullcontext

import atheris

_COVERAGE = os.environ.get("DISCREP_FUZZ_COVERAGE", "1") != "0"

# DISCREP_FUZZ_COVERAGE=0 skips instrumenting discrep: no coverage feedback, many more
# executions per second (see README.md).
with atheris.instrument_imports(include=["discrep"]) if _COVERAGE else nullcontext():
    import discrep

from _checks import FuzzFailure, Timer, guarded  # noqa: E402  (after the instrumented import)

_DIR = tempfile.mkdtemp(prefix="discrep-fuzz-")
_PATH = os.path.join(_DIR, "article.txt")
_TIMER = Timer()


def test_one_input(data: bytes) -> None:
    with open(_PATH, "wb") as f:
        f.write(data)
    art = guarded(lambda: _TIMER.run(len(data), lambda: discrep.Article.from_path(_PATH)))
    if art is None:
        return
    for field in (art.text, art.source, art.title or "", art.url or "", *art.warnings):
        if not isinstance(field, str):
            raise FuzzFailure(f"a field of the article read is {type(field).__name__}")
    report = guarded(lambda: discrep.compare([art]))
    if report is not None:
        report.to_json().encode("utf-8")


def _read_text(text: str) -> None:
    with open(_PATH, "wb") as f:
        f.write(text.encode("cp1252", errors="replace"))
    discrep.compare([discrep.Article.from_path(_PATH)])


def main() -> None:
    _TIMER.warm_up(_read_text)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
