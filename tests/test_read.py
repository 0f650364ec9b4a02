"""Reading articles: metadata at the head, page junk, decoding, warnings and source names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import discrep
from discrep._read import _metadata, coerce_articles, is_junk, mark_junk, read_path, read_text
from discrep._segment import segment

DATA = Path(__file__).parent / "data"


@pytest.fixture(name="scraped")
def fixture_scraped() -> discrep.Article:
    """A synthetic scraped page: date tag glued to a caption, dateline, title, furniture."""
    return discrep.Article.from_path(DATA / "read_scraped_page.txt")


def test_scraped_head_metadata(scraped: discrep.Article) -> None:
    """The date tag gives ``published``; the title skips the caption and the dateline."""
    assert scraped.source == "read_scraped_page.txt"
    assert scraped.published == dt.date(2021, 6, 5)
    assert scraped.title == "River port closed as floods reach the lower town"
    assert scraped.url is None
    assert scraped.warnings == ()


def test_scraped_page_junk_is_marked_not_removed(scraped: discrep.Article) -> None:
    """Furniture is junk for analysis, the text is untouched, and offsets quote it exactly."""
    text = scraped.text
    assert text == (DATA / "read_scraped_page.txt").read_text(encoding="utf-8")
    sentences = mark_junk(text, segment(text))
    junk = {s.text for s in sentences if s.junk}
    kept = [s.text for s in sentences if not s.junk]
    assert {
        "date 2021-06-05",
        "Photo Credit: AFP",
        "June 05, 2021 08:10 GMT",
        "Skip to content",
        "HomeWorld",
        "Advertisement",
        "By Ann Example, Valley Correspondent",
        "Follow us on Twitter",
    } <= junk
    assert kept[0].startswith("Rescuers carry residents")
    assert "River port closed as floods reach the lower town" in kept
    assert any(k.startswith("The regional council said on Friday") for k in kept)
    assert not any("cookie" in k or "Copyright" in k or "rights reserved" in k for k in kept)
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_compact_date_and_url_lines() -> None:
    """A '20210606' line fills ``published`` and a URL line fills ``url``."""
    art = discrep.Article.from_path(DATA / "read_compact_head.txt")
    assert art.published == dt.date(2021, 6, 6)
    assert art.url == "https://news.example.org/valley/flood-report"
    assert art.title == "Valley report"


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Title of the story here\nPublished: April 10, 2007\n\nBody.", dt.date(2007, 4, 10)),
        (
            "Title of the story here\n26 September 2013, 10:00 (GMT+05:00)\nBody.",
            dt.date(2013, 9, 26),
        ),
        ("Title of the story here\nUpdated 4/9/2007 6:04 PM\nBody.", dt.date(2007, 4, 9)),
        ("Title of the story here\n27/09/2013\nBody.", dt.date(2013, 9, 27)),
        (
            "Title of the story here\nPosted on Thu Jun 13, 2013 08:45 AM PDT\nBody.",
            dt.date(2013, 6, 13),
        ),
        ("Title of the story here\nDec. 24 4:33 AM EST\nBody.", None),
        ("Title of the story here\n20221345\nBody.", None),
    ],
)
def test_datelines_fill_published(head: str, published: dt.date | None) -> None:
    """Datelines in the common scraped forms give the publication date; impossible ones none."""
    assert read_text(head, "a").published == published


def test_metadata_looks_only_at_the_head() -> None:
    """A date line deep in the body is not the publication date."""
    body = "The council met again and said the water kept rising.\n" * 200
    assert _metadata(body + "20210606\n")[0] is None
    assert _metadata("20210606\n" + body)[0] == dt.date(2021, 6, 6)


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            " date 2021-06-05 Flood Crisis\n\nRiver port closed as floods reach the town\n\nBody.",
            "River port closed as floods reach the town",
        ),
        (
            "HomeWorldRiver port closed as the floods rise\n\nBody.",
            "River port closed as the floods rise",
        ),
        (
            "River port closed as floods rise | Valley News\nBody.",
            "River port closed as floods rise",
        ),
        ("      Port closed\n  \nFollow our news\nBody text follows here.", "Port closed"),
        (
            "The council said on Friday that the port would stay closed until the water falls"
            " again.\nLater line",
            None,
        ),
    ],
)
def test_title(head: str, title: str | None) -> None:
    """The title is the first headline-like line, past section names, breadcrumbs and site names."""
    assert read_text(head, "a").title == title


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "  Follow our news  ",
        "Main navigation",
        "Source link",
        "Must Read",
        "Also worth reading",
        "Home > World > Europe",
        "News | Politics",
        "Photo Credit: AFP",
        "REUTERS/Jane Doe",
        "AP Photo/John Doe",
        "Copyright\u00a9 Example Media 2021.",
        "All rights reserved.",
        "\u00a9 2021 Valley News",
        "Copyright 2021 Valley News Ltd",
        "We use cookies to improve your experience on our website.",
        "This browser is no longer supported",
        "Please enable JavaScript to view the comments.",
        "Pressed for time? Stay informed with our newsletters",
        "Valley Sections",
        "About Valley News",
        "https://news.example.org/a/b",
        "20210606",
        "Published: Tuesday, Dec. 20 2005 12:00 a.m. MST",
        "APR 28",
        "\u2022 \u2022 \u2022",
    ],
)
def test_is_junk(line: str) -> None:
    """Page furniture in its common forms is junk."""
    assert is_junk(line)


@pytest.mark.parametrize(
    "line",
    [
        "About 200 people were killed.",
        "The company sells cookies and cakes.",
        "Home prices rose by 5 percent.",
        "World leaders met in the capital.",
        "Source: the ministry said 20 people died.",
        "March 3 was the coldest day.",
        "The browser maker said revenue rose.",
        "The browser maker released an update on Monday.",
        "The bakery sells cookies on its website.",
        "NATO 2022",
        "Copyright law was changed. The court ruled on Monday.",
        "Ukraine",
        "Talks resume",
    ],
)
def test_prose_is_not_junk(line: str) -> None:
    """Sentences that merely contain a junk word stay analysable."""
    assert not is_junk(line)


def test_mark_junk_keeps_offsets_and_marks() -> None:
    """mark_junk never moves a sentence and never un-marks one segment() marked."""
    text = " date 2021-06-05 Body here.\nAdvertisement\nMore body."
    before = segment(text)
    after = mark_junk(text, before)
    assert [(s.start, s.end, s.text) for s in before] == [(s.start, s.end, s.text) for s in after]
    assert [s.junk for s in after] == [True, False, True, False]


def test_script_and_style_content_is_junk() -> None:
    """Text inside <script>, <style> and <nav> of an HTML page is junk."""
    html = (DATA / "segment_page.html").read_text(encoding="utf-8")
    sentences = mark_junk(html, segment(html))
    junk = [s.text for s in sentences if s.junk]
    kept = [s.text for s in sentences if not s.junk]
    assert any("document.write" in t for t in junk)
    assert any("color: red" in t for t in junk)
    assert not any("document.write" in t or "color" in t for t in kept)
    assert "Advertisement" in junk
    assert "By Ann Example" in junk
    assert not any("News</a>" in t for t in kept)
    assert "The river rose <b>two metres</b> overnight." in kept


def test_html_head_metadata() -> None:
    """An HTML page's title, publication time and canonical URL come from its <head>."""
    art = read_text((DATA / "segment_page.html").read_text(encoding="utf-8"), "page")
    assert art.title == "Flood warning"
    assert art.published == dt.date(2021, 6, 5)
    assert art.url == "https://news.example.org/flood-warning"


def test_non_utf8_bytes_are_decoded_by_charset_detection_with_a_warning() -> None:
    """Invalid UTF-8 is decoded with charset-normalizer's guess before any byte is replaced."""
    art = read_path(DATA / "read_latin1.txt")
    assert "The caf\u00e9 on the quay" in art.text
    assert "\ufffd" not in art.text
    assert len(art.warnings) == 1
    assert "not valid UTF-8" in art.warnings[0]
    assert "charset-normalizer" in art.warnings[0]


def test_byte_order_mark_and_utf16(tmp_path: Path) -> None:
    """A UTF-8 BOM is kept (offsets count it) with a warning; UTF-16 files are decoded."""
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfTalks resumed on Monday.")
    art = read_path(bom)
    assert art.text.startswith("\ufeff")
    assert "byte-order mark" in art.warnings[0]
    utf16 = tmp_path / "wide.txt"
    utf16.write_bytes("Talks resumed on Monday.".encode("utf-16"))
    art16 = read_path(utf16)
    assert "Talks resumed on Monday." in art16.text
    assert "UTF-16" in art16.warnings[0]


def test_html_and_non_english_warnings() -> None:
    """HTML and non-English text are read, with a warning each."""
    html = read_text((DATA / "segment_page.html").read_text(encoding="utf-8"), "page")
    assert any("HTML" in w for w in html.warnings)
    russian = read_text(
        "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b "
        "\u043f\u0440\u043e\u0448\u043b\u0438 " * 30,
        "ru",
    )
    assert any("English" in w for w in russian.warnings)
    english = read_text(
        "The council said that the port was closed on Friday and that it was safe. " * 5, "en"
    )
    assert english.warnings == ()


def test_sources_repeat_get_distinct_stable_names() -> None:
    """Repeated sources get '#2', '#3' suffixes in input order, never clashing with a real name."""
    arts = [
        discrep.Article("A.", source="a.txt"),
        discrep.Article("B.", source="a.txt"),
        discrep.Article("C.", source="a.txt#2"),
        discrep.Article("D.", source="a.txt"),
    ]
    first = [a.source for a in coerce_articles(arts, 100)]
    assert first == ["a.txt", "a.txt#3", "a.txt#2", "a.txt#4"]
    assert len(set(first)) == 4
    assert [a.source for a in coerce_articles(arts, 100)] == first


def test_strings_are_named_by_position() -> None:
    """Article texts passed as str are named text0, text1, ... by their position."""
    arts = coerce_articles(
        ["First text.", discrep.Article("Second.", source="wire"), "Third text."], 100
    )
    assert [a.source for a in arts] == ["text0", "wire", "text2"]


def test_seed_heads(seed_paths: list[Path]) -> None:
    """On the seeds, metadata is found and no title keeps a glued breadcrumb or date tag."""
    arts = [discrep.Article.from_path(p) for p in seed_paths]
    assert sum(a.published is not None for a in arts) >= 3
    assert sum(a.url is not None for a in arts) >= 1
    for art in arts:
        assert art.title is not None
        assert not art.title.startswith(("Home", "date "))
        assert art.title in art.text
