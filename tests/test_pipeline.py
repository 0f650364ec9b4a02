"""compare(): inputs it accepts, sources it names, and the evidence invariant."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import discrep
from discrep import Article, Config, Report
from discrep._extract import extract
from discrep.testing import assert_evidence_exact


def test_every_quote_is_exact_on_the_seeds(seed_report: Report) -> None:
    """Every claim, mention and statement satisfies article.text[start:end] == text."""
    assert assert_evidence_exact(seed_report) > 0, "the seed report quotes nothing"


def test_paths_strings_and_articles_mix(seed_paths: list[Path]) -> None:
    """compare() takes paths, strings and Articles together; sources are named."""
    text = seed_paths[1].read_text(encoding="utf-8")
    art = Article("Kyiv was calm on Monday.", source="wire")
    report = discrep.compare([seed_paths[0], text, art])
    assert [a.source for a in report.articles] == [seed_paths[0].name, "text1", "wire"]
    assert report.articles[1].text == text


def test_repeated_sources_get_distinct_stable_names(seed_paths: list[Path]) -> None:
    """Two articles from the same file name get distinct names, the same on every run."""
    first = discrep.compare([seed_paths[0], seed_paths[0], seed_paths[0]])
    again = discrep.compare([seed_paths[0], seed_paths[0], seed_paths[0]])
    names = [a.source for a in first.articles]
    assert len(set(names)) == 3
    assert names == [a.source for a in again.articles]
    assert names[0] == seed_paths[0].name


def test_metadata_is_read_from_the_seeds(seed_report: Report) -> None:
    """Published dates come from a date tag or a compact date line."""
    published = {a.source[:3]: a.published for a in seed_report.articles}
    assert str(published["000"]) == "2022-03-03"
    assert str(published["003"]) == "2022-03-04"


def test_config_is_explicit_and_checks_select_kinds(seed_paths: list[Path]) -> None:
    """Config(checks=...) limits the kinds reported."""
    report = discrep.compare(seed_paths, config=Config(checks={"date"}))
    assert {d.kind for d in report.discrepancies} <= {"date"}


def test_extraction_is_picklable_and_pure(seed_paths: list[Path]) -> None:
    """Per-article extraction is a pure function with picklable input and output."""
    art = Article.from_path(seed_paths[2])
    cfg = Config()
    one, two = extract(art, cfg), extract(pickle.loads(pickle.dumps(art)), cfg)
    assert one == two
    assert pickle.loads(pickle.dumps(one)) == one


def test_workers_give_the_same_report(seed_paths: list[Path], seed_report: Report) -> None:
    """Extraction in a process pool gives the same report as in-process."""
    pooled = discrep.compare(seed_paths, config=Config(workers=2))
    assert pooled.to_dict() == seed_report.to_dict()


def test_items_of_another_type_say_what_to_pass() -> None:
    """A wrong item type raises InputTypeError naming the item and what to pass."""
    with pytest.raises(discrep.InputTypeError, match=r"item 1 .* is a int; pass"):
        discrep.compare(["Kyiv.", 3])
