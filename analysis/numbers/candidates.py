"""Where the numbers of a text are: every match of one candidate pattern (digits with their
currency, sign and scale, number words, vague amounts, fractions, dates), found by trying the
pattern only at anchors (digit runs and whole number words) instead of at every position.
analysis/numbers/english.py reads what each candidate is worth.
"""

from __future__ import annotations

import re

import ahocorasick

from analysis.numbers.text import is_word_char
from analysis.world import figure_packs

_NUMBERS = figure_packs.english("numbers.toml")
WORD_VALUES: dict[str, float] = _NUMBERS.values("words", "cardinals")
SCALES: dict[str, float] = _NUMBERS.values("words", "scales")

_CARDINAL = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_WORD = rf"(?:{_CARDINAL}|hundred|thousand|million|billion|trillion|dozen)"
_CURRENCY = (
    r"(?:(?:US|USD|AU|A|NZ|C|CA|HK|S|NT)\s?)?[$€£¥₹₩₽](?:\s?(?:US|A|AU|C|NZ|HK)(?=\d))?"
    r"|(?:USD|EUR|GBP|JPY|AUD|CAD|CHF|CNY|INR|RMB|RM|Rs\.?|Y=|PS)\s?(?=[-−]?\d)"
)
_NUMERIC = (
    r"\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3}){2,}|(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]))(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?|\.\d+"
)
_SCALE_AFTER = (
    r"(?:[ \u00a0](?i:hundred|thousand|million|billion|trillion|lakh|crore)\b)+"
    r"|(?:mn|mln|mil|bn|tn|k|K|m|M|MM|b)\b|[ \u00a0]?(?:bn|mn|mln|B)\b"
)
_VAGUE = (
    r"(?i:\b(?:(?:several|a few|few|many|some)\s+)?(?:tens|dozens|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?:thousands|millions|billions))*\b"
    r"|\b(?:several|a few|a couple of|many)\s+(?:hundred|thousand|million|billion)\b)"
)
_DATE = (
    r"(?P<date>(?<![\w.])(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\.\d+)?)(?![\d]))"
)
_FRACTION = (
    r"(?P<fraction>(?i:\b(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]"
    r"(?:half|third|quarter|fourth|fifth|sixth|eighth|tenth)s?(?=\s+of\b)|\bhalf(?=\s+(?:of|the)\b)"
    r"|\b(?:one|\d{1,2})\s+(?:out of|in)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b)"
    r"|(?<![\w/])\d{1,2}\s?[/⁄]\s?\d{1,3}(?![\d/]))"
)
_AMOUNT = (
    rf"(?<![\w.,/])(?P<cur>{_CURRENCY})?(?P<sign>(?<![\w.,])(?:[-−](?=\.?\d)|(?i:minus)[- ]|\+))?"
    rf"(?P<num>{_NUMERIC})(?P<sci>\s?[×x]\s?10\s?[-−]?\d+)?(?P<scale>{_SCALE_AFTER})?"
)
_WORDS = (
    r"(?P<fold>(?i:\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)-?fold)\b)"
    rf"|(?P<words>(?i:\b(?:a(?=\s+(?:hundred|thousand|million|billion|dozen)\b)|{_WORD})"
    rf"(?:(?:[\s-]+|\s+and\s+){_WORD}\b)*\b))"
)
CANDIDATE_RE = re.compile(rf"{_DATE}|(?P<vague>{_VAGUE})|{_FRACTION}|{_AMOUNT}|{_WORDS}")
# The digit-led alternatives alone, in the same order: what a digit anchor can start.
_DIGIT_LED_RE = re.compile(rf"{_DATE}|{_FRACTION}|{_AMOUNT}")

# Cheap first pass: where a candidate can be (a run of digits or a whole number word); the full
# pattern then runs from just before each anchor, far enough back for '$US ', 'minus ', 'a couple
# of hundred'. Number words are found by one Aho-Corasick pass (C speed) rather than a regex scan.
_DIGITS_RE = re.compile(r"\d[\d,.]*")
_SPAN = re.Match.span
_ANCHOR_WORDS = ahocorasick.Automaton()
for _word in (*WORD_VALUES, *_NUMBERS.list("words", "anchors")):
    _ANCHOR_WORDS.add_word(_word, len(_word))
_ANCHOR_WORDS.make_automaton()
_ANCHOR_BACK = 14
_CANDIDATE_STARTS = re.compile(r"(?<!\w)\S")
# Words that can open a candidate before its anchor: 'several thousand', 'US $5', 'minus 5'.
_PREFIX_WORDS = _NUMBERS.words("words", "prefixes")


def candidates(text: str) -> list[re.Match[str]]:
    """Matches of CANDIDATE_RE found by searching only near anchors (digits, number words): what a
    full scan finds, except in rare runs of signed numbers glued to punctuation ('minus 387 …,minus
    23'), where a full scan can start a match one word earlier (2 texts in 3,000 generated)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        return list(CANDIDATE_RE.finditer(text))
    matches: list[re.Match[str]] = []
    last_end = 0
    digit_led, candidate, prefix_words = _DIGIT_LED_RE.match, CANDIDATE_RE.match, _PREFIX_WORDS
    for at, anchor_end in _anchors(lowered):
        if at < last_end:
            continue
        if not at:
            match = (digit_led if lowered[0].isdigit() else candidate)(text, 0)
        elif not lowered[at - 1].isspace():  # '$US5', 'Y=5', '-5'
            pattern = _DIGIT_LED_RE if lowered[at].isdigit() else CANDIDATE_RE
            match = _leftmost(pattern, text, max(last_end, at - 6), at, anchor_end + 60)
        else:
            # the word before the spaces ('several', 'of', 'us'): read inline, most anchors ask
            tail = lowered[at - _ANCHOR_BACK if at > _ANCHOR_BACK else 0 : at].rstrip()
            if tail and tail.rsplit(None, 1)[-1] in prefix_words:
                lowest = max(last_end, at - _ANCHOR_BACK)
                match = _leftmost(CANDIDATE_RE, text, lowest, at, anchor_end + 60)
            else:
                match = (digit_led if lowered[at].isdigit() else candidate)(text, at)
        if match is None:
            continue
        matches.append(match)
        last_end = max(match.end(), match.start() + 1)
    return matches


def _leftmost(
    pattern: re.Pattern[str], text: str, lowest: int, at: int, endpos: int
) -> re.Match[str] | None:
    """`pattern.search(text, lowest, endpos)` when it starts by `at`, else None, tried only where a
    candidate can start: every alternative opens on a non-space with no word character before it."""
    for start in _CANDIDATE_STARTS.finditer(text, lowest, at + 1):
        match = pattern.match(text, start.start(), endpos)
        if match:
            return match
    return None


def _may_hold_digits(text: str) -> bool:
    """False for an ASCII text without a digit (most sentences), found by ten substring tests,
    several times faster than a scan of `re`; a text with other characters may hold other \\d."""
    if not text.isascii():
        return True
    for digit in "0123456789":  # noqa: SIM110 - a loop: no generator made per text
        if digit in text:
            return True
    return False


def _anchors(lowered: str) -> list[tuple[int, int]]:
    """(start, end) of every digit run and whole number word ('ten', 'thousands', 'tenfold')."""
    spans = list(map(_SPAN, _DIGITS_RE.finditer(lowered))) if _may_hold_digits(lowered) else []
    words = []
    for last, length in _ANCHOR_WORDS.iter(lowered):  # also 'one' in 'money': keep whole words
        start = last + 1 - length
        if start and is_word_char(lowered[start - 1]):
            continue
        end = last + 5 if lowered.startswith("fold", last + 1) else last + 1
        if end < len(lowered) and is_word_char(lowered[end]):
            continue
        words.append((start, end))
    return sorted(spans + words) if words else spans
