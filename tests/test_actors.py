"""Actors file: shipped lexicon, validation messages, matching and affiliation from titles."""

from __future__ import annotations

import pytest

from analysis.actors import load_actors, parse_actors
from analysis.lexicon import LexiconError

ACTORS = load_actors()


def test_shipped_actors_cover_the_camps_of_the_story():
    camps = {a.name: a.camp for a in ACTORS.actors}
    assert camps["Russia"] == camps["North Korea"] == "Russia/DPRK"
    assert camps["Ukraine"] == "Ukraine"
    assert camps["NATO"] == camps["United Kingdom"] == camps["United States"] == "West"
    assert ACTORS.core_claim is not None and ACTORS.core_claim.subject == "North Korea"


def test_mentions_are_whole_words_and_case_sensitive():
    text = "The Kremlin said Russian troops and Nato met the West in western Russia's Kursk region."
    found = [(m.actor, m.matched) for m in ACTORS.mentions(text)]
    assert found == [
        ("Russia", "Kremlin"),
        ("Russia", "Russian"),
        ("NATO", "Nato"),
        ("the West", "the West"),
        ("Russia", "Russia"),
    ]
    assert ACTORS.mentions("Prussian usage, russian words") == []


@pytest.mark.parametrize(
    "name, title, actor",
    [
        ("Andrii Sybiha", "Ukrainian Foreign Minister", "Ukraine"),
        ("Mark Rutte", "", "NATO"),
        ("Oleksiy Reznikov", "Ukrainian Defence Minister", "Ukraine"),
        ("", "North Korean representative to the UN", "North Korea"),
        ("Jane Doe", "Nato Secretary-General", "NATO"),
        ("Sergei Lavrov", "", "Russia"),
    ],
)
def test_affiliation_from_list_or_title(name, title, actor):
    assert ACTORS.affiliation(name, title).name == actor


def test_full_name_of_a_listed_official_from_the_surname():
    assert ACTORS.person("Starmer")[0] == "Keir Starmer"
    assert ACTORS.person("Nobody") is None


@pytest.mark.parametrize(
    "text, problem",
    [
        ('[actors."X"]\naliases = ["X"]\n', "needs a camp"),
        ('[actors."X"]\ncamp = "A"\naliases = "X"\n', "list of non-empty strings"),
        ('[actors."X"]\ncamp = "A"\ncolour = "red"\n', "unknown keys"),
        (
            '[actors."X"]\ncamp = "A"\naliases = ["Y"]\n[actors."Z"]\ncamp = "B"\naliases = ["Y"]\n',
            "listed for",
        ),
        (
            '[actors."X"]\ncamp = "A"\n[core_claim]\nsubject = "Q"\nhost = "X"\n',
            "must name an actor",
        ),
        ('[actors."X"\ncamp = "A"\n', "TOML syntax error"),
        ("title = 'nothing'\n", "no [actors"),
    ],
)
def test_bad_actor_files_name_the_problem(text, problem):
    with pytest.raises(LexiconError, match="editor") as error:
        parse_actors(text)
    assert problem in str(error.value)


def test_error_names_the_line():
    with pytest.raises(LexiconError) as error:
        parse_actors('[actors."A"]\ncamp = "West"\n\n[actors."B"]\naliases = ["B"]\n')
    assert error.value.line == 4


def test_missing_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_actors(tmp_path / "nope.toml")
