"""How well a corpus's own story comes out with no story file, against hand labels.

Labels (JSON): `speakers` (name -> the affiliation the reporting gives), `actors` (that must be
found), `main_claim` (words the main claim's label must contain). Used by tests/world/test_story.py and
benchmarks/story_accuracy.py, so the numbers in the README are the ones the tests check.
"""

from __future__ import annotations

import pandas as pd


def measures(tables: dict[str, pd.DataFrame], labels: dict) -> dict[str, float]:
    """Share of quoted words with a camp, labelled speakers with the right affiliation (every quote
    of theirs), labelled actors found in the stance table."""
    quotes = tables["quotes"]
    words = quotes["words"].sum()
    with_camp = quotes.loc[quotes["camp"].fillna("") != "", "words"].sum()
    right = 0
    for speaker, affiliation in labels["speakers"].items():
        theirs = quotes[quotes["speaker"] == speaker]
        right += bool(len(theirs)) and set(theirs["affiliation"]) == {affiliation}
    found = set(tables["stance"]["actor"]) & set(labels["actors"])
    return {
        "quoted_words_with_camp": float(with_camp / words) if words else 0.0,
        "speakers_right": right / len(labels["speakers"]),
        "actors_found": len(found) / len(labels["actors"]),
    }
