"""What a number of an English sentence counts, whose it is, who says so and how firmly.

`SentenceContext` reads a sentence once (its clauses, attribution and modality cues) and answers
for each of its numbers: the noun phrase after it (or the noun a pronoun or an apposition points
back to), kind and status (analysis/figures/kinds.py), the actor owning it, the claimant, the modality.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import chain, islice

from analysis.figures.cues import (
    DENIED_RE,
    NEGATION_RE,
    POSSIBLE,
    REPORTED_RE,
    alternation,
    cues_in,
    sources,
)
from analysis.figures.kinds import Counted, as_part, classify, is_part, shipped_actors
from analysis.numbers.english import Quantity
from analysis.world import figure_packs
from analysis.world.vocabulary import HUMAN_STATUSES, Vocabulary, remember

_PACK = figure_packs.english("figures.toml")
VOCABULARY = Vocabulary(_PACK)
_HEADS_GO_ON = ("troops", "weapons")  # 'rounds of ammunition', 'troops marines'
_PARTITIVE = re.compile(r"\s+of\s+([^\W\d_]+)\b")
# '3,000 of the 11,000 troops': the part counts the noun after the whole
_OF_A_WHOLE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|some|about|around|roughly)?\s*\d[\d,.]*(?=\s)"
)
_WHOLE_BEFORE = re.compile(r"\d[\d,.]*\s+of\s+(?:the|its|their|his|her|our)?\s*$")
# ', including four children,' between what is counted and what happened to it
_APPOSITION = re.compile(
    r",\s+(?:including|among them|among whom|of whom|most of them)[^,;.]{0,60},"
)
_APPOSITION_OPENERS = "—–(:"  # a clause opened by one of these may count a noun before it
_NP_TOKEN = re.compile(r"[A-Za-z][\w'’&.-]*|\d[\w,.]*|[^\w\s]")
_NP_STOP = _PACK.words("phrase", "stop")
_OF_DETERMINERS = _PACK.words("phrase", "of_determiners")
_PARTICIPLE_MODIFIERS = _PACK.words("phrase", "participles")
# Clause breaks start with a character class, so `re` jumps between the characters that can
# start one instead of trying every position.
_CLAUSE_BREAK = re.compile(r"[;:—–(“”\",](?:(?<=,)\s|(?<!,))")  # a comma only before a space
# An actor before the number owns what is counted only as the subject of a verb like these.
_OWNER_VERB_AFTER = re.compile(
    rf"(?:\s+(?:{alternation(_PACK.list('owner', 'auxiliaries'))})){{0,3}}\s+"
    rf"(?:{alternation(_PACK.list('owner', 'verbs'))})\b"
)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Aliases that are people's names: they tell who speaks, not whose troops are counted."""
    actors = shipped_actors()
    names = {p for a in actors.actors for p in a.people}
    return frozenset(names | {p.split()[-1] for p in names})


class SentenceContext:
    """Clauses, actor mentions and attribution cues of one sentence, shared by all its numbers."""

    def __init__(self, sentence: str, previous: str = "") -> None:
        self.sentence = sentence
        self.previous = previous
        cues = cues_in(sentence)
        self.status_cue = "status" in cues
        self._breaks: list[int] | None = None
        self.sources = sources(sentence, cues)
        self.reported = REPORTED_RE.search(sentence) if "reported" in cues else None
        denial = DENIED_RE.search(sentence) if "denied" in cues else None
        self.denied = bool(denial) and not NEGATION_RE.search(sentence[: denial.start()])
        self.possible = (
            [m.span() for m in POSSIBLE.finditer(sentence)] if "possible" in cues else []
        )
        self._total: Counted | None = None  # the last figure of the sentence that is no part
        self._last_end = 0  # where the number before ends
        self._chained = False  # whether the number before was a part

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around [start, end) (commas, semicolons, dashes, quotes)."""
        if self._breaks is None:  # found on first use: many numbers never need their clause
            self._breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.sentence)]
        breaks = self._breaks
        i = bisect.bisect_right(breaks, start) - 1
        j = bisect.bisect_left(breaks, end + 1)
        clause_end = breaks[j] - 1 if j < len(breaks) else len(self.sentence)
        return (breaks[i] if i >= 0 else 0), clause_end

    def claimant(self, position: int) -> tuple[str, bool, int]:
        """(nearest named source, whether the figure is only 'reported', where the source stands)."""
        if self.sources:
            at, who = min(self.sources, key=lambda s: abs(s[0] - position))
            return who, False, at
        if self.reported:
            return "reports", True, self.reported.start()
        return "", False, -1

    def modality(self, quantity: Quantity, reported: bool) -> str:
        """denied / possible / reported / asserted for a number of this sentence."""
        if self.denied:
            return "denied"
        if self.possible:
            clause_start, clause_end = self.clause(quantity.start, quantity.end)
            # a cue word never spans a clause break, so 'inside the clause' is 'found in it'
            if any(clause_start <= at and end <= clause_end for at, end in self.possible):
                return "possible"
        return "reported" if reported or self.reported else "asserted"

    def counted(self, quantity: Quantity) -> tuple[str, str, str, str]:
        """(subject, kind, actor, status) of a number: what is counted, whose, what happened to it."""
        last_end, self._last_end = self._last_end, quantity.end
        if quantity.unit == "percent" and not quantity.money:
            return "percent", "other", "", ""  # a share: nothing counted, no one's, no status
        sentence = self.sentence
        words = quantity.unit.split() if quantity.unit and quantity.unit != "percent" else []
        position, pointing_back = quantity.unit_end, False
        after = sentence[position : position + 3]  # both patterns open on spaces then 'of'
        if after[:1].isspace() and (after[1:] == "of" or after[1:2].isspace()):
            partitive = _PARTITIVE.match(sentence, position)
            if partitive and partitive.group(1).lower() in VOCABULARY.pronouns:
                position, pointing_back = partitive.end(), True  # '6,000 of them', 'two of whom'
            elif of_whole := _OF_A_WHOLE.match(sentence, position):
                position = of_whole.end()  # '3,000 of the 11,000 troops' counts troops
        phrase, phrase_end = _noun_phrase(sentence, position)
        head = _head(phrase)
        if pointing_back and not VOCABULARY.noun_class(head):
            total = self._total.noun if self._total else ""  # '15 drones ... 7 of them'
            antecedent = total if VOCABULARY.noun_class(total) else ""
            if not antecedent:
                clause_start = self.clause(quantity.start, quantity.end)[0]
                antecedent = VOCABULARY.last_counted(sentence[:clause_start])[0]
            phrase = [antecedent or VOCABULARY.last_counted(self.previous)[0]]
            head = phrase[0]
            phrase = phrase if head else []
        elif not phrase and not words:
            clause_start = self.clause(quantity.start, quantity.end)[0]
            head = VOCABULARY.last_counted(sentence[clause_start : quantity.start])[0]
            if not head and sentence[clause_start - 1 : clause_start] in _APPOSITION_OPENERS:
                head = VOCABULARY.last_counted(sentence[:clause_start])[0]  # 'bombs – up to 80'
            phrase = [head] if head else []
        if quantity.money or quantity.unit:
            kind, status, after_words = ("money" if quantity.money else "other"), "", ""
            self._total = None
        else:
            after_words, after, before = "", [], []
            if self.status_cue:  # most sentences name no status: no regex run per number
                after_words, after = VOCABULARY.status_after(sentence, phrase_end)
                apposition = _APPOSITION.match(sentence, phrase_end) if not after else None
                if apposition:  # '19 people, including four children, were killed'
                    after_words, after = VOCABULARY.status_after(sentence, apposition.end())
                if after and _WHOLE_BEFORE.search(sentence, 0, quantity.start):
                    after_words, after = "", []  # '3,000 of the 11,000 troops were killed'
                clause_start = self.clause(quantity.start, quantity.end)[0]
                before = VOCABULARY.status_before(sentence, quantity.start, clause_start)
                if before and phrase and not VOCABULARY.noun_class(head):  # not 'killed 15
                    before = VOCABULARY.status_before(  # gunmen and arrested 40 suspects'
                        sentence, quantity.start, clause_start, next_to=True
                    )
                if after and not head:  # 'fired 6 missiles; the navy said 4 were intercepted'
                    head = VOCABULARY.last_counted(sentence[: quantity.start])[0]
                    phrase = [head] if head else []
            counted = classify(VOCABULARY, head, phrase, after, before)
            total = self._total
            part = total is not None and is_part(
                VOCABULARY, sentence, quantity.start, quantity.end, last_end, self._chained
            )
            if part:
                counted = as_part(VOCABULARY, counted, total, after, before)
            else:
                self._total = counted
            self._chained = part
            kind, status = counted.kind, counted.status
            if status not in HUMAN_STATUSES:
                after_words = ""
        subject = "percent" if quantity.unit == "percent" else " ".join(words + phrase)
        if after_words:
            subject = f"{subject} {after_words}"
        if kind == "other":
            return subject.strip(), kind, "", status
        surnames = _surnames()
        in_subject = [
            m
            for m in shipped_actors().mentions(sentence[quantity.end : phrase_end])
            if m.matched not in surnames
        ]
        if in_subject:
            return subject.strip(), kind, in_subject[0].actor, status
        clause = sentence[self.clause(quantity.start, quantity.end)[0] : quantity.start]
        before = [
            m
            for m in shipped_actors().mentions(clause)
            if m.matched not in surnames
            and _OWNER_VERB_AFTER.match(clause, m.end)  # 'Russia had amassed', 'Kyiv sent'
        ]
        return subject.strip(), kind, before[-1].actor if before else "", status


def _head(phrase: list[str]) -> str:
    """The noun a phrase counts: its last word, or the word before 'of' ('prisoners of war')."""
    if not phrase:
        return ""
    if "of" in phrase and not VOCABULARY.noun_class(phrase[-1]):
        before_of = phrase[phrase.index("of") - 1] if phrase.index("of") else ""
        if VOCABULARY.noun_class(before_of):
            return before_of
    return phrase[-1]


def _noun_phrase(sentence: str, position: int) -> tuple[list[str], int]:
    """The noun phrase after a number ('North Korean soldiers') and where it ends."""
    limit = position + 120
    first = _NP_TOKEN.search(sentence, position, limit)
    if first is None:
        return [], position
    written = first.group()
    if not written[0].isalpha():  # a digit or a punctuation mark ends it before it starts
        return [], position
    low = written.lower() if "." in written[:-1] else written.rstrip(".").lower()
    if low in _NP_STOP and low not in ("and", "or", "of"):
        return [], position  # '5 in', '5 were': nothing counted after the number
    tokens = _NP_TOKEN.finditer(sentence, first.end(), limit)  # read lazily: phrases are short
    start = [first]
    if first and first.group() == "of":  # '10,000 of the troops', '38 of 45 drones'
        second = next(tokens, None)
        skip = second and (second.group() in _OF_DETERMINERS or second.group()[:1].isdigit())
        start = [] if skip or not second else [second]
    phrase: list[str] = []
    end = position
    head = False  # a plural noun closes the phrase, except for 'rounds of ammunition'
    for match in islice(chain(start, tokens), 8):
        token, low, stops, participle, plural, goes_on = _phrase_word(match.group())
        if not token:
            break
        if head and not (goes_on or phrase[-1] == "of"):
            break
        if low in ("and", "or"):
            following = _NP_TOKEN.search(sentence, match.end(), limit)
            if following and following.group()[:1].isupper():  # 'North and South Korean'
                phrase.append(token)
                continue
            break
        if stops or (participle and phrase):
            break
        phrase.append(token)
        end = match.start() + len(token)
        head = head or plural
    while phrase and phrase[-1].lower() in ("and", "or", "of"):
        phrase.pop()
    return phrase, end


_PHRASE_WORDS: dict[str, tuple[str, str, bool, bool, bool, bool]] = {}


def _phrase_word(written: str) -> tuple[str, str, bool, bool, bool, bool]:
    """What `_noun_phrase` asks of a token as written, looked up once per distinct word: (token
    without a final full stop, lower-cased, ends a phrase, a participle that may end it, a plural
    noun that closes it, a word that goes on after a plural ('of', 'troops', 'weapons'))."""
    found = _PHRASE_WORDS.get(written)
    if found is None:
        token = written if "." in written[:-1] else written.rstrip(".")
        low = token.lower()
        found = (
            token,
            low,
            not token[:1].isalpha() or low in _NP_STOP,
            low.endswith(("ed", "ing")) and low not in _PARTICIPLE_MODIFIERS,
            token[-1:] == "s" and token[0].islower() and not low.endswith(("ss", "'s", "’s")),
            low == "of" or VOCABULARY.noun_class(low) in _HEADS_GO_ON,
        )
        remember(_PHRASE_WORDS, written, found)
    return found
