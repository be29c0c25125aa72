"""VADER's compound score, the same float as vaderSentiment 3.3.2, a few times faster.

A port of `SentimentIntensityAnalyzer.polarity_scores(text)["compound"]` from vaderSentiment 3.3.2
(C.J. Hutto, MIT licence; Hutto & Gilbert, ICWSM 2014). Tone scores the clause around every actor
mention, and on a real corpus clauses rarely repeat, so VADER ran once per clause and was the
map's largest single cost; no faster VADER exists on PyPI. The rules, their order and their quirks
are the library's (the `but` rule's first-equal-value lookup, the `never ... so/this` precedence,
negation words that are lexicon words not negating); the data are the library's own (lexicon,
emoji descriptions, boosters, negations, special cases, constants), imported, never copied. Only
redundant work is removed: the emoji pass runs only on a text holding an emoji character (it
rebuilds the text one character at a time), each word is lower-cased once (the library lower-cases
the whole clause again for every rule of every lexicon word), list scans are set and dict lookups,
and a clause with no lexicon word returns 0.0 at once (every word then scores 0, so the library's
compound is normalize(0.0) = 0.0). tests/stance/test_vader.py proves the scores equal on every sentence the
project holds and on random text.
"""

from __future__ import annotations

import string
from itertools import compress, count

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

_ANALYZER = SentimentIntensityAnalyzer()
LEXICON: dict[str, float] = _ANALYZER.lexicon
EMOJIS: dict[str, str] = _ANALYZER.emojis
# the library replaces emojis one character at a time: only one-character keys ever match
_EMOJI_CHARS = frozenset(key for key in EMOJIS if len(key) == 1)
_ASCII_EMOJI = any(key.isascii() for key in _EMOJI_CHARS)
_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation
_LEAST_NEGATES = "least" not in LEXICON  # the library's 'least' rule skips a lexicon word
# the words of the idioms and the several-word boosters: every phrase `_idioms` looks up holds
# the lexicon word or one of the two words before it, so with none of those three among these
# words it changes nothing
_IDIOM_WORDS = frozenset(
    word for phrase in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in phrase for word in phrase.split()
)


def _demojized(text: str) -> str:
    """The text with each emoji character replaced by its description, as the library does it
    (a space before a description unless one precedes it); the text itself when it holds none."""
    if (text.isascii() and not _ASCII_EMOJI) or _EMOJI_CHARS.isdisjoint(text):
        return text
    parts = []
    prev_space = True
    for char in text:
        if char in EMOJIS:
            if not prev_space:
                parts.append(" ")
            parts.append(EMOJIS[char])
            prev_space = False
        else:
            parts.append(char)
            prev_space = char == " "
    # the library strips the result: white space at the ends changes neither split() nor counts
    return "".join(parts)


def _negated(word: str) -> bool:
    """The library's `negated([word])` on a lower-cased word (lower() is idempotent)."""
    return word in _NEGATE or "n't" in word


def _scalar(word: str, lowered: str, valence: float, mixed_caps: bool) -> float:
    """The library's `scalar_inc_dec`: a booster or dampener's push on the valence."""
    scalar = BOOSTER_DICT.get(lowered)
    if scalar is None:
        return 0.0
    if valence < 0:
        scalar *= -1
    if mixed_caps and word.isupper():
        scalar = scalar + C_INCR if valence > 0 else scalar - C_INCR
    return scalar


def _idioms(valence: float, lower: list[str], i: int) -> float:
    """The library's `_special_idioms_check` (called only for i >= 3)."""
    w3, w2, w1, w0 = lower[i - 3], lower[i - 2], lower[i - 1], lower[i]
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    last = len(lower) - 1
    if last > i:
        zeroone = f"{w0} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if last > i + 1:
        zeroonetwo = f"{w0} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _valence(words: list[str], lower: list[str], i: int, mixed_caps: bool) -> float:
    """The library's `sentiment_valence` for the lexicon word at `i`: its valence after the
    'no', caps, booster, negation, idiom and 'least' rules."""
    item = lower[i]
    valence = LEXICON[item]
    if item == "no" and i != len(lower) - 1 and lower[i + 1] in LEXICON:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor"))
    ):
        valence = LEXICON[item] * N_SCALAR
    if mixed_caps and words[i].isupper():
        valence = valence + C_INCR if valence > 0 else valence - C_INCR
    if i > 0 and (w1 := lower[i - 1]) not in LEXICON:
        valence = valence + _scalar(words[i - 1], w1, valence, mixed_caps)
        if _negated(w1):
            valence = valence * N_SCALAR
    if i > 1 and (w2 := lower[i - 2]) not in LEXICON:
        s = _scalar(words[i - 2], w2, valence, mixed_caps)
        if s != 0:
            s = s * 0.95
        valence = valence + s
        w1 = lower[i - 1]
        if w2 == "never" and (w1 == "so" or w1 == "this"):
            valence = valence * 1.25
        elif w2 == "without" and w1 == "doubt":
            pass
        elif _negated(w2):
            valence = valence * N_SCALAR
    if i > 2 and (w3 := lower[i - 3]) not in LEXICON:
        s = _scalar(words[i - 3], w3, valence, mixed_caps)
        if s != 0:
            s = s * 0.9
        valence = valence + s
        w2, w1 = lower[i - 2], lower[i - 1]
        # the library's precedence: (never and so/this two back) or so/this one back
        if (w3 == "never" and (w2 == "so" or w2 == "this")) or (w1 == "so" or w1 == "this"):
            valence = valence * 1.25
        elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
            pass
        elif _negated(w3):
            valence = valence * N_SCALAR
        if not _IDIOM_WORDS.isdisjoint(lower[i - 2 : i + 1]):
            valence = _idioms(valence, lower, i)
    if (
        _LEAST_NEGATES
        and i > 0
        and lower[i - 1] == "least"
        and (i == 1 or (lower[i - 2] != "at" and lower[i - 2] != "very"))
    ):
        valence = valence * N_SCALAR
    return valence


def _but_check(lower: list[str], sentiments: list) -> None:
    """The library's `_but_check`, in place, bug for bug: each value is looked up by equality,
    so a repeated value (say 0) rescales its first occurrence again and again."""
    bi = lower.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
        elif si > bi:
            sentiments[si] = sentiment * 1.5


def compound(text: str) -> float:
    """VADER's compound score of `text` (-1 .. 1, 4 decimals): exactly
    vaderSentiment 3.3.2's `polarity_scores(text)["compound"]`."""
    text = _demojized(text)
    words = [token if len(s := token.strip(_PUNCTUATION)) <= 2 else s for token in text.split()]
    # each word lower-cased, at C speed: words hold no white space, and the one letter lower()
    # reads in context (a final sigma) reads a space as it reads the end of a word
    lower = " ".join(words).lower().split(" ") if words else []
    if LEXICON.keys().isdisjoint(lower):
        return 0.0
    # the library's 'some but not all words ALL CAPS', only ever asked about an ALL CAPS word
    mixed_caps = not all(map(str.isupper, words))
    last = len(lower) - 1
    sentiments: list = [0] * len(lower)
    for i in compress(count(), map(LEXICON.__contains__, lower)):  # the lexicon words
        item = lower[i]
        if item in BOOSTER_DICT:
            continue
        if item == "kind" and i < last and lower[i + 1] == "of":
            continue
        sentiments[i] = _valence(words, lower, i, mixed_caps)
    if "but" in lower:
        _but_check(lower, sentiments)
    sum_s = float(sum(sentiments))
    if sum_s == 0:
        return 0.0
    ep_count = min(text.count("!"), 4)
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    punct_emph_amplifier = ep_count * 0.292 + qm_amplifier
    sum_s = sum_s + punct_emph_amplifier if sum_s > 0 else sum_s - punct_emph_amplifier
    return round(normalize(sum_s), 4)
