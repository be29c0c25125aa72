"""What is not a quantity: dates, times, years, ordinals, identifiers ('Game 7', 'KN-23'),
addresses, ages in apposition and 'one' as a pronoun. The rules analysis/numbers/english.py applies to
each candidate; the words are data (data/languages/en/numbers.toml).
"""

from __future__ import annotations

import re

from analysis.numbers.text import UNITS, Token, hedge, next_word, prev_word, unit_word
from analysis.world import figure_packs

_NUMBERS = figure_packs.english("numbers.toml")
DURATIONS = _NUMBERS.words("units", "durations")
_MONTHS = _NUMBERS.words("dates", "months")
_WEEKDAYS = _NUMBERS.words("dates", "weekdays")
# Capitalised words that may stand right before a number without making it a model or index number.
FUNCTION_WORDS = _NUMBERS.words("context", "function_words")
_IDENTIFIER_WORDS = _NUMBERS.words("context", "identifiers")
_HYPHEN_PREFIX_OK = _NUMBERS.words("context", "hyphen_prefixes")
_STREET = re.compile(
    r"(?:\s+[A-Z0-9][\w.]*){0,3}\s+(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|Drive|Dr|"
    r"Boulevard|Blvd|Place|Pl|Court|Square|Sq)\b\.?"
)
_TIME_AFTER = (
    r"\s?(?i:[ap]\.?m\.?(?![a-z])|gmt|utc|edt|est|bst|cet|cest|kst|msk|pdt|pst|pt\b|"
    r"et\b|hrs\b|h\b)"
)
_NEXT_WORDS = re.compile(r"(?:[\s-]+(?:of\s+)?[\w'’-]+){1,3}")
_ORDINAL_OR_PLURAL = r"(?:st|nd|rd|th|s|’s|'s|′s)(?![a-z])"
# '5pm', '10:00 GMT', '5th', '1990s' right after the digits: not a count
_TIME_OR_ORDINAL_AFTER = re.compile(rf"{_TIME_AFTER}|{_ORDINAL_OR_PLURAL}", re.I)
_NO_TIME_OR_ORDINAL = frozenset(",.;:()%-/")
# first letters of the time words above, both cases ('\u212a' is the Kelvin sign, which `re`
# matches for 'k' when ignoring case)
_TIME_WORD_STARTS = frozenset("apgucekmhbAPGUCEKMHB\u212a")
_COMPOUND = re.compile(r"-([a-z]+)")
_HYPHEN_PREFIX = re.compile(r"([A-Za-z]+)-$")
_AGED_BEFORE = re.compile(r"\baged\s+$", re.I)
_WORDS_RE = re.compile(r"[A-Za-z'’-]+")
_PRONOUN_ONE_BEFORE = _NUMBERS.words("context", "pronoun_one_before")


def is_year(token: Token) -> bool:
    """Four plain digits from 1000 to 2199: a year unless something counted follows."""
    return token.plain_int and len(token.text) == 4 and 1000 <= (token.value or 0) <= 2199


def rejected(text: str, first: Token, last: Token, unit: str, money: bool) -> bool:
    """True for dates, times, years, ordinals, identifiers, addresses and apposition ages."""
    single = last is first
    for token in (first,) if single else (first, last):
        if token.value is None and token.kind != "vague":
            return True
        if token.kind == "digits" and _time_or_ordinal_after(text, token.end):
            return True
    measured = bool(unit or money or first.currency)
    prev = prev_bare = ""  # the word before matters only to what measures nothing
    if not measured:
        prev = prev_word(text, first.start)
        prev_bare = prev.rstrip(".").lower()
        if prev_bare in _MONTHS or prev_bare in _WEEKDAYS:
            return first.kind == "digits"
    if first.kind == "digits" and _capital_after(text, last.end):
        nxt = next_word(text, last.end)
        if nxt.rstrip(".").lower() in _MONTHS and nxt[:1].isupper():
            return True  # '5 March'
    if first.kind == "words":
        compound = _COMPOUND.match(text, last.end)
        if compound and (compound.group(1) in DURATIONS or not unit_word(compound.group(1))):
            return True  # 'six-speed', 'three-bed', 'five-year' used as adjectives
        if first.text.lower() == "one" and last is first and not measured:
            return _pronoun_one(prev_bare, next_word(text, last.end).lower())
    if first.kind == "fraction" and re.search(
        r"\b(?:first|second|the)\s+$", text[max(0, first.start - 8) : first.start].lower()
    ):
        return True  # 'the second half'
    if first.kind != "digits":
        return False
    start = first.start
    if text[start - 1 : start] == "-" or text[start - 2 : start] == "-\n":
        hyphen_prefix = _HYPHEN_PREFIX.search(text[max(0, start - 12) : start])
        if hyphen_prefix and hyphen_prefix.group(1).lower() not in _HYPHEN_PREFIX_OK:
            return True
    if not single and _AGED_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    following = text[last.end : last.end + 1]
    if following.isascii() and following.isalpha() and not measured and last.scale == 1.0:
        return True  # letters attached to the digits: '4G', '737MAX'
    # a street name opens on a capital or a digit: a lower-case word after the space rules it out
    if (
        following.isspace()
        and not text[last.end + 1 : last.end + 2].islower()
        and _STREET.match(text, last.end)
    ):
        return True
    if measured:  # the rules below are for what measures nothing
        return False
    if is_year(first) and is_year(last):
        hedge_word = hedge(text, first.start)[0]
        if hedge_word in ("between", "over", "under", "some") or not (
            hedge_word or _counts_something(text, last.end, 2)
        ):
            return True
    if first.plain_int and single:
        if prev_bare in _IDENTIFIER_WORDS:
            return True
        named = any(map(str.isupper, prev))
        if (
            named
            and prev_bare not in FUNCTION_WORDS
            and not prev.endswith((":", ",", "—", "–"))
            and (not _counts_something(text, first.end, 1))
        ):
            return True  # 'Game 7', 'iPhone 11', 'FTSE 100', 'Section 427'
        if text[first.start - 1 : first.start] == "(" and text[first.end : first.end + 1] == ")":
            return True
        if (
            prev.endswith(",")
            and prev[:1].isupper()
            and text[first.end : first.end + 1] == ","
            and ((first.value or 0) < 120)
        ):
            return True  # 'Maddon, 66, ...': an age in apposition
    return False


def _capital_after(text: str, end: int) -> bool:
    """True when the word `next_word(text, end)` reads opens on a capital (A-Z): the same space
    and hyphen are skipped, without running the pattern."""
    at = end + 1 if text[end : end + 1] in (" ", "\u00a0") else end
    at += text[at : at + 1] == "-"
    return "A" <= text[at : at + 1] <= "Z"


def _time_or_ordinal_after(text: str, end: int) -> bool:
    """'5pm', '10 GMT', '5th', '1990s': a time or an ordinal right after the digits at `end`.

    Both open on a letter or an apostrophe, or a space then the first letter of a time word: any
    other character rules them out without running the pattern."""
    following = text[end : end + 1]
    if not following or following in _NO_TIME_OR_ORDINAL:
        return False
    if following.isspace() and text[end + 1 : end + 2] not in _TIME_WORD_STARTS:
        return False
    return _TIME_OR_ORDINAL_AFTER.match(text, end) is not None


def _pronoun_one(prev: str, nxt: str) -> bool:
    """'no one', 'the same one', 'one another', 'on one in order': 'one' that is not a count."""
    if prev in _PRONOUN_ONE_BEFORE:
        return True
    return nxt in ("another", "'s", "’s", "") or (
        nxt in FUNCTION_WORDS and nxt not in ("of", "or", "to")
    )


def _counts_something(text: str, end: int, n_words: int) -> bool:
    """True when a plural noun follows within n words ('2000 Ukraine soldiers', '1000 hires')."""
    match = _NEXT_WORDS.match(text, end)
    if not match:
        return False
    for word in _WORDS_RE.findall(match.group())[:n_words]:
        low = word.lower()
        if low in UNITS:
            return True
        if (
            low.endswith("s")
            and not low.endswith(("ss", "'s", "’s", "us"))
            and word[:1].islower()
            and (low not in FUNCTION_WORDS)
            and len(low) > 3
        ):
            return True
        if low in FUNCTION_WORDS or low in ("was", "were", "is", "are"):
            return False
    return False
