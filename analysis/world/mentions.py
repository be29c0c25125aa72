"""The actor mentions of each sentence of one article, found once and read by every stage that needs
them (tone, framing, events), with what the article says of its people: a speaker's surname that is
an actor's alias stands for the speaker, a body's alias after a person's title for a person."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Protocol

from analysis.world.actors import Actors, Mention

_MATCHED = attrgetter("matched")


class _Sentence(Protocol):
    char_start: int
    text: str


class SentenceMentions:
    """The actor mentions of each sentence of one article, found once and read by every stage that
    needs them (tone, framing, events): the matcher reads a sentence once, not once per stage.

    A person acts for their actor: given the article's speakers (name, affiliation), an alias that
    ends a speaker's full name ('Wagner' in 'Therese Kayikwamba Wagner') is that person, a mention
    of their affiliation (none when it is unknown), not of the actor the alias names."""

    __slots__ = ("actors", "_found", "_people", "_titled")

    def __init__(
        self,
        actors: Actors,
        speakers: Iterable[tuple[str, str]] = (),
        titled: Callable[[str, int], bool] | None = None,
    ) -> None:
        self.actors = actors
        self._titled = titled  # a person's title ends here ('Foreign Minister Wagner')?
        self._found: dict[int, list[Mention]] = {}
        self._people: dict[str, dict[str, str]] = {}  # last word -> full name -> affiliation
        named = actors.memo("names an actor")  # speakers recur across articles
        for name, affiliation in speakers:
            first, _, last = name.rpartition(" ")
            if not first:
                continue
            if first not in named:
                named[first] = bool(actors.mentions(first))
            if not named[first]:  # a person, not 'Катар і Франція'
                self._people.setdefault(last, {})[name] = affiliation

    def of(self, sentence: _Sentence) -> list[Mention]:
        """`Actors.mentions` of the sentence's text (offsets into that text)."""
        found = self._found.get(sentence.char_start)
        if found is None:
            text = sentence.text
            found = self.actors.mentions(text)
            if self._people and not self._people.keys().isdisjoint(map(_MATCHED, found)):
                found = self._as_people(text, found)
            if self._titled is not None and found:
                # a body's alias right after a person's title is that person's name ('外交部长瓦格纳',
                # 'Foreign Minister Wagner'), not the body; a country stays a country ('Minister
                # Israel …' is read as the full name it is part of)
                bodies, titled = self.actors.bodies, self._titled
                found = [m for m in found if not (m.actor in bodies and titled(text, m.start))]
            self._found[sentence.char_start] = found
        return found

    def _as_people(self, text: str, found: list[Mention]) -> list[Mention]:
        """`found` with each alias that ends a speaker's name read as that person."""
        kept = []
        for mention in found:
            for name, affiliation in self._people.get(mention.matched, {}).items():
                start = mention.end - len(name)
                if start >= 0 and text[start : mention.end] == name:
                    while kept and kept[-1].end > start:  # an alias inside the name ('Jordan')
                        kept.pop()
                    if affiliation:
                        kept.append(Mention(affiliation, start, mention.end, name))
                    break
            else:
                kept.append(mention)
        return kept
