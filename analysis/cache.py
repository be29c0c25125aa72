"""The per-article cache: every article's rows of the per-article tables, on disk as Parquet.

Location: `$COVERAGE_CACHE`, else `$XDG_CACHE_HOME/coverage-dashboard`, else
`~/.cache/coverage-dashboard`. It is only ever a copy: deleting the folder (or any part of it) is
safe, the next run analyses again what is missing.

Layout: one folder per rules version (`Rules.version`: lexicons, actors, analysis code and shipped
data, hashed), holding segments. A segment is what one run wrote: `index.parquet` (one row per
article: its key and outcome) and one `<table>.parquet` per per-article table, every row carrying
the `_key` of its article. An article's key hashes its text and every metadata value that reaches
its rows, so a changed manifest row re-analyses that article only. Segments are written to a
temporary name and renamed, so a run that stops half-way leaves no broken segment.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import fields as dataclass_fields
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.ingest.article import Record

KEY = "_key"
INDEX_COLUMNS = ["_key", "article_id", "reason", "warnings"]
# zstd at its fastest level: written in the process that also hands out the work, in 30% less CPU
# than Parquet's default (snappy), read as fast, and 40% smaller on disk
_COMPRESSION = {"compression": "zstd", "compression_level": 1}


def default_dir() -> Path:
    """The cache folder used when none is given (see the module docstring)."""
    if os.environ.get("COVERAGE_CACHE"):
        return Path(os.environ["COVERAGE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coverage-dashboard"


def record_key(record: Record) -> str:
    """The cache key of a record: its text and every given value (file name, header, manifest)."""
    # asdict without its deep copy (the values are text, and dicts and lists of text)
    fields = {f.name: getattr(record, f.name) for f in dataclass_fields(record)}
    fields.pop("digest")  # the file's bytes may differ (encoding) for the same text and values
    body = fields.pop(
        "body"
    )  # hashed as it is: escaping it into JSON first costs more than the hash
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    key = hashlib.sha256(body.encode("utf-8"))
    key.update(b"\0" + canonical.encode("utf-8"))
    return key.hexdigest()[:32]


class ArticleCache:
    """Read and write the per-article rows of one rules version."""

    def __init__(self, root: Path, version: str) -> None:
        self.folder = Path(root) / f"v-{version[:20]}"

    def _segments(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def lookup(self, keys: set[str]) -> dict[str, tuple[Path, dict]]:
        """For each cached key among `keys`: its segment and outcome (article_id, reason, warnings)."""
        found: dict[str, tuple[Path, dict]] = {}
        for segment in self._segments():
            try:
                index = pd.read_parquet(segment / "index.parquet")
            except (OSError, ValueError):
                continue  # a damaged segment is a cache miss, never an error
            for row in schema.records(index[_among(index[KEY], keys)]):
                found.setdefault(row[KEY], (segment, row))
        return found

    def read(
        self, segment: Path, keys: set[str], tables: tuple[str, ...]
    ) -> dict[str, pd.DataFrame]:
        """The rows of `keys` in one segment, per table (with their `_key` column)."""
        stored = set(pd.read_parquet(segment / "index.parquet", columns=[KEY])[KEY])
        frames = {}
        for table in tables:
            frame = pd.read_parquet(segment / f"{table}.parquet")
            frames[table] = frame if stored <= keys else frame[_among(frame[KEY], keys)]
        return frames

    def write(self, index: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> None:
        """Store one segment (index rows and the per-table rows of the same keys)."""
        if index.empty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        name = uuid.uuid4().hex
        partial = self.folder / f".{name}"
        partial.mkdir()
        try:
            index.to_parquet(partial / "index.parquet", index=False)
            for table, frame in frames.items():
                frame.to_parquet(partial / f"{table}.parquet", index=False, **_COMPRESSION)
            partial.rename(self.folder / name)
        except (OSError, ValueError):
            shutil.rmtree(partial, ignore_errors=True)
            raise


def _among(column: pd.Series, keys: set[str]) -> list[bool]:
    """Which cells of a text column are in `keys` (Series.isin on an Arrow text column converts
    the whole set for every call: seconds per segment for a corpus of 100,000 keys)."""
    return [key in keys for key in column.tolist()]
