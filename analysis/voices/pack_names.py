"""The words of names in a language with a pack: which words can be a name, where a name ends
in a speaker phrase, its case ending, and the people the actor list or the article names in
full (for analysis/voices/pack_speakers.py, which reads who a phrase names)."""

from __future__ import annotations

from analysis.voices.packs import NAME_STRIP, QuotePack
from analysis.world.actors import Actor, Actors


def cased(word: str) -> bool:
    """Whether the word's script has capital letters (Latin, Cyrillic), unlike Hangul."""
    first = next((c for c in word if c.isalpha()), "")
    return first.upper() != first.lower()


def strip_particle(word: str, pack: QuotePack, actors: Actors) -> str:
    """'푸틴은' -> '푸틴' (a particle written onto the word), unless the word is a name as it is."""
    if actors.person(word) or actors.mentions(word) or pack.is_title(word):
        return word
    for particle in pack.particles:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


def is_name_word(word: str, pack: QuotePack, actors: Actors) -> bool:
    """Could this word be part of a person's name (not a title, function word or a country)?"""
    bare = word.strip(NAME_STRIP)
    if not bare or not (bare[0].isupper() if cased(bare) else bare[0].isalpha()):
        particle, _, rest = bare.partition("-")  # 'аль-Ансарі', 'al-Ansari', 'ben-Ali'
        if not (particle and rest[:1].isupper() and len(particle) <= 3):
            return False
    if pack.is_title(bare) or bare in pack.not_names:
        return False
    return bool(listed_person(bare, pack, actors)) or not actors.mentions(bare)


def body_surname(words: list[str], at: int, pack: QuotePack, actors: Actors) -> bool:
    """Whether words[at], an alias of a body, is the surname of the name before it ('Thérèse
    Kayikwamba Wagner' is not the Wagner Group): a country's name there stays the country."""
    if at < 1 or not is_name_word(words[at - 1], pack, actors) or not cased(words[at]):
        return False
    found = actors.mentions(words[at].strip(NAME_STRIP))
    return (
        len(found) == 1
        and found[0].matched == words[at].strip(NAME_STRIP)
        and (actor := actors.get(found[0].actor)) is not None
        and actor.kind != "country"
    )


def surname_after_title(words: list[str], at: int, pack: QuotePack, actors: Actors) -> bool:
    """Whether words[at], a body's name, is a person's right after their title ('外交部长 瓦格纳':
    the minister Wagner, not the Wagner Group); a country there is the country's."""
    found = actors.mentions(words[at])
    actor = actors.get(found[0].actor) if len(found) == 1 else None
    return at > 0 and pack.is_title(words[at - 1]) and actor is not None and actor.kind != "country"


def phrase_words(phrase: str, pack: QuotePack, actors: Actors) -> list[str]:
    """The words of a speaker phrase; in a script without spaces between words, cut at the
    pack's titles and the actors' names ('中国外交部发言人郭嘉昆' -> 中国 外交部 发言人 郭嘉昆)."""
    bare = phrase.strip(NAME_STRIP)
    if pack.titles_inside is not None:
        cuts = {0, len(bare)}
        cuts.update(i for m in actors.mentions(bare) for i in (m.start, m.end))
        folded = actors.writing.lower(bare)  # traditional characters as simplified (same length)
        cuts.update(i for m in pack.titles_inside.finditer(folded) for i in m.span())
        ordered = sorted(cuts)
        bare = " ".join(bare[a:b] for a, b in zip(ordered, ordered[1:], strict=False))
    return [w for w in bare.split() if w.strip(NAME_STRIP)]


def without_tail(words: list[str], pack: QuotePack, actors: Actors) -> list[str]:
    """The words up to a full name, less the phrase after it that says where or how they spoke,
    opened by a preposition ('Анна Зотова на брифинге в Москве (заявила)', 'Роман Ковальчик в
    інтерв'ю польському виданню Rzeczpospolita'): no name of two words follows in it."""
    if not words or not cased(words[-1]):
        return words
    name = [is_name_word(w, pack, actors) for w in words]
    for at in range(2, len(words) - 1):
        opener = words[at]
        if not (name[at - 2] and name[at - 1]) or not opener.islower() or len(opener) > 3:
            continue
        following = next((w for w in words[at:] if len(w) > 3 or not w.islower()), "")
        if not following.islower():
            continue  # 'Agência Brasileira de Inteligência', 'von der Leyen': the name goes on
        tail = name[at:]
        if len(tail) <= 6 and not any(a and b for a, b in zip(tail, tail[1:], strict=False)):
            return words[:at]
    return words


def name_stem(name: str, pack: QuotePack) -> str:
    """A name without its case ending ('Пескова', 'Песков' -> 'Песков'; 'Зеленського' ->
    'Зеленськ'), keeping at least three letters."""
    for ending in pack.name_endings:
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            return name[: -len(ending)]
    return name


_STEMS: dict[tuple[int, int], tuple[Actors, dict[str, tuple[str, Actor]]]] = {}


def listed_person(name: str, pack: QuotePack, actors: Actors) -> tuple[str, Actor] | None:
    """A listed person written `name`, in any case form ('Пескова' -> 'Дмитрий Песков')."""
    found = actors.person(name)
    if not found and pack.writing.prefixes:  # 'لنتنياهو': a prefix written onto the name
        found = actors.person(pack.writing.bare(name))
    if found or not pack.name_endings:
        return found
    key = (id(actors), id(pack))
    if key not in _STEMS or _STEMS[key][0] is not actors:
        stems = {
            name_stem(full.split()[-1], pack): (full, actor)
            for actor in reversed(actors.actors)
            for full in reversed(actor.people)
        }
        _STEMS[key] = (actors, stems)
    return _STEMS[key][1].get(name_stem(name.split()[-1], pack))


def listed_person_span(words: list[str], actors: Actors) -> tuple[int, int] | None:
    """(start, end) of the last listed person written in `words` (up to three words, the longest
    first): 'رافائيل غروسي' in 'المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي'."""
    for end in range(len(words), 0, -1):
        for start in range(max(0, end - 3), end):
            if actors.person(" ".join(words[start:end])):
                return start, end
    return None


def full_names(
    sentences: list, pack: QuotePack, actors: Actors
) -> tuple[dict[str, str], dict[str, Actor]]:
    """Surname stem -> the first full name the article writes (two or three name words in a
    row), then the listed people's; and full name -> the actor its title before it names where
    the article first writes it ('Ukrayna Deniz Kuvvetleri Sözcüsü Oleksiy Bondarenko'), so a
    later 'Bondarenko, "…" dedi' keeps that side."""
    names: dict[str, str] = {}
    sides: dict[str, Actor] = {}

    def flush(run: list[str], before: list[str]) -> list[str]:
        if 2 <= len(run) <= 3:
            full = " ".join(run)
            if names.setdefault(name_stem(run[-1], pack), full) == full and full not in sides:
                described = before[-4:]
                side = actors.affiliation("", " ".join(described))
                if side is not None and any(map(pack.is_title, described)):
                    sides[full] = side
        return []

    for sentence in sentences:
        run: list[str] = []
        before: list[str] = []  # the words since the last punctuation, before the run
        for word in [*sentence.text.split(), ""]:
            bare = word.strip(NAME_STRIP)
            if bare and cased(bare) and is_name_word(bare, pack, actors):
                run.append(bare)
                if bare != word.strip(" "):
                    run = flush(run, before)
                    before = []
                continue
            run = flush(run, before)
            before = [] if bare != word.strip(" ") else [*before, bare]
    for person_key in (p for a in actors.actors for p in a.people):
        names.setdefault(name_stem(person_key.split()[-1], pack), person_key)
    return names, sides
