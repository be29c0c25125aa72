"""Attribution and modality cues: the pre-checks find what the full patterns find."""

from __future__ import annotations

import random

import pytest

from analysis.figures.cues import _CUE_RE, _SPEECH, POSSIBLE, POSSIBLE_RE, cues_in, sources

SENTENCES = [
    "The ministry said 40 drones were shot down overnight, officials told reporters on Friday.",
    "Analysts say the budget could reach $3bn; others said it might not, and unsaid sums remain.",
    "She says, says again and saidthat: 'puts the figure at 12', puts  the\nfigure higher.",
    "Resaid claims, claimed numbers and CLAIMS: the agency estimated 5,000 and would not comment.",
    "Nothing here but numbers: 12, 14 and 15 percent.",
    "The fleet is likely to grow, expected to double and set to triple, perhaps possibly may.",
    "Mayors may add schools; the mayhem was likely tolerable, unlikely to last.",
]


def _generated(count: int) -> list[str]:
    """Sentences stitched from pieces of the ones above, cut anywhere (cues glued to other words)."""
    rng = random.Random(5)
    text = " ".join(SENTENCES)
    return [
        "".join(text[a : a + rng.randint(1, 40)] for a in rng.sample(range(len(text)), 6))
        for _ in range(count)
    ]


@pytest.mark.parametrize("sentence", SENTENCES + _generated(300))
def test_cues_found_from_their_first_word_are_the_cues_a_full_scan_finds(sentence):
    assert [m.span() for m in _SPEECH.finditer(sentence)] == [
        m.span() for m in _CUE_RE.finditer(sentence)
    ]
    assert [m.span() for m in POSSIBLE.finditer(sentence)] == [
        m.span() for m in POSSIBLE_RE.finditer(sentence)
    ]


def test_cue_labels_name_the_patterns_that_can_match():
    assert cues_in("Officials said 12 soldiers were killed and the toll could rise.") >= {
        "speech",
        "status",
        "possible",
    }
    assert cues_in("Twelve boats.") == frozenset()


def test_sources_reads_the_speaker_of_each_cue():
    sentence = "Twelve boats sank, harbour officials said, according to local radio."
    found = sources(sentence, cues_in(sentence))
    assert sorted(who for _, who in found) == ["harbour officials", "local radio"]
