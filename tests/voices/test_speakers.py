"""Every speaker in English: the forms of issue 20, on sentences written for these tests about
stories other than the shipped one (read with the world gazetteer, no story file)."""

from __future__ import annotations

import pytest

from analysis.ingest.article import article_from_text
from analysis.voices.attribution import quotes_of
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
        (  # a portfolio after 'for' with 'and' in it is the role, not a second speaker
            "ECOWAS's commissioner for political affairs and security, Halima Danfulani, said "
            "the mediators would return to Niamey next week.",
            ("Halima Danfulani", "ECOWAS"),
        ),
        (  # a researcher's country is where they work, not a side; the ICG is their workplace
            "Nkemka Eze, a Nigerian researcher at the International Crisis Group, said the "
            "lockdown showed the separatists were still strong.",
            ("Nkemka Eze", ""),
        ),
        (  # 'hit back' and 'rejected' + a noun report what was said
            "Rwanda's foreign minister, Olivier Nkusi, hit back at the accusations in a post on X.",
            ("Olivier Nkusi", "Rwanda"),
        ),
        (
            "Nigeria's minister of information, Adamu Bello, rejected the charge.",
            ("Adamu Bello", "Nigeria"),
        ),
        (  # a live blog's time before the role and name
            "09:20 Fiji's foreign minister, Sitiveni Rabuka Jr, said aid was on hold \"while we "
            'seek clarity".',
            ("Sitiveni Rabuka Jr", "Fiji"),
        ),
        (  # 'government' with no country, right after a country spoke, is that country's
            "GOMA, Nov 20 (Wire) - Congo accused Rwanda of sending troops. Rwanda denied the "
            'charge. "We defend our border," government spokeswoman Claudine Uwase said.',
            ("Claudine Uwase", "Rwanda"),
        ),
        (  # a civil role ending in 's' ('surgeon') keeps no country
            "Amadou Keita, a Malian surgeon, said the clinic had been hit twice.",
            ("Amadou Keita", ""),
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


def test_a_ministry_after_a_dateline_dash_is_the_home_country():
    found = speakers(
        "Protesters detained in capital\n\nTBILISI, May 2 (Wire) - The interior ministry said 61 "
        "people had been detained overnight."
    )
    assert found == [("interior ministry", "Georgia")]


def test_a_sentence_opening_in_a_place_gives_its_officials_that_country():
    found = speakers(
        "Bloc weighs force\n\nABUJA, Aug 10 (Wire) - In Bamako, junta spokesman Colonel Issa "
        'Kone accused the bloc of plotting "an invasion". In Paris, Armed Forces Minister Claire '
        "Dumont said troops would stay. Foreign Minister Ade Bello said the bloc was united."
    )
    assert ("Issa Kone", "Mali") in found
    assert ("Claire Dumont", "France") in found
    assert ("Ade Bello", "Nigeria") in found


def test_a_role_set_off_after_the_name_gives_the_side():
    found = speakers(
        'Camps overflow\n\n"We are out of tents," said Mira Osei, UNICEF\'s representative in '
        "Chad. Food rations were cut again, according to Tomas Brandt, senior researcher at Amnesty "
        'International. The UN human rights office called for an inquiry. "This cannot go on," '
        "said its spokesman, Idris Lale."
    )
    assert ("Mira Osei", "United Nations") in found
    assert ("Tomas Brandt", "Amnesty International") in found
    assert ("Idris Lale", "United Nations") in found
    assert ("UN human rights office", "United Nations") in found  # a body, not Mira Osei


def test_a_body_described_before_its_acronym_takes_the_side_of_the_description():
    found = speakers(
        "Tanker hit\n\nFrance's naval information centre, MICA, reported that a second blast hit the ship. The "
        "European Union mission in the Gulf, ASPIDES, said it had escorted 12 ships."
    )
    assert found == [("MICA", "France"), ("ASPIDES", "EU")]


def test_saying_after_a_verb_that_is_no_speech_verb_is_the_opening_subjects():
    found = speakers(
        "Talks stall\n\nThe chief negotiator for Kinshasa, Patrick Mwamba, struck a conciliatory "
        "note, saying the ceasefire would hold. Crowds gathered outside parliament, saying the "
        "deal was a betrayal."
    )
    assert found == [("Patrick Mwamba", "Democratic Republic of the Congo")]


def test_reported_words_do_not_begin_with_the_dateline():
    article = article_from_text(
        "Camps overflow\n\nN'DJAMENA, May 2 (Wire) - Rations were cut by half, according to "
        "Mira Osei, UNICEF's representative in Chad."
    )
    quotes = [q for q in quotes_of(article, world()) if q.speaker == "Mira Osei"]
    assert [q.text for q in quotes] == ["Rations were cut by half"]


def test_other_participles_and_a_long_subject_before_the_finite_verb():
    found = speakers(
        "Talks stall\n\nThe army's press office rejected the report, insisting that no village "
        "had been shelled. The International Rescue Committee said admissions of severely "
        "malnourished children at its clinic in the camp had tripled."
    )
    assert [name for name, _ in found] == ["army's press office", "International Rescue Committee"]


def test_a_body_named_in_a_role_is_no_name_and_a_place_opening_is_no_person():
    found = speakers(
        "Boat turned back\n\nGEORGETOWN, Oct 3 (Wire) - Colonel Ryan Persaud, chief of staff of "
        "the Guyana Defence Force, said the vessel had left. In Bartica, fisherman Devon Ram "
        'said boats stayed in port. "We are tired," he said.'
    )
    assert found == [("Ryan Persaud", "Guyana"), ("Devon Ram", ""), ("Devon Ram", "")]


def test_a_first_name_the_article_gives_one_person_is_that_person():
    found = speakers(
        'Army chief warns\n\nField Marshal Birhanu Alemu addressed graduating officers. "We '
        'will not remain landlocked," Birhanu said.'
    )
    assert [name for name, _ in found] == ["Birhanu Alemu"]


def test_more_sides_an_english_sentence_gives():
    found = speakers(
        "Border row deepens\n\nMANILA, May 2 (Wire) - Asked about the clash at a briefing in "
        "Beijing, foreign ministry spokeswoman Lu Hong said Manila should stop its provocations. "
        "The raid was planned with drone support, according to Abdi Warsame, who heads Somalia's "
        "intelligence agency. The president's press secretary, Mariam Osei, told reporters the "
        "talks would go on. Field Marshal Tesfaye Berhe said the army was ready."
    )
    assert ("Lu Hong", "China") in found
    assert ("Abdi Warsame", "Somalia") in found
    assert ("Mariam Osei", "Philippines") in found
    assert ("Tesfaye Berhe", "Philippines") in found  # a state title alone: the dateline's


def test_a_phrase_of_only_a_preposition_between_dashes_does_not_break_the_reader():
    found = speakers(
        "Party split\n\nEven before that, Harlow stated a plain, if awkward, truth, when he admitted "
        "that the party – and he meant the old guard -- fought unduly over issues like tax."
    )
    assert [name for name, _ in found] == ["Harlow"]


def test_roles_with_a_portfolio_an_owner_of_two_words_and_the_army_s_own_spokesman():
    found = speakers(
        "Villagers freed\n\nABUJA, Sept 2 (Wire) - Gabon's minister of mines, Alain Mba, said "
        "the border road was closed. Sri Lanka's fisheries minister, Ravi Perera, said the boats "
        "would be confiscated. The army's spokesman, Colonel Musa Bello, said two gunmen had been "
        "killed. Defence Headquarters said the operation would go on."
    )
    assert ("Alain Mba", "Gabon") in found
    assert ("Ravi Perera", "Sri Lanka") in found
    assert ("Musa Bello", "Nigeria") in found
    assert ("Defence Headquarters", "Nigeria") in found


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


# --- forms added with batch B (sentences written for these tests, not taken from a batch) -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a title alone: the dateline's country
            "Zambia shuts border post\n\nLUSAKA, June 3 (Wire) - Troops gathered near the border "
            "on Tuesday.\n\nDefence Minister Ambrose Lufuma said the army was ready to respond.",
            ("Ambrose Lufuma", "Zambia"),
        ),
        (  # no dateline: the first country of the headline
            "Kenya keeps northern crossing closed after raid\n\nInterior Minister Kipchumba "
            "Murkomen said the crossing would stay shut until the attackers were found.",
            ("Kipchumba Murkomen", "Kenya"),
        ),
        (  # 'Its spokesman': the side of the body just quoted
            "The Indian navy said it had escorted two tankers out of the strait. Its spokesman, "
            "Commander Vivek Madhwal, told reporters that both ships were safe.",
            ("Vivek Madhwal", "India"),
        ),
        (  # another verb with an object before 'and said'
            "Chinese foreign ministry spokeswoman Mao Ning rejected the report and said Beijing "
            "“firmly opposes” the arms sale.",
            ("Mao Ning", "China"),
        ),
        (  # a phrase set off between the speaker and the verb
            "Sudanese army chief Abdel Fattah al-Burhan, in a televised speech, called on the "
            "fighters to lay down their arms.",
            ("Abdel Fattah al-Burhan", "Sudan"),
        ),
        (  # condemned + object: what was said
            "Egypt's foreign minister, Sameh Shoukry, condemned the raid on the refugee camp.",
            ("Sameh Shoukry", "Egypt"),
        ),
        (  # an institution with no country in a datelined story
            "NAIROBI, May 2 (Wire) - Clashes spread in the north. The regional security forces "
            "had been deployed, the army said.",
            ("army", "Kenya"),
        ),
    ],
)
def test_more_speech_forms_give_the_speaker_and_side(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the name first, the role after it
            "Ahmed Attaf, Algeria's foreign minister, told reporters the border would stay open.",
            ("Ahmed Attaf", "Algeria"),
        ),
        (  # a role with 'to …' before the name
            "Bamako's envoy to the talks, Abdoulaye Maiga, insisted the deal was final.",
            ("Abdoulaye Maiga", "Mali"),
        ),
        (  # a name ending in -ed is no verb, and a who-clause sits before the verb
            "Hamed Saleh, who fled the town on foot, said the shelling went on all night.",
            ("Hamed Saleh", ""),
        ),
        (  # a role, the name, then a who-clause
            "Oman's minister of state, Khalifa al-Harthy, who hosted the meeting, called the "
            "deal “a first step”.",
            ("Khalifa al-Harthy", "Oman"),
        ),
        (  # accused / denied report what follows
            "Pierre Kanda, the M23's spokesman, accused the army of shelling Sake.",
            ("Pierre Kanda", "M23"),
        ),
        ("The Houthis denied attacking the tanker.", ("Houthis", "Houthis")),
        (  # two verbs joined by 'and', two people joined by 'and' and a role
            "Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart, Jeyhun "
            "Bayramov, welcomed the draft and said talks would resume in May.",
            ("Jeyhun Bayramov", "Azerbaijan"),
        ),
    ],
)
def test_roles_after_names_clauses_between_and_reporting_verbs(text, expected):
    assert expected in speakers(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a role with plain words in it, headed by a title
            "Chad's refugee affairs commissioner, Hawa Ousmane, said the camps were full.",
            ("Hawa Ousmane", "Chad"),
        ),
        (  # blamed … and said
            "A Hamas spokesman, Basem Naim, blamed Israel for the delay and said talks would go on.",
            ("Basem Naim", "Hamas"),
        ),
        (  # rejected …, saying
            "Ghana's information minister, Fatimatu Abubakar, rejected the report, saying it was "
            "“baseless”.",
            ("Fatimatu Abubakar", "Ghana"),
        ),
    ],
)
def test_roles_with_plain_words_blamed_and_rejected(text, expected):
    assert expected in speakers(text)


def test_a_title_alone_without_dateline_or_headline_country_stays_unknown():
    found = speakers("Talks resume\n\nPrime Minister Hun Manet urged both sides to keep the truce.")
    assert found == [("Hun Manet", "")]


def test_relayed_words_are_the_first_speakers_and_the_report_the_relayers():
    found = speakers(
        "NATO Secretary-General Mark Rutte called for “calm on all sides”, his spokeswoman Farah "
        "Dakhlallah said."
    )
    assert ("Mark Rutte", "NATO") in found
    assert ("Farah Dakhlallah", "NATO") in found


def test_with_saying_speaks_for_the_first_speakers_side_not_the_datelines():
    found = speakers(
        "Sahel talks stall\n\nABUJA, Aug 10 (Wire) - Leaders met for a second day.\n\n"
        "Germany's foreign ministry said it backed the mediation, with Foreign Minister Anke "
        "Roth saying Berlin had no plans to withdraw its staff."
    )
    assert ("Anke Roth", "Germany") in found


@pytest.mark.parametrize(
    "text",
    [
        "Clashes in the north\n\nRadio Kanem said two villages had been emptied.",
        "Clashes in the north\n\nThe Daily Sentinel newspaper said the convoy had turned back.",
    ],
)
def test_a_news_outlet_cited_is_no_speaker(text):
    found = [q.speaker for q in quotes_of(article_from_text(text), world()) if q.speaker]
    assert found == []


def test_state_media_speak_for_their_state():
    text = "Strikes resume\n\nIranian state television said the drones had been shot down."
    found = [(q.speaker, q.affiliation) for q in quotes_of(article_from_text(text), world())]
    assert ("Iranian state television", "Iran") in found


def test_a_body_after_and_is_a_second_speaker():
    text = (
        "Drills resume\n\nJapanese defence officials and a research institute said the drills "
        "would go on."
    )
    found = [q.speaker for q in quotes_of(article_from_text(text), world()) if q.speaker]
    assert found == ["Japanese defence officials", "research institute"]
