"""Speakers of whole articles about stories other than the shipped one, in English and every pack
language (tests/data/speakers/, scored by tests/speaker_scoring.py). Batch A was scored before the
rules were changed for it (51 % right, 5.2 false speakers per 100 quotes) and after (79 %, 1.5);
batch B was written after the changes and scored once (60 %, 3.4). Floors a little under those
scores: a drop fails."""

from __future__ import annotations

import pytest

from tests.speaker_scoring import same_speaker, score

FLOORS = {  # batch -> (right share, most false speakers per 100 quotes)
    "batch_a": (0.75, 3.0),
    "batch_b": (0.55, 5.0),
}


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_named_speakers_found_with_their_side(batch):
    found = score(batch)
    print(batch, f"{found.right}/{found.labelled}", f"{found.false_per_100:.1f} false per 100")
    right, false = FLOORS[batch]
    assert found.right_share >= right, found.misses
    assert found.false_per_100 <= false, found.false_speakers


def test_english_articles_of_batch_a_reach_the_aim():
    assert score("batch_a", "en").right_share >= 0.85


@pytest.mark.parametrize(
    ("found", "gold", "same"),
    [
        ("Asif", "Khawaja Asif", True),
        ("Pakistan's foreign ministry", "foreign ministry", True),
        ("the Houthis", "Houthis", True),
        ("Philippine Sea", "Jay Tarriela", False),
        ("", "Jay Tarriela", False),
    ],
)
def test_same_speaker(found, gold, same):
    assert same_speaker(found, gold) is same
