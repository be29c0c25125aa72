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


def pack_speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, affiliation) of every quote with a speaker in a pack language."""
    quotes = quotes_of(article_from_text(text), world())
    return [(q.speaker, q.affiliation) for q in quotes if q.speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # de: an adjective of a country the pack's names.toml lacks (countries.toml, CLDR)
            "Gefechte an der Grenze\n\nDas georgische Verteidigungsministerium teilte mit, zwei "
            "Soldaten seien verletzt worden.",
            ("georgische Verteidigungsministerium", "Georgia"),
        ),
        (  # de: a title alone takes the headline's country; 'rief … auf'
            "Serbien schließt Grenzübergänge\n\nRegierungschef Miloš Vučević sagte, die Lage sei "
            "unter Kontrolle. Er rief die Bürger zur Ruhe auf.",
            ("Miloš Vučević", "Serbia"),
        ),
        (  # ru: a country in an inflected form, an urge verb with an object
            "Переговоры в Баку\n\nОфициальный представитель МИД Казахстана Айбек Смадияров "
            "призвал стороны к диалогу.",
            ("Айбек Смадияров", "Kazakhstan"),
        ),
        (  # ru: 'заявил, что … «…»': a comma after the verb
            "Заявление МИД\n\nОфициальный представитель МИД Ирана Эсмаил Багаи заявил, что "
            "Тегеран «не допустит нарушений своих границ».",
            ("Эсмаил Багаи", "Iran"),
        ),
        (  # uk: a neuter verb of a body, a country in the genitive
            "Обстріл на кордоні\n\nМіністерство оборони Молдови повідомило, що двоє військових "
            "отримали поранення.",
            ("Міністерство оборони Молдови", "Moldova"),
        ),
        (  # es: a state title alone and an urge verb
            "Tensión en Bolivia\n\nEl presidente, Luis Arce, pidió a los manifestantes que "
            "levanten los bloqueos.",
            ("Luis Arce", "Bolivia"),
        ),
        (  # ko: a country with a particle-free title after the name; 촉구했다 + object
            "국경 충돌\n\n루벤 루비니얀 아르메니아 외무장관은 양측에 자제를 촉구했다.",
            ("루벤 루비니얀", "Armenia"),
        ),
        (  # he: an urge verb, a title with its country's adjective (a title alone is Israel's:
            # home_country, the press's own country)
            "משבר בגבול ירדן\n\nשר החוץ הירדני איימן ספדי גינה את התקיפה על מחנה הפליטים ליד "
            "הגבול.",
            ("איימן ספדי", "Jordan"),
        ),
        (  # de: a name heading a hyphenated title (text.toml hyphen_compounds)
            "Waffenruhe gebrochen\n\n„Wir halten uns an die Vereinbarung“, sagte Hisbollah-Sprecher "
            "Ali Kassem am Abend.",
            ("Ali Kassem", "Hezbollah"),
        ),
        (  # de: 'kündigte … an', a separable verb, and a compound title on the Kremlin
            "Gasstreit\n\nKremlsprecher Oleg Sorin kündigte für Freitag neue Gespräche mit "
            "Chisinau an.",
            ("Oleg Sorin", "Russia"),
        ),
        (  # fr: a minister with a portfolio ('des Affaires étrangères') is of the home country
            "Le Niger ferme sa frontière\n\nLe ministre des Affaires étrangères, Bakary Yaou "
            "Sangaré, a déclaré que la décision était « souveraine ».",
            ("Bakary Yaou Sangaré", "Niger"),
        ),
        (  # es: a sentence that opens in a place ('En Caracas, …') takes that country
            "Colombia y el ELN\n\nBOGOTÁ, 3 mar (Agencia) - En Caracas, el canciller, Rafael "
            "Mejías, dijo que su país seguirá como garante.",
            ("Rafael Mejías", "Venezuela"),
        ),
        (  # fa: the role after the name, set off by Persian commas, names the country
            "مذاکرات آب هیرمند\n\nفرهاد کریمی، معاون وزیر خارجه ایران، در کابل گفت که گفت‌وگوها "
            "ادامه خواهد یافت.",
            ("فرهاد کریمی", "Iran"),
        ),
        (  # tr: 'ise' after the subject, words before the quoted fragment, the verb last
            "Sınırda gerginlik\n\nIrak Dışişleri Bakanı Fuad Hüseyin ise Bağdat'ta yaptığı "
            'açıklamada saldırıların "kabul edilemez" olduğunu vurguladı.',
            ("Fuad Hüseyin", "Iraq"),
        ),
        (  # he: a role, then the name set off by commas, a phrase between the verb and כי
            "הפגזה בגבול\n\nדובר משרד החוץ הטורקי, אונור קאיה, אמר בשיחה עם כתבים כי אנקרה "
            "תגיב בתקיפות.",
            ("אונור קאיה", "Turkey"),
        ),
        (  # he: the name, then a clause about it set off by commas: the name is the speaker
            "שיחות בקהיר\n\nהשגריר המצרי חאלד עבד אל-רחמן, המשמש גם כמתווך, אמר אתמול כי "
            "הצדדים קרובים להסכמה.",
            ("חאלד עבד אל-רחמן", "Egypt"),
        ),
        (  # he: '…, כך מסר X' closes the sentence
            "ירי רקטות\n\nשלוש רקטות נורו לעבר הגליל בשעות הבוקר, כך מסר דובר משטרת ישראל.",
            ("דובר משטרת ישראל", "Israel"),
        ),
        (  # ko: a compound title (관방장관 via *장관) and the particle 도
            '미사일 발사\n\n무라타 겐지 일본 관방장관도 기자회견에서 "강력히 항의했다"고 말했다.',
            ("무라타 겐지", "Japan"),
        ),
        (  # zh: how and when between the speaker and the verb ('通过社交媒体', '3日晚')
            "边境冲突\n\n巴基斯坦外交部发言人穆塔兹·扎赫拉通过社交媒体发表声明说，伊斯兰堡将保持克制。",
            ("穆塔兹·扎赫拉", "Pakistan"),
        ),
        (  # ar: a title with a hamza seat (رئيس, folded as read) and the article opening the
            # description before the name; a name ending in الله is not Nasrallah
            "مفاوضات في مسقط\n\nوقال رئيس الوفد اليمني المفاوض عبد الله الشامي إن الحكومة "
            '"مستعدة لتبادل شامل".',
            ("عبد الله الشامي", "Yemen"),
        ),
        (  # es: a government body in the role is the home country's ('la jefa de la delegación
            # del Gobierno'), from the dateline
            'Diálogo en Caracas\n\nBOGOTÁ, 3 mar (Agencia) - "Vamos por buen camino", afirmó la '
            "jefa de la delegación del Gobierno, Marta Quiroga, en rueda de prensa.",
            ("Marta Quiroga", "Colombia"),
        ),
        (  # es: a long role before the name, set off by commas, that names the UN
            "Tregua prorrogada\n\nEl jefe de la Misión de Verificación de la ONU en el país, Luis "
            'Arteaga, destacó que la prórroga "da tiempo".',
            ("Luis Arteaga", "United Nations"),
        ),
        (  # fr: a researcher's role after the name, at the end of the sentence
            "Exactions au Sahel\n\n« Il faut une enquête », a déclaré Anne Morel, chercheuse "
            "principale à Amnesty International.",
            ("Anne Morel", "Amnesty International"),
        ),
        (  # ar: an uncased dateline before a dash is the home country; 'إنها' ends the speaker
            "توتر على الحدود\n\nبيروت - تجدد القصف على القرى الحدودية ليلا. وقالت الحكومة إنها "
            '"ملتزمة بالتهدئة" في الجنوب.',
            ("الحكومة", "Lebanon"),
        ),
        (  # ko: the press's own country for an unqualified ministry, not the headline's
            '북한군 군사분계선 침범\n\n국방부 대변인 김민호는 "원칙대로 대응하겠다"고 말했다.',
            ("김민호", "South Korea"),
        ),
        (  # de: a place first, then the verb before its subject (verb second)
            "Spannungen im Norden\n\nIn Paris warnte Außenministerin Claire Dubois vor einer "
            "„gefährlichen Entwicklung“.",
            ("Claire Dubois", "France"),
        ),
        (  # he: a place first, then the verb before its subject
            "מתיחות בגבול\n\nבעמאן אמר שר החוץ הירדני חאלד סעדי כי הממלכה תפעל להרגעה.",
            ("חאלד סעדי", "Jordan"),
        ),
        (  # ar: a role, the name set off by commas after it, more before إن
            "توتر في الجنوب\n\nانفجار قرب الحدود. وقال المتحدث باسم الجيش اللبناني، العقيد نادر "
            'حيدر، في مؤتمر صحفي، إن الوحدات "ردت على مصادر النيران".',
            ("نادر حيدر", "Lebanon"),
        ),
        (  # es: the place of an opening clause after a discourse word ('Mientras tanto, en …,')
            "Diálogo en Caracas\n\nCARACAS, 7 oct (Agencia) - Las delegaciones llegaron. Mientras "
            "tanto, en Bogotá, el ministro de Defensa, Julián Rivas, advirtió que las operaciones "
            "seguirán.",
            ("Julián Rivas", "Colombia"),
        ),
        (  # tr: bare Kongo is the DRC (as English 'Congo'), not the press's own country
            'Goma\'da çatışmalar\n\nKongo Dışişleri Bakanı Marie Ilunga, "Bu bir savaş ilanıdır" '
            "dedi.",
            ("Marie Ilunga", "Democratic Republic of the Congo"),
        ),
        (  # tr: a title qualified by a place the actors do not know is no home title
            "Berbera limanı\n\nPuntland Cumhurbaşkanlığı Sözcüsü Ahmed Farah, anlaşmanın "
            '"geçersiz" olduğunu söyledi.',
            ("Ahmed Farah", ""),
        ),
        (  # ko: 이 after one syllable is part of the name
            '해상 대치\n\n제이 타리엘라 필리핀 해안경비대 대변인은 "선박이 항로를 막았다"고 말했다.',
            ("제이 타리엘라", "Philippines"),
        ),
    ],
)
def test_pack_languages_give_the_speaker_and_side(text, expected):
    assert expected in pack_speakers(text)


def test_a_clause_with_no_title_body_or_name_is_no_speaker():
    found = pack_speakers(
        "Proteste in Tiflis\n\nOppositionsführer Dato Kapanadze, der in der Nacht kurz "
        "festgenommen worden war, kündigte weitere Kundgebungen an."
    )
    assert found == [("Dato Kapanadze", "")]


def test_the_listener_before_the_speaker_is_no_part_of_the_name():
    found = pack_speakers(
        'Ataque no norte\n\n"Fugimos de madrugada com as crianças", disse à Lusa Rosa '
        "Cumbe, moradora de Macomia."
    )
    assert found == [("Rosa Cumbe", "")]


def test_a_french_participle_after_the_report_names_its_speaker():
    found = pack_speakers(
        "Combats au Soudan\n\nL'armée soudanaise a démenti toute frappe sur le marché, son "
        "porte-parole Nabil Abdallah affirmant que les images étaient truquées."
    )
    assert [name for name, _ in found] == ["Nabil Abdallah"]


def test_an_article_with_a_title_takes_no_home_country_from_its_lede():
    found = pack_speakers(
        "Title: Combates perto de Goma\nSource: Folha\nDate: 2026-11-20\n\nMilhares de pessoas "
        'fugiram em direção à fronteira com o Ruanda. "É uma declaração de guerra", afirmou '
        "a ministra das Relações Exteriores, Joana Mbala."
    )
    assert found == [("Joana Mbala", "")]  # not Rwanda: the lede is no headline


def test_a_lone_capitalised_word_of_a_body_is_no_surname():
    found = pack_speakers(
        "Обмен пленными\n\nКак отметил глава представительства Международного комитета Красного "
        "Креста в Баку, обмен прошёл без происшествий."
    )
    assert [name for name, _ in found if name.istitle()] == [], found


def test_a_french_verb_ending_like_an_urge_verb_is_no_speech():
    found = pack_speakers(
        "L'Iran frappe le Pakistan\n\nLe Pakistan rappelle son ambassadeur après les frappes de "
        "mardi soir dans la province frontalière."
    )
    assert not any(name == "Pakistan" for name, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Scontri nel Kivu\n\n«Non ci ritireremo», ha dichiarato il ministro degli Esteri ruandese "
        "Jean Mukama Wagner.",
        "Combates no Kivu\n\n“Não vamos recuar”, afirmou o ministro ruandês das Relações "
        "Exteriores, Jean Mukama Wagner.",
    ],
)
def test_a_surname_that_names_a_body_is_the_persons_not_the_bodys(text):
    found = pack_speakers(text)
    assert found and found[0][0] == "Jean Mukama Wagner"
    assert found[0][1] != "Wagner Group"


def test_with_saying_speaks_for_the_first_speakers_side_not_the_datelines():
    found = speakers(
        "Sahel talks stall\n\nABUJA, Aug 10 (Wire) - Leaders met for a second day.\n\n"
        "Germany's foreign ministry said it backed the mediation, with Foreign Minister Anke "
        "Roth saying Berlin had no plans to withdraw its staff."
    )
    assert ("Anke Roth", "Germany") in found
