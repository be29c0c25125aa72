"""What a figure counts, as a reader would say it: its kind (troops, casualties, weapons, money,
other) and what happened to it (status: killed, wounded, captured, deployed, fired, ...).

The vocabulary (ranks and unit types, weapon classes, people, status words) is the [nouns] and
[status] data of a language pack's figures.toml; the rules here are language-neutral: the head
noun of the phrase after the number gives the kind, a status word after it, in it or just before
the number says what happened, and killed, wounded, captured or missing people are casualties
whatever they are called; strikes counted are weapons fired, places counted are other, and a part
of a total ('among them three children') takes the total's kind and status.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from analysis.world.actors import Actors, world
from analysis.world.vocabulary import HUMAN_STATUSES, Vocabulary

# what can happen to each class of counted thing (the first fitting status of a phrase is taken)
_FITS = {
    "troops": (*HUMAN_STATUSES, "deployed"),
    "people": HUMAN_STATUSES,
    "casualties": HUMAN_STATUSES,
    "weapons": ("fired", "destroyed", "deployed"),
    "": HUMAN_STATUSES,
}


@lru_cache(maxsize=1)
def shipped_actors() -> Actors:
    """The shipped actors (countries, demonyms, capitals), loaded once: whose figures they are."""
    return world()


class Counted(NamedTuple):
    """What a number counts: kind, status, and the noun it was read from ('' when none)."""

    kind: str
    status: str
    noun: str = ""


def _fitting(statuses: list[str], noun_class: str) -> str:
    """The first status that can happen to this class of thing; 'killed or wounded' when both."""
    fits = [s for s in statuses if s in _FITS.get(noun_class, HUMAN_STATUSES)]
    if not fits:
        return ""
    if "killed" in fits and "wounded" in fits:
        return "killed or wounded"
    return fits[0]


def classify(
    vocabulary: Vocabulary,
    head: str,
    phrase: list[str],
    after: list[str],
    before: list[str],
) -> Counted:
    """Kind and status of a counted thing: its head noun's class, and what happened to it (the
    status after the phrase first, then a status word in the phrase, then a verb before the number).

    Places counted are other ('at three sites'), strikes weapons fired ('24 missile strikes'), a
    named model weapons ('two J-10C fighters'); aircraft are weapons when shot down or destroyed;
    and what happened decides casualties: killed or wounded is said of people whatever they are
    called ('killed 12 worshippers'), captured or missing of people the pack lists or of a number
    the status follows ('18 were captured')."""
    noun_class = vocabulary.noun_class(head) if head else ""
    if noun_class == "places":
        return Counted("other", "", head)
    if noun_class == "strikes":
        return Counted("weapons", "fired", head)
    if noun_class == "models" or any(vocabulary.noun_class(w) == "models" for w in phrase[:-1]):
        noun_class = "weapons"
    if noun_class in ("qualified", "aircraft"):  # 'armoured vehicles'; not '460 Kia vehicles'
        military = any(word.lower() in vocabulary.military for word in phrase[:-1])
        downed = noun_class == "aircraft" and "destroyed" in (*after, *before)
        noun_class = "weapons" if military or downed else ""
    status_of = vocabulary.status_of
    in_phrase = [s for word in phrase for s in status_of.get(word.lower(), ())]
    status, source = "", after
    for source in (after, in_phrase, before) if after or in_phrase or before else ():
        status = _fitting(source, noun_class)
        if status:
            break
    if noun_class == "weapons":
        return Counted("weapons", status, head)
    # killed or wounded, said before the number or as the only word after it ('6 lives')
    living = status in ("killed", "wounded") and (source is before or len(phrase) == 1)
    if noun_class == "casualties" or (
        status in HUMAN_STATUSES and (noun_class or not phrase or status in after or living)
    ):
        return Counted("casualties", status, head)  # killed, wounded, captured or missing people
    if noun_class == "troops":
        return Counted("troops", "deployed" if status == "deployed" else "", head)
    if noun_class == "people" and vocabulary.generic.get(vocabulary.noun(head)[1]):
        statuses = after + in_phrase + before
        if "deployed" in statuses:  # 'направила 10 тысяч человек', '1만명을 파병'
            return Counted("troops", "deployed", head)
    return Counted("other", "", head)


def is_part(
    vocabulary: Vocabulary, sentence: str, start: int, end: int, total_end: int, chained: bool
) -> bool:
    """True when the number at [start, end) is a part of a total that ends at `total_end` before
    it: a part cue of the pack just before it ('among them three children', '이 중 어린이가 3명')
    or just after it ('22 d'entre eux'), or, when the number before was a part, only a few words
    between them ('three children and two women')."""
    cues_before, cues_after = vocabulary.part_cues
    between = sentence[total_end:start].lower()
    for cue in cues_before:
        at = between.rfind(cue)
        if at >= 0 and len(between) - at - len(cue) <= _PART_REACH:
            return not any(mark in between[at:] for mark in _CLAUSE_ENDS)
    if cues_after and sentence[end : end + 20].lower().lstrip().startswith(cues_after):
        return True
    return chained and len(between.split()) <= 3 and not any(m in between for m in _CLAUSE_ENDS)


def as_part(
    vocabulary: Vocabulary, counted: Counted, total: Counted, after: list[str], before: list[str]
) -> Counted:
    """What a part of a total counts: the total's noun when it names none of its own ('of whom
    22 were intercepted'), the total's kind for people among casualties ('among them three
    children', 'two commanders' among the captured), and the total's status when it has none."""
    noun_class = vocabulary.noun_class(counted.noun) if counted.noun else ""
    if noun_class in ("places", "strikes"):
        return counted
    if not noun_class and total.noun:
        counted = classify(vocabulary, total.noun, [total.noun], after, before)
    if total.kind == "casualties" and counted.kind in ("other", "troops"):
        return Counted("casualties", counted.status or total.status, counted.noun)
    if counted.kind == total.kind and not counted.status:
        return Counted(counted.kind, total.status, counted.noun)
    return counted


_PART_REACH = 25  # at most this many characters between a part cue and the number
_CLAUSE_ENDS = ".;:()—–"
