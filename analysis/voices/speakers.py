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
from functools import lru_cache

from analysis.ingest.patterns import by_first_letter
from analysis.ingest.text import Sentence
from analysis.world.actors import Actor, Actors

MASK = "\ue000"  # private-use character: never in article text
SUBJECT_WINDOW = 300  # characters before a speech verb searched for its subject
# Finite speech verbs that attribute a quote next to them ("X said", "X called it “…”").
CUES = (
    r"told reporters|told journalists|went on to say|said|says|say|told|tells|added|adds|continued|"
    r"deny|warned|warns|stressed|stresses|noted|notes|explained|insisted|argued|claimed|claims|stated|"
    r"declared|wrote|writes|posted|tweeted|announced|confirmed|confirms|denied|denies|dismissed|"
    r"called|calls|described|describes|branded|urged|asked|replied|responded|acknowledged|"
    r"admitted|emphasized|emphasised|underlined|suggested|accused|criticized|criticised|affirmed|"
    r"condemned|denounced|"
    r"promised|vowed|pledged|threatened|reiterated|recalled|conceded|observed|remarked|commented|"
    r"hoped|believes|believed|predicted|estimated|hinted|reported"
)

CUE_RE = re.compile(rf"\b(?:{by_first_letter(CUES)})\b")
_TRAILING_ADVERBS_RE = re.compile(
    r"(?:,?\s+(?:also|then|later|further|again|previously|earlier|now|first|recently|repeatedly|"
    r"reportedly|not|never|had|has|have|was|were|is|are|would|will|did|does|do|however,?|meanwhile,?|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+\s+\d{1,2})|"
    r"(?:last|this)\s+(?:week|month|year)|in\s+a\s+statement|in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
    r"|,)\s*$"
)
_CLAUSE_WORDS = (
    "that|while|when|because|if|although|whereas|since|after|before|where|which|what|But|And"
)
# ('as' stands apart: no other word here matches where a whole-word 'as' does)
_CLAUSE_BOUNDARY_RE = re.compile(
    rf"[;:—–()\[\]{MASK}\"“”«»„]|,\s|"
    rf"\b(?:(?<!known )(?<!such )as|{by_first_letter(_CLAUSE_WORDS + '|' + CUES)})\b"
)
_COORDINATION_RE = re.compile(r"\b(?:and|but)$", re.I)
_LEAD_NAME_RE = re.compile(r"(?:(?:the|a|an)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_DETERMINER_RE = re.compile(
    r"^(?:the|a|an|one|another)\s+(?:(?:latest|newest|most\s+recent|recent|new|last)\s+)?", re.I
)
PREPOSITION_START_RE = re.compile(
    r"^(?:on|in|at|during|after|before|while|from|to|with|by|for|about|of|via)\b", re.I
)
_TRAILING_PP_RE = re.compile(
    r"\s+(?:in|at|on|during|after|before|while|from|with|on behalf of|via)\s+.*$"
)
_STATEMENT_BY_RE = re.compile(
    r"^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|post|message|interview)\s+"
    r"(?:published|issued|released|posted|given)?\s*(?:by|from)\s+",
    re.I,
)
PRONOUNS = {"he", "she", "him", "her"}
_DETERMINERS = {"the", "a", "an"}
_PREPOSITIONS = {"to", "of", "for", "in", "at", "from", "with", "on", "by"}
_NOT_SPEAKERS = {"it", "this", "that", "there", "they", "we", "i", "you", "which", "who", "what"}
_POSSESSOR_RE = re.compile(
    r"^(?P<owner>(?:[A-Z][\w.-]*\s+)*[A-Z][\w-]+)(?P<mark>['’]s)\s+(?P<rest>[a-z].*)$"
)
_TITLE_WORDS = frozenset(
    """president vice prime minister foreign defence defense secretary general secretary-general
    chancellor chief leader ambassador spokesman spokeswoman spokesperson commander director head
    deputy king queen senator sen. rep. governor mayor envoy representative premier sir dame lord mr
    mr. mrs mrs. ms ms. dr dr. prof prof. admiral adm. gen. colonel col. major maj. captain capt.
    lieutenant lt. sergeant marshal field supreme high commissioner chairman chair speaker press
    former new designated acting interim top senior state affairs ministry office service agency
    department council command staff intelligence military army navy government parliament
    administration official officials presidential national security brigadier member special
    coordinator humanitarian cabinet analyst chairwoman chairperson opposition director-general
    under-secretary-general""".split()
)
_NOT_NAME = _TITLE_WORDS | _DETERMINERS
_DISCOURSE = frozenset(
    """meanwhile however still moreover also separately earlier later yesterday today now then
    instead nevertheless additionally furthermore indeed overall initially previously recently
    finally first second third thus therefore so but and""".split()
)
# Plural speakers reported without a name: "officials said", "analysts say", "lawmakers told".
_GROUP_SPEAKERS = frozenset(
    """officials analysts experts diplomats lawmakers sources residents witnesses observers critics
    officers commanders soldiers military government authorities intelligence""".split()
)
_PERSON_TITLES = frozenset(
    """president minister leader chancellor secretary-general secretary spokesman spokeswoman
    spokesperson ambassador envoy premier chief commander general official""".split()
)
_NON_PERSON_WORDS = frozenset(
    """council conference parliament peninsula house union nations region republic party army forces
    summit board policy daily express ministry agency service office command university institute
    times post news journal network channel court sea ocean oblast front""".split()
)
_NAME_RUN_RE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el|ad|ar|as|an|at|az)-[A-Z][\w'’-]*|"
    r"de|von|der|van|bin|ibn|al))+"
)  # two words or more: one word is never a full name
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s)?\.?$")  # "Keir Starmer's" / "Keir Starmer."
# Lower-case name particles: "Yasser al-Atta", "Faisal bin Farhan", "Ursula von der Leyen".
_PARTICLE_RE = re.compile(r"^(?:(?:al|el|ad|ar|as|an|at|az)-[A-Z][\w'’-]*|de|von|der|van|bin|ibn)$")


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
    recent: list[tuple[int, Speaker]] = field(default_factory=list)
    last_person: tuple[int, Speaker] | None = None
    # text -> the people it names: one article's memo, shared with its people table (people.py)
    named: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict, repr=False)
    subjects: dict[str, str | None] = field(default_factory=dict, repr=False)

    def people_in(self, text: str) -> list[tuple[str, str, int]]:
        """(title, full name, offset) of the people `text` names, found once per text."""
        found = self.named.get(text)
        if found is None:
            found = self.named[text] = _person_names(text, self.actors)
        return found

    def subject_of(self, before: str) -> str | None:
        """`subject_of(before)`, worked out once per text of the article (a sentence's speech
        verb is read both for the quote beside it and for reported speech)."""
        if before not in self.subjects:
            self.subjects[before] = subject_of(before)
        return self.subjects[before]

    def remember(self, index: int, speaker: Speaker, subject: bool = False) -> None:
        """Note a speaker or person; a speaker or sentence subject becomes the pronoun target."""
        self.recent.append((index, speaker))
        if speaker.is_person and subject:
            self.last_person = (index, speaker)


def subject_of(before: str) -> str | None:
    """The subject of a speech verb, from the text before it ('…, Andriy Yermak, the …, ')."""
    text = before[-SUBJECT_WINDOW:].rstrip()
    while True:
        stripped = _TRAILING_ADVERBS_RE.sub("", text).rstrip()
        if stripped == text:
            break
        text = stripped
    coordination = _COORDINATION_RE.search(text, max(0, len(text) - 3))  # 'and'/'but' at the end
    if coordination:
        clause = text[: coordination.start()]
        cues = list(CUE_RE.finditer(clause))
        if cues:
            return subject_of(clause[: cues[-1].start()])
        bounds = list(_CLAUSE_BOUNDARY_RE.finditer(clause))
        lead = clause[bounds[-1].end() if bounds else 0 :].strip()
        match = _LEAD_NAME_RE.match(_without_discourse_word(lead))
        return match.group(0) if match and valid_np(match.group(0)) else None
    bounds = list(_CLAUSE_BOUNDARY_RE.finditer(text))
    last = _without_discourse_word(text[bounds[-1].end() if bounds else 0 :].strip())
    if bounds and bounds[-1].group(0).startswith(",") and _is_appositive(last):
        previous = text[bounds[-2].end() if len(bounds) > 1 else 0 : bounds[-1].start()].strip()
        if valid_np(previous) and not _is_appositive(previous):
            return f"{previous}, {last}"
    return last if valid_np(last) else None


@lru_cache(maxsize=65536)
def _is_appositive(phrase: str) -> bool:
    """'the president's chief of staff', 'speaking in Rio', 'who leads ...'."""
    words = phrase.split()
    if not words or not words[0][0].islower():
        return False
    titled = any(w.lower().strip(",.") in _PERSON_TITLES for w in words[:6])
    if titled and not _split_name(phrase)[1]:
        return True  # "spokesperson for the Taiwan Affairs Office", "the U.S. special envoy"
    if words[0] in _DETERMINERS:  # "the president's chief of staff", not "the EU states"
        return len(words) > 1 and words[1][0].islower()
    return words[0].endswith(("ing", "ed")) or words[0] in {"who", "whose", "known", "also"}


@lru_cache(maxsize=65536)
def valid_np(phrase: str) -> bool:
    """Could `phrase` name a speaker (a name, a pronoun, a titled description)?"""
    words = phrase.split()
    if not 0 < len(words) <= 12 or MASK in phrase:
        return False
    first = words[0].lower() if not (words[0].isupper() and len(words[0]) > 1) else words[0]
    if (  # an acronym is no pronoun: "WHO Director-General …", "IT minister"
        (len(words) == 1 and first in _DETERMINERS)
        or first in _NOT_SPEAKERS
        or first in _DISCOURSE
        or first in {"neither", "no", "none", "nobody"}
    ):
        return False
    if PREPOSITION_START_RE.match(phrase):
        return False
    return (
        first in PRONOUNS
        or first in _DETERMINERS
        or first in _GROUP_SPEAKERS
        or any(w[0].isupper() or _PARTICLE_RE.match(w) for w in words)
    )


@lru_cache(maxsize=65536)
def _split_name(phrase: str) -> tuple[str, str]:
    """(title, name) of a noun phrase: 'Nato Secretary-General Mark Rutte' -> ('Nato …', 'Mark Rutte')."""
    tokens = phrase.split()
    i = len(tokens)
    while i > 0 and (
        (
            tokens[i - 1][0].isupper()
            and tokens[i - 1].lower() not in _NOT_NAME
            and not (tokens[i - 1].isupper() and len(tokens[i - 1]) > 1)  # "WHO", "IAEA"
        )
        or (_PARTICLE_RE.match(tokens[i - 1]) and (i < len(tokens) or "-" in tokens[i - 1]))
    ):
        i -= 1
    j = i - 1
    while j >= 0 and tokens[j].lower() in _DETERMINERS:
        j -= 1
    if i == len(tokens):
        return phrase, ""
    if j >= 0 and tokens[j].lower() in _PREPOSITIONS:  # "envoy to London Valerii Zaluzhnyi"
        if len(tokens) - i < 3:
            return phrase, ""
        i = len(tokens) - 2
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def _strip_determiner(phrase: str) -> str:
    """'the ministry' -> 'ministry', 'one Ukrainian drone operator' -> 'Ukrainian drone operator'."""
    return _DETERMINER_RE.sub("", phrase.strip())


def resolve(phrase: str, context: Context, position: int) -> Speaker | None:
    """The speaker a noun phrase names: a person, a body, or the earlier speaker it refers to."""
    actors = context.actors
    parts = _phrase_parts(phrase)
    if not parts:
        return None
    if parts[0].lower() in PRONOUNS:
        last = context.last_person
        return last[1] if last and last[0] >= position - 8 else None
    for k, part in enumerate(parts):
        title, name = _split_name(part)
        if not name or _is_appositive(part):  # "…, known as HUR": the name is the other part
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
        actor = actors.affiliation(full, f"{description} {part}") or _known_side(full, context)
        return Speaker(full, description, actor, True)
    return _described(
        next((p for p in parts if not _is_appositive(p)), parts[0]), context, position
    )


@lru_cache(maxsize=65536)
def _phrase_parts(phrase: str) -> tuple[str, ...]:
    """The comma-separated parts of a speaker phrase without 'a statement by' and trailing
    circumstances ('in Kyiv', 'on behalf of …')."""
    parts = [
        _TRAILING_PP_RE.sub("", _STATEMENT_BY_RE.sub("", p.strip())) for p in phrase.split(", ")
    ]
    return tuple(p for p in parts if p)


def _without_discourse_word(part: str) -> str:
    """'But Putin' is Putin: a sentence-opening discourse word is no part of a name."""
    first, _, rest = part.partition(" ")
    return rest if rest and first.lower() in _DISCOURSE else part


def _known_side(full: str, context: Context) -> Actor | None:
    """The actor the article already gave this person ('Indian Prime Minister Narendra Modi …',
    later 'Modi added')."""
    return next((s.actor for _, s in reversed(context.recent) if s.name == full and s.actor), None)


def _described(description: str, context: Context, position: int) -> Speaker:
    """A speaker given only by a description: 'the minister' -> the last minister named."""
    actors = context.actors
    affiliation = actors.affiliation("", description)
    if description.lower().startswith("the ") and len(description.split()) <= 6:
        head = description.split()[-1].lower()
        recent = [s for i, s in reversed(context.recent) if i >= position - 10]
        for speaker in recent:
            if head in f"{speaker.description} {speaker.name}".lower():
                return speaker
        if affiliation:
            for speaker in recent:
                if speaker.is_person and speaker.actor == affiliation:
                    return speaker
        last = context.last_person
        same_side = affiliation is None or (last and last[1].actor == affiliation)
        if last and last[0] >= position - 3 and head in _PERSON_TITLES and same_side:
            return last[1]
    # "Ukrainian President Volodymyr Zelensky's office" -> "Volodymyr Zelensky's office"
    possessor = _POSSESSOR_RE.match(description)
    if possessor:
        name = _split_name(possessor.group("owner"))[1]
        full = context.full_names.get(name, name) if " " not in name else name
        if full and " " in full:
            owned = f"{full}{possessor.group('mark')} {possessor.group('rest')}"
            return Speaker(owned, description, actors.affiliation(full, description), False)
    return Speaker(_strip_determiner(description), description, affiliation, False)


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
    title, name = _split_name(_without_discourse_word(run))
    words = name.split()
    if len(words) < 2 or any(w.lower() in _NON_PERSON_WORDS or w.isupper() for w in words):
        return None
    if actors.person(name) is None and actors.mentions(name):
        return None
    return title, _POSSESSIVE_END_RE.sub("", name)


def full_names(sentences: list[Sentence], context: Context) -> dict[str, str]:
    """Surname -> the full name the article first gives ('Starmer' -> 'Keir Starmer')."""
    names: dict[str, str] = {}
    for sentence in sorted(sentences, key=lambda s: (s.is_boilerplate, s.index)):
        for _, name, _ in context.people_in(sentence.text):
            names.setdefault(name.split()[-1], name)
    return names


def remember_people(text: str, position: int, context: Context) -> None:
    """Record the people a sentence names; a sentence-initial person becomes the pronoun target."""
    for title, name, offset in context.people_in(text):
        speaker = Speaker(name, title, context.actors.affiliation(name, title), True)
        context.remember(position, speaker, subject=offset == 0 and bool(name))
