"""analysis/stance/vader.py gives exactly vaderSentiment's compound score (float equality) on every
sentence and clause the project holds, on hand-written hard cases and on random word mixes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from analysis.ingest.corpus import load_corpus
from analysis.ingest.text import split_sentences
from analysis.stance.vader import EMOJIS, LEXICON, compound
from benchmarks.realtext import newsquant_sentences, shipped_sentences
from tests.paths import DATA
from tests.test_hostile_text import HOSTILE

LIBRARY = SentimentIntensityAnalyzer()


def _library(text: str) -> float:
    return LIBRARY.polarity_scores(text)["compound"]


CLAUSE_RE = re.compile(r"[^,;:—–“”\"«»]+")  # clauses as the tone model's VADER features cut them


def _with_clauses(sentences: list[str]) -> list[str]:
    """Each sentence and each clause of it (the tone model scores clauses)."""
    texts = []
    for sentence in sentences:
        texts.append(sentence)
        texts.extend(match.group(0) for match in CLAUSE_RE.finditer(sentence))
    return texts


def _differences(texts: list[str]) -> list[tuple[str, float, float]]:
    return [(t, compound(t), _library(t)) for t in texts if compound(t) != _library(t)]


def _jsonl_texts(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def test_shipped_and_newsquant_sentences_score_the_same():
    texts = _with_clauses(shipped_sentences() + newsquant_sentences())
    assert len(texts) > 2000
    assert _differences(texts) == []


def test_story_language_and_gold_sentences_score_the_same():
    sentences = []
    for story in sorted((DATA / "stories").iterdir()):
        if story.is_dir():
            corpus = load_corpus(story)
            sentences += [s.text for a in corpus.articles for s in a.sentences]
    for path in sorted(DATA.glob("*.jsonl")) + sorted((DATA / "languages").glob("*.jsonl")):
        for text in _jsonl_texts(path):
            sentences += [text] + [s.text for s in split_sentences(text)]
    texts = _with_clauses(sentences)
    assert len(texts) > 1500
    assert _differences(texts) == []


def test_hostile_texts_score_the_same():
    texts = []
    for text in HOSTILE.values():
        texts.append(text[:20_000])
        texts.extend(line for line in text[:20_000].splitlines()[:200])
    assert _differences(texts) == []


HARD_CASES = [
    "",
    "   ",
    "\t\n  \u3000",
    "The talks were GOOD, the officials said.",
    "The talks were GOOD and the ceasefire HELD!!!",
    "THE TALKS WERE GOOD",
    "The result was VERY good but the cost was TERRIBLE",
    "Is this really a victory??",
    "Is this a victory???? Nobody knows!!!!!!",
    "The plan is bold but reckless, critics say",
    "But the plan failed",
    "The plan failed but",
    "good but good but bad",
    "The deal is kind of good",
    "The deal was kind of a kind offer",
    "The ministry said it was sort of helpful",
    "The army did not win",
    "The army did not really win",
    "The army did not quite fully win",
    "The army never so proud",
    "never this good",
    "The army has never been this strong",
    "Without a doubt, a great success",
    "Without any doubt, a great success",
    "There was no progress",
    "no good deal",
    "no, no, no",
    "There is no hope or joy",
    "There is no doubt or nor hope",
    "It isn't a horrible outcome",
    "It wasn't the worst, it ain't good",
    "It was the least helpful reply",
    "At least it was helpful",
    "very least helpful",
    "least helpful",
    "That policy is the shit",
    "That speech was the bomb",
    "He is a bad ass negotiator",
    "The envoy was a badass",
    "yeah right, a peace plan",
    "It was the kiss of death for the talks",
    "a deal to die for",
    "the beating heart of the alliance",
    "they waited at the bus stop in fear",
    "just enough aid arrived",
    "The talks were absolutely wonderful",
    "The talks were EXTREMELY wonderful",
    "The talks were barely acceptable and slightly worse",
    "The diplomats smiled :) and then frowned :(",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "great😁",
    "😁😁 good",
    "A ceasefire 🕊️ was announced",
    "Минобороны заявило о провале переговоров",
    "国防部表示谈判失败了",
    "وزارة الدفاع قالت إن المحادثات فشلت",
    "Die Verhandlungen sind gescheitert, sagte der Minister.",
    "İİ! good",
    "ΟΔΟΣ bad",
    "!!! ??? ...",
    "'good' \"bad\" (great) [terrible]",
    "--good-- ..bad.. ,,ok,,",
    "a b c d e f good",
]


@pytest.mark.parametrize("text", HARD_CASES)
def test_hand_written_hard_cases_score_the_same(text):
    assert compound(text) == _library(text)


def test_lower_is_idempotent_on_every_character():
    # the library lower-cases a word again before its negation test; we lower-case it once
    for code in range(sys.maxunicode + 1):
        lowered = chr(code).lower()
        assert lowered.lower() == lowered


_LEXICON_WORDS = sorted(word for word in LEXICON if word.isalpha())[::7]
_PIECES = sorted(
    {piece for key in [*BOOSTER_DICT, *SPECIAL_CASES] for piece in key.split(" ")}
    | set(NEGATE)
    | {"no", "but", "least", "at", "very", "so", "this", "never", "without", "doubt", "or"}
    | {"kind", "of", "the", "troops", "said", "Russia", "n't", "don't"}
)
_PUNCT = ["!", "?", "!!", "??", "???", ",", ".", "...", ":)", ":(", ";)", "'", '"', "(", ")"]
_EMOJI = sorted(key for key in EMOJIS if len(key) == 1)[::60]


def _cased(word: str, style: int) -> str:
    return (word, word.upper(), word.capitalize())[style]


_TOKEN = st.one_of(
    st.tuples(st.sampled_from(_LEXICON_WORDS), st.integers(0, 2)).map(lambda t: _cased(*t)),
    st.tuples(st.sampled_from(_PIECES), st.integers(0, 2)).map(lambda t: _cased(*t)),
    st.sampled_from(_PUNCT),
    st.sampled_from(_EMOJI),
)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.tuples(_TOKEN, st.sampled_from(["", "!", "?", ",", "."]), st.booleans()), max_size=14
    )
)
def test_random_mixes_score_the_same(parts):
    text = ""
    for token, suffix, glued in parts:
        text += ("" if glued else " ") + token + suffix
    assert compound(text) == _library(text)
