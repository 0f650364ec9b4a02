"""Story grouping against the ECB+ story labels: run ``python benchmarks/bench_stories.py``.

The corpus file name gives the story: ``<topic>_<n><ecb|ecbplus>.txt`` -> story
``<topic><ecb|ecbplus>`` (each ECB+ topic holds two stories of one kind, such as two
rehab stays of two different actors). Prints B-cubed precision, recall and F1 of
:func:`discrep.stories`, the number of stories found and the seconds it took; with
``--sweep`` also a grid of ``StoryConfig`` thresholds.

Targets (issue 14): F1 >= 0.93 with recall >= 0.97.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

import discrep
from discrep import Article, Config

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "ecbplus"
_LABEL = re.compile(r"(\d+)_\d+(ecbplus|ecb)\.txt")


def label(source: str) -> str:
    """Return the gold story of a corpus file."""
    m = _LABEL.fullmatch(source)
    if not m:
        raise ValueError(f"not a corpus file name: {source}")
    return m.group(1) + m.group(2)


def bcubed(found: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold."""
    pairs = Counter((found[i], gold[i]) for i in gold)
    by_found = Counter(found[i] for i in gold)
    by_gold = Counter(gold.values())
    n = len(gold)
    precision = sum(c * c / by_found[f] for (f, _), c in pairs.items()) / n
    recall = sum(c * c / by_gold[g] for (_, g), c in pairs.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def score(articles: Sequence[Article], config: Config) -> tuple[float, float, float, int, float]:
    t0 = time.process_time()
    stories = discrep.stories(articles, config=config)
    seconds = time.process_time() - t0
    found = {s: story.id for story in stories for s in story.sources}
    gold = {a.source: label(a.source) for a in articles}
    return (*bcubed(found, gold), len(stories), seconds)


def dev_gold() -> None:
    """Run ../shared/eval/score_dev.py with compare() as is, then with by_story=True."""
    import contextlib
    import functools
    import importlib.util
    import io

    path = ROOT.parent / "shared" / "eval" / "score_dev.py"
    spec = importlib.util.spec_from_file_location("score_dev", path)
    assert spec is not None
    assert spec.loader is not None
    score_dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_dev)
    plain = discrep.compare
    for name, fn in (("off", plain), ("on", functools.partial(plain, by_story=True))):
        discrep.compare = fn  # type: ignore[assignment]
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                score_dev.main([])
        finally:
            discrep.compare = plain  # type: ignore[assignment]
        print(f"dev gold, grouping {name}: {out.getvalue().strip().splitlines()[-1]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sweep", action="store_true", help="also try a grid of thresholds")
    ap.add_argument("--dev-gold", action="store_true",
                    help="also score the dev gold with grouping off and on")
    args = ap.parse_args()
    if args.dev_gold:
        dev_gold()
    articles = [Article.from_path(p) for p in sorted(CORPUS.glob("*.txt"))]
    gold_n = len({label(a.source) for a in articles})
    p, r, f, n, s = score(articles, Config())
    print(f"{len(articles)} articles, {gold_n} gold stories")
    print(f"default: P={p:.3f} R={r:.3f} F1={f:.3f} stories={n} cpu={s:.2f}s")
    copies = sum(len(st.copies) for st in discrep.stories(articles))
    print(f"wire copies detected: {copies}")
    if args.sweep:
        base = Config().stories
        for join in (0.1, 0.15, 0.2, 0.25, 0.3):
            for merge in (0.2, 0.25, 0.3, 0.35, 0.4):
                for name_weight in (1.0, 2.0, 3.0):
                    cfg = Config(stories=attrs.evolve(
                        base, join=join, merge=merge, name_weight=name_weight))
                    p, r, f, n, _ = score(articles, cfg)
                    print(f"join={join} merge={merge} names={name_weight}: "
                          f"P={p:.3f} R={r:.3f} F1={f:.3f} stories={n}")


if __name__ == "__main__":
    main()
