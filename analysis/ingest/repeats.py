"""Sentences that repeat an earlier one of the same article (a pull-quote, a reworded lede): the
same words in any order, or nearly the same words; and the one way the project cuts text into words.
"""

from __future__ import annotations

import re
from collections import defaultdict

# possessive (no backtracking: none can find another word) and the same words as
# r"\w+(?:[.,'’-]\w+)*", ~10 % faster
WORD_RE = re.compile(r"\w++(?:[.,'’-]\w++)*+")
_MIN_TOKENS = 4  # shorter sentences ("He said no.") are never repeats
_MIN_NEAR = 6  # distinct words a sentence needs before a near-copy is looked for
_PROBES = 3  # its longest words: a near-copy shares one of them
_NEAR = 0.8  # share of distinct words two near-copies have in common
_SCAN = 64  # earlier sentences read one by one for a look-up; past them, an index by word
# sentences a look-up reads per probe word in the index: the latest ones. An article's repeat stands
# near its original in the count of sentences holding the word; without a bound, a huge text of
# similar sentences ("The cat sat on mat number 1 today.", 20,000 times) took a minute
_RECENT = 64


def words_of(text: str) -> list[str]:
    """WORD_RE's words of a text (its findall), found faster: a whitespace-separated chunk of
    letters and digits alone (most of them) is one word as it is, only the others are searched
    (no word holds a space, and a chunk's words do not depend on the text around it)."""
    words: list[str] = []
    append, findall = words.append, WORD_RE.findall
    for chunk in text.split():
        if chunk.isalnum():  # \w but for '_': the whole chunk is one word
            append(chunk)
        else:
            words += findall(chunk)
    return words


def lower_words(text: str) -> list[str]:
    """The lower-cased words of a text, in order (WORD_RE's words, each lower-cased)."""
    # lower-casing the text first finds the same words (it keeps each character's length and
    # class) except for the two characters whose lower case depends on more than themselves
    if "Σ" in text or "İ" in text:  # final sigma; a dotted I that becomes two characters
        return [word.lower() for word in WORD_RE.findall(text)]
    return words_of(text.lower())


def token_set(text: str) -> frozenset[str]:
    """The distinct lower-cased words of a text."""
    return frozenset(lower_words(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of distinct words two texts have in common (0 … 1): how near-copies are found."""
    return len(a & b) / len(a | b) if a and b else 0.0


def mark_repeats(texts: list[str], eligible: list[bool]) -> list[bool]:
    """Mark an eligible sentence as a repeat when an earlier one has the same words (any order) or
    nearly so (a Jaccard share of 0.8 with one of the latest 64 holding one of its three longest
    words)."""
    return repeats_and_words(texts, eligible)[0]


def repeats_and_words(texts: list[str], eligible: list[bool]) -> tuple[list[bool], list[int]]:
    """`mark_repeats`, and the number of words of each eligible sentence (-1 for the others): the
    words are found once for both."""
    repeats = [False] * len(texts)
    counts = [-1] * len(texts)
    # earlier sentences by their length and words: an exact repeat has both (then its sorted words
    # are compared), so the sorted key is only made when they match
    shapes: dict[tuple[int, frozenset[str]], list[list[str]]] = {}
    token_sets: dict[int, frozenset[str]] = {}  # the sentences that can be repeated
    seen: set[str] = set()  # all their words (and maybe more: see below)
    by_word: defaultdict[str, list[int]] | None = None  # sentences by word, past _SCAN of them
    joined = "".join(texts)
    plain = "Σ" not in joined and "İ" not in joined  # lower-case the text, not each word
    for i, text in enumerate(texts):
        if not eligible[i]:
            continue
        tokens = words_of(text.lower()) if plain else lower_words(text)
        counts[i] = len(tokens)  # as many as in the text itself: lower case keeps every word
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
        # a near-copy shares 80 % of the words (5 common >= 4 in all): most sentences share less
        # with all the earlier ones together, and are not looked up. The words are added to
        # `seen` first, its growth telling how many are new (no set of the common ones made): a
        # near-copy's words stay in, and `seen` only ever holds more words than the sentences
        # kept, which lets more sentences be looked up, never fewer
        size = len(words)
        known = len(seen)
        seen |= words
        if size >= _MIN_NEAR and 5 * (size - len(seen) + known) >= 4 * size:
            # the longest words, ties in alphabetical order (a set's order changes with each
            # process's string hashing: the same article was marked differently from run to run)
            probes = sorted(sorted(words), key=len, reverse=True)[:_PROBES]
            if by_word is None and len(token_sets) > _SCAN:
                by_word = defaultdict(list)
                for j, earlier in token_sets.items():
                    for word in earlier:
                        by_word[word].append(j)
            if by_word is None:  # few sentences: each is read, no index is kept
                holding = [j for j, other in token_sets.items() if not other.isdisjoint(probes)]
            else:
                holding = {j for w in probes if w in by_word for j in by_word[w][-_RECENT:]}
            for j in holding:
                other = token_sets[j]
                common = len(words & other)
                if common / (size + len(other) - common) >= _NEAR:
                    repeats[i] = True
                    break
            if repeats[i]:
                continue
        if same is None:
            shapes[shape] = [tokens]
        else:
            same.append(tokens)
        token_sets[i] = words
        if by_word is not None:
            for word in words:
                held = by_word[word]
                held.append(i)
                if len(held) > 2 * _RECENT:  # only the latest are read: the list stays short
                    del held[:-_RECENT]
    return repeats, counts
