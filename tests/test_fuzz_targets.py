"""The fuzz targets of fuzz/ run clean on their seed corpus (so API drift breaks a test).

The coverage-guided runs themselves are in .ci/run (fuzz/run.py); this only replays the
seeds through each target's ``test_one_input``, without instrumentation.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="the fuzz extra is not installed")

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"


@pytest.mark.parametrize("target", ["read", "quantities", "extract", "compare"])
def test_target_passes_its_seed_corpus(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_FUZZ_COVERAGE", "0")
    monkeypatch.syspath_prepend(str(FUZZ))
    module = importlib.import_module(f"fuzz_{target}")
    seeds = sorted((FUZZ / "corpus" / target).iterdir())
    assert seeds
    for seed in seeds:
        module.test_one_input(seed.read_bytes())
    assert os.environ["DISCREP_FUZZ_COVERAGE"] == "0"


def test_checks_catch_a_wrong_offset() -> None:
    sys.path.insert(0, str(FUZZ))
    try:
        from _checks import FuzzFailure, check_quote
    finally:
        sys.path.remove(str(FUZZ))
    check_quote("Kyiv said", 0, 4, "Kyiv", "mention")
    with pytest.raises(FuzzFailure):
        check_quote("Kyiv said", 1, 5, "Kyiv", "mention")
