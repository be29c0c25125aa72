"""Quantities in running news text: digits, number words, scales, ranges, hedges, vague amounts.

A cheap anchor scan (digits and number words) and one compiled candidate pattern run from each
anchor find every candidate in a single pass over the text; cheap per-candidate rules then join ranges
("between 10,000 and 12,000", "10,000–12,000", "from 5 to 7 per cent"), read the hedge in front
("as many as", "over", "some") and drop what is not a quantity: dates, times, years, ordinals, model
names and other identifiers ("KN-23", "Game 7", "S&P 500"), addresses and ages in apposition.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import ahocorasick

from analysis import figure_packs

_NUMBERS = figure_packs.english("numbers.toml")
WORD_VALUES: dict[str, float] = _NUMBERS.values("words", "cardinals")
SCALES: dict[str, float] = _NUMBERS.values("words", "scales")
_FRACTIONS = _NUMBERS.values("words", "fractions")
# Order-of-magnitude bounds of vague amounts, so they can be compared with numbers.
_VAGUE_BASE = _NUMBERS.values("words", "vague")

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
_ANCHOR_WORDS = ahocorasick.Automaton()
for _word in (*WORD_VALUES, *_NUMBERS.list("words", "anchors")):
    _ANCHOR_WORDS.add_word(_word, len(_word))
_ANCHOR_WORDS.make_automaton()
_ANCHOR_BACK = 14
# Words that can open a candidate before its anchor: 'several thousand', 'US $5', 'minus 5'.
_PREFIX_WORDS = _NUMBERS.words("words", "prefixes")

UNITS = _NUMBERS.words("units", "measures")
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
# Hedges written before a number, matched as whole words ending the text before it ('as many as 5').
_HEDGE_PHRASES = _NUMBERS.list("hedges", "phrases")
_HEDGES_BY_LAST_WORD: dict[str, list[str]] = {}
for _phrase in sorted(_HEDGE_PHRASES, key=len, reverse=True):
    _HEDGES_BY_LAST_WORD.setdefault(_phrase.split()[-1], []).append(_phrase)
_HEDGE_SYMBOLS = _NUMBERS.list(
    "hedges", "symbols"
)  # written right against the number: '~5', 'sub-5'
_HEDGE_PHRASES_LONGEST = sorted(_HEDGE_PHRASES, key=len, reverse=True)
_HEDGE_ENDINGS = frozenset(phrase[-1] for phrase in _HEDGE_PHRASES)
_HEDGE_REACH = 22
_TIME_AFTER = (
    r"\s?(?i:[ap]\.?m\.?(?![a-z])|gmt|utc|edt|est|bst|cet|cest|kst|msk|pdt|pst|pt\b|"
    r"et\b|hrs\b|h\b)"
)
_NEXT_WORD = re.compile(r"[ \u00a0]?-?([A-Za-zμ°″'’][\w/°²³'’.-]*)")
_NEXT_WORDS = re.compile(r"(?:[\s-]+(?:of\s+)?[\w'’-]+){1,3}")
_PERCENT = (
    r"\s?(?:%|‰)|\s?-?(?i:per\s?cent\b|percent(?:age points?)?\b|pc\b|pct\b|"
    r"basis points?\b|bps\b)"
)
MONEY_WORDS = (
    r"(?i:(?:(?:US|Australian|Canadian|New Zealand|Hong Kong|Singapore|Chinese|Japanese|Danish|"
    r"Swedish|Norwegian|Swiss|Indian|Russian|South African|Mexican)\s)?(?:dollars?|euros?|yen|yuan|"
    r"renminbi|shekels?|rupees?|roubles?|rubles?|won|francs?|crowns?|kronor|kroner|krona|pesos?|rand|"
    r"ringgit|dinars?|lira|hryvnias?|cents?|pence|sen|pounds sterling|sterling)\b)"
)
_MONEY_AFTER = rf"\s?€|\s{MONEY_WORDS}|(?:p|USD|EUR|GBP)\b"
# Percent first, then money: one match call instead of two
_PERCENT_OR_MONEY = re.compile(rf"(?P<percent>{_PERCENT})|{_MONEY_AFTER}")
_RANGE_GAP = re.compile(r"\s*(?:[-–—]|(?i:(?:up )?to|to-|through|till|until|and|-to-))\s*")
_WORD_SPLIT = re.compile(r"[\s-]+")
_COMMA_GROUPS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_FOLD = re.compile(r"-?fold$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\S+\s?)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:\S+\s?)?$")
_ORDINAL_OR_PLURAL = r"(?:st|nd|rd|th|s|’s|'s|′s)(?![a-z])"
# '5pm', '10:00 GMT', '5th', '1990s' right after the digits: not a count
_TIME_OR_ORDINAL_AFTER = re.compile(rf"{_TIME_AFTER}|{_ORDINAL_OR_PLURAL}", re.I)
_COMPOUND = re.compile(r"-([a-z]+)")
_HYPHEN_PREFIX = re.compile(r"([A-Za-z]+)-$")
_AGED_BEFORE = re.compile(r"\baged\s+$", re.I)
_WORDS_RE = re.compile(r"[A-Za-z'’-]+")
_PRONOUN_ONE_BEFORE = _NUMBERS.words("context", "pronoun_one_before")
_DIMENSION = _NUMBERS.words("units", "dimensions")


@dataclass(slots=True)
class Quantity:
    """One quantity as written: span, value range (None when vague), hedge and what follows it."""

    start: int
    end: int
    low: float | None
    high: float | None
    vague: str
    text: str
    approximator: str
    unit: str  # "percent", "money", a unit word, or "" (a count of the noun that follows)
    money: bool
    unit_end: int  # end of the unit words after the number (== end when there are none)


def vague_bounds(vague: str) -> tuple[float, float] | None:
    """Order-of-magnitude bounds of a vague amount ('thousands' -> 1,000..10,000), for comparisons."""
    words = vague.lower().split()
    bases = [_VAGUE_BASE[w] for w in words if w in _VAGUE_BASE]
    if words and words[0] == "tens":
        return (10 * bases[0], 100 * bases[0]) if bases else None
    if bases:
        low = 1.0
        for base in bases:
            low *= base
        return low, low * 10
    scales = [SCALES[w] for w in words if w in SCALES]
    if scales:
        return 2 * scales[-1], 9 * scales[-1]
    return None


def words_value(text: str) -> float | None:
    """Value of number words ('twenty-eight thousand six hundred', 'a dozen'); None if not a number."""
    total = current = 0.0
    seen = False
    for word in _WORD_SPLIT.split(text.lower()):
        if word in ("and", ""):
            continue
        if word == "a":
            current = current or 1.0
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1.0) * SCALES[word]
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digits_value(raw: str, next_is_word: bool) -> float:
    """Value of a digit string with separators: 10,000 / 10.000 / 10 000 / 1,271.2 / 8,5."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if " " in raw:
        return float(raw.replace(" ", "").replace(",", "."))
    if raw.count(".") > 1 or ("." in raw and "," in raw and raw.rfind(",") > raw.rfind(".")):
        return float(raw.replace(".", "").replace(",", "."))
    if raw.count(",") >= 1 and _COMMA_GROUPS.fullmatch(raw):
        return float(raw.replace(",", ""))
    if "," in raw:
        return float(raw.replace(",", "."))
    if next_is_word and _DOT_GROUP.fullmatch(raw):
        return float(raw.replace(".", ""))
    return float(raw)


def _prev_word(text: str, pos: int) -> str:
    """The word (with its punctuation) right before `pos`, across spaces but not line breaks."""
    window = text[max(0, pos - 30) : pos]
    if window.endswith("\n"):  # a number at the start of a line still sees the word before it
        window = window[:-1]
    tail = window.rstrip(" \u00a0")
    if not tail or tail[-1].isspace():
        return ""
    return tail.rsplit(None, 1)[-1]


def _word_before(text: str, pos: int, reach: int) -> str:
    """The word before the whitespace that ends text[pos - reach : pos] ('' when none)."""
    window = text[max(0, pos - reach) : pos]
    tail = window.rstrip()
    return tail.rsplit(None, 1)[-1] if tail and len(tail) < len(window) else ""


def _hedge(text: str, pos: int) -> tuple[str, str]:
    """(hedge phrase, hedge symbol) written right before `pos`, lowercased; '' for none.

    A phrase is whole words followed by whitespace ('as many as 5'); a symbol touches the number
    ('~5', 'c.5', 'sub-5'). Words are looked up by the last one, so this costs a few string tests.
    """
    start = max(0, pos - _HEDGE_REACH)
    window = text[start:pos]
    tail = window.rstrip()
    if len(tail) == len(window):
        return "", _hedge_symbol(window)
    low = tail.lower()
    last = low.rsplit(None, 1)[-1] if low else ""
    if last.isalpha():
        phrases = _HEDGES_BY_LAST_WORD.get(last, ())
    else:  # '(about', 'approx.'; but no hedge ends in ',' or ')': 'said, 5'
        phrases = _HEDGE_PHRASES_LONGEST if last[-1:] in _HEDGE_ENDINGS else ()
    for phrase in phrases:
        at = start + len(tail) - len(phrase)
        if at >= start and low.endswith(phrase) and not (at and _is_word_char(text[at - 1])):
            return phrase, ""
    # a symbol at the end of a line, the number on the next: '~' then '5'
    return "", _hedge_symbol(window[:-1]) if window.endswith("\n") else ""


def _hedge_symbol(written: str) -> str:
    """The hedge symbol `written` ends with ('~', '≈', 'c.', 'sub-'), lowercased; '' for none."""
    low = written[-4:].lower()
    return next((symbol for symbol in _HEDGE_SYMBOLS if low.endswith(symbol)), "")


def _is_word_char(char: str) -> bool:
    """True for a character `re` counts as \\w (letters, digits, underscore)."""
    return char.isalnum() or char == "_"


def _next_word(text: str, pos: int) -> str:
    """The word right after `pos` ('' when a digit or punctuation follows)."""
    match = _NEXT_WORD.match(text, pos)
    return match.group(1).rstrip(".'’") if match else ""


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    value: float | None
    text: str
    kind: str  # "digits", "words", "vague", "fraction"
    scale: float  # multiplier written after the number ('million' -> 1e6), 1.0 when none
    currency: bool
    plain_int: bool  # digits only: no separator, currency or scale


def _token(match: re.Match[str], text: str) -> _Token | None:
    """A candidate match as a token with its value, or None for dates and times."""
    group = match.lastgroup
    start, end = match.span()
    if group == "date":
        return None
    if group == "vague":
        return _Token(start, end, None, match.group(), "vague", 1.0, False, False)
    if group == "fold":
        return _Token(
            start,
            end,
            words_value(_FOLD.sub("", match.group())),
            match.group(),
            "words",
            1.0,
            False,
            False,
        )
    if group == "fraction":
        return _fraction(match.group(), start, end)
    if group == "words":
        last_word = _WORD_SPLIT.split(match.group().lower())[-1]
        scale = SCALES.get(last_word, 1.0) if last_word != "dozen" else 1.0
        if last_word == match.group().lower() and last_word in SCALES:
            return None  # 'million' in 'parts per million', 'dozen' in "a baker's dozen"
        return _Token(
            start, end, words_value(match.group()), match.group(), "words", scale, False, False
        )
    raw, sign, scale = match.group("num"), match.group("sign") or "", match.group("scale") or ""
    scale_word = scale.strip().lower()
    currency = bool(match.group("cur"))
    if scale_word == "m" and scale.strip() == "m" and not currency and _is_metres(text, end):
        end -= len(scale)
        scale_word = ""
    sci = match.group("sci")
    following = "" if scale_word or sci else _next_word(text, match.end("num"))
    try:
        value = _digits_value(raw, bool(following) and following.lower() not in UNITS)
    except ValueError:  # separators no reading makes a number of ('1.2,3,4'): not a quantity
        return None
    if sci:
        exponent = re.sub(r"[^\d]", "", sci[sci.find("10") + 2 :])
        exponent_sign = "-" if re.search(r"[-−]", sci) else ""
        # float() of the written form saturates to inf/0 where 10.0 ** int(...) would raise
        value = float(f"{value!r}e{exponent_sign}{exponent}") if math.isfinite(value) else value
    multiplier = 1.0
    for word in scale_word.split():
        multiplier *= SCALES[word]
    value *= multiplier
    if sign.strip()[:1] in ("-", "−") or sign.lower().startswith("minus"):
        value = -value
    plain = not (currency or scale_word) and raw.isdigit()
    return _Token(start, end, value, text[start:end], "digits", multiplier, currency, plain)


def _fraction(written: str, start: int, end: int) -> _Token | None:
    parts = re.split(r"\s*(?:[/⁄]|\bout of\b|\bin\b)\s*|[\s-]+", written.lower())
    parts = [p for p in parts if p]
    if parts == ["half"]:
        parts = ["a", "half"]
    numerator = (
        1.0
        if parts[0] == "a"
        else words_value(parts[0])
        if not parts[0].isdigit()
        else float(parts[0])
    )
    last = parts[-1]
    stem = last[:-1] if last.endswith("s") and last[:-1] in _FRACTIONS else last
    denominator = (
        float(_FRACTIONS[stem])
        if stem in _FRACTIONS
        else float(last)
        if last.isdigit()
        else words_value(last)
    )
    if not numerator or not denominator or numerator >= denominator:
        return None
    return _Token(start, end, numerator / denominator, written, "fraction", 1.0, False, False)


def _is_metres(text: str, end: int) -> bool:
    """'37m (121ft)', '100m long' are metres; '35m of its devices', '12.3m tonnes' are millions."""
    rest = text[end : end + 3].lstrip()
    if not rest or rest[0] in "(.,;:!?)-":
        return True
    return _next_word(text, end).lower() in _DIMENSION


def _unit_word(word: str) -> bool:
    """A measure ('km', 'km/h', 'lb-ft', 'mile-long'), not a model name ('F-16', 'C-130')."""
    low = word.lower()
    first, _, rest = low.partition("-")
    return low in UNITS or low.split("/")[0] in UNITS or (first in UNITS and not rest[:1].isdigit())


def _unit(text: str, end: int) -> tuple[str, int, bool]:
    """(unit, end of unit, is money) right after a number: 'percent', a money word, or unit words."""
    match = _PERCENT_OR_MONEY.match(text, end)
    if match:
        if match.group("percent") is not None:
            return "percent", match.end(), False
        return match.group().strip().lower(), match.end(), True
    words: list[str] = []
    match = _NEXT_WORD.match(text, end)
    while match and _unit_word(match.group(1).rstrip(".-")) and len(words) < 3:
        words.append(match.group(1).rstrip(".-").lower())
        end = match.start(1) + len(match.group(1).rstrip(".-"))
        match = _NEXT_WORD.match(text, end)
    return " ".join(words), end, False


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right, with ranges joined and non-quantities dropped."""
    tokens = [t for t in (_token(m, text) for m in _candidates(text)) if t is not None]
    # digit or word runs beyond any float (inf / nan) are noise, not a quantity
    tokens = [t for t in tokens if t.value is None or math.isfinite(t.value)]
    units = [_unit(text, t.end) for t in tokens]
    quantities: list[Quantity] = []
    i = 0
    while i < len(tokens):
        first = tokens[i]
        unit, unit_end, money = units[i]
        last, last_unit, last_money = first, unit, money
        if i + 1 < len(tokens):
            second = tokens[i + 1]
            gap = text[unit_end : second.start]
            unit2, unit2_end, money2 = units[i + 1]
            if _joins(
                text,
                first,
                second,
                gap,
                unit,
                unit2,
                money or first.currency,
                money2 or second.currency,
            ):
                last, last_unit, last_money = second, unit2, money2
                unit_end = unit2_end
                i += 1
            elif gap == "-" and first.kind == second.kind == "digits" and not unit:
                i += 2  # a score or a code: '2-1', '89-89', '2014-15', 'ISO 3888-2'
                continue
        i += 1
        quantity = _quantity(text, first, last, last_unit or unit, money or last_money, unit_end)
        if quantity is not None:
            quantities.append(quantity)
    return quantities


def _candidates(text: str) -> list[re.Match[str]]:
    """Matches of CANDIDATE_RE, the same as a full scan, found by searching only near anchors."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        return list(CANDIDATE_RE.finditer(text))
    matches: list[re.Match[str]] = []
    last_end = 0
    for at, anchor_end in _anchors(lowered):
        if at < last_end:
            continue
        digit = lowered[at].isdigit()
        if at and not lowered[at - 1].isspace():  # '$US5', 'Y=5', '-5'
            match = (_DIGIT_LED_RE if digit else CANDIDATE_RE).search(
                text, max(last_end, at - 6), anchor_end + 60
            )
        elif at and _word_before(lowered, at, _ANCHOR_BACK) in _PREFIX_WORDS:
            match = CANDIDATE_RE.search(text, max(last_end, at - _ANCHOR_BACK), anchor_end + 60)
        else:
            match = (_DIGIT_LED_RE if digit else CANDIDATE_RE).match(text, at)
        if match is None or match.start() > at:
            continue
        matches.append(match)
        last_end = max(match.end(), match.start() + 1)
    return matches


def _anchors(lowered: str) -> list[tuple[int, int]]:
    """(start, end) of every digit run and whole number word ('ten', 'thousands', 'tenfold')."""
    spans = [m.span() for m in _DIGITS_RE.finditer(lowered)]
    words = []
    for last, length in _ANCHOR_WORDS.iter(lowered):  # also 'one' in 'money': keep whole words
        start = last + 1 - length
        if start and _is_word_char(lowered[start - 1]):
            continue
        end = last + 5 if lowered.startswith("fold", last + 1) else last + 1
        if end < len(lowered) and _is_word_char(lowered[end]):
            continue
        words.append((start, end))
    return sorted(spans + words) if words else spans


def _is_year(token: _Token) -> bool:
    return token.plain_int and len(token.text) == 4 and 1000 <= (token.value or 0) <= 2199


def _joins(
    text: str,
    first: _Token,
    second: _Token,
    gap: str,
    unit: str,
    unit2: str,
    money: bool,
    money2: bool,
) -> bool:
    """True when two adjacent numbers form one range ('10,000 to 12,000', 'between 5% and 6%')."""
    if first.value is None or second.value is None or "fraction" in (first.kind, second.kind):
        return False
    if _FOLD.search(first.text):
        return False
    match = _RANGE_GAP.fullmatch(gap)
    if (
        not match
        or (unit and unit2 and unit != unit2)
        or (unit and not unit2 and gap.strip() != "-")
    ):
        return False
    if money != money2 and (unit or money) and not (money2 and not unit):
        return False
    separator = gap.strip().lower()
    before = text[max(0, first.start - 14) : first.start].lower()
    if separator not in ("-", "–", "—") and _is_year(first) != _is_year(second):
        return False  # 'rose 60% in 2018 to 3.9 million'
    if separator == "and":
        return bool(_BETWEEN_BEFORE.search(before))
    if separator in ("-", "–", "—") and first.scale == 1.0 and second.scale == 1.0:
        return second.value > first.value
    # 'increased by $43.6 billion to $419.2 billion' is a change and a level, not a range
    return not ((unit or money) and _BY_BEFORE.search(before))


def _quantity(
    text: str, first: _Token, last: _Token, unit: str, money: bool, unit_end: int
) -> Quantity | None:
    """The Quantity for one token or a range of two, or None when it is not a quantity."""
    low, high = first.value, last.value
    if (
        last is not first
        and low is not None
        and high is not None
        and first.scale == 1.0
        and (last.scale != 1.0 and "," not in first.text and low * last.scale <= high)
    ):
        low *= last.scale
    if _rejected(text, first, last, unit, money):
        return None
    phrase, symbol = _hedge(text, first.start)
    approximator = (phrase or symbol).rstrip("-")
    vague = first.text if first.kind == "vague" else ""
    if vague:
        lead = vague.split()[0].lower()
        approximator = (
            lead
            if lead in ("several", "few", "many", "some")
            else ("a few" if vague.lower().startswith("a few") else approximator)
        )
    money = money or first.currency or last.currency
    return Quantity(
        first.start,
        last.end,
        low,
        high,
        vague,
        text[first.start : last.end],
        approximator,
        unit,
        money,
        max(unit_end, last.end),
    )


def _rejected(text: str, first: _Token, last: _Token, unit: str, money: bool) -> bool:
    """True for dates, times, years, ordinals, identifiers, addresses and apposition ages."""
    for token in (first, last) if last is not first else (first,):
        if token.value is None and token.kind != "vague":
            return True
        if token.kind == "digits" and _TIME_OR_ORDINAL_AFTER.match(text, token.end):
            return True
    measured = bool(unit or money or first.currency)
    prev = _prev_word(text, first.start)
    prev_bare = prev.rstrip(".").lower()
    if (prev_bare in _MONTHS or prev_bare in _WEEKDAYS) and not measured:
        return first.kind == "digits"
    nxt = _next_word(text, last.end)
    if first.kind == "digits" and (nxt.rstrip(".").lower() in _MONTHS and nxt[:1].isupper()):
        return True
    if first.kind == "words":
        compound = _COMPOUND.match(text, last.end)
        if compound and (compound.group(1) in DURATIONS or not _unit_word(compound.group(1))):
            return True  # 'six-speed', 'three-bed', 'five-year' used as adjectives
        if first.text.lower() == "one" and last is first and not measured:
            return _pronoun_one(prev_bare, nxt.lower())
    if first.kind == "fraction" and re.search(
        r"\b(?:first|second|the)\s+$", text[max(0, first.start - 8) : first.start].lower()
    ):
        return True  # 'the second half'
    if first.kind != "digits":
        return False
    before = text[max(0, first.start - 12) : first.start]
    hyphen_prefix = _HYPHEN_PREFIX.search(before) if before.endswith(("-", "-\n")) else None
    if hyphen_prefix and hyphen_prefix.group(1).lower() not in _HYPHEN_PREFIX_OK:
        return True
    if last is not first and _AGED_BEFORE.search(before):
        return True
    following = text[last.end : last.end + 1]
    if following.isascii() and following.isalpha() and not measured and last.scale == 1.0:
        return True  # letters attached to the digits: '4G', '737MAX'
    if following.isspace() and _STREET.match(text, last.end):
        return True
    if _is_year(first) and _is_year(last) and not measured:
        hedge_word = _hedge(text, first.start)[0]
        if hedge_word in ("between", "over", "under", "some") or not (
            hedge_word or _counts_something(text, last.end, 2)
        ):
            return True
    if first.plain_int and not measured and last is first:
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
