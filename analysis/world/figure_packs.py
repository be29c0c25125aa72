"""The figure rules of a language pack: data/languages/<code>/numbers.toml and figures.toml.

One loader and validator for both files (what a number is; what it counts and who claims it), so
the code that reads figures holds no word list. Every key is optional (a missing one is an empty
list), an unknown key or a value of the wrong shape is a LexiconError naming the file and the line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from analysis.world.languages import pack_file
from analysis.world.toml_files import LexiconError, find_line, parse_toml, read_text
from analysis.world.writing import writing

WORDS = "words"  # whitespace-separated words in one string, or an array of strings
PHRASES = "phrases"  # an array of strings (phrases may hold spaces)
VALUES = "values"  # a table of word = number (0 or more)

SPEC: dict[str, dict[str, dict[str, str]]] = {
    "numbers.toml": {
        "separators": {"decimal": PHRASES, "thousands": PHRASES},
        "words": {
            "cardinals": VALUES,
            "scales": VALUES,
            "fractions": VALUES,
            "vague": VALUES,
            "anchors": WORDS,
            "prefixes": WORDS,
            "attached_scales": VALUES,
            "small_scales": VALUES,
            "number_words": WORDS,
            "connectors": WORDS,
            "not_alone": WORDS,
            "parser": WORDS,
            "duals": WORDS,
        },
        "hedges": {"phrases": PHRASES, "symbols": PHRASES, "suffixes": PHRASES},
        "units": {
            "measures": WORDS,
            "durations": WORDS,
            "dimensions": WORDS,
            "percent": PHRASES,
            "money": WORDS,
            "counters": PHRASES,
        },
        "dates": {
            "months": WORDS,
            "weekdays": WORDS,
            "attached": PHRASES,
            "before": PHRASES,
            "ordinals": PHRASES,
            "connectors": WORDS,
            "year_words": WORDS,
        },
        "context": {
            "function_words": WORDS,
            "identifiers": WORDS,
            "hyphen_prefixes": WORDS,
            "pronoun_one_before": WORDS,
        },
    },
    "figures.toml": {
        "nouns": {
            "inflections": PHRASES,
            "troops": WORDS,
            "weapons": WORDS,
            "people": WORDS,
            "casualties": WORDS,
            "pronouns": WORDS,
            "particles": WORDS,
            "qualified_weapons": WORDS,
            "military": WORDS,
            "aircraft": WORDS,
            "models": WORDS,
            "strikes": WORDS,
            "places": WORDS,
            "position": WORDS,
        },
        "phrase": {"stop": WORDS, "participles": WORDS, "of_determiners": WORDS},
        "status": {
            "killed": PHRASES,
            "wounded": PHRASES,
            "killed_or_wounded": PHRASES,
            "captured": PHRASES,
            "missing": PHRASES,
            "deployed": PHRASES,
            "fired": PHRASES,
            "destroyed": PHRASES,
            "auxiliaries": WORDS,
        },
        "attribution": {
            "speech_verbs": WORDS,
            "speech_phrases": PHRASES,
            "adverbs": WORDS,
            "source_nouns": WORDS,
            "not_sources": PHRASES,
            "abbreviations": WORDS,
            "according": PHRASES,
            "according_after": PHRASES,
        },
        "modality": {"possible": PHRASES, "reported": PHRASES, "denied": PHRASES},
        "owner": {"verbs": WORDS, "auxiliaries": PHRASES},
        "claims": {"generic": WORDS, "parts": PHRASES, "parts_after": PHRASES},
    },
}


@dataclass(frozen=True)
class Pack:
    """One validated pack file: typed access to its word lists, phrases and value tables."""

    language: str
    file: str
    data: dict

    def words(self, section: str, key: str) -> frozenset[str]:
        """A word list as a set ('' -> empty)."""
        return frozenset(self.list(section, key))

    def list(self, section: str, key: str) -> tuple[str, ...]:
        """A word list or phrase list in file order."""
        return tuple(self.data.get(section, {}).get(key, ()))

    def values(self, section: str, key: str) -> dict[str, float]:
        """A table of word = number, in file order."""
        return dict(self.data.get(section, {}).get(key, {}))


def parse(text: str, file: str, *, name: str = "<text>", language: str = "") -> Pack:
    """Validate the TOML `text` of the pack file `file` ('numbers.toml' or 'figures.toml')."""
    if file not in SPEC:
        raise LexiconError(name, f"no figure rules are read from a file called {file!r}")
    raw = parse_toml(text, name=name)
    spec = SPEC[file]
    data: dict[str, dict[str, object]] = {}
    for section, table in raw.items():
        if section not in spec:
            raise LexiconError(
                name,
                f"unknown section [{section}] (expected one of: {', '.join(spec)})",
                find_line(text, f"[{section}"),
            )
        if not isinstance(table, dict):
            raise LexiconError(name, f"'{section}' must be a [section]", find_line(text, section))
        data[section] = {}
        for key, value in table.items():
            shape = spec[section].get(key)
            line = find_line(text, key, after_line=find_line(text, f"[{section}") or 1)
            if shape is None:
                expected = ", ".join(spec[section])
                raise LexiconError(
                    name, f"unknown key '{key}' in [{section}] (expected one of: {expected})", line
                )
            data[section][key] = _checked(value, shape, f"[{section}] {key}", name, line)
    return Pack(language, file, data)


def _checked(value: object, shape: str, where: str, name: str, line: int | None) -> object:
    """The value in its reading shape, or a LexiconError saying what shape was expected."""
    if shape == VALUES:
        good = isinstance(value, dict) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
            for v in value.values()
        )
        if not good:
            raise LexiconError(name, f"{where} must be a table of word = number (0 or more)", line)
        return {str(k): float(v) for k, v in value.items()}  # type: ignore[union-attr]
    if shape == WORDS and isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple(v.strip() or v for v in value)  # a separator may be a space
    expected = (
        "a string of words or an array of strings" if shape == WORDS else "an array of strings"
    )
    raise LexiconError(name, f"{where} must be {expected} (no empty entries)", line)


@lru_cache(maxsize=64)
def load(language: str, file: str) -> Pack | None:
    """The validated pack file of `language` (None when the language has no such file). Cached."""
    path = pack_file(language, file)
    if path is None:
        return None
    text, name = read_text(path, name=f"data/languages/{path.parent.name}/{file}")
    pack = parse(text, file, name=name, language=path.parent.name)
    letters = writing(path.parent.name)
    if not letters.ignore:
        return pack
    read = lambda word: letters.matching(word)[0]  # noqa: E731 (its words as the text is read)
    data = {
        section: {
            key: {read(k): v for k, v in value.items()}
            if isinstance(value, dict)
            else tuple(map(read, value))
            for key, value in table.items()
        }
        for section, table in pack.data.items()
    }
    return Pack(pack.language, pack.file, data)


def english(file: str) -> Pack:
    """The English pack file, which must exist (the rules for English text are read from it)."""
    pack = load("en", file)
    if pack is None:
        raise LexiconError(f"data/languages/en/{file}", "file not found")
    return pack
