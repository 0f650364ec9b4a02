"""Config: every setting checked when the value is built, with errors naming the field."""

from __future__ import annotations

import datetime as dt
import math

import attrs
import pytest

from discrep import (
    AlignConfig,
    Article,
    Config,
    ConfigError,
    ConfigTypeError,
    DiscrepError,
    NamesConfig,
    PlacesConfig,
    QuantityConfig,
    ReadConfig,
    TimeConfig,
    compare,
)
from discrep._config import NAMES_BACKENDS, ConfidenceConfig, StoryConfig
from discrep._extract import extract
from discrep._read import read_text

#: Every section of Config (a new one is checked here without being listed).
SECTIONS = tuple(type(f.default) for f in attrs.fields(Config) if attrs.has(type(f.default)))
NUMERIC = [
    (cls, f)
    for cls in (*SECTIONS, Config)
    for f in attrs.fields(cls)
    if f.type in ("int", "float")
]


def _id(x: object) -> str:
    return str(getattr(x, "name", None) or getattr(x, "__name__", ""))


def test_defaults_build() -> None:
    cfg = Config()
    assert [type(getattr(cfg, f.name)) for f in attrs.fields(Config)][3:] == list(SECTIONS)


def test_the_issue_examples_fail_at_construction() -> None:
    with pytest.raises(ConfigTypeError, match=r"AlignConfig\.min_score takes a number from 0"):
        AlignConfig(min_score="x")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=r"NamesConfig\.backend = 'spacy' is not one of 'rules'"):
        NamesConfig(backend="spacy")


@pytest.mark.parametrize(("cls", "field"), NUMERIC, ids=_id)
def test_every_number_refuses_a_string_naming_the_field(
    cls: type, field: attrs.Attribute  # type: ignore[type-arg]
) -> None:
    with pytest.raises(ConfigTypeError, match=rf"^{cls.__name__}\.{field.name} takes ") as info:
        cls(**{field.name: "x"})
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, DiscrepError)


@pytest.mark.parametrize(("cls", "field"), NUMERIC, ids=_id)
def test_every_number_refuses_out_of_range_naming_the_range(
    cls: type, field: attrs.Attribute  # type: ignore[type-arg]
) -> None:
    pattern = rf"^{cls.__name__}\.{field.name} = .* is out of range: allowed "
    for bad in (-1,) if field.type == "int" else (-1, math.nan):
        with pytest.raises(ConfigError, match=pattern) as info:
            cls(**{field.name: bad})
        assert type(info.value) is ConfigError  # a value error, not a type error
        assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(("cls", "field"), NUMERIC, ids=_id)
def test_every_number_accepts_its_default(
    cls: type, field: attrs.Attribute  # type: ignore[type-arg]
) -> None:
    assert getattr(cls(**{field.name: field.default}), field.name) == field.default


def test_integers_refuse_fractions_and_booleans() -> None:
    with pytest.raises(ConfigTypeError, match=r"Config\.workers takes an integer"):
        Config(workers=1.5)  # type: ignore[arg-type]
    with pytest.raises(ConfigTypeError, match=r"not True \(bool\)"):
        Config(workers=True)
    assert TimeConfig(event_window_days=0).event_window_days == 0


def test_floats_take_integers() -> None:
    assert AlignConfig(min_score=1).min_score == 1


def test_sections_must_be_their_class() -> None:
    with pytest.raises(ConfigTypeError, match=r"Config\.align takes a discrep\.AlignConfig"):
        Config(align={"min_score": 0.5})  # type: ignore[arg-type]


def test_shares_and_confidences_stay_in_unit_interval() -> None:
    with pytest.raises(ConfigError, match=r"ConfidenceConfig\.venue = 1\.5 .* allowed 0 to 1"):
        ConfidenceConfig(venue=1.5)
    with pytest.raises(ConfigError, match=r"QuantityConfig\.counted_ratio = 101 .* 0 to 100"):
        QuantityConfig(counted_ratio=101)


def test_names_backends_are_the_extractors_names_offers() -> None:
    from discrep._extract.names import _backends

    assert set(NAMES_BACKENDS) == set(_backends())


def test_the_two_what_thresholds_have_distinct_names() -> None:
    """Two knobs measured different things under one name; each now says what it measures."""
    assert "what_threshold" not in attrs.fields_dict(QuantityConfig)
    assert "what_threshold" not in attrs.fields_dict(AlignConfig)
    assert QuantityConfig().counted_ratio == 80.0
    assert AlignConfig().quantity_what_ratio == 60.0


def test_sections_are_all_checked() -> None:
    assert {NamesConfig, QuantityConfig, TimeConfig, AlignConfig, StoryConfig,
            ConfidenceConfig, ReadConfig} <= set(SECTIONS)


def test_read_limits_are_read_from_the_config() -> None:
    """ReadConfig.max_sentence_chars cuts a wall of text; head_lines bounds the title search."""
    wall = " ".join(["word"] * 200)  # 999 characters, no full stop
    cut = extract(Article(wall), Config(read=ReadConfig(max_sentence_chars=100))).sentences
    assert len(cut) >= 10
    assert all(len(s.text) <= 100 for s in cut)
    assert len(extract(Article(wall), Config()).sentences) == 1
    head = "20220304\nMinisters meet in the capital\nTalks over the harbour resumed.\n"
    assert read_text(head, "a").title == "Ministers meet in the capital"
    one_line = read_text(head, "a", read=ReadConfig(head_lines=1))
    assert one_line.published == dt.date(2022, 3, 4)
    assert one_line.title is None


def test_bearing_thresholds_are_read_from_the_config() -> None:
    """Opposed bearings need TimeConfig.opposed_bearing_degrees; 45 degrees apart may count."""
    texts = [
        "The convoy was ambushed 25 km northeast of Tarvik on Monday.",
        "Gunmen ambushed the convoy some 25 km east of Tarvik, officials said.",
    ]

    def venues(cfg: Config) -> int:
        return sum(d.kind == "venue" for d in compare(texts, config=cfg).discrepancies)

    assert venues(Config(checks={"venue"})) == 0
    assert venues(Config(checks={"venue"}, time=TimeConfig(opposed_bearing_degrees=45))) == 1


# --- thresholds moved into Config from module constants (issue 10) ----------------------

#: (section, field, a value out of range). Each was a module constant; each is read now.
MOVED = [
    (TimeConfig, "past_ahead_days", -1),
    (TimeConfig, "min_quote_words", 0),
    (ReadConfig, "binary_share", 1.5),
    (ReadConfig, "english_share", -0.1),
    (ReadConfig, "language_min_words", 0),
    (QuantityConfig, "window_chars", 0),
    (QuantityConfig, "window_words", 0),
    (QuantityConfig, "fx_slack", 0.5),
    (QuantityConfig, "far_ratio", 0.5),
    (NamesConfig, "given_spelling_ratio", 101),
    (ReadConfig, "wrapped_line_chars", -1),
    (ReadConfig, "wrapped_line_words", 0),
    (AlignConfig, "min_bare_count", -1.0),
    (ReadConfig, "body_min_words", 0),
    (ReadConfig, "title_max_words", 0),
    (ReadConfig, "title_max_chars", 0),
    (ReadConfig, "title_min_words", 0),
    (ReadConfig, "dateline_max_chars", 0),
    (PlacesConfig, "close_reading", 101),
    (PlacesConfig, "written_floor", -1),
    (PlacesConfig, "close_alternate", 100.5),
    (PlacesConfig, "alternate_min_population", -1),
    (PlacesConfig, "alternate_yields", 0),
    (PlacesConfig, "small_place", -1),
    (PlacesConfig, "demonym_city_population", -1),
    (PlacesConfig, "country_code_population", -1),
    (PlacesConfig, "name_city_population", -1),
    (PlacesConfig, "split_city_population", -1),
    (PlacesConfig, "given_name_city_population", -1),
    (PlacesConfig, "capitals_city_population", -1),
]


@pytest.mark.parametrize(("cls", "name", "bad"), MOVED, ids=lambda x: _id(x) or str(x))
def test_moved_thresholds_are_validated_naming_the_field(cls: type, name: str, bad: object) -> None:
    """Each moved threshold refuses a string and an out-of-range value, naming the field."""
    with pytest.raises(ConfigTypeError, match=rf"^{cls.__name__}\.{name} takes "):
        cls(**{name: "x"})
    with pytest.raises(ConfigError, match=rf"^{cls.__name__}\.{name} = .* out of range"):
        cls(**{name: bad})
    assert name in attrs.fields_dict(cls)
    assert attrs.fields_dict(cls)[name].validator is not None


def test_past_ahead_days_is_read_from_the_config() -> None:
    """A past-tense date with no year is this year's up to past_ahead_days ahead."""
    art = Article("The council said the bridge was last inspected on April 25 by engineers.",
                  published="2022-04-10")

    def day(cfg: Config) -> object:
        (t,) = extract(art, cfg).times
        return t.value

    assert day(Config()) == dt.date(2022, 4, 25)  # 15 days ahead: within 31
    assert day(Config(time=TimeConfig(past_ahead_days=10))) == dt.date(2021, 4, 25)


def test_min_quote_words_is_read_from_the_config() -> None:
    """A quotation of five words is an utterance only when min_quote_words allows five."""
    art = Article('The mayor said: "We rebuilt every single bridge." The council agreed.')

    def quotes(cfg: Config) -> list[str]:
        return [e.text for e in extract(art, cfg).events if e.type == "quote"]

    assert quotes(Config()) == []
    assert quotes(Config(time=TimeConfig(min_quote_words=5))) == ["We rebuilt every single bridge."]


def test_binary_share_is_read_from_the_config() -> None:
    """Control characters above ReadConfig.binary_share: a warning (a file: refused)."""
    from discrep._read import decode_bytes

    text = "Kyiv said talks began.\x01\x02 " * 3  # 6 of 75 characters: 8%
    assert read_text(text, "a").warnings == ()
    (warning,) = read_text(text, "a", read=ReadConfig(binary_share=0.05)).warnings
    assert "binary data" in warning
    data = text.encode()
    assert decode_bytes(data, "a.txt")[0] == text
    with pytest.raises(DiscrepError, match="binary"):
        decode_bytes(data, "a.txt", ReadConfig(binary_share=0.05))


def test_language_thresholds_are_read_from_the_config() -> None:
    """english_share decides English before py3langid; language_min_words, when to judge."""
    from discrep._read import detect_language

    german = ("Der Rat sagte am Dienstag, dass die neue Brücke über den Fluss im nächsten "
              "Frühjahr eröffnet werde, nach zwei Jahren Arbeit und langem Streit.")
    assert detect_language(german) == "de"
    assert detect_language(german, ReadConfig(english_share=0.0)) == "en"
    assert detect_language("Kyiv said so.") is None
    assert detect_language("Kyiv said so.", ReadConfig(language_min_words=3)) == "en"
    cfg = Config(read=ReadConfig(english_share=0.0))
    assert compare([Article(german, "de.txt")], config=cfg).articles[0].language == "en"


def test_quantity_windows_are_read_from_the_config() -> None:
    """The words around a figure are read within window_chars and window_words of it."""
    texts = ["Officials said the blast at the grain depot killed 40 workers on Monday.",
             "Officials said the blast at the grain depot killed 55 workers on Monday."]

    def found(qc: QuantityConfig) -> int:
        cfg = Config(checks={"quantity"}, quantities=qc)
        return len(compare(texts, config=cfg).discrepancies)

    assert found(QuantityConfig()) == 1
    assert found(QuantityConfig(window_chars=3)) == 0  # no word around either figure
    assert found(QuantityConfig(window_words=1)) == 0


def test_fx_slack_is_read_from_the_config() -> None:
    """$3 million against 1.5 million euros: within the 1.6 slack, a conflict without it."""
    from discrep._detect.quantity import relation

    a = extract(Article("The club paid $3 million for the striker.", "a"), Config())
    b = extract(Article("The club paid 1.5 million euros for the striker.", "b"), Config())

    def rel(slack: float) -> str:
        cfg = Config(quantities=QuantityConfig(fx_slack=slack))
        return relation(a, a.quantities[0], b, b.quantities[0], cfg)

    assert rel(1.6) == "agree"
    assert rel(1.0) == "conflict"


def test_dead_quantity_knobs_are_gone() -> None:
    """Four settings no code read (the check stopped comparing sentence scores) are removed."""
    for name in ("context_threshold", "aligned_context_threshold", "undated_margin",
                 "window_threshold"):
        assert name not in attrs.fields_dict(QuantityConfig)
        with pytest.raises(TypeError, match=name):
            QuantityConfig(**{name: 50.0})


def test_every_setting_is_read_somewhere() -> None:
    """No Config field is a dead knob: each is read as ``.<name>`` by library code."""
    import pathlib
    import re

    src = pathlib.Path(__file__).resolve().parents[1] / "src" / "discrep"
    code = "\n".join(p.read_text(encoding="utf-8") for p in src.rglob("*.py")
                     if p.name != "_config.py")
    unread = [f"{cls.__name__}.{f.name}" for cls in (*SECTIONS, Config)
              for f in attrs.fields(cls) if not re.search(rf"\.{f.name}\b", code)]
    assert unread == []


def test_given_spelling_ratio_is_read_from_the_config() -> None:
    """Brian/Bryant are spellings of one given name at 85; at 100 Bryant is a short form."""
    texts = ["Brian Kestrelli told reporters the harbour would reopen on Monday.",
             "Bryant Kestrelli told reporters the harbour would reopen on Monday."]

    def spellings(names: NamesConfig) -> int:
        report = compare(texts, config=Config(checks={"spelling"}, names=names))
        return len(report.discrepancies)

    assert spellings(NamesConfig()) == 1
    assert spellings(NamesConfig(given_spelling_ratio=100)) == 0


def test_wrapped_line_bounds_are_read_from_the_config() -> None:
    """A hard-wrapped line is read through only when long enough in characters and words."""
    text = "The minister said the talks over the harbour\nwould resume on Monday in the capital."

    def sentences(read: ReadConfig) -> int:
        return len(extract(Article(text), Config(read=read)).sentences)

    assert sentences(ReadConfig()) == 1  # 44 characters, 8 words: a wrapped line
    assert sentences(ReadConfig(wrapped_line_chars=60)) == 2
    assert sentences(ReadConfig(wrapped_line_words=9)) == 2


def test_min_bare_count_is_read_from_the_config() -> None:
    """A bare count of 3 anchors two statements only when min_bare_count allows 3."""
    texts = ["Police said 3 suspects were arrested near the northern quay late on Friday.",
             "Officers said 3 suspects were detained at the northern quay late on Friday."]

    def anchors(align: AlignConfig) -> set[str]:
        report = compare(texts, config=Config(align=align))
        return {a for al in report.alignments for a in al.anchors}

    assert "quantity:3" not in anchors(AlignConfig())
    assert "quantity:3" in anchors(AlignConfig(min_bare_count=3))


def test_head_bounds_are_read_from_the_config() -> None:
    """Title, body and dateline bounds of the article's head come from ReadConfig."""
    prose = "Kyiv said talks over the harbour resumed on Monday after a long pause in the city.\n"
    head = "Harbour talks\nMinisters meet in the capital\n" + prose

    def title(read: ReadConfig, text: str = head) -> str | None:
        return read_text(text, "a", read=read).title

    assert title(ReadConfig()) == "Ministers meet in the capital"  # four words or more
    assert title(ReadConfig(title_min_words=2)) == "Harbour talks"
    assert title(ReadConfig(title_max_words=3)) == "Harbour talks"
    assert title(ReadConfig(title_max_chars=20)) == "Harbour talks"
    short = "Kyiv said talks resumed on Monday.\nMinisters meet in the capital\n"
    assert title(ReadConfig(), short) == "Ministers meet in the capital"
    assert title(ReadConfig(body_min_words=5), short) is None  # the prose ends the head
    stamped = "Updated 4:08 p.m. ET, March 3, 2022\n" + prose
    assert read_text(stamped, "a").published == dt.date(2022, 3, 3)
    assert read_text(stamped, "a", read=ReadConfig(dateline_max_chars=10)).published is None


def test_places_defaults_are_the_gazetteers() -> None:
    """PlacesConfig's defaults are the gazetteer's own (lookups without a Config)."""
    from discrep._gazetteer import DEFAULT_RULES

    names_only = {
        "name_city_population",
        "split_city_population",
        "given_name_city_population",
        "capitals_city_population",
    }
    for name in attrs.fields_dict(PlacesConfig).keys() - names_only:
        assert getattr(PlacesConfig(), name) == getattr(DEFAULT_RULES, name), name
    assert Config().places == PlacesConfig()


# (threshold, value that changes the answer, name looked up, place by default, place then);
# each lookup is cached keyed on the name and the PlacesConfig, so both answers stand.
PLACE_RULES = [
    ("close_reading", 100.0, "Boutcha", "Bucha", None),  # French romanisation, folded
    ("written_floor", 100.0, "Boutcha", "Bucha", None),
    ("close_alternate", 100.0, "Nikolayev", "Mykolayiv", None),  # near the alternate Nikolaev
    ("alternate_min_population", 10**9, "Nikolayev", "Mykolayiv", None),
    ("alternate_yields", 10**6, "Tihran", "Tehran", "Tīrān"),  # a town's alternate name
    ("small_place", 0, "Tihran", "Tehran", "Tīrān"),
    ("country_code_population", 10**10, "US", "United States", None),
    ("country_code_population", 0, "TV", None, "Tuvalu"),
]


@pytest.mark.parametrize(("field", "value", "name", "before", "after"), PLACE_RULES,
                         ids=[f"{r[0]}-{r[2]}" for r in PLACE_RULES])
def test_place_thresholds_are_read_from_the_config(
    field: str, value: object, name: str, before: str | None, after: str | None
) -> None:
    """Each gazetteer threshold of PlacesConfig changes what a name resolves to."""
    from discrep._gazetteer import lookup

    def found(places: PlacesConfig) -> str | None:
        place = lookup(name, places)
        return None if place is None else place.name

    assert found(PlacesConfig()) == before
    assert found(PlacesConfig(**{field: value})) == after
    assert found(PlacesConfig()) == before  # the cache did not mix the two


def test_demonym_city_population_is_read_from_the_config() -> None:
    """A demonym names a city only at PlacesConfig.demonym_city_population or more people."""
    from discrep._gazetteer import demonym_place

    kyiv = demonym_place("Kyivites", PlacesConfig())
    assert kyiv is not None
    assert kyiv.name == "Kyiv"
    assert demonym_place("Kyivites", PlacesConfig(demonym_city_population=10**9)) is None


def test_name_city_population_is_read_from_the_config() -> None:
    """The names extractor takes a town for a place from name_city_population people."""
    from discrep import extract as extract_one

    art = Article("Volunteers drove the lorries from Lutsk to Bucha on Monday morning.")

    def places(floor: int) -> list[str]:
        cfg = Config(places=PlacesConfig(name_city_population=floor))
        return [m.text for m in extract_one(art, config=cfg).mentions if m.kind == "place"]

    assert places(15_000) == ["Lutsk", "Bucha"]  # about 42,000 people in Bucha
    assert places(50_000) == ["Lutsk"]
    assert places(10**9) == []


def test_split_city_population_is_read_from_the_config() -> None:
    """A hyphenated pair of places is split only when each city is this populous."""
    from discrep import extract as extract_one

    art = Article("Troops moved along the Moldova-Chisinau road early on Monday morning.")

    def places(floor: int) -> list[str]:
        cfg = Config(places=PlacesConfig(split_city_population=floor))
        return [m.text for m in extract_one(art, config=cfg).mentions if m.kind == "place"]

    assert places(100_000) == ["Moldova", "Chisinau"]
    assert "Chisinau" not in places(10**9)


def test_every_gazetteer_lookup_outside_the_gazetteer_passes_rules() -> None:
    """``Config.places`` reaches every lookup: no caller relies on the default rules.

    ``lookup(name)`` / ``demonym_place(word)`` with one argument reads the default
    thresholds whatever ``Config.places`` says; every call outside ``_gazetteer.py`` must pass
    the config's rules as its second argument. The one exception is the worker warm-up in
    ``_inputs.py``, which only loads the index (its result is thrown away).
    """
    import ast
    from pathlib import Path

    import discrep

    root = Path(discrep.__file__).parent
    bare = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "_gazetteer.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else (
                func.attr if isinstance(func, ast.Attribute) else "")
            if name not in {"lookup", "demonym_place"}:
                continue
            if len(node.args) + len(node.keywords) >= 2:
                continue
            if path.name == "_inputs.py" and ast.unparse(node) == "lookup('Paris')":
                continue
            bare.append(f"{path.relative_to(root)}:{node.lineno}: {ast.unparse(node)}")
    assert bare == []
