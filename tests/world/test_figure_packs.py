"""Figure language packs: the shipped files validate, malformed ones name the file and the line."""

from __future__ import annotations

import pytest

from analysis.world import figure_packs, languages
from analysis.world.toml_files import LexiconError


@pytest.mark.parametrize("code", languages.available())
@pytest.mark.parametrize("file", sorted(figure_packs.SPEC))
def test_every_shipped_pack_file_validates(code, file):
    pack = figure_packs.load(code, file)
    assert pack is None or pack.language == code


def test_english_word_lists_are_read_from_the_pack():
    numbers = figure_packs.english("numbers.toml")
    assert numbers.values("words", "cardinals")["twelve"] == 12
    assert "as many as" in numbers.list("hedges", "phrases")
    assert "march" in numbers.words("dates", "months")
    figures = figure_packs.english("figures.toml")
    assert "soldier" in figures.words("nouns", "troops")
    assert "shot down" in figures.list("status", "destroyed")


@pytest.mark.parametrize("code", ["en", "fr", "de", "es", "ru", "uk", "ko"])
def test_every_shipped_pack_lists_places_strikes_and_models(code):
    figures = figure_packs.load(code, "figures.toml")
    for key in ("places", "strikes", "models", "aircraft"):
        assert figures.list("nouns", key), f"{code}: [nouns] {key}"


def test_the_new_noun_keys_are_words_and_checked():
    pack = figure_packs.parse('[nouns]\nplaces = "site town"\n', "figures.toml")
    assert pack.words("nouns", "places") == {"site", "town"}
    with pytest.raises(LexiconError) as error:
        figure_packs.parse("[nouns]\nstrikes = 3\n", "figures.toml", name="xx/figures.toml")
    assert error.value.line == 2 and "[nouns] strikes" in str(error.value)


def test_a_language_without_a_pack_has_no_rules():
    assert figure_packs.load("xx", "numbers.toml") is None


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('[words]\ncardinals = { one = "1" }\n', 2, "table of word = number"),
        ("[words]\nanchors = 5\n", 2, "string of words or an array"),
        ('[hedges]\nphrases = "about"\n', 2, "an array of strings"),
        ('[hedges]\nphrases = ["about", ""]\n', 2, "no empty entries"),
        ("[weather]\nrain = 'x'\n", 1, "unknown section [weather]"),
        ("[units]\n\nmeasure = 'km'\n", 3, "unknown key 'measure' in [units]"),
        ("[units\n", 1, "TOML syntax error"),
    ],
)
def test_malformed_pack_names_file_line_and_problem(text, line, problem):
    with pytest.raises(LexiconError) as error:
        figure_packs.parse(text, "numbers.toml", name="fr/numbers.toml")
    assert error.value.line == line and problem in str(error.value)
    assert str(error.value).startswith(f"fr/numbers.toml, line {line}")
