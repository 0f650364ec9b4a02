"""The quantity scanner's last-word check never passes over a window a qualifier ends.

Issue 14 throughput: ``_qualifier_ending`` searches for a qualifier ("more than", "nearly",
"≥") only in the windows whose last word or sign may end one (``_may_end_qualifier``).
"""

from __future__ import annotations

import itertools
import re
from re import _constants as sre_c  # type: ignore[attr-defined]  # parsed patterns (3.11)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrep._extract import quantities
from discrep._lexicon import compile_spaced

_WORDS = st.sampled_from(
    ["more", "than", "or", "equal", "to", "at", "least", "upwards", "of", "in", "excess",
     "well", "over", "above", "exceeding", "exceeds", "surpassed", "no", "fewer", "not",
     "a", "minimum", "record", "less", "under", "below", "short", "up", "as", "many", "much",
     "most", "maximum", "equals", "equalling", "exactly", "precisely", "nearly", "almost",
     "close", "just", "shy", "approaching", "quite", "about", "around", "approximately",
     "roughly", "some", "an", "estimated", "circa", "approx.", "approx", "approximate",
     "nigh", "on", "killed", "potato", "MORE", "Than", "ABOUT", "ſome", "almoſt", "abOut",
     ">", "<", "=", "≥", "≤", "~", "> =", "x>", "$", "(", "-", "\n", "5", "", "."]
)  # fmt: skip
_GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u202f", "", "\n", " \n"])
_WINDOWS = st.lists(st.tuples(_WORDS, _GAPS), max_size=8).map(
    lambda parts: "".join(w + g for w, g in parts)
)


def _qualifier_texts() -> st.SearchStrategy[str]:
    """Text each qualifier alternative matches, in any case, then blanks."""
    forms = [compile_spaced(rx, re.IGNORECASE) for rx, _sym in quantities._QUALIFIERS]
    return st.tuples(st.sampled_from(forms).flatmap(lambda rx: st.from_regex(rx, fullmatch=True)),
                     _GAPS, st.sampled_from(["", "of ", "OF\u00a0"])).map(
        lambda t: t[0] + (t[1] or " ") + t[2])


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=6) | _WINDOWS, _WINDOWS | _qualifier_texts(), st.integers(0, 8))
@example("killed ", "more than ", 0)
@example("", "approx. ", 0)
@example("x.", "about\u00a0", 0)
@example("", "about\n", 0)  # "$" matches before a final line break
@example("", "> =", 0)
def test_last_word_check_keeps_every_qualifier(before: str, window: str, cut: int) -> None:
    text = before + window + "5 people"
    end = len(before) + len(window)
    lo = min(cut, end)
    plain = quantities._QUAL_RE.search(text, lo, end)
    if plain is not None:
        assert quantities._may_end_qualifier(text, lo, end)
    fast = quantities._qualifier_ending(text, lo, end)
    assert (fast and (fast.span(), fast.lastgroup)) == (plain and (plain.span(), plain.lastgroup))


def _expand(items: Any) -> list[str]:
    """Return every text a finite pattern matches.

    Each repeat once or, if optional, not at all; each class by its first member;
    lookarounds read nothing.
    """
    out = [""]
    for op, av in items:
        if op is sre_c.LITERAL:
            alts = [chr(av)]
        elif op is sre_c.IN:
            first = av[0]
            alts = [chr(first[1] if first[0] is sre_c.LITERAL else 0x20)]
            if first[0] is sre_c.CATEGORY:
                alts = [" "]
        elif op is sre_c.BRANCH:
            alts = [t for branch in av[1] for t in _expand(branch)]
        elif op is sre_c.SUBPATTERN:
            alts = _expand(av[-1])
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            once = _expand(av[2])
            alts = once + ([""] if av[0] == 0 else [])
        elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue
        else:
            raise AssertionError(op)
        out = [a + b for a, b in itertools.product(out, alts)]
    return out


def test_every_qualifier_phrase_passes_the_check() -> None:
    """Each phrase of each qualifier passes, in three cases.

    All the alternatives ("approx" and "approx."), with the blanks and "of" that may follow.
    """
    phrases = {t for rx, _sym in quantities._QUALIFIERS for t in _expand(sre_parse.parse(rx))}
    assert {"more than", "an approximate", "approx.", "approx", "surpassing", "> ="} <= phrases
    for phrase, case, tail in itertools.product(
        phrases, (str.lower, str.upper, str.title), (" ", "\u00a0\t", " of ", "")
    ):
        window = "then " + case(phrase) + tail
        text = window + "5"
        plain = quantities._QUAL_RE.search(text, 0, len(window))
        if plain is not None:
            assert quantities._may_end_qualifier(text, 0, len(window)), window
        fast = quantities._qualifier_ending(text, 0, len(window))
        assert (fast and fast.span()) == (plain and plain.span())
    assert len(phrases) > 60


def test_blanks_are_the_spaced_class() -> None:
    spaced = compile_spaced(r"[ \t]")
    assert {c for c in map(chr, range(0x3000)) if spaced.match(c)} == set(quantities._BLANKS)


def test_most_windows_are_passed_over() -> None:
    """Control: the check does decide ("killed 5" holds no qualifier)."""
    assert not quantities._may_end_qualifier("they killed 5", 0, len("they killed "))
    assert not quantities._may_end_qualifier("(5", 0, 1)
    assert quantities._may_end_qualifier("more than 5", 0, len("more than "))
