"""The lexicon reader and validator: the shipped file, the term grammar, and malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.escalation.lexicon import SHIPPED_LEXICON, load_lexicon, parse_lexicon
from analysis.escalation.terms import term_forms
from analysis.world.toml_files import LexiconError, read_toml

VALID = """\
[military]
terms = ["escalat*", "strike"]

[diplomacy]
counter = true
terms = ["peace", { term = "just peace", weight = 2 }]
"""


def error_for(text: str) -> LexiconError:
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(text, name="my.toml")
    return caught.value


def test_shipped_lexicon_has_the_categories_of_the_issue():
    lexicon = load_lexicon()
    assert lexicon.name == str(SHIPPED_LEXICON)
    assert lexicon.labels == [
        "Military escalation",
        "Nuclear",
        "Threat and security",
        "Desperation and weakness",
        "Illegality and violation",
        "Hostility and aggression",
        "De-escalation and diplomacy",
    ]
    assert [c.label for c in lexicon.categories if c.counter] == ["De-escalation and diplomacy"]
    assert all(len(category.terms) >= 30 for category in lexicon.categories)
    entries = {term.entry for term in lexicon.terms}
    for needed in ("nuclear doctrine+", "ballistic-missile+", "illegal war+", "war of aggression"):
        assert needed in entries


def test_shipped_lexicon_cites_its_sources():
    text = SHIPPED_LEXICON.read_text(encoding="utf-8")
    for source in ("CAMEO", "Securitization", "peace journalism", "Definition of Aggression"):
        assert source.lower() in text.lower()


def test_valid_lexicon_parses_with_weights_and_counter_category():
    lexicon = parse_lexicon(VALID)
    assert lexicon.labels == ["military", "diplomacy"]
    weights = {term.entry: term.weight for term in lexicon.terms}
    assert weights == {"escalat*": 1.0, "strike": 1.0, "peace": 1.0, "just peace": 2.0}
    assert lexicon.categories[1].counter


def test_term_grammar_inflections_wildcards_hyphens_and_spellings():
    assert term_forms("escalat*") == (("escalat",), True)
    assert {"threat", "threats"} <= set(term_forms("threat+")[0])
    assert {"threatens", "threatened", "threatening"} <= set(term_forms("threaten+")[0])
    assert {"hostility", "hostilities"} <= set(term_forms("hostility+")[0])
    assert {"escalate", "escalates", "escalated", "escalating"} <= set(term_forms("escalate+")[0])
    assert {"ceasefire", "cease fire", "cease-fire", "ceasefires"} <= set(
        term_forms("cease-fire+")[0]
    )
    assert {"destabilise", "destabilize", "destabilizing"} <= set(term_forms("destabilise+")[0])
    assert term_forms("mobilis*") == (("mobilis", "mobiliz"), True)
    assert term_forms("Nuclear  Strike") == (("nuclear strike",), False)


def test_read_toml_reads_a_path_or_a_text(tmp_path: Path):
    path = tmp_path / "actors.toml"
    path.write_text('[nato]\naliases = ["NATO"]\n', encoding="utf-8")
    assert read_toml(path) == {"nato": {"aliases": ["NATO"]}}
    assert read_toml(str(path)) == {"nato": {"aliases": ["NATO"]}}
    assert read_toml('a = "b"') == {"a": "b"}


def test_read_toml_syntax_error_names_file_and_line(tmp_path: Path):
    path = tmp_path / "broken.toml"
    path.write_text('[nato]\naliases = ["NATO"\nx = 1\n', encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_toml(path)
    assert str(path) in str(caught.value)
    assert caught.value.line == 3
    assert "line 3" in str(caught.value)


def test_missing_and_undecodable_files(tmp_path: Path):
    with pytest.raises(LexiconError, match="file not found"):
        load_lexicon(tmp_path / "nope.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'[a]\nterms = ["ok"]\n# caf\xe9\n')
    with pytest.raises(LexiconError, match="line 3: not UTF-8"):
        load_lexicon(latin)


def test_load_lexicon_from_a_user_file(tmp_path: Path):
    path = tmp_path / "mine.toml"
    path.write_text(VALID, encoding="utf-8")
    assert load_lexicon(path).labels == ["military", "diplomacy"]
    assert load_lexicon(str(path)).name == str(path)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('[military]\nterms = ["escalat*",\n', 3, "TOML syntax error"),
        ("", None, "no categories"),
        ("[military]\nterms = []\n", 1, "non-empty list"),
        ('[military]\nlabel = "M"\n', 1, "non-empty list"),
        ('[military]\nterms = [\n  "strike",\n  42,\n]\n', 4, "non-empty string, got '42'"),
        ('[military]\nterms = [\n  "strike",\n  "  ",\n]\n', 4, "non-empty string"),
        ('[m]\nterms = [\n  "strike",\n  { term = "war", weight = -1 },\n]\n', 4, "positive"),
        ('[m]\nterms = [\n  { term = "war", weight = "high" },\n]\n', 3, "positive number"),
        ('[m]\nterms = [\n  { term = "war", weight = true },\n]\n', 3, "positive number"),
        ('[m]\nweight = 0\nterms = ["war"]\n', 2, "positive number"),
        ('[m]\nterms = ["war"]\ncolour = "red"\n', 3, "unknown key 'colour'"),
        ('[m]\nterms = [\n  { term = "war", wieght = 2 },\n]\n', 3, "unknown key 'wieght'"),
        (
            '[a]\nterms = ["war", "strike"]\n[b]\nterms = [\n  "peace",\n  "Strike",\n]\n',
            6,
            "duplicates 'strike'",
        ),
        (
            '[a]\nterms = ["war"]\n[b]\nterms = [\n  "escalat*",\n]\n[c]\nterms = ["escalation"]\n',
            8,
            "already matched by the wildcard 'escalat*'",
        ),
        ('[a]\nterms = [\n  "war",\n  "war",\n]\n', 4, "listed twice"),
        ('[a]\nterms = [\n  "esc*lation",\n]\n', 3, "'*' may only end"),
        ('[a]\nterms = [\n  "es*",\n]\n', 3, "shorter than 3"),
        ('[a]\nterms = [\n  "+",\n]\n', 3, "'+' may only end a word"),
        ('[a]\nterms = [\n  "!!",\n]\n', 3, "no letters"),
        ('terms = ["war"]\n', None, "must be a [table]"),
        (
            '[a]\nlabel = "X"\nterms = ["war"]\n[b]\nlabel = "x"\nterms = ["peace"]\n',
            2,
            "used twice",
        ),
    ],
)
def test_malformed_lexicons_name_file_line_and_problem(text, line, problem):
    error = error_for(text)
    assert error.name == "my.toml"
    assert problem in str(error)
    assert error.line == line
    if line is not None:
        assert f"my.toml, line {line}:" in str(error)
