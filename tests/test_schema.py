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


def test_typed_columns_build_what_pandas_infers() -> None:
    """The direct build gives the frame pandas builds from the same rows, dtypes included."""
    rows = [
        {"outlet": "La Nación", "words": 412, "share": 0.25, "primary": True, "cue": ""},
        {"outlet": "Dziennik Bałtycki", "words": 0, "share": float("nan"), "primary": False,
         "cue": "„odrzucił”"},
        {"outlet": "東京新聞", "words": 9_007, "share": 1.0, "primary": True, "cue": "否定"},
    ]  # fmt: skip
    names = ["outlet", "words", "share", "primary", "cue"]
    built = pd.DataFrame(schema.typed_columns(rows, names), copy=False)
    pd.testing.assert_frame_equal(built, pd.DataFrame(rows, columns=names), check_dtype=True)
    figures = [{"value_text": "1,200", "sentence": "Lima sent 1,200 police."}] * 2
    pd.testing.assert_frame_equal(
        pd.DataFrame({"sentence": schema.text_array([r["sentence"] for r in figures])}),
        pd.DataFrame(figures, columns=["sentence"]),
        check_dtype=True,
    )


def test_typed_columns_leave_other_columns_to_pandas() -> None:
    """A missing key, mixed types, None, a huge int or a lone surrogate: no direct build."""
    for rows in (
        [{"a": "x"}, {"b": "y"}],
        [{"a": 1}, {"a": 1.5}],
        [{"a": "x"}, {"a": None}],
        [{"a": True}, {"a": 1}],
        [{"a": 2**70}],
        [{"a": "\ud800"}],
    ):
        assert schema.typed_columns(rows, ["a"]) is None, rows
    assert schema.typed_columns([], ["a"]) is None
    assert schema.text_array(["x", None]) is None
