"""Quotes and speakers: the dev-label speakers of the shipped corpus and real reporting patterns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.ingest.article import article_from_text
from analysis.voices.quotes import Quote, find_quotes, quote_at
from analysis.world.story import SHIPPED_STORY, load_actors
from tests.paths import DATA

ACTORS = load_actors(SHIPPED_STORY)
GOLD = DATA / "quotes_gold.jsonl"


def quotes_of(text: str) -> list[Quote]:
    article = article_from_text(text)
    return find_quotes(article, ACTORS)


def speakers(text: str) -> list[str]:
    return [q.speaker for q in quotes_of(text)]


def test_every_dev_label_speaker_is_found_with_its_camp(shipped_corpus, seed_labels):
    by_file = {a.file: a for a in shipped_corpus.articles}
    for label in seed_labels["quotes"]:
        found = find_quotes(by_file[label["file"]], ACTORS)
        matching = [q for q in found if q.speaker == label["speaker"]]
        assert matching, (label, sorted({q.speaker for q in found}))
        assert {q.camp for q in matching} == {label["camp"]}, label
        if ACTORS.get(label["affiliation"]):  # "Munich Security Conference (former NATO)" is not
            assert {q.affiliation for q in matching} == {label["affiliation"]}, label


def test_quote_spans_point_into_the_raw_text(shipped_corpus):
    for article in shipped_corpus.articles:
        for quote in find_quotes(article, ACTORS):
            flat = " ".join(article.raw_text[quote.char_start : quote.char_end].split())
            assert flat == quote.text


def test_said_after_and_inverted_said():
    found = quotes_of(
        "Prime Minister Sir Keir Starmer spoke in Berlin.\n\n"
        "“It shows desperation,” Starmer said.\n\n"
        '"We are united," said the prime minister.'
    )
    assert [(q.speaker, q.kind) for q in found] == [("Keir Starmer", "direct")] * 2
    assert found[0].text == "It shows desperation" and found[0].affiliation == "United Kingdom"


def test_pronoun_follow_on_and_standalone_quote_paragraph():
    found = quotes_of(
        "“Russia is in a difficult position,” Nato Secretary-General Mark Rutte said.\n\n"
        "He added that the reports suggest Moscow is struggling.\n\n"
        "“They are desperate,” he continued.\n\n"
        "“It looks more like an act of desperation than anything else.”"
    )
    assert [q.speaker for q in found] == ["Mark Rutte"] * 4
    assert [q.kind for q in found] == ["direct", "reported", "direct", "direct"]
    assert found[1].text == "the reports suggest Moscow is struggling"


def test_appositive_and_participle_between_speaker_and_verb():
    found = quotes_of(
        '"It is a signal that they want escalation," Lavrov, speaking in Rio de Janeiro, '
        "told reporters.\n\n"
        "“We need weapons,” Andriy Yermak, the president’s chief of staff, said on X."
    )
    assert [(q.speaker, q.cue, q.camp) for q in found] == [
        ("Sergei Lavrov", "told reporters", "Russia/DPRK"),
        ("Andriy Yermak", "said", "Ukraine"),
    ]


def test_quote_across_sentences_and_across_paragraphs():
    found = quotes_of(
        "Ukrainian Foreign Minister Andrii Sybiha spoke on Tuesday.\n\n"
        "“Russia is aligning itself with rogue states. This axis undermines the global order.\n\n"
        "“The involvement of DPRK troops marks a new level of escalation,” the minister said."
    )
    assert [q.speaker for q in found] == ["Andrii Sybiha"] * 2
    assert found[0].text.endswith("undermines the global order.")


@pytest.mark.parametrize(
    "text, quoted",
    [
        (
            "Moscow called it «une provocation», Russian Foreign Minister Sergei Lavrov said.",
            "une provocation",
        ),
        ("Der Kreml nannte es „Unsinn“, said Kremlin spokesman Dmitry Peskov.", "Unsinn"),
        ("The Kremlin dismissed the reports as ‘fake news’ on Friday.", "fake news"),
    ],
)
def test_other_quote_styles(text, quoted):
    assert quoted in [q.text for q in quotes_of(text)]


def test_apostrophes_are_not_quotes():
    found = quotes_of(
        "Russia’s army and the allies’ weapons: it’s the Kremlin’s war, analysts say in Kyiv’s view."
    )
    assert all(q.kind == "reported" for q in found)


def test_reported_speech_span_is_the_clause_after_the_cue():
    text = (
        "Rutte said the North Korean deployment represented “a significant escalation” of the war."
    )
    found = quotes_of(text)
    reported = [q for q in found if q.kind == "reported"]
    assert reported[0].text.startswith("the North Korean deployment represented")
    direct = quote_at(found, text.index("significant"), text.index("significant") + 5)
    assert direct.kind == "direct" and direct.speaker == "Mark Rutte"


def test_according_to_attaches_to_its_clause():
    found = quotes_of(
        "According to Russia’s Defense Ministry, Ukraine fired six missiles at Bryansk.\n\n"
        "The attack caused no damage, the ministry said."
    )
    assert [(q.speaker, q.affiliation) for q in found] == [
        ("Russia’s Defense Ministry", "Russia")
    ] * 2
    assert found[0].text == "Ukraine fired six missiles at Bryansk"
    assert found[1].cue == "said" and found[1].text == "The attack caused no damage"


def test_bodies_and_unnamed_officials_speak():
    found = quotes_of(
        "The Kremlin had dismissed reports about a troop deployment as “fake news”.\n\n"
        "A North Korean representative to the UN in New York called the reports “groundless rumours”."
    )
    assert [(q.speaker, q.camp) for q in found] == [
        ("Kremlin", "Russia/DPRK"),
        ("North Korean representative to the UN", "Russia/DPRK"),
    ]


def test_did_not_deny_is_not_a_quote_but_the_coordinated_said_is():
    found = quotes_of(
        "But Putin on Thursday did not deny that North Korean troops were in Russia and said "
        "that it was Moscow’s business."
    )
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Vladimir Putin", "said", "it was Moscow’s business")
    ]


def test_title_gives_affiliation_of_an_unlisted_person():
    found = quotes_of("“We will respond,” Ukrainian Defence Minister Oleksiy Reznikov said.")
    assert (found[0].speaker, found[0].affiliation) == ("Oleksiy Reznikov", "Ukraine")


def test_quote_less_article_is_empty_not_an_error():
    assert quotes_of("Troops moved near the border on Tuesday. The weather was cold.") == []


def speaker_scores(path: Path = GOLD) -> tuple[float, float, float]:
    """Speaker precision, recall and F1 on the hand-labelled sentences of tests/data/quotes_gold.jsonl.

    A found quote with a speaker is right when its text overlaps a gold quote of the same speaker.
    """
    true_positives = predicted = expected = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold = [(_norm(q["speaker"]), q["text"]) for q in item["quotes"]]
        found = [q for q in quotes_of(item["text"]) if q.speaker]
        expected += len(gold)
        predicted += len(found)
        unmatched = list(gold)
        for quote in found:
            hit = next(
                (
                    g
                    for g in unmatched
                    if g[0] == _norm(quote.speaker) and (g[1] in quote.text or quote.text in g[1])
                ),
                None,
            )
            if hit:
                unmatched.remove(hit)
                true_positives += 1
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _norm(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip().replace("’", "'"), flags=re.I).casefold()


def test_speaker_f1_on_hand_labelled_reporting_sentences():
    precision, recall, f1 = speaker_scores()
    print(f"speaker P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= 0.85


def test_people_found_once_per_article_give_the_same_quotes_and_people_rows():
    from analysis.voices.people import people_rows

    text = (
        "Kenyan Interior Minister Amina Odhiambo said on Friday that the border crossing at "
        "Namanga would reopen. “We have restored order,” Odhiambo told reporters in Nairobi.\n\n"
        "Tanzania's Foreign Minister Joseph Mbwana, speaking in Arusha, said talks would go on. "
        "The minister added that “trade cannot wait”, according to a statement.\n\n"
        "Odhiambo later denied that troops had been sent, the ministry said."
    )
    article = article_from_text(text, outlet="Lakeside Herald")
    named: dict[str, list] = {}
    shared = (find_quotes(article, ACTORS, named), people_rows(article, ACTORS, named))
    assert named  # the quotes filled the memo the people table then read
    assert shared == (find_quotes(article, ACTORS), people_rows(article, ACTORS))
    assert {q.speaker for q in shared[0]} >= {"Amina Odhiambo", "Joseph Mbwana"}


def test_trailing_report_with_figures_and_an_earlier_verb():
    found = quotes_of(
        "Floods cut the only road to Tete, stranding 1,200 families, the provincial governor said "
        "on Tuesday.\n\nThe governor said the army had been asked to help, but the bridge at "
        "Zóbuè, officials added, is still closed."
    )
    reported = [(q.speaker, q.cue, q.text) for q in found if q.kind == "reported"]
    assert reported[0] == (
        "provincial governor",
        "said",
        "Floods cut the only road to Tete, stranding 1,200 families",
    )
    assert all(q.cue != "added" for q in found)  # 'officials added' is no trailing cue here
