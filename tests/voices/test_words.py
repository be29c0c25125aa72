"""The English speaker words: data/languages/en/speakers.toml read and validated."""

from __future__ import annotations

import pytest

from analysis.voices.words import SPEAKERS_FILE, parse_speaker_words, speaker_words, words_re
from analysis.world.toml_files import LexiconError


def test_shipped_words_load_and_longer_cues_win():
    words = speaker_words()
    assert {"said", "urged", "called for", "conveyed"} <= words.cues
    assert words.reported_any_form <= words.reported <= words.cues
    assert words_re(words.cues).search("Guterres called for restraint").group(0) == "called for"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('reported = ["say"', 'reported = ["shouted"'), "not among the cues"),
        (("cues = [", "verbs = [1]\ncues = ["), "unknown key"),
        (('"said", "says"', '"Said", "says"'), "lower-case"),
    ],
)
def test_a_mistake_names_the_file_and_the_line(change, problem):
    text = SPEAKERS_FILE.read_text(encoding="utf-8").replace(*change, 1)
    with pytest.raises(LexiconError, match=problem) as error:
        parse_speaker_words(text, name="speakers.toml")
    assert "speakers.toml" in str(error.value)
