"""Original-language coverage: quotes with speakers and escalation hits in each language pack,
scored on hand-written sentences in the style of real reporting (tests/data/languages/<code>.jsonl;
several stories, not only the shipped one). Each line: the text, the quotes as [speaker, words
from the quote] and the escalation hits as [category, text as written, negated]."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis import escalation, languages
from analysis.actors import load_actors
from analysis.attribution import actors_for, expand_forms, quote_pack, quotes_of
from analysis.corpus import article_from_text
from analysis.lexicon import LexiconError, load_lexicon, parse_pack_lexicon

GOLD = Path(__file__).parent / "data" / "languages"
ACTORS = load_actors()
LEXICON = load_lexicon()
# Floors measured on the first run of these labels (see the README's measures); a drop fails.
FLOORS = {"speaker_precision": 0.8, "speaker_recall": 0.7, "hits_recall": 0.8}


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


@pytest.mark.parametrize("code", ["fr", "de", "es", "ru", "uk", "ko"])
def test_each_language_finds_its_speakers_and_escalation_terms(code):
    scores = score(code)
    print(code, {k: round(v, 2) for k, v in scores.items()})
    for measure, floor in FLOORS.items():
        assert scores[measure] >= floor, (code, measure, scores)
