"""Table helpers of analysis/schema.py."""

from __future__ import annotations

import math

import pandas as pd

from analysis import schema


def _same(a: object, b: object) -> bool:
    return (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)) or (
        type(a) is type(b) and a == b
    )


def test_records_equal_pandas_records_value_for_value():
    frame = pd.DataFrame(
        {
            "text": pd.array(["a", None, 'ç, "q"'], dtype="str"),
            "n": [1, -2, 3],
            "x": [0.5, float("nan"), 1e16],
            "flag": [True, False, True],
            "things": pd.Series([["x"], None, "y"], dtype=object),
        }
    )
    ours, theirs = schema.records(frame), frame.to_dict("records")
    assert len(ours) == len(theirs) == 3
    for mine, pandas_row in zip(ours, theirs, strict=True):
        assert list(mine) == list(pandas_row)
        assert all(_same(mine[k], pandas_row[k]) for k in mine), (mine, pandas_row)
    assert schema.records(frame.iloc[:0]) == []
