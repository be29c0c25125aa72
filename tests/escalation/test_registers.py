"""Registers of lexicon terms: descriptive (names the event) or evaluative (characterises it).

Every shipped term, in the main lexicon and in each language pack, has a register written on the
term or its category; a handful of named terms per language are checked for a sane choice; a
lexicon without registers keeps working (every term evaluative); a malformed register is refused
with its line.
"""

from __future__ import annotations

import pytest

from analysis.escalation.lexicon import (
    DEFAULT_REGISTER,
    REGISTERS,
    load_lexicon,
    parse_lexicon,
    parse_pack_lexicon,
)
from analysis.world import languages
from analysis.world.toml_files import LexiconError, read_toml
from tests.paths import ROOT

PACKS = sorted(path.parent.name for path in (ROOT / "data" / "languages").glob("*/escalation.toml"))

# Terms whose register is not a matter of taste: (entry as written, register), per language.
NAMED = {
    "en": {
        "strike": "descriptive",
        "attack+": "descriptive",
        "shelling+": "descriptive",
        "drone strike+": "descriptive",
        "deploy*": "descriptive",
        "send+ troops": "descriptive",
        "ballistic-missile+": "descriptive",
        "peace talks": "descriptive",
        "cease-fire+": "descriptive",
        "brutal*": "evaluative",
        "barbar*": "evaluative",
        "aggress*": "evaluative",
        "massacre+": "evaluative",
        "reckless*": "evaluative",
        "provocat*": "evaluative",
        "terror*": "evaluative",
        "violat*": "evaluative",
        "threat+ to peace": "evaluative",
        "criminal act+": "evaluative",
        "war crime+": "evaluative",
    },
    "de": {
        "Angriff+": "descriptive",
        "Luftangriff*": "descriptive",
        "Beschuss": "descriptive",
        "Drohnenangriff*": "descriptive",
        "Waffenstillstand*": "descriptive",
        "brutal*": "evaluative",
        "barbarisch*": "evaluative",
        "Massaker+": "evaluative",
        "Provokation+": "evaluative",
        "Aggress*": "evaluative",
    },
    "es": {
        "ataque+": "descriptive",
        "bombarde*": "descriptive",
        "despliegue+": "descriptive",
        "alto el fuego": "descriptive",
        "brutal*": "evaluative",
        "bárbar*": "evaluative",
        "masacre+": "evaluative",
        "provocación": "evaluative",
        "agresi*": "evaluative",
    },
    "fr": {
        "frappe+": "descriptive",
        "attaque+": "descriptive",
        "bombardement+": "descriptive",
        "cessez-le-feu": "descriptive",
        "brutal*": "evaluative",
        "barbar*": "evaluative",
        "massacre+": "evaluative",
        "provocation+": "evaluative",
        "agress*": "evaluative",
    },
    "ru": {
        "удар": "descriptive",
        "обстрел*": "descriptive",
        "атак*": "descriptive",
        "перегово*": "descriptive",
        "жесток*": "evaluative",
        "варвар*": "evaluative",
        "агресси*": "evaluative",
        "провокаци*": "evaluative",
        "террор*": "evaluative",
    },
    "uk": {
        "удар": "descriptive",
        "обстріл*": "descriptive",
        "атак*": "descriptive",
        "переговор*": "descriptive",
        "жорсток*": "evaluative",
        "варвар*": "evaluative",
        "агресі*": "evaluative",
        "провокаці*": "evaluative",
        "терор*": "evaluative",
    },
    "ko": {
        "공격*": "descriptive",
        "공습*": "descriptive",
        "포격*": "descriptive",
        "휴전*": "descriptive",
        "잔인*": "evaluative",
        "야만*": "evaluative",
        "침략*": "evaluative",
        "도발*": "evaluative",
        "학살*": "evaluative",
    },
    "ar": {
        "غارة": "descriptive",
        "قصف*": "descriptive",
        "هدنة": "descriptive",
        "تصعيد+": "evaluative",
        "عدوان+": "evaluative",
        "إرهاب*": "evaluative",
        "همجي*": "evaluative",
    },
    "fa": {
        "حمله+": "descriptive",
        "بمباران*": "descriptive",
        "آتش‌بس": "descriptive",
        "تجاوز+": "evaluative",
        "وحشیانه": "evaluative",
        "صهیونیست*": "evaluative",
    },
    "he": {
        "תקיפה": "descriptive",
        "הפגזה": "descriptive",
        "הפסקת אש": "descriptive",
        "הסלמה": "evaluative",
        "תוקפנות": "evaluative",
        "ברברי*": "evaluative",
    },
    "zh": {
        "袭击": "descriptive",
        "空袭": "descriptive",
        "部署": "descriptive",
        "停火": "descriptive",
        "制裁": "descriptive",
        "核威胁": "evaluative",
        "残暴": "evaluative",
        "野蛮": "evaluative",
        "侵略": "evaluative",
        "挑衅": "evaluative",
    },
    "tr": {
        "saldırı*": "descriptive",
        "bombala*": "descriptive",
        "konuşlan*": "descriptive",
        "ateşkes*": "descriptive",
        "tırmanma*": "evaluative",
        "acımasız*": "evaluative",
        "barbar*": "evaluative",
        "katliam*": "evaluative",
        "provokasyon*": "evaluative",
    },
    "pt": {
        "ataque+": "descriptive",
        "bombarde*": "descriptive",
        "cessar-fogo": "descriptive",
        "sanções": "descriptive",
        "escalada+": "evaluative",
        "brutal*": "evaluative",
        "bárbar*": "evaluative",
        "massacre+": "evaluative",
        "provocação": "evaluative",
        "agress*": "evaluative",
    },
    "it": {
        "attacc*": "descriptive",
        "bombard*": "descriptive",
        "cessate il fuoco": "descriptive",
        "sanzion*": "descriptive",
        "escalation": "evaluative",
        "brutal*": "evaluative",
        "barbar*": "evaluative",
        "massacr*": "evaluative",
        "provocazion*": "evaluative",
        "aggression*": "evaluative",
    },
}


def _registers(code: str) -> dict[str, str]:
    lexicon = load_lexicon()
    if code != "en":
        lexicon = lexicon.for_language(code)
    return {term.entry: term.register for term in lexicon.terms}


def test_registers_are_the_two_of_the_grammar():
    assert set(REGISTERS) == {"descriptive", "evaluative"}
    assert DEFAULT_REGISTER == "evaluative"


def test_every_shipped_term_of_the_main_lexicon_has_a_written_register():
    lexicon = load_lexicon()
    unwritten = [term.entry for term in lexicon.terms if not term.register_given]
    assert unwritten == []
    assert all(category.register in REGISTERS for category in lexicon.categories)
    assert {term.register for term in lexicon.terms} == set(REGISTERS)


@pytest.mark.parametrize("code", PACKS)
def test_every_pack_category_writes_its_register_and_every_term_has_one(code):
    path = ROOT / "data" / "languages" / code / "escalation.toml"
    data = read_toml(path)
    base = load_lexicon()
    for category in base.categories:
        if category.key in data:
            assert data[category.key].get("register") in REGISTERS, (code, category.key)
    pack = base.for_language(code)
    assert pack.terms, code
    assert all(term.register_given and term.register in REGISTERS for term in pack.terms)
    assert {term.register for term in pack.terms} == set(REGISTERS)


def test_every_shipped_language_is_checked_on_named_terms():
    assert set(PACKS) | {"en"} == set(NAMED)


@pytest.mark.parametrize("code", sorted(NAMED))
def test_named_terms_have_a_sane_register(code):
    registers = _registers(code)
    wrong = {
        entry: (registers.get(entry), expected)
        for entry, expected in NAMED[code].items()
        if registers.get(entry) != expected
    }
    assert wrong == {}


def test_a_lexicon_without_registers_keeps_working_every_term_evaluative():
    lexicon = parse_lexicon('[military]\nterms = ["strike", { term = "brutal*", weight = 2 }]\n')
    assert [(t.entry, t.register, t.register_given) for t in lexicon.terms] == [
        ("strike", "evaluative", False),
        ("brutal*", "evaluative", False),
    ]
    assert lexicon.categories[0].register is None


def test_term_register_overrides_the_category():
    lexicon = parse_lexicon(
        '[military]\nregister = "descriptive"\n'
        'terms = ["strike+", { term = "brutal*", register = "evaluative" }]\n'
    )
    assert {t.entry: t.register for t in lexicon.terms} == {
        "strike+": "descriptive",
        "brutal*": "evaluative",
    }
    assert all(t.register_given for t in lexicon.terms)


def test_register_is_case_insensitive_and_trimmed():
    lexicon = parse_lexicon('[m]\nregister = " Descriptive "\nterms = ["strike"]\n')
    assert lexicon.terms[0].register == "descriptive"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[military]\nlabel = "M"\nregister = "neutral"\nterms = ["strike"]\n', 3),
        ('[military]\nregister = 1\nterms = ["strike"]\n', 2),
        (
            '[military]\nterms = [\n  "strike",\n  { term = "brutal*", register = "emotive" },\n]\n',
            4,
        ),
        ('[military]\nterms = [{ term = "strike", register = true }]\n', 2),
    ],
)
def test_a_malformed_register_is_refused_with_its_line(text, line):
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(text, name="my.toml")
    assert caught.value.line == line
    assert "register" in caught.value.problem
    assert "descriptive" in caught.value.problem and "evaluative" in caught.value.problem
    assert str(caught.value).startswith(f"my.toml, line {line}:")


def test_a_pack_category_inherits_the_main_register_and_may_override_it():
    base = parse_lexicon(
        '[military_escalation]\nregister = "descriptive"\nterms = ["strike"]\n'
        '[hostility]\nterms = ["brutal"]\n'
    )
    pack = parse_pack_lexicon(
        '[military_escalation]\nterms = ["Angriff+", { term = "Eskalation*", '
        'register = "evaluative" }]\n[hostility]\nregister = "evaluative"\nterms = ["brutal*"]\n',
        base,
        name="de.toml",
        language="de",
    )
    assert {t.entry: (t.register, t.register_given) for t in pack.terms} == {
        "Angriff+": ("descriptive", True),
        "Eskalation*": ("evaluative", True),
        "brutal*": ("evaluative", True),
    }


def test_a_malformed_pack_register_is_refused_with_its_line():
    base = parse_lexicon('[military_escalation]\nterms = ["strike"]\n')
    with pytest.raises(LexiconError) as caught:
        parse_pack_lexicon(
            '[military_escalation]\nregister = "loud"\nterms = ["Angriff+"]\n',
            base,
            name="de.toml",
            language="de",
        )
    assert caught.value.line == 2
    assert "register" in caught.value.problem


def test_pack_files_are_found_for_every_listed_language():
    for code in PACKS:
        assert languages.pack_file(code, "escalation.toml") is not None
