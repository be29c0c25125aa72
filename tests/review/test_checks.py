"""checks.csv and the precision it gives: Wilson intervals against published values, marks read
back line by line with every bad line named."""

from __future__ import annotations

import math

import pytest

from analysis.review import append_checks, checks, precision, read_checks, review_folder, wilson


@pytest.mark.parametrize(
    ("right", "judged", "low", "high"),
    [  # Newcombe (1998), Statistics in Medicine 17: 857-872, Table I, method 3 (Wilson score)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_the_published_values(right, judged, low, high):
    found = wilson(right, judged)
    assert found == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))


def test_wilson_of_nothing_judged_is_unknown_and_all_right_stays_below_one():
    assert all(math.isnan(v) for v in wilson(0, 0))
    low, high = wilson(10, 10)
    assert high == pytest.approx(1.0) and low == pytest.approx(0.7225, abs=5e-5)


def test_marks_are_read_back_the_last_one_winning_and_bad_lines_named(tmp_path):
    path = tmp_path / "checks.csv"
    append_checks(
        path, [("figures", "a1:f3-5", "row", "wrong"), ("figures", "a1:f3-5", "kind", "wrong")]
    )
    append_checks(
        path, [("figures", "a1:f3-5", "row", "right"), ("quotes", "a1:q2", "camp", "unsure")]
    )
    with path.open("a", encoding="utf-8") as out:
        out.write(
            "figures,a1:f9-12,row,maybe\r\nfigures,a1:f9-12,colour,right\r\nmaps,x,row,right\r\n"
        )
    marks, problems = read_checks(path)
    assert sorted(map(tuple, marks.to_numpy().tolist())) == [
        ("figures", "a1:f3-5", "kind", "wrong"),
        ("figures", "a1:f3-5", "row", "right"),
        ("quotes", "a1:q2", "camp", "unsure"),
    ]
    assert [p.split(": ", 1)[1] for p in problems] == [
        "mark 'maybe' is not one of right, wrong, unsure",
        "figures has no field 'colour' to mark",
        "unknown table 'maps'",
    ]
    assert [p.split(" line ")[1].split(":")[0] for p in problems] == ["6", "7", "8"]
    with pytest.raises(ValueError):
        append_checks(path, [("figures", "a1:f3-5", "row", "perhaps")])


def test_precision_per_table_and_field_leaves_out_unsure_and_rows_gone():
    import pandas as pd

    marks = pd.DataFrame(
        [
            ("figures", f"a:f{n}-{n + 1}", "row", m)
            for n, m in enumerate(["right"] * 8 + ["wrong"] * 2)
        ]
        + [("figures", "a:f0-1", "kind", "unsure"), ("figures", "gone:f1-2", "row", "wrong")],
        columns=["table", "id", "field", "mark"],
    )
    present = {"figures": {f"a:f{n}-{n + 1}" for n in range(10)}}
    table = precision(marks, present).set_index("field")
    assert table.loc["row", ["checked", "right", "wrong", "unsure"]].tolist() == [10, 8, 2, 0]
    assert table.loc["row", "precision"] == 0.8
    assert table.loc["row", "low"] == pytest.approx(0.4902, abs=5e-5)
    assert table.loc["kind", "checked"] == 1 and math.isnan(table.loc["kind", "precision"])


def test_a_read_only_corpus_keeps_its_review_files_in_the_cache(tmp_path, monkeypatch):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    assert review_folder(corpus, cache, "") == corpus
    monkeypatch.setattr(checks.os, "access", lambda path, mode: False)  # root may write anywhere
    place = review_folder(corpus, cache, "")
    assert place.parent == cache / "reviews" and place == review_folder(corpus, cache, "")
    uploaded = review_folder(None, cache, "content-key")
    assert uploaded.parent == cache / "reviews" and uploaded != place
