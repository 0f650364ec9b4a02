"""Fast paths of entity linking, event extraction and junk marking equal their plain forms.

Issue 14 (a compare seen for the first time): each test keeps the plain (old) form as its
oracle and compares it with the fast one on real corpus text and on generated input.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from anyascii import anyascii
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from discrep import _read
from discrep._align import entities as E
from discrep._config import Config
from discrep._extract import events as EV
from discrep._extract import extract
from discrep._gazetteer import demonym_place, lookup
from discrep._model import Article, Extraction, Mention
from discrep._normalize import fold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"


@lru_cache(maxsize=1)
def _extractions() -> tuple[Extraction, ...]:
    paths = sorted(CORPUS.glob("1_*.txt"))[:12] + sorted(CORPUS.glob("3_*.txt"))[:8]
    paths += sorted(CORPUS.glob("19_*.txt"))[:8] + sorted((ROOT / "seeds").glob("*.txt"))
    if len(paths) < 20:
        pytest.skip("the ecbplus corpus is not beside the project")
    cfg = Config()
    return tuple(extract(Article.from_path(p), cfg) for p in paths)


def _mentions() -> list[Mention]:
    return [m for ex in _extractions() for m in ex.mentions]


# --- surnames ----------------------------------------------------------------------------


def _surnames_score_plain(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> float:
    if not set(a).isdisjoint(b):
        return 100.0
    if any(len(x) > 4 and x[-1:] == "s" and x[:-1] in b for x in a) or any(
        len(y) > 4 and y[-1:] == "s" and y[:-1] in a for y in b
    ):
        return 99.0
    if min(len(a[0]), len(b[0])) < 4:
        return 0.0
    return max(fuzz.ratio(x, y, processor=None, score_cutoff=threshold) for x in a for y in b)


_KEYS = st.lists(st.text(st.sampled_from("aeiksnoru"), max_size=9), min_size=1, max_size=4)


@given(_KEYS, _KEYS, st.sampled_from([0.0, 80.0, 95.0]))
@example(("zelenskys",), ("zelensky",), 95.0)
@example(("petrof", "petrov"), ("petrova",), 80.0)
@example(("roses",), ("rose",), 95.0)
@example(("rose",), ("arose", "roses"), 95.0)
@example(("kovalenko", "kowalenko"), ("kovalenka", "kowalenkoo"), 0.0)
def test_surnames_score_is_the_plain_one(a: list[str], b: list[str], threshold: float) -> None:
    got = E._surnames_score(tuple(a), tuple(b), threshold)
    want = _surnames_score_plain(tuple(a), tuple(b), threshold)
    assert got == want
    assert type(got) is type(want)


def test_surnames_score_is_the_plain_one_on_the_corpus_people() -> None:
    keys = sorted({
        E._name_parts("person", m.name)[1] for m in _mentions() if m.kind == "person"
    })
    assert len(keys) > 50
    for a in keys:
        for b in keys:
            for threshold in (80.0, 95.0):
                want = _surnames_score_plain(a, b, threshold)
                assert E._surnames_score(a, b, threshold) == want


# --- names that are not people's -----------------------------------------------------------


def _core_words_plain(name: str) -> list[str]:
    words = [w for w in re.split(r"[\s\-‐‑]+", name.strip()) if w]
    while len(words) > 1 and words[0].casefold() in E._GENERIC_START:
        words.pop(0)
    while len(words) > 1 and words[-1].casefold().rstrip(".") in E._GENERIC_END:
        words.pop()
    while len(words) > 1 and words[-1].casefold() in E._INSTITUTION_END:
        words.pop()
        while len(words) > 1 and words[-1].casefold() in E._INSTITUTION_QUALIFIERS:
            words.pop()
    if len(words) > 2 and "of" in words[1:-1]:
        words = words[: words.index("of", 1)]
    return words


def _short_plain(name: str) -> str:
    places = Config().places
    words = _core_words_plain(name)
    for n in range(min(len(words) - 2, 3), 0, -1):
        lead = " ".join(words[:n])
        if lookup(lead, places) is not None or (
            n == 1 and demonym_place(lead, places) is not None
        ):
            return fold(" ".join(words[n:]))
    return fold(" ".join(words))


def _other_parts_plain(name: str) -> tuple[str, str, tuple[str, ...]]:
    return fold(" ".join(_core_words_plain(name))), _short_plain(name), E._initials(name)


_ORG_NAMES = [
    "Arden County Sheriff's Office", "Ardenian Labour Party", "Arden Police",
    "The Northeast Arden Medical Center", "Party of Arden", "Kestrel Foods Inc.",
    "New York Police Department", "North‐Korea Ministry", "  Arden  Hospital ", "Inc",
]


@given(st.text(st.sampled_from("Ard en -‐‑.CountyInc of the ") | st.characters(), max_size=30))
def test_other_parts_are_the_plain_ones(name: str) -> None:
    assert E._other_parts.__wrapped__(Config().places, name) == _other_parts_plain(name)


def test_other_parts_are_the_plain_ones_on_the_corpus_names() -> None:
    names = _ORG_NAMES + sorted({m.name for m in _mentions() if m.kind != "person"})
    places = Config().places
    for name in names:
        assert E._other_parts.__wrapped__(places, name) == _other_parts_plain(name), name
        assert E._core(name) == _other_parts_plain(name)[0]
        assert E._short(places, name) == _short_plain(name)


@given(st.text(max_size=20))
@example("Kestrel Foods -- Inc.")
def test_slug_is_the_plain_one(name: str) -> None:
    plain = re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "x"
    assert E._slug.__wrapped__(name) == plain


# --- groups and entities -------------------------------------------------------------------


def _group_info_plain(places, ms, common):  # type: ignore[no-untyped-def]
    first = ms[0]
    place_id = next((m.place_id for m in ms if m.place_id), None)
    names = Counter([(m.kind, m.name) for m in ms]) if len(ms) > 1 else None
    if names is None or len(names) == 1:
        given = E._name_parts(first.kind, first.name)[0]
        anchor = "" if given is not None else E._bare_anchor(first.name, common)
        return E._single_info(places, (first.kind, first.name, place_id, anchor))
    return E._info(places, tuple(names.items()), place_id, common)


def test_group_info_is_the_plain_one_on_the_corpus() -> None:
    exs = _extractions()
    common = E._common_words(exs)
    members, _ = E._groups(_mentions(), common)
    places = Config().places
    assert any(len({m.name for m in ms}) > 1 for ms in members)
    for ms in members:
        assert E._group_info(places, ms, common) == _group_info_plain(places, ms, common)


def _majority_kind_plain(ms: list[Mention]) -> str:
    if len(ms) == 1:
        return ms[0].kind
    counts = Counter([m.kind for m in ms])
    if len(counts) == 1:
        return ms[0].kind
    return max(counts, key=lambda k: (counts[k], E._KIND_RANK.get(k, 0)))


def _canonical_plain(ms: list[Mention]) -> str:
    if len(ms) == 1:
        return ms[0].name
    counts = Counter([m.name for m in ms])
    if len(counts) == 1:
        return ms[0].name
    words = {name: len(name.split()) for name in counts}
    longest = max(words.values())
    best = max(n for name, n in counts.items() if words[name] == longest)
    return next(name for name, n in counts.items() if words[name] == longest and n == best)


_KIND = st.sampled_from(["person", "place", "organisation", "demonym"])
_NAME = st.sampled_from(["Ike Roe", "Roe", "Ike  Roe", "Arden", "Ike Roe Sr."])
_PLACE_ID = st.sampled_from([None, "", "geonames:1", "geonames:2"])


@st.composite
def _mention_lists(draw: st.DrawFn) -> list[Mention]:
    n = draw(st.integers(1, 6))
    return [
        Mention(source=f"s{draw(st.integers(0, 2))}", start=k, end=k + 3, text="x",
                kind=draw(_KIND), name=draw(_NAME), sentence=0, place_id=draw(_PLACE_ID))
        for k in range(n)
    ]


@given(_mention_lists())
def test_majority_kind_and_canonical_are_the_plain_ones(ms: list[Mention]) -> None:
    assert E._majority_kind(ms) == _majority_kind_plain(ms)
    assert E._canonical(ms) == _canonical_plain(ms)
    if len(ms) == 1:  # what _entities takes for a one-mention entity
        assert (ms[0].kind, ms[0].name, ms[0].place_id or None) == (
            _majority_kind_plain(ms), _canonical_plain(ms),
            next((m.place_id for m in ms if m.place_id), None),
        )
    common = frozenset({"roe"})
    places = Config().places
    assert E._group_info(places, ms, common) == _group_info_plain(places, ms, common)
    # each mention an entity of its own, then all in one
    uf = E._Groups([frozenset()] * len(ms), [frozenset()] * len(ms), 85.0)
    exs: list[Extraction] = []
    assert E._entities(exs, [[m] for m in ms], uf) == _entities_plain(exs, [[m] for m in ms], uf)
    for i in range(1, len(ms)):
        uf.join(0, i)
    assert E._entities(exs, [[m] for m in ms], uf) == _entities_plain(exs, [[m] for m in ms], uf)


def _entities_plain(extractions, members, uf):  # type: ignore[no-untyped-def]
    from discrep._model import Entity

    roots = [uf.find(i) for i in range(len(members))]
    groups = Counter(roots)
    comps: dict[int, list[Mention]] = {}
    for root, ms in zip(roots, members, strict=True):
        if groups[root] == 1:
            comps[root] = ms
        else:
            comps.setdefault(root, []).extend(ms)
    order = {ex.article.source: n for n, ex in enumerate(extractions)}
    entities = []
    used_ids: Counter[str] = Counter()
    for ms in comps.values():
        if len(ms) > 1:
            ms.sort(key=lambda m: (order.get(m.source, 0), m.start))
        ent_kind = _majority_kind_plain(ms)
        canonical = _canonical_plain(ms)
        base = f"{ent_kind}:{E._slug(canonical)}"
        used_ids[base] += 1
        eid = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        place_id = next((m.place_id for m in ms if m.place_id), None)
        entities.append(Entity(eid, ent_kind, canonical, tuple(ms), place_id=place_id))
    entities.sort(key=lambda e: (order.get(e.mentions[0].source, 0), e.mentions[0].start))
    return tuple(entities)


def test_entities_are_the_plain_ones_on_the_corpus() -> None:
    exs = _extractions()
    cfg = Config()
    common = E._common_words(exs)
    members, _ = E._groups(_mentions(), common)
    infos = [E._group_info(cfg.places, ms, common) for ms in members]
    uf = E._Groups([i.givens for i in infos], [i.suffixes for i in infos],
                   cfg.names.given_spelling_ratio)
    for i in range(0, len(members) - 3, 7):  # some components of several groups
        uf.join(i, i + 3)
    fast = E._entities(exs, [list(ms) for ms in members], uf)
    plain = _entities_plain(exs, [list(ms) for ms in members], uf)
    assert fast == plain
    assert any(len(e.mentions) > 1 for e in fast)
    assert any(len(e.mentions) == 1 for e in fast)


# --- junk ----------------------------------------------------------------------------------


def _is_breadcrumb_plain(text: str) -> bool:
    if not any(c in text for c in ">\u00bb\u203a|/\u2022\u00b7:"):
        return False
    parts = [p for p in _read._BREADCRUMB_SEP.split(text.strip(_read._TRIM)) if p]
    if len(parts) < 2 or any(len(p.split()) > 3 or p.endswith(".") for p in parts):
        return False
    return any(p.casefold() in _read._NAV_PHRASES for p in parts)


_DIGIT_OR_AGO = re.compile(r"\d|(?i:ago)")  # the one search the two replaced


def _is_dateline_plain(text: str, max_chars: int = 120) -> bool:
    if len(text) > max_chars or _DIGIT_OR_AGO.search(text) is None:
        return False
    for m in _read._DATELINE_TOKEN.finditer(text):
        tok = m.group()
        if tok[0].isdigit() or not tok[0].isalnum():
            continue
        low = tok.casefold().rstrip(".")
        if low not in _read._DATELINE_WORDS and not _read._TIME_ZONE.fullmatch(tok):
            return False
    return _read._DATELINE_SIGN.search(text) is not None


_JUNK_TEXT = st.text(
    st.sampled_from("Home News>»›|/•·:. \t\u00a0-aAgGoO5٣Updated pm") | st.characters(),
    max_size=40,
)


@given(_JUNK_TEXT)
@example("Home > World > Europe")
@example("News :: Politics")
@example("News : Politics")
@example("Home > World.")
@example("| Home | News |")
@example("Updated 3 hours AGO")
@example("Updated 3 hours ago")
@example("hours AGO")
@example("Home · News")
@example("Home • News")
@example("Home › News")
@example("Home » News")
@example("Home / News")
@example("٣ hours ago")
def test_breadcrumb_and_dateline_are_the_plain_ones(text: str) -> None:
    assert _read._is_breadcrumb(text) == _is_breadcrumb_plain(text)
    assert _read._is_dateline(text) == _is_dateline_plain(text)


def test_breadcrumb_and_dateline_are_the_plain_ones_on_the_corpus() -> None:
    texts = [s.text for ex in _extractions() for s in ex.sentences]
    texts += [line for ex in _extractions() for line in ex.article.text.splitlines()]
    assert any(_is_breadcrumb_plain(t) for t in texts) or any(
        _is_dateline_plain(t) for t in texts
    )
    for t in texts:
        assert _read._is_breadcrumb(t) == _is_breadcrumb_plain(t), t
        assert _read._is_dateline(t) == _is_dateline_plain(t), t


# --- events: patterns compiled once --------------------------------------------------------


def test_event_patterns_are_the_plain_strings() -> None:
    assert (EV._NON_SPACE_RUN.pattern, EV._NON_SPACE_RUN.flags) == (r"\S+", re.UNICODE)
    assert (EV._DIGIT_RUN.pattern, EV._DIGIT_RUN.flags) == (r"\d+", re.UNICODE)
    assert (EV._WORD_RUN.pattern, EV._WORD_RUN.flags) == (r"\w+", re.UNICODE)
    assert (E._CORE_SPLIT.pattern, E._CORE_SPLIT.flags) == (r"[\s\-‐‑]+", re.UNICODE)
    assert (E._NOT_SLUG.pattern, E._NOT_SLUG.flags) == (r"[^a-z0-9]+", re.UNICODE)


# --- events: work only for the kinds that read it -------------------------------------------


def _keys_plain(text, trig, kind, clause, amounts):  # type: ignore[no-untyped-def]
    keys = []
    obj = EV._OBJECT.match(text, trig.end(), clause[1])
    if obj and kind in (EV.ONCE_TYPES - EV._INTRANSITIVE) | {"sale"}:
        keys.append(f"object:{obj['head']}")
    if kind == "sale":
        keys += [f"amount:{q.value:g}:{q.unit}" for q in amounts
                 if clause[0] <= q.start < clause[1] and q.unit and not q.vague]
    return tuple(dict.fromkeys(keys))


def _clause_events_plain(article, ctx, ci):  # type: ignore[no-untyped-def]
    from discrep._extract.time import starting_in
    from discrep._model import Event

    text = article.text
    a, b = ctx.clauses[ci]
    by_type = EV._triggers(text, a, b, ctx.triggers)
    if not by_type:
        return
    nxt = ctx.clauses[ci + 1] if ci + 1 < len(ctx.clauses) else None
    venues, taken, venue_text = EV._clause_venues(article, ctx, ci, nxt)
    times_here = [(t.start, t.end) for t in starting_in(ctx.times, a, b)]
    parties = EV._parties(article, ctx.places, ctx.index, a, b, sorted(taken + times_here))
    who = [m for m in ctx.people if a <= m.start < b]
    ordinal = EV._ordinal(text, a, b)
    for kind, trig in by_type.items():
        date = EV._date_for(trig, (a, b), nxt, ctx.times, text)
        if date is None:
            date = EV._leading_time(text, ctx.clauses, ci, ctx.times)
        patients = EV._who(text, trig, (a, b), ctx.sent, ctx.people, ctx.protagonist) if (
            kind in EV._PERSON_ONCE_TYPES) else []
        yield Event(
            source=article.source, start=trig.start(), end=trig.end(),
            text=trig.group(), type=kind, sentence=ctx.index, date=date,
            venues=tuple(venues), venue_text=venue_text,
            participants=tuple(who + parties),
            ordinal=ordinal if kind == "talks" else None,
            keys=_keys_plain(text, trig, kind, (a, b), ctx.amounts),
            patients=tuple(patients),
            site=EV._site(text, trig, (a, b)) if kind in {"death", "killing"} else None,
        )


_EVENT_TEXTS = [
    "Negotiators met in Istanbul on March 29 for a second round of talks.",
    "The first talks in over two weeks were held; the 3rd round of negotiations failed.",
    "Police said the ship sank, and he was killed at his home. Mr. Hale sold the farm for $3m.",
    "The second summit, an arrest and the first meeting: the initial discussions were set.",
]


def test_events_are_the_plain_ones_on_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = Config()
    arts = [ex.article for ex in _extractions()]
    arts += [Article(t, source=f"t{i}") for i, t in enumerate(_EVENT_TEXTS)]
    exs = [extract(a, cfg) for a in arts]
    fast = [ex.events for ex in exs]
    monkeypatch.setattr(EV, "_clause_events", _clause_events_plain)
    plain = [EV.extract_events(ex.article, ex.sentences, ex.mentions, ex.times, cfg,
                               ex.quantities) for ex in exs]
    assert fast == plain
    assert any(e.ordinal for evs in fast for e in evs)
    assert any(k.startswith("object:") for evs in fast for e in evs for k in e.keys)
    # and _keys on every trigger of the texts, under every kind
    for ex in exs:
        text = ex.article.text
        for trig in EV._TRIGGER.finditer(text):
            clause = (trig.start(), min(len(text), trig.end() + 80))
            for kind in (*EV.EVENT_TYPES, "quote"):
                assert EV._keys(text, trig, kind, clause, list(ex.quantities)) == _keys_plain(
                    text, trig, kind, clause, list(ex.quantities))
