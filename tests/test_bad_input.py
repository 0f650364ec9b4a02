"""Bad input through the public API: a clear DiscrepError or a report with a warning.

Never a traceback from inside a dependency: every refusal is a :class:`DiscrepError`
subclass whose message says what to pass instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import discrep
from discrep.testing import assert_evidence_exact

GOOD = "The council said on Friday that the river port would stay closed until the water falls."


@pytest.fixture(name="good_file")
def fixture_good_file(tmp_path: Path) -> Path:
    """A valid article file."""
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def assert_quotes_exact(report: discrep.Report) -> None:
    """Every quoted claim, mention and aligned statement is the exact text of its article."""
    assert_evidence_exact(report)


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u00a0\u2003"])
def test_empty_or_whitespace_text(text: str) -> None:
    """An article with no text is refused with ArticleError naming the article."""
    with pytest.raises(discrep.ArticleError, match="empty or only whitespace") as info:
        discrep.compare([GOOD, text])
    assert "text1" in str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    """An empty file is refused the same way, named by its file name."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(discrep.ArticleError, match=r"empty\.txt"):
        discrep.compare([empty])


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        bytes(range(0, 9)) * 200,
        b"%PDF-1.4\n" + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 100,
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    """A file with NULs or mostly control bytes is refused as binary, not decoded to noise."""
    path = tmp_path / "image.bin"
    path.write_bytes(data)
    with pytest.raises(discrep.ArticleError, match="binary"):
        discrep.Article.from_path(path)
    with pytest.raises(discrep.ArticleError, match="binary"):
        discrep.compare([path])


def test_control_characters_in_a_str_give_a_warning() -> None:
    """Text passed as str is analysed even when full of control characters, with a warning."""
    text = "Talks resumed.\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13"
    report = discrep.compare([text])
    assert any("control characters" in w for w in report.warnings)


def test_directory(tmp_path: Path) -> None:
    """A directory is refused with ArticleReadError (an OSError) saying to pass its files."""
    with pytest.raises(discrep.ArticleReadError, match="directory") as info:
        discrep.compare([tmp_path])
    assert isinstance(info.value, OSError)
    assert "files inside it" in str(info.value)
    with pytest.raises(discrep.ArticleReadError, match="directory"):
        discrep.Article.from_path(tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is refused with ArticleReadError naming the path."""
    missing = tmp_path / "nope.txt"
    with pytest.raises(discrep.ArticleReadError, match="No such article file") as info:
        discrep.compare([missing])
    assert "nope.txt" in str(info.value)
    with pytest.raises(discrep.ArticleReadError, match="Check the path"):
        discrep.Article.from_path(str(missing))


def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission is refused with ArticleReadError."""
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        with pytest.raises(discrep.ArticleReadError, match="Cannot read"):
            discrep.Article.from_path(path)
    finally:
        path.chmod(0o600)


def test_not_a_regular_file(tmp_path: Path) -> None:
    """A FIFO or device is refused before anything blocks reading it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(discrep.ArticleReadError, match="not a regular file"):
        discrep.compare([fifo])
    with pytest.raises(discrep.ArticleReadError, match="not a regular file"):
        discrep.Article.from_path("/dev/null")


class _BytesPath:
    """An os.PathLike whose __fspath__ returns bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> bytes:
        return os.fsencode(self.path)


def test_pathlike_returning_bytes(good_file: Path) -> None:
    """An os.PathLike that returns bytes is read like any path."""
    report = discrep.compare([_BytesPath(good_file)])  # type: ignore[list-item]
    assert report.articles[0].source == "good.txt"


def test_file_too_big_for_max_chars_is_refused_before_reading(good_file: Path) -> None:
    """A file whose size cannot fit Config.max_chars is refused from its size alone."""
    with pytest.raises(discrep.ArticleTooLargeError, match="bytes"):
        discrep.compare([good_file], config=discrep.Config(max_chars=10))


def test_os_error_while_reading(good_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any OS error while reading (permission, I/O) becomes ArticleReadError with its reason."""

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(discrep.ArticleReadError, match=r"Cannot read .*Permission denied"):
        discrep.compare([good_file])


def test_path_with_nul_byte() -> None:
    """A path that the OS cannot even look up is refused as a read error, not a ValueError."""
    with pytest.raises(discrep.ArticleReadError):
        discrep.Article.from_path("bad\x00name.txt")


@pytest.mark.parametrize("bad", [None, 3, 2.5, ["nested"], {"text": GOOD}])
def test_items_of_another_type(bad: object) -> None:
    """None, numbers or containers in the list are refused with InputTypeError: what to pass."""
    with pytest.raises(
        discrep.InputTypeError, match=r"item 1 .*pass an article's text as str"
    ) as info:
        discrep.compare([GOOD, bad])  # type: ignore[list-item]
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize("bad", [b"Talks resumed.", bytearray(b"Talks resumed.")])
def test_bytes_items(bad: bytes) -> None:
    """Bytes are refused with a message that says how to decode them or pass a path."""
    with pytest.raises(discrep.InputTypeError, match="decode it first"):
        discrep.compare([GOOD, bad])  # type: ignore[list-item]


@pytest.mark.parametrize("single", [GOOD, b"bytes", Path("good.txt"), discrep.Article(GOOD)])
def test_a_single_article_instead_of_a_list(single: object) -> None:
    """A lone str, path or Article is refused: compare() wants an iterable of them."""
    with pytest.raises(discrep.InputTypeError, match=r"wrap it in a list"):
        discrep.compare(single)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 42])
def test_not_an_iterable(bad: object) -> None:
    """A value that is not iterable at all is refused with InputTypeError."""
    with pytest.raises(discrep.InputTypeError, match="iterable"):
        discrep.compare(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("empty", [[], (), iter([])])
def test_no_articles(empty: object) -> None:
    """An empty list is refused with NoArticlesError (a ValueError)."""
    with pytest.raises(discrep.NoArticlesError, match="at least one article"):
        discrep.compare(empty)  # type: ignore[arg-type]


def test_article_with_non_str_text() -> None:
    """An Article built around bytes is refused with a message to decode it."""
    with pytest.raises(discrep.InputTypeError, match="decode it to str"):
        discrep.compare([discrep.Article(b"Talks resumed.")])  # type: ignore[arg-type]


def test_article_with_non_str_source() -> None:
    """An Article whose source is not a str is refused with a message to name it."""
    with pytest.raises(discrep.InputTypeError, match="name it with a str"):
        discrep.compare([discrep.Article(GOOD, source=None)])  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 3, b"good.txt"])
def test_from_path_with_a_non_path(bad: object) -> None:
    """Article.from_path() refuses what is not a path with InputTypeError."""
    with pytest.raises(discrep.InputTypeError, match="from_path"):
        discrep.Article.from_path(bad)


def test_article_over_max_chars() -> None:
    """An article over Config.max_chars is refused, naming the limit to raise."""
    with pytest.raises(discrep.ArticleTooLargeError, match="max_chars"):
        discrep.compare([GOOD * 3], config=discrep.Config(max_chars=len(GOOD)))


def test_undecodable_bytes_give_a_report_with_a_warning(tmp_path: Path) -> None:
    """Invalid UTF-8 is decoded by charset detection; the report's warnings say so."""
    path = tmp_path / "latin.txt"
    path.write_bytes(GOOD.encode("utf-8") + b" The caf\xe9 closed.")
    report = discrep.compare([path, GOOD])
    assert any("latin.txt" in w and "not valid UTF-8" in w for w in report.warnings)
    assert "The caf\u00e9 closed." in report.articles[0].text  # decoded, not replaced
    assert report.to_dict()["warnings"] == list(report.warnings)


def test_html_passed_as_text() -> None:
    """HTML is analysed with tags, scripts and styles left out, with a warning.

    With the html extra the page's main text is read with trafilatura and offsets refer to
    that text; without it the markup is analysed and offsets refer to the markup.
    """
    from discrep._page import html_reader_installed

    html = (Path(__file__).parent / "data" / "segment_page.html").read_text(encoding="utf-8")
    report = discrep.compare([html, GOOD])
    assert any("HTML" in w for w in report.warnings)
    if html_reader_installed():
        assert "<" not in report.articles[0].text
        assert any("trafilatura" in w for w in report.warnings)
    else:
        assert report.articles[0].text == html
    assert_quotes_exact(report)
    for e in report.entities:
        for m in e.mentions:
            assert "<" not in m.text
            assert "document" not in m.text


@pytest.mark.parametrize(
    "text",
    [
        "\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u0432 "
        "\u041a\u0438\u0435\u0432\u0435 \u043d\u0430\u0447\u0430\u043b\u0438\u0441\u044c \u0432 "
        "\u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c"
        "\u043d\u0438\u043a. " * 20,
        "Die Gespr\u00e4che in Berlin begannen am Montag, sagte der Sprecher der Regierung. " * 10,
        "\u4eca\u5929\u5728\u5317\u4eac\u4e3e\u884c\u4e86\u4f1a\u8c08\u3002" * 30,
    ],
)
def test_non_english_text(text: str) -> None:
    """Non-English text gives a well-defined report with a warning, never an exception."""
    report = discrep.compare([text, GOOD])
    assert any("does not look like English" in w for w in report.warnings)
    assert_quotes_exact(report)
    assert isinstance(report.to_json(), str)


def test_str_naming_a_file_warns(good_file: Path) -> None:
    """A str naming an existing file is analysed as text, with a hint to pass a Path."""
    report = discrep.compare([str(good_file), GOOD])
    assert any("pathlib.Path" in w for w in report.warnings)


def test_same_file_name_in_two_folders(tmp_path: Path) -> None:
    """Two files with the same name get distinct names, stable from run to run."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "story.txt"
    second = tmp_path / "b" / "story.txt"
    first.write_text(GOOD, encoding="utf-8")
    second.write_text(GOOD.replace("Friday", "Monday"), encoding="utf-8")
    names = [a.source for a in discrep.compare([first, second]).articles]
    assert names == ["story.txt", "story.txt#2"]
    assert [a.source for a in discrep.compare([first, second]).articles] == names
    assert [a.source for a in discrep.compare([second, first]).articles] == names


@pytest.mark.slow
def test_five_megabyte_article(seed_paths: list[Path]) -> None:
    """A 5 MB article goes through the whole pipeline and quotes itself exactly.

    How long it takes is measured by benchmarks, not asserted here.
    """
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_paths)
    big = (base * (5_000_000 // len(base) + 1))[:5_000_000]
    report = discrep.compare([big, seed_paths[0]])
    (article,) = (a for a in report.articles if a.source == "text0")  # sorted by source
    assert len(article.text) == 5_000_000
    assert_quotes_exact(report)


def test_errors_are_discrep_errors() -> None:
    """Every refusal above is catchable as DiscrepError."""
    for bad in ([], [None], "text", [""]):
        with pytest.raises(discrep.DiscrepError):
            discrep.compare(bad)  # type: ignore[arg-type]
