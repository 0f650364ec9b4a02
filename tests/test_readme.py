"""The README and docs stay true.

The README's JSON example is what the code beside it prints today, its quick start names
two commands, no page promises a backend that does not exist, and the documented
confidences are the checks' own.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import attrs

import discrep

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_readme_json_example_is_a_real_run() -> None:
    """The ```python block under 'The report' prints exactly the ```json block after it."""
    section = _section(README.read_text(encoding="utf-8"), "The report")
    code = re.search(r"```python\n(.*?)```", section, re.S)
    shown = re.search(r"```json\n(.*?)```", section, re.S)
    assert code is not None
    assert shown is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), str(README), "exec"), {"__name__": "readme_example"})
    printed = json.loads(out.getvalue())
    assert json.loads(shown.group(1)) == printed, (
        "README.md's JSON example is out of date; replace it with:\n" + out.getvalue()
    )


def test_readme_json_example_quotes_exactly() -> None:
    """Every quote in the README example is the text at its offsets (the old one was not)."""
    section = _section(README.read_text(encoding="utf-8"), "The report")
    shown = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))  # type: ignore[union-attr]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    texts = re.findall(r'^\s+"(.*?)",$', code, re.M)
    by_source = {a["source"]: texts[i] for i, a in enumerate(shown["articles"])}
    for a in shown["articles"]:
        assert a["chars"] == len(by_source[a["source"]])
    for d in shown["discrepancies"]:
        for c in d["claims"]:
            assert by_source[c["source"]][c["start"] : c["end"]] == c["text"]


def test_quick_start_has_two_commands_that_exist() -> None:
    """Quick start: exactly two commands, the first running the discrep CLI on seeds/."""
    section = _section(README.read_text(encoding="utf-8"), "Quick start")
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    commands = [ln for ln in block.splitlines() if ln.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("discrep seeds/")
    assert (ROOT / "seeds").is_dir()


def test_docs_mention_no_spacy_backend() -> None:
    """No page promises a spaCy backend or extra: none exists."""
    promise = re.compile(r"spacy[^.]*\b(extra|backend)|\b(extra|backend)[^.]*spacy", re.I)
    for page in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        assert not promise.search(page.read_text(encoding="utf-8")), page.name


def test_documented_confidences_are_the_checks_values(seed_report: discrep.Report) -> None:
    """docs/report-format.md's confidence table is Config.confidence and the checks' own."""
    doc = (ROOT / "docs" / "report-format.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\|[^|\n]+\|[^|\n]+\|\s*(.+?)\s*\|\s*([01]\.\d+)\s*\|$",
                      _section(doc, "Confidence"), re.M)
    assert rows, "no confidence table in docs/report-format.md"
    documented = {field.strip("`"): float(v) for field, v in rows if field.startswith("`")}
    defaults = attrs.asdict(discrep.Config().confidence)
    assert documented == defaults
    values = {float(v) for _, v in rows}
    source = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "src" / "discrep" / "_detect").glob("*.py"))
    )
    literals = {
        float(x)
        for m in re.finditer(r"confidence\s*=\s*([^,\n]+)", source)
        for x in re.findall(r"\b[01]\.\d+\b", m.group(1))
    }
    assert literals <= values, "a check sets a confidence the table does not give"
    assert {d.confidence for d in seed_report.discrepancies} <= values
