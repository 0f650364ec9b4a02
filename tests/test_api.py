"""The public API contract: names exported, values frozen, errors typed."""

from __future__ import annotations

import attrs
import pytest

import discrep


def test_all_is_the_public_api() -> None:
    """__all__ names exactly the public names, each importable from discrep."""
    public = {n for n in dir(discrep) if not n.startswith("_")}
    assert set(discrep.__all__) - {"__version__"} <= public
    for name in discrep.__all__:
        assert getattr(discrep, name) is not None


def test_values_are_frozen() -> None:
    """Article is immutable: changes go through attrs.evolve."""
    art = discrep.Article("Kyiv.", source="a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        art.text = "x"  # type: ignore[misc]
    assert attrs.evolve(art, source="b").source == "b"


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (discrep.ArticleError, ValueError),
        (discrep.InputTypeError, TypeError),
        (discrep.NoArticlesError, ValueError),
        (discrep.ArticleReadError, OSError),
    ],
)
def test_errors_derive_from_builtins(error: type[Exception], builtin: type[Exception]) -> None:
    """Each error is a DiscrepError and the builtin it resembles."""
    assert issubclass(error, discrep.DiscrepError)
    assert issubclass(error, builtin)
