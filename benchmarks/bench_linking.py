"""Entity linking: speed on 20,000 mentions, and quality on real transliteration tables.

Run ``python benchmarks/bench_linking.py``.

1. Speed: 20,000 person and place mentions in 200 articles (every romanisation of every
   real name in discrep.testing.names, plus distinct synthetic surnames so that blocks
   fill up), linked with ``link_entities``; CPU time of the first run (names folded for the
   first time) and of later runs (best of ``--repeat``), wall time and peak memory
   (tracemalloc) are printed. Extraction is not timed.
2. Quality: pairwise precision, recall and F1 of linking over every romanisation of every
   name in the generated set (translitua and iuliia tables), with the errors listed.

Figures, not assertions: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import random
import time
import tracemalloc

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

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
