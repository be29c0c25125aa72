"""Quotes and speakers in any language with a pack: the rules are data (data/languages/<code>/).

English keeps its own grammar (analysis/quotes.py, analysis/speakers.py). Every other language is
read with the same language-neutral code driven by its pack: `quotes.toml` (speech verbs, pronouns,
titles, attribution patterns) and `names.toml` (the actors' names in that language, merged into the
actor list). Direct quote spans are found as in English (any quote style, offsets into the raw
text); a language without a pack gets its direct quotes with no speaker and no reported speech:
English speech verbs are never applied to another language.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from analysis import languages
from analysis.actors import Actor, Actors
from analysis.corpus import Article
from analysis.lexicon import LexiconError, find_line, read_text
from analysis.quotes import (
    Quote,
    _content,
    _direct_spans,
    _flat,
    _masked,
    _paragraphs,
    _quote,
    _quote_like,
    find_quotes,
)
from analysis.speakers import MASK, Context, Speaker

QUOTE = "\ue001"  # the quote being attributed, in the sentence its patterns are matched on
_PLACEHOLDERS = ("{quote}", "{verb}", "{speaker}", "{subject}", "{dropped}", "{content}")
_LIST_KEYS = (
    "verbs",
    "pronouns",
    "titles",
    "not_names",
    "stop_words",
    "name_endings",
    "particles",
    "report_cues",
)
_PACK_KEYS = {*_LIST_KEYS, "glued_closing_quote", "patterns"}
_NOT_IN_PHRASE = rf",.;:!?()\[\]«»\"“”„{QUOTE}{MASK}"
_PHRASE = rf"[^\s{_NOT_IN_PHRASE}‚‘’'][^{_NOT_IN_PHRASE}\n]{{0,100}}?"
_BRACES_RE = re.compile(r"\{([^{}]*)\}")
_NAME_STRIP = ' \t\n,.;:!?"“”«»„‚‘’()[]—–-'


@dataclass(frozen=True)
class QuotePack:
    """A language's quoting rules (data/languages/<code>/quotes.toml), validated and compiled."""

    language: str
    pronouns: frozenset[str]
    titles: frozenset[str]
    title_suffixes: tuple[str, ...]
    not_names: frozenset[str]
    name_endings: tuple[str, ...]
    particles: tuple[str, ...]
    report_cues: tuple[str, ...]
    glued_closing_quote: bool
    direct: tuple[re.Pattern[str], ...]
    reported: tuple[re.Pattern[str], ...]

    def is_title(self, word: str) -> bool:
        """A title or body word ('ministre', 'Außenminister' via '*minister', '대통령')."""
        lower = word.lower().strip(_NAME_STRIP)
        return lower in self.titles or any(lower.endswith(s) for s in self.title_suffixes)


def _alternation(words: tuple[str, ...]) -> str:
    """Regex alternation of word-list entries: 'stem*' = any ending, a space = any whitespace."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(escaped + (r"\w*" if word.endswith("*") else ""))
    return "|".join(parts) or r"(?!)"


def parse_quote_pack(text: str, *, name: str, language: str) -> QuotePack:
    """Validate a quotes.toml text into a QuotePack; problems raise LexiconError with the line."""
    data = read_text_toml(text, name)

    def fail(problem: str, needle: str = "") -> LexiconError:
        return LexiconError(name, problem, find_line(text, needle) if needle else None)

    unknown = sorted(set(data) - _PACK_KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (allowed: {sorted(_PACK_KEYS)})", unknown[0])
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise fail(f"{key} must be a list of non-empty strings", key)
        lists[key] = tuple(v.strip() for v in value)
    if not isinstance(data.get("glued_closing_quote", False), bool):
        raise fail("glued_closing_quote must be true or false", "glued_closing_quote")
    patterns = data.get("patterns", {})
    if not isinstance(patterns, dict) or set(patterns) - {"direct", "reported"}:
        raise fail("[patterns] takes the lists 'direct' and 'reported'", "[patterns]")
    stops = _alternation(lists["stop_words"]) if lists["stop_words"] else ""
    speaker_end = r"(?=\s*(?:[,.;:!?()\[\]—–\n" + QUOTE + MASK + r"]|$)"
    speaker_end += rf"|\s+(?:{stops})(?!\w))" if stops else ")"
    expansions = {
        "{quote}": QUOTE,
        "{verb}": rf"(?<![\w-])(?P<verb>{_alternation(lists['verbs'])})(?!\w)",
        "{speaker}": rf"(?P<speaker>{_PHRASE}){speaker_end}",
        "{subject}": rf"(?P<speaker>{_PHRASE})",
        "{dropped}": r"(?P<speaker>)",  # no subject written ('…», señaló'): the last person
        "{content}": r"(?P<content>.+?)",
    }
    compiled: dict[str, tuple[re.Pattern[str], ...]] = {}
    for kind in ("direct", "reported"):
        found = []
        for written in patterns.get(kind, []):
            if not isinstance(written, str):
                raise fail(f"[patterns] {kind}: every pattern must be a string", kind)
            needs = ("{speaker}", "{subject}", "{dropped}")
            if (
                sum(written.count(n) for n in needs) != 1
                or written.count("{verb}") > 1
                or (
                    (kind == "direct") != ("{quote}" in written)
                    or (kind == "reported") != ("{content}" in written)
                )
            ):
                raise fail(
                    f"[patterns] {kind} pattern {written!r}: needs one {{speaker}}, {{subject}} or {{dropped}}"
                    + (" and {quote}" if kind == "direct" else " and {content}")
                    + ", and at most one {verb}",
                    written[:20],
                )
            expanded = written
            for placeholder in _PLACEHOLDERS:
                expanded = expanded.replace(placeholder, expansions[placeholder])
            try:
                found.append(re.compile(expanded))
            except re.error as error:
                raise fail(
                    f"[patterns] {kind} pattern {written!r}: {error}", written[:20]
                ) from None
        compiled[kind] = tuple(found)
    titles = {t.lower() for t in lists["titles"]}
    return QuotePack(
        language,
        frozenset(p.lower() for p in lists["pronouns"]),
        frozenset(t for t in titles if not t.startswith("*")),
        tuple(t[1:] for t in titles if t.startswith("*")),
        frozenset(w.lower() for w in lists["not_names"]),
        tuple(sorted(lists["name_endings"], key=len, reverse=True)),
        tuple(sorted(lists["particles"], key=len, reverse=True)),
        lists["report_cues"],
        data.get("glued_closing_quote", False),
        compiled["direct"],
        compiled["reported"],
    )


def read_text_toml(text: str, name: str) -> dict:
    """A pack file's TOML as a dict (errors name the file and line)."""
    from analysis.lexicon import parse_toml

    return parse_toml(text, name=name)


@lru_cache(maxsize=64)
def quote_pack(language: str) -> QuotePack | None:
    """The quoting rules of `language` (None when it has no quotes.toml); cached per process."""
    path = languages.pack_file(language, "quotes.toml")
    if path is None:
        return None
    text, name = read_text(path, name=languages.display_name(path))
    return parse_quote_pack(text, name=name, language=languages.code(language))


# --- names in the article's language -------------------------------------------------------------


def expand_forms(entry: str) -> list[str]:
    """'Росси{я,и}' -> ['Россия', 'России']: every combination of the {a,b} groups in an entry."""
    pieces = _BRACES_RE.split(entry)
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(pieces)]
    return ["".join(parts) for parts in product(*choices)]


def _names_table(data: dict, key: str, text: str, name: str) -> dict[str, list[str]]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise LexiconError(
            name, f"[{key}] must be a table of actor = [names]", find_line(text, key)
        )
    result = {}
    for actor, names in table.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise LexiconError(
                name, f"[{key}] {actor!r} must be a list of names", find_line(text, actor)
            )
        result[actor] = [form for n in names for form in expand_forms(n.strip()) if form.strip()]
    return result


@lru_cache(maxsize=64)
def language_names(language: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(aliases, people) per actor in `language`'s names.toml, forms expanded ({} when none)."""
    path = languages.pack_file(language, "names.toml")
    if path is None:
        return {}, {}
    text, name = read_text(path, name=languages.display_name(path))
    data = read_text_toml(text, name)
    unknown = sorted(set(data) - {"aliases", "people"})
    if unknown:
        raise LexiconError(name, f"unknown table {unknown[0]!r}", find_line(text, unknown[0]))
    return _names_table(data, "aliases", text, name), _names_table(data, "people", text, name)


_MERGED: dict[tuple[int, str], tuple[Actors, Actors]] = {}


def actors_for(actors: Actors, language: str) -> Actors:
    """`actors` with the names its actors have in `language` (names.toml) added, each also with the
    pack's attached particles (Korean 러시아는); an actor the list lacks is added as its own camp
    (as the world gazetteer does). Cached per actor list and language."""
    code = languages.code(language)
    key = (id(actors), code)
    if key in _MERGED and _MERGED[key][0] is actors:
        return _MERGED[key][1]
    aliases, people = language_names(code)
    pack = quote_pack(code)
    particles = pack.particles if pack else ()
    taken = {n for a in actors.actors for n in (*a.aliases, *a.people)}
    merged = []
    for actor in actors.actors:
        extra_people = [p for p in people.get(actor.name, []) if p not in taken]
        taken.update(extra_people)
        extra = []
        for alias in [*aliases.get(actor.name, []), *extra_people]:
            for form in _with(alias, particles):
                if form not in taken:
                    taken.add(form)
                    extra.append(form)
        merged.append(
            Actor(actor.name, actor.camp, (*actor.aliases, *extra), (*actor.people, *extra_people))
        )
    for name in [*dict.fromkeys([*aliases, *people])]:  # not in the list: its own camp
        if actors.get(name) is None:
            own_people = tuple(p for p in people.get(name, []) if p not in taken)
            taken.update(own_people)
            own = [f for a in (*aliases.get(name, []), *own_people) for f in _with(a, particles)]
            own = [f for f in dict.fromkeys(own) if f not in taken]
            taken.update(own)
            merged.append(Actor(name, name, tuple(own), own_people))
    result = Actors(merged, actors.core_claim) if (aliases or people) else actors
    _MERGED[key] = (actors, result)
    return result


def _with(name: str, particles: tuple[str, ...]) -> list[str]:
    """A name and the name with each particle written onto it."""
    return [name, *(name + particle for particle in particles)]


# --- quotes --------------------------------------------------------------------------------------


def quotes_of(article: Article, actors: Actors) -> list[Quote]:
    """The quotes of `article` read with its own language's rules (English: analysis/quotes.py)."""
    code = languages.code(article.language)
    if code == "en":
        return find_quotes(article, actors)
    return pack_quotes(article, actors_for(actors, code), quote_pack(code))


def pack_quotes(article: Article, actors: Actors, pack: QuotePack | None) -> list[Quote]:
    """Direct quotes (speaker from the pack's patterns) and reported speech of a non-English
    article; with no pack, the direct quotes without speakers."""
    sentences = [s for s in article.sentences if not s.is_boilerplate]
    if not sentences:
        return []
    raw = article.raw_text
    glued = bool(pack and pack.glued_closing_quote)
    spans = _direct_spans(raw, _paragraphs(raw, sentences), glued_close=glued)
    masked = _masked(raw, spans)
    starts = [s.char_start for s in sentences]
    opens = [span.open_at for span in spans]
    context = Context(actors)
    if pack is not None:
        context.full_names = _full_names(sentences, pack, actors)
    found: list[Quote] = []
    previous: tuple[int, Quote] | None = None
    for position, sentence in enumerate(sentences):
        inside = spans[
            bisect.bisect_left(opens, sentence.char_start) : bisect.bisect_left(
                opens, sentence.char_end
            )
        ]
        framed = False
        for span in inside:
            close = sentences[max(0, bisect.bisect_right(starts, span.close_at) - 1)]
            start, end = _content(raw, span.open_at + 1, span.close_at)
            quote = Quote(
                article.article_id, "", "", "", "", "direct", _flat(raw[start:end]), start, end
            )
            before = masked[sentence.char_start : span.open_at]
            after = masked[span.close_at + 1 : close.char_end].split(MASK, 1)[0]
            speaker = cue = None
            if pack is not None:
                window = before + QUOTE + after
                speaker, cue = _attribute(window, pack.direct, pack, context, position)
            if speaker is not None:
                context.remember(position, speaker, subject=True)
                quote = _quote(article.article_id, speaker, cue, "direct", raw, start, end)
                framed = framed or _beside(cue, before, after)
            elif (
                previous is not None
                and previous[0] >= position - 1
                and (span.continues or not (before.strip(" ,—–-") or after.strip(" .,—–-")))
            ):
                quote = _quote_like(previous[1], quote)
            found.append(quote)
            if quote.speaker:
                previous = (position, quote)
        if pack is not None and not framed:  # '«…», a-t-il dit' is a frame, not reported speech
            text = masked[sentence.char_start : sentence.char_end]
            found.extend(
                _reported(text, sentence.char_start, raw, pack, context, position, article)
            )
        if pack is not None:
            _remember_subject(sentence.text, pack, context, position)
    return sorted(found, key=lambda q: (q.char_start, -(q.char_end - q.char_start)))


def _attribute(
    window: str,
    patterns: tuple[re.Pattern[str], ...],
    pack: QuotePack,
    context: Context,
    position: int,
) -> tuple[Speaker | None, str]:
    """The first pattern whose speaker resolves: (speaker, the cue as written)."""
    for pattern in patterns:
        for match in pattern.finditer(window):
            speaker = _speaker_of(match, pack, context, position)
            if speaker is not None:
                return speaker, _cue(match, QUOTE)
    return None, ""


_APPOSITION_RE = re.compile(rf"\s*,\s*([^{_NOT_IN_PHRASE}\n]{{2,60}}?)\s*,")
_REST_OF_PHRASE_RE = re.compile(rf"[^{_NOT_IN_PHRASE}\n]{{0,80}}")


def _speaker_of(
    match: re.Match[str], pack: QuotePack, context: Context, position: int
) -> Speaker | None:
    """The speaker of a pattern match. A description ('chef de la diplomatie européenne',
    'постпред России') followed by a name ('…, Josep Borrell,' / '… при ООН Василий Небензя')
    is that named person."""
    speaker = resolve(match.group("speaker"), pack, context, position)
    if speaker is None or speaker.is_person or not _cased(match.group("speaker")):
        return speaker
    text, end = match.string, match.end("speaker")
    apposition = _APPOSITION_RE.match(text, end)
    longer = [apposition.group(1)] if apposition else []
    longer.append(match.group("speaker") + _REST_OF_PHRASE_RE.match(text, end).group(0))
    for phrase in longer:
        named = resolve(phrase, pack, context, position)
        if named is not None and named.is_person and " " in named.name:
            return named
    return speaker


def _cue(match: re.Match[str], *fillers: str) -> str:
    """The cue of a pattern match: its speech verb, else its words beside the speaker and the
    quoted or reported words ('Selon', 'laut', 'по словам', '에 따르면')."""
    if "verb" in match.re.groupindex and match.group("verb"):
        return " ".join(match.group("verb").split())
    text = match.string
    lead = text[match.start() : match.start("speaker")].strip(_NAME_STRIP + "\n")
    tail = text[match.end("speaker") : match.end()]
    for filler in fillers:
        tail = tail.split(filler, 1)[0]
    cue = lead.split(",")[-1] or " ".join(tail.split()[:2])
    return " ".join(cue.replace(MASK, " ").split()).strip(_NAME_STRIP)


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
        if len(re.findall(r"\w+", body[content_start:content_end])) < 2:
            continue
        speaker = _speaker_of(match, pack, context, position)
        if speaker is None:
            continue
        context.remember(position, speaker, subject=True)
        start, end = _content(raw, offset + content_start, offset + content_end)
        while end > start and raw[end - 1] in ".!?。":
            end -= 1
        cue = _cue(match, match.group("content"))
        return [_quote(article.article_id, speaker, cue, "reported", raw, start, end)]
    return []


# --- speakers ------------------------------------------------------------------------------------


def _cased(word: str) -> bool:
    """Whether the word's script has capital letters (Latin, Cyrillic), unlike Hangul."""
    first = next((c for c in word if c.isalpha()), "")
    return first.upper() != first.lower()


def _strip_particle(word: str, pack: QuotePack, actors: Actors) -> str:
    """'푸틴은' -> '푸틴' (a particle written onto the word), unless the word is a name as it is."""
    if actors.person(word) or actors.mentions(word) or pack.is_title(word):
        return word
    for particle in pack.particles:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


def _is_name_word(word: str, pack: QuotePack, actors: Actors) -> bool:
    """Could this word be part of a person's name (not a title, function word or a country)?"""
    bare = word.strip(_NAME_STRIP)
    if not bare or not (bare[0].isupper() if _cased(bare) else bare[0].isalpha()):
        return False
    if pack.is_title(bare) or bare in pack.not_names:
        return False
    return bool(_listed(bare, pack, actors)) or not actors.mentions(bare)


def _stem(name: str, pack: QuotePack) -> str:
    """A name without its case ending ('Пескова', 'Песков' -> 'Песков'; 'Зеленського' ->
    'Зеленськ'), keeping at least three letters."""
    for ending in pack.name_endings:
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            return name[: -len(ending)]
    return name


_STEMS: dict[tuple[int, int], tuple[Actors, dict[str, tuple[str, Actor]]]] = {}


def _listed(name: str, pack: QuotePack, actors: Actors) -> tuple[str, Actor] | None:
    """A listed person written `name`, in any case form ('Пескова' -> 'Дмитрий Песков')."""
    found = actors.person(name)
    if found or not pack.name_endings:
        return found
    key = (id(actors), id(pack))
    if key not in _STEMS or _STEMS[key][0] is not actors:
        stems = {
            _stem(full.split()[-1], pack): (full, actor)
            for actor in reversed(actors.actors)
            for full in reversed(actor.people)
        }
        _STEMS[key] = (actors, stems)
    return _STEMS[key][1].get(_stem(name.split()[-1], pack))


def resolve(phrase: str, pack: QuotePack, context: Context, position: int) -> Speaker | None:
    """The speaker a phrase names: a person (name in the article's spelling, in full when the
    article or the actor list gives it), a body ('МИД России', 'le Kremlin'), or the person a
    pronoun points back to."""
    actors = context.actors
    words = [w for w in phrase.strip(_NAME_STRIP).split() if w.strip(_NAME_STRIP)]
    if words:
        words[-1] = _strip_particle(words[-1].strip(_NAME_STRIP), pack, actors)
    if len(words) > 12:
        return None
    if not words or (len(words) == 1 and words[0].lower() in pack.pronouns):
        last = context.last_person  # a pronoun, or no subject written ({dropped})
        return last[1] if last and last[0] >= position - 8 else None
    end = len(words)
    titles_after = 0
    if not _cased(" ".join(words)):  # '젤렌스키 우크라이나 대통령': country and titles follow
        while end > 0 and pack.is_title(words[end - 1]):
            end, titles_after = end - 1, titles_after + 1
        while (
            end > 1
            and actors.mentions(words[end - 1])
            and not _listed(words[end - 1], pack, actors)
        ):
            end -= 1
    start = end
    while start > 0 and _is_name_word(words[start - 1], pack, actors):
        start -= 1
    while start < end and words[start].lower() in pack.not_names:
        start += 1
    lone = end - start == 1 and not _listed(words[start], pack, actors)
    if lone and (titles_after > 1 or (start > 1 and words[start - 1] in pack.not_names)):
        start = end  # '중국 국방부 대변인', 'ministère de la Défense': a body, no name
    name = " ".join(w.strip(_NAME_STRIP) for w in words[start:end])
    rest = [w for i, w in enumerate(words) if not start <= i < end]
    while rest and rest[0].lower() in pack.not_names:
        rest.pop(0)
    description = " ".join(rest)
    if not name:
        if not description or description.lower() in pack.pronouns:
            return None
        return Speaker(description, description, actors.affiliation("", description), False)
    listed = _listed(name, pack, actors)
    if listed:  # a listed person in another case form ('Андрія Сибіги') is written as listed
        spelled = name if actors.person(name) else listed[0]
        full = spelled if " " in spelled else _article_name(name, pack, context) or listed[0]
        return Speaker(full, description, listed[1], True)
    if " " not in name and actors.mentions(name):  # a body: 'Kremlin', 'Пентагон'
        return Speaker(name, description, actors.affiliation("", name), False)
    full = name if " " in name else _article_name(name, pack, context) or name
    affiliation = actors.affiliation(full, f"{description} {phrase}")
    return Speaker(full, description, affiliation, True)


def _article_name(surname: str, pack: QuotePack, context: Context) -> str:
    """The full name the article gives for a surname in any case form ('Пескова'), '' if none."""
    return context.full_names.get(_stem(surname, pack), "")


def _full_names(sentences: list, pack: QuotePack, actors: Actors) -> dict[str, str]:
    """Surname stem -> the first full name the article writes (two or three name words in a
    row), then the listed people's."""
    names: dict[str, str] = {}

    def flush(run: list[str]) -> list[str]:
        if 2 <= len(run) <= 3:
            names.setdefault(_stem(run[-1], pack), " ".join(run))
        return []

    for sentence in sentences:
        run: list[str] = []
        for word in [*sentence.text.split(), ""]:
            bare = word.strip(_NAME_STRIP)
            if bare and _cased(bare) and _is_name_word(bare, pack, actors):
                run.append(bare)
                if bare != word.strip(" "):
                    run = flush(run)
                continue
            run = flush(run)
    for person_key in (p for a in actors.actors for p in a.people):
        names.setdefault(_stem(person_key.split()[-1], pack), person_key)
    return names


def _beside(cue: str, before: str, after: str) -> bool:
    """Whether a quote's cue stands right next to it ('«…», a dit X', 'X sagte: „…“'): the
    sentence is then the quote's frame, not also reported speech."""
    return bool(cue) and (cue in after[:40] or before.rstrip().endswith(":"))


def _remember_subject(text: str, pack: QuotePack, context: Context, position: int) -> None:
    """A sentence that opens with a person ('Генсек ООН Антоніу Гутерреш закликав …') makes
    them the person a later pronoun ('— наголосив він') points back to."""
    run: list[str] = []
    for word in text.split()[:8]:
        bare = word.strip(_NAME_STRIP)
        if bare and _cased(bare) and _is_name_word(bare, pack, context.actors):
            run.append(bare)
            if word.strip() == bare:
                continue
        known = len(run) == 1 and (
            _listed(run[0], pack, context.actors) or _article_name(run[0], pack, context)
        )
        if len(run) >= 2 or known:
            speaker = resolve(" ".join(run), pack, context, position)
            if speaker is not None and speaker.is_person:
                context.remember(position, speaker, subject=True)
            return
        run = []
        if bare[:1].islower() and not pack.is_title(bare):
            return
