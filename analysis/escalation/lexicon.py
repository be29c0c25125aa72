"""The escalation lexicon: categories of terms, the term grammar's validation, and the language
packs' terms and negation cues.

One parser for every place a lexicon comes from (the shipped file, `--lexicon FILE`, the dashboard
editor, data/languages/<code>/escalation.toml): a malformed file becomes a `LexiconError` naming the
file, the line and what is wrong (analysis/world/toml_files.py reads the TOML).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from analysis.escalation.terms import term_forms
from analysis.world import languages
from analysis.world.toml_files import DATA_DIR, LexiconError, find_line, parse_toml, read_text

SHIPPED_LEXICON = DATA_DIR / "lexicons" / "escalation.toml"
_CATEGORY_KEYS = {"label", "description", "counter", "weight", "register", "terms"}
_TERM_KEYS = {"term", "weight", "register", "note"}
# The register of a term: "descriptive" names the event (strike, missile, troops, talks),
# "evaluative" characterises it (brutal, aggression, provocation, violation). A term gets its own
# `register`, else its category's, else (a lexicon written without registers) evaluative.
REGISTERS = ("evaluative", "descriptive")
DEFAULT_REGISTER = "evaluative"


@dataclass(frozen=True)
class Term:
    """One lexicon entry as written ('escalat*'), its category label and weight."""

    entry: str
    category: str
    weight: float
    forms: tuple[str, ...]
    wildcard: bool
    line: int | None
    register: str = DEFAULT_REGISTER
    register_given: bool = False  # written on the term or its category (not the default)


@dataclass(frozen=True)
class Category:
    """A named group of terms; `counter` marks a de-escalation category shown beside the others."""

    key: str
    label: str
    description: str
    counter: bool
    terms: tuple[Term, ...]
    weight: float = 1.0  # default weight of its terms (language packs' terms get it too)
    register: str | None = None  # default register of its terms (None: not written)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A validated escalation lexicon; `text` is the TOML it came from (the editor starts there).

    Compared and hashed by identity, so the matcher built for it is cached cheaply.
    """

    name: str
    categories: tuple[Category, ...]
    text: str
    language: str = "en"  # the language of its terms ('en' for the main lexicon)
    negation: Negation | None = None  # a pack's negation cues (None: the English rules)

    def for_language(self, language: str) -> Lexicon:
        """The lexicon to match an article in `language` with: this one for English, else the
        same categories with the terms of data/languages/<code>/escalation.toml (none when the
        language has no such file). Pack categories this lexicon lacks are not used."""
        code = languages.code(language)
        if code == self.language:
            return self
        return _pack_lexicon(self, code)

    @property
    def terms(self) -> list[Term]:
        """Every term of every category, in file order."""
        return [term for category in self.categories for term in category.terms]

    @property
    def labels(self) -> list[str]:
        """Category labels in file order (the row order of the rate tables)."""
        return [category.label for category in self.categories]


def _term_line(text: str, entry: str, occurrence: int = 1) -> int | None:
    """Line of the `occurrence`-th quoted appearance of `entry` in the TOML text (else first bare)."""
    quoted = sorted(
        m.start()
        for m in re.finditer(re.escape(f'"{entry}"') + "|" + re.escape(f"'{entry}'"), text)
    )
    if len(quoted) >= occurrence:
        return text.count("\n", 0, quoted[occurrence - 1]) + 1
    return find_line(text, entry)


def _weight(value: object, default: float) -> float:
    """A term or category weight: a positive finite number (ValueError otherwise)."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1e9:
        raise ValueError(f"weight must be a positive number, got {value!r}")
    return float(value)


def _register(
    value: object,
    where: str,
    text: str,
    fail: Callable[[str, int | None], LexiconError],
    fallback_line: int | None,
    needle: str,
    at_line: int | None = None,
) -> str | None:
    """A written register ("descriptive" or "evaluative"), None when not written; anything else
    raises LexiconError naming the line it is written on."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in REGISTERS:
        return value.strip().lower()
    line = at_line
    if line is None:
        line = find_line(text, needle, after_line=fallback_line or 1) or fallback_line
    raise fail(
        f'{where}: register must be "descriptive" (names the event) or "evaluative" '
        f"(characterises it), got {value!r}",
        line,
    )


def _parse_category(
    key: str,
    table: object,
    text: str,
    fail: Callable[[str, int | None], LexiconError],
    inflections: tuple[str, ...] | None = None,
    inherited_register: str | None = None,
) -> Category:
    """Validate one `[category]` table; `fail(problem, line)` builds the error. A language pack's
    category without a register of its own takes `inherited_register` (the main lexicon's)."""
    header = find_line(text, f"[{key}]")
    if not isinstance(table, dict):
        raise fail(f"{key!r} must be a [table] of a category, not a {type(table).__name__}", header)
    unknown = sorted(set(table) - _CATEGORY_KEYS)
    if unknown:
        raise fail(
            f"[{key}]: unknown key {unknown[0]!r} (allowed: {sorted(_CATEGORY_KEYS)})",
            find_line(text, unknown[0], after_line=header or 1) or header,
        )
    for field in ("label", "description"):
        if not isinstance(table.get(field, ""), str):
            raise fail(
                f"[{key}]: {field} must be a string",
                find_line(text, field, after_line=header or 1) or header,
            )
    if not isinstance(table.get("counter", False), bool):
        raise fail(f"[{key}]: counter must be true or false", header)
    label = table.get("label", "").strip() or key.replace("_", " ")
    try:
        default = _weight(table.get("weight"), 1.0)
    except ValueError as problem:
        raise fail(
            f"[{key}]: {problem}", find_line(text, "weight", after_line=header or 1) or header
        ) from None
    category_register = _register(table.get("register"), f"[{key}]", text, fail, header, "register")
    entries = table.get("terms")
    if not isinstance(entries, list) or not entries:
        raise fail(f"[{key}]: 'terms' must be a non-empty list of terms", header)
    terms = []
    for entry in entries:
        weight = written_register = None
        if isinstance(entry, dict):
            unknown = sorted(set(entry) - _TERM_KEYS)
            if unknown:
                raise fail(
                    f"[{key}]: unknown key {unknown[0]!r} in a term (allowed: "
                    f"{sorted(_TERM_KEYS)})",
                    find_line(text, unknown[0], after_line=header or 1) or header,
                )
            entry, weight, written_register = (
                entry.get("term"),
                entry.get("weight"),
                entry.get("register"),
            )
        if not isinstance(entry, str) or not entry.strip():
            if isinstance(entry, str):
                written, line = entry, _term_line(text, entry)
            else:
                written = json.dumps(entry, default=str)
                line = find_line(text, written, after_line=header or 1)
            raise fail(
                f"[{key}]: a term must be a non-empty string, got {written!r}", line or header
            )
        line = _term_line(text, entry)
        try:
            term_weight = _weight(weight, default)
            forms, wildcard = term_forms(entry, inflections)
        except ValueError as problem:
            raise fail(f"[{key}] term {entry!r}: {problem}", line) from None
        term_register = _register(
            written_register, f"[{key}] term {entry!r}", text, fail, line, "register", line
        )
        register = term_register or category_register or inherited_register
        terms.append(
            Term(
                entry.strip(),
                label,
                term_weight,
                forms,
                wildcard,
                line,
                register or DEFAULT_REGISTER,
                register is not None,
            )
        )
    return Category(
        key,
        label,
        table.get("description", "").strip(),
        table.get("counter", False),
        tuple(terms),
        default,
        category_register or inherited_register,
    )


def _check_overlaps(categories: list[Category], text: str, fail: Callable) -> None:
    """Reject an entry written twice, and a form or wildcard stem shared by two categories."""
    owner: dict[str, Term] = {}
    seen: dict[str, int] = {}
    for term in (t for c in categories for t in c.terms):
        seen[term.entry] = seen.get(term.entry, 0) + 1
        if seen[term.entry] > 1:
            line = _term_line(text, term.entry, seen[term.entry])
            raise fail(f"term {term.entry!r} is listed twice", line)
        for form in term.forms:
            other = owner.setdefault(form, term)
            if other.category != term.category:
                raise fail(
                    f"term {term.entry!r} ({term.category}) duplicates {other.entry!r} "
                    f"({other.category}, line {other.line}): a word can be in one category only",
                    term.line,
                )
    ordered = sorted(owner)
    for stem_owner in (t for c in categories for t in c.terms if t.wildcard):
        for stem in stem_owner.forms:
            for form in ordered[bisect_left(ordered, stem) :]:
                if not form.startswith(stem):
                    break
                other = owner[form]
                if other.category != stem_owner.category and " " not in form[len(stem) :]:
                    raise fail(
                        f"term {other.entry!r} ({other.category}) is already matched by the "
                        f"wildcard {stem_owner.entry!r} ({stem_owner.category}, line "
                        f"{stem_owner.line}): a word can be in one category only",
                        other.line,
                    )


def parse_lexicon(text: str, *, name: str = "<editor>") -> Lexicon:
    """Validate a lexicon TOML text (from a file or the dashboard editor) into a Lexicon.

    Raises LexiconError naming the line for syntax errors, empty or unknown keys, bad terms or
    weights, and a term listed twice (or already covered by a wildcard) in any category.
    """
    data = parse_toml(text, name=name)

    def fail(problem: str, line: int | None = None) -> LexiconError:
        return LexiconError(name, problem, line)

    if not data:
        raise fail("no categories: add at least one [category] table with a 'terms' list")
    categories = [_parse_category(key, table, text, fail) for key, table in data.items()]
    labels = [category.label.lower() for category in categories]
    for position, label in enumerate(labels):
        if label in labels[:position]:
            raise fail(f"category label {label!r} is used twice", find_line(text, label))
    _check_overlaps(categories, text, fail)
    return Lexicon(name, tuple(categories), text)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load and validate a lexicon file; None loads the shipped data/lexicons/escalation.toml."""
    text, name = read_text(Path(path) if path is not None else SHIPPED_LEXICON)
    return parse_lexicon(text, name=name)


# ---------------------------------------------------------------------------------------------
# Language packs: data/languages/<code>/escalation.toml gives each category of the main lexicon its
# terms in that language, the endings '+' adds, and the language's negation cues.

_PACK_KEYS = {"inflections", "negation"}
_NEGATION_KEYS = {"before", "after", "not_negating", "clause_breaks", "max_gap"}


@dataclass(frozen=True)
class Negation:
    """A language's negation cues: words before a hit (or, as in Korean, word starts after it) in
    the same clause, phrases that do not negate ('не исключает'), and words that end a clause."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    not_negating: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    max_gap: int = 4


def _word_list(value: object, where: str, text: str, fail: Callable) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"{where} must be a list of non-empty strings", find_line(text, where))
    return tuple(v.strip() for v in value)


def _parse_negation(table: object, text: str, fail: Callable) -> Negation:
    line = find_line(text, "[negation]")
    if not isinstance(table, dict) or set(table) - _NEGATION_KEYS:
        raise fail(f"[negation] takes only the keys {sorted(_NEGATION_KEYS)}", line)
    gap = table.get("max_gap", 4)
    if isinstance(gap, bool) or not isinstance(gap, int) or not 0 < gap < 20:
        raise fail("[negation] max_gap must be a whole number from 1 to 19", line)
    lists = {
        key: _word_list(table.get(key, []), key, text, fail)
        for key in ("before", "after", "not_negating", "clause_breaks")
    }
    return Negation(**lists, max_gap=gap)


def parse_pack_lexicon(text: str, base: Lexicon, *, name: str, language: str) -> Lexicon:
    """A language pack's escalation terms as a Lexicon with `base`'s categories (labels, counter,
    default weights, order); a malformed pack raises LexiconError naming the line."""
    data = parse_toml(text, name=name)

    def fail(problem: str, line: int | None = None) -> LexiconError:
        return LexiconError(name, problem, line)

    inflections = ("",)
    if "inflections" in data:
        inflections = ("", *_word_list(data["inflections"], "inflections", text, fail))
    negation = _parse_negation(data.get("negation", {}), text, fail)
    known = {category.key: category for category in base.categories}
    categories = []
    for category in base.categories:
        table = data.get(category.key)
        if table is None:
            categories.append(replace(category, terms=()))
            continue
        if not isinstance(table, dict) or set(table) - {"terms", "register"}:
            raise fail(
                f"[{category.key}] takes only 'terms' and 'register' (label, weight and counter "
                "come from the main lexicon)",
                find_line(text, f"[{category.key}]"),
            )
        merged = {
            "label": category.label,
            "description": category.description,
            "counter": category.counter,
            "weight": category.weight,
            "terms": table.get("terms"),
        }
        if "register" in table:
            merged["register"] = table["register"]
        categories.append(
            _parse_category(category.key, merged, text, fail, inflections, category.register)
        )
    for key in data:
        if key not in known and key not in _PACK_KEYS and not isinstance(data[key], dict):
            raise fail(f"unknown key {key!r}", find_line(text, key))
    _check_overlaps(categories, text, fail)
    return Lexicon(name, tuple(categories), text, language, negation)


@lru_cache(maxsize=64)
def _pack_lexicon(base: Lexicon, code: str) -> Lexicon:
    """`base`'s categories with the terms of `code`'s pack (cached per lexicon and language)."""
    path = languages.pack_file(code, "escalation.toml")
    if path is None:
        empty = tuple(replace(category, terms=()) for category in base.categories)
        return Lexicon(f"{code}: no escalation terms", empty, "", code, None)
    text, name = read_text(path, name=languages.display_name(path))
    return parse_pack_lexicon(text, base, name=name, language=code)
