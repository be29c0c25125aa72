"""Speakers of whole articles about stories other than the shipped one, in English and every pack
language (tests/data/speakers/, scored by tests/speaker_scoring.py). Batch A was scored before the
rules were changed for it (51 % right, 5.2 false speakers per 100 quotes) and after (79 %, 1.5);
batch B was written after those changes and scored once (60 %, 3.4), then became a development
batch too. Both after the second round of rules (docs/stance.md): A 85/87 (98 %, 0.7 false per
100), B 46/47 (98 %, 1.4). Batch C (20 articles, 13 languages) was written blind to the rules by
a separate writer and scored once after that round: 62/117 (53 %; English 32/49, 65 %; 10.6 false
per 100), against 50/117 (43 %) with the code before it. It then became a development batch:
after the rules it showed were generalised (a role after the name, 'to …' in a role, who-clauses,
names ending in -ed, accused / denied / assured / welcomed / thanked), 73/117 (62 %; English
43/49), 8.6 false per 100. The floors are those scores: a drop fails. The honest number for
unseen text is the next batch, written blind to the rules and scored once: batch D (16 articles,
11 languages) 35/87 (40 %; English 19/33), then a development batch too (40/87 after its fixes);
batch E (14 articles, 8 languages), written blind after those, scored once: 44/72 (61 %; English
27/35, 77 %; 4.9 false per 100) against 32/72 (44 %) with the code before this work. Its floors
guard the score; no rule was changed for it (docs/stance.md)."""

from __future__ import annotations

import pytest

from tests.speaker_scoring import same_speaker, score

FLOORS = {  # batch -> (right share, most false speakers per 100 quotes)
    "batch_a": (85 / 87, 0.7),
    "batch_b": (46 / 47, 1.4),
    "batch_c": (73 / 117, 8.7),
    "batch_d": (40 / 87, 9.5),
    "batch_e": (44 / 72, 4.9),
}
# per language: batch -> language -> labelled speakers found with the right side
LANGUAGE_FLOORS = {
    "batch_a": {"en": 58, "de": 4, "es": 5, "fr": 6, "ko": 5, "ru": 3, "uk": 4},
    "batch_b": {"en": 26, "de": 4, "es": 3, "fr": 3, "ko": 3, "ru": 4, "uk": 3},
    "batch_c": {
        "en": 43,
        "de": 3,
        "es": 3,
        "fr": 1,
        "ko": 4,
        "ru": 5,
        "uk": 2,
        "ar": 2,
        "he": 2,
        "tr": 3,
        "zh": 4,
        "pt": 1,
    },
    "batch_d": {"en": 23, "de": 4, "ru": 2, "tr": 2, "zh": 3},
    "batch_e": {"en": 27, "ar": 4, "ru": 4, "pt": 3},
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
    ("batch", "language"), [(b, code) for b, codes in LANGUAGE_FLOORS.items() for code in codes]
)
def test_each_language_keeps_its_right_speakers(batch, language):
    found = score(batch, language)
    assert found.right >= LANGUAGE_FLOORS[batch][language], found.misses


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
