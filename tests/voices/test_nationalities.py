"""The packs' nationalities.toml: a speaker named by a country's nationality adjective or capital
in that language gets the country ('le ministre tchadien', 'la Guardia Nacional tunecina',
'Çadlı yetkili', 'Еревана'), and no form of the file names two actors (sentences written for
these tests)."""

from __future__ import annotations

import pytest
import tomllib

from analysis.voices.packs import expand_forms
from analysis.world import languages
from tests.paths import ROOT
from tests.voices.speaking import pack_speakers

PACKS = ("ar", "de", "es", "fa", "fr", "he", "it", "ko", "pt", "ru", "tr", "uk", "zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # fr: an adjective after the title, the name set off by commas
            "Crise humanitaire\n\nN'DJAMENA, 3 mars (Agence) - « Nous ne pouvons pas porter seuls "
            "ce fardeau », a déclaré le ministre tchadien de l'Action sociale, Mahamat Abakar "
            "Hissein, lors d'une visite.",
            ("Mahamat Abakar Hissein", "Chad"),
        ),
        (  # es: the adjective after the ministry
            "Crisis migratoria\n\n«No vamos a permitir más llegadas irregulares», afirmó el "
            "ministro del Interior italiano, Matteo Piantedosi, en una rueda de prensa.",
            ("Matteo Piantedosi", "Italy"),
        ),
        (  # es: a body named by its country's adjective
            "Naufragio frente a Sfax\n\n«Hemos rescatado a 40 personas», informó la Guardia "
            "Nacional tunecina.",
            ("Guardia Nacional", "Tunisia"),
        ),
        (  # es: a capital in the Spanish spelling
            "Negociaciones en el Sahel\n\n«No habrá acuerdo sin garantías», señaló el portavoz "
            "del Gobierno de Yamena, Abderaman Koulamallah.",
            ("Abderaman Koulamallah", "Chad"),
        ),
        (  # it
            "Tensioni nel Sahel\n\n«Non c'è alcuna trattativa», ha detto il ministro degli Esteri "
            "algerino Ahmed Attaf.",
            ("Ahmed Attaf", "Algeria"),
        ),
        (  # it: a capital in the Italian spelling
            "Crisi alimentare\n\n«Le scorte bastano per due settimane», ha dichiarato un portavoce "
            "del governo di Dacca.",
            ("portavoce del governo di Dacca", "Bangladesh"),
        ),
        (  # pt
            "Crise regional\n\n“Não aceitaremos ingerências”, afirmou o chanceler angolano, Téte "
            "António.",
            ("Téte António", "Angola"),
        ),
        (  # de: an adjective the generated rules miss (kubanisch, not kubisch)
            "Sanktionen\n\nDer kubanische Außenminister Bruno Rodríguez sagte, die Sanktionen "
            "seien illegal.",
            ("Bruno Rodríguez", "Cuba"),
        ),
        (  # de: a capital
            "Grenzstreit\n\nEin Sprecher der Regierung in Kairo sagte, man werde die Grenze nicht "
            "öffnen.",
            ("Sprecher der Regierung in Kairo", "Egypt"),
        ),
        (  # ru: an adjective the rules miss (грузинский, not грузийский)
            "Выборы\n\nГрузинский премьер-министр Ираклий Кобахидзе заявил, что правительство не "
            "изменит курс.",
            ("Ираклий Кобахидзе", "Georgia"),
        ),
        (  # ru: a capital in the genitive
            "Переговоры\n\nОфициальный представитель Еревана заявил, что переговоры продолжатся на "
            "следующей неделе.",
            ("Официальный представитель Еревана", "Armenia"),
        ),
        (  # uk: an adjective the rules miss (турецький)
            "Переговори\n\nТурецький міністр закордонних справ Гакан Фідан заявив, що Анкара "
            "готова прийняти нову зустріч.",
            ("Гакан Фідан", "Turkey"),
        ),
        (  # ar: the adjective with the article ال the pack's prefixes read
            "أزمة اللاجئين\n\nوقال وزير الخارجية التشادي محمد صالح النظيف إن بلاده لا تستطيع "
            "تحمل العبء وحدها.",
            ("محمد صالح النظيف", "Chad"),
        ),
        (  # he: the adjective with the prefix ה
            'משבר הפליטים\n\nשר החוץ הצ\'אדי אמר כי "ארצו אינה יכולה לשאת לבדה בנטל".',
            ("שר החוץ הצ'אדי", "Chad"),
        ),
        (  # tr: the -lı adjective of a person
            'Sudan krizi\n\nÇadlı yetkili Ahmet Yılmaz, "Sınırı kapatmayacağız" dedi.',
            ("Ahmet Yılmaz", "Chad"),
        ),
        (  # tr: a capital in the Turkish spelling
            'Seçim krizi\n\nBağdat hükümeti sözcüsü Basim el-Avadi, "Seçimler ertelenmeyecek" '
            "dedi.",
            ("Basim el-Avadi", "Iraq"),
        ),
        (  # fa
            "بحران پناهجویان\n\nیک دیپلمات اتریشی گفت: «ما از گفت‌وگو حمایت می‌کنیم.»",
            ("یک دیپلمات", "Austria"),
        ),
        (  # ko: the name the press uses besides the CLDR one (호주, not 오스트레일리아)
            '국방 협력\n\n리처드 말스 호주 국방장관은 "양국 협력을 강화하겠다"고 말했다.',
            ("리처드 말스", "Australia"),
        ),
        (  # zh: a short name (沙特 for 沙特阿拉伯)
            "地区局势\n\n沙特外交部发言人表示，沙方支持通过对话解决分歧。",
            ("沙特外交部发言人", "Saudi Arabia"),
        ),
    ],
)
def test_a_nationality_or_a_capital_gives_the_speakers_country(text, expected):
    assert expected in pack_speakers(text)


def aliases(code: str, file: str) -> dict[str, list[str]]:
    """actor -> every form of a pack file's [aliases], {} when the pack has no such file."""
    path = languages.pack_file(code, file)
    if path is None:
        return {}
    with open(path, "rb") as handle:
        table = tomllib.load(handle).get("aliases", {})
    return {actor: [f for n in names for f in expand_forms(n)] for actor, names in table.items()}


@pytest.mark.parametrize("code", PACKS)
def test_no_nationality_form_names_two_actors(code):
    owner: dict[str, str] = {}
    for actor, forms in aliases(code, "nationalities.toml").items():
        for form in forms:
            assert owner.setdefault(form, actor) == actor, (form, owner[form], actor)
    for file in ("names.toml", "countries.toml"):
        for actor, forms in aliases(code, file).items():
            clashes = [f for f in forms if owner.get(f, actor) != actor]
            assert not clashes, (file, actor, clashes)


@pytest.mark.parametrize("code", PACKS)
def test_every_country_of_the_gazetteer_is_listed(code):
    with open(ROOT / "data" / "gazetteer" / "countries.toml", "rb") as handle:
        countries = set(tomllib.load(handle)["actors"])
    listed = set(aliases(code, "nationalities.toml"))
    assert listed == countries, (sorted(countries - listed), sorted(listed - countries))
