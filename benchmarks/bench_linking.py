"""Entity linking: speed on 20,000 mentions, and quality on real transliteration tables.

Run ``python benchmarks/bench_linking.py``.

1. Speed: 20,000 person and place mentions in 200 articles (every romanisation of every
   real name in discrep.testing.names, plus distinct synthetic surnames so that blocks
   fill up), linked with ``link_entities``; CPU time of the first run (names folded for the
   first time) and of later runs (best of ``--repeat``), wall time and peak memory
   (tracemalloc) are printed. Extraction is not timed.
2. Quality: pairwise precision, recall and F1 of linking over every romanisation of every
   name in the generated set (translitua and iuliia tables), with the errors listed.

3. With ``--against ROOT`` (another checkout, e.g. the session-start baseline checked out
   with ``git worktree add /tmp/base $(cat /work/baseline/commit)``): mention extraction
   and linking of the ECB+ dev sets timed in both checkouts, alternating, in one run, and
   the ratios printed (overall and per mention, since the checkouts find different
   numbers of mentions).

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import random
import time
import tracemalloc
from pathlib import Path

from discrep._align.entities import link_entities
from discrep._config import Config
from discrep._gazetteer import lookup
from discrep._model import Article, Extraction, Mention

names = importlib.import_module("discrep.testing.names")


def _mentions(total: int, articles: int) -> list[Extraction]:
    rng = random.Random(20260321)
    pool: list[tuple[str, str]] = []
    for name in names.NAMES:
        pool.extend((name.kind, r) for r in names.romanisations(name))
    syllables = [c + v for c in "bdklmnprstv" for v in "aou"]
    # distinct synthetic surnames, spread over the alphabet as real ones are
    every = list(itertools.product(syllables, repeat=3))
    pool.extend(
        ("person", "Ivan " + "".join(parts).capitalize() + "enko")
        for parts in rng.sample(every, 6000)
    )
    per_article = total // articles
    out = []
    for a in range(articles):
        source = f"article{a:03d}"
        ms = []
        for i in range(per_article):
            kind, written = rng.choice(pool)
            place = lookup(written) if kind == "place" else None
            ms.append(
                Mention(
                    source=source,
                    start=i * 40,
                    end=i * 40 + len(written),
                    text=written,
                    kind="place" if kind == "place" else "person",
                    name=written,
                    place_id=place.id if place is not None else None,
                )
            )
        out.append(Extraction(Article("", source=source), (), mentions=tuple(ms)))
    return out


def _corpus_times(shared: Path, repeat: int) -> dict[str, float]:
    """CPU seconds (best of ``repeat``) to extract the mentions of, and link, the ECB+ dev sets."""
    import json

    import discrep._extract as x
    from discrep._extract.names import extract_mentions

    gold = sorted((shared / "gold" / "ecbplus-dev").glob("*.json"))
    sets = [
        [shared / "corpus" / "ecbplus" / a for a in json.loads(g.read_text())["articles"]]
        for g in gold
    ]
    config = Config()
    arts = [[Article(p.read_text(encoding="utf-8"), source=p.name) for p in s] for s in sets]
    sents = [[x.mark_junk(a.text, x.segment(a.text)) for a in s] for s in arts]
    exs = [[x.extract(a, config) for a in s] for s in arts]
    extract_best = link_best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        for s, ss in zip(arts, sents, strict=True):
            for a, se in zip(s, ss, strict=True):
                extract_mentions(a, se, config)
        extract_best = min(extract_best, time.process_time() - c0)
        c0 = time.process_time()
        for e in exs:
            link_entities(e, config)
        link_best = min(link_best, time.process_time() - c0)
    mentions = sum(len(ex.mentions) for e in exs for ex in e)
    return {"extract": extract_best, "link": link_best, "mentions": float(mentions)}


def _against(tree: Path, shared: Path, rounds: int) -> None:
    """Time this checkout and ``tree`` (another checkout's root) side by side, alternating."""
    import json
    import os
    import subprocess
    import sys

    here = Path(__file__).resolve().parents[1]
    runs: dict[str, list[dict[str, float]]] = {"this": [], "base": []}
    for _ in range(rounds):
        for label, root in (("base", tree), ("this", here)):
            env = {**os.environ, "PYTHONPATH": str(root / "src")}
            out = subprocess.run(
                [sys.executable, __file__, "--corpus-times", str(shared)],
                env=env, capture_output=True, text=True, check=True,
            ).stdout
            runs[label].append(json.loads(out.strip().splitlines()[-1]))
    for what in ("extract", "link"):
        this = min(r[what] for r in runs["this"])
        base = min(r[what] for r in runs["base"])
        print(f"  {what:8} this {this:.3f} s, baseline {base:.3f} s, ratio {this / base:.2f}")
    per = [min(r[k] for r in runs[lbl]) / runs[lbl][0]["mentions"]
           for lbl in ("this", "base") for k in ("extract", "link")]
    print(f"  per mention: extract {per[0] / per[2]:.2f}x, link {per[1] / per[3]:.2f}x "
          f"({runs['this'][0]['mentions']:.0f} mentions against {runs['base'][0]['mentions']:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout's root (e.g. the session-start baseline): time "
                        "mention extraction and linking of the ECB+ dev sets in both, alternating")
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2]
                        / "shared", help="the shared folder holding corpus/ and gold/")
    parser.add_argument("--corpus-times", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.corpus_times is not None:
        import json

        print(json.dumps(_corpus_times(args.corpus_times, args.repeat)))
        return
    if args.against is not None:
        print(f"ECB+ dev sets, this checkout against {args.against} (CPU, best of runs):")
        _against(args.against, args.shared, rounds=args.repeat)

    extractions = _mentions(args.mentions, args.articles)
    n = sum(len(ex.mentions) for ex in extractions)
    config = Config()
    c0 = time.process_time()
    link_entities(extractions, config)  # cold: every distinct name folded for the first time
    cold_cpu = time.process_time() - c0
    best_cpu = float("inf")
    best_wall = float("inf")
    entities = ()
    for _ in range(args.repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        entities = link_entities(extractions, config)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    tracemalloc.start()
    link_entities(extractions, config)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"linking {n} mentions in {len(extractions)} articles -> {len(entities)} entities")
    print(f"  CPU {best_cpu:.3f} s, wall {best_wall:.3f} s (warm, best of {args.repeat}); "
          f"first run CPU {cold_cpu:.3f} s; peak memory {peak / 1e6:.1f} MB")

    score = names.measure_linking()
    print(f"generated transliteration set: {score.mentions} romanisations of "
          f"{len(names.NAMES)} real names")
    print(f"  precision {score.precision:.4f}  recall {score.recall:.4f}  F1 {score.f1:.4f}")
    for error in score.errors:
        print(f"  {error}")


if __name__ == "__main__":
    main()
