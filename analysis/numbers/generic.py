"""Numbers in a language with a pack: the compiled rules of its numbers.toml and figures.toml
(`rules`), and what a number is in its text — value with the pack's separators and scale words
('15 000', '2.300', '20 тысяч', '1만5000'), number words ('zweitausend'), the hedge before it, and
the dates and times that are not figures ('3 de marzo', '15일'). analysis/figures/generic.py reads
what each number counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.world import figure_packs
from analysis.world.figure_packs import Pack
from analysis.world.vocabulary import STATUSES, Vocabulary, WordSet
from analysis.world.writing import writing

TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*|\d[\d.,]*|[^\w\s]")  # no final '.'
# without spaces between words (Chinese) a run of letters up to a digit or a mark is a token
RUN_TOKEN = re.compile(r"[^\W\d_]+|\d[\d.,]*|[^\w\s]")

DATE = re.compile(
    r"(?<![\w.])(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}:\d{2}(?::\d{2})?)(?!\d)"
)
_SPACES = re.compile(r"[\s\u00a0\u202f]")
DIGIT = re.compile(r"\d")
AFTER_TOKENS = 4  # tokens after a number searched for the counted noun and its status
BEFORE_TOKENS = 5  # tokens before it searched for a status verb, or the noun (Korean)
EMPTY = Pack("", "", {})


def alternation(entries: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of pack entries, longest first; a '*' at either end takes the rest of
    the word ('*tausend' = 'zweitausend')."""
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        body = re.escape(entry.strip("*")).replace(r"\ ", r"\s+")
        start = r"\w*" if entry.startswith("*") and len(entry) > 1 else ""
        parts.append(start + body + (r"\w*" if entry.endswith("*") else ""))
    return "|".join(parts)


def value_of(table: dict[str, float], word: str) -> float | None:
    """A word's value in a pack table (lower-case keys) whose keys may end in '*' (stems)."""
    low = " ".join(word.lower().split())
    if low in table:
        return table[low]
    return next(
        (v for key, v in table.items() if key.endswith("*") and low.startswith(key[:-1])), None
    )


@dataclass(frozen=True)
class Rules:
    """The compiled rules of one language (or of none: digits only)."""

    language: str
    numbers: Pack
    figures: Pack

    def __post_init__(self) -> None:  # compiled once per language (see `rules`)
        n = self.numbers
        letters = writing(self.language)
        # a script without spaces between words: numbers and words are found inside letter runs
        bounded = letters.word_boundaries
        head, tail = (r"(?<!\w)", r"(?!\w)") if bounded else ("", "")
        decimal = "|".join(re.escape(s) for s in n.list("separators", "decimal")) or r"[.,]"
        thousands = "|".join(re.escape(s) for s in n.list("separators", "thousands")) or r"[,. ]"
        digits = (
            rf"\d{{1,3}}(?:(?:{thousands})\d{{3}})+(?:(?:{decimal})\d+)?|\d+(?:(?:{decimal})\d+)?"
        )
        attached = n.values("words", "attached_scales")
        scales = n.values("words", "scales")
        chunk = rf"(?:{digits})"
        if attached:  # '1만5000', '2억', '3천'
            joined = "|".join(re.escape(k) for k in sorted(attached, key=len, reverse=True))
            chunk = rf"(?:(?:{digits})(?:{joined})){{1,4}}(?:{digits})?|{chunk}"
        scale_words = alternation(list(scales))
        scale = rf"(?:[ \u00a0]?(?P<scale>{scale_words}){tail})?" if scales else ""
        hedge_suffix = alternation(n.list("hedges", "suffixes"))
        suffix = rf"(?P<suffix>{hedge_suffix})?" if hedge_suffix else ""
        rng = rf"(?:\s?[~～–-]\s?(?P<to>{digits}))?"
        words = alternation(n.list("words", "number_words"))
        vague = alternation(list(n.values("words", "vague")))
        # digits may carry a one-letter prefix of the script ('و3', 'ב2024')
        glued = "".join(
            f"|(?<=(?<!\\w){re.escape(p)})" for p in sorted(letters.prefixes) if len(p) == 1
        )
        # without spaces, a number still never starts inside a Latin name ('M23', 'G7')
        lead = rf"(?:(?<![\w.,]){glued})" if bounded else r"(?<![\d.,A-Za-z])"
        alternatives = [rf"{lead}(?P<num>{chunk}){rng}{scale}{suffix}"]
        duals = alternation(n.list("words", "duals"))
        if duals:  # a noun in the dual counts two of itself ('صاروخين', 'بطائرتين')
            prefix = alternation(sorted(letters.prefixes))
            prefix = f"(?:{prefix})?" if prefix else ""
            alternatives.insert(0, rf"(?<!\w){prefix}(?P<dual>{duals})(?!\w)")
        if vague:
            alternatives.insert(0, rf"{head}(?P<vague>{vague}){tail}")
        if words:
            connectors = alternation(n.list("words", "connectors"))
            joiner = rf"(?:[\s-]+(?:(?:{connectors})\s+)?)" if connectors else r"[\s-]+"
            joiner = joiner if bounded else ""  # '三十一': numerals written one after another
            alternatives.append(rf"{head}(?P<words>(?:{words})(?:{joiner}(?:{words}))*){tail}")
        set_ = object.__setattr__
        set_(self, "bounded", bounded)
        set_(self, "writing", writing(self.language))
        set_(self, "token", TOKEN if bounded else RUN_TOKEN)
        set_(self, "candidate", re.compile("|".join(alternatives), re.I))
        # no pack: '10.000', '10,000' and '10 000' are ten thousand; '1.5' and '2,5' decimals
        set_(self, "decimal", n.list("separators", "decimal") or (".", ","))
        set_(self, "thousands", n.list("separators", "thousands") or (",", ".", " ", "\u00a0"))
        glue = tuple(letters.prefixes)  # words found with a prefix written onto them ('באוקטובר')
        set_(self, "vocabulary", Vocabulary(self.figures, glue))
        particles = self.figures.list("nouns", "particles")
        status_words = {
            s: WordSet(
                [(w, s) for w in self.figures.list("status", s.replace(" ", "_"))], particles, glue
            )
            for s in STATUSES
        }
        set_(self, "status_words", status_words)
        set_(self, "status_cache", {})  # word -> statuses, filled as words are met
        # the pack's lists in the shape the per-number rules read them (built once, not per number)
        lower = lambda table: {k.lower(): v for k, v in table.items()}  # noqa: E731
        set_(self, "attached", sorted(attached.items(), key=lambda kv: -kv[1]))
        set_(self, "cardinals", lower(n.values("words", "cardinals")))
        set_(self, "scale_values", lower(scales))
        # scales inside a group of the larger ones ('三千' in '三千万', 'yüz' in 'iki yüz bin')
        set_(self, "small_scales", lower(n.values("words", "small_scales")))
        set_(self, "text2num", "text2num" in n.list("words", "parser"))
        set_(self, "not_alone", {w.lower() for w in n.list("words", "not_alone")})
        hedges = sorted((p.lower() for p in n.list("hedges", "phrases")), key=len, reverse=True)
        set_(self, "hedges", hedges)
        set_(self, "date_suffixes", n.list("dates", "attached"))
        set_(self, "date_prefixes", n.list("dates", "before"))  # '第三', an ordinal
        ordinals = alternation(n.list("dates", "ordinals"))
        set_(self, "ordinal", re.compile(rf"(?:{ordinals})(?!\w)") if ordinals else None)
        set_(self, "connectors", {c.lower() for c in n.list("dates", "connectors")})
        set_(self, "counters", n.list("units", "counters"))
        after = {c.lower() for c in self.figures.list("attribution", "according_after")}
        according = {c.lower() for c in self.figures.list("attribution", "according")} | after
        set_(self, "according", tuple(sorted(according, key=len, reverse=True)))
        set_(self, "according_after", after)
        set_(self, "positions", self.figures.list("nouns", "position") or ("after",))
        set_(self, "months", WordSet([(w, "m") for w in n.list("dates", "months")], (), glue))
        set_(
            self, "year_words", WordSet([(w, "y") for w in n.list("dates", "year_words")], (), glue)
        )
        set_(self, "units", WordSet([(w, "u") for w in n.list("units", "measures")], (), glue))
        set_(self, "money", WordSet([(w, "$") for w in n.list("units", "money")], (), glue))
        set_(self, "percent", WordSet([(w, "%") for w in n.list("units", "percent")], (), glue))
        set_(self, "percent_keys", tuple(sorted(self.percent.whole, key=len, reverse=True)))

    def cues(self, key: str) -> tuple[str, ...]:
        return tuple(c.lower() for c in self.figures.list("modality", key))


@lru_cache(maxsize=64)
def rules(language: str) -> Rules:
    """The rules of `language` ('' or a language without a pack: digits only, no words)."""
    code = (language or "").strip().lower()
    numbers = figure_packs.load(code, "numbers.toml") if code else None
    figures = figure_packs.load(code, "figures.toml") if code else None
    return Rules(code if numbers else "", numbers or EMPTY, figures or EMPTY)


def number(found: Rules, written: str) -> float | None:
    """Value of digits with this language's separators ('15 000', '2.300', '2,5'; '1만5000')."""
    if found.attached and any(k in written for k, _ in found.attached):
        total, rest = 0.0, written
        for key, scale in found.attached:  # largest scale first: '1억2000만' = 1e8 + 2000e4
            if key in rest:
                head, rest = rest.split(key, 1)
                value = _digits(found, head) if head else 1.0
                if value is None or key in rest:
                    return None  # '1만1만', '2000만1억': not one number
                total += value * scale
        tail = _digits(found, rest) if rest else 0.0
        return None if tail is None else total + tail
    return _digits(found, written)


def _digits(found: Rules, written: str) -> float | None:
    """Value of plain digits with this language's separators ('15 000', '2.300', '2,5')."""
    raw = written
    for sep in found.thousands:
        if sep in raw and re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+(?:\D\d+)?", raw):
            raw = raw.replace(sep, "")
    for sep in found.decimal:
        raw = raw.replace(sep, ".")
    raw = _SPACES.sub("", raw)
    try:
        return float(raw)
    except ValueError:
        return None


def words_value(found: Rules, written: str) -> float | None:
    """Value of number words: through text2num when the pack names it, else the pack's tables."""
    if found.text2num:
        from text_to_num import text2num  # number words of fr, es, de, ... ('zweitausend')

        try:
            return float(text2num(written.lower(), found.language))
        except (ValueError, TypeError):
            return None
    cardinals, scales, groups = found.cardinals, found.scale_values, found.small_scales
    total = section = current = 0.0
    seen = False
    words = re.split(r"[\s-]+", written) if found.bounded else list(written.replace(" ", ""))
    for word in words:
        small, scale = value_of(cardinals, word), value_of(scales, word)
        inner = value_of(groups, word) if groups else None
        if small is not None:
            current += small
        elif inner is not None:  # '三十', 'iki yüz': a multiple inside the group
            section += (current or 1.0) * inner
            current = 0.0
        elif scale is not None:  # '十二万', 'iki yüz bin': the whole group times the scale
            total += (section + current or 1.0) * scale
            section = current = 0.0
        else:
            continue  # a connector ('и')
        seen = True
    return total + section + current if seen else None


def quantity(
    found: Rules, sentence: str, match: re.Match[str], following: str = ""
) -> tuple[float | None, float | None, str, str, int] | None:
    """(low, high, vague, approximator, end) of a candidate, or None when it is not a figure."""
    start, end = match.span()
    approximator = hedge_before(found, sentence, start)
    if match.group("vague") if "vague" in match.re.groupindex else None:
        return None, None, match.group(), approximator, end
    if match.group("dual") if "dual" in match.re.groupindex else None:
        return 2.0, 2.0, "", approximator, end
    if "words" in match.re.groupindex and match.group("words"):
        written = match.group("words")
        if written.lower() in found.not_alone or _not_counted(found, sentence, match):
            return None
        value = words_value(found, written)
        return (value, value, "", approximator, end) if value is not None else None
    low = number(found, match.group("num"))
    high = number(found, match.group("to")) if match.group("to") else low
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return None
    scale_word = match.groupdict().get("scale")
    if scale_word:
        multiplier = value_of(found.scale_values, scale_word) or 1.0
        low, high = low * multiplier, high * multiplier
    if match.groupdict().get("suffix"):
        approximator = approximator or match.group("suffix")
    if is_date(found, sentence, match, following):
        return None
    return low, high, "", approximator, end


def _not_counted(found: Rules, sentence: str, match: re.Match[str]) -> bool:
    """Number words inside runs of letters (a script without word boundaries: 两 of 两岸, 百 of
    百姓) count only before a counter, unit or currency ('两架', '三十一名', '五万美元'), and never
    after an ordinal's prefix ('第三')."""
    if _ordinal_prefix(found, sentence, match.start()):
        return True
    if found.bounded:
        return False
    rest = sentence[match.end() : match.end() + 8]
    suffix = next((s for s in found.numbers.list("hedges", "suffixes") if rest.startswith(s)), "")
    rest = rest[len(suffix) :]
    units = (*found.counters, *found.percent_keys, *found.units.whole, *found.money.whole)
    return not rest.startswith(units)


def _ordinal_prefix(found: Rules, sentence: str, start: int) -> bool:
    """Whether a word that makes the number an ordinal is written right before it ('第')."""
    before = sentence[max(0, start - 12) : start].rstrip()
    return bool(found.date_prefixes) and before.endswith(found.date_prefixes)


def hedge_before(found: Rules, sentence: str, start: int) -> str:
    """The hedge phrase written right before a number ('environ', 'более', '약'), lowercased."""
    window = sentence[max(0, start - 30) : start].lower().rstrip()
    for phrase in found.hedges:
        if window.endswith(phrase):
            at = len(window) - len(phrase)
            if at == 0 or not found.bounded or not window[at - 1].isalnum():
                return phrase
    return ""


def is_date(found: Rules, sentence: str, match: re.Match[str], following: str = "") -> bool:
    """Days, months, years, times and ordinals: '3 de marzo', '9 березня', '15일', 'März 2024'."""
    end = match.end()
    rest = sentence[end : end + 12]
    if _ordinal_prefix(found, sentence, match.start()):
        return True  # '第3'
    if found.counters and rest.startswith(found.counters):
        return False  # '2000명': a count of people; '24차례': of times, not the 24th ('24차')
    if found.date_suffixes and rest.startswith(found.date_suffixes):
        return True  # '15일', '4~9일', '3월', '2024년'
    if found.ordinal and found.ordinal.match(rest):
        return True  # '3e', '21-го'
    tail = sentence[end : end + 40]
    if not tail.strip(" .") and following:  # the number ends the sentence: 'am 3.' | 'März'
        tail = f"{tail} {following[:40]}"
    after = TOKEN.findall(tail)
    while after and (after[0].lower() in found.connectors or after[0] == "."):
        after = after[1:]
    if after and (is_in(found.months, after[0]) or is_in(found.year_words, after[0])):
        return True
    before = TOKEN.findall(sentence[max(0, match.start() - 25) : match.start()])
    if before and is_in(found.months, before[-1]):
        following = tokens_after(sentence, end, 1)
        counts = following and found.vocabulary.noun_class(elided(following[0].group()))
        if len(match.group("num")) == 4 or not counts:
            return True  # 'März 2024'; but 'Februar 18 Leopard-Panzer' counts tanks
    written = match.group("num")
    plain_year = written.isdigit() and len(written) == 4 and 1900 <= int(written) <= 2100
    return plain_year and not match.group("to") and not counted_token(found, sentence, end)[0]


def is_in(words: WordSet, token: str) -> bool:
    """True when the token, as written or with a full stop ('janv' of 'janv.'), is in `words`."""
    return bool(words.get(token) or words.get(token + "."))


def tokens_after(
    sentence: str, end: int, limit: int, token_re: re.Pattern[str] = TOKEN
) -> list[re.Match[str]]:
    """The first `limit` words after `end`, up to punctuation (`token_re`: the language's
    tokens, Rules.token)."""
    tokens = []
    for token in token_re.finditer(sentence, end):
        if not token.group()[0].isalnum() or len(tokens) >= limit:
            break
        tokens.append(token)
    return tokens


def counted_token(found: Rules, sentence: str, end: int) -> tuple[str, int]:
    """(counted noun, its end) among the few words after a number ('soldats nord-coréens')."""
    for token in tokens_after(sentence, end, AFTER_TOKENS, found.token):
        if found.vocabulary.noun_class(elided(token.group())):
            return token.group(), token.end()
    return "", end


def elided(token: str) -> str:
    """The word after an elided article ("d'euros" -> 'euros'), else the token."""
    for mark in ("'", "’"):
        if mark in token:
            return token.rsplit(mark, 1)[1] or token
    return token
