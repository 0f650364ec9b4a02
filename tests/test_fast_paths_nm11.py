"""Fast paths of the names stage (session 11, first sight) give what the plain forms give."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import Article, Config
from discrep._extract import names
from discrep._read import mark_junk
from discrep._segment import segment

_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: ``_MAY_CAP`` as it was written: an alternation of two classes.
_MAY_CAP_PLAIN = re.compile(r"[A-Z\-\u2010]|[^\x00-\u00bf\u2000-\u206f]")


def _last_capital_plain(text: str) -> int:
    m = _MAY_CAP_PLAIN.search(text[::-1])
    return -1 if m is None else len(text) - 1 - m.start()


def test_may_cap_is_the_alternation_over_all_of_unicode() -> None:
    """The one class matches the very characters the two classes matched."""
    every = "".join(map(chr, range(0x110000)))
    assert [m.start() for m in names._MAY_CAP.finditer(every)] == [
        m.start() for m in _MAY_CAP_PLAIN.finditer(every)
    ]


@given(st.text(max_size=80))
@example("abc Éd ef")
@example("ab \u2010 cd \u2011")
@example("x\u00bf\u00c0\u1fff\u2000\u206f\u2070")
def test_last_capital_is_the_plain_search(text: str) -> None:
    assert names._last_capital(text) == _last_capital_plain(text)


def _seed_texts() -> list[str]:
    return [Article.from_path(p).text for p in sorted(_SEEDS.glob("*.txt"))]


def test_runs_are_runs_as_their_class_makes_them() -> None:
    """A run made by ``tuple.__new__`` is the NamedTuple its constructor makes."""
    places = Config().places
    checked = 0
    for text in _seed_texts():
        sentences = mark_junk(text, segment(text))
        lower = names._LowerWords(text)
        for run, _toks, _i in names._runs(places, text, sentences, lower):
            assert type(run) is names._Run
            assert run == names._Run(run.toks, run.sentence, run.initial, run.headline)
            assert run.start == run.toks[0].start
            assert run.end == run.toks[-1].end
            checked += 1
    assert checked > 200


def _word_by_word_plain(places, ctx, run, words):  # type: ignore[no-untyped-def]
    """``_word_by_word`` as it was: every word asked whether the article writes it lower."""
    proper = [t for t in words if t.text.lower() not in names._PARTICLES]
    ordinary = [t.lower in ctx.lower for t in proper]
    common = all(ordinary) or (run.initial and words[0] is proper[0] and ordinary[0])
    common = common or any(names._placeish(places, t.bare) for t in proper)
    shouting = all(t.bare.isupper() for t in words)
    if run.headline or shouting or common or len(proper) > 4:
        return True
    return all(names._exact_place(places, t.bare) for t in proper)


def _same_mentions(text: str) -> None:
    import pytest

    article = Article(text)
    sentences = mark_junk(text, segment(text))
    got = names.extract_mentions(article, sentences, Config())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(names, "_word_by_word", _word_by_word_plain)
        want = names.extract_mentions(article, sentences, Config())
    assert got == want


def test_mentions_are_the_plain_rules_on_the_seeds() -> None:
    for text in _seed_texts():
        _same_mentions(text)


_WORDS = st.sampled_from(
    ["Ann", "Roe", "Arden", "Paris", "Texas", "Georgia", "Florence", "Mark", "The", "New",
     "York", "of", "the", "von", "der", "and", "in", "said", "met", "a", "it", "Clearly",
     "clearly", "mark", "paris", "MOSCOW", "Kyiv", "Ukraine", "Russian", "Council", "Mr.",
     "President", "minister", "Ministry", "Foreign", "he", "left", ",", ".", "\n\n"]
)


@given(st.lists(_WORDS, min_size=1, max_size=40))
@example(["Clearly", "Mark", "Roe", "left", ".", "Mark", "said", "clearly", "."])
@example(["Paris", "Texas", "met", "Ann", ".", "A", "paris", "texas", "."])
def test_mentions_are_the_plain_rules_on_generated_text(words: list[str]) -> None:
    _same_mentions(" ".join(words))
