"""The event words of a language: data/languages/<code>/events.toml, loaded, validated and compiled.

One loader and validator for every language's file (the format is written at the top of
data/languages/en/events.toml): each PLOVER event type lists the verbs and nouns that carry it, in
the escalation lexicon's term grammar, and [grammar] says how the language marks the doer, the
target, a place, the passive, negation and modality. A mistake is a LexiconError naming the file
and the line. `event_pack(language)` is None for a language without a file: its articles get no
events, never English ones.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

import ahocorasick

from analysis.escalation.terms import normalise, term_forms
from analysis.world import languages
from analysis.world.toml_files import LexiconError, find_line, parse_toml, read_text
from analysis.world.writing import Writing, writing

# PLOVER's event types and their quad class (verbal / material x cooperation / conflict).
QUADS = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
ORDERS = ("SVO", "SOV", "VSO")
GRAMMAR_LISTS = (
    "agent",
    "target",
    "places",
    "passive",
    "negation",
    "modality",
    "threat",
    "plan",
    "speech",
    "pronouns",
    "first_person",
    "conjunctions",
    "noun_markers",
    "light_verbs",
    "clause_words",
    "inflections",
    "object_endings",
)
_EVENT_KEYS = {"verbs", "nouns", "with_objects", "objects"}
OBJECT_REACH = 60  # characters after a with_objects verb in which one of its objects must stand


class Trigger(NamedTuple):
    """A word or phrase that carries an event, as found in a text (offsets into that text); a
    tuple, made and hashed at C speed (a frozen dataclass is several times slower at both)."""

    event: str
    is_verb: bool
    is_noun: bool
    start: int
    end: int


_new_tuple = tuple.__new__  # what a named tuple's __new__ calls


@dataclass(frozen=True, eq=False)
class EventPack:
    """One language's compiled event words and grammar: `find` gives the triggers of a text; the
    grammar lists are lower-cased tuples of word tuples (phrases split into words), longest first."""

    language: str
    order: str
    automaton: ahocorasick.Automaton
    grammar: dict[str, tuple[tuple[str, ...], ...]]
    wide: bool  # some form has letters outside Latin-1: match in the (slower) every-script form
    objects: dict[str, ahocorasick.Automaton]  # event -> its objects (see with_objects)
    _endings: dict = field(default_factory=dict, repr=False)  # see `endings`

    @cached_property
    def writing(self) -> Writing:
        """How the language is written (text.toml): the prefixes a trigger may carry."""
        return writing(self.language)

    @cached_property
    def object_endings(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The case endings that make a name an object, never the doer (grammar list
        object_endings): written onto the name (Turkish 'Ruanda'yı', Korean '이스라엘을'), and,
        listed with a leading '-', onto the noun right after it ('M23 isyancılarını')."""
        endings = [phrase[0] for phrase in self.grammar.get("object_endings", ())]
        return (
            tuple(e for e in endings if not e.startswith("-")),
            tuple(e[1:] for e in endings if e.startswith("-")),
        )

    def phrases(self, key: str) -> tuple[tuple[str, ...], ...]:
        """The [grammar] list `key` as word tuples ('threatened to' -> ('threatened', 'to'))."""
        return self.grammar.get(key, ())

    @cached_property
    def by_last_word(self) -> dict[str, dict[str, tuple[tuple[str, ...], ...]]]:
        """Per [grammar] list: its phrases by their last word, longest first (a look-up per word
        instead of a scan of the list)."""
        index: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for key, phrases in self.grammar.items():
            for phrase in phrases:  # already longest first
                index.setdefault(key, {}).setdefault(phrase[-1], []).append(phrase)
        return {key: {w: tuple(p) for w, p in found.items()} for key, found in index.items()}

    def endings(self, keys: tuple[str, ...]) -> frozenset[str] | None:
        """The words a phrase of one of the [grammar] lists `keys` ends with, None when one of them
        holds a clitic (written onto a word: "n't"): a span holding none of them ends none."""
        if keys not in self._endings:
            clitics = any(self.clitics.get(key) for key in keys)
            words = {word for key in keys for word in self.by_last_word.get(key, ())}
            self._endings[keys] = None if clitics else frozenset(words)
        return self._endings[keys]

    @cached_property
    def clitics(self) -> dict[str, tuple[str, ...]]:
        """Per [grammar] list: its one-word entries written onto a word ("n't" of "didn't")."""
        return {
            key: tuple(p[0] for p in phrases if len(p) == 1 and p[0].startswith("n'"))
            for key, phrases in self.grammar.items()
        }

    def find(self, text: str) -> list[Trigger]:
        """Every trigger in `text` (any case and script): whole words, a wildcard stem running to
        the end of its word, leftmost-longest, not overlapping."""
        read = self.writing.lower(text)  # the language's folding ('أ' as 'ا'), same length
        low = normalise(read if len(read) == len(text) else text, wide=self.wide)
        return self._triggers(low, [0], [len(low)])[0]

    def find_each(self, texts: list[str]) -> list[list[Trigger]]:
        """`find` of each of `texts` (a sentence's offsets), read in one pass over them joined by
        spaces: a trigger never runs from one text into the next, so the triggers are the same."""
        joined = " ".join(texts)
        read = self.writing.lower(joined)
        if len(read) != len(joined):  # a text lower() lengthens is read as written: one by one
            return [self.find(text) for text in texts]
        firsts, lasts, at = [], [], 0
        for text in texts:
            firsts.append(at)
            at += len(text)
            lasts.append(at)
            at += 1
        return self._triggers(normalise(read, wide=self.wide), firsts, lasts)

    def _triggers(self, low: str, firsts: list[int], lasts: list[int]) -> list[list[Trigger]]:
        """The triggers of each text low[firsts[i]:lasts[i]] of the normalised `low`, offsets
        into that text."""
        found = []
        spaced = self.writing.word_boundaries  # Chinese: a term anywhere in a run of characters
        prefixed, single = self.writing.prefixed, len(firsts) == 1
        for end, (length, event, is_verb, is_noun, wildcard) in self.automaton.iter(low):
            start, stop = end - length + 1, end + 1
            which = 0 if single else bisect_right(firsts, start) - 1
            last = lasts[which]
            if stop > last:
                continue  # across the space between two texts: in neither
            inside = start and low[start - 1].isalnum() and not prefixed(low, start)
            if spaced and inside:
                continue  # inside a word, unless after a prefix the language writes on ('وأدانت')
            if wildcard and spaced:
                while stop < last and low[stop].isalnum():
                    stop += 1
            elif spaced and stop < last and low[stop].isalnum():
                continue
            if is_verb is None and not self._object_after(low, stop, event, last):
                continue
            found.append((start, -stop, event, bool(is_verb) or is_verb is None, is_noun, which))
        found.sort()
        triggers: list[list[Trigger]] = [[] for _ in firsts]
        reached = 0
        for start, negative_stop, event, is_verb, is_noun, which in found:
            if start >= reached:
                reached = -negative_stop
                first = firsts[which]
                triggers[which].append(  # Trigger(...) without its Python-level __new__
                    _new_tuple(Trigger, (event, is_verb, is_noun, start - first, reached - first))
                )
        return triggers

    def _object_after(self, low: str, stop: int, event: str, last: int) -> bool:
        """Whether one of the event's objects starts a word within OBJECT_REACH characters after
        `stop` ('launched about 100 drones at'), before `last` (the end of the sentence)."""
        window = low[stop : min(stop + OBJECT_REACH, last)]
        for end, length in self.objects[event].iter(window):
            start = end - length + 1
            if not start or not window[start - 1].isalnum():
                return True
        return False


def parse_event_pack(text: str, *, name: str, language: str) -> EventPack:
    """An EventPack from the TOML `text` of an events.toml (`name` is shown in errors)."""
    data = parse_toml(text, name=name)

    def fail(problem: str, needle: str = "") -> LexiconError:
        return LexiconError(name, problem, find_line(text, needle) if needle else None)

    grammar_table = data.pop("grammar", {})
    if not isinstance(grammar_table, dict):
        raise fail("[grammar] must be a table", "grammar")
    grammar, order = _grammar(grammar_table, fail)
    inflections = tuple(" ".join(p) for p in grammar.pop("inflections", ()))
    forms: dict[
        str, tuple[str, bool | None, bool, bool]
    ] = {}  # form -> event, verb, noun, wildcard
    objects: dict[str, list[str]] = {}  # event -> the normalised objects of its with_objects verbs
    for event, table in data.items():
        if event not in QUADS:
            raise fail(f"unknown event type {event!r} (one of {', '.join(QUADS)})", event)
        if not isinstance(table, dict) or set(table) - _EVENT_KEYS:
            raise fail(f"[{event}] may hold only verbs and nouns", event)
        for key in sorted(table):
            entries = table[key]
            if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
                raise fail(f"[{event}] {key} must be a list of strings", event)
            for entry in entries:
                if key == "objects":
                    objects.setdefault(event, []).extend(
                        _forms(entry, event, key, language, inflections, fail)[0]
                    )
                else:
                    _add_forms(forms, entry, event, key, language, inflections, fail)
        if bool(table.get("with_objects")) != bool(table.get("objects")):
            raise fail(f"[{event}] with_objects and objects go together", event)
    if not forms:
        raise fail("no event words: at least one [EVENT] table with verbs or nouns")
    if not writing(language).word_boundaries:  # Chinese: a phrase is read character by character
        grammar = {
            key: tuple(sorted({tuple("".join(p)) for p in phrases}, key=len, reverse=True))
            for key, phrases in grammar.items()
        }
    return _compile(language, order, forms, grammar, objects)


def _grammar(table: dict, fail) -> tuple[dict[str, tuple[tuple[str, ...], ...]], str]:
    """The validated [grammar] table: word lists as lower-cased word tuples, and the word order."""
    order = table.get("order", "SVO")
    if order not in ORDERS:
        raise fail(f"grammar.order must be one of {', '.join(ORDERS)}", "order")
    grammar = {}
    for key, value in table.items():
        if key == "order":
            continue
        if key not in GRAMMAR_LISTS:
            raise fail(f"unknown key grammar.{key} (known: order, {', '.join(GRAMMAR_LISTS)})", key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"grammar.{key} must be a list of non-empty strings", key)
        words = tuple(tuple(v.lower().split()) for v in value)
        grammar[key] = tuple(sorted(words, key=len, reverse=True))  # longest phrase first
    return grammar, order


def _forms(entry: str, event: str, key: str, language: str, inflections, fail):
    """The normalised forms of one entry (the escalation term grammar) and its wildcard flag."""
    endings = None if language == "en" else inflections or ("",)
    if key in ("nouns", "objects") and language == "en":
        endings = ("", "s", "es")  # an English noun's '+' is its plural, never 'attacked'
    try:
        return term_forms(entry, endings)
    except ValueError as error:
        raise fail(f"[{event}] {key}: {entry!r}: {error}", entry) from None


def _add_forms(forms: dict, entry: str, event: str, key: str, language: str, inflections, fail):
    """Every normalised form of one entry, checked against the forms of the other events. A
    with_objects verb is stored with is_verb None: it counts only with an object after it."""
    found, wildcard = _forms(entry, event, key, language, inflections, fail)
    for form in found:
        earlier = forms.get(form)
        if earlier and (earlier[0] != event or (earlier[1] is None) != (key == "with_objects")):
            raise fail(f"{entry!r} ({event} {key}) is also a word of {earlier[0]}", entry)
        if key == "with_objects":
            forms[form] = (event, None, False, wildcard)
            continue
        verb, noun = (earlier[1], earlier[2]) if earlier else (False, False)
        forms[form] = (event, verb or key == "verbs", noun or key == "nouns", wildcard)


def _compile(
    language: str, order: str, forms: dict, grammar: dict, objects: dict[str, list[str]]
) -> EventPack:
    """One Aho-Corasick automaton over every form (a phrase's spaces match one white space), and
    one over each event's objects."""
    folded = writing(language).folded  # forms are matched in the text's folded form
    automaton = ahocorasick.Automaton()
    for form, (event, is_verb, is_noun, wildcard) in forms.items():
        automaton.add_word(folded(form), (len(form), event, is_verb, is_noun, wildcard))
    automaton.make_automaton()
    object_automata = {}
    for event, words in objects.items():
        object_automata[event] = ahocorasick.Automaton()
        for word in words:
            object_automata[event].add_word(folded(word), len(word))
        object_automata[event].make_automaton()
    everything = [*forms, *(w for words in objects.values() for w in words)]
    wide = any(ord(c) > 255 for form in everything for c in form)
    return EventPack(language, order, automaton, grammar, wide, object_automata)


@lru_cache(maxsize=32)
def event_pack(language: str) -> EventPack | None:
    """The event words of `language` (ISO 639-1; '' reads as English), None without a file."""
    code = languages.code(language) or "en"
    path = languages.pack_file(code, "events.toml")
    if path is None:
        return None
    text, name = read_text(path, name=languages.display_name(path))
    return parse_event_pack(text, name=name, language=code)
