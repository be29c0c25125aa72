"""Command line: `python -m analysis export CORPUS_DIR --out OUT_DIR` writes every table as CSV;
`report CORPUS_DIR --out FILE` writes one self-contained HTML report; `sample TABLE N CORPUS_DIR`
draws rows to check by hand; `fetch` downloads a urls.txt."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from analysis import pipeline, review, runner, schema
from analysis.cache import default_dir
from analysis.export import to_csv_bytes, write_table
from analysis.filters import FilterError, apply_filters, narrowed, options_from_tables
from analysis.ingest.corpus import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_TABLE_BYTES,
    SKIPPED,
    read_folder,
    report_frame,
)
from analysis.ingest.readers import fetch
from analysis.pipeline import Rules
from analysis.progress import ProgressBar
from analysis.report import build_report
from analysis.world.story import story_in
from analysis.world.toml_files import LexiconError

TABLE_HELP = "\n".join(f"  {name}.csv: {', '.join(cols)}" for name, cols in schema.TABLES.items())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (kept separate so --help is testable)."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Compare how news outlets cover one story: figures, escalation language, stance.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    analysed = argparse.ArgumentParser(add_help=False)  # how a corpus is read and analysed
    analysed.add_argument(
        "--corrections",
        metavar="FILE",
        help="corrections CSV (table,id,column,value; docs/checking.md) (default: "
        "CORPUS_DIR/corrections.csv, or the one the dashboard kept in the cache folder when the "
        "corpus folder is read-only)",
    )
    analysed.add_argument(
        "--lexicon", metavar="FILE", help="escalation lexicon TOML (default: shipped)"
    )
    analysed.add_argument(
        "--story",
        "--actors",
        dest="story",
        metavar="FILE",
        help="story file TOML: actors, camps, claim, outlet groups (default: CORPUS_DIR/story.toml "
        "if there is one, else none: every country or body its own camp, the claim taken from the "
        "corpus). --actors is its older name",
    )
    analysed.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes analysing articles in parallel (default: every core)",
    )
    analysed.add_argument(
        "--cache",
        metavar="DIR",
        default=None,
        help=f"per-article cache folder, safe to delete (default: {default_dir()})",
    )
    analysed.add_argument(
        "--no-cache", action="store_true", help="analyse every article, read and write no cache"
    )
    analysed.add_argument(
        "--engine",
        choices=runner.ENGINES,
        default="local",
        help="local: a process pool on this machine; dask: an existing Dask cluster (--scheduler)",
    )
    analysed.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786"
    )
    analysed.add_argument(
        "--quiet", action="store_true", help="no progress bar (it goes to stderr otherwise)"
    )
    analysed.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_MAX_BYTES / 1e6,
        help="skip articles (files, or a row's text) larger than this many MB (default: %(default)s)",
    )
    analysed.add_argument(
        "--max-table-mb",
        type=float,
        default=DEFAULT_MAX_TABLE_BYTES / 1e6,
        help="skip tables and archives larger than this many MB, decompressed (default: %(default)s)",
    )
    export = commands.add_parser(
        "export",
        help="analyse a folder of articles and write every table as CSV",
        description=(
            "Load every article under CORPUS_DIR (.txt .md .html, tables .csv .json .jsonl .parquet, "
            ".gz of any of them, .zip of files, fetched urls.txt pages, optional sources.csv "
            "manifest), analyse it and write one formula-safe CSV per table to OUT_DIR. "
            "Exits 0 when the corpus loaded (even with skipped files, listed in load_report.csv), "
            "2 when the folder does not exist, holds no article, or a lexicon is malformed."
        ),
        epilog="tables and columns:\n" + TABLE_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[analysed],
    )
    export.add_argument("corpus_dir", metavar="CORPUS_DIR", help="folder of articles")
    export.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for the CSV files")
    report = commands.add_parser(
        "report",
        help="analyse a folder of articles and write one self-contained HTML report",
        description=(
            "Analyse CORPUS_DIR as export does and write one HTML file to share: the corpus and "
            "what was skipped, each outlet's summary with its evidence sentences, the key charts, "
            "the checks made and the methods. It opens offline (nothing is fetched), on a phone, "
            "and prints to PDF. The filters narrow it as the dashboard's do. Exits 0 when written, "
            "2 when the corpus cannot be read, a filter names what the corpus does not have, no "
            "article matches the filters, or the file cannot be written."
        ),
        parents=[analysed],
    )
    report.add_argument("corpus_dir", metavar="CORPUS_DIR", help="folder of articles")
    report.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write")
    report.add_argument(
        "--outlet",
        action="append",
        default=[],
        metavar="NAME",
        help="only this outlet (repeat for several; default: every outlet)",
    )
    report.add_argument(
        "--language",
        action="append",
        default=[],
        metavar="CODE",
        help="only articles in this language, ISO 639-1 (repeat for several; default: all)",
    )
    report.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="only articles published on or after DATE (YYYY-MM-DD)",
    )
    report.add_argument(
        "--to",
        dest="date_to",
        metavar="DATE",
        help="only articles published on or before DATE (YYYY-MM-DD)",
    )
    sample = commands.add_parser(
        "sample",
        help="draw random rows of a table into a CSV to check by hand",
        description=(
            "Analyse CORPUS_DIR as export does (corrections applied) and write N random rows of "
            "TABLE, each with its id, outlet, sentence and fields, and empty mark columns (right / "
            "wrong / unsure) for the row and each field checked. The same seed draws the same rows "
            "on every run and machine. See docs/checking.md."
        ),
        parents=[analysed],
    )
    sample.add_argument(
        "table", choices=list(review.REVIEWED), metavar="TABLE", help=", ".join(review.REVIEWED)
    )
    sample.add_argument(
        "n", type=int, metavar="N", help="rows to draw (per outlet with --by-outlet)"
    )
    sample.add_argument("corpus_dir", metavar="CORPUS_DIR", help="folder of articles")
    sample.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    sample.add_argument("--by-outlet", action="store_true", help="N rows from each outlet")
    sample.add_argument(
        "--out", metavar="FILE", help="CSV file to write (default: standard output)"
    )
    defaults = fetch.FetchSettings()
    fetcher = commands.add_parser(
        "fetch",
        help="download the pages listed in a urls.txt into a corpus folder, once",
        description=(
            "Fetch every URL of URLS_FILE (one per line, # comments) not fetched yet into "
            "CORPUS_DIR/fetched/<hash>.html, with each attempt (url, file, status, reason, "
            f"fetched_at, bytes) in CORPUS_DIR/{fetch.LOG_NAME}. Loading the folder never "
            "fetches: it reads the saved pages and lists the URLs not fetched yet. "
            "Exit code 0 when every URL has a page, 1 when some failed."
        ),
    )
    fetcher.add_argument("urls_file", metavar="URLS_FILE", help="text file with one URL a line")
    fetcher.add_argument("--into", required=True, metavar="CORPUS_DIR", help="the corpus folder")
    fetcher.add_argument(
        "--timeout", type=float, default=defaults.timeout, help="seconds (default: %(default)s)"
    )
    fetcher.add_argument(
        "--delay",
        type=float,
        default=defaults.delay,
        help="seconds between two requests to the same host (default: %(default)s)",
    )
    fetcher.add_argument(
        "--max-mb",
        type=float,
        default=defaults.max_bytes / 1e6,
        help="pages larger than this are not saved (default: %(default)s)",
    )
    fetcher.add_argument(
        "--retry-failed", action="store_true", help="fetch again the URLs that failed before"
    )
    return parser


def run_fetch(args: argparse.Namespace) -> int:
    """The `fetch` command: download the missing pages, one line per URL on stderr."""
    settings = fetch.FetchSettings(
        timeout=args.timeout,
        deadline=max(args.timeout * 3, args.timeout),
        delay=args.delay,
        max_bytes=int(args.max_mb * 1e6),
        retry_failed=args.retry_failed,
    )

    def report(url: str, row: dict[str, str]) -> None:
        print(f"{row['status']}: {url} {row['file'] or row['reason']}", file=sys.stderr)

    try:
        rows = fetch.fetch_urls(args.urls_file, args.into, settings, progress=report)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed = sum(row["status"] != fetch.FETCHED for row in rows)
    print(f"{len(rows) - failed} pages fetched, {failed} failed -> {args.into}/{fetch.FETCHED_DIR}")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "fetch":
        return run_fetch(args)
    if args.engine == "dask" and not args.scheduler:
        parser.error("--engine dask needs --scheduler tcp://HOST:PORT")
    started = time.perf_counter()
    analysed = _analyse(args)
    if isinstance(analysed, int):
        return analysed
    mapped, rules, corrections = analysed
    report, loaded = mapped.report, len(mapped.tables["articles"])
    tables = mapped.tables
    mapped.tables = {}  # the reduce lets go of each per-article table once it is written
    stream = _reported(pipeline.reduce_stream(tables, report, rules, corrections=corrections))
    if args.command == "report":
        return run_report(args, dict(stream))
    if args.command == "sample":
        return run_sample(args, dict(stream))
    try:
        written = _write_stream(stream, args.out)
    except OSError as error:  # an output folder that is a file, a full disk, no permission
        print(f"error: cannot write the tables to {args.out!r}: {error}", file=sys.stderr)
        return 2
    for line in written:
        print(line)
    skipped = int((report["status"] == SKIPPED).sum())
    print(
        f"{loaded} articles loaded, {skipped} files skipped -> {args.out} "
        f"({mapped.analysed} analysed, {mapped.cached} from the cache, "
        f"{time.perf_counter() - started:.1f} s)"
    )
    return 0


def _analyse(args: argparse.Namespace) -> tuple[runner.Run, Rules, review.Corrections] | int:
    """Read and map the corpus (export, report and sample alike): the per-article tables, the
    rules and the corrections to apply, or the exit code when nothing could be analysed or a
    rules or corrections file cannot be read (the reason printed on stderr)."""
    if args.engine == "local" and (args.jobs or runner.default_jobs()) > 1:
        runner.start_workers_server()  # meanwhile the corpus is read
    cache_dir = None if args.no_cache else Path(args.cache) if args.cache else default_dir()
    try:
        rules = Rules.from_files(args.lexicon, args.story or story_in(args.corpus_dir))
        if args.corrections and not Path(args.corrections).is_file():
            raise OSError(f"no corrections file {args.corrections!r}")
        corrections = review.read_corrections(
            args.corrections
            or review.review_folder(args.corpus_dir, cache_dir or default_dir(), "")
            / review.corrections.FILE_NAME
        )
        reading = read_folder(
            args.corpus_dir,
            max_bytes=int(args.max_mb * 1e6),
            max_table_bytes=int(args.max_table_mb * 1e6),
        )
    except (OSError, LexiconError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not reading.records:
        _print_skipped(report_frame(reading, []))
        print(f"error: no article could be loaded from {args.corpus_dir!r}", file=sys.stderr)
        return 2
    with ProgressBar("analysing", enabled=not args.quiet) as bar:
        try:
            mapped = runner.map_records(
                reading,
                rules,
                jobs=args.jobs or None,
                cache_dir=cache_dir,
                engine=args.engine,
                scheduler=args.scheduler,
                progress=bar.update,
                keep_texts=False,
            )
        except OSError as error:  # e.g. a Dask scheduler that cannot be reached
            print(f"error: {error}", file=sys.stderr)
            return 2
    del reading  # the texts are in the rows now
    _print_skipped(mapped.report)
    if not len(mapped.tables["articles"]):
        print(f"error: no article could be loaded from {args.corpus_dir!r}", file=sys.stderr)
        return 2
    return mapped, rules, corrections


def run_report(args: argparse.Namespace, tables: dict[str, pd.DataFrame]) -> int:
    """The `report` command after the reduce: apply the filters, write the HTML file."""
    try:
        state = narrowed(
            options_from_tables(tables),
            outlets=args.outlet,
            languages=args.language,
            date_from=args.date_from,
            date_to=args.date_to,
        )
    except FilterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    filtered = apply_filters(tables, state)
    shown = filtered.count("articles")
    if not shown:
        print("error: no article matches the filters", file=sys.stderr)
        return 2
    source = f"the folder {Path(args.corpus_dir).resolve().name}"
    try:
        cache_dir = Path(args.cache) if args.cache else default_dir()
        checks_file = review.review_folder(args.corpus_dir, cache_dir, "") / review.checks.FILE_NAME
        page = build_report(
            filtered, state, source=source, checks=review.checked(checks_file, tables)
        )
        Path(args.out).write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"error: cannot write the report to {args.out!r}: {error}", file=sys.stderr)
        return 2
    outlets = filtered["articles"]["outlet"].nunique()
    print(f"{shown} of {len(tables['articles'])} articles, {outlets} outlet(s) -> {args.out}")
    return 0


def _reported(
    tables: Iterator[tuple[str, pd.DataFrame]],
) -> Iterator[tuple[str, pd.DataFrame]]:
    """The reduce's tables, passed on; what became of each corrections line printed on stderr as
    the `corrections_report` table goes by (a refused line with its reason)."""
    for name, frame in tables:
        if name == "corrections_report" and len(frame):
            for row in frame[frame["status"] == review.corrections.REFUSED].itertuples():
                print(
                    f"correction refused: {row.file} line {row.line}: {row.reason}", file=sys.stderr
                )
            applied = int((frame["status"] == review.corrections.APPLIED).sum())
            print(
                f"{applied} corrections applied, {len(frame) - applied} refused "
                f"({frame['file'].iloc[0]})",
                file=sys.stderr,
            )
        yield name, frame


def run_sample(args: argparse.Namespace, tables: dict[str, pd.DataFrame]) -> int:
    """The `sample` command: N random rows of a table as a CSV sheet to mark."""
    try:
        rows = review.draw(tables[args.table], args.table, args.n, args.seed, args.by_outlet)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    data = to_csv_bytes(review.sheet(rows, args.table, tables["sentences"]))
    if not args.out:
        sys.stdout.buffer.write(data)
        return 0
    try:
        Path(args.out).write_bytes(data)
    except OSError as error:
        print(f"error: cannot write {args.out!r}: {error}", file=sys.stderr)
        return 2
    print(f"{len(rows)} rows of {args.table} (seed {args.seed}) -> {args.out}", file=sys.stderr)
    return 0


def _write_stream(tables: Iterator[tuple[str, pd.DataFrame]], out: str) -> list[str]:
    """Write each table as the reduce yields it, in a thread while the next is computed (the CSV
    formatting runs in Arrow, outside the GIL); at most one table waits to be written. Returns the
    summary lines in the export's table order."""
    written: dict[str, Future[str]] = {}
    with ThreadPoolExecutor(1) as writer:
        for name, frame in tables:
            if written:
                next(reversed(written.values())).result()  # the table before: written (or raises)
            written[name] = writer.submit(write_table, name, frame, out)
            del frame
    return [written[name].result() for name in schema.TABLES]


def _print_skipped(report: pd.DataFrame) -> None:
    for row in report.itertuples():
        if row.status != "loaded":
            print(f"{row.status}: {row.file}: {row.reason}", file=sys.stderr)
