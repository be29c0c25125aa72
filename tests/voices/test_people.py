"""People across articles: each quote's (speaker, affiliation) pair resolved once per distinct pair."""

from __future__ import annotations

import random

import pandas as pd

from analysis.voices.people import _distinct_pairs


def test_distinct_pairs_equal_walking_the_rows():
    rng = random.Random(4)
    names = ["Amina Diallo", "Diallo", "Олег Петров", "", None, "Chen Wei"]
    parties = ["Chad", "", None, "Niger", "ООН"]
    for size in (1, 2, 9, 500):
        speaker = pd.Series([rng.choice(names) for _ in range(size)], dtype="str")
        affiliation = pd.Series([rng.choice(parties) for _ in range(size)], dtype="str")
        rows = list(zip(speaker.fillna("").tolist(), affiliation.fillna("").tolist(), strict=True))
        pair_of, pairs = _distinct_pairs(speaker, affiliation)
        assert pairs == list(dict.fromkeys(rows))
        assert [pairs[n] for n in pair_of] == rows


def _people(text: str, language: str = "en") -> list[tuple[str, str, str]]:
    from analysis.ingest.article import article_from_text
    from analysis.voices.attribution import quotes_of
    from analysis.voices.people import people_rows
    from analysis.world.actors import world

    article = article_from_text(text)
    article = article.__class__(**{**article.__dict__, "language": language})
    rows = people_rows(article, world(), {}, quotes_of(article, world()))
    return [(r["name"], r["title"], r["affiliation"]) for r in rows]


def test_english_people_and_not_places_or_bodies():
    found = _people(
        "Fighting spread across North Kivu on Friday.\n\nCongo's foreign minister Thérèse "
        "Kayikwamba Wagner accused Rwanda of sending troops."
    )
    assert found == [
        (
            "Thérèse Kayikwamba Wagner",
            "Congo's foreign minister",
            "Democratic Republic of the Congo",
        )
    ]  # a surname that is an alias (Wagner) keeps the person; 'North Kivu' is a place


def test_another_language_lists_its_speakers_not_its_capitalised_words():
    found = _people(
        "Il Ruanda respinge le accuse\n\nIl Ruanda ha respinto le accuse. «L'Italia chiede un "
        "cessate il fuoco», ha detto il ministro degli Esteri Antonio Tajani. Il Consiglio di "
        "Sicurezza si riunirà lunedì.",
        "it",
    )
    assert found == [("Antonio Tajani", "", "Italy")]
