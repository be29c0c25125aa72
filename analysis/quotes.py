"""Who is quoted: direct quotes, reported speech and their speakers, with offsets into the raw text.

Direct quotes are found in any quote style (“…”, "…", ‘…’, «…», „…“), across sentences and across
paragraphs (a paragraph that opens a quote without closing it continues at the next opening quote).
Speakers come from the cue next to the quote ("X said", "said X", "X, speaking in Rio, told
reporters", "He said:", "according to X", "For X, ..."), from the sentence's speech verb ("Rutte
said the deployment represented “…”"), or from the previous quote when a quote paragraph stands
alone. Pronouns and titles ("he added", "the minister said") point back at the last matching speaker;
names are written in full as the article first gives them ("Starmer" -> "Keir Starmer"); the
grammar of speaker phrases lives in analysis/speakers.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import islice, pairwise

from analysis.actors import Actors
from analysis.article import Article
from analysis.patterns import may_match, required_literals
from analysis.speakers import (
    CUE_RE,
    MASK,
    PREPOSITION_START_RE,
    PRONOUNS,
    Context,
    Speaker,
    full_names,
    remember_people,
    resolve,
    valid_np,
)
from analysis.text import Sentence, flatten
from analysis.transcripts import captions, display_name, turns

FRAME_WINDOW = 600  # characters around a quote searched for its attribution
MAX_CUES = 6  # speech verbs tried per sentence (bounds the work on pathological input)
# Verbs that introduce reported speech: "X said (that) <clause>".
_REPORT = frozenset(
    "say said says told tells added adds continued warned warns stressed noted explained insisted argued "
    "claimed claims stated declared wrote posted tweeted announced confirmed acknowledged admitted "
    "emphasized emphasised reiterated hoped believes believed affirmed predicted estimated "
    "reported".split()
) | {"told reporters", "told journalists", "went on to say"}
_TOLD_OBJECT_RE = re.compile(
    r"(?:\s+(?:reporters|journalists|him|her|them|parliament|lawmakers|"
    r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|the\s+(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|\w+)))"
)
# "did not deny", "has not been told", "was told": no speech by the subject.
_NEGATED_RE = re.compile(
    r"\b(?:(?:not|n't|never|neither|nor|no)(?:\s+(?:been|be|yet|even))?|been|was|were|being)\s*$",
    re.I,
)
_CLAUSE_START_RE = re.compile(
    r"^(?:that\b|the\b|a\b|an\b|it\b|he\b|she\b|they\b|we\b|I\b|there\b|this\b|these\b|those\b|"
    r"his\b|her\b|its\b|their\b|our\b|no\b|any\b|some\b|[A-Z\d])"
)
_QUANTITY_START_RE = re.compile(
    r"^(?:about|around|some|nearly|almost|roughly|up to|at least|more than|over|as many as)\s+\d"
)
_OTHER_CLAUSE_RE = re.compile(
    r"\b(?:while|but|and|whereas|when|as|after|before|because|which|that|although)\b"
)
_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|had|has|have|would|will|could|can|should|must|did|does|might|may)\b"
)
# "according to the latest U.K. estimates": an abbreviation's full stop before a lower-case word
# does not end the source.
_ACCORDING_RE = re.compile(
    r"\b[Aa]ccording to\s+((?:[^,.;]|\.(?=\w)|(?<=\b[A-Z])\.(?=\s+[a-z])|,(?=\d))+)"
)
_FOR_X_RE = re.compile(
    r"^For\s+(?P<desc>[^,]{3,120}),\s+(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+),\s"
)
_WORD_CHAR_RE = re.compile(r"\w")
_MARK_RE = re.compile("[“”„«»\"‘’‚']")  # the quote marks (and apostrophes) spans start or end at
_HEADLINE_RE = re.compile(
    r"^(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s+(?P<content>\S.+)$"
)


@dataclass(frozen=True)
class Quote:
    """A direct or reported quote with its speaker and the span of its content in the raw text."""

    article_id: str
    speaker: str
    affiliation: str
    camp: str
    cue: str
    kind: str
    text: str
    char_start: int
    char_end: int


@dataclass
class _Span:
    """A direct quote: positions of its opening and closing marks (close == paragraph end if open)."""

    open_at: int
    close_at: int
    continues: bool = False


def quote_at(quotes: list[Quote], char_start: int, char_end: int) -> Quote | None:
    """The innermost quote whose content span covers [char_start, char_end), else None."""
    covering = [q for q in quotes if q.char_start <= char_start and char_end <= q.char_end]
    return min(covering, key=lambda q: q.char_end - q.char_start, default=None)


def find_quotes(
    article: Article, actors: Actors, named: dict[str, list] | None = None
) -> list[Quote]:
    """Direct and reported quotes of `article` with speakers; [] when the article quotes no one.
    `named`: the article's memo of the people each text names, shared with its people table."""
    sentences = [s for s in article.sentences if not s.is_boilerplate]
    if not sentences:
        return []
    raw = article.raw_text
    spans = _direct_spans(raw, _paragraphs(raw, sentences))
    masked = _masked(raw, spans)
    starts = [s.char_start for s in sentences]
    context = Context(actors, named={} if named is None else named)
    context.full_names = full_names(article.sentences, context)
    found: list[Quote] = []
    chain: list[tuple[_Span, Quote]] = []
    opens = [span.open_at for span in spans]  # spans come sorted by their opening mark
    previous_direct: Quote | None = None
    previous_sentence = -2
    for position, sentence in enumerate(sentences):
        text = masked[sentence.char_start : sentence.char_end]
        attributed_next_to_quote = False
        first_quote = masked.find(MASK, sentence.char_start, sentence.char_end)
        if first_quote > sentence.char_start:  # "X condemned what she called “…”": she is X
            remember_people(raw[sentence.char_start : first_quote], position, context)
        first = bisect.bisect_left(opens, sentence.char_start)
        for span in spans[first : bisect.bisect_left(opens, sentence.char_end)]:
            close_sentence = sentences[max(0, bisect.bisect_right(starts, span.close_at) - 1)]
            standalone_ok = previous_direct is not None and previous_sentence >= position - 1
            quote, framed = _attribute_direct(
                raw,
                masked,
                span,
                sentence,
                close_sentence,
                context,
                position,
                previous_direct if (span.continues or standalone_ok) else None,
                article.article_id,
            )
            found.append(quote)
            chain.append((span, quote))
            previous_direct = quote if quote.speaker else previous_direct
            previous_sentence = position
            attributed_next_to_quote = attributed_next_to_quote or framed
        if not attributed_next_to_quote:  # "“…,” he added, …" is the quote's frame, not a report
            found.extend(
                _reported(text, sentence.char_start, raw, context, position, article.article_id)
            )
        remember_people(sentence.text, position, context)
    found = _backfill_multi_paragraph(found, chain)
    found = _captioned(found, raw, context, article.article_id)
    found += _transcript_turns(raw, sentences[0].char_start, context, article.article_id)
    return sorted(found, key=lambda q: (q.char_start, -(q.char_end - q.char_start)))


# --- broadcast formats (analysis/transcripts.py) -------------------------------------------------


def _transcript_turns(raw: str, body_start: int, context: Context, article_id: str) -> list[Quote]:
    """Each turn of a transcript spoken by someone other than the outlet's host or reporter."""
    known = dict(context.full_names)
    found, journalists = [], set()
    for turn in turns(raw, body_start):
        name = display_name(turn.written, known)
        if " " in name:
            known.setdefault(name.split()[-1], name)
        if turn.journalist:  # "JOHN ROE, BYLINE:" then "ROE:" is the reporter again
            journalists.add(name)
        start, end = _content(raw, turn.start, turn.end)
        if name in journalists or not _WORD_CHAR_RE.search(raw, start, end):
            continue
        actor = context.actors.affiliation(name, turn.role)
        speaker = Speaker(name, turn.role, actor, True)
        found.append(_quote(article_id, speaker, "transcript", "direct", raw, start, end))
    return found


def _captioned(found: list[Quote], raw: str, context: Context, article_id: str) -> list[Quote]:
    """A quoted sound bite under a caption line ('Kim Min-jun / Democratic Party') is spoken by the
    captioned person, with the caption's title."""
    for name, title, start, end in captions(raw):
        actor = context.actors.affiliation(name, title)
        speaker = _quote(
            article_id, Speaker(name, title, actor, True), "caption", "direct", raw, 0, 0
        )
        found = [
            _quote_like(speaker, q) if not q.speaker and start <= q.char_start < end else q
            for q in found
        ]
    return found


def _backfill_multi_paragraph(found: list[Quote], chain: list[tuple[_Span, Quote]]) -> list[Quote]:
    """A quote paragraph left open takes the speaker named where the quote finally closes."""
    speaker_of: dict[Quote, Quote] = {}
    for (_, earlier), (span, later) in reversed(list(pairwise(chain))):
        source = speaker_of.get(later, later)
        if span.continues and not earlier.speaker and source.speaker:
            speaker_of[earlier] = source
    return [_quote_like(speaker_of[q], q) if q in speaker_of else q for q in found]


# --- direct quotes -----------------------------------------------------------------------------


def _paragraphs(raw: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
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


def _direct_spans(
    raw: str, paragraphs: list[tuple[int, int]], *, glued_close: bool = False
) -> list[_Span]:
    """Quote spans: double quotes of any style, single ‘…’ quotes outside them, never apostrophes.
    `glued_close`: a closing quote may be followed by a letter (Korean "…"라고 말했다)."""
    spans: list[_Span] = []
    carried = False
    for start, end in paragraphs:
        open_at: int | None = None
        opener = ""
        single_at: int | None = None
        continues = carried and raw[start] in '“„«"'
        for found in _MARK_RE.finditer(raw, start, end):
            i, mark = found.start(), found.group()
            opens, closes = _flanks(raw, i)
            closes = closes or (glued_close and not opens and not raw[i - 1].isspace())
            if open_at is None:
                if mark in "“„«" or (mark == '"' and (opens or not closes)):
                    open_at, opener, single_at = i, mark, None
                elif mark in "‘‚'" and opens and single_at is None:
                    single_at, opener = i, mark
                elif (
                    single_at is not None
                    and closes
                    and (mark == "’" or mark == "‘" and opener == "‚" or mark == "'" == opener)
                ):
                    spans.append(_Span(single_at, i))
                    single_at = None
            elif (
                mark in "”»"
                or (mark in '"“' and closes and not opens)
                or (mark == "“" and opener == "„")
            ):
                spans.append(_Span(open_at, i, continues))
                open_at, continues = None, False
        carried = open_at is not None
        if carried:
            spans.append(_Span(open_at, end, continues))
    spans = [s for s in spans if _WORD_CHAR_RE.search(raw, s.open_at + 1, s.close_at)]
    return sorted(spans, key=lambda s: s.open_at)


def _masked(raw: str, spans: list[_Span]) -> str:
    """The raw text with every direct quote (marks included) replaced by MASK, same length."""
    flat = flatten(raw, "\n\r\t")
    parts, at = [], 0
    for span in spans:  # sorted by their opening mark
        start, stop = max(span.open_at, at), min(span.close_at + 1, len(raw))
        if stop > start:
            parts += [flat[at:start], MASK * (stop - start)]
            at = stop
    return "".join([*parts, flat[at:]])


def _content(raw: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma from a content span."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and (raw[end - 1].isspace() or raw[end - 1] == ","):
        end -= 1
    return start, end


def _attribute_direct(
    raw: str,
    masked: str,
    span: _Span,
    sentence: Sentence,
    close_sentence: Sentence,
    context: Context,
    position: int,
    previous: Quote | None,
    article_id: str,
) -> tuple[Quote, bool]:
    """The quote of `span` with its speaker (from the frame around it or the previous quote), and
    whether the speaker was named right next to the quote ('“…,” he said' / 'He said: “…')."""
    before = masked[max(sentence.char_start, span.open_at - FRAME_WINDOW) : span.open_at]
    after_end = min(close_sentence.char_end, span.close_at + FRAME_WINDOW)
    after = masked[span.close_at + 1 : after_end].split(MASK, 1)[0]
    whole = masked[max(sentence.char_start, span.open_at - FRAME_WINDOW) : after_end]
    beside = _after_frame(after, context) or _colon_frame(before, context)
    found = beside or _before_frame(before, context) or _according_frame(whole) or _for_frame(whole)
    start, end = _content(raw, span.open_at + 1, span.close_at)
    if found:
        phrase, cue = found
        speaker = resolve(phrase, context, position)
        if speaker:
            context.remember(position, speaker, subject=True)
            return _quote(article_id, speaker, cue, "direct", raw, start, end), bool(beside)
    unknown = Quote(article_id, "", "", "", "", "direct", _flat(raw[start:end]), start, end)
    if previous is not None and not before.strip(" ,") and not after.strip(" .,"):
        return _quote_like(previous, unknown), False
    return unknown, False


_SOMETHING_RE = re.compile(r"^[\s,]*\S")
_STOP_FIRST_RE = re.compile(r"^\s*[.!?]")
_INVERTED_RE = re.compile(
    rf"^[\s,]*(?P<cue>said|says|added|continued|told reporters|wrote|asked)\s+"
    rf"(?P<np>(?:(?!\s(?:in|at|on|during|after|before|while|from|to|as|when)\s)[^,.;:!?{MASK}])+)"
)
_COLON_CUE_RE = re.compile(rf"(?P<cue>{CUE_RE.pattern})[^:{MASK}]{{0,60}}:\s*$")


def _after_frame(after: str, context: Context) -> tuple[str, str] | None:
    """'…,” Starmer said' / '…,” said the former NATO chief' / '…” he added' -> (speaker, cue)."""
    if not _SOMETHING_RE.match(after) or _STOP_FIRST_RE.match(after):
        return None
    inverted = _INVERTED_RE.match(after)
    if inverted and not PREPOSITION_START_RE.match(inverted.group("np")):
        return inverted.group("np").strip(), inverted.group("cue")
    cue = CUE_RE.search(after)
    if (
        not cue
        or len(after[: cue.start()].split()) > 14
        or _OTHER_CLAUSE_RE.search(after[: cue.start()])
    ):
        return None  # '“fakes”, while Lavrov said …': Lavrov speaks in another clause
    subject = context.subject_of(after[: cue.start()].lstrip(" ,"))
    return (subject, _cue_text(after, cue)) if subject else None


def _colon_frame(before: str, context: Context) -> tuple[str, str] | None:
    """'He said: “…' / 'Putin told reporters on X:' -> (speaker, cue)."""
    match = _COLON_CUE_RE.search(before) if ":" in before else None
    if not match:
        return None
    subject = context.subject_of(before[: match.start()])
    return (subject, match.group("cue")) if subject else None


def _before_frame(before: str, context: Context) -> tuple[str, str] | None:
    """'Rutte said the deployment represented “…' / 'X called it a “…' -> the last cue's subject."""
    quoted_as = _QUOTED_AS_RE.search(before) if "quoted" in before else None
    if quoted_as:
        return quoted_as.group("np"), "quoted as saying"
    found: tuple[str, str] | None = None
    for cue in list(CUE_RE.finditer(before))[-MAX_CUES:][::-1]:
        if _NEGATED_RE.search(before[: cue.start()]):
            continue
        subject = context.subject_of(before[: cue.start()])
        if subject and found and subject.lower() not in PRONOUNS:
            return subject, found[1]  # "Lavrov said he hoped …": he is Lavrov
        if subject:
            found = found or (subject, _cue_text(before, cue))
            if subject.lower() not in PRONOUNS:
                return found
    return found


def _according_frame(text: str) -> tuple[str, str] | None:
    match = _ACCORDING_RE.search(text) if "ccording to" in text else None
    return (match.group(1).strip(), "according to") if match else None


def _for_frame(text: str) -> tuple[str, str] | None:
    """'For the head of X, Jens Stoltenberg, the deployment would be “…”' -> Jens Stoltenberg."""
    match = _FOR_X_RE.match(text.strip())
    return (f"{match.group('desc')}, {match.group('name')}", "for") if match else None


_TOLD_WHOM_RE = re.compile(r"\s+(reporters|journalists)\b")


def _cue_text(text: str, cue: re.Match[str]) -> str:
    """The cue as written, with the object of 'told' ('told reporters')."""
    if cue.group(0) in ("told", "tells"):
        told = _TOLD_WHOM_RE.match(text, cue.end())
        return f"{cue.group(0)} {told.group(1)}" if told else cue.group(0)
    return cue.group(0)


# --- reported speech ---------------------------------------------------------------------------

_TRAILING_RE = re.compile(
    r"^(?P<content>.+?),\s+(?:(?P<cue1>said|says|added|continued|wrote)\s+(?P<np1>[^,]+?)"
    r"|(?P<np2>[^,]+?)\s+(?:also\s+)?(?P<cue2>said|says|added|continued|noted|warned|stressed|"
    r"explained|insisted|claimed|argued|wrote|tells|told))"
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
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(?P<np>[^,;]{2,80}?)\s+as\s+saying\b")
_TOLD_THAT_RE = re.compile(rf"^\s+(?:[^\s{MASK}]+\s+){{1,5}}?that\s+")
_THAT_RE = re.compile(
    r"^(?:\s+(?:on|in|at|during|after|before|while|from|to)\s+(?:[^,]|,(?=\d))*?)?\s+that\s+"
)


def _starts_clause(text: str) -> bool:
    """Does the text after a speech verb open a clause ('the deployment was…', 'about 8,000 troops…',
    'military contacts were…'), not an object ('changes in the doctrine', 'to a question')?"""
    if _QUANTITY_START_RE.match(text):
        return True
    if PREPOSITION_START_RE.match(text):
        return False
    head = " ".join(text.split()[:8])
    return bool(_CLAUSE_START_RE.match(text) or _FINITE_RE.search(head))


def _reported(
    text: str, offset: int, raw: str, context: Context, position: int, article_id: str
) -> list[Quote]:
    """Reported speech in one (quote-masked) sentence: trailing cue, 'according to X', 'X said'."""
    for finder in (_headline_report, _trailing_report, _according_report, _front_report):
        found = finder(text, context)
        if not found:
            continue
        phrase, cue, start, end = found
        if len(_WORDS_RE.findall(text[start:end].replace(MASK, " "))) < 2:
            return []
        speaker = resolve(phrase, context, position)
        if not speaker:
            return []
        context.remember(position, speaker, subject=True)
        start, end = _content(raw, offset + start, offset + end)
        while end > start and raw[end - 1] in ".!?":
            end -= 1
        return [_quote(article_id, speaker, cue, "reported", raw, start, end)]
    return []


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
    match = _TRAILING_RE.match(text) if may_match(_TRAILING_WORDS, text) else None
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


def _according_report(text: str, context: Context) -> tuple[str, str, int, int] | None:
    """'According to X, <clause>' / '<clause>, according to X.'"""
    match = _ACCORDING_RE.search(text) if "ccording to" in text else None
    if not match:
        return None
    lead = text[: match.start()].strip(" ,")
    if not lead or _WORDS_RE.fullmatch(lead):
        comma = text.find(", ", match.end())
        if comma < 0:
            return None
        return match.group(1), "according to", comma + 2, len(text)
    return match.group(1), "according to", 0, len(text[: match.start()].rstrip(" ,"))


def _front_report(text: str, context: Context) -> tuple[str, str, int, int] | None:
    """'Rutte said (on Monday) (that) <clause>' -> the clause after the cue."""
    for cue in islice(CUE_RE.finditer(text), MAX_CUES):
        word = _cue_text(text, cue)
        if word not in _REPORT and cue.group(0) not in _REPORT:
            continue
        if _NEGATED_RE.search(text[: cue.start()]):
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
        if not _starts_clause(body):
            continue
        return subject, word, len(text) - len(body), len(text)
    return None


def _flat(text: str) -> str:
    return " ".join(text.split())


def _quote(
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
        _flat(raw[start:end]),
        start,
        end,
    )


def _quote_like(source: Quote, quote: Quote) -> Quote:
    """`quote` spoken by the speaker of `source` (a quote paragraph continuing another)."""
    return replace(
        quote,
        speaker=source.speaker,
        affiliation=source.affiliation,
        camp=source.camp,
        cue=source.cue,
    )
