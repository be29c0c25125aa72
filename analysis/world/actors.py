"""The actors of any story: the world gazetteer (data/gazetteer/) plus what a story file adds.

Every country (names, demonyms, capital as metonym), the main international bodies, widely reported
armed groups and the institutions that stand for a country ("IDF", "Kremlin") are actors out of the
box, so a corpus about a story never seen before still has its actors. A story file
(analysis/world/story.py) adds aliases and people, groups actors into camps and names the claim. Used to
say who a speaker speaks for ("Sudanese army spokesman …" -> Sudan), which sentences mention an
actor (tone per actor), and which camp quoted words belong to.

Gazetteer format (one format for every file, so other files, e.g. other-language name forms, can be
merged the same way): `[actors."Name"]` tables with `kind` (country, international body, armed
group …), `demonym`, `aliases` (case-sensitive whole words) and `people` (full names). A table
naming an actor an earlier file already defines adds its aliases and people to it. The names an
actor has in another language live in that language's pack (`data/languages/<code>/names.toml`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

import ahocorasick

from analysis.world.toml_files import DATA_DIR, LexiconError, find_line, read_text, read_toml
from analysis.world.writing import PLAIN, Writing, fold_back, writing

GAZETTEER_DIR = DATA_DIR / "gazetteer"
GAZETTEER_FILES = ("countries.toml", "bodies.toml", "institutions.toml", "people.toml")
ACTOR_KEYS = {"kind", "demonym", "camp", "aliases", "people"}
_CLAIM_KEYS = {"label", "subject", "host", "forces"}
MEMO_LIMIT = 100_000  # results kept per memo (see Actors.memo); a huge corpus starts it afresh


@dataclass(frozen=True)
class Actor:
    """One actor: a country, body or armed group, with the names that stand for it."""

    name: str
    camp: str
    aliases: tuple[str, ...]
    people: tuple[str, ...]
    kind: str = ""
    demonym: str = ""


@dataclass(frozen=True)
class CoreClaim:
    """The story's core claim: `subject` actor's forces present in / sent to the `host` actor."""

    label: str
    subject: str
    host: str
    forces: tuple[str, ...]


class Mention(NamedTuple):
    """An alias of an actor found in a text (a named tuple: sentences make many of them)."""

    actor: str
    start: int
    end: int
    matched: str


# Mention(*fields) without the Python-level __new__ a named tuple has: what it calls, in C
_new_tuple = tuple.__new__


@dataclass
class Actors:
    """All actors, with a whole-word Aho-Corasick matcher over their aliases and officials' names.

    `camps` maps an actor to its camp (an actor in no camp is its own camp); `camp_labels` gives a
    camp the adjective summaries use ("West" -> "Western")."""

    actors: list[Actor]
    core_claim: CoreClaim | None = None
    camp_labels: dict[str, str] = field(default_factory=dict)
    # how the language of the names writes them: without word boundaries (Chinese) a name is found
    # inside a run of letters; [fold] characters stand for one another (traditional Chinese)
    writing: Writing = PLAIN
    _by_alias: dict[str, Actor] = field(default_factory=dict, repr=False)
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False)
    _people: dict[str, tuple[str, Actor]] = field(default_factory=dict, repr=False)
    _by_name: dict[str, Actor] = field(default_factory=dict, repr=False)
    _camps: dict[str, str] = field(default_factory=dict, repr=False)
    _capitalised: bool = field(default=False, repr=False)  # every alias holds a capital letter
    _memos: dict[str, dict] = field(default_factory=dict, repr=False)
    _folds: bool = field(default=False, repr=False)
    _prefixes: bool = field(default=False, repr=False)
    _bounded: bool = field(default=True, repr=False)

    def __post_init__(self) -> None:
        particles = self.writing.words.get("name_particles", frozenset())
        for actor in self.actors:
            self._by_name.setdefault(actor.name, actor)
            self._camps[actor.name] = actor.camp or actor.name
            for full in actor.people:  # the full name and every ending of it at a word start
                words = full.split(" ")  # (not one opening on a particle: 'الله' of 'نصر الله')
                endings = [i for i in range(1, len(words)) if words[i].lower() not in particles]
                for key in [full] + [" ".join(words[i:]) for i in endings]:
                    self._people.setdefault(key, (full, actor))
            for alias in (*actor.aliases, *actor.people):
                self._by_alias.setdefault(alias, actor)
                if alias.startswith("the "):  # "the West" also at a sentence start
                    self._by_alias.setdefault("T" + alias[1:], actor)
        self._capitalised = all(any(map(str.isupper, alias)) for alias in self._by_alias)
        self._folds, self._prefixes = self.writing.folds, bool(self.writing.prefixes)
        self._bounded = self.writing.word_boundaries
        self._compounds = self.writing.hyphen_compounds
        if self._by_alias:
            self._automaton = ahocorasick.Automaton()
            for alias, actor in self._by_alias.items():  # what a hit needs, in one value
                key = self.writing.matching(alias)[0]
                self._automaton.add_word(key, (len(key), alias, actor.name))
            self._automaton.make_automaton()

    @cached_property
    def bodies(self) -> frozenset[str]:
        """The names of the actors that are no country (`get(name).kind != 'country'`)."""
        return frozenset(name for name, actor in self._by_name.items() if actor.kind != "country")

    def get(self, name: str) -> Actor | None:
        """The actor called `name`, None when unknown."""
        return self._by_name.get(name)

    def camp(self, name: str) -> str:
        """Camp of the actor called `name` ('' when unknown; an actor in no camp is its own)."""
        return self._camps.get(name, "")

    def camp_label(self, camp: str) -> str:
        """How a summary names a camp's voices: the story's label, a lone country's demonym
        ('Israeli'), else the camp's name."""
        if camp in self.camp_labels:
            return self.camp_labels[camp]
        actor = self.get(camp)
        members = [a for a, c in self._camps.items() if c == camp]
        if actor is not None and actor.demonym and members == [camp]:
            return actor.demonym
        return camp

    def regrouped(self, camps: dict[str, str]) -> Actors:
        """The same actors with `camps` (actor -> camp) over the story's camps; the matcher is
        shared, so regrouping on the dashboard costs nothing."""
        other = copy.copy(self)
        other._camps = {**self._camps, **{a: c for a, c in camps.items() if a in self._by_name}}
        return other

    @property
    def camps(self) -> dict[str, str]:
        """Actor -> camp for every actor."""
        return dict(self._camps)

    def memo(self, kind: str) -> dict:
        """A store for results worked out from these actors and a short text alone (`kind` says
        which): names and titles recur across articles, so each is worked out once per process.
        Bounded: emptied when full."""
        store = self._memos.setdefault(kind, {})
        if len(store) >= MEMO_LIMIT:
            store.clear()
        return store

    def mentions(self, text: str) -> list[Mention]:
        """Every alias in `text`: whole words, case-sensitive, leftmost-longest, not overlapping."""
        if self._automaton is None or not text or (self._capitalised and text.islower()):
            return []  # no capital letter in the text: no alias in it
        kept = None
        if self._folds:  # the language's letters as matching reads them (text.toml): offsets kept
            text, kept = self.writing.matching(text)
        found = []
        last = len(text) - 1
        bounded = self._bounded
        for end, (length, alias, name) in self._automaton.iter(text):
            start = end - length + 1  # whole words: no letter, digit, _ or - beside it
            if (
                bounded
                and (
                    (
                        start
                        and ((char := text[start - 1]).isalnum() or char in "_-")
                        and not (self._prefixes and self.writing.prefixed(text, start))
                    )  # unless a listed prefix is written onto it ('لإسرائيل', 'בישראל')
                    or (
                        end < last
                        and ((char := text[end + 1]).isalnum() or char in "_-")
                        and not (
                            char == "-" and self._compounds and text[end + 2 : end + 3].isalpha()
                        )
                    )  # unless the language writes compounds onto names ('US-Präsident')
                )
            ):
                continue
            if kept is not None:
                raw_start, raw_end = fold_back(kept, start, end + 1)
                start, length = raw_start, raw_end - raw_start
            found.append((start, -length, alias, name))
        if not found:
            return []
        if len(found) == 1:  # most texts with an alias: its Mention at once
            start, negative_length, alias, name = found[0]
            return [_new_tuple(Mention, (name, start, start - negative_length, alias))]
        found.sort()
        mentions, reached = [], 0
        for start, negative_length, alias, name in found:
            if start >= reached:
                reached = start - negative_length
                mentions.append(_new_tuple(Mention, (name, start, reached, alias)))
        return mentions

    def person(self, name: str) -> tuple[str, Actor] | None:
        """(full name, actor) of a listed official written as `name` or by surname ('Rutte')."""
        return self._people.get(name)

    def affiliation(self, name: str, description: str = "") -> Actor | None:
        """Actor a speaker belongs to: a listed official first, else the first alias in title or name
        (worked out once per name and title: a speaker is named again and again)."""
        known = self.memo("affiliation")
        key = (name, description)
        if key not in known:
            known[key] = self._affiliation(name, description)
        return known[key]

    def _affiliation(self, name: str, description: str) -> Actor | None:
        if name:
            listed = self.person(name)
            if listed:
                return listed[1]
        for text in (description, name):
            for mention in self.mentions(text):
                if text is name and self.is_surname(name, mention):
                    continue
                return self._by_alias[mention.matched]
        return None

    def is_surname(self, name: str, mention: Mention) -> bool:
        """Whether `mention` ends a person's name rather than naming an actor: the name's last
        word after a capitalised word that is no actor and no function word ('Therese Kayikwamba
        Wagner', 'Richard Jordan'; not 'The Houthis', 'Yemen's Houthis')."""
        if mention.end != len(name) or name[mention.start - 1 : mention.start] != " ":
            return False
        before = name[: mention.start - 1].rsplit(" ", 1)[-1]
        return (
            before[:1].isupper()
            and before.casefold() not in self._function_words
            and not self.mentions(before)
        )

    @cached_property
    def _function_words(self) -> frozenset[str]:
        """English stop words and those of this list's language (a name never starts with one)."""
        return writing("en").words["stopwords"] | self.writing.words.get("stopwords", frozenset())


def strings(value: object, where: str, text: str, name: str) -> tuple[str, ...]:
    """A TOML value that must be a list of non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(
            name,
            f"{where} must be a list of non-empty strings",
            find_line(text, where.split(".")[-1]),
        )
    return tuple(v.strip() for v in value)


def actor_tables(data: dict, text: str, name: str) -> dict[str, dict]:
    """The validated `[actors."Name"]` tables of a parsed file: name -> {kind, demonym, camp,
    aliases, people}; an alias listed for two actors in one file is an error naming its line."""
    tables = data.get("actors", {})
    if not isinstance(tables, dict):
        raise LexiconError(name, 'actors must be [actors."Name"] tables', find_line(text, "actors"))
    found: dict[str, dict] = {}
    owner: dict[str, str] = {}
    for actor_name, table in tables.items():
        line = find_line(text, f'[actors."{actor_name}"]') or find_line(text, actor_name)
        if not isinstance(table, dict):
            raise LexiconError(name, f"actor {actor_name!r} must be a table", line)
        unknown = set(table) - ACTOR_KEYS
        if unknown:
            raise LexiconError(name, f"actor {actor_name!r}: unknown keys {sorted(unknown)}", line)
        for key in ("kind", "demonym", "camp"):
            if key in table and not isinstance(table[key], str):
                raise LexiconError(name, f"actor {actor_name!r}: {key} must be a string", line)
        aliases = strings(table.get("aliases", []), f"{actor_name}.aliases", text, name)
        people = strings(table.get("people", []), f"{actor_name}.people", text, name)
        for alias in (*aliases, *people):
            if owner.setdefault(alias, actor_name) != actor_name:
                raise LexiconError(
                    name,
                    f"{alias!r} is listed for {owner[alias]!r} and {actor_name!r}",
                    find_line(text, f'"{alias}"'),
                )
        found[actor_name] = {
            "kind": table.get("kind", "").strip(),
            "demonym": table.get("demonym", "").strip(),
            "camp": table.get("camp", "").strip(),
            "aliases": list(aliases),
            "people": list(people),
        }
    return found


def merge_tables(base: dict[str, dict], extra: dict[str, dict]) -> dict[str, dict]:
    """`base` with `extra` laid over it: a known actor gains aliases and people (an alias moves
    to it from any other actor), a new actor is added after the known ones."""
    merged = {
        n: {**t, "aliases": list(t["aliases"]), "people": list(t["people"])}
        for n, t in base.items()
    }
    claimed = {a for t in extra.values() for a in (*t["aliases"], *t["people"])}
    for table in merged.values():
        table["aliases"] = [a for a in table["aliases"] if a not in claimed]
        table["people"] = [p for p in table["people"] if p not in claimed]
    for actor_name, table in extra.items():
        known = merged.setdefault(
            actor_name, {"kind": "", "demonym": "", "camp": "", "aliases": [], "people": []}
        )
        for key in ("kind", "demonym", "camp"):
            known[key] = table[key] or known[key]
        known["aliases"] = list(dict.fromkeys(known["aliases"] + table["aliases"]))
        known["people"] = list(dict.fromkeys(known["people"] + table["people"]))
    return merged


@lru_cache(maxsize=1)
def gazetteer_tables() -> dict[str, dict]:
    """The shipped world gazetteer (countries, bodies, institutions), merged, parsed once. The names
    actors have in other languages are in each language pack's names.toml, added for the articles
    in that language (analysis/voices/packs.py actors_for)."""
    tables: dict[str, dict] = {}
    for path in [GAZETTEER_DIR / file_name for file_name in GAZETTEER_FILES]:
        text, display = read_text(path)
        tables = merge_tables(tables, actor_tables(read_toml(text, name=display), text, display))
    return tables


def build_actors(
    tables: dict[str, dict],
    *,
    first: list[str] | None = None,
    core_claim: CoreClaim | None = None,
    camp_labels: dict[str, str] | None = None,
) -> Actors:
    """Actors from merged tables; the actors named in `first` (a story's own) come first, in
    that order, so tables list them as the story file does."""
    order = list(dict.fromkeys([*(first or []), *tables]))
    actors = [
        Actor(
            n,
            tables[n]["camp"] or n,
            tuple(tables[n]["aliases"]),
            tuple(tables[n]["people"]),
            tables[n]["kind"],
            tables[n]["demonym"],
        )
        for n in order
        if n in tables
    ]
    return Actors(actors, core_claim, dict(camp_labels or {}))


def parse_core_claim(table: object, actors: Actors, text: str, name: str) -> CoreClaim | None:
    """The optional [core_claim] table, validated against the actor names."""
    if table is None:
        return None
    line = find_line(text, "[core_claim]")
    if not isinstance(table, dict) or set(table) - _CLAIM_KEYS:
        raise LexiconError(name, f"[core_claim] takes only the keys {sorted(_CLAIM_KEYS)}", line)
    for key in ("subject", "host"):
        if actors.get(str(table.get(key))) is None:
            raise LexiconError(name, f"[core_claim] {key} must name an actor", line)
    forces = strings(table.get("forces", []), "forces", text, name)
    label = str(table.get("label") or f"{table['subject']} forces in {table['host']}")
    return CoreClaim(label, table["subject"], table["host"], forces)


@lru_cache(maxsize=1)
def world() -> Actors:
    """Every actor of the gazetteer, each its own camp, no claim: the actors of a corpus without
    a story file."""
    return build_actors(gazetteer_tables())
