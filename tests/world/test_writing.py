"""How a language writes its text (text.toml): abbreviations, word boundaries, folded characters,
the language's own lower case, marks matching drops (offsets kept) and prefixes written onto a
word, validated with the file and line of a mistake."""

from __future__ import annotations

import pytest

from analysis.world.toml_files import LexiconError, parse_toml
from analysis.world.writing import fold_back, parse_writing, writing


def _parse(text: str):
    return parse_writing(
        parse_toml(text, name="xx/text.toml"), text, name="xx/text.toml", language="xx"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('abbreviations = ["dr", ""]\n', "abbreviations must be a list"),
        ('abbreviations = "dr"\n', "abbreviations must be a list"),
        ("sentence_starters = [3]\n", "sentence_starters must be a list"),
        ("x = []\n", "unknown key 'x'"),
        ('word_boundaries = "no"\n', "word_boundaries must be true or false"),
        ("hyphen_compounds = 1\n", "hyphen_compounds must be true or false"),
        ('abbreviations = []\n\n[fold]\n"國" = "国"\n"戰爭" = "战争"\n', "line 5"),
        ('[lowercase]\n"I" = 3\n', "one character"),
        ('prefixes = ["و", ""]\n', "prefixes must be a list"),
        ('ignore = ["ab"]\n', "ignore must be a list of single characters"),
        ('characters_per_word = "two"\n', "characters_per_word must be a positive number"),
        ("characters_per_word = -1.5\n", "characters_per_word must be a positive number"),
    ],
)
def test_a_malformed_text_pack_is_an_error_naming_its_file_and_line(text, problem):
    with pytest.raises(LexiconError, match="xx/text.toml") as error:
        _parse(text)
    assert problem in str(error.value)


def test_each_pack_says_how_its_language_is_written():
    assert writing("zh").word_boundaries is False
    assert writing("ko").word_boundaries and writing("fr").word_boundaries
    assert writing("zh").folded("台灣國防部") == "台湾国防部"  # traditional -> simplified
    # every character OpenCC pairs, not only the pack's own words (tools/make_zh_fold.py)
    assert (
        writing("zh").folded("瓦格納集團的裝甲車在經濟計劃中") == "瓦格纳集团的装甲车在经济计划中"
    )
    assert writing("tr").lower("İSRAİL IRAK") == "israil ırak"  # not 'i̇srai̇l', 'irak'
    assert len(writing("tr").lower("İİİ")) == 3  # offsets stay those of the text
    assert "bzw" in writing("de").words["abbreviations"]
    assert writing("xx").word_boundaries and not writing("xx").words["abbreviations"]


def test_a_script_without_spaces_counts_its_words_from_its_letters():
    from analysis.ingest.article import article_from_text

    text = "标题。\n\n以色列战机空袭了黎巴嫩南部的真主党阵地。中国在台湾周边部署了多艘军舰。\n"
    article = article_from_text(text)
    assert article.language == "zh"
    letters = len("标题以色列战机空袭了黎巴嫩南部的真主党阵地中国在台湾周边部署了多艘军舰")
    assert article.words == round(letters / writing("zh").characters_per_word) == 22
    assert writing("en").characters_per_word == 0.0  # spaced scripts count words as written


def test_arabic_letters_fold_and_offsets_point_into_the_raw_text():
    raw = "قُتِلَ أكثر من ١٠ في إِسرائيل"
    read, kept = writing("ar").matching(raw)
    assert read == "قتل اكثر من ١٠ في اسراييل"
    at = read.index("اكثر")
    start, end = fold_back(kept, at, at + 4)
    assert raw[start:end] == "أكثر"
    assert fold_back(kept, 0, 3) == (0, 6)  # the diacritics on the word's letters come along


def test_a_prefix_is_a_listed_run_of_letters_at_the_start_of_the_word():
    arabic, hebrew = writing("ar"), writing("he")
    assert arabic.prefixed("والحرب", 3) and arabic.prefixed("للقانون", 2)
    assert not arabic.prefixed("قالحرب", 3)  # 'قال' is no prefix
    assert not arabic.prefixed(" حرب", 1)  # nothing written onto the word
    assert arabic.bare("والحرب") == "حرب" and arabic.bare("حرب") == "حرب"
    assert hebrew.bare("לישראל") == "ישראל" and hebrew.bare("מהסלמה") == "סלמה"
    assert writing("fr").prefixes == frozenset() and not writing("fr").folds


def test_persian_zero_width_non_joiner_is_dropped_in_matching():
    read, kept = writing("fa").matching("آتش\u200cبس")
    assert read == "اتشبس" and fold_back(kept, 0, 5) == (0, 6)
