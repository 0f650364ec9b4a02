"""Reading articles: files, strings and Article values, and the metadata at their head.

Real scraped articles start with furniture: a ``date 2022-03-03`` tag, a ``20220304``
line, the URL, the title, a dateline such as ``March 03, 2022 23:25 IST``, and page junk
(navigation words, "Advertisement", breadcrumbs glued to the title). This module
recognises them so that analysis can skip them, and never removes them from the text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path

import attrs

from discrep._errors import (
    ArticleError,
    ArticleReadError,
    ArticleTooLargeError,
    InputTypeError,
    NoArticlesError,
)
from discrep._model import Article, Sentence

__all__ = ["coerce_articles", "is_junk", "read_path", "read_text"]

_DATE_TAG = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})\b")
_COMPACT_DATE = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})\s*$", re.MULTILINE)
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$", re.MULTILINE)
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_DATELINE = re.compile(
    r"^\s*([A-Z][a-z]{2,8})\.? (\d{1,2}), ((?:19|20)\d{2})(?:[ ,]+\d{1,2}:\d{2}(?: ?[AP]M)?(?: [A-Z]{2,4})?)?\s*$",
    re.MULTILINE,
)
# Lines that are page furniture, whole-line matches only (case-insensitive).
_JUNK_LINE = re.compile(
    r"""^\W*(?:advertisement|follow\ our\ news|main\ navigation|source\ link|must\ read
    |also\ worth\ reading|read\ more|related(?:\ articles|\ stories)?|share(?:\ this)?
    |skip\ to\ (?:main\ )?content|sign\ up|subscribe|newsletter|menu|home|world|politics
    |photo\ credit:?.*|copyright.*|all\ rights\ reserved\.?|.*\bcookies?\b.*
    |.*\bbrowser\b.*\b(?:supported|update|switch)\b.*|.*\bno\ longer\ supported\b.*
    |[\w ]{0,30}\ sections|about\ [\w ]{1,20}|pressed\ for\ time\?.*
    |this\ service\ is\ not\ intended.*|we\ know\ it's\ a\ hassle.*)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_BINARY_SHARE = 0.10


def is_junk(sentence_text: str) -> bool:
    """Tell whether a line or sentence is page furniture rather than article prose.

    >>> is_junk("Advertisement"), is_junk("Kyiv said talks would resume.")
    (True, False)
    """
    return bool(_JUNK_LINE.match(sentence_text))


def mark_junk(text: str, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Return ``sentences`` with metadata lines and page furniture marked ``junk``."""
    meta = _metadata_spans(text)
    out = []
    for s in sentences:
        junk = is_junk(s.text) or any(a <= s.start and s.end <= b for a, b in meta)
        out.append(attrs.evolve(s, junk=junk) if junk != s.junk else s)
    return tuple(out)


def _metadata_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    head = text[:4000]
    for rx in (_COMPACT_DATE, _URL_LINE, _DATELINE):
        m = rx.search(head)
        if m:
            spans.append((m.start(), m.end()))
    return spans


def _metadata(text: str) -> tuple[dt.date | None, str | None, str | None]:
    """Find ``published``, ``url`` and ``title`` in the head of a scraped article."""
    head = text[:4000]
    published: dt.date | None = None
    for rx in (_DATE_TAG, _COMPACT_DATE):
        m = rx.search(head)
        if m:
            published = _safe_date(int(m[1]), int(m[2]), int(m[3]))
            if published:
                break
    if published is None:
        m = _DATELINE.search(head)
        if m and m[1].lower() in _MONTHS:
            published = _safe_date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    url_m = _URL_LINE.search(head)
    title = None
    for line in head.splitlines():
        cand = _DATE_TAG.sub("", line).strip()
        if cand and not is_junk(cand) and not _COMPACT_DATE.match(cand) and not _URL_LINE.match(cand):
            title = cand if len(cand) <= 200 else None
            break
    return published, url_m[1] if url_m else None, title


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def read_text(text: str, source: str, warnings: tuple[str, ...] = ()) -> Article:
    """Make an Article of ``text``, filling metadata found at its head."""
    published, url, title = _metadata(text)
    return Article(text, source=source, published=published, title=title, url=url, warnings=warnings)


def read_path(path: object) -> Article:
    """Read ``path`` as UTF-8 (undecodable bytes replaced, with a warning)."""
    if not isinstance(path, (str, os.PathLike)):
        raise InputTypeError(f"Article.from_path() takes a str or os.PathLike, not {type(path).__name__}")
    p = Path(os.fspath(path))
    if p.is_dir():
        raise ArticleReadError(f"{p} is a directory: pass the article files inside it instead")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ArticleReadError(f"No such article file: {p}. Check the path.") from None
    except OSError as exc:
        raise ArticleReadError(f"Cannot read article file {p}: {exc.strerror or exc}") from None
    if b"\x00" in data[:8192] or _mostly_binary(data):
        raise ArticleError(f"{p} looks like a binary file, not text: pass a UTF-8 text article")
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        n = text.count("\ufffd")
        warnings = (f"{p.name}: {n} undecodable byte sequence(s) replaced with U+FFFD "
                    f"(first at byte {exc.start}); the file is not valid UTF-8",)
    if text.startswith("\ufeff"):
        warnings += (f"{p.name}: a UTF-8 byte-order mark opens the file; offsets count it",)
    return read_text(text, p.name, warnings)


def _mostly_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > _BINARY_SHARE


def coerce_articles(items: object, max_chars: int) -> tuple[Article, ...]:
    """Turn what compare() was given into Articles with distinct, stable sources."""
    if isinstance(items, (str, bytes, os.PathLike, Article)):
        raise InputTypeError(
            "compare() takes an iterable of articles, not a single "
            f"{type(items).__name__}: wrap it in a list, e.g. compare([a, b])"
        )
    if not isinstance(items, Iterable):
        raise InputTypeError(
            f"compare() takes an iterable of str, os.PathLike or Article, not {type(items).__name__}"
        )
    articles: list[Article] = []
    for i, item in enumerate(items):
        if isinstance(item, Article):
            art = item
        elif isinstance(item, str):
            art = read_text(item, source=f"text{i}")
        elif isinstance(item, os.PathLike):
            art = read_path(item)
        else:
            raise InputTypeError(
                f"item {i} of compare()'s articles is a {type(item).__name__}; pass an article's "
                "text as str, a file as pathlib.Path, or a discrep.Article"
            )
        if not isinstance(art.text, str):
            raise InputTypeError(f"Article {art.source!r} has a {type(art.text).__name__} text; decode it to str first")
        if not art.text.strip():
            raise ArticleError(f"No article text in {art.source}: it is empty or only whitespace")
        if len(art.text) > max_chars:
            raise ArticleTooLargeError(
                f"{art.source} has {len(art.text):,} characters, over Config.max_chars "
                f"({max_chars:,}): split it or raise the limit"
            )
        articles.append(art)
    if not articles:
        raise NoArticlesError("compare() needs at least one article: pass a list of texts, paths or Articles")
    return _distinct_sources(articles)


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
