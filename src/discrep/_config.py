"""Configuration: one frozen value holding every threshold and switch.

Each pipeline stage has its own section so that a stage's options live together; the
top-level :class:`Config` bundles them. Nothing here is module-level mutable state:
pass a ``Config`` to :func:`discrep.compare` to change behaviour.
"""

from __future__ import annotations

import attrs

from discrep._errors import ConfigError, ConfigTypeError
from discrep._model import KINDS, Kind

__all__ = ["AlignConfig", "Config", "NamesConfig", "QuantityConfig", "TimeConfig"]


def _kinds(value: object) -> frozenset[Kind]:
    """Convert ``Config.checks`` to a frozenset of known kinds, or say what to pass."""
    if isinstance(value, (str, bytes)):
        raise ConfigTypeError(
            f"Config.checks takes a set of kind names, not the string {value!r}: "
            f"pass e.g. checks={{{value!r}}}; the kinds are {', '.join(KINDS)}"
        )
    try:
        kinds = frozenset(value)  # type: ignore[call-overload]
    except TypeError:
        raise ConfigTypeError(
            f"Config.checks takes a set of kind names, not {type(value).__name__}: "
            f"pass e.g. checks={{'spelling', 'quantity'}}; the kinds are {', '.join(KINDS)}"
        ) from None
    unknown = sorted(str(k) for k in kinds - set(KINDS))
    if unknown:
        raise ConfigError(
            f"Config.checks: unknown discrepancy kinds {unknown}; choose from {', '.join(KINDS)}"
        )
    return kinds  # type: ignore[no-any-return]


@attrs.frozen
class NamesConfig:
    """Options for name extraction, entity linking and the spelling check."""

    #: rapidfuzz ratio (0-100) on folded surnames at or above which two surnames that do
    #: not fold identically are still one name. Tuned on the generated romanisation set
    #: (discrep.testing.names): 88-92 merges Tymoshenko with Tymchenko, 95 does not.
    link_threshold: float = 95.0
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
    #: rapidfuzz token_sort_ratio (0-100), numbers masked, above which two sentences state
    #: the same fact so that their figures can conflict; aligned statements need only
    #: ``aligned_context_threshold``.
    context_threshold: float = 70.0
    aligned_context_threshold: float = 65.0
    #: Added to those thresholds when either figure has no date (article or sentence).
    undated_margin: float = 15.0
    #: The same score on the five words either side of the two figures must reach this.
    window_threshold: float = 40.0
    #: Figures further apart than this factor are taken to count different things (a
    #: game's points and a career's), not to contradict each other.
    max_ratio: float = 20.0
    #: Within a pair of articles, each figure is compared with at most this many figures
    #: of the other article (those sharing the most words around them), so a block of
    #: thousands of figures costs linear work.
    max_candidates: int = 64
    #: A fixed fact (a weight, a calibre, a duration) reported more than this many days
    #: apart may have changed: a difference is then an update, not a conflict.
    fixed_days: int = 60


@attrs.frozen
class TimeConfig:
    """Options for the temporal tagger, events and the date and venue checks."""

    #: Events more than this many days apart are different events.
    event_window_days: int = 2


@attrs.frozen
class AlignConfig:
    """Options for statement alignment (docs/alignment.md explains each)."""

    #: Minimum combined score for two statements to be aligned.
    min_score: float = 0.48
    #: A kept pair scores at least this fraction of the best score either statement
    #: reaches in the other's article.
    best_ratio: float = 0.7
    #: A statement joins a group seeded by kept pairs when it reaches this score with every
    #: member (a lower bar than ``min_score``; equal to it turns joining off).
    join_score: float = 0.36
    #: Statements (sentences or clauses) need at least this many content words.
    min_tokens: int = 3
    #: Only a statement's first ``max_tokens`` content words are compared.
    max_tokens: int = 100
    #: Words (and entities) in more statements than this are not index keys; a pair must
    #: share at least one key to be compared at all.
    max_postings: int = 40
    #: Word weight is log(1 + df_scale / document frequency).
    df_scale: float = 10.0
    #: Linked entities (names) weigh this many times a word of the same frequency.
    entity_weight: float = 1.5
    #: Titles and roles ("minister", "spokesman") weigh this many times a word.
    title_weight: float = 0.3
    #: Share of cosine (vs absolute evidence, 1 - exp(-shared weight / evidence_scale))
    #: in the text score.
    cosine_share: float = 0.3
    evidence_scale: float = 4.5
    #: Bonus for a shared run of three or more consecutive content words, reached in
    #: full when the run weighs ``run_full``.
    run_bonus: float = 0.3
    run_full: float = 8.0
    #: rapidfuzz ratio (0-100) above which two long words count as one spelling.
    fuzzy_word: float = 88.0
    #: Statements whose shared words all sit in their first ``opening`` content words
    #: ("The United Nations said ...") are not aligned.
    opening: int = 3
    #: Resolved dates within this many days agree.
    date_window_days: int = 0
    date_bonus: float = 0.15
    #: Factor applied when both statements carry resolved dates and none agree.
    date_conflict: float = 0.25
    event_bonus: float = 0.15
    #: Factor applied when the statements hold different events of one type.
    event_conflict: float = 0.6
    quantity_bonus: float = 0.3
    #: Figures within this relative difference are the same figure.
    quantity_tolerance: float = 0.01
    #: rapidfuzz token_set_ratio (0-100) above which two quantities count the same thing.
    what_threshold: float = 60.0
    #: Factor for different figures from articles more than ``max_update_days`` apart.
    quantity_conflict: float = 0.4
    max_update_days: int = 3
    #: Factor for statements from articles whose dates lie more than ``max_days_apart``
    #: days apart.
    max_days_apart: int = 7
    days_apart_factor: float = 0.8
    #: How many shared words a "words:" anchor lists.
    max_anchor_words: int = 4


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
    discrep.ConfigError: Config.checks: unknown discrepancy kinds ['colour']; choose from ...
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
