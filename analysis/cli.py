"""Command line: `python -m analysis export CORPUS_DIR --out OUT_DIR` writes every table as CSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis import schema
from analysis.actors import load_actors
from analysis.corpus import DEFAULT_MAX_BYTES, SKIPPED, load_corpus
from analysis.escalation import load_lexicon
from analysis.export import write_tables
from analysis.lexicon import LexiconError
from analysis.pipeline import analyse

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
    export.add_argument("--actors", metavar="FILE", help="actors lexicon TOML (default: shipped)")
    export.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / 1e6,
        help="skip files larger than this many MB (default: %(default)s)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        lexicon = load_lexicon(args.lexicon) if args.lexicon else None
        actors = load_actors(args.actors) if args.actors else None
        corpus = load_corpus(args.corpus_dir, max_bytes=int(args.max_mb * 1e6))
    except (OSError, LexiconError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for row in corpus.report.itertuples():
        if row.status != "loaded":
            print(f"{row.status}: {row.file}: {row.reason}", file=sys.stderr)
    if not corpus.articles:
        print(f"error: no article could be loaded from {args.corpus_dir!r}", file=sys.stderr)
        return 2
    tables = analyse(corpus, lexicon=lexicon, actors=actors)
    for line in write_tables(tables, args.out):
        print(line)
    skipped = int((corpus.report["status"] == SKIPPED).sum())
    print(f"{len(corpus.articles)} articles loaded, {skipped} files skipped -> {args.out}")
    return 0
