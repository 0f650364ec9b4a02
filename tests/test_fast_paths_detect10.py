"""Session 10 fast paths of the detection stage give what the plain computations give.

Each test keeps the plain form as its oracle: the blocks read once per article for both
the compared blocks and the figures, the dates and places read from a sentence's bounds
(no Sentence made), the verdicts' figures dated only when they have a block, and the
relation given the dates the verdicts' index read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import Article, Config, Quantity
from discrep._detect import Context, dates, quantity, registry, venue
from discrep._detect._occasion import sorted_times
from discrep._extract import extract
from discrep._model import Extraction


def _plain_compared_blocks(exs: tuple[Extraction, ...], qc: object) -> frozenset[str]:
    """The compared blocks as session 9 read them: a block key and a sentence per figure."""
    arts: dict[str, int] = {}
    seen: set[str] = set()
    for i, ex in enumerate(exs):
        for q in quantity._comparable(ex.quantities):
            key = quantity._block_key(q)
            span = ex.span_at(q.start)
            if key is None or span is None:
                continue
            key, _ = quantity._fig_block(ex.article.text, q, key, span, qc)  # type: ignore[arg-type]
            if arts.setdefault(key, i) != i:
                seen.add(key)
    return frozenset(seen)


def _plain_keyed(ex: Extraction, qc: object) -> list[tuple[Quantity, str, str | None, int]]:
    out = []
    for q in quantity._comparable(ex.quantities):
        key = quantity._block_key(q)
        sent = ex.sentence_at(q.start)
        if key is None or sent is None:
            continue
        key, money = quantity._fig_block(
            ex.article.text, q, key, (sent.start, sent.end), qc  # type: ignore[arg-type]
        )
        out.append((q, key, money, ex.sentences.index_at(sent.start)))
    return out


def test_blocks_read_once_are_those_read_per_figure(
    extractions: tuple[Extraction, ...],
) -> None:
    qc = Config().quantities
    keyed = [quantity._keyed(ex, qc) for ex in extractions]
    assert keyed == [_plain_keyed(ex, qc) for ex in extractions]
    compared = quantity._compared(keyed)
    assert compared == _plain_compared_blocks(extractions, qc)
    assert compared  # the control: some blocks are compared
    kept = 0
    for i, ex in enumerate(extractions):
        given = list(quantity._figures(i, ex, {}, qc, compared, keyed[i]))
        read = list(quantity._figures(i, ex, {}, qc, compared))
        assert given == read
        assert [f.sentence for f in given] == [
            (s.start, s.end) for s in (ex.sentence_at(f.q.start) for f in read) if s
        ]
        kept += len(given)
    assert kept > 0


def test_dates_and_places_from_bounds_are_those_from_the_sentence(
    extractions: tuple[Extraction, ...],
) -> None:
    qc = Config().quantities
    seen_dates: set[dt.date | None] = set()
    placed = 0
    for ex in extractions:
        times, starts = sorted_times(ex)
        for q in ex.quantities:
            sent = ex.sentence_at(q.start)
            bounds = quantity._date(ex, q, qc, times, starts)
            assert bounds == quantity._date(ex, q, qc, times, starts, sent=sent)
            assert quantity._date(ex, q, qc) == bounds
            seen_dates.add(bounds)
            places = quantity._places(ex, q, qc)
            if sent is not None:
                assert places == quantity._places(ex, q, qc, sent=sent)
            else:
                assert places == frozenset()
            placed += bool(places)
    assert len(seen_dates) > 2  # the control: figures of several dates
    assert placed > 0  # and some located ones


def _plain_dated(
    ex: Extraction, q: Quantity, config: Config
) -> tuple[Quantity, dt.date, tuple[str, ...]] | None:
    date = quantity._date(ex, q, config.quantities)
    key = quantity._block_key(q)
    keys = ((key,) if key is not None else ()) + (("$",) if quantity._is_money(q) else ())
    return (q, date, keys) if date is not None and keys else None


def test_verdicts_date_the_figures_the_plain_index_dates(
    extractions: tuple[Extraction, ...],
) -> None:
    config = Config()
    skipped = 0
    for ex in extractions:
        times, starts = sorted_times(ex)
        for q in ex.quantities:
            dated = registry._dated(ex, q, config.quantities, times, starts)
            assert dated == _plain_dated(ex, q, config)
            skipped += dated is None
    assert skipped > 0  # the control: some figures have no block or date


def test_relation_given_the_index_dates_is_the_relation(
    extractions: tuple[Extraction, ...],
) -> None:
    """Every pair the verdicts test relates as relation() does, its dates given."""
    config = Config()
    index = [registry._QuantityIndex(ex, config) for ex in extractions]
    spans = [(ix, ix.within(_whole(ex))) for ix, ex in zip(index, extractions, strict=True)]
    relations = []
    for x, (ia, qas) in enumerate(spans):
        for ib, qbs in spans[x + 1 :]:
            for qa, qb, days in registry._maybe_updates(qas, qbs, config):
                ea, eb = ia.extraction, ib.extraction
                assert days == (
                    quantity._date(ea, qa, config.quantities),
                    quantity._date(eb, qb, config.quantities),
                )
                given = quantity._relation(ea, qa, eb, qb, config, dates=days)
                assert given == quantity.relation(ea, qa, eb, qb, config)
                relations.append(given)
    assert len(relations) > 5  # the control: pairs were tested
    assert "update" in relations or "unrelated" in relations


def test_verdicts_on_the_seeds_are_unchanged_by_the_dates_given(
    extractions: tuple[Extraction, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdicts when relation() reads the dates again are those of the dates given."""
    import discrep

    report = discrep.compare(list(extractions))
    context = Context(
        report.extractions, report.entities, (), tuple(report.alignments), Config()
    )
    given = registry.with_verdicts(context, report.discrepancies)
    plain = quantity._relation

    def reread(*args: object, dates: object = None, **kwargs: object) -> object:
        return plain(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quantity, "_relation", reread)
    assert registry.with_verdicts(context, report.discrepancies) == given
    assert any(al.verdict != "agree" for al in given)


def _whole(ex: Extraction) -> object:
    """A statement spanning the whole article (only its source and bounds are read)."""

    class _Span:
        source = ex.article.source
        start = 0
        end = len(ex.article.text)

    return _Span()


def test_figures_of_unscanned_sentences_are_those_of_scanned_ones(
    extractions: tuple[Extraction, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Figures read with the sentences of one figure left unscanned are those of all scanned.

    Nor are an article's shared surnames read before a pronoun needs them: the figures,
    their places and holders are those of every sentence scanned and every article's
    surnames read first.
    """
    qc = Config().quantities

    def read() -> list[tuple[quantity._Fig, object, object, object]]:
        return [
            (f, f.located, f.holder, f.in_sentence.antecedent if f.in_sentence else None)
            for i, ex in enumerate(extractions) for f in quantity._figures(i, ex, {}, qc)
        ]

    unscanned = []
    sentence_facts = quantity._sentence_facts

    def spy(*args: Any, scan: bool = True) -> Any:
        facts = sentence_facts(*args, scan=scan)
        if not scan:
            unscanned.append(args[1])
        return facts

    monkeypatch.setattr(quantity, "_sentence_facts", spy)
    fast = read()
    assert unscanned  # the control: some sentences were not scanned
    starts = {s.start for s in unscanned}
    placed = [f for f, *_ in fast if f.places and f.sentence[0] in starts]
    assert placed  # and some of their figures are located all the same

    def scanned(*args: Any, scan: bool = True) -> Any:
        return sentence_facts(*args, scan=True)

    of = quantity._ArticleFacts.of.__func__  # type: ignore[attr-defined]

    def eager(cls: Any, *args: Any) -> Any:
        facts = of(cls, *args)
        facts.shared()  # read when the article's facts are made
        return facts

    monkeypatch.setattr(quantity, "_sentence_facts", scanned)
    monkeypatch.setattr(quantity._ArticleFacts, "of", classmethod(eager))
    assert read() == fast
    assert any(antecedent is not None for *_, antecedent in fast)


def test_a_sentence_of_one_figure_finds_its_locative_in_its_window() -> None:
    """Its window search is the scan's answer: a word cut by the window, none, one."""
    qc = Config().quantities
    texts = [
        "The ministry said 40 people were killed in Norden on Monday.",
        "The ministry said 40 people were killed, officials said on Monday.",
        "Into the night 40 people were killed" + " ." * 100 + " and more words into it.",
        "Across the region 40 people were killed.",
    ]
    for k, text in enumerate(texts):
        ex = extract(Article(text, f"s{k}"), Config())
        for q in ex.quantities:
            sent = ex.sentence_at(q.start)
            assert sent is not None
            whole = quantity._sentence_facts(ex, sent, _facts(ex), {})
            window = quantity._sentence_facts(ex, sent, _facts(ex), {}, scan=False)
            assert window.locatives is None
            assert quantity._places(ex, q, qc, None, whole.locatives, sent) == (
                quantity._places(ex, q, qc, None, window.locatives, sent)
            )


def _facts(ex: Extraction) -> Any:
    return quantity._ArticleFacts.of(ex, {}, Config().quantities)


def test_shared_surnames_read_when_asked_are_those_read_first(
    extractions: tuple[Extraction, ...],
) -> None:
    text = ("Pierre Thomas and David Thomas played on Sunday. Thomas was injured early. "
            "He had scored 14 points.")
    ex = extract(Article(text, "thomas"), Config())
    facts = _facts(ex)
    assert facts.shared() == frozenset({"thomas"})  # two people named Thomas
    sent = ex.sentence_at(text.index("He had"))
    assert sent is not None
    assert quantity._sentence_facts(ex, sent, facts, {}).antecedent is None  # either of them
    for ex in extractions:
        mentions = sorted(ex.mentions, key=lambda m: m.start)
        assert _facts(ex).shared() == quantity._shared_surnames(mentions)


# The patterns as they were before their fast paths.
_OLD_RUNNING_TOTAL = re.compile(
    r"\b(?:so|thus)\s+far\b|\bto\s+date\b|\bin\s+(?:total|all)\b|\baltogether\b"
    r"|\boverall\b|\bcumulative\b|\bsince\b|\ba\s+total\s+of\b|\b(?:until|up\s+to)\s+now\b",
    re.IGNORECASE,
)
_OLD_PRONOUN = re.compile(r"\b(?:he|she|his|her|him|hers)\b", re.IGNORECASE)

# Pieces re.IGNORECASE treats otherwise than str.lower, and word characters that are no
# letter of the patterns' words (a digit, an underscore, an accented letter).
_PIECES = [" ", "  ", "\u00a0", ",", "-", ".", "\n", "ſ", "K", "ı", "İ", "é", "3", "_", "x"]
_RUNNING_TOTAL_TEXT = st.lists(
    st.sampled_from(
        ["so", "So", "thus", "far", "to", "date", "in", "IN", "total", "all", "altogether",
         "overall", "cumulative", "since", "ſince", "a", "of", "until", "up", "now", "Now",
         "ın", "İn", *_PIECES]
    ),
    max_size=14,
).map("".join)
_PRONOUN_TEXT = st.lists(
    st.sampled_from(["he", "He", "she", "SHE", "his", "her", "him", "hers", "ſhe", "the",
                     "shed", "ahe", *_PIECES]),
    max_size=14,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_RUNNING_TOTAL_TEXT, st.integers(0, 5))
def test_running_total_pattern_finds_what_the_plain_one_finds(text: str, lo: int) -> None:
    new = [m.span() for m in quantity._RUNNING_TOTAL.finditer(text, lo)]
    assert new == [m.span() for m in _OLD_RUNNING_TOTAL.finditer(text, lo)]


@settings(max_examples=600, deadline=None)
@given(_PRONOUN_TEXT, st.integers(0, 5))
def test_pronoun_pattern_finds_what_the_plain_one_finds(text: str, lo: int) -> None:
    new = [m.span() for m in quantity._PRONOUN.finditer(text, lo)]
    assert new == [m.span() for m in _OLD_PRONOUN.finditer(text, lo)]


def test_patterns_on_the_seed_sentences(extractions: tuple[Extraction, ...]) -> None:
    found = {"total": 0, "pronoun": 0}
    for ex in extractions:
        for s in ex.sentences:
            text = s.text
            new = [m.span() for m in quantity._RUNNING_TOTAL.finditer(text)]
            assert new == [m.span() for m in _OLD_RUNNING_TOTAL.finditer(text)]
            found["total"] += len(new)
            new = [m.span() for m in quantity._PRONOUN.finditer(text)]
            assert new == [m.span() for m in _OLD_PRONOUN.finditer(text)]
            found["pronoun"] += len(new)
    assert found["total"] > 0  # the control: both match somewhere
    assert found["pronoun"] > 0


@pytest.mark.parametrize(
    ("text", "total", "pronoun"),
    [
        ("So far 10 people died, he said.", [(0, 6)], [(23, 25)]),
        ("ſince Monday ſhe said", [(0, 5)], [(13, 16)]),  # re.I matches the long s to "s"
        ("xso far, the shed, ahe", [], []),  # the control: inside words
        ("In all, Hers", [(0, 6)], [(8, 12)]),
    ],
)
def test_patterns_on_sentences(
    text: str, total: list[tuple[int, int]], pronoun: list[tuple[int, int]]
) -> None:
    for pattern, spans in ((quantity._RUNNING_TOTAL, total), (_OLD_RUNNING_TOTAL, total),
                           (quantity._PRONOUN, pronoun), (_OLD_PRONOUN, pronoun)):
        assert [m.span() for m in pattern.finditer(text)] == spans


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_day_expressions_from_the_starts_are_those_of_the_bisection(
    extractions: tuple[Extraction, ...], data: st.DataObject
) -> None:
    """``_day_exprs`` given the starts of an article's times finds what the plain one finds."""
    ex = data.draw(st.sampled_from([x for x in extractions if x.times]))
    starts = [t.start for t in ex.times]
    n = len(ex.article.text)
    bound = st.integers(-1, n + 1) | st.sampled_from(starts)  # on a time's start too
    start, end = data.draw(bound), data.draw(bound)
    assert dates._day_exprs(ex, start, end, starts) == dates._day_exprs(ex, start, end)


def test_masked_sentences_from_the_starts_are_those_of_the_bisection(
    extractions: tuple[Extraction, ...],
) -> None:
    named = 0
    for ex in extractions:
        starts = [t.start for t in ex.times]
        for start, end, _junk in ex.sentences.spans():
            given = dates._masked(ex, start, end, starts)
            assert given == dates._masked(ex, start, end)
            named += bool(given[1])
    assert named > 0  # the control: some sentences name a day


def _plain_venue_groups(context: Context) -> dict[tuple[object, str], list[Any]]:
    """The venue groups as session 9 read them: every sentence visited."""
    groups: dict[tuple[object, str], list[Any]] = {}
    for ex in context.extractions:
        by_sentence: dict[int, list[Any]] = {}
        for e in ex.events:
            if e.sentence >= 0:
                by_sentence.setdefault(e.sentence, []).append(e)
        for i, (_, _, junk) in enumerate(ex.sentences.spans()):
            if junk or i not in by_sentence:
                continue
            masked, venues = venue._masked(ex, ex.sentences[i], by_sentence[i])
            if venues and len(masked.split()) >= context.config.time.min_sentence_words:
                groups.setdefault((ex.reference_date, masked), []).append((ex, venues))
    return groups


def test_venue_groups_visiting_the_sentences_of_events_are_those_of_all_sentences(
    extractions: tuple[Extraction, ...],
) -> None:
    copies = tuple(
        extract(Article(ex.article.text, ex.article.source + "-copy"), Config())
        for ex in extractions[:6]
    )  # a copy of an article shares its sentences: groups of two
    junk = tuple(  # and one whose sentences are all junk joins none
        attrs.evolve(
            ex, article=Article(ex.article.text, ex.article.source + "-junk"),
            sentences=tuple(attrs.evolve(s, junk=True) for s in ex.sentences),
        )
        for ex in copies
    )
    context = Context(extractions + copies + junk, (), (), (), Config())
    groups = venue._venue_groups(context)
    assert list(groups.items()) == list(_plain_venue_groups(context).items())
    assert any(len(members) > 1 for members in groups.values())  # the control
