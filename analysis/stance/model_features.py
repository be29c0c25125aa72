"""The tone model's features: what a sentence says around one of its targets (analysis/stance/model.py).

A sentence is read once (`parse`, cached): its tokens and offsets, and per token what the features
ask about it (negation, hedge, clause cut, quote marks, speech verb, conflict or cooperation stem,
VADER lexicon valence) as flags and prefix counts, so that a target of it costs lookups, not scans.
`features(sentence, start, end)` is the feature vector as name -> value, the model's definition,
read by tools/train_tone.py; the runtime (model.py) sums the same features' weights without naming
the word features one by one, and tests/stance/test_model.py proves both give the same scores.

The features are about the target, not the sentence: the words left and right of it (the target's
own words masked, as words and bigrams, weighted by distance in bands: `BANDS`, so that the runtime
sums a band as a difference of running sums), the words right beside it, whether it
is the subject (lexicon word after it in its clause) or object (before it) of a negative or positive
word, whether it is in quoted speech or the speaker of a quote, negation and hedges near it, whether
it is the agent of a passive ("by X") or a possessor ("X's"), and VADER scores
(analysis/stance/vader.py) of its clause, of the clause's part before and after it, and of the
sentence; and the sentence's words as a bag, for its overall tone. The English words it asks
about (speech verbs, negations, hedges, pronouns, conflict and cooperation stems) are data:
data/languages/en/tone.toml, read by analysis/stance/tone_words.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import sub
from typing import NamedTuple

from analysis.stance import vader
from analysis.stance.tone_words import tone_words

WINDOW = 8  # words each side of the target read as context
# a context word's weight by its distance from the target (1 = right beside it), constant within
# a band so that a band's words are summed as a difference of running sums: (last distance, weight)
BANDS = ((1, 1.0), (2, 0.75), (4, 0.55), (WINDOW, 0.4))
FAR = 0.3  # weight of a word further than WINDOW from the target
BAG = 0.5  # weight of each of the sentence's words as a bag
_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_SPACED_TOKEN_RE = re.compile(rf"\s*(?:{_TOKEN_RE.pattern})")
_CLAUSE_CUT = frozenset(',;:—–“”"«»()')
_QUOTES_OPEN = frozenset("“«")
_QUOTES_CLOSE = frozenset("”»")
_QUOTE_MARKS = _QUOTES_OPEN | _QUOTES_CLOSE | {'"'}
# the English words the features ask about: data/languages/en/tone.toml
_WORDS = tone_words()
_SPEECH = _WORDS.speech
_NEGATION = _WORDS.negations
_HEDGES = _WORDS.hedges
_PRONOUNS = _WORDS.pronouns


def _weight(distance: int) -> float:
    """Weight of a context word `distance` words from the target (1 = right beside it)."""
    for upto, value in BANDS:
        if distance <= upto:
            return value
    return BANDS[-1][1]


# the weights by distance, computed once: WEIGHTS[d] == _weight(d)
WEIGHTS = (0.0, *(_weight(d) for d in range(1, 512)))


def weight(distance: int) -> float:
    """Weight of a context word `distance` words from the target."""
    return WEIGHTS[distance] if distance < len(WEIGHTS) else _weight(distance)


@lru_cache(maxsize=8192)
def _vader(text: str) -> float:
    """VADER's compound of a text, cached: a clause is read for each target in it."""
    return vader.compound(text)


class Parsed(NamedTuple):
    """A sentence read once: tokens, offsets, and the few tokens that matter, by position."""

    text: str
    words: tuple[str, ...]
    starts: list[int]
    ends: list[int]
    cuts: list[int]  # tokens that cut clauses (commas, semicolons, colons, dashes, quotes, ...)
    quotes: list[tuple[int, str]]  # quote marks, in order
    negations: list[int]  # negation words
    hedges: list[int]  # hedges
    valences: list  # VADER lexicon valence of each token (None when not a lexicon word)
    vader: float  # VADER compound of the sentence
    actions: list[int]  # conflict or cooperation words (`_action`)
    valued: list[int]  # lexicon words (a valence that is not 0)


_ACTION_RE = re.compile(
    "(?:({}))|(?:({}))".format(
        "|".join(map(re.escape, _WORDS.conflict_stems)),
        "|".join(map(re.escape, _WORDS.cooperation_stems)),
    )
)


@lru_cache(maxsize=65536)
def _action(word: str) -> str:
    """'conflict', 'cooperation' or '' for a word, by stem (conflict stems first)."""
    if len(word) < 3 or not (found := _ACTION_RE.match(word)):
        return ""
    return "conflict" if found.group(1) else "cooperation"


def _tokens(sentence: str) -> tuple[list[str], list[int], list[int]]:
    """Lower-cased tokens (words and single punctuation marks, ’ read as ') and their offsets."""
    low = sentence.lower().replace("’", "'")
    if len(low) == len(sentence) and "Σ" not in sentence:  # lower() kept every offset
        # tokens cover every non-space character: each is the white space before it and itself
        pieces = _SPACED_TOKEN_RE.findall(low)
        ends = [*accumulate(map(len, pieces))]
        words = [*map(str.lstrip, pieces)]
        return words, [*map(sub, ends, map(len, words))], ends
    words, starts, ends = [], [], []
    for match in _TOKEN_RE.finditer(sentence):
        words.append(match.group(0).lower().replace("’", "'"))
        starts.append(match.start())
        ends.append(match.end())
    return words, starts, ends


def _where(words: list[str], wanted: frozenset[str]) -> list[int]:
    if wanted.isdisjoint(words):
        return []
    return [i for i, word in enumerate(words) if word in wanted]


@lru_cache(maxsize=4096)
def parse(sentence: str) -> Parsed:
    """The sentence's tokens (lower-cased words and single punctuation marks) and where its
    clause cuts, quote marks, negations and hedges are; cached, since a sentence is often read
    for several targets."""
    words, starts, ends = _tokens(sentence)
    cuts = _where(words, _CLAUSE_CUT)
    valences = list(map(vader.LEXICON.get, words))
    return Parsed(
        sentence,
        tuple(words),
        starts,
        ends,
        cuts,
        [(i, words[i]) for i in cuts if words[i] in _QUOTE_MARKS],
        _where(words, _NEGATION),
        _where(words, _HEDGES),
        valences,
        _vader(sentence) if sentence else 0.0,
        [*compress(count(), map(_action, words))],  # at C speed: no Python step a word
        [*compress(count(), valences)],
    )


def _any(positions: list[int], low: int, high: int) -> bool:
    """Whether a position is in low .. high - 1."""
    return bool(positions) and bisect_left(positions, high) > bisect_left(positions, low)


def span(parsed: Parsed, start: int, end: int) -> tuple[int, int]:
    """The tokens first..last (last exclusive) of the target at characters start..end: those
    ending after `start` and starting before `end`; the token at `start` for an empty span."""
    first = bisect_right(parsed.ends, start)
    last = max(first, bisect_left(parsed.starts, end))
    if last == first:  # an empty or odd span: the token at start, if any
        last = min(first + 1, len(parsed.words))
    return first, last


def window_features(words: tuple[str, ...], first: int, last: int) -> dict[str, float]:
    """The word features: context words and bigrams each side (weighted by distance), the words
    right beside the target, the words further away, and the sentence's words as a bag."""
    feats: dict[str, float] = {}
    left = words[max(0, first - WINDOW) : first][::-1]  # nearest first
    right = words[last : last + WINDOW]
    for side, context in (("l", left), ("r", right)):
        previous = "<t>"
        for distance, word in enumerate(context, start=1):
            value = weight(distance)
            key = f"{side}:{word}"
            feats[key] = feats.get(key, 0.0) + value
            pair = f"{side}2:{previous} {word}" if side == "r" else f"{side}2:{word} {previous}"
            feats[pair] = feats.get(pair, 0.0) + value
            previous = word
        if context:
            feats[f"{side}1:{context[0]}"] = 1.0
    for word in words[: max(0, first - WINDOW)] + words[last + WINDOW :]:
        key = f"s:{word}"  # far from the target
        feats[key] = feats.get(key, 0.0) + FAR
    for word in words:  # the whole sentence's words: its overall tone
        feats[f"w:{word}"] = BAG
    return feats


def sentence_features(parsed: Parsed) -> dict[str, float]:
    """The features of the sentence whatever the target: VADER's compound of it, and its sign."""
    if not (score := parsed.vader):
        return {}
    return {
        "vader:sentence": score,
        "vader:sentence:pos" if score > 0 else "vader:sentence:neg": 1.0,
    }


def target_features(parsed: Parsed, first: int, last: int) -> dict[str, float]:
    """The features that read the target's place in the sentence: pronoun, first word, role,
    quoted speech, negation, hedges, agent, possessor, VADER of its clause and of the clause's
    words before and after it."""
    words, n = parsed.words, len(parsed.words)
    feats: dict[str, float] = {}
    if last > first and words[last - 1] in _PRONOUNS:
        feats["t:pronoun"] = 1.0
    if first == 0:
        feats["t:first"] = 1.0
    # the clause holding the target, cut at commas, semicolons, colons, dashes, brackets, quotes
    cuts = parsed.cuts
    j = bisect_left(cuts, first)
    low = cuts[j - 1] + 1 if j else 0
    j = bisect_left(cuts, last, j)
    high = cuts[j] if j < len(cuts) else n
    agent = first > 0 and words[first - 1] == "by"
    _roles(feats, parsed, low, first, last, high, agent)
    _speech(feats, parsed, first, last)
    negations = parsed.negations
    if negations and (_any(negations, first - 4, first) or _any(negations, last, last + 4)):
        feats["negation:near"] = 1.0
    if _any(negations, low, high):
        feats["negation:clause"] = 1.0
    if _any(parsed.hedges, low, high):
        feats["hedge:clause"] = 1.0
    if agent:
        feats["t:agent"] = 1.0
    if last < n and words[last] in ("'s", "'"):
        feats["t:possessor"] = 1.0
    sentence, starts, ends = parsed.text, parsed.starts, parsed.ends
    for names, text in (
        (_CLAUSE, sentence[starts[low] : ends[high - 1]] if high > low else sentence),
        (_BEFORE, sentence[starts[low] : starts[first]] if n > first > low else ""),
        (_AFTER, sentence[ends[last - 1] : ends[high - 1]] if high > last else ""),
    ):
        if score := _vader(text) if text else 0.0:
            feats[names[0]] = score
            feats[names[1] if score > 0 else names[2]] = 1.0
    return feats


# feature names, spelt once: a role's (flag, nearness, negated), a loaded word's (flag, value,
# negated) by side and sign, VADER's score of a text and its sign, a side's lexicon mass
_ACTING = {
    (role, kind): (f"{role}:{kind}", f"{role}:{kind}:near", f"{role}:{kind}:negated")
    for role in ("subj", "obj")
    for kind in ("conflict", "cooperation")
}
_LOADED = {
    (side, sign): (f"{side}:{sign}", f"{side}:{sign}:value", f"{side}:{sign}:negated")
    for side in ("subj", "obj")
    for sign in ("pos", "neg")
}
_CLAUSE, _BEFORE, _AFTER = (
    (f"vader:{name}", f"vader:{name}:pos", f"vader:{name}:neg")
    for name in ("clause", "before", "after")
)
_MASS = {side: (f"{side}:mass:pos", f"{side}:mass:neg") for side in ("subj", "obj")}


def _roles(feats, parsed: Parsed, low: int, first: int, last: int, high: int, agent: bool):
    """Subject / object of a loaded word: the first lexicon word after the target in its clause
    (the target acts: 'X shelled', 'X praised'), the last one before it (the target is acted on:
    'shelled X', 'praised X'), each with its sign, its distance and a negation just before it
    (among the up to 3 words between it and the target nearest it), and the lexicon mass on each
    side weighted by distance; the same for the first conflict or cooperation verb or noun each
    side. The agent of a passive ('were shelled by X') acts on what comes before it."""
    words, negations, valences = parsed.words, parsed.negations, parsed.valences
    actions, valued = parsed.actions, parsed.valued
    # after the target: distance i - last + 1, the words between at max(last, i - 3) .. i - 1
    j = bisect_left(actions, last)
    if j < len(actions) and actions[j] < high:
        i = actions[j]
        names = _ACTING["subj", _action(words[i])]
        feats[names[0]] = 1.0
        feats[names[1]] = weight(i - last + 1)
        if negations and _any(negations, max(last, i - 3), i):
            feats[names[2]] = 1.0
    loaded = valued[bisect_left(valued, last) : bisect_left(valued, high)]
    if loaded:
        positive = negative = 0.0
        for i in loaded:
            valence, value = valences[i], weight(i - last + 1)
            if valence > 0:
                positive += valence * value
            else:
                negative -= valence * value
        i = loaded[0]
        valence = valences[i]
        names = _LOADED["subj", "pos" if valence > 0 else "neg"]
        feats[names[0]] = 1.0
        feats[names[1]] = valence / 4.0
        if negations and _any(negations, max(last, i - 3), i):
            feats[names[2]] = 1.0
        _mass(feats, "subj", positive, negative)
    # before it: distance first - i, the words between at i + 1 .. min(first, i + 4) - 1
    j = bisect_left(actions, first) - 1
    if j >= 0 and actions[j] >= low:
        i = actions[j]
        names = _ACTING["subj" if agent else "obj", _action(words[i])]
        feats[names[0]] = 1.0
        feats[names[1]] = weight(first - i)
        if negations and _any(negations, i + 1, min(first, i + 4)):
            feats[names[2]] = 1.0
    loaded = valued[bisect_left(valued, low) : bisect_left(valued, first)]
    if loaded:
        positive = negative = 0.0
        for i in reversed(loaded):
            valence, value = valences[i], weight(first - i)
            if valence > 0:
                positive += valence * value
            else:
                negative -= valence * value
        i = loaded[-1]
        valence = valences[i]
        names = _LOADED["obj", "pos" if valence > 0 else "neg"]
        feats[names[0]] = 1.0
        feats[names[1]] = valence / 4.0
        if negations and _any(negations, i + 1, min(first, i + 4)):
            feats[names[2]] = 1.0
        _mass(feats, "obj", positive, negative)


def _mass(feats: dict[str, float], side: str, positive: float, negative: float) -> None:
    """The lexicon mass on one side of the target, positive and negative (each / 4)."""
    if positive:
        feats[_MASS[side][0]] = positive / 4.0
    if negative:
        feats[_MASS[side][1]] = negative / 4.0


def _speech(feats: dict[str, float], parsed: Parsed, first: int, last: int) -> None:
    """Quoted speech: the target inside quote marks, or its speaker ('X said', 'said X',
    'according to X'), or a sentence holding a quote that the target is outside of."""
    words = parsed.words
    opened, marks, later = False, 0, False
    for i, mark in parsed.quotes:
        if i >= first:
            later = later or (i >= last and mark != "”" and mark != "»")
            if later:
                break
            continue
        marks += 1
        opened = True if mark in _QUOTES_OPEN else False if mark in _QUOTES_CLOSE else not opened
    if opened:
        feats["quote:inside"] = 1.0
    elif marks or later:
        feats["quote:outside"] = 1.0
    if not _SPEECH.isdisjoint(words[last : last + 3]) or (
        first >= 1 and words[first - 1] in _SPEECH
    ):
        feats["quote:speaker"] = 1.0
    if first >= 2 and words[first - 2 : first] == ("according", "to"):
        feats["quote:speaker"] = 1.0


def features(sentence: str, start: int, end: int) -> dict[str, float]:
    """The target-aware features of the mention at sentence[start:end], name -> value."""
    parsed = parse(sentence)
    first, last = span(parsed, start, end)
    return {
        "bias": 1.0,
        **window_features(parsed.words, first, last),
        **target_features(parsed, first, last),
        **sentence_features(parsed),
    }
