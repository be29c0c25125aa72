"""Every speaker in English: the forms of issue 20, on sentences written for these tests about
stories other than the shipped one (read with the world gazetteer, no story file)."""

from __future__ import annotations

import pytest

from analysis.ingest.article import article_from_text
from analysis.voices.quotes import find_quotes
from analysis.world.actors import world


def speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, affiliation) of every quote with a speaker, in order."""
    quotes = find_quotes(article_from_text(text), world())
    return [(q.speaker, q.affiliation) for q in quotes if q.speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a role phrase before the name, set off by commas
            "France's foreign minister, Catherine Colonna, wrote on X that Paris condemned the "
            "attempt to seize power.",
            ("Catherine Colonna", "France"),
        ),
        (  # urged + object + infinitive
            "The Chinese foreign ministry urged both sides to exercise restraint.",
            ("Chinese foreign ministry", "China"),
        ),
        (  # a time phrase between the verb and its clause
            "The Houthis said on Thursday they had fired two missiles at a tanker.",
            ("Houthis", "Houthis"),
        ),
        (  # '…, saying <clause>' after a verb that takes an object
            "The Thai army denied the accusation, saying its troops had only returned fire.",
            ("Thai army", "Thailand"),
        ),
        (  # a hyphenated title is no part of the name
            "Vice-President Bharrat Jagdeo told reporters that the court had spoken.",
            ("Bharrat Jagdeo", ""),
        ),
    ],
)
def test_speech_forms_give_the_speaker_and_side(text, expected):
    assert expected in speakers(text)


def test_two_people_in_one_statement_are_two_speakers():
    found = speakers(
        "Philippine Defence Secretary Gilberto Teodoro and his Japanese counterpart, Minoru "
        "Kihara, said in a joint statement that they opposed any change of the status quo."
    )
    assert found == [("Gilberto Teodoro", "Philippines"), ("Minoru Kihara", "Japan")]
    found = speakers(
        "Egypt's intelligence chief, Hassan Rashad, and Qatari Prime Minister Mohammed bin "
        "Abdulrahman Al Thani said in a joint statement that mediators would keep working."
    )
    assert found == [("Hassan Rashad", "Egypt"), ("Mohammed bin Abdulrahman Al Thani", "Qatar")]


def test_one_body_with_and_in_its_name_stays_one_speaker():
    found = speakers(
        "The African Union's Peace and Security Council said the soldiers must return to barracks."
    )
    assert len(found) == 1 and found[0][1] == "African Union"


def test_with_saying_and_while_give_a_second_speaker():
    found = speakers(
        "Brazil's defence ministry said it had reinforced the border, with President Luiz Inacio "
        "Lula da Silva saying South America did not need a war."
    )
    assert found == [
        ("Brazil's defence ministry", "Brazil"),
        ("Luiz Inácio Lula da Silva", "Brazil"),
    ]
    found = speakers(
        "Pakistani Prime Minister Shehbaz Sharif vowed to avenge the dead, while Information "
        "Minister Attaullah Tarar announced that five aircraft had been shot down."
    )
    assert [name for name, _ in found] == ["Shehbaz Sharif", "Attaullah Tarar"]


def test_side_from_the_article_his_spokesman_and_the_ministry():
    found = speakers(
        "UN Secretary-General Antonio Guterres called for “maximum restraint”, his spokesman "
        "Stephane Dujarric said.\n\nCambodia's Ministry of National Defence said Thai forces had shelled "
        "the temple. Maly Socheata, spokeswoman for the ministry, said heavy weapons were used."
    )
    assert ("Stephane Dujarric", "United Nations") in found
    assert ("Maly Socheata", "Cambodia") in found


def test_a_spokesman_with_no_side_stays_unknown():
    assert speakers("A spokesman for the ministry said the talks would resume.") == [
        ("spokesman for the ministry", "")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan was defending its territory, the army's media wing said, describing the raids "
        "as “intelligence-based”.",
        "Pakistani news channels reported that the jets had returned safely.",
        "Operation Sindoor said nothing about the raids, and the strikes continued.",
        "Jay Tarriela, the coast guard's spokesman for the West Philippine Sea, posted on X that "
        "the ships had blocked the boat.",
    ],
)
def test_clauses_operations_and_media_are_no_speakers(text):
    names = [name for name, _ in speakers(text)]
    assert not any(
        word in name for name in names for word in ("Pakistan was", "channels", "Operation", "Sea")
    ), names
