"""Figures in any language with a pack: numbers, hedges, kinds and statuses from the pack's data.

English has its own, finer reader (analysis/numbers/english.py and analysis/figures/extract.py). Every other
language is read by language-neutral rules over its numbers.toml and figures.toml: the numbers
themselves (separators, scale words, number words, hedges, dates that are not figures) by
analysis/numbers/generic.py; here, what each one counts — the counted noun after the number (or
before it, in Korean), status words, the source named ('selon X', '국정원에 따르면') and report,
denial and possibility cues. A language without a pack gets digits-only figures of kind 'other'
(its articles say so in their warnings: analysis/ingest/corpus.py).
"""

from __future__ import annotations

import re

from analysis.figures.kinds import Counted, as_part, classify, is_part, shipped_actors
from analysis.numbers.generic import (
    BEFORE_TOKENS,
    DATE,
    DIGIT,
    EMPTY,
    TOKEN,
    Rules,
    counted_token,
    elided,
    quantity,
    rules,
    tokens_after,
)
from analysis.world.vocabulary import STATUSES, remember
from analysis.world.writing import fold_back, writing

_SENTENCE_END = re.compile(r"(?<=[.!?。…؟])(?<!\d\.)\s+|\n\s*\n")  # not '3. März'

_STATUS_AFTER_TOKENS = 8


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
    the start of the next sentence, read when a number ends this one ('am 3.' + 'März'). In a
    script whose marks matching drops (text.toml `ignore`: 'قُتل' is read 'قتل'), the sentence is
    read without them and the offsets, value and sentence of each row point into the raw text."""
    letters = writing(language)
    if not letters.ignore:  # (characters [fold] maps one to one are folded in _sentence_rows)
        return _sentence_rows(sentence, offset, language, previous, following)
    folded, kept = letters.matching(sentence)
    rows = _sentence_rows(
        folded, 0, language, letters.matching(previous)[0], letters.matching(following)[0]
    )
    for row in rows:
        start, end = fold_back(kept, int(row["char_start"]), int(row["char_end"]))
        row["value_text"], row["sentence"] = sentence[start:end].strip(), sentence.strip()
        row["char_start"], row["char_end"] = offset + start, offset + end
        if int(row["source_at"]) >= 0:
            at = int(row["source_at"])
            row["source_at"] = offset + fold_back(kept, at, at + 1)[0]
    return rows


def _sentence_rows(
    sentence: str, offset: int, language: str, previous: str, following: str
) -> list[dict[str, object]]:
    found = rules(language)
    if found.numbers is EMPTY and not DIGIT.search(sentence):
        return []
    written, sentence = sentence, found.writing.folded(sentence)  # same length (text.toml [fold])
    low = found.writing.lower(sentence)
    modality = _modality(found, low)
    claimant, source_at = _source(found, written, low)
    dates = [m.span() for m in DATE.finditer(sentence)]
    rows = []
    total: Counted | None = None  # the last figure of the sentence that is no part
    last_end, chained = 0, False  # where the number before ends, whether it was a part
    dual_end = -1
    for match in found.candidate.finditer(sentence):
        at = match.start()
        model = sentence[at - 1 : at] == "-" and sentence[at - 2 : at - 1].isalpha()
        model = model and not found.writing.prefixed(sentence, at - 1)  # 'כ-300' is 'about 300'
        if model or any(a <= at < b for a, b in dates):
            continue  # a date, or the number of a model's name: 'Су-30', 'F-16'
        if match.groupdict().get("dual"):  # 'طائرتين مسيرتين': a dual after a dual agrees with it
            follows = dual_end >= 0 and not sentence[dual_end : match.start()].strip()
            dual_end = match.end()
            if follows:
                continue
        found_quantity = quantity(found, sentence, match, following)
        if found_quantity is None:
            continue
        low_value, high_value, vague, approximator, end = found_quantity
        noun_from = match.start("dual") if match.groupdict().get("dual") else end  # 'صاروخين'
        part = bool(total) and is_part(
            found.vocabulary, sentence, match.start(), end, last_end, chained
        )
        counted, subject = _counted(
            found, sentence, match.start(), noun_from, total if part else None
        )
        kind, status = counted.kind, counted.status
        total = total if part else (counted if counted.noun or kind != "other" else None)
        last_end, chained = end, part
        actor = _actor(sentence, match.start(), end, subject) if kind != "other" else ""
        rows.append(
            {
                "article_id": "",
                "outlet": "",
                "published": "",
                "value_low": low_value,
                "value_high": high_value,
                "vague": vague,
                "value_text": written[match.start() : match.end()].strip(),
                "approximator": approximator,
                "kind": kind,
                "subject": subject,
                "actor": actor,
                "claimant": claimant,
                "modality": modality,
                "sentence": written.strip(),
                "char_start": offset + match.start(),
                "char_end": offset + match.end(),
                "is_repeat": False,
                "sentence_id": "",
                "status": status,
                "figure_id": "",
                "corrected": False,
                "source_at": offset + source_at if claimant else -1,
            }
        )
    return rows


def _counted(
    found: Rules, sentence: str, start: int, end: int, total: Counted | None
) -> tuple[Counted, str]:
    """(what is counted, subject) of a number from the words around it; `total` is the figure
    it is a part of, if any ('dont trois enfants')."""
    nothing = Counted("other", "")
    after_text = sentence[end : end + 24]
    if found.percent and any(after_text.lower().lstrip().startswith(p) for p in found.percent_keys):
        return nothing, "percent"
    first = tokens_after(sentence, end, 2, found.token)
    money = [t.group() for t in first if found.money.get(elided(t.group()))]  # "d'euros"
    if money or re.match(r"\s?[$€£₩₽₴]", after_text):
        return Counted("money", ""), money[0] if money else ""
    if re.search(r"[$€£₩₽₴]\s?$", sentence[max(0, start - 3) : start]):
        return Counted("money", ""), ""
    if first and found.units.get(first[0].group()):
        return nothing, first[0].group()
    after = _status_after(found, sentence, end)
    before_tokens = found.token.findall(sentence[max(0, start - 40) : start])[-BEFORE_TOKENS:]
    before = _status_before(found, before_tokens)
    head_after, head_end = counted_token(found, sentence, end)
    subject_after = sentence[end:head_end].strip().rstrip(".,;:") if head_after else ""
    if found.vocabulary.noun_class(elided(head_after)) in _COUNTED_AFTER:
        before_tokens = []  # '미사일로 5곳을', '공군은 24차례 공습을': not the noun before
    head, subject = "", ""
    for position in found.positions:
        if position == "after":
            head, subject = head_after, subject_after
        elif position == "before":  # Korean names what it counts before the number
            head = subject = _noun_before(found, before_tokens)
        if head:
            break
    if not head and after and not total:  # '36 drones ... les 40 lancés' points back to drones
        head = subject = _noun_before(found, before_tokens)
    counted = classify(
        found.vocabulary, elided(head), [elided(head)] if head else [], after, before
    )
    if total:
        counted = as_part(found.vocabulary, counted, total, after, before)
    if counted.kind == "other" and not counted.noun:
        return nothing, subject
    status = counted.status
    if counted.kind == "casualties" and not status:
        status = "killed or wounded"
    return counted._replace(status=status if status in STATUSES else ""), subject


def _actor(sentence: str, start: int, end: int, subject: str) -> str:
    """The actor named in what is counted ('soldats nord-coréens'), else just before the number
    ('북한군 1만5000명'), as the actors gazetteer spells it in this language ('' when none)."""
    after = shipped_actors().mentions(sentence[end : end + len(subject) + 30]) if subject else []
    if after:
        return after[0].actor
    before = shipped_actors().mentions(sentence[max(0, start - 30) : start])
    return before[-1].actor if before else ""


def _noun_before(found: Rules, tokens: list[str]) -> str:
    """The last counted noun among the words before a number ('' when none); strikes and places
    are counted after their number ('24차례 공습', '5곳'), so before one they say how or where
    ('공습으로 27명이 숨지고')."""
    for token in reversed(tokens):
        noun_class = found.vocabulary.noun_class(elided(token))
        if noun_class and noun_class not in _COUNTED_AFTER:
            return token
    return ""


_COUNTED_AFTER = ("places", "strikes")


def _status_after(found: Rules, sentence: str, end: int) -> list[str]:
    """Statuses of the first status word after a number and of the three words after it
    ('getötet oder verletzt', '죽거나 다쳤다'); the search stops at the next number."""
    tokens = []
    for token in tokens_after(sentence, end, _STATUS_AFTER_TOKENS, found.token):
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


def _source(found: Rules, sentence: str, low: str) -> tuple[str, int]:
    """(source, where) of 'selon Kiev', 'laut dem Ministerium', 'по данным разведки', or of the word
    a cue is written against ('국정원에 따르면'); ('', -1) when the sentence names none."""
    for cue in found.according:
        at = low.find(cue)
        if at < 0:
            continue
        if cue in found.according_after:  # after its source: 'Kiew zufolge', '국정원에 따르면'
            words = TOKEN.findall(sentence[max(0, at - 30) : at])
            return (words[-1], at - len(words[-1])) if words else ("", -1)
        words: list[str] = []
        for token in TOKEN.finditer(sentence, at + len(cue)):
            word = token.group()
            if not word[0].isalpha() or len(words) == 5:
                break  # punctuation or a number ends the source
            if word[0].islower() and len(word) > 3 and any(w[0].isupper() for w in words):
                break  # 'laut Seoul sind': a name ends at the next word that is not a name
            words.append(word)
        while words and len(words[0]) <= 3 and words[0].islower() and len(words) > 1:
            words.pop(0)  # 'le', 'dem', 'el': the source is the noun after the article
        while len(words) > 1 and len(words[-1]) <= 3 and words[-1].islower():
            words.pop()  # cut off after 'de saúde da': a source does not end on 'da', 'of the'
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
