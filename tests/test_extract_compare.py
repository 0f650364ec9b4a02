"""The two-step API: discrep.extract() once, discrep.compare() later, in any order or split.

- a stored (pickled) extraction compares like its article;
- an extraction made by another discrep version is refused with a clear error;
- the report is the same whatever the order of the input and however the extraction
  work was split between calls (properties over generated articles).
"""

from __future__ import annotations

import pickle
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrep
from discrep import Article, Report
from discrep.testing import Generated, planted_perturbations
from strategies import articles, budget

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _three(g: Generated, perturbed: Article) -> list[Article]:
    """The article, a perturbed copy, and a third outlet rewording nothing."""
    return [
        g.article,
        attrs.evolve(perturbed, source="b"),
        attrs.evolve(g.article, source="c", text=g.article.text + "\n\nMore later."),
    ]


def _same(a: Report, b: Report) -> None:
    assert a == b  # articles, entities (ids, canonical names), alignments, discrepancies
    assert a.to_json() == b.to_json()


def test_stored_extraction_compares_like_its_article() -> None:
    arts = [Article("Kyiv said 5 people died on Monday.", source="a"),
            Article("Kiev said 5 people died on Monday.", source="b")]
    stored = [pickle.loads(pickle.dumps(discrep.extract(a))) for a in arts]
    _same(discrep.compare(stored), discrep.compare(arts))
    _same(discrep.compare([stored[0], arts[1]]), discrep.compare(arts))


def test_extract_names_a_text_like_compare() -> None:
    assert discrep.extract("Kyiv is calm.").article.source == "text0"


def test_extraction_from_another_version_is_refused() -> None:
    x = discrep.extract(Article("Kyiv is calm.", source="a"))
    old = attrs.evolve(x, format="discrep 0.0.9 extraction 1")
    with pytest.raises(discrep.ExtractionVersionError, match=r"'a'.*0\.0\.9.*extract the article"):
        discrep.compare([old, Article("Kiev is calm.", source="b")])
    assert issubclass(discrep.ExtractionVersionError, discrep.DiscrepError)


def test_extraction_pickled_before_the_format_field_is_refused() -> None:
    x = discrep.extract(Article("Kyiv is calm.", source="a"))
    object.__delattr__(x, "format")  # what unpickling an older layout leaves behind
    with pytest.raises(discrep.ExtractionVersionError, match="older discrep"):
        discrep.compare([x, "Kiev is calm."])


def test_extraction_with_a_repeated_source_is_refused() -> None:
    x = discrep.extract(Article("Kyiv is calm.", source="a"))
    with pytest.raises(discrep.ExtractionError, match="distinct source"):
        discrep.compare([Article("Kiev is calm.", source="a"), x])


def test_extract_refuses_an_extraction() -> None:
    x = discrep.extract(Article("Kyiv is calm.", source="a"))
    with pytest.raises(discrep.InputTypeError, match="already extracted"):
        discrep.extract(x)  # type: ignore[arg-type]
    with pytest.raises(discrep.InputTypeError, match="wrap it in a list"):
        discrep.compare(x)  # type: ignore[arg-type]


def test_seed_names_do_not_depend_on_order() -> None:
    """The defect of issue 14: an entity named after whichever article came first."""
    paths = sorted(SEEDS.glob("*.txt"))
    _same(discrep.compare(paths), discrep.compare(list(reversed(paths))))


@budget(0.25)
@given(articles(), planted_perturbations(), st.permutations(range(3)))
def test_report_does_not_depend_on_order(g: Generated, perturb, order) -> None:  # type: ignore[no-untyped-def]
    arts = _three(g, perturb(g).article)
    _same(discrep.compare(arts), discrep.compare([arts[i] for i in order]))


@budget(0.25)
@given(articles(), planted_perturbations(), st.lists(st.booleans(), min_size=3, max_size=3))
def test_report_does_not_depend_on_how_extraction_was_split(g: Generated, perturb, stored) -> None:  # type: ignore[no-untyped-def]
    """Any mix of stored extractions and articles gives the report of the articles."""
    arts = _three(g, perturb(g).article)
    mixed = [discrep.extract(a) if s else a for a, s in zip(arts, stored, strict=True)]
    _same(discrep.compare(arts), discrep.compare(mixed))


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_workers_under_every_start_method(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config(workers=2) gives the serial report under fork, spawn and forkserver."""
    import multiprocessing

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"the {method} start method does not exist on this platform")
    context = multiprocessing.get_context(method)
    monkeypatch.setattr(multiprocessing, "get_context", lambda _method=None: context)
    arts = [Article("Kyiv said 5 people died on Monday.", source="a"),
            Article("Kiev said 5 people died on Monday.", source="b"),
            Article("Kyiv said 6 people died on Monday.", source="c")]
    _same(discrep.compare(arts, config=discrep.Config(workers=2)), discrep.compare(arts))
