"""The tone model's English words live in data/languages/en/tone.toml: the shipped file loads, the
features read it, and a malformed file is an error naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.stance import model_features
from analysis.stance.tone_words import TONE_FILE, parse_tone_words, tone_words
from analysis.world.toml_files import LexiconError

GOOD = """\
speech = ["said", "says"]
negations = ["not", "n't"]
hedges = ["allegedly"]
pronouns = ["he", "she"]
conflict_stems = ["attack", "shell"]
cooperation_stems = ["support", "aid"]
"""


def test_the_shipped_file_loads_and_the_features_read_it():
    words = tone_words()
    assert {"said", "according"} & words.speech == {"said"}
    assert "n't" in words.negations and "allegedly" in words.hedges and "they" in words.pronouns
    assert words.conflict_stems[:2] == ("attack", "assault")
    assert model_features._SPEECH is words.speech and model_features._NEGATION is words.negations
    assert model_features._action("shelled") == "conflict"
    assert model_features._action("praised") == "cooperation"
    assert model_features._action("parliament") == ""


def test_no_word_list_is_left_in_the_feature_code():
    source = model_features.__file__
    text = Path(source).read_text(encoding="utf-8")
    for word in ("allegedly", "tweeted", "slaughter", "congratul"):
        assert word not in text, f"{word!r} is in {source}: word lists belong in {TONE_FILE.name}"


def test_a_good_text_parses():
    words = parse_tone_words(GOOD, name="tone.toml")
    assert words.speech == {"said", "says"} and words.cooperation_stems == ("support", "aid")


@pytest.mark.parametrize(
    "change, problem, line",
    [
        (('hedges = ["allegedly"]', 'hedges = ["Allegedly"]'), "lower-case", 3),
        (('pronouns = ["he", "she"]', 'pronouns = ["he", "he"]'), "listed twice", 4),
        (('speech = ["said", "says"]', 'speech = ["said", "told reporters"]'), "one token", 1),
        (('conflict_stems = ["attack", "shell"]', 'conflict_stems = ["a"]'), "too short", 5),
        (('negations = ["not", "n\'t"]', "negations = []"), "non-empty list", 2),
        (
            ('hedges = ["allegedly"]', 'hedges = ["allegedly"]\nboosters = ["very"]'),
            "unknown key",
            4,
        ),
        (('hedges = ["allegedly"]', 'hedges = ["allegedly"'), "TOML syntax error", None),
    ],
)
def test_a_bad_file_names_the_file_and_line(change, problem, line):
    text = GOOD.replace(*change)
    with pytest.raises(LexiconError, match=problem) as raised:
        parse_tone_words(text, name="data/languages/en/tone.toml")
    assert raised.value.name == "data/languages/en/tone.toml"
    if line is not None:
        assert raised.value.line == line
    else:
        assert raised.value.line is not None


def test_a_missing_key_is_named():
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith("hedges"))
    with pytest.raises(LexiconError, match="hedges must be a non-empty list"):
        parse_tone_words(text, name="tone.toml")
