"""The check registry, Config.checks naming it, and the one writer of verdicts."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import discrep
from discrep import Article, Config, ConfigError, ConfigTypeError, DiscrepError
from discrep._align import align_events, align_statements, link_entities
from discrep._detect import Context
from discrep._detect.registry import CHECKS, detect, with_verdicts
from discrep._extract import extract
from discrep._model import KINDS

SRC = Path(discrep.__file__).parent


def test_every_kind_has_exactly_one_check() -> None:
    assert tuple(CHECKS) == KINDS


def test_config_checks_refuses_a_string() -> None:
    with pytest.raises(ConfigTypeError, match=r"checks=\{'spelling'\}") as info:
        Config(checks="spelling")  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, DiscrepError)


def test_config_checks_refuses_a_non_iterable() -> None:
    with pytest.raises(ConfigTypeError, match="not int"):
        Config(checks=5)  # type: ignore[arg-type]


def test_config_checks_names_unknown_kinds_and_the_choices() -> None:
    with pytest.raises(ConfigError, match=r"\['colour'\]; choose from spelling, quantity"):
        Config(checks={"spelling", "colour"})  # type: ignore[arg-type]


def test_detect_runs_only_the_named_checks() -> None:
    texts = [
        "Kremlin spokesman Dmitry Peskov said 5,000 people were killed in the city.",
        "Kremlin spokesman Dmitri Peskov said 9,000 people were killed in the city.",
    ]
    every = {d.kind for d in discrep.compare(texts).discrepancies}
    assert every == {"spelling", "quantity"}
    only = discrep.compare(texts, config=Config(checks={"quantity"}))
    assert {d.kind for d in only.discrepancies} == {"quantity"}


def _context(articles: list[Article], cfg: Config) -> Context:
    exs = tuple(extract(a, cfg) for a in articles)
    entities = link_entities(exs, cfg)
    events = align_events(exs, entities, cfg)
    return Context(exs, entities, events, align_statements(exs, entities, events, cfg), cfg)


def test_figure_grown_between_publication_dates_is_an_update() -> None:
    """A count that grew from one day's article to the next marks its group 'update'."""
    cfg = Config()
    text = "At least {} bodies have been recovered from the rubble in Norwick after the storm."
    context = _context(
        [Article(text.format(22), "a", published=dt.date(2022, 3, 3)),
         Article(text.format(47), "b", published=dt.date(2022, 3, 5))], cfg)
    assert [al.verdict for al in context.alignments] == ["agree"]  # alignment writes none
    found = detect(context)
    assert [al.verdict for al in with_verdicts(context, found)] == ["update"]


def test_group_carrying_a_discrepancy_takes_its_kind() -> None:
    cfg = Config()
    context = _context(
        [Article("Nearly 5,000 people have been killed in the city of Norwick.", "a"),
         Article("About 9,000 people have been killed in the city of Norwick.", "b")], cfg)
    found = detect(context)
    assert [d.kind for d in found] == ["quantity"]
    assert [al.verdict for al in with_verdicts(context, found)] == ["quantity"]
    assert [al.verdict for al in with_verdicts(context, ())] == ["agree"]


def _verdict_writers() -> list[str]:
    """Modules that pass ``verdict=`` to a call (attrs.evolve, Alignment(...))."""
    return sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if any(
            isinstance(node, ast.Call) and any(k.arg == "verdict" for k in node.keywords)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    )


def test_one_module_writes_verdicts() -> None:
    assert _verdict_writers() == ["_detect/registry.py"]
