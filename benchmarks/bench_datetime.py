"""The temporal tagger against Recognizers-Text's DateTimeModel specification, and its speed.

Run ``python benchmarks/bench_datetime.py`` (``--limit N`` ECB+ articles for the speed
part, default 60; ``--limit 0`` for all; ``--show N`` prints N failing cases).

**Accuracy.** ``../shared/external/recognizers-text/DateTime/DateTimeModel.json`` holds
985 English cases (a sentence, a reference date, every expression with its span and
TIMEX value). The cases in scope for news are those whose every expected expression is a
point in time the tagger resolves: a day (``2016-11-04``, ``XXXX-05-09``), a month
(``2017-04``, ``XXXX-12``), a year (``2016``), a weekday (``XXXX-WXX-5``), a clock time
(``T07:30``) or a day with a time, "ago"/"later" durations included (their TIMEX is the
day they resolve to). Left out, with the reason printed per group: ranges ("from 2014 to
2018", "3 days starting from next Monday": a span, not a date a source states), weeks and
quarters ("week 10", "2017 q1": not written in news prose about events), recurrences
("every Monday"), bare durations ("for 3 days": no date), and the present ("at the
moment": no value). A case passes when the tagger finds exactly the expected
expressions, each with the exact span (end inclusive in the file) and a value the
file accepts (any of the listed resolutions: "Friday" may be the past or the coming
one). Expression-level recall and precision are printed too.

**Speed.** The tagger (``tag_times``) against dateparser's ``search_dates`` on the same
non-junk sentences of the ECB+ corpus, CPU seconds of this process, after one warm-up
call each. dateparser is a benchmark-only dependency (``pip install dateparser``).

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from discrep import Article, Config
from discrep._extract.time import tag_times
from discrep._model import Sentence, TimeExpr
from discrep._read import mark_junk
from discrep._segment import segment

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SPEC = SHARED / "external" / "recognizers-text" / "DateTime" / "DateTimeModel.json"
CORPUS = SHARED / "corpus" / "ecbplus"

_IN_SCOPE = re.compile(
    r"(?:\d{4}|XXXX)-\d\d-\d\d(?:T\d\d(?::\d\d){0,2})?|(?:\d{4}|XXXX)-\d\d|\d{4}"
    r"|XXXX-WXX-\d(?:T\d\d(?::\d\d){0,2})?|T\d\d(?::\d\d){0,2}"
)
_WHY_OUT = (
    (re.compile(r"^\("), "range: a span, not a date a source states"),
    (re.compile(r"W\d\d|Q\d|-H\d"), "week, quarter or half-year: not news prose about events"),
    (re.compile(r"^P"), "bare duration: no date"),
    (re.compile(r"REF"), "the present: no value"),
    (re.compile(r"SP|SU|FA|WI|MO|AF|EV|NI|DT|WE"), "season or part of day: no point"),
)


def _scope(result: dict[str, Any]) -> str | None:
    """Return None when ``result`` is in scope, else why it is left out."""
    kind = result.get("TypeName") or ""
    if kind.endswith("set"):
        return "recurrence: no single date"
    if kind.endswith(("timerange", "datetimerange", "timezone")):
        return "range: a span, not a date a source states"
    values = result.get("Resolution", {}).get("values", [])
    timex = values[0].get("timex", "") if values else ""
    if values and _IN_SCOPE.fullmatch(timex):
        return None
    for rx, why in _WHY_OUT:
        if rx.search(timex):
            return why
    return "other"


def _accepted(result: dict[str, Any]) -> set[str]:
    out = set()
    for v in result.get("Resolution", {}).get("values", []):
        for key in ("timex", "value"):
            if v.get(key):
                out.add(str(v[key]).replace(" ", "T")[:16])
    return out


def _ours(t: TimeExpr) -> set[str]:
    """Return what the tagger says an expression is, in the TIMEX-like forms of the file."""
    out = set()
    if t.value is not None and t.type in {"date", "weekday", "relative"}:
        out.add(t.value.isoformat())
    p = t.point
    if p is not None:
        y = f"{p.year:04d}" if p.year is not None else "XXXX"
        if p.month is not None and p.day is not None:
            out.add(f"{y}-{p.month:02d}-{p.day:02d}")
        elif p.month is not None:
            out.add(f"{y}-{p.month:02d}")
        elif p.year is not None:
            out.add(y)
        elif p.weekday is not None:
            out.add(f"XXXX-WXX-{p.weekday + 1}")
    if t.type == "time" and t.note:
        clock = _clock(t.note)
        if clock:
            out.add(clock)
    return out


def _clock(note: str) -> str | None:
    m = re.match(r"(\d{1,2})(?::(\d\d))?\s*([ap])?", note.lower())
    if not m:
        return None
    h = int(m[1]) % 12 + (12 if m[3] == "p" else 0) if m[3] else int(m[1])
    return f"T{h:02d}" + (f":{m[2]}" if m[2] and m[2] != "00" else "")


def _tag(text: str, reference: dt.date) -> list[TimeExpr]:
    art = Article(text, published=reference)
    times, _, _ = tag_times(art, mark_junk(text, segment(text)), Config())
    return list(times)


def accuracy(show: int) -> None:
    cases = json.loads(SPEC.read_text(encoding="utf-8-sig"))
    left_out: Counter[str] = Counter()
    passed = total = found = expected_n = predicted_n = 0
    failures: list[str] = []
    for case in cases:
        results = case.get("Results", [])
        why = [w for r in results if (w := _scope(r)) is not None]
        if why:
            left_out[why[0]] += 1
            continue
        ref_text = case.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00")
        reference = dt.date.fromisoformat(ref_text[:10])
        text = case["Input"]
        ours = _tag(text, reference)
        total += 1
        expected = {(r["Start"], r["End"] + 1): _accepted(r) for r in results}
        got = {(t.start, t.end): _ours(t) for t in ours}
        hits = sum(1 for span, ok in expected.items() if got.get(span, set()) & ok)
        found += hits
        expected_n += len(expected)
        predicted_n += len(got)
        if hits == len(expected) == len(got):
            passed += 1
        elif len(failures) < show:
            want = [(text[a:b], sorted(v)[:2]) for (a, b), v in expected.items()]
            have = [(t.text, sorted(_ours(t))) for t in ours]
            failures.append(f"  {text!r}\n    want {want}\n    got  {have}")
    print(f"DateTimeModel: {len(cases)} cases, {total} in scope, {sum(left_out.values())} left out")
    for why, n in left_out.most_common():
        print(f"  left out {n:4}: {why}")
    rate = passed / total if total else 0.0
    print(f"in-scope cases passed (exact spans and values): {passed}/{total} = {rate:.1%}")
    print(f"expressions: recall {found}/{expected_n} = {found / max(expected_n, 1):.1%}, "
          f"precision {found}/{predicted_n} = {found / max(predicted_n, 1):.1%}")
    if failures:
        print("failing cases:")
        print("\n".join(failures))


def speed(limit: int) -> None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("speed: dateparser is not installed (pip install dateparser); skipped")
        return
    paths = sorted(CORPUS.glob("*.txt"))
    if limit:
        paths = paths[:limit]
    docs: list[tuple[Article, tuple[Sentence, ...]]] = []
    for p in paths:
        art = Article.from_path(p)
        docs.append((art, mark_junk(art.text, segment(art.text))))
    sentences = [art.text[s.start : s.end] for art, sents in docs for s in sents if not s.junk]
    config = Config()
    tag_times(*docs[0], config)
    t0 = time.process_time()
    n_ours = sum(len(tag_times(art, sents, config)[0]) for art, sents in docs)
    ours = time.process_time() - t0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates("on Monday", languages=["en"])
        t0 = time.process_time()
        n_dp = sum(len(search_dates(s, languages=["en"]) or ()) for s in sentences)
        theirs = time.process_time() - t0
    print(f"speed on {len(docs)} ECB+ articles ({len(sentences)} sentences): "
          f"tag_times {ours:.2f} s ({n_ours} expressions), dateparser.search_dates "
          f"{theirs:.2f} s ({n_dp} dates): {theirs / max(ours, 1e-9):.1f}x faster")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=60, help="ECB+ articles for the speed part")
    ap.add_argument("--show", type=int, default=0, help="failing cases to print")
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    args = ap.parse_args()
    accuracy(args.show)
    if not args.no_speed:
        speed(args.limit)


if __name__ == "__main__":
    main()
