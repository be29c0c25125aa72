"""Speakers in a language with a pack: who a phrase next to a speech verb names.

The language-neutral counterpart of analysis/voices/speakers.py (which holds the English grammar): titles,
pronouns, function words, name case endings and particles come from the pack (QuotePack); names
and bodies from the actor list merged with the pack's names.toml. A speaker keeps the spelling of
the article ('Путин', '푸틴'), written in full when the article or the actor list gives it.
"""

from __future__ import annotations

import itertools

from analysis.voices.pack_names import (
    body_surname,
    cased,
    is_name_word,
    listed_person,
    listed_person_span,
    name_stem,
    phrase_words,
    strip_particle,
    surname_after_title,
    without_tail,
)
from analysis.voices.packs import NAME_STRIP, QuotePack
from analysis.voices.speakers import Context, Speaker
from analysis.world.actors import Actor

# what resolve gives for a news outlet cited: no speaker, and no other reading of the words
# ('…고 한국일보가 전했다' does not make the sentence's subject its speaker)
OUTLET = Speaker("", "", None, False)
MAX_DESCRIPTION_WORDS = 6  # a speaker named by title only ('le porte-parole du ministère')
MAX_LEADING_WORDS = 2  # words before it that are no title or name ('mientras', 'y')


def resolve(
    phrase: str, pack: QuotePack, context: Context, position: int, *, name_first: bool = False
) -> Speaker | None:
    """The speaker a phrase names (_resolve); OUTLET for a news outlet cited ('Sender N1',
    '共同社'): the press it quotes is no voice of the story."""
    speaker = _resolve(phrase, pack, context, position, name_first=name_first)
    if speaker is None:
        return OUTLET if pack.is_media(phrase) else None  # '据《北方日报》报道
    # the words up to the name: a listener after it ('sagte X dieser Zeitung') is not the speaker
    written = next(
        (w for w in (speaker.name, speaker.name.split(" ")[-1]) if w and w in phrase), ""
    )
    before = phrase.split(written, 1)[0] if written else speaker.description  # ('Peskow' of
    return OUTLET if pack.is_media(f"{before} {speaker.name}") else speaker  # 'Dmitri Peskow')


def _resolve(
    phrase: str, pack: QuotePack, context: Context, position: int, *, name_first: bool = False
) -> Speaker | None:
    """The speaker a phrase names: a person (name in the article's spelling, in full when the
    article or the actor list gives it), a body ('МИД России', 'le Kremlin'), the person a pronoun
    or a bare title ('— сказал дипломат') points back to. The name is the phrase's last run of name
    words ('Le porte-parole du Kremlin Dmitri Peskov'), or its first with `name_first` (after a
    verb: 'Kremlsprecher Peskow der Agentur Tass')."""
    actors = context.actors
    words = [w for w in phrase_words(phrase, pack, actors) if w not in pack.particles]
    if len(kept := without_tail(words, pack, actors)) < len(words):
        words, phrase = kept, " ".join(kept)  # where they spoke gives no side ('в Москве')
    if words:
        words[-1] = strip_particle(words[-1].strip(NAME_STRIP), pack, actors)
    place = 1 < len(words) <= 3 and words[0].lower() in pack.place_openers and words[1].istitle()
    if len(words) > 12 or place:
        return None  # a clause, or a place ('In Berlin', 'À Bamako'), is no speaker
    if not words or (len(words) == 1 and words[0].lower() in pack.pronouns):
        last = context.last_person  # a pronoun, or no subject written ({dropped})
        return last[1] if last and last[0] >= position - 8 else None
    end = len(words)
    titles_after = 0
    if not cased(" ".join(words)):  # '젤렌스키 우크라이나 대통령': country and titles follow
        while end > 0 and pack.is_title(words[end - 1]):
            end, titles_after = end - 1, titles_after + 1
        while (
            end > 1
            and actors.mentions(words[end - 1])
            and not listed_person(words[end - 1], pack, actors)
            and not surname_after_title(words, end - 1, pack, actors)
        ):
            end -= 1
    if end > 1 and end == len(words) and body_surname(words, end - 1, pack, actors):
        end -= 1  # read from the name before it; the surname is added back below
        with_surname = True
    else:
        with_surname = False
    titled_surname = False
    start = end
    listed = None if cased(" ".join(words)) else listed_person_span(words[:end], actors)
    if listed:  # a script without capitals: a listed person in the phrase is its name
        start, end = listed
    while not listed and start > 0 and is_name_word(words[start - 1], pack, actors):
        start -= 1
    if (
        start == end
        and not cased(" ".join(words))
        and surname_after_title(words, end - 1, pack, actors)
    ):
        start, titled_surname = end - 1, True  # '外交部长 瓦格纳': the minister Wagner
    if name_first and cased(" ".join(words)):
        first = next(
            (
                i
                for i, w in enumerate(words)
                if is_name_word(
                    w, pack, actors
                )  # a word before a title owns it: 'Guyanas Präsident'
                and not (i + 1 < len(words) and pack.is_title(words[i + 1]))
            ),
            None,
        )
        if first is not None:
            start = end = first
            while end < len(words) and (
                is_name_word(words[end], pack, actors) or body_surname(words, end, pack, actors)
            ):
                with_surname = with_surname or not is_name_word(words[end], pack, actors)
                end += 1
    if with_surname and start < end:
        end += 1
    while start < end and words[start].lower() in pack.not_names:
        start += 1
    if pack.description_prefixes and start < end:  # the article opens a description
        first = start  # ('المحلل السياسي (سامي عبد الله)'); a name only of such words is none
        while start < end and words[start].startswith(pack.description_prefixes):
            start += 1  # ('وزير الداخلية المكلف'), unless it is a listed surname ('الدبيبة')
        if start == end and (listed or listed_person(words[end - 1], pack, actors)):
            start = max(first, end - 1)
    lone = end - start == 1 and not listed_person(words[start], pack, actors)
    after_titles = titles_after > 1 and bool(actors.mentions(words[start])) if lone else False
    if lone and (after_titles or (start > 1 and words[start - 1] in pack.not_names)):
        start = end  # '중국 국방부 대변인', 'ministère de la Défense': a body, no name
    elif (
        lone
        and start > 0
        and cased(words[start])
        and not _article_name(words[start], pack, context)
    ):
        start = end  # 'глава делегации Международного (комитета)': a word of a body, no surname
    if pack.titles_inside is not None and end - start == 1 and len(words[start]) < 2:
        start = end  # one character is no Chinese name ('当地卫生部 门')
    name = " ".join(w.strip(NAME_STRIP) for w in words[start:end])
    rest = [w for i, w in enumerate(words) if not start <= i < end]
    while rest and rest[0].lower() in pack.not_names:
        rest.pop(0)
    marked = [i for i, w in enumerate(rest) if pack.is_title(w) or actors.mentions(w)]
    tail = rest[marked[-1] + 1 :] if marked else []
    if len(tail) >= 2 and all(cased(w) and w[:1].islower() for w in tail):
        rest = rest[
            : marked[-1] + 1
        ]  # 'Кремлі ці повідомлення (назвали)': the object is not the speaker
    if not name:  # a body or an unnamed official: a short phrase from its first title or name
        body = " ".join(rest)
        whole = [m for m in actors.mentions(body) if m.start == 0 and m.end == len(body)]
        if whole:  # a body named in full ('Communauté économique des États de l'Afrique …')
            return Speaker(body, "", actors.get(whole[0].actor), False)
        lead = 0
        while lead < len(rest) and rest[lead][:1].islower():
            if pack.is_title(rest[lead]) or actors.mentions(rest[lead]):
                break
            lead += 1
        if lead > MAX_LEADING_WORDS or len(rest) - lead > MAX_DESCRIPTION_WORDS:
            return None  # a clause ('rechazó este martes las acusaciones del Gobierno … y')
        if not any(map(pack.is_title, rest[lead:])) and not actors.mentions(" ".join(rest)):
            return None  # no title, body or actor: 'der in der Nacht festgenommen worden war'

        rest = rest[lead:]  # 'mientras Caracas (asegura)': the conjunction is not the speaker
    joiner = " " if pack.titles_inside is None else ""  # no spaces between words: none added
    description = joiner.join(rest)
    if not name:
        if not description or description.lower() in pack.pronouns:
            return None
        last = context.last_person
        definite = not any(w.lower() in pack.indefinite for w in words)
        titles = all(pack.is_title(w) for w in rest) and len(rest) <= 2
        if definite and titles and last and last[0] >= position - 3:
            return last[1]  # '— написал дипломат', 'a ajouté le ministre': the person just named
        side = side_of(description, pack, context)  # 'الحكومة': the home country's
        return Speaker(description, description, side, False)
    listed = listed_person(name, pack, actors)
    if listed:  # a listed person in another case form ('Андрія Сибіги') is written as listed
        spelled = name if actors.person(name) else listed[0]
        full = spelled if " " in spelled else _article_name(name, pack, context) or listed[0]
        return Speaker(full, description, listed[1], True)
    if " " not in name and actors.mentions(name) and not titled_surname:  # a body: 'Kremlin'
        return Speaker(name, description, actors.affiliation("", name), False)
    full = name if " " in name else _article_name(name, pack, context) or name
    # the phrase less the name: its surname may be an alias ('… Thérèse Kayikwamba Wagner')
    context_words = phrase.replace(name, " ") if with_surname else phrase
    if titled_surname:  # the surname is no side ('外交部长瓦格纳')
        affiliation = actors.affiliation("", f"{description} {context_words}")
    else:
        affiliation = actors.affiliation(full, f"{description} {context_words}")
    # with no actor in the phrase, the side the article first gave the name, else side_of's
    side = affiliation or context.name_sides.get(full) or side_of(description, pack, context)
    return Speaker(full, description, _not_civil(side, description, pack), True)


def _possessor_side(description: str, pack: QuotePack, context: Context) -> Actor | None:
    """The side of a speaker quoted in this or the last three sentences, for a description
    opening with a possessive ('Su jefa de misión en Chile, X' after the IOM spoke; 'il suo
    portavoce')."""
    lower = description.lower().lstrip()
    if not any(lower.startswith(f"{p} ") for p in pack.possessives):
        return None
    recent = (s.actor for i, s in reversed(context.recent) if i >= context.position - 3)
    return next((actor for actor in recent if actor), None)


def side_of(description: str, pack: QuotePack, context: Context) -> Actor | None:
    """The actor a description names, else the home country a title alone in it gives."""
    side = (
        context.actors.affiliation("", description)
        or _possessor_side(description, pack, context)
        or home_side(description, pack, context)
    )
    return _not_civil(side, description, pack)


def _not_civil(side: Actor | None, description: str, pack: QuotePack) -> Actor | None:
    """No country for a role of civil life ('investigadora senegalesa'): a body still is a side."""
    civil = side is not None and side.kind == "country" and pack.is_civil(description)
    return None if civil else side


def home_side(description: str, pack: QuotePack, context: Context) -> Actor | None:
    """The sentence's or article's home country (Context.home) for a person given a state title
    alone or with a portfolio ('Regierungschef Nikol Paschinjan', 'El presidente depuesto, Ali
    Bongo', 'le ministre des Affaires étrangères'; a body the title is of that is an actor gave
    the side before this is asked)."""
    words = phrase_words(description, pack, context.actors)
    if not 0 < len(words) <= 8:  # 'Le Premier ministre du gouvernement d'union nationale'
        return None
    first = next((i for i, w in enumerate(words) if pack.is_title(w)), len(words))
    qualified = any(  # 'Somaliland Cumhurbaşkanlığı Sözcüsü': a place the actors do not know
        cased(w)
        and w[:1].isupper()
        and w.lower() not in pack.not_names
        and not context.actors.mentions(w)
        for w in words[:first]
    )
    return context.home if not qualified and any(map(pack.is_home_title, words)) else None


def _article_name(surname: str, pack: QuotePack, context: Context) -> str:
    """The full name the article gives for a surname in any case form ('Пескова'), '' if none."""
    return context.full_names.get(name_stem(surname, pack), "")


def remember_subject(text: str, pack: QuotePack, context: Context, position: int) -> None:
    """A sentence that opens with a person ('Генсек ООН Антоніу Гутерреш закликав …') makes
    them the person a later pronoun ('— наголосив він') points back to."""
    run: list[str] = []
    lead: list[str] = []  # the titles before the name ('Le colonel-major')
    words = text.split()[:10]
    if words and words[0].lower() in pack.place_openers:  # 'Da Tirana il primo ministro …'
        place = 1 + sum(1 for _ in itertools.takewhile(lambda w: w[:1].isupper(), words[1:3]))
        words = words[place:]
    for word in words[:8]:
        bare = word.strip(NAME_STRIP)
        if bare and cased(bare) and is_name_word(bare, pack, context.actors):
            run.append(bare)
            if word.strip() == bare:
                continue
        known = len(run) == 1 and (
            listed_person(run[0], pack, context.actors) or _article_name(run[0], pack, context)
        )
        if len(run) >= 2 or known:
            speaker = resolve(" ".join(lead + run), pack, context, position)
            if speaker is not None and speaker.is_person:
                context.remember(position, speaker, subject=True)
            return
        lead += run if run and run[-1] == bare else [*run, bare]
        run = []
        if bare[:1].islower() and not (
            pack.is_title(bare) or bare in pack.not_names or context.actors.mentions(bare)
        ):  # 'il primo ministro albanese Ardian Koka'
            return
