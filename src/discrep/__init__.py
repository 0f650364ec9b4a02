"""discrep: find where news sources disagree.

Give :func:`compare` several articles about the same events; it extracts names,
quantities, dates and events from each, aligns the same entity under different spellings
and the statements that report the same fact, and reports ``spelling``, ``quantity``,
``date``, ``venue`` and ``role`` discrepancies with quoted evidence.

>>> import discrep
>>> report = discrep.compare(["Kyiv said 5 people died.", "Kiev said 5 people died."])
>>> report.discrepancies[0].reason
'written Kyiv (text0), Kiev (text1)'
"""

import contextlib
import importlib
import types
from typing import TYPE_CHECKING

import discrep._read  # noqa: F401  (installs Article.from_path and Article.from_html)
from discrep._config import (
    AlignConfig,
    ConfidenceConfig,
    Config,
    NamesConfig,
    PlacesConfig,
    QuantityConfig,
    ReadConfig,
    StoryConfig,
    TimeConfig,
)
from discrep._errors import (
    ArticleError,
    ArticleReadError,
    ArticleTooLargeError,
    ConfigError,
    ConfigTypeError,
    DiscrepError,
    ExtractionError,
    ExtractionVersionError,
    ExtraNotInstalledError,
    InputTypeError,
    NoArticlesError,
)
from discrep._model import (
    Alignment,
    Article,
    Claim,
    Discrepancy,
    Entity,
    Extraction,
    Mention,
    Quantity,
    Statement,
    Story,
)
from discrep._report import Report
from discrep._version import __version__

if TYPE_CHECKING:  # loaded on first use below; type checkers see them as plain imports
    from discrep._extract.quantities import quantities
    from discrep._inputs import extract
    from discrep._pipeline import compare
    from discrep._stories import stories

__all__ = [
    "AlignConfig",
    "Alignment",
    "Article",
    "ArticleError",
    "ArticleReadError",
    "ArticleTooLargeError",
    "Claim",
    "ConfidenceConfig",
    "Config",
    "ConfigError",
    "ConfigTypeError",
    "DiscrepError",
    "Discrepancy",
    "Entity",
    "ExtraNotInstalledError",
    "Extraction",
    "ExtractionError",
    "ExtractionVersionError",
    "InputTypeError",
    "Mention",
    "NamesConfig",
    "NoArticlesError",
    "PlacesConfig",
    "Quantity",
    "QuantityConfig",
    "ReadConfig",
    "Report",
    "Statement",
    "Story",
    "StoryConfig",
    "TimeConfig",
    "__version__",
    "compare",
    "extract",
    "quantities",
    "stories",
]

#: The public functions whose modules load on first use (PEP 562): ``import discrep`` does not
#: compile the extractors' patterns nor import nameparser, quantulum3 or the alignment and
#: detection stages; the first ``discrep.compare`` (or ``extract``, ``quantities``,
#: ``stories``) does. The classes above stay eager: they are cheap and must unpickle as is.
_LAZY = types.MappingProxyType({
    "compare": "discrep._pipeline",
    "extract": "discrep._inputs",
    "quantities": "discrep._extract.quantities",
    "stories": "discrep._stories",
})


def _show_as_public(obj: object) -> None:
    """Show the public path in reprs and docs (httpx does the same)."""
    if isinstance(obj, type) or callable(obj):
        with contextlib.suppress(AttributeError, TypeError):  # builtins refuse
            obj.__module__ = "discrep"


def _load(name: str) -> object:
    """Import the module of public function ``name`` and bind the function in this module."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'discrep' has no attribute {name!r}")
    value: object = getattr(importlib.import_module(module), name)
    _show_as_public(value)
    globals()[name] = value  # what ``from module import name`` binds, done once on first use
    return value


def __dir__() -> list[str]:
    """List the module's names, the public functions not loaded yet included."""
    return sorted({*globals(), *_LAZY})


if not TYPE_CHECKING:  # hidden from type checkers, so that a misspelt name stays an error

    def __getattr__(name):
        """Load a public function (compare, extract, quantities, stories) on first use."""
        return _load(name)


for _name in __all__:
    if _name not in _LAZY:
        _show_as_public(globals()[_name])
del _name
