"""Fuzz discrep.quantities(): any text, quotes at their offsets, fast on small input.

python fuzz/fuzz_quantities.py fuzz/corpus/quantities -max_total_time=60
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["discrep"]):
    import discrep

from _checks import Timer, check_quote, guarded

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
