"""Property tests: the extractors accept any text and keep their spans inside it (hypothesis)."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.escalation.hits import find_hits, load_lexicon
from analysis.figures.extract import extract_figures
from analysis.ingest.article import LoadError, article_from_text
from analysis.voices.quotes import find_quotes
from analysis.world.story import SHIPPED_STORY, load_actors

ACTORS = load_actors(SHIPPED_STORY)
LEXICON = load_lexicon()
# Words the extractors react to, mixed with arbitrary characters: numbers and separators, hedges,
# attribution cues, names, quote marks, sentence stops and line breaks.
TOKENS = st.sampled_from(
    [
        "10,000", "1.5", "x 10", "400", "million", "thousand", "a dozen", "$", "%", "-", "up to",
        "between", "and", "troops", "killed", "said", "told reporters", "according to", "Kim",
        "Jong Un", "NATO", "Russia", "not", "escalation", "war", "“", "”", '"', "‘", "’", "«", "»",
        ".", "...", "?", ",", ":", "(", ")", "\n", "\n\n", "\r", "\u200b", "e\u0301", "٣", "万",
    ]
)  # fmt: skip
TEXTS = st.lists(st.one_of(TOKENS, st.text(max_size=8)), max_size=120).map(" ".join)
SETTINGS = settings(max_examples=50, deadline=None, derandomize=True, database=None)


@SETTINGS
@given(TEXTS)
def test_figures_are_finite_and_inside_the_text(text):
    figures = extract_figures(text)
    for row in figures.itertuples():
        assert 0 <= row.char_start <= row.char_end <= len(text)
    values = pd.to_numeric(pd.concat([figures["value_low"], figures["value_high"]])).dropna()
    assert values.map(math.isfinite).all()


@SETTINGS
@given(TEXTS)
def test_escalation_hits_are_inside_the_text(text):
    for hit in find_hits(text, LEXICON):
        assert 0 <= hit.char_start <= hit.char_end <= len(text)


@SETTINGS
@given(TEXTS)
def test_quotes_are_inside_the_text(text):
    try:
        article = article_from_text(text)
    except LoadError:
        return  # nothing but page furniture: reported to the user, nothing to quote
    for quote in find_quotes(article, ACTORS):
        assert 0 <= quote.char_start <= quote.char_end <= len(article.raw_text)
        assert quote.text.strip()
