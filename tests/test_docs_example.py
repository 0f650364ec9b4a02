"""The example in docs/property-testing.md runs, as a user would paste it.

The first ``python`` code block of the page is executed and every ``test_*`` function
it defines is called, so the documented example cannot rot.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "property-testing.md"


def _example() -> str:
    blocks = re.findall(r"^```python\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)
    assert blocks, f"no ```python block in {DOC}"
    return str(blocks[0])


@pytest.fixture(name="namespace", scope="module")
def fixture_namespace() -> dict[str, Any]:
    """The names the documented example defines, after running it as a module."""
    namespace: dict[str, Any] = {"__name__": "docs_property_testing_example"}
    exec(compile(_example(), str(DOC), "exec"), namespace)
    return namespace


def test_example_defines_properties(namespace: dict[str, Any]) -> None:
    """The example defines the five properties the page describes."""
    tests = sorted(n for n in namespace if n.startswith("test_"))
    assert tests == [
        "test_a_copy_reports_nothing",
        "test_a_figure_restated_within_its_precision_is_not_a_conflict",
        "test_a_planted_discrepancy_is_found",
        "test_neutral_edits_report_nothing",
        "test_two_spellings_of_one_person_are_linked",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "test_a_copy_reports_nothing",
        "test_a_planted_discrepancy_is_found",
        "test_two_spellings_of_one_person_are_linked",
        "test_a_figure_restated_within_its_precision_is_not_a_conflict",
        "test_neutral_edits_report_nothing",
    ],
)
def test_example_property_passes(namespace: dict[str, Any], name: str) -> None:
    """Each documented property passes when run as the user would run it."""
    namespace[name]()
