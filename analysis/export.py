"""The one CSV writer for every table the tool hands out (CLI export and dashboard downloads).

Cells are written for spreadsheets opened by analysts: a text cell that starts with `=`, `+`, `-`,
`@`, tab, CR or LF is prefixed with an apostrophe so no spreadsheet runs it as a formula. Numbers and
booleans are left as they are.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: object) -> object:
    """A text cell made safe for spreadsheets; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell neutralised (numeric columns untouched)."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]) and not pd.api.types.is_bool_dtype(
            safe[column]
        ):
            safe[column] = safe[column].map(neutralise)
    return safe


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Formula-safe UTF-8 CSV of `frame` (RFC 4180 CRLF rows, so a CR inside a cell is quoted)."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[str]:
    """Write each table to `out_dir/<name>.csv`; returns one summary line per table."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, frame in tables.items():
        (folder / f"{name}.csv").write_bytes(to_csv_bytes(frame))
        lines.append(f"{name}.csv: {len(frame)} rows x {len(frame.columns)} columns")
    return lines
