"""The reporting verbs of the language packs (data/languages/<code>/quotes.toml `verbs` and
`urge_verbs`): each sentence, written in the style of that language's press, uses a verb or a
construction the packs lacked, and its speaker must be found with the right side."""

from __future__ import annotations

import pytest

from tests.voices.speaking import pack_speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # fr: 'a fustigé' + quoted object
            "Crise au Sahel\n\nLe ministre nigérien des Affaires étrangères, Bakary Yaou Sangaré, a "
            "fustigé « l'ingérence » de la CEDEAO.",
            ("Bakary Yaou Sangaré", "Niger"),
        ),
        (  # fr: a phrase between the auxiliary and the participle
            "Pétrole libyen\n\nL'émissaire américain pour la Libye, Jonathan Reed, a pour sa part "
            "estimé que les revenus pétroliers « appartiennent à tous les Libyens ».",
            ("Jonathan Reed", "United States"),
        ),
        (  # es: 'replicó que'
            "Colombia refuerza el Catatumbo\n\nEl ministro de Defensa, Iván Velázquez, replicó que "
            "las tropas «no se retirarán».",
            ("Iván Velázquez", "Colombia"),
        ),
        (  # pt: 'manifestou' + its object
            "Violência em Moçambique\n\nO ministro dos Negócios Estrangeiros português, Paulo "
            "Rangel, manifestou «profunda preocupação» com os confrontos.",
            ("Paulo Rangel", "Portugal"),
        ),
        (  # it: 'ha poi aggiunto che', an adverb between the auxiliary and the participle
            "Crisi in Libia\n\nIl ministro degli Esteri, Antonio Tajani, ha poi aggiunto che "
            "l'Italia «non invierà truppe».",
            ("Antonio Tajani", "Italy"),
        ),
        (  # de: 'stellte klar'
            "Gipfel in Brüssel\n\nNato-Generalsekretär Mark Rutte stellte klar, die Allianz sei "
            "„keine Konfliktpartei“.",
            ("Mark Rutte", "NATO"),
        ),
        (  # ru: 'отверг' + its object
            "Переговоры зашли в тупик\n\nМинистр иностранных дел России Сергей Лавров отверг "
            "обвинения Запада в срыве переговоров.",
            ("Сергей Лавров", "Russia"),
        ),
        (  # ru: 'сообщил о …' after a phrase set off by commas
            "Удар по НПЗ\n\nГенштаб ВСУ, в свою очередь, сообщил о поражении завода в Саратове.",
            ("Генштаб ВСУ", "Ukraine"),
        ),
        (  # uk: 'висловив' + its object
            "Атака на порт\n\nГенеральний секретар ООН Антоніу Гутерреш висловив занепокоєння "
            "атакою на цивільне судно.",
            ("Антоніу Гутерреш", "United Nations"),
        ),
        (  # tr: 'olarak nitelendirdi'
            "Gazze'de saldırılar\n\nDışişleri Bakanı Hakan Fidan, İsrail'in saldırılarını "
            '"insanlığa karşı suç" olarak nitelendirdi.',
            ("Hakan Fidan", "Turkey"),
        ),
        (  # ko: '일축했다' + its object, no quote
            "우크라이나 협상\n\n마리야 자하로바 러시아 외무부 대변인은 서방의 주장을 일축했다.",
            ("마리야 자하로바", "Russia"),
        ),
        (  # ko: '꼬집었다' after reported words ending in -다고, no quote marks
            "북한 미사일 발사\n\n존 커비 백악관 국가안보소통보좌관은 북한의 도발은 용납할 수 없다고 "
            "꼬집었다.",
            ("존 커비", "United States"),
        ),
        (  # zh: an urge verb with its object in one clause ('敦促各方…')
            "加沙局势\n\n联合国秘书长古特雷斯敦促各方保持最大限度克制。",
            ("古特雷斯", "United Nations"),
        ),
        (  # zh (traditional): '表態說'
            "中東局勢\n\n美國國務院發言人馬修·米勒表態說，美方“高度關切”局勢發展。",
            ("馬修·米勒", "United States"),
        ),
        (  # ar: 'أردف' with the prefix و
            "مفاوضات فيينا\n\nوأردف المتحدث باسم الخارجية الإيرانية إسماعيل بقائي أن طهران "
            '"لن تتفاوض تحت الضغط".',
            ("إسماعيل بقائي", "Iran"),
        ),
        (  # fa: 'بیان کرد که'
            "مذاکرات منطقه‌ای\n\nعباس عراقچی، وزیر امور خارجه ایران، در نشست خبری بیان کرد که "
            "تهران به دنبال جنگ نیست.",
            ("عباس عراقچی", "Iran"),
        ),
        (  # he: 'סיפר כי'
            'שיחות בוושינגטון\n\nשר החוץ גדעון סער סיפר כי השיחות עם הממשל "היו פוריות".',
            ("גדעון סער", "Israel"),
        ),
        (  # he: the speaker after the words ('…, כך מסר X')
            'תקיפה בתימן\n\nמטוסי קרב תקפו הלילה מטרות בנמל חודיידה, כך מסר דובר צה"ל.',
            ('דובר צה"ל', "Israel"),
        ),
    ],
)
def test_added_reporting_verbs_give_the_speaker_and_side(text, expected):
    assert expected in pack_speakers(text)


@pytest.mark.parametrize(
    ("text", "not_speaker"),
    [
        # es: 'celebrar' also means to hold an event
        (
            "Elecciones en Venezuela\n\nVenezuela celebró elecciones regionales el domingo.",
            "Venezuela",
        ),
        # de: 'drohte' + infinitive is no threat anyone made
        ("Unwetter\n\nDas Gebäude drohte einzustürzen, berichteten Augenzeugen.", "Gebäude"),
        # uk: a headline with no full stop is no statement of the country it names
        (
            "Вірменія заявила про загибель чотирьох військових на кордоні\n\nДеталі уточнюються.",
            "Вірменія",
        ),
        # zh: '并' after a quote is no speaker
        ("南苏丹大选\n\n发言人格坦批评说，政府“一再拖延”，并警告这将损害民众的信心。", "并"),
        # he: a place opening the sentence is no speaker of a verb-first clause
        ("לבנון\n\nבביירות דחה ראש ממשלת לבנון את הטענות.", "בביירות"),
    ],
)
def test_non_speech_uses_of_the_added_verbs_are_no_speakers(text, not_speaker):
    assert not any(not_speaker in name for name, _ in pack_speakers(text))
