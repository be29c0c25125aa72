"""The sidebar filters as one value: read from and written to the URL, applied to every table.

`FilterState` is what the analyst chose; `FilterOptions` is what the loaded corpus offers. Query
parameters are validated against the options (an unknown outlet or a bad date is dropped with a
notice, never a crash), and no parameter is ever used as a file path. dashboard/filtered.py applies
a state to the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from analysis.ingest.metadata import published_span

VOICES: tuple[str, ...] = ("narrator", "quoted")
# Which escalation terms the Escalation page counts: the lexicon's evaluative terms (the default:
# how outlets characterise events), its descriptive ones (how much they report them), or both.
REGISTERS: tuple[str, ...] = ("evaluative", "descriptive", "both")
DEFAULT_REGISTER = "evaluative"

# Query parameter names (short, stable: they appear in shared URLs).
OUTLET, DATE_FROM, DATE_TO, KIND, CATEGORY, VOICE, NEGATED, LANGUAGE = (
    "outlet",
    "from",
    "to",
    "kind",
    "category",
    "voice",
    "negated",
    "lang",
)
# Reduce settings (read before the analysis runs, dashboard/data.py): the analyst's camps, one
# `camp=Name:Actor A|Actor B` per camp, and `by=group` to sum outlets by outlet group.
CAMP, BY = "camp", "by"
REGISTER = "register"
KNOWN_PARAMS = frozenset(
    (OUTLET, DATE_FROM, DATE_TO, KIND, CATEGORY, VOICE, NEGATED, LANGUAGE, REGISTER, CAMP, BY)
)
# An explicitly empty selection ("nothing chosen") is written as this single value.
NONE_SELECTED = ""


@dataclass(frozen=True)
class FilterOptions:
    """What the loaded corpus offers to filter on."""

    outlets: tuple[str, ...]
    first_date: date | None
    last_date: date | None
    figure_kinds: tuple[str, ...]
    categories: tuple[str, ...]
    languages: tuple[str, ...] = ()  # the articles' languages (ISO 639-1 codes)

    def default_state(self) -> FilterState:
        """Everything selected: the unfiltered view."""
        return FilterState(
            outlets=self.outlets,
            figure_kinds=self.figure_kinds,
            categories=self.categories,
        )


@dataclass(frozen=True)
class FilterState:
    """One filter setting shared by all pages. Dates are None when the range is not narrowed."""

    outlets: tuple[str, ...]
    figure_kinds: tuple[str, ...]
    categories: tuple[str, ...]
    date_from: date | None = None
    date_to: date | None = None
    voices: tuple[str, ...] = VOICES
    include_negated: bool = False
    languages: tuple[str, ...] | None = None  # None: every language (articles of unknown one too)
    register: str = DEFAULT_REGISTER  # escalation terms counted: evaluative / descriptive / both

    @property
    def rate_register(self) -> str:
        """The `register` value of the escalation_rates rows this state shows ('all' for both)."""
        return "all" if self.register == "both" else self.register

    @property
    def narrows_dates(self) -> bool:
        """True when a date bound is set (articles without a known date are then left out)."""
        return self.date_from is not None or self.date_to is not None


def _distinct(frame: pd.DataFrame | None, column: str) -> tuple[str, ...]:
    if frame is None or frame.empty or column not in frame.columns:
        return ()
    values = frame[column].dropna().astype(str).unique()
    return tuple(sorted(v for v in values if v != ""))


def parse_date(text: object) -> date | None:
    """A YYYY-MM-DD string as a date; None for '' or anything malformed."""
    try:
        return date.fromisoformat(str(text).strip()[:10]) if str(text).strip() else None
    except ValueError:
        return None


def options_from_tables(tables: Mapping[str, pd.DataFrame]) -> FilterOptions:
    """The outlets, date span (a month- or year-dated article spans its month or year), figure
    kinds and escalation categories present in the tables."""
    articles = tables.get("articles")
    spans = (
        [s for s in map(published_span, articles["published"].dropna().unique()) if s is not None]
        if articles is not None and not articles.empty
        else []
    )
    dates = sorted(day for span in spans for day in span)
    categories = set(_distinct(tables.get("escalation_rates"), "category"))
    categories |= set(_distinct(tables.get("escalation_hits"), "category"))
    return FilterOptions(
        outlets=_distinct(articles, "outlet"),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        figure_kinds=_distinct(tables.get("figures"), "kind"),
        categories=tuple(sorted(categories)),
        languages=_distinct(articles, "language"),
    )


def _choices(
    values: list[str], allowed: tuple[str, ...], what: str, notices: list[str]
) -> tuple[str, ...]:
    """The values that are valid options (in option order); each invalid one adds a notice."""
    if values == [NONE_SELECTED]:
        return ()
    for value in values:
        if value not in allowed:
            notices.append(f"Ignored the {what} {value!r} from the link: it is not in this corpus.")
    return tuple(option for option in allowed if option in values)


def _bound(values: list[str], options: FilterOptions, what: str, notices: list[str]) -> date | None:
    """One date bound from the URL, clamped to the corpus span; malformed dates add a notice."""
    if not values:
        return None
    parsed = parse_date(values[-1]) if len(values[-1]) == 10 else None
    if parsed is None:
        notices.append(f"Ignored the {what} date {values[-1]!r} from the link: use YYYY-MM-DD.")
        return None
    if options.first_date is None or options.last_date is None:
        notices.append(f"Ignored the {what} date: no article in this corpus has a known date.")
        return None
    return min(max(parsed, options.first_date), options.last_date)


def from_query_params(
    params: Mapping[str, list[str]], options: FilterOptions
) -> tuple[FilterState, list[str]]:
    """The filter state a URL asks for, validated against `options`, and notices for what was dropped.

    `params` maps each query parameter to all its values (`st.query_params.get_all`). A parameter that
    is absent keeps the default (everything selected).
    """
    notices = [
        f"Ignored the link parameter {key!r}: it is not a filter."
        for key in params
        if key not in KNOWN_PARAMS
    ]
    state = options.default_state()
    if OUTLET in params:
        state = replace(state, outlets=_choices(params[OUTLET], options.outlets, "outlet", notices))
    if KIND in params:
        kinds = _choices(params[KIND], options.figure_kinds, "figure kind", notices)
        state = replace(state, figure_kinds=kinds)
    if CATEGORY in params:
        categories = _choices(params[CATEGORY], options.categories, "category", notices)
        state = replace(state, categories=categories)
    if VOICE in params:
        state = replace(state, voices=_choices(params[VOICE], VOICES, "voice", notices))
    if LANGUAGE in params:
        chosen = _choices(params[LANGUAGE], options.languages, "language", notices)
        state = replace(state, languages=chosen)
    if REGISTER in params:
        register = params[REGISTER][-1] if params[REGISTER] else ""
        if register in REGISTERS:
            state = replace(state, register=register)
        else:
            notices.append(
                f"Ignored register={register!r} from the link: use {', '.join(REGISTERS)}."
            )
    if NEGATED in params:
        flag = params[NEGATED][-1] if params[NEGATED] else ""
        if flag in ("0", "1"):
            state = replace(state, include_negated=flag == "1")
        else:
            notices.append(f"Ignored negated={flag!r} from the link: use 1 or 0.")
    date_from = _bound(params.get(DATE_FROM, []), options, "start", notices)
    date_to = _bound(params.get(DATE_TO, []), options, "end", notices)
    if date_from and date_to and date_from > date_to:
        notices.append("Ignored the date range from the link: it ends before it starts.")
        date_from = date_to = None
    return normalise(replace(state, date_from=date_from, date_to=date_to), options), notices


def normalise(state: FilterState, options: FilterOptions) -> FilterState:
    """The same state with a date range that covers the whole corpus span, and every language,
    written as 'not narrowed'."""
    date_from = None if state.date_from == options.first_date else state.date_from
    date_to = None if state.date_to == options.last_date else state.date_to
    languages = state.languages
    if languages is not None and tuple(languages) == tuple(options.languages):
        languages = None
    return replace(state, date_from=date_from, date_to=date_to, languages=languages)


def to_query_params(state: FilterState, options: FilterOptions) -> dict[str, list[str]]:
    """The URL query parameters for `state`: only what differs from the default view."""
    default = options.default_state()
    params: dict[str, list[str]] = {}
    for key, chosen, everything in (
        (OUTLET, state.outlets, default.outlets),
        (KIND, state.figure_kinds, default.figure_kinds),
        (CATEGORY, state.categories, default.categories),
        (VOICE, state.voices, VOICES),
    ):
        if tuple(chosen) != tuple(everything):
            params[key] = list(chosen) or [NONE_SELECTED]
    if state.date_from is not None:
        params[DATE_FROM] = [state.date_from.isoformat()]
    if state.date_to is not None:
        params[DATE_TO] = [state.date_to.isoformat()]
    if state.include_negated:
        params[NEGATED] = ["1"]
    if state.register != DEFAULT_REGISTER:
        params[REGISTER] = [state.register]
    if state.languages is not None and tuple(state.languages) != tuple(options.languages):
        params[LANGUAGE] = list(state.languages) or [NONE_SELECTED]
    return params


def camps_from_params(values: Iterable[str]) -> dict[str, str]:
    """actor -> camp from `camp=Name:Actor A|Actor B` values (malformed values are ignored; an
    actor the corpus does not know changes nothing)."""
    camps: dict[str, str] = {}
    for value in values:
        name, colon, members = str(value).partition(":")
        if colon and name.strip():
            for member in members.split("|"):
                if member.strip():
                    camps[member.strip()] = name.strip()
    return camps


def camps_to_params(camps: Mapping[str, str]) -> list[str]:
    """The `camp` parameter values for actor -> camp, one per camp, members sorted."""
    members: dict[str, list[str]] = {}
    for actor, camp in camps.items():
        members.setdefault(camp, []).append(actor)
    return [f"{camp}:{'|'.join(sorted(actors))}" for camp, actors in sorted(members.items())]


def camp_groups(actors: Iterable[str], camps: Mapping[str, str]) -> dict[str, list[str]]:
    """camp -> its actors among `actors`, for the camps that group more than one actor or rename
    one (an actor alone in a camp of its own name needs no row)."""
    groups: dict[str, list[str]] = {}
    for actor in actors:
        groups.setdefault(camps.get(actor, actor), []).append(actor)
    return {c: m for c, m in groups.items() if len(m) > 1 or m != [c]}


def camps_from_rows(
    rows: Iterable[tuple[str, Iterable[str]]], base: Mapping[str, str]
) -> dict[str, str]:
    """actor -> camp from the editor's (camp name, actors) rows, keeping only what differs from the
    story's camps `base`; an actor taken out of every row goes back to being its own camp."""
    chosen: dict[str, str] = {}
    for name, members in rows:
        for actor in members:
            if str(name).strip():
                chosen[actor] = str(name).strip()
    changed = {a: c for a, c in chosen.items() if base.get(a, a) != c}
    dropped = {a: a for a, c in base.items() if a not in chosen and c != a}
    return changed | dropped


def as_bool(values: pd.Series) -> pd.Series:
    """A column of flags as booleans, whether stored as bool or as text ('True', '1')."""
    if pd.api.types.is_bool_dtype(values):
        return values
    return values.astype(str).str.strip().str.lower().isin(("true", "1", "yes"))
