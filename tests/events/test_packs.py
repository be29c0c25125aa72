"""The events.toml loader and validator: every mistake names the file and the line."""

from __future__ import annotations

import pytest

from analysis.events.packs import QUADS, event_pack, parse_event_pack
from analysis.world import languages
from analysis.world.toml_files import LexiconError

GOOD = """
[ASSAULT]
verbs = ["attack+", "struck"]
nouns = ["strike+"]
with_objects = ["launch+"]
objects = ["missile+"]

[grammar]
order = "SVO"
agent = ["by"]
"""


def test_the_english_pack_loads_and_finds_its_words() -> None:
    pack = event_pack("en")
    assert pack is not None and pack.order == "SVO"
    text = "Israel struck Iran; talks in Doha; Hezbollah launched 40 rockets; the launch of a book."
    found = [(text[t.start : t.end], t.event) for t in pack.find(text)]
    assert found == [("struck", "ASSAULT"), ("talks", "CONSULT"), ("launched", "ASSAULT")]


def test_a_noun_is_never_read_from_a_verb_ending() -> None:
    pack = parse_event_pack(GOOD, name="x.toml", language="en")
    kinds = {
        "attacked": (True, False),
        "attacks": (True, False),
        "strikes": (False, True),
    }
    for word, (verb, noun) in kinds.items():
        [trigger] = pack.find(word)
        assert (trigger.is_verb, trigger.is_noun) == (verb, noun), word


@pytest.mark.parametrize("language", languages.available())
def test_every_shipped_pack_has_an_events_file_that_loads(language: str) -> None:
    assert languages.pack_file(language, "events.toml") is not None, language
    pack = event_pack(language)
    assert pack is not None and pack.language == language


def test_a_language_without_a_file_gets_no_events() -> None:
    assert event_pack("xx") is None


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("[ATTACK]\nverbs = ['hit']\n", "unknown event type 'ATTACK'", 1),
        ("[ASSAULT]\nverbs = ['hit']\nwords = ['x']\n", "may hold only", 1),
        ("[ASSAULT]\nverbs = 'hit'\n", "must be a list of strings", 1),
        ("[ASSAULT]\nverbs = ['hit']\n[grammar]\norder = 'OSV'\n", "grammar.order", 4),
        ("[ASSAULT]\nverbs = ['hit']\n[grammar]\nsubject = ['x']\n", "grammar.subject", 4),
        ("[ASSAULT]\nverbs = ['hit']\n[AID]\nnouns = ['hit']\n", "also a word of ASSAULT", 2),
        ("[ASSAULT]\nverbs = ['a*b']\n", "'*' may only end", 2),
        ("[ASSAULT]\nwith_objects = ['fire+']\n", "go together", 1),
        ("[grammar]\norder = 'SVO'\n", "no event words", None),
        ("[ASSAULT\nverbs = []\n", "TOML", 1),
    ],
)
def test_malformed_files_are_refused_with_the_line(text: str, problem: str, line) -> None:
    with pytest.raises(LexiconError) as error:
        parse_event_pack(text, name="data/languages/xx/events.toml", language="xx")
    assert problem in str(error.value)
    assert error.value.line == line
    assert "data/languages/xx/events.toml" in str(error.value)


def test_every_plover_event_type_has_english_words() -> None:
    pack = event_pack("en")
    words = {
        "AGREE": "agreed",
        "CONSULT": "met",
        "SUPPORT": "backed",
        "CONCEDE": "apologised",
        "COOPERATE": "cooperated",
        "AID": "donated",
        "RETREAT": "withdrew",
        "REQUEST": "urged",
        "ACCUSE": "accused",
        "REJECT": "rejected",
        "THREATEN": "threatened",
        "PROTEST": "protested",
        "SANCTION": "sanctioned",
        "MOBILIZE": "deployed",
        "COERCE": "arrested",
        "ASSAULT": "shelled",
    }
    assert set(words) == set(QUADS)
    for event, word in words.items():
        assert [t.event for t in pack.find(word)] == [event], word
