"""Configuration: one frozen value holding every threshold and switch.

Each pipeline stage has its own section so that a stage's options live together; the
top-level :class:`Config` bundles them, and :class:`ConfidenceConfig` holds how sure each
kind of finding is. Every setting is checked when the value is built: a setting of the
wrong type raises :class:`~discrep.ConfigTypeError`, one out of its range
:class:`~discrep.ConfigError`, and the message names the field and the allowed range.
Nothing here is module-level mutable state: pass a ``Config`` to :func:`discrep.compare`
to change behaviour.

>>> from discrep import AlignConfig
>>> AlignConfig(min_score="x")
Traceback (most recent call last):
...
discrep.ConfigTypeError: AlignConfig.min_score takes a number from 0 to 10, not 'x' (str)
>>> AlignConfig(best_ratio=1.5)
Traceback (most recent call last):
...
discrep.ConfigError: AlignConfig.best_ratio = 1.5 is out of range: allowed 0 to 1
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from discrep._errors import ConfigError, ConfigTypeError
from discrep._gazetteer import DEFAULT_RULES
from discrep._model import KINDS, Kind

__all__ = [
    "NAMES_BACKENDS",
    "AlignConfig",
    "ConfidenceConfig",
    "Config",
    "NamesConfig",
    "PlacesConfig",
    "QuantityConfig",
    "ReadConfig",
    "StoryConfig",
    "TimeConfig",
]

#: The mention extractors ``NamesConfig.backend`` may name.
NAMES_BACKENDS = ("rules",)


def _fmt(bound: float) -> str:
    return f"{bound:,}" if isinstance(bound, int) and abs(bound) >= 10_000 else f"{bound:g}"


@attrs.frozen
class _Range:
    """An attrs validator: a number (an integer if ``integer``) in ``[lo, hi]``."""

    lo: float
    hi: float = math.inf
    integer: bool = False

    def _allowed(self) -> str:
        what = "an integer" if self.integer else "a number"
        if self.hi == math.inf:
            return f"{what} of at least {_fmt(self.lo)}"
        return f"{what} from {_fmt(self.lo)} to {_fmt(self.hi)}"

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        name = f"{type(inst).__name__}.{attribute.name}"
        kinds = (int,) if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise ConfigTypeError(
                f"{name} takes {self._allowed()}, not {value!r} ({type(value).__name__})"
            )
        if not self.lo <= value <= self.hi:  # NaN fails both comparisons
            allowed = (
                f"at least {_fmt(self.lo)}" if self.hi == math.inf
                else f"{_fmt(self.lo)} to {_fmt(self.hi)}"
            )  # fmt: skip
            raise ConfigError(f"{name} = {value!r} is out of range: allowed {allowed}")


@attrs.frozen
class _OneOf:
    """An attrs validator: one of ``choices``."""

    choices: tuple[str, ...]

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in self.choices:
            raise ConfigError(
                f"{type(inst).__name__}.{attribute.name} = {value!r} is not one of "
                f"{', '.join(map(repr, self.choices))}"
            )


@attrs.frozen
class _Section:
    """An attrs validator: a nested section of the right class."""

    cls: type

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, self.cls):
            raise ConfigTypeError(
                f"{type(inst).__name__}.{attribute.name} takes a discrep.{self.cls.__name__}, "
                f"not {type(value).__name__}: pass e.g. {self.cls.__name__}()"
            )


# The ranges settings use. A rapidfuzz score is 0-100; a share or factor 0-1.
_SCORE = _Range(0, 100)
_SHARE = _Range(0, 1)
_POSITIVE = _Range(0)
_COUNT = _Range(0, integer=True)
_AT_LEAST_ONE = _Range(1, integer=True)
_DAYS = _Range(0, 36_600, integer=True)


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
class ReadConfig:
    """Options for reading articles: metadata, page junk, sentences, binary data, language.

    The character and line bounds keep reading linear in the length of the article (only
    a bounded head or line is ever scanned) and are not tuning knobs in normal use; the
    shares below them decide what is binary data and what is English.

    >>> ReadConfig(head_lines=0)
    Traceback (most recent call last):
    ...
    discrep.ConfigError: ReadConfig.head_lines = 0 is out of range: allowed at least 1
    """

    #: A date tag, dateline, URL or title is looked for in the article's first
    #: ``head_chars`` characters and ``head_lines`` lines only.
    head_chars: int = attrs.field(default=3000, validator=_AT_LEAST_ONE)
    head_lines: int = attrs.field(default=15, validator=_AT_LEAST_ONE)
    #: A line or sentence longer than this many characters is never page junk
    #: (navigation, "Advertisement", cookie notices are short).
    junk_max_chars: int = attrs.field(default=400, validator=_AT_LEAST_ONE)
    #: A "sentence" longer than this many characters (a page without punctuation) is cut
    #: at spaces into pieces of at most this length.
    max_sentence_chars: int = attrs.field(default=3000, validator=_Range(2, integer=True))
    #: A line break inside a sentence (hard-wrapped prose) is read through when the line
    #: has at least this many characters and ``wrapped_line_words`` words, ends without a
    #: full stop and the next line starts lower-case; shorter lines are headlines or labels.
    wrapped_line_chars: int = attrs.field(default=40, validator=_COUNT)
    wrapped_line_words: int = attrs.field(default=4, validator=_AT_LEAST_ONE)
    #: In the head, a line of at least ``body_min_words`` words ending in a full stop is
    #: prose: the title and dateline are behind it.
    body_min_words: int = attrs.field(default=15, validator=_AT_LEAST_ONE)
    #: A head line is a title candidate with 2 to ``title_max_words`` words and at most
    #: ``title_max_chars`` characters; the first of ``title_min_words`` words or more wins.
    title_max_words: int = attrs.field(default=30, validator=_AT_LEAST_ONE)
    title_max_chars: int = attrs.field(default=200, validator=_AT_LEAST_ONE)
    title_min_words: int = attrs.field(default=4, validator=_AT_LEAST_ONE)
    #: A line of at most this many characters holding only a date or time stamp
    #: ("Updated 4:08 p.m. ET") is a dateline: it gives the date and is page furniture.
    dateline_max_chars: int = attrs.field(default=120, validator=_AT_LEAST_ONE)
    #: A file whose first 8,192 bytes are more than this share control characters is
    #: binary data (refused unless it decodes as UTF-16 or UTF-32); a text whose first
    #: 20,000 characters are is read with a warning asking whether it is binary.
    binary_share: float = attrs.field(default=0.10, validator=_SHARE)
    #: A text is English when at least this share of its words are common English words
    #: ("the", "of", "said"; English news prose has 25-40%, measured on the seed and ECB+
    #: articles) and half its words are in Latin letters; otherwise py3langid decides.
    english_share: float = attrs.field(default=0.12, validator=_SHARE)
    #: A text of fewer words than this is too short to tell its language (None).
    language_min_words: int = attrs.field(default=20, validator=_AT_LEAST_ONE)


@attrs.frozen
class NamesConfig:
    """Options for name extraction, entity linking and the spelling check.

    >>> NamesConfig(backend="spacy")
    Traceback (most recent call last):
    ...
    discrep.ConfigError: NamesConfig.backend = 'spacy' is not one of 'rules'
    """

    #: rapidfuzz ratio (0-100) on folded surnames at or above which two surnames that do
    #: not fold identically are still one name. Tuned on the generated romanisation set
    #: (discrep.testing.names): 88-92 merges Tymoshenko with Tymchenko, 95 does not.
    link_threshold: float = attrs.field(default=95.0, validator=_SCORE)
    #: Which mention extractor to use: "rules" (pure Python, the default) or the name of
    #: an optional backend (``NAMES_BACKENDS`` lists them).
    backend: str = attrs.field(default="rules", validator=_OneOf(NAMES_BACKENDS))
    #: rapidfuzz ratio (0-100), folded, that each differing part of two written forms of
    #: one linked name must reach for the pair to be reported as a spelling variant
    #: (below it the forms are different names that linking joined, not spellings).
    spelling_ratio: float = attrs.field(default=60.0, validator=_SCORE)
    #: rapidfuzz ratio (0-100), folded, at or above which two given names are spellings of
    #: one name (Brian/Bryant), not a nickname of it: linking joins two people whose
    #: given names are spellings, cognates or nicknames of one another.
    given_spelling_ratio: float = attrs.field(default=85.0, validator=_SCORE)
    #: A linking block (names alike once folded) holding more distinct names than this is
    #: not selective and pairs nothing: the cap that keeps linking near-linear.
    max_block: int = attrs.field(default=200, validator=_AT_LEAST_ONE)
    #: A city of at least this many people is a well-known place: the names extractor
    #: reads it as a place even opening a sentence (a run of words that each name a
    #: smaller city is read as a person's name), and entity linking never joins it to a
    #: person as their given name.
    large_city_population: int = attrs.field(default=100_000, validator=_COUNT)


@attrs.frozen(cache_hash=True)
class PlacesConfig:
    """How place names are resolved in the gazetteer (``discrep._gazetteer``).

    Extraction passes this section to every place lookup; lookups are cached keyed on
    the name and this value, so two Configs never share a wrong answer. Its hash is
    computed once (``cache_hash``): each cached lookup hashes it, about 100,000 times
    per compare of the ECB+ corpus.

    >>> PlacesConfig(close_reading=101)
    Traceback (most recent call last):
    ...
    discrep.ConfigError: PlacesConfig.close_reading = 101 is out of range: allowed 0 to 100
    """

    #: A name that only *folds* like a place's own name (romanisation aside) is that
    #: place when the rapidfuzz ratio to the name, as written or folded, reaches this...
    close_reading: float = attrs.field(default=DEFAULT_RULES.close_reading, validator=_SCORE)
    #: ... and the ratio as written reaches ``written_floor`` ("Tanya" folds like Thane
    #: but is not written like it).
    written_floor: float = attrs.field(default=DEFAULT_RULES.written_floor, validator=_SCORE)
    #: Or when it is written at least this close to the alternate name it folds like
    #: ("Nikolayev" to Mykolaiv's "Nikolaev"), for a place of ``alternate_min_population``.
    close_alternate: float = attrs.field(
        default=DEFAULT_RULES.close_alternate, validator=_SCORE
    )
    alternate_min_population: int = attrs.field(
        default=DEFAULT_RULES.alternate_min_population, validator=_COUNT
    )
    #: A place below ``small_place`` people matched only by an alternate name gives way
    #: to a place ``alternate_yields`` times more populous that a reading of the name
    #: reaches (a town's alternate name that is also a capital's romanisation).
    alternate_yields: int = attrs.field(
        default=DEFAULT_RULES.alternate_yields, validator=_AT_LEAST_ONE
    )
    small_place: int = attrs.field(default=DEFAULT_RULES.small_place, validator=_COUNT)
    #: A demonym or place adjective ("Kyivites") names a city of at least this population
    #: (countries and regions at any population).
    demonym_city_population: int = attrs.field(
        default=DEFAULT_RULES.demonym_city_population, validator=_COUNT
    )
    #: An undotted two-letter code ("US"; "TV" and "IT" are other things) names a
    #: country of at least this population.
    country_code_population: int = attrs.field(
        default=DEFAULT_RULES.country_code_population, validator=_COUNT
    )
    #: The names extractor takes a city below this population for a place only when it
    #: is written exactly so (smaller towns' names are mostly people's and firms' names).
    name_city_population: int = attrs.field(default=15_000, validator=_COUNT)
    #: A word of places joined by hyphens in wire copy ("Moldova-Chisinau") is split into
    #: its places only when each is a country, a region or a city of at least this many
    #: people (a small town's name is more often half of a double-barrelled name).
    split_city_population: int = attrs.field(default=100_000, validator=_COUNT)
    #: A one-word given name ("Alice", "Regina") is read as a city only when the city has
    #: at least this many people and the word is its own or an alternate name, or a place
    #: cue ("the town of", "near", "in") precedes it; else it names a person.
    given_name_city_population: int = attrs.field(default=300_000, validator=_COUNT)
    #: The same for a word in capitals ("TRIAL", "DATE" in a shouted headline): a city of
    #: at least this many people, named exactly so, or after a place cue.
    capitals_city_population: int = attrs.field(default=100_000, validator=_COUNT)


@attrs.frozen
class QuantityConfig:
    """Options for quantity extraction and the quantity check."""

    #: rapidfuzz token_set_ratio (0-100) on the counted noun phrases ("Russian soldiers",
    #: "soldiers") at or above which two figures count the same thing (was
    #: ``what_threshold``).
    counted_ratio: float = attrs.field(default=80.0, validator=_SCORE)
    #: Figures reported on different days may grow: treat that as an update, not a
    #: conflict, when the publication dates differ by at least this many days.
    update_days: int = attrs.field(default=1, validator=_DAYS)
    #: Figures further apart than this factor are taken to count different things (a
    #: game's points and a career's), not to contradict each other.
    max_ratio: float = attrs.field(default=20.0, validator=_Range(1))
    #: Figures (in one unit) further apart than this factor state one fact only with strong
    #: evidence: one measure noun ("damage") or calibre, or one person, organisation or
    #: subject linked across the sources; a shared place or a shared word is not enough
    #: ("EUR 2m" and "85 million euros" stolen in one city are two robberies).
    far_ratio: float = attrs.field(default=10.0, validator=_Range(1))
    #: Within a pair of articles, each figure is compared with at most this many figures
    #: of the other article (those sharing the most words around them), so a block of
    #: thousands of figures costs linear work.
    max_candidates: int = attrs.field(default=64, validator=_AT_LEAST_ONE)
    #: A word (or anchor, place, subject) around the figures of more articles than this,
    #: in one block, is not selective: it draws no pair of articles to compare by itself,
    #: so the pairs drawn grow linearly with the articles (at most 81 articles share one
    #: on the 840 ECB+ articles, whose report is the same with any cap from there on).
    max_postings: int = attrs.field(default=128, validator=_AT_LEAST_ONE)
    #: A fixed fact (a weight, a calibre, a duration) reported more than this many days
    #: apart may have changed: a difference is then an update, not a conflict.
    fixed_days: int = attrs.field(default=60, validator=_DAYS)
    #: The words around a figure (what it counts, its verb, its subject) are read within
    #: this many characters of it in its sentence; the places it stands in within twice
    #: as many, and the date it refers to within four times as many.
    window_chars: int = attrs.field(default=90, validator=_AT_LEAST_ONE)
    #: ... and at most this many words on either side of it.
    window_words: int = attrs.field(default=8, validator=_AT_LEAST_ONE)
    #: Sums in two currencies conflict only when they differ by more than this factor
    #: after conversion at rough rates (exchange rates move).
    fx_slack: float = attrs.field(default=1.6, validator=_Range(1))


@attrs.frozen
class TimeConfig:
    """Options for the temporal tagger, events and the date and venue checks."""

    #: Events more than this many days apart are different events.
    event_window_days: int = attrs.field(default=2, validator=_DAYS)
    #: A year the text does not write is trusted for the weekday check only this many days
    #: either side of the reference date.
    year_trust_days: int = attrs.field(default=120, validator=_DAYS)
    #: A reference date taken from the latest date in the article (no published date, no
    #: dateline) is only a lower bound: trusted for the weekday check this many days.
    lower_bound_trust_days: int = attrs.field(default=31, validator=_DAYS)
    #: Two sources repeating one sentence but for its date (or venue) are compared only
    #: when the masked sentence keeps at least this many words.
    min_sentence_words: int = attrs.field(default=6, validator=_COUNT)
    #: A weekday is read forward ("talks will resume on Monday": the coming Monday) when a
    #: cue such as "will" or "scheduled for" stands in its clause within this many
    #: characters before it.
    forward_cue_chars: int = attrs.field(default=60, validator=_COUNT)
    #: The weekday or date saying which day "the Nth day of X" is, is looked for within
    #: this many characters either side of it in its sentence (which keeps a sentence of
    #: thousands of dates linear).
    ordinal_day_chars: int = attrs.field(default=300, validator=_COUNT)
    #: Venue check: two bearings from one place at least this many degrees apart ("west
    #: of Aden", "east of Aden") cannot both be right.
    opposed_bearing_degrees: int = attrs.field(default=90, validator=_Range(0, 180, integer=True))
    #: Venue check: two distances within this share of the larger are one distance
    #: ("150 nautical miles", "278 km").
    same_distance_share: float = attrs.field(default=0.1, validator=_SHARE)
    #: A date told in the past with no year written ("was last seen Oct. 9") may lie at
    #: most this many days after the reference date (a late-night story dated the next
    #: day, a weekly's cover date); further ahead it is read as last year's.
    past_ahead_days: int = attrs.field(default=31, validator=_DAYS)
    #: A quotation is an utterance two sources can repeat (an event of type "quote", to
    #: compare their dates) only when it holds at least this many words.
    min_quote_words: int = attrs.field(default=6, validator=_AT_LEAST_ONE)
    #: Two sources' clock times of one event, both put in UTC, are one time when they lie
    #: at most this many minutes apart ("about 2045 GMT" and "20:49 GMT": an alarm raised
    #: minutes after a fire broke out).
    clock_tolerance_minutes: int = attrs.field(default=30, validator=_Range(0, 720, integer=True))


@attrs.frozen
class AlignConfig:
    """Options for statement alignment (docs/alignment.md explains each)."""

    #: Minimum combined score for two statements to be aligned.
    min_score: float = attrs.field(default=0.48, validator=_Range(0, 10))
    #: A kept pair scores at least this fraction of the best score either statement
    #: reaches in the other's article.
    best_ratio: float = attrs.field(default=0.7, validator=_SHARE)
    #: A statement joins a group seeded by kept pairs when it reaches this score with every
    #: member (a lower bar than ``min_score``; equal to it turns joining off).
    join_score: float = attrs.field(default=0.36, validator=_Range(0, 10))
    #: Statements (sentences or clauses) need at least this many content words.
    min_tokens: int = attrs.field(default=3, validator=_AT_LEAST_ONE)
    #: Only a statement's first ``max_tokens`` content words are compared.
    max_tokens: int = attrs.field(default=100, validator=_AT_LEAST_ONE)
    #: Words (and entities) in more statements than this are not index keys; a pair must
    #: share at least one key to be compared at all.
    max_postings: int = attrs.field(default=40, validator=_AT_LEAST_ONE)
    #: A pair must share at least this many keys (selective words, resolved dates,
    #: significant figures; a shared event counts as two) to be compared at all: 92% of
    #: the pairs sharing one word never aligned, and scoring them was most of the time.
    min_shared_keys: int = attrs.field(default=2, validator=_AT_LEAST_ONE)
    #: Each statement is compared with at most this many others, those sharing the most
    #: keys: a run-on list of figures shares a few figures with every other list, and
    #: comparing all of them was quadratic (issue 16). The ECB+ report is the same with 24.
    max_partners: int = attrs.field(default=24, validator=_AT_LEAST_ONE)
    #: Word weight is log(1 + df_scale / document frequency).
    df_scale: float = attrs.field(default=10.0, validator=_POSITIVE)
    #: Linked entities (names) weigh this many times a word of the same frequency.
    entity_weight: float = attrs.field(default=1.5, validator=_POSITIVE)
    #: Titles and roles ("minister", "spokesman") weigh this many times a word.
    title_weight: float = attrs.field(default=0.3, validator=_POSITIVE)
    #: Share of cosine (vs absolute evidence, 1 - exp(-shared weight / evidence_scale))
    #: in the text score.
    cosine_share: float = attrs.field(default=0.3, validator=_SHARE)
    evidence_scale: float = attrs.field(default=4.5, validator=_Range(1e-9))
    #: Bonus for a shared run of three or more consecutive content words, reached in
    #: full when the run weighs ``run_full``.
    run_bonus: float = attrs.field(default=0.3, validator=_POSITIVE)
    run_full: float = attrs.field(default=8.0, validator=_Range(1e-9))
    #: rapidfuzz ratio (0-100) above which two long words count as one spelling.
    fuzzy_word: float = attrs.field(default=88.0, validator=_SCORE)
    #: Statements whose shared words all sit in their first ``opening`` content words
    #: ("The United Nations said ...") are not aligned.
    opening: int = attrs.field(default=3, validator=_COUNT)
    #: Resolved dates within this many days agree.
    date_window_days: int = attrs.field(default=0, validator=_DAYS)
    date_bonus: float = attrs.field(default=0.15, validator=_POSITIVE)
    #: Factor applied when both statements carry resolved dates and none agree.
    date_conflict: float = attrs.field(default=0.25, validator=_SHARE)
    event_bonus: float = attrs.field(default=0.15, validator=_POSITIVE)
    #: Factor applied when the statements hold different events of one type.
    event_conflict: float = attrs.field(default=0.6, validator=_SHARE)
    quantity_bonus: float = attrs.field(default=0.3, validator=_POSITIVE)
    #: A figure without a unit anchors two statements only from this value up: small bare
    #: counts ("two sides", "three people") and vague ones ("hundreds") anchor nothing.
    min_bare_count: float = attrs.field(default=10.0, validator=_POSITIVE)
    #: Figures within this relative difference are the same figure.
    quantity_tolerance: float = attrs.field(default=0.01, validator=_SHARE)
    #: rapidfuzz token_set_ratio (0-100) on what two figures count at or above which they
    #: anchor two statements as one quantity (was ``what_threshold``).
    quantity_what_ratio: float = attrs.field(default=60.0, validator=_SCORE)
    #: Factor for different figures from articles more than ``max_update_days`` apart.
    quantity_conflict: float = attrs.field(default=0.4, validator=_SHARE)
    max_update_days: int = attrs.field(default=3, validator=_DAYS)
    #: Factor for statements from articles whose dates lie more than ``max_days_apart``
    #: days apart.
    max_days_apart: int = attrs.field(default=7, validator=_DAYS)
    days_apart_factor: float = attrs.field(default=0.8, validator=_SHARE)
    #: How many shared words a "words:" anchor lists.
    max_anchor_words: int = attrs.field(default=4, validator=_COUNT)


@attrs.frozen
class ConfidenceConfig:
    """How sure each kind of finding is, in [0, 1] (reported as ``Discrepancy.confidence``).

    Set by hand from how often each kind of finding was right on the seed and development
    sets; a finding that rests on inferred information (a year the text does not write, a
    figure without a date) is given less.
    """

    #: A person's name spelt two ways (the name is the same person's: linking said so).
    spelling_person: float = attrs.field(default=0.9, validator=_SHARE)
    #: A place or organisation spelt two ways.
    spelling_other: float = attrs.field(default=0.8, validator=_SHARE)
    #: Two figures for one fact, both dated (article or sentence).
    quantity_dated: float = attrs.field(default=0.9, validator=_SHARE)
    #: Two figures for one fact, either undated.
    quantity_undated: float = attrs.field(default=0.7, validator=_SHARE)
    #: A weekday that is not the weekday of the date written beside it.
    weekday_date: float = attrs.field(default=0.95, validator=_SHARE)
    #: The same, when the year had to be inferred from the reference date.
    weekday_date_inferred_year: float = attrs.field(default=0.85, validator=_SHARE)
    #: Two "Nth day of X" statements implying different starts of X.
    ordinal_start: float = attrs.field(default=0.8, validator=_SHARE)
    #: One event (matched across sources) given different days.
    event_date: float = attrs.field(default=0.75, validator=_SHARE)
    #: One sentence repeated by two sources with different dates.
    repeated_sentence_date: float = attrs.field(default=0.7, validator=_SHARE)
    #: One once-only event (a death, a sinking), a sale by its price or a quoted sentence,
    #: identified across sources, given different dates.
    identified_date: float = attrs.field(default=0.7, validator=_SHARE)
    #: One moment-like event (a death, a quake, a crash) given clock times that lie hours
    #: apart once both are put in UTC.
    clock_time: float = attrs.field(default=0.7, validator=_SHARE)
    #: One distance from one place given opposed bearings.
    bearing: float = attrs.field(default=0.7, validator=_SHARE)
    #: One street given different block numbers (a block number may be written coarsely).
    street_block: float = attrs.field(default=0.6, validator=_SHARE)
    #: One event or repeated sentence with different venues.
    venue: float = attrs.field(default=0.7, validator=_SHARE)
    #: One person with two incompatible roles.
    role: float = attrs.field(default=0.7, validator=_SHARE)


@attrs.frozen
class StoryConfig:
    """Options for story grouping (:func:`discrep.stories`, ``compare(by_story=True)``).

    Tuned on the ECB+ corpus's story labels (benchmarks/bench_stories.py).
    """

    #: Cosine (TF-IDF) with a story's centroid at or above which an article joins it.
    join: float = attrs.field(default=0.2, validator=_SHARE)
    #: Cosine with the most similar earlier article at or above which an article joins
    #: that article's story (when its cosine with the story's centroid reaches
    #: ``link_floor``): news stories are chains of close reports more than balls.
    link: float = attrs.field(default=0.3, validator=_SHARE)
    link_floor: float = attrs.field(default=0.1, validator=_SHARE)
    #: Earlier articles are found through each article's ``key_terms`` heaviest terms;
    #: a term leads at most ``max_postings`` articles (beyond that it is not selective).
    key_terms: int = attrs.field(default=20, validator=_AT_LEAST_ONE)
    max_postings: int = attrs.field(default=200, validator=_AT_LEAST_ONE)
    #: A story of at most ``refine_max`` articles is cut in two when the mean cosine
    #: across the cut (IDF taken within the story) is below ``split`` times the mean
    #: within its weaker half: two stories of one kind bridged by a few close reports.
    split: float = attrs.field(default=0.4, validator=_SHARE)
    #: A weaker cut (across below ``split_weak`` times within) stands only when both
    #: halves hold at least ``split_weak_min`` articles (two stories each reported
    #: several times, not a few reports taking another angle on one story).
    split_weak: float = attrs.field(default=0.65, validator=_SHARE)
    split_weak_min: int = attrs.field(default=8, validator=_AT_LEAST_ONE)
    #: A story of at most ``adopt_max`` articles joins the larger story whose centroid it
    #: is most like when the cosine reaches ``adopt`` and its dated articles are within
    #: ``window_days`` of the story's span (an article alone is compared with nothing)...
    adopt: float = attrs.field(default=0.1, validator=_Range(0, 2))
    adopt_max: int = attrs.field(default=2, validator=_AT_LEAST_ONE)
    #: ... or, however far in time, when it names at least ``bridge_names`` of the larger
    #: story's own full names (two capitalised words in a row, such as a person's first
    #: and last name, in half the story's articles and rare elsewhere): a trial or a
    #: sentence months after the event is still its story.
    bridge_names: int = attrs.field(default=2, validator=_AT_LEAST_ONE)
    refine_max: int = attrs.field(default=150, validator=_AT_LEAST_ONE)
    #: A story whose articles' times (publication year, or for an undated article the
    #: latest year its text ties an event to) leave a gap of at least ``era_gap_years``
    #: is cut there when each side holds ``era_min`` articles, one side ``era_min``
    #: dated ones, and the words agree (across below ``split_weak`` times within): two
    #: events of one kind years apart, one of them reported without datelines.
    era_gap_years: int = attrs.field(default=3, validator=_AT_LEAST_ONE)
    era_min: int = attrs.field(default=3, validator=_AT_LEAST_ONE)
    #: Cosine between two stories' centroids at or above which they are merged.
    merge: float = attrs.field(default=0.3, validator=_Range(0, 2))
    #: Articles published more than this many days after a story's latest article start a
    #: new story (undated articles may join any story).
    window_days: int = attrs.field(default=7, validator=_DAYS)
    #: IDF is log((n + idf_prior) / (df + 1)): over a handful of articles the words they
    #: all share still count (IDF from a few articles says little).
    idf_prior: float = attrs.field(default=10.0, validator=_Range(1))
    #: Words written as names weigh this many times a common word.
    name_weight: float = attrs.field(default=2.0, validator=_POSITIVE)
    #: Words among an article's first ``lead_words`` distinct content words (headline and
    #: lead) weigh ``lead_weight`` times more.
    lead_words: int = attrs.field(default=40, validator=_COUNT)
    lead_weight: float = attrs.field(default=1.5, validator=_POSITIVE)
    #: Jaccard overlap of word 5-shingles at or above which an article is a wire copy.
    copy_jaccard: float = attrs.field(default=0.8, validator=_SHARE)


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
    >>> Config(workers=0)
    Traceback (most recent call last):
    ...
    discrep.ConfigError: Config.workers = 0 is out of range: allowed at least 1
    """

    #: Which discrepancy kinds to look for.
    checks: frozenset[Kind] = attrs.field(default=frozenset(KINDS), converter=_kinds)
    #: Worker processes for per-article extraction (1: in this process).
    workers: int = attrs.field(default=1, validator=_AT_LEAST_ONE)
    #: Articles longer than this many characters are refused with ArticleTooLargeError.
    max_chars: int = attrs.field(default=20_000_000, validator=_AT_LEAST_ONE)
    read: ReadConfig = attrs.field(default=ReadConfig(), validator=_Section(ReadConfig))
    names: NamesConfig = attrs.field(default=NamesConfig(), validator=_Section(NamesConfig))
    places: PlacesConfig = attrs.field(default=PlacesConfig(), validator=_Section(PlacesConfig))
    quantities: QuantityConfig = attrs.field(
        default=QuantityConfig(), validator=_Section(QuantityConfig)
    )
    time: TimeConfig = attrs.field(default=TimeConfig(), validator=_Section(TimeConfig))
    align: AlignConfig = attrs.field(default=AlignConfig(), validator=_Section(AlignConfig))
    stories: StoryConfig = attrs.field(default=StoryConfig(), validator=_Section(StoryConfig))
    confidence: ConfidenceConfig = attrs.field(
        default=ConfidenceConfig(), validator=_Section(ConfidenceConfig)
    )
