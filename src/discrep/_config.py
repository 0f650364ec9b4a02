"""Configuration: one frozen value holding every threshold and switch.

Each pipeline stage has its own section so that a stage's options live together; the
top-level :class:`Config` bundles them. Nothing here is module-level mutable state:
pass a ``Config`` to :func:`discrep.compare` to change behaviour.
"""

from __future__ import annotations

import attrs

from discrep._model import KINDS, Kind

__all__ = ["AlignConfig", "Config", "NamesConfig", "QuantityConfig", "TimeConfig"]


def _kinds(value: object) -> frozenset[Kind]:
    kinds = frozenset(value)  # type: ignore[call-overload]
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown discrepancy kinds {sorted(unknown)}; choose from {KINDS}")
    return kinds  # type: ignore[no-any-return]


@attrs.frozen
class NamesConfig:
    """Options for name extraction, entity linking and the spelling check."""

    #: rapidfuzz ratio (0-100) on folded names above which two surnames are one name.
    link_threshold: float = 88.0
    #: Which mention extractor to use: "rules" (pure Python, the default) or the name of
    #: an optional backend.
    backend: str = "rules"


@attrs.frozen
class QuantityConfig:
    """Options for quantity extraction and the quantity check."""

    #: rapidfuzz score (0-100) above which two "what" phrases count as the same thing.
    what_threshold: float = 80.0
    #: Figures reported on different days may grow: treat that as an update, not a
    #: conflict, when the publication dates differ by at least this many days.
    update_days: int = 1


@attrs.frozen
class TimeConfig:
    """Options for the temporal tagger, events and the date and venue checks."""

    #: Events more than this many days apart are different events.
    event_window_days: int = 2


@attrs.frozen
class AlignConfig:
    """Options for statement alignment."""

    #: Minimum combined score (0-1) for two statements to be aligned.
    min_score: float = 0.5
    #: rapidfuzz token score (0-100) below which no anchor can rescue a pair.
    min_text_score: float = 30.0


@attrs.frozen
class Config:
    """Every threshold and switch of discrep, as one immutable value.

    >>> from discrep import Config
    >>> cfg = Config(checks={"spelling", "quantity"})
    >>> sorted(cfg.checks)
    ['quantity', 'spelling']
    >>> Config(checks={"colour"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown discrepancy kinds ['colour']; choose from (...)
    """

    #: Which discrepancy kinds to look for.
    checks: frozenset[Kind] = attrs.field(default=frozenset(KINDS), converter=_kinds)
    #: Worker processes for per-article extraction (1: in this process).
    workers: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    #: Articles longer than this many characters are refused with ArticleTooLargeError.
    max_chars: int = 20_000_000
    names: NamesConfig = NamesConfig()
    quantities: QuantityConfig = QuantityConfig()
    time: TimeConfig = TimeConfig()
    align: AlignConfig = AlignConfig()
