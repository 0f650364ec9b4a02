"""The ``discrep`` command: compare article files and print the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from discrep._errors import DiscrepError
from discrep._pipeline import compare

__all__ = ["main"]

EXIT_OK, EXIT_FOUND, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="discrep",
        description="Find where news articles about the same events disagree.",
        epilog="Exit status: 0 when it ran, 1 with --strict when it found discrepancies, "
        "2 on bad usage or unreadable input.",
    )
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="article files (UTF-8 text); a directory stands for the files in it")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                   help="report format (default: text)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report here instead of stdout")
    p.add_argument("--no-stories", dest="by_story", action="store_false",
                   help="compare every article with every other, instead of grouping the "
                   "articles into stories and comparing within each (the default)")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 when any discrepancy is reported")
    return p


def _expand(names: Sequence[str]) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        p = Path(name)
        if p.is_dir():
            inside = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith("."))
            if not inside:
                raise DiscrepError(f"{p} holds no article files")
            paths.extend(inside)
        else:
            paths.append(p)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        report = compare(_expand(args.files), by_story=args.by_story)
    except DiscrepError as exc:
        print(f"discrep: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        out = report.to_json() + "\n"
    elif args.format == "markdown":
        out = report.to_markdown()
    else:
        out = str(report) + "\n"
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            print(f"discrep: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.write(out)
    if args.strict and report.discrepancies:
        return EXIT_FOUND
    return EXIT_OK
