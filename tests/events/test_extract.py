"""Who does what to whom in one article: hand-written sentences of other stories, the labelled
batch's floors (tests/data/events_en.jsonl) and hostile input."""

from __future__ import annotations

import pytest

from analysis.events.extract import event_rows
from analysis.ingest.article import article_from_text
from analysis.voices.attribution import quotes_of
from analysis.world.mentions import SentenceMentions
from analysis.world.story import load_actors
from tests.events.scoring import found, score
from tests.test_hostile_text import HOSTILE

ACTORS = load_actors()


def links(text: str) -> list[tuple]:
    return sorted(
        (r["source"], r["event"], r["target"], r["agency"], r["negated"], r["modality"])
        for r in found(text, "en")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sudan's army shelled Omdurman as the RSF attacked El Fasher.",
            [
                ("Sudan", "ASSAULT", "", "active", False, "asserted"),
                ("Rapid Support Forces", "ASSAULT", "", "active", False, "asserted"),
            ],
        ),
        (
            "Eleven people were killed in drone strikes near Port Sudan.",
            [("", "ASSAULT", "Sudan", "agentless", False, "asserted")],
        ),
        (
            "Ankara was accused by Damascus of meddling in its affairs.",
            [("Syria", "ACCUSE", "Turkey", "passive", False, "asserted")],
        ),
        (
            "Azerbaijan did not attack Armenia, the president insisted.",
            [("Azerbaijan", "ASSAULT", "Armenia", "active", True, "asserted")],
        ),
        (
            "North Korea threatened to strike Seoul.",
            [
                ("North Korea", "ASSAULT", "South Korea", "active", False, "threatened"),
                ("North Korea", "THREATEN", "South Korea", "active", False, "asserted"),
            ],
        ),
        (
            "Hezbollah launched 30 rockets at northern Israel on Sunday.",
            [("Hezbollah", "ASSAULT", "Israel", "active", False, "asserted")],
        ),
        ("The ministry launched an inquiry into the fire.", []),
        (
            "Iran-backed militias attacked a base in Syria.",
            [
                ("", "ASSAULT", "Syria", "active", False, "asserted"),
                ("Iran", "SUPPORT", "", "passive", False, "asserted"),
            ],
        ),
        (
            "Israel said it had struck Hezbollah positions in Lebanon.",
            [("Israel", "ASSAULT", "Hezbollah", "active", False, "asserted")],
        ),
        (  # 'Support' in the actor's name is no event
            "Rapid Support Forces fighters shelled army positions in Sudan.",
            [("Rapid Support Forces", "ASSAULT", "Sudan", "active", False, "asserted")],
        ),
        (  # 'pounds' of money, not pounding
            "Britain pledged 120 million pounds in aid.",
            [
                ("United Kingdom", "AGREE", "", "active", False, "asserted"),
                ("United Kingdom", "AID", "", "active", False, "asserted"),
            ],
        ),
        (
            "The Israeli military completed its withdrawal from the town.",
            [("Israel", "RETREAT", "", "active", False, "asserted")],
        ),
    ],
)
def test_doer_event_target_agency_negation_and_modality(text: str, expected: list) -> None:
    assert links(text) == sorted(expected)


def test_a_quote_gives_voice_speaker_and_the_speakers_side_for_we() -> None:
    text = '"We will strike back at Azerbaijan," Armenia\'s Defence Minister Suren Papikyan said.'
    [row] = found(text, "en")
    assert row["voice"] == "quoted" and row["speaker"] == "Suren Papikyan"
    assert (row["source"], row["event"], row["target"]) == ("Armenia", "ASSAULT", "Azerbaijan")
    assert row["modality"] == "planned"
    other = '"We will respond to any attack on Armenia," Armenia\'s minister Suren Papikyan said.'
    assert [(r["source"], r["target"]) for r in found(other, "en")] == [("", "Armenia")]


def test_rows_carry_offsets_of_the_words_in_the_raw_text() -> None:
    text = "Intro line.\n\nQatar condemned the raid on Doha.\n"
    article = article_from_text(text)
    rows = event_rows(article, quotes_of(article, ACTORS), SentenceMentions(ACTORS))
    assert [(r["words"], text[r["char_start"] : r["char_end"]]) for r in rows] == [
        ("condemned", "condemned"),
        ("raid", "raid"),
    ]
    assert len({r["event_id"] for r in rows}) == len(rows)
    assert all(r["event_id"].startswith(article.article_id + ":e") for r in rows)


def test_the_labelled_batch_stays_above_its_floors() -> None:
    # first scored before any rule was changed for it: precision 0.55, recall 0.73, agency 0.94;
    # after: 0.73, 0.83, 1.0 (a second batch, written after, is the honest number: docs/events.md)
    result = score("en")
    assert result["precision"] >= 0.70
    assert result["recall"] >= 0.80
    assert result["agency"] >= 0.95


# Per-language batches (tests/data/events_<code>.jsonl, hand-written sentences of other stories),
# scored before any event word was changed for them (precision, recall): fr 0.73 0.67, de 0.29
# 0.17, es 0.73 0.67, ru 0.69 0.75, uk 0.82 0.75, it 0.75 0.50, pt 0.56 0.38, ar 0.28 0.45, fa
# 0.25 0.18, he 1.00 0.45. The floors sit just under the scores after the words were improved.
FLOORS = {
    "fr": (0.80, 0.90),
    "de": (0.80, 0.70),
    "es": (0.75, 0.90),
    "ru": (0.80, 0.90),
    "uk": (0.90, 0.90),
    "it": (0.70, 0.80),
    "pt": (0.70, 0.90),
    # Arabic 0.28 / 0.45 with the first words; 0.38 / 0.45 since a VSO sentence's target is looked
    # for after its doer
    "ar": (0.35, 0.45),
    "fa": (0.55, 0.45),  # 0.33 / 0.27 before SOV targets were read before the verb
    # Hebrew: 1.00 / 0.64 with the words alone; 0.78 / 0.64 since triggers are also found after a
    # prefix ('בהפצצה'): more events, some whose doer the reader cannot place (an adjective after
    # its noun, 'בתקיפות הישראליות')
    "he": (0.75, 0.60),
    "ko": (0.70, 0.40),  # 0 / 0 before SOV targets were read before the verb
    "tr": (0.85, 0.55),  # 0.12 / 0.08 before
    "zh": (0.55, 0.70),  # 0 / 0 before characters were read as words (tuned on this batch)
}


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_each_language_batch_stays_above_its_floors(language: str) -> None:
    result = score(language)
    precision, recall = FLOORS[language]
    assert result["precision"] >= precision
    assert result["recall"] >= recall


# The reader by word order and script: in SOV (ko, tr) the object stands before the verb; in
# Chinese a character is read as a word, and a target word before the verb (对, 向) marks the
# target there. These batches scored 0 (ko, zh) and 0.12 / 0.08 (tr) before the reader did this.
@pytest.mark.parametrize(
    ("language", "text", "rows"),
    [
        (
            "ko",
            "필리핀은 중국 해경의 물대포 사용을 규탄했다.",
            [("Philippines", "ACCUSE", "China")],
        ),
        (
            "tr",
            "Çin, Tayvan çevresine savaş gemileri konuşlandırdı.",
            [("China", "MOBILIZE", "Taiwan")],
        ),
        (  # a participle: only an object before it, its doer the noun right after it
            "tr",
            "Ermenistan'ı sınır ihlalleriyle suçlayan Azerbaycan yeni askeri tatbikatlar başlattı.",
            [("Azerbaijan", "ACCUSE", "Armenia")],
        ),
        ("ko", "이란을 규탄한 미국은 추가 제재를 예고했다.", [("United States", "ACCUSE", "Iran")]),
        ("zh", "土耳其指责以色列阻挠人道主义物资进入加沙。", [("Turkey", "ACCUSE", "Israel")]),
        ("zh", "欧盟宣布对伊朗实施新一轮制裁。", [("EU", "SANCTION", "Iran")]),
    ],
)
def test_word_order_and_scripts(language: str, text: str, rows: list) -> None:
    found_rows = [(r["source"], r["event"], r["target"]) for r in found(text, language)]
    assert [row for row in found_rows if row[1] == rows[0][1]] == rows


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_gives_rows_not_errors(case: str) -> None:
    article = article_from_text(HOSTILE[case])
    rows = event_rows(article, [], SentenceMentions(ACTORS))
    assert all(0 <= r["char_start"] < r["char_end"] <= len(article.raw_text) for r in rows)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a body's alias after a person's title is the person ('Wagner', a minister's surname)
        ("zh", "刚果（金）外交部长瓦格纳指责卢旺达支持叛军。", ("Democratic Republic of the Congo", "ACCUSE", "Rwanda")),
        ("en", "Congo's Foreign Minister Thérèse Kayikwamba Wagner accused Rwanda of aggression.",
         ("Democratic Republic of the Congo", "ACCUSE", "Rwanda")),
    ],
)  # fmt: skip
def test_a_surname_that_names_a_body_is_not_the_body(language, text, expected):
    rows = found(text, language)
    assert expected in [(r["source"], r["event"], r["target"]) for r in rows]
    assert "Wagner Group" not in {r["source"] for r in rows}
