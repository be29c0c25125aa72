"""Tone toward each actor: the model's rows per sentence and actor, the victim rule, languages with
no tone measured, and the helpers behind the stance labels."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from analysis.events.extract import event_rows
from analysis.ingest.article import article_from_text
from analysis.ingest.repeats import WORD_RE
from analysis.stance.tone import (
    EVIDENCE_SENTENCES,
    NOT_MEASURED,
    _evidence,
    _rows_by,
    quoted_words_by_quote,
    tone_label,
    tone_rows,
)
from analysis.voices.attribution import quotes_of
from analysis.voices.packs import actors_for
from analysis.voices.spans import Quote
from analysis.world.mentions import SentenceMentions
from analysis.world.story import load_actors

ACTORS = load_actors()


def rows_of(text: str, language: str = "en") -> dict[str, dict]:
    """The tone rows of a one-sentence article, by actor (events read as the map reads them)."""
    article = article_from_text(f"Headline.\n\n{text}\n")
    article = article.__class__(**{**article.__dict__, "language": language})
    mentions = SentenceMentions(actors_for(ACTORS, language))
    events = event_rows(article, [], mentions)
    rows, _ = tone_rows(article, ACTORS, [], [], mentions, events)
    return {row["actor"]: row for row in rows if row["sentence_id"].endswith(":1")}


def test_the_model_reads_blame_and_praise_toward_each_actor():
    rows = rows_of("Qatar praised Egypt's mediation while Sudan condemned interference by Chad.")
    assert rows["Egypt"]["score"] > 0.1 and rows["Chad"]["score"] < -0.1
    assert {row["method"] for row in rows.values()} == {"newsmtsc model"}


def test_an_actor_shown_only_as_attacked_is_not_scored_critical():
    rows = rows_of("Russian missiles killed 14 Ukrainian civilians in Kharkiv overnight.")
    assert rows["Ukraine"]["only_acted_on"] and rows["Ukraine"]["score"] >= 0
    assert not rows["Russia"]["only_acted_on"]


def test_an_actor_only_condemning_an_attack_is_not_scored_critical():
    rows = rows_of("Egypt condemned the deadly bombing of the market in Khartoum.")
    assert rows["Egypt"]["only_acted_on"] and rows["Egypt"]["score"] >= 0


def test_the_side_a_sentence_only_quotes_is_not_scored_critical():
    article = article_from_text(
        'Headline.\n\n"This reckless assault on shipping must stop," a Pentagon spokesman said.\n'
    )
    mentions = SentenceMentions(ACTORS)
    quotes = quotes_of(article, ACTORS)
    events = event_rows(article, quotes, mentions)
    rows, _ = tone_rows(article, ACTORS, quotes, [], mentions, events)
    [row] = [r for r in rows if r["actor"] == "United States"]
    assert row["only_acted_on"] and row["score"] >= 0


def test_another_language_gets_rows_but_no_tone():
    rows = rows_of("Le Tchad a condamné les frappes du Soudan.", "fr")
    assert set(rows) >= {"Chad", "Sudan"}
    assert all(row["score"] != row["score"] for row in rows.values())  # NaN: not measured
    assert {row["method"] for row in rows.values()} == {NOT_MEASURED}
    assert tone_label(float("nan")) == NOT_MEASURED


def _evidence_by_full_sort(rows, ids, scores, hits, label):
    """The definition: every row sorted by the label's key, the first few taken."""
    if label == "critical":
        ranked = sorted(rows, key=lambda i: (scores[i] - hits[i], ids[i]))
    elif label == "favourable":
        ranked = sorted(rows, key=lambda i: -scores[i])
    else:
        ranked = sorted(rows, key=lambda i: -abs(scores[i]))
    return [ids[i] for i in ranked[:EVIDENCE_SENTENCES]]


@pytest.mark.parametrize("label", ["critical", "favourable", "neutral"])
def test_evidence_equals_sorting_every_row_even_with_many_ties(label):
    rng = random.Random(3)
    for size in (0, 1, 2, 3, 4, 7, 50, 400):
        scores = [
            rng.choice([-0.5, -0.25, 0.0, 0.25, 0.5, rng.uniform(-1, 1)]) for _ in range(size)
        ]
        hits = [rng.choice([0, 0, 1, 2]) for _ in range(size)]
        ids = [f"a{rng.randrange(5)}:s{rng.randrange(40)}" for _ in range(size)]
        rows = sorted(rng.sample(range(size), k=size * 2 // 3))
        chosen = _evidence(rows, ids, scores, hits, label)
        assert [ids[i] for i in chosen] == _evidence_by_full_sort(rows, ids, scores, hits, label), (
            size
        )


def test_rows_by_outlet_and_actor_keep_table_order():
    rng = random.Random(8)
    for size in (0, 1, 6, 300):
        tone = pd.DataFrame(
            {
                "outlet": [
                    rng.choice(["Harbour Times", "Le Matin", "Дневник"]) for _ in range(size)
                ],
                "actor": [rng.choice(["Chad", "Niger", "Mali"]) for _ in range(size)],
            }
        )
        plain: dict[tuple[str, str], list[int]] = {}
        for row, key in enumerate(zip(tone["outlet"], tone["actor"], strict=True)):
            plain.setdefault(key, []).append(row)
        assert {k: v.tolist() for k, v in _rows_by(tone).items()} == plain


def _quoted_words_word_by_word(article, quotes):
    """The definition: every word of every quote, the shortest quote starting a word there owning
    it (the later one among equals), counted when it starts in a counted sentence."""
    sentences = sorted(article.sentences, key=lambda s: s.char_start)
    owner = {}
    for index in sorted(
        range(len(quotes)), key=lambda i: quotes[i].char_start - quotes[i].char_end
    ):
        for match in WORD_RE.finditer(
            article.raw_text, quotes[index].char_start, quotes[index].char_end
        ):
            owner[match.start()] = index
    words = [0] * len(quotes)
    for position, index in owner.items():
        holding = [s for s in sentences if s.char_start <= position]
        if holding and position < holding[-1].char_end and holding[-1].counted:
            words[index] += 1
    return words


def test_quoted_words_equal_reading_word_by_word():
    text = (
        "Harbour strike enters its third week\n\n"
        "The union's leader, Amara Okafor, said the port authority had “offered nothing, not even "
        "the 3.5 per cent it promised in May”. “We will stay out,” she added.\n\n"
        "“This is a lawful strike. Our members voted for it,” Okafor told reporters.\n\n"
        "The authority said it was “studying the union's so-called ‘final demands’ carefully”.\n\n"
        "Copyright 2031 Harbour Gazette. All rights reserved."
    )
    article = article_from_text(text, file="harbour.txt")
    raw = article.raw_text
    rng = random.Random(11)
    for _ in range(300):
        quotes = []
        for _ in range(rng.randrange(6)):
            start = rng.randrange(len(raw))
            end = min(len(raw), start + rng.choice([0, 3, 12, 40, 160]))
            quotes.append(
                Quote("a", "", "", "", "", "direct", " ".join(raw[start:end].split()), start, end)
            )
        assert quoted_words_by_quote(article, quotes) == _quoted_words_word_by_word(article, quotes)
