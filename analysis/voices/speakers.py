"""Speakers: who a noun phrase next to a speech verb names, with titles, pronouns and full names.

Used by analysis/voices/quotes.py. A subject is read back from the speech verb ("Nato Secretary-General Mark
Rutte said", "Andriy Yermak, the president's chief of staff, said", "the minister said") and resolved
to a person or a body: titles give the affiliation ("Ukrainian Foreign Minister …" -> Ukraine),
pronouns and titles point back at the last matching speaker, and names are written in full as the
article first gives them ("Starmer" -> "Keir Starmer").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.ingest.text import Sentence
from analysis.voices.home import after_dateline, home_actor, sentence_place
from analysis.voices.phrases import (
    NON_PERSON_WORDS,
    PERSON_TITLES,
    POSSESSOR_RE,
    PRONOUNS,
    WORDS,
    is_appositive,
    phrase_parts,
    split_name,
    strip_determiner,
    subject_of,
    valid_np,
    without_discourse_word,
)
from analysis.voices.words import words_re
from analysis.world.actors import Actor, Actors

_HOME_TITLES = WORDS.home_titles
# the words of a description after 'and' ('his counterpart, Y', 'a research organization')
_ROLE_OR_BODY_WORDS = PERSON_TITLES | NON_PERSON_WORDS
# a wire dateline opening the text: 'NIAMEY —', 'SRINAGAR/ISLAMABAD, May 9 (Wire) -'
# what may stand before a sentence's subject: a place or time set off by a comma, a few
# lower-case words of a role ('In Bartica, fisherman (Devon Ram said …)')
_OPENING_RE = re.compile(
    r"(?:(?:In|At|From|On|After|Before|During)\s+[^,]{1,40},\s+)?(?:[a-z][\w'’-]*\s+){0,3}"
)
_INSTITUTION_RE = words_re(WORDS.institutions)

_NAME_RUN_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el|ad|ar|as|an|at|az)-[A-Z][\w'’-]*|"
    r"de|von|der|van|bin|ibn|al))+"
)  # two words or more: one word is never a full name
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s)?\.?$")  # "Keir Starmer's" / "Keir Starmer."


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: name as written in full, title/description, actor, person or body."""

    name: str
    description: str
    actor: Actor | None
    is_person: bool

    def __init__(self, name: str, description: str, actor: Actor | None, is_person: bool) -> None:
        # the fields set at once (as text.Sentence does): some thirty speakers an article
        self.__dict__.update(name=name, description=description, actor=actor, is_person=is_person)


@dataclass
class Context:
    """What the article has said so far: full names, recent speakers and people, for coreference."""

    actors: Actors
    full_names: dict[str, str] = field(default_factory=dict)
    # a full name -> the actor of the title the article first wrote before it (pack languages)
    name_sides: dict[str, Actor] = field(default_factory=dict)
    recent: list[tuple[int, Speaker]] = field(default_factory=list)
    last_person: tuple[int, Speaker] | None = None
    # text -> the people it names: one article's memo, shared with its people table (people.py)
    named: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict, repr=False)
    subjects: dict[str, str | None] = field(default_factory=dict, repr=False)
    opening: list[Sentence] = field(default_factory=list, repr=False)  # for `home`
    headline: str = ""  # the article's title when it is kept apart from its sentences
    press_home: str = ""  # the country a language's press is of (a pack's home_country)
    _home: list[Actor | None] = field(default_factory=list, repr=False)
    # the sentence being read and its language's place words, for its place (worked out when a
    # speaker first needs it: most sentences have none who does)
    sentence: tuple[str, frozenset[str]] = ("", frozenset())
    position: int = 0  # the index of the sentence being read
    _places: dict[str, Actor | None] = field(default_factory=dict, repr=False)

    @property
    def home(self) -> Actor | None:
        """The country of the sentence being read: the one it opens in ('In Washington, …'), else
        the article's home country (home_actor of its opening sentences, worked out when a
        speaker first needs it)."""
        text, openers = self.sentence
        if text not in self._places:
            self._places[text] = sentence_place(text, openers, self.actors)
        if self._places[text] is not None:
            return self._places[text]
        if not self._home:
            self._home.append(home_actor(self.opening, self.actors, self.headline, self.press_home))
        return self._home[0]

    def read_sentence(self, text: str, openers: frozenset[str]) -> None:
        """Note the sentence being read and its language's place words: `home` gives the place
        it opens in (home.sentence_place), when a speaker first asks."""
        self.sentence = (text, openers)

    def people_in(self, text: str) -> list[tuple[str, str, int]]:
        """(title, full name, offset) of the people `text` names, found once per text."""
        found = self.named.get(text)
        if found is None:
            found = self.named[text] = _person_names(text, self.actors)
        return found

    def subject_of(self, before: str) -> str | None:
        """`subject_of(before)`, worked out once per text of the article (a sentence's speech
        verb is read both for the quote beside it and for reported speech)."""
        if before not in self.subjects:  # never the wire dateline before it ('… (Wire) - X')
            self.subjects[before] = subject_of(before[after_dateline(before) :])
        return self.subjects[before]

    def remember(self, index: int, speaker: Speaker, subject: bool = False) -> None:
        """Note a speaker or person; a speaker or sentence subject becomes the pronoun target."""
        self.recent.append((index, speaker))
        if speaker.is_person and subject:
            self.last_person = (index, speaker)


def resolve(phrase: str, context: Context, position: int) -> Speaker | None:
    """The speaker a noun phrase names: a person, a body, or the earlier speaker it refers to."""
    actors = context.actors
    parts = phrase_parts(phrase)
    if not parts:
        return None
    if parts[0].lower() in PRONOUNS:
        last = context.last_person
        return last[1] if last and last[0] >= position - 8 else None
    for k, part in enumerate(parts):
        title, name = split_name(part)
        if not name or is_appositive(part):  # "…, known as HUR": the name is the other part
            continue
        description = ", ".join(p for i, p in enumerate(parts) if i != k)
        description = " ".join(x for x in (title, description) if x)
        if " " not in name and actors.person(name) is None and actors.mentions(part):
            # a body: "the West" keeps its article, "The Kremlin" is "Kremlin"
            the = [m.matched for m in actors.mentions(part) if m.matched.lower().startswith("the ")]
            body = "the " + the[0][4:] if the else name
            return Speaker(body, description, actors.affiliation("", part), False)
        full = context.full_names.get(name, name) if " " not in name else name
        listed = actors.person(full)
        full = listed[0] if listed and " " not in name and full == name else full
        actor = (
            actors.affiliation(full, f"{description} {part}")
            or _known_side(full, context)
            or _context_side(description, context, position)
            or _home_side(description, context, full)
        )
        if actor is not None and actor.kind == "country" and civil(description):
            actor = None  # 'a Cameroon researcher': where they work or what they study
        return Speaker(full, description, actor, True)
    speaker = _described(
        next((p for p in parts if not is_appositive(p)), parts[0]), context, position
    )
    if speaker.actor is None and len(parts) > 1:  # "UKMTO, Britain's maritime trade agency"
        side = actors.affiliation("", " ".join(parts))
        speaker = Speaker(speaker.name, speaker.description, side, speaker.is_person)
    return speaker


def civil(description: str) -> bool:
    """Whether a description's title is a role of civil life ('researcher', 'resident') and none
    of office: a country beside it is no side."""
    words = [
        w.strip(",.'’").lower().removesuffix("'s").removesuffix("’s") for w in description.split()
    ]
    return any(w in WORDS.civil_titles for w in words) and not any(w in _HOME_TITLES for w in words)


def _known_side(full: str, context: Context) -> Actor | None:
    """The actor the article already gave this person ('Indian Prime Minister Narendra Modi …',
    later 'Modi added')."""
    return next((s.actor for _, s in reversed(context.recent) if s.name == full and s.actor), None)


def _known_title(full: str, context: Context) -> str:
    """The title the article gave this person before ('President Mohamed Bazoum', later
    'Bazoum said'), '' if none."""
    return next((s.description for _, s in reversed(context.recent) if s.name == full), "")


def _described(description: str, context: Context, position: int) -> Speaker:
    """A speaker given only by a description: 'the minister' -> the last minister named."""
    actors = context.actors
    affiliation = actors.affiliation("", description)
    head = description.split()[-1]  # a body's own name ('the China Coast Guard'), no title
    named = head[0].isupper() and head.lower() not in PERSON_TITLES and " " in description
    if description.lower().startswith("the ") and len(description.split()) <= 6 and not named:
        head = head.lower()
        recent = [s for i, s in reversed(context.recent) if i >= position - 10]
        for speaker in recent:
            if head in f"{speaker.description} {speaker.name}".lower():
                return speaker
        if affiliation and head in PERSON_TITLES:  # 'the UN human rights office' is no person
            for speaker in recent:
                if speaker.is_person and speaker.actor == affiliation:
                    return speaker
        last = context.last_person
        same_side = affiliation is None or (last and last[1].actor == affiliation)
        if last and last[0] >= position - 3 and head in PERSON_TITLES and same_side:
            return last[1]
    # "Ukrainian President Volodymyr Zelensky's office" -> "Volodymyr Zelensky's office"
    possessor = POSSESSOR_RE.match(description)
    if possessor:
        name = split_name(possessor.group("owner"))[1]
        full = context.full_names.get(name, name) if " " not in name else name
        if full and " " in full:
            owned = f"{full}{possessor.group('mark')} {possessor.group('rest')}"
            return Speaker(owned, description, actors.affiliation(full, description), False)
    affiliation = (
        affiliation
        or _context_side(description, context, position)
        or _home_body(description, context)
    )
    return Speaker(strip_determiner(description), description, affiliation, False)


def _home_body(description: str, context: Context) -> Actor | None:
    """The home country for an institution named without one ('the army's media wing said' in a
    story datelined ISLAMABAD, 'Defence Headquarters said') and with no other name in it."""
    if not _INSTITUTION_RE.search(description.lower()):
        return None
    named = any(
        w[:1].isupper() and w.lower() not in WORDS.titles and w.lower() not in NON_PERSON_WORDS
        for w in description.split()[1:]
    )
    return None if named else context.home


def resolve_all(phrase: str, context: Context, position: int) -> list[Speaker]:
    """The speakers a phrase names: two for 'X and Y' ('Philippine Defence Secretary Gilberto
    Teodoro and his Japanese counterpart, Minoru Kihara'), one otherwise, none for no speaker."""
    pieces = phrase.split(" and ") if " and " in phrase else [phrase]
    if len(pieces) != 2 or not _two_speakers(*pieces, context.actors):
        pieces = [phrase]
    found = [resolve(piece, context, position) for piece in pieces]
    return [speaker for speaker in found if speaker is not None]


def _two_speakers(left: str, right: str, actors: Actors) -> bool:
    """Whether 'left and right' names two speakers: a person's full name before 'and'
    ('Gilberto Teodoro and his Japanese counterpart'), a description after it, or two actors
    ('Russia and China'); not one body ('Peace and Security Council', 'Trinidad and Tobago')."""
    if not (valid_np(left) and valid_np(right)):
        return False
    name = split_name(phrase_parts(left)[-1])[1].split()
    person = len(name) >= 2 and not any(
        "'" in w or "’" in w or w.isupper() or w.lower() in NON_PERSON_WORDS for w in name
    )
    head = phrase_parts(right)[0].lower()  # 'his counterpart, Y', 'a research organization';
    described = right[0].islower() and (  # not '… for peace and security, Y'
        any(w.strip(",.") in _ROLE_OR_BODY_WORDS for w in head.split())
    )
    if described or person:
        return True
    return all(
        (found := actors.mentions(piece)) and found[0].matched == piece for piece in (left, right)
    )


def _context_side(description: str, context: Context, position: int) -> Actor | None:
    """The actor a description takes from the article when it names none: 'his spokesman' is
    on the side of the person just named, 'a spokeswoman for the ministry' on that of the
    ministry the article named ("Cambodia's Ministry of National Defence said …")."""
    lower = description.lower()
    words = lower.split()[:3]  # 'Its spokesman', 'Commander Its spokesman' (title first)
    first = next((w for w in words if w in WORDS.person_possessives | WORDS.body_possessives), "")
    if first in WORDS.person_possessives:
        last = context.last_person
        return last[1].actor if last and last[0] >= position - 3 else None
    if first in WORDS.body_possessives:  # 'Its spokesman': the body (or person) just quoted
        recent = [s for i, s in reversed(context.recent) if i >= position - 3 and s.actor]
        return recent[0].actor if recent else None
    bodies = _INSTITUTION_RE.findall(lower)
    for body in bodies:
        for _, speaker in reversed(context.recent):
            if speaker.actor and body in f"{speaker.name} {speaker.description}".lower():
                return speaker.actor
    if bodies:  # 'Rwanda denied the charge. “…,” government spokeswoman X said': that country's
        spoken = (s for i, s in reversed(context.recent) if i >= position - 1 and not s.is_person)
        country = next((s.actor for s in spoken if s.actor and s.actor.kind == "country"), None)
        if country is not None:
            return country
    return None


def _home_side(description: str, context: Context, full: str = "") -> Actor | None:
    """The home country for a person given a state title alone ('Prime Minister', 'Colonel-Major',
    'Ousted President'; with no title here, the one the article gave `full` before): no other body
    named ('of', 'for', "'s"; a state title's own possessive is none: "the prime minister's press
    secretary")."""
    words = (description or _known_title(full, context)).lower().replace("’", "'").split()
    if not any(w in _HOME_TITLES for w in words):
        return None
    owner = any(  # 'the prime minister's …', 'the army's spokesman': the home's own
        w.endswith("'s") and w[:-2] not in _HOME_TITLES and not _INSTITUTION_RE.fullmatch(w[:-2])
        for w in words
    )
    if owner or any(w in ("of", "for", "to") for w in words):
        return None
    return context.home


def _person_names(text: str, actors: Actors) -> list[tuple[str, str, int]]:
    """(title, full name, offset) of people named in a text ('Russian President Vladimir Putin')."""
    runs = actors.memo("person runs")
    found = []
    at = 0  # the runs as strings (no match objects); a run's offset is where it next occurs,
    for run in _NAME_RUN_RE.findall(text):  # as the pattern would match it there first
        person = runs.get(run, False)
        if person is False:
            person = runs[run] = _person_of_run(run, actors)
        start = text.find(run, at)
        at = start + len(run)
        if person is not None:
            found.append((*person, start))
    return found


def _person_of_run(run: str, actors: Actors) -> tuple[str, str] | None:
    """(title, full name) of the person a run of capitalised words names, None when it names
    none (a body, a place, an acronym)."""
    title, name = split_name(without_discourse_word(run))
    words = name.split()
    if len(words) < 2 or any(w.lower() in NON_PERSON_WORDS or w.isupper() for w in words):
        return None
    found = actors.mentions(name)
    if actors.person(name) is None and any(not actors.is_surname(name, m) for m in found):
        return None  # a body or a place; a surname that is an alias is the person's (Wagner)
    return title, _POSSESSIVE_END_RE.sub("", name)


def full_names(sentences: list[Sentence], context: Context) -> dict[str, str]:
    """Surname -> the full name the article first gives ('Starmer' -> 'Keir Starmer'); a first
    name only one full name of the article has, too, for the press that calls people by it
    ('Gemechu' -> 'Gemechu Tolosa' in Ethiopian and Eritrean usage)."""
    names: dict[str, str] = {}
    firsts: dict[str, set[str]] = {}
    for sentence in sorted(sentences, key=lambda s: (s.is_boilerplate, s.index)):
        for _, name, _ in context.people_in(sentence.text):
            words = name.split()
            names.setdefault(words[-1], name)
            if len(words) > 1:
                firsts.setdefault(words[0], set()).add(name)
    for first, full in firsts.items():
        if len(full) == 1 and first not in names:
            names[first] = next(iter(full))
    return names


def remember_people(text: str, position: int, context: Context) -> None:
    """Record the people a sentence names; a sentence-initial person becomes the pronoun target."""
    for title, name, offset in context.people_in(text):
        speaker = Speaker(name, title, context.actors.affiliation(name, title), True)
        opens = offset == 0 or _OPENING_RE.fullmatch(text, 0, offset) is not None
        context.remember(position, speaker, subject=opens and bool(name))
