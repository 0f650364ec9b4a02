"""Fast paths of place lookups (session 11, first sight) give what the plain forms give.

Each oracle below is the function as it was before its fast path (commit f151b11), kept
word for word; the fast form must agree with it on the corpus's names and on generated text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from discrep import _normalize as N

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"


@lru_cache(maxsize=1)
def _corpus_names() -> list[str]:
    """Runs of capitalised words of every fourth article, and their words, as names."""
    paths = sorted(CORPUS.glob("*.txt"))[::4]
    found: set[str] = set()
    for p in paths:
        for m in re.finditer(r"[A-Z][\w'’.\-]*(?:[ \-][A-Z][\w'’.\-]*)*", p.read_text("utf-8")):
            found.add(m.group())
            found.update(m.group().split())
    return sorted(found)


# --- surface -------------------------------------------------------------------------------


def _surface_plain(name: str) -> str:
    words = [N.strip_possessive(w) for w in N._WORD_SPLIT.split(name)]
    text = unicodedata.normalize("NFKD", " ".join(words)).translate(N._COMBINING)
    return " ".join(N._PUNCT.sub("", text.casefold()).split())


_NAME_TEXT = st.text(
    st.sampled_from("aZk09 é'’-–._\t\nİßK\u0301\u00a0") | st.characters(), max_size=30
)


def test_surface_is_the_plain_surface_on_the_corpus_names() -> None:
    names = _corpus_names()
    assert len(names) > 3000
    assert [N.surface(n) for n in names] == [_surface_plain(n) for n in names]


@given(_NAME_TEXT)
@example("")
@example(" ")
@example("Los  Angeles")
@example(" Kyiv")
@example("Kyiv ")
@example("Kyiv's")
@example("U.S.")
@example("Dnipro 2")
def test_surface_is_the_plain_surface_on_any_text(name: str) -> None:
    assert N.surface(name) == _surface_plain(name)
