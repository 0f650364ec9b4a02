"""The cached table of unit conversions gives pint's answers (issue 14: start-up).

Comparing a figure in miles with one in kilometres used to import pint (0.3 s, with numpy)
and build its registry (0.15 s) in every process; the table is built once and cached.
"""

from __future__ import annotations

import random

import pytest

from discrep import _units


def test_every_pair_of_one_dimension_is_pints_answer() -> None:
    table = _units._build_factors()
    assert len(table.by_unit) > 200  # pint knows most of quantulum3's names
    for src, row in table.by_unit.items():
        assert row[src] == 1.0
        for dst, factor in row.items():
            assert factor == _units._pint_factor(src, dst), (src, dst)


def test_a_sample_of_all_pairs_is_pints_answer_none_included() -> None:
    names = sorted(_units._units().names)
    pairs = random.Random(14).sample([(a, b) for a in names for b in names], 2000)
    assert any(_units.unit_factor(a, b) is None for a, b in pairs)
    for src, dst in pairs:
        assert _units.unit_factor(src, dst) == _units._pint_factor(src, dst), (src, dst)


@pytest.mark.parametrize(
    ("src", "dst", "factor"),
    [
        ("mile", "kilometre", 1.609344),
        ("km", "metre", 1000.0),  # not a quantulum3 name: asks pint itself
        ("tonne", "kilogram", 1000.0),
        ("mile", "kilogram", None),
        ("no such unit", "metre", None),
    ],
)
def test_known_factors(src: str, dst: str, factor: float | None) -> None:
    got = _units.unit_factor(src, dst)
    assert got == pytest.approx(factor) if factor is not None else got is None


def test_with_the_cache_turned_off_pint_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", "")
    _units._factors.cache_clear()
    try:
        assert _units._factors() is None
        assert _units.unit_factor("mile", "kilometre") == 1.609344
    finally:
        _units._factors.cache_clear()
