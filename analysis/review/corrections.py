"""Corrections that stick: `corrections.csv` (`table,id,column,value`; column `drop` removes the
row), read by the export and the dashboard alike and applied to the per-article tables before the
corpus reduce, so a corrected affiliation changes the voice balance and the summaries too.

Every line is checked (its table, its row id in this corpus, its column, its value) and reported in
the `corrections_report` table: applied, or refused with the reason. A bad line never stops the others.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.export import FORMULA_PREFIXES, to_csv_bytes
from analysis.ingest.corpus import CORRECTIONS_NAME
from analysis.review.tables import DROP, REVIEWED, Known

FILE_NAME = CORRECTIONS_NAME
HEADER = ("table", "id", "column", "value")
MAX_BYTES = 20_000_000
APPLIED, REFUSED = "applied", "refused"


@dataclass(frozen=True)
class Correction:
    """One line of a corrections file (line 1 is the header)."""

    line: int
    table: str
    id: str
    column: str
    value: str


@dataclass
class Corrections:
    """The lines of a corrections file, and what was refused while reading it (rows of the
    `corrections` table)."""

    file: str = ""
    lines: list[Correction] = field(default_factory=list)
    refused: list[dict[str, object]] = field(default_factory=list)


def _cell(value: str) -> str:
    """A cell as the analyst meant it: the apostrophe the CSV writer puts before a formula-like
    value ('-0.4') taken off again."""
    return value[1:] if value.startswith("'") and value[1:2].startswith(FORMULA_PREFIXES) else value


def _row(line: int, cells: list[str], file: str, status: str, reason: str) -> dict[str, object]:
    padded = [*cells[:4], "", "", "", ""][:4]
    return dict(
        zip(
            ("line", *HEADER, "status", "reason", "file"),
            (line, *padded, status, reason, file),
            strict=True,
        )
    )


def parse_corrections(
    text: str, file: str = FILE_NAME, header: tuple[str, ...] = HEADER
) -> Corrections:
    """The lines of a corrections file's text (or of any file of four-cell lines with `header`,
    as checks.csv); a line that is not four cells is refused."""
    found = Corrections(file)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if not found.lines and not found.refused and _is_header(cells, header):
                continue  # the header (optional: a file of bare lines reads the same)
            if len(cells) != len(HEADER):
                why = f"{len(cells)} cells, expected 4: {','.join(header)}"
                found.refused.append(_row(line, cells, file, REFUSED, why))
                continue
            table, row_id, column, value = (_cell(c) for c in cells)
            found.lines.append(
                Correction(line, table.strip(), row_id.strip(), column.strip(), value)
            )
    except csv.Error as error:
        why = f"not readable as CSV from here on ({error})"
        found.refused.append(_row(reader.line_num, [], file, REFUSED, why))
    return found


def _is_header(cells: list[str], header: tuple[str, ...]) -> bool:
    return [c.strip().lower() for c in cells] == list(header)


def read_corrections(path: str | Path) -> Corrections:
    """The corrections file at `path` (none there: no corrections); a file that cannot be read as
    UTF-8 text, or is too large, is refused whole with the reason."""
    path = Path(path)
    if not path.is_file():
        return Corrections(str(path))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES // 1_000_000} MB")
        text = path.read_bytes().decode("utf-8")
    except (OSError, ValueError) as error:
        return Corrections(
            str(path), refused=[_row(0, [], str(path), REFUSED, f"file not read: {error}")]
        )
    return parse_corrections(text, str(path))


def _refusal(correction: Correction, known: Known, tables: dict[str, pd.DataFrame]) -> str:
    """Why a line cannot be applied (its table, column or value), '' when it can."""
    spec = REVIEWED.get(correction.table)
    if spec is None or correction.table not in tables:
        names = ", ".join(n for n in REVIEWED if n in tables)
        return f"unknown table {correction.table!r} (one of: {names})"
    if not correction.id:
        return "no row id"
    if correction.column in spec.derived:
        return f"{correction.column} is worked out from the {spec.derived[correction.column]}"
    if correction.column != DROP and correction.column not in spec.corrections:
        columns = ", ".join([*spec.corrections, DROP])
        return (
            f"{correction.table} has no column {correction.column!r} to correct (one of: {columns})"
        )
    if correction.column != DROP:
        _, why = spec.corrections[correction.column](correction.value, known)
        return f"{correction.column}: {why}" if why else ""
    return ""


def apply_corrections(
    tables: dict[str, pd.DataFrame], corrections: Corrections | None, known: Known
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """`tables` (the per-article tables) with every valid correction applied and its rows marked
    `corrected` (a corrected table is a new frame; the others are passed on as they are), and the
    `corrections_report` table: one row per line, applied or refused with the reason. A later line for
    the same row and column wins over an earlier one; a dropped row takes no other correction."""
    corrections = corrections or Corrections()
    report = list(corrections.refused)
    wanted: dict[tuple[str, str, str], Correction] = {}
    for correction in corrections.lines:
        why = _refusal(correction, known, tables)
        if why:
            report.append(_report(correction, corrections.file, REFUSED, why))
            continue
        key = (correction.table, correction.id, correction.column)
        if key in wanted:
            earlier = wanted[key]
            report.append(
                _report(earlier, corrections.file, REFUSED, f"line {correction.line} sets it again")
            )
        wanted[key] = correction
    by_table: dict[str, list[Correction]] = {}
    for correction in wanted.values():
        by_table.setdefault(correction.table, []).append(correction)
    corrected = dict(tables)
    for name, lines in by_table.items():
        corrected[name], outcomes = _apply_table(tables[name], name, lines, known)
        report += [
            _report(c, corrections.file, *outcome)
            for c, outcome in zip(lines, outcomes, strict=True)
        ]
    frame = pd.DataFrame(report, columns=schema.columns("corrections_report"))
    return corrected, frame.sort_values("line", kind="stable").reset_index(drop=True)


def _report(correction: Correction, file: str, status: str, reason: str) -> dict[str, object]:
    cells = [correction.table, correction.id, correction.column, correction.value]
    return _row(correction.line, cells, file, status, reason)


def _apply_table(
    frame: pd.DataFrame, name: str, lines: list[Correction], known: Known
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """One table with its corrections, and each line's (status, reason)."""
    spec = REVIEWED[name]
    position = {row_id: at for at, row_id in enumerate(frame[spec.id_column].tolist())}
    dropped = {c.id for c in lines if c.column == DROP and c.id in position}
    frame = frame.copy()
    marked = frame["corrected"].astype(bool).to_numpy(copy=True)
    outcomes = []
    for correction in lines:
        at = position.get(correction.id)
        if at is None:
            outcomes.append(
                (REFUSED, f"no row of {name} has the id {correction.id!r} in this corpus")
            )
            continue
        if correction.column != DROP:
            if correction.id in dropped:
                outcomes.append((REFUSED, "the row is dropped by another line"))
                continue
            value, _ = spec.corrections[correction.column](correction.value, known)
            frame.iloc[at, frame.columns.get_loc(correction.column)] = value
            if correction.column in spec.follows:
                column, work_out = spec.follows[correction.column]
                frame.iloc[at, frame.columns.get_loc(column)] = work_out(value)
        marked[at] = True
        outcomes.append((APPLIED, ""))
    frame["corrected"] = marked
    keep = ~frame[spec.id_column].isin(dropped)
    return (frame[keep].reset_index(drop=True) if dropped else frame), outcomes


def append_lines(
    path: str | Path, rows: Iterable[tuple[str, str, str, str]], header: tuple[str, ...] = HEADER
) -> None:
    """Add lines to the corrections file at `path` (or another file of four-cell lines; made with
    its `header`, and its folder, when missing), formula-safe as every CSV the tool writes; lines
    already there, edited by hand or not, are left as they are."""
    path = Path(path)
    frame = pd.DataFrame(list(rows), columns=list(header), dtype=str)
    lines = to_csv_bytes(frame).split(b"\r\n", 1)[1]
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.stat().st_size == 0:
        lines = ",".join(header).encode() + b"\r\n" + lines
    elif not path.read_bytes().endswith((b"\n", b"\r")):
        lines = b"\r\n" + lines
    with path.open("ab") as out:
        out.write(lines)
