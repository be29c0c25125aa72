"""How a language writes its words: data/languages/<code>/text.toml, the one loader and validator.

The file holds the abbreviations that do not end a sentence and the words that start one after a
dotted acronym (read by analysis/ingest/boundaries.py), and how words are matched in that script:
`prefixes`, the particles and clitics written onto the front of a word (Arabic و ب ل ال, Hebrew
ו ה ב ל מ ש כ), so a listed term or name matches inside 'والحرب' or 'לישראל'; and `[letters]`:
`same`, letters written for one another that matching treats as one (أ إ آ -> ا, ى -> ي), and
`ignore`, marks matching drops (Arabic diacritics, tatweel, the Persian zero-width non-joiner).
A folded text keeps a map back to the raw text, so offsets always point into what was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from analysis.world import languages
from analysis.world.toml_files import LexiconError, find_line, parse_toml, read_text

WORD_KEYS = ("abbreviations", "sentence_starters")
_KEYS = {*WORD_KEYS, "prefixes", "letters"}
_LETTER_KEYS = {"same", "ignore"}


@dataclass(frozen=True)
class Script:
    """The text rules of one language (text.toml), validated: word lists and matching rules."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)  # abbreviations, starters
    prefixes: frozenset[str] = frozenset()
    same: dict[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        table = {ord(a): b for a, b in self.same.items()} | {ord(c): None for c in self.ignore}
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "_longest", max(map(len, self.prefixes), default=0))

    @property
    def folds(self) -> bool:
        """Whether matching changes any letter of this script (else texts are matched as written)."""
        return bool(self._table)

    def fold(self, text: str) -> tuple[str, list[int] | None]:
        """`text` as matching reads it, and where each of its characters is in `text`, plus the
        end of `text` (None when no character was dropped: the offsets are the same)."""
        if not self._table:
            return text, None
        folded = text.translate(self._table)
        if len(folded) == len(text):
            return folded, None
        kept = [i for i, char in enumerate(text) if self._table.get(ord(char), char) is not None]
        kept.append(len(text))  # the end: a span ends where the next kept character starts
        return folded, kept

    def prefixed(self, text: str, start: int) -> bool:
        """Whether `text[start:]` begins after a listed prefix written onto its word ('و' of
        'والحرب' before 'الحرب'): the letters from the word's start to `start` are one prefix."""
        if not self.prefixes or not start or not text[start - 1].isalnum():
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


PLAIN = Script()


def fold_back(kept: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of the folded span [start, end) (`kept` from `Script.fold`); the marks
    written on its last letter ('قُتِلَ') are inside it."""
    if kept is None:
        return start, end
    return kept[start], kept[end]


def parse_script(text: str, *, name: str) -> Script:
    """Validate a text.toml text; a mistake raises LexiconError naming the file and the line."""
    data = parse_toml(text, name=name)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        problem = f"unknown key {unknown[0]!r} (text.toml takes {', '.join(sorted(_KEYS))})"
        raise LexiconError(name, problem, find_line(text, unknown[0]))
    words = {}
    for key in (*WORD_KEYS, "prefixes"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(w, str) and w.strip(" .") for w in value
        ):
            raise LexiconError(
                name, f"{key} must be a list of non-empty strings", find_line(text, key)
            )
        words[key] = frozenset(w.strip().rstrip(".").lower() for w in value)
    letters = data.get("letters", {})
    if not isinstance(letters, dict) or set(letters) - _LETTER_KEYS:
        raise LexiconError(name, "[letters] takes 'same' and 'ignore'", find_line(text, "letters"))
    same = letters.get("same", {})
    if not isinstance(same, dict) or not all(
        len(k) == 1 and isinstance(v, str) and len(v) == 1 for k, v in same.items()
    ):
        raise LexiconError(
            name, "[letters] same must map one letter to one letter", find_line(text, "same")
        )
    ignore = letters.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(c, str) and len(c) == 1 for c in ignore):
        raise LexiconError(
            name, "[letters] ignore must be a list of single characters", find_line(text, "ignore")
        )
    prefixes = words.pop("prefixes")
    return Script(words, prefixes, dict(same), frozenset(ignore))


@lru_cache(maxsize=64)
def script(language: str) -> Script:
    """The text rules of `language` (PLAIN when it has no text.toml); cached per process."""
    path = languages.pack_file(language, "text.toml")
    if path is None:
        return PLAIN
    text, name = read_text(path, name=languages.display_name(path))
    return parse_script(text, name=name)
