"""What every fuzz target asserts about discrep's behaviour on arbitrary input.

- only :class:`discrep.DiscrepError` subclasses escape (anything else is a crash);
- every quote (sentence, mention, quantity, time, event, claim, statement) is its
  article's text at its offsets;
- JSON output is valid UTF-8 and parses;
- text and markdown output carry no raw control characters (terminal injection, issue 16
  item 3), once the output track's neutralisation is on main: :data:`NEUTRALISED` probes it;
- an input under 20 KB takes at most 1 s of CPU warm (CPU time, not wall time, so a loaded
  machine does not make it flaky; the first call is cold and not timed).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import discrep
from discrep._model import Extraction

T = TypeVar("T")

SLOW_SECONDS = 1.0
SMALL_INPUT = 20_000
# C0 and C1 controls but line feed and tab, DEL, and the bidi overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: A text that fails the quick English test, so that the warm-up loads the language model
#: too (with no cache built, reading the model is a second of CPU: no input's own cost).
_NOT_ENGLISH = (
    "Der Kanzler traf sich am Montag mit dem Präsidenten in Berlin, wo die beiden über die "
    "Lage in der Ukraine, die Preise für Gas und Strom und die Hilfe für die Städte sprachen."
)


class FuzzFailure(AssertionError):
    """An assertion about discrep's output failed on a fuzzed input."""


class Timer:
    """Raise when a warm call on a small input takes more than :data:`SLOW_SECONDS` of CPU.

    ``warm_up`` runs the target once over the seed texts first, so that what discrep loads
    lazily on first use (the gazetteer index, quantulum3's unit tables, the language model)
    is loaded before anything is timed.
    """

    def __init__(self) -> None:
        self.warm = False

    def warm_up(self, fn: Callable[[str], object]) -> None:
        from make_corpus import PAIRS, TEXTS

        for text in [*TEXTS, *(a + " " + b for a, b in PAIRS), _NOT_ENGLISH]:
            guarded(lambda text=text: fn(text))  # type: ignore[misc]
        self.warm = True

    def run(self, size: int, fn: Callable[[], T]) -> T:
        t0 = time.process_time()
        out = fn()
        spent = time.process_time() - t0
        if self.warm and size < SMALL_INPUT and spent > SLOW_SECONDS:
            raise FuzzFailure(f"{spent:.2f} s of CPU for an input of {size} characters")
        self.warm = True
        return out


def guarded(fn: Callable[[], T]) -> T | None:
    """Run ``fn``; a DiscrepError is a clean refusal (None), anything else propagates."""
    try:
        return fn()
    except discrep.DiscrepError:
        return None


def check_quote(text: str, start: int, end: int, quoted: str, what: str) -> None:
    if not (0 <= start <= end <= len(text)) or text[start:end] != quoted:
        raise FuzzFailure(f"{what} quotes {quoted!r} at {start}-{end}: {text[start:end]!r}")


def check_extraction(x: Extraction) -> None:
    text = x.article.text
    for s in x.sentences:
        check_quote(text, s.start, s.end, s.text, "sentence")
    for m in x.mentions:
        check_quote(text, m.start, m.end, m.text, "mention")
        if m.role is not None and m.role_start is not None and m.role_end is not None:
            check_quote(text, m.role_start, m.role_end, m.role, "role")
    for q in x.quantities:
        check_quote(text, q.start, q.end, q.text, "quantity")
    for t in x.times:
        check_quote(text, t.start, t.end, t.text, "time")
    for e in x.events:
        check_quote(text, e.start, e.end, e.text, "event")


def _report_quotes(report: discrep.Report) -> Iterator[tuple[str, int, int, str, str]]:
    for d in report.discrepancies:
        for c in d.claims:
            yield c.source, c.start, c.end, c.text, "claim"
    for e in report.entities:
        for m in e.mentions:
            yield m.source, m.start, m.end, m.text, "entity mention"
    for al in report.alignments:
        for st in al.statements:
            yield st.source, st.start, st.end, st.text, "statement"


_PROBES = "\x1b]0;x\x07 \x1b[2J \r \b \x00 \x7f \x85 \u202e \u2066"


def surviving_controls() -> str:
    """Return the control characters that text or markdown output still carries raw.

    Output neutralisation is the output track's (issue 16 item 3); the fuzzer asserts no
    raw control characters only once none of the probed kinds survives, and says which do
    until then.
    """
    found: set[str] = set()
    for probe in _PROBES.split(" "):
        report = discrep.compare([f"Kyiv said {probe}5 people died.", "Kiev said 5 people died."])
        out = str(report) + report.to_markdown()
        found.update(m.group() for m in _CONTROL.finditer(out))
    return "".join(sorted(found))


def check_report(report: discrep.Report, *, controls: bool) -> None:
    texts = {a.source: a.text for a in report.articles}
    for source, start, end, quoted, what in _report_quotes(report):
        if source not in texts:
            raise FuzzFailure(f"{what} from unknown source {source!r}")
        check_quote(texts[source], start, end, quoted, what)
    for x in report.extractions:
        check_extraction(x)
    data = report.to_json().encode("utf-8")  # raises on a lone surrogate
    json.loads(data.decode("utf-8"))
    rendered: dict[str, str] = {"text": str(report), "markdown": report.to_markdown()}
    for name in ("to_html", "to_csv"):  # the output track's formats, once landed
        render: Any = getattr(report, name, None)
        if render is not None:
            out = render()
            out.encode("utf-8")
    if controls:
        for fmt, out in rendered.items():
            m = _CONTROL.search(out)
            if m:
                raise FuzzFailure(f"raw control character {m.group()!r} in {fmt} output")
    else:
        for out in rendered.values():
            out.encode("utf-8")


def articles_from(data: bytes, n: int) -> list[str]:
    r"""Turn fuzzer bytes into ``n`` texts split at U+001E (any Unicode, lone surrogates too).

    The bytes go through atheris' ``ConsumeUnicode``: a first byte with its low bit clear
    makes the rest ASCII, so a seed is ``b"\\0" + text`` (see make_corpus.py).
    """
    import atheris

    text = atheris.FuzzedDataProvider(data).ConsumeUnicode(len(data))
    parts = text.split("\x1e", n - 1)
    return parts + [""] * (n - len(parts))
