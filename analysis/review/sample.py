"""Random rows of a table to check by hand: the same rows for the same seed on every run and
machine (drawn from the rows sorted by their stable id), optionally N rows from each outlet.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pandas as pd

from analysis.review.checks import ROW
from analysis.review.tables import REVIEWED


def _generator(seed: int, outlet: str = "") -> np.random.Generator:
    """A generator of its own per outlet, so adding an outlet changes no other outlet's draw."""
    salt = int(hashlib.sha256(outlet.encode("utf-8")).hexdigest()[:8], 16)
    return np.random.default_rng([seed, salt])


def draw(
    frame: pd.DataFrame, table: str, n: int, seed: int, by_outlet: bool = False
) -> pd.DataFrame:
    """`n` random rows of `frame` (the table `table`), or `n` from each outlet (`by_outlet`, outlets
    in name order); fewer when there are fewer. Reproducible by `seed`, whatever the rows' order."""
    if n < 0:
        raise ValueError(f"a sample of {n} rows")
    spec = REVIEWED[table]
    ordered = frame.sort_values(spec.id_column, kind="stable").reset_index(drop=True)
    if not by_outlet:
        return ordered.take(_generator(seed).permutation(len(ordered))[:n]).reset_index(drop=True)
    outlets = ordered["outlet"].fillna("").astype(str)
    parts = [
        ordered[outlets == outlet].pipe(
            lambda rows, o=outlet: rows.take(_generator(seed, o).permutation(len(rows))[:n])
        )
        for outlet in sorted(set(outlets))
    ]
    return pd.concat(parts, ignore_index=True) if parts else ordered.head(0)


def sentence_of(rows: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """The evidence sentence of each row: its `sentence` column, else the text of its (first)
    sentence id in the sentences table."""
    if "sentence" in rows.columns:
        return rows["sentence"].fillna("").astype(str)
    column = "sentence_id" if "sentence_id" in rows.columns else "sentence_ids"
    ids = rows[column].fillna("").astype(str).str.split("; ").str[0]
    text = dict(zip(sentences["sentence_id"], sentences["text"], strict=True))
    return ids.map(text).fillna("")


_OFFSETS_RE = re.compile(r":[a-z]+(\d+)-(\d+)$")


def evidence_spans(rows: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Where each row stands in its article's raw text: `start`/`end` of the row (its offsets,
    else those its id is built from; -1 when neither) and `sentence_start`/`sentence_end` of the
    sentence(s) it is read from (-1 when unknown), for highlighting the row in its sentence."""
    if {"char_start", "char_end"} <= set(rows.columns):
        start, end = rows["char_start"].astype("int64"), rows["char_end"].astype("int64")
    else:
        spec = REVIEWED[_table_of(rows)]
        found = rows[spec.id_column].astype(str).str.extract(_OFFSETS_RE)
        start = pd.to_numeric(found[0]).fillna(-1).astype("int64")
        end = pd.to_numeric(found[1]).fillna(-1).astype("int64")
    column = "sentence_id" if "sentence_id" in rows.columns else "sentence_ids"
    ids = rows[column].fillna("").astype(str).str.split("; ")
    starts = dict(zip(sentences["sentence_id"], sentences["char_start"], strict=True))
    ends = dict(zip(sentences["sentence_id"], sentences["char_end"], strict=True))
    return pd.DataFrame(
        {
            "start": start.to_numpy(),
            "end": end.to_numpy(),
            "sentence_start": [int(starts.get(i[0], -1)) for i in ids],
            "sentence_end": [int(ends.get(i[-1], -1)) for i in ids],
        }
    )


def _table_of(rows: pd.DataFrame) -> str:
    """The reviewed table whose id column `rows` carry."""
    return next(name for name, spec in REVIEWED.items() if spec.id_column in rows.columns)


def sheet(rows: pd.DataFrame, table: str, sentences: pd.DataFrame) -> pd.DataFrame:
    """The sample as a sheet to mark offline: id, outlet, sentence, the fields shown for the
    table, then an empty `mark` column for the row and one `mark_<field>` per field marked."""
    spec = REVIEWED[table]
    out = pd.DataFrame(
        {
            "table": table,
            "id": rows[spec.id_column].astype(str),
            "outlet": rows["outlet"],
            "article_id": rows["article_id"],
            "sentence": sentence_of(rows, sentences),
        }
    )
    for column in spec.shown:
        out[column] = rows[column].to_numpy()
    out[f"mark_{ROW}"] = ""
    for field in spec.fields:
        out[f"mark_{field}"] = ""
    return out.reset_index(drop=True)
