"""Loading a corpus: a folder (or uploaded files) of articles into `Article` objects and a load report.

Accepted: .txt/.md (optional `Key: value` header block or YAML front matter), .html (main text by
trafilatura), tables of many articles (.csv, .json, .jsonl, .parquet: read by analysis/readers, one
record per row, columns mapped by data/formats/columns.toml), a .gz of any of them, a .zip of
files (read in memory), and an optional manifest `sources.csv` whose rows override or complete each file's metadata. Every file ends in one
load-report row: loaded, loaded with warnings, or skipped with the reason. One bad file never fails
the corpus.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pandas as pd

from analysis import schema
from analysis.ingest import metadata, readers
from analysis.ingest.article import (
    Article,
    LoadError,
    Record,
    build_article,
)
from analysis.ingest.readers import fetch
from analysis.world.story import STORY_NAME

DEFAULT_MAX_BYTES = readers.Limits.article_bytes  # one article: a file, or a row's text
DEFAULT_MAX_TABLE_BYTES = readers.Limits.table_bytes  # one table or archive, decompressed
MANIFEST_NAME = "sources.csv"
# the analyst's marks and corrections kept beside the articles (analysis/review/): not articles
CHECKS_NAME, CORRECTIONS_NAME = "checks.csv", "corrections.csv"
LOADED, WARNED, SKIPPED = "loaded", "loaded with warnings", "skipped"


@dataclass
class Corpus:
    """The loaded articles and one load-report row per file (or per row of a CSV/JSONL file)."""

    articles: list[Article]
    report: pd.DataFrame


@dataclass
class _Source:
    """A file to load: its name relative to the corpus root, its size and how to read it."""

    name: str
    size: int
    read: Callable[[], bytes]


def load_corpus(
    folder: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_table_bytes: int = DEFAULT_MAX_TABLE_BYTES,
) -> Corpus:
    """Load every article under `folder`; raises FileNotFoundError/NotADirectoryError for a bad path."""
    return _load(_folder_sources(folder), max_bytes, max_table_bytes)


def load_uploads(
    files: Iterable[tuple[str, bytes]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_table_bytes: int = DEFAULT_MAX_TABLE_BYTES,
) -> Corpus:
    """Load uploaded (name, bytes) pairs in memory; names are reduced to their base name."""
    return _load(_upload_sources(files), max_bytes, max_table_bytes)


def read_folder(
    folder: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_table_bytes: int = DEFAULT_MAX_TABLE_BYTES,
) -> Reading:
    """Read (not analyse) every article under `folder`: the input of analysis/runner.py."""
    return read_sources(_folder_sources(folder), max_bytes, max_table_bytes)


def read_uploads(
    files: Iterable[tuple[str, bytes]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_table_bytes: int = DEFAULT_MAX_TABLE_BYTES,
) -> Reading:
    """Read (not analyse) uploaded (name, bytes) pairs, names reduced to their base name."""
    return read_sources(_upload_sources(files), max_bytes, max_table_bytes)


def _folder_sources(folder: str | Path) -> list[_Source]:
    root = Path(folder)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {str(root)!r} does not exist")
    if not root.is_dir():
        raise NotADirectoryError(f"{str(root)!r} is not a folder")
    sources = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
        name = path.relative_to(root).as_posix()
        try:
            size = path.stat().st_size
        except OSError as error:
            reason = f"cannot read file: {error.strerror or error}"
            sources.append(_Source(name, -1, _raiser(reason)))
            continue
        sources.append(_Source(name, size, path.read_bytes))
    return sources


def _upload_sources(files: Iterable[tuple[str, bytes]]) -> list[_Source]:
    sources = []
    for name, data in files:
        safe = PurePosixPath(str(name).replace("\\", "/")).name or "unnamed"
        sources.append(_Source(safe, len(data), lambda data=data: data))
    return sources


def _raiser(reason: str) -> Callable[[], bytes]:
    def read() -> bytes:
        raise LoadError(reason)

    return read


@dataclass
class Reading:
    """What reading the sources gave: the records, and the load report in file order, where an int
    stands for the row of that record (known once the record is built)."""

    records: list[Record]
    entries: list[dict[str, str] | int]


def read_sources(
    sources: list[_Source], max_bytes: int, max_table_bytes: int = DEFAULT_MAX_TABLE_BYTES
) -> Reading:
    """Read every source into records (one per file, or per row of a table file; a zip's files
    each count as a file) and report rows for what could not be read; nothing is analysed here."""
    entries: list[dict[str, str] | int] = []
    limits = readers.Limits(article_bytes=max_bytes, table_bytes=max_table_bytes)
    sources = _unzipped(sources, limits, entries)
    manifest = _manifest(sources, max_bytes, entries)
    fetched = _fetch_log(sources, max_bytes, entries)
    page_urls = {r["file"]: url for url, r in fetched.items() if r.get("status") == fetch.FETCHED}
    records: list[Record] = []
    matched: set[str] = set()
    for source in sources:
        if source.name in (
            MANIFEST_NAME,
            STORY_NAME,
            fetch.LOG_NAME,
            CHECKS_NAME,
            CORRECTIONS_NAME,
        ):
            continue
        if PurePosixPath(source.name).name == fetch.URLS_NAME:
            entries.extend(_url_rows(source, max_bytes, fetched))
            continue
        key = _manifest_key(manifest, source.name)
        if key is not None:
            matched.add(key)
        listed = manifest[key] if key is not None else {}
        if source.name in page_urls:
            listed = {"url": page_urls[source.name], **listed}
        try:
            read = _read_source(source, limits, listed)
        except LoadError as skip:
            entries.append(_row(source.name, SKIPPED, str(skip)))
            continue
        for name, outcome in read:
            if isinstance(outcome, str):
                entries.append(_row(name, SKIPPED, outcome))
                continue
            if manifest is not None and "#row" not in name and key is None and not listed:
                outcome.notes.append(f"no row in {MANIFEST_NAME}; metadata from the file")
            entries.append(len(records))
            records.append(outcome)
    for listed in manifest or {}:
        if listed not in matched:
            entries.append(_row(listed, SKIPPED, f"listed in {MANIFEST_NAME} but no such file"))
    return Reading(records, entries)


def first_of_each_text(records: list[Record]) -> list[int]:
    """For each record, the index of the first record with the same text (its own index for that
    first one): a repeated text is analysed once and reported as a duplicate of the first."""
    first: dict[str, int] = {}
    return [first.setdefault(record.article_id, i) for i, record in enumerate(records)]


def report_frame(reading: Reading, outcomes: list[tuple[str, list[str]] | str]) -> pd.DataFrame:
    """The load report once every record is built: `outcomes[i]` is (article id, warnings) of record
    i, or the reason it was skipped; a text seen before is a duplicate of the first file."""
    rows: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    for entry in reading.entries:
        if isinstance(entry, dict):
            rows.append(entry)
            continue
        name, outcome = reading.records[entry].name, outcomes[entry]
        if isinstance(outcome, str):
            rows.append(_row(name, SKIPPED, outcome))
        elif outcome[0] in seen:
            rows.append(_row(name, SKIPPED, f"duplicate of {seen[outcome[0]]}"))
        else:
            seen[outcome[0]] = name
            rows.append(
                _row(name, WARNED if outcome[1] else LOADED, "; ".join(outcome[1]), outcome[0])
            )
    return pd.DataFrame(rows, columns=schema.columns("load_report"))


def _load(sources: list[_Source], max_bytes: int, max_table_bytes: int) -> Corpus:
    reading = read_sources(sources, max_bytes, max_table_bytes)
    outcomes: list[tuple[str, list[str]] | str] = []
    articles: list[Article] = []
    for i, first in enumerate(first_of_each_text(reading.records)):
        if first != i:
            outcomes.append(outcomes[first])
            continue
        try:
            article = build_article(reading.records[i])
        except LoadError as skip:
            outcomes.append(str(skip))
            continue
        outcomes.append((article.article_id, article.warnings))
        articles.append(article)
    return Corpus(articles, report_frame(reading, outcomes))


def _row(file: str, status: str, reason: str, article_id: str = "") -> dict[str, str]:
    return {"file": file, "status": status, "reason": reason, "article_id": article_id}


def _unzipped(
    sources: list[_Source], limits: readers.Limits, report: list[dict[str, str] | int]
) -> list[_Source]:
    """The sources with every .zip replaced by its files (named 'bundle.zip/inner/name.txt'),
    read in memory; a zip or a member that cannot be read is reported."""
    out: list[_Source] = []
    for source in sources:
        if readers.format_of(source.name) != "zip":
            out.append(source)
            continue
        try:
            data = _read_bytes(source, limits.table_bytes)
            for member, content in readers.zip_members(data, limits):
                name = f"{source.name}/{member}"
                if isinstance(content, str):
                    report.append(_row(name, SKIPPED, content))
                else:
                    out.append(_Source(name, len(content), lambda content=content: content))
        except LoadError as error:
            report.append(_row(source.name, SKIPPED, str(error)))
    return out


def _fetch_log(
    sources: list[_Source], max_bytes: int, report: list[dict[str, str] | int]
) -> dict[str, dict[str, str]]:
    """The fetch log of the folder's urls.txt pages, by URL ({} when there is none)."""
    source = next((s for s in sources if s.name == fetch.LOG_NAME), None)
    if source is None:
        return {}
    try:
        return fetch.read_log(_decode(source, max_bytes)[1])
    except (LoadError, csv.Error) as error:
        report.append(_row(source.name, SKIPPED, f"{error}; fetched pages read without their URLs"))
        return {}


def _url_rows(
    source: _Source, max_bytes: int, fetched: dict[str, dict[str, str]]
) -> list[dict[str, str]]:
    """Report rows for a urls.txt: one per URL without a fetched page (loading never fetches)."""
    try:
        text = _decode(source, max_bytes)[1]
    except LoadError as error:
        return [_row(source.name, SKIPPED, str(error))]
    rows = [
        _row(name, SKIPPED, reason) for name, reason in fetch.url_report(source.name, text, fetched)
    ]
    return rows


def _manifest(
    sources: list[_Source], max_bytes: int, report: list[dict[str, str] | int]
) -> dict[str, dict[str, str]] | None:
    """Rows of sources.csv keyed by file name (None without a usable one: a malformed manifest is
    reported and ignored)."""
    source = next((s for s in sources if s.name == MANIFEST_NAME), None)
    if source is None:
        return None
    try:
        _, text, warnings = _decode(source, max_bytes)
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "file" not in fields:
            raise LoadError(
                f"malformed manifest: no 'file' column (columns: {', '.join(fields) or 'none'})"
            )
        rows: dict[str, dict[str, str]] = {}
        for number, row in enumerate(reader, start=2):
            clean = {str(k).strip().lower(): str(v or "").strip() for k, v in row.items() if k}
            if None in row:
                warnings.append(f"line {number} has more cells than the header")
            if not clean.get("file"):
                warnings.append(f"line {number} names no file")
                continue
            rows[PurePosixPath(clean["file"]).as_posix()] = clean
    except (LoadError, csv.Error) as error:
        report.append(_row(MANIFEST_NAME, SKIPPED, f"{error}; metadata taken from the files"))
        return None
    report.append(_row(MANIFEST_NAME, WARNED if warnings else LOADED, "; ".join(warnings)))
    return rows


def _manifest_key(manifest: dict[str, dict[str, str]] | None, name: str) -> str | None:
    """The manifest row naming file `name`: by its path in the corpus, else by its base name."""
    for key in (name, PurePosixPath(name).name):
        if manifest and key in manifest:
            return key
    return None


def _read_bytes(source: _Source, limit: int) -> bytes:
    """The file's bytes (a .gz decompressed), or LoadError for empty, oversized, unreadable files."""
    if source.size == 0:
        raise LoadError("empty file")
    if source.size > limit:
        raise LoadError(f"file is {_size(source.size)}, over the {_size(limit)} limit")
    try:
        data = source.read()
    except OSError as error:
        raise LoadError(f"cannot read file: {error.strerror or error}") from error
    if len(data) > limit:
        raise LoadError(f"file is {_size(len(data))}, over the {_size(limit)} limit")
    if source.name.lower().endswith(".gz"):
        data = readers.gunzip(data, limit)
        if not data:
            raise LoadError("empty file (inside the gzip)")
    return data


def _decode(source: _Source, max_bytes: int) -> tuple[bytes, str, list[str]]:
    """The file's bytes and text, or LoadError for empty, oversized, binary or undecodable files."""
    data = _read_bytes(source, max_bytes)
    return (data, *readers.decode_text(data))


_size = readers.size_text


def _read_source(
    source: _Source, limits: readers.Limits, listed: dict[str, str]
) -> list[tuple[str, Record | str]]:
    """Records (or skip reasons) from one file, each with its report name; `listed` is the file's
    manifest row ({} when it has none)."""
    name = source.name
    fmt = readers.format_of(name)
    if any(part.startswith(".") for part in PurePosixPath(name).parts):
        raise LoadError("hidden file or folder: not read")
    if fmt is None:
        suffix = PurePosixPath(name).suffix.lower()
        raise LoadError(
            f"unsupported file type '{suffix or 'none'}' (supported: {readers.supported_suffixes()})"
        )
    if fmt in readers.TABLE_FORMATS:
        data = _read_bytes(source, limits.table_bytes)
        return _table_records(name, data, fmt, limits)
    data, text, warnings = _decode(source, limits.article_bytes)
    digest = hashlib.sha256(data).hexdigest()
    header: dict[str, str] = {}
    body = text
    if fmt == "html":
        body, header = readers.html_text(text)
    return [(name, Record(name, body, digest, header, "header", listed, warnings))]


def _table_records(
    name: str, data: bytes, fmt: str, limits: readers.Limits
) -> list[tuple[str, Record | str]]:
    """One record per row of a table file (analysis/readers); bad rows are reported, the rest kept."""
    results: list[tuple[str, Record | str]] = []
    try:
        for row_name, row in readers.read_table(name, data, fmt, limits, readers.load_columns()):
            if isinstance(row, str):
                results.append((row_name, row))
                continue
            body = str(row["text"])
            given = {k: str(row[k]) for k in metadata.FIELDS if row.get(k)}
            digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
            warnings = list(row.get("warnings") or [])
            results.append(
                (row_name, Record(row_name, body, digest, given, "header", None, warnings))
            )
    except LoadError as error:
        if not results:
            raise
        results.append((name, str(error)))
    return results
