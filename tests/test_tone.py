"""Tone's reduce helpers: the evidence sentences behind a stance label."""

from __future__ import annotations

import random

import pytest

from analysis.tone import EVIDENCE_SENTENCES, _evidence


def _evidence_by_full_sort(rows, ids, scores, hits, label):
    """The definition: every row sorted by the label's key, the first few taken."""
    if label == "critical":
        ranked = sorted(rows, key=lambda i: (scores[i] - hits[i], ids[i]))
    elif label == "favourable":
        ranked = sorted(rows, key=lambda i: -scores[i])
    else:
        ranked = sorted(rows, key=lambda i: -abs(scores[i]))
    return [ids[i] for i in ranked[:EVIDENCE_SENTENCES]]


@pytest.mark.parametrize("label", ["critical", "favourable", "neutral"])
def test_evidence_equals_sorting_every_row_even_with_many_ties(label):
    rng = random.Random(3)
    for size in (0, 1, 2, 3, 4, 7, 50, 400):
        scores = [
            rng.choice([-0.5, -0.25, 0.0, 0.25, 0.5, rng.uniform(-1, 1)]) for _ in range(size)
        ]
        hits = [rng.choice([0, 0, 1, 2]) for _ in range(size)]
        ids = [f"a{rng.randrange(5)}:s{rng.randrange(40)}" for _ in range(size)]
        rows = sorted(rng.sample(range(size), k=size * 2 // 3))
        assert _evidence(rows, ids, scores, hits, label) == _evidence_by_full_sort(
            rows, ids, scores, hits, label
        ), size
