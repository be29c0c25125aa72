"""The words English copy names its speakers with: data/languages/en/speakers.toml (speech verbs,
titles, group speakers, words that are no speaker, bodies named without their country), loaded and
validated once. A mistake raises LexiconError naming the file and the line.

Read by the English grammar (analysis/voices/speakers.py, reported.py, quotes.py); other languages
keep their words in their pack's quotes.toml (analysis/voices/packs.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.ingest.patterns import by_first_letter
from analysis.world.toml_files import DATA_DIR, LexiconError, find_line, read_text, word_lists

SPEAKERS_FILE = DATA_DIR / "languages" / "en" / "speakers.toml"
_KEYS = (
    "cues",
    "reported",
    "reported_any_form",
    "inverted",
    "trailing",
    "titles",
    "person_titles",
    "group_speakers",
    "non_person_words",
    "not_speaker_heads",
    "not_speaker_starts",
    "media_words",
    "civil_titles",
    "institutions",
    "person_possessives",
    "body_possessives",
    "home_titles",
    "place_openers",
    "participles",
)


@dataclass(frozen=True)
class SpeakerWords:
    """The English speaker words, one frozen set per list of the file."""

    cues: frozenset[str]
    reported: frozenset[str]
    reported_any_form: frozenset[str]
    inverted: frozenset[str]
    trailing: frozenset[str]
    titles: frozenset[str]
    person_titles: frozenset[str]
    group_speakers: frozenset[str]
    non_person_words: frozenset[str]
    not_speaker_heads: frozenset[str]
    not_speaker_starts: frozenset[str]
    media_words: frozenset[str]
    civil_titles: frozenset[str]
    institutions: frozenset[str]
    person_possessives: frozenset[str]
    body_possessives: frozenset[str]
    home_titles: frozenset[str]
    place_openers: frozenset[str]
    participles: frozenset[str]


def parse_speaker_words(text: str, *, name: str) -> SpeakerWords:
    """Validate a speakers.toml text: every key present, each a list of lower-case words, the
    verb lists' entries among the cues."""
    data = word_lists(text, _KEYS, name=name)

    def fail(problem: str, needle: str) -> LexiconError:
        return LexiconError(name, problem, find_line(text, needle))

    lists: dict[str, frozenset[str]] = {}
    for key in _KEYS:
        value = data[key]
        for word in value:
            if not isinstance(word, str) or not word.strip() or word != word.strip().lower():
                raise fail(f"{key}: {word!r} must be a lower-case word or phrase", str(word))
        lists[key] = frozenset(value)
    for key in ("reported", "inverted", "trailing"):
        stray = sorted(lists[key] - lists["cues"])
        if stray:
            raise fail(f"{key}: {stray[0]!r} is not among the cues", f'"{stray[0]}"')
    stray = sorted(lists["reported_any_form"] - lists["reported"])
    if stray:
        raise fail(f"reported_any_form: {stray[0]!r} is not among reported", f'"{stray[0]}"')
    return SpeakerWords(**lists)


@lru_cache(maxsize=1)
def speaker_words() -> SpeakerWords:
    """The shipped English speaker words, read once per process."""
    text, name = read_text(SPEAKERS_FILE, name="data/languages/en/speakers.toml")
    return parse_speaker_words(text, name=name)


def alternation(words: frozenset[str]) -> str:
    """A regular-expression alternation of `words`, longer entries first (so 'called for' wins
    over 'called'), regrouped by first letter; a space matches any white space."""
    ordered = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    return by_first_letter(ordered).replace(r"\ ", r"\s+")


def words_re(words: frozenset[str]) -> re.Pattern[str]:
    """Whole-word matcher of `words`."""
    return re.compile(rf"\b(?:{alternation(words)})\b")
