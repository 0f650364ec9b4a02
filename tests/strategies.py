"""The project's hypothesis strategies (attrs keeps its own in ``tests/strategies.py`` too).

Most come from the shipped toolkit, :mod:`discrep.testing`, so discrep's own suite uses
what its users use. ``budget`` scales the number of examples of an expensive property
(one that calls :func:`discrep.compare`) with the active profile: the ``ci`` profile's 60
examples become 24, ``large``'s 2000 become 800.
"""

from __future__ import annotations

import attrs
from hypothesis import Phase, settings
from hypothesis import strategies as st

from discrep import Article
from discrep.testing import PLANTED, Generated, articles, neutral_edits

__all__ = [
    "articles",
    "budget",
    "neutral_edits",
    "planted_names",
    "twin",
    "unicode_texts",
]

#: The names of the planted perturbations (keys of ``discrep.testing.PLANTED``).
planted_names = st.sampled_from(sorted(PLANTED))

#: Any text hypothesis can write that is not blank (blank articles are refused on purpose).
unicode_texts = st.text(min_size=1, max_size=400).filter(lambda s: bool(s.strip()))


def budget(fraction: float = 0.4, *, floor: int = 10, known_gap: bool = False) -> settings:
    """Settings for a compare()-based property: a fraction of the profile's examples.

    ``known_gap=True`` is for a property marked ``xfail(strict=True)``: the draws are fixed
    under every profile (derandomized) and the failing example is not shrunk (it is
    pinned as a plain example test instead), so the expected failure stays cheap.
    """
    examples = max(floor, int(settings.default.max_examples * fraction))
    if not known_gap:
        return settings(max_examples=examples)
    return settings(
        max_examples=examples, derandomize=True, phases=[Phase.explicit, Phase.generate]
    )


def twin(generated: Generated | Article, source: str = "b") -> Article:
    """The same article under another source name (a second outlet printing it verbatim)."""
    art = generated.article if isinstance(generated, Generated) else generated
    return attrs.evolve(art, source=source)
