"""What every reader shares: the size limits, the file-level error, and how a row is reported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

# (report name, record dict or the reason the row was skipped)
Row = tuple[str, "dict[str, object] | str"]

TABLE_FORMATS = ("csv", "json", "jsonl", "parquet")
DOCUMENT_FORMATS = ("txt", "html")
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".md": "txt",
    ".markdown": "txt",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
ARCHIVE_SUFFIXES = (".gz", ".zip")


class ReadError(ValueError):
    """A whole file that cannot be read; the message is the reason shown in the load report."""


@dataclass(frozen=True)
class Limits:
    """Bounds on what is read, so no input can exhaust memory: one article (a file or a row's
    text), one table or archive (after decompression), and the files in one zip."""

    article_bytes: int = 5 * 1024 * 1024
    table_bytes: int = 1024 * 1024 * 1024
    zip_members: int = 100_000
    zip_ratio: int = 100  # uncompressed : compressed, beyond which a zip member is a bomb

    def for_format(self, fmt: str | None) -> int:
        """The byte limit of a file in format `fmt` (a table or archive gets the table limit)."""
        return self.table_bytes if fmt in TABLE_FORMATS or fmt == "zip" else self.article_bytes


def format_of(name: str) -> str | None:
    """The format of a file from its name ('csv', 'txt', ..., 'zip'); a '.gz' is its inner file's
    format ('feed.jsonl.gz' -> 'jsonl'); None when unsupported."""
    path = PurePosixPath(name.lower())
    suffix = path.suffix
    if suffix == ".gz":
        suffix = PurePosixPath(path.stem).suffix
        return SUFFIX_FORMATS.get(suffix) if suffix != ".gz" else None
    if suffix == ".zip":
        return "zip"
    return SUFFIX_FORMATS.get(suffix)


def supported_suffixes() -> str:
    """The supported file name endings, for error messages and help."""
    return ", ".join([*SUFFIX_FORMATS, ".gz (of any of them)", ".zip"])


def size_text(n_bytes: int) -> str:
    """A byte count as the load report writes it."""
    return f"{n_bytes / 1e6:.1f} MB" if n_bytes >= 100_000 else f"{n_bytes / 1e3:.1f} kB"
