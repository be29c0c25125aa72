"""Figures in any language with a pack: numbers, hedges, kinds and statuses from the pack's data.

English has its own, finer reader (analysis/numbers.py and analysis/figures.py). Every other
language is read here by language-neutral rules over its numbers.toml and figures.toml:
separators, scale words ('тысяч', 'Millionen', Korean '만' written against the digits), number
words (through `text2num` where the pack asks for it), hedges before ('environ') or after ('여'),
dates that are not figures ('3 de marzo', '15일'), the counted noun after the number (or before
it, in Korean), status words and report, denial and possibility cues. A language without a pack
gets digits-only figures of kind 'other' (see `language_warning`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from analysis import figure_packs
from analysis.figure_kinds import (
    STATUSES,
    Vocabulary,
    WordSet,
    classify,
    remember,
    shipped_actors,
)
from analysis.figure_packs import Pack

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*|\d[\d.,]*|[^\w\s]")  # no final '.'

_DATE = re.compile(
    r"(?<![\w.])(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}:\d{2}(?::\d{2})?)(?!\d)"
)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?。…])(?<!\d\.)\s+|\n\s*\n")  # not '3. März'

_AFTER_TOKENS = 4  # tokens after a number searched for the counted noun and its status
_BEFORE_TOKENS = 5  # tokens before it searched for a status verb, or the noun (Korean)
_STATUS_AFTER_TOKENS = 8
_EMPTY = Pack("", "", {})


def language_warning(language: str) -> str | None:
    """The warning an article in `language` gets when no pack reads its figures (None when one
    does): its figures are digits only, with no kind."""
    code = (language or "").strip().lower()
    if code in ("", "en") or figure_packs.load(code, "numbers.toml") is not None:
        return None
    return (
        f"no figure rules for language '{code}': figures are read as digits only, without kinds "
        "(add data/languages/<code>/numbers.toml and figures.toml)"
    )


def _alternation(entries: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of pack entries, longest first; a '*' at either end takes the rest of
    the word ('*tausend' = 'zweitausend')."""
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        body = re.escape(entry.strip("*")).replace(r"\ ", r"\s+")
        start = r"\w*" if entry.startswith("*") and len(entry) > 1 else ""
        parts.append(start + body + (r"\w*" if entry.endswith("*") else ""))
    return "|".join(parts)


def _value_of(table: dict[str, float], word: str) -> float | None:
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
            chunk = rf"(?:(?:{digits})(?:{joined}))+(?:{digits})?|{chunk}"
        scale_words = _alternation(list(scales))
        scale = rf"(?:[ \u00a0]?(?P<scale>{scale_words})(?!\w))?" if scales else ""
        hedge_suffix = _alternation(n.list("hedges", "suffixes"))
        suffix = rf"(?P<suffix>{hedge_suffix})?" if hedge_suffix else ""
        rng = rf"(?:\s?[~～–-]\s?(?P<to>{digits}))?"
        words = _alternation(n.list("words", "number_words"))
        vague = _alternation(list(n.values("words", "vague")))
        alternatives = [rf"(?<![\w.,])(?P<num>{chunk}){rng}{scale}{suffix}"]
        if vague:
            alternatives.insert(0, rf"(?<!\w)(?P<vague>{vague})(?!\w)")
        if words:
            connectors = _alternation(n.list("words", "connectors"))
            joiner = rf"(?:[\s-]+(?:(?:{connectors})\s+)?)" if connectors else r"[\s-]+"
            alternatives.append(rf"(?<!\w)(?P<words>(?:{words})(?:{joiner}(?:{words}))*)(?!\w)")
        set_ = object.__setattr__
        set_(self, "candidate", re.compile("|".join(alternatives), re.I))
        # no pack: '10.000', '10,000' and '10 000' are ten thousand; '1.5' and '2,5' decimals
        set_(self, "decimal", n.list("separators", "decimal") or (".", ","))
        set_(self, "thousands", n.list("separators", "thousands") or (",", ".", " ", "\u00a0"))
        set_(self, "vocabulary", Vocabulary(self.figures))
        particles = self.figures.list("nouns", "particles")
        status_words = {
            s: WordSet(
                [(w, s) for w in self.figures.list("status", s.replace(" ", "_"))], particles
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
        set_(self, "text2num", "text2num" in n.list("words", "parser"))
        set_(self, "not_alone", {w.lower() for w in n.list("words", "not_alone")})
        hedges = sorted((p.lower() for p in n.list("hedges", "phrases")), key=len, reverse=True)
        set_(self, "hedges", hedges)
        set_(self, "date_suffixes", n.list("dates", "attached"))
        ordinals = _alternation(n.list("dates", "ordinals"))
        set_(self, "ordinal", re.compile(rf"(?:{ordinals})(?!\w)") if ordinals else None)
        set_(self, "connectors", {c.lower() for c in n.list("dates", "connectors")})
        set_(self, "counters", n.list("units", "counters"))
        after = {c.lower() for c in self.figures.list("attribution", "according_after")}
        according = {c.lower() for c in self.figures.list("attribution", "according")} | after
        set_(self, "according", tuple(sorted(according, key=len, reverse=True)))
        set_(self, "according_after", after)
        set_(self, "positions", self.figures.list("nouns", "position") or ("after",))
        set_(self, "months", WordSet([(w, "m") for w in n.list("dates", "months")]))
        set_(self, "year_words", WordSet([(w, "y") for w in n.list("dates", "year_words")]))
        set_(self, "units", WordSet([(w, "u") for w in n.list("units", "measures")]))
        set_(self, "money", WordSet([(w, "$") for w in n.list("units", "money")]))
        set_(self, "percent", WordSet([(w, "%") for w in n.list("units", "percent")]))
        set_(self, "percent_keys", tuple(sorted(self.percent.whole, key=len, reverse=True)))

    def cues(self, key: str) -> tuple[str, ...]:
        return tuple(c.lower() for c in self.figures.list("modality", key))


@lru_cache(maxsize=64)
def rules(language: str) -> Rules:
    """The rules of `language` ('' or a language without a pack: digits only, no words)."""
    code = (language or "").strip().lower()
    numbers = figure_packs.load(code, "numbers.toml") if code else None
    figures = figure_packs.load(code, "figures.toml") if code else None
    return Rules(code if numbers else "", numbers or _EMPTY, figures or _EMPTY)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of bare text: ends at '.', '!', '?', '。' and blank lines."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    return [(a, text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def figure_rows(text: str, language: str) -> list[dict[str, object]]:
    """Figures rows (the 'figures' columns plus 'source_at') of bare text in `language`."""
    rows: list[dict[str, object]] = []
    previous = ""
    for offset, sentence in sentences(text):
        rows.extend(sentence_rows(sentence.rstrip(), offset, language, previous))
        previous = sentence
    return rows


def sentence_rows(
    sentence: str, offset: int, language: str, previous: str = "", following: str = ""
) -> list[dict[str, object]]:
    """One figures row per quantity of one sentence (offsets shifted by `offset`); `following` is
    the start of the next sentence, read when a number ends this one ('am 3.' + 'März')."""
    found = rules(language)
    if found.numbers is _EMPTY and not _DIGIT.search(sentence):
        return []
    low = sentence.lower()
    modality = _modality(found, low)
    claimant, source_at = _source(found, sentence, low)
    dates = [m.span() for m in _DATE.finditer(sentence)]
    rows = []
    for match in found.candidate.finditer(sentence):
        if any(a <= match.start() < b for a, b in dates):
            continue
        quantity = _quantity(found, sentence, match, following)
        if quantity is None:
            continue
        low_value, high_value, vague, approximator, end = quantity
        kind, status, subject = _counted(found, sentence, match.start(), end)
        actor = _actor(sentence, match.start(), end, subject) if kind != "other" else ""
        rows.append(
            {
                "article_id": "",
                "outlet": "",
                "published": "",
                "value_low": low_value,
                "value_high": high_value,
                "vague": vague,
                "value_text": sentence[match.start() : match.end()].strip(),
                "approximator": approximator,
                "kind": kind,
                "subject": subject,
                "actor": actor,
                "claimant": claimant,
                "modality": modality,
                "sentence": sentence.strip(),
                "char_start": offset + match.start(),
                "char_end": offset + match.end(),
                "is_repeat": False,
                "sentence_id": "",
                "status": status,
                "source_at": offset + source_at if claimant else -1,
            }
        )
    return rows


def _number(found: Rules, written: str) -> float | None:
    """Value of digits with this language's separators ('15 000', '2.300', '2,5'; '1만5000')."""
    if found.attached and any(k in written for k, _ in found.attached):
        total, rest = 0.0, written
        for key, scale in found.attached:
            if key in rest:
                head, rest = rest.split(key, 1)
                total += (_number(found, head) if head else 1.0) * scale  # type: ignore[operator]
        return total + (_number(found, rest) or 0.0) if rest else total
    raw = written
    for sep in found.thousands:
        if sep in raw and re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+(?:\D\d+)?", raw):
            raw = raw.replace(sep, "")
    for sep in found.decimal:
        raw = raw.replace(sep, ".")
    raw = re.sub(r"[\s\u00a0\u202f]", "", raw)
    try:
        return float(raw)
    except ValueError:
        return None


def _words_value(found: Rules, written: str) -> float | None:
    """Value of number words: through text2num when the pack names it, else the pack's tables."""
    if found.text2num:
        from text_to_num import text2num  # number words of fr, es, de, ... ('zweitausend')

        try:
            return float(text2num(written.lower(), found.language))
        except (ValueError, TypeError):
            return None
    cardinals, scales = found.cardinals, found.scale_values
    total = current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", written):
        small, scale = _value_of(cardinals, word), _value_of(scales, word)
        if small is not None:
            current += small
        elif scale is not None:
            total += (current or 1.0) * scale
            current = 0.0
        else:
            continue  # a connector ('и')
        seen = True
    return total + current if seen else None


def _quantity(
    found: Rules, sentence: str, match: re.Match[str], following: str = ""
) -> tuple[float | None, float | None, str, str, int] | None:
    """(low, high, vague, approximator, end) of a candidate, or None when it is not a figure."""
    start, end = match.span()
    approximator = _hedge_before(found, sentence, start)
    if match.group("vague") if "vague" in match.re.groupindex else None:
        return None, None, match.group(), approximator, end
    if "words" in match.re.groupindex and match.group("words"):
        written = match.group("words")
        if written.lower() in found.not_alone:
            return None
        value = _words_value(found, written)
        return (value, value, "", approximator, end) if value is not None else None
    low = _number(found, match.group("num"))
    high = _number(found, match.group("to")) if match.group("to") else low
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return None
    scale_word = match.groupdict().get("scale")
    if scale_word:
        multiplier = _value_of(found.scale_values, scale_word) or 1.0
        low, high = low * multiplier, high * multiplier
    if match.groupdict().get("suffix"):
        approximator = approximator or match.group("suffix")
    if _is_date(found, sentence, match, following):
        return None
    return low, high, "", approximator, end


def _hedge_before(found: Rules, sentence: str, start: int) -> str:
    """The hedge phrase written right before a number ('environ', 'более', '약'), lowercased."""
    window = sentence[max(0, start - 30) : start].lower().rstrip()
    for phrase in found.hedges:
        if window.endswith(phrase):
            at = len(window) - len(phrase)
            if at == 0 or not window[at - 1].isalnum():
                return phrase
    return ""


def _is_date(found: Rules, sentence: str, match: re.Match[str], following: str = "") -> bool:
    """Days, months, years, times and ordinals: '3 de marzo', '9 березня', '15일', 'März 2024'."""
    end = match.end()
    rest = sentence[end : end + 12]
    if found.date_suffixes and rest.startswith(found.date_suffixes):
        return True  # '15일', '4~9일', '3월', '2024년'
    if found.ordinal and found.ordinal.match(rest):
        return True  # '3e', '21-го'
    tail = sentence[end : end + 40]
    if not tail.strip(" .") and following:  # the number ends the sentence: 'am 3.' | 'März'
        tail = f"{tail} {following[:40]}"
    after = _TOKEN.findall(tail)
    while after and (after[0].lower() in found.connectors or after[0] == "."):
        after = after[1:]
    if after and (_in(found.months, after[0]) or _in(found.year_words, after[0])):
        return True
    before = _TOKEN.findall(sentence[max(0, match.start() - 25) : match.start()])
    if before and _in(found.months, before[-1]):
        following = _tokens_after(sentence, end, 1)
        counts = following and found.vocabulary.noun_class(_elided(following[0].group()))
        if len(match.group("num")) == 4 or not counts:
            return True  # 'März 2024'; but 'Februar 18 Leopard-Panzer' counts tanks
    if found.counters and rest.startswith(found.counters):
        return False  # '2000명': a count of people
    written = match.group("num")
    plain_year = written.isdigit() and len(written) == 4 and 1900 <= int(written) <= 2100
    return plain_year and not match.group("to") and not _counted_token(found, sentence, end)[0]


def _in(words: WordSet, token: str) -> bool:
    """True when the token, as written or with a full stop ('janv' of 'janv.'), is in `words`."""
    return bool(words.get(token) or words.get(token + "."))


def _tokens_after(sentence: str, end: int, limit: int) -> list[re.Match[str]]:
    tokens = []
    for token in _TOKEN.finditer(sentence, end):
        if not token.group()[0].isalnum() or len(tokens) >= limit:
            break
        tokens.append(token)
    return tokens


def _counted_token(found: Rules, sentence: str, end: int) -> tuple[str, int]:
    """(counted noun, its end) among the few words after a number ('soldats nord-coréens')."""
    for token in _tokens_after(sentence, end, _AFTER_TOKENS):
        if found.vocabulary.noun_class(_elided(token.group())):
            return token.group(), token.end()
    return "", end


def _counted(found: Rules, sentence: str, start: int, end: int) -> tuple[str, str, str]:
    """(kind, status, subject) of a number from the words around it."""
    after_text = sentence[end : end + 24]
    if found.percent and any(after_text.lower().lstrip().startswith(p) for p in found.percent_keys):
        return "other", "", "percent"
    first = _tokens_after(sentence, end, 2)
    money = [t.group() for t in first if found.money.get(_elided(t.group()))]  # "d'euros"
    if money or re.match(r"\s?[$€£₩₽₴]", after_text):
        return "money", "", money[0] if money else ""
    if re.search(r"[$€£₩₽₴]\s?$", sentence[max(0, start - 3) : start]):
        return "money", "", ""
    if first and found.units.get(first[0].group()):
        return "other", "", first[0].group()
    after = _status_after(found, sentence, end)
    before_tokens = _TOKEN.findall(sentence[max(0, start - 40) : start])[-_BEFORE_TOKENS:]
    before = _status_before(found, before_tokens)
    head, subject = "", ""
    for position in found.positions:
        if position == "after":
            head, head_end = _counted_token(found, sentence, end)
            subject = sentence[end:head_end].strip().rstrip(".,;:") if head else ""
        elif position == "before":  # Korean names what it counts before the number
            head = subject = _noun_before(found, before_tokens)
        if head:
            break
    if not head and after:  # '36 drones ... les 40 lancés' points back to the drones
        head = subject = _noun_before(found, before_tokens)
    counted = classify(found.vocabulary, head, [head] if head else [], after, before)
    if counted.kind == "other" and not head:
        return "other", "", subject
    status = counted.status
    if counted.kind == "casualties" and not status:
        status = "killed or wounded"
    return counted.kind, status if status in STATUSES else "", subject


def _actor(sentence: str, start: int, end: int, subject: str) -> str:
    """The actor named in what is counted ('soldats nord-coréens'), else just before the number
    ('북한군 1만5000명'), as the actors gazetteer spells it in this language ('' when none)."""
    after = shipped_actors().mentions(sentence[end : end + len(subject) + 30]) if subject else []
    if after:
        return after[0].actor
    before = shipped_actors().mentions(sentence[max(0, start - 30) : start])
    return before[-1].actor if before else ""


def _noun_before(found: Rules, tokens: list[str]) -> str:
    """The last counted noun among the words before a number ('' when none)."""
    return next((t for t in reversed(tokens) if found.vocabulary.noun_class(_elided(t))), "")


def _status_after(found: Rules, sentence: str, end: int) -> list[str]:
    """Statuses of the first status word after a number and of the three words after it
    ('getötet oder verletzt', '죽거나 다쳤다'); the search stops at the next number."""
    tokens = []
    for token in _tokens_after(sentence, end, _STATUS_AFTER_TOKENS):
        if token.group()[0].isdigit():
            break
        tokens.append(token.group())
    for i, token in enumerate(tokens):
        if _statuses(found, token):
            return [s for t in tokens[i : i + 4] for s in _statuses(found, t)]
    return []


def _status_before(found: Rules, tokens: list[str]) -> list[str]:
    """Statuses of the last status word before a number and of the two words before it
    ('убиты или ранены почти 3 000')."""
    for i in range(len(tokens) - 1, -1, -1):
        if _statuses(found, tokens[i]):
            return [s for t in tokens[max(0, i - 2) : i + 1] for s in _statuses(found, t)]
    return []


def _statuses(found: Rules, token: str) -> list[str]:
    """Every status a word names ('verlor': killed or wounded for people, destroyed for tanks)."""
    statuses = found.status_cache.get(token)
    if statuses is None:
        statuses = [status for status, words in found.status_words.items() if words.get(token)]
        remember(found.status_cache, token, statuses)
    return statuses


def _elided(token: str) -> str:
    """The word after an elided article ("d'euros" -> 'euros'), else the token."""
    for mark in ("'", "’"):
        if mark in token:
            return token.rsplit(mark, 1)[1] or token
    return token


def _source(found: Rules, sentence: str, low: str) -> tuple[str, int]:
    """(source, where) of 'selon Kiev', 'laut dem Ministerium', 'по данным разведки', or of the word
    a cue is written against ('국정원에 따르면'); ('', -1) when the sentence names none."""
    for cue in found.according:
        at = low.find(cue)
        if at < 0:
            continue
        if cue in found.according_after:  # after its source: 'Kiew zufolge', '국정원에 따르면'
            words = _TOKEN.findall(sentence[max(0, at - 30) : at])
            return (words[-1], at - len(words[-1])) if words else ("", -1)
        words: list[str] = []
        for token in _TOKEN.finditer(sentence, at + len(cue)):
            word = token.group()
            if not word[0].isalpha() or len(words) == 5:
                break  # punctuation or a number ends the source
            if word[0].islower() and len(word) > 3 and any(w[0].isupper() for w in words):
                break  # 'laut Seoul sind': a name ends at the next word that is not a name
            words.append(word)
        while words and len(words[0]) <= 3 and words[0].islower() and len(words) > 1:
            words.pop(0)  # 'le', 'dem', 'el': the source is the noun after the article
        if words:
            return " ".join(words), at
    return "", -1


def _modality(found: Rules, low: str) -> str:
    """denied / possible / reported / asserted from the sentence's cues."""
    if any(cue in low for cue in found.cues("denied")):
        return "denied"
    if any(cue in low for cue in found.cues("possible")):
        return "possible"
    if any(cue in low for cue in found.cues("reported")):
        return "reported"
    return "asserted"
