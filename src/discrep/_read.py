"""Reading articles: files, strings and Article values, and the metadata at their head.

Real scraped articles start with furniture: a ``date 2022-03-03`` tag, a ``20220304``
line, the URL, the title, a dateline such as ``March 03, 2022 23:25 IST``, and page junk
(navigation words, "Advertisement", breadcrumbs glued to the title, cookie and browser
notices, photo credits, copyright lines). This module recognises them so that analysis
can skip them (``Sentence.junk``), and never removes them from the text: every offset
refers to ``Article.text`` as given.

Everything here is a whole-line or whole-sentence test on short strings, or a bounded
regular expression, so reading stays linear in the length of the article; metadata is
looked for in the head of the article only.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from discrep._cache import cached
from discrep._config import ReadConfig
from discrep._errors import (
    ArticleError,
    ArticleReadError,
    ArticleTooLargeError,
    InputTypeError,
    NoArticlesError,
)
from discrep._lexicon import MONTH, MONTH_NUMBERS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from discrep._model import Article, Sentence
from discrep._page import html_reader_installed, read_html
from discrep._segment import furniture_prefix, looks_like_html

__all__ = [
    "analysed",
    "coerce_articles",
    "decode_bytes",
    "detect_language",
    "from_path",
    "is_junk",
    "language_warnings",
    "mark_junk",
    "read_path",
    "read_text",
]

_READ = ReadConfig()  # the defaults (head and junk limits), for callers without a Config

_DATE_TAG = re.compile(r"\s{0,20}date\s{1,5}(\d{4})-(\d{2})-(\d{2})(?=\s|\Z)")
_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})")
_URL = re.compile(r"(?:url:\s{0,5})?((?:https?://|www\.)\S{1,2000})", re.IGNORECASE)
_MONTH = f"({MONTH})"  # a capturing group; every pattern using it ignores case
_DATE_FORMS = (
    # ISO: 2022-03-03, 2022-03-03T10:00
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "ymd"),
    # March 03, 2022 / Mar. 3 2022 / March 3rd, 2022
    (
        re.compile(r"\b" + _MONTH + r"\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})\b", re.I),
        "mdy",
    ),
    # 3 March 2022 / 03 Mar, 2022
    (
        re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s{1,3}" + _MONTH + r"\.?,?\s{1,3}(\d{4})\b", re.I),
        "dmy",
    ),
    # 05/02/2013 (month first unless the first number cannot be a month), 27/09/2013
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"), "slash"),
)
# Words a dateline may hold besides numbers, dates and times.
# fmt: off
_DATELINE_WORDS = frozenset((
    "published", "updated", "posted", "last", "first", "originally", "edited", "modified", "time",
    "date", "on", "at", "by", "am", "pm", "a.m", "p.m", "hrs", "hours", "ist", "gmt", "utc",
    "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt",
    "ct", "hkt", "sgt", "aest", "jst", "msk", "eet", "eest", "ago", "minutes", "minute", "hours",
    "hour", "days", "day", "today", "yesterday",
)) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS) | frozenset(MONTH_NUMBERS)
# fmt: on
_DATELINE_TOKEN = re.compile(
    r"[A-Za-z]{1,12}(?:\.[A-Za-z]{1,2})?"
    r"|\d{1,4}(?:[:.]\d{1,2}){0,2}(?:am|pm|st|nd|rd|th|h)?"
    r"|[^\sA-Za-z\d]"
)
_DATELINE_SIGN = re.compile(
    r"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}|\bago\b"
    r"|\b" + _MONTH + r"\.?\s{1,3}\d{1,2}\b",
    re.I,
)
# Every alternative of _DATELINE_SIGN holds a digit or is "ago": a text with neither is no
# dateline, told by searches the engine runs in C without trying the month names at
# every position (measured on ECB+: the sign search 0.17 -> 0.07 s over 7,500 sentences).
# Two searches, one for a digit and one for "ago", not one for ``\d|(?i:ago)``: a search
# for one class or one word skips ahead in C, an alternation is tried at every position
# (over the 7.6k ECB+ texts of at most 120 characters: 14 -> 10 ms, the same answers).
_DIGIT = re.compile(r"\d")
_AGO = re.compile(r"(?i:ago)")

# Whole-line or whole-sentence furniture, compared after folding case and trimming
# punctuation and separators.
# fmt: off
_NAV_PHRASES = frozenset((
    "advertisement", "advertising", "sponsored", "sponsored content", "ad", "ads",
    "skip to content", "skip to main content", "skip to navigation", "main navigation",
    "navigation", "menu", "main menu", "search", "log in", "login", "sign in", "sign up",
    "register", "subscribe", "subscribe now", "newsletter", "newsletters", "share", "share this",
    "share this article", "share this story", "tweet", "email", "print", "comments", "comment",
    "more", "next", "previous", "back to top", "top", "home", "news", "world", "politics",
    "business", "sport", "sports", "opinion", "culture", "technology", "tech", "science",
    "health", "entertainment", "lifestyle", "video", "videos", "photos", "gallery", "latest",
    "latest news", "top stories", "trending", "popular", "most read", "most popular", "must read",
    "also read", "read more", "read next", "see also", "related", "related articles",
    "related stories", "related news", "related content", "recommended", "recommended for you",
    "you may also like", "you might also like", "also worth reading", "more from", "more stories",
    "editor's picks", "source link", "source", "follow us", "follow our news",
    "follow us on twitter", "follow us on facebook", "listen to this article", "click here",
    "load more", "show more", "view comments",
))
# fmt: on
# fmt: off
_JUNK_STARTS = (
    "all rights reserved", "read more:", "also read:", "related:",
    "recommended:", "see also:", "watch:", "listen:", "pressed for time", "stay informed",
    "sign up for", "subscribe to", "download our app", "download the app", "follow us on",
    "follow our news", "this service is not intended", "we know it's a hassle",
    "we know it\u2019s a hassle", "this browser is no longer supported", "click here", "share on",
    "share this", "photo credit", "photo:", "photos:", "image:", "image credit", "picture:",
    "video:", "file photo", "caption:", "credit:",
)
# fmt: on
# "Copyright 2021 ...", "Copyright© Media", "© 2021", "(c) 2021"; not "Copyright law ...".
_COPYRIGHT = re.compile(r"(?i:copyright)\s{0,3}(?:\u00a9|\(c\)|\d{4})|\u00a9|\(c\)\s{0,3}\d{4}")
_CREDIT = re.compile(
    r"\(?(?:[A-Z][A-Z&.]{1,15}(?: Photo| [A-Z]{2,15})?|[A-Z][a-z]{1,12} (?:Photo|Images))"
    r"/[\w .'\u2019-]{2,60}\)?\.?"
)
_BREADCRUMB_SEP = re.compile(r"\s{0,3}(?:[>\u00bb\u203a|/\u2022\u00b7]|::)\s{0,3}")
_SECTION = re.compile(
    r"(?:[A-Z][\w&'-]{0,20} ){1,3}(?i:sections?)"
    r"|(?i:about) [A-Z][\w&'-]{0,20}(?: [A-Z][\w&'-]{0,20}){0,2}"
)
#: The longest text ``_SECTION`` matches in full: three words of 22 characters (a capital,
#: 20 more and a space) and "sections"; "about" and three words apart is 71.
_SECTION_MAX = 3 * 22 + len("sections")
_BYLINE = re.compile(
    r"(?i:by)\s{1,3}[A-Z][\w.'\u2019-]{0,30}(?:\s{1,3}[A-Z][\w.'\u2019-]{0,30}){0,4}(?:\s{0,3}[,|/-].{0,80})?"
)
# Tags of an HTML head that carry metadata; attributes are read from each tag's text.
# Only the first 64 KiB are searched: a parsing bound that keeps reading linear (a page's
# <head> fits well within it), not a tuning knob, so it is not a Config field.
_HTML_HEAD_CHARS = 65536
_HTML_HEAD_TAG = re.compile(
    r"<(meta|link|time)\b([^<>]{0,2000})>|<(title)\b[^<>]{0,200}>([^<>]{1,300})</title>",
    re.IGNORECASE,
)
_HTML_ATTR = re.compile(r"([\w:-]{1,40})\s{0,3}=\s{0,3}[\"']([^\"'<>]{0,2000})[\"']")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_HTML_DATE_KEYS = frozenset(
    ("article:published_time", "datepublished", "pubdate", "date", "og:published_time")
)
# Elements whose content is never article prose (not <form>: some sites wrap whole pages
# in one).
_SCRIPT_OPEN = re.compile(
    r"<(script|style|noscript|template|nav|footer|aside|select|button|iframe|svg)\b"
    r"[^<>]{0,2000}>",
    re.IGNORECASE,
)
_TRIM = " \t\r\n\u00a0|\u2022\u00b7>\u00bb\u203a-\u2013\u2014:*#=_~"
_TRIM_STOPS = _TRIM + ".!?"
#: A character ``str.isalnum`` accepts: a word character other than "_".
_ALNUM = re.compile(r"[^\W_]")

# fmt: off
_ENGLISH = frozenset((
    "the", "of", "and", "to", "a", "is", "that", "for", "on", "was", "with", "said", "by", "as",
    "at", "from", "his", "it", "he", "has", "have", "are", "be", "were", "an", "will", "not",
    "this", "which", "had", "they", "their", "but", "or", "its", "who", "been", "after", "would",
    "she", "her", "we", "there", "more", "than", "into", "about", "also", "over", "new",
))
# fmt: on
_WORD = re.compile(r"[^\W\d_]{1,40}")
_COOKIE_WORDS = (
    "we use",
    "accept",
    "consent",
    "cookie policy",
    "cookie settings",
    "use of cookies",
    "by continuing",
    "privacy policy",
)
_BROWSER_WORDS = (
    "your browser",
    "this browser",
    "browser is no longer",
    "supported browser",
    "switch browsers",
    "upgrade your",
    "update your",
)
_TIME_ZONE = re.compile(r"[A-Z]{1,4}T|MSK|WIB|HRS")
_PAGE_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
_EOL = re.compile(r"[\r\n]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_junk(sentence_text: str, read: ReadConfig = _READ) -> bool:
    """Tell whether a line or sentence is page furniture rather than article prose.

    >>> is_junk("Advertisement"), is_junk("Kyiv said talks would resume.")
    (True, False)
    >>> is_junk("Home > World > Europe"), is_junk("REUTERS/Jane Doe")
    (True, True)
    >>> is_junk("About 200 people were killed."), is_junk("The company sells cookies.")
    (False, False)
    """
    text = sentence_text.strip()
    if not text or len(text) > read.junk_max_chars:
        return False
    low = text.casefold()
    folded = low.strip(_TRIM_STOPS)
    if folded in _NAV_PHRASES or _ALNUM.search(text) is None:
        return True
    if _is_credit_line(low) or _is_stamp(text):
        return True
    if _is_notice(low) or _is_breadcrumb(text) or _is_dateline(text, read.dateline_max_chars):
        return True
    text = text.strip(_TRIM)
    # a section label is at most 74 characters (_SECTION's bounds): most sentences are
    # longer, and are told by their length, not by a match
    return len(text) <= _SECTION_MAX and _SECTION.fullmatch(text) is not None


def _is_credit_line(low: str) -> bool:
    """Tell whether casefolded ``low`` opens as furniture ('Read more', a copyright line)."""
    start = low.lstrip(_TRIM)
    if start.startswith(_JUNK_STARTS) or "all rights reserved" in low:
        return True
    return _COPYRIGHT.match(start) is not None


def _is_stamp(text: str) -> bool:
    """Tell whether ``text`` is only a date tag, a compact date, a photo credit or a URL."""
    return _STAMP.fullmatch(text) is not None


#: One of _DATE_TAG, _COMPACT_DATE, _CREDIT or _URL, the whole text: one search, not four.
_STAMP = re.compile(
    f"(?:{_DATE_TAG.pattern})|(?:{_COMPACT_DATE.pattern})|(?:{_CREDIT.pattern})"
    f"|(?i:{_URL.pattern})"
)


def _is_notice(low: str) -> bool:
    """Tell whether ``low`` is a cookie, browser or JavaScript notice."""
    if "cookie" in low and any(w in low for w in _COOKIE_WORDS):
        return True
    if "browser" in low and any(w in low for w in _BROWSER_WORDS):
        return True
    return "javascript" in low and any(w in low for w in ("enable", "disabled", "turn on"))


#: What each of ``_BREADCRUMB_SEP``'s separators holds: a text holding none is one part, no
#: breadcrumb. Tested by ``in`` in a plain loop, which beat any() over a generator and a
#: character-class search (measured over the 13.7k ECB+ sentences: 12 / 9 / 5 ms; a search
#: for the separators themselves, an alternation, took 22 ms).
_BREADCRUMB_MARKS = (">", "\u00bb", "\u203a", "|", "/", "\u2022", "\u00b7", "::")


def _is_breadcrumb(text: str) -> bool:
    """'Home > World > Europe', 'News | Politics': separated section names, one a nav word."""
    for mark in _BREADCRUMB_MARKS:
        if mark in text:
            break
    else:
        return False
    trimmed = text.strip(_TRIM)
    if trimmed.endswith("."):
        return False  # its last part ends with "." (no separator ends so)
    parts = [p for p in _BREADCRUMB_SEP.split(trimmed) if p]
    if len(parts) < 2 or any(len(p.split()) > 3 or p.endswith(".") for p in parts):
        return False
    return any(p.casefold() in _NAV_PHRASES for p in parts)


def _is_dateline(text: str, max_chars: int = _READ.dateline_max_chars) -> bool:
    """Tell whether ``text`` holds only a date or time stamp ('Updated 4:08 p.m. ET').

    >>> _is_dateline("Published on: Fri, 11 Nov 2011 at 09:56 IST")
    True
    >>> _is_dateline("March 3 was cold.")
    False
    """
    if len(text) > max_chars or (_DIGIT.search(text) is None and _AGO.search(text) is None):
        return False
    # The words first, read until one is no dateline word (the first, in most sentences),
    # then the sign: the sign's search, case-insensitive over every month name, was half
    # of the test (on the ECB+ lines and sentences: 32 -> 16 ms, the same answers).
    for m in _DATELINE_TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit() or not tok[0].isalnum():
            continue
        low = tok.casefold().rstrip(".")
        if low not in _DATELINE_WORDS and not _TIME_ZONE.fullmatch(tok):
            return False
    return _DATELINE_SIGN.search(text) is not None


def mark_junk(
    text: str, sentences: tuple[Sentence, ...], read: ReadConfig = _READ
) -> tuple[Sentence, ...]:
    r"""Return ``sentences`` with metadata lines and page furniture marked ``junk``.

    A sentence is junk when it, or the whole line holding it, is furniture (see
    :func:`is_junk`), when it lies inside an HTML ``<script>``, ``<style>``, ``<nav>``,
    ``<footer>`` or ``<aside>`` element (and a few more that never hold prose), or
    when it is a byline in the head of the article. Sentences already marked junk by
    :func:`~discrep._segment.segment` stay junk. Offsets are never changed.

    >>> from discrep._segment import segment
    >>> t = "Kyiv talks resume\nAdvertisement\nKyiv said talks would resume. Source link"
    >>> [(s.text, s.junk) for s in mark_junk(t, segment(t))]  # doctest: +NORMALIZE_WHITESPACE
    [('Kyiv talks resume', False), ('Advertisement', True),
     ('Kyiv said talks would resume.', False), ('Source link', True)]
    """
    skip = _script_spans(text) if looks_like_html(text) else []
    head_end = _head_end(text, read)
    out: list[Sentence] = []
    si = 0
    line: tuple[int, bool] = (-2, False)
    for s in sentences:
        start = _line_start(text, s.start, read.junk_max_chars)
        if start != line[0]:
            line = (start, _line_is_junk(text, start, read))
        while si < len(skip) and skip[si][1] <= s.start:
            si += 1
        junk = (
            s.junk
            or line[1]
            or is_junk(s.text, read)
            or (si < len(skip) and skip[si][0] <= s.start)
            or (s.end <= head_end and _BYLINE.fullmatch(s.text) is not None)
        )
        out.append(s if junk == s.junk else attrs.evolve(s, junk=junk))
    return tuple(out)


def _line_start(text: str, pos: int, most: int) -> int:
    """Start of the line holding ``pos``, or -1 when it is longer than ``most`` (not junk)."""
    lo = max(0, pos - most)
    nl = max(text.rfind("\n", lo, pos), text.rfind("\r", lo, pos))
    return nl + 1 if nl != -1 or lo == 0 else -1


def _line_is_junk(text: str, start: int, read: ReadConfig) -> bool:
    if start < 0:
        return False
    m = _EOL.search(text, start, start + read.junk_max_chars + 1)
    if m is None:
        if start + read.junk_max_chars < len(text):
            return False
        end = len(text)
    else:
        end = m.start()
    return is_junk(text[start:end], read)


def _script_spans(text: str) -> list[tuple[int, int]]:
    """Spans of <script>, <style>, <nav> and other non-prose elements, in order."""
    spans = []
    pos = 0
    while m := _SCRIPT_OPEN.search(text, pos):
        close = re.compile(f"</{m[1]}", re.IGNORECASE).search(text, m.end())
        end = close.start() if close else len(text)
        spans.append((m.end(), end))
        pos = end
    return spans


def _head_lines(text: str, read: ReadConfig) -> list[tuple[int, int]]:
    """(start, end) of the first non-blank lines in the head of ``text``."""
    lines: list[tuple[int, int]] = []
    pos = 0
    head = min(len(text), read.head_chars)
    while pos < head and len(lines) < read.head_lines:
        m = _EOL.search(text, pos, head)  # "\n", "\r\n" or a lone "\r" (old Mac files)
        end = m.start() if m else head
        if text[pos:end].strip():
            lines.append((pos, end))
        pos = end + 1
    return lines


def _head_end(text: str, read: ReadConfig) -> int:
    r"""Return the end of the last of :func:`_head_lines` (0 if there is none).

    The head cut at its line breaks in one split, not searched line by line: the same
    lines (a "\r\n" holds an empty line, which is blank), 8.1 -> 1.8 ms over the 839 ECB+
    articles (interleaved A/B), where the search per line was 7% of segmenting and
    marking junk.
    """
    head = min(len(text), read.head_chars)
    most = read.head_lines
    pos = last = found = 0
    for line in text[:head].replace("\r", "\n").split("\n"):
        end = pos + len(line)
        if line.strip():
            last = end
            found += 1
            if found >= most:
                break
        pos = end + 1
    return last


def _metadata(
    text: str, read: ReadConfig = _READ
) -> tuple[dt.date | None, str | None, str | None]:
    r"""Find ``published``, ``url`` and ``title`` in the head of a scraped article.

    >>> _metadata(" date 2022-03-03 Caption.\nTalks in Brest resume\nhttps://example.org/a\n")
    (datetime.date(2022, 3, 3), 'https://example.org/a', 'Talks in Brest resume')
    """
    if looks_like_html(text):
        return _html_metadata(text)
    m = _DATE_TAG.match(text, 0, read.head_chars)
    head = _Head(_safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None)
    for start, end in _head_lines(text, read):
        raw = text[start:end]
        line = raw[furniture_prefix(raw) :].strip()
        if line and not head.take(line, read):
            break
    return head.published, head.url, head.title(read.title_min_words)


class _Head:
    """What the head lines of a scraped article said so far (one per ``_metadata`` call)."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.url: str | None = None
        self.titles: list[str] = []

    def take(self, line: str, read: ReadConfig) -> bool:
        """Read one non-blank head line; False once the article's body begins."""
        if self.published is None:
            cm = _COMPACT_DATE.fullmatch(line)
            if cm:
                self.published = _safe_date(int(cm[1]), int(cm[2]), int(cm[3]))
                return True
        um = _URL.fullmatch(line)
        if um:
            self.url = self.url or um[1]
            return True
        if _is_dateline(line, read.dateline_max_chars) or _BYLINE.fullmatch(line):
            self.published = self.published or _parse_date(line)
            return True
        if is_junk(line, read):
            return True
        parts = line.split(" | ")
        title = parts[0].strip()
        if any(is_junk(p, read) for p in parts[1:]):
            return True  # a caption with its credit: "... Ukraine. | Photo Credit: AFP"
        if _is_body(title, read.body_min_words):
            return False
        words = len(title.split())
        fits = 2 <= words <= read.title_max_words and len(title) <= read.title_max_chars
        if fits and not title.endswith((".", ",", ";", ":")):
            self.titles.append(title)
        return True

    def title(self, min_words: int) -> str | None:
        """Return the first title of ``min_words`` words or more, else the first title."""
        chosen = [t for t in self.titles if len(t.split()) >= min_words] or self.titles
        return chosen[0] if chosen else None


def _html_metadata(text: str) -> tuple[dt.date | None, str | None, str | None]:
    """Find ``published``, ``url`` and ``title`` in the <head> of an HTML page.

    >>> _html_metadata('<html><head><title>Port shut | News</title><meta '
    ...     'property="article:published_time" content="2021-06-05T08:00"></head><body></body>')
    (datetime.date(2021, 6, 5), None, 'Port shut')
    """
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    for m in _HTML_HEAD_TAG.finditer(text, 0, _HTML_HEAD_CHARS):
        if m[3]:
            title = title or _page_title(m[4])
            continue
        key, value, canonical = _html_meta(m[2])
        if published is None and _is_date_tag(key, m[1]):
            published = _iso_date(value)
        elif url is None and (key == "og:url" or canonical):
            url = value or None
        elif title is None and key == "og:title":
            title = html.unescape(value).strip() or None
    return published, url, title


def _page_title(raw: str) -> str | None:
    """Return a <title>'s text without the site name after ' | ', or None if empty."""
    return html.unescape(raw).split(" | ")[0].strip() or None


def _is_date_tag(key: str, tag: str) -> bool:
    """Tell whether a head tag states the publication date (a date key, or <time>)."""
    return key in _HTML_DATE_KEYS or tag.lower() == "time"


def _iso_date(value: str) -> dt.date | None:
    """Return the date an ISO 8601 value opens with, or None."""
    dm = _ISO_DATE.match(value.strip())
    return _safe_date(int(dm[1]), int(dm[2]), int(dm[3])) if dm else None


def _html_meta(attributes: str) -> tuple[str, str, bool]:
    """Return a head tag's key (property, name, itemprop), value, and whether canonical."""
    found = {k.lower(): v for k, v in _HTML_ATTR.findall(attributes)}
    key = (found.get("property") or found.get("name") or found.get("itemprop") or "").lower()
    value = found.get("content") or found.get("datetime") or found.get("href") or ""
    return key, value, found.get("rel", "").lower() == "canonical"


def _is_body(line: str, min_words: int) -> bool:
    """Tell whether ``line`` is a paragraph of prose: the head (title, dateline) is over."""
    ended = line.rstrip("\"'\u201d\u2019 ").endswith((".", "!", "?"))
    return ended and len(line.split()) >= min_words


def _parse_date(line: str) -> dt.date | None:
    for rx, order in _DATE_FORMS:
        m = rx.search(line)
        if not m:
            continue
        a, b, c = m[1], m[2], m[3]
        if order == "ymd":
            return _safe_date(int(a), int(b), int(c))
        if order == "mdy":
            return _safe_date(int(c), MONTH_NUMBERS[a.casefold()], int(b))
        if order == "dmy":
            return _safe_date(int(c), MONTH_NUMBERS[b.casefold()], int(a))
        year = int(c) + (2000 if len(c) == 2 else 0)
        first, second = int(a), int(b)
        if first > 12:
            return _safe_date(year, second, first)
        return _safe_date(year, first, second)
    return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# Names of the languages a news article is most often in besides English, for warnings;
# other codes are shown as the code.
# fmt: off
_LANGUAGE_NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "es": "Spanish", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sr": "Serbian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
    "zh": "Chinese",
}
# fmt: on
_TAG = re.compile(r"<[^<>]{0,2000}>")
# Only the first characters are looked at (a parsing bound that keeps detection linear in
# the article's length, not a tuning knob: 20,000 characters hold thousands of words).
_LANGUAGE_SAMPLE = 20000


def detect_language(text: str, read: ReadConfig = _READ) -> str | None:
    """Return the language of ``text`` as an ISO 639-1 code, or None when too short to tell.

    English function words decide first ("the", "of", "said": at least
    ``read.english_share`` (12%) of the words, and mostly Latin letters); only text that
    fails that is handed to py3langid, whose model takes about 2.5 s to load on first use
    (measured), so English articles never load it. Text of fewer than
    ``read.language_min_words`` (20) words is not judged.

    >>> detect_language("Kyiv said on Monday that talks with Moscow would resume soon, "
    ...                 "and that the two sides had agreed on a venue for the next round.")
    'en'
    >>> detect_language("Der Kanzler traf sich am Montag mit dem Präsidenten in Berlin, wo "
    ...                 "die beiden über die Lage in der Ukraine und die Preise sprachen.")
    'de'
    >>> detect_language("Kyiv said so.") is None
    True
    """
    sample = text[:_LANGUAGE_SAMPLE]
    if looks_like_html(sample):
        sample = _TAG.sub(" ", sample)
    words = _WORD.findall(sample)
    if len(words) < read.language_min_words:
        return None
    latin = sum(1 for w in words if w.isascii())
    english = sum(1 for w in words if w.casefold() in _ENGLISH)
    if latin >= len(words) / 2 and english >= len(words) * read.english_share:
        return "en"
    code, _score = _language_identifier().classify(sample)
    return str(code)


@functools.lru_cache(maxsize=1)
def _language_identifier() -> Any:
    """Return py3langid's identifier, read from discrep's on-disk cache once it is built.

    py3langid keeps its model LZMA-compressed (4.5 MB on disk, 68 MB of tables) and
    decompresses it in every process on first use: 0.83 s CPU measured, plus 0.10 s to
    import numpy; a whole first compare of the 840 ECB+ articles is about 7 s, and one
    short article that fails the English test is enough to pay it. Unpickling the built
    identifier from the cache (``_cache.py``; a 68 MB file) took 0.29 s on the same machine.
    """
    return cached("language-model", 1, ("py3langid", "numpy"), _build_language_identifier)


def _build_language_identifier() -> Any:
    from py3langid import langid

    langid.classify("")  # loads py3langid's model into its own module global
    return langid.IDENTIFIER


def language_warnings(source: str, language: str | None) -> tuple[str, ...]:
    """Say that an article not in English was not analysed, and how to analyse it anyway."""
    if language in (None, "en"):
        return ()
    name = _LANGUAGE_NAMES.get(str(language), "another language")
    return (
        f"{source}: does not look like English ({name}, {language!r}); discrep's rules are "
        "written for English news, so this article was not analysed: no names, figures, "
        "dates or events were taken from it. To analyse it anyway, pass "
        "discrep.Article(text, language='en')",
    )


def analysed(article: Article) -> bool:
    """Tell whether ``article`` is analysed: English, or of a language not known.

    >>> analysed(Article("Kyiv said.")), analysed(Article("Kiew sagte.", language="de"))
    (True, False)
    """
    return article.language in (None, "en")


def _text_warnings(
    text: str, source: str, language: str | None, read: ReadConfig
) -> tuple[str, ...]:
    """Say what the reader should know about how ``text`` will be analysed."""
    warnings = []
    if looks_like_html(text):
        warnings.append(
            f"{source}: looks like HTML; block tags, scripts, styles and navigation are left "
            "out of the analysis, inline tags stay in sentences, and quoted offsets refer to "
            "the markup. Pass the page's text, or install discrep[html] to have pages read "
            "with trafilatura"
        )
    warnings.extend(language_warnings(source, language))
    sample = text[:_LANGUAGE_SAMPLE]
    control = _control_count(sample)
    if sample and control / len(sample) > read.binary_share:
        warnings.append(
            f"{source}: {control} control characters in its first {len(sample)} characters; "
            "is it binary data? Pass the article's text"
        )
    return tuple(warnings)


def read_text(
    text: str, source: str, warnings: tuple[str, ...] = (), read: ReadConfig = _READ
) -> Article:
    r"""Make an Article of ``text``, filling metadata found at its head.

    >>> a = read_text("20220304\nKyiv and Moscow hold talks\nKyiv said talks began.", "wire")
    >>> a.published, a.title
    (datetime.date(2022, 3, 4), 'Kyiv and Moscow hold talks')
    """
    published, url, title = _metadata(text, read)
    language = detect_language(text, read)
    extra = _text_warnings(text, source, language, read)
    warnings = warnings + tuple(w for w in extra if w not in warnings)
    return Article(
        text,
        source=source,
        published=published,
        title=title,
        url=url,
        warnings=warnings,
        language=language,
    )


def read_path(
    path: object, *, max_chars: int = 20_000_000, read: ReadConfig = _READ
) -> Article:
    r"""Read ``path`` as text, decoded by :func:`decode_bytes` (with a warning unless UTF-8).

    Refuses what is not a readable regular file with :class:`ArticleReadError`, binary
    files with :class:`ArticleError`, and files too big to hold ``max_chars`` characters
    with :class:`ArticleTooLargeError` before reading them.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "wire.txt"
    >>> _ = path.write_bytes(b"Talks resumed at the Caf\xe9 Rouge.")
    >>> art = read_path(path)
    >>> art.source, art.text, art.warnings[0].split(";")[0][:40]
    ('wire.txt', 'Talks resumed at the Café Rouge.', 'wire.txt: not valid UTF-8 (first bad byt')
    """
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(
            f"Article.from_path() takes a str or os.PathLike, not {type(path).__name__}: "
            "pass the file's path, e.g. Article.from_path('article.txt')"
        )
    try:
        p = Path(os.fsdecode(os.fspath(path)))
        if p.is_dir():
            raise ArticleReadError(f"{p} is a directory: pass the article files inside it instead")
        if p.exists() and not p.is_file():
            raise ArticleReadError(f"{p} is not a regular file: pass a text file")
        if p.exists() and p.stat().st_size > 4 * max_chars:
            raise ArticleTooLargeError(
                f"{p} has {p.stat().st_size:,} bytes, more than Config.max_chars "
                f"({max_chars:,}) characters can take: split it or raise the limit"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise ArticleReadError(f"No such article file: {path}. Check the path.") from None
    except (OSError, ValueError, TypeError) as exc:
        if isinstance(exc, (ArticleReadError, ArticleTooLargeError)):
            raise
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ArticleReadError(f"Cannot read article file {path}: {reason}") from None
    name = _display_name(p.name)
    text, warnings = decode_bytes(data, name, read)
    if (p.suffix.lower() in _PAGE_SUFFIXES or looks_like_html(text)) and html_reader_installed():
        return read_html(text, name, warnings, read)
    return read_text(text, name, warnings, read)


def from_path(path: object) -> Article:
    r"""Read an article from a UTF-8 text file; ``source`` is the file name.

    Public as ``Article.from_path`` (installed on the class below: the model imports
    nothing above itself). Undecodable bytes are decoded as :func:`decode_bytes` says and
    the article carries a warning saying so. A leading date tag, dateline, URL or title
    line fills ``published``, ``url`` and ``title``. An ``.html`` or ``.htm`` file is read
    as a page (``Article.from_html``) when the ``html`` extra is installed.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "wire.txt"
    >>> _ = path.write_text("20220304\nKyiv said talks began.", encoding="utf-8")
    >>> art = Article.from_path(path)
    >>> art.source, art.published
    ('wire.txt', datetime.date(2022, 3, 4))
    """
    return read_path(path)


Article.from_path = staticmethod(from_path)


def _display_name(name: str) -> str:
    r"""Show a file name as text: bytes that are not UTF-8 become ``\xNN`` escapes.

    ``os.fsdecode`` keeps such bytes as lone surrogates, which no output can encode.

    >>> _display_name("caf\udce9.txt")
    'caf\\xe9.txt'
    """
    if not _SURROGATE.search(name):
        return name
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
# Single-byte code pages charset-normalizer cannot tell apart on a few accented letters
# (a Latin-1 "Peña" decodes with equal, zero, chaos as cp1250 "Peńa"): when cp1252 reads the
# bytes as cleanly as the best guess, it is taken, as the commonest legacy encoding of
# English news (and what browsers read "ISO-8859-1" as).
_WESTERN = "cp1252"
# A tie in charset-normalizer's chaos (0-1): a tolerance for equal readings, not a tuning
# knob (both readings scored 0.0 chaos on every Latin-1, cp1250, cp1254 and ISO-8859-2
# sample tried, so it stays a constant rather than a Config field).
_CHAOS_TIE = 0.01


def decode_bytes(data: bytes, name: str, read: ReadConfig = _READ) -> tuple[str, tuple[str, ...]]:
    r"""Decode a file's bytes to text, with warnings saying how.

    UTF-8 first; a byte-order mark selects UTF-8, UTF-16 or UTF-32; UTF-16 and UTF-32
    without one are detected; other bytes are decoded with the encoding charset-normalizer
    finds most likely, and only when it finds none are undecodable bytes replaced with
    U+FFFD. Each fallback adds a warning saying whether names may be damaged. Binary data
    (``read.binary_share``) raises :class:`ArticleError`.

    >>> decode_bytes("Talks at the Caf\u00e9 Rouge began.".encode("latin-1"), "a.txt")[0]
    'Talks at the Café Rouge began.'
    >>> decode_bytes("Kyiv said talks began.".encode("utf-16-le"), "b.txt")[0]
    'Kyiv said talks began.'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            label = codec.upper()
            return data.decode(codec, errors="replace"), (
                f"{name}: a {label} file, decoded as {label} rather than UTF-8",
            )
    if b"\x00" in data[:8192] or _mostly_binary(data, read.binary_share):
        return _decode_wide(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, name, exc.start)
    if text.startswith("\ufeff"):
        return text, (f"{name}: a byte-order mark opens the file; offsets count it",)
    return text, ()


def _decode_wide(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """UTF-16 or UTF-32 without a byte-order mark, or else refuse the bytes as binary."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_WIDE).best()
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except UnicodeDecodeError:
            text = ""
        if text and _looks_like_text(text):
            label = best.encoding.upper().replace("_", "-")
            return text, (f"{name}: a {label} file without a byte-order mark, decoded as {label}",)
    raise ArticleError(
        f"{name} looks like a binary file, not text: pass a text article (UTF-8 preferred)"
    )


def _looks_like_text(text: str) -> bool:
    sample = text[:8192]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    spaces = sum(1 for ch in sample if ch.isspace())
    return printable >= 0.95 * len(sample) and (len(sample) < 40 or spaces >= 0.02 * len(sample))


def _decode_legacy(data: bytes, name: str, first_bad: int) -> tuple[str, tuple[str, ...]]:
    """Bytes that are not UTF-8: charset-normalizer's guess, else U+FFFD replacement."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else None
    if best is not None and encoding != _WESTERN:
        western = from_bytes(data, cp_isolation=[_WESTERN]).best()
        if western is not None and western.chaos <= best.chaos + _CHAOS_TIE:
            encoding = _WESTERN
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return text, (
                f"{name}: not valid UTF-8 (first bad byte at {first_bad}); decoded as "
                f"{encoding}, the encoding charset-normalizer found most likely. If that guess "
                "is wrong, accented letters in names are wrong too: convert the file to UTF-8 "
                "to be sure",
            )
    text = data.decode("utf-8", errors="replace")
    n = text.count("\ufffd")
    return text, (
        f"{name}: not valid UTF-8; {n} undecodable byte sequence(s) replaced with U+FFFD "
        f"(first at byte {first_bad}) as no encoding fits the bytes: names holding them are "
        "damaged. Convert the file to UTF-8",
    )


#: Control characters: below " ", but for tabs, line breaks and form feeds (0x09-0x0d).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
#: Every byte but those: deleting them from a text's bytes leaves its control characters.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _control_count(sample: str | bytes) -> int:
    """Count the control characters of ``sample`` (:data:`_CONTROL`).

    In C: a Python loop over the characters was 30 ms of a compare() of the 839 ECB+
    articles (their first 20,000 characters, counted on every compare); deleting the
    other bytes of an ASCII text's bytes is 2.5 ms, the regex (other texts) 9 ms.
    """
    if isinstance(sample, bytes):
        return len(sample.translate(None, _NOT_CONTROL))
    if sample.isascii():
        return len(sample.encode("ascii").translate(None, _NOT_CONTROL))
    return len(_CONTROL.findall(sample))


def _mostly_binary(data: bytes, share: float) -> bool:
    # the first 8 KiB decide (a bound on the work, like _LANGUAGE_SAMPLE, not a knob)
    sample = data[:8192]
    if not sample:
        return False
    return _control_count(sample) / len(sample) > share


def coerce_articles(
    items: object, max_chars: int, read: ReadConfig = _READ
) -> tuple[Article, ...]:
    """Turn what compare() was given into Articles with distinct, stable sources.

    >>> arts = coerce_articles(["Kyiv.", "Kiev.", Article("Kyiv.", source="text0")], 100)
    >>> [a.source for a in arts]
    ['text0', 'text1', 'text0#2']
    """
    if isinstance(items, (str, bytes, os.PathLike, Article)):
        raise InputTypeError(
            "compare() takes an iterable of articles, not a single "
            f"{type(items).__name__}: wrap it in a list, e.g. compare([a, b])"
        )
    if not isinstance(items, Iterable):
        raise InputTypeError(
            "compare() takes an iterable of str, os.PathLike or Article, not "
            f"{type(items).__name__}: "
            "pass a list such as compare([text, Path('article.txt')])"
        )
    articles = [
        _fit(_without_surrogates(_article(i, item, max_chars, read)), max_chars)
        for i, item in enumerate(items)
    ]
    if not articles:
        raise NoArticlesError(
            "compare() needs at least one article: pass a list of texts, paths or Articles"
        )
    return _distinct_sources(articles)


def _article(i: int, item: object, max_chars: int, read: ReadConfig) -> Article:
    """Make item ``i`` of compare()'s articles an Article, or say what to pass instead."""
    if isinstance(item, Article):
        return _with_language(item, read)
    if isinstance(item, str) and looks_like_html(item) and html_reader_installed():
        return read_html(item, f"text{i}", read=read)
    if isinstance(item, str):
        source = f"text{i}"
        return read_text(item, source, _path_like_text(item, source), read)
    if isinstance(item, os.PathLike):
        return read_path(item, max_chars=max_chars, read=read)
    if isinstance(item, (bytes, bytearray, memoryview)):
        raise InputTypeError(
            f"item {i} of compare()'s articles is {type(item).__name__}, not text: decode it "
            "first, e.g. data.decode('utf-8', errors='replace'), or pass the file as a "
            "pathlib.Path"
        )
    raise InputTypeError(
        f"item {i} of compare()'s articles is a {type(item).__name__}; pass an article's "
        "text as str, a file as pathlib.Path, or a discrep.Article"
    )


def _with_language(art: Article, read: ReadConfig) -> Article:
    """Detect the language of an Article given as such if unknown, and add its warnings."""
    if art.language is None:
        art = attrs.evolve(art, language=detect_language(art.text, read))
    extra = _text_warnings(art.text, art.source, art.language, read)
    extra = tuple(w for w in extra if w not in art.warnings)
    return attrs.evolve(art, warnings=art.warnings + extra) if extra else art


def _fit(art: Article, max_chars: int) -> Article:
    """Refuse an article with no text or with more than ``max_chars`` characters."""
    if not art.text.strip():
        raise ArticleError(
            f"No article text in {art.source}: it is empty or only whitespace; "
            "pass articles with text"
        )
    if len(art.text) > max_chars:
        raise ArticleTooLargeError(
            f"{art.source} has {len(art.text):,} characters, over Config.max_chars "
            f"({max_chars:,}): split it or raise the limit"
        )
    return art


def _without_surrogates(art: Article) -> Article:
    r"""Replace lone surrogates (which no output can encode) with U+FFFD, with a warning.

    One code point replaces one, so every offset into the text as given is the same offset
    into the text analysed, and a quote differs from the text as given only at those code
    points. Surrogates come from decoding with ``errors="surrogateescape"`` or from
    JSON's ``\ud800`` escapes; a str that holds them cannot be written as UTF-8.

    >>> art = _without_surrogates(Article("Kyiv\ud800 said.", source="a"))
    >>> art.text == "Kyiv\ufffd said.", art.warnings[0][:47]
    (True, 'a: 1 lone surrogate code point(s) replaced with')
    """
    fields = (art.text, art.source, art.title or "", art.url or "", *art.warnings)
    if all(f.isascii() or not _SURROGATE.search(f) for f in fields):
        return art
    n = len(_SURROGATE.findall(art.text))
    source = _SURROGATE.sub("\ufffd", art.source)
    warnings = tuple(_SURROGATE.sub("\ufffd", w) for w in art.warnings)
    if n:
        first = _SURROGATE.search(art.text)
        warnings += (
            f"{source}: {n} lone surrogate code point(s) replaced with U+FFFD (first at "
            f"offset {first.start() if first else 0}), one for one, so offsets are unchanged; "
            "pass text decoded without errors='surrogateescape'",
        )
    return attrs.evolve(
        art,
        text=_SURROGATE.sub("\ufffd", art.text),
        source=source,
        title=_SURROGATE.sub("\ufffd", art.title) if art.title else art.title,
        url=_SURROGATE.sub("\ufffd", art.url) if art.url else art.url,
        warnings=warnings,
    )


def _path_like_text(text: str, source: str) -> tuple[str, ...]:
    """Warn when a str that is meant as a file name was passed as an article's text."""
    if len(text) > 1024 or "\n" in text or not text.strip():
        return ()
    try:
        is_file = os.path.isfile(text)
    except (OSError, ValueError):
        return ()
    if not is_file:
        return ()
    return (
        f"{source}: the text is the name of an existing file and was analysed as text; "
        "pass pathlib.Path(...) to read the file",
    )


def _distinct_sources(articles: list[Article]) -> tuple[Article, ...]:
    """Give repeated sources stable suffixes: a.txt, a.txt#2, a.txt#3."""
    seen: dict[str, int] = {}
    taken = {a.source for a in articles}
    out = []
    for art in articles:
        n = seen.get(art.source, 0) + 1
        seen[art.source] = n
        if n == 1:
            out.append(art)
            continue
        k = n
        while f"{art.source}#{k}" in taken:
            k += 1
        name = f"{art.source}#{k}"
        taken.add(name)
        out.append(attrs.evolve(art, source=name))
    return tuple(out)
