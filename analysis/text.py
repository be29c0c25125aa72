"""Cleaning of article text: paragraphs, sentences with raw-text offsets, boilerplate and repeats.

The raw text is never changed. Every sentence is a span of it; `Sentence.text` is that span with line
breaks turned into spaces (same length), so an offset inside a sentence maps straight back to the raw
text. Page furniture (credits, captions, copyright, comment boxes, date lines) is marked boilerplate and
a sentence that repeats an earlier one (pull-quote, repeated lede) is marked a repeat, so counts made
from `counted` sentences are neither polluted nor doubled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis import languages
from analysis.lexicon import LexiconError
from analysis.patterns import may_match, required_literals

WORD_RE = re.compile(r"\w+(?:[.,'’-]\w+)*")
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
_INLINE_FURNITURE_RE = re.compile(
    rf"(?P<caption>\(\s*(?i:{_CREDIT_WORDS})\s*:[^()]*\)|\([A-Z][A-Z.'’&-]*(?:\s+[A-Z][A-Z.'’&-]*)*\s*/\s*[A-Z][A-Z .'’&/-]*\))"
    rf"|(?P<credit>(?<![\w-])(?=[A-Z])(?i:{_CREDIT_WORDS})\s*:\s*{_CREDIT_NAME}(?:\s*/\s*{_CREDIT_NAME})*)"
    r"|(?P<dateline>(?<![\w-])(?=[A-Z])(?i:published|updated|posted|last updated|first published)\s*:)"
)
# A lone name under a pull-quote ("Wladimir Putin"): two or three capitalised words, nothing else.
_LONE_NAME_RE = re.compile(r"^\s*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}\s*$")
_BYLINE_TAIL_RE = re.compile(r"^\s*(?:with|for|and) the [A-Z][\w ]{0,60}$")

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen brig lt col sgt cpl pvt capt maj adm cmdr rep sen gov pres st jr sr rev hon "
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx dept est fig inc ltd co "
    "corp mt ft ave univ min max".split()
)
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i this that these those but and in on at after before as if "
    "when while there his her its their our".split()
)
# A sentence ends at . ! ? or … (with closing quotes/brackets) followed by space and an opening token
# (a run of stops is tried from its first stop only: retrying inside a long '......' is quadratic)
_BOUNDARY_RE = re.compile(
    r"(?:(?<![.!?])[.!?]+|…)[\"”’»“)\]]*(?=\s+(?:«\s?|[\"“‘„(\[])?[^\W_])"  # « Oui » : French spacing
)
_TERMINAL_RE = re.compile(r"[.!?…:][\"”’»)\]]*\s*$")
_OPENING_QUOTES = '"“‘«„'
MAX_SENTENCE_CHARS = 2000  # ten times a long news sentence
_NEAR = 100  # characters each side of a stop that decide it (the words next to it): keeps splitting linear


@dataclass(frozen=True)
class Sentence:
    """A span of an article's raw text, with its status for counting."""

    index: int
    char_start: int
    char_end: int
    text: str
    is_boilerplate: bool
    is_repeat: bool

    @property
    def counted(self) -> bool:
        """True when the sentence is analysed and counted (not furniture, not a repeat)."""
        return not (self.is_boilerplate or self.is_repeat)


# A case-insensitive pattern written in lower case, searched without IGNORECASE in the lower-cased
# text, gives the same matches at the same offsets (str.lower keeps every other character's length
# and turns no other character into ASCII, and \w \s \d do not change under it), many times faster:
# Python's re scans ahead for literals only when case matters. Not for a text holding one of the
# four characters IGNORECASE matches to ASCII letters (İ ı ſ K), which is searched as it is.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The same pattern without IGNORECASE, for `folded` text; None unless `pattern` ignores
    case and is written in lower case (escapes aside)."""
    bare = re.sub(r"\\.", "", pattern.pattern)
    if not pattern.flags & re.IGNORECASE or bare != bare.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def folded(text: str) -> str | None:
    """`text` lower-cased for `lower_case_twin` patterns; None when it must be searched as it is."""
    return None if _CASE_TRAPS.search(text) else text.lower()


_LOWER_CASE = {pattern: lower_case_twin(pattern) for _, pattern in BOILERPLATE_PATTERNS}
# what each pattern (and its lower-case twin) needs in a line to match at all: most lines hold none
_NEEDS = {pattern: required_literals(pattern) for _, pattern in BOILERPLATE_PATTERNS}
_TWIN_NEEDS = {pattern: twin and required_literals(twin) for pattern, twin in _LOWER_CASE.items()}


def boilerplate_reason(line: str) -> str:
    """Why a line is page furniture ('' when it is article text)."""
    lowered = folded(line)
    for reason, pattern in BOILERPLATE_PATTERNS:
        fast = _LOWER_CASE.get(pattern) if lowered is not None else None
        if fast:
            if may_match(_TWIN_NEEDS[pattern], lowered) and fast.search(lowered):
                return reason
        elif may_match(_NEEDS[pattern], line) and pattern.search(line):
            return reason
    if _LONE_NAME_RE.match(line) and len(line.strip()) < 40:
        return "pull-quote attribution"
    return ""


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
        reason = boilerplate_reason(line)
        if not reason and after_byline and _BYLINE_TAIL_RE.match(line):
            reason = "byline"
        after_byline = reason == "byline"
        inline = ("/" in line or ":" in line) and _INLINE_FURNITURE_RE.search(
            line
        )  # each needs one
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
    for start, end in _split_block(line, 0, len(line)):
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


def _ends_with_abbreviation(text: str, extra: frozenset[str] = frozenset()) -> bool:
    """True when the text before a full stop ends with an abbreviation ('Nov', 'U.S', 'Gen', 'J'),
    English or one of `extra` (the article's language pack: 'т.е', 'bzw', 'Sr', 'г')."""
    word = text.rsplit(None, 1)[-1].lstrip('("“‘«„') if text.strip() else ""
    bare = word.rstrip(".").lower()
    if bare in _ABBREVIATIONS or bare in extra or (len(bare) == 1 and bare.isalpha()):
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare))


def _is_lowercase_continuation(
    before: str, block: str, match: re.Match[str], extra: frozenset[str] = frozenset()
) -> bool:
    """True when the text after a stop starts in lower case and the stop does not end a sentence.

    Lower case after a full stop ends a sentence only after an ordinary word ("sent it to him.
    kyiv also warned", a slip common in translated copy), never after an abbreviation, an initial
    or a dotted acronym ("approx. five", "3 p.m. on", "e.g. the"), nor after ! ? or an ellipsis.
    """
    following = block[match.end() : match.end() + _NEAR].lstrip().lstrip('"“‘«([')
    if not following[:1].islower():
        return False
    if block[match.start() : match.end()].rstrip('"”’»)]') != ".":
        return True
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return len(word) < 3 or not word.isalpha() or _ends_with_abbreviation(before + ".", extra)


def _split_block(
    raw: str, start: int, end: int, extra: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence spans inside one block of article text (`extra`: the language's abbreviations)."""
    spans: list[tuple[int, int]] = []
    block = raw[start:end]
    cursor = 0
    for match in _BOUNDARY_RE.finditer(block):
        before = block[max(cursor, match.start() - _NEAR) : match.start()]
        if _is_lowercase_continuation(before, block, match, extra):
            continue
        if block[match.start()] == "." and _ends_with_abbreviation(before + ".", extra):
            following = block[match.end() : match.end() + _NEAR].lstrip().lstrip('"“‘«(').split()
            acronym = "." in before.rsplit(None, 1)[-1] if before.strip() else False
            if not (acronym and following and following[0].lower() in _SENTENCE_STARTERS):
                continue
        spans.append((start + cursor, start + match.end()))
        cursor = match.end()
        while cursor < len(block) and block[cursor].isspace():
            cursor += 1
    if cursor < len(block):
        spans.append((start + cursor, end))
    return [(s, e) for s, e in spans if raw[s:e].strip()]


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def token_set(text: str) -> frozenset[str]:
    """The distinct lower-cased words of a text."""
    return frozenset(_tokens(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of distinct words two texts have in common (0 … 1): how near-copies are found."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _mark_repeats(texts: list[str], eligible: list[bool]) -> list[bool]:
    """Mark a sentence as a repeat when an earlier one has the same words (any order) or nearly so."""
    repeats = [False] * len(texts)
    exact: set[tuple[str, ...]] = set()
    index: dict[str, list[int]] = {}
    token_sets: list[frozenset[str]] = []
    for i, text in enumerate(texts):
        tokens = _tokens(text)
        words = frozenset(tokens)
        token_sets.append(words)
        if not eligible[i] or len(tokens) < 4:
            continue
        key = tuple(sorted(tokens))
        if key in exact:
            repeats[i] = True
            continue
        if len(words) >= 6:
            probes = sorted(words, key=len, reverse=True)[:3]
            candidates = {j for word in probes for j in index.get(word, ())}
            repeats[i] = any(jaccard(words, token_sets[j]) >= 0.8 for j in candidates)
        if not repeats[i]:
            exact.add(key)
            for word in words:
                index.setdefault(word, []).append(i)
    return repeats


def pack_abbreviations(language: str) -> frozenset[str]:
    """The abbreviations of `language`'s pack (data/languages/<code>/text.toml), lower case and
    without their final stop; empty when the language has none. A malformed list raises
    LexiconError naming the file."""
    data = languages.read_pack(language, "text.toml")
    words = data.get("abbreviations", [])
    if set(data) - {"abbreviations"} or not isinstance(words, list):
        path = languages.pack_file(language, "text.toml")
        raise LexiconError(str(path), "text.toml takes one key: abbreviations = [ ... ]")
    if not all(isinstance(w, str) and w.strip(" .") for w in words):
        path = languages.pack_file(language, "text.toml")
        raise LexiconError(str(path), "abbreviations must be non-empty strings")
    return frozenset(w.strip().rstrip(".").lower() for w in words)


def split_sentences(
    raw_text: str, start: int = 0, abbreviations: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Split `raw_text` (from offset `start`, past any metadata header) into marked sentences;
    `abbreviations` (lower case, no final stop) add to the English ones for another language."""
    spans: list[tuple[int, int, bool]] = []
    for block_start, block_end, reason in _blocks(raw_text, start):
        if reason:
            spans.append((block_start, block_end, True))
        else:
            for s, e in _split_block(raw_text, block_start, block_end, abbreviations):
                spans.extend(
                    (piece_start, piece_end, False)
                    for piece_start, piece_end in cut_long(raw_text, s, e)
                )
    spans = [_trim(raw_text, s, e) + (b,) for s, e, b in spans]
    spans = [(s, e, b) for s, e, b in spans if e > s]
    texts = [flatten(raw_text[s:e]) for s, e, _ in spans]
    repeats = _mark_repeats(texts, [not b for _, _, b in spans])
    return [Sentence(i, s, e, texts[i], b, repeats[i]) for i, (s, e, b) in enumerate(spans)]


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
    return len(WORD_RE.findall(text))
