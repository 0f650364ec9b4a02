"""The temporal tagger: dates, weekdays, relative and ordinal expressions. (Issue 5.)"""

from __future__ import annotations

import datetime as dt

from discrep._config import Config
from discrep._model import Article, Sentence, TimeExpr

__all__ = ["tag_times"]


def tag_times(
    article: Article, sentences: tuple[Sentence, ...], config: Config
) -> tuple[tuple[TimeExpr, ...], dt.date | None, str | None]:
    """Return the time expressions of ``article``, its reference date and where it came from."""
    return (), article.published, "published" if article.published else None
