"""What a figure counts, as a reader would say it: its kind (troops, casualties, weapons, money,
other) and what happened to it (status: killed, wounded, captured, deployed, fired, ...).

The vocabulary (ranks and unit types, weapon classes, people, status words) is the [nouns] and
[status] data of a language pack's figures.toml; the rules here are language-neutral: the head
noun of the phrase after the number gives the kind, a status word after it, in it or just before
the number says what happened, and killed, wounded, captured or missing people are casualties.
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
    status after the phrase first, then a status word in the phrase, then a verb before the number)."""
    noun_class = vocabulary.noun_class(head) if head else ""
    if noun_class == "qualified":  # 'armoured vehicles' are weapons, '460 Kia vehicles' are not
        military = any(word.lower() in vocabulary.military for word in phrase[:-1])
        noun_class = "weapons" if military else ""
    status_of = vocabulary.status_of
    in_phrase = [s for word in phrase for s in status_of.get(word.lower(), ())]
    status = ""
    for statuses in (after, in_phrase, before) if after or in_phrase or before else ():
        status = _fitting(statuses, noun_class)
        if status:
            break
    if noun_class == "weapons":
        return Counted("weapons", status, head)
    if noun_class == "casualties" or (
        status in HUMAN_STATUSES and (noun_class or not phrase or status in after)
    ):
        return Counted("casualties", status, head)  # killed, wounded, captured or missing people
    if noun_class == "troops":
        return Counted("troops", "deployed" if status == "deployed" else "", head)
    if noun_class == "people" and vocabulary.generic.get(vocabulary.noun(head)[1]):
        statuses = after + in_phrase + before
        if "deployed" in statuses:  # 'направила 10 тысяч человек', '1만명을 파병'
            return Counted("troops", "deployed", head)
    return Counted("other", "", head)
