"""Who is quoted: direct quotes, reported speech and their speakers, with offsets into the raw text.

Direct quotes are found in any quote style (“…”, "…", ‘…’, «…», „…“), across sentences and across
paragraphs (a paragraph that opens a quote without closing it continues at the next opening quote).
Speakers come from the cue next to the quote ("X said", "said X", "X, speaking in Rio, told
reporters", "He said:", "according to X", "For X, ..."), from the sentence's speech verb ("Rutte
said the deployment represented “…”"), or from the previous quote when a quote paragraph stands
alone. Pronouns and titles ("he added", "the minister said") point back at the last matching speaker;
names are written in full as the article first gives them ("Starmer" -> "Keir Starmer"). The
grammar of speaker phrases lives in analysis/voices/speakers.py, quote spans and rows in
analysis/voices/spans.py, reported speech in analysis/voices/reported.py.
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from analysis.ingest.article import Article
from analysis.ingest.text import Sentence
from analysis.ingest.transcripts import captions, display_name, turns
from analysis.voices.phrases import (
    CUE_RE,
    MASK,
    PREPOSITION_START_RE,
    PRONOUNS,
    SET_OFF_RE,
    WORDS,
    with_appositive,
)
from analysis.voices.reported import (
    ACCORDING_RE,
    MAX_CUES,
    NEGATED_RE,
    WITH_SAYING_RE,
    cue_text,
    reported_speech,
)
from analysis.voices.spans import (
    WORD_CHAR_RE,
    Quote,
    Span,
    direct_spans,
    flat_text,
    masked_text,
    paragraph_spans,
    quote_like,
    spoken_quote,
    trimmed,
)
from analysis.voices.speakers import (
    Context,
    Speaker,
    full_names,
    remember_people,
    resolve_all,
)
from analysis.voices.words import alternation
from analysis.world.actors import Actors

_POSSESSIVES = WORDS.person_possessives | WORDS.body_possessives
FRAME_WINDOW = 600  # characters around a quote searched for its attribution
_OTHER_CLAUSE_RE = re.compile(
    r"\b(?:while|but|and|whereas|when|as|after|before|because|which|that|although)\b"
)
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(?P<np>[^,;]{2,80}?)\s+as\s+saying\b")
_FOR_X_RE = re.compile(
    r"^For\s+(?P<desc>[^,]{3,120}),\s+(?P<name>(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+),\s"
)


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
    spans = direct_spans(raw, paragraph_spans(raw, sentences))
    masked = masked_text(raw, spans)
    starts = [s.char_start for s in sentences]
    context = Context(actors, named={} if named is None else named)
    context.full_names = full_names(article.sentences, context)
    context.opening, context.headline = sentences[:2], article.title
    found: list[Quote] = []
    chain: list[tuple[Span, Quote]] = []
    opens = [span.open_at for span in spans]  # spans come sorted by their opening mark
    previous_direct: Quote | None = None
    previous_sentence = -2
    for position, sentence in enumerate(sentences):
        text = masked[sentence.char_start : sentence.char_end]
        context.read_sentence(sentence.text, WORDS.place_openers)
        attributed_next_to_quote = False
        first_quote = masked.find(MASK, sentence.char_start, sentence.char_end)
        if first_quote > sentence.char_start:  # "X condemned what she called “…”": she is X
            remember_people(raw[sentence.char_start : first_quote], position, context)
        first = bisect.bisect_left(opens, sentence.char_start)
        for span in spans[first : bisect.bisect_left(opens, sentence.char_end)]:
            close_sentence = sentences[max(0, bisect.bisect_right(starts, span.close_at) - 1)]
            standalone_ok = previous_direct is not None and previous_sentence >= position - 1
            spoken, framed = _attribute_direct(
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
            quote = spoken[0]
            found.extend(spoken)
            chain.append((span, quote))
            previous_direct = quote if quote.speaker else previous_direct
            previous_sentence = position
            attributed_next_to_quote = attributed_next_to_quote or framed
        if not attributed_next_to_quote:  # "“…,” he added, …" is the quote's frame, not a report
            found.extend(
                reported_speech(
                    text, sentence.char_start, raw, context, position, article.article_id
                )
            )
        remember_people(sentence.text, position, context)
    found = _backfill_multi_paragraph(found, chain)
    found = _captioned(found, raw, context, article.article_id)
    found += _transcript_turns(raw, sentences[0].char_start, context, article.article_id)
    return sorted(found, key=lambda q: (q.char_start, -(q.char_end - q.char_start)))


# --- broadcast formats (analysis/ingest/transcripts.py) -------------------------------------------------


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
        start, end = trimmed(raw, turn.start, turn.end)
        if name in journalists or not WORD_CHAR_RE.search(raw, start, end):
            continue
        actor = context.actors.affiliation(name, turn.role)
        speaker = Speaker(name, turn.role, actor, True)
        found.append(spoken_quote(article_id, speaker, "transcript", "direct", raw, start, end))
    return found


def _captioned(found: list[Quote], raw: str, context: Context, article_id: str) -> list[Quote]:
    """A quoted sound bite under a caption line ('Kim Min-jun / Democratic Party') is spoken by the
    captioned person, with the caption's title."""
    for name, title, start, end in captions(raw):
        actor = context.actors.affiliation(name, title)
        speaker = spoken_quote(
            article_id, Speaker(name, title, actor, True), "caption", "direct", raw, 0, 0
        )
        found = [
            quote_like(speaker, q) if not q.speaker and start <= q.char_start < end else q
            for q in found
        ]
    return found


def _backfill_multi_paragraph(found: list[Quote], chain: list[tuple[Span, Quote]]) -> list[Quote]:
    """A quote paragraph left open takes the speaker named where the quote finally closes."""
    speaker_of: dict[Quote, Quote] = {}
    for (_, earlier), (span, later) in reversed(list(pairwise(chain))):
        source = speaker_of.get(later, later)
        if span.continues and not earlier.speaker and source.speaker:
            speaker_of[earlier] = source
    return [quote_like(speaker_of[q], q) if q in speaker_of else q for q in found]


# --- direct quotes -----------------------------------------------------------------------------


def _attribute_direct(
    raw: str,
    masked: str,
    span: Span,
    sentence: Sentence,
    close_sentence: Sentence,
    context: Context,
    position: int,
    previous: Quote | None,
    article_id: str,
) -> tuple[list[Quote], bool]:
    """The quote of `span` with its speaker (from the frame around it or the previous quote; one
    quote per speaker of a joint statement), and whether the speaker was named right next to the quote ('“…,” he said' / 'He said: “…')."""
    before = masked[max(sentence.char_start, span.open_at - FRAME_WINDOW) : span.open_at]
    after_end = min(close_sentence.char_end, span.close_at + FRAME_WINDOW)
    after = masked[span.close_at + 1 : after_end].split(MASK, 1)[0]
    beside = _after_frame(after, context) or _colon_frame(before, context)
    relayed = _relayed(beside, before, context)
    if relayed:  # the relaying speaker reports the sentence: read as reported speech too
        beside = None
    found = relayed or beside or _before_frame(before, context)
    if not found:  # the frame around the whole quote, cut out only when it is read
        whole = masked[max(sentence.char_start, span.open_at - FRAME_WINDOW) : after_end]
        found = _according_frame(whole) or _for_frame(whole)
    start, end = trimmed(raw, span.open_at + 1, span.close_at)
    if found:
        phrase, cue = found
        speakers = resolve_all(phrase, context, position)
        for speaker in speakers:
            context.remember(position, speaker, subject=True)
        if speakers:
            spoken = [spoken_quote(article_id, s, cue, "direct", raw, start, end) for s in speakers]
            return spoken, bool(beside)
    unknown = Quote(article_id, "", "", "", "", "direct", flat_text(raw[start:end]), start, end)
    if previous is not None and not before.strip(" ,") and not after.strip(" .,"):
        return [quote_like(previous, unknown)], False
    return [unknown], False


_SOMETHING_RE = re.compile(r"^[\s,]*\S")
_STOP_FIRST_RE = re.compile(r"^\s*[.!?]")
_INVERTED_RE = re.compile(
    rf"^[\s,]*(?P<cue>{alternation(WORDS.inverted)})\s+"
    rf"(?P<np>(?:(?!\s(?:in|at|on|during|after|before|while|from|to|as|when)\s)[^,.;:!?{MASK}])+)"
)
_COLON_CUE_RE = re.compile(rf"(?P<cue>{CUE_RE.pattern})[^:{MASK}]{{0,60}}:\s*$")


def _after_frame(after: str, context: Context) -> tuple[str, str] | None:
    """'…,” Starmer said' / '…,” said the former NATO chief' / '…” he added' -> (speaker, cue)."""
    if not _SOMETHING_RE.match(after) or _STOP_FIRST_RE.match(after):
        return None
    inverted = _INVERTED_RE.match(after)
    if inverted and not PREPOSITION_START_RE.match(inverted.group("np")):
        set_off = SET_OFF_RE.match(after, inverted.end())  # ', UNHCR's representative.'
        phrase = inverted.group("np").strip()
        if set_off:
            phrase = with_appositive(phrase, set_off.group("part").strip())
        return phrase, inverted.group("cue")
    cue = CUE_RE.search(after)
    if (
        not cue
        or len(after[: cue.start()].split()) > 14
        or _OTHER_CLAUSE_RE.search(after[: cue.start()])
    ):
        return None  # '“fakes”, while Lavrov said …': Lavrov speaks in another clause
    subject = context.subject_of(after[: cue.start()].lstrip(" ,"))
    return (subject, cue_text(after, cue)) if subject else None


def _relayed(
    beside: tuple[str, str] | None, before: str, context: Context
) -> tuple[str, str] | None:
    """'X called for “…”, his spokesman said': the words are X's, the spokesman relays them (a
    speaker after the quote that opens with a possessive, a named subject with a cue before it)."""
    if not beside or beside[0].split(" ", 1)[0].lower() not in _POSSESSIVES:
        return None
    found = _before_frame(before, context)
    return found if found and found[0].lower() not in PRONOUNS else None


def _colon_frame(before: str, context: Context) -> tuple[str, str] | None:
    """'He said: “…' / 'Putin told reporters on X:' -> (speaker, cue)."""
    match = _COLON_CUE_RE.search(before) if ":" in before else None
    if not match:
        return None
    subject = context.subject_of(before[: match.start()])
    return (subject, match.group("cue")) if subject else None


def _before_frame(before: str, context: Context) -> tuple[str, str] | None:
    """'Rutte said the deployment represented “…' / 'X called it a “…' -> the last cue's subject."""
    with_saying = list(WITH_SAYING_RE.finditer(before)) if " saying " in before else []
    if with_saying and not CUE_RE.search(before, with_saying[-1].end()):
        return with_saying[-1].group("np"), "saying"  # '…, with Y saying the president was “…'
    quoted_as = _QUOTED_AS_RE.search(before) if "quoted" in before else None
    if quoted_as:
        return quoted_as.group("np"), "quoted as saying"
    found: tuple[str, str] | None = None
    for cue in list(CUE_RE.finditer(before))[-MAX_CUES:][::-1]:
        if NEGATED_RE.search(before[: cue.start()]):
            continue
        subject = context.subject_of(before[: cue.start()])
        if subject and found and subject.lower() not in PRONOUNS:
            return subject, found[1]  # "Lavrov said he hoped …": he is Lavrov
        if subject:
            found = found or (subject, cue_text(before, cue))
            if subject.lower() not in PRONOUNS:
                return found
    return found


def _according_frame(text: str) -> tuple[str, str] | None:
    match = ACCORDING_RE.search(text) if "ccording to" in text else None
    return (match.group(1).strip(), "according to") if match else None


def _for_frame(text: str) -> tuple[str, str] | None:
    """'For the head of X, Jens Stoltenberg, the deployment would be “…”' -> Jens Stoltenberg."""
    match = _FOR_X_RE.match(text.strip())
    return (f"{match.group('desc')}, {match.group('name')}", "for") if match else None
