"""The analyst's checks of sampled rows: `checks.csv` (`table,id,field,mark`; field `row` marks the
row as a whole, mark right / wrong / unsure), kept beside the corpus, and the precision they give
per table and per field with a 95 % Wilson interval.

Where the file lives: in the corpus folder when it can be written, else in the cache folder under a
key of the corpus (an uploaded corpus, a read-only folder), so marks survive a restart either way.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from analysis.ingest.corpus import CHECKS_NAME
from analysis.review.corrections import append_lines, parse_corrections
from analysis.review.tables import REVIEWED

FILE_NAME = CHECKS_NAME
ROW = "row"  # the field of a mark on the whole row
MARKS = ("right", "wrong", "unsure")
HEADER = ("table", "id", "field", "mark")
Z_95 = 1.959963984540054
PRECISION_COLUMNS = [
    "table",
    "field",
    "checked",
    "right",
    "wrong",
    "unsure",
    "precision",
    "low",
    "high",
]


def wilson(right: int, judged: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion `right` / `judged` (95 % by default): unlike
    p ± z·se it stays inside 0..1 and is honest for the small samples an analyst checks.
    (nan, nan) when nothing was judged."""
    if judged <= 0:
        return math.nan, math.nan
    p = right / judged
    denominator = 1 + z * z / judged
    centre = (p + z * z / (2 * judged)) / denominator
    half = z * math.sqrt(p * (1 - p) / judged + z * z / (4 * judged * judged)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def review_folder(corpus_folder: str | Path | None, cache_dir: str | Path, key: str) -> Path:
    """Where checks.csv and corrections.csv of a corpus live: the corpus folder when it is one
    and can be written, else `cache_dir/reviews/<key>` (key: the folder's path, or the uploaded
    corpus's content)."""
    if corpus_folder is not None and Path(corpus_folder).is_dir():
        if os.access(corpus_folder, os.W_OK):
            return Path(corpus_folder)
        key = str(Path(corpus_folder).resolve())
    return Path(cache_dir) / "reviews" / hashlib.sha256(key.encode()).hexdigest()[:16]


def read_checks(path: str | Path) -> tuple[pd.DataFrame, list[str]]:
    """The marks of the checks file at `path` (the last mark of a table, id and field wins), and
    one message per line refused (unknown table, field or mark; the file itself unreadable)."""
    path = Path(path)
    marks: dict[tuple[str, str, str], str] = {}
    problems: list[str] = []
    if path.is_file():
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeError) as error:
            return _marks_frame({}), [f"{path}: not read ({error})"]
        parsed = parse_corrections(text, str(path), HEADER)  # the same four-cell CSV lines
        problems += [f"{path} line {r['line']}: {r['reason']}" for r in parsed.refused]
        for line in parsed.lines:
            table, row_id, field, mark = line.table, line.id, line.column, line.value.strip()
            spec = REVIEWED.get(table)
            why = (
                f"unknown table {table!r}"
                if spec is None
                else f"{table} has no field {field!r} to mark"
                if field not in (ROW, *spec.fields)
                else f"mark {mark!r} is not one of {', '.join(MARKS)}"
                if mark not in MARKS
                else "no row id"
                if not row_id
                else ""
            )
            if why:
                problems.append(f"{path} line {line.line}: {why}")
            else:
                marks[table, row_id, field] = mark
    return _marks_frame(marks), problems


def _marks_frame(marks: dict[tuple[str, str, str], str]) -> pd.DataFrame:
    rows = [(*key, mark) for key, mark in marks.items()]
    return pd.DataFrame(rows, columns=list(HEADER))


def append_checks(path: str | Path, rows: Iterable[tuple[str, str, str, str]]) -> None:
    """Add marks to the checks file at `path` (folder and header made when missing); a mark of
    an unknown table, field or mark is a ValueError, nothing written."""
    rows = list(rows)
    for table, _, field, mark in rows:
        spec = REVIEWED.get(table)
        if spec is None or field not in (ROW, *spec.fields) or mark not in MARKS:
            raise ValueError(f"not a mark: {table} {field} {mark}")
    append_lines(path, rows, HEADER)


def precision(marks: pd.DataFrame, present: dict[str, set[str]] | None = None) -> pd.DataFrame:
    """Precision per table (field `row`) and per field: rows checked, right, wrong, unsure, the
    share right of those judged (unsure left out) and its 95 % Wilson interval. `present`: the
    ids of each table in the corpus now; marks of rows no longer there are left out."""
    rows = []
    for (table, field), group in marks.groupby(["table", "field"], sort=False):
        if present is not None:
            group = group[group["id"].isin(present.get(table, set()))]
        counts = group["mark"].value_counts()
        right, wrong = int(counts.get("right", 0)), int(counts.get("wrong", 0))
        low, high = wilson(right, right + wrong)
        share = right / (right + wrong) if right + wrong else math.nan
        rows.append(
            [table, field, len(group), right, wrong, int(counts.get("unsure", 0)), share, low, high]
        )
    frame = pd.DataFrame(rows, columns=PRECISION_COLUMNS)
    order = {name: i for i, name in enumerate(REVIEWED)}
    frame = frame.assign(_t=frame["table"].map(order), _f=frame["field"].ne(ROW)).sort_values(
        ["_t", "_f", "field"], kind="stable"
    )
    return frame.drop(columns=["_t", "_f"]).reset_index(drop=True)


def present_ids(tables: Mapping[str, pd.DataFrame]) -> dict[str, set[str]]:
    """The row ids of each checkable table of an analysis: a mark of a row no longer there (an
    article edited or removed since) is left out of the precision."""
    return {
        name: set(tables[name][spec.id_column].astype(str))
        for name, spec in REVIEWED.items()
        if name in tables and spec.id_column in tables[name]
    }


def checked(path: str | Path, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame | None:
    """The precision of the marks in the checks file at `path` on the rows of `tables` still there
    (what the report's checks section shows), None when no row of them is marked."""
    marks, _ = read_checks(path)
    found = precision(marks, present_ids(tables))
    return None if found.empty or not found["checked"].sum() else found
