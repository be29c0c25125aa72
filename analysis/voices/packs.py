"""Language packs for quotes: data/languages/<code>/quotes.toml (speech verbs, pronouns, titles,
attribution patterns) and names.toml (the actors' names in that language), loaded and validated.

One loader per file; a mistake raises LexiconError naming the file and the line. The patterns are
compiled here with their placeholders expanded; analysis/voices/attribution.py applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from analysis.voices.phrases import MASK
from analysis.voices.words import speaker_words
from analysis.world import languages
from analysis.world.actors import Actor, Actors
from analysis.world.toml_files import LexiconError, find_line, parse_toml, read_text
from analysis.world.writing import PLAIN, Writing, writing

QUOTE = "\ue001"  # the quote being attributed, in the sentence its patterns are matched on
_PLACEHOLDERS = ("{quote}", "{verb}", "{urge}", "{speaker}", "{subject}", "{dropped}", "{content}")
_LIST_KEYS = (
    "verbs",
    "pronouns",
    "titles",
    "not_names",
    "stop_words",
    "name_endings",
    "particles",
    "indefinite",
    "urge_verbs",
    "home_titles",
    "place_openers",
    "description_prefixes",
    "media_words",
    "civil_titles",
    "possessives",
)
_PACK_KEYS = {*_LIST_KEYS, "glued_closing_quote", "home_country", "patterns"}
_WIDE_PUNCTUATION = "，。；：！？、「」『』（）"  # full-width punctuation (Chinese)
NOT_IN_PHRASE = rf",.;:!?()\[\]«»\"“”„،؛؟{_WIDE_PUNCTUATION}{QUOTE}{MASK}"
# a '"' between two letters is a Hebrew acronym's gershayim (דובר צה"ל), part of the phrase
_PHRASE = rf"[^\s{NOT_IN_PHRASE}‚‘’'](?:[^{NOT_IN_PHRASE}\n]|(?<=\w)\"(?=\w)){{0,100}}?"
_BRACES_RE = re.compile(r"\{([^{}]*)\}")
NAME_STRIP = ' \t\n,.;:!?"“”«»„‚‘’()[]—–-' + _WIDE_PUNCTUATION


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
    indefinite: frozenset[str]  # 'un', 'ein', 'один': 'a diplomat' is not the one just named
    glued_closing_quote: bool
    direct: tuple[re.Pattern[str], ...]
    reported: tuple[re.Pattern[str], ...]
    # a script without spaces between words (text.toml word_boundaries = false): the titles, as
    # one pattern, cut a speaker phrase into words ('外交部发言人郭嘉昆' -> 外交部 发言人 郭嘉昆)
    titles_inside: re.Pattern[str] | None = None
    # the language's folded characters, lower case and prefixes (text.toml): 'المتحدث' is 'متحدث'
    writing: Writing = PLAIN
    # titles whose holder, no country named, is of the article's home country ('Regierungschef')
    home_titles: frozenset[str] = frozenset()
    # words that open a sentence with its place ('À Niamey, …'): the sentence's home country
    place_openers: frozenset[str] = frozenset()
    # in a script without capitals, a word opening with one of these (Arabic ال, Hebrew ה: the
    # article) is a description, never a name's first word ('المحلل السياسي سامي عبد الله')
    description_prefixes: tuple[str, ...] = ()
    # the country the language's press is of, when one is (Korean, Hebrew): an unqualified title
    # or body is of it when no dateline names another
    home_country: str = ""
    # words of a news outlet ('Zeitung', '*blatt', 'телеканал', '通讯社'): a speaker with one is an
    # outlet cited, not a voice of the story
    media_words: frozenset[str] = frozenset()
    # roles of civil life ('investigadora', 'Lehrerin', '주민', '研究员'): a country beside one is
    # where they live or what they study, not a side they speak for
    civil_titles: frozenset[str] = frozenset()
    # possessives that open a description ('su portavoz', 'son commissaire'): its holder is on the
    # side of the speaker just quoted
    possessives: frozenset[str] = frozenset()

    def is_media(self, phrase: str) -> bool:
        """Whether a speaker's words name a news outlet (`media_words`; in a script without
        spaces, a media word anywhere in it)."""
        lower = self.writing.lower(phrase)
        if self.titles_inside is not None:
            return any(m.strip("*") in lower for m in self.media_words)
        words = (w.strip(NAME_STRIP) for w in lower.split())
        return any(_listed(self._forms(w), self.media_words) for w in words)

    def is_civil(self, description: str) -> bool:
        """Whether a description's title is a role of civil life and none of office (`civil_titles`;
        in a script without spaces, one anywhere in it)."""
        lower = self.writing.lower(description)
        if self.titles_inside is not None:
            return any(t in lower for t in self.civil_titles)
        words = [w.strip(NAME_STRIP) for w in lower.split()]
        return any(w in self.civil_titles for w in words) and not any(
            map(self.is_home_title, words)
        )

    def is_home_title(self, word: str) -> bool:
        """A state title ('Regierungschef', 'presidente', '총리'), as `home_titles` lists it."""
        return _listed(self._forms(self.writing.lower(word).strip(NAME_STRIP)), self.home_titles)

    def _forms(self, lower: str) -> tuple[str, ...]:
        """A lower-case word as written and, in a script that writes prefixes onto words
        ('والوزير'), without them."""
        return (lower, self.writing.bare(lower)) if self.writing.prefixes else (lower,)

    def is_title(self, word: str) -> bool:
        """A title or body word ('ministre', 'Außenminister' via '*minister', '대통령', 'والوزير')."""
        lower = self.writing.lower(word).strip(NAME_STRIP)
        if lower in self.titles or any(lower.endswith(s) for s in self.title_suffixes):
            return True
        return bool(self.writing.prefixes) and self.writing.bare(lower) in self.titles


def _listed(forms: tuple[str, ...], entries: frozenset[str]) -> bool:
    """Whether a form is an entry of a word list, or ends with an entry's '*' ending ('*blatt')."""
    return any(f.endswith(e[1:]) if e[0] == "*" else f == e for f in forms for e in entries)


def titled_at(language: str) -> Callable[[str, int], bool]:
    """Whether a person's title ends right before `offset` of `text` in `language` ('Foreign
    Minister Wagner', 'Außenministerin Wagner', '外交部长瓦格纳'): the name after it is a person's,
    whatever actor an alias of it names (see SentenceMentions)."""
    pack = quote_pack(languages.code(language) or "")
    if pack is not None and pack.titles_inside is not None:  # no spaces: a title on the name
        ends = tuple(pack.titles)
        return lambda text, offset: text[:offset].endswith(ends)
    if pack is None:  # English (or a language without a pack): the English person titles
        titles = speaker_words().person_titles
        is_title: Callable[[str], bool] = lambda word: word.lower() in titles  # noqa: E731
    else:
        is_title = pack.is_title
    return lambda text, offset: _title_before_name(text, offset, is_title)


def _title_before_name(text: str, offset: int, is_title: Callable[[str], bool]) -> bool:
    """A title, then at most three capitalised words, right before `offset` ('Bakanı Therese
    Kayikwamba Wagner')."""
    words = [w.strip(NAME_STRIP) for w in text[:offset].rsplit(None, 4)[-4:]]
    for word in reversed(words):
        if is_title(word):
            return True
        if not word[:1].isupper():
            return False
    return False


def _alternation(words: tuple[str, ...]) -> str:
    """Regex alternation of word-list entries: 'stem*' = any ending, a space = any whitespace."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(escaped + (r"\w*" if word.endswith("*") else ""))
    return "|".join(parts) or r"(?!)"


def parse_quote_pack(text: str, *, name: str, language: str) -> QuotePack:
    """Validate a quotes.toml text into a QuotePack; problems raise LexiconError with the line."""
    data = parse_toml(text, name=name)

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
    letters = writing(language)  # a verb may carry a prefix ('وقال', 'ואמר')
    prefix = f"(?:{_alternation(tuple(letters.prefixes))})?" if letters.prefixes else ""
    stops = _alternation(lists["stop_words"]) if lists["stop_words"] else ""
    speaker_end = r"(?=\s*(?:[,.;:!?()\[\]—–\n،؛؟" + _WIDE_PUNCTUATION + QUOTE + MASK + r"]|$)"
    speaker_end += rf"|\s+(?:{stops})(?!\w))" if stops else ")"
    bounded = writing(language).word_boundaries
    verbs = _alternation(lists["verbs"])
    # urge verbs: what follows them was said, whatever its form ('призвала стороны к сдержанности')
    urges = _alternation(lists["urge_verbs"])
    expansions = {
        "{quote}": QUOTE,
        "{verb}": rf"(?<![\w-]){prefix}(?P<verb>{verbs})(?!\w)"
        if bounded
        else rf"(?P<verb>{verbs})",
        "{urge}": rf"(?<![\w-]){prefix}(?P<verb>{urges})(?!\w)"
        if bounded
        else rf"(?P<verb>{urges})",
        "{speaker}": rf"(?P<speaker>{_PHRASE}){speaker_end}",
        "{subject}": rf"(?P<subject>{_PHRASE})",  # ended by what follows: the name is last
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
                or written.count("{verb}") + written.count("{urge}") > 1
                or (
                    (kind == "direct") != ("{quote}" in written)
                    or (kind == "reported") != ("{content}" in written)
                )
            ):
                raise fail(
                    f"[patterns] {kind} pattern {written!r}: needs one {{speaker}}, {{subject}} or {{dropped}}"
                    + (" and {quote}" if kind == "direct" else " and {content}")
                    + ", and at most one {verb} or {urge}",
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
    fold = writing(language).lower  # titles are compared as read: 'رئيس' folds to 'رييس'
    titles = {fold(t) for t in (*lists["titles"], *lists["civil_titles"])}  # a civil role too
    return QuotePack(
        language,
        frozenset(p.lower() for p in lists["pronouns"]),
        frozenset(t for t in titles if not t.startswith("*")),
        tuple(t[1:] for t in titles if t.startswith("*")),
        frozenset(w.lower() for w in lists["not_names"]),
        tuple(sorted(lists["name_endings"], key=len, reverse=True)),
        tuple(sorted(lists["particles"], key=len, reverse=True)),
        frozenset(w.lower() for w in lists["indefinite"]),
        data.get("glued_closing_quote", False),
        compiled["direct"],
        compiled["reported"],
        None if bounded else re.compile(_alternation(tuple(t for t in titles if "*" not in t))),
        writing(language),
        frozenset(fold(t) for t in lists["home_titles"]),
        frozenset(w.lower() for w in lists["place_openers"]),
        tuple(lists["description_prefixes"]),
        _home_country(data.get("home_country", ""), fail),
        frozenset(fold(w) for w in lists["media_words"]),
        frozenset(fold(w) for w in lists["civil_titles"]),
        frozenset(w.lower() for w in lists["possessives"]),
    )


def _home_country(value: object, fail) -> str:
    """The validated home_country: an actor name, or ''."""
    if not isinstance(value, str):
        raise fail("home_country must be a string (an actor's name)", "home_country")
    return value.strip()


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


Names = dict[str, list[str]]  # actor -> names


@lru_cache(maxsize=64)
def language_names(language: str) -> tuple[Names, Names, Names]:
    """(aliases, people, not_aliases) per actor in `language`: its names.toml (written by hand), its
    nationalities.toml (every country's adjective and capital, by hand) and then its countries.toml
    (every country's name, generated from the CLDR by tools/make_gazetteer.py), forms expanded ({}
    when it has none). `not_aliases`: the
    gazetteer's own aliases this language's press uses for something else (French 'RSF' is
    Reporters sans frontières, not the Rapid Support Forces)."""
    aliases: Names = {}
    people: Names = {}
    not_aliases: Names = {}
    for file in ("names.toml", "nationalities.toml", "countries.toml"):
        path = languages.pack_file(language, file)
        if path is None:
            continue
        text, name = read_text(path, name=languages.display_name(path))
        data = parse_toml(text, name=name)
        unknown = sorted(set(data) - {"aliases", "people", "not_aliases"})
        if unknown:
            raise LexiconError(name, f"unknown table {unknown[0]!r}", find_line(text, unknown[0]))
        tables = ((aliases, "aliases"), (people, "people"), (not_aliases, "not_aliases"))
        for table, found in tables:
            for actor, forms in _names_table(data, found, text, name).items():
                table.setdefault(actor, []).extend(forms)
    return aliases, people, not_aliases


_MERGED: dict[tuple[int, str], tuple[Actors, Actors]] = {}


def actors_for(actors: Actors, language: str) -> Actors:
    """`actors` with the names its actors have in `language` (names.toml) added, each also with the
    pack's attached particles (Korean 러시아는); an actor the list lacks is added as its own camp
    (as the world gazetteer does). Cached per actor list and language."""
    code = languages.code(language)
    key = (id(actors), code)
    if key in _MERGED and _MERGED[key][0] is actors:
        return _MERGED[key][1]
    aliases, people, not_aliases = language_names(code)
    pack = quote_pack(code)
    particles = pack.particles if pack else ()
    taken = {n for a in actors.actors for n in (*a.aliases, *a.people)}
    merged = []
    for actor in actors.actors:
        if actor.name in not_aliases:
            dropped = set(not_aliases[actor.name])
            actor = replace(actor, aliases=tuple(a for a in actor.aliases if a not in dropped))
        extra_people = [p for p in people.get(actor.name, []) if p not in taken]
        taken.update(extra_people)
        extra = []
        for alias in [*aliases.get(actor.name, []), *extra_people]:
            for form in _with(alias, particles):
                if form not in taken:
                    taken.add(form)
                    extra.append(form)
        merged.append(
            replace(actor, aliases=(*actor.aliases, *extra), people=(*actor.people, *extra_people))
        )
    for name in [*dict.fromkeys([*aliases, *people])]:  # not in the list: its own camp
        if actors.get(name) is None:
            own_people = tuple(p for p in people.get(name, []) if p not in taken)
            taken.update(own_people)
            own = [f for a in (*aliases.get(name, []), *own_people) for f in _with(a, particles)]
            own = [f for f in dict.fromkeys(own) if f not in taken]
            taken.update(own)
            merged.append(Actor(name, name, tuple(own), own_people))
    result = (
        Actors(merged, actors.core_claim, actors.camp_labels, writing(code))
        if (aliases or people or not_aliases)
        else actors
    )
    _MERGED[key] = (actors, result)
    return result


def _with(name: str, particles: tuple[str, ...]) -> list[str]:
    """A name and the name with each particle written onto it."""
    return [name, *(name + particle for particle in particles)]
