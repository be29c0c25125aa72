"""The counted nouns and status words of a language pack's figures.toml, compiled for look-up:
`WordSet` (words matched whole, by start, end or inside, with particles dropped) and `Vocabulary`
(noun classes, inflections, status phrases before and after a number). Shared by the readers of
numbers (analysis/numbers/generic.py) and of what a figure counts (analysis/figures/), so neither
package imports the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

from analysis.world.figure_packs import Pack

KINDS = ("troops", "casualties", "weapons", "money", "other")
HUMAN_STATUSES = ("killed", "wounded", "killed or wounded", "captured", "missing")
STATUSES = (*HUMAN_STATUSES, "deployed", "fired", "destroyed")
# the classes of counted nouns in a pack's [nouns], the later winning where a word is in two
NOUN_CLASSES = (
    "people", "aircraft", "weapons", "troops", "casualties", "places", "strikes", "models"
)  # fmt: skip
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_BEFORE_REACH = 40  # characters before a number searched for a status verb ('killed 12')
_BEFORE_GAP = 25  # at most this many characters between that verb and the number


_CACHE_LIMIT = 200_000  # words remembered per cache; a huge corpus starts it afresh


def remember(cache: dict, key: str, value: object) -> None:
    """Store a looked-up word, emptying the cache first when it is full (bounded memory)."""
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


class WordSet:
    """Pack words mapped to a label, matched whole, by start ('солдат*'), by end ('*군') or inside
    ('*병력*'), lower-cased, also after dropping a trailing particle ('러시아군이' -> '러시아군')."""

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        particles: Iterable[str] = (),
        prefixes: Iterable[str] = (),
    ) -> None:
        self.whole: dict[str, str] = {}
        self.starts: list[tuple[str, str]] = []
        self.ends: list[tuple[str, str]] = []
        self.inside: list[tuple[str, str]] = []
        for entry, label in entries:
            low = entry.lower()
            if low.startswith("*") and low.endswith("*") and len(low) > 2:
                self.inside.append((low[1:-1], label))
            elif low.endswith("*"):
                self.starts.append((low[:-1], label))
            elif low.startswith("*"):
                self.ends.append((low[1:], label))
            else:
                self.whole.setdefault(low, label)
        for found in (self.starts, self.ends, self.inside):
            found.sort(key=lambda s: len(s[0]), reverse=True)
        self.particles = sorted(particles, key=len, reverse=True)
        self.prefixes = sorted(prefixes, key=len, reverse=True)  # 'وأصيب' is 'أصيب'
        self._cache: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self.whole or self.starts or self.ends or self.inside)

    def get(self, word: str) -> str:
        """The label of `word` ('' when it is not in the set)."""
        low = word.lower()
        found = self._cache.get(low)
        if found is None:
            found = self._unprefixed(low)
            for prefix in self.prefixes if not found else ():
                if low.startswith(prefix) and len(low) > len(prefix) + 1:
                    found = self._unprefixed(low[len(prefix) :])
                    if found:
                        break
            remember(self._cache, low, found)
        return found

    def _unprefixed(self, low: str) -> str:
        found = self._match(low)
        for particle in self.particles if not found else ():
            if low.endswith(particle) and len(low) > len(particle):
                found = self._match(low[: -len(particle)])
                if found:
                    break
        return found

    def _match(self, low: str) -> str:
        found = self.whole.get(low, "")
        if not found:
            found = next((label for stem, label in self.starts if low.startswith(stem)), "")
        if not found:
            found = next((label for end, label in self.ends if low.endswith(end)), "")
        if not found:
            found = next((label for part, label in self.inside if part in low), "")
        return found


class Vocabulary:
    """The counted nouns and status words of one language, from its figures.toml."""

    def __init__(self, pack: Pack, prefixes: tuple[str, ...] = ()) -> None:
        self.pack = pack
        particles = pack.list("nouns", "particles")
        self.prefixes = sorted(prefixes, key=len, reverse=True)
        self.classes: dict[str, str] = {}
        for noun_class in NOUN_CLASSES:  # later ones win
            for word in pack.list("nouns", noun_class):
                if "*" not in word:
                    self.classes[word.lower()] = noun_class
        self.stems = WordSet(
            [
                (word, noun_class)
                for noun_class in reversed(NOUN_CLASSES)
                for word in pack.list("nouns", noun_class)
                if "*" in word
            ],
            particles,
        )
        # prefixes are tried in `noun` on the whole word, stems included
        self.inflections = [
            (ending.split("=")[0], ending.split("=")[1] if "=" in ending else "")
            for ending in pack.list("nouns", "inflections")
        ]
        self.pronouns = pack.words("nouns", "pronouns")
        self.generic = WordSet([(w, "generic") for w in pack.list("claims", "generic")], particles)
        for word in pack.list("nouns", "qualified_weapons"):
            self.classes[word.lower()] = "qualified"  # weapons only after a military word
        self.military = pack.words("nouns", "military")
        self.auxiliaries = pack.words("status", "auxiliaries")
        self.status_of: dict[str, list[str]] = {}
        for status in STATUSES:
            for phrase in pack.list("status", status.replace(" ", "_")):
                self.status_of.setdefault(phrase.lower(), []).append(status)
        self._cache: dict[str, tuple[str, str]] = {}
        self._class_of: dict[str, str] = {}  # word as written -> class: no lower() per look-up

    @cached_property
    def part_cues(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(cues before a number, cues after it) that make it a part of a total given before it
        ('among them 3 children', '22 d'entre eux'); a cue ending in a determiner of a whole
        ('of the 40 soldiers') is left out: the number after it is the whole, not a part."""
        wholes = self.pack.words("phrase", "of_determiners")
        before = [c.lower() for c in self.pack.list("claims", "parts")]
        after = [c.lower() for c in self.pack.list("claims", "parts_after")]
        return tuple(c for c in before if c.split()[-1] not in wholes), tuple(after)

    def noun_class(self, word: str) -> str:
        """One of NOUN_CLASSES (or 'qualified') for one word (any case, inflected); '' if none."""
        found = self._class_of.get(word)
        if found is None:
            found = self.noun(word)[0]
            remember(self._class_of, word, found)
        return found

    def noun(self, word: str) -> tuple[str, str]:
        """(class, listed form) of one word ('Soldiers' -> ('troops', 'soldier')); ('', '')."""
        low = word.lower()
        found = self._cache.get(low)
        if found is None:
            found = self._unprefixed(low)
            for prefix in self.prefixes if not found[0] else ():
                if low.startswith(prefix) and len(low) > len(prefix) + 1:
                    found = self._unprefixed(low[len(prefix) :])
                    if found[0]:
                        break
            remember(self._cache, low, found)
        return found

    def _unprefixed(self, low: str) -> tuple[str, str]:
        """`noun` of a word as written, with no prefix dropped."""
        found = (self.classes[low], low) if low in self.classes else ("", "")
        endings = [(e, r, 1) for e, r in self.inflections]  # a stem of two letters or more
        endings += [(p, "", 0) for p in self.stems.particles]  # '명을' -> '명'
        for ending, replacement, shortest in endings if not found[0] else ():
            if low.endswith(ending) and len(low) > len(ending) + shortest:
                base = low[: -len(ending)] + replacement
                if base in self.classes:
                    found = (self.classes[base], base)
                    break
        if not found[0] and self.stems:
            stem_class = self.stems.get(low)
            found = (stem_class, low) if stem_class else found
        return found

    @cached_property
    def _status_re(self) -> re.Pattern[str] | None:
        phrases = sorted(self.status_of, key=len, reverse=True)
        if not phrases:
            return None
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.I)

    @cached_property
    def _after_re(self) -> re.Pattern[str] | None:
        if self._status_re is None:
            return None
        auxiliaries = "|".join(re.escape(w) for w in self.pack.list("status", "auxiliaries"))
        status = self._status_re.pattern
        # ', were killed' after an apposition ('four children, were killed'): a comma before an
        # auxiliary is no break
        comma = rf"(?:\s*,(?=\s*(?:{auxiliaries})\b))?" if auxiliaries else ""
        gap = rf"{comma}(?:\s+(?:{auxiliaries}))*" if auxiliaries else ""
        return re.compile(
            rf"{gap}\s*((?:{status})(?:\s*(?:,|or|and|\bor\b|\band\b)\s*(?:{status}))*)", re.I
        )

    def statuses(self, words: str) -> list[str]:
        """Every status the words name, in order ('killed, wounded' -> killed, wounded)."""
        pattern = self._status_re
        if pattern is None:
            return []
        return [s for m in pattern.finditer(words) for s in self.status_of[_squash(m.group())]]

    def status_after(self, text: str, position: int) -> tuple[str, list[str]]:
        """(words as written, statuses) of a status written right after `position` ('were killed')."""
        pattern = self._after_re
        match = pattern.match(text, position) if pattern else None
        if not match:
            return "", []
        return match.group(1), self.statuses(match.group(1))

    def status_before(
        self, text: str, start: int, clause_start: int, *, next_to: bool = False
    ) -> list[str]:
        """Statuses of the last status verb just before a number ('the strike killed 12'); with
        `next_to`, only of a verb that no word but an auxiliary parts from it ('the dead were 12')."""
        pattern = self._status_re
        if pattern is None:
            return []
        window_start = max(clause_start, start - _BEFORE_REACH)
        found = list(pattern.finditer(text, window_start, start))
        if not found or start - found[-1].end() > _BEFORE_GAP:
            return []
        gap = text[found[-1].end() : start]
        if any(stop in gap for stop in ".;"):
            return []
        if next_to and not self.auxiliaries.issuperset(gap.lower().split()):
            return []
        return self.status_of[_squash(found[-1].group())]

    def last_counted(self, text: str) -> tuple[str, str]:
        """(word, class) of the last counted noun in `text` ('' when none): an antecedent. Places
        and strikes are counted by a number of their own, never pointed back to."""
        known = self._class_of
        for token in reversed(_TOKEN.findall(text)):
            noun_class = known.get(token)
            if noun_class is None:
                noun_class = self.noun_class(token)
            if noun_class and noun_class not in ("places", "strikes"):
                return token, noun_class
        return "", ""


def _squash(phrase: str) -> str:
    return " ".join(phrase.lower().split())
