"""Escalation language: lexicon hits with negation and voice, rates per 1,000 words, top terms.

Matching is one Aho-Corasick pass (leftmost-longest) over a normalised copy of the text: lower
case, punctuation as '|', whitespace runs collapsed to one space (offsets are mapped back). Every
key starts with a boundary character, so matches begin at word starts; the word end is checked
per match. Each hit keeps its offsets into the raw text, whether a cue before it in the same clause
negates it, and who speaks it (narrator, or the speaker of the quote that covers it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
import pandas as pd

from analysis import schema
from analysis.escalation.intervals import rate_interval
from analysis.escalation.keyness import WordCounts, count_words, keyness_table
from analysis.escalation.lexicon import Lexicon, Negation, Term, load_lexicon, parse_lexicon
from analysis.escalation.terms import normalise
from analysis.ingest.article import Article
from analysis.voices.quotes import Quote, quote_at
from analysis.world.toml_files import LexiconError
from analysis.world.writing import fold_back, writing

__all__ = [
    "Hit",
    "Lexicon",
    "LexiconError",
    "find_hits",
    "hit_rows",
    "load_lexicon",
    "parse_lexicon",
    "tables",
]

TOP_TERMS = 10  # rows per outlet in top_terms
# A term starts after a space or punctuation (not after a hyphen: "de-escalation" is no
# "escalation") and ends before a space, punctuation or hyphen ("war-torn" counts "war").
_LEFT_EDGES = " |"
_RIGHT_EDGES = " |-"
_SPACE_RUN_RE = re.compile("  +")  # (faster than " {2,}": a literal prefix)
_WORD_TAIL_RE = re.compile(r"[^ |-]*")

# Negation: a cue at most _MAX_GAP_WORDS words before the hit, in the same clause.
_MAX_GAP_WORDS = 4
_WINDOW_CHARS = 160
_CUE_CHARS = 80  # enough for the last _MAX_GAP_WORDS + 2 words in the fast filter
_CUE_WORDS_SEEN = _MAX_GAP_WORDS + 2
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:.!?()\[\]\"“”«»—–]|\n\s*\n|\s-\s|"
    r"\b(?:but|and|while|whereas|although|though|because|however|yet|which|who)\b",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(
    r"\b(?:not|no|never|without|neither|nor|none|nobody|nothing|cannot|hardly|barely|"
    r"den(?:y|ies|ied|ying)|rul(?:e|es|ed|ing)\s+out)\b|n['’]t\b",
    re.IGNORECASE,
)
# Cues that do not negate what follows: a double negative ("did not deny", "cannot rule out",
# "nobody doubts") or a fixed phrase ("not only", "no doubt").
_NOT_NEGATING_RE = re.compile(
    r"(?:\b(?:not|never|cannot|no|nobody|no\s+one)|n['’]t)\s+(?:\w+\s+)?"
    r"(?:den(?:y|ies|ied|ying)|rul(?:e|es|ed|ing)\s+out|exclud(?:e|es|ed|ing)|dismiss\w*|"
    r"doubt\w*|question\w*)\b|"
    r"\b(?:not\s+only|not\s+just|not\s+merely|not\s+least|no\s+doubt|no\s+less|no\s+matter|"
    r"nothing\s+but|without\s+(?:a\s+)?doubt)\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"\w+")
# Words of the negation cues as they appear in the matching text ("n't" -> "n|t" -> "t"): a fast
# filter on the last few words before a hit, so the regular expressions above run only near a cue.
_CUE_WORDS = frozenset(
    "not no never without neither nor none nobody nothing cannot hardly barely t deny denies "
    "denied denying rule rules ruled ruling".split()
)


class Hit(NamedTuple):
    """A lexicon term found in a text: raw-text offsets and whether the clause negates it."""

    term: Term
    char_start: int
    char_end: int
    negated: bool


_new_tuple = tuple.__new__  # what a named tuple's __new__ calls


class _Matcher:
    """The Aho-Corasick automaton of one lexicon: keys are forms after a left-boundary character."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.terms = lexicon.terms
        # the language's own lower case and folded characters (Turkish I/ı, traditional Chinese)
        self.writing = writing(lexicon.language)
        # a script without spaces between words (Chinese): terms are found inside runs of letters
        self.bounded = self.writing.word_boundaries
        self.negation = _PackNegation(lexicon.negation, self.bounded) if lexicon.negation else None
        # Terms in Latin-1 letters only: the fast normaliser (other scripts as one placeholder).
        self.wide = any(ord(c) > 255 for term in self.terms for form in term.forms for c in form)
        keys: dict[str, int] = {}
        edges = _LEFT_EDGES if self.bounded else ("",)
        # prefixes written onto a word (text.toml: و ب ال, ו ה ב): a term also after one of them
        edges = [edge + prefix for edge in edges for prefix in ("", *self.writing.prefixes)]
        for index, term in enumerate(self.terms):
            forms = [self.writing.matching(form)[0] for form in term.forms]
            for key in (left + form for form in forms for left in edges):
                keys.setdefault(key, index)  # first term wins within a category
        self.automaton = ahocorasick.Automaton()
        for key, index in keys.items():
            wildcard = self.terms[index].wildcard and self.bounded
            # A shorter key at the same start can only end a word where this key has an edge.
            shorter = any(key[:i] in keys for i in range(2, len(key)) if key[i] in _RIGHT_EDGES)
            length = len(key) - 1 if self.bounded else len(key)
            self.automaton.add_word(key, (index, length, wildcard, shorter and self.bounded))
        if keys:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Leftmost-longest, non-overlapping whole-word hits of the lexicon in `text`."""
        if not self.terms or not text:
            return []
        lowered, kept = text, None
        if self.writing.folds or self.writing.lowercase:  # offsets kept when marks are dropped
            lowered, kept = self.writing.matching(self.writing.lower(text))
        matching, run_starts, run_shifts = _collapse(" " + normalise(lowered, wide=self.wide) + " ")
        spaced = matching.replace("|", " ") if self.negation is None else ""  # words before a hit
        hits: list[Hit] = []
        for key_end, found in self.automaton.iter_long(matching):
            span = self._span(matching, key_end, found)
            if span is None and found[3]:
                span = self._shorter(matching, key_end, found)
            if span is None:
                continue
            start, end, index = span
            # offsets in the uncollapsed text: each shifted by the spaces removed before it
            at = bisect_right(run_starts, start) - 1
            raw_start = start + (run_shifts[at] if at >= 0 else 0) - 1
            at = bisect_right(run_starts, end - 1) - 1
            raw_end = end - 1 + (run_shifts[at] if at >= 0 else 0)
            if kept is not None:
                raw_start, raw_end = fold_back(kept, raw_start, raw_end)
            if self.negation is not None:
                negated = self.negation.negates(text, raw_start, raw_end)
            else:  # the last few words (rsplit: no more of them cut than are looked at)
                nearby = spaced[max(0, start - _CUE_CHARS) : start].rsplit(None, _CUE_WORDS_SEEN)
                maybe_negated = not _CUE_WORDS.isdisjoint(nearby[-_CUE_WORDS_SEEN:])
                negated = maybe_negated and _is_negated(text, raw_start)
            # Hit(...) without its Python-level __new__
            hits.append(_new_tuple(Hit, (self.terms[index], raw_start, raw_end, negated)))
        return hits

    def _span(self, matching: str, key_end: int, found: tuple) -> tuple[int, int, int] | None:
        """(start, end, term index) of a key match that ends a word (any match in a script
        without word boundaries), else None."""
        index, form_length, wildcard, _ = found
        end = key_end + 1
        if wildcard:
            end = _WORD_TAIL_RE.match(matching, end).end()
        elif self.bounded and matching[end] not in _RIGHT_EDGES:  # padded: end < len(matching)
            return None
        return end - form_length if not wildcard else key_end + 1 - form_length, end, index

    def _shorter(self, matching: str, key_end: int, found: tuple) -> tuple[int, int, int] | None:
        """The longest whole-word key at the same start, when the longest key ends mid-word."""
        edge = key_end - found[1]
        spans = [
            self._span(matching, end, shorter)
            for end, shorter in self.automaton.iter(matching, edge, key_end)
            if end - shorter[1] == edge
        ]
        return max((span for span in spans if span), key=lambda span: span[1], default=None)


def _collapse(text: str) -> tuple[str, list[int], list[int]]:
    """`text` with space runs shortened to one space, and the breakpoints to map offsets back."""
    pieces: list[str] = []
    run_starts: list[int] = []
    run_shifts: list[int] = []
    removed = kept_from = 0
    for run in _SPACE_RUN_RE.finditer(text):
        pieces.append(text[kept_from : run.start() + 1])
        run_starts.append(run.start() + 1 - removed)  # first collapsed offset after the run
        removed += run.end() - run.start() - 1
        run_shifts.append(removed)
        kept_from = run.end()
    if not pieces:
        return text, run_starts, run_shifts
    pieces.append(text[kept_from:])
    return "".join(pieces), run_starts, run_shifts


def _is_negated(text: str, start: int) -> bool:
    """Whether a negation cue stands before `start` in its clause, at most a few words away."""
    window = text[max(0, start - _WINDOW_CHARS) : start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    cancelled = [(m.start(), m.end()) for m in _NOT_NEGATING_RE.finditer(clause)]
    for cue in _NEGATION_RE.finditer(clause):
        if any(s <= cue.start() and cue.end() <= e for s, e in cancelled):
            continue
        if len(_WORD_RE.findall(clause[cue.end() :])) <= _MAX_GAP_WORDS:
            return True
    return False


def _cue_pattern(
    cues: tuple[str, ...], *, prefix: bool = False, bounded: bool = True
) -> re.Pattern[str] | None:
    """Whole-word (or, with `prefix`, word-start) alternation of pack cues; 'stem*' = any ending.
    Not `bounded` (a script without spaces between words): the cues as written, anywhere."""
    if not cues:
        return None
    parts = sorted(
        (re.escape(c[:-1]) + r"\w*" if c.endswith("*") else re.escape(c)).replace(r"\ ", r"\s+")
        for c in cues
    )
    head, tail = (r"(?<!\w)", "" if prefix else r"(?!\w)") if bounded else ("", "")
    return re.compile(rf"{head}(?:{'|'.join(sorted(parts, key=len, reverse=True))}){tail}", re.I)


class _PackNegation:
    """A language pack's negation rules (data/languages/<code>/escalation.toml [negation]);
    without word boundaries, `max_gap` counts characters, not words."""

    def __init__(self, negation: Negation, bounded: bool = True) -> None:
        self.before = _cue_pattern(negation.before, bounded=bounded)
        self.after = _cue_pattern(negation.after, prefix=True, bounded=bounded)
        self.cancel = _cue_pattern(negation.not_negating, bounded=bounded)
        punctuation = r"[,;:.!?()\[\]\"“”«»„—–，。；：！？「」،؛؟]|\n\s*\n|\s-\s"
        breaks = _cue_pattern(negation.clause_breaks, bounded=bounded)
        self.breaks = re.compile(punctuation + (f"|{breaks.pattern}" if breaks else ""), re.I)
        self.max_gap = negation.max_gap
        self.gap = _words_in if bounded else len

    def negates(self, text: str, start: int, end: int) -> bool:
        """A cue at most `max_gap` words before the hit in its clause, or right after it."""
        window = text[max(0, start - _WINDOW_CHARS) : start]
        if self.before is not None and self.before.search(window):
            breaks = list(self.breaks.finditer(window))
            clause = window[breaks[-1].end() :] if breaks else window
            cancelled = [m.span() for m in self.cancel.finditer(clause)] if self.cancel else []
            for cue in self.before.finditer(clause):
                if any(s <= cue.start() and cue.end() <= e for s, e in cancelled):
                    continue
                if self.gap(clause[cue.end() :].strip()) <= self.max_gap:
                    return True
        if self.after is not None:
            window = text[end : end + _WINDOW_CHARS]
            found = self.breaks.search(window)
            clause = window[: found.start()] if found else window
            for cue in self.after.finditer(clause):
                if self.gap(clause[: cue.start()].strip()) <= self.max_gap:
                    return True
        return False


def _words_in(text: str) -> int:
    """Words in a gap between a negation cue and a hit."""
    return len(_WORD_RE.findall(text))


@lru_cache(maxsize=64)
def _matcher(lexicon: Lexicon) -> _Matcher:
    return _Matcher(lexicon)


def find_hits(text: str, lexicon: Lexicon) -> list[Hit]:
    """Every hit of `lexicon` in `text` (one pass), with raw offsets and negation."""
    return _matcher(lexicon).find(text)


def hit_rows(article: Article, lexicon: Lexicon, quotes: list[Quote]) -> list[dict]:
    """escalation_hits rows of one article: hits in counted sentences, with voice and speaker."""
    sentences = article.sentences
    starts = [sentence.char_start for sentence in sentences]
    rows = []
    for hit in find_hits(article.raw_text, lexicon.for_language(article.language)):
        position = bisect_right(starts, hit.char_start) - 1
        if position < 0:
            continue
        sentence = sentences[position]
        if not sentence.counted or hit.char_end > sentence.char_end:
            continue
        quote = quote_at(quotes, hit.char_start, hit.char_end)
        rows.append(
            {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "category": hit.term.category,
                "term": hit.term.entry,
                "matched": " ".join(article.raw_text[hit.char_start : hit.char_end].split()),
                "negated": hit.negated,
                "voice": "quoted" if quote else "narrator",
                "speaker": quote.speaker if quote else "",
                "sentence": sentence.text,
                "char_start": hit.char_start,
                "char_end": hit.char_end,
                "weight": hit.term.weight,
                "sentence_id": article.sentence_id(sentence),
                "hit_id": schema.row_id(article.article_id, "h", hit.char_start, hit.char_end),
                "corrected": False,
                "register": hit.term.register,
            }
        )
    return rows


RATE_REGISTERS = ("all", "evaluative", "descriptive")  # rows of escalation_rates, in this order


def _rates(articles: pd.DataFrame, counted: pd.DataFrame, labels: list[str]) -> pd.DataFrame:
    """escalation_rates: every outlet and article x every category (zero rows included), for all
    hits (register 'all': the rows the table had before registers) then for each register."""
    units = articles[["outlet", "article_id", "words"]].itertuples(index=False, name=None)
    grid = pd.DataFrame(
        [(*unit, label) for unit in units for label in labels],
        columns=["outlet", "article_id", "words", "category"],
    )
    blocks = [
        _register_rates(
            grid, counted if register == "all" else counted[counted["register"] == register]
        ).assign(register=register)
        for register in RATE_REGISTERS
    ]
    rates = pd.concat(blocks, ignore_index=True)
    rates = rates.join(_intervals(rates), how="left")
    return schema.conform(rates, "escalation_rates")


def _register_rates(grid: pd.DataFrame, counted: pd.DataFrame) -> pd.DataFrame:
    """The outlet and article rows of one register's hits over `grid` (every article x every
    category, zero rows included)."""
    sums = (
        counted.assign(hits=1, hits_narrator=counted["voice"].eq("narrator").astype(int))
        .groupby(["article_id", "category"])[["hits", "hits_narrator", "weight"]]
        .sum()
        .astype({"hits": "int64", "hits_narrator": "int64", "weight": "float64"})
    )
    per_article = grid.join(sums, on=["article_id", "category"]).fillna(
        {"hits": 0, "hits_narrator": 0, "weight": 0.0}
    )
    per_outlet = per_article.groupby(["outlet", "category"], sort=False, as_index=False)[
        ["hits", "hits_narrator", "weight"]
    ].sum()
    words = per_article.drop_duplicates("article_id").groupby("outlet", sort=False)["words"].sum()
    per_outlet["words"] = per_outlet["outlet"].map(words)
    rates = pd.concat(
        [per_outlet.assign(level="outlet", article_id=""), per_article.assign(level="article")],
        ignore_index=True,
    )
    rates[["hits", "hits_narrator", "words"]] = rates[["hits", "hits_narrator", "words"]].astype(
        int
    )
    base = rates["words"].where(rates["words"] > 0)  # no words, no hits: rate 0
    rates["per_1000_words"] = (rates["hits"] * 1000 / base).fillna(0.0)
    rates["per_1000_words_narrator"] = (rates["hits_narrator"] * 1000 / base).fillna(0.0)
    rates["weighted_per_1000_words"] = (rates["weight"] * 1000 / base).fillna(0.0)
    return rates


def _intervals(rates: pd.DataFrame) -> pd.DataFrame:
    """per_1000_words_low/high (exact Poisson 95 % interval from the hit count), the corpus rate
    of the row's category and register, and whether that corpus rate lies inside the interval
    (the row's count cannot be told apart from the corpus rate)."""
    return interval_columns(
        rates["hits"], rates["words"], _corpus_rates(rates, ["category", "register"])
    )


def _corpus_rates(rates: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Each row's corpus rate: hits per 1,000 words of every outlet together, per `keys`."""
    outlets = rates[rates["level"] == "outlet"]
    sums = outlets.groupby(keys, sort=False)[["hits", "words"]].sum()
    corpus = (sums["hits"] * 1000 / sums["words"].where(sums["words"] > 0)).fillna(0.0)
    return rates.join(corpus.rename("corpus"), on=keys)["corpus"].fillna(0.0)


def interval_columns(hits: pd.Series, words: pd.Series, corpus: pd.Series) -> pd.DataFrame:
    """The interval columns of rows with `hits` in `words` against the `corpus` rate: low, high,
    corpus rate and `like_corpus` (corpus rate inside [low, high]: no difference shown)."""
    bounds = [rate_interval(int(h), int(w)) for h, w in zip(hits, words, strict=True)]
    low = pd.Series([b[0] for b in bounds], index=hits.index, dtype="float64")
    high = pd.Series([b[1] for b in bounds], index=hits.index, dtype="float64")
    corpus = corpus.astype("float64")
    return pd.DataFrame(
        {
            "per_1000_words_low": low,
            "per_1000_words_high": high,
            "corpus_per_1000_words": corpus,
            "like_corpus": (words.astype(int) <= 0) | ((low <= corpus) & (corpus <= high)),
        }
    )


def corpus_tables(
    hits: pd.DataFrame,
    articles: pd.DataFrame,
    lexicon: Lexicon,
    words: WordCounts | None = None,
) -> dict[str, pd.DataFrame]:
    """The reduce: escalation_hits (as given), escalation_rates, keyness and top_terms from the
    hits of every article, the `articles` table (outlet, words and language of each article; see
    analysis/schema.py) and the word tokens per outlet and language (keyness.count_words; None:
    lexicon keyness only).

    Rates, keyness and top terms leave negated hits out; `hits_narrator` leaves quoted speech out.
    """
    read = ["outlet", "article_id", "term", "category", "voice", "weight", "register"]
    counted = hits.loc[~hits["negated"].astype(bool), read]
    top = (
        counted.groupby(["outlet", "term", "category"], as_index=False)
        .size()
        .rename(columns={"size": "hits"})
        .sort_values(["outlet", "hits", "term"], ascending=[True, False, True])
    )
    top["rank"] = top.groupby("outlet").cumcount() + 1
    return {
        "escalation_hits": schema.conform(hits, "escalation_hits"),
        "escalation_rates": _rates(articles, counted, lexicon.labels),
        "keyness": keyness_table(counted, articles, words),
        "top_terms": schema.conform(top[top["rank"] <= TOP_TERMS], "top_terms"),
    }


def tables(
    articles: list[Article], lexicon: Lexicon, quotes: dict[str, list[Quote]]
) -> dict[str, pd.DataFrame]:
    """escalation_hits, escalation_rates, keyness and top_terms for `articles` (analysis/schema.py)."""
    rows = [row for a in articles for row in hit_rows(a, lexicon, quotes.get(a.article_id, []))]
    hits = pd.DataFrame(rows, columns=schema.columns("escalation_hits"))
    units = pd.DataFrame(
        [(a.outlet, a.article_id, a.words, a.language) for a in articles],
        columns=["outlet", "article_id", "words", "language"],
    )
    texts = ((a.article_id, s.text) for a in articles for s in a.counted_sentences)
    return corpus_tables(hits, units, lexicon, count_words(texts, units))
