"""Issue 15 item 3: HTML pages read with trafilatura (the extra ``discrep[html]``).

The page is invented. On the baseline, its markup was analysed as text: the inline
``<strong>`` split "Mykola Tkachuk" into a person "Mykola" and an organisation "Tkachuk".
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

import discrep
from discrep import Article
from discrep.testing import assert_evidence_exact

PAGE = (Path(__file__).parent / "data" / "page_inline_tags.html").read_text(encoding="utf-8")
OTHER = "Mayor Mykola Tkachuk said 1,200 people had fled Sumy on Thursday."


def test_without_the_extra_from_html_names_the_pip_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    with pytest.raises(discrep.ExtraNotInstalledError, match=r"discrep\[html\]"):
        Article.from_html(PAGE)
    report = discrep.compare([PAGE, OTHER])  # still read, with the hand-written skipper
    assert any("looks like HTML" in w and "discrep[html]" in w for w in report.warnings)


trafilatura = pytest.importorskip("trafilatura", reason="the html extra is not installed")


def test_page_main_text_title_date_url() -> None:
    art = Article.from_html(PAGE, source="page.html")
    assert art.title == "Talks resume in Lviv"
    assert art.published == dt.date(2022, 3, 4)
    assert art.url == "https://news.example.org/talks-lviv"
    assert "Mayor Mykola Tkachuk said on Thursday" in art.text
    assert "<" not in art.text
    assert "Home" not in art.text  # navigation left out
    assert "var x" not in art.text  # script left out
    assert any("offsets refer to that text" in w for w in art.warnings)


def test_inline_tags_do_not_break_names_and_a_byline_is_not_a_person() -> None:
    report = discrep.compare([PAGE, OTHER])
    page = report.extractions[0]
    people = {m.text for m in page.mentions if m.kind == "person"}
    assert "Mykola Tkachuk" in people
    assert "Olena Koval" in people
    assert not any("Staff" in m.text or "Reporter" in m.text for m in page.mentions)
    assert not any(m.text == "Tkachuk" and m.kind == "organisation" for m in page.mentions)
    assert assert_evidence_exact(report) > 0
    # offsets are into the extracted text the report holds
    for m in page.mentions:
        assert report.articles[0].text[m.start : m.end] == m.text


def test_html_files_are_read_as_pages(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    art = Article.from_path(path)
    assert art.source == "story.html"
    assert art.title == "Talks resume in Lviv"
    assert "Mykola Tkachuk" in art.text


def test_a_page_without_main_text_is_refused() -> None:
    with pytest.raises(discrep.ArticleError, match="no article text"):
        Article.from_html("<html><head><title>x</title></head><body></body></html>")
