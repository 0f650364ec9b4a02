"""The report: to_dict's contract with the scorer, JSON, Markdown escaping, plain text."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrep
from discrep import Alignment, Article, Claim, Discrepancy, Report, Statement

_TEXT = "Officials said <b>5</b> | people_died in Kyiv. Others said 7 people died in Kyiv."


@pytest.fixture(name="report")
def fixture_report() -> Report:
    """A hand-built report with one quantity discrepancy and its aligned statements."""
    a = Article(_TEXT, source="a<x>.txt")
    first, second = _TEXT.index("<b>5</b>"), _TEXT.index("7 people")
    claims = (
        Claim("a<x>.txt", "<b>5</b>", first, first + 8, _TEXT[:46], 5.0),
        Claim("a<x>.txt", "7 people", second, second + 8, _TEXT[47:], 7.0),
    )
    d = Discrepancy("quantity", "people died", claims, "5 against 7 people died", 0.8)
    stmts = (Statement("a<x>.txt", 0, 46, _TEXT[:46]), Statement("a<x>.txt", 47, 81, _TEXT[47:]))
    al = Alignment(stmts, 0.9, ("entity:Kyiv",), "quantity")
    return Report(articles=(a,), entities=(), alignments=(al,), discrepancies=(d,))


def test_to_dict_has_the_scorer_contract(report: Report) -> None:
    """to_dict holds discrepancies with kind and claims, entities and alignments."""
    d = report.to_dict()
    assert set(d) >= {"articles", "discrepancies", "entities", "alignments", "warnings"}
    (disc,) = d["discrepancies"]
    assert disc["kind"] == "quantity"
    assert [c["value"] for c in disc["claims"]] == [5.0, 7.0]
    assert {"source", "text", "start", "end", "sentence"} <= set(disc["claims"][0])
    assert d["alignments"][0]["verdict"] == "quantity"


def test_claim_offsets_quote_the_article(report: Report) -> None:
    """Every claim and statement quotes its article exactly."""
    text = report.articles[0].text
    for c in report.discrepancies[0].claims:
        assert text[c.start : c.end] == c.text
    for s in report.alignments[0].statements:
        assert text[s.start : s.end] == s.text


def test_to_json_round_trips(report: Report) -> None:
    """to_json is to_dict as JSON, keeping non-ASCII text readable."""
    assert json.loads(report.to_json()) == report.to_dict()
    r = discrep.Report(
        articles=(Article("Zelenskyy in Київ.", source="ü"),), entities=(), alignments=(),
        discrepancies=(),
    )
    assert '"ü"' in r.to_json()


def test_markdown_escapes_article_text(report: Report) -> None:
    """Markdown shows article text HTML-escaped and table-safe, never raw markup."""
    md = report.to_markdown()
    assert "<b>" not in md
    assert "&lt;b&gt;5&lt;/b&gt;" in md
    assert "a&lt;x&gt;.txt" in md
    assert "\\| people\\_died" in md
    assert "Aligned statements behind the findings" in md


def test_str_is_readable(report: Report) -> None:
    """str() summarises, then lists each discrepancy with quotes and offsets."""
    text = str(report)
    assert text.splitlines()[0] == "discrep: 1 article, 1 discrepancy (quantity 1)"
    assert "[quantity] people died" in text
    assert "5 against 7 people died" in text
    assert f"@{report.discrepancies[0].claims[0].start}-" in text


def test_empty_report_says_so() -> None:
    """A report with nothing found still prints a summary line."""
    r = Report(articles=(Article("x", "a"), Article("y", "b")), entities=(), alignments=(),
               discrepancies=())
    assert str(r) == "discrep: 2 articles, 0 discrepancies"
    assert r.to_markdown().startswith("# discrep report: 2 articles, 0 discrepancies")


def test_confidence_is_bounded() -> None:
    """A confidence outside [0, 1] is refused when the value is made."""
    with pytest.raises(ValueError, match="confidence"):
        Discrepancy("date", "x", (), "r", 1.5)


def test_extractions_are_opt_in(seed_report: Report) -> None:
    """to_dict(extractions=True) adds per-article evidence; the default leaves it out."""
    assert "extractions" not in seed_report.to_dict()
    ex = seed_report.to_dict(extractions=True)["extractions"]
    assert [e["source"] for e in ex] == [a.source for a in seed_report.articles]


def test_article_entries_carry_the_language() -> None:
    """Each article entry says its language: as given, as detected, or null when unknown."""
    english = (
        "The council said on Tuesday that the new bridge over the river would open next "
        "spring, after two years of work and a long dispute about its cost."
    )
    german = (
        "Der Rat sagte am Dienstag, dass die neue Brücke über den Fluss im nächsten Frühjahr "
        "eröffnet werde, nach zwei Jahren Arbeit und einem langen Streit über die Kosten."
    )
    r = discrep.compare(
        [Article(english, "en.txt"), Article(german, "de.txt"), Article("Short.", "s.txt"),
         Article(german, "given.txt", language="en")]
    )
    d = r.to_dict()
    by_source = {a["source"]: a["language"] for a in d["articles"]}
    assert by_source == {"en.txt": "en", "de.txt": "de", "s.txt": None, "given.txt": "en"}
    assert {a["language"] for a in json.loads(r.to_json())["articles"]} == {"en", "de", None}


def test_the_scorer_reads_a_report_with_languages() -> None:
    """Adding the language leaves the scorer's contract (../shared/eval/score.py) whole."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"
    if not path.exists():
        pytest.skip("the shared scorer is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec is not None
    assert spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    text_a = "Officials said Volodymyr Zelenskyy met the mayor in Kyiv on Monday morning."
    text_b = "Officials said Volodymyr Zelensky met the mayor in Kyiv on Monday morning."
    report = discrep.compare([Article(text_a, "a.txt"), Article(text_b, "b.txt")]).to_dict()
    assert all("language" in a for a in report["articles"])
    gold = {"discrepancies": [{"id": "s1", "kind": "spelling", "forms": ["Zelenskyy", "Zelensky"]}]}
    result = score.score_discrepancies(gold, report)
    assert result["recall"] == 1.0


# -- the indented JSON writer: json.dumps is its oracle ------------------------------------

_JSON_LEAF = (
    st.text(max_size=8)
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
)
_JSON_TREE = st.recursive(
    _JSON_LEAF,
    lambda inner: st.lists(inner, max_size=4)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=25,
)


@given(_JSON_TREE, st.integers(0, 4))
@settings(max_examples=400, deadline=None)
def test_indented_json_is_what_json_dumps_writes(value: object, indent: int) -> None:
    from discrep._report import _indented_json

    assert _indented_json(value, indent) == json.dumps(value, indent=indent, ensure_ascii=False)


@pytest.mark.parametrize(
    "value",
    [{1: "an int key"}, {None: "a None key"}, {"a": {2.5: "a float key"}},
     [{"set": frozenset()}], {"sub": type("Str", (str,), {})("a str subclass")}],
    ids=["int key", "None key", "float key", "not JSON", "subclass"],
)
def test_indented_json_leaves_what_is_no_plain_tree_to_json(value: object) -> None:
    """Keys json converts, subclasses and values it refuses: json.dumps's text, or its error."""
    from discrep._report import _indented_json

    try:
        expected = json.dumps(value, indent=2, ensure_ascii=False)
    except TypeError:
        with pytest.raises(TypeError):
            _indented_json(value, 2)
        return
    assert _indented_json(value, 2) == expected


def test_report_json_is_json_dumps_of_the_dict() -> None:
    report = discrep.compare(
        ["Nearly 5,000 people were killed in Kyiv on Monday, the mayor said.",
         "About 9,000 people were killed in Kiev on Monday, Mayor Vitali Klitschko said."]
    )
    for extractions in (False, True):
        value = report.to_dict(extractions=extractions)
        assert report.to_json(extractions=extractions) == json.dumps(
            value, indent=2, ensure_ascii=False
        )
        assert report.to_json(indent=None, extractions=extractions) == json.dumps(
            value, ensure_ascii=False
        )
