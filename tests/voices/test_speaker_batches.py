"""Speakers of whole articles about stories other than the shipped one, in English and every pack
language (tests/data/speakers/, scored by tests/speaker_scoring.py). Each batch after A was
written blind to the rules by a separate writer and scored once before any rule was changed for
it; that first score is the number for unseen text (docs/stance.md has them all):

    batch  blind score              false per 100   code before its round
    C      62/117 (53 %)            10.6            50/117
    D      35/87 (40 %)             9.9             30/87
    E      44/72 (61 %)             4.9             32/72
    F      73/148 (49 %)            21.2            64/148 (the third session's start)
    G      76/140 (54 %)            9.3             56/140 (the third session's start)
    H      44/80 (55 %)             16.0            32/80 (the third session's start)

A to G then became development batches, their rules generalised from what each missed (G only
after its one blind score); H, written while G was tuned on, was scored once with the final rules
(44/80), then gave one last rule (a name set off before its role, 45/80). The floors are the scores at the end of the third session: a drop
fails. They say only that forms already read stay read; the blind scores say how well unseen text
is read."""

from __future__ import annotations

import pytest

from tests.speaker_scoring import same_speaker, score

FLOORS = {  # batch -> (right share, most false speakers per 100 quotes)
    "batch_a": (85 / 87, 1.4),  # 86 before the cut of where they spoke: Netanyahu, not his office
    "batch_b": (46 / 47, 1.4),
    "batch_c": (95 / 117, 4.6),
    "batch_d": (64 / 87, 1.6),
    "batch_e": (62 / 72, 1.8),
    "batch_f": (101 / 148, 10.6),
    "batch_g": (102 / 140, 1.5),
    "batch_h": (60 / 80, 8.7),
    "batch_i": (
        79 / 137,
        6.0,
    ),  # blind: 78 with the rules as they stood, 74 with the session's first
}
# per language: batch -> language -> labelled speakers found with the right side
LANGUAGE_FLOORS = {
    "batch_a": {"de": 5, "en": 58, "es": 5, "fr": 6, "ko": 5, "ru": 3, "uk": 3},
    "batch_b": {"de": 4, "en": 26, "es": 3, "fr": 3, "ko": 3, "ru": 4, "uk": 3},
    "batch_c": {
        **{"ar": 3, "de": 3, "en": 45, "es": 5, "fa": 3, "fr": 3, "he": 4},
        **{"ko": 5, "pt": 6, "ru": 5, "tr": 5, "uk": 4, "zh": 4},
    },
    "batch_d": {
        **{"ar": 3, "de": 5, "en": 28, "es": 3, "fa": 3, "fr": 2},
        **{"he": 5, "ko": 2, "ru": 4, "tr": 5, "zh": 4},
    },
    "batch_e": {"ar": 4, "de": 4, "en": 32, "es": 4, "fr": 4, "pt": 5, "ru": 5, "tr": 4},
    "batch_f": {
        **{"ar": 5, "de": 6, "en": 40, "es": 4, "fa": 4, "fr": 5, "he": 3},
        **{"it": 4, "ko": 8, "pt": 5, "ru": 6, "tr": 6, "uk": 5, "zh": 5},
    },
    "batch_g": {
        **{"ar": 5, "de": 9, "en": 30, "es": 5, "fa": 5, "fr": 5, "he": 6},
        **{"it": 4, "ko": 5, "pt": 5, "ru": 8, "tr": 6, "uk": 6, "zh": 6},
    },
    "batch_h": {"ar": 5, "de": 5, "en": 22, "fa": 5, "he": 6, "it": 3, "pt": 4, "tr": 6, "zh": 5},
    "batch_i": {
        **{"ar": 3, "de": 5, "en": 16, "es": 6, "fa": 4, "fr": 8, "he": 5},
        **{"it": 6, "ko": 6, "pt": 5, "ru": 7, "tr": 8, "uk": 5, "zh": 5},
    },
    "batch_j": {
        **{"ar": 1, "de": 6, "en": 16, "es": 6, "fa": 3, "fr": 5, "he": 5},
        **{"it": 4, "ko": 8, "pt": 4, "ru": 7, "tr": 6, "uk": 7, "zh": 2},
    },
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
