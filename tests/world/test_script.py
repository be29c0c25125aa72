"""How a script's words are matched (analysis/world/script.py): text.toml's prefixes and letters,
folding with offsets kept into the raw text, and the file's validation."""

from __future__ import annotations

import pytest

from analysis.world.script import fold_back, parse_script, script
from analysis.world.toml_files import LexiconError


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('abbreviations = ["dr", ""]', "abbreviations must be"),
        ('abbreviations = "dr"', "abbreviations must be"),
        ("sentence_starters = [3]", "sentence_starters must be"),
        ("x = []", "unknown key 'x'"),
        ('prefixes = ["و"]\n[letters]\nsame = { "أ" = "اا" }', "line 3"),
        ('[letters]\nignore = ["ab"]', "ignore must be"),
    ],
)
def test_a_malformed_text_pack_is_an_error_naming_its_file(text, problem):
    with pytest.raises(LexiconError, match="xx/text.toml") as error:
        parse_script(text, name="data/languages/xx/text.toml")
    assert problem in str(error.value)


def test_arabic_letters_fold_and_offsets_point_into_the_raw_text():
    arabic = script("ar")
    raw = "قُتِلَ أكثر من ١٠ في إِسرائيل"
    folded, kept = arabic.fold(raw)
    assert folded == "قتل اكثر من ١٠ في اسراييل"
    at = folded.index("اكثر")
    start, end = fold_back(kept, at, at + 4)
    assert raw[start:end] == "أكثر"
    assert fold_back(kept, 0, 3) == (0, 6)  # the diacritics inside the word come along


def test_a_prefix_is_a_listed_run_of_letters_at_the_start_of_the_word():
    arabic, hebrew = script("ar"), script("he")
    assert arabic.prefixed("والحرب", 3) and arabic.prefixed("للقانون", 2)
    assert not arabic.prefixed("قالحرب", 3)  # 'قال' is no prefix
    assert not arabic.prefixed(" حرب", 1)  # nothing written onto the word
    assert arabic.bare("والحرب") == "حرب" and arabic.bare("حرب") == "حرب"
    assert hebrew.bare("לישראל") == "ישראל" and hebrew.bare("מהסלמה") == "סלמה"
    assert script("fr").prefixes == frozenset() and not script("fr").folds


def test_persian_zero_width_non_joiner_is_dropped_in_matching():
    folded, kept = script("fa").fold("آتش\u200cبس")
    assert folded == "اتشبس" and fold_back(kept, 0, 5) == (0, 6)
