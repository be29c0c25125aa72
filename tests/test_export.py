"""The formula-safe CSV writer shared by the CLI and the dashboard."""

from __future__ import annotations

import io

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import export
from analysis.export import safe_frame, to_csv_bytes, write_tables


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


def _pandas_csv(frame: pd.DataFrame) -> bytes:
    """The straightforward definition the fast writer must equal byte for byte."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


HOSTILE = [
    "",
    " ",
    "plain",
    'He said "no", then left.',
    "line one\nline two",
    "carriage\rreturn",
    "crlf\r\nend",
    "=1+2",
    "+44 20 7946 0000",
    "-3",
    "@handle",
    "\tindented",
    "'already quoted",
    '"',
    '""',
    ",",
    "Ankara, Türkiye — 1 200 soldats « déployés »",
    "東京で5,000人",
    "emoji 🚀, done",
    "trailing space ",
]


def test_fast_writer_equals_pandas_on_hostile_cells():
    n = len(HOSTILE)
    frame = pd.DataFrame(
        {
            "text": pd.array(HOSTILE, dtype="str"),
            "maybe": pd.array([None if i % 3 == 0 else s for i, s in enumerate(HOSTILE)], "str"),
            "objects": pd.Series(
                [
                    [None, float("nan"), pd.NA][i % 3] if i % 4 == 0 else s
                    for i, s in enumerate(HOSTILE)
                ],
                dtype=object,
            ),
            "n": list(range(-5, n - 5)),
            "x": [float("nan"), 0.1, -0.0, 1e16, 1e-7, 2.5, 10000.0, 1 / 3] + [1.0] * (n - 8),
            "flag": [i % 2 == 0 for i in range(n)],
        }
    )
    assert to_csv_bytes(frame) == _pandas_csv(frame)
    assert to_csv_bytes(frame.iloc[:0]) == _pandas_csv(frame.iloc[:0])


def test_columns_the_fast_writer_does_not_know_go_through_pandas():
    frames = [
        pd.DataFrame({"only": ["", "a", None]}),  # one column: csv writes '""' for an empty cell
        pd.DataFrame({"mixed": ["a", 1.5, None], "n": [1, 2, 3]}),
        pd.DataFrame({"raw": [b"bytes", "text", "x"], "n": [1, 2, 3]}),
        pd.DataFrame({"lists": [["a"], [], ["b", "c"]], "n": [1, 2, 3]}),
        pd.DataFrame({"when": pd.to_datetime(["2024-01-02", None, "2025-03-04"]), "n": [1, 2, 3]}),
        pd.DataFrame({"n": pd.array([1, None, 3], dtype="Int64"), "t": ["a", "b", "c"]}),
    ]
    for frame in frames:
        assert to_csv_bytes(frame) == _pandas_csv(frame)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(alphabet=st.sampled_from(list(",\"\r\n\t=+-@' aé€🚀1")))),
            st.integers(-(2**63), 2**63 - 1),
            st.one_of(st.floats(allow_nan=True, allow_infinity=True)),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_fast_writer_equals_pandas_on_any_rows(rows):
    frame = pd.DataFrame(rows, columns=["text", "n", "x", "flag"])
    frame["text"] = frame["text"].astype("str")
    assert to_csv_bytes(frame) == _pandas_csv(frame)


def test_long_tables_are_written_in_chunks_with_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(export, "_CHUNK_ROWS", 7)
    frame = pd.DataFrame({"text": HOSTILE * 3, "n": range(len(HOSTILE) * 3)})
    write_tables({"t": frame}, tmp_path)
    assert (tmp_path / "t.csv").read_bytes() == _pandas_csv(frame)
