"""Fuzz discrep.quantities(): any text, quotes at their offsets, fast on small input.

python fuzz/fuzz_quantities.py fuzz/corpus/quantities -max_total_time=60
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

from _checks import Timer, check_quote, guarded  # noqa: E402  (after the instrumented import)

_TIMER = Timer()


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    found = guarded(lambda: _TIMER.run(len(text), lambda: discrep.quantities(text)))
    for q in found or ():
        check_quote(text, q.start, q.end, q.text, "quantity")
        if not q.low <= q.high:
            raise AssertionError(f"quantity {q.text!r} has low {q.low} above high {q.high}")


def main() -> None:
    _TIMER.warm_up(discrep.quantities)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
