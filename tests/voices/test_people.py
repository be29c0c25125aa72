"""People across articles: each quote's (speaker, affiliation) pair resolved once per distinct pair."""

from __future__ import annotations

import random

import pandas as pd

from analysis.voices.people import _distinct_pairs


def test_distinct_pairs_equal_walking_the_rows():
    rng = random.Random(4)
    names = ["Amina Diallo", "Diallo", "Олег Петров", "", None, "Chen Wei"]
    parties = ["Chad", "", None, "Niger", "ООН"]
    for size in (1, 2, 9, 500):
        speaker = pd.Series([rng.choice(names) for _ in range(size)], dtype="str")
        affiliation = pd.Series([rng.choice(parties) for _ in range(size)], dtype="str")
        rows = list(zip(speaker.fillna("").tolist(), affiliation.fillna("").tolist(), strict=True))
        pair_of, pairs = _distinct_pairs(speaker, affiliation)
        assert pairs == list(dict.fromkeys(rows))
        assert [pairs[n] for n in pair_of] == rows
