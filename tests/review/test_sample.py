"""Samples to check: the same rows for the same seed whatever the rows' order, N per outlet when
stratified, and a sheet with the row's sentence and empty marks."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.ingest.corpus import load_corpus
from analysis.pipeline import analyse
from analysis.review import draw, evidence_spans, sheet
from tests.paths import ROOT


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return analyse(load_corpus(ROOT / "data" / "corpus"))


def test_the_same_seed_draws_the_same_rows_whatever_their_order(tables):
    figures = tables["figures"]
    first = draw(figures, "figures", 6, seed=11)
    shuffled = figures.sample(frac=1.0, random_state=3)
    again = draw(shuffled, "figures", 6, seed=11)
    assert first["figure_id"].tolist() == again["figure_id"].tolist()
    assert len(set(first["figure_id"])) == 6
    other = draw(figures, "figures", 6, seed=12)
    assert other["figure_id"].tolist() != first["figure_id"].tolist()
    assert len(draw(figures, "figures", 10_000, seed=1)) == len(figures)


def test_by_outlet_draws_n_from_each_outlet_and_keeps_each_outlets_draw(tables):
    quotes = tables["quotes"]
    drawn = draw(quotes, "quotes", 2, seed=5, by_outlet=True)
    counts = drawn["outlet"].value_counts()
    assert set(counts.index) == set(quotes["outlet"]) and set(counts) == {2}
    one = quotes["outlet"].iloc[0]
    without_one = quotes[quotes["outlet"] != one]
    fewer = draw(without_one, "quotes", 2, seed=5, by_outlet=True)
    assert fewer["quote_id"].tolist() == drawn[drawn["outlet"] != one]["quote_id"].tolist()


def test_the_sheet_holds_id_sentence_fields_and_empty_marks(tables):
    drawn = draw(tables["tone"], "tone", 3, seed=2)
    out = sheet(drawn, "tone", tables["sentences"])
    assert list(out.columns) == [
        "table", "id", "outlet", "article_id", "sentence", "actor", "score", "escalation_hits",
        "mark_row", "mark_actor", "mark_score",
    ]  # fmt: skip
    text = dict(zip(tables["sentences"]["sentence_id"], tables["sentences"]["text"], strict=True))
    assert out["sentence"].tolist() == [text[i] for i in drawn["sentence_id"]]
    assert (out[["mark_row", "mark_actor", "mark_score"]] == "").all().all()


def test_each_row_is_found_in_its_sentence_by_its_offsets(tables):
    for table, column in (("figures", "value_text"), ("tone", "actor"), ("people", "name")):
        drawn = draw(tables[table], table, 5, seed=4)
        spans = evidence_spans(drawn, tables["sentences"])
        for (_, row), (_, where) in zip(drawn.iterrows(), spans.iterrows(), strict=True):
            assert where["sentence_start"] <= where["start"] < where["end"] <= where["sentence_end"]
            if table == "figures":  # the number as written is the text at the row's offsets
                sentence = row["sentence"]
                inside = where["start"] - where["sentence_start"]
                assert sentence[inside : inside + len(row[column])] == row[column]


def test_a_negative_size_is_refused(tables):
    with pytest.raises(ValueError):
        draw(tables["figures"], "figures", -1, seed=0)
