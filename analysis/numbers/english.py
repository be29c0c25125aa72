"""Quantities in running news text: digits, number words, scales, ranges, hedges, vague amounts.

The candidates (analysis/numbers/candidates.py) are read here: cheap per-candidate rules join ranges
("between 10,000 and 12,000", "10,000–12,000", "from 5 to 7 per cent"), read the hedge in front
("as many as", "over", "some") and drop what is not a quantity: dates, times, years, ordinals, model
names and other identifiers ("KN-23", "Game 7", "S&P 500"), addresses and ages in apposition.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from analysis.numbers.candidates import SCALES, WORD_VALUES, candidates
from analysis.numbers.rejects import is_year, rejected
from analysis.numbers.text import NEXT_WORD, UNITS, Token, hedge, next_word, unit_word
from analysis.world import figure_packs

_NUMBERS = figure_packs.english("numbers.toml")
_FRACTIONS = _NUMBERS.values("words", "fractions")
# Order-of-magnitude bounds of vague amounts, so they can be compared with numbers.
_VAGUE_BASE = _NUMBERS.values("words", "vague")

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
# Percent first, then money, then the word after (a unit?): one match call instead of three
_UNIT_AFTER = re.compile(rf"(?P<percent>{_PERCENT})|(?P<money>{_MONEY_AFTER})|{NEXT_WORD.pattern}")
# what a unit can open on besides a space or an ASCII character (a superset is safe: the pattern decides)
_UNIT_OPENERS = frozenset("%‰€-μµ°″'’")
_RANGE_GAP = re.compile(r"\s*(?:[-–—]|(?i:(?:up )?to|to-|through|till|until|and|-to-))\s*")
_WORD_SPLIT = re.compile(r"[\s-]+")
_COMMA_GROUPS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_FOLD = re.compile(r"-?fold$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:\S+\s?)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:\S+\s?)?$")
# '5pm', '10:00 GMT', '5th', '1990s' right after the digits: not a count
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
    if raw.isdigit():  # most numbers: no separator
        return float(raw)
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


def _token(match: re.Match[str], text: str) -> Token | None:
    """A candidate match as a token with its value, or None for dates and times."""
    group = match.lastgroup
    start, end = match.span()
    if group == "num":  # most candidates: digits with no scale or exponent after them
        raw, sign, cur = match.group("num", "sign", "cur")
        digits_only = raw.isdigit()
        following = next_word(text, end) if "." in raw else ""  # only '1.500 troops' asks
        try:
            value = (
                float(raw)
                if digits_only
                else _digits_value(raw, bool(following) and following.lower() not in UNITS)
            )
        except ValueError:  # separators no reading makes a number of ('1.2,3,4')
            return None
        if sign and (sign.strip()[:1] in ("-", "−") or sign.lower().startswith("minus")):
            value = -value
        plain = digits_only and not cur
        return Token(start, end, value, text[start:end], "digits", 1.0, bool(cur), plain)
    if group == "date":
        return None
    if group == "vague":
        return Token(start, end, None, match.group(), "vague", 1.0, False, False)
    if group == "fold":
        return Token(
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
        return Token(
            start, end, words_value(match.group()), match.group(), "words", scale, False, False
        )
    raw, sign, scale, cur, sci = match.group("num", "sign", "scale", "cur", "sci")
    sign, scale = sign or "", scale or ""
    scale_word = scale.strip().lower()
    currency = bool(cur)
    if scale_word == "m" and scale.strip() == "m" and not currency and _is_metres(text, end):
        end -= len(scale)
        scale_word = ""
    next_is_word = False  # only a lone dot group ('1.500 troops') asks what follows
    if "." in raw and not (scale_word or sci):
        following = next_word(text, match.end("num"))
        next_is_word = bool(following) and following.lower() not in UNITS
    try:
        value = _digits_value(raw, next_is_word)
    except ValueError:  # separators no reading makes a number of ('1.2,3,4'): not a quantity
        return None
    if sci:
        exponent = re.sub(r"[^\d]", "", sci[sci.find("10") + 2 :])
        exponent_sign = "-" if re.search(r"[-−]", sci) else ""
        # float() of the written form saturates to inf/0 where 10.0 ** int(...) would raise
        value = float(f"{value!r}e{exponent_sign}{exponent}") if math.isfinite(value) else value
    multiplier = 1.0
    if scale_word:
        for word in scale_word.split():
            multiplier *= SCALES[word]
        value *= multiplier
    if sign and (sign.strip()[:1] in ("-", "−") or sign.lower().startswith("minus")):
        value = -value
    plain = not (currency or scale_word) and raw.isdigit()
    return Token(start, end, value, text[start:end], "digits", multiplier, currency, plain)


def _fraction(written: str, start: int, end: int) -> Token | None:
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
    return Token(start, end, numerator / denominator, written, "fraction", 1.0, False, False)


def _is_metres(text: str, end: int) -> bool:
    """'37m (121ft)', '100m long' are metres; '35m of its devices', '12.3m tonnes' are millions."""
    rest = text[end : end + 3].lstrip()
    if not rest or rest[0] in "(.,;:!?)-":
        return True
    return next_word(text, end).lower() in _DIMENSION


def _unit(text: str, end: int) -> tuple[str, int, bool]:
    """(unit, end of unit, is money) right after a number: 'percent', a money word, or unit words."""
    if not _may_open_unit(text[end : end + 1]):
        return "", end, False  # ',', ')', '”' after the number: no unit can follow
    match = _UNIT_AFTER.match(text, end)
    if match is None:
        return "", end, False
    if match.group("percent") is not None:
        return "percent", match.end(), False
    if match.group("money") is not None:
        return match.group().strip().lower(), match.end(), True
    words: list[str] = []
    while match and len(words) < 3:  # the word is the last group of either pattern
        word = match.group(match.lastindex).rstrip(".-")
        if not unit_word(word):
            break
        words.append(word.lower())
        end = match.start(match.lastindex) + len(word)
        match = NEXT_WORD.match(text, end)
    return " ".join(words), end, False


def _may_open_unit(following: str) -> bool:
    """False for a character no percent, money or unit word can start with (',', ')', '”')."""
    return (
        following.isspace()
        or following in _UNIT_OPENERS
        or (following.isascii() and following.isalpha())
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, left to right, with ranges joined and non-quantities dropped."""
    tokens: list[Token] = []
    units: list[tuple[str, int, bool]] = []
    for match in candidates(text):
        token = _token(match, text)
        # digit or word runs beyond any float (inf / nan) are noise, not a quantity
        if token is not None and (token.value is None or math.isfinite(token.value)):
            tokens.append(token)
            units.append(_unit(text, token.end))
    quantities: list[Quantity] = []
    i, count = 0, len(tokens)
    while i < count:
        first = tokens[i]
        unit, unit_end, money = units[i]
        last, last_unit, last_money = first, unit, money
        if i + 1 < count:
            second = tokens[i + 1]
            gap = text[unit_end : second.start]
            unit2, unit2_end, money2 = units[i + 1]
            # most neighbours stand far apart: no separator is longer than 7 characters
            near = len(gap) < 12 or len(gap.strip()) < 8
            if (
                near
                and _RANGE_GAP.fullmatch(gap)
                and _joins(
                    text,
                    first,
                    second,
                    gap,
                    unit,
                    unit2,
                    money or first.currency,
                    money2 or second.currency,
                )
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


def _joins(
    text: str,
    first: Token,
    second: Token,
    gap: str,
    unit: str,
    unit2: str,
    money: bool,
    money2: bool,
) -> bool:
    """True when two adjacent numbers form one range ('10,000 to 12,000', 'between 5% and 6%')."""
    if first.value is None or second.value is None or "fraction" in (first.kind, second.kind):
        return False
    if first.text[-4:].lower() == "fold":  # 'tenfold', 'two-fold'
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
    if separator not in ("-", "–", "—") and is_year(first) != is_year(second):
        return False  # 'rose 60% in 2018 to 3.9 million'
    if separator == "and":
        return bool(_BETWEEN_BEFORE.search(before))
    if separator in ("-", "–", "—") and first.scale == 1.0 and second.scale == 1.0:
        return second.value > first.value
    # 'increased by $43.6 billion to $419.2 billion' is a change and a level, not a range
    return not ((unit or money) and _BY_BEFORE.search(before))


def _quantity(
    text: str, first: Token, last: Token, unit: str, money: bool, unit_end: int
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
    if rejected(text, first, last, unit, money):
        return None
    phrase, symbol = hedge(text, first.start)
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
