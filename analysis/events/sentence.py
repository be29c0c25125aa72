"""One sentence read for events (analysis/events/extract.py): its words, lower-cased with their
punctuation trimmed, where its clauses break, its actor mentions; and, for each trigger, its doers
and targets by the language's word order and grammar words, its negation and modality.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress, count
from operator import attrgetter

from analysis.events.packs import QUADS, EventPack, Trigger
from analysis.ingest.text import Sentence
from analysis.voices.quotes import Quote
from analysis.world.actors import Actors, Mention

_TOKEN_RE = re.compile(r"\S+")
_CHARACTER_RE = re.compile(r"\S")  # the 'words' of a script written without spaces (Chinese)
_EDGE = "\"'“”‘’«»„‚.,;:!?()[]{}<>—–-…*/\\|"  # punctuation trimmed from a word's ends
_BREAKS = frozenset(';:()—–[]"“”«»')  # a clause (or a quote) ends at these
_OPENING = '"“«„('  # marks that open a quote or an aside before a word
_MARKS_RE = re.compile("[" + re.escape("".join(sorted(_BREAKS | set(_OPENING)))) + "]")
UNNAMED = ("ASSAULT", "COERCE")  # violence and coercion are kept with no doer named ('12 killed')
WINDOW = 12  # words between a trigger and the actors it links, at most
_NONE: dict[str, tuple[tuple[str, ...], ...]] = {}
_MODAL_KEYS = ("threat", "modality", "plan")
_MARKERS = ("places", "target", "agent")  # an actor after these is no doer
_ACTOR = attrgetter("actor")


class EventSentence:
    """One sentence read for events: its words (lower-cased, punctuation trimmed) and its actors."""

    def __init__(
        self, sentence: Sentence, pack: EventPack, found: list[Mention], actors: Actors
    ) -> None:
        self.pack = pack
        self.actors = actors
        self._last_words = pack.by_last_word  # per grammar list: its phrases by their last word
        self._clitics = pack.clitics
        self.text = sentence.text
        spaced = pack.writing.word_boundaries
        self.window = WINDOW if spaced else WINDOW * 3  # a character is less than a word
        own = pack.writing.lowercase  # Turkish 'İ' is 'i', not 'i̇': offsets stay the text's
        low = (self.text.translate(own) if own else self.text).lower()
        raw = low.split() if spaced else []
        if raw and " ".join(raw) == low:  # words one space apart: where each starts, by lengths
            self.starts = list(accumulate([len(word) + 1 for word in raw[:-1]], initial=0))
        else:
            tokens = list((_TOKEN_RE if spaced else _CHARACTER_RE).finditer(low))
            self.starts = [token.start() for token in tokens]
            raw = [token.group() for token in tokens]
        self.words = [text.strip(_EDGE) for text in raw]
        self.breaks = breaks = [False] * len(raw)
        # only a token holding a break or an opening mark can set a break: find those
        marked = {bisect.bisect_right(self.starts, m.start()) - 1 for m in _MARKS_RE.finditer(low)}
        for at in sorted(marked):
            text = raw[at]
            body = text.lstrip(_OPENING)
            if body != text and at:  # '"We will …': the clause ends before the token
                breaks[at - 1] = True
            breaks[at] = not _BREAKS.isdisjoint(body)
        opening = pack.by_last_word.get("clause_words", {})
        if not opening.keys().isdisjoint(self.words):  # 'if', 'because' ... open another clause
            for at in compress(count(), map(opening.__contains__, self.words)):
                if self.ends_with(at, "clause_words"):
                    self.breaks[at] = True
        self.mentions = found
        self.noun: dict[Trigger, bool] = {}  # each trigger read as a noun (else a verb)?
        self.verbs: set[int] = set()
        self.accusations: list[int] = []
        starts = self.starts  # the word holding each mention's start (word_at, inline)
        self.mention_words = [max(bisect.bisect_right(starts, m.start) - 1, 0) for m in found]

    def word_at(self, offset: int) -> int:
        """Index of the word holding `offset`."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def ends_with(self, index: int, key: str) -> tuple[str, ...] | None:
        """The phrase of grammar list `key` whose last word is word `index` ('n't' glued too)."""
        if index < 0:
            return None
        words, word = self.words, self.words[index]
        for phrase in self._last_words.get(key, _NONE).get(word, ()):
            size = len(phrase)
            if size == 1:  # its one word is this word
                return phrase
            first = index - size + 1
            if first >= 0 and tuple(words[first : index + 1]) == phrase:
                return phrase
        for clitic in self._clitics.get(key, ()):  # "didn't"
            if word.endswith(clitic):
                return (clitic,)
        return None

    def _may_end(self, keys: tuple[str, ...], start: int, stop: int) -> bool:
        """Whether a word from `start` to `stop` may end a phrase of the grammar lists `keys` (a
        set test before they are read word by word)."""
        endings = self.pack.endings(keys)
        return endings is None or not endings.isdisjoint(self.words[max(start, 0) : stop])

    def before(self, index: int, key: str, reach: int) -> tuple[str, ...] | None:
        """A phrase of `key` ending within `reach` words before word `index`, in the same clause."""
        last_words = self._last_words.get(key, _NONE)
        clitics = self._clitics.get(key, ())
        if not last_words and not clitics:
            return None
        words, breaks = self.words, self.breaks
        for at in range(index - 1, max(index - reach, 0) - 1, -1):
            if breaks[at] and at != index - 1:
                return None
            word = words[at]
            if word in last_words or (clitics and word.endswith(clitics)):  # else none ends here
                found = self.ends_with(at, key)
                if found:
                    return found
        return None

    def negated(self, trigger: Trigger) -> bool:
        return self.before(self.word_at(trigger.start), "negation", 3) is not None

    def modality(self, trigger: Trigger) -> str:
        index = self.word_at(trigger.start)
        accusations = self.accusations
        if accusations and any(at < index and not any(self.breaks[at:index]) for at in accusations):
            return "alleged"
        if not self._may_end(_MODAL_KEYS, index - 4, index):
            return "asserted"
        for key, label in (("threat", "threatened"), ("modality", "possible"), ("plan", "planned")):
            if self.before(index, key, 4):
                return label
        return "asserted"

    def is_noun(self, trigger: Trigger) -> bool:
        """A noun reading: a noun-only form, or one after a determiner, number or actor modifier."""
        if not trigger.is_verb:
            return True
        if not trigger.is_noun:
            return False
        index = self.word_at(trigger.start)
        end = self.word_at(max(trigger.end - 1, trigger.start))
        if end + 1 < len(self.words) and self.ends_with(end + 1, "target"):
            return True  # 'a reckless assault on shipping': a verb takes its object directly
        if index == 0:
            return False
        previous = self.words[index - 1]
        return (
            previous[:1].isdigit()
            or self.ends_with(index - 1, "noun_markers") is not None
            or self._modifier(trigger) is not None
        )

    def _modifier(self, trigger: Trigger) -> Mention | None:
        """The actor written right before a noun ('Israeli strikes', "Israel's strikes")."""
        index = self.word_at(trigger.start)
        for mention, at in zip(self.mentions, self.mention_words, strict=True):
            if mention.end <= trigger.start and index - at <= 1 and not self._object_case(mention):
                gap = self.text[mention.end : trigger.start]
                if len(gap) <= 3 or gap.strip(" '’s-") == "":
                    return mention
        return None

    def read_triggers(self, triggers: list[Trigger]) -> None:
        """Where the sentence's other predicates are: a target is never looked for past a verb
        joined by 'and' ('denied shelling the plant and blamed Ukraine'), and an event after an
        accusation in its clause is alleged ('accused X of shelling')."""
        self.noun = {trigger: self.is_noun(trigger) for trigger in triggers}
        verbs = {self.word_at(t.start) for t in triggers if t.is_verb and not self.noun[t]}
        self.verbs = {at for at in verbs if at and self.ends_with(at - 1, "conjunctions")}
        self.accusations = [self.word_at(t.start) for t in triggers if t.event == "ACCUSE"]

    def _glued(self, trigger: Trigger) -> Mention | None:
        """The actor joined to the trigger by a hyphen ('Iran-backed'): the doer."""
        if trigger.start < 2 or self.text[trigger.start - 1] != "-":
            return None
        start = self.text.rfind(" ", 0, trigger.start - 1) + 1
        found = self.actors.mentions(self.text[start : trigger.start - 1])
        if not found:
            return None
        return found[-1]._replace(start=start + found[-1].start, end=start + found[-1].end)

    def _marked(self, at: int, key: str) -> bool:
        """Whether the actor at word `at` follows a word of grammar list `key`."""
        return at > 0 and self.ends_with(at - 1, key) is not None

    def _left(self, index: int) -> list[Mention]:
        """The doers before word `index`: the nearest actor in the clause not marked as a place,
        target or agent (with those joined to it by 'and'); [] past a clause break or a speech verb."""
        for position in range(len(self.mentions) - 1, -1, -1):
            at = self.mention_words[position]
            if at >= index:
                continue
            if (
                index - at > self.window
                or any(self.breaks[at:index])
                or self._speech_between(at, index)
            ):
                return []
            if self._may_end(_MARKERS, at - 1, at) and any(
                self._marked(at, key) for key in _MARKERS
            ):
                continue
            if self._object_case(self.mentions[position]):  # '필리핀에 (군사 지원)': no doer
                continue
            return self._joined(position, -1)
        return []

    def _right(self, index: int, after_key: str = "", places: bool = True) -> list[Mention]:
        """The first actor after word `index` in the clause (after a word of `after_key`, when set),
        with those joined to it by 'and'; an actor after the agent word is never a target."""
        for position, at in enumerate(self.mention_words):
            if at <= index:
                continue
            if at - index > self.window or any(self.breaks[index:at]):
                return []
            if self.verbs and any(index < verb < at for verb in self.verbs):
                return []
            if after_key and not self._marked(at, after_key):
                continue
            if not after_key and self._marked(at, "agent"):
                continue
            if not after_key and not places and self._marked(at, "places"):
                continue
            return self._joined(position, 1)
        return []

    def _joined(self, position: int, step: int) -> list[Mention]:
        """The mention at `position` and those joined to it by a conjunction or a comma."""
        group = [self.mentions[position]]
        other = position + step
        while 0 <= other < len(self.mentions):
            left, right = sorted((self.mentions[other], group[-1]), key=lambda m: m.start)
            gap = self.text[left.end : right.start].strip(" ,").lower()
            if gap and tuple(gap.split()) not in self.pack.phrases("conjunctions"):
                break
            group.append(self.mentions[other])
            other += step
        return group

    def _speech_between(self, at: int, index: int) -> bool:
        speech, words = self._last_words.get("speech", _NONE), self.words
        if self._clitics.get("speech"):
            return any(self.ends_with(i, "speech") for i in range(at, index))
        if speech.keys().isdisjoint(words[at:index]):
            return False
        return any(words[i] in speech and self.ends_with(i, "speech") for i in range(at, index))

    def _speaker_pronoun(self, index: int) -> list[Mention]:
        """'X said it struck …': the actor before the speech verb that the pronoun stands for."""
        if not self._may_end(("pronouns",), index - 4, index):
            return []
        for at in range(index - 1, max(index - 4, 0) - 1, -1):
            if self.ends_with(at, "pronouns") and at > 0:
                speech = next(
                    (i for i in range(at - 1, max(at - 3, -1), -1) if self.ends_with(i, "speech")),
                    None,
                )
                if speech is None:
                    return []
                return self._left(speech)
        return []

    def links(self, trigger: Trigger, quote: Quote | None) -> list[tuple[str, str, str]]:
        """(doer, target, agency) of one trigger: every doer x target the sentence gives (targets
        looked for only once it has a doer, or is violence kept without one)."""
        index = self.word_at(trigger.start)
        end_index = self.word_at(max(trigger.end - 1, trigger.start))
        glued = self._glued(trigger)
        noun = glued is None and self.noun[trigger]
        passive = glued is None and not noun and self.before(index, "passive", 2)
        if glued is not None:  # 'Iran-backed militias', 'U.S.-supplied missiles'
            sources, agency = [glued], "passive"
        elif noun:
            sources, agency = self._noun_doer(trigger, index, end_index)
        elif passive:
            sources, agency = self._right(end_index, "agent"), "passive"
        else:
            sources, agency = self._active(index, end_index), "active"
        read = sources  # an active verb's object is read past these, not the doers found below
        if not sources:
            sources = self._speaker_pronoun(index) if agency == "active" else []
        speaking = quote is not None and quote.affiliation and not noun
        if not sources and speaking and self.before(index, "first_person", 3):  # 'we will strike'
            sources = [Mention(quote.affiliation, -1, -1, "")]
        doers = list(dict.fromkeys(map(_ACTOR, sources))) or [""]
        if doers == [""] and trigger.event not in UNNAMED:
            return []  # talks, aid or threats by no actor of the list are no actor's event
        if doers == [""] and (
            agency != "active" or noun or self._reduced_passive(index, end_index)
        ):
            agency = "agentless"  # an active verb keeps its unlisted doer ('gunmen killed 12')
        if glued is not None:
            targets = [m for m in self._right(end_index) if self.word_at(m.start) - end_index <= 2]
        elif noun:
            targets = self._right(end_index, "target")
            if not targets and QUADS[trigger.event] == "material_conflict":
                targets = self._right(end_index, "places")  # 'strikes in Gaza'; not 'talks in Doha'
        elif passive:
            targets = self._left(index)
        else:
            targets = self._object(index, end_index, read, trigger)
        goals = list(dict.fromkeys(map(_ACTOR, targets))) or [""]
        return [(doer, goal if goal != doer else "", agency) for doer in doers for goal in goals]

    def _object(
        self, index: int, end_index: int, sources: list[Mention], trigger: Trigger
    ) -> list[Mention]:
        """The target of an active verb by the language's word order: the first actor after it
        (SVO; in VSO the first after its doer), or in SOV the nearest actor before it that is not
        its doer. A place is a target of violence, else only when no one else is named."""
        violent = QUADS[trigger.event] == "material_conflict"
        doers = {id(m) for m in sources}
        if self.pack.order == "SOV":
            before = [
                m
                for m, at in zip(self.mentions, self.mention_words, strict=True)
                if at < index and id(m) not in doers and not any(self.breaks[at:index])
            ]
            objects = [m for m in before if self._object_case(m)]
            return (objects or before)[-1:]
        marked = [  # 'EU对伊朗实施制裁': a target word before the verb marks the target there
            m
            for m, at in zip(self.mentions, self.mention_words, strict=True)
            if at < index
            and id(m) not in doers
            and self._marked(at, "target")
            and not any(self.breaks[at:index])
        ]
        if marked:
            return marked[-1:]
        after = [m for m in self._right(end_index, places=violent) if id(m) not in doers]
        if self.pack.order == "VSO" and sources and not after:  # the first actor was the doer
            last = max(self.word_at(m.start) for m in sources)
            after = [m for m in self._right(last, places=violent) if id(m) not in doers]
        return after or [m for m in self._right(end_index) if id(m) not in doers]

    def _reduced_passive(self, index: int, end_index: int) -> bool:
        """An active-looking verb with no doer in its clause: '12 killed in strikes' (a number or
        nothing before it, a preposition or nothing after it)."""
        previous = self.words[index - 1] if index else ""
        following = end_index + 1
        after = self.words[following] if following < len(self.words) else ""
        prepositions = ("places", "agent", "target")
        return (
            not previous
            or previous[:1].isdigit()
            or self.breaks[index - 1]
            or not after
            or any(self.ends_with(following, key) for key in prepositions)
        )

    def _active(self, index: int, end_index: int) -> list[Mention]:
        """The doer of an active verb by the language's word order."""
        order = self.pack.order
        if order == "SVO" or (order == "VSO" and self._left(index) and self._near_left(index)):
            return self._left(index)
        if order == "VSO":
            return self._right(end_index)
        before = [
            m
            for m, at in zip(self.mentions, self.mention_words, strict=True)
            if at < index and not self._object_case(m)
        ]
        if before or not self.pack.object_endings[0]:
            return before[:1]  # SOV: the first actor of the clause not written as an object
        # only objects before it: a participle whose doer is the noun it qualifies, right after
        # it ('Rusya'yı eleştiren Fransa': France, which criticised Russia)
        return [m for m in self._right(end_index) if self.word_at(m.start) - end_index <= 1][:1]

    def _object_case(self, mention: Mention) -> bool:
        """Whether the actor is written with an object's case ending ('Ruanda'yı', '이스라엘을'),
        or heads a noun that has one ('M23 isyancılarını')."""
        own, on_noun = self.pack.object_endings
        at = self.word_at(mention.start)
        if own and self.words[at].endswith(own):
            return True
        following = at + 1
        return (
            bool(on_noun)
            and following < len(self.words)
            and not self.breaks[at]
            and following not in self.mention_words
            and self.words[following].endswith(on_noun)
        )

    def _near_left(self, index: int) -> bool:
        return any(0 < index - at <= 3 for at in self.mention_words)

    def _noun_doer(self, trigger: Trigger, index: int, end_index: int) -> tuple[list[Mention], str]:
        modifier = self._modifier(trigger)
        if modifier is not None:
            return [modifier], "passive"
        agent = self._right(end_index, "agent")
        if agent:
            return agent, "passive"
        # 'Israel launched strikes': the subject, only with a verb that does it (looked for first)
        if (
            self._may_end(("light_verbs",), index - self.window, index)
            and self.before(index, "light_verbs", self.window)
            and (subject := self._left(index))
        ):
            return subject, "active"
        return [], "active"
