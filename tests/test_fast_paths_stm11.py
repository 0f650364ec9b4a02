"""Fast paths of statement alignment at first sight (session 11, issue 14).

Each is checked against the plain form it replaces, kept here as the oracle:

- a word is read once for its token and its written form (:func:`statements._word_entries`), its
  parts derived from its entries (:func:`_word_parts`), and the words of a span looked up
  in the memo's dict in C (:func:`_plain_tokens`);
- what is tested of a token when the statistics are made (long enough to match fuzzily,
  rare enough to index) is tested once per distinct token, the sets made in the same order;
- "only the opening words in common" is one ``isdisjoint``;
- a pair with no event, or no figure, on a side skips the event and figure matching;
- the long words of a pair are filtered in C, and a pair sharing no token scores 0 at once.

End to end, the statements, their statistics and the alignment with the plain forms patched
in are those of the fast forms, on real articles (ECB+ and the seeds) read cold.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from anyascii import anyascii
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._align import align_events, link_entities, statements
from discrep._align.statements import (
    _LONGEST_WORD,
    _NUMBER_WORDS,
    _STOPWORDS,
    _SYNONYMS,
    _WORD,
    Collection,
    PairScore,
    _Side,
    _Stmt,
)
from discrep._config import AlignConfig
from discrep._extract import extract
from discrep._normalize import GLUED

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"

# --- the plain forms (as on f151b11) -------------------------------------------------


def _plain_words(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        pos = m.start()
        if len(word) > _LONGEST_WORD:
            continue
        if len(word) > 4 and not word.isupper() and not word.islower():
            for part in GLUED.split(word):
                if part:
                    yield pos, pos + len(part), part
                    pos += len(part)
        else:
            yield m.start(), m.end(), word


def _plain_stem(w: str) -> str:
    if w.isdigit() or len(w) <= 3:
        return w
    return _plain_final_letters(_plain_strip_suffix(_plain_singular(w)))


def _plain_singular(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _plain_strip_suffix(w: str) -> str:
    for suffix, keep in (("ing", 3), ("ed", 3), ("est", 3), ("ern", 4), ("ian", 3), ("ia", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "est" and (w[-4] in "ru" or w.endswith(("otest", "ntest", "vest"))):
                return w
            return w[: -len(suffix)]
    return w


def _plain_final_letters(w: str) -> str:
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


_PLAIN_STEMMED_SYNONYMS = {
    _plain_stem(w): _plain_stem(g.split()[0])
    for g in statements._SYNONYM_GROUPS for w in g.split()
}


def _plain_normalise_word(word: str) -> str:
    w = anyascii(word).lower()
    for tail in ("'s", "'", "s'"):
        if w.endswith(tail) and len(w) > len(tail) + 1:
            w = w[: -len(tail)]
            break
    w = w.replace("'", "")
    if not w or w in _STOPWORDS or w in _NUMBER_WORDS:
        return ""
    if len(w) < 3 and not (word.isupper() and len(word) == 2):
        return ""
    w = _plain_stem(_SYNONYMS.get(w, w))
    if w in _STOPWORDS:
        return ""
    return _PLAIN_STEMMED_SYNONYMS.get(w, w)


def _plain_word_parts(word: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for ws, we, part in _plain_words(word, 0, len(word)):
        tok = _plain_normalise_word(part)
        out.append((ws, we, "" if tok.isdigit() else tok))
    return tuple(out)


def _plain_word_entries(word: str) -> tuple[tuple[int, str, str, bool], ...]:
    return tuple(
        (ws, tok, anyascii(word[ws:we]).lower(), word[ws].isupper())
        for ws, we, tok in _plain_word_parts(word)
    )


def _plain_word_tokens(word: str) -> tuple[str | bool, ...]:
    return tuple(
        item for _, tok, form, cap in _plain_word_entries(word) if tok
        for item in (tok, form, cap)
    )


def _plain_plain_tokens(text: str, start: int, end: int) -> Iterator[str | bool]:
    return itertools.chain.from_iterable(
        map(_plain_word_tokens, _WORD.findall(text, start, end))
    )


def _plain_mention_tokens(
    text: str,
    start: int,
    until: int,
    end: int,
    entity_at: Mapping[int, tuple[int, str]],
    flat: list[Any],
) -> int:
    skip_to = -1
    for m in _WORD.finditer(text, start, end):
        pos = m.start()
        for rel_start, tok, form, cap in _plain_word_entries(m.group()):
            ws = pos + rel_start
            if ws < skip_to:
                continue
            hit = entity_at.get(ws)
            if hit is not None:
                skip_to = hit[0]
                flat += (hit[1], anyascii(text[ws:skip_to]).lower(), True)
            elif tok:
                flat += (tok, form, cap)
        if m.end() > until and m.end() >= skip_to:
            return m.end()
    return end


def _plain_clauses(text: str, start: int, end: int, min_tokens: int) -> list[tuple[int, int]]:
    if not statements._CLAUSE_CUE.search(text, start, end):
        return [(start, end)]
    bounds = [(m.start(), m.end()) for m in statements._CLAUSE.finditer(text, start, end)]
    if not bounds:
        return [(start, end)]
    starts = [ts for ts, _, _ in _plain_tokens_at(text, start, end)]
    cuts = [start]
    for b_start, b_end in bounds:
        left = bisect.bisect_left(starts, b_start) - bisect.bisect_left(starts, cuts[-1])
        right = len(starts) - bisect.bisect_left(starts, b_end)
        if left >= min_tokens and right >= min_tokens:
            cuts.append(b_start)
            cuts.append(b_end)
    cuts.append(end)
    spans = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def _plain_tokens_at(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (ws, we, tok) for ws, we, part in _plain_words(text, start, end)
        if (tok := _plain_normalise_word(part)) and not tok.isdigit()
    ]


def _plain_keys(
    tokens: Sequence[str],
    anchor_keys: Sequence[str],
    events: Sequence[tuple[str, str]],
    df: Mapping[str, int],
    max_postings: int,
) -> set[str]:
    keys = {t for t in tokens if 1 < df.get(t, 0) <= max_postings}
    keys.update(anchor_keys)
    keys.update(f"event{n}:{cid}" for cid, _ in events for n in (1, 2))
    return keys


def _plain_fuzzy_words(bag: frozenset[str]) -> frozenset[str]:
    return frozenset([t for t in bag if len(t) >= 6 and not t.startswith("ent:")])


def _plain_with_statistics(
    rows: Sequence[Any], canonical: Mapping[str, str], cfg: AlignConfig
) -> Collection:
    df = dict(Counter(itertools.chain.from_iterable(map(frozenset, (row[5] for row in rows)))))
    bare = Collection((), df, canonical, cfg, rows=tuple(rows))
    weights = {tok: bare.weight(tok) for tok in df}
    totals, longs, keys = [], [], []
    weight = weights.__getitem__
    for row in rows:
        bag = frozenset(row[5])
        totals.append(sum(map(weight, bag)))
        longs.append(sum(map(weight, _plain_fuzzy_words(bag))))
        keys.append(tuple(_plain_keys(row[5], row[13], row[11], df, cfg.max_postings)))
    return attrs.evolve(
        bare, totals=tuple(totals), longs=tuple(longs), weights=weights, keys=tuple(keys)
    )


def _plain_only_opening(toks: Sequence[str], shared: frozenset[str], opening: int) -> bool:
    if len(toks) <= opening + 2:
        return False
    return all(t not in shared for t in toks[opening:])


def _plain_with_events(
    score: float, a: _Stmt, b: _Stmt, cfg: AlignConfig, anchors: list[str]
) -> float:
    ea = {c for c, _ in a.events}
    eb = {c for c, _ in b.events}
    if ea & eb:
        anchors += [c if c.startswith("event:") else "event:" + c for c in sorted(ea & eb)]
        return score + cfg.event_bonus
    if {t for _, t in a.events} & {t for _, t in b.events}:
        return score * cfg.event_conflict
    return score


def _plain_with_quantities(
    score: float, a: _Stmt, b: _Stmt, cfg: AlignConfig, anchors: list[str]
) -> float:
    q_anchor, q_conflict = statements._quantity_anchors(a, b, cfg)
    if q_anchor:
        anchors += q_anchor
        return score + cfg.quantity_bonus
    return score * cfg.quantity_conflict if q_conflict else score


def _plain_score_sides(
    sa: _Side, sb: _Side, coll: Collection, words_from: float | None = None
) -> PairScore:
    if sa.st.index > sb.st.index:
        sa, sb = sb, sa
    a, b = sa.st, sb.st
    cfg = coll.config
    shared = sa.bag & sb.bag
    weights = coll.weights
    ws = sum(map(weights.__getitem__, shared))
    if statements._rejected(sa, sb, shared, ws, coll):
        return statements._ZERO
    fz, fz_words = statements._fuzzy_sorted(
        [t for t in sa.fuzzy if t not in shared], [t for t in sb.fuzzy if t not in shared], coll
    )
    text = statements._words_score(a, b, ws + fz, coll)
    run_bound = statements._stretch_weight(a.tokens, shared, weights)
    if run_bound:
        run_bound = min(run_bound, statements._stretch_weight(b.tokens, shared, weights))
    most = text + cfg.run_bonus * min(1.0, run_bound / cfg.run_full)
    least = min(cfg.min_score, cfg.join_score) - statements._MARGIN
    if statements._bound_with_anchors(most, a, b, cfg) < least:
        return statements._ZERO
    run = 0.0
    if run_bound:
        run = statements._run_weight(a.tokens, b.tokens, shared, weights, cfg.run_full)
    score = text + cfg.run_bonus * min(1.0, run / cfg.run_full)
    entities = sorted(t[4:] for t in shared if t.startswith("ent:"))
    anchors = ["entity:" + coll.canonical.get(e, e) for e in entities]
    score = statements._with_dates(score, a, b, cfg, anchors)
    score = statements._with_events(score, a, b, cfg, anchors)
    score = statements._with_quantities(score, a, b, cfg, anchors)
    gap = statements._gap_days(a.reference, b.reference)
    if gap is not None and gap > cfg.max_days_apart:
        score *= cfg.days_apart_factor
    if words_from is None:
        words_from = min(cfg.min_score, cfg.join_score)
    if score >= words_from:
        anchors += statements._word_anchors(a, shared, fz_words, coll)
    return PairScore(score, tuple(anchors))


_PLAIN = {
    "_plain_tokens": _plain_plain_tokens,
    "_clauses": _plain_clauses,
    "_mention_tokens": _plain_mention_tokens,
    "_word_entries": _plain_word_entries,
    "_word_parts": _plain_word_parts,
    "_normalise_word": _plain_normalise_word,
    "_with_statistics": _plain_with_statistics,
    "_only_opening": _plain_only_opening,
    "_with_events": _plain_with_events,
    "_with_quantities": _plain_with_quantities,
    "_score_sides": _plain_score_sides,
}

_MEMOS = ("_word_tokens", "_word_entries", "_word_parts", "_fold", "_what_words")


def _cold() -> None:
    """Empty the statement alignment's word memos: a first sight."""
    for name in _MEMOS:
        getattr(getattr(statements, name), "cache", {}).clear()


# --- real text --------------------------------------------------------------------------


def _real_articles() -> list[Article]:
    paths = sorted(CORPUS.glob("1_*.txt"))[:10] + sorted(CORPUS.glob("3_*.txt"))[:6]
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    if len(paths) < 10:
        pytest.skip("the ecbplus corpus is not beside the project")
    return [Article.from_path(p) for p in paths]


@pytest.fixture(name="real", scope="module")
def fixture_real() -> tuple[Any, ...]:
    cfg = Config()
    exts = tuple(extract(a, cfg) for a in _real_articles())
    entities = link_entities(exts, cfg)
    events = align_events(exts, entities, cfg)
    return exts, entities, events, cfg


def _real_words(exts: Iterable[Any]) -> list[str]:
    return list(dict.fromkeys(w for ex in exts for w in _WORD.findall(ex.article.text)))


def test_words_read_as_the_plain_forms_read_them(real: tuple[Any, ...]) -> None:
    words = _real_words(real[0])
    assert len(words) > 2000
    read = statements._word_entries.__wrapped__
    assert any(len(read(w)) > 1 for w in words), "no glued word read"
    for w in words:
        assert statements._word_entries.__wrapped__(w) == _plain_word_entries(w), w
        assert statements._word_parts.__wrapped__(w) == _plain_word_parts(w), w
        assert statements._word_tokens.__wrapped__(w) == _plain_word_tokens(w), w
        assert statements._normalise_word(w) == _plain_normalise_word(w), w


_LETTERS = [*"abcxyzXYZAB'’-1_ .", "é", "Å", "ß", "İ", "ﬁ", "Kiev", "NATOmilitary", "it's",
            "O'Brien", "rebels'", "USA", "killed", "McDonald", "iPhone", "DeKalb", "EU"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LETTERS), max_size=20), st.text(max_size=12))
def test_words_of_any_text_read_as_the_plain_forms(pieces: list[str], extra: str) -> None:
    text = "".join(pieces) + " " + extra + " " + "x" * 70 + "Yz"
    for w in _WORD.findall(text):
        assert statements._word_entries.__wrapped__(w) == _plain_word_entries(w)
        assert statements._word_parts.__wrapped__(w) == _plain_word_parts(w)
        assert statements._word_tokens.__wrapped__(w) == _plain_word_tokens(w)
    half = len(text) // 2
    _cold()
    list(statements._plain_tokens(text, 0, half))  # some words known, some not
    assert list(statements._plain_tokens(text, 0, len(text))) == list(
        _plain_plain_tokens(text, 0, len(text))
    )


def test_plain_tokens_with_the_memo_partly_filled(real: tuple[Any, ...]) -> None:
    for ex in real[0][:6]:
        text = ex.article.text
        _cold()
        for a, b in itertools.pairwise(range(0, len(text) + 400, 400)):
            assert list(statements._plain_tokens(text, a, b)) == list(
                _plain_plain_tokens(text, a, b)
            )


_PIECES = [*"abcXYZ  '’-;.,é1_", "Kiev", "Moscow", "KievMoscow", "Putin's", "NATOmilitary",
           "it's", "O'Brien", "rebels'", "Obama", "x" * 64, "U.S.", "'EU", "’UN", "'s", "s"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=24),
    st.lists(
        st.tuples(st.integers(0, 70), st.integers(0, 14), st.sampled_from(["ent:a", "ent:b"])),
        max_size=6,
    ),
    st.integers(0, 5),
    st.integers(0, 5),
)
# a mention ending where a word goes on past an apostrophe; an empty mention at the start
@example(pieces=["Obama", "'EU", " went"], mentions=[(0, 1, "ent:a")], cut_start=0, cut_end=0)
@example(pieces=["Kiev", " went"], mentions=[(0, 0, "ent:a")], cut_start=0, cut_end=0)
def test_mentions_read_as_the_plain_loop(
    pieces: list[str], mentions: list[tuple[int, int, str]], cut_start: int, cut_end: int
) -> None:
    """Mentions anywhere: at a word or inside one, ending at a word's end or not."""
    text = "".join(pieces)
    # mentions that start at a word and end at one too, the fast path's case, and others
    # (a run of letters may end inside a word match: "Obama" of "Obama'EU")
    starts = [m.start() for m in _WORD.finditer(text)]
    ends = [m.end() for m in re.finditer(r"[^\W_]+", text)]
    entity_at = {a: (min(len(text), a + n), tok) for a, n, tok in mentions if a < len(text)}
    for a, n, tok in mentions:
        if starts:
            at = starts[a % len(starts)]
            later = [b for b in [at, *ends] if b >= at]
            entity_at[at] = (later[n % len(later)], tok)
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    fast = statements._statement_tokens(text, start, end, entity_at, sorted(entity_at))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(statements, "_mention_tokens", _plain_mention_tokens)
        plain = statements._statement_tokens(text, start, end, entity_at, sorted(entity_at))
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from("abcdefgh"), max_size=12),
    st.frozensets(st.sampled_from("abcdefgh")),
    st.integers(0, 5),
)
def test_only_opening_is_one_isdisjoint(toks: list[str], shared: frozenset[str], n: int) -> None:
    assert statements._only_opening(toks, shared, n) == _plain_only_opening(toks, shared, n)


# --- end to end ------------------------------------------------------------------------


def _run(real: tuple[Any, ...]) -> tuple[str, str, list[Any]]:
    exts, entities, events, cfg = real
    _cold()
    coll = statements._collection(exts, entities, events, cfg)
    scored = list(statements._scored(statements._candidates(coll), coll))
    aligned = statements.align_statements(exts, entities, events, cfg)
    return repr(coll), repr(aligned), scored


def test_end_to_end_equals_the_plain_forms(real: tuple[Any, ...]) -> None:
    fast = _run(real)
    with pytest.MonkeyPatch.context() as mp:
        for name, fn in _PLAIN.items():
            mp.setattr(statements, name, fn)
        plain = _run(real)
    assert fast[0] == plain[0]
    assert fast[2] == plain[2]
    assert fast[1] == plain[1]
    scores = [ps.score for _, _, ps in fast[2]]
    assert sum(s > 0 for s in scores) > 20, "few pairs scored: a weak test"
    assert any(math.isclose(s, 0.0) for s in scores)


def test_statistics_sets_iterate_as_the_plain_ones(real: tuple[Any, ...]) -> None:
    """The keys and long words of each statement: the same sets, in the same order."""
    exts, entities, events, cfg = real
    coll = statements._collection(exts, entities, events, cfg)
    plain = _plain_with_statistics(coll.rows, coll.canonical, cfg.align)
    assert coll.keys == plain.keys
    assert coll.longs == plain.longs  # floats summed in the same order, to the bit
    assert coll.totals == plain.totals


# --- candidate pairs: items held ``need`` times, by a comparison in C -----------------


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=60), st.integers(1, 5))
def test_held_at_least_equals_the_count(items: list[int], need: int) -> None:
    plain = sorted([j for j, n in Counter(items).items() if n >= need])
    assert statements._held_at_least(list(items), need) == plain


def test_candidate_pairs_equal_the_counted_ones(real: tuple[Any, ...]) -> None:
    exts, entities, events, cfg = real
    coll = statements._collection(exts, entities, events, cfg)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(
            statements,
            "_held_at_least",
            lambda items, need: sorted([j for j, n in Counter(items).items() if n >= need]),
        )
        plain = statements._shared_key_pairs(coll)
    fast = statements._shared_key_pairs(coll)
    assert fast == plain
    assert len(fast[0]) > 50


# --- clauses: the tokens between boundaries counted once ----------------------------

_CLAUSE_PIECES = [*" ;-—–,.", " - ", " -- ", " — ", "; ", "rebels", "seized", "the", "port",
                  "NATOmilitary", "it's", "Kherson", "x" * 64, "12", "second-biggest"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=40), st.integers(1, 4))
def test_clauses_equal_the_offsets_of_each_token(pieces: list[str], min_tokens: int) -> None:
    text = "".join(pieces)
    assert statements._clauses(text, 0, len(text), min_tokens) == _plain_clauses(
        text, 0, len(text), min_tokens
    )


def test_clauses_of_real_sentences(real: tuple[Any, ...]) -> None:
    cut = 0
    for ex in real[0]:
        for a, b, _ in ex.sentences.spans():
            got = statements._clauses(ex.article.text, a, b, 3)
            assert got == _plain_clauses(ex.article.text, a, b, 3)
            cut += len(got) > 1
    assert cut > 3, "no sentence cut into clauses: a weak test"
