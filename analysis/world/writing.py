"""How a language writes its text: data/languages/<code>/text.toml, the one loader and validator.

The keys: `abbreviations` and `sentence_starters` (where sentences do not end, read by
analysis/ingest/boundaries.py); `stopwords` (function words keyness leaves out); `name_particles` (the second half of a compound
name, never a surname alone: Arabic 'الله' of 'نصر الله', 'عبد الله'); `word_boundaries` (false for a script written without spaces
between words, as Chinese: its terms, names and numbers are found inside runs of letters);
`hyphen_compounds` (a name may head a hyphenated compound: German 'US-Präsident',
'Hamas-Sprecher'); `[fold]`, characters that stand for one another in matching (a traditional Chinese character and
its simplified form; Arabic hamza seats, ى/ي, ة/ه; Hebrew gershayim typed as '"'), applied to the
text and the pack's words alike; and `[lowercase]`, the lower case of letters the language lowers
its own way (Turkish 'I' -> 'ı', 'İ' -> 'i'). Every mapping is one character to one character, so
offsets into the text stay those of the raw text. `ignore`: marks matching drops (Arabic
diacritics and tatweel, Hebrew niqqud, the Persian zero-width non-joiner): a text read without
them keeps a map back to the raw text (`matching`, `fold_back`). `prefixes`: the particles and
clitics written onto the front of a word (Arabic و ب ل ال, Hebrew ו ה ב ל מ ש כ), so a term or
name listed without them matches inside 'والحرب' or 'לישראל'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from analysis.world import languages
from analysis.world.toml_files import LexiconError, find_line

LIST_KEYS = ("abbreviations", "sentence_starters", "stopwords", "name_particles")
_KEYS = (
    *LIST_KEYS,
    "prefixes",
    "ignore",
    "word_boundaries",
    "characters_per_word",
    "hyphen_compounds",
    "fold",
    "lowercase",
)


@dataclass(frozen=True)
class Writing:
    """The validated text.toml of one language (the defaults: a language written with spaces)."""

    language: str = ""
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    word_boundaries: bool = True
    fold: dict[int, str] = field(default_factory=dict)  # str.translate table
    lowercase: dict[int, str] = field(default_factory=dict)
    prefixes: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    characters_per_word: float = (
        0.0  # a script without spaces: its words are counted as letters / this
    )
    hyphen_compounds: bool = False  # a name may head a hyphenated word: 'US-Präsident'

    def __post_init__(self) -> None:
        table = {**self.fold, **{ord(char): None for char in self.ignore}}
        object.__setattr__(self, "_matching", table)
        object.__setattr__(self, "_longest", max(map(len, self.prefixes), default=0))

    @property
    def folds(self) -> bool:
        """Whether matching reads any character otherwise than written ([fold] or `ignore`)."""
        return bool(self._matching)

    def matching(self, text: str) -> tuple[str, list[int] | None]:
        """`text` folded and without the `ignore` marks, and where each of its characters is in
        `text`, plus the end of `text` (None when no character was dropped: same offsets)."""
        if not self._matching:
            return text, None
        read = text.translate(self._matching)
        if len(read) == len(text):
            return read, None
        kept = [i for i, char in enumerate(text) if self._matching.get(ord(char), char) is not None]
        kept.append(len(text))  # the end: a span ends where the next kept character starts
        return read, kept

    def prefixed(self, text: str, start: int) -> bool:
        """Whether `text[start:]` begins after a listed prefix written onto its word ('و' of
        'والحرب' before 'الحرب'): the letters from the word's start to `start` are one prefix."""
        if not self.prefixes or not start:
            return False
        if text[start - 1] == "-" and start > 1:  # 'ה-SDF': a prefix and a hyphen before a name
            start -= 1
        if not text[start - 1].isalnum():
            return False
        word_start = start - 1
        while word_start > 0 and text[word_start - 1].isalnum():
            word_start -= 1
            if start - word_start > self._longest:
                return False
        return text[word_start:start] in self.prefixes

    def bare(self, word: str) -> str:
        """`word` without the longest listed prefix written onto it ('والحرب' -> 'حرب' when 'وال'
        is listed), keeping at least two letters; the word itself when none is."""
        for length in range(min(self._longest, len(word) - 2), 0, -1):
            if word[:length] in self.prefixes:
                return word[length:]
        return word

    def folded(self, text: str) -> str:
        """`text` with the characters of [fold] replaced (same length; case kept)."""
        return text.translate(self.fold) if self.fold else text

    def lower(self, text: str) -> str:
        """`text` folded and in lower case, the language's own letters first ([lowercase]); the
        same length as `text` when [lowercase] covers the letters str.lower() would lengthen."""
        if self.lowercase:
            text = text.translate(self.lowercase)
        return self.folded(text).lower()


PLAIN = Writing()


def fold_back(kept: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of the span [start, end) of a text `Writing.matching` read (`kept` its map);
    the marks written on its last letter ('قُتِلَ') are inside it."""
    if kept is None:
        return start, end
    return kept[start], kept[end]


def _mapping(value: object, key: str, text: str, name: str) -> dict[int, str]:
    """A [fold] or [lowercase] table: single characters to single characters."""
    line = find_line(text, f"[{key}]")
    if not isinstance(value, dict):
        raise LexiconError(name, f"[{key}] must be a table of character = character", line)
    table = {}
    for source, target in value.items():
        if not (isinstance(target, str) and len(source) == 1 and len(target) == 1):
            raise LexiconError(
                name,
                f"[{key}] {source!r} = {target!r}: each side must be one character",
                find_line(text, source, after_line=line or 1) or line,
            )
        table[ord(source)] = target
    return table


def parse_writing(data: dict, text: str, *, name: str, language: str) -> Writing:
    """Validate a parsed text.toml (`text` its source, for line numbers)."""
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise LexiconError(
            name,
            f"unknown key {unknown[0]!r} (text.toml takes {', '.join(_KEYS)})",
            find_line(text, unknown[0]),
        )
    words = {}
    for key in LIST_KEYS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(w, str) and w.strip(" .") for w in value
        ):
            raise LexiconError(
                name, f"{key} must be a list of non-empty strings", find_line(text, key)
            )
        spaced = next((w for w in value if len(w.split()) != 1), None)
        if key in ("stopwords", "name_particles") and spaced is not None:
            raise LexiconError(
                name,
                f"{key}: {spaced!r} is not one word",
                find_line(text, f'"{spaced}"'),
            )
        words[key] = frozenset(w.strip().rstrip(".").lower() for w in value)
    prefixes = data.get("prefixes", [])
    if not isinstance(prefixes, list) or not all(
        isinstance(p, str) and p.strip() for p in prefixes
    ):
        raise LexiconError(
            name, "prefixes must be a list of non-empty strings", find_line(text, "prefixes")
        )
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(c, str) and len(c) == 1 for c in ignore):
        raise LexiconError(
            name, "ignore must be a list of single characters", find_line(text, "ignore")
        )
    boundaries, compounds = data.get("word_boundaries", True), data.get("hyphen_compounds", False)
    for key, value in (("word_boundaries", boundaries), ("hyphen_compounds", compounds)):
        if not isinstance(value, bool):
            raise LexiconError(name, f"{key} must be true or false", find_line(text, key))
    per_word = data.get("characters_per_word", 0.0)
    if isinstance(per_word, bool) or not isinstance(per_word, (int, float)) or per_word < 0:
        raise LexiconError(
            name,
            "characters_per_word must be a positive number",
            find_line(text, "characters_per_word"),
        )
    return Writing(
        language,
        words,
        boundaries,
        _mapping(data.get("fold", {}), "fold", text, name),
        _mapping(data.get("lowercase", {}), "lowercase", text, name),
        frozenset(p.strip() for p in prefixes),
        frozenset(ignore),
        float(per_word),
        compounds,
    )


@lru_cache(maxsize=64)
def writing(language: str) -> Writing:
    """The writing rules of `language` (PLAIN when it has no text.toml); cached per process."""
    code = languages.code(language)
    path = languages.pack_file(code, "text.toml") if code else None
    if path is None:
        return Writing(code, {key: frozenset() for key in LIST_KEYS})
    name = languages.display_name(path)
    text = path.read_text(encoding="utf-8")
    return parse_writing(languages.read_pack(code, "text.toml"), text, name=name, language=code)
