"""Issue 16 items 4, 6 and 7: hostile or careless input gets a DiscrepError or a warning.

Each test is the minimal reproduction from the issue; on the baseline commit each failed
with a TypeError or AttributeError from inside, an encoding error, or lost metadata.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrep
from discrep import Article
from discrep.testing import assert_evidence_exact

TEXT = "Kremlin spokesman Dmitry Peskov said talks were held in Istanbul on Monday."
OTHER = "Kremlin spokesman Dmitri Peskov said talks were held in Istanbul on Monday."


# --- item 7: type errors name the argument and what to pass ------------------------------


@pytest.mark.parametrize("value", ["2022-03-03", "2022-03-03T10:00:00+00:00", " 2022-03-03 "])
def test_published_iso_string_is_parsed(value: str) -> None:
    """An ISO string for ``published`` is parsed to a date (the documented choice)."""
    art = Article(TEXT, published=value)
    assert art.published == dt.date(2022, 3, 3)
    report = discrep.compare([art, OTHER])
    assert report.articles[0].published == dt.date(2022, 3, 3)


def test_published_datetime_keeps_its_date() -> None:
    art = Article(TEXT, published=dt.datetime(2022, 3, 3, 23, 59))
    assert type(art.published) is dt.date
    assert art.published == dt.date(2022, 3, 3)


def test_published_unparseable_string_is_refused() -> None:
    with pytest.raises(discrep.ArticleError, match=r"published='3rd of March'.*ISO 8601"):
        Article(TEXT, published="3rd of March")


@pytest.mark.parametrize("value", [20220303, 3.5, ["2022-03-03"]])
def test_published_other_types_refused(value: object) -> None:
    with pytest.raises(discrep.InputTypeError, match=r"published=.*datetime\.date"):
        Article(TEXT, published=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["title", "url"])
def test_title_and_url_must_be_str(field: str) -> None:
    """``Article(text, title=5)`` used to fail only in to_markdown(); now at once."""
    with pytest.raises(discrep.InputTypeError, match=rf"Article\({field}=\.\.\.\) takes a str"):
        Article(TEXT, **{field: 5})  # type: ignore[arg-type]


def test_text_and_source_must_be_str() -> None:
    with pytest.raises(discrep.InputTypeError, match=r"text=.*bytes.*decode"):
        Article(b"Kyiv said.")  # type: ignore[arg-type]
    with pytest.raises(discrep.InputTypeError, match=r"source=.*source='wire\.txt'"):
        Article(TEXT, source=3)  # type: ignore[arg-type]


def test_warnings_str_is_refused_not_split_into_letters() -> None:
    with pytest.raises(discrep.InputTypeError, match=r"warnings=.*wrap a single warning"):
        Article(TEXT, warnings="abc")  # type: ignore[arg-type]
    with pytest.raises(discrep.InputTypeError, match=r"warnings=.*every warning is a str"):
        Article(TEXT, warnings=("ok", 5))  # type: ignore[arg-type]
    assert Article(TEXT, warnings=["a list is fine"]).warnings == ("a list is fine",)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, b"5 people died", 5])
def test_quantities_refuses_non_str(value: object) -> None:
    with pytest.raises(discrep.InputTypeError, match=r"quantities\(\) takes a str"):
        discrep.quantities(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("config", ["x", {"workers": 2}, 3])
def test_compare_refuses_a_config_that_is_not_config(config: object) -> None:
    with pytest.raises(discrep.InputTypeError, match=r"compare\(config=\.\.\.\).*discrep\.Config"):
        discrep.compare([TEXT, OTHER], config=config)  # type: ignore[arg-type]


def test_config_checks_string_is_refused_not_iterated_as_letters() -> None:
    """``Config(checks="spelling")`` used to iterate the letters; now a DiscrepError says so."""
    with pytest.raises(discrep.DiscrepError, match=r"checks="):
        discrep.Config(checks="spelling")


def test_title_is_checked_before_rendering() -> None:
    """The issue's reproduction: ``Article(text, title=5)`` then ``to_markdown()``."""
    with pytest.raises(discrep.DiscrepError, match=r"title=") as info:
        discrep.compare([Article(TEXT, title=5), OTHER]).to_markdown()  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)


def test_type_errors_are_also_builtin_type_errors() -> None:
    """Callers who only know the builtins still catch them."""
    with pytest.raises(TypeError):
        Article(TEXT, title=5)  # type: ignore[arg-type]


# --- item 4: lone surrogates ----------------------------------------------------------


def test_lone_surrogate_is_replaced_with_a_warning_and_json_encodes() -> None:
    bad = "Kyiv said 5 people died.\ud800 Officials confirmed the toll on Monday."
    report = discrep.compare([bad, "Kiev said 5 people died."])
    data = report.to_json().encode("utf-8")  # raised UnicodeEncodeError on the baseline
    json.loads(data)
    str(report).encode("utf-8")
    report.to_markdown().encode("utf-8")
    art = report.articles[0]
    assert len(art.text) == len(bad)  # one for one: offsets are unchanged
    assert art.text[24] == "\ufffd"
    assert any("lone surrogate" in w and "offsets are unchanged" in w for w in art.warnings)
    assert_evidence_exact(report)


def test_surrogates_in_source_title_and_warnings_are_replaced() -> None:
    art = Article(TEXT, source="caf\udce9.txt", title="T\udc80", warnings=("w\ud800",))
    report = discrep.compare([art, OTHER])
    report.to_json().encode("utf-8")
    assert report.articles[0].source == "caf\ufffd.txt"


def test_non_utf8_file_name_is_shown_escaped(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses non-UTF-8 file names")
    art = Article.from_path(tmp_path / name)
    assert art.source == "caf\\xe9.txt"
    art.source.encode("utf-8")


# --- item 6: lone CR, UTF-16 without a BOM, Latin-1 ------------------------------------

HEAD = "20220304\nKyiv and Moscow hold talks today\nhttps://example.org/a\nKyiv said talks began."


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_head_metadata_with_any_line_end(tmp_path: Path, eol: str) -> None:
    """Lone-CR files (old Mac line ends) keep their title, URL and published date."""
    path = tmp_path / "wire.txt"
    path.write_bytes(HEAD.replace("\n", eol).encode())
    art = Article.from_path(path)
    assert (art.published, art.url, art.title) == (
        dt.date(2022, 3, 4),
        "https://example.org/a",
        "Kyiv and Moscow hold talks today",
    )


def test_lone_cr_head_gives_the_reference_date(tmp_path: Path) -> None:
    """With the published date kept, a lone-CR article resolves 'today' against it."""
    path = tmp_path / "wire.txt"
    path.write_bytes(HEAD.replace("\n", "\r").encode())
    report = discrep.compare([Article.from_path(path), OTHER])
    (wire,) = [e for e in report.extractions if e.article.source.endswith("wire.txt")]
    assert wire.reference_date == dt.date(2022, 3, 4)


def test_lone_cr_furniture_lines_are_junk() -> None:
    from discrep._read import mark_junk
    from discrep._segment import segment

    text = "Kyiv talks resume\rAdvertisement\rKyiv said talks would resume."
    junk = {s.text: s.junk for s in mark_junk(text, segment(text))}
    assert junk["Advertisement"] is True
    assert junk["Kyiv said talks would resume."] is False


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
@pytest.mark.parametrize(
    "text",
    [
        "Kyiv and Moscow hold talks\nKyiv said talks began on Monday.",
        "Киев и Москва проводят переговоры в понедельник, сообщили в Кремле.",
    ],
)
def test_utf16_without_bom_is_detected(tmp_path: Path, codec: str, text: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(codec))
    art = Article.from_path(path)
    assert art.text == text
    assert any("without a byte-order mark" in w for w in art.warnings)


LATIN = (
    "President Enrique Pe\u00f1a Nieto met Fran\u00e7ois Hollande and Jos\u00e9 Mar\u00eda "
    "Aznar in M\u00fcnchen on Monday, officials said."
)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin1_file_decodes_names(tmp_path: Path, codec: str) -> None:
    """Latin-1 names keep their letters (no U+FFFD), and the warning says what was guessed."""
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN.encode(codec))
    art = Article.from_path(path)
    assert art.text == LATIN
    assert "\ufffd" not in art.text
    (warning,) = art.warnings
    assert "charset-normalizer" in warning
    assert "names" in warning


def test_bytes_no_encoding_fits_are_replaced_and_the_warning_says_names_are_damaged(
    tmp_path: Path,
) -> None:
    from discrep._read import decode_bytes

    # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252: mixed with valid UTF-8
    # multi-byte text, nothing decodes every byte.
    data = "Zelenskyy said \u201cno\u201d in Kyiv. ".encode() * 3 + b"\x81\x8d\x8f\x90\x9d"
    text, warnings = decode_bytes(data, "x.txt")
    assert "x.txt" in warnings[0]
    if "\ufffd" in text:
        assert "names holding them are damaged" in warnings[0]
    else:
        assert "charset-normalizer" in warnings[0]


# --- found by fuzz/ ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["555E555", "5E400 people fled", "5e-400 people fled"])
def test_quantities_exponent_out_of_float_range(text: str) -> None:
    """fuzz_quantities: an exponent past float range raised OverflowError from inside."""
    for q in discrep.quantities(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize("text", ["0 caliber", "0.0 calibre rifles", "  \r0 caliber(]#"])
def test_quantities_zero_caliber(text: str) -> None:
    """fuzz_quantities: a zero calibre divided by zero while rescaling its precision."""
    found = discrep.quantities(text)
    assert [(q.value, q.unit) for q in found] == [(0.0, "caliber")]
    for q in found:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "value"),
    [("2.5 millıon people", 2.5e6), ("2.5 MİLLION people", 2.5e6), ("5 bıllion", 5e9),
     ("mıllions of people died", 1e6), ("thouſands of people", 1e3), ("20 uſd", 20.0)],
)  # fmt: skip
def test_quantities_dotless_i_and_long_s(text: str, value: float) -> None:
    """fuzz_read: a case-insensitive match of 'ı', 'İ' or 'ſ' missed its table (KeyError)."""
    found = discrep.quantities(text)
    assert [q.value for q in found] == [value]


# --- issue 15 item 3: the language check and its policy ---------------------------------

GERMAN = (
    "Der Bundeskanzler traf sich am Montag mit dem Präsidenten in Berlin. Die beiden sprachen "
    "über die Lage an der Grenze und die Energiepreise. Nach Angaben der Regierung wurden "
    "5.000 Menschen in Sicherheit gebracht. Der Minister sagte, die Gespräche würden am "
    "Dienstag in Wien fortgesetzt."
)
ENGLISH = (
    "The chancellor met the president in Berlin on Monday. The two spoke about the situation "
    "at the border and energy prices. According to the government, 5,000 people were "
    "brought to safety. The minister said the talks would continue in Vienna on Tuesday."
)


def test_german_article_is_warned_about_and_not_analysed() -> None:
    """'Der' must not become a place: a German article is listed, warned about, not analysed."""
    report = discrep.compare([GERMAN, ENGLISH])
    (warning,) = [w for w in report.warnings if "text0" in w]
    assert "does not look like English (German, 'de')" in warning
    assert "not analysed" in warning
    assert "language='en'" in warning
    german, english = report.extractions
    assert report.articles[0].language == "de"
    assert german.mentions == german.quantities == german.times == german.events == ()
    assert english.quantities
    assert not any(m.source == "text0" for e in report.entities for m in e.mentions)


def test_language_en_analyses_an_article_anyway() -> None:
    report = discrep.compare([Article(GERMAN, source="de", language="en"), ENGLISH])
    assert not any("English" in w for w in report.warnings)
    assert report.extractions[0].quantities


def test_english_and_short_texts_are_analysed_without_warning() -> None:
    report = discrep.compare([ENGLISH, "Kyiv said so."])
    assert [a.language for a in report.articles] == ["en", None]
    assert not any("English" in w for w in report.warnings)


def test_language_of_a_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    art = Article.from_path(path)
    assert art.language == "de"
    assert any("not analysed" in w for w in art.warnings)


# --- item 8: the slowest inputs ---------------------------------------------------------

_PRE_WORD = re.compile(r"([A-Za-z\u00c0-\u024f][\w\-]{0,30}(?:['’]s|(?<=s)['’])?)\s{1,3}$")


@settings(max_examples=3000, deadline=None)
@given(
    st.text(alphabet="aZs_-'’é\u0400\u00c0 \t\n\x1c\u20035", max_size=60),
    st.integers(min_value=0, max_value=60),
)
def test_word_before_is_the_regex_search_it_replaces(text: str, pos: int) -> None:
    """The role lookback's word scan finds what the regex search over 40 characters found."""
    from discrep._extract.names import _word_before

    pos = min(pos, len(text))
    want = _PRE_WORD.search(text, max(0, pos - 40), pos)
    got = _word_before(text, pos)
    assert (got and (got.start(), got.end())) == (want and (want.start(1), want.end(1)))


def test_word_before_long_words_and_windows() -> None:
    from discrep._extract.names import _word_before

    for text in ["x" * 50 + "Minister  ", "a" * 45 + "  ", "Olena   \n", "Olena    ", "Olena's "]:
        want = _PRE_WORD.search(text, max(0, len(text) - 40), len(text))
        got = _word_before(text, len(text))
        assert (got and (got.start(), got.end())) == (want and (want.start(1), want.end(1)))


def _cpu_seconds(texts: list[Article]) -> float:
    import time

    t0 = time.process_time()
    discrep.compare(texts)
    return time.process_time() - t0


def _prose(n: int, seed: int, end: str) -> str:
    import random

    r = random.Random(seed)
    people, places = ["Olena Koval", "Taras Bondar", "Iryna Moroz"], ["Lviv", "Odesa", "Sumy"]
    out, size = [], 0
    while size < n:
        s = (
            f"{r.choice(people)} said {r.randint(2, 900)} residents were evacuated from "
            f"{r.choice(places)} on March {r.randint(1, 28)}, 2022, officials said{end}"
        )
        out.append(s)
        size += len(s)
    return "".join(out)


@pytest.mark.slow
def test_one_giant_sentence_is_not_much_slower_than_prose() -> None:
    """Item 8: 100 KB of prose with every full stop a comma took 6x the time of the prose."""
    discrep.compare([_prose(3000, 1, ". "), _prose(3000, 2, ". ")])  # warm
    ordinary = _cpu_seconds(
        [Article(_prose(50_000, s, ". "), f"{s}.txt") for s in (1, 2)]
    )
    giant = _cpu_seconds(
        [Article(_prose(50_000, s, ", "), f"{s}.txt") for s in (1, 2)]
    )
    assert giant < 2.5 * ordinary, (giant, ordinary)


def _capitalised(n: int, seed: int) -> str:
    import random

    r = random.Random(seed)
    vocab = ["Olena", "Taras", "Koval", "Bondar", "Lviv", "Odesa", "Council", "Said", "Talks",
             "Would", "Resume", "Bridge", "Station", "Market", "Border", "Convoy"]  # fmt: skip
    return " ".join(r.choice(vocab) for _ in range(n // 6))[:n]


@pytest.mark.slow
def test_capitalised_words_without_punctuation_are_not_much_slower_than_prose() -> None:
    """Item 8: capitalised words without punctuation ran 2.9x ordinary text at 1 MB.

    A guard (target 2.0x at 1 MB, 2.5x here on a shared CI; about 1.5x now at 100 KB).
    The issue's baseline (47eff4b) measures 0.4x-1.7x on this generator, its prose being
    slower too, so this test does not fail there: it keeps the ratio from coming back.
    """
    discrep.compare([_prose(3000, 1, ". "), _prose(3000, 2, ". ")])  # warm
    ordinary = _cpu_seconds([Article(_prose(50_000, s, ". "), f"{s}.txt") for s in (1, 2)])
    caps = _cpu_seconds(
        [Article(_capitalised(50_000, s), f"{s}.txt", language="en") for s in (1, 2)]
    )
    assert caps < 2.5 * ordinary, (caps, ordinary)
