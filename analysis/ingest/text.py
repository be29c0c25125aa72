"""Cleaning of article text: paragraphs, sentences with raw-text offsets, boilerplate and repeats.

The raw text is never changed. Every sentence is a span of it; `Sentence.text` is that span with line
breaks turned into spaces (same length), so an offset inside a sentence maps straight back to the raw
text. Page furniture (credits, captions, copyright, comment boxes, date lines) is marked boilerplate and
a sentence that repeats an earlier one (pull-quote, repeated lede) is marked a repeat, so counts made
from `counted` sentences are neither polluted nor doubled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.ingest.boundaries import split_block
from analysis.ingest.patterns import folded, lower_case_twin, minimal_strings, required_options
from analysis.ingest.repeats import repeats_and_words, words_of

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
# A run of date and time tokens at the start of a line: "13:46, Sat, Oct 19, 2024 | UPDATED: ...",
# "date 2024-10-28", "Published: 20 Nov. 2024, 15:57".
_DATELINE_RE = re.compile(
    rf"\s*(?:(?:date|published|updated|posted|last updated|first published)\s*:?\s*)?"
    rf"(?:(?:\d{{1,4}}(?:[-/.:]\d{{1,4}}){{0,2}}|{_MONTH}|{_WEEKDAY}|am|pm|gmt|utc|cet|cest|bst|"
    rf"est|edt|kst|msk|updated:?|published:?|at|on|[,|–-])\s*)+",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_HAS_DATE_LABEL = re.compile(
    r"^\s*(?:date|published|updated|posted|last updated|first published)\b", re.I
)
_HAS_TIME = re.compile(r"^\s*\d{1,2}:\d{2}\b")

_CREDIT_WORDS = (
    r"(?:image|images|photo|photos|picture|pictures|pic|foto|bild|credit|source|quelle|video)"
)
_WIRES = r"(?:reuters|ap|afp|getty(?: images)?|epa|dpa|yonhap|pool|shutterstock|tass|ria novosti|anadolu)"
BOILERPLATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("byline", re.compile(r"^\s*(?i:by)\s+[A-Z][A-Z.'’ -]+\b(?:\s*\[|\s*$)")),
    (
        "copyright",
        re.compile(
            r"©|\bcopyright\b|all rights reserved|registered trademark|ipso regulated", re.I
        ),
    ),
    ("photo credit", re.compile(rf"\(\s*{_CREDIT_WORDS}\s*:[^)]*\)\s*$", re.I)),
    ("photo credit", re.compile(rf"(?:^|[.!?]\s+){_CREDIT_WORDS}\s*:\s*\S", re.I)),
    ("photo credit", re.compile(rf"/\s*{_WIRES}\s*\)?\s*$", re.I)),
    ("photo credit", re.compile(r"\((?=[A-Z .'’/&-]*[A-Z]{3})[A-Z][A-Z .'’/&-]{3,}\)\s*$")),
    (
        "e-mail placeholder",
        re.compile(r"\[\s*\[?\s*e-?mail\s*(?:&#160;|\s)*protected\s*\]?\s*\]", re.I),
    ),
    (
        "comment box",
        re.compile(
            r"to (?:write|post|leave) (?:a )?comments?|log ?in to (?:one of )?(?:the|your) accounts?|"
            r"\(\s*\d+\s*/\s*\d+\s*\S*\)|sign up (?:for|to) our|subscribe to our|standards board policy|"
            r"share this article|follow us on|read more:|related articles?:",
            re.I,
        ),
    ),
    ("masthead", re.compile(r"\bhome of the\b[^.]*\.?\s*$", re.I)),
]
# Furniture that sits inside a paragraph (a one-line scraper body): a photo credit in brackets,
# which ends its caption ("… for more troops (Image: Getty)"); a labelled credit ("Picture: YVES
# HERMAN/REUTERS", "Bild: AP/Alexander Kazakov"); a labelled date line ("Published: 20 Nov. 2024,
# 15:57"). Text after it starts a new sentence; text before a labelled one is kept.
_CREDIT_NAME = rf"(?:(?i:{_WIRES})\b|[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?)"
_DATE_LABELS = "published|updated|posted|last updated|first published"
_INLINE_FURNITURE_RE = re.compile(
    rf"(?P<caption>\(\s*(?i:{_CREDIT_WORDS})\s*:[^()]*\)|\([A-Z][A-Z.'’&-]*(?:\s+[A-Z][A-Z.'’&-]*)*\s*/\s*[A-Z][A-Z .'’&/-]*\))"
    rf"|(?P<credit>(?<![\w-])(?=[A-Z])(?i:{_CREDIT_WORDS})\s*:\s*{_CREDIT_NAME}(?:\s*/\s*{_CREDIT_NAME})*)"
    rf"|(?P<dateline>(?<![\w-])(?=[A-Z])(?i:{_DATE_LABELS})\s*:)"
)
# what a match needs: a colon and a credit or date label (in any case), or a bracket and a slash
_INLINE_LABELS = minimal_strings({*_CREDIT_WORDS[3:-1].split("|"), *_DATE_LABELS.split("|")})
# A lone name under a pull-quote ("Wladimir Putin"): two or three capitalised words, nothing else.
_LONE_NAME_RE = re.compile(r"^\s*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}\s*$")
_BYLINE_TAIL_RE = re.compile(r"^\s*(?:with|for|and) the [A-Z][\w ]{0,60}$")

_TERMINAL_RE = re.compile(r"[.!?…:][\"”’»)\]]*\s*$")
_OPENING_QUOTES = '"“‘«„'
MAX_SENTENCE_CHARS = 2000  # ten times a long news sentence


@dataclass(frozen=True)
class Sentence:
    """A span of an article's raw text, with its status for counting."""

    index: int
    char_start: int
    char_end: int
    text: str
    is_boilerplate: bool
    is_repeat: bool
    # repeats.WORD_RE's words in `text`, counted while repeats are found (-1: not counted, furniture)
    words: int = field(default=-1, compare=False, repr=False)

    def __init__(
        self,
        index: int,
        char_start: int,
        char_end: int,
        text: str,
        is_boilerplate: bool,
        is_repeat: bool,
        words: int = -1,
    ) -> None:
        # the fields set at once: a frozen dataclass's own __init__ sets each one through
        # object.__setattr__, four times slower, for some thirty sentences an article
        self.__dict__.update(
            index=index,
            char_start=char_start,
            char_end=char_end,
            text=text,
            is_boilerplate=is_boilerplate,
            is_repeat=is_repeat,
            words=words,
        )

    @property
    def counted(self) -> bool:
        """True when the sentence is analysed and counted (not furniture, not a repeat)."""
        return not (self.is_boilerplate or self.is_repeat)


_LOWER_CASE = {pattern: lower_case_twin(pattern) for _, pattern in BOILERPLATE_PATTERNS}
# what each pattern (and its lower-case twin) needs in a line to match at all: sets of strings, a
# line holding none of one set cannot match ('(', ':' or '/' first: most lines hold none of them)
_NEEDS = {pattern: required_options(pattern) for _, pattern in BOILERPLATE_PATTERNS}
_TWIN_NEEDS = {pattern: twin and required_options(twin) for pattern, twin in _LOWER_CASE.items()}
# a lower-cased line holding none of the first set of each twin is tried with the other patterns only
_GATED = [pattern for pattern, needs in _TWIN_NEEDS.items() if needs]
_ANY_NEED = minimal_strings({s for pattern in _GATED for s in _TWIN_NEEDS[pattern][0]})
_UNGATED = [(reason, pattern) for reason, pattern in BOILERPLATE_PATTERNS if pattern not in _GATED]


def _holds(needs: list[tuple[str, ...]], text: str) -> bool:
    """True when `text` holds one string of each set of `needs` (it may match their pattern)."""
    for strings in needs:  # noqa: SIM110 - a loop: no generator made per line
        if not any(map(text.__contains__, strings)):
            return False
    return True


def boilerplate_reason(line: str) -> str:
    """Why a line is page furniture ('' when it is article text)."""
    return _reason(line, folded(line))


def _reason(line: str, lowered: str | None) -> str:
    """`boilerplate_reason` of a line given `folded(line)`."""
    patterns = BOILERPLATE_PATTERNS
    if lowered is not None and not any(map(lowered.__contains__, _ANY_NEED)):
        patterns = _UNGATED
    for reason, pattern in patterns:
        twin = _LOWER_CASE[pattern] if lowered is not None else None
        if twin:
            if _holds(_TWIN_NEEDS[pattern], lowered) and twin.search(lowered):
                return reason
        elif _holds(_NEEDS[pattern], line) and pattern.search(line):
            return reason
    if _LONE_NAME_RE.match(line) and len(line.strip()) < 40:
        return "pull-quote attribution"
    return ""


def may_hold_inline(line: str, lowered: str | None) -> bool:
    """False when `line` (`lowered`: its `folded` twin) cannot hold inline furniture."""
    if lowered is None:  # a colon or a slash, each match has one
        return ":" in line or "/" in line
    if ":" in line and any(map(lowered.__contains__, _INLINE_LABELS)):
        return True
    return "/" in line and "(" in line


def dateline_length(line: str) -> int:
    """Length of a date/time line prefix ('date 2024-10-28', '13:46, Sat, Oct 19, 2024'), else 0."""
    match = _DATELINE_RE.match(line)
    if not match:
        return 0
    prefix = match.group(0)
    if _HAS_YEAR.search(prefix) and (_HAS_DATE_LABEL.match(prefix) or _HAS_TIME.match(prefix)):
        return match.end()
    return 0


def _lines(raw: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of every line from `start`, without the newline."""
    spans = []
    while start <= len(raw):
        end = raw.find("\n", start)
        end = len(raw) if end < 0 else end
        spans.append((start, end))
        start = end + 1
    return spans


def _is_hard_wrap(previous: str, following: str) -> bool:
    """True when a line break falls inside a sentence (the next line continues the previous)."""
    previous, following = previous.rstrip(), following.lstrip()
    if not previous or not following or _TERMINAL_RE.search(previous):
        return False
    first = following[0]
    if first.islower():
        return True
    return previous[-1] in ",;(–—-" or (
        previous[-1].isalpha() and previous.split()[-1].islower() and first in _OPENING_QUOTES
    )


def _blocks(raw: str, start: int) -> list[tuple[int, int, str]]:
    """Paragraph-like blocks (start, end, boilerplate reason): hard-wrapped lines joined, furniture apart."""
    blocks: list[tuple[int, int, str]] = []
    open_block: list[int] | None = None
    previous_text = ""
    after_byline = False
    # lower-cased once: a line's slice of it is the line lower-cased (same length), but for a
    # capital sigma, whose lower case depends on the letters around it
    lowered = folded(raw) if "Σ" not in raw else None
    for line_start, line_end in _lines(raw, start):
        line = raw[line_start:line_end].rstrip("\r")
        if not line.strip():
            open_block, previous_text = None, ""
            continue
        skip = dateline_length(line)
        if skip:
            blocks.append((line_start, line_start + skip, "date line"))
            line_start += skip
            line = raw[line_start:line_end].rstrip("\r")
            if not line.strip():
                open_block = None
                continue
        low = lowered[line_start : line_start + len(line)] if lowered is not None else None
        reason = _reason(line, low) if low is not None else boilerplate_reason(line)
        if not reason and after_byline and _BYLINE_TAIL_RE.match(line):
            reason = "byline"
        after_byline = reason == "byline"
        inline = may_hold_inline(line, low) and _INLINE_FURNITURE_RE.search(line)
        pieces = _mixed_line(line) if reason or inline else None
        if pieces:
            blocks.extend((line_start + s, line_start + e, why) for s, e, why in pieces)
            open_block, previous_text = None, ""
            continue
        if reason:
            blocks.append((line_start, line_start + len(line), reason))
            open_block, previous_text = None, ""
            continue
        if open_block is not None and _is_hard_wrap(previous_text, line):
            open_block[1] = line_start + len(line)
            blocks[-1] = (open_block[0], open_block[1], "")
        else:
            open_block = [line_start, line_start + len(line)]
            blocks.append((open_block[0], open_block[1], ""))
        previous_text = line
    return blocks


def _mixed_line(line: str) -> list[tuple[int, int, str]] | None:
    """A line holding both article text and furniture cut into pieces (start, end, reason), offsets
    in the line; None when the line is all text or all furniture (then it stays one block)."""
    pieces: list[tuple[int, int, str]] = []
    for start, end in split_block(line, 0, len(line)):
        pieces.extend(_cut_inline(line, start, end))
    reasons = [why or boilerplate_reason(line[s:e]) for s, e, why in pieces]
    if len(pieces) == 2 and reasons[1] == "photo credit":
        reasons[0] = "photo credit"  # a caption line: one sentence and its credit
    for i, (s, e, _) in enumerate(pieces):
        neighbours = [reasons[j] for j in (i - 1, i + 1) if 0 <= j < len(pieces) and reasons[j]]
        if not reasons[i] and neighbours and count_words(line[s:e]) <= 2:
            reasons[i] = neighbours[0]  # a name left beside furniture ("Express. Home of the …")
    if all(reasons) or not any(reasons):
        return None
    return [(s, e, why) for (s, e, _), why in zip(pieces, reasons, strict=True)]


def _cut_inline(line: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A sentence span cut where furniture inside it starts and ends: (start, end, reason) with
    reason '' for text (a piece's own furniture patterns are checked by the caller)."""
    pieces: list[tuple[int, int, str]] = []
    cursor = start
    skip = dateline_length(line[start:end])
    if skip:
        pieces.append((start, start + skip, "date line"))
        cursor = start + skip
    for match in _INLINE_FURNITURE_RE.finditer(line, cursor, end):
        if match.start() < cursor:
            continue
        cut, stop = match.start(), match.end()
        if match.group("caption"):
            cut = cursor  # the caption before a bracketed credit is furniture with it
        elif match.group("dateline"):
            length = dateline_length(line[cut:end])
            if not length:
                continue
            stop = cut + length
        if cut > cursor:
            pieces.append((cursor, cut, ""))
        pieces.append((cut, stop, "date line" if match.group("dateline") else "photo credit"))
        cursor = stop
    if cursor < end:
        pieces.append((cursor, end, ""))
    trimmed = [_trim(line, s, e) + (why,) for s, e, why in pieces]
    return [(s, e, why) for s, e, why in trimmed if e > s]


def split_sentences(
    raw_text: str, start: int = 0, abbreviations: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Split `raw_text` (from offset `start`, past any metadata header) into marked sentences;
    `abbreviations` (lower case, no final stop) add to the English ones for another language."""
    spans: list[tuple[int, int, bool]] = []
    for block_start, block_end, reason in _blocks(raw_text, start):
        if reason:
            spans.append((block_start, block_end, True))
            continue
        for s, e in split_block(raw_text, block_start, block_end, abbreviations):
            if e - s > MAX_SENTENCE_CHARS:
                spans.extend(
                    (piece_s, piece_e, False) for piece_s, piece_e in cut_long(raw_text, s, e)
                )
            else:
                spans.append((s, e, False))
    kept: list[tuple[int, int, bool]] = []
    for s, e, boilerplate in spans:
        if s < e and (raw_text[s].isspace() or raw_text[e - 1].isspace()):
            s, e = _trim(raw_text, s, e)
        if e > s:
            kept.append((s, e, boilerplate))
    flat = flatten(raw_text)  # the same length: each sentence's text is its span of it
    texts = [flat[s:e] for s, e, _ in kept]
    repeats, words = repeats_and_words(texts, [not b for _, _, b in kept])
    return [
        Sentence(i, s, e, texts[i], b, repeats[i], words[i]) for i, (s, e, b) in enumerate(kept)
    ]


def cut_long(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span longer than any real sentence (no stop in it) cut at spaces into pieces that are not:
    every per-sentence step then costs bounded time, whatever the text."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = max(raw.rfind(" ", start + 1, limit), raw.rfind("\n", start + 1, limit))
        cut = space if space > start else limit
        pieces.append((start, cut))
        start = cut
    return [*pieces, (start, end)]


def _trim(raw: str, start: int, end: int) -> tuple[int, int]:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return start, end


def flatten(span: str, breaks: str = "\n\r\t\f\v") -> str:
    """The span with line breaks and tabs (`breaks`) as spaces, same length so offsets still map
    (one str.replace per character present: str.translate takes its slow path on non-ASCII text)."""
    for char in breaks:
        if char in span:
            span = span.replace(char, " ")
    return span


def count_words(text: str) -> int:
    """Words in a text, counted the one way the whole project uses (the base of every rate)."""
    return len(words_of(text))
