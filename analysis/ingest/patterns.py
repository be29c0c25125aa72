"""Faster regular expressions with the same matches: the per-article analysis runs a few hundred
searches over every article, so how a pattern is written decides much of its cost.

`by_first_letter` regroups an alternation of plain words so the engine tries one branch per letter,
not one per word. `required_literals` reads from a pattern the strings one of which every match
contains: a text holding none of them is known not to match, without the search (Python's `in` runs
far faster than a search that must try every position).
"""

from __future__ import annotations

import re

try:  # the parser of the standard library's `re`; without it, no pattern gets literals
    from re import _constants as _sre
    from re import _parser
except ImportError:  # pragma: no cover - other Python versions
    _parser = None


def by_first_letter(words: str) -> str:
    """An alternation of plain words ('said|says|told') regrouped by first letter, each group in
    the given order ('s(?:aid|ays)|t(?:old)'): it matches exactly what the flat alternation
    matches (words with another first letter never match at the same place) and a regular
    expression scans text with it several times faster (one branch per letter, not per word)."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` contains, so `not any(s in text ...)` proves
    the pattern finds nothing in `text`; None when no such strings are known (a pattern that
    ignores case, or one that can match without any fixed text)."""
    options = _top_options(pattern)
    return minimal_strings(max(options, key=_telling)) if options else None


def required_options(pattern: re.Pattern[str]) -> list[tuple[str, ...]]:
    """Every set of strings found of which each match of `pattern` contains one (a match holds one
    of each set: '\\(photo:' needs '(', 'photo' and ':'), fewest strings first; [] when none."""
    minimal = {minimal_strings(option) for option in _top_options(pattern)}
    return sorted(minimal, key=lambda o: (len(o), -min(map(len, o)), o))


def _top_options(pattern: re.Pattern[str]) -> list[set[str]]:
    if _parser is None or pattern.flags & re.IGNORECASE:
        return []
    try:
        return _options(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unexpected parse tree: no shortcut, never a wrong one
        return []


def minimal_strings(option: set[str]) -> tuple[str, ...]:
    """The strings that hold no other of them, sorted: a text holds one of them exactly when it
    holds one of all (the longer holds the shorter)."""
    return tuple(sorted(s for s in option if not any(o != s and o in s for o in option)))


def may_match(literals: tuple[str, ...] | None, text: str) -> bool:
    """False when `text` holds none of a pattern's `required_literals` (it cannot match)."""
    return literals is None or any(map(text.__contains__, literals))  # (no generator: faster)


def _required(items) -> set[str] | None:  # noqa: ANN001 - a parse tree of re._parser
    """Strings one of which every match of the parsed sequence `items` contains, else None."""
    return max(_options(items), key=_telling, default=None)


def _telling(option: set[str] | tuple[str, ...]) -> tuple[int, int]:
    """How telling a choice of strings is: the longest shortest string, then the fewest strings."""
    return min(map(len, option)), -len(option)


def _options(items) -> list[set[str]]:  # noqa: ANN001 - a parse tree of re._parser
    """Every set of strings found of which each match of the parsed sequence `items` holds one."""
    options: list[set[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if op is _sre.BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                options.append(set().union(*branches))
            leads = [_lead(branch) for branch in av[1]]
            if run and all(leads):  # 'd(?:en|ismiss)': 'den' or 'dismiss'
                options.append({run + lead for lead in leads})
        if run:
            options.append({run})
            run = ""
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:  # a group, not (?i:…)
            inner = _required(av[3])
            if inner:
                options.append(inner)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
            if inner:
                options.append(inner)
    return options


def _lead(items) -> str:  # noqa: ANN001 - a parse tree of re._parser
    """The fixed text every match of the parsed sequence `items` starts with ('' when none)."""
    lead = ""
    for op, av in items:
        if op is not _sre.LITERAL:
            break
        lead += chr(av)
    return lead


# A case-insensitive pattern written in lower case, searched without IGNORECASE in the lower-cased
# text, gives the same matches at the same offsets (str.lower keeps every other character's length
# and turns no other character into ASCII, and \w \s \d do not change under it), many times faster:
# Python's re scans ahead for literals only when case matters. Not for a text holding one of the
# four characters IGNORECASE matches to ASCII letters (İ ı ſ K), which is searched as it is.
_CASE_TRAPS = "\u0130\u0131\u017f\u212a"


def lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The same pattern without IGNORECASE, for `folded` text; None unless `pattern` ignores
    case and is written in lower case (escapes aside)."""
    bare = re.sub(r"\\.", "", pattern.pattern)
    if not pattern.flags & re.IGNORECASE or bare != bare.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def folded(text: str) -> str | None:
    """`text` lower-cased for `lower_case_twin` patterns; None when it must be searched as it is."""
    # an ASCII text holds none (str.isascii reads a flag); `in` per character, not a search with
    # a character class: 40 times faster on an article
    if not text.isascii() and any(map(text.__contains__, _CASE_TRAPS)):
        return None
    return text.lower()
