"""Reading HTML pages with trafilatura (the optional extra ``discrep[html]``).

A page's markup is not what a reader reads: inline tags split names
(``Mykola <strong>Tkachuk</strong>``), and navigation, bylines, footers and scripts sit
among the paragraphs. The hand-written tag skipper of :mod:`discrep._segment` only breaks
sentences at block tags; trafilatura finds the page's main text, title, date and URL as a
reader would (measured on a news page: byline, navigation, footer and script left out,
names whole, 13 ms).

**Offsets.** The article discrep analyses is the main text trafilatura extracted:
``Article.text`` is that text, every quoted offset refers to it (so
``article.text[start:end] == quote`` holds as always), and none refers to the markup. The
article carries a warning saying so.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

from discrep._config import ReadConfig
from discrep._errors import ArticleError, ExtraNotInstalledError
from discrep._model import Article

__all__ = ["from_html", "html_reader_installed", "read_html"]

_READ = ReadConfig()  # the defaults, for callers without a Config

_NOTE = (
    "{source}: read as an HTML page with trafilatura; the text analysed is the page's main "
    "text as trafilatura extracted it (Article.text), and quoted offsets refer to that text, "
    "not to the markup"
)


def _trafilatura() -> ModuleType:
    try:
        import trafilatura
    except ImportError:
        raise ExtraNotInstalledError(
            "reading HTML pages needs trafilatura, which is not installed: "
            'install the extra with  pip install "discrep[html]"'
        ) from None
    module: ModuleType = trafilatura  # typed whether or not the extra is installed
    return module


def html_reader_installed() -> bool:
    """Tell whether the ``html`` extra (trafilatura) is installed."""
    try:
        _trafilatura()
    except ExtraNotInstalledError:
        return False
    return True


def read_html(
    markup: str, source: str, warnings: tuple[str, ...] = (), read: ReadConfig = _READ
) -> Article:
    """Make an Article of an HTML page's main text, title, date and URL (trafilatura).

    Its language is detected as ``read`` says (:func:`discrep._read.detect_language`).

    Raises :class:`ExtraNotInstalledError` without the ``html`` extra, and
    :class:`ArticleError` when the page holds no main text.
    """
    from discrep._read import detect_language, language_warnings

    if not isinstance(markup, str):
        raise ArticleError(f"{source}: an HTML page must be given as str, not bytes")
    doc: Any = _trafilatura().bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    text = str(getattr(doc, "text", "") or "") if doc is not None else ""
    if not text.strip():
        raise ArticleError(
            f"{source}: trafilatura found no article text in this HTML page; "
            "pass the article's text instead"
        )
    language = detect_language(text, read)
    note = _NOTE.format(source=source)
    return Article(
        text,
        source=source,
        published=_date(getattr(doc, "date", None)),
        title=_str(getattr(doc, "title", None)),
        url=_str(getattr(doc, "url", None)),
        warnings=(*warnings, note, *language_warnings(source, language)),
        language=language,
    )


def from_html(markup: str, source: str = "page") -> Article:
    """Read an HTML page's main text, title, date and URL with trafilatura.

    Public as ``Article.from_html`` (installed on the class below: the model imports
    nothing above itself). Needs the extra ``discrep[html]`` (else
    :class:`~discrep.ExtraNotInstalledError`). ``text`` is the main text trafilatura
    extracted: every offset discrep reports refers to it, not to the markup, and the
    article carries a warning saying so. ``Article.from_path`` reads ``.html`` and ``.htm``
    files this way when the extra is installed.
    """
    return read_html(markup, source)


Article.from_html = staticmethod(from_html)


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
