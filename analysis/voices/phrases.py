"""The grammar of English speaker phrases, on text alone: the subject a speech verb has ("Nato
Secretary-General Mark Rutte said", "Andriy Yermak, the president's chief of staff, said",
"France's foreign minister, Catherine Colonna, wrote", "X and his counterpart, Y, said"), whether a
phrase could name a speaker, and a phrase's title and name. The words are data
(data/languages/en/speakers.toml via analysis/voices/words.py); who a phrase names in an article
is worked out by analysis/voices/speakers.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.ingest.patterns import by_first_letter
from analysis.voices.words import alternation, speaker_words

MASK = "\ue000"  # private-use character: never in article text
SUBJECT_WINDOW = 300  # characters before a speech verb searched for its subject
WORDS = speaker_words()
CUES = alternation(WORDS.cues)  # finite speech verbs: "X said", "X called it “…”"
CUE_RE = re.compile(rf"\b(?:{CUES})\b")
_TRAILING_ADVERBS_RE = re.compile(
    r"(?:,?\s+(?:also|then|later|further|again|previously|earlier|now|first|recently|repeatedly|"
    r"reportedly|not|never|had|has|have|was|were|is|are|would|will|did|does|do|however,?|meanwhile,?|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+\s+\d{1,2})|"
    r"(?:last|this)\s+(?:week|month|year)|in\s+a\s+statement|in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
    r"|,)\s*$"
)
# a phrase set off between the subject and its verb ('Ali Bongo, in a video posted online, called')
_PARENTHETICAL_RE = re.compile(
    rf",\s+(?:in|on|at|during|via|from|after|before)\s[^,;:{MASK}\"“”]{{1,60}}"
)
_ADVERB_TAIL = 120  # characters: longer than any run of trailing adverbs
_CLAUSE_WORDS = (
    "that|while|when|because|if|although|whereas|since|after|before|where|which|what|But|And"
)
# ('as' stands apart: no other word here matches where a whole-word 'as' does)
_CLAUSE_BOUNDARY_RE = re.compile(
    rf"[;:—–()\[\]{MASK}\"“”«»„]|,\s|"
    rf"\b(?:(?<!known )(?<!such )as|{by_first_letter(_CLAUSE_WORDS)}|{CUES})\b"
)
_COORDINATION_RE = re.compile(r"\b(?:and|but)$", re.I)
_JOINED_RE = re.compile(r",?\s+and\s*$")
# the lower-case words of a phrase, whole words only (none in 'Mohamed')
_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
_VERB_RE = re.compile(
    r"is|are|was|were|be|been|being|had|has|have|will|would|could|can|did|does|do|should|must|"
    r"may|might|\w+ing|\w+ed"
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_PHRASE_WORDS = frozenset("the a an his her its their of for to in at and".split())
# a capitalised run, lower-case titles inside ('Iranian Foreign Ministry spokesman Nasser Kanaani')
_LEAD_NAME_RE = re.compile(
    r"(?:(?:the|a|an)\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:"
    + "|".join(sorted((re.escape(t) for t in WORDS.titles if t.islower()), key=len, reverse=True))
    + r")\s+)*[A-Z][\w'’.-]*)*"
)
_DETERMINER_RE = re.compile(
    r"^(?:the|a|an|one|another)\s+(?:(?:latest|newest|most\s+recent|recent|new|last)\s+)?", re.I
)
PREPOSITION_START_RE = re.compile(
    r"^(?:on|in|at|during|after|before|while|from|to|with|by|for|about|of|via)\b", re.I
)
_TRAILING_PP_RE = re.compile(
    r"\s+(?:in|at|on|during|after|before|while|from|with|on behalf of|via)\s+.*$"
)
_ROLE_AT_RE = re.compile(r"^(?P<role>.*\b[a-z]+(?<!ing))\s+at\s+(?P<body>[A-Z].*)$")
_TO_PP_RE = re.compile(r"\s+to\s+.*$")  # a role's 'to the talks' (only to tell a role)
_STATEMENT_BY_RE = re.compile(
    r"^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|post|message|interview)\s+"
    r"(?:published|issued|released|posted|given)?\s*(?:by|from)\s+",
    re.I,
)
PRONOUNS = {"he", "she", "him", "her"}
DETERMINERS = {"the", "a", "an"}
_PREPOSITIONS = {"to", "of", "for", "in", "at", "from", "with", "on", "by"}
_NOT_SPEAKERS = {"it", "this", "that", "there", "they", "we", "i", "you", "which", "who", "what"}
POSSESSOR_RE = re.compile(
    r"^(?P<owner>(?:[A-Z][\w.-]*\s+)*[A-Z][\w-]+)(?P<mark>['’]s)\s+(?P<rest>[a-z].*)$"
)
_TITLE_WORDS = WORDS.titles
_NOT_NAME = _TITLE_WORDS | DETERMINERS
_DISCOURSE = frozenset(
    """meanwhile however still moreover also separately earlier later yesterday today now then
    instead nevertheless additionally furthermore indeed overall initially previously recently
    finally first second third thus therefore so but and""".split()
)
_GROUP_SPEAKERS = WORDS.group_speakers  # "officials said", "analysts say"
PERSON_TITLES = WORDS.person_titles
_INSTITUTION_HEADS = (
    frozenset(w for w in WORDS.institutions if " " not in w) | WORDS.non_person_words
)
NON_PERSON_WORDS = WORDS.non_person_words
# Lower-case name particles: "Yasser al-Atta", "Faisal bin Farhan", "Ursula von der Leyen".
PARTICLE_RE = re.compile(r"^(?:(?:al|el|ad|ar|as|an|at|az)-[A-Z][\w'’-]*|de|von|der|van|bin|ibn)$")


def subject_of(before: str) -> str | None:
    """The subject of a speech verb, from the text before it ('…, Andriy Yermak, the …, '); two
    joined by 'and' are kept together ('X and his counterpart, Y') for `coordinated`."""
    text = before[-SUBJECT_WINDOW:].rstrip()
    while True:
        cut = max(0, len(text) - _ADVERB_TAIL)  # the adverbs end the text: read its tail only
        stripped = (text[:cut] + _TRAILING_ADVERBS_RE.sub("", text[cut:])).rstrip()
        comma = stripped.rfind(",")  # the phrase holds no comma: only the last one can open it
        if comma != -1 and _PARENTHETICAL_RE.fullmatch(stripped, comma):
            stripped = stripped[:comma].rstrip()
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
        match = _LEAD_NAME_RE.match(without_discourse_word(lead))
        return match.group(0) if match and valid_np(match.group(0)) else None
    found = _last_subject(text)
    if found is None:
        return None
    subject, start = found
    lead = _JOINED_RE.search(text, 0, start)  # '…, Hassan Rashad, and Qatari Prime Minister …'
    if lead:
        other = subject_of(text[: lead.start()])
        if other and " and " not in other and _noun_phrase(other):
            return f"{other} and {subject}"
    return subject


def _last_subject(text: str) -> tuple[str, int] | None:
    """The noun phrase that ends `text` and where it starts: a name with the description set off
    before or after it ('France's foreign minister, Catherine Colonna' / 'Andriy Yermak, the
    president's chief of staff'), never a clause ('Pakistan was defending its territory')."""
    bounds = list(_CLAUSE_BOUNDARY_RE.finditer(text))
    last = without_discourse_word(text[bounds[-1].end() if bounds else 0 :].strip())
    start = len(text) - len(last)
    if not (bounds and bounds[-1].group(0).startswith(",")):
        return (last, start) if valid_np(last) else None
    previous_at = bounds[-2].end() if len(bounds) > 1 else 0
    previous = text[previous_at : bounds[-1].start()].strip()
    if is_appositive(last):
        if valid_np(previous) and not is_appositive(previous) and not _clause(previous):
            role_at = bounds[-3].end() if len(bounds) > 2 else 0  # "Qatar's minister, X, who …"
            role = text[role_at : bounds[-2].start()].strip() if len(bounds) > 1 else ""
            if role and bounds[-2].group(0).startswith(",") and _role(role):
                return f"{role}, {previous}, {last}", text.find(role, role_at)
            return f"{previous}, {last}", text.find(previous, previous_at)
    elif _role(last) and not split_name(last)[1] and _named(previous):
        return f"{previous}, {last}", text.find(previous, previous_at)  # 'X, India's ... secretary'
    elif last.isupper() and len(last) > 1 and _body(previous):  # "…'s … agency, UKMTO"
        return f"{last}, {previous}", text.find(previous, previous_at)  # the name first
    elif split_name(last)[1]:
        joined, _, role = previous.rpartition(" and ")  # 'X and his counterpart, Y'
        if _role(without_discourse_word(role)) or _body(without_discourse_word(role)):
            role = without_discourse_word(role)
            role_at = text.find(role, previous_at)
            if joined and _noun_phrase(joined):
                return f"{joined} and {role}, {last}", text.find(joined, previous_at)
            return f"{role}, {last}", role_at
        role = without_discourse_word(previous)  # 'and' inside the role: '… for peace and security'
        if _role(role):
            return f"{role}, {last}", text.find(role, previous_at)
    return (last, start) if valid_np(last) else None


@lru_cache(maxsize=65536)
def _clause(phrase: str) -> bool:
    """Whether a phrase has a verb ('Pakistan was defending its territory'): no noun phrase."""
    return any(_VERB_RE.fullmatch(w) and w not in _TITLE_WORDS for w in _WORD_RE.findall(phrase))


@lru_cache(maxsize=65536)
def _noun_phrase(phrase: str) -> bool:
    """A name or titled description and nothing else ('Egypt's intelligence chief, Hassan
    Rashad', 'his Japanese counterpart'), not 'prices rose'."""
    words = phrase.replace(",", " ").split()
    return 0 < len(words) <= 12 and all(
        w[0].isupper()
        or PARTICLE_RE.match(w)
        or w.lower() in _PHRASE_WORDS
        or _POSSESSIVE_RE.sub("", w).lower() in _TITLE_WORDS
        or (w[0].isalpha() and _POSSESSIVE_RE.search(w))
        for w in words
    )


@lru_cache(maxsize=65536)
def _role(phrase: str) -> bool:
    """A description of a person with no name in it, before the name it describes ('France's
    foreign minister', 'a civil society leader in Niamey', "Kinshasa's envoy to the talks")."""
    bare = _titled_without_name(phrase)
    return bool(bare) and (_noun_phrase(bare) or _headed_role(bare, bare.lower().split()))


def _titled_without_name(phrase: str) -> str:
    """The phrase less its trailing circumstance and 'to …' when it holds a person's title and
    no name in at most ten words, else '': what every role is."""
    bare = _TO_PP_RE.sub("", _TRAILING_PP_RE.sub("", phrase))
    words = bare.lower().split()
    titled = 0 < len(words) <= 10 and any(w.strip(",.") in PERSON_TITLES for w in words)
    return bare if titled and not split_name(bare)[1] else ""


def _headed_role(bare: str, words: list[str]) -> bool:
    """A role whose last word is a person's title, opened by an owner or an article, with a few
    plain words in it and no verb ("the WFP's executive director", "Sudan's humanitarian aid
    commissioner", "The UN secretary-general's personal envoy"); an owner of up to three words
    ("Sri Lanka's fisheries minister"), a portfolio after 'of' or 'for' ("Cameroon's minister of
    territorial administration", "the AU's commissioner for peace and security")."""
    written = bare.split()
    owner = next((i for i, w in enumerate(written[:3]) if _POSSESSIVE_RE.search(w)), None)
    opened = words[0] in DETERMINERS or (
        owner is not None and all(w[:1].isupper() for w in written[: owner + 1])
    )
    portfolio = next((i for i, w in enumerate(words) if i and w in ("of", "for")), len(words))
    head = words[:portfolio]  # 'minister of …', 'commissioner for peace and security'
    if len(head) < len(words) and len(words) - len(head) > 4:
        return False  # 'of' opens more than a portfolio
    plain = [w for w in head[1:-1] if w not in _TITLE_WORDS and not _POSSESSIVE_RE.search(w)]
    return bool(opened) and head[-1] in PERSON_TITLES and len(plain) <= 2 and not _clause(bare)


@lru_cache(maxsize=65536)
def _body(phrase: str) -> bool:
    """An institution described before its name ("Britain's maritime trade agency, UKMTO", 'the
    African Union mission in Somalia, AUSSOM')."""
    bare = _TRAILING_PP_RE.sub("", phrase)
    words, written = bare.lower().split(), bare.split()
    if not written:
        return False
    owned = written[0][:1].isupper() and _POSSESSIVE_RE.search(written[0]) is not None
    named = words[0] == "the" and written[1][:1].isupper() if len(words) > 1 else False
    return (
        1 < len(words) <= 8
        and words[-1] in _INSTITUTION_HEADS
        and (owned or named)
        and not _clause(bare)
    )


@lru_cache(maxsize=65536)
def _named(phrase: str) -> bool:
    """A person's name and nothing else ('Vikram Misri')."""
    title, name = split_name(phrase)
    return bool(name) and not title and " " in name and _noun_phrase(phrase) and not _clause(phrase)


_WHO_HEADS_RE = re.compile(r"who\s+(?:heads|leads|chairs|runs|commands|directs|represents)\s")
SET_OFF_RE = re.compile(rf",\s+(?P<part>[^,.;:!?{MASK}]{{3,100}})(?:[.;!?]|$)")  # ', a role.'


def with_appositive(phrase: str, appositive: str) -> str:
    """The speaker phrase with the part set off after it when one names and the other describes
    the person ('Nadia Forsberg' + "UNHCR's representative in Bangladesh", 'its spokesman' +
    'Thameen Al-Kheetan'), else the phrase alone."""
    role = _set_off_role(appositive) or _WHO_HEADS_RE.match(appositive) is not None
    described = (_named(phrase) and role) or (_role(phrase) and _named(appositive))
    return f"{phrase}, {appositive}" if described else phrase


def _set_off_role(part: str) -> bool:
    """A role set off after a name, as loose as the comma allows ('Sahel researcher at Human
    Rights Watch', "UNHCR's representative in Bangladesh"): a title in it, no name, no clause."""
    bare = _titled_without_name(part)
    return bool(bare) and not _clause(bare)


@lru_cache(maxsize=65536)
def is_appositive(phrase: str) -> bool:
    """'the president's chief of staff', 'speaking in Rio', 'who leads ...'."""
    words = phrase.split()
    if not words or not words[0][0].islower():
        return False
    titled = any(w.lower().strip(",.") in PERSON_TITLES for w in words[:6])
    # "spokesperson for the Taiwan Affairs Office", "the U.S. special envoy"; with 'a', a name
    # in it is where they work ("a Cameroon researcher at the International Crisis Group")
    if titled and (words[0] in ("a", "an") or not split_name(phrase)[1]):
        return True
    if words[0] in DETERMINERS:  # "the president's chief of staff", not "the EU states"
        return len(words) > 1 and words[1][0].islower()
    return words[0].endswith(("ing", "ed")) or words[0] in {"who", "whose", "known", "also"}


def _outlet(words: list[str]) -> bool:
    """Whether a phrase names a news outlet cited ("Radio Mogadishu", "the Daily Trust
    newspaper"); state media speak for their state ("Iranian state television")."""
    lower = [w.lower().strip(",.'’") for w in words]
    return "state" not in lower and any(w.removesuffix("'s") in WORDS.media_words for w in lower)


@lru_cache(maxsize=65536)
def valid_np(phrase: str) -> bool:
    """Could `phrase` name a speaker (a name, a pronoun, a titled description)?"""
    words = phrase.split()
    if not 0 < len(words) <= 12 or MASK in phrase:
        return False
    first = words[0].lower() if not (words[0].isupper() and len(words[0]) > 1) else words[0]
    if (  # an acronym is no pronoun: "WHO Director-General …", "IT minister"
        (len(words) == 1 and first in DETERMINERS)
        or first in _NOT_SPEAKERS
        or first in _DISCOURSE
        or first in {"neither", "no", "none", "nobody"}
        or first in WORDS.not_speaker_starts  # "Operation Sindoor"
        or words[-1].lower() in WORDS.not_speaker_heads  # "news channels", "media reports"
        or _outlet(words)
    ):
        return False
    if PREPOSITION_START_RE.match(phrase):
        return False
    return (
        first in PRONOUNS
        or first in DETERMINERS
        or first in _GROUP_SPEAKERS
        or any(w[0].isupper() or PARTICLE_RE.match(w) for w in words)
    )


def _title_word(token: str) -> bool:
    """A title word, also hyphenated from title words ('Vice-President', 'Colonel-Major')."""
    lower = token.lower()
    return lower in _NOT_NAME or ("-" in lower and all(p in _NOT_NAME for p in lower.split("-")))


@lru_cache(maxsize=65536)
def split_name(phrase: str) -> tuple[str, str]:
    """(title, name) of a noun phrase: 'Nato Secretary-General Mark Rutte' -> ('Nato …', 'Mark Rutte')."""
    tokens = phrase.split()
    i = len(tokens)
    while i > 0 and (
        (
            tokens[i - 1][0].isupper()
            and not _title_word(tokens[i - 1])
            and not (tokens[i - 1].isupper() and len(tokens[i - 1]) > 1)  # "WHO", "IAEA"
        )
        or (PARTICLE_RE.match(tokens[i - 1]) and (i < len(tokens) or "-" in tokens[i - 1]))
    ):
        i -= 1
    j = i - 1
    while j >= 0 and tokens[j].lower() in DETERMINERS:
        j -= 1
    if i == len(tokens) or tokens[-1].lower() in NON_PERSON_WORDS:  # "… the Guyana Defence Force"
        return phrase, ""
    if j >= 0 and tokens[j].lower() in _PREPOSITIONS:  # "envoy to London Valerii Zaluzhnyi"
        place = any(t.lower() in NON_PERSON_WORDS for t in tokens[i:])  # "for the West … Sea"
        if len(tokens) - i < 3 or place:
            return phrase, ""
        i = len(tokens) - 2
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def strip_determiner(phrase: str) -> str:
    """'the ministry' -> 'ministry', 'one Ukrainian drone operator' -> 'Ukrainian drone operator'."""
    return _DETERMINER_RE.sub("", phrase.strip())


@lru_cache(maxsize=65536)
def phrase_parts(phrase: str) -> tuple[str, ...]:
    """The comma-separated parts of a speaker phrase without 'a statement by' and trailing
    circumstances ('in Kyiv', 'on behalf of …'), nor the dash that ends a dateline before it
    ('(Wire) - The interior ministry')."""
    parts = [
        _without_circumstance(_STATEMENT_BY_RE.sub("", p.strip().lstrip("-–— ")))
        for p in phrase.split(", ")
    ]
    return tuple(p for p in parts if p)


def _without_circumstance(part: str) -> str:
    """A phrase part less its trailing circumstance ('in Kyiv'), keeping the body a role is held
    at ('Sahel researcher at Human Rights Watch (in Dakar)')."""
    role_at = _ROLE_AT_RE.match(part)
    if role_at is None:
        return _TRAILING_PP_RE.sub("", part)
    body = _TRAILING_PP_RE.sub("", role_at.group("body"))
    return f"{_TRAILING_PP_RE.sub('', role_at.group('role'))} at {body}"


def without_discourse_word(part: str) -> str:
    """'But Putin' is Putin, 'In Kirants' no person: a sentence-opening discourse word or
    preposition is no part of a name."""
    first, _, rest = part.partition(" ")
    opening = first.lower() in _DISCOURSE or (
        first[:1].isupper() and PREPOSITION_START_RE.fullmatch(first)  # a sentence's first word
    )
    return rest if rest and opening else part
