"""Command line: `python -m analysis export CORPUS_DIR --out OUT_DIR` writes every table as CSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis import runner, schema
from analysis.cache import default_dir
from analysis.corpus import DEFAULT_MAX_BYTES, SKIPPED, read_folder, report_frame
from analysis.export import write_tables
from analysis.lexicon import LexiconError
from analysis.pipeline import Rules
from analysis.progress import ProgressBar
from analysis.story import story_in

TABLE_HELP = "\n".join(f"  {name}.csv: {', '.join(cols)}" for name, cols in schema.TABLES.items())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (kept separate so --help is testable)."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Compare how news outlets cover one story: figures, escalation language, stance.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser(
        "export",
        help="analyse a folder of articles and write every table as CSV",
        description=(
            "Load every article under CORPUS_DIR (.txt .md .html .csv .jsonl, optional sources.csv "
            "manifest), analyse it and write one formula-safe CSV per table to OUT_DIR. "
            "Exits 0 when the corpus loaded (even with skipped files, listed in load_report.csv), "
            "2 when the folder does not exist, holds no article, or a lexicon is malformed."
        ),
        epilog="tables and columns:\n" + TABLE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("corpus_dir", metavar="CORPUS_DIR", help="folder of articles")
    export.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for the CSV files")
    export.add_argument(
        "--lexicon", metavar="FILE", help="escalation lexicon TOML (default: shipped)"
    )
    export.add_argument(
        "--story",
        "--actors",
        dest="story",
        metavar="FILE",
        help="story file TOML: actors, camps, claim, outlet groups (default: CORPUS_DIR/story.toml "
        "if there is one, else none: every country or body its own camp, the claim taken from the "
        "corpus). --actors is its older name",
    )
    export.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes analysing articles in parallel (default: every core)",
    )
    export.add_argument(
        "--cache",
        metavar="DIR",
        default=None,
        help=f"per-article cache folder, safe to delete (default: {default_dir()})",
    )
    export.add_argument(
        "--no-cache", action="store_true", help="analyse every article, read and write no cache"
    )
    export.add_argument(
        "--engine",
        choices=runner.ENGINES,
        default="local",
        help="local: a process pool on this machine; dask: an existing Dask cluster (--scheduler)",
    )
    export.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786"
    )
    export.add_argument(
        "--quiet", action="store_true", help="no progress bar (it goes to stderr otherwise)"
    )
    export.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / 1e6,
        help="skip files larger than this many MB (default: %(default)s)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.engine == "dask" and not args.scheduler:
        parser.error("--engine dask needs --scheduler tcp://HOST:PORT")
    try:
        rules = Rules.from_files(args.lexicon, args.story or story_in(args.corpus_dir))
        reading = read_folder(args.corpus_dir, max_bytes=int(args.max_mb * 1e6))
    except (OSError, LexiconError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not reading.records:
        _print_skipped(report_frame(reading, []))
        print(f"error: no article could be loaded from {args.corpus_dir!r}", file=sys.stderr)
        return 2
    cache_dir = None if args.no_cache else Path(args.cache) if args.cache else default_dir()
    with ProgressBar("analysing", enabled=not args.quiet) as bar:
        try:
            result = runner.run(
                reading,
                rules,
                jobs=args.jobs or None,
                cache_dir=cache_dir,
                engine=args.engine,
                scheduler=args.scheduler,
                progress=bar.update,
            )
        except OSError as error:  # e.g. a Dask scheduler that cannot be reached
            print(f"error: {error}", file=sys.stderr)
            return 2
    report = result.tables["load_report"]
    _print_skipped(report)
    loaded = len(result.tables["articles"])
    if not loaded:
        print(f"error: no article could be loaded from {args.corpus_dir!r}", file=sys.stderr)
        return 2
    for line in write_tables(result.tables, args.out):
        print(line)
    skipped = int((report["status"] == SKIPPED).sum())
    print(
        f"{loaded} articles loaded, {skipped} files skipped -> {args.out} "
        f"({result.analysed} analysed, {result.cached} from the cache, {result.seconds:.1f} s)"
    )
    return 0


def _print_skipped(report: pd.DataFrame) -> None:
    for row in report.itertuples():
        if row.status != "loaded":
            print(f"{row.status}: {row.file}: {row.reason}", file=sys.stderr)
