"""Figure lists (issue 16 item 8): the pairwise work on figures is not all pairs.

A run-on list of figures ("1 people were killed 2 people were killed ...") puts thousands
of figures in one statement. Statement alignment's figure anchors and the verdict of an
aligned group must cost the pairs that can matter, not every pair of figures; and they
must say what the all-pairs versions say.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrep
from discrep import Article, Config
from discrep._align import statements
from discrep._detect import quantity

_NOUNS = ["people", "troops", "homes", "buses"]
_VERBS = ["were killed", "fled", "were evacuated", "arrived"]


def _figure_list(seed: int, n: int) -> str:
    r = random.Random(seed)
    return " ".join(
        f"{r.randint(1, 999)} {r.choice(_NOUNS)} {r.choice(_VERBS)}" for _ in range(n)
    )


def _brute_anchors(
    a: statements._Stmt, b: statements._Stmt, cfg: discrep.AlignConfig
) -> tuple[list[str], bool]:
    """The all-pairs rule: one figure of one thing anchors; a changed one across days differs."""
    anchors, differ = set(), False
    gap = statements._gap_days(a.reference, b.reference)
    for ua, va, wa in a.figures:
        for ub, vb, wb in b.figures:
            if ua != ub:
                continue
            same = statements._same_thing(wa, wb, cfg.quantity_what_ratio)
            if same is False:
                continue
            if abs(va - vb) <= cfg.quantity_tolerance * max(abs(va), abs(vb)):
                anchors.add("quantity:" + statements._fmt(va))
            elif same and gap is not None and gap > cfg.max_update_days:
                differ = True
    return sorted(anchors), differ


_FIGURE = st.tuples(
    st.sampled_from(["", "km", "dollar"]),
    st.sampled_from([10.0, 12.0, 100.0, 101.0, 250.0, -40.0, 1e6, 1.005e6, 3.8e6]),
    st.sampled_from(["", "refuge fle", "refuge", "troop kill", "home"]),
)


@given(
    st.frozensets(_FIGURE, max_size=12),
    st.frozensets(_FIGURE, max_size=12),
    st.integers(0, 10),
)
def test_figure_anchors_equal_the_all_pairs_rule(fa: frozenset, fb: frozenset, days: int) -> None:  # type: ignore[type-arg]
    coll = statements.build_statements(
        [_one("Rebels seized the port of Kherson.", "a", dt.date(2022, 3, 1)),
         _one("Rebels captured the port of Kherson.", "b", dt.date(2022, 3, 1 + days))],
        (), (), Config(),
    )  # fmt: skip
    import attrs

    a, b = coll.statements
    a = attrs.evolve(a, figures=tuple(sorted(fa)))
    b = attrs.evolve(b, figures=tuple(sorted(fb)))
    cfg = Config().align
    assert statements._quantity_anchors(a, b, cfg) == _brute_anchors(a, b, cfg)


def _one(text: str, source: str, published: dt.date) -> discrep.Extraction:
    from discrep._segment import segment

    return discrep.Extraction(Article(text, source, published=published), segment(text))


def test_verdicts_of_a_figure_list_published_the_same_day_relate_no_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Figures of one date can never be an update: relation() is not even asked."""
    from discrep._detect import registry

    assert registry.quantity is quantity  # type: ignore[attr-defined]
    calls = []
    real = quantity.relation

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        if sys._getframe(1).f_code.co_filename.endswith("registry.py"):
            calls.append(1)  # asked for a verdict (the quantity check asks on its own)
        return real(*args, **kwargs)

    monkeypatch.setattr(quantity, "relation", counting)
    day = dt.date(2022, 3, 1)
    report = discrep.compare([
        Article(_figure_list(1, 300), "a", published=day),
        Article(_figure_list(2, 300), "b", published=day),
    ])  # fmt: skip
    assert report.alignments  # the lists align: there was something to judge
    assert calls == []


def test_an_update_in_a_figure_list_is_still_found() -> None:
    """Bucketing by date and block keeps the pairs that are updates."""
    text = "At least {} bodies have been recovered from the rubble in Norwick after the storm."
    early, late = text.format(22), text.format(47)
    filler_a, filler_b = _figure_list(3, 40), _figure_list(4, 40)
    report = discrep.compare([
        Article(f"{filler_a}. {early}", "a", published=dt.date(2022, 3, 7)),
        Article(f"{filler_b}. {late}", "b", published=dt.date(2022, 3, 11)),
    ])  # fmt: skip
    assert any(
        al.verdict == "update" and any("47" in s.text for s in al.statements)
        for al in report.alignments
    )
