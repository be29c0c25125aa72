"""A number candidate as written and the words around it: the word before and after, the hedge in
front ('as many as 5', '~5'), the unit after. Shared by the reader (analysis/numbers/english.py) and its
rejection rules (analysis/numbers/rejects.py); the words are data (data/languages/en/numbers.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.world import figure_packs

_NUMBERS = figure_packs.english("numbers.toml")
UNITS = _NUMBERS.words("units", "measures")
_HEDGE_PHRASES = _NUMBERS.list("hedges", "phrases")
_HEDGES_BY_LAST_WORD: dict[str, list[str]] = {}
for _phrase in sorted(_HEDGE_PHRASES, key=len, reverse=True):
    _HEDGES_BY_LAST_WORD.setdefault(_phrase.split()[-1], []).append(_phrase)
# Hedges written before a number, matched as whole words ending the text before it ('as many as 5'),
# and symbols written right against it ('~5', 'sub-5').
_HEDGE_SYMBOLS = _NUMBERS.list("hedges", "symbols")
_HEDGE_SYMBOL_ENDINGS = tuple(_HEDGE_SYMBOLS)
_HEDGE_PHRASES_LONGEST = sorted(_HEDGE_PHRASES, key=len, reverse=True)
_HEDGE_ENDINGS = frozenset(phrase[-1] for phrase in _HEDGE_PHRASES)
_HEDGE_REACH = 22
NEXT_WORD = re.compile(r"[ \u00a0]?-?([A-Za-zμ°″'’][\w/°²³'’.-]*)")


def prev_word(text: str, pos: int) -> str:
    """The word (with its punctuation) right before `pos`, across spaces but not line breaks."""
    window = text[max(0, pos - 30) : pos]
    if window.endswith("\n"):  # a number at the start of a line still sees the word before it
        window = window[:-1]
    tail = window.rstrip(" \u00a0")
    if not tail or tail[-1].isspace():
        return ""
    return tail.rsplit(None, 1)[-1]


def hedge(text: str, pos: int) -> tuple[str, str]:
    """(hedge phrase, hedge symbol) written right before `pos`, lowercased; '' for none.

    A phrase is whole words followed by whitespace ('as many as 5'); a symbol touches the number
    ('~5', 'c.5', 'sub-5'). Words are looked up by the last one, so this costs a few string tests.
    """
    start = max(0, pos - _HEDGE_REACH)
    window = text[start:pos]
    tail = window.rstrip()
    if len(tail) == len(window):
        return "", hedge_symbol(window)
    last = tail.rsplit(None, 1)[-1].lower() if tail else ""
    if last.isalpha():
        phrases = _HEDGES_BY_LAST_WORD.get(last, ())
    else:  # '(about', 'approx.'; but no hedge ends in ',' or ')': 'said, 5'
        phrases = _HEDGE_PHRASES_LONGEST if last[-1:] in _HEDGE_ENDINGS else ()
    low = tail.lower() if phrases else ""
    for phrase in phrases:
        at = start + len(tail) - len(phrase)
        if at >= start and low.endswith(phrase) and not (at and is_word_char(text[at - 1])):
            return phrase, ""
    # a symbol at the end of a line, the number on the next: '~' then '5'
    return "", hedge_symbol(window[:-1]) if window.endswith("\n") else ""


def hedge_symbol(written: str) -> str:
    """The hedge symbol `written` ends with ('~', '≈', 'c.', 'sub-'), lowercased; '' for none."""
    low = written[-4:].lower()
    if not low.endswith(_HEDGE_SYMBOL_ENDINGS):  # most numbers: no symbol, no search
        return ""
    return next((symbol for symbol in _HEDGE_SYMBOLS if low.endswith(symbol)), "")


def is_word_char(char: str) -> bool:
    """True for a character `re` counts as \\w (letters, digits, underscore)."""
    return char.isalnum() or char == "_"


def next_word(text: str, pos: int) -> str:
    """The word right after `pos` ('' when a digit or punctuation follows)."""
    match = NEXT_WORD.match(text, pos)
    return match.group(1).rstrip(".'’") if match else ""


@dataclass(slots=True)
class Token:
    """A candidate number as written: span, value, kind and what was written with it."""

    start: int
    end: int
    value: float | None
    text: str
    kind: str  # "digits", "words", "vague", "fraction"
    scale: float  # multiplier written after the number ('million' -> 1e6), 1.0 when none
    currency: bool
    plain_int: bool  # digits only: no separator, currency or scale


@lru_cache(maxsize=1 << 16)  # one word: the words after numbers repeat ('people', 'km', 'of')
def unit_word(word: str) -> bool:
    """A measure ('km', 'km/h', 'lb-ft', 'mile-long'), not a model name ('F-16', 'C-130')."""
    low = word.lower()
    first, _, rest = low.partition("-")
    return low in UNITS or low.split("/")[0] in UNITS or (first in UNITS and not rest[:1].isdigit())
