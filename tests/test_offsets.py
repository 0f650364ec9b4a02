"""The offsets invariant, as hypothesis properties over arbitrary text.

Whatever the text, ``compare()`` either refuses it with the documented ArticleError (an
article that is empty or only whitespace) or returns a report in which every quoted text
(discrepancy claims, entity mentions, aligned statements) is exactly
``article.text[start:end]``; and ``segment()`` offsets quote the text exactly, in order,
without overlap.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrep
from discrep._read import mark_junk
from discrep._segment import segment
from discrep.testing import assert_evidence_exact

# Pieces that exercise the segmenter and the extractors: abbreviations, quotes, glued
# boundaries, furniture, names with spelling variants, figures and dates.
_PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "\r\n",
        "  ",
        "\t",
        ". ",
        ".",
        "...",
        "\u2026",
        "?",
        "!",
        '."',
        "\u201d",
        "\u201c",
        "'",
        " | ",
        "Mr. ",
        "U.S. ",
        "a.m. ",
        "Feb. 22",
        "No. 5",
        "The ",
        " said.",
        "Smith",
        "Smyth",
        "Odesa",
        "Odessa",
        "Berlin",
        "5,000 people",
        "more than 1 million",
        "on Monday",
        "March 3, 2022",
        "20220304",
        "https://example.org/x",
        "Advertisement",
        "HomeNews",
        " date 2022-03-03 ",
        "<p>",
        "</p>",
        "<script>x()</script>",
        "dpa Bonn",
        "\u0000",
        "\ufffd",
        "\u00a0",
        "\u2028",
        "\u4eca\u5929\u3002",
        "e\u0301",
        "\U0001f600",
    ]
)
_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)
TEXT = st.lists(st.one_of(_PIECES, _ANY_TEXT), max_size=30).map("".join)


def _check_report(report: discrep.Report) -> None:
    """Every quoted text in ``report`` is exactly its article's text at its offsets."""
    for d in report.discrepancies:
        assert 0.0 <= d.confidence <= 1.0
    assert_evidence_exact(report)


@given(TEXT)
def test_segment_offsets_quote_the_text(text: str) -> None:
    """Sentences quote the text exactly, are non-empty, trimmed, ordered and disjoint."""
    sentences = mark_junk(text, segment(text))
    last = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.start < s.end
        assert s.text == s.text.strip()
        assert s.start >= last
        last = s.end


@given(TEXT, TEXT)
def test_compare_never_raises_and_quotes_exactly(text: str, text2: str) -> None:
    """compare() refuses only blank articles; otherwise every quote is exact."""
    if not text.strip() or not text2.strip():
        with pytest.raises(discrep.ArticleError, match="empty or only whitespace"):
            discrep.compare([text, text2])
        return
    report = discrep.compare([text, text2])
    assert [a.text for a in report.articles] == [text, text2]
    _check_report(report)
    assert isinstance(report.to_json(), str)
