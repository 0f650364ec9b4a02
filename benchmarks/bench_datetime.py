"""The temporal tagger against Recognizers-Text's DateTimeModel specification, and its speed.

Run ``python benchmarks/bench_datetime.py`` (``--limit N`` ECB+ articles for the speed
part, default 60; ``--limit 0`` for all; ``--show N`` prints N failing cases).

**Accuracy.** ``../shared/external/recognizers-text/DateTime/DateTimeModel.json`` holds
985 English cases (a sentence, a reference date, every expression with its span and
TIMEX value). A case is in scope when every expected expression is a date, time or period
news states of an event, with a reference date: a day (``2016-11-04``, ``XXXX-05-09``, "the
18th" ``XXXX-XX-18``), a month (``2017-04``, ``XXXX-12``), a year (``2016``), a weekday
(``XXXX-WXX-5``), a clock time (``T07:30``) or a day with a time, "ago"/"later" durations
included (their TIMEX is the day they resolve to). In scope and printed as groups of their
own (session 3 re-admitted them after review: news does write them):

- open bounds ("since August", "before 2018", "starting on January 7th", "as late as
  tomorrow", "no later than May 1"): a case passes only with the bound word in the span
  and the right bound (since/before/after/until) as well as the date;
- spoken clock times and days ("half past seven", "ten past 9 in the evening", "nine
  thirty", "May twenty nine", "tuesday the eleventh", "at 5"): quotes and transcripts;
- the week of a day ("the week of April 10th", "the week beginning February 4"): the
  spec's value is the day.

Left out, with the reason printed per group (the shape of the answer is checked first, so
a range written in words counts as a range): ranges ("from 2014 to 2018": a span, not a
date a source states), weeks, quarters and half-years as periods ("last week" is
``2018-W11``; the tagger notes the week's Monday but the spec wants an ISO week), recurrences
("every Monday"), bare durations ("for 3 days"), the present ("at the moment", "to date"),
what the spec itself does not resolve ("Feb 30", "this school year", "winter"), database
query syntax ("> = 2019", "year greater than 2012", "2012 or later"), chat shorthand
("tmrw", "9a", "noonish", "eod", "w/c"), minutes or hours from the reference ("in 5
minutes": the answer is a minute of the day, and discrep's reference is a day), all-digit
day-month dates ("7/6", "23.04.2022": the order depends on the locale, and news prose
names the month), bare "the year" ("partner of the year"). Spelled-out years stay in
scope. A case passes when the tagger finds exactly the expected expressions, each with the
exact span (end inclusive in the file) and a value the file accepts (any of the listed
resolutions: "Friday" may be the past or the coming one). Expression-level recall and
precision are printed too. ``--group NAME --show N`` prints the failures of one group.

What still fails in scope, and why (session 4; ``--show 100`` lists the cases): "last
Wednesday", "next Friday" said mid-week (the spec reads the weekday of the previous or next
calendar week; the tagger the nearest one before or after the reference, as news uses
them: ECB+ 36_11ecbplus, dated Friday 29 July 2011, has a trial that "began last Thursday"
and a defendant "silent since" who spoke "Friday", i.e. the day before);
a weekday written beside its date as one span ("Tue May 9", "this friday (jun-15)": kept
apart so that a weekday contradicting its date can be reported); counts "later" with no
"from now" ("3 weeks later": counted from an event the text names, so left unresolved) and
"the day before/after"; an undated holiday in a past-tense count ("It happened 2 weeks
before Christmas": the spec takes the coming Christmas); a holiday and its clock time
(the spec keeps "Easter Monday" and "at 10:30 am" apart but joins "Sunday at 8:00");
single-line inputs that are a bare date ("Feb 29", "-2020-07-01-": a lone date line is
a dateline, metadata, not prose); and one-offs ("10, tonight", "January first 12", "2150").

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
    r"(?:\d{4}|XXXX)-(?:\d\d|XX)-\d\d(?:T\d\d(?::\d\d){0,2})?|(?:\d{4}|XXXX)-\d\d|\d{4}"
    r"|XXXX-WXX-\d(?:T\d\d(?::\d\d){0,2})?|T\d\d(?::\d\d){0,2}"
)
# Left out by the shape of the answer, checked first (so that a range written in words
# counts as a range, not as the words it is written in).
_WHY_OUT = (
    (re.compile(r"^\("), "range: a span, not a date a source states"),
    (re.compile(r"W\d\d|Q\d|-H\d"), "week, quarter or half-year: not news prose about events"),
    (re.compile(r"^P"), "bare duration: no date"),
    (re.compile(r"REF"), "the present: no value"),
    (re.compile(r"SP|SU|FA|WI|MO|AF|EV|NI|DT|WE"), "season or part of day: no point"),
)
_MONTH_WORD = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
)
_NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|first|second"
    r"|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth|half|quarter)"
)
# Left out by what the expected text is written like, checked in this order after the
# shape. Each group prints with its reason; the rules read the spec's text, never our output.
_WHY_TEXT = (
    (re.compile(r"[<>=]|\b(?:greater|less)[ ]than\b|\bor[ ]later\b"
                r"|\band[ ](?:later|after|greater)\b"),
     "comparison (\"> = 2019\", \"year greater than 2012\", \"2012 or later\"): database "
     "query syntax for a bound, not news prose"),
    (re.compile(r"\b(?:tmrw|eod|eoy|otd|cy\d*|mid[ ]night|w/c)\b|\dish\b|noonish"
                r"|\d(?::\d\d)?(?:[ap]|ampm)\b|\d\.am\b"),
     "chat shorthand (\"tmrw\", \"9a\", \"noonish\", \"eod\", \"cy18\", \"w/c\"): not news prose"),
    (re.compile(r"\b(?:min(?:ute)?s?|hours?|hrs?)\b(?![ ]past)|\bhalf[ ]an[ ]hour\b"),
     "minutes or hours from the reference (\"in 5 minutes\", \"30 minutes later\"): the "
     "answer is a minute of the day, and discrep's reference is a day (Article.published "
     "is a date), so there is no minute to count from"),
    (re.compile(r"(?<![\d:])(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{4}[/.][\d]{1,2}"
                r"(?:[/.]\d{1,2})?|\d{4}[ -]\d{1,2}(?:[ -]\d{1,2})?|\d{1,2}-\d{1,4}(?:-\d{2,4})?"
                r"|\d{8})(?![\d:]|[ ]?[ap]\.?m)"),
     "all-digit day-month or year-month (\"7/6\", \"23.04.2022\", \"2015-3\"): the order "
     "depends on the locale (the spec reads both), \"2011-12\" is a span of years in news, "
     "and news prose names the month"),
    (re.compile(r"^(?:the[ ])?(?:day|month|year)$"),
     "bare \"the day\", \"the month\", \"the year\" (\"partner of the year\"): in news "
     "an award or a span, not the publication day"),
)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_TENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen" \
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# Spelled-out years are core (issue 13 class 2), so they are blanked before the spoken
# rule looks for days and clock times in words; so is the holiday "the Fourth of July".
_SPELLED_YEAR = re.compile(
    rf"\b(?:(?:seventeen|eighteen|nineteen|twenty)[ ](?:hundred[ ](?:and[ ])?)?{_TENS}"
    rf"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|two[ ]thousand(?:[ ]and)?(?:[ ]{_TENS}|[ ](?:one|two|three|four|five|six|seven|eight"
    r"|nine))*(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    r"|\bfourth[ ]of[ ]july\b"
)
_BOUND = re.compile(r"^(?:before|after|since|until)")
# In scope, reported as groups of their own: the classes the previous scope left out and
# session 3 re-admitted as news (issue 13 review). The rest is "core".
_GROUPS = (
    ("open bound", None),
    ("week of a day", re.compile(r"\bweek[ ](?:of|beginning|starting|commencing)\b")),
    ("spoken clock time or day", re.compile(
        rf"(?:{_MONTH_WORD}|day|the|mon|tue|tues|wed|thu|fri|sat|sun|[a-z]+day)"
        rf"[ ](?:the[ ])?{_NUM_WORD}\b(?![ -](?:days?|weeks?|months?|years?))"
        rf"|\b{_NUM_WORD}(?:[ -]{_NUM_WORD})*[ ](?:of[ ])?{_MONTH_WORD}(?![a-z])"
        rf"|\b{_NUM_WORD}[ -](?:{_NUM_WORD}|[ap][ .]*m\b|o'?clock|in[ ]the)"
        rf"|\b(?:{_NUM_WORD}|\d+)[ ](?:min[ ])?(?:past|to)[ ]"
        r"|\b(?:at|around|circa)[ ]\d{1,2}\.?$"
        r"|\b(?:at|around)[ ]\d{1,2}\b(?![:.]\d|[ ]?[ap])"
        r"|^\d{1,2}[ ]o'?clock|\b\d{1,2}[ ]oclock")),
)


def _scope(result: dict[str, Any]) -> str | None:
    """Return None when ``result`` is in scope, else why it is left out."""
    kind = result.get("TypeName") or ""
    if kind.endswith("set"):
        return "recurrence: no single date"
    if kind.endswith(("timerange", "datetimerange", "timezone")):
        return "range: a span, not a date a source states"
    values = result.get("Resolution", {}).get("values", [])
    if any(v.get("value") in {"not resolved", "notResolved"} for v in values):
        return ("not resolvable by the spec itself (\"Feb 30\", \"this school year\", "
                "\"winter\"): nothing to compare")
    timex = values[0].get("timex", "") if values else ""
    for rx, why in _WHY_OUT:
        if rx.search(timex):
            return why
    text = _SPELLED_YEAR.sub(lambda m: "Y" * len(m.group()), (result.get("Text") or "").lower())
    for rx, why in _WHY_TEXT:
        for m in rx.finditer(text):
            if not (rx is _WHY_TEXT[3][0] and _ISO_DAY.fullmatch(m.group())):
                return why
    if values and _IN_SCOPE.fullmatch(timex):
        return None
    if re.fullmatch(r"XXXX(?:-XX|-WXX)?", timex):
        return ("an anaphor with nothing to point to (\"the same week that it happened\"): "
                "the spec gives no value")
    return "other"


def _group(result: dict[str, Any]) -> str:
    """Name the in-scope group of ``result`` (see :data:`_GROUPS`)."""
    values = result.get("Resolution", {}).get("values", [])
    if any(_BOUND.match(v.get("Mod", "")) for v in values):
        return "open bound"
    text = _SPELLED_YEAR.sub(lambda m: "Y" * len(m.group()), (result.get("Text") or "").lower())
    for name, rx in _GROUPS[1:]:
        if rx is not None and rx.search(text):
            return name
    return "core"


def _accepted(result: dict[str, Any]) -> set[str]:
    """Return the values the file accepts: "since:2016-08" for "since August" (a bound)."""
    out = set()
    for v in result.get("Resolution", {}).get("values", []):
        bound = _BOUND.match(v.get("Mod", ""))
        prefix = f"{bound.group()}:" if bound else ""
        for key in ("timex", "value"):
            if v.get(key):
                out.add(prefix + str(v[key]).replace(" ", "T")[:16])
    return out


def _ours(t: TimeExpr) -> set[str]:
    """Return what the tagger says an expression is, in the TIMEX-like forms of the file."""
    days = set()
    if t.value is not None and t.type in {"date", "weekday", "relative"}:
        days.add(t.value.isoformat())
    p = t.point
    if p is not None:
        y = f"{p.year:04d}" if p.year is not None else "XXXX"
        if p.month is not None and p.day is not None:
            days.add(f"{y}-{p.month:02d}-{p.day:02d}")
        elif p.month is not None:
            days.add(f"{y}-{p.month:02d}")
        elif p.year is not None:
            days.add(y)
        elif p.day is not None:
            days.add(f"{y}-XX-{p.day:02d}")
        elif p.weekday is not None:
            days.add(f"XXXX-WXX-{p.weekday + 1}")
    if t.bound:
        days = {f"{t.bound}:{d}" for d in days}
    if not t.clock:
        return days
    # One clock time in the file's three spellings: timex "T08" or "T08:30", value "08:30:00".
    clock = t.clock.split()[0]
    hh, mm, *ss = clock.split(":")
    timex = f"T{hh}" if mm == "00" and not ss else f"T{clock}"
    if not days:
        prefix = f"{t.bound}:" if t.bound else ""
        return {prefix + timex, f"{prefix}{hh}:{mm}:{ss[0] if ss else '00'}"}
    return {d + timex for d in days} | {f"{d}T{hh}:{mm}" for d in days}


def _tag(text: str, reference: dt.date) -> list[TimeExpr]:
    art = Article(text, published=reference)
    times, _, _ = tag_times(art, mark_junk(text, segment(text)), Config())
    return list(times)


def accuracy(show: int, only: str | None) -> None:
    cases = json.loads(SPEC.read_text(encoding="utf-8-sig"))
    left_out: Counter[str] = Counter()
    passed = total = found = expected_n = predicted_n = 0
    per_group: Counter[str] = Counter()
    per_group_passed: Counter[str] = Counter()
    failures: list[str] = []
    for case in cases:
        results = case.get("Results", [])
        why = [w for r in results if (w := _scope(r)) is not None]
        if why:
            left_out[why[0]] += 1
            continue
        groups = [g for r in results if (g := _group(r)) != "core"]
        group = groups[0] if groups else "core"
        ref_text = case.get("Context", {}).get("ReferenceDateTime", "2016-11-07T00:00:00")
        reference = dt.date.fromisoformat(ref_text[:10])
        text = case["Input"]
        ours = _tag(text, reference)
        total += 1
        per_group[group] += 1
        expected = {(r["Start"], r["End"] + 1): _accepted(r) for r in results}
        got = {(t.start, t.end): _ours(t) for t in ours}
        hits = sum(1 for span, ok in expected.items() if got.get(span, set()) & ok)
        found += hits
        expected_n += len(expected)
        predicted_n += len(got)
        if hits == len(expected) == len(got):
            passed += 1
            per_group_passed[group] += 1
        elif len(failures) < show and only in (None, group):
            want = [(text[a:b], sorted(v)[:2]) for (a, b), v in expected.items()]
            have = [(t.text, sorted(_ours(t))) for t in ours]
            failures.append(f"  [{group}] {text!r}\n    want {want}\n    got  {have}")
    print(f"DateTimeModel: {len(cases)} cases, {total} in scope, {sum(left_out.values())} left out")
    for why, n in left_out.most_common():
        print(f"  left out {n:4}: {why}")
    print("in scope, per group (exact spans and values):")
    for group, n in per_group.most_common():
        ok = per_group_passed[group]
        print(f"  {group:26} {ok:4}/{n:<4} = {ok / n:.1%}")
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
    ap.add_argument("--group", default=None, help="print failures of this in-scope group only")
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    args = ap.parse_args()
    accuracy(args.show, args.group)
    if not args.no_speed:
        speed(args.limit)


if __name__ == "__main__":
    main()
