"""The formula-safe CSV writer shared by the CLI and the dashboard."""

from __future__ import annotations

import io

import pandas as pd

from analysis.export import to_csv_bytes, write_tables


def test_formula_cells_are_neutralised_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx", "ok"],
            "value": [1, -2, 3.5, -4, 5, 6, 7, 8],
            "flag": [True, False, True, False, True, False, True, False],
        }
    )
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), keep_default_na=False)
    assert back["text"].tolist() == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "'\nx",
        "ok",
    ]
    assert back["value"].tolist() == [1, -2, 3.5, -4, 5, 6, 7, 8]
    assert back["flag"].tolist() == frame["flag"].tolist()


def test_text_that_looks_like_a_negative_number_is_still_neutralised():
    frame = pd.DataFrame({"value_text": ["-1", "1,000"], "n": [-1, 1000]})
    text = to_csv_bytes(frame).decode()
    assert text.splitlines() == ["value_text,n", "'-1,-1", '"1,000",1000']


def test_write_tables_writes_one_file_per_table(tmp_path):
    lines = write_tables({"a": pd.DataFrame({"x": [1, 2]}), "b": pd.DataFrame({"y": []})}, tmp_path)
    assert lines == ["a.csv: 2 rows x 1 columns", "b.csv: 0 rows x 1 columns"]
    assert (tmp_path / "b.csv").read_bytes() == b"y\r\n"
