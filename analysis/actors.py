"""The actors of a story (data/lexicons/actors.toml): aliases, officials and camps.

Used to say who a speaker speaks for ("Ukrainian Foreign Minister Andrii Sybiha" -> Ukraine, camp
Ukraine), which sentences mention an actor (tone per actor) and what the story's core claim is. The
file is editable like the escalation lexicon and read through the same validator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.lexicon import LexiconError, find_line, read_text, read_toml

ACTORS_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "actors.toml"
_ACTOR_KEYS = {"camp", "aliases", "people"}
_CLAIM_KEYS = {"label", "subject", "host", "forces"}


@dataclass(frozen=True)
class Actor:
    """One side of the story: a country, alliance or body, with the names that stand for it."""

    name: str
    camp: str
    aliases: tuple[str, ...]
    people: tuple[str, ...]


@dataclass(frozen=True)
class CoreClaim:
    """The story's core claim: `subject` actor's forces present in / sent to the `host` actor."""

    label: str
    subject: str
    host: str
    forces: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """An alias of an actor found in a text."""

    actor: str
    start: int
    end: int
    matched: str


@dataclass
class Actors:
    """All actors, with a whole-word matcher over their aliases and officials' names."""

    actors: list[Actor]
    core_claim: CoreClaim | None = None
    _by_alias: dict[str, Actor] = field(default_factory=dict, repr=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _people: dict[str, tuple[str, Actor]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for actor in self.actors:
            for full in actor.people:  # the full name and every ending of it at a word start
                words = full.split(" ")
                for key in [full] + [" ".join(words[i:]) for i in range(1, len(words))]:
                    self._people.setdefault(key, (full, actor))
            for alias in (*actor.aliases, *actor.people):
                self._by_alias.setdefault(alias, actor)
                if alias.startswith("the "):  # "the West" also at a sentence start
                    self._by_alias.setdefault("T" + alias[1:], actor)
        names = sorted(self._by_alias, key=len, reverse=True)
        if names:
            alternation = "|".join(re.escape(n) for n in names)
            self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")

    def get(self, name: str) -> Actor | None:
        """The actor called `name` (its table name in actors.toml), None when unknown."""
        return next((a for a in self.actors if a.name == name), None)

    def camp(self, name: str) -> str:
        """Camp of the actor called `name`, '' when unknown."""
        actor = self.get(name)
        return actor.camp if actor else ""

    def mentions(self, text: str) -> list[Mention]:
        """Every alias in `text`, whole words, case-sensitive, longest first."""
        if self._pattern is None:
            return []
        return [
            Mention(self._by_alias[m.group(0)].name, m.start(), m.end(), m.group(0))
            for m in self._pattern.finditer(text)
        ]

    def person(self, name: str) -> tuple[str, Actor] | None:
        """(full name, actor) of a listed official written as `name` or by surname ('Rutte')."""
        return self._people.get(name)

    def affiliation(self, name: str, description: str = "") -> Actor | None:
        """Actor a speaker belongs to: a listed official first, else the first alias in name or title."""
        if name:
            listed = self.person(name)
            if listed:
                return listed[1]
        for text in (description, name):
            found = self.mentions(text)
            if found:
                return self._by_alias[found[0].matched]
        return None


def _strings(value: object, where: str, text: str, name: str) -> tuple[str, ...]:
    """A TOML value that must be a list of non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            name, f"{where} must be a list of non-empty strings", find_line(text, where)
        )
    return tuple(v.strip() for v in value)


def parse_actors(text: str, name: str = "<editor>") -> Actors:
    """Build Actors from TOML text; any problem is a LexiconError naming the line."""
    data = read_toml(text, name=name)
    tables = data.get("actors")
    if not isinstance(tables, dict) or not tables:
        raise LexiconError(name, 'no [actors."Name"] tables')
    actors: list[Actor] = []
    owner: dict[str, str] = {}
    for actor_name, table in tables.items():
        line = find_line(text, f'[actors."{actor_name}"]') or find_line(text, actor_name)
        if not isinstance(table, dict):
            raise LexiconError(name, f"actor {actor_name!r} must be a table", line)
        unknown = set(table) - _ACTOR_KEYS
        if unknown:
            raise LexiconError(name, f"actor {actor_name!r}: unknown keys {sorted(unknown)}", line)
        camp = table.get("camp")
        if not isinstance(camp, str) or not camp.strip():
            raise LexiconError(name, f"actor {actor_name!r} needs a camp", line)
        aliases = _strings(table.get("aliases", []), f"{actor_name}.aliases", text, name)
        people = _strings(table.get("people", []), f"{actor_name}.people", text, name)
        for alias in (*aliases, *people):
            if owner.setdefault(alias, actor_name) != actor_name:
                raise LexiconError(
                    name,
                    f"{alias!r} is listed for {owner[alias]!r} and {actor_name!r}",
                    find_line(text, f'"{alias}"'),
                )
        actors.append(Actor(actor_name, camp.strip(), aliases, people))
    return Actors(actors, _core_claim(data.get("core_claim"), tables, text, name))


def _core_claim(table: object, actors: dict, text: str, name: str) -> CoreClaim | None:
    """The optional [core_claim] table, validated against the actor names."""
    if table is None:
        return None
    line = find_line(text, "[core_claim]")
    if not isinstance(table, dict) or set(table) - _CLAIM_KEYS:
        raise LexiconError(name, f"[core_claim] takes only the keys {sorted(_CLAIM_KEYS)}", line)
    for key in ("subject", "host"):
        if table.get(key) not in actors:
            raise LexiconError(name, f"[core_claim] {key} must name an actor", line)
    forces = _strings(table.get("forces", []), "forces", text, name)
    label = str(table.get("label") or f"{table['subject']} forces in {table['host']}")
    return CoreClaim(label, table["subject"], table["host"], forces)


def load_actors(path: str | Path | None = None) -> Actors:
    """Actors from `path`, or the shipped data/lexicons/actors.toml when None."""
    text, display = read_text(Path(path) if path is not None else ACTORS_PATH)
    return parse_actors(text, name=display)
