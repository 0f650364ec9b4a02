"""Fast paths of the checks give what the plain definitions give (issue 14 throughput)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import Article, Config, Quantity
from discrep._detect import Context, _holder, _occasion, quantity
from discrep._extract import extract
from discrep._model import Extraction


def test_only_blocks_of_two_articles_are_compared(extractions: tuple[Extraction, ...]) -> None:
    exs = tuple(x for x in extractions if x.article.source.startswith("invented-"))
    compared = quantity._compared([quantity._keyed(ex, Config().quantities) for ex in exs])
    assert "person" in compared  # killed in both articles
    assert "money:damage|None" in compared  # a sum of damage in both, keyed by its noun
    assert not any(k.startswith("unit:length") for k in compared)  # one article's bridge
    assert not any(k.startswith(("money:bail", "money:salary")) for k in compared)


def test_figures_of_the_compared_blocks_are_those_of_all_blocks(
    extractions: tuple[Extraction, ...],
) -> None:
    qc = Config().quantities
    compared = quantity._compared([quantity._keyed(ex, qc) for ex in extractions])
    assert compared  # the control: some blocks are compared
    skipped = 0
    for i, ex in enumerate(extractions):
        every = list(quantity._figures(i, ex, {}, qc))
        kept = list(quantity._figures(i, ex, {}, qc, compared))
        assert kept == [f for f in every if f.key in compared]
        assert [(f.holder, f.occasion) for f in kept] == [
            (f.holder, f.occasion) for f in every if f.key in compared
        ]
        skipped += len(every) - len(kept)
    assert skipped > 0  # the fast path skips some figures here


def _fig(art: int, words: frozenset[str], anchors: frozenset[str] = frozenset()) -> Any:
    q = Quantity("40", 0, 2, 40.0, None, "=", 40.0, 40.0, what="people", predicate="killed")
    return quantity._Fig(
        art=art, q=q, key="person", np="people", model=frozenset(), words=words,
        relation=None, verb="kill", subject=None, anchors=anchors, places=frozenset(),
        group="killed", total=False, specific=False, date=None, sentence=(0, 40),
    )


def _article_pairs(figs: list[Any], max_postings: int) -> list[tuple[int, int]]:
    keys = {id(f): quantity._fact_keys(f) for f in figs}
    return list(quantity._article_pairs(figs, keys, max_postings))


def test_a_key_of_too_many_articles_draws_no_pair() -> None:
    common = frozenset({"blast"})
    figs = [_fig(art, common) for art in range(4)]
    assert _article_pairs(figs, 3) == []  # "blast" around figures of 4 articles > 3
    # the control: within the cap, every pair of articles holding it is drawn
    assert _article_pairs(figs, 4) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]


def test_a_pair_sharing_a_selective_key_is_drawn_whatever_the_common_ones() -> None:
    common = frozenset({"blast"})
    anchor = frozenset({"person:x"})
    figs = [_fig(0, common, anchor), _fig(1, common), _fig(2, common), _fig(3, common, anchor)]
    assert _article_pairs(figs, 3) == [(0, 3)]  # the anchor draws it, "blast" nothing
    assert _article_pairs(figs, 4) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.sets(st.sampled_from("abcde"), max_size=3)),
                max_size=25))
def test_article_pairs_are_those_of_every_pair_sharing_a_selective_key(
    drawn: list[tuple[int, set[str]]],
) -> None:
    """Streaming the pairs article by article loses none, in ascending order."""
    figs = [_fig(art, frozenset(words)) for art, words in sorted(drawn, key=lambda x: x[0])]
    for cap in (1, 2, 3, 100):
        held: dict[str, set[int]] = {}
        for f in figs:
            for w in f.words:
                held.setdefault(w, set()).add(f.art)
        selective = {w for w, arts in held.items() if len(arts) <= cap}
        every = sorted(
            {(a.art, b.art) for a in figs for b in figs
             if a.art < b.art and a.words & b.words & selective}
        )
        assert _article_pairs(figs, cap) == every


def test_holders_and_occasions_are_read_only_for_pairs_that_get_that_far() -> None:
    texts = [
        "Nearly 5,000 people have been killed in the city, officials said.",
        "About 9,000 people have been killed in the city. 40 people were injured.",
    ]
    exs = tuple(extract(Article(t, f"s{k}"), Config()) for k, t in enumerate(texts))
    qc = Config().quantities
    figs = [f for i, ex in enumerate(exs) for f in quantity._figures(i, ex, {}, qc)]
    assert len(figs) == 3
    assert all(f._holder_read is None for f in figs)  # nothing read yet
    killed, killed_b, injured = figs
    assert quantity._same_fact(killed, injured, Config()) is None  # killed is not injured
    assert killed._holder_read is None
    assert injured._occasion_read is None
    # the control: a pair that gets as far as the holders has them read
    assert quantity._same_fact(killed, killed_b, Config()) is not None
    assert killed._holder_read is not None
    assert killed_b._occasion_read is not None


def test_reading_holders_when_asked_finds_what_reading_them_first_finds(
    extractions: tuple[Extraction, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    context = Context(extractions, (), (), (), Config(checks={"quantity"}))
    lazy = list(quantity.find(context))

    figures = quantity._figures

    def eager(*args: Any, **kwargs: Any) -> Any:
        for f in figures(*args, **kwargs):
            assert f.holder is not None  # read when the figure is made
            assert f.occasion is not None
            yield f

    monkeypatch.setattr(quantity, "_figures", eager)
    figs = list(quantity._figures(0, extractions[0], {}, context.config.quantities))
    assert figs
    assert all(f._holder_read is not None for f in figs)  # read first
    assert list(quantity.find(context)) == lazy
    assert len(lazy) > 0


_RUNNING_TOTAL_TEXT = st.lists(
    st.sampled_from(
        ["so", "far", "thus", "to", "date", "in", "total", "all", "altogether", "overall",
         "cumulative", "since", "a", "of", "until", "up", "now", "call", "known", "So  Far",
         "IN ALL", "Since", "ſince", "K", "ı", "İn all", "\u00a0", " ", "  ", ",", "-", "ed",
         "x"]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_RUNNING_TOTAL_TEXT)
def test_running_total_prefilter_finds_what_the_search_finds(text: str) -> None:
    """The word prefilter passes over no sentence the running-total pattern matches."""
    assert quantity._running_total(text) == (quantity._RUNNING_TOTAL.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("10 people were killed so far.", True),
        ("10 people were killed So Far.", True),
        ("In all, 10 people died.", True),
        ("10 people died overall.", True),
        ("10 people have died ſince Monday.", True),  # re.I matches the long s to "s"
        ("10 people have died, officials said.", False),  # the control: no running total
        ("Small calls are known.", False),  # the words' letters, not the words
    ],
)
def test_running_total_on_sentences(text: str, found: bool) -> None:
    assert quantity._running_total(text) is found
    assert (quantity._RUNNING_TOTAL.search(text) is not None) is found


def test_relation_of_figures_is_that_of_their_quantities(
    extractions: tuple[Extraction, ...],
) -> None:
    """The places and dates a figure keeps give the relation reading them again gives."""
    config = Config()
    figs = [f for i, ex in enumerate(extractions)
            for f in quantity._figures(i, ex, {}, config.quantities)]
    seen = set()
    for a in figs:
        for b in figs:
            if a.art == b.art or a.key != b.key:
                continue
            ex_a, ex_b = extractions[a.art], extractions[b.art]
            known = quantity._relation(ex_a, a.q, ex_b, b.q, config, (a, b))
            assert known == quantity.relation(ex_a, a.q, ex_b, b.q, config)
            seen.add(known)
    assert {"agree", "conflict"} <= seen  # the control: pairs of both kinds were compared


# --- key-word prefilters and a faster pattern of the per-figure reading (session 8) ------

_TRICKY_PIECES = ["ſ", "K", "ı", "İ", "\u00a0", " ", "  ", ",", "-", "’", "'", "x", "é", "3"]


def _texts(*words: str) -> st.SearchStrategy[str]:
    """Texts joined of ``words`` and of pieces the patterns treat otherwise than str.lower."""
    return st.lists(st.sampled_from([*words, *_TRICKY_PIECES]), max_size=14).map("".join)


_LOCATIVE_TEXT = _texts(
    "in", "IN", "at", "near", "around", "outside", "inside", "across", "throughout",
    "Throughout", "inn", "cat", "İn", "ın", "éin", "3in", "_at",
)
_WHOLE_TEXT = _texts(
    "of", "OF", "Of", "-for-", "-FOR-", "for", "the", "its", "first", "last", "one", "All",
    "7", "1,000", "7 OF ", "Seven Of the ", "7-For-", "3-for-", "of ", "the ",
)
_ORDER_TEXT = _texts(
    "the first ", "Another ", "an ", "its latest ", "the previous ", "quake", "Earthquakes",
    "aftershock", "tremor", "blast", "attack", "storms", "shooting", "bombings", "eruption",
    "temblor", "explosion", "quaKe", "blaſt", "ſtorm", "AFTERSHOCKS", "of ",
)

# The patterns as they were before their fast paths.
_OLD_LOCATIVE_WORD = re.compile(
    r"\b(?:in|at|near|around|outside|inside|across|throughout)\b", re.IGNORECASE
)


@settings(max_examples=500, deadline=None)
@given(_LOCATIVE_TEXT, st.integers(0, 6), st.integers(0, 6))
def test_locative_word_pattern_finds_what_the_plain_one_finds(
    text: str, lo: int, cut: int
) -> None:
    """Same matches, searched from an offset and to an end (the sentence's) too."""
    hi = max(lo, len(text) - cut)
    new = [m.span() for m in quantity._LOCATIVE_WORD.finditer(text, lo, hi)]
    assert new == [m.span() for m in _OLD_LOCATIVE_WORD.finditer(text, lo, hi)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Killed in Norden and at sea.", [(7, 9), (21, 23)]),
        ("Inside the hall, throughout May.", [(0, 6), (17, 27)]),
        ("An inn, a cat, Nearby.", []),  # the control: the words' letters, not the words
        ("ſ in İn", [(2, 4), (5, 7)]),  # re.I matches "İ" to "i"
    ],
)
def test_locative_word_on_sentences(text: str, spans: list[tuple[int, int]]) -> None:
    assert [m.span() for m in quantity._LOCATIVE_WORD.finditer(text)] == spans
    assert [m.span() for m in _OLD_LOCATIVE_WORD.finditer(text)] == spans


@settings(max_examples=500, deadline=None)
@given(_WHOLE_TEXT)
def test_whole_prefilter_finds_what_the_search_finds(text: str) -> None:
    assert _holder._whole(text) == (_holder._WHOLE.search(text) is not None)


@pytest.mark.parametrize(
    ("left", "found"),
    [
        ("He made 7 of his ", True),
        ("He went 7-for-", True),
        ("Two OF THE ", True),
        ("Two ºf the ", False),
        ("Two oſ the ", False),  # "ſ" is no "f"
        ("seven-Of-the first ", True),
        ("He made 7 shots of the ", False),  # the control: "of" not after the number
        ("He scored ", False),
    ],
)
def test_whole_on_windows(left: str, found: bool) -> None:
    assert _holder._whole(left) is found
    assert (_holder._WHOLE.search(left) is not None) is found


@settings(max_examples=500, deadline=None)
@given(_ORDER_TEXT, st.integers(0, 6), st.integers(0, 6))
def test_order_prefilter_finds_what_the_search_finds(text: str, lo: int, cut: int) -> None:
    hi = max(lo, len(text) - cut)
    new = [m.span() for m in _occasion._order_markers(text, lo, hi)]
    assert new == [m.span() for m in _occasion._ORDER.finditer(text, lo, hi)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the first earthquake struck", True),
        ("Another BLAST hit", True),
        ("an aftershock", True),
        ("the latest ſtorm", True),  # non-ASCII: searched, and re.I matches "ſ" to "s"
        ("the first quaKe", True),  # the Kelvin sign
        ("the first round of talks", False),  # the control: an order, no event noun
    ],
)
def test_order_markers_on_windows(text: str, found: bool) -> None:
    assert bool(list(_occasion._order_markers(text, 0, len(text)))) is found
    assert bool(list(_occasion._ORDER.finditer(text))) is found


@pytest.mark.parametrize(
    "noun",
    ["earthquake", "Quakes", "tremor", "temblors", "aftershock", "blast", "explosions",
     "bombing", "attack", "eruption", "storm", "shootings"],
)
def test_order_prefilter_keeps_every_event_noun(noun: str) -> None:
    """Each event noun of ``_ORDER`` holds a key word of the prefilter."""
    text = f"Officials said the second {noun} was felt."
    assert [m.group() for m in _occasion._order_markers(text, 0, len(text))] == [
        f"the second {noun}"
    ]


_SIZE_TEXT = _texts(
    "13", "2.5", "-inch", " inch", " INCH", "-in", "-In", " in", '"', "”", "inch", "laptop",
    "the", "Inch", "ınch", "-ın", "İnch", "x",
)


def _plain_size(text: str, q: Quantity, lo: int, hi: int, window: int) -> str | None:
    """``_holder._size`` as it was, with no prefilter."""
    best = None
    for m in _holder._SIZE.finditer(text, max(lo, q.start - 2 * window), q.start):
        best = m.group(1)
    if best is None:
        after = _holder._SIZE.search(text, q.end, min(hi, q.end + window))
        best = after.group(1) if after is not None else None
    if best is not None and q.unit == "inch":
        return None
    return best


@settings(max_examples=500, deadline=None)
@given(_SIZE_TEXT, _SIZE_TEXT, st.sampled_from([None, "gb", "inch"]), st.integers(2, 40))
def test_size_prefilter_finds_what_the_searches_find(
    before: str, after: str, unit: str | None, window: int
) -> None:
    text = f"{before}4 {after}"
    q = Quantity(
        text="4", start=len(before), end=len(before) + 1, value=4.0, unit=unit,
        qualifier="=", low=4.0, high=4.0,
    )
    for lo, hi in ((0, len(text)), (min(2, q.start), max(q.end, len(text) - 2))):
        assert _holder._size(text, q, lo, hi, window) == _plain_size(text, q, lo, hi, window)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("The 13-inch model has 8 GB of memory.", "13"),
        ('The 15" model has 8 GB of memory.', "15"),
        ("The 8 GB model comes in a 13-In case.", "13"),
        ("The 13-ınch model has 8 GB of memory.", "13"),  # non-ASCII: searched; re.I "ı" is "i"
        ("The small model has 8 GB of memory.", None),  # the control: no size class
    ],
)
def test_size_on_sentences(text: str, size: str | None) -> None:
    at = text.index("8 GB")
    q = Quantity(
        text="8 GB", start=at, end=at + 4, value=8.0, unit="gb", qualifier="=", low=8.0, high=8.0
    )
    assert _holder._size(text, q, 0, len(text), 90) == size
    assert _plain_size(text, q, 0, len(text), 90) == size


def test_span_at_is_the_bounds_of_sentence_at(extractions: tuple[Extraction, ...]) -> None:
    """The span lookup the quantity check reads gives the sentence lookup's bounds."""
    checked = 0
    for ex in extractions:
        for offset in range(-1, len(ex.article.text) + 2, 7):
            sent = ex.sentence_at(offset)
            assert ex.span_at(offset) == (None if sent is None else (sent.start, sent.end))
            checked += sent is not None
    assert checked > 100  # the control: offsets inside sentences were looked up
