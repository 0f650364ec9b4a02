"""The command line's options (issue 15 item 4).

--version, stdin, recursive directories, --glob, --keep-going, --checks, --min-confidence,
--workers, --output checked first, the progress line, and the html and csv formats.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import discrep
from discrep import _cli
from discrep._cli import main

_KYIV = "Talks were held in Kyiv on Monday, officials said."
_KIEV = "Talks were held in Kiev on Monday, officials said."


def _run(args: list[str], stdin: bytes | None = None, cwd: Path | None = None
         ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "discrep", *args], input=stdin, capture_output=True,
        check=False, timeout=120, cwd=cwd,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the package version and exits 0."""
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"discrep {discrep.__version__}"


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    """'-' is standard input, an article called stdin, decoded as files are."""
    (tmp_path / "b.txt").write_text(_KIEV, encoding="utf-8")
    proc = _run(["-", str(tmp_path / "b.txt"), "--format", "json"], stdin=_KYIV.encode())
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    # The report lists articles by source, whatever the order they were given in.
    assert [a["source"] for a in data["articles"]] == ["b.txt", "stdin"]
    assert {c["text"] for c in data["discrepancies"][0]["claims"]} == {"Kyiv", "Kiev"}


def test_directories_are_searched_recursively(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    """A directory stands for its matching files and those below; notes and hidden skipped."""
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(_KYIV, encoding="utf-8")
    (tmp_path / "wire" / "deep" / "b.txt").write_text(_KIEV, encoding="utf-8")
    (tmp_path / "wire" / "c.htm").write_text("<p>a page</p>", encoding="utf-8")
    (tmp_path / "README.md").write_text("# How this folder is laid out", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("Notes about the files", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT", encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text(_KIEV, encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    found = _cli._expand([str(tmp_path)], _cli.DEFAULT_GLOB)
    assert [p.relative_to(tmp_path).as_posix() for p in found if p is not None] == [
        "a.txt", "wire/c.htm", "wire/deep/b.txt",
    ]
    assert main([str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["source"] for a in data["articles"]] == ["a.txt", "b.txt"]
    assert [w.split(":")[0] for w in data["warnings"] if w.startswith("skipped")] == [
        f"skipped {tmp_path / 'wire' / 'c.htm'}",  # a page without article text
    ]


def test_glob_chooses_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--glob replaces the default patterns."""
    (tmp_path / "a.story").write_text(_KYIV, encoding="utf-8")
    (tmp_path / "b.story").write_text(_KIEV, encoding="utf-8")
    (tmp_path / "c.txt").write_text(_KIEV, encoding="utf-8")
    assert main([str(tmp_path), "--glob", "*.story", "--format", "json"]) == 0
    sources = [a["source"] for a in json.loads(capsys.readouterr().out)["articles"]]
    assert sources == ["a.story", "b.story"]


def test_a_directory_without_articles_is_bad_usage(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A directory with no matching file exits 2 and says which patterns were tried."""
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    assert "*.txt,*.html,*.htm" in capsys.readouterr().err


def test_keep_going_turns_an_unreadable_file_into_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One missing or empty file is a warning in the report; the others are compared."""
    a, b, empty = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "empty.txt"
    a.write_text(_KYIV, encoding="utf-8")
    b.write_text(_KIEV, encoding="utf-8")
    empty.write_text("  \n", encoding="utf-8")
    args = [str(a), str(tmp_path / "missing.txt"), str(empty), str(b), "--format", "json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert [x["source"] for x in data["articles"]] == ["a.txt", "b.txt"]
    skipped = [w for w in data["warnings"] if w.startswith("skipped")]
    assert len(skipped) == 2
    assert "missing.txt" in skipped[0]
    assert "empty.txt" in skipped[1]
    assert data["discrepancies"]


def test_keep_going_exits_2_when_nothing_could_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When no input at all could be read, exit 2 with one line naming each file."""
    assert main([str(tmp_path / "x.txt"), str(tmp_path / "y.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "x.txt" in err
    assert "y.txt" in err


def test_no_keep_going_stops_at_the_first_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--no-keep-going: one unreadable file is exit 2, no report."""
    a = tmp_path / "a.txt"
    a.write_text(_KYIV, encoding="utf-8")
    assert main([str(a), str(tmp_path / "missing.txt"), "--no-keep-going"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "missing.txt" in captured.err


def test_checks_limits_the_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--checks date finds no spelling; --checks spelling does; an unknown kind is usage."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_KYIV, encoding="utf-8")
    b.write_text(_KIEV, encoding="utf-8")
    assert main([str(a), str(b), "--checks", "date", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["discrepancies"] == []
    assert main([str(a), str(b), "--checks", "spelling,date", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["discrepancies"][0]["kind"] == "spelling"
    assert main([str(a), str(b), "--checks", "colour"]) == 2
    assert "colour" in capsys.readouterr().err


def test_min_confidence_drops_weaker_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--min-confidence keeps only findings at or above it; out of range is usage."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_KYIV, encoding="utf-8")
    b.write_text(_KIEV, encoding="utf-8")
    assert main([str(a), str(b), "--format", "json"]) == 0
    (found,) = json.loads(capsys.readouterr().out)["discrepancies"]
    conf = found["confidence"]
    assert main([str(a), str(b), "--format", "json", "--min-confidence", str(conf)]) == 0
    assert len(json.loads(capsys.readouterr().out)["discrepancies"]) == 1
    above = str(min(1.0, conf + 0.01))
    assert main([str(a), str(b), "--format", "json", "--min-confidence", above]) == 0
    assert json.loads(capsys.readouterr().out)["discrepancies"] == []
    with pytest.raises(SystemExit) as exc:
        main([str(a), "--min-confidence", "1.5"])
    assert exc.value.code == 2


def test_workers_give_the_same_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--workers 2 extracts in two processes and reports the same; 0 is usage."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_KYIV, encoding="utf-8")
    b.write_text(_KIEV, encoding="utf-8")
    assert main([str(a), str(b), "--format", "json"]) == 0
    one = capsys.readouterr().out
    assert main([str(a), str(b), "--format", "json", "--workers", "2"]) == 0
    assert capsys.readouterr().out == one
    with pytest.raises(SystemExit) as exc:
        main([str(a), "--workers", "0"])
    assert exc.value.code == 2


def test_unwritable_output_is_refused_before_the_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad --output is reported before any article is read or compared."""
    a = tmp_path / "a.txt"
    a.write_text(_KYIV, encoding="utf-8")

    def no_analysis(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the analysis ran before --output was checked")

    monkeypatch.setattr(_cli, "compare", no_analysis)
    monkeypatch.setattr(_cli, "_read_all", no_analysis)
    assert main([str(a), "--output", str(tmp_path / "no" / "such" / "r.txt")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main([str(a), "--output", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere: no unwritable dir")
def test_read_only_output_directory_is_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """An --output in a directory the user cannot write to exits 2 before the analysis."""
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    a = tmp_path / "a.txt"
    a.write_text(_KYIV, encoding="utf-8")
    assert main([str(a), "--output", str(ro / "r.txt")]) == 2
    assert "not writable" in capsys.readouterr().err


def test_html_and_csv_formats(tmp_path: Path) -> None:
    """--format html writes the page; --format csv one row per claim."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_KYIV, encoding="utf-8")
    b.write_text(_KIEV, encoding="utf-8")
    page = tmp_path / "r.html"
    assert main([str(a), str(b), "--format", "html", "--output", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    table = tmp_path / "r.csv"
    assert main([str(a), str(b), "--format", "csv", "--output", str(table)]) == 0
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [(r["source"], r["text"], r["start"]) for r in rows] == [
        ("a.txt", "Kyiv", "19"), ("b.txt", "Kiev", "19"),
    ]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_off_a_terminal_and_on_short_runs() -> None:
    """No progress line when stderr is not a terminal, nor when the run ends quickly."""
    quiet = io.StringIO()
    with _cli._Progress(quiet, delay=0.0) as p:
        p.step("analysing")
        time.sleep(0.5)
    assert quiet.getvalue() == ""
    tty = _Tty()
    with _cli._Progress(tty, delay=5.0) as p:
        time.sleep(0.3)
    assert tty.getvalue() == ""


def test_progress_shows_on_a_terminal_for_long_runs() -> None:
    """On a terminal a long run shows its stage and elapsed time, then clears the line."""
    tty = _Tty()
    with _cli._Progress(tty, delay=0.1) as p:
        p.step("analysing 40 articles")
        time.sleep(0.7)
    out = tty.getvalue()
    assert "discrep: analysing 40 articles" in out
    assert out.endswith("\r\x1b[K")


def test_no_progress_in_piped_output(tmp_path: Path) -> None:
    """Run as a pipeline stage, stderr holds nothing on success."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(_KYIV, encoding="utf-8")
    b.write_text(_KIEV, encoding="utf-8")
    proc = _run([str(a), str(b)])
    assert proc.returncode == 0
    assert proc.stderr == b""
