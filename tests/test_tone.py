"""Tone's helpers: the clause around each mention, the evidence sentences behind a stance label."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.tone import _CLAUSE_RE, EVIDENCE_SENTENCES, _clauses_around, _evidence, _rows_by


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


CLAUSE_TEXTS = [
    "Kenya's president, William Ruto, said the talks had failed; Ethiopia denied it.",
    "« La France ne reconnaîtra pas ce résultat », a déclaré le ministre — sans détour.",
    "Brazil: no comment.",
    ",,;",
    "",
    "The UN envoy called it “a disaster” and left",
]


def test_each_offset_gets_the_first_clause_that_holds_it():
    def first_holding(text: str, offset: int) -> str:  # the plain reading: clause by clause
        for clause in _CLAUSE_RE.finditer(text):
            if clause.start() <= offset < clause.end():
                return clause.group(0)
        return text

    rng = random.Random(3)
    texts = CLAUSE_TEXTS + [
        "".join(rng.choice(["Chad", " ", ",", ";", "—", '"', "«", "a", ":"]) for _ in range(12))
        for _ in range(500)
    ]
    for text in texts:
        offsets = list(range(len(text) + 1))
        assert _clauses_around(text, offsets) == [first_holding(text, o) for o in offsets]
    assert _clauses_around(CLAUSE_TEXTS[0], [0, 19]) == ["Kenya's president", " William Ruto"]


def test_rows_by_outlet_and_actor_keep_table_order():
    rng = random.Random(8)
    for size in (0, 1, 6, 300):
        tone = pd.DataFrame(
            {
                "outlet": [
                    rng.choice(["Harbour Times", "Le Matin", "Дневник"]) for _ in range(size)
                ],
                "actor": [rng.choice(["Chad", "Niger", "Mali"]) for _ in range(size)],
            }
        )
        plain: dict[tuple[str, str], list[int]] = {}
        for row, key in enumerate(zip(tone["outlet"], tone["actor"], strict=True)):
            plain.setdefault(key, []).append(row)
        assert {k: v.tolist() for k, v in _rows_by(tone).items()} == plain
