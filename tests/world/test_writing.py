"""How a language writes its text (text.toml): abbreviations, word boundaries, folded characters
and the language's own lower case, validated with the file and line of a mistake."""

from __future__ import annotations

import pytest

from analysis.world.toml_files import LexiconError, parse_toml
from analysis.world.writing import parse_writing, writing


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
        ('abbreviations = []\n\n[fold]\n"國" = "国"\n"戰爭" = "战争"\n', "line 5"),
        ('[lowercase]\n"I" = 3\n', "one character"),
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
    assert writing("tr").lower("İSRAİL IRAK") == "israil ırak"  # not 'i̇srai̇l', 'irak'
    assert len(writing("tr").lower("İİİ")) == 3  # offsets stay those of the text
    assert "bzw" in writing("de").words["abbreviations"]
    assert writing("xx").word_boundaries and not writing("xx").words["abbreviations"]
