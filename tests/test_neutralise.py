r"""Hostile article text and file names stay inert in every output (issue 16, items 2, 3, 5).

Each test is built from the minimal reproduction in the issue: a Markdown link to
``javascript:``, a remote image, backticks and HTML in article text; ESC/OSC sequences,
``\r``, ``\b``, U+202E and NUL in article text and file names; a file name that is not
UTF-8. The sentences are invented.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

import discrep
from discrep._cli import main

_BASE = "Talks were held in {city}{payload} on Monday, officials said."
_MD_PAYLOAD = (
    " [click](javascript:alert(1)) ![x](http://e.invalid/x.png) `rm -rf` <img src=x> "
    "http://e.invalid/page <b>bold</b>"
)
_TERM_PAYLOAD = " \x1b]0;owned\x07 \x1b[2J\x1b[31mred \u202eevil\u202c \x08\x08 nul\x00 back\r"
# What a terminal acts on: C0/C1 controls (ESC, BEL, CR, BS, NUL, CSI) and bidi controls.
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _pair(payload: str) -> list[str]:
    return [_BASE.format(city="Kyiv", payload=payload), _BASE.format(city="Kiev", payload="")]


def _plain(out: str) -> str:
    """The output with every backslash removed: what remains of each escape is its name."""
    return out.replace("\\", "")


def _render_gfm(md: str) -> str:
    """Render Markdown as GitHub does (cmark-gfm with its extensions, autolinks included)."""
    return str(cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE))


def test_markdown_keeps_links_images_code_and_html_inert() -> None:
    """Rendered as GitHub renders it, article text makes no link, image, code or tag."""
    report = discrep.compare(_pair(_MD_PAYLOAD))
    assert report.discrepancies, "the pair must produce a finding quoting the payload"
    page = _render_gfm(report.to_markdown())
    assert "<img" not in page
    assert "<a " not in page  # no javascript: link, no autolinked URL
    assert "<code>" not in page
    assert "<b>" not in page
    # The payload is still there, as text.
    assert "[click](javascript:alert(1))" in page
    assert "![x](http://e.invalid/x.png)" in page


def test_markdown_escapes_controls_visibly() -> None:
    """Controls in article text appear escaped in Markdown, not raw."""
    md = discrep.compare(_pair(_TERM_PAYLOAD)).to_markdown()
    assert not _RAW.search(md)
    assert "\\\\x1b" in md  # a backslash-escaped backslash, then x1b


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_terminal_output_carries_no_raw_controls(fmt: str) -> None:
    """str(report) and Markdown show ESC, OSC, CR, BS, U+202E and NUL escaped visibly."""
    report = discrep.compare(_pair(_TERM_PAYLOAD))
    out = str(report) if fmt == "text" else report.to_markdown()
    assert not _RAW.search(out), repr(_RAW.search(out))
    shown = _plain(out)
    assert "x1b]0;ownedx07 x1b[2Jx1b[31mred u202eevilu202c x08x08 nulx00 back" in shown


def test_file_name_controls_are_escaped(tmp_path: Path) -> None:
    """A file name carrying ESC and U+202E is shown escaped in text and Markdown."""
    a = tmp_path / "a\x1b]0;owned\x07\u202e.txt"
    b = tmp_path / "b.txt"
    a.write_text(_BASE.format(city="Kyiv", payload=""), encoding="utf-8")
    b.write_text(_BASE.format(city="Kiev", payload=""), encoding="utf-8")
    report = discrep.compare([a, b])
    for out in (str(report), report.to_markdown()):
        assert not _RAW.search(out)
        assert "ax1b]0;ownedx07u202e.txt" in _plain(out)


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "discrep", *args], cwd=cwd, capture_output=True,
        check=False, timeout=120,
    )


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_output_carries_no_raw_controls(tmp_path: Path, fmt: str) -> None:
    """The command line's text and Markdown output carry no raw control sequence."""
    (tmp_path / "a.txt").write_text(_pair(_TERM_PAYLOAD)[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(_pair(_TERM_PAYLOAD)[1], encoding="utf-8")
    proc = _cli(["a.txt", "b.txt", "--format", fmt], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert not _RAW.search(out.replace("\n", " ")), repr(out)


@pytest.fixture(name="latin1_dir")
def fixture_latin1_dir(tmp_path: Path) -> Path:
    r"""A directory holding a file whose name is Latin-1 (not UTF-8): caf\xe9.txt."""
    if sys.platform == "darwin":  # pragma: no cover - APFS refuses non-UTF-8 names
        pytest.skip("macOS file systems refuse file names that are not UTF-8")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(_BASE.format(city="Kyiv", payload=""), encoding="utf-8")
    with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "wb") as f:
        f.write(_BASE.format(city="Kiev", payload="").encode("utf-8"))
    return d


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html", "csv"])
def test_non_utf8_file_name_does_not_crash(latin1_dir: Path, fmt: str) -> None:
    r"""caf\xe9.txt: no traceback, exit 0, valid UTF-8 output naming the file escaped."""
    proc = _cli([str(latin1_dir), "--format", fmt], latin1_dir)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in proc.stderr
    out = proc.stdout.decode("utf-8")  # raises if not valid UTF-8
    assert "cafxe9.txt" in _plain(out)
    if fmt == "json":
        sources = [a["source"] for a in json.loads(out)["articles"]]
        assert sources == ["a.txt", r"caf\xe9.txt"]


def test_non_utf8_file_name_with_output_file(latin1_dir: Path, tmp_path: Path) -> None:
    """--output gets the whole report, not a truncated file."""
    out = tmp_path / "report.json"
    out.write_text("previous report", encoding="utf-8")
    proc = _cli([str(latin1_dir), "--format", "json", "--output", str(out)], latin1_dir)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    data = json.loads(out.read_bytes().decode("utf-8"))
    assert len(data["articles"]) == 2


def test_a_failed_write_leaves_the_previous_output_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing fails, --output keeps what it held: the report is written whole or not."""
    (tmp_path / "a.txt").write_text(_BASE.format(city="Kyiv", payload=""), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_BASE.format(city="Kiev", payload=""), encoding="utf-8")
    out = tmp_path / "report.txt"
    out.write_text("previous report", encoding="utf-8")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    code = main([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--output", str(out)])
    assert code == 2
    assert out.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
