"""The ``discrep`` command: compare article files and print the report.

It behaves like a linter or a data tool: ``-`` reads standard input, directories are
searched recursively for ``--glob`` patterns, one unreadable file becomes a warning in the
report (``--keep-going``, the default), ``--output`` is checked before the analysis and
written whole or not at all, and every format is written as UTF-8 with article text and
file names made inert (see :mod:`discrep._escape`).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from discrep._config import Config
from discrep._errors import DiscrepError
from discrep._escape import terminal
from discrep._model import KINDS, Article
from discrep._pipeline import compare
from discrep._read import coerce_articles, read_path
from discrep._report import Report

__all__ = ["main"]

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2
#: The reader of standard output closed it before the report was written (``| head``):
#: 128 + SIGPIPE, what a shell reports for a command that SIGPIPE ended.
EXIT_PIPE = 141
FORMATS = ("text", "json", "markdown", "html", "csv")
DEFAULT_GLOB = "*.txt,*.html,*.htm"
#: Files a directory search skips: a project's own notes are not articles.
_NOT_ARTICLES = ("readme", "license", "licence", "changelog", "changes", "contributing",
                 "authors", "copying", "notice", "history", "todo", "index")
#: Seconds a run must last before the progress line appears (short runs stay silent).
PROGRESS_DELAY = 2.0


def _version() -> str:
    from discrep import __version__

    return f"discrep {__version__}"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="discrep",
        description="Find where news articles about the same events disagree.",
        epilog="Exit status: 0 when it ran, 1 with --strict when it found discrepancies, "
        "2 on bad usage or when no input could be read, 141 (silently) when the reader of "
        "standard output closed it early.",
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="article files (text or HTML); '-' reads standard input; a directory "
                   "stands for the files in it and below that match --glob")
    p.add_argument("--version", action="version", version=_version())
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="report format (default: text)")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write the report here instead of stdout (checked before the analysis)")
    p.add_argument("--no-stories", dest="by_story", action="store_false",
                   help="compare every article with every other, instead of grouping the "
                   "articles into stories and comparing within each (the default)")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 when any discrepancy is reported")
    p.add_argument("--glob", default=DEFAULT_GLOB, metavar="PATTERNS",
                   help="comma-separated file name patterns searched for in directories "
                   f"(default: {DEFAULT_GLOB}); README-like files are skipped")
    p.add_argument("--keep-going", action=argparse.BooleanOptionalAction, default=True,
                   help="report an unreadable file as a warning and go on (default); "
                   "--no-keep-going stops at the first one with status 2")
    p.add_argument("--checks", metavar="KINDS",
                   help=f"comma-separated kinds to look for (default: all of {','.join(KINDS)})")
    p.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                   help="report only findings with confidence >= X (0 to 1; default 0)")
    p.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="processes for per-article extraction (default 1)")
    return p


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number between 0 and 1") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return x


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value} is below 1")
    return n


def _is_article_name(name: str, patterns: Sequence[str]) -> bool:
    if name.startswith("."):
        return False
    if name.split(".", 1)[0].casefold() in _NOT_ARTICLES:
        return False
    return any(fnmatch.fnmatch(name.casefold(), pat.casefold()) for pat in patterns)


def _walk(directory: Path, patterns: Sequence[str]) -> Iterator[Path]:
    """Yield the article files in ``directory`` and below, sorted, hidden ones skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if _is_article_name(name, patterns):
                yield Path(root) / name


def _expand(names: Sequence[str], glob: str) -> list[Path | None]:
    """Return the files to read in order; ``None`` stands for standard input."""
    patterns = [g.strip() for g in glob.split(",") if g.strip()]
    paths: list[Path | None] = []
    for name in names:
        if name == "-":
            paths.append(None)
            continue
        p = Path(name)
        if p.is_dir():
            inside = list(_walk(p, patterns))
            if not inside:
                raise DiscrepError(
                    f"{terminal(str(p))} holds no files matching {glob}: "
                    "pass the files, or widen --glob"
                )
            paths.extend(inside)
        else:
            paths.append(p)
    return paths


def _displayable(name: str) -> str:
    r"""Return a name that every output can carry: undecodable bytes shown as ``\xNN``.

    A file name that is not UTF-8 reaches Python with lone surrogates (surrogateescape),
    which no UTF-8 stream can hold.
    """
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _clean(article: Article) -> Article:
    """Return the article with a source name and warnings every output format can carry."""
    source = _displayable(article.source)
    warnings = tuple(_displayable(w) for w in article.warnings)
    if source == article.source and warnings == article.warnings:
        return article
    return attrs.evolve(article, source=source, warnings=warnings)


def _read_stdin() -> Article:
    """Read standard input as an article called ``stdin``, decoded as files are."""
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="discrep-") as tmp:
        path = Path(tmp) / "stdin"
        path.write_bytes(data)
        return Article.from_path(path)


def _read_all(
    paths: Sequence[Path | None], config: Config, keep_going: bool, progress: _Progress
) -> tuple[list[Article], list[str]]:
    """Read every input; with ``keep_going`` an unreadable one becomes a warning."""
    articles: list[Article] = []
    skipped: list[str] = []
    for k, path in enumerate(paths, 1):
        progress.step(f"reading {k}/{len(paths)}")
        shown = "stdin" if path is None else _displayable(str(path))
        try:
            art = _read_stdin() if path is None else read_path(
                path, max_chars=config.max_chars, read=config.read
            )
            (art,) = coerce_articles([art], config.max_chars, config.read)  # empty, too long
        except DiscrepError as exc:
            if not keep_going:
                raise
            skipped.append(f"skipped {shown}: {_displayable(str(exc))}")
            continue
        articles.append(_clean(art))
    return articles, skipped


def _check_output(name: str) -> None:
    """Refuse an --output that could not be written, before any work is done."""
    path = Path(name)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise DiscrepError(f"--output {terminal(name)} is a directory: name a file")
    if not parent.is_dir():
        raise DiscrepError(
            f"--output {terminal(name)}: the directory {terminal(str(parent))} does not exist"
        )
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DiscrepError(f"--output {terminal(name)} is not writable: choose another path")


def _write_output(name: str, data: bytes) -> None:
    """Write ``data`` to ``name`` whole: a temporary file beside it, then a rename."""
    path = Path(name)
    where = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=where)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (some embedders): it takes the decoded text
        sys.stdout.write(data.decode("utf-8"))
        return
    buffer.write(data)
    buffer.flush()


def _quiet_stdout() -> None:
    """Point standard output at the null device after its reader went away.

    The reader chose to stop (``discrep ... | head``): like any filter, say nothing; and
    the interpreter's last flush of what is left in the buffer must not fail again on the
    way out (the recipe of the Python documentation's note on SIGPIPE).
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file descriptor (an embedder's stream): nothing is flushed to it
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json() + "\n"
    if fmt == "markdown":
        return report.to_markdown()
    if fmt == "html":
        return report.to_html()
    if fmt == "csv":
        return report.to_csv()
    return str(report) + "\n"


class _Progress:
    """One progress line on standard error, only on a terminal and only for long runs.

    Hand-written rather than tqdm: the analysis is one blocking ``compare()`` call, so a
    bar that only moves on ``update()`` (tqdm) would sit still for the whole of it; a
    thread that redraws the stage and the elapsed time every 0.2 s is what shows life
    there, and it is a few lines.
    """

    def __init__(self, stream: TextIO, delay: float = PROGRESS_DELAY) -> None:
        isatty = getattr(stream, "isatty", None)
        self._on = bool(isatty and isatty())
        self._stream, self._delay = stream, delay
        self._stage, self._start = "starting", time.monotonic()
        self._done = threading.Event()
        self._drawn = False
        self._thread: threading.Thread | None = None

    def __enter__(self) -> _Progress:
        if self._on:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._stream.flush()

    def step(self, stage: str) -> None:
        self._stage = stage

    def _run(self) -> None:
        spinner = "|/-\\"
        k = 0
        if self._done.wait(self._delay):
            return
        while not self._done.wait(0.2):
            elapsed = time.monotonic() - self._start
            self._stream.write(f"\r\x1b[Kdiscrep: {self._stage} {spinner[k % 4]} {elapsed:.0f}s")
            self._stream.flush()
            self._drawn = True
            k += 1


def _config(args: argparse.Namespace) -> Config:
    checks = (
        KINDS if args.checks is None
        else tuple(k.strip() for k in args.checks.split(",") if k.strip())
    )
    try:
        return Config(checks=frozenset(checks), workers=args.workers)
    except (ValueError, TypeError) as exc:
        raise DiscrepError(f"--checks {args.checks}: {exc}") from None


def _run(args: argparse.Namespace) -> tuple[Report, bytes]:
    config = _config(args)
    if args.output:
        _check_output(args.output)
    paths = _expand(args.files, args.glob)
    with _Progress(sys.stderr) as progress:
        articles, skipped = _read_all(paths, config, args.keep_going, progress)
        if not articles:
            raise DiscrepError(
                "no input could be read: " + "; ".join(skipped) if skipped else "no input given"
            )
        progress.step(f"analysing {len(articles)} article{'s' * (len(articles) != 1)}")
        report = compare(articles, config=config, by_story=args.by_story)
    kept = tuple(d for d in report.discrepancies if d.confidence >= args.min_confidence)
    report = attrs.evolve(report, discrepancies=kept, run_warnings=tuple(skipped))
    return report, _render(report, args.format).encode("utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        report, data = _run(args)
    except DiscrepError as exc:
        print(f"discrep: {terminal(_displayable(str(exc)))}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.output:
            _write_output(args.output, data)
        else:
            _write_stdout(data)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError) and not args.output:
            _quiet_stdout()
            return EXIT_PIPE
        where = terminal(_displayable(args.output or "stdout"))
        print(f"discrep: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.strict and report.discrepancies:
        return EXIT_FOUND
    return EXIT_OK
