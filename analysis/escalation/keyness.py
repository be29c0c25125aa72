"""Keyness: which lexicon terms, and which content words, an outlet uses more or less than the rest
of the corpus would lead one to expect (the `keyness` table).

For each outlet (or outlet group, when the reduce sums outlets by group) and each language, a term
(or word) is a 2x2 table: its count in the outlet's text against the rest of the corpus in the same
language, over the words of each. Dunning's log-likelihood G² (as quanteda's textstat_keyness and
Rayson's Wmatrix compute it) says how surprising the difference is, with its p-value on one degree
of freedom; Hardie's log ratio (log2 of the rate ratio) says how large it is. Words of other
languages are compared within their language only. Counting is Counter-based: one pass over the
counted sentences in the reduce, then numpy over each language's vocabulary.

Lexicon terms: every term that occurs in a language, for every outlet writing in it (non-negated
hits, quoted speech included, over the words of the rates). Content words: every word that is not
one of the language's stop words (data/languages/<code>/text.toml `stopwords`), of at least two
letters, used at least MIN_WORD_COUNT times in the language, kept when its G² reaches WORD_G2 (p <
0.001) and among the MAX_WORDS strongest of each direction per outlet and language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis import schema
from analysis.escalation.intervals import chi2_1df_survival
from analysis.ingest.boundaries import pack_stopwords
from analysis.world import languages

MIN_WORD_COUNT = 5  # uses of a word in a language before its keyness is looked at
WORD_G2 = 10.83  # G² of p = 0.001 on one degree of freedom: content words kept from here on
MAX_WORDS = 40  # content words kept per outlet, language and direction (the strongest G²)
_TOKEN_RE = re.compile(r"[^\W\d_]+")

# (outlet, language) -> Counter of the word tokens of its counted sentences
WordCounts = dict[tuple[str, str], Counter]


def tokens(text: str) -> list[str]:
    """The word tokens of `text`, lower case: runs of letters (digits and punctuation split)."""
    return _TOKEN_RE.findall(text.lower())


def language_of(language: object) -> str:
    """The language code keyness groups by ('' when unknown)."""
    return languages.code(str(language or ""))


def count_words(texts: Iterable[tuple[str, str]], articles: pd.DataFrame) -> WordCounts:
    """Word tokens per (outlet, language) from (article_id, counted sentence text) pairs; the
    outlet and language of each article come from `articles`."""
    where = {
        article_id: (str(outlet), language_of(language))
        for article_id, outlet, language in zip(
            articles["article_id"], articles["outlet"], _languages(articles), strict=True
        )
    }
    found: WordCounts = {}
    for article_id, text in texts:
        key = where.get(article_id)
        if key is None:
            continue
        counter = found.get(key)
        if counter is None:
            counter = found[key] = Counter()
        counter.update(_TOKEN_RE.findall(text.lower()))
    return found


def sentence_texts(sentences: pd.DataFrame) -> Iterable[tuple[str, str]]:
    """(article_id, text) of the counted sentences of a `sentences` table."""
    counted = ~(sentences["is_boilerplate"].astype(bool) | sentences["is_repeat"].astype(bool))
    return zip(
        sentences["article_id"][counted].tolist(), sentences["text"][counted].tolist(), strict=True
    )


def _languages(articles: pd.DataFrame) -> pd.Series:
    if "language" in articles.columns:
        return articles["language"].fillna("").astype(str)
    return pd.Series("en", index=articles.index)


def keyness_table(
    counted: pd.DataFrame, articles: pd.DataFrame, words: WordCounts | None
) -> pd.DataFrame:
    """The keyness table from the non-negated hits (`counted`: article_id, term, category,
    register), the articles (outlet, article_id, words, language) and the word counts."""
    parts = [_lexicon_keyness(counted, articles)]
    if words:
        parts.append(_word_keyness(words))
    parts = [part for part in parts if not part.empty]
    if not parts:
        return schema.empty("keyness")
    table = pd.concat(parts, ignore_index=True)
    order = {outlet: i for i, outlet in enumerate(dict.fromkeys(articles["outlet"].astype(str)))}
    table = table.assign(
        _o=table["outlet"].map(order).fillna(len(order)),
        _k=table["kind"].map({"lexicon": 0, "word": 1}),
        _d=table["direction"].map({"more": 0, "same": 1, "less": 2}),
    )
    table = table.sort_values(
        ["_o", "language", "_k", "_d", "g2", "term"],
        ascending=[True, True, True, True, False, True],
        kind="stable",
    )
    return schema.conform(table.reset_index(drop=True), "keyness")


def _lexicon_keyness(counted: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows of every lexicon term found in a language, for every outlet writing in it."""
    if articles.empty:
        return pd.DataFrame()
    units = pd.DataFrame(
        {
            "article_id": articles["article_id"].to_numpy(),
            "outlet": articles["outlet"].astype(str).to_numpy(),
            "language": [language_of(v) for v in _languages(articles)],
            "words": articles["words"].astype("int64").to_numpy(),
        }
    )
    base = units.groupby(["language", "outlet"], sort=False)["words"].sum()
    language_of_article = dict(zip(units["article_id"], units["language"], strict=True))
    outlet_of_article = dict(zip(units["article_id"], units["outlet"], strict=True))
    counts: dict[tuple[str, str], Counter] = {}
    meta: dict[str, tuple[str, str]] = {}
    for article_id, term, category, register in zip(
        counted["article_id"],
        counted["term"],
        counted["category"],
        counted["register"],
        strict=True,
    ):
        key = (outlet_of_article.get(article_id, ""), language_of_article.get(article_id, ""))
        counts.setdefault(key, Counter())[term] += 1
        meta.setdefault(term, (category, register))
    frames = []
    for language, outlet_words in base.groupby(level="language", sort=False):
        totals = {outlet: int(w) for (_, outlet), w in outlet_words.items()}
        by_outlet = {o: counts.get((o, language), Counter()) for o in totals}
        vocabulary = sorted({t for c in by_outlet.values() for t in c})
        frame = _compare(language, totals, by_outlet, vocabulary)
        if frame.empty:
            continue
        frame["kind"] = "lexicon"
        frame["category"] = frame["term"].map(lambda t: meta[t][0])
        frame["register"] = frame["term"].map(lambda t: meta[t][1])
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _word_keyness(words: WordCounts) -> pd.DataFrame:
    """Rows of the content words whose use sets an outlet apart within its language."""
    frames = []
    for language in dict.fromkeys(language for _, language in words):
        by_outlet = {o: c for (o, lang), c in words.items() if lang == language}
        totals = {o: sum(c.values()) for o, c in by_outlet.items()}
        stop = pack_stopwords(language)
        overall: Counter = Counter()
        for counter in by_outlet.values():
            overall.update(counter)
        vocabulary = sorted(
            w for w, n in overall.items() if n >= MIN_WORD_COUNT and len(w) >= 2 and w not in stop
        )
        frame = _compare(language, totals, by_outlet, vocabulary, WORD_G2)
        if frame.empty:
            continue
        frame = frame.sort_values("g2", ascending=False, kind="stable")
        frame = frame.groupby(["outlet", "direction"], sort=False).head(MAX_WORDS)
        frames.append(frame.assign(kind="word", category="", register=""))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _compare(
    language: str,
    totals: dict[str, int],
    by_outlet: dict[str, Counter],
    vocabulary: list[str],
    min_g2: float = 0.0,
) -> pd.DataFrame:
    """Each outlet against the rest of `language` on every item of `vocabulary`: counts, expected
    count, log ratio, G² and its p-value (numpy over the outlet x item matrix), the cells whose G²
    reaches `min_g2`."""
    outlets = [o for o in totals if totals[o] > 0]
    if len(outlets) < 2 or not vocabulary:
        return pd.DataFrame()
    counts = np.array(
        [[by_outlet[o].get(item, 0) for item in vocabulary] for o in outlets], dtype=np.float64
    )
    words = np.array([totals[o] for o in outlets], dtype=np.float64)[:, None]
    all_words = words.sum()
    per_item = counts.sum(axis=0)[None, :]
    rest = per_item - counts
    words_rest = all_words - words
    expected = words * per_item / all_words
    expected_rest = words_rest * per_item / all_words
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (
            np.where(counts > 0, counts * np.log(counts / expected), 0.0)
            + np.where(rest > 0, rest * np.log(rest / expected_rest), 0.0)
        )
        ratio = np.log2((np.maximum(counts, 0.5) / words) / (np.maximum(rest, 0.5) / words_rest))
    g2 = np.maximum(g2, 0.0)
    direction = np.where(
        np.isclose(counts, expected), "same", np.where(counts > expected, "more", "less")
    )
    row, column = np.nonzero(g2 >= min_g2) if min_g2 > 0 else np.indices(g2.shape).reshape(2, -1)
    frame = pd.DataFrame(
        {
            "outlet": np.asarray(outlets, dtype=object)[row],
            "language": language,
            "term": np.asarray(vocabulary, dtype=object)[column],
            "hits": counts[row, column].astype("int64"),
            "hits_rest": rest[row, column].astype("int64"),
            "words": words[row, 0].astype("int64"),
            "words_rest": words_rest[row, 0].astype("int64"),
            "expected": expected[row, column],
            "log_ratio": ratio[row, column],
            "g2": g2[row, column],
            "direction": direction[row, column],
        }
    )
    frame["p_value"] = [chi2_1df_survival(v) for v in frame["g2"]]
    return frame
