"""Language packs: one folder per language under data/languages/<code>/ holding that language's rules.

A pack is data, not code: each file in the folder (numbers.toml, figures.toml, quotes.toml, ...) is
read by the module that uses it, through `pack_file`/`read_pack`, so adding a language is adding a
folder. An article's detected language (ISO 639-1) picks its pack; a language without a pack gets no
language-specific rules (the caller says so in the article's warnings), never English rules.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from analysis.world.toml_files import DATA_DIR, read_toml

PACKS_DIR = DATA_DIR / "languages"


def available() -> list[str]:
    """Codes of the languages that have a pack folder, sorted."""
    if not PACKS_DIR.is_dir():
        return []
    return sorted(p.name for p in PACKS_DIR.iterdir() if p.is_dir() and not p.name.startswith("."))


def code(language: str) -> str:
    """The ISO 639-1 code of a language tag ('en-GB' -> 'en', 'pt_BR' -> 'pt'); '' if not a code."""
    tag = (language or "").strip().lower().split("-")[0].split("_")[0]
    return tag if tag.isalpha() and tag.isascii() else ""


def has_pack(language: str) -> bool:
    """Whether `language` has a pack folder (English always has: its rules are the built-in ones)."""
    tag = code(language)
    return tag == "en" or (bool(tag) and (PACKS_DIR / tag).is_dir())


def display_name(path: Path) -> str:
    """A pack file's name as error messages show it: data/languages/<code>/<file>."""
    return str(path.relative_to(PACKS_DIR.parent.parent))


def pack_file(language: str, name: str) -> Path | None:
    """Path of `name` (e.g. 'numbers.toml') in the pack of `language`, None when there is none."""
    code_ = code(language)
    if not code_:
        return None
    path = PACKS_DIR / code_ / name
    return path if path.is_file() else None


@lru_cache(maxsize=256)
def read_pack(language: str, name: str) -> dict:
    """The parsed TOML of a pack file ({} when the language has no such file); a malformed file
    raises LexiconError naming the file and the line. Cached: packs are read once per process."""
    path = pack_file(language, name)
    if path is None:
        return {}
    return read_toml(path, name=display_name(path))
