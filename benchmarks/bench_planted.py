"""Recall of planted discrepancies and false positives of neutral edits, over many articles.

Run ``python benchmarks/bench_planted.py`` (``--n 500`` generated articles by default;
``--seed S`` for another draw than hypothesis's derandomized one).

For each article drawn by ``discrep.testing.articles()`` every planted perturbation (with
its defaults, then with other options: the second person, a quarter of the figure, two
days back) is applied to a copy and ``compare([article, copy])`` is run:

- recall = found / planted, where *found* means one discrepancy of the expected kind
  quotes both values (``assert_reports``); *alone* additionally requires that no
  discrepancy of another kind is reported;
- for ``change_quantity`` within precision and for each neutral edit, the false-positive
  rate = comparisons reporting any discrepancy / comparisons.

Each article also gets one neutral edit of each kind (the variant cycles over articles).
The first misses of each perturbation are printed with what the report held instead.

``--real N`` (default 100; 0 to skip) repeats the planted perturbations on the first N
real articles of the ECB+ corpus (``../shared/corpus/ecbplus``): there discrep's own
extraction chooses what to change, and "no target" counts the articles where it found
nothing (``NothingToPerturb``); the neutral edits count a false positive when anything is
reported across the article and its edited copy. Figures, not assertions: nothing here
fails a build.
"""

from __future__ import annotations

import argparse
import functools
import resource
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import attrs
from hypothesis import HealthCheck, Phase, given, seed, settings

import discrep
from discrep import Article, Report
from discrep.testing import (
    NEUTRAL,
    PLANTED,
    Generated,
    NothingToPerturb,
    Perturbed,
    articles,
    assert_no_discrepancy,
    assert_reports,
    change_quantity,
    change_weekday,
    respell,
    shift_date,
)
from discrep.testing.perturb import add_paragraph, reflow_whitespace, reorder_paragraphs

_MISSES_SHOWN = 3
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ecbplus"


#: The planted perturbations with their defaults, then with other options.
_VARIANTS: dict[str, Callable[[Generated], Perturbed]] = {
    **PLANTED,
    "respell (second person)": functools.partial(respell, entity=1),
    "change_quantity (x 1/4)": functools.partial(change_quantity, factor=0.25),
    "shift_date (2 days back)": functools.partial(shift_date, days=-2),
    "change_weekday (2 days back)": functools.partial(change_weekday, days=-2),
}


def _neutral(i: int) -> dict[str, Callable[[Generated], Perturbed]]:
    """One edit of each neutral kind, its variant cycling with the article number."""
    return {
        "reflow_whitespace": lambda g: reflow_whitespace(g, i % 4),
        "reorder_paragraphs": lambda g: reorder_paragraphs(g, i % 3),
        "change_quotes": NEUTRAL["change_quotes"],
        "add_paragraph": lambda g: add_paragraph(g, i % 4),
    }


def _summary(report: Report) -> str:
    found = [f"{d.kind}: {' | '.join(c.text for c in d.claims)}" for d in report.discrepancies]
    return "; ".join(found) if found else "nothing"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="generated articles (default 500)")
    parser.add_argument(
        "--seed", type=int, default=None, help="hypothesis seed (default: derandomized)"
    )
    parser.add_argument(
        "--real", type=int, default=100, help="real corpus articles to perturb (default 100)"
    )
    args = parser.parse_args()

    planted: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # name -> [n, found, alone]
    neutral: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # name -> [n, reporting]
    misses: dict[str, list[str]] = defaultdict(list)
    texts: set[str] = set()
    timing = [0.0, 0]

    def run(a: Article, b: Article) -> Report:
        t0 = time.perf_counter()
        report = discrep.compare([a, attrs.evolve(b, source="b")])
        timing[0] += time.perf_counter() - t0
        timing[1] += 1
        return report

    t_cold = time.perf_counter()
    discrep.compare(["Talks were held in Ankara on Monday.", "Talks were held in Accra."])
    cold = time.perf_counter() - t_cold

    @settings(
        max_examples=args.n, deadline=None, database=None, derandomize=args.seed is None,
        phases=[Phase.generate], suppress_health_check=list(HealthCheck),
    )
    @given(articles())
    def sample(g: Generated) -> None:
        i = len(texts)
        texts.add(g.article.text)
        for name, perturb in _VARIANTS.items():
            changed, expected = perturb(g)
            assert expected is not None
            report = run(g.article, changed)
            counts = planted[name]
            counts[0] += 1
            try:
                assert_reports(report, expected)
            except AssertionError:
                if len(misses[name]) < _MISSES_SHOWN:
                    misses[name].append(f"planted {expected.forms}, reported {_summary(report)}")
                continue
            counts[1] += 1
            others = set(discrep.Config().checks) - {expected.kind}
            try:
                assert_no_discrepancy(report, kinds=others)
                counts[2] += 1
            except AssertionError:
                if len(misses[name]) < _MISSES_SHOWN:
                    misses[name].append(f"found {expected.forms} but also {_summary(report)}")
        edits: dict[str, Callable[[Generated], Perturbed]] = {
            "change_quantity (within precision)": lambda g: change_quantity(g, False),
            **_neutral(i),
        }
        for name, edit in edits.items():
            report = run(g.article, edit(g).article)
            neutral[name][0] += 1
            if report.discrepancies:
                neutral[name][1] += 1
                if len(misses[name]) < _MISSES_SHOWN:
                    misses[name].append(f"reported {_summary(report)}")

    t0 = time.perf_counter()
    sample() if args.seed is None else seed(args.seed)(sample)()
    wall = time.perf_counter() - t0

    print(f"bench_planted: {len(texts)} distinct generated articles, {timing[1]} comparisons")
    _print_counts(planted, neutral, misses)
    per = 1000 * timing[0] / max(timing[1], 1)
    print(f"time: {wall:.1f} s wall, {per:.1f} ms per compare() of two articles "
          f"(first compare, cold: {cold:.1f} s)")
    if args.real:
        _real(args.real)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


def _print_counts(
    planted: dict[str, list[int]], neutral: dict[str, list[int]], misses: dict[str, list[str]]
) -> None:
    print(f"{'planted perturbation':<36} {'planted':>7} {'found':>6} {'recall':>7} {'alone':>7}")
    for name, (n, found, alone) in planted.items():
        print(f"{name:<36} {n:>7} {found:>6} {found / n:>7.3f} {alone / n:>7.3f}")
    print(f"{'neutral edit':<36} {'edits':>7} {'fp':>6} {'fp rate':>7}")
    for name, (n, bad) in neutral.items():
        print(f"{name:<36} {n:>7} {bad:>6} {bad / n:>7.3f}")
    total_n = sum(n for n, _ in neutral.values())
    total_bad = sum(b for _, b in neutral.values())
    rate = total_bad / total_n
    print(f"{'all edits that must report nothing':<36} {total_n:>7} {total_bad:>6} {rate:>7.3f}")
    for name, shown in misses.items():
        for line in shown:
            print(f"  miss [{name}] {line}")


def _real(limit: int) -> None:
    """Planted perturbations on real articles: recall where extraction found a target."""
    paths = sorted(CORPUS.glob("*.txt"))[:limit]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # [planted, found, none]
    misses: dict[str, list[str]] = defaultdict(list)
    neutral: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [edits, reporting across]
    for path in paths:
        art = Article.from_path(path)
        for name, edit in NEUTRAL.items():
            try:
                edited = attrs.evolve(edit(art).article, source="b")
            except NothingToPerturb:
                continue
            report = discrep.compare([art, edited])
            neutral[name][0] += 1
            # what an article says against itself is not the edit's doing
            across = [d for d in report.discrepancies if len({c.source for c in d.claims}) > 1]
            if across:
                neutral[name][1] += 1
                if len(misses[name]) < _MISSES_SHOWN:
                    misses[name].append(f"{path.name}: reported {_summary(report)}")
        for name, perturb in PLANTED.items():
            try:
                changed, expected = perturb(art)
            except NothingToPerturb:
                counts[name][2] += 1
                continue
            assert expected is not None
            report = discrep.compare([art, attrs.evolve(changed, source="b")])
            counts[name][0] += 1
            try:
                assert_reports(report, expected)
                counts[name][1] += 1
            except AssertionError:
                if len(misses[name]) < _MISSES_SHOWN:
                    misses[name].append(f"{path.name}: planted {expected.forms}, "
                                        f"reported {_summary(report)}")
    print(f"real articles: the first {len(paths)} of {CORPUS.name}")
    head = f"{'planted perturbation':<36} {'planted':>7} {'found':>6} {'recall':>7}"
    print(f"{head} {'no target':>9}")
    for name in PLANTED:
        n, found, none = counts[name]
        recall = f"{found / n:>7.3f}" if n else f"{'-':>7}"
        print(f"{name:<36} {n:>7} {found:>6} {recall} {none:>9}")
    print(f"{'neutral edit (across the two copies)':<36} {'edits':>7} {'fp':>6} {'fp rate':>7}")
    for name, (n, bad) in neutral.items():
        print(f"{name:<36} {n:>7} {bad:>6} {bad / n:>7.3f}")
    for name, shown in misses.items():
        for line in shown:
            print(f"  miss [{name}] {line}")


if __name__ == "__main__":
    main()
