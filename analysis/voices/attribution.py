"""Quotes and speakers in any language with a pack: the rules are data (data/languages/<code>/).

English keeps its own grammar (analysis/voices/quotes.py, analysis/voices/speakers.py). Every other language is
read with the same language-neutral code driven by its pack: `quotes.toml` (speech verbs, pronouns,
titles, attribution patterns) and `names.toml` (the actors' names in that language, merged into the
actor list). Direct quote spans are found as in English (any quote style, offsets into the raw
text); a language without a pack gets its direct quotes with no speaker and no reported speech:
English speech verbs are never applied to another language.
"""

from __future__ import annotations

import bisect
import re

from analysis.ingest.article import Article
from analysis.voices.home import after_dateline
from analysis.voices.pack_names import cased, full_names, phrase_words
from analysis.voices.pack_speakers import (
    MAX_DESCRIPTION_WORDS,
    OUTLET,
    remember_subject,
    resolve,
    side_of,
)
from analysis.voices.packs import (
    NAME_STRIP,
    NOT_IN_PHRASE,
    QUOTE,
    QuotePack,
    actors_for,
    quote_pack,
    titled_at,
)
from analysis.voices.phrases import MASK
from analysis.voices.quotes import find_quotes
from analysis.voices.spans import (
    Quote,
    direct_spans,
    flat_text,
    masked_text,
    paragraph_spans,
    quote_like,
    spoken_quote,
    trimmed,
)
from analysis.voices.speakers import Context, Speaker
from analysis.world import languages
from analysis.world.actors import Actors
from analysis.world.mentions import SentenceMentions


def quotes_of(
    article: Article, actors: Actors, named: dict[str, list] | None = None
) -> list[Quote]:
    """The quotes of `article` read with its own language's rules (English: analysis/voices/quotes.py);
    `named`: the article's memo of the people each text names (see speakers.Context)."""
    code = languages.code(article.language)
    if code == "en":
        return find_quotes(article, actors, named)
    return pack_quotes(article, actors_for(actors, code), quote_pack(code))


def article_mentions(actors: Actors, article: Article, quotes: list[Quote]) -> SentenceMentions:
    """The actor mentions every stage reads in `article` (tone, framing, events), with its
    speakers read as the people they are and a body's alias after a title as a person."""
    speakers = [(quote.speaker, quote.affiliation) for quote in quotes]
    return SentenceMentions(actors, speakers, titled_at(article.language))


def pack_quotes(article: Article, actors: Actors, pack: QuotePack | None) -> list[Quote]:
    """Direct quotes (speaker from the pack's patterns) and reported speech of a non-English
    article; with no pack, the direct quotes without speakers."""
    sentences = [s for s in article.sentences if not s.is_boilerplate]
    if not sentences:
        return []
    raw = article.raw_text
    glued = bool(pack and pack.glued_closing_quote)
    spans = direct_spans(raw, paragraph_spans(raw, sentences), glued_close=glued)
    masked = _ASIDE_RE.sub(lambda m: " " * len(m.group(0)), masked_text(raw, spans))
    starts = [s.char_start for s in sentences]
    opens = [span.open_at for span in spans]
    context = Context(actors)
    if pack is not None:
        context.full_names, context.name_sides = full_names(sentences, pack, actors)
        context.opening, context.headline = sentences[:2], article.title
        context.press_home = pack.home_country
    found: list[Quote] = []
    previous: tuple[int, Quote] | None = None
    for position, sentence in enumerate(sentences):
        if pack is not None:
            context.read_sentence(sentence.text, pack.place_openers)
            context.position = position
        inside = spans[
            bisect.bisect_left(opens, sentence.char_start) : bisect.bisect_left(
                opens, sentence.char_end
            )
        ]
        framed = False
        lead = min(after_dateline(sentence.text), len(sentence.text))  # no wire dateline's words
        for span in inside:
            close = sentences[max(0, bisect.bisect_right(starts, span.close_at) - 1)]
            start, end = trimmed(raw, span.open_at + 1, span.close_at)
            quote = Quote(
                article.article_id, "", "", "", "", "direct", flat_text(raw[start:end]), start, end
            )
            before = masked[sentence.char_start + lead : span.open_at]
            after = masked[span.close_at + 1 : close.char_end].split(MASK, 1)[0]
            if not after.strip() and pack is not None and pack.titles_inside is not None:
                after = _next_sentence(masked, sentences, close)  # “…。”费丹说。
            speaker = cue = None
            if pack is not None:
                window = before + QUOTE + after
                speaker, cue = _attribute(window, pack.direct, pack, context, position)
                if speaker is None and before.rstrip().endswith(":"):
                    speaker, cue = _opening_person(before, pack, context, position), ":"
            if speaker is OUTLET:  # a news outlet's words: no speaker, no other reading
                pass
            elif speaker is not None:
                context.remember(position, speaker, subject=True)
                quote = spoken_quote(article.article_id, speaker, cue, "direct", raw, start, end)
                framed = framed or _beside(cue, before, after)
            elif (
                previous is not None
                and previous[0] >= position - 1
                and (span.continues or not (before.strip(" ,—–-") or after.strip(" .,—–-")))
            ):
                quote = quote_like(previous[1], quote)
            found.append(quote)
            if quote.speaker:
                previous = (position, quote)
        if pack is not None and not framed:  # '«…», a-t-il dit' is a frame, not reported speech
            text = masked[sentence.char_start + lead : sentence.char_end]
            found.extend(
                _reported(text, sentence.char_start + lead, raw, pack, context, position, article)
            )
        if pack is not None:
            remember_subject(sentence.text, pack, context, position)
    return sorted(found, key=lambda q: (q.char_start, -(q.char_end - q.char_start)))


# a short aside in brackets, read as spaces (same length): '김순자(68)씨는', '박동훈 합참 공보실장(육군
# 준장)은', 'Milli Savunma Bakanlığı (MSB),' keep one phrase around it
_ASIDE_RE = re.compile(r"\([^()\n]{1,30}\)")  # ('刚果（金）' is a name: full-width stays)


def _opening_person(
    before: str, pack: QuotePack, context: Context, position: int
) -> Speaker | None:
    """The person a sentence opens with, whose words follow its colon ('Da Tirana il primo
    ministro albanese Ardian Koka ha scelto toni più cauti: «…»')."""
    remember_subject(before, pack, context, position)
    last = context.last_person
    return last[1] if last and last[0] == position else None


def _attribute(
    window: str,
    patterns: tuple[re.Pattern[str], ...],
    pack: QuotePack,
    context: Context,
    position: int,
) -> tuple[Speaker | None, str]:
    """The first pattern whose speaker resolves: (speaker, the cue as written); (OUTLET, '')
    for a news outlet cited."""
    for pattern in patterns:
        for match in pattern.finditer(window):
            speaker = _speaker_of(match, pack, context, position)
            if speaker is OUTLET:
                return OUTLET, ""
            if speaker is not None:
                return speaker, _cue(match, QUOTE)
    return None, ""


# the name set off after a role, the role perhaps going on first ('وزير الداخلية (في حكومة …)، X،')
_APPOSITION_RE = re.compile(
    rf"([^{NOT_IN_PHRASE}\n]{{0,60}}?)\s*[,،]\s*([^{NOT_IN_PHRASE}\n]{{2,60}}?)\s*[,،]"
)
_ROLE_AFTER_RE = re.compile(rf"\s*[,،]\s*([^{NOT_IN_PHRASE}\n]{{2,90}}?)\s*(?:[,،]|[.!?]?$)")
_LAST_PHRASE_RE = re.compile(rf"[^{NOT_IN_PHRASE}\n]*$")
_REST_OF_PHRASE_RE = re.compile(rf"[^{NOT_IN_PHRASE}\n]{{0,80}}")


def _speaker_of(
    match: re.Match[str], pack: QuotePack, context: Context, position: int
) -> Speaker | None:
    """The speaker of a pattern match. A description ('chef de la diplomatie européenne',
    'постпред России') followed by a name ('…, Josep Borrell,' / '… при ООН Василий Небензя')
    is that named person."""
    group = _group(match)
    name_first = group == "speaker"  # 'sagte Peskow der Agentur Tass': the name comes first
    speaker = resolve(match.group(group), pack, context, position, name_first=name_first)
    if speaker is OUTLET:
        return OUTLET
    if speaker is not None and speaker.is_person and _titled(match.group(group), pack):
        # in a script without capitals, a phrase that opens with a title after a name set off
        # before it is that person's role ('יוסי אזולאי, (תושב מושב בבקעה), סיפר')
        named = _named_before(match, group, speaker, pack, context, position)
        if named is not None:
            return named
    if speaker is not None and speaker.is_person and speaker.actor is None:
        described = _described_before(match, group, speaker, pack, context)
        if described.actor is not None:
            return described
        return _described_after(match, group, speaker, pack, context)
    if speaker is not None and speaker.is_person:
        if context.actors.affiliation(speaker.name, speaker.description) is None:
            # a side from the home country alone ('תא"ל X'): a role set off before the name that
            # names an actor is the better reading ('דובר צבא מצרים, תא"ל X,' is Egypt's)
            described = _described_before(match, group, speaker, pack, context)
            named = context.actors.affiliation("", described.description)
            return described if named is not None else speaker
        return speaker
    if speaker is not None:  # 'Federica Dossena, portavoce dell'Unhcr in Italia, ha …'
        named = _named_before(match, group, speaker, pack, context, position)
        if named is not None:
            return named
    filler = match.groupdict().get("filler")
    if speaker is not None and filler:  # 'المتحدثة باسم اللجنة … (في اليمن كريستين برونيه) إن'
        named = resolve(filler, pack, context, position)
        if named is not None and named.is_person and " " in named.name:
            role = match.group(group)  # an actor the role or the filler names, else the home's
            actor = context.actors.affiliation("", role) or named.actor
            return Speaker(named.name, role, actor or side_of(role, pack, context), True)
    text, end, role = match.string, match.end(group), match.group(group)
    apposition = _APPOSITION_RE.match(text, end)
    longer = [apposition.group(2)] if apposition else []
    role += apposition.group(1) if apposition else ""
    if speaker is not None and cased(role):
        longer.append(role + _REST_OF_PHRASE_RE.match(text, end).group(0))
    for phrase in longer:
        named = resolve(phrase, pack, context, position)
        if named is not None and named.is_person and " " in named.name:
            if named.actor is None:  # the role before the name gives its side
                return Speaker(named.name, role, side_of(role, pack, context), True)
            return named
    return speaker  # (None for a long description with no name after it)


def _bare_place(speaker: Speaker) -> bool:
    """Whether a speaker is a country or capital named alone ('Taipei', 'Kiev')."""
    actor = speaker.actor
    return (
        not speaker.is_person
        and not speaker.description
        and bool(actor)
        and actor.kind == "country"
    )


def _titled(phrase: str, pack: QuotePack) -> bool:
    """Whether a phrase of a script without capitals opens with a title ('תושב', 'חוקרת')."""
    first = phrase.split(maxsplit=1)[0] if phrase.strip() else ""
    return bool(first) and not cased(first) and pack.is_title(first)


def _described_before(
    match: re.Match[str], group: str, speaker: Speaker, pack: QuotePack, context: Context
) -> Speaker:
    """A person whose description stands before their name, set off by a comma ('El canciller
    venezolano, Yván Gil, acusó', 'Der Sprecher der Küstenwache, Jay Tarriela, schrieb'), takes
    the actor that description names."""
    description = _set_off_before(match, group)
    if not description or len(description.split()) > MAX_DESCRIPTION_WORDS + 8:
        return speaker  # (a long one: 'El jefe de la Misión … en X,')
    actor = side_of(description, pack, context)
    if actor is None:
        return speaker
    return Speaker(speaker.name, f"{description} {speaker.description}".strip(), actor, True)


def _named_before(
    match: re.Match[str],
    group: str,
    speaker: Speaker,
    pack: QuotePack,
    context: Context,
    position: int,
) -> Speaker | None:
    """The person named right before a role that is the match's speaker, set off by a comma
    ('Federica Dossena, portavoce dell'Unhcr in Italia, ha sottolineato'), with the role's side
    when the name gives none; None when no full name stands there."""
    phrase = _set_off_before(match, group)
    named = resolve(phrase, pack, context, position) if phrase else None
    if named is None or not named.is_person or " " not in named.name or named.description:
        return None
    return Speaker(named.name, speaker.description, named.actor or speaker.actor, True)


def _described_after(
    match: re.Match[str], group: str, speaker: Speaker, pack: QuotePack, context: Context
) -> Speaker:
    """A person whose role follows their name, set off by commas ('نیکول پاشینیان، نخست‌وزیر
    ارمنستان، … گفت', '…, a déclaré Ilaria Allegrozzi, chercheuse à Human Rights Watch.'),
    takes the actor that role names, when it has a title or an actor in it."""
    role = _ROLE_AFTER_RE.match(match.string, match.end(group))
    if role is None:
        return speaker
    words = phrase_words(role.group(1), pack, context.actors)
    if not 0 < len(words) <= MAX_DESCRIPTION_WORDS + 4 or not any(map(pack.is_title, words)):
        return speaker
    actor = side_of(role.group(1), pack, context)
    if actor is None:
        return speaker
    return Speaker(speaker.name, f"{speaker.description} {role.group(1)}".strip(), actor, True)


def _set_off_before(match: re.Match[str], group: str) -> str:
    """The phrase set off by a comma right before the match's speaker ('El canciller venezolano,
    (Yván Gil)', 'Federica Dossena, (portavoce …)'), '' when no comma stands there."""
    before = match.string[: match.start(group)].rstrip()
    if not before.endswith((",", "،")):
        return ""
    verb_end = match.end("verb") if "verb" in match.re.groupindex else -1
    start = verb_end if 0 <= verb_end < len(before) - 1 else 0  # not a verb before it
    return _LAST_PHRASE_RE.search(before, start, len(before) - 1).group(0).strip()


def _group(match: re.Match[str]) -> str:
    """The pattern's speaker group: 'subject' ({subject}) or 'speaker' ({speaker}, {dropped})."""
    return "subject" if "subject" in match.re.groupindex else "speaker"


def _cue(match: re.Match[str], *fillers: str) -> str:
    """The cue of a pattern match: its speech verb, else its words beside the speaker and the
    quoted or reported words ('Selon', 'laut', 'по словам', '에 따르면')."""
    if "verb" in match.re.groupindex and match.group("verb"):
        return " ".join(match.group("verb").split())
    text = match.string
    group = _group(match)
    lead = text[match.start() : match.start(group)].strip(NAME_STRIP + "\n")
    tail = text[match.end(group) : match.end()]
    for filler in fillers:
        tail = tail.split(filler, 1)[0]
    cue = lead.split(",")[-1] or " ".join(tail.split()[:2])
    return " ".join(cue.replace(MASK, " ").split()).strip(NAME_STRIP)


def _reported(
    text: str,
    offset: int,
    raw: str,
    pack: QuotePack,
    context: Context,
    position: int,
    article: Article,
) -> list[Quote]:
    """Reported speech in one sentence ('Selon X, …', 'X заявил, что …', 'X에 따르면 …')."""
    body = text.rstrip()
    for pattern in pack.reported:
        match = pattern.search(body)
        if not match:
            continue
        content_start, content_end = match.span("content")
        content = body[content_start:content_end]
        if len(re.findall(r"\w+", content) if pack.titles_inside is None else content) < 2:
            continue  # one word (or, without spaces between words, one character)
        speaker = _speaker_of(match, pack, context, position)
        if speaker is OUTLET:  # '据共同社报道，(X称，…)': the outlet's report may name a speaker
            # the report, with its closing stop when the outlet came first (always shorter)
            inner = body[content_start:] if content_start else body[:content_end]
            return _reported(inner, offset + content_start, raw, pack, context, position, article)
        if speaker is None or ("not_bare" in match.re.groupindex and _bare_place(speaker)):
            continue  # (a last-resort pattern: 'Kiev accusa Mosca di …' is no statement it reads)
        context.remember(position, speaker, subject=True)
        start, end = trimmed(raw, offset + content_start, offset + content_end)
        while end > start and raw[end - 1] in ".!?。":
            end -= 1
        cue = _cue(match, match.group("content"))
        return [spoken_quote(article.article_id, speaker, cue, "reported", raw, start, end)]
    return []


def _next_sentence(masked: str, sentences: list, close) -> str:
    """The masked text of the sentence after `close` (a script whose quotes end with their own
    full stop, '“…。”', puts the speaker in what the splitter makes the next sentence)."""
    following = next((s for s in sentences if s.char_start >= close.char_end), None)
    if following is None:
        return ""
    return masked[following.char_start : following.char_end].split(MASK, 1)[0]


def _beside(cue: str, before: str, after: str) -> bool:
    """Whether a quote's cue stands right next to it ('«…», a dit X', 'X sagte: „…“'): the
    sentence is then the quote's frame, not also reported speech."""
    return bool(cue) and (cue in after[:40] or before.rstrip().endswith((":", "：")))
