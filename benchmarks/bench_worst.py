"""Worst-case inputs (issue 16 item 8): each adversarial kind against ordinary text.

Run ``python benchmarks/bench_worst.py`` (``--sizes 250,500,1000`` in KB, ``--kinds a,b``
to pick kinds, ``--against DIR`` to time another checkout, such as the baseline commit,
in the same run: ``git worktree add /tmp/base $(cat /work/baseline/commit)`` then
``--against /tmp/base``).

Each input is two articles of half the size each (two different draws of the same kind),
compared with ``discrep.compare``: every stage runs, the cross-article ones included. Times
are CPU seconds of a child process (one per checkout, warmed up on a small compare first so
that lazily loaded tables are not timed); each kind is printed as a ratio of ordinary
text of the same size, and its growth per doubling of size (time at 2n / time at n,
averaged over the doublings measured). Targets: every kind <= 2.0x ordinary text at 1 MB
and growth per doubling <= 2.2x. The texts are generated from invented words and names.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = ["Olena", "Taras", "Mykola", "Iryna", "Dmytro", "Halyna", "Petro", "Oksana", "Bohdan"]
LAST = ["Koval", "Bondar", "Tkachuk", "Melnyk", "Shevchuk", "Kravets", "Moroz", "Lysenko"]
PLACES = ["Lviv", "Odesa", "Kharkiv", "Dnipro", "Poltava", "Sumy", "Rivne", "Uzhhorod"]
ROLES = ["Mayor", "Governor", "Minister", "spokesman", "commander", "President"]
MONTHS = ["January", "March", "April", "June", "August", "October", "December"]
NOUNS = ["people", "troops", "residents", "families", "buses", "tanks", "doctors", "homes"]
VERBS = ["were killed", "fled", "were evacuated", "arrived", "were injured", "were rescued"]
WORDS = [
    *[
        "the",
        "council",
        "said",
        "talks",
        "would",
        "resume",
        "after",
        "officials",
        "met",
        "local",
        "residents",
    ],
    *[
        "near",
        "river",
        "port",
        "water",
        "road",
        "bridge",
        "station",
        "hospital",
        "school",
        "market",
    ],
    *["border", "convoy", "aid", "report"],
]


def _name(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _sentence(r: random.Random) -> str:
    kind = r.randrange(4)
    if kind == 0:
        return (
            f"{r.choice(ROLES)} {_name(r)} said on {r.choice(MONTHS)} {r.randint(1, 28)}, "
            f"{r.randint(2001, 2022)} that about {r.randint(2, 9000):,} {r.choice(NOUNS)} "
            f"{r.choice(VERBS)} in {r.choice(PLACES)}."
        )
    if kind == 1:
        return (
            f"Talks between {_name(r)} and {_name(r)} were held in {r.choice(PLACES)} on "
            f"Monday, the {r.choice(WORDS)} {r.choice(WORDS)} said."
        )
    if kind == 2:
        return " ".join(r.choice(WORDS) for _ in range(12)).capitalize() + "."
    return f"More than {r.randint(2, 500)} {r.choice(NOUNS)} {r.choice(VERBS)}, officials said."


def _fill(size: int, piece: Callable[[], str], sep: str = " ") -> str:
    parts: list[str] = []
    n = 0
    while n < size:
        p = piece()
        parts.append(p)
        n += len(p) + len(sep)
    return sep.join(parts)[:size]


def ordinary(size: int, r: random.Random) -> str:
    """Prose in paragraphs of five sentences."""
    return _fill(size, lambda: " ".join(_sentence(r) for _ in range(5)), "\n\n")


def giant_sentence(size: int, r: random.Random) -> str:
    """Ordinary prose with every sentence end turned into a comma: one sentence."""
    return _fill(size, lambda: _sentence(r).rstrip(".").replace(".", ""), ", ")


def capitalised_no_punct(size: int, r: random.Random) -> str:
    """Capitalised words without punctuation (scraped tables, tag clouds)."""
    vocab = [*FIRST, *LAST, *PLACES, *(w.capitalize() for w in WORDS)]
    return _fill(size, lambda: r.choice(vocab))


def figure_list(size: int, r: random.Random) -> str:
    """Make a run-on list of figures: '1 people were killed 2 people were killed ...'."""
    return _fill(size, lambda: f"{r.randint(1, 999)} {r.choice(NOUNS)} {r.choice(VERBS)}")


def nested_brackets(size: int, r: random.Random) -> str:
    """Deep nesting of brackets and quotes around words."""
    depth = 200
    opens = "([{\u201c\u2018\u00ab"
    closes = ")]}\u201d\u2019\u00bb"

    def piece() -> str:
        o = "".join(r.choice(opens) for _ in range(depth))
        c = "".join(closes[opens.index(ch)] for ch in reversed(o))
        return f"{o}{_name(r)} said {r.randint(2, 99)} {r.choice(NOUNS)} fled{c}"

    return _fill(size, piece)


def nested_quotes(size: int, r: random.Random) -> str:
    """Quotes inside quotes: 'He said "She said 'They said ..."'."""
    return _fill(size, lambda: f'{_name(r)} said "{r.choice(WORDS)} \u201c{_sentence(r)}')


def long_tokens(size: int, r: random.Random) -> str:
    """Tokens of thousands of letters and digits."""
    return _fill(size, lambda: "".join(r.choice("abcdefKLMN0123") for _ in range(5000)))


def many_newlines(size: int, r: random.Random) -> str:
    """One word per line, and runs of blank lines."""
    return _fill(size, lambda: r.choice(WORDS) + "\n" * r.randint(1, 6), "")


def lone_cr(size: int, r: random.Random) -> str:
    """Ordinary prose with lone-CR line ends."""
    return ordinary(size, r).replace("\n", "\r")


def digits_runs(size: int, r: random.Random) -> str:
    """Long numbers, decimals and thousands separators with no words."""
    return _fill(size, lambda: f"{r.randint(0, 10**12):,}.{r.randint(0, 99)}")


def date_list(size: int, r: random.Random) -> str:
    """Dates and weekdays back to back."""
    return _fill(size, lambda: f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(1990, 2030)}")


def name_list(size: int, r: random.Random) -> str:
    """Full names with roles, comma-separated, no verbs."""
    return _fill(size, lambda: f"{r.choice(ROLES)} {_name(r)} of {r.choice(PLACES)}", ", ")


def html_inline(size: int, r: random.Random) -> str:
    """HTML with inline tags around every word."""
    body = _fill(
        size - 100,
        lambda: f"<p><b>{_name(r)}</b> <i>said</i> <a href='#'>{_sentence(r)}</a></p>",
        "",
    )
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


def urls(size: int, r: random.Random) -> str:
    """URLs and e-mail addresses."""
    return _fill(
        size,
        lambda: (
            f"https://example.org/{r.randint(0, 10**9)}/{r.choice(WORDS)}?id={r.randint(1, 99)}"
        ),
    )


def punctuation_runs(size: int, r: random.Random) -> str:
    """Put runs of sentence punctuation between single letters: 'a. b! c? ...'."""
    return _fill(size, lambda: r.choice("abcXYZ") + r.choice([".", "!", "?", "...", ". .", "?!"]))


def mixed_scripts(size: int, r: random.Random) -> str:
    """Cyrillic, Greek, CJK and combining marks mixed with English."""
    alphabet = "Київ Харків Αθήνα 北京 e\u0301 a\u0308 \u200b\u200d"
    return _fill(size, lambda: f"{_sentence(r)} {''.join(r.choice(alphabet) for _ in range(40))}")


KINDS: dict[str, Callable[[int, random.Random], str]] = {
    f.__name__: f
    for f in (
        ordinary, giant_sentence, capitalised_no_punct, figure_list, nested_brackets,
        nested_quotes, long_tokens, many_newlines, lone_cr, digits_runs, date_list, name_list,
        html_inline, urls, punctuation_runs, mixed_scripts,
    )
}  # fmt: skip


class _OverCap(Exception):
    """A measurement ran past the CPU-time cap."""


def _over_cap(_signum: int, _frame: object) -> None:
    raise _OverCap


def _article(text: str, source: str, english: bool) -> object:
    import discrep

    if not english:
        return text
    try:
        return discrep.Article(text, source=source, language="en")  # type: ignore[call-arg]
    except TypeError:  # a checkout without Article.language analyses every article
        return text


def _measure(
    kinds: list[str], sizes_kb: list[int], cap: float, english: bool
) -> dict[str, dict[int, float]]:
    """Time ``discrep.compare`` on two articles of each kind; CPU seconds by kind and size.

    A compare that runs past ``cap`` CPU seconds is stopped (a profiling timer) and the
    kind's larger sizes are skipped: shown as "over cap".
    """
    import discrep

    discrep.compare([ordinary(4000, random.Random(1)), ordinary(4000, random.Random(2))])
    # Loads the language model, used only for text that may not be English.
    discrep.compare([capitalised_no_punct(4000, random.Random(1))])
    signal.signal(signal.SIGPROF, _over_cap)
    out: dict[str, dict[int, float]] = {}
    for kind in kinds:
        out[kind] = {}
        for kb in sizes_kb:
            half = kb * 1000 // 2
            a = _article(KINDS[kind](half, random.Random(kb)), "a", english)
            b = _article(KINDS[kind](half, random.Random(kb + 1)), "b", english)
            t0 = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, cap)
            try:
                discrep.compare([a, b])
            except _OverCap:
                print(f"  {kind} {kb} KB: over {cap:.0f} s", file=sys.stderr, flush=True)
                break
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            out[kind][kb] = time.process_time() - t0
            print(f"  {kind} {kb} KB: {out[kind][kb]:.2f} s", file=sys.stderr, flush=True)
    return out


def _child(
    checkout: Path, kinds: list[str], sizes: list[int], cap: float, english: bool
) -> dict[str, dict[int, float]]:
    env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
    cmd = [sys.executable, __file__, "--child", "--kinds", ",".join(kinds), "--sizes",
           ",".join(map(str, sizes)), "--cap", str(cap)]  # fmt: skip
    cmd += ["--english"] if english else []
    done = subprocess.run(cmd, env=env, check=True, capture_output=False, stdout=subprocess.PIPE)
    raw = json.loads(done.stdout)
    return {k: {int(s): t for s, t in v.items()} for k, v in raw.items()}


def _table(label: str, times: dict[str, dict[int, float]], sizes: list[int]) -> None:
    base = times["ordinary"]
    print(f"\n{label}")
    head = "".join(f"{s:>7} KB  ratio" for s in sizes)
    print(f"{'kind':<22}{head}  growth/doubling")
    for kind, by_size in times.items():
        cells = "".join(
            f"{by_size[s]:>8.2f} s {by_size[s] / base[s]:>5.2f}x"
            if s in by_size and s in base
            else f"{by_size[s]:>8.2f} s {'-':>5} "
            if s in by_size
            else f"{'over cap':>17}"
            for s in sizes
        )
        growths = [
            by_size[b] / by_size[a]
            for a, b in itertools.pairwise(sizes)
            if b in by_size and by_size.get(a, 0) > 0
        ]
        growth = f"{sum(growths) / len(growths):>6.2f}x" if growths else f"{'-':>7}"
        print(f"{kind:<22}{cells}  {growth}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sizes", default="250,500,1000", help="sizes in KB (default 250,500,1000)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="kinds to run (default: all)")
    ap.add_argument(
        "--cap",
        type=float,
        default=120.0,
        help="CPU seconds after which a compare is stopped and the kind's larger sizes are "
        "skipped (default 120)",
    )
    ap.add_argument(
        "--english",
        action="store_true",
        help="pass Article(text, language='en') so that text the language check would leave "
        "out is analysed all the same (checkouts without Article.language analyse it anyway)",
    )
    ap.add_argument("--against", type=Path, help="another checkout to time side by side")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = ["ordinary", *(k for k in args.kinds.split(",") if k != "ordinary")]
    if args.child:
        print(json.dumps(_measure(kinds, sizes, args.cap, args.english)))
        return
    _table(f"this checkout ({ROOT})", _child(ROOT, kinds, sizes, args.cap, args.english), sizes)
    if args.against:
        _table(
            f"against {args.against}",
            _child(args.against, kinds, sizes, args.cap, args.english),
            sizes,
        )


if __name__ == "__main__":
    main()
