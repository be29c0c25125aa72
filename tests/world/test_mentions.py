"""Each sentence's actor mentions as the stages read them: a speaker's surname that is an alias
stands for the speaker, a body's alias after a person's title for the person."""

from __future__ import annotations

from types import SimpleNamespace

from analysis.voices.packs import titled_at
from analysis.world.mentions import SentenceMentions
from analysis.world.story import load_actors

WORLD = load_actors()


def test_an_alias_ending_a_speakers_name_is_that_person_and_their_side():
    text = "Congo's foreign minister Therese Kayikwamba Wagner accused Rwanda."
    sentence = SimpleNamespace(char_start=0, text=text)
    speakers = [("Therese Kayikwamba Wagner", "Democratic Republic of the Congo")]
    found = [(m.actor, m.matched) for m in SentenceMentions(WORLD, speakers).of(sentence)]
    assert found == [
        ("Democratic Republic of the Congo", "Congo"),
        ("Democratic Republic of the Congo", "Therese Kayikwamba Wagner"),
        ("Rwanda", "Rwanda"),
    ]
    unknown = SentenceMentions(WORLD, [("Therese Kayikwamba Wagner", "")]).of(sentence)
    assert [m.actor for m in unknown] == ["Democratic Republic of the Congo", "Rwanda"]
    alone = SentenceMentions(WORLD).of(sentence)
    assert "Wagner Group" in [m.actor for m in alone]  # without the speaker, the alias as it is


def test_a_body_after_a_persons_title_is_the_person_a_country_stays_a_country():
    text = "Foreign Minister Anna Wagner met Prime Minister Israel Katz and the Houthis."
    sentence = SimpleNamespace(char_start=0, text=text)
    titled = SentenceMentions(WORLD, titled=titled_at("en")).of(sentence)
    assert [m.actor for m in titled] == ["Israel", "Houthis"]  # not the Wagner Group
    assert "Wagner Group" in [m.actor for m in SentenceMentions(WORLD).of(sentence)]
