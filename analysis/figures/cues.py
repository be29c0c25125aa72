"""Who an English figure is credited to and how firmly: the attribution and modality cues of a
sentence ('according to X', 'X said', 'reportedly', 'denied', 'could').

Every cue pattern is skipped in a sentence that holds none of the pieces all its matches contain:
one Aho-Corasick pass over the lower-cased sentence (`cues_in`) says which patterns can match.
The words are data (data/languages/en/figures.toml); analysis/figures/extract.py uses these per sentence.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import itemgetter, or_

import ahocorasick

from analysis.figures.kinds import shipped_actors
from analysis.world import figure_packs
from analysis.world.vocabulary import STATUSES

_PACK = figure_packs.english("figures.toml")
_NP_STOP = _PACK.words("phrase", "stop")


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first (so 'plans to' wins over 'plans')."""
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )


def needles(words: tuple[str, ...]) -> tuple[str, ...]:
    """Short pieces every one of `words` contains, none inside another: a cheap pre-check."""
    pieces = sorted({w[:5] for w in words}, key=len)
    return tuple(p for i, p in enumerate(pieces) if not any(q in p for q in pieces[:i]))


_CUES = alternation(
    _PACK.list("attribution", "speech_verbs") + _PACK.list("attribution", "speech_phrases")
)
_CUE_RE = re.compile(rf"\b(?:{_CUES})\b")
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s?){1,4})")
_WORD_RE = re.compile(r"[A-Za-z][\w-]*")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\s+((?:[^,.;:“”\"]|\.(?=\w)){2,80})")
_HEADLINE_RE = re.compile(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s")
_NAME_TOKEN = re.compile(r"([A-Z][\w'’.-]*|of|the|de|von|der|for|al-\w+)$")
_ADVERBS = _PACK.words("attribution", "adverbs")
_SOURCE_NOUNS = _PACK.words("attribution", "source_nouns")
_NOT_A_SOURCE = frozenset(_PACK.list("attribution", "not_sources"))
# Case-sensitive on purpose (an IGNORECASE alternation is several times slower in `re`).
REPORTED_RE = re.compile(
    r"\b(?:[Rr]eportedly|[Aa]llegedly|[Rr]eports?\s+(?:say|said|says|suggest|suggested|suggests|of|"
    r"that|indicate)|[Aa]ccording to (?:media |news |unconfirmed |press )?reports|(?:is|are|was|were) "
    r"(?:said|reported|believed|thought|alleged) to|[Uu]nconfirmed reports|[Mm]edia reports)\b"
)
DENIED_RE = re.compile(
    r"\b(?:[Dd]en(?:y|ied|ies|ying)|[Dd]ismiss(?:ed|es|ing)?|[Rr]eject(?:ed|s|ing)?|"
    r"[Rr]efut(?:ed|es|ing)|fake news|groundless|baseless)\b"
)
NEGATION_RE = re.compile(r"\b(?:not|n't|never|no)\s+(?:\w+\s+)?$", re.I)
_POSSIBLE_WORDS = alternation(_PACK.list("modality", "possible"))
POSSIBLE_RE = re.compile(rf"\b(?:{_POSSIBLE_WORDS})\b")


class Phrases:
    """`finditer` of a case-sensitive `\\b(?:phrase|...)\\b` pattern, run only where a phrase's
    first word stands (one Aho-Corasick pass): the same matches, without trying every position."""

    def __init__(self, pattern: re.Pattern[str], phrases: list[str] | tuple[str, ...]) -> None:
        self.pattern = pattern
        self.openers = ahocorasick.Automaton()
        for opener in {phrase.split()[0] for phrase in phrases}:
            self.openers.add_word(opener, len(opener))
        self.openers.make_automaton()

    def finditer(self, sentence: str) -> list[re.Match[str]]:
        """The matches of `pattern.finditer(sentence)`, left to right."""
        found: list[re.Match[str]] = []
        reached = 0
        for at in sorted({end + 1 - length for end, length in self.openers.iter(sentence)}):
            if at >= reached and (match := self.pattern.match(sentence, at)):
                found.append(match)
                reached = match.end()
        return found


POSSIBLE = Phrases(POSSIBLE_RE, _PACK.list("modality", "possible"))
_SPEECH = Phrases(
    _CUE_RE,
    _PACK.list("attribution", "speech_verbs") + _PACK.list("attribution", "speech_phrases"),
)
# Pieces of text every match of a cue pattern contains: a sentence without any of them skips the
# pattern (substring tests are far cheaper than a regex scan of the sentence).
_CUE_NEEDLES = needles(_PACK.list("attribution", "speech_verbs"))
_ACCORDING_NEEDLES = ("ccording to",)
_REPORTED_NEEDLES = ("eport", "llegedly", "said to", "believed to", "thought to", "alleged to")
_DENIED_NEEDLES = ("eny", "enie", "ismiss", "eject", "efut", "fake news", "groundless", "baseless")
_POSSIBLE_NEEDLES = _PACK.list("modality", "possible")
_STATUS_NEEDLES = needles(
    tuple(p.split()[0] for s in STATUSES for p in _PACK.list("status", s.replace(" ", "_")))
)
_LABELS = ("status", "reported", "denied", "possible", "according", "speech")
_PIECE_BITS: dict[str, int] = {}  # piece -> the labels it stands for, one bit per label
for _bit, _pieces in enumerate(
    (
        _STATUS_NEEDLES,
        _REPORTED_NEEDLES,
        _DENIED_NEEDLES,
        _POSSIBLE_NEEDLES,
        _ACCORDING_NEEDLES,
        _CUE_NEEDLES,
    )
):
    for _piece in _pieces:
        _PIECE_BITS[_piece.lower()] = _PIECE_BITS.get(_piece.lower(), 0) | 1 << _bit
_CUE_PIECES = ahocorasick.Automaton()
for _piece, _bits in _PIECE_BITS.items():
    _CUE_PIECES.add_word(_piece, _bits)
_CUE_PIECES.make_automaton()
_LABEL_SETS = [
    frozenset(label for bit, label in enumerate(_LABELS) if bits >> bit & 1)
    for bits in range(1 << len(_LABELS))
]


def cues_in(sentence: str) -> frozenset[str]:
    """Which cue patterns can match in the sentence ('status', 'reported', 'denied', 'possible',
    'according', 'speech'): one Aho-Corasick pass over the lower-cased sentence finds the pieces
    every match of a pattern contains, so most sentences skip most regex scans."""
    found = _CUE_PIECES.iter(sentence.lower())
    return _LABEL_SETS[reduce(or_, map(itemgetter(1), found), 0)]  # the bits joined in C


def sources(sentence: str, cues: frozenset[str]) -> list[tuple[int, str]]:
    """(position, source) of every attribution in a sentence: 'according to X', 'X said', 'X:'."""
    sources = (
        [(m.start(), _clean_source(m.group(1))) for m in _ACCORDING_RE.finditer(sentence)]
        if "according" in cues
        else []
    )
    headline = _HEADLINE_RE.match(sentence) if ":" in sentence else None
    if headline:
        sources.append((headline.start(1), headline.group(1)))
    for cue in _SPEECH.finditer(sentence) if "speech" in cues else ():
        who = _speaker_before(sentence[max(0, cue.start() - 120) : cue.start()]) or _speaker_after(
            sentence[cue.end() : cue.end() + 60]
        )
        if who:
            sources.append((cue.start(), who))
    return [(p, s) for p, s in sources if s and s.lower() not in _NOT_A_SOURCE]


def _clean_source(phrase: str) -> str:
    """The source named after 'according to', without trailing clauses ('... on behalf of ...')."""
    phrase = re.sub(
        r"^(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|post|message|interview)\s+"
        r"(?:published\s+|issued\s+|released\s+|posted\s+)?(?:by|from)\s+",
        "",
        phrase,
    )
    phrase = re.split(
        r"\s+(?:on behalf of|on|in|at|during|after|before|with|via|while|when)\s+", phrase
    )[0]
    words = phrase.split()[:8]
    while words and words[-1].lower() in _NP_STOP:
        words.pop()
    return " ".join(words)


def _speaker_before(before: str) -> str:
    """The name or source right before a speech verb ('Ukrainian President Volodymyr Zelensky')."""
    words = before.rstrip(" ,").split()
    while words and words[-1].lower() in _ADVERBS:
        words.pop()
    name: list[str] = []
    while words and _NAME_TOKEN.match(words[-1].rstrip(",")) and not words[-1].endswith(","):
        name.insert(0, words.pop())
    while (
        name
        and name[0].lower() in ("of", "de", "for", "von", "der")
        or name[:1] == ["the"]
        and (len(name) != 2)
    ):
        name.pop(0)
    if name:
        return " ".join(name).strip("“”\"'’")
    phrase: list[str] = []
    while words and len(phrase) < 4 and words[-1].lower() not in _NP_STOP:
        if words[-1].endswith((",", "”", '"', ":", ";")):
            break
        phrase.insert(0, words.pop())
    if not phrase:
        return ""
    if any(w[:1].isupper() for w in phrase) or phrase[-1].lower() in _SOURCE_NOUNS:
        return " ".join((["the"] if words and words[-1] == "the" else []) + phrase)
    last = phrase[-1]
    return (
        last[:1].upper() + last[1:]
        if shipped_actors().mentions(last[:1].upper() + last[1:])
        else ""
    )


def _speaker_after(after: str) -> str:
    """The name after an inverted speech verb (', said Ben Kaiser')."""
    match = _NAME_AFTER.match(after)
    return match.group(1).strip() if match else ""
