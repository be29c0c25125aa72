"""Framing, tone and summaries: dev labels of the shipped corpus and real reporting sentences."""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import schema, stance
from analysis.ingest.article import article_from_text
from analysis.stance import framing as article_framing
from analysis.stance.tone import tone_label
from analysis.voices.quotes import find_quotes
from analysis.world.story import SHIPPED_STORY, load_actors
from tests.paths import DATA

ACTORS = load_actors(SHIPPED_STORY)


def run(articles):
    quotes = {a.article_id: find_quotes(a, ACTORS) for a in articles}
    return stance.tables(
        articles, ACTORS, quotes, schema.empty("figures"), schema.empty("escalation_hits")
    )


@pytest.fixture(scope="module")
def shipped_tables(shipped_corpus):
    return run(shipped_corpus.articles)


def test_tables_have_exactly_the_schema_columns(shipped_tables):
    for name in ("quotes", "framing", "stance", "summaries"):
        assert list(shipped_tables[name].columns) == schema.columns(name)


def test_core_claim_framing_matches_the_dev_labels(shipped_corpus, shipped_tables, seed_labels):
    framing = shipped_tables["framing"]
    decisive = framing[(framing["figure_ref"] == "") & framing["primary"]]
    by_file = {a.file: a.article_id for a in shipped_corpus.articles}
    for label in seed_labels["core_claim"]:
        expected = label["status"].split(" by ")[0].split(";")[0]
        row = decisive[decisive["article_id"] == by_file[label["file"]]]
        assert list(row["framing"]) == [expected], label


def test_not_confirmed_by_both_sides_is_kept_with_who(shipped_tables):
    rows = shipped_tables["framing"].query("framing == 'not confirmed'")
    assert list(rows["by"]) == ["Pyongyang; Moscow"]


@pytest.mark.parametrize(
    "sentence, framing",
    [
        (
            "Kremlin leader Vladimir Putin does not deny that North Korean troops are in Russia.",
            "not denied",
        ),
        ("Moscow refused to deny that North Korean soldiers were fighting in Kursk.", "not denied"),
        ("The Kremlin dismissed reports of North Korean troops in Russia as fake news.", "denied"),
        ("Pyongyang rejected claims that it sent troops to Russia.", "denied"),
        (
            "Neither Pyongyang nor Moscow have confirmed the presence of North Korean soldiers.",
            "not confirmed",
        ),
        ("The Pentagon confirmed that North Korean troops are in Russia.", "confirmed"),
        ("Satellite images show North Korean troops at a base in eastern Russia.", "confirmed"),
        ("North Korean troops have allegedly been sent to Russia.", "alleged"),
        ("North Korean troops are reportedly in Russia.", "reported"),
        ("As many as 10,000 North Korean soldiers could be deployed to Russia.", "reported"),
        ("North Korea sent 12,000 men to Russia, according to Seoul.", "asserted"),
    ],
)
def test_framing_of_real_reporting_sentences(sentence, framing):
    article = article_from_text(sentence)
    rows = article_framing.frame_claim(article, ACTORS, find_quotes(article, ACTORS))
    assert rows[0]["framing"] == framing and rows[0]["primary"]


def test_a_denial_right_after_the_claim_denies_it():
    article = article_from_text(
        "Officials said North Korean troops had arrived in Russia. "
        "A North Korean diplomat called the reports “groundless rumours”."
    )
    rows = article_framing.frame_claim(article, ACTORS, find_quotes(article, ACTORS))
    denied = [r for r in rows if r["framing"] == "denied"]
    assert denied and "North Korean" in denied[0]["by"]


def test_every_summary_evidence_id_exists_in_that_outlets_articles(shipped_corpus, shipped_tables):
    for row in shipped_tables["summaries"].itertuples():
        articles = [a for a in shipped_corpus.articles if a.outlet == row.outlet]
        ids = {a.sentence_id(s) for a in articles for s in a.sentences}
        evidence = row.evidence_ids.split("; ")
        assert evidence and set(evidence) <= ids, row.outlet
        assert row.summary.endswith(".")


def test_summary_reads_the_numbers(shipped_corpus, shipped_tables):
    summaries = shipped_tables["summaries"].set_index("outlet")["summary"]
    assert summaries["Daily Express"].startswith("Quotes only Western voices (Keir Starmer)")
    assert "as confirmed (by Mark Rutte)" in summaries["Unknown (Reuters copy)"]


def test_quoted_share_is_a_share_per_outlet(shipped_tables):
    table = shipped_tables["stance"]
    assert table["quoted_share"].between(0, 1).all()
    express = table[(table["outlet"] == "Daily Express") & (table["actor"] == "United Kingdom")]
    assert express["quoted_share"].item() == 1.0
    for outlet, rows in table.groupby("outlet"):
        camps = rows.assign(camp=[ACTORS.camp(actor) for actor in rows["actor"]])
        assert camps.drop_duplicates("camp")["quoted_share"].sum() <= 1.0001, outlet


def test_stance_evidence_ids_are_mentions_of_the_actor(shipped_corpus, shipped_tables):
    sentences = {a.sentence_id(s): s.text for a in shipped_corpus.articles for s in a.sentences}
    for row in shipped_tables["stance"].itertuples():
        for sentence_id in filter(None, row.evidence_ids.split("; ")):
            assert {m.actor for m in ACTORS.mentions(sentences[sentence_id])} >= {row.actor}


def test_tone_thresholds():
    assert tone_label(-0.3) == "critical"
    assert tone_label(-0.1) == "critical"
    assert tone_label(-0.05) == "neutral"
    assert tone_label(0.05) == "neutral"
    assert tone_label(0.4) == "favourable"
    assert tone_label(float("nan")) == "not measured"


def test_quote_less_claim_less_article_is_a_finding():
    tables = run([article_from_text("Snow fell in the hills on Tuesday. Schools stayed open.")])
    assert tables["quotes"].empty and tables["framing"].empty and tables["stance"].empty
    summary = tables["summaries"]["summary"].item()
    assert summary.startswith("Quotes no named speaker; does not state the claim")


def test_framing_accuracy_on_hand_labelled_articles():
    """tests/data/framing_gold.jsonl: short articles written from real reporting, one label each."""
    lines = (DATA / "framing_gold.jsonl").read_text(encoding="utf-8")
    items = [json.loads(line) for line in lines.splitlines()]
    right = 0
    for item in items:
        article = article_from_text(item["text"])
        rows = article_framing.frame_claim(article, ACTORS, find_quotes(article, ACTORS))
        right += bool(rows) and rows[0]["framing"] == item["framing"]
    print(f"framing accuracy {right}/{len(items)}")
    assert right / len(items) >= 0.9


def test_tone_is_read_toward_each_actor_the_sentence_names():
    article = article_from_text(
        "Nato Secretary-General Mark Rutte praised the courage and resilience of Ukraine's people; "
        "Russia's brutal and illegal war has killed and wounded thousands."
    )
    table = run([article])["stance"].set_index("actor")
    assert table.loc["NATO", "tone_label"] == "favourable"
    assert table.loc["Russia", "tone_label"] == "critical"
    assert table.loc["Russia", "evidence_ids"] == f"{article.article_id}:0"


def test_an_outlet_with_many_articles_gets_one_readable_framing_clause():
    framings = (
        ["confirmed"] * 5 + ["reported"] * 3 + ["denied", "alleged", "not denied", "asserted"]
    )
    framing = pd.DataFrame(
        {
            "figure_ref": "",
            "primary": True,
            "framing": framings,
            "by": ["Ministry"] * 5 + [""] * 7,
            "sentence_id": [f"a{i}:0" for i in range(len(framings))],
            "framing_id": [f"a{i}:c0-4" for i in range(len(framings))],
        }
    )
    text, evidence, row_ids = stance.reduce._framing_clause(framing, "400 civilians killed")
    assert text.startswith("frames 400 civilians killed as confirmed (by Ministry) in 5 articles")
    assert "reported in 3 articles" in text
    assert text.endswith("(and 3 other framings in 3 articles)")
    assert evidence == ["a0:0", "a1:0", "a2:0", "a5:0", "a6:0", "a7:0", "a8:0"]
    assert row_ids == [e.replace(":0", ":c0-4") for e in evidence]


def test_tone_is_scored_only_in_english_the_lexicon_it_reads():
    from analysis.stance.tone import tone_rows
    from analysis.world.actors import world

    english = article_from_text(
        "Venezuela condemned the dangerous provocation by Guyana on Monday."
    )
    german = article_from_text(
        "Venezuela verurteilte am Montag die gefährliche Provokation durch Guyana scharf."
    )
    assert german.language == "de"
    assert {row["actor"] for row in tone_rows(english, world(), [], [])[0]} == {
        "Venezuela",
        "Guyana",
    }
    german_rows = tone_rows(german, world(), [], [])[0]
    assert {row["actor"] for row in german_rows} == {"Venezuela", "Guyana"}  # counted, not scored
    assert all(
        row["score"] != row["score"] and row["method"] == "not measured" for row in german_rows
    )


def _classify_by_definition(text):
    """classify as first written: every rule searched (and blanked) in the text as it is."""
    found, masked = [], text
    for framing, pattern in article_framing._RULES:
        seen = {f for f, _ in found}
        if framing == "asserted" and seen - {"not confirmed"}:
            break
        if framing in ("alleged", "reported") and seen & {"denied", "not denied", "confirmed"}:
            continue
        match = pattern.search(masked)
        if match:
            found.append((framing, match))
            masked = pattern.sub(lambda each: " " * len(each.group(0)), masked)
    return found


CUE_SENTENCES = [
    "The ministry DID NOT DENY reports that 300 engineers were sent.",
    "Officials Dismissed the Claims as Groundless RUMOURS, the agency said.",
    "It could not be independently verified; neither side confirmed nor denied it.",
    "Satellite Imagery Shows new barracks, analysts said, and the army Admitted losses.",
    "İstanbul'daki yetkililer CONFIRMED the deal, reportedly.",  # dotted capital I
    "The \u212aremlin alleged that the ſhips were fake news.",  # Kelvin sign, long s
    "Neither Lisbon nor Madrid has acknowledged the transfer, which is said to be complete.",
    "Ils ont démenti — « fake news », a dit le porte-parole.",
    "Quito accused Lima of massing 900 troops, and reports said more could follow.",
    "Hanoi has not denied it, has not confirmed it and dismissed claims it was verified.",
    "",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([s for s in CUE_SENTENCES if s]),
            st.sampled_from(
                ["DENIED", "not", "never", "confirm", "Reports", "said", "İ", "ı", "ſ"]
            ),
            st.text(alphabet=st.sampled_from(list("aeinrs dDNT'’\u212a\u0130"))),
        ),
        max_size=6,
    ),
    st.booleans(),
)
def test_cues_found_alike_in_any_text(pieces, upper):
    text = " ".join(pieces)
    text = text.upper() if upper else text
    ours = [(f, m.span(), m.group(0)) for f, m in article_framing.classify(text)]
    expected = [(f, m.span(), m.group(0)) for f, m in _classify_by_definition(text)]
    assert ours == expected


def test_cues_found_alike_in_hand_written_sentences():
    for text in CUE_SENTENCES + [s.upper() for s in CUE_SENTENCES]:
        ours = [(f, m.span(), m.group(0)) for f, m in article_framing.classify(text)]
        expected = [(f, m.span(), m.group(0)) for f, m in _classify_by_definition(text)]
        assert ours == expected, text


def _voices_by_outlet(quotes: pd.DataFrame, outlet: str) -> dict[str, tuple]:
    """The definition camp_voices must equal: one outlet's named quotes, per camp its three most
    quoted speakers by words and the first sentence and quote each is quoted in."""
    named = quotes[(quotes["outlet"] == outlet) & (quotes["speaker"] != "")]
    voices = {}
    for camp in named["camp"].dropna().unique():
        in_camp = named[named["camp"] == camp]
        speakers = in_camp.groupby("speaker")["words"].sum().sort_values(ascending=False).index[:3]
        voices[camp] = (
            list(speakers),
            [
                str(in_camp[in_camp["speaker"] == s].iloc[0]["sentence_ids"]).split("; ")[0]
                for s in speakers
            ],
            [str(in_camp[in_camp["speaker"] == s].iloc[0]["quote_id"]) for s in speakers],
        )
    return voices


def test_camp_voices_equal_each_outlets_own_ranking():
    rng = random.Random(5)
    speakers = [("Amina Diallo", "west"), ("Jean Moreau", "west"), ("Олег Петров", "east"),
                ("Chen Wei", "east"), ("", "west"), ("Lucía Gómez", "")]  # fmt: skip
    for size in (0, 1, 5, 40, 400):
        rows = []
        for n in range(size):
            speaker, camp = rng.choice(speakers)
            rows.append(
                {
                    "outlet": rng.choice(["Harbour Times", "Delmar Daily", "Le Matin"]),
                    "speaker": speaker,
                    "camp": camp,
                    "words": rng.choice([3, 5, 5, 8, 13]),  # equal sums are frequent
                    "sentence_ids": f"a{n}:s{rng.randrange(4)}; a{n}:s9",
                    "quote_id": f"a{n}:q1",
                }
            )
        columns = ["outlet", "speaker", "camp", "words", "sentence_ids", "quote_id"]
        quotes = pd.DataFrame(rows, columns=columns)
        voices = stance.camp_voices(quotes)
        for outlet in quotes["outlet"].unique():
            assert voices.get(outlet, {}) == _voices_by_outlet(quotes, outlet), (size, outlet)
