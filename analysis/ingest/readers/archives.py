"""Compressed inputs: a `.gz` of any supported file, and a `.zip` of files, read in memory only.

Nothing is ever written to disk, so a member name cannot point outside anything; names are still
reduced to safe relative paths (no '..', no absolute path) and an unsafe one is refused. Bombs are
refused by bounds: the member count, the total uncompressed size, each member's compression ratio,
and every read capped at its limit whatever the archive's headers claim.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import PurePosixPath

from analysis.ingest.readers.common import Limits, ReadError, format_of, size_text


def gunzip(data: bytes, limit: int) -> bytes:
    """The decompressed bytes of a .gz file; ReadError when truncated, corrupt or over `limit`."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except EOFError:
        raise ReadError("truncated gzip file (it ends before its end-of-stream marker)") from None
    except (gzip.BadGzipFile, zlib.error, OSError) as error:
        raise ReadError(f"not a readable gzip file: {error}") from None
    if len(out) > limit:
        raise ReadError(f"decompresses to over the {size_text(limit)} limit")
    return out


def safe_member_name(name: str) -> str | None:
    """A member's path as a safe relative name ('a/b.txt'), or None when it is absolute or climbs
    out with '..' (never followed, only refused)."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        return None
    parts = [p for p in PurePosixPath(cleaned).parts if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def zip_members(data: bytes, limits: Limits) -> Iterator[tuple[str, bytes | str]]:
    """(safe member name, bytes) for each file in a zip, or (name, reason) for a member that is not
    read; ReadError when the zip itself is unreadable or over a bound."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError) as error:
        raise ReadError(f"not a readable zip file: {error}") from None
    with archive:
        files = [info for info in archive.infolist() if not info.is_dir()]
        if len(files) > limits.zip_members:
            raise ReadError(
                f"zip holds {len(files):,} files, over the {limits.zip_members:,} limit"
            )
        declared = sum(info.file_size for info in files)
        if declared > limits.table_bytes:
            raise ReadError(
                f"zip expands to {size_text(declared)}, over the {size_text(limits.table_bytes)} limit"
            )
        total = 0
        for info in files:
            name = safe_member_name(info.filename)
            if name is None:
                yield (
                    info.filename,
                    "unsafe name in the zip (absolute, or climbing out with '..'): not read",
                )
                continue
            fmt = format_of(name)
            if fmt == "zip":
                yield name, "a zip inside a zip: not read (unpack it first)"
                continue
            limit = limits.for_format(fmt)
            if info.file_size > limit:
                yield (
                    name,
                    f"file is {size_text(info.file_size)}, over the {size_text(limit)} limit",
                )
                continue
            if info.file_size > 1024 * 1024 and info.file_size > limits.zip_ratio * max(
                info.compress_size, 1
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                yield name, f"compression ratio {ratio:,}:1 (a zip bomb?): not read"
                continue
            try:
                with archive.open(info) as member:
                    content = member.read(min(limit, limits.table_bytes - total) + 1)
            except (
                zipfile.BadZipFile,
                zlib.error,
                OSError,
                EOFError,
                NotImplementedError,
            ) as error:
                yield name, f"cannot read it from the zip: {error}"
                continue
            except RuntimeError as error:  # encrypted member
                yield name, f"cannot read it from the zip: {error}"
                continue
            if len(content) > limit or total + len(content) > limits.table_bytes:
                yield name, "expands beyond what its zip header says, over the limit: not read"
                continue
            total += len(content)
            yield name, content
