"""The readings of a word (discrep._normalize._readings) skip the readings that change nothing.

The oracle is the plain loop, which folds every reading of the word whether it changed
the word or not; the fast form must give the same keys in the same order.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from discrep import _normalize as N

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"


_Rules = tuple[tuple[re.Pattern[str], N._Repl], ...]


def _readings_plain(token: str, french_rules: _Rules) -> tuple[str, ...]:
    plain = N._ascii(token)
    keys = [N._apply(plain, N._RULES)]
    vowels = N._VOWELS_EI_OU if N._PERSIAN_MARK.search(plain) else N._VOWELS_EI
    for reading in (french_rules, N._GREEK, vowels, N._W_AS_U, N._DUDEN_YO, N._C_AS_TS):
        folded = N._apply(N._apply(plain, reading), N._RULES)
        if folded not in keys:
            keys.append(folded)
    if N._ARTICLE_WORD.match(token) or plain.endswith("ah"):
        bare = N._apply(plain, N._ARABIC)
        for reading in ((), french_rules, N._VOWELS_EI_OU):
            folded = N._apply(N._apply(bare, reading), N._RULES)
            if folded not in keys:
                keys.append(folded)
    wade = N.pinyin_as_wade_giles(token)
    if wade is not None and (folded := N._apply(N._ascii(wade), N._RULES)) not in keys:
        keys.append(folded)
    return tuple(keys)


_NAMES = [
    "Chevtchenko", "Shevchenko", "Pelagias", "Pelayias", "al-Najaf", "el-Nadjaf",
    "el-Falloudja", "Fallujah", "Tihran", "Tehran", "Xiaoping", "Zedong", "Kyiv", "Kiev",
    "Boutcha", "Machhad", "Mashhad", "Zelenskyy", "Selenskyj", "Wladimir", "Fyodor",
    "Tsitsipas", "Dnieper", "Ahmadinejad", "Ahmadinezhad", "Jiang", "Allah", "Abdullah",
]


def _corpus_words() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt"))[::5]
    return sorted({w for p in paths for w in re.findall(r"[A-Z][\w'’-]+", p.read_text("utf-8"))})


def test_readings_are_the_plain_readings_on_names_and_the_corpus() -> None:
    words = _NAMES + _corpus_words()
    for rules in (N._FRENCH, N._FRENCH_PLACE):
        assert [N._readings(w, rules) for w in words] == [_readings_plain(w, rules) for w in words]
    # the words above exercise every branch: several readings, the article, Wade-Giles
    assert any(len(N._readings(w, N._FRENCH)) >= 3 for w in _NAMES)


@given(st.text(alphabet="aeiouychjkszgwtdnrl-'’AEKZSCY", min_size=1, max_size=14))
@settings(max_examples=400, deadline=None)
def test_readings_are_the_plain_readings_on_letter_soup(word: str) -> None:
    for rules in (N._FRENCH, N._FRENCH_PLACE):
        assert N._readings(word, rules) == _readings_plain(word, rules)
