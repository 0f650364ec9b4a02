"""Session 11 fast paths of the detection stage give what the plain computations give.

Each test keeps the plain form as its oracle: the pairs of a block drawn from each
figure's keys and kind read once per article, the pairs of articles drawn from the keys
joined per article and kind, the model designations of a phrase without a digit, the
locative pattern opened by a lookahead, and the final scores of an article with no
digit-hyphen-digit.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import link_entities
from discrep._detect import _occasion, claim, quantity, role, spelling, venue
from discrep._extract import extract
from discrep._model import Discrepancy, Entity, Extraction

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"

# --- the plain forms (998ca20) --------------------------------------------------------------

_OLD_LOCATIVE = re.compile(
    r"\b(?:in|at|near|around|outside|inside|across|throughout)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


def _plain_models(np_: str) -> frozenset[str]:
    return frozenset(re.sub(r"[- ]", "", m.group()) for m in quantity._MODEL.finditer(np_))


def _plain_scores(ex: Extraction) -> tuple[tuple[int, tuple[int, int]], ...]:
    text = ex.article.text
    out = []
    for m in _occasion._SCORE.finditer(text):
        high, low = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        if high > _occasion._TOP_SCORE or _occasion._in_brackets(text, m.start()):
            continue
        if _occasion._final(text, m.start(), m.end()):
            out.append((m.start(), (high, low)))
    return tuple(out)


def _plain_article_pairs(
    figs: list[quantity._Fig], keys: dict[int, frozenset[str]], max_postings: int
) -> Iterator[tuple[int, int]]:
    kinds: dict[tuple[bool, str | None], dict[str, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    by_art: dict[int, list[quantity._Fig]] = defaultdict(list)
    for f in figs:
        by_art[f.art].append(f)
        postings = kinds[f.total, f.relation]
        for k in keys[id(f)]:
            arts = postings[k]
            if not arts or arts[-1] != f.art:
                arts.append(f.art)
    for i in sorted(by_art):
        later: set[int] = set()
        for f in by_art[i]:
            postings = kinds[f.total, f.relation]
            for k in keys[id(f)]:
                arts = postings[k]
                if arts[-1] > i and len(arts) <= max_postings:
                    later.update(arts[bisect.bisect_right(arts, i) :])
        for j in sorted(later):
            yield i, j


def _plain_sharing(
    figs: list[quantity._Fig], config: Config
) -> list[list[tuple[quantity._Fig, quantity._Fig]]]:
    """The candidates of each pair of articles of a block, as :func:`quantity._pairs` drew them."""
    by_art: dict[int, list[quantity._Fig]] = defaultdict(list)
    for f in figs:
        by_art[f.art].append(f)
    keys = {id(f): quantity._fact_keys(f) for f in figs}
    by_kind: dict[int, dict[tuple[bool, str | None], list[tuple[quantity._Fig, frozenset[str]]]]]
    by_kind = {}
    for art, arts_figs in by_art.items():
        kinds = by_kind[art] = {}
        for f in arts_figs:
            kinds.setdefault((f.total, f.relation), []).append((f, keys[id(f)]))
    cap = config.quantities.max_candidates
    out = []
    for i, j in _plain_article_pairs(figs, keys, config.quantities.max_postings):
        left, right = by_art[i], by_art[j]
        if min(len(left), len(right)) <= cap:
            kinds = by_kind[j]
            out.append([
                (a, b)
                for a in left
                for b, kb in kinds.get((a.total, a.relation), ())
                if not kb.isdisjoint(keys[id(a)])
            ])
    return out


# --- the texts ----------------------------------------------------------------------------


@pytest.fixture(name="corpus_extractions", scope="module")
def fixture_corpus_extractions() -> tuple[Extraction, ...]:
    """Forty ECB+ articles (four stories' worth of figures), extracted."""
    paths = sorted(CORPUS.glob("*.txt"))[:40]
    if not paths:
        pytest.skip("the ECB+ corpus is not available")
    return tuple(extract(Article.from_path(p), Config()) for p in paths)


def _blocks(exs: tuple[Extraction, ...]) -> dict[str, list[quantity._Fig]]:
    cfg = Config()
    entity_of: dict[tuple[str, int], str] = {}
    keyed = [quantity._keyed(ex, cfg.quantities) for ex in exs]
    compared = quantity._compared(keyed)
    blocks: dict[str, list[quantity._Fig]] = defaultdict(list)
    for i, ex in enumerate(exs):
        for f in quantity._figures(i, ex, entity_of, cfg.quantities, compared, keyed[i]):
            blocks[f.key].append(f)
    return blocks


# --- the tests ----------------------------------------------------------------------------


def test_article_pairs_from_joined_keys_are_those_drawn_per_figure(
    extractions: tuple[Extraction, ...], corpus_extractions: tuple[Extraction, ...]
) -> None:
    drawn = 0
    for exs in (extractions, corpus_extractions):
        for figs in _blocks(exs).values():
            keys = {id(f): quantity._fact_keys(f) for f in figs}
            for max_postings in (1, 2, 3, 100):
                new = list(quantity._article_pairs(figs, keys, max_postings))
                assert new == list(_plain_article_pairs(figs, keys, max_postings))
                drawn += len(new)
    assert drawn > 0  # the control: pairs were drawn


def test_candidates_read_once_per_figure_are_those_read_per_partner(
    extractions: tuple[Extraction, ...], corpus_extractions: tuple[Extraction, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_pairs`` hands ``_one_to_one`` the candidates the plain listcomp built, in order."""
    cfg = Config()
    seen: list[list[tuple[quantity._Fig, quantity._Fig]]] = []
    plain_one_to_one = quantity._one_to_one

    def spy(candidates, config):  # type: ignore[no-untyped-def]
        candidates = list(candidates)
        seen.append(candidates)
        return plain_one_to_one(candidates, config)

    monkeypatch.setattr(quantity, "_one_to_one", spy)
    total = 0
    for exs in (extractions, corpus_extractions):
        for figs in _blocks(exs).values():
            seen.clear()
            list(quantity._pairs(figs, cfg))
            cap = cfg.quantities.max_candidates
            by_art: dict[int, int] = defaultdict(int)
            for f in figs:
                by_art[f.art] += 1
            pairs = list(_plain_article_pairs(
                figs, {id(f): quantity._fact_keys(f) for f in figs}, cfg.quantities.max_postings
            ))
            small = [min(by_art[i], by_art[j]) <= cap for i, j in pairs]
            assert [c for c, s in zip(seen, small, strict=True) if s] == _plain_sharing(figs, cfg)
            total += sum(map(len, seen))
    assert total > 0


_WORDS = st.lists(
    st.sampled_from(["in ", "In ", "IN ", "İn ", "ın ", "at ", "near ", "the ", "port ",
                     "city ", "of ", "Kyiv", "throughout ", "xin ", "into ", "main ", "-",
                     "'", "’", " ", "\n", "at", "in", "outside\t", "a "]),
    max_size=12,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_WORDS)
def test_locative_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    new = quantity._LOCATIVE.search(text)
    old = _OLD_LOCATIVE.search(text)
    assert (new and new.span()) == (old and old.span())


def test_locative_pattern_before_the_places_of_articles(
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    found = 0
    for ex in corpus_extractions:
        text = ex.article.text
        for m in ex.mentions:
            window = text[max(0, m.start - 40) : m.start]
            new = quantity._LOCATIVE.search(window)
            old = _OLD_LOCATIVE.search(window)
            assert (new and new.span()) == (old and old.span())
            found += new is not None
    assert found > 0  # the control: places after a locative word


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="AK47M- s1٣x", max_size=14))
def test_models_of_a_phrase_are_those_of_the_plain_read(np_: str) -> None:
    assert quantity._models(np_) == _plain_models(np_)


def test_models_of_the_counted_phrases_of_articles(
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    phrases = [
        quantity._phrase(q.what, q.predicate)
        for ex in corpus_extractions for q in ex.quantities
    ] + ["AK-47s", "two F-16 jets", "M 4 rifles", "٣ boats"]
    assert [quantity._models(p) for p in phrases] == [_plain_models(p) for p in phrases]
    assert quantity._models("AK-47s") == {"AK47"}  # the control


def test_final_scores_are_those_of_the_plain_scan(
    extractions: tuple[Extraction, ...], corpus_extractions: tuple[Extraction, ...],
) -> None:
    for ex in (*extractions, *corpus_extractions):
        assert _occasion.article_scores(ex) == _plain_scores(ex)
    game = extract(Article("Norden (9-1) beat Varna 91-73 on Sunday.", "g"), Config())
    assert _occasion.article_scores(game) == _plain_scores(game) == ((24, (91, 73)),)


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("Norden beat Varna 3-1 on Sunday.", ((18, (3, 1)),)),
        ("Norden topped the Hawks, 79-67.", ((25, (79, 67)),)),
        ("Norden moved to 9-0 with a 7-for-14 night.", ()),  # the control: no final score
        ("No score here - 3 - 1.", ()),
    ],
)
def test_final_scores_of_games(text: str, scores: tuple[object, ...]) -> None:
    ex: Any = SimpleNamespace(article=SimpleNamespace(text=text))
    assert _occasion.article_scores(ex) == _plain_scores(ex) == scores


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-–.,( )beatwon ٣", max_size=30))
def test_final_scores_of_any_text_are_those_of_the_plain_scan(text: str) -> None:
    ex: Any = SimpleNamespace(article=SimpleNamespace(text="Norden beat Varna " + text))
    assert _occasion.article_scores(ex) == _plain_scores(ex)  # only the text is read


# --- spelling, role and venue ---------------------------------------------------------------


def _plain_title_length(text: str) -> int:
    words = list(role._WORD.finditer(text))
    k = 0
    while k < len(words) - 2 and role.title_word(words[k].group()):
        k += 1
    if k == 0:
        return 0
    end = words[k - 1].end()
    return end + (text[end : end + 1] == ".")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Commodore", "Sgt.", "Gen", "Nirad", "Sinha", "Dr.", " ",
                                 "president", "É", "-", "Lt"]), max_size=6).map(" ".join))
def test_title_length_is_that_of_the_plain_read(text: str) -> None:
    assert role._title_length.__wrapped__(text) == _plain_title_length(text)


def test_title_lengths_of_the_mentions_of_articles(
    corpus_extractions: tuple[Extraction, ...],
) -> None:
    texts = {m.text for ex in corpus_extractions for m in ex.mentions}
    texts |= {"Commodore Nirad Sinha", "Sgt. Jerry Ortiz", "Dr. Who"}
    for text in texts:
        assert role._title_length.__wrapped__(text) == _plain_title_length(text)
    assert role._title_length.__wrapped__("Commodore Nirad Sinha") == 9  # the control


def _plain_entity_discrepancy(entity: Entity, by_source: Any, config: Config) -> Any:
    """The check as 998ca20 wrote it: every mention's form read first."""
    sp = spelling
    forms = [sp._spelling(m) for m in entity.mentions]
    if len(set(forms) - {None}) < 2:
        return None
    spelled = [
        (m, f)
        for m, f in zip(entity.mentions, forms, strict=True)
        if f is not None and not sp._birth_name(by_source[m.source], m)
    ]
    merged = sp._merge_joined(sp._merge_possessive({f for _, f in spelled}))
    kept = sp._kept_forms(set(merged.values()), config.names)
    if kept is None:
        return None
    by_form = sp._mentions_by_form(spelled, merged, kept)
    order = list(dict.fromkeys(form for _, f in spelled if (form := merged[f]) in by_form))
    claims = []
    parts = []
    for form in order:
        ms = by_form[form]
        first = next((m for m in ms if sp._spelling(m) == form), ms[0])
        written = sp._written(first)
        sources = list(dict.fromkeys(m.source for m in ms))
        claims.append(claim(by_source[first.source], first.start, first.end, value=written))
        parts.append(f"{written} ({', '.join(sources)})")
    return Discrepancy(
        kind="spelling",
        subject=entity.canonical,
        claims=tuple(claims),
        reason="written " + ", ".join(parts),
        confidence=(
            config.confidence.spelling_person if entity.kind == "person"
            else config.confidence.spelling_other
        ),
    )


def test_spelling_discrepancies_are_those_of_the_forms_read_first(
    extractions: tuple[Extraction, ...], corpus_extractions: tuple[Extraction, ...],
) -> None:
    found = 0
    for exs in (extractions, corpus_extractions):
        cfg = Config()
        ents = link_entities(list(exs), cfg)
        by_source = {ex.article.source: ex for ex in exs}
        for e in ents:
            new = spelling._entity_discrepancy(e, by_source, cfg)
            assert new == _plain_entity_discrepancy(e, by_source, cfg)
            found += new is not None
    assert found > 0  # the control: some entity is spelled two ways


def _plain_bearings(ex: Any) -> list[tuple[int, int]]:
    text = ex.article.text
    out: list[tuple[int, int]] = []
    if not any(unit in text for unit in venue._BEARING_UNITS):
        return out
    for start, end, junk in ex.sentences.spans():
        if junk:
            continue
        out.extend(m.span() for m in venue._BEARING.finditer(text, start, end))
    return out


def _bearing_spans(ex: Any) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in venue._bearings(ex)]


_BEARING_TEXT = st.lists(
    st.sampled_from(["150", " ", "\u00a0", "\t", "nautical", "miles", "mile", "nm", "km",
                     "kilometres", "kilometer", "north", "North-East", "southwest", "west",
                     "of", "Aden", "Lidice", "smile", "environment", ".", "\n", "25,5",
                     "EAST", "ward"]),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_BEARING_TEXT)
def test_bearings_are_those_of_the_search_per_sentence(text: str) -> None:
    ex = extract(Article("Ships were seen. " + text, "b"), Config())
    assert _bearing_spans(ex) == _plain_bearings(ex)


def test_bearings_of_articles(corpus_extractions: tuple[Extraction, ...]) -> None:
    texts = ["The ship was 150 nautical miles west of Aden on Monday.",
             "It struck 25\u00a0km north-east of Lidice. A smile in government."]
    exs = (*corpus_extractions, *(extract(Article(t, f"v{k}"), Config())
                                  for k, t in enumerate(texts)))
    found = 0
    for ex in exs:
        assert _bearing_spans(ex) == _plain_bearings(ex)
        found += len(_plain_bearings(ex))
    assert found >= 2  # the control
