"""Metadata from headers and text: dates, outlets, titles, language."""

from __future__ import annotations

import pytest

from analysis.ingest.metadata import (
    date_in_text,
    detect_language,
    normalise_date,
    outlet_in_text,
    parse_header,
    title_in_text,
)
from analysis.ingest.text import split_sentences


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("13:46, Sat, Oct 19, 2024", "2024-10-19"),
        ("date 2024-10-28", "2024-10-28"),
        ("Published: 20 Nov. 2024, 15:57", "2024-11-20"),
        ("Tuesday, 19 November 2024 09:00 GMT", "2024-11-19"),
        ("2024-11-05T10:00:00Z", "2024-11-05"),
        ("Updated: 4 December 2024 | 18:02", "2024-12-04"),
        ("24. Oktober 2024", "2024-10-24"),
        ("Wednesday December 4", ""),
        ("2022", "2022"),  # a year alone: precision year
        ("2024-11", "2024-11"),  # a month: precision month
        ("November 2024", "2024-11"),
        ("not a date", ""),
    ],
)
def test_normalise_date(written, iso):
    assert normalise_date(written) == iso


def test_date_line_is_found_only_near_the_top():
    raw = "Kyiv warns of more troops\n13:46, Sat, Oct 19, 2024 | UPDATED: 13:48\nThe war began in 2022."
    assert date_in_text(raw, split_sentences(raw)) == "2024-10-19"
    undated = "The war began in February 2022. Talks were held on 3 March 2022 in Belarus."
    assert date_in_text(undated, split_sentences(undated)) == ""


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            'Copyright ©2024 Express Newspapers. "Daily Express" is a registered trademark.',
            "Daily Express",
        ),
        (
            "IPSO Regulated Copyright ©2024 Express Newspapers. All rights reserved.",
            "Express Newspapers",
        ),
        ("© 2024 The Guardian. All rights reserved.", "The Guardian"),
        ("BY WOO JI-WON [email]\nwith the Korea JoongAng Daily", "Korea JoongAng Daily"),
        ("Express. Home of the Daily and Sunday Express.", "Express"),
        ("Rutte said Nato would respond. Pictures: REUTERS", ""),
    ],
)
def test_outlet_in_text(text, outlet):
    assert outlet_in_text(text) == outlet


def test_header_requires_known_keys_and_a_blank_line():
    found = parse_header("Title: A\nPublished: 2024-10-28\nOutlet: AP\n\nBody.")
    assert found.values == {"title": "A", "published": "2024-10-28", "outlet": "AP"}
    assert found.body_start == len("Title: A\nPublished: 2024-10-28\nOutlet: AP\n\n")
    assert parse_header("Putin: 2000 Ukraine soldiers encircled\nBody.").values == {}
    assert parse_header("Warning: this is not a header\n\nBody.").values == {}


def test_headline_only_when_a_whole_short_line_without_full_stop():
    raw = "100,000 troops could be deployed, Zelensky tells EU\nPublished: 20 Nov. 2024\nBody text."
    assert title_in_text(split_sentences(raw), raw) == (
        "100,000 troops could be deployed, Zelensky tells EU"
    )
    body = "Prime Minister Keir Starmer said on Saturday that Russia was desperate."
    assert title_in_text(split_sentences(body), body) == ""


def test_language_detection():
    assert detect_language("The Kremlin said the troops would stay in the Kursk region.") == "en"
    assert (
        detect_language("Der Kreml sagte, die Truppen würden in der Region Kursk bleiben.") == "de"
    )
    assert (
        detect_language("Le Kremlin a déclaré que les troupes resteraient dans la région.") == "fr"
    )


def test_language_of_long_and_short_texts_in_other_scripts():
    long_uk = (
        "Уряд оголосив, що нові мости через річку відкриють навесні. Міський голова сказав, "
        "що роботи тривають цілодобово, а рух транспорту обмежать лише на два тижні."
    )
    assert detect_language(long_uk) == "uk"
    assert detect_language("서울시는 내년 예산을 발표했다. 교통 분야가 가장 많이 늘었다.") == "ko"
    # a one-line text CLD2 cannot call: py3langid decides, among languages with a pack
    assert detect_language("Sí.") in {"es", "en", "fr", "de", "ru", "uk", "ko"}


def test_language_of_text_with_control_characters_or_lone_surrogates_does_not_fail():
    english = "The council said the new bridge would open in the spring after two years of work."
    assert detect_language("\x00\x07" + english) == "en"
    assert detect_language("\ud800 " + english) == "en"


def test_partial_dates_only_where_asked_and_their_precision():
    from analysis.ingest.metadata import date_precision

    assert normalise_date("2024-11", partial=False) == ""
    assert [date_precision(d) for d in ("2024-11-05", "2024-11", "2024", "")] == [
        "day",
        "month",
        "year",
        "",
    ]
