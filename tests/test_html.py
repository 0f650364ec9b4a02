"""The HTML report: self-contained, escaped, highlights where the offsets say, filters work.

The static tests read the page as text; the browser tests load it in headless Chromium
(Debian's ``chromium`` package, which ``.ci/run`` installs) with ``--dump-dom`` and read
the DOM the browser built after running the page's script: a parser's view of the page is
not enough to show that the highlights land where the offsets say or that script-bearing
article text stays inert.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import discrep
from discrep import Article, Claim, Discrepancy, Report
from discrep._escape import shown

# Article text that would run script if it reached the page unescaped: each payload marks
# the document, so a DOM without the mark shows that none of them ran.
_PAYLOAD = (
    "<script>document.documentElement.setAttribute('data-owned','script')</script>"
    "<img src=x onerror=\"document.documentElement.setAttribute('data-owned','img')\">"
    "</pre></mark><svg onload=\"document.documentElement.setAttribute('data-owned','svg')\">"
)
_SAID = "Talks were held in {city} on Monday, officials said."


def _payload_report() -> Report:
    return discrep.compare(
        [_SAID.format(city="Kyiv") + " " + _PAYLOAD + " The talks went on.",
         _SAID.format(city="Kiev") + " The talks went on."]
    )


class _Dom(HTMLParser):
    """Collect the findings, the full texts and where each mark lies in its full text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str | None] = {}
        self.findings: list[dict[str, str | None]] = []
        self.texts: dict[str, str] = {}  # section id -> full text as shown
        self.marks: list[tuple[str, int, str, str, str]] = []  # section, at, text, start, end
        self.shown_count = ""
        self._section: str | None = None
        self._in_pre = False
        self._mark: tuple[int, str, str] | None = None
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "html":
            self.root = a
        elif tag == "article" and "finding" in cls.split():
            self.findings.append(a)
        elif tag == "section" and "source" in cls.split():
            self._section = a.get("id") or ""
            self.texts[self._section] = ""
        elif tag == "pre" and self._section is not None:
            self._in_pre = True
        elif tag == "mark" and self._in_pre and self._section is not None:
            at = len(self.texts[self._section])
            self._mark = (at, a["data-start"] or "", a["data-end"] or "")
        elif tag == "span" and a.get("id") == "shown":
            self._in_shown = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_pre = False
        elif tag == "section":
            self._section = None
        elif tag == "mark" and self._mark is not None and self._section is not None:
            at, start, end = self._mark
            self.marks.append((self._section, at, self.texts[self._section][at:], start, end))
            self._mark = None
        elif tag == "span":
            self._in_shown = False

    def handle_data(self, data: str) -> None:
        if self._in_pre and self._section is not None:
            self.texts[self._section] += data
        if self._in_shown:
            self.shown_count += data


def _parse(page: str) -> _Dom:
    dom = _Dom()
    dom.feed(page)
    dom.close()
    return dom


# --- the page as written ------------------------------------------------------------


def test_page_is_self_contained(seed_report: Report) -> None:
    """Nothing is fetched: no external script, style, image, font or frame; a strict CSP."""
    page = seed_report.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page
    assert "default-src 'none'" in page
    assert not re.search(r"<(link|img|iframe|object|embed|video|audio|source)\b", page)
    assert not re.search(r"\bsrc=", page)
    assert "url(" not in page
    assert "@import" not in page
    assert not re.search(r"href=\"(?!#)", page)  # only in-page links


def test_article_text_is_escaped() -> None:
    """Script-bearing article text and file names appear as text, never as markup."""
    page = _payload_report().to_html()
    assert "<script>document" not in page
    assert "<img src=x" not in page
    assert "<svg" not in page
    assert "&lt;script&gt;document.documentElement" in page
    assert page.count("<script>") == 1  # the page's own filter script


def test_every_claim_is_marked_at_its_offsets(seed_report: Report) -> None:
    """Each claim has a mark in its source's full text, holding exactly the quoted words."""
    dom = _parse(seed_report.to_html())
    ids = {a.source: f"src{k}" for k, a in enumerate(seed_report.articles, 1)}
    texts = {a.source: a.text for a in seed_report.articles}
    for section, text in dom.texts.items():
        source = next(s for s, i in ids.items() if i == section)
        assert text == shown(texts[source])
    marked = {(sec, int(s), int(e)) for sec, _, _, s, e in dom.marks}
    for d in seed_report.discrepancies:
        for c in d.claims:
            covering = [
                (s, e) for sec, s, e in marked if sec == ids[c.source] and s < c.end and e > c.start
            ]
            assert min(s for s, _ in covering) == c.start
            assert max(e for _, e in covering) == c.end
    for sec, at, text, start, end in dom.marks:
        source = next(s for s, i in ids.items() if i == sec)
        assert at == len(shown(texts[source][: int(start)]))
        assert text == shown(texts[source][int(start) : int(end)])


def test_overlapping_claims_are_cut_into_marks() -> None:
    """Two claims sharing words are both marked: the shared part is one mark of its own."""
    text = "Mykola Tkachuk Tkachuk said so."
    a = Article(text, source="a.txt")
    claims = (Claim("a.txt", "Mykola Tkachuk", 0, 14, text), Claim("a.txt", "Tkachuk", 7, 14, text))
    d = Discrepancy("spelling", "Mykola Tkachuk", claims, "invented overlap", 0.5)
    r = Report(articles=(a,), entities=(), alignments=(), discrepancies=(d,))
    dom = _parse(r.to_html())
    assert [(t, s, e) for _, _, t, s, e in dom.marks] == [
        ("Mykola ", "0", "7"), ("Tkachuk", "7", "14"),
    ]


def test_controls_and_line_ends_show_escaped_in_the_full_text() -> None:
    """CR, ESC and U+202E in an article show as escapes; the marks still hold the quote."""
    text = "Talks were held in Kyiv.\r\nThe \x1b[2J \u202eend came in Kyiv."
    a = Article(text, source="a.txt")
    k = text.rindex("Kyiv")
    d = Discrepancy("spelling", "Kyiv", (Claim("a.txt", "Kyiv", k, k + 4, text[26:]),), "x", 0.5)
    dom = _parse(Report(articles=(a,), entities=(), alignments=(), discrepancies=(d,)).to_html())
    assert dom.texts["src1"] == "Talks were held in Kyiv.\\r\nThe \\x1b[2J \\u202eend came in Kyiv."
    ((_, at, marked, _, _),) = dom.marks
    assert (at, marked) == (len(shown(text[:k])), "Kyiv")


def test_claims_show_their_words_highlighted_in_the_sentence(seed_report: Report) -> None:
    """In each finding, every claim's sentence holds a mark with exactly the quoted words."""
    page = seed_report.to_html()
    quotes = re.findall(r"<blockquote>.*?<mark>(.*?)</mark>", page, re.S)
    expected = [c.text for d in seed_report.discrepancies for c in d.claims]
    assert quotes == [discrep._escape.html_text(q) for q in expected]


def test_repr_html_is_the_compact_view(seed_report: Report) -> None:
    """The notebook view: findings and sources, no script, no full texts, no page shell."""
    view = seed_report._repr_html_()
    assert view.startswith('<div class="discrep-report">')
    assert "<script" not in view
    assert "<html" not in view
    assert "Full texts" not in view
    assert view.count('class="finding"') == len(seed_report.discrepancies)


def test_empty_report_says_so() -> None:
    """A report with no finding still renders, and says there is none."""
    r = discrep.compare(["Talks were held in Kyiv.", "Talks were held in Kyiv."])
    assert "No discrepancies found." in r.to_html()


# --- the page in a browser -----------------------------------------------------------

_CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
    None,
)
needs_chromium = pytest.mark.skipif(
    _CHROMIUM is None,
    reason="no chromium on PATH: install Debian's package (apt-get install chromium), "
    "as .ci/run does, to run the HTML report in a real browser",
)


def chromium(url: str, profile: Path, *extra: str) -> str:
    """Load ``url`` in headless Chromium, let its script run, return the DOM it built."""
    assert _CHROMIUM is not None
    proc = subprocess.run(
        [
            _CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--virtual-time-budget=3000",
            *extra, url,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _load(report: Report, tmp_path: Path, fragment: str = "") -> _Dom:
    page = tmp_path / "report.html"
    page.write_text(report.to_html(), encoding="utf-8")
    return _parse(chromium(page.as_uri() + fragment, tmp_path / "profile", "--dump-dom"))


@needs_chromium
def test_browser_renders_and_marks_where_the_offsets_say(
    seed_report: Report, tmp_path: Path
) -> None:
    """In Chromium's DOM each mark lies at its offset and holds the article's words there."""
    dom = _load(seed_report, tmp_path)
    assert dom.root.get("data-filters") == "ready"  # the script ran under the page's CSP
    assert len(dom.findings) == len(seed_report.discrepancies)
    texts = {f"src{k}": a.text for k, a in enumerate(seed_report.articles, 1)}
    assert dom.marks
    for sec, at, marked, start, end in dom.marks:
        text = texts[sec]
        assert shown(text) == text  # the seeds carry no control character
        assert at == int(start)
        assert marked == text[int(start) : int(end)]
    claimed = {
        (f"src{[a.source for a in seed_report.articles].index(c.source) + 1}", c.start)
        for d in seed_report.discrepancies for c in d.claims
    }
    assert claimed <= {(sec, int(s)) for sec, _, _, s, _ in dom.marks}


@needs_chromium
def test_browser_runs_no_article_script(tmp_path: Path) -> None:
    """Script, img onerror and svg onload in article text do not run in the browser."""
    dom = _load(_payload_report(), tmp_path)
    assert dom.root.get("data-filters") == "ready"
    assert "data-owned" not in dom.root
    assert any("<script>document" in t for t in dom.texts.values())  # shown as text


@needs_chromium
def test_browser_filters_by_kind_and_confidence(tmp_path: Path) -> None:
    """The filter script hides findings of unticked kinds and below the minimum confidence."""
    text = "Talks were held in Kyiv on Monday, officials said."
    a, b = Article(text, source="a.txt"), Article(text.replace("Kyiv", "Kiev"), source="b.txt")
    k = text.index("Kyiv")
    cl = (Claim("a.txt", "Kyiv", k, k + 4, text), Claim("b.txt", "Kiev", k, k + 4, b.text))
    ds = (
        Discrepancy("spelling", "Kyiv", cl, "invented", 0.9),
        Discrepancy("spelling", "Kyiv", cl, "invented", 0.4),
        Discrepancy("date", "Monday", cl, "invented", 0.95),
    )
    r = Report(articles=(a, b), entities=(), alignments=(), discrepancies=ds)
    dom = _load(r, tmp_path)
    assert [f.get("hidden") for f in dom.findings] == [None, None, None]
    assert dom.shown_count == "3"
    dom = _load(r, tmp_path, "#kind=spelling&min=0.5")
    assert [f.get("hidden") is not None for f in dom.findings] == [False, True, True]
    assert dom.shown_count == "1"


@needs_chromium
def test_browser_screenshot_is_drawn(seed_report: Report, tmp_path: Path) -> None:
    """The page paints: a screenshot of it is a PNG of the size asked for."""
    page = tmp_path / "report.html"
    page.write_text(seed_report.to_html(), encoding="utf-8")
    shot = tmp_path / "shot.png"
    chromium(page.as_uri(), tmp_path / "profile", f"--screenshot={shot}", "--window-size=800,600")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 800


def _three_findings() -> Report:
    text = "Talks were held in Kyiv on Monday, officials said."
    a = Article(text, source="a.txt")
    k = text.index("Kyiv")
    cl = (Claim("a.txt", "Kyiv", k, k + 4, text),)
    ds = tuple(Discrepancy("spelling", f"story-{s}", cl, "invented", 0.8) for s in "BAB")
    return Report(articles=(a,), entities=(), alignments=(), discrepancies=ds)


def test_findings_are_grouped_per_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """With stories, every format groups findings per story and keeps their numbers."""
    import discrep._report

    monkeypatch.setattr(discrep._report, "story_of", lambda d: d.subject.split("-")[1])
    r = _three_findings()
    page = r.to_html()
    sections = re.findall(r'<section class="story" data-story="(\w)">(.*?)</section>', page, re.S)
    assert [(s, re.findall(r'id="f(\d)"', body)) for s, body in sections] == [
        ("B", ["1", "3"]), ("A", ["2"]),
    ]
    md = r.to_markdown()
    assert md.index("## Story B") < md.index("### 1.") < md.index("### 3.") < md.index("## Story A")
    text = str(r)
    assert text.index("== story B ==") < text.index("\n3. ") < text.index("== story A ==")
    assert [row["story"] for row in r.to_rows()] == ["B", "A", "B"]


@pytest.mark.skipif(
    "story" not in attrs.fields_dict(Discrepancy),
    reason="Discrepancy has no story field yet (the scale track's story grouping adds it)",
)
def test_a_finding_story_field_groups_the_html() -> None:
    """A finding's own story field is what the HTML report groups on."""
    r = _three_findings()
    ds = tuple(
        attrs.evolve(d, story=s)  # type: ignore[misc]
        for d, s in zip(r.discrepancies, "BAB", strict=True)
    )
    page = attrs.evolve(r, discrepancies=ds).to_html()
    assert re.findall(r'<section class="story" data-story="(\w)">', page) == ["B", "A"]
