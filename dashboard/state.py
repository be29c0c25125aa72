"""The sidebar filters in the URL: read from and written to the query parameters.

Query parameters are validated against the corpus's `FilterOptions` (analysis/filters/state.py): an
unknown outlet or a bad date is dropped with a short notice, never a crash; a filter whose every
value is unknown falls back to every option (a link from another corpus, or to a renamed outlet,
opens the whole corpus with a notice, not an empty view). No parameter is ever used as a file path.
analysis/filters/tables.py applies a state to the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from analysis.filters.state import (
    DEFAULT_REGISTER,
    REGISTERS,
    VOICES,
    FilterOptions,
    FilterState,
    normalise,
    parse_date,
    quoted_list,
)

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
REGISTER = "register"  # escalation terms counted: evaluative (default) / descriptive / both
# The Check page's sample (dashboard/checking.py): table, rows, seed, `strata=outlet`.
CHECK_PARAMS = ("check", "n", "seed", "strata")
KNOWN_PARAMS = frozenset(
    (OUTLET, DATE_FROM, DATE_TO, KIND, CATEGORY, VOICE, NEGATED, LANGUAGE, REGISTER, CAMP, BY)
    + CHECK_PARAMS
)
# An explicitly empty selection ("nothing chosen") is written as this single value.
NONE_SELECTED = ""


def _choices(
    values: list[str], allowed: tuple[str, ...], what: str, notices: list[str]
) -> tuple[str, ...]:
    """The values that are valid options (in option order), with one notice naming the invalid
    ones (shortened); when none is valid, every option (and the notice says so)."""
    if values == [NONE_SELECTED]:
        return ()
    unknown = [value for value in values if value not in allowed]
    kept = tuple(option for option in allowed if option in values)
    if unknown and not kept:
        notices.append(
            f"No {what} of the link is in this corpus ({quoted_list(unknown)}): showing every "
            f"{what}."
        )
        return allowed
    if unknown:
        they = "it is" if len(unknown) == 1 else "they are"
        notices.append(
            f"Ignored the {what} {quoted_list(unknown)} from the link: {they} not in this corpus."
        )
    return kept


def _bound(values: list[str], options: FilterOptions, what: str, notices: list[str]) -> date | None:
    """One date bound from the URL, clamped to the corpus span; malformed dates add a notice."""
    if not values:
        return None
    parsed = parse_date(values[-1]) if len(values[-1]) == 10 else None
    if parsed is None:
        notices.append(
            f"Ignored the {what} date {quoted_list(values[-1:])} from the link: use YYYY-MM-DD."
        )
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
        f"Ignored the link parameter {quoted_list([key])}: it is not a filter."
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
                f"Ignored register={quoted_list([register])} from the link: use "
                f"{', '.join(REGISTERS)}."
            )
    if NEGATED in params:
        flag = params[NEGATED][-1] if params[NEGATED] else ""
        if flag in ("0", "1"):
            state = replace(state, include_negated=flag == "1")
        else:
            notices.append(f"Ignored negated={quoted_list([flag])} from the link: use 1 or 0.")
    date_from = _bound(params.get(DATE_FROM, []), options, "start", notices)
    date_to = _bound(params.get(DATE_TO, []), options, "end", notices)
    if date_from and date_to and date_from > date_to:
        notices.append("Ignored the date range from the link: it ends before it starts.")
        date_from = date_to = None
    return normalise(replace(state, date_from=date_from, date_to=date_to), options), notices


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
