"""How a language writes its text: data/languages/<code>/text.toml, the one loader and validator.

The keys: `abbreviations` and `sentence_starters` (where sentences do not end, read by
analysis/ingest/boundaries.py); `stopwords` (function words keyness leaves out); `word_boundaries` (false for a script written without spaces
between words, as Chinese: its terms, names and numbers are found inside runs of letters);
`[fold]`, characters that stand for one another in matching (a traditional Chinese character and
its simplified form), applied to the text and the pack's words alike; and `[lowercase]`, the
lower case of letters the language lowers its own way (Turkish 'I' -> 'ı', 'İ' -> 'i'). Every
mapping is one character to one character, so offsets into the text stay those of the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from analysis.world import languages
from analysis.world.toml_files import LexiconError, find_line

LIST_KEYS = ("abbreviations", "sentence_starters", "stopwords")
_KEYS = (*LIST_KEYS, "word_boundaries", "fold", "lowercase")


@dataclass(frozen=True)
class Writing:
    """The validated text.toml of one language (the defaults: a language written with spaces)."""

    language: str = ""
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    word_boundaries: bool = True
    fold: dict[int, str] = field(default_factory=dict)  # str.translate table
    lowercase: dict[int, str] = field(default_factory=dict)

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
        if key == "stopwords" and spaced is not None:
            raise LexiconError(
                name,
                f"stopwords: {spaced!r} is not one word (a stop word is a single word)",
                find_line(text, f'"{spaced}"'),
            )
        words[key] = frozenset(w.strip().rstrip(".").lower() for w in value)
    boundaries = data.get("word_boundaries", True)
    if not isinstance(boundaries, bool):
        raise LexiconError(
            name, "word_boundaries must be true or false", find_line(text, "word_boundaries")
        )
    return Writing(
        language,
        words,
        boundaries,
        _mapping(data.get("fold", {}), "fold", text, name),
        _mapping(data.get("lowercase", {}), "lowercase", text, name),
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
