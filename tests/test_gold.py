"""The seed gold, scored by ../shared/eval/score.py, as a regression gate.

Each test holds one target of the issues to the scorer's own numbers, so a change that
loses a link, merges two people or invents a discrepancy fails here with the scorer's
explanation. Skipped when ../shared (beside the project) is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from discrep import Report

SHARED = Path(__file__).resolve().parents[2] / "shared"
pytestmark = pytest.mark.skipif(
    not (SHARED / "eval" / "score.py").is_file(), reason="../shared/eval/score.py not present"
)


@pytest.fixture(name="score", scope="module")
def fixture_score() -> ModuleType:
    """The shared scorer, imported from its file."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(name="gold", scope="module")
def fixture_gold() -> dict[str, Any]:
    """The hand-made gold for the seeds."""
    return json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(name="report_dict", scope="module")
def fixture_report_dict(seed_report: Report) -> dict[str, Any]:
    """The seed report as the scorer reads it."""
    return seed_report.to_dict()


def test_entity_links_all_hold(
    score: ModuleType, gold: dict[str, Any], report_dict: dict[str, Any]
) -> None:
    """Every gold link group lands in one reported entity (issue 3: 15/15)."""
    e = score.score_entities(gold, report_dict)
    assert e["links_failed"] == []


def test_entities_kept_apart(
    score: ModuleType, gold: dict[str, Any], report_dict: dict[str, Any]
) -> None:
    """No look-alike names are merged (issue 3: apart 11/11)."""
    e = score.score_entities(gold, report_dict)
    assert e["apart_failed"] == []


@pytest.mark.parametrize("kind", ["spelling", "quantity", "date", "venue", "role"])
def test_no_false_discrepancy(
    kind: str, score: ModuleType, gold: dict[str, Any], report_dict: dict[str, Any]
) -> None:
    """Nothing of this kind is reported that the gold does not list (the traps hold)."""
    d = score.score_discrepancies(gold, report_dict)
    assert [fp for fp in d["false_positives"] if fp.startswith(kind + ":")] == []


@pytest.mark.parametrize(
    "item", ["arakhamia", "podolyak", "zelensky", "kyiv", "dnipro", "istanbul-weekday"]
)
def test_gold_discrepancy_found(
    item: str, score: ModuleType, gold: dict[str, Any], report_dict: dict[str, Any]
) -> None:
    """Each gold discrepancy is reported."""
    d = score.score_discrepancies(gold, report_dict)
    assert item not in d["missed"]


def test_alignment_recall_and_precision(
    score: ModuleType, gold: dict[str, Any], report_dict: dict[str, Any]
) -> None:
    """Statement alignment reaches recall >= 0.85 and precision >= 0.80 (issue 6)."""
    a = score.score_alignments(gold, report_dict)
    assert a["recall"] >= 0.85, a["missed"]
    assert a["precision"] >= 0.80, a["false_pairs"]
