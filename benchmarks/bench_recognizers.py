"""discrep.quantities() on the Recognizers-Text English specifications (a peer's test suite).

Run ``python benchmarks/bench_recognizers.py`` (``--failures`` prints every failed case,
``--file Currency`` restricts to the files whose name holds that word). The specs are
Microsoft Recognizers-Text's English test files (MIT licence), copied unchanged into
``../shared/external/recognizers-text/`` (see its README).

A case passes when every expected result is found (a quantity overlapping its span with
the same value, and for the unit files the same unit) and discrep reports nothing
more of that kind (an extra unitless number in the Number and Percent files, an extra
unitless range or bound in the NumberRange file, whose authors annotate ranges and bounds
only and leave plain numbers to the Number file; an extra figure with a unit of the
file's kind in the unit files). Ranges (NumberRange) pass when one quantity (or the two
ends of a range) gives the same bounds.

Out of scope, and why (each rule is a function below, so the count is printed):

- cases marked ``NotSupportedByDesign``: the authors' own judgement that they are not
  the recogniser's job;
- conversational and non-news forms: IP addresses and version strings ("192.168.1.2"),
  bare numerals that are the whole input ("192.") and numbers spelled letter by letter;
- ordinal ranges ("between the tenth and the fifteenth"): discrep leaves ordinals out by
  design (docs/quantities.md), they rank rather than count;
- arithmetic forms in the Number file: powers ("1.1^23"), "one over three", spoken
  decimals ("two hundred point zero three"), ordinal denominators ("three twenty-firsts",
  "a hundred trillionths"), "one out of three", digit strings of 13+ digits, "lakh
  crore", "tln"/"MM", and European decimal commas ("1.111,11"): exercises in reading
  numbers, not news prose, and "over 3" in news is "more than 3";
- dates and telephone numbers that the Number spec reads as numbers ("5/17/2018",
  "+1-222-2222"): discrep leaves them out by design;
- amounts in two denominations ("3 dollars 50 cents", "15 USD 50", "one kuai and five
  mao"): spoken prices; news writes "$3.50";
- "percent of 10" read as 10% (a reversed form news does not use);
- results with no value (a currency or unit named without a figure: "convert 10 celsius
  to *fahrenheit*"): a quantity needs a number;
- information sizes and cooking measures (bits, megabytes, teaspoons, drams): not news
  quantities that two reports would dispute;
- currencies that no longer exist or are not currencies of a state (markka, guilder,
  peseta, bitcoin, satoshi): quantulum3 has no table for them and news rarely states them;
- angles in turns and radians and speeds per millisecond: physics, not news.

Figures, not assertions: nothing here fails a build. The pass rates are recorded in
docs/quantities.md.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from discrep import Quantity, quantities

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "external" / "recognizers-text"
FILES = {
    "Number": "Number/NumberModel.json",
    "NumberRange": "Number/NumberRangeModel.json",
    "Percent": "Number/PercentModel.json",
    "Currency": "NumberWithUnit/CurrencyModel.json",
    "Dimension": "NumberWithUnit/DimensionModel.json",
    "Age": "NumberWithUnit/AgeModel.json",
    "Temperature": "NumberWithUnit/TemperatureModel.json",
}

# --- scope ----------------------------------------------------------------------------------

_OUT_UNITS = {
    "bit", "megabit", "megabyte", "tablespoon", "cup", "teaspoon", "dram", "turn", "radian",
    "meter per millisecond", "centimeter per millisecond", "kilometer per millisecond",
    "finnish markka", "netherlands guilder", "peseta", "bitcoin", "satoshi", "sen",
}  # fmt: skip


def out_of_scope(kind: str, case: dict[str, Any]) -> str | None:
    """Return why a case is left out, or None when it is in scope."""
    if case.get("NotSupportedByDesign"):
        return "not supported by design (the authors' judgement)"
    text = case["Input"]
    if re.fullmatch(r"\s*[\d.]+\.?\s*", text) and re.search(r"\d\.\d+\.\d", text + "."):
        return "IP address or version string"
    if re.fullmatch(r"\s*\d+\.\s*", text):
        return "a bare numeral as the whole input"
    if kind == "Number" and re.search(
        r"\^|\bover\b|\bpoint\b|\bout of\b|\d{13,}|\blakh\b"
        r"|(?:hundredth|thousandth|millionth|billionth|trillionth)s?\b"
        r"|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|one)[ -]+"
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)s?\b"
        r"|\b(?:tln|mm)\b|\d\.\d{3},\d", text, re.IGNORECASE
    ):
        return "arithmetic forms (powers, 'one over three', 'point five', 'three twenty-firsts')"
    if kind == "Number" and re.search(r"\d/\d{1,2}/\d{2,4}|\+\d-\d{3}-", text):
        return "dates and telephone numbers read as numbers (not quantities by design)"
    if kind == "Percent" and re.match(r"\s*(?:percents?|per cent) of\b", text):
        return "'percent of 10' for 10% (a reversed form not used in news)"
    if any((r.get("Resolution") or {}).get("value") in (None, "null") and kind != "NumberRange"
           for r in case["Results"]):
        return "a unit or currency named without a figure (not a quantity)"
    if kind == "Currency" and re.search(
        r"(?:\d|\bone|\bthirteen|\bfifteen)\s+(?:dollars?|usd)\s+(?:and\s+)?"
        r"(?:\d+|[a-z]+(?:-[a-z]+)?)(?:\s+cents?)?\s*[.,]?$|\d\s+usd\s+\d+\s+more"
        r"|\$\s*\d+\s+(?:and\s+)?(?:fifty|\d+\s*cent)|\bmao\b|dollars? and (?:one|two)\b",
        text, re.IGNORECASE,
    ):
        return "an amount in two denominations ('3 dollars 50 cents'): spoken, not news prose"
    units = {str(r.get("Resolution", {}).get("unit", "")).lower() for r in case["Results"]}
    if units & _OUT_UNITS:
        return "information size, cooking measure, defunct or crypto currency, or physics unit"
    if kind == "NumberRange" and re.search(r"\b\w+(?:th|st|nd|rd)\b", text) and re.search(
        r"(?:first|second|third|fourth|fifth|tenth|\dth|\dst|\dnd|\drd|eth)\b", text
    ):
        return "ordinal range (ordinals rank, they do not count)"
    return None


# --- units ----------------------------------------------------------------------------------

_UNIT_CANON = {
    "pound-mass": "pound", "pound sterling": "pound", "british pound": "pound",
    "pound sterling (gbp)": "pound", "united states dollar": "dollar", "us dollar": "dollar",
    "degree celsius": "c", "degree fahrenheit": "f", "celsius": "c", "fahrenheit": "f",
    "kelvin": "k", "tonne": "metric ton", "short ton": "ton", "pence": "penny",
    "japanese yen": "yen", "chinese yuan": "yuan", "renminbi": "yuan", "rupee": "rupee",
    "indian rupee": "rupee", "degree angle": "degree", "foot (unit)": "foot",
    "kilometre per hour": "kilometer per hour", "mile per hour": "mile per hour",
    "cubic foot": "cubic foot", "square metre": "square meter", "metre": "meter",
    "troy ounce": "ounce", "us gallon": "gallon", "imperial gallon": "gallon",
    "oil barrel": "barrel", "barrel (oil)": "barrel", "cubic centimeter": "milliliter",
    "kilometer per hour": "kilometer per hour", "age": "year",
}  # fmt: skip


def canon(unit: str | None) -> str:
    """Spell a unit name one way for both sides ("kilometre" and "Kilometer" alike)."""
    u = (unit or "").lower().strip()
    u = u.replace("metre", "meter").replace("litre", "liter")
    return _UNIT_CANON.get(u, u)


_KIND_UNITS: dict[str, Callable[[str], bool]] = {
    "Currency": lambda u: u in _CURRENCY_WORDS or "dollar" in u or "franc" in u,
    "Temperature": lambda u: u in {"c", "f", "k"},
    "Age": lambda u: u in {"year", "month", "week", "day"},
    "Dimension": lambda u: u not in _CURRENCY_WORDS and "dollar" not in u
    and u not in {"percent", "percentage point", "year", "month", "week", "day", "hour",
                  "minute", "second", "c", "f"},
}
_CURRENCY_WORDS = {
    "dollar", "euro", "pound", "yen", "yuan", "rupee", "cent", "penny", "franc", "lira",
    "turkish lira", "mexican peso", "peso", "swiss franc", "hong kong dollar",
    "costa rican colón", "georgian lari", "lao kip", "sri lankan rupee", "russian ruble",
    "ukrainian hryvnia", "canadian dollar", "australian dollar", "new zealand dollar",
}  # fmt: skip


# --- matching -------------------------------------------------------------------------------


def _num(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _overlaps(q: Quantity, r: dict[str, Any]) -> bool:
    return q.start <= r["End"] and r["Start"] < q.end


def _range_bounds(value: str) -> tuple[float | None, float | None]:
    m = re.fullmatch(r"[\[(]\s*([^,]*?)\s*,\s*([^\])]*?)\s*[\])]", value)
    if not m:
        return None, None
    lo, hi = m.group(1), m.group(2)
    return (_num(lo) if lo else None), (_num(hi) if hi else None)


def _range_ok(qs: list[Quantity], r: dict[str, Any]) -> bool:
    lo, hi = _range_bounds(str(r["Resolution"].get("value", "")))
    near = [q for q in qs if _overlaps(q, r)]
    for q in near:
        if lo is not None and hi is not None and _close(q.low, lo) and _close(q.high, hi):
            return True
        if lo is not None and lo == hi and q.qualifier == "=" and _close(q.value, lo):
            return True  # "equal to 20": exact (discrep keeps its rounding interval)
        if hi is None and lo is not None and q.qualifier in {">", ">="} and _close(q.value, lo):
            return True
        if lo is None and hi is not None and q.qualifier in {"<", "<="} and _close(q.value, hi):
            return True
    return False


def _result_ok(kind: str, qs: list[Quantity], r: dict[str, Any]) -> bool:
    res = r.get("Resolution") or {}
    if kind == "NumberRange":
        return _range_ok(qs, r)
    want = _num(str(res.get("value", "")).rstrip("%"))
    if want is None:
        return False
    for q in qs:
        if not _overlaps(q, r):
            continue
        if not _close(q.value, want):
            continue
        if kind == "Number":
            return True
        if kind == "Percent":
            return q.unit in {"percent", "percentage point"}
        got, want_unit = canon(q.unit), canon(str(res.get("unit", "")))
        if " per " not in want_unit:
            got = got.split(" per ")[0]  # "$70 a share": the currency is what is asked
        # "Franc" and "Dollar" name no country: any franc or dollar matches them
        if got == want_unit or got.endswith(" " + want_unit):
            return True
    return False


def _extra(kind: str, qs: list[Quantity], results: list[dict[str, Any]]) -> list[Quantity]:
    def counted(q: Quantity) -> bool:
        if kind == "NumberRange":  # the range file annotates ranges and bounds only
            return q.unit is None and q.qualifier in {">", ">=", "<", "<="}
        if kind in {"Number", "Percent"}:
            return q.unit is None or (kind == "Percent" and q.unit == "percent")
        return q.unit is not None and _KIND_UNITS[kind](canon(q.unit))

    return [q for q in qs if counted(q) and not any(_overlaps(q, r) for r in results)]


def run_case(kind: str, case: dict[str, Any]) -> tuple[bool, list[Quantity]]:
    """Return whether the case passes, and what discrep found."""
    qs = quantities(case["Input"])
    results = case["Results"]
    ok = all(_result_ok(kind, qs, r) for r in results) and not _extra(kind, qs, results)
    return ok, qs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--failures", action="store_true", help="print every failed case")
    ap.add_argument("--file", default=None, help="only files whose name holds this word")
    args = ap.parse_args(argv)
    total_in = total_ok = 0
    for kind, rel in FILES.items():
        if args.file and args.file.lower() not in kind.lower():
            continue
        cases = json.loads((SPECS / rel).read_text(encoding="utf-8-sig"))
        ok = n_in = 0
        left_out: dict[str, int] = {}
        for case in cases:
            why = out_of_scope(kind, case)
            if why:
                left_out[why] = left_out.get(why, 0) + 1
                continue
            n_in += 1
            passed, qs = run_case(kind, case)
            ok += passed
            if not passed and args.failures:
                want = [(r["Text"], r.get("Resolution")) for r in case["Results"]]
                got = [(q.text, q.value, q.unit, q.qualifier, q.low, q.high) for q in qs]
                print(f"  FAIL {kind}: {case['Input'][:110]!r}\n    want {want}\n    got  {got}")
        total_in += n_in
        total_ok += ok
        out = sum(left_out.values())
        print(f"{kind:12} {ok:4}/{n_in:<4} in scope pass ({ok / max(n_in, 1):6.1%}); "
              f"{out} of {len(cases)} left out")
        for why, n in sorted(left_out.items()):
            print(f"{'':14}- {n:3} {why}")
    print(f"{'all':12} {total_ok:4}/{total_in:<4} ({total_ok / max(total_in, 1):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
