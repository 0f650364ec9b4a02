"""The command line: formats, output file, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from discrep._cli import main


@pytest.fixture(name="pair")
def fixture_pair(tmp_path: Path) -> list[str]:
    """Two short articles that spell one city two ways."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Talks were held in Kyiv on Monday, officials said.", encoding="utf-8")
    b.write_text("Talks were held in Kiev on Monday, officials said.", encoding="utf-8")
    return [str(a), str(b)]


def test_text_report_on_seeds(capsys: pytest.CaptureFixture[str], seed_paths: list[Path]) -> None:
    """A directory stands for its files; the text report starts with a summary."""
    assert main([str(seed_paths[0].parent)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("discrep: 5 articles, ")


def test_json_format_and_output_file(pair: list[str], tmp_path: Path) -> None:
    """--format json --output writes the to_dict() report to a file."""
    out = tmp_path / "r.json"
    assert main([*pair, "--format", "json", "--output", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["source"] for a in data["articles"]] == ["a.txt", "b.txt"]


def test_markdown_format(pair: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """--format markdown prints a Markdown report."""
    assert main([*pair, "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# discrep report: 2 articles")


def test_strict_exits_1_on_discrepancies(pair: list[str]) -> None:
    """--strict turns a reported discrepancy into exit status 1, like a linter."""
    assert main(pair) == 0
    assert main([*pair, "--strict"]) == 1


def test_strict_exits_0_when_sources_agree(tmp_path: Path) -> None:
    """--strict exits 0 when nothing is reported."""
    a = tmp_path / "a.txt"
    a.write_text("Talks were held in Kyiv on Monday, officials said.", encoding="utf-8")
    assert main([str(a), str(a), "--strict"]) == 0


def test_missing_file_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable input exits 2 with one line on stderr and no traceback."""
    assert main(["/nonexistent/article.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("discrep: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No files, or an unknown format, is bad usage: exit status 2."""
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["x.txt", "--format", "pdf"])
    assert exc.value.code == 2


def test_unwritable_output_exits_2(pair: list[str], tmp_path: Path) -> None:
    """An --output that cannot be written is reported, exit status 2."""
    assert main([*pair, "--output", str(tmp_path / "no" / "such" / "dir.txt")]) == 2


def test_python_dash_m_is_the_same_command(pair: list[str]) -> None:
    """`python -m discrep` runs the same command line."""
    proc = subprocess.run(
        [sys.executable, "-m", "discrep", *pair, "--format", "json"],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["articles"][1]["source"] == "b.txt"


def test_a_reader_that_stops_early_is_no_error(pair: list[str]) -> None:
    """`discrep ... | head`: the reader closed the pipe; exit 141 (as SIGPIPE), no message.

    The pipe is closed before discrep writes (it analyses first), so every write fails.
    """
    with subprocess.Popen(
        [sys.executable, "-m", "discrep", *pair, "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=120) == 141
    assert err == b""
