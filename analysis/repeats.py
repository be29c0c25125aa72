"""Sentences that repeat an earlier one of the same article (a pull-quote, a reworded lede): the
same words in any order, or nearly the same words; and the one way the project cuts text into words.
"""

from __future__ import annotations

import re
from collections import defaultdict

WORD_RE = re.compile(r"\w+(?:[.,'’-]\w+)*")
_MIN_TOKENS = 4  # shorter sentences ("He said no.") are never repeats
_MIN_NEAR = 6  # distinct words a sentence needs before a near-copy is looked for
_PROBES = 3  # its longest words: a near-copy shares one of them
_NEAR = 0.8  # share of distinct words two near-copies have in common


def lower_words(text: str) -> list[str]:
    """The lower-cased words of a text, in order (WORD_RE's words, each lower-cased)."""
    # lower-casing the text first finds the same words (it keeps each character's length and
    # class) except for the two characters whose lower case depends on more than themselves
    if "Σ" in text or "İ" in text:  # final sigma; a dotted I that becomes two characters
        return [word.lower() for word in WORD_RE.findall(text)]
    return WORD_RE.findall(text.lower())


def token_set(text: str) -> frozenset[str]:
    """The distinct lower-cased words of a text."""
    return frozenset(lower_words(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of distinct words two texts have in common (0 … 1): how near-copies are found."""
    return len(a & b) / len(a | b) if a and b else 0.0


def mark_repeats(texts: list[str], eligible: list[bool]) -> list[bool]:
    """Mark an eligible sentence as a repeat when an earlier one has the same words (any order) or
    nearly so (a Jaccard share of 0.8 with one sharing one of its three longest words)."""
    repeats = [False] * len(texts)
    # earlier sentences by their length and words: an exact repeat has both (then its sorted words
    # are compared), so the sorted key is only made when they match
    shapes: dict[tuple[int, frozenset[str]], list[list[str]]] = {}
    index: defaultdict[str, list[int]] = defaultdict(list)
    token_sets: dict[int, frozenset[str]] = {}
    for i, text in enumerate(texts):
        if not eligible[i]:
            continue
        tokens = lower_words(text)
        if len(tokens) < _MIN_TOKENS:
            continue
        words = frozenset(tokens)
        shape = (len(tokens), words)
        same = shapes.get(shape)
        if same is not None:
            key = sorted(tokens)
            if any(sorted(other) == key for other in same):
                repeats[i] = True
                continue
        if len(words) >= _MIN_NEAR:
            probes = sorted(words, key=len, reverse=True)[:_PROBES]
            candidates = {j for word in probes if word in index for j in index[word]}
            for j in candidates:
                other = token_sets[j]
                common = len(words & other)
                if common / (len(words) + len(other) - common) >= _NEAR:
                    repeats[i] = True
                    break
            if repeats[i]:
                continue
        shapes.setdefault(shape, []).append(tokens)
        token_sets[i] = words
        for word in words:
            index[word].append(i)
    return repeats
