"""``import discrep`` loads only the model, the configuration and the errors (issue 14).

The extraction, alignment and detection stages and their heavy dependencies load on the
first call that needs them; each test runs a fresh interpreter, since this process has
imported everything already. Time is measured in benchmarks/bench_startup.py, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: Modules that ``import discrep`` must not import: they cost most of the start-up.
DEFERRED = (
    "discrep._pipeline",
    "discrep._inputs",
    "discrep._stories",
    "discrep._extract",
    "discrep._extract.time",
    "discrep._extract.quantities",
    "discrep._extract.names",
    "discrep._extract.events",
    "discrep._align",
    "discrep._detect",
    "nameparser",
    "quantulum3",
    "pint",
)


def _run(code: str, env: dict[str, str] | None = None) -> list[object]:
    """Run ``code`` in a fresh interpreter; return the JSON values it printed, one a line."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_import_defers_the_pipeline_and_the_first_compare_loads_it() -> None:
    loaded, reason, after = _run(
        "import json, sys, discrep\n"
        f"deferred = {DEFERRED!r}\n"
        "print(json.dumps([m for m in deferred if m in sys.modules]))\n"
        "r = discrep.compare(['Kyiv said 5 people died.', 'Kiev said 5 people died.'])\n"
        "print(json.dumps(r.discrepancies[0].reason))\n"
        "print(json.dumps('discrep._pipeline' in sys.modules))\n"
    )
    assert loaded == []
    assert reason == "written Kyiv (text0), Kiev (text1)"
    assert after is True


def test_the_pipeline_imports_no_process_pool_until_workers_are_asked_for() -> None:
    (loaded,) = _run(
        "import json, sys, discrep._pipeline, discrep._cli\n"
        "print(json.dumps([m for m in ('multiprocessing', 'concurrent.futures')"
        " if m in sys.modules]))\n"
    )
    assert loaded == []


def test_lazy_names_are_public_listed_typed_and_picklable() -> None:
    """The deferred functions behave as the eager ones did: dir, star-import, pickle, repr."""
    listed, star, same, module, missing = _run(
        "import json, pickle, discrep\n"
        "print(json.dumps(all(n in dir(discrep) for n in discrep.__all__)))\n"
        "ns = {}\n"
        "exec('from discrep import *', ns)\n"
        "print(json.dumps(sorted(set(discrep.__all__) - set(ns))))\n"
        "f = pickle.loads(pickle.dumps(discrep.extract))\n"
        "print(json.dumps(f is discrep.extract))\n"
        "print(json.dumps([discrep.compare.__module__, discrep.stories.__module__]))\n"
        "try:\n"
        "    discrep.no_such_name\n"
        "except AttributeError as e:\n"
        "    print(json.dumps(str(e)))\n"
    )
    assert listed is True
    assert star == []
    assert same is True
    assert module == ["discrep", "discrep"]
    assert missing == "module 'discrep' has no attribute 'no_such_name'"


def test_title_and_given_name_lists_are_read_from_the_cache(tmp_path: Path) -> None:
    """The titles of nameparser and the names of nicknames are tables cached on disk.

    The first process builds them (importing the packages); the next reads them and
    imports neither. Importing the role check imports neither in any case.
    """
    code = (
        "import json, sys\n"
        "from discrep._detect.role import title_word\n"
        "from discrep._normalize import is_given_name\n"
        "packages = ('nameparser', 'nicknames')\n"
        "print(json.dumps([m for m in packages if m in sys.modules]))\n"
        "print(json.dumps([title_word('Commodore'), title_word('Nirad'),"
        " is_given_name('Susan'), is_given_name('Kharkiv')]))\n"
        "print(json.dumps([m for m in packages if m in sys.modules]))\n"
    )
    env = {**os.environ, "DISCREP_CACHE_DIR": str(tmp_path)}
    first = _run(code, env)
    second = _run(code, env)
    assert first == [[], [True, False, True, False], ["nameparser", "nicknames"]]
    assert second == [[], [True, False, True, False], []]
