"""Reading the TOML data files under data/ (lexicons, actors, story files, language packs, column
maps): one reader for a path or a TOML text, and one error that names the file, the line and what is
wrong, so every loader reports a malformed file the same way.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

# The shipped data files (gazetteer, lexicons, language packs, column maps, the shipped corpus).
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
_TOML_POSITION_RE = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file, the line and the problem."""

    def __init__(self, name: str, problem: str, line: int | None = None) -> None:
        self.name = name
        self.problem = problem
        self.line = line
        where = f"{name}, line {line}" if line is not None else name
        super().__init__(f"{where}: {problem}")


def find_line(text: str, needle: str, *, after_line: int = 1) -> int | None:
    """1-based line of the first `needle` in `text` at or after `after_line` (case-insensitive)."""
    start = 0
    for _ in range(after_line - 1):
        start = text.find("\n", start) + 1 or len(text)
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    found = pattern.search(text, start) if needle else None
    return text.count("\n", 0, found.start()) + 1 if found else None


def _looks_like_path(source: str) -> bool:
    """A one-line string that names an existing file or ends in .toml is a path; else TOML text."""
    if "\n" in source or not source.strip():
        return False
    return Path(source).is_file() or (source.strip().endswith(".toml") and "=" not in source)


def read_text(source: str | Path, *, name: str | None = None) -> tuple[str, str]:
    """Return (TOML text, display name) for a path or a TOML string, as LexiconError on failure."""
    if isinstance(source, str) and not _looks_like_path(source):
        return source, name or "<text>"
    path = Path(source)
    display = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LexiconError(display, "file not found") from None
    except OSError as error:
        raise LexiconError(display, f"cannot read the file ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig"), display
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise LexiconError(display, "not UTF-8 text (save the file as UTF-8)", line) from None


def parse_toml(text: str, *, name: str = "<text>") -> dict:
    """Parse a TOML text; a syntax error becomes a LexiconError with the line tomllib reports."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_POSITION_RE.search(message)
        line = None
        if found and found.group(1):
            line = int(found.group(1))
        elif found:
            line = text.count("\n") + 1
        problem = _TOML_POSITION_RE.sub("", message).strip() or "invalid TOML"
        raise LexiconError(name, f"TOML syntax error: {problem}", line) from None


def read_toml(source: str | Path, *, name: str | None = None) -> dict:
    """Parse a TOML file (a `Path`, or a one-line string naming a file) or a TOML text into a dict."""
    text, display = read_text(source, name=name)
    return parse_toml(text, name=display)


def word_lists(text: str, keys: tuple[str, ...], *, name: str) -> dict[str, list]:
    """The lists of a word-list file (speakers.toml, tone.toml): exactly `keys`, each a non-empty
    list (what a word must be is the caller's check); a LexiconError names the key's line."""
    data = parse_toml(text, name=name)
    unknown = sorted(set(data) - set(keys))
    if unknown:
        line = find_line(text, unknown[0])
        raise LexiconError(name, f"unknown key {unknown[0]!r} (allowed: {list(keys)})", line)
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            raise LexiconError(
                name, f"{key} must be a non-empty list of words", find_line(text, key)
            )
    return {key: data[key] for key in keys}
