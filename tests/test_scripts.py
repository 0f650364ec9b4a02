"""Class 10: name variants of other scripts, romanised by real systems, link per script.

The names and tables are in discrep.testing.scripts (pypinyin for Chinese, the national,
BGN/PCGN, passport and ALA-LC tables for Belarusian, DIN 31635 / ALA-LC / BGN/PCGN /
French for Arabic and Persian, Duden and iuliia's French scheme for Russian). Look-alike
different people and places stay apart.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrep._align.entities import link_entities
from discrep._config import Config
from discrep._gazetteer import lookup
from discrep._model import Article, Extraction, Mention
from discrep.testing.scripts import (
    SCRIPT_NAMES,
    measure_script_linking,
    romanised,
    script_confusable_pairs,
    script_variant_pairs,
)

pytest.importorskip("pypinyin", reason="the Chinese tables come from pypinyin")


def _extraction(source: str, kind: str, name: str) -> Extraction:
    place = lookup(name) if kind == "place" else None
    mention = Mention(
        source=source, start=0, end=len(name), text=name,
        kind="place" if kind == "place" else "person", name=name,
        place_id=place.id if place is not None else None,
    )
    return Extraction(Article(name, source=source), (), mentions=(mention,))


def _linked(kind: str, a: str, b: str) -> bool:
    entities = link_entities([_extraction("a", kind, a), _extraction("b", kind, b)], Config())
    return len(entities) == 1


#: Per-script pairwise F1 floors, as measured (benchmarks/bench_variants.py). The issue's
#: target is 0.97 for each.
_FLOOR = {"chinese": 1.0, "belarusian": 1.0, "german-french": 1.0, "arabic": 1.0,
          "persian": 1.0}


@pytest.mark.parametrize("script", sorted(SCRIPT_NAMES))
def test_link_f1_per_script(script: str) -> None:
    """Every romanisation of every name: pairwise precision 1.0, F1 above the floor."""
    score = measure_script_linking(script)
    assert score.precision == 1.0, score.errors
    assert score.f1 >= _FLOOR[script], score.errors


@given(st.sampled_from(["chinese", "belarusian", "german-french"]).flatmap(script_variant_pairs))
def test_romanisations_of_one_name_link_in_each_script(pair: tuple[str, str, str]) -> None:
    """Two romanisations of one name by two systems land in one entity."""
    kind, a, b = pair
    assert _linked(kind, a, b), (a, b)


@given(st.sampled_from(sorted(SCRIPT_NAMES)).flatmap(script_confusable_pairs))
def test_look_alike_names_stay_apart_in_each_script(pair: tuple[str, str, str]) -> None:
    """Li Keqiang/Li Peng, Bashar/Hafiz al-Asad, Kerman/Kermanshah: never one entity."""
    kind, a, b = pair
    assert not _linked(kind, a, b), (a, b)


def test_the_tables_are_applied_not_typed() -> None:
    """Each name has several forms, and the known systems' marks show up in them."""
    forms = {f for names in SCRIPT_NAMES.values() for n in names for f in romanised(n)}
    assert "Teng Hsiao-p'ing" in forms  # Wade-Giles from pypinyin
    assert "Deng Xiaoping" in forms
    assert any("ŭ" in f for f in forms)  # Belarusian national/ALA-LC
    assert any(f.startswith("Dj") for f in forms)  # French transcription of Arabic
    assert all(len(romanised(n)) >= 2 for names in SCRIPT_NAMES.values() for n in names
               if n.key not in {"babaryka", "hrodna", "salihorsk", "homs", "nasrallah",
                                "baghdad", "benghazi", "tabriz", "ahvaz", "hamadan"})


def test_nikolayev_resolves_to_mykolaiv() -> None:
    """Nikolayev resolves to Mykolaiv (the hypothesis large profile's failure).

    A Russian form one letter from an alternate name of the city (Nikolaev) resolves to it.
    """
    nikolayev, mykolaiv = lookup("Nikolayev"), lookup("Mykolaiv")
    assert nikolayev is not None
    assert mykolaiv is not None
    assert nikolayev.id == mykolaiv.id
    assert _linked("place", "Mykolaiv", "Nikolayev")
