"""Per-source figures: every numeric claim with its value, hedge, subject, actor, claimant and modality.

`extract_figures(text)` reads any text; `figure_rows(text)` gives the same rows as dicts without a
DataFrame (the fast path for bulk use). Numbers are found by analysis.numbers; the context rules
here run once per sentence that holds a number, and each cue pattern only after a cheap substring
check says it can match. `tables(articles, quotes)` builds the `figures` table of a corpus (one
DataFrame per corpus) plus the two cross-source views: `claims_timeline` (how an estimate grew, by
publication date) and `who_reported_what` (the same claim across outlets, and conflicting ones).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import chain, islice, pairwise

import numpy as np
import pandas as pd

from analysis import figure_packs, figures_generic, schema
from analysis.article import Article
from analysis.figure_cues import (
    DENIED_RE,
    NEGATION_RE,
    POSSIBLE,
    REPORTED_RE,
    alternation,
    cues_in,
    sources,
)
from analysis.figure_kinds import HUMAN_STATUSES, Vocabulary, classify, shipped_actors
from analysis.numbers import Quantity, find_quantities
from analysis.quotes import Quote, quote_at
from analysis.text import MAX_SENTENCE_CHARS, cut_long

_PACK = figure_packs.english("figures.toml")
VOCABULARY = Vocabulary(_PACK)
_HEADS_GO_ON = ("troops", "weapons")  # 'rounds of ammunition', 'troops marines'
_PARTITIVE = re.compile(r"\s+of\s+([^\W\d_]+)\b")
# '3,000 of the 11,000 troops': the part counts the noun after the whole
_OF_A_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|some|about|around|roughly)?\s*\d[\d,.]*(?=\s)"
)
_WHOLE_BEFORE = re.compile(r"\d[\d,.]*\s+of\s+(?:the|its|their|his|her|our)?\s*$")
# ', including four children,' between what is counted and what happened to it
_APPOSITION = re.compile(
    r",\s+(?:including|among them|among whom|of whom|most of them)[^,;.]{0,60},"
)
_APPOSITION_OPENERS = "—–(:"  # a clause opened by one of these may count a noun before it
_NP_TOKEN = re.compile(r"[A-Za-z][\w'’&.-]*|\d[\w,.]*|[^\w\s]")
_NP_STOP = _PACK.words("phrase", "stop")
_OF_DETERMINERS = _PACK.words("phrase", "of_determiners")
_PARTICIPLE_MODIFIERS = _PACK.words("phrase", "participles")
# The two patterns scanned over every text and sentence start with a character class, so `re`
# jumps between the few characters that can start a match instead of trying every position.
_CLAUSE_BREAK = re.compile(r"[;:—–(“”\",](?:(?<=,)\s|(?<!,))")  # a comma only before a space
# Sentence ends for bare text: terminal punctuation, a blank line, or a line break before a capital
# that does not continue a clause (headlines and captions have no full stop).
_ABBREVIATIONS = _PACK.list("attribution", "abbreviations")
# Checked after the punctuation mark is read, once a space is seen to follow ('4.5' never asks):
# not 'Mr.', 'Gen.', 'U.' (a single letter)
_NOT_AFTER_ABBREVIATION = r"(?<!\b[A-Za-z].)" + "".join(rf"(?<!\b{a}.)" for a in _ABBREVIATIONS)
_BOUNDARY_RE = re.compile(
    rf"[.!?…\n](?:(?<=[.!?…])(?=[\"”’)\]]*\s){_NOT_AFTER_ABBREVIATION}[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|"
    r"(?<=\n)[ \t]*\n|(?<=\n)(?<![,;:(–—-]\n)(?=[\"“‘(\[]?[A-Z]))"
)
# An actor before the number owns what is counted only as the subject of a verb like these.
_OWNER_VERB_AFTER = re.compile(
    rf"(?:\s+(?:{alternation(_PACK.list('owner', 'auxiliaries'))})){{0,3}}\s+"
    rf"(?:{alternation(_PACK.list('owner', 'verbs'))})\b"
)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Aliases that are people's names: they tell who speaks, not whose troops are counted."""
    actors = shipped_actors()
    names = {p for a in actors.actors for p in a.people}
    return frozenset(names | {p.split()[-1] for p in names})


def is_english(language: str) -> bool:
    """English text (or text whose language is not known) is read by the English rules here."""
    return (language or "en").strip().lower().split("-")[0].split("_")[0] in ("en", "")


def extract_figures(text: str, language: str = "en") -> pd.DataFrame:
    """Figures in any text (schema 'figures'; article fields empty): value, hedge, kind, claimant."""
    return frame(figure_rows(text, language))


def figure_rows(text: str, language: str = "en") -> list[dict[str, object]]:
    """The rows of `extract_figures(text)` as dicts, without building a DataFrame (the hot path).

    Each dict holds the 'figures' columns plus 'source_at' (offset of the named source, -1 if none).
    Text in another language is read with that language's pack (analysis/figures_generic.py).
    """
    if not is_english(language):
        return figures_generic.figure_rows(text, language)
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
    by_sentence: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        by_sentence.setdefault(bisect.bisect_right(starts, quantity.start) - 1, []).append(quantity)
    for index, found in by_sentence.items():
        begin = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        sentence = text[begin:end]
        previous = text[starts[index - 1] : begin] if index else ""
        rows.extend(_rows(sentence.rstrip(), _shifted(found, -begin), begin, previous))
    return rows


_COLUMNS = schema.columns("figures")


def frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The figures table from row dicts, built column by column with the right dtypes (fast)."""
    if not rows:
        return schema.empty("figures")
    # object arrays rather than lists: pandas still infers its string dtype, a fifth faster
    return pd.DataFrame(
        {
            column: np.array([row[column] for row in rows], dtype=_DTYPES.get(column, object))
            for column in _COLUMNS
        },
        copy=False,
    )


_DTYPES = {
    "value_low": float,
    "value_high": float,
    "char_start": np.int64,
    "char_end": np.int64,
    "is_repeat": bool,
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
    context = _SentenceContext(sentence, previous)
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
                "source_at": offset + source_at,
            }
        )
    return rows


class _SentenceContext:
    """Clauses, actor mentions and attribution cues of one sentence, shared by all its numbers."""

    def __init__(self, sentence: str, previous: str = "") -> None:
        self.sentence = sentence
        self.previous = previous
        cues = cues_in(sentence)
        self.status_cue = "status" in cues
        self._breaks: list[int] | None = None
        self.sources = sources(sentence, cues)
        self.reported = REPORTED_RE.search(sentence) if "reported" in cues else None
        denial = DENIED_RE.search(sentence) if "denied" in cues else None
        self.denied = bool(denial) and not NEGATION_RE.search(sentence[: denial.start()])
        self.possible = (
            [m.span() for m in POSSIBLE.finditer(sentence)] if "possible" in cues else []
        )

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around [start, end) (commas, semicolons, dashes, quotes)."""
        if self._breaks is None:  # found on first use: many numbers never need their clause
            self._breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.sentence)]
        breaks = self._breaks
        i = bisect.bisect_right(breaks, start) - 1
        j = bisect.bisect_left(breaks, end + 1)
        clause_end = breaks[j] - 1 if j < len(breaks) else len(self.sentence)
        return (breaks[i] if i >= 0 else 0), clause_end

    def claimant(self, position: int) -> tuple[str, bool, int]:
        """(nearest named source, whether the figure is only 'reported', where the source stands)."""
        if self.sources:
            at, who = min(self.sources, key=lambda s: abs(s[0] - position))
            return who, False, at
        if self.reported:
            return "reports", True, self.reported.start()
        return "", False, -1

    def modality(self, quantity: Quantity, reported: bool) -> str:
        """denied / possible / reported / asserted for a number of this sentence."""
        if self.denied:
            return "denied"
        if self.possible:
            clause_start, clause_end = self.clause(quantity.start, quantity.end)
            # a cue word never spans a clause break, so 'inside the clause' is 'found in it'
            if any(clause_start <= at and end <= clause_end for at, end in self.possible):
                return "possible"
        return "reported" if reported or self.reported else "asserted"

    def counted(self, quantity: Quantity) -> tuple[str, str, str, str]:
        """(subject, kind, actor, status) of a number: what is counted, whose, what happened to it."""
        sentence = self.sentence
        words = quantity.unit.split() if quantity.unit and quantity.unit != "percent" else []
        position, pointing_back = quantity.unit_end, False
        after = sentence[position : position + 3]  # both patterns open on spaces then 'of'
        if after[:1].isspace() and (after[1:] == "of" or after[1:2].isspace()):
            partitive = _PARTITIVE.match(sentence, position)
            if partitive and partitive.group(1).lower() in VOCABULARY.pronouns:
                position, pointing_back = partitive.end(), True  # '6,000 of them', 'two of whom'
            elif of_whole := _OF_A_WHOLE.match(sentence, position):
                position = of_whole.end()  # '3,000 of the 11,000 troops' counts troops
        phrase, phrase_end = _noun_phrase(sentence, position)
        head = _head(phrase)
        if pointing_back and not VOCABULARY.noun_class(head):
            clause_start = self.clause(quantity.start, quantity.end)[0]
            antecedent = VOCABULARY.last_counted(sentence[:clause_start])[0]
            phrase = [antecedent or VOCABULARY.last_counted(self.previous)[0]]
            head = phrase[0]
            phrase = phrase if head else []
        elif not phrase and not words:
            clause_start = self.clause(quantity.start, quantity.end)[0]
            head = VOCABULARY.last_counted(sentence[clause_start : quantity.start])[0]
            if not head and sentence[clause_start - 1 : clause_start] in _APPOSITION_OPENERS:
                head = VOCABULARY.last_counted(sentence[:clause_start])[0]  # 'bombs – up to 80'
            phrase = [head] if head else []
        if quantity.money or quantity.unit:
            kind, status, after_words = ("money" if quantity.money else "other"), "", ""
        else:
            after_words, after, before = "", [], []
            if self.status_cue:  # most sentences name no status: no regex run per number
                after_words, after = VOCABULARY.status_after(sentence, phrase_end)
                apposition = _APPOSITION.match(sentence, phrase_end) if not after else None
                if apposition:  # '19 people, including four children, were killed'
                    after_words, after = VOCABULARY.status_after(sentence, apposition.end())
                if after and _WHOLE_BEFORE.search(sentence, 0, quantity.start):
                    after_words, after = "", []  # '3,000 of the 11,000 troops were killed'
                clause_start = self.clause(quantity.start, quantity.end)[0]
                before = VOCABULARY.status_before(sentence, quantity.start, clause_start)
            counted = classify(VOCABULARY, head, phrase, after, before)
            kind, status = counted.kind, counted.status
            if status not in HUMAN_STATUSES:
                after_words = ""
        subject = "percent" if quantity.unit == "percent" else " ".join(words + phrase)
        if after_words:
            subject = f"{subject} {after_words}"
        if kind == "other":
            return subject.strip(), kind, "", status
        surnames = _surnames()
        in_subject = [
            m
            for m in shipped_actors().mentions(sentence[quantity.end : phrase_end])
            if m.matched not in surnames
        ]
        if in_subject:
            return subject.strip(), kind, in_subject[0].actor, status
        clause = sentence[self.clause(quantity.start, quantity.end)[0] : quantity.start]
        before = [
            m
            for m in shipped_actors().mentions(clause)
            if m.matched not in surnames
            and _OWNER_VERB_AFTER.match(clause, m.end)  # 'Russia had amassed', 'Kyiv sent'
        ]
        return subject.strip(), kind, before[-1].actor if before else "", status


def _head(phrase: list[str]) -> str:
    """The noun a phrase counts: its last word, or the word before 'of' ('prisoners of war')."""
    if not phrase:
        return ""
    if "of" in phrase and not VOCABULARY.noun_class(phrase[-1]):
        before_of = phrase[phrase.index("of") - 1] if phrase.index("of") else ""
        if VOCABULARY.noun_class(before_of):
            return before_of
    return phrase[-1]


def _noun_phrase(sentence: str, position: int) -> tuple[list[str], int]:
    """The noun phrase after a number ('North Korean soldiers') and where it ends."""
    limit = position + 120
    first = _NP_TOKEN.search(sentence, position, limit)
    if first is None:
        return [], position
    written = first.group()
    if not written[0].isalpha():  # a digit or a punctuation mark ends it before it starts
        return [], position
    low = written.lower() if "." in written[:-1] else written.rstrip(".").lower()
    if low in _NP_STOP and low not in ("and", "or", "of"):
        return [], position  # '5 in', '5 were': nothing counted after the number
    tokens = _NP_TOKEN.finditer(sentence, first.end(), limit)  # read lazily: phrases are short
    start = [first]
    if first and first.group() == "of":  # '10,000 of the troops', '38 of 45 drones'
        second = next(tokens, None)
        skip = second and (second.group() in _OF_DETERMINERS or second.group()[:1].isdigit())
        start = [] if skip or not second else [second]
    phrase: list[str] = []
    end = position
    head = False  # a plural noun closes the phrase, except for 'rounds of ammunition'
    for match in islice(chain(start, tokens), 8):
        written = match.group()
        token = written if "." in written[:-1] else written.rstrip(".")
        if not token:
            break
        low = token.lower()
        if head and not (
            low == "of" or phrase[-1] == "of" or VOCABULARY.noun_class(low) in _HEADS_GO_ON
        ):
            break
        if low in ("and", "or"):
            following = _NP_TOKEN.search(sentence, match.end(), limit)
            if following and following.group()[:1].isupper():  # 'North and South Korean'
                phrase.append(token)
                continue
            break
        if (
            not token[0].isalpha()
            or low in _NP_STOP
            or (low.endswith(("ed", "ing")) and low not in _PARTICIPLE_MODIFIERS and phrase)
        ):
            break
        phrase.append(token)
        end = match.start() + len(token)
        head = head or (
            token[-1] == "s" and token[0].islower() and not low.endswith(("ss", "'s", "’s"))
        )
    while phrase and phrase[-1].lower() in ("and", "or", "of"):
        phrase.pop()
    return phrase, end


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
            found = figures_generic.sentence_rows(
                sentence.text, sentence.char_start, article.language, before, following
            )
        for row in found:
            quote = quote_at(quotes, int(row["char_start"]), int(row["char_end"]))
            row |= {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "published": article.published,
                "is_repeat": sentence.is_repeat,
                "sentence_id": article.sentence_id(sentence),
                "claimant": _claimant(row, quote, article.outlet),
            }
            rows.append(row)
    return rows
