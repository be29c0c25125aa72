"""The tables an analyst can check and correct, in one place: each one's row id, the fields marked
one by one, and the columns a correction may set with what a value must be.

A new per-article table (e.g. `events`) plugs into sampling, checks and corrections by one entry of
`REVIEWED`. Values are validated against what the run knows (`Known`: the kinds, the actors of the
story, the lexicon's categories), so a correction can never give a value no other row could have.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from analysis.events.packs import QUADS
from analysis.stance.framing import PRECEDENCE
from analysis.world.vocabulary import KINDS, STATUSES

DROP = "drop"  # the `column` of a correction that removes the row
TRUE_WORDS, FALSE_WORDS = {"true", "yes", "1"}, {"false", "no", "0"}


@dataclass(frozen=True)
class Known:
    """What a corrected value is checked against: the actors (story file and gazetteer) and the
    escalation lexicon's category labels of the run."""

    actors: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()


# A check reads the text of a correction's value: (the value to set, '') or (None, why not).
Check = Callable[[str, Known], tuple[object, str]]


def text(value: str, known: Known) -> tuple[object, str]:
    """Any text, spaces around it removed."""
    return value.strip(), ""


def one_of(*allowed: str) -> Check:
    """A value from a fixed list (kinds, statuses, modalities ...)."""

    def check(value: str, known: Known) -> tuple[object, str]:
        value = value.strip()
        if value in allowed:
            return value, ""
        return None, f"{value!r} is not one of: {', '.join(map(repr, allowed))}"

    return check


def actor(value: str, known: Known) -> tuple[object, str]:
    """An actor of the story file or the gazetteer, or '' (unknown)."""
    value = value.strip()
    if not value or value in known.actors:
        return value, ""
    return None, f"{value!r} is not an actor of the story file or the gazetteer ('' for unknown)"


def category(value: str, known: Known) -> tuple[object, str]:
    """A category label of the escalation lexicon in use."""
    value = value.strip()
    if value in known.categories:
        return value, ""
    return (
        None,
        f"{value!r} is not a category of the lexicon: {', '.join(sorted(known.categories))}",
    )


def boolean(value: str, known: Known) -> tuple[object, str]:
    """True / False (also yes / no, 1 / 0)."""
    word = value.strip().lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS, ""
    return None, f"{value!r} is not True or False"


def number(low: float, high: float) -> Check:
    """A finite number between `low` and `high` ('' for a vague figure's value)."""

    def check(value: str, known: Known) -> tuple[object, str]:
        if not value.strip():
            return math.nan, ""
        try:
            parsed = float(value.strip().replace(",", ""))
        except ValueError:
            return None, f"{value!r} is not a number"
        if not math.isfinite(parsed) or not low <= parsed <= high:
            return None, f"{value!r} is not a number between {low:g} and {high:g}"
        return parsed, ""

    return check


@dataclass(frozen=True)
class Reviewed:
    """A table the analyst can sample, mark and correct."""

    table: str
    id_column: str
    label: str  # what the Check page calls it
    fields: tuple[str, ...]  # fields marked one by one, beside the row as a whole
    shown: tuple[str, ...]  # columns shown with the row
    corrections: dict[str, Check] = field(default_factory=dict)  # column -> check of its value
    derived: dict[str, str] = field(default_factory=dict)  # column -> what to correct instead
    # a corrected column -> (the column worked out from it, how): set together, so they agree
    follows: dict[str, tuple[str, Callable[[object], object]]] = field(default_factory=dict)


_MODALITIES = ("asserted", "possible", "reported", "denied")
REVIEWED: dict[str, Reviewed] = {
    spec.table: spec
    for spec in (
        Reviewed(
            "figures",
            "figure_id",
            "Figures",
            ("value", "kind"),
            ("value_text", "value_low", "value_high", "kind", "subject", "actor", "claimant"),
            {
                "value_low": number(0, 1e15),
                "value_high": number(0, 1e15),
                "kind": one_of(*KINDS),
                "status": one_of("", *STATUSES),
                "subject": text,
                "actor": actor,
                "claimant": text,
                "modality": one_of(*_MODALITIES),
            },
        ),
        Reviewed(
            "quotes",
            "quote_id",
            "Quotes",
            ("speaker", "affiliation", "camp"),
            ("speaker", "affiliation", "camp", "kind", "text"),
            {"speaker": text, "affiliation": actor, "kind": one_of("direct", "reported")},
            {"camp": "affiliation (the camp follows it, or regroup camps on the Stance page)"},
        ),
        Reviewed(
            "escalation_hits",
            "hit_id",
            "Escalation hits",
            ("term", "negated"),
            ("matched", "term", "category", "negated", "voice", "speaker"),
            {"category": category, "negated": boolean, "voice": one_of("narrator", "quoted")},
        ),
        Reviewed(
            "events",
            "event_id",
            "Events",
            ("source", "event", "target"),
            ("words", "source", "event", "target", "agency", "negated", "modality", "voice"),
            {
                "source": actor,
                "target": actor,
                "event": one_of(*QUADS),
                "agency": one_of("active", "passive", "agentless"),
                "negated": boolean,
                "modality": one_of("asserted", "possible", "threatened", "planned", "alleged"),
            },
            {"quad": "event (the quad class follows it)"},
            {"event": ("quad", QUADS.__getitem__)},
        ),
        Reviewed(
            "tone",
            "tone_id",
            "Tone rows",
            ("actor", "score"),
            ("actor", "score", "escalation_hits"),
            {"actor": actor, "score": number(-1, 1)},
        ),
        Reviewed(
            "framing",
            "framing_id",
            "Framing",
            ("framing", "by"),
            ("claim", "framing", "by", "cue"),
            {"framing": one_of(*PRECEDENCE), "by": text},
        ),
        Reviewed(
            "people",
            "person_id",
            "People",
            ("name", "affiliation"),
            ("name", "title", "affiliation"),
            {"name": text, "affiliation": actor},
        ),
    )
}
