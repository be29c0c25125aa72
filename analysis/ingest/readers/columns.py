"""The column table (data/formats/columns.toml): which input column becomes which article field.

One documented mapping for every table format, never guessed per file. `load_columns` is its only
loader and validator; `Columns.record` turns one row (a dict, possibly nested) into a record dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.ingest import metadata
from analysis.world.toml_files import DATA_DIR, LexiconError, find_line, read_toml

SHIPPED_COLUMNS = DATA_DIR / "formats" / "columns.toml"
FIELDS = ("text", *metadata.FIELDS)


@dataclass(frozen=True)
class Columns:
    """For each field the accepted column names (lower case, in order of preference), and the keys
    of a JSON document that may hold its array of articles."""

    names: dict[str, tuple[str, ...]]
    json_records: tuple[str, ...]

    def text_columns(self) -> tuple[str, ...]:
        """The columns an article body may come from."""
        return self.names["text"]

    def has_text_column(self, header: list[str]) -> bool:
        """True when a table with these column names can hold article text (a dotted name counts
        when its first part is a column)."""
        present = {str(h).strip().lower() for h in header}
        return any(c.split(".")[0] in present for c in self.names["text"])

    def record(self, row: dict) -> tuple[dict[str, str], list[str]]:
        """The record fields of one row, and warnings (a date that is not a date). Values that are
        lists or objects are not field values; numbers and dates are written as text."""
        lowered = {str(k).strip().lower(): v for k, v in row.items()}
        values: dict[str, str] = {}
        warnings: list[str] = []
        for field, names in self.names.items():
            for name in names:
                value = _lookup(lowered, name)
                if value is None or not isinstance(value, metadata.SCALARS):
                    continue
                text = str(value).strip()
                if not text:
                    continue
                if field == "published":
                    date = metadata.normalise_date(value)
                    if not date:
                        warnings.append(f"{name} {_short(text)!r} is not a date")
                        continue
                    text = date
                # the body keeps its own spacing (sentence offsets point into it)
                values[field] = str(value) if field == "text" else text
                break
        return values, warnings


def _lookup(row: dict, name: str) -> object:
    """A column's value; a dotted name walks nested objects ('source.name')."""
    if name in row:
        return row[name]
    head, _, rest = name.partition(".")
    if not rest or not isinstance(row.get(head), dict):
        return None
    inner = {str(k).strip().lower(): v for k, v in row[head].items()}
    return _lookup(inner, rest)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def parse_columns(data: dict, text: str, name: str) -> Columns:
    """Validate a parsed column table; LexiconError naming the line of what is wrong."""
    fields = data.get("fields")
    if not isinstance(fields, dict):
        raise LexiconError(name, "no [fields.*] tables")
    unknown = [f for f in fields if f not in FIELDS]
    if unknown:
        raise LexiconError(
            name,
            f"unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)})",
            find_line(text, f"[fields.{unknown[0]}]"),
        )
    if "text" not in fields:
        raise LexiconError(name, "no [fields.text]: the columns an article body comes from")
    names: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for field, table in fields.items():
        line = find_line(text, f"[fields.{field}]")
        columns = table.get("columns") if isinstance(table, dict) else None
        if not isinstance(columns, list) or not columns:
            raise LexiconError(name, f"[fields.{field}] needs a non-empty list `columns`", line)
        cleaned = []
        for column in columns:
            if not isinstance(column, str) or not column.strip():
                raise LexiconError(
                    name, f"[fields.{field}]: column names must be non-empty strings", line
                )
            key = column.strip().lower()
            if key in owner:
                raise LexiconError(
                    name,
                    f"column {column!r} is listed for both {owner[key]!r} and {field!r}",
                    find_line(text, f'"{column}"', after_line=line or 1),
                )
            owner[key] = field
            cleaned.append(key)
        names[field] = tuple(cleaned)
    records = data.get("formats", {}).get("json", {}).get("records", [])
    if not isinstance(records, list) or not all(isinstance(r, str) and r for r in records):
        raise LexiconError(
            name, "[formats.json] records must be a list of key names", find_line(text, "records")
        )
    return Columns(names, tuple(r.lower() for r in records))


@lru_cache(maxsize=4)
def load_columns(path: str | Path | None = None) -> Columns:
    """The column table (the shipped one by default); LexiconError when it is malformed."""
    source = Path(path) if path else SHIPPED_COLUMNS
    data = read_toml(source)
    return parse_columns(data, source.read_text(encoding="utf-8"), str(source))
