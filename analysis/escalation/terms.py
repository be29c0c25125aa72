"""How a lexicon term is written and what it matches: the normal form text and terms are compared
in (case, accents, dashes and quote marks folded, offsets kept) and the spellings a term stands for
(British/American '-ise/-ize', inflections, the `*` wildcard, `(a|b)` choices)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import product

_MAX_FORMS = 64  # spelling variants of one term; beyond this the term is rejected as too complex
_MIN_STEM = 3  # letters before a '*' wildcard


def _normal_char(char: str) -> str:
    """The one character `char` becomes in matching text: lower-case letter, ' ', '-' or '|'."""
    if char.isspace():
        return " "
    if char in "-\u2010\u2011\u00ad":
        return "-"
    if unicodedata.category(char)[0] in "LMN":
        lower = char.lower()
        if len(lower) == 1 and ord(lower) < 256:
            return lower
        return "\u00aa" if ord(char) >= 256 else char  # non-Latin letter: still a letter
    return "|"


def _wide_char(char: str) -> str:
    """`_normal_char`, except that a letter outside Latin-1 stays itself in lower case (Cyrillic,
    Hangul, Arabic ...), so terms in any script can be matched."""
    if char in "\u200c\u200d":  # zero-width (non-)joiner: inside a word (Persian می‌گوید)
        return char
    if ord(char) < 256 or unicodedata.category(char)[0] not in "LMN":
        return _normal_char(char)
    lower = char.lower()
    return lower if len(lower) == 1 else char


class _WideTable(dict):
    """str.translate table filled on first use: code point -> its one matching character."""

    def __missing__(self, code: int) -> str:
        self[code] = _wide_char(chr(code))
        return self[code]


_BYTE_TABLE = bytes(ord(_normal_char(chr(code))) for code in range(256))
_WIDE_TABLE = _WideTable()
_normal_non_latin1 = lru_cache(maxsize=4096)(_normal_char)


def _encode_non_latin1(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character outside Latin-1 becomes its one normal character."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    run = error.object[error.start : error.end]
    return "".join(_normal_non_latin1(char) for char in run), error.end


codecs.register_error("analysis.escalation.terms.normalise", _encode_non_latin1)
# Typographic quote marks and dashes, the characters outside Latin-1 news text holds most: replaced
# before encoding (a str.replace each), not one call of the error handler above per occurrence
_TYPOGRAPHIC = {char: _normal_char(char) for char in "“”‘’—–…"}


def normalise(text: str, *, wide: bool = False) -> str:
    """Same-length matching form of `text`: lower case, whitespace -> ' ', punctuation -> '|'.

    Hyphens stay. By default letters outside Latin-1 become a placeholder letter, so they never
    create a word boundary (Latin-1 encoding plus one byte table: several hundred MB/s); `wide`
    keeps every script's letters (lower-cased), for lexicons with Cyrillic, Hangul ... terms.
    """
    if wide:
        return text.translate(_WIDE_TABLE)
    if not text.isascii():  # (a Latin-1 text holds none of them: no search)
        for char, normal in _TYPOGRAPHIC.items():
            if char in text:
                text = text.replace(char, normal)
    encoded = text.encode("latin-1", errors="analysis.escalation.terms.normalise")
    return encoded.translate(_BYTE_TABLE).decode("latin-1")


def _inflections(word: str) -> set[str]:
    """Regular English inflections of `word` for the '+' suffix: -s/-es, -ed, -ing, y->ies."""
    vowels = "aeiou"
    if word.endswith("e"):
        return {word, word + "s", word + "d", word[:-1] + "ing"}
    if len(word) > 2 and word[-1] == "y" and word[-2] not in vowels:
        return {word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    forms = {word, word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")}
    forms |= {word + "ed", word + "ing"}
    consonant_vowel_consonant = len(word) > 2 and word[-3] not in vowels and word[-2] in vowels
    if consonant_vowel_consonant and word[-1] not in vowels + "wxy":  # war -> warring
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


_ISE_RE = re.compile(r"i[sz](?=e|a|i|$)")


def _spellings(word: str) -> list[str]:
    """`word` with British and American -ise/-ize (-isation/-ization) spellings of each other."""
    british = _ISE_RE.sub("is", word)
    return sorted({british, _ISE_RE.sub("iz", word)})


def _min_stem(stem: str) -> int:
    """Letters a '*' stem needs: 3, or 2 in a syllabic script (a Hangul or CJK character is a
    syllable, '도발*' is as specific as 'provo*')."""
    syllabic = any(0xAC00 <= ord(c) <= 0xD7A3 or 0x4E00 <= ord(c) <= 0x9FFF for c in stem)
    return 2 if syllabic else _MIN_STEM


def term_forms(
    entry: str, inflections: tuple[str, ...] | None = None
) -> tuple[tuple[str, ...], bool]:
    """The normalised forms of a lexicon entry and whether the last word is a '*' wildcard stem.

    Grammar: a space matches any run of whitespace (line breaks too); a hyphen matches a hyphen,
    whitespace or nothing ('cease-fire' -> 'ceasefire'); 'word+' adds regular inflections; a final
    'stem*' matches any word ending; -ise/-ize spellings match each other. `inflections` are the
    endings '+' adds in a language pack (None: the English rules). Letters of any script.
    Raises ValueError (caught by the validator) for a malformed entry.
    """
    entry = entry.strip()
    wildcard = entry.endswith("*")
    if "*" in entry[:-1] or (wildcard and entry[-2:-1] in {"", " ", "-", "+"}):
        raise ValueError("'*' may only end the last word, right after its stem")
    tokens = re.split(r"(\s+|-)", entry[:-1] if wildcard else entry)
    words, separators = tokens[0::2], tokens[1::2]
    if any(not word for word in words):
        raise ValueError("empty word (doubled hyphen, or a hyphen at the start or end)")
    options: list[list[str]] = []
    for position, word in enumerate(words):
        if "+" in word[:-1] or word == "+":
            raise ValueError("'+' may only end a word")
        stem = normalise(word.rstrip("+"), wide=True)
        if not any(char.isalnum() for char in stem):
            raise ValueError(f"word {word!r} has no letters or digits")
        spellings = _spellings(stem) if inflections is None else [stem]
        if word.endswith("+") and inflections is None:
            spellings = sorted({form for spelling in spellings for form in _inflections(spelling)})
        elif word.endswith("+"):
            spellings = sorted({stem + normalise(ending, wide=True) for ending in inflections})
        options.append(spellings)
        if position < len(separators):
            options.append(["", " ", "-"] if separators[position] == "-" else [" "])
    if wildcard and len(words[-1]) < _min_stem(words[-1]):
        raise ValueError(
            f"wildcard stem {words[-1]!r} is shorter than {_min_stem(words[-1])} letters"
        )
    count = 1
    for choices in options:
        count *= len(choices)
    if count > _MAX_FORMS:
        raise ValueError(f"too many variants ({count}); split it into several terms")
    return tuple(sorted("".join(parts) for parts in product(*options))), wildcard
