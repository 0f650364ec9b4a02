"""Name variants by script: pairwise link F1 per script over real romanisation systems.

Run ``python benchmarks/bench_variants.py``. Every romanisation of every name in
discrep.testing.names (Ukrainian/Russian: translitua, iuliia) and discrep.testing.scripts
(Chinese: pypinyin; Belarusian, Arabic, Persian: national, BGN/PCGN, ALA-LC, DIN 31635 and
French tables; Russian in German and French: Duden, iuliia MVD 310 FR) is a one-mention
article; linking is scored pairwise per script. Look-alike different people and places
are in the sets, so precision counts them. Figures, not assertions (tests/test_scripts.py
holds the floors).
"""

from __future__ import annotations

import time

from discrep.testing.names import measure_linking
from discrep.testing.scripts import SCRIPT_NAMES, measure_script_linking


def main() -> None:
    print(f"{'script':14} {'P':>6} {'R':>6} {'F1':>6} {'mentions':>8} {'seconds':>8}")
    rows = [("ukrainian-russian", measure_linking)]
    rows += [(s, lambda s=s: measure_script_linking(s)) for s in sorted(SCRIPT_NAMES)]
    for script, measure in rows:
        t0 = time.process_time()
        score = measure()
        took = time.process_time() - t0
        print(f"{script:14} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
              f"{score.mentions:8d} {took:8.2f}")
        for error in score.errors[:6]:
            print("    " + error)


if __name__ == "__main__":
    main()
