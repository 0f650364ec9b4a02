"""The errors discrep raises.

Every error derives from :class:`DiscrepError`, and each also derives from the builtin it
resembles, so ``except ValueError`` keeps working for callers who do not know discrep::

    DiscrepError
    ├── ArticleError(DiscrepError, ValueError)      an article is unusable (empty, binary)
    │   └── ArticleTooLargeError                     over Config.max_chars
    ├── InputTypeError(DiscrepError, TypeError)      an argument of the wrong type
    ├── ConfigError(DiscrepError, ValueError)        a Config setting out of its range
    │   └── ConfigTypeError(ConfigError, TypeError)  a Config setting of the wrong type
    ├── NoArticlesError(DiscrepError, ValueError)    compare() was given nothing
    ├── ExtractionError(DiscrepError, ValueError)    a stored Extraction cannot be used
    │   └── ExtractionVersionError                   made by another discrep version
    ├── ArticleReadError(DiscrepError, OSError)      a path could not be read
    └── ExtraNotInstalledError(DiscrepError, ImportError)  an optional extra is missing

Messages say what was wrong and what to do instead.
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "ArticleReadError",
    "ArticleTooLargeError",
    "ConfigError",
    "ConfigTypeError",
    "DiscrepError",
    "ExtraNotInstalledError",
    "ExtractionError",
    "ExtractionVersionError",
    "InputTypeError",
    "NoArticlesError",
]


class DiscrepError(Exception):
    """Base class of every error discrep raises on purpose."""


class ConfigError(DiscrepError, ValueError):
    """A ``Config`` setting is outside its allowed range or set; the message names both."""


class ConfigTypeError(ConfigError, TypeError):
    """A ``Config`` setting has the wrong type (a string where a number goes, ...)."""


class ArticleError(DiscrepError, ValueError):
    """An article cannot be analysed: it is empty, binary, or otherwise unusable."""


class ArticleTooLargeError(ArticleError):
    """An article is longer than ``Config.max_chars``."""


class InputTypeError(DiscrepError, TypeError):
    """An argument has the wrong type (compare()'s items or config, Article's fields).

    The message names the argument and what to pass instead.
    """


class NoArticlesError(DiscrepError, ValueError):
    """``compare()`` was given no articles at all."""


class ArticleReadError(DiscrepError, OSError):
    """A file could not be read: missing, a directory, or not permitted."""


class ExtractionError(DiscrepError, ValueError):
    """An :class:`~discrep.Extraction` given to ``compare()`` cannot be used as it is."""


class ExtractionVersionError(ExtractionError):
    """A stored extraction was made by another discrep version (or extraction format)."""
class ExtraNotInstalledError(DiscrepError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it."""
