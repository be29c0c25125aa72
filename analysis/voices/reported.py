"""Reported speech in English: 'X said (that) <clause>', '<clause>, the ministry said',
'according to X, <clause>' and headlines naming the speaker ('Putin: <claim>'), one sentence at a
time with the direct quotes masked out (used by analysis/voices/quotes.py, which also reads the speech-verb
helpers here for the frames around direct quotes).
"""

from __future__ import annotations

import re
from itertools import islice

from analysis.ingest.patterns import may_match, required_literals
from analysis.voices.home import after_dateline
from analysis.voices.phrases import (
    CUE_RE,
    MASK,
    NON_PERSON_WORDS,
    PREPOSITION_START_RE,
    SET_OFF_RE,
    WORDS,
    split_name,
    valid_np,
    with_appositive,
)
from analysis.voices.spans import Quote, spoken_quote, trimmed
from analysis.voices.speakers import Context, Speaker, resolve_all
from analysis.voices.words import alternation
from analysis.world.actors import Actor

MAX_CUES = 6  # speech verbs tried per sentence (bounds the work on pathological input)
_REPORT = WORDS.reported  # verbs that introduce reported speech: "X said (that) <clause>"
_TOLD_OBJECT_RE = re.compile(
    r"(?:\s+(?:reporters|journalists|him|her|them|parliament|lawmakers|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|the\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|\w+)))"
)
# "did not deny", "has not been told", "was told": no speech by the subject.
NEGATED_RE = re.compile(
    r"\b(?:(?:not|n't|never|neither|nor|no)(?:\s+(?:been|be|yet|even))?|been|was|were|being)\s*$",
    re.I,
)
_CLAUSE_START_RE = re.compile(
    r"^(?:that\b|the\b|a\b|an\b|it\b|he\b|she\b|they\b|we\b|I\b|there\b|this\b|these\b|those\b|"
    r"his\b|her\b|its\b|their\b|our\b|no\b|any\b|some\b|many\b|most\b|several\b|all\b|both\b|"
    r"[A-Z\d])"
)
_QUANTITY_START_RE = re.compile(
    r"^(?:about|around|some|nearly|almost|roughly|up to|at least|more than|over|as many as)\s+\d"
)
_FINITE_RE = re.compile(  # an auxiliary, or a verb in the past ('boats stayed in port')
    r"\b(?:is|are|was|were|had|has|have|would|will|could|can|should|must|did|does|might|may|"
    r"[a-z]{2,}ed)\b"
)
# "according to the latest U.K. estimates": an abbreviation's full stop before a lower-case word
# does not end the source.
ACCORDING_RE = re.compile(
    r"\b[Aa]ccording to\s+((?:[^,.;]|\.(?=\w)|(?<=\b[A-Z])\.(?=\s+[a-z])|,(?=\d))+)"
)
_HEADLINE_RE = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s+(?P<content>\S.+)$"
)

# "…, with White House spokesperson Karoline Leavitt saying the president was …"
WITH_SAYING_RE = re.compile(r",?\s+with\s+(?P<np>[^,;]{2,100}?)\s+saying\s+(?:that\s+)?")
_WHILE_RE = re.compile(r",\s+(?:while|whereas)\s+")
_SAYING_RE = re.compile(rf",\s+(?P<cue>{alternation(WORDS.participles)})\s+(?:that\s+)?")
_WORD_RE = re.compile(r"\S+")
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z][a-z]+\b")
# A circumstance between a speech verb and its clause: "said on Thursday they had fired …".
_CIRCUMSTANCE_RE = re.compile(
    r"^(?:(?:late|early)\s+)?(?:on|in|at|during)\s+(?:\w+\s+){0,3}?(?=(?:he|she|it|they|we|I|"
    r"there)\b)"
)
_TOLD_WHOM_RE = re.compile(r"\s+(reporters|journalists)\b")


def cue_text(text: str, cue: re.Match[str]) -> str:
    """The cue as written, with the object of 'told' ('told reporters')."""
    if cue.group(0) in ("told", "tells"):
        told = _TOLD_WHOM_RE.match(text, cue.end())
        return f"{cue.group(0)} {told.group(1)}" if told else cue.group(0)
    return cue.group(0)


_TRAILING_RE = re.compile(
    rf"^(?P<content>.+?),\s+(?:(?P<cue1>{alternation(WORDS.inverted)})\s+(?P<np1>[^,]+?)"
    rf"|(?P<np2>[^,]+?)\s+(?:also\s+)?(?P<cue2>{alternation(WORDS.trailing)}))"
    r"(?P<tail>(?:\s+(?!that\b)(?:[^,]|,(?=\d))*)?)[.!]?\s*$"
)
_TRAILING_WORDS = required_literals(_TRAILING_RE)  # its speech verbs
# What may follow a trailing "…, X said": nothing, or a circumstance ("in Kazan", "on Friday").
_TAIL_RE = re.compile(
    r"^\s*(?:$|(?:on|in|at|during|after|before|while|from|via|when|as|late|earlier|later|last|"
    r"this|to|with|by|without|adding|citing|speaking|referring|noting|according|\w+ly)\b)"
)
_WORDS_RE = re.compile(r"\w+")
_THAT_WORD_RE = re.compile(r"\bthat\b")
_TOLD_THAT_RE = re.compile(rf"^\s+(?:[^\s{MASK}]+\s+){{1,5}}?that\s+")
_THAT_RE = re.compile(
    r"^(?:\s+(?:on|in|at|during|after|before|while|from|to)\s+(?:[^,]|,(?=\d))*?)?\s+that\s+"
)


_SUBORDINATE_START_RE = re.compile(
    r"^(?:as|when|while|whereas|amid|because|since|though|although|until|unless|once)\b", re.I
)


def _starts_clause(text: str) -> bool:
    """Does the text after a speech verb open a clause ('the deployment was…', 'about 8,000 troops…',
    'military contacts were…'), not an object ('changes in the doctrine', 'to a question')?"""
    if _QUANTITY_START_RE.match(text):
        return True
    if PREPOSITION_START_RE.match(text) or _SUBORDINATE_START_RE.match(text):
        return False  # 'said, as pressure mounted …': a circumstance, not what was said
    head = " ".join(text.split()[:12])  # "admissions for … at its clinic there had doubled"
    return bool(_CLAUSE_START_RE.match(text) or _FINITE_RE.search(head))


def reported_speech(
    text: str, offset: int, raw: str, context: Context, position: int, article_id: str
) -> list[Quote]:
    """Reported speech in one (quote-masked) sentence: trailing cue, 'according to X', 'X said',
    'X denied …, saying …', and a second speaker 'with Y saying …'."""
    verb = CUE_RE.search(text)  # every trailing or fronted report has a speech verb
    found = (
        _headline_report(text, context)
        or (verb and _trailing_report(text, context))
        or _according_report(text, context)
        or (verb and _front_report(text, context, verb.start()))
        or _saying_report(text, context, verb.start() if verb else 0)
    )
    reports = [found] if found else []
    second = _WHILE_RE.search(text, found[2]) if found else None  # '…, while Y announced …'
    other = second and _front_report(text[second.end() :], context)
    if other:
        reports = [(*found[:3], min(found[3], second.start()))]
        reports.append((*other[:2], other[2] + second.end(), other[3] + second.end()))
    with_saying = WITH_SAYING_RE.search(text) if " saying " in text else None
    if with_saying and valid_np(with_saying.group("np")):
        if found and found[3] > with_saying.start():  # the first report ends where 'with' starts
            reports[0] = (*found[:3], with_saying.start())
        reports.append((with_saying.group("np"), "saying", with_saying.end(), len(text)))
    quotes = []
    side = None  # the sentence's first speaker's side, for 'with Y saying' when Y names none
    for phrase, cue, start, end in reports:
        start = max(start, after_dateline(text))  # '…, according to X': not 'DHAKA, … -'
        words = _WORDS_RE.finditer(text, start, end)  # at least two words (MASK is none)
        if next(words, None) is None or next(words, None) is None:
            continue
        at, to = trimmed(raw, offset + start, offset + end)
        while to > at and raw[to - 1] in ".!?":
            to -= 1
        for speaker in resolve_all(phrase, context, position):
            if cue == "saying" and side is not None and speaker.is_person:
                speaker = _with_side(speaker, side, context)
            side = side or speaker.actor
            context.remember(position, speaker, subject=True)
            quotes.append(spoken_quote(article_id, speaker, cue, "reported", raw, at, to))
    return quotes


def _with_side(speaker: Speaker, side: Actor, context: Context) -> Speaker:
    """'France's foreign ministry said …, with Foreign Minister X saying …': X, whose own words
    name no side, speaks for the sentence's first speaker, not for the dateline's country."""
    if context.actors.affiliation(speaker.name, speaker.description) is not None:
        return speaker
    return Speaker(speaker.name, speaker.description, side, speaker.is_person)


def _saying_report(
    text: str, context: Context, first_verb: int
) -> tuple[str, str, int, int] | None:
    """'The Thai army denied the accusation, saying its troops had only returned fire' -> the
    words after 'saying', spoken by the subject of the sentence's speech verb."""
    saying = _SAYING_RE.search(text, first_verb)
    if not saying:
        return None
    for cue in islice(CUE_RE.finditer(text, first_verb, saying.start()), MAX_CUES):
        if NEGATED_RE.search(text[: cue.start()]):
            continue
        subject = context.subject_of(text[: cue.start()])
        if subject:
            return subject, saying.group("cue"), saying.end(), len(text)
    subject = _opening_subject(text, saying.start(), context)
    return (subject, saying.group("cue"), saying.end(), len(text)) if subject else None


_SPEAKER_HEADS = WORDS.titles | NON_PERSON_WORDS  # a speaker named by title or body
_OBJECT_OPENERS = {"a", "an", "the", "its", "his", "her", "their", "no"}


def _opening_subject(text: str, end: int, context: Context) -> str | None:
    """The subject that opens the sentence when its verb is no speech verb ('The chief
    negotiator for Caracas, X, struck a softer tone, saying …'): the phrase before the first
    lower-case word that ends in -ed or takes an object ('struck a', 'gave the')."""
    words = list(_WORD_RE.finditer(text, 0, end))[:16]
    for i, word in enumerate(words[1:-1], 1):
        written = word.group(0)
        if not written[:1].islower() or "'" in written or "’" in written:
            continue
        if not (written.endswith("ed") or words[i + 1].group(0).lower() in _OBJECT_OPENERS):
            continue
        lead = text[: word.start()]
        subject = context.subject_of(lead)
        at = lead.rfind(subject) if subject else -1
        if at < 0 or _LOWER_WORD_RE.search(lead, 0, at):
            return None  # the subject does not open the sentence (a dateline may come before)
        named = " " in split_name(subject)[1] or context.actors.mentions(subject)
        titled = any(w.strip(",").lower() in _SPEAKER_HEADS for w in subject.split())
        return subject if named or titled else None  # not 'Thousands (marched …, saying)'
    return None


def _headline_report(text: str, context: Context) -> tuple[str, str, int, int] | None:
    """'Putin: 2000 Ukraine soldiers encircled in Kursk' (a headline naming the speaker)."""
    match = _HEADLINE_RE.match(text) if ":" in text else None
    if not match:
        return None
    name = match.group("name")
    known = name.split()[-1] in context.full_names or context.actors.person(name)
    return (name, ":", match.start("content"), match.end("content")) if known else None


def _trailing_report(text: str, context: Context) -> tuple[str, str, int, int] | None:
    """'The attack caused no damage, the ministry said.' / '…, said Putin.'"""
    match = _TRAILING_RE.match(text) if may_match(_TRAILING_WORDS, _last_clause(text)) else None
    if not match:
        return None
    phrase = (match.group("np1") or match.group("np2") or "").strip()
    tail = match.group("tail")
    told = match.group("cue2") in ("told", "tells")
    if not valid_np(phrase) or _THAT_WORD_RE.search(tail):
        return None
    if not (told or _TAIL_RE.match(tail)):
        return None
    return phrase, match.group("cue1") or match.group("cue2"), 0, match.end("content")


def _last_clause(text: str) -> str:
    """The text from its last comma not followed by a digit ('' with none): a trailing
    '…, X said (in Kazan on 3,000 …)' has its speech verb there, and no other such comma."""
    at = text.rfind(",")
    while at >= 0 and text[at + 1 : at + 2].isdecimal():
        at = text.rfind(",", 0, at)
    return text[at:] if at >= 0 else ""


def _according_report(text: str, context: Context) -> tuple[str, str, int, int] | None:
    """'According to X, <clause>' / '<clause>, according to X.'"""
    match = ACCORDING_RE.search(text) if "ccording to" in text else None
    if not match:
        return None
    lead = text[: match.start()].strip(" ,")
    if not lead or _WORDS_RE.fullmatch(lead):
        comma = text.find(", ", match.end())
        if comma < 0:
            return None
        return match.group(1), "according to", comma + 2, len(text)
    set_off = SET_OFF_RE.match(text, match.end())  # '…, according to X, a researcher at Y.'
    phrase = with_appositive(match.group(1), set_off.group("part")) if set_off else match.group(1)
    return phrase, "according to", 0, len(text[: match.start()].rstrip(" ,"))


def _front_report(
    text: str, context: Context, first_verb: int = 0
) -> tuple[str, str, int, int] | None:
    """'Rutte said (on Monday) (that) <clause>' -> the clause after the cue (speech verbs read
    from `first_verb`, where the first one stands)."""
    for cue in islice(CUE_RE.finditer(text, first_verb), MAX_CUES):
        word = cue_text(text, cue)
        if word not in _REPORT and cue.group(0) not in _REPORT:
            continue
        if NEGATED_RE.search(text[: cue.start()]):
            continue
        subject = context.subject_of(text[: cue.start()])
        if not subject:
            continue
        rest_at = cue.end()
        if cue.group(0) in ("told", "tells"):
            told_that = _TOLD_THAT_RE.match(text[rest_at:])
            if told_that:
                return subject, word, rest_at + told_that.end(), len(text)
            told = _TOLD_OBJECT_RE.match(text[rest_at:])
            rest_at += told.end() if told else 0
        rest = text[rest_at:]
        that = _THAT_RE.match(rest)
        if that:
            return subject, word, rest_at + that.end(), len(text)
        if word == "reported":  # "X reported the deployment" reports an event, not speech
            continue
        body = rest.lstrip(" ,")
        if " ".join(cue.group(0).split()) in WORDS.reported_any_form:  # 'urged both sides to …'
            return subject, word, len(text) - len(body), len(text)
        circumstance = _CIRCUMSTANCE_RE.match(body)  # 'said on Thursday they had fired …'
        if circumstance and _starts_clause(body[circumstance.end() :]):
            body = body[circumstance.end() :]
        if not _starts_clause(body):
            continue
        return subject, word, len(text) - len(body), len(text)
    return None
