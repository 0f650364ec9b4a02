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
from discrep._extract.quantities import quantities
from discrep._inputs import extract
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
from discrep._pipeline import compare
from discrep._report import Report
from discrep._stories import stories
from discrep._version import __version__

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

# Show the public path in reprs and docs (httpx does the same).
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type) or callable(_obj):
        with contextlib.suppress(AttributeError, TypeError):  # builtins refuse
            _obj.__module__ = "discrep"
del _name, _obj
