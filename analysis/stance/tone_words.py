"""The English words the tone model's features ask about: data/languages/en/tone.toml (speech
verbs, negations, hedges, pronouns, conflict and cooperation stems), loaded and validated once.
A mistake raises LexiconError naming the file and the line.

Read by analysis/stance/model_features.py; the model is English only, so there is one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.world.toml_files import DATA_DIR, LexiconError, find_line, read_text, word_lists

TONE_FILE = DATA_DIR / "languages" / "en" / "tone.toml"
_SETS = ("speech", "negations", "hedges", "pronouns")
_STEMS = ("conflict_stems", "cooperation_stems")
_KEYS = _SETS + _STEMS


@dataclass(frozen=True)
class ToneWords:
    """The tone model's English words: sets of tokens, and the stems in the file's order."""

    speech: frozenset[str]
    negations: frozenset[str]
    hedges: frozenset[str]
    pronouns: frozenset[str]
    conflict_stems: tuple[str, ...]
    cooperation_stems: tuple[str, ...]


def parse_tone_words(text: str, *, name: str) -> ToneWords:
    """Validate a tone.toml text: every key present, each a non-empty list of distinct lower-case
    tokens without spaces, stems of two letters or more."""
    data = word_lists(text, _KEYS, name=name)
    lists: dict[str, tuple[str, ...]] = {}
    for key in _KEYS:
        value = data[key]
        after = find_line(text, f"{key} =") or 1
        seen: set[str] = set()
        for word in value:
            needle = f'"{word}"' if isinstance(word, str) else str(word)
            line = find_line(text, needle, after_line=after)
            if not isinstance(word, str) or not word or word != word.strip().lower():
                raise LexiconError(name, f"{key}: {word!r} must be a lower-case word", line)
            if any(c.isspace() for c in word) or "’" in word:
                raise LexiconError(
                    name, f"{key}: {word!r} must be one token (no space, no ’)", line
                )
            if key in _STEMS and len(word) < 2:
                raise LexiconError(name, f"{key}: {word!r} is too short for a stem", line)
            if word in seen:
                raise LexiconError(name, f"{key}: {word!r} is listed twice", line)
            seen.add(word)
        lists[key] = tuple(value)
    return ToneWords(
        **{key: frozenset(lists[key]) for key in _SETS},
        **{key: lists[key] for key in _STEMS},
    )


@lru_cache(maxsize=1)
def tone_words() -> ToneWords:
    """The shipped English tone words, read once per process."""
    text, name = read_text(TONE_FILE, name="data/languages/en/tone.toml")
    return parse_tone_words(text, name=name)
