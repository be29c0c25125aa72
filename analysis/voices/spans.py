"""Quote records and direct-quote spans, for every language: where each quote opens and closes in
the raw text (any quote style, across sentences and paragraphs), the text with the quotes masked
out, and the `Quote` rows the speaker readers (analysis/voices/quotes.py, analysis/voices/attribution.py) make.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from analysis.ingest.text import Sentence, count_words, flatten
from analysis.voices.phrases import MASK
from analysis.voices.speakers import Speaker

WORD_CHAR_RE = re.compile(r"\w")
_CORNER_CLOSE = {"「": "」", "『": "』"}  # CJK corner brackets
_MARK_RE = re.compile(
    "[“”„«»\"‘’‚'「」『』]"
)  # the quote marks (and apostrophes) spans start or end at


@dataclass(frozen=True)
class Quote:
    """A direct or reported quote with its speaker and the span of its content in the raw text
    (`text` is that span with its white space flattened)."""

    article_id: str
    speaker: str
    affiliation: str
    camp: str
    cue: str
    kind: str
    text: str
    char_start: int
    char_end: int

    def __init__(
        self,
        article_id: str,
        speaker: str,
        affiliation: str,
        camp: str,
        cue: str,
        kind: str,
        text: str,
        char_start: int,
        char_end: int,
    ) -> None:
        # the fields set at once (as text.Sentence does): a frozen dataclass's own __init__ sets
        # each one through object.__setattr__, three times slower, for every quote and copy
        self.__dict__.update(
            article_id=article_id,
            speaker=speaker,
            affiliation=affiliation,
            camp=camp,
            cue=cue,
            kind=kind,
            text=text,
            char_start=char_start,
            char_end=char_end,
        )

    @cached_property
    def words(self) -> int:
        """The words of its text (text.count_words), counted once for the quotes table and tone."""
        return count_words(self.text)


@dataclass
class Span:
    """A direct quote: positions of its opening and closing marks (close == paragraph end if open)."""

    open_at: int
    close_at: int
    continues: bool = False


def paragraph_spans(raw: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Spans of consecutive non-boilerplate sentences not separated by a line break."""
    paragraphs: list[list[int]] = []
    for i, sentence in enumerate(sentences):
        previous = sentences[i - 1] if i else None
        joined = (
            previous is not None
            and previous.index == sentence.index - 1
            and "\n" not in raw[previous.char_end : sentence.char_start]
        )
        if joined:
            paragraphs[-1][1] = sentence.char_end
        else:
            paragraphs.append([sentence.char_start, sentence.char_end])
    return [(start, end) for start, end in paragraphs]


def _flanks(raw: str, i: int) -> tuple[bool, bool]:
    """(opens, closes): whether the mark at i can open (left-flanking) or close a quote."""
    before = raw[i - 1] if i > 0 else " "
    after = raw[i + 1] if i + 1 < len(raw) else " "
    opens = (before.isspace() or before in '([{—–-/"“‘«„') and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in '.,;:!?)]}—–-…"”’»')
    return opens, closes


def _inside_word(raw: str, i: int) -> bool:
    """Whether the mark at i stands between two letters of one word."""
    return 0 < i < len(raw) - 1 and raw[i - 1].isalpha() and raw[i + 1].isalpha()


def direct_spans(
    raw: str, paragraphs: list[tuple[int, int]], *, glued_close: bool = False
) -> list[Span]:
    """Quote spans: double quotes of any style, single ‘…’ quotes outside them, never apostrophes.
    `glued_close`: a closing quote may be followed by a letter (Korean "…"라고 말했다)."""
    spans: list[Span] = []
    carried = False
    for start, end in paragraphs:
        open_at: int | None = None
        opener = ""
        single_at: int | None = None
        continues = carried and raw[start] in '“„«"'
        for found in _MARK_RE.finditer(raw, start, end):
            i, mark = found.start(), found.group()
            if mark == '"' and not glued_close and _inside_word(raw, i):
                continue  # a Hebrew acronym's gershayim typed as '"' (צה"ל), not a quote mark
            opens, closes = _flanks(raw, i)
            closes = closes or (glued_close and not opens and not raw[i - 1].isspace())
            if open_at is None:
                if mark in "“„«「『" or (mark == '"' and (opens or not closes)):
                    open_at, opener, single_at = i, mark, None
                elif mark in "‘‚'" and opens and single_at is None:
                    single_at, opener = i, mark
                elif (
                    single_at is not None
                    and closes
                    and (mark == "’" or mark == "‘" and opener == "‚" or mark == "'" == opener)
                ):
                    spans.append(Span(single_at, i))
                    single_at = None
            elif (
                mark == _CORNER_CLOSE.get(opener)  # 「…」, 『…』: closed by their own mark only
                if opener in _CORNER_CLOSE
                else mark in "”»"
                or (mark in '"“' and closes and not opens)
                or (mark == "“" and opener == "„")
            ):
                spans.append(Span(open_at, i, continues))
                open_at, continues = None, False
        carried = open_at is not None
        if carried:
            spans.append(Span(open_at, end, continues))
    spans = [s for s in spans if WORD_CHAR_RE.search(raw, s.open_at + 1, s.close_at)]
    return sorted(spans, key=lambda s: s.open_at)


def masked_text(raw: str, spans: list[Span]) -> str:
    """The raw text with every direct quote (marks included) replaced by MASK, same length."""
    flat = flatten(raw, "\n\r\t")
    parts, at = [], 0
    for span in spans:  # sorted by their opening mark
        start, stop = max(span.open_at, at), min(span.close_at + 1, len(raw))
        if stop > start:
            parts += [flat[at:start], MASK * (stop - start)]
            at = stop
    return "".join([*parts, flat[at:]])


def trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma from a content span."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and (raw[end - 1].isspace() or raw[end - 1] == ","):
        end -= 1
    return start, end


def flat_text(text: str) -> str:
    return " ".join(text.split())


def spoken_quote(
    article_id: str, speaker: Speaker, cue: str, kind: str, raw: str, start: int, end: int
) -> Quote:
    actor = speaker.actor
    return Quote(
        article_id,
        speaker.name,
        actor.name if actor else "",
        actor.camp if actor else "",
        cue,
        kind,
        flat_text(raw[start:end]),
        start,
        end,
    )


def quote_like(source: Quote, quote: Quote) -> Quote:
    """`quote` spoken by the speaker of `source` (a quote paragraph continuing another)."""
    return replace(
        quote,
        speaker=source.speaker,
        affiliation=source.affiliation,
        camp=source.camp,
        cue=source.cue,
    )
