"""Readers of table files: CSV, JSON (a document with an array of articles), JSON Lines, Parquet.

Each takes the file's name and bytes and yields one row per article: (`file.csv#row12`, record
dict) or (`file.csv#row12`, reason). A bad row is reported as that row and the others are kept;
only a file that cannot be read at all (no text column, not JSON, not Parquet) raises ReadError.
Nothing here builds an Article: a record is the row's text and given metadata, mapped by the one
column table (columns.py).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator

import charset_normalizer

from analysis.ingest.readers.columns import Columns
from analysis.ingest.readers.common import Limits, ReadError, Row, size_text

PARQUET_BATCH = 1024  # rows decoded at a time: a big file is never held decoded whole
_SURROGATE_RE = re.compile("[\udc80-\udcff]")
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_FALLBACK_ENCODING = "cp1252"  # what a stray non-UTF-8 cell in a UTF-8 export almost always is

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is longer than csv's 128 KB default


def read_table(name: str, data: bytes, fmt: str, limits: Limits, columns: Columns) -> Iterator[Row]:
    """The rows of a table file of format `fmt` ('csv', 'json', 'jsonl' or 'parquet')."""
    readers = {"csv": _csv_rows, "json": _json_rows, "jsonl": _jsonl_rows, "parquet": _parquet_rows}
    rows = readers[fmt](data, columns)
    count = 0
    for number, row in rows:
        count += 1
        row_name = f"{name}#row{number}"
        if isinstance(row, str):
            yield row_name, f"row {number}: {row}"
            continue
        yield row_name, _record(row_name, number, row, columns, limits)
    if not count:
        raise ReadError("no rows")


def _record(
    row_name: str, number: int, row: tuple[dict, list[str]], columns: Columns, limits: Limits
) -> dict[str, object] | str:
    """A record dict from one row, or the reason the row is skipped."""
    values, warnings = columns.record(row[0])
    body = values.get("text", "")
    if not str(body).strip():
        return f"row {number}: empty text (no value in {', '.join(columns.text_columns())})"
    size = len(str(body).encode("utf-8", "surrogatepass"))
    if size > limits.article_bytes:
        return f"row {number}: text is {size_text(size)}, over the {size_text(limits.article_bytes)} limit"
    return {
        **values,
        "name": row_name,
        "warnings": [f"row {number}: {w}" for w in [*row[1], *warnings]],
    }


# ---------------------------------------------------------------------------------------------
# CSV


def _text_stream(data: bytes) -> tuple[io.TextIOWrapper, bool, list[str]]:
    """A text stream over the bytes, whether cells must be checked for stray non-UTF-8 bytes, and
    file-level warnings. A UTF-8 file with a few bad cells is read as UTF-8 (the cells repaired one
    by one); a file in another encoding is decoded whole with the detected encoding."""
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        data.decode("utf-8")
        return io.TextIOWrapper(io.BytesIO(data), "utf-8-sig", newline=""), False, []
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE_RE.search(data):
        stream = io.TextIOWrapper(io.BytesIO(data), "utf-8-sig", "surrogateescape", newline="")
        return stream, True, []
    best = charset_normalizer.from_bytes(data[: 1024 * 1024]).best()
    if best is None:
        raise ReadError("not text: no character encoding fits its bytes")
    stream = io.TextIOWrapper(io.BytesIO(data), best.encoding, "replace", newline="")
    return stream, False, [f"not UTF-8; decoded as {best.encoding}"]


def _repair(value: str, column: str, warnings: list[str]) -> str:
    """A cell holding bytes that are not UTF-8, decoded as cp1252 with a warning."""
    if not _SURROGATE_RE.search(value):
        return value
    warnings.append(f"column {column!r} is not UTF-8; decoded as {_FALLBACK_ENCODING}")
    raw = value.encode("utf-8", "surrogateescape")
    return raw.decode(_FALLBACK_ENCODING, "replace")


def _csv_rows(data: bytes, columns: Columns) -> Iterator[tuple[int, tuple[dict, list[str]] | str]]:
    """(row number, (row dict, warnings) or reason) for each data row; the header is row 1."""
    stream, check_cells, file_warnings = _text_stream(data)
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        raise ReadError("no text (only white space)") from None
    except csv.Error as error:
        raise ReadError(f"malformed CSV header: {error}") from None
    header = [h.strip() for h in header]
    if not columns.has_text_column(header):
        raise ReadError(
            f"no text column (one of: {', '.join(columns.text_columns())}; "
            f"columns: {', '.join(header) or 'none'})"
        )
    number = 1
    while True:
        start_line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            number += 1
            yield number, f"malformed CSV row at line {start_line}: {error}"
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        number += 1
        if len(cells) != len(header):
            lines = reader.line_num - start_line + 1
            hint = f" (an unclosed quote? the row runs over {lines} lines)" if lines > 2 else ""
            yield number, f"{len(cells)} cells but the header has {len(header)}{hint}"
            continue
        warnings = list(file_warnings)
        if check_cells:
            cells = [_repair(c, h, warnings) for h, c in zip(header, cells, strict=True)]
        yield number, (dict(zip(header, cells, strict=True)), warnings)


# ---------------------------------------------------------------------------------------------
# JSON and JSON Lines


def _json_text(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ReadError(f"not UTF-8 (line {line}); JSON files are UTF-8") from None


def _kind(value: object) -> str:
    names = {str: "a string", list: "an array", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _json_rows(data: bytes, columns: Columns) -> Iterator[tuple[int, tuple[dict, list[str]] | str]]:
    """Each element of the document's array of articles, numbered from 1."""
    try:
        document = json.loads(_json_text(data))
    except json.JSONDecodeError as error:
        raise ReadError(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise ReadError("invalid JSON: nested too deeply") from None
    if isinstance(document, dict):
        lowered = {str(k).strip().lower(): v for k, v in document.items()}
        key = next((k for k in columns.json_records if isinstance(lowered.get(k), list)), None)
        if key is not None:
            document = lowered[key]
        elif columns.has_text_column(list(lowered)):
            document = [document]  # one article as one object
        else:
            raise ReadError(
                f"no array of articles (a top-level array, or one under: "
                f"{', '.join(columns.json_records)}; keys: {', '.join(list(lowered)[:10])})"
            )
    if not isinstance(document, list):
        raise ReadError(
            f"a JSON document of articles is an array or an object, not {_kind(document)}"
        )
    for number, item in enumerate(document, start=1):
        if isinstance(item, dict):
            yield number, (item, [])
        else:
            yield number, f"not a JSON object ({_kind(item)})"


def _jsonl_rows(
    data: bytes, columns: Columns
) -> Iterator[tuple[int, tuple[dict, list[str]] | str]]:
    """One JSON object per line, numbered by line."""
    text = _json_text(data)
    # split at line feeds only: U+2028 and the like are legal inside a JSON string
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, f"invalid JSON: {error.msg}"
            continue
        except RecursionError:
            yield number, "invalid JSON: nested too deeply"
            continue
        yield number, (item, []) if isinstance(item, dict) else f"not a JSON object ({_kind(item)})"


# ---------------------------------------------------------------------------------------------
# Parquet


def _parquet_rows(
    data: bytes, columns: Columns
) -> Iterator[tuple[int, tuple[dict, list[str]] | str]]:
    """Rows read in batches of PARQUET_BATCH, only the columns the column table names."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(io.BytesIO(data))
    except (pa.ArrowException, OSError, ValueError) as error:
        raise ReadError(f"not a readable Parquet file: {error}") from None
    names = table.schema_arrow.names
    if not columns.has_text_column(names):
        raise ReadError(
            f"no text column (one of: {', '.join(columns.text_columns())}; "
            f"columns: {', '.join(names) or 'none'})"
        )
    wanted = {c.split(".")[0] for field in columns.names.values() for c in field}
    selected = [n for n in names if n.strip().lower() in wanted]
    number = 0
    batches = table.iter_batches(batch_size=PARQUET_BATCH, columns=selected)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except (pa.ArrowException, OSError, ValueError) as error:
            yield number + 1, f"cannot read the rows from here on: {error}"
            return
        for row in batch.to_pylist():
            number += 1
            yield number, (row, [])
