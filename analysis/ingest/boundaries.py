"""Where sentences end inside a block of article text: at . ! ? or … followed by space and an
opening token, except after an abbreviation ('Nov.', 'U.S.', 'Gen.', an initial), English or of the
article's language pack (data/languages/<code>/text.toml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.world.writing import writing

# A sentence ends at . ! ? ؟ or … (with closing quotes/brackets) followed by space and an opening token
# (a run of stops is tried from its first stop only: retrying inside a long '......' is quadratic).
# Written to start with one class of characters (not an alternation), so the engine skips to the
# next stop at once instead of trying every position. The groups read what follows without slicing:
# `gap` the space, `aside` an opening that leaves no letter next to the space (« with French
# spacing, „), `next` the first letter or digit.
_BOUNDARY_RE = re.compile(
    r"[.!?…؟](?:(?<=…)|(?<=[.!?؟])(?<![.!?؟]{2})[.!?؟]*)[\"”’»“)\]]*"
    r"(?=(?P<gap>\s+)(?:(?P<aside>«\s|„)|[«\"“‘(\[])?(?P<next>[^\W_]))"  # « Oui » : French spacing
)
_WIDE_STOP_RE = re.compile(r"[。！？]+[」』”’）]*")
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+[a-z]")  # 'u.s', 'e.g'
_NEAR = 100  # characters each side of a stop that decide it (the words next to it): keeps splitting linear


def split_block(
    raw: str, start: int, end: int, extra: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence spans inside one block of article text (`extra`: the language's abbreviations).

    A full-width stop (。！？, with its closing quotes) ends a sentence wherever it stands: the
    scripts that use it put no space after it."""
    if _WIDE_STOP_RE.search(raw, start, end) is None:
        return _split_spaced(raw, start, end, extra)
    spans: list[tuple[int, int]] = []
    for stop in _WIDE_STOP_RE.finditer(raw, start, end):
        spans += _split_spaced(raw, start, stop.end(), extra)
        start = stop.end()
    return spans + (_split_spaced(raw, start, end, extra) if start < end else [])


def _split_spaced(raw: str, start: int, end: int, extra: frozenset[str]) -> list[tuple[int, int]]:
    """Sentence spans of a block at stops followed by a space (see `split_block`).

    Most stops are decided from the regular expression's groups and the word before the stop; a
    stop followed by lower case or after an abbreviation is decided by `_ends_sentence`."""
    spans: list[tuple[int, int]] = []
    block = raw[start:end]
    cursor = 0
    for match in _BOUNDARY_RE.finditer(block):
        stop, after = match.span()
        lower_next = (
            match.group("aside") is None
            and match.group("next").islower()
            and match.start("next") < after + _NEAR
        )
        doubtful = lower_next or (
            block[stop] == "." and _abbreviation_before(block, cursor, stop, extra)
        )
        if doubtful and not _ends_sentence(block, cursor, match, extra):
            continue
        spans.append((start + cursor, start + after))
        cursor = match.end("gap")  # the next sentence starts after the space
    if cursor < len(block) and (cursor or block.strip()):
        spans.append((start + cursor, end))
    return spans


def _abbreviation_before(block: str, cursor: int, stop: int, extra: frozenset[str]) -> bool:
    """`_ends_with_abbreviation` of the text before the stop at `stop` (back to `cursor`), read
    from the word before the stop alone."""
    if stop == cursor or block[stop - 1].isspace():
        return _is_abbreviation("", extra)  # the word before the stop is the stop itself
    word = block[max(cursor, stop - _NEAR) : stop].rsplit(None, 1)[-1]
    return _is_abbreviation(word.lstrip('("“‘«„').lower(), extra)


def _is_abbreviation(bare: str, extra: frozenset[str]) -> bool:
    """True for a lower-case word without its stop that is an abbreviation, an initial or a
    dotted acronym ('nov', 'j', 'u.s')."""
    if bare in _ABBREVIATIONS or bare in extra or (len(bare) == 1 and bare.isalpha()):
        return True
    return "." in bare and _DOTTED_RE.fullmatch(bare) is not None


def _ends_sentence(
    block: str, cursor: int, match: re.Match[str], extra: frozenset[str] = frozenset()
) -> bool:
    """Whether the stop `match` ends a sentence, read from the words next to it: not before lower
    case that continues the sentence, nor after an abbreviation unless an acronym ends the
    sentence ('… in the U.S. The talks …')."""
    before = block[max(cursor, match.start() - _NEAR) : match.start()]
    if _is_lowercase_continuation(before, block, match, extra):
        return False
    if block[match.start()] == "." and _ends_with_abbreviation(before + ".", extra):
        following = block[match.end() : match.end() + _NEAR].lstrip().lstrip('"“‘«(').split()
        acronym = "." in before.rsplit(None, 1)[-1] if before.strip() else False
        return bool(acronym and following and following[0].lower() in _SENTENCE_STARTERS)
    return True


def _ends_with_abbreviation(text: str, extra: frozenset[str] = frozenset()) -> bool:
    """True when the text before a full stop ends with an abbreviation ('Nov', 'U.S', 'Gen', 'J'),
    English or one of `extra` (the article's language pack: 'т.е', 'bzw', 'Sr', 'г')."""
    word = text.rsplit(None, 1)[-1].lstrip('("“‘«„') if text.strip() else ""
    return _is_abbreviation(word.rstrip(".").lower(), extra)


def _is_lowercase_continuation(
    before: str, block: str, match: re.Match[str], extra: frozenset[str] = frozenset()
) -> bool:
    """True when the text after a stop starts in lower case and the stop does not end a sentence.

    Lower case after a full stop ends a sentence only after an ordinary word ("sent it to him.
    kyiv also warned", a slip common in translated copy), never after an abbreviation, an initial
    or a dotted acronym ("approx. five", "3 p.m. on", "e.g. the"), nor after ! ? or an ellipsis.
    """
    following = block[match.end() : match.end() + _NEAR].lstrip().lstrip('"“‘«([')
    if not following[:1].islower():
        return False
    if block[match.start() : match.end()].rstrip('"”’»)]') != ".":
        return True
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return len(word) < 3 or not word.isalpha() or _ends_with_abbreviation(before + ".", extra)


def may_split_otherwise(text: str, extra: frozenset[str]) -> bool:
    """False when splitting `text` with the abbreviations `extra` is known to give the sentences
    splitting it without them gives: none of them (bar those any split takes as abbreviations:
    an initial, a dotted acronym) stands before a full stop in the text. An article in another
    language is then not split a second time with its pack's abbreviations."""
    if "Σ" in text or "İ" in text:  # lower case depends on the letters around: not looked at
        return True
    lowered = text.lower()
    return any(map(lowered.__contains__, _before_stop(extra)))


@lru_cache(maxsize=64)
def _before_stop(extra: frozenset[str]) -> tuple[str, ...]:
    """The abbreviations of `extra` that add to the built-in rule, each with its full stop."""
    return tuple(sorted(word + "." for word in extra if not _is_abbreviation(word, frozenset())))


@lru_cache(maxsize=64)
def pack_stopwords(language: str) -> frozenset[str]:
    """The stop words of `language` (data/languages/<code>/text.toml `stopwords`): the function
    words keyness leaves out of content words; empty when the pack lists none."""
    return writing(language).words["stopwords"]


@lru_cache(maxsize=64)
def pack_abbreviations(language: str) -> frozenset[str]:
    """The abbreviations `language`'s pack (data/languages/<code>/text.toml, read by
    analysis/world/writing.py) adds to the English ones every article is split with; empty when
    it adds none."""
    return writing(language).words["abbreviations"] - _ABBREVIATIONS


_ENGLISH = writing("en").words  # the base of every language
_ABBREVIATIONS = _ENGLISH["abbreviations"]
_SENTENCE_STARTERS = _ENGLISH["sentence_starters"]
