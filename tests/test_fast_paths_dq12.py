"""Session 12 (dq12) fast paths of the detection stage give what the plain forms give.

Each test keeps the plain form as its oracle, copied here from 224dcf3: the ranking of
the candidate pairs of two articles (a lone candidate is now tested without it), the
evidence of a pair with its kind tests in their own function, the venue groups of every
sentence holding an event (now only of those with a venue), the day groups of every
sentence (now only of those where a time starts), the articles by source read through
the context for each claim, the search for street blocks in every sentence of an
article holding "block", the search for a birth name before every mention, and the
nationalities of a figure's clause.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import align_events, align_statements, link_entities
from discrep._detect import (
    Context,
    _holder,
    claim,
    dates,
    masked_sentence,
    quantity,
    spelling,
    venue,
)
from discrep._extract import extract
from discrep._lexicon import SINGULAR_EVENT_TYPES
from discrep._model import Discrepancy, Extraction, Quantity

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"

# --- the plain forms (224dcf3) --------------------------------------------------------------


def _plain_one_to_one(
    candidates: Iterable[tuple[Any, Any]], config: Config
) -> Iterator[tuple[Any, Any]]:
    scored = []
    for a, b in candidates:
        if a.group != b.group and a.group is not None and b.group is not None:
            continue
        score = _plain_evidence(a, b, config)
        if score is not None:
            scored.append((-score, a.q.start, b.q.start, a, b))
    scored.sort(key=operator.itemgetter(0, 1, 2))
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _s, sa, sb, a, b in scored:
        if sa in used_a or sb in used_b or not quantity._held_alike(a, b):
            continue
        used_a.add(sa)
        used_b.add(sb)
        yield a, b


def _plain_same_kind(a: Any, b: Any) -> bool:
    if a.total != b.total or a.relation != b.relation:
        return False
    if (a.model or b.model) and not a.model & b.model:
        return False
    if a.subject is not None and b.subject is not None and a.subject != b.subject:
        return False
    return not (a.places and b.places and not quantity._places_meet(a.places, b.places))


def _plain_evidence(a: Any, b: Any, config: Config) -> float | None:
    q = quantity
    if not (q._same_group(a, b) and _plain_same_kind(a, b)):
        return None
    if not q._sizes_fit(a, b, config):
        return None
    if q._far_apart(a, b, config.quantities.far_ratio) and not q._strongly_tied(a, b):
        return None
    if a.np and b.np and not (a.persons or a.model & b.model) and not q._same_counted(a, b, config):
        return None
    return q._fact_score(a, b)


def _plain_venue_groups(context: Any) -> dict[tuple[object, str], list[tuple[Any, list[Any]]]]:
    groups: dict[tuple[object, str], list[tuple[Any, list[Any]]]] = {}
    for ex in context.extractions:
        by_sentence: dict[int, list[Any]] = {}
        for e in ex.events:
            if e.sentence >= 0:
                by_sentence.setdefault(e.sentence, []).append(e)
        n = len(ex.sentences)
        for i in sorted(by_sentence):
            sent = ex.sentences[i] if i < n else None
            if sent is None or sent.junk:
                continue
            masked, venues = venue._masked(ex, sent, by_sentence[i])
            if venues and len(masked.split()) >= context.config.time.min_sentence_words:
                groups.setdefault((ex.reference_date, masked), []).append((ex, venues))
    return groups


def _plain_day_groups(context: Any) -> dict[tuple[object, str], list[Any]]:
    groups: dict[tuple[object, str], list[Any]] = {}
    for ex in context.extractions:
        starts = [t.start for t in ex.times]
        for start, end, junk in ex.sentences.spans():
            if junk:
                continue
            masked, days = dates._masked(ex, start, end, starts)
            if not days or len(masked.split()) < context.config.time.min_sentence_words:
                continue
            groups.setdefault((ex.reference_date, masked), []).append((ex, start, days))
    return groups


def _plain_where(context: Any, d: Any) -> frozenset[tuple[str, int]]:
    out = set()
    for c in d.claims:
        sent = context.by_source[c.source].sentence_at(c.start)
        out.add((c.source, sent.start if sent is not None else c.start))
    return frozenset(out)


def _plain_sentence_start(context: Any, source: str, offset: int) -> int:
    sent = context.by_source[source].sentence_at(offset)
    return int(sent.start) if sent is not None else offset


def _plain_block_conflicts(context: Any) -> Iterator[Any]:
    by_street: dict[str, dict[str, tuple[Any, int, int]]] = {}
    for ex in context.extractions:
        text = ex.article.text
        if "block" not in text:
            continue
        for start, end, junk in ex.sentences.spans():
            if junk:
                continue
            for m in venue._BLOCK.finditer(text, start, end):
                street = venue.fold(m["street"].rstrip("."))
                by_street.setdefault(street, {}).setdefault(m["n"], (ex, m.start(), m.end()))
    for numbers in by_street.values():
        if len(numbers) < 2 or len({ex.article.source for ex, _, _ in numbers.values()}) < 2:
            continue
        claims = tuple(claim(ex, a, b, n) for n, (ex, a, b) in numbers.items())
        yield Discrepancy(
            kind="venue",
            subject=f"block of {claims[0].text.split(' of ', 1)[-1]}",
            claims=claims,
            reason="sources give the street different block numbers: "
            + " vs ".join(f"{c.text!r} ({c.source})" for c in claims),
            confidence=context.config.confidence.street_block,
        )


_PLAIN_BORN = re.compile(r"\b(?:born|n[ée]e)[ \t]{1,3}$", re.IGNORECASE)


def _plain_birth_name(text: str, start: int) -> bool:
    return _PLAIN_BORN.search(text, max(0, start - 12), start) is not None


def _plain_nationality(left: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _holder._NATIONALITY.findall(_holder._clause_text(left)))


# --- the texts ----------------------------------------------------------------------------


@pytest.fixture(name="corpus_extractions", scope="module")
def fixture_corpus_extractions() -> tuple[Extraction, ...]:
    """Sixty ECB+ articles (several stories' worth of figures and venues), extracted."""
    paths = sorted(CORPUS.glob("*.txt"))[:60]
    if not paths:
        pytest.skip("the ECB+ corpus is not available")
    return tuple(extract(Article.from_path(p), Config()) for p in paths)


def _context(exs: Sequence[Extraction]) -> Context:
    cfg = Config()
    ents = link_entities(list(exs), cfg)
    evc = align_events(list(exs), ents, cfg)
    als = align_statements(list(exs), ents, evc, cfg)
    return Context(tuple(exs), ents, evc, als, cfg)


def _blocks(exs: Sequence[Extraction]) -> dict[str, list[quantity._Fig]]:
    cfg = Config()
    entity_of = quantity._entity_index(_context(exs).entities)
    keyed = [quantity._keyed(ex, cfg.quantities) for ex in exs]
    compared = quantity._compared(keyed)
    blocks: dict[str, list[quantity._Fig]] = defaultdict(list)
    for i, ex in enumerate(exs):
        for f in quantity._figures(i, ex, entity_of, cfg.quantities, compared, keyed[i]):
            blocks[f.key].append(f)
    return blocks


# --- the pairs of two articles and their evidence -------------------------------------------


def _all_candidates(exs: Sequence[Extraction], monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The candidate lists ``_pairs`` hands ``_one_to_one`` over the blocks of ``exs``."""
    seen: list[list[tuple[Any, Any]]] = []
    plain = quantity._one_to_one

    def spy(candidates, config):  # type: ignore[no-untyped-def]
        seen.append(list(candidates))
        return plain(candidates, config)

    with monkeypatch.context() as m:
        m.setattr(quantity, "_one_to_one", spy)
        for figs in _blocks(exs).values():
            list(quantity._pairs(figs, Config()))
    return seen


def test_pairs_taken_are_those_of_the_ranking_of_every_candidate_list(
    extractions: tuple[Extraction, ...],
    corpus_extractions: tuple[Extraction, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cfg = Config()
    lone = taken = 0
    for exs in (extractions, corpus_extractions):
        for candidates in _all_candidates(exs, monkeypatch):
            new = quantity._one_to_one(candidates, cfg)
            assert new == list(_plain_one_to_one(candidates, cfg))
            lone += len(candidates) == 1
            taken += len(new)
            # and each candidate alone, the fast path's own case
            for pair in candidates[:4]:
                assert quantity._one_to_one([pair], cfg) == list(_plain_one_to_one([pair], cfg))
    assert lone > 0  # the controls: lone candidates, and pairs taken
    assert taken > 0


def test_evidence_of_every_pair_of_a_block_is_that_of_the_plain_tests(
    extractions: tuple[Extraction, ...],
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    cfg = Config()
    scored = refused = 0
    for exs in (extractions, corpus_extractions):
        for figs in _blocks(exs).values():
            for a in figs[:40]:
                for b in figs[:40]:
                    new = quantity._evidence(a, b, cfg)
                    assert new == _plain_evidence(a, b, cfg)
                    scored += new is not None
                    refused += new is None
    assert scored > 0  # the controls
    assert refused > 0


def _hand_fig(
    art: int,
    value: float,
    unit: str | None,
    group: str | None,
    total: bool,
    relation: str | None,
    model: frozenset[str],
    subject: str | None,
    places: frozenset[str],
    words: frozenset[str],
    anchors: frozenset[str],
    np_: str,
) -> Any:
    q = Quantity(
        str(value),
        10 * art,
        10 * art + 2,
        value,
        unit,
        "=",
        value,
        value,
        what=np_ or None,
        predicate=group,
    )
    return quantity._Fig(
        art=art,
        q=q,
        key="k",
        np=np_,
        model=model,
        words=words,
        relation=relation,
        verb=None,
        subject=subject,
        anchors=anchors,
        places=places,
        group=group,
        total=total,
        specific=unit is not None,
        date=None,
        sentence=(0, 40),
        count=abs(value) if unit is None else None,
        persons=np_ == "people",
    )


_FIG = st.builds(
    _hand_fig,
    st.integers(0, 3),
    st.sampled_from([0.0, 1.0, 2.0, 12.0, 40.0, 400.0, 5000.0, -3.0]),
    st.sampled_from([None, None, "metre", "kilometre", "dollar", "year"]),
    st.sampled_from([None, "killed", "injured", "kill"]),
    st.booleans(),
    st.sampled_from([None, None, "after", "before"]),
    st.sets(st.sampled_from(["AK47", "M16"]), max_size=2).map(frozenset),
    st.sampled_from([None, "person:kell", "person:oro"]),
    st.sets(st.sampled_from(["norden", "varna", "2643743", "2654675"]), max_size=2).map(frozenset),
    st.sets(st.sampled_from(["kill", "shoot", "damag", "bus", "injur"]), max_size=3).map(frozenset),
    st.sets(st.sampled_from(["person:kell", "place:norden", "org:un"]), max_size=2).map(frozenset),
    st.sampled_from(["", "people", "soldiers", "shops", "AK-47s"]),
)


@settings(max_examples=500, deadline=None)
@given(_FIG, _FIG)
def test_evidence_of_any_pair_is_that_of_the_plain_tests(a: Any, b: Any) -> None:
    cfg = Config()
    assert quantity._evidence(a, b, cfg) == _plain_evidence(a, b, cfg)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_FIG, _FIG), min_size=1, max_size=4))
def test_pairs_taken_from_any_candidates_are_those_of_the_ranking(
    candidates: list[tuple[Any, Any]],
) -> None:
    cfg = Config()
    assert quantity._one_to_one(candidates, cfg) == list(_plain_one_to_one(candidates, cfg))


# --- the venue groups -----------------------------------------------------------------------


def test_venue_groups_are_those_of_every_sentence_masked(
    extractions: tuple[Extraction, ...],
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    grouped = 0
    for exs in (extractions, corpus_extractions):
        context = _context(exs)
        new = venue._venue_groups(context)
        assert new == _plain_venue_groups(context)
        grouped += sum(map(len, new.values()))
    assert grouped > 0  # the control: sentences were grouped


_EVENT_TYPES = [*sorted(SINGULAR_EVENT_TYPES)[:3], "not-a-type", "other"]


@st.composite
def _fake_context(draw: st.DrawFn) -> Any:
    """Articles of a few sentences, events of any type with or without venues."""
    words = ["Troops", "met", "in", "Varna", "on", "Monday", "and", "left", "X", "."]
    exs = []
    for k in range(draw(st.integers(1, 3))):
        text = " ".join(draw(st.lists(st.sampled_from(words), min_size=4, max_size=30)))
        cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=4))) | {0, len(text)})
        sents = [
            SimpleNamespace(start=a, end=b, junk=draw(st.booleans()) and draw(st.booleans()))
            for a, b in itertools.pairwise(cuts)
        ]
        events = []
        for _ in range(draw(st.integers(0, 6))):
            i = draw(st.integers(-1, len(sents)))
            venues = []
            if 0 <= i < len(sents):
                s = sents[i]
                for _ in range(draw(st.integers(0, 2))):
                    a = draw(st.integers(s.start, s.end))
                    b = draw(st.integers(a, s.end))
                    venues.append(SimpleNamespace(start=a, end=b, name=text[a:b]))
            events.append(
                SimpleNamespace(
                    sentence=i, type=draw(st.sampled_from(_EVENT_TYPES)), venues=tuple(venues)
                )
            )
        exs.append(
            SimpleNamespace(
                article=SimpleNamespace(text=text, source=f"s{k}"),
                sentences=sents,
                events=events,
                reference_date=draw(st.sampled_from([None, "2020-01-01"])),
            )
        )
    config = SimpleNamespace(time=SimpleNamespace(min_sentence_words=draw(st.integers(0, 4))))
    return SimpleNamespace(extractions=exs, config=config)


@settings(max_examples=300, deadline=None)
@given(_fake_context())
def test_venue_groups_of_any_events_are_those_of_every_sentence_masked(context: Any) -> None:
    assert venue._venue_groups(context) == _plain_venue_groups(context)


def test_masked_sentence_is_the_plain_one() -> None:
    # the plain form masks through this: the control that the oracle reads the library's
    assert masked_sentence("Talks in Brest.", 0, 15, [(9, 14)]) == "talks in \x00."


# --- the sentences naming a day -----------------------------------------------------------


def test_day_groups_are_those_of_every_sentence_masked(
    extractions: tuple[Extraction, ...],
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    grouped = 0
    for exs in (extractions, corpus_extractions):
        context = _context(exs)
        new = dates._day_groups(context)
        assert new == _plain_day_groups(context)
        grouped += sum(map(len, new.values()))
    assert grouped > 0  # the control: sentences were grouped


_DAY_TEXT = st.lists(
    st.sampled_from(
        [
            "Talks",
            "were",
            "held",
            "on",
            "Monday",
            "Tuesday",
            "May",
            "4",
            "today",
            "yesterday",
            "in",
            "2019",
            "Brest",
            ".",
            "\n",
            "for",
            "two",
            "days",
            ",",
        ]
    ),
    max_size=24,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DAY_TEXT, min_size=1, max_size=3), st.integers(0, 6))
def test_day_groups_of_any_articles_are_those_of_every_sentence_masked(
    texts: list[str], min_words: int
) -> None:
    exs = [extract(Article(t, f"d{k}"), Config()) for k, t in enumerate(texts)]
    context = SimpleNamespace(
        extractions=exs, config=SimpleNamespace(time=SimpleNamespace(min_sentence_words=min_words))
    )
    assert dates._day_groups(context) == _plain_day_groups(context)  # type: ignore[arg-type]


# --- the articles by source, read once ----------------------------------------------------


def test_sentences_quoted_are_those_read_through_the_context(
    extractions: tuple[Extraction, ...],
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    quoted = 0
    for exs in (extractions, corpus_extractions):
        context = _context(exs)
        by_source = context.by_source
        for d in (*dates.find(context), *venue.find(context)):
            assert dates._where(by_source, d) == _plain_where(context, d)
            for c in d.claims:
                assert venue._sentence_start(by_source, c.source, c.start) == (
                    _plain_sentence_start(context, c.source, c.start)
                )
                quoted += 1
    assert quoted > 0  # the control: claims were quoted


# --- the street blocks ---------------------------------------------------------------------


def test_block_conflicts_are_those_of_the_search_per_sentence(
    extractions: tuple[Extraction, ...],
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    texts = [
        "Shots were fired in the 12200 block of East 223rd Street on Monday.",
        "Police said shots were fired in the 12500\u00a0block of 223rd Street. It was blocked.",
    ]
    invented = tuple(extract(Article(t, f"k{k}"), Config()) for k, t in enumerate(texts))
    found = 0
    for exs in (extractions, corpus_extractions, invented):
        context = _context(exs)
        new = list(venue._block_conflicts(context))
        assert new == list(_plain_block_conflicts(context))
        found += len(new)
    assert found > 0  # the control: a conflict was found


_BLOCK_TEXT = st.lists(
    st.sampled_from(
        [
            "12200",
            "5",
            " ",
            "\u00a0",
            "\t",
            "block",
            "blocks",
            "of",
            "East",
            "E.",
            "223rd",
            "Main",
            "Street",
            "St.",
            "Ave",
            ".",
            "\n",
            "roadblock",
            "Block",
            "OF",
            "the",
            "x",
        ]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_BLOCK_TEXT, min_size=2, max_size=3))
def test_block_conflicts_of_any_text_are_those_of_the_search_per_sentence(
    texts: list[str],
) -> None:
    exs = [
        extract(Article("Shots were fired. " + t, f"k{k}"), Config()) for k, t in enumerate(texts)
    ]
    context = SimpleNamespace(extractions=exs, config=Config())
    new = list(venue._block_conflicts(context))  # type: ignore[arg-type]
    assert new == list(_plain_block_conflicts(context))


# --- a birth name before a mention ----------------------------------------------------------

_BORN_TEXT = st.lists(
    st.sampled_from(
        [
            "born",
            "Born",
            "BORN",
            "née",
            "nee",
            "NEE",
            "Née",
            "ne",
            "e",
            "b",
            "orn",
            " ",
            "\t",
            "  ",
            "\n",
            "x",
            "Roe",
            "ſ",
            "K",
            "İ",
            "was ",
            ",",
            "reborn",
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_BORN_TEXT)
def test_birth_name_is_that_of_the_plain_search(text: str) -> None:
    for start in range(len(text) + 1):
        ex = SimpleNamespace(article=SimpleNamespace(text=text))
        m = SimpleNamespace(start=start)
        assert spelling._birth_name(ex, m) == _plain_birth_name(text, start)  # type: ignore[arg-type]


def test_birth_names_before_the_mentions_of_articles(
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    texts = [
        "She was born Arden Mae Roe in 1950.",
        "Vesna Oro, née Kell, spoke.",
        "Vesna Oro, nee\tKell, spoke.",
    ]
    exs = (
        *corpus_extractions,
        *(extract(Article(t, f"b{k}"), Config()) for k, t in enumerate(texts)),
    )
    born = 0
    for ex in exs:
        for m in ex.mentions:
            plain = _plain_birth_name(ex.article.text, m.start)
            assert spelling._birth_name(ex, m) == plain
            born += plain
    assert born >= 2  # the control


# --- the nationalities of a figure's clause -------------------------------------------------

_NATION_TEXT = st.lists(
    st.sampled_from(
        [
            "a ",
            "Nordish ",
            "Ostrian ",
            "Chinese ",
            "Korean ",
            "climber",
            "troops",
            "ish ",
            "ian",
            "Ian ",
            "and ",
            "; ",
            ", ",
            "— ",
            "while ",
            "British",
            "\n",
            "Polish\t",
            "fell",
            "Danish",
            "x",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_NATION_TEXT)
def test_nationalities_are_those_of_the_plain_search(left: str) -> None:
    assert _holder._nationality(left) == _plain_nationality(left)


def test_nationalities_of_the_figures_of_articles(
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    window = Config().quantities.window_chars
    texts = ["A Nordish climber fell 200 metres.", "Ostrian troops and Korean aid: 40 tonnes."]
    exs = (
        *corpus_extractions,
        *(extract(Article(t, f"n{k}"), Config()) for k, t in enumerate(texts)),
    )
    found = 0
    for ex in exs:
        text = ex.article.text
        for q in ex.quantities:
            span = ex.span_at(q.start)
            lo = span[0] if span is not None else 0
            left = text[max(lo, q.start - 2 * window) : q.start]
            plain = _plain_nationality(left)
            assert _holder._nationality(left) == plain
            found += bool(plain)
    assert found >= 2  # the control
