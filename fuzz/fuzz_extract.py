"""Fuzz per-article extraction (segmentation, names, quantities, times, events).

python fuzz/fuzz_extract.py fuzz/corpus/extract -max_total_time=60
"""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext

import atheris

_COVERAGE = os.environ.get("DISCREP_FUZZ_COVERAGE", "1") != "0"

# DISCREP_FUZZ_COVERAGE=0 skips instrumenting discrep: no coverage feedback, many more
# executions per second (see README.md).
with atheris.instrument_imports(include=["discrep"]) if _COVERAGE else nullcontext():
    import discrep
    from discrep._extract import extract

from _checks import Timer, check_extraction, guarded  # noqa: E402  (after the instrumented import)

_TIMER = Timer()
_CONFIG = discrep.Config()


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    art = guarded(lambda: discrep.Article(text, source="fuzz"))
    if art is None:
        return
    x = guarded(lambda: _TIMER.run(len(text), lambda: extract(art, _CONFIG)))
    if x is not None:
        check_extraction(x)


def main() -> None:
    _TIMER.warm_up(lambda t: extract(discrep.Article(t), _CONFIG))
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
