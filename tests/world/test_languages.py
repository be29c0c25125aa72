"""Original-language coverage: quotes with speakers and escalation hits in each language pack,
scored on hand-written sentences in the style of real reporting (tests/data/languages/<code>.jsonl;
several stories, not only the shipped one). Each line: the text, the quotes as [speaker, words
from the quote] and the escalation hits as [category, text as written, negated]."""

from __future__ import annotations

import json

import pytest

from analysis import escalation
from analysis.escalation.lexicon import load_lexicon, parse_pack_lexicon
from analysis.ingest.article import article_from_text
from analysis.voices.attribution import quotes_of
from analysis.voices.packs import actors_for, expand_forms, parse_quote_pack, quote_pack
from analysis.world import languages
from analysis.world.story import load_actors
from analysis.world.toml_files import LexiconError
from tests.paths import DATA

GOLD = DATA / "languages"
ACTORS = load_actors()
LEXICON = load_lexicon()
# Floors a little under today's scores (0.88-1.0, see the README's measures): a drop fails.
FLOORS = {"speaker_precision": 0.85, "speaker_recall": 0.85, "hits_recall": 0.85}
# The packs of issue 21, scored on a batch written for them (speakers: 0.71-0.88 before any rule
# change, 0.75-1.0 after; hits 0.88-1.0): floors under today's scores.
NEW_FLOORS = {"speaker_precision": 0.7, "speaker_recall": 0.8, "hits_recall": 0.85}


def _items(code: str) -> list[dict]:
    lines = (GOLD / f"{code}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _same_speaker(found: str, gold: str) -> bool:
    """The gold speaker as written or in full ('Zelenski' is 'Volodímir Zelenski')."""
    found, gold = found.lower(), gold.lower()
    return bool(found) and (gold in found or found in gold or found.split()[-1] == gold.split()[-1])


def score(code: str) -> dict[str, float]:
    """Speaker precision and recall and escalation hits found/expected for one language."""
    gold_quotes = right = attributed = correct = expected_hits = found_hits = extra_hits = 0
    for item in _items(code):
        article = article_from_text(item["text"])
        assert article.language == code, (item["text"][:60], article.language)
        quotes = quotes_of(article, ACTORS)
        for speaker, words in item["quotes"]:
            gold_quotes += 1
            right += any(words in q.text and _same_speaker(q.speaker, speaker) for q in quotes)
        for quote in (q for q in quotes if q.speaker):
            attributed += 1
            correct += any(
                (words in quote.text or quote.text in words) and _same_speaker(quote.speaker, s)
                for s, words in item["quotes"]
            )
        hits = {
            (row["category"], row["matched"].lower(), row["negated"])
            for row in escalation.hit_rows(article, LEXICON, quotes)
        }
        wanted = {(c, m.lower(), n) for c, m, n in item["hits"]}
        expected_hits += len(wanted)
        found_hits += len(wanted & hits)
        extra_hits += len(hits - wanted)
    return {
        "speaker_precision": correct / attributed if attributed else 0.0,
        "speaker_recall": right / gold_quotes,
        "hits_recall": found_hits / expected_hits,
        "hits_found": found_hits,
        "hits_expected": expected_hits,
        "hits_extra": extra_hits,
    }


@pytest.mark.parametrize(
    "code", ["fr", "de", "es", "ru", "uk", "ko", "zh", "tr", "pt", "it", "ar", "fa", "he"]
)
def test_each_language_finds_its_speakers_and_escalation_terms(code):
    scores = score(code)
    print(code, {k: round(v, 2) for k, v in scores.items()})
    floors = NEW_FLOORS if code in {"zh", "tr", "pt", "it"} else FLOORS
    for measure, floor in floors.items():
        assert scores[measure] >= floor, (code, measure, scores)


def test_every_pack_file_loads_and_uses_the_main_lexicon_categories():
    keys = {category.key for category in LEXICON.categories}
    for code in (c for c in languages.available() if c != "en"):  # English: built-in rules
        assert quote_pack(code) is not None, code
        pack_lexicon = LEXICON.for_language(code)
        assert pack_lexicon.labels == LEXICON.labels  # same categories: rates compare
        assert all(category.terms for category in pack_lexicon.categories), code
        written = languages.read_pack(code, "hits.toml")
        assert set(written) - {"inflections", "negation"} <= keys, code


def test_a_bad_pack_is_refused_with_the_file_and_line():
    text = 'inflections = ["s"]\n\n[nuclear]\nterms = ["ядерн*", "ab*"]\n'
    with pytest.raises(LexiconError) as error:
        parse_pack_lexicon(text, LEXICON, name="data/languages/xx/hits.toml", language="xx")
    assert "line 4" in str(error.value) and "shorter than 3" in str(error.value)
    with pytest.raises(LexiconError, match="needs one"):
        parse_quote_pack("[patterns]\ndirect = ['{verb} x']\n", name="quotes.toml", language="xx")


def test_korean_stems_match_words_with_particles_and_negation_after_the_verb():
    article = article_from_text(
        "북한의 도발이 계속되고 있다. 정부는 도발을 규탄했다. 러시아는 확전을 원하지 않는다고 밝혔다."
    )
    rows = escalation.hit_rows(article, LEXICON, quotes_of(article, ACTORS))
    assert [(r["matched"], r["negated"]) for r in rows] == [
        ("도발이", False),
        ("도발을", False),
        ("확전을", True),
    ]


def test_names_in_other_scripts_join_their_actor():
    russian = actors_for(ACTORS, "ru")
    assert russian.affiliation("", "по словам пресс-секретаря Кремля").name == "Russia"
    assert russian.person("Песков")[0] == "Дмитрий Песков"
    korean = actors_for(ACTORS, "ko")
    assert korean.affiliation("", "젤렌스키는").name == "Ukraine"
    assert actors_for(ACTORS, "en") is ACTORS
    assert expand_forms("Росси{я,и}") == ["Россия", "России"]


def test_a_language_without_a_pack_gets_no_english_rules_and_a_warning():
    text = (
        'Waziri wa ulinzi alisema kwamba "hatutakubali uchokozi wowote" na kwamba mazungumzo '
        "ya amani yataendelea wiki ijayo mjini Nairobi. Wanajeshi elfu mbili walipelekwa mpakani."
    )
    article = article_from_text(text)
    assert article.language == "sw" and not languages.has_pack("sw")
    assert any("no language pack" in warning for warning in article.warnings)
    quotes = quotes_of(article, ACTORS)
    assert [q.speaker for q in quotes] == [""]  # the quote is found, its speaker is not guessed
    assert escalation.hit_rows(article, LEXICON, quotes) == []


def test_right_to_left_text_is_read_without_breaking_offsets():
    text = (
        "The minister spoke in Arabic. «نحن لا نريد الحرب», قال المتحدث باسم الوزارة. "
        "Officials said talks would resume on Monday."
    )
    article = article_from_text(text)
    for sentence in article.sentences:
        assert text[sentence.char_start : sentence.char_end] == sentence.text
    quotes = quotes_of(article, ACTORS)
    assert any(q.text == "نحن لا نريد الحرب" for q in quotes)
    for quote in quotes:
        assert " ".join(text[quote.char_start : quote.char_end].split()) == quote.text


def test_a_definite_title_points_back_an_indefinite_one_does_not():
    text = (
        "Emmanuel Macron a reçu son homologue à l'Élysée lundi. « La France restera aux côtés de "
        "Kiev », a ajouté le président. « Rien n'est décidé », a dit un diplomate européen."
    )
    article = article_from_text(text)
    assert [s.text[:1] for s in article.sentences] == ["E", "«", "«"]  # « with French spacing
    assert [q.speaker for q in quotes_of(article, ACTORS)] == [
        "Emmanuel Macron",
        "diplomate européen",
    ]


def test_after_the_verb_the_name_comes_first():
    article = article_from_text(
        "Der Kreml wies die Berichte über neue Truppen zurück. „Das sind Lügen“, sagte "
        "Kremlsprecher Peskow der Agentur Tass am Abend in Moskau."
    )
    assert [(q.speaker, q.affiliation) for q in quotes_of(article, ACTORS)] == [
        ("Dmitri Peskow", "Russia")
    ]


def test_a_clause_before_the_speech_verb_is_no_speaker_and_a_conjunction_is_left_out():
    article = article_from_text(
        "La ministra de Exteriores, Lucía Ferrer, rechazó este lunes las críticas del Gobierno de "
        "Chile y afirmó que el acuerdo sigue vigente. El bloqueo continuará, mientras Caracas "
        "asegura que las conversaciones avanzan."
    )
    speakers = [(q.speaker, q.affiliation) for q in quotes_of(article, ACTORS)]
    assert not any("Gobierno" in s or "rechazó" in s for s, _ in speakers)
    assert ("Caracas", "Venezuela") in speakers


def test_a_country_before_a_title_owns_the_title_it_is_not_the_speaker():
    article = article_from_text(
        "„Wir werden jeden Zentimeter unseres Landes verteidigen“, sagte Guyanas Präsident "
        "Irfaan Ali am Dienstag in Georgetown."
    )
    assert [(q.speaker, q.affiliation) for q in quotes_of(article, ACTORS)] == [
        ("Irfaan Ali", "Guyana")
    ]


def test_chinese_is_read_without_spaces_in_either_script():
    for text, name in (
        ("美国国务院发言人布鲁斯说，美方对台海紧张局势表示关切。", "布鲁斯"),
        (
            "美國國務院發言人布魯斯說，美方對台海緊張局勢表示關切。",
            "布魯斯",
        ),  # as the article writes it
    ):
        article = article_from_text(text)
        assert article.language == "zh"
        quotes = quotes_of(article, ACTORS)
        assert [(q.speaker, q.affiliation) for q in quotes] == [(name, "United States")]
        rows = escalation.hit_rows(article, LEXICON, quotes)
        assert [(r["category"], r["negated"]) for r in rows] == [
            ("Threat and security", False),
            ("Threat and security", False),
        ]
    chinese = actors_for(ACTORS, "zh")
    assert [m.actor for m in chinese.mentions("解放軍在台灣周邊演習")] == ["China", "Taiwan"]
    article = article_from_text("我们不希望局势升级，但解放军不断升级挑衅行动。")
    negated = [r["negated"] for r in escalation.hit_rows(article, LEXICON, [])]
    assert negated[:2] == [True, False]  # 不希望…升级; 不断升级 is 'continuously', not 'not'


def test_turkish_names_take_their_case_endings_and_terms_lower_the_turkish_way():
    turkish = actors_for(ACTORS, "tr")
    found = turkish.mentions("İsrail'in saldırıları ve Rusya’dan gelen açıklama")
    assert [m.actor for m in found] == ["Israel", "Russia"]
    article = article_from_text(
        "İŞGAL altındaki topraklarda İsrail ordusunun saldırıları sürüyor ve gerilim artıyor."
    )
    rows = escalation.hit_rows(article, LEXICON, [])
    assert [r["matched"] for r in rows] == ["İŞGAL", "saldırıları", "gerilim"]


def test_a_prefixed_name_or_term_is_found_with_offsets_into_the_raw_text():
    arabic = actors_for(ACTORS, "ar")
    text = "وأكدت لإسرائيل أن واشنطن تدعمها، وقال عراقجي إن إيران لن تتراجع."
    found = [(m.actor, text[m.start : m.end]) for m in arabic.mentions(text)]
    assert found == [
        ("Israel", "إسرائيل"),
        ("United States", "واشنطن"),
        ("Iran", "عراقجي"),
        ("Iran", "إيران"),
    ]
    assert not arabic.mentions("قالإسرائيل")  # 'قال' is no prefix: not a name inside a word
    hebrew = actors_for(ACTORS, "he")
    assert [m.actor for m in hebrew.mentions("הוא אמר לצה״ל ולאיראן")] == ["Israel", "Iran"]
    persian = actors_for(ACTORS, "fa")
    assert persian.affiliation("", "سخنگوی حزب\u200cالله").name == "Hezbollah"


def test_arabic_terms_match_with_diacritics_and_prefixes_and_keep_raw_offsets():
    text = "وحذّر الوزير من أنّ التصعيدَ سيقود إلى حرب شاملة، ولا نريد الحرب."
    article = article_from_text(text)
    assert article.language == "ar"
    rows = escalation.hit_rows(article, LEXICON, [])
    matched = [(r["matched"], r["negated"]) for r in rows]
    assert ("وحذّر", False) in matched and ("التصعيدَ", False) in matched
    assert ("حرب شاملة", False) in matched
    for row in rows:
        assert text[row["char_start"] : row["char_end"]] == row["matched"]


def test_a_hebrew_acronym_with_gershayim_is_no_quote_mark():
    text = 'לדברי דובר צה"ל, "המבצע יימשך עד להשגת המטרות".'
    quotes = quotes_of(article_from_text(text), ACTORS)
    assert [(q.speaker, q.text, q.affiliation) for q in quotes] == [
        ('דובר צה"ל', "המבצע יימשך עד להשגת המטרות", "Israel")
    ]
