"""Per-source figures: every numeric claim with its value, hedge, subject, actor, claimant and modality.

`extract_figures(text)` reads any text; `figure_rows(text)` gives the same rows as dicts without a
DataFrame (the fast path for bulk use). Numbers are found by analysis.numbers.english; the context rules
(analysis/figures/context.py) read each sentence that holds a number once, and each cue pattern
runs only after a cheap substring check says it can match. `tables(articles, quotes)` builds the `figures` table of a corpus (one
DataFrame per corpus) plus the two cross-source views: `claims_timeline` (how an estimate grew, by
publication date) and `who_reported_what` (the same claim across outlets, and conflicting ones).
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

import numpy as np
import pandas as pd

from analysis import schema
from analysis.figures import generic
from analysis.figures.context import SentenceContext
from analysis.ingest.article import Article
from analysis.ingest.text import MAX_SENTENCE_CHARS, cut_long
from analysis.numbers.english import Quantity, find_quantities
from analysis.voices.quotes import Quote, quote_at
from analysis.world import figure_packs

_PACK = figure_packs.english("figures.toml")
# The sentence-end pattern starts with a character class, so `re` jumps between the few characters
# that can start a match instead of trying every position.
# Sentence ends for bare text: terminal punctuation, a blank line, or a line break before a capital
# that does not continue a clause (headlines and captions have no full stop).
_ABBREVIATIONS = _PACK.list("attribution", "abbreviations")
# Checked after the punctuation mark is read, once a space is seen to follow ('4.5' never asks):
# not 'Mr.', 'Gen.', 'U.' (a single letter)
# (one look-behind per length of abbreviation, `re` needing a fixed width: 36 of them cost more)
_NOT_AFTER_ABBREVIATION = r"(?<!\b[A-Za-z].)" + "".join(
    rf"(?<!\b(?:{'|'.join(a for a in _ABBREVIATIONS if len(a) == size)}).)"
    for size in sorted({len(a) for a in _ABBREVIATIONS})
)
_BOUNDARY_RE = re.compile(
    rf"[.!?…\n](?:(?<=[.!?…])(?=[\"”’)\]]*\s){_NOT_AFTER_ABBREVIATION}[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|"
    r"(?<=\n)[ \t]*\n|(?<=\n)(?<![,;:(–—-]\n)(?=[\"“‘(\[]?[A-Z]))"
)


def is_english(language: str) -> bool:
    """English text (or text whose language is not known) is read by the English rules here."""
    return (language or "en").strip().lower().split("-")[0].split("_")[0] in ("en", "")


def extract_figures(text: str, language: str = "en") -> pd.DataFrame:
    """Figures in any text (schema 'figures'; article fields empty): value, hedge, kind, claimant."""
    return frame(figure_rows(text, language))


def figure_rows(text: str, language: str = "en") -> list[dict[str, object]]:
    """The rows of `extract_figures(text)` as dicts, without building a DataFrame (the hot path).

    Each dict holds the 'figures' columns plus 'source_at' (offset of the named source, -1 if none).
    Text in another language is read with that language's pack (analysis/figures/generic.py).
    """
    if not is_english(language):
        return generic.figure_rows(text, language)
    quantities = find_quantities(text)
    if not quantities:
        return []
    bounds = [0] + [m.end() for m in _BOUNDARY_RE.finditer(text)] + [len(text)]
    # an over-long 'sentence' (no stop in it) is read in pieces, so a row costs bounded time
    starts = []
    for start, end in pairwise(bounds):
        if end - start > MAX_SENTENCE_CHARS:
            starts.extend(piece for piece, _ in cut_long(text, start, end))
        else:
            starts.append(start)
    rows: list[dict[str, object]] = []
    starts.append(len(text))
    index, count, at = 0, len(quantities), 0  # the quantities are in text order
    while at < count:
        start = quantities[at].start
        index = bisect.bisect_right(starts, start, index) - 1
        begin, end = starts[index], starts[index + 1]
        found = [quantities[at]]
        at += 1
        while at < count and quantities[at].start < end:
            found.append(quantities[at])
            at += 1
        previous = text[starts[index - 1] : begin] if index else ""
        rows.extend(_rows(text[begin:end].rstrip(), _shifted(found, -begin), begin, previous))
    return rows


_COLUMNS = schema.columns("figures")


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The figures table from row dicts, built column by column with the right dtypes (fast)."""
    if not rows:
        return schema.empty("figures")
    columns = {}
    for column in _COLUMNS:
        values = [row[column] for row in rows]
        text = None if column in _DTYPES else schema.text_array(values)
        # else object arrays rather than lists: pandas still infers its string dtype, faster
        columns[column] = (
            text if text is not None else np.array(values, dtype=_DTYPES.get(column, object))
        )
    return pd.DataFrame(columns, copy=False)


_DTYPES = {
    "value_low": float,
    "value_high": float,
    "char_start": np.int64,
    "char_end": np.int64,
    "is_repeat": bool,
    "corrected": bool,
}


def _claimant(row: dict[str, object], quote: Quote | None, outlet: str) -> str:
    """The quote's speaker, unless an attribution inside the quoted span is nearer ('X claimed
    that ..., Kyiv also warned that ...'); else the sentence's own source; else the outlet."""
    own = str(row["claimant"])
    source_at = int(row["source_at"])  # type: ignore[call-overload]
    if (
        quote
        and quote.speaker
        and not (own and quote.char_start <= source_at < int(row["char_start"]))
    ):
        return quote.speaker
    return own or outlet


def _shifted(quantities: list[Quantity], offset: int) -> list[Quantity]:
    """The quantities with their offsets moved by `offset` (text offsets -> sentence offsets)."""
    for quantity in quantities:
        quantity.start += offset
        quantity.end += offset
        quantity.unit_end += offset
    return quantities


def _rows(
    sentence: str, quantities: list[Quantity], offset: int, previous: str = ""
) -> list[dict[str, object]]:
    """One figures row per quantity of a sentence (offsets shifted by `offset`); `previous` is the
    sentence before it, where a pronoun ('6,000 of them') finds what it points back to."""
    context = SentenceContext(sentence, previous)
    evidence = sentence.strip()
    rows = []
    for quantity in quantities:
        subject, kind, actor, status = context.counted(quantity)
        claimant, reported, source_at = context.claimant(quantity.start)
        rows.append(
            {
                "article_id": "",
                "outlet": "",
                "published": "",
                "value_low": quantity.low,
                "value_high": quantity.high,
                "vague": quantity.vague,
                "value_text": quantity.text,
                "approximator": quantity.approximator,
                "kind": kind,
                "subject": subject,
                "actor": actor,
                "claimant": claimant,
                "modality": context.modality(quantity, reported),
                "sentence": evidence,
                "char_start": offset + quantity.start,
                "char_end": offset + quantity.end,
                "is_repeat": False,
                "sentence_id": "",
                "status": status,
                "figure_id": "",
                "corrected": False,
                "source_at": offset + source_at,
            }
        )
    return rows


def article_rows(article: Article, quotes: list[Quote]) -> list[dict[str, object]]:
    """figures rows of one article (the per-article map): every quantity of its analysed sentences,
    with its claimant taken from the quote it stands in, if any."""
    rows: list[dict[str, object]] = []
    previous = ""
    english = is_english(article.language)
    sentences = article.sentences
    for index, sentence in enumerate(sentences):
        if sentence.is_boilerplate:
            continue
        before, previous = previous, sentence.text
        if english:
            quantities = find_quantities(sentence.text)
            if not quantities:  # most sentences: no sentence context to build
                continue
            found = _rows(sentence.text, quantities, sentence.char_start, before)
        else:
            following = sentences[index + 1].text if index + 1 < len(sentences) else ""
            found = generic.sentence_rows(
                sentence.text, sentence.char_start, article.language, before, following
            )
        sentence_id = article.sentence_id(sentence)
        for row in found:
            start, end = int(row["char_start"]), int(row["char_end"])
            quote = quote_at(quotes, start, end)
            row |= {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "published": article.published,
                "is_repeat": sentence.is_repeat,
                "sentence_id": sentence_id,
                "claimant": _claimant(row, quote, article.outlet),
                "figure_id": schema.row_id(article.article_id, "f", start, end),
            }
            rows.append(row)
    return rows
