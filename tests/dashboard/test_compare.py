"""dashboard/compare.py: near-copied sentences lined up across outlets, and the figures one outlet
gives and another leaves out."""

from __future__ import annotations

import pandas as pd

from analysis import schema
from dashboard import compare
from tests.dashboard_tables import RUTTE, table


def test_compare_lines_up_near_copied_sentences_and_shows_missing_figures(tables):
    reworded = RUTTE.replace("on Monday", "Monday")
    sentences = pd.concat(
        [
            tables["sentences"],
            table(
                "sentences",
                [
                    {
                        "article_id": "a2",
                        "sentence_id": "a2:1",
                        "index": 1,
                        "text": reworded,
                        "is_boilerplate": False,
                        "is_repeat": False,
                    }
                ],
            ),
        ]
    )
    labels = {"a1": "Wire", "a2": "Tabloid"}
    shared = compare.shared_passages(sentences, schema.empty("quotes"), labels)
    assert (
        len(shared) == 1 and shared.loc[0, "Wire"] == RUTTE and shared.loc[0, "Tabloid"] == reworded
    )
    assert shared.loc[0, "similarity"] >= compare.SIMILARITY
    matrix = compare.figure_matrix(tables["figures"], labels)
    troops = matrix[matrix["value"] == "10,000–12,000"].iloc[0]
    assert troops["Wire"] == "10,000 to 12,000" and troops["Tabloid"] == compare.MISSING
