"""The filters every view of the tables shares: what the analyst chose and what the corpus offers.

`FilterState` is one filter setting (outlets, dates, languages, figure kinds, escalation categories,
voices); `FilterOptions` is what the loaded tables offer. The dashboard reads a state from its
sidebar and URL (dashboard/state.py), the report command from its options (analysis/cli.py); both
apply it with analysis/filters/tables.py, so a report and the dashboard show the same rows.
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
SHOWN_VALUES, SHOWN_CHARACTERS = 3, 40  # of the values a message quotes


class FilterError(ValueError):
    """A filter value the corpus does not offer, or a malformed date; the message says which."""


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


def normalise(state: FilterState, options: FilterOptions) -> FilterState:
    """The same state with a date range that covers the whole corpus span, and every language,
    written as 'not narrowed'."""
    date_from = None if state.date_from == options.first_date else state.date_from
    date_to = None if state.date_to == options.last_date else state.date_to
    languages = state.languages
    if languages is not None and tuple(languages) == tuple(options.languages):
        languages = None
    return replace(state, date_from=date_from, date_to=date_to, languages=languages)


def as_bool(values: pd.Series) -> pd.Series:
    """A column of flags as booleans, whether stored as bool or as text ('True', '1')."""
    if pd.api.types.is_bool_dtype(values):
        return values
    return values.astype(str).str.strip().str.lower().isin(("true", "1", "yes"))


def quoted_list(
    values: Iterable[object], shown: int = SHOWN_VALUES, width: int | None = SHOWN_CHARACTERS
) -> str:
    """Values quoted for a message: the first `shown`, each cut to `width` characters (None: whole),
    and a count of the rest (a 3,000-character value from a shared link must not fill the screen)."""
    values = [str(value) for value in values]
    cut = [v if width is None or len(v) <= width else v[: width - 1] + "…" for v in values]
    rest = len(values) - shown
    return ", ".join(map(repr, cut[:shown])) + (f" and {rest} more" if rest > 0 else "")


def _known(values: Iterable[str], allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    """`values` in option order; FilterError naming the unknown ones and what the corpus has."""
    values = list(values)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        offered = quoted_list(allowed, shown=12, width=None) if allowed else "none"
        raise FilterError(f"no {what} {quoted_list(unknown)} in this corpus (it has: {offered})")
    return tuple(option for option in allowed if option in values)


def _day(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    day = parse_date(text) if len(text.strip()) == 10 else None
    if day is None:
        raise FilterError(f"the {what} date {quoted_list([text])} is not a date: use YYYY-MM-DD")
    return day


def narrowed(
    options: FilterOptions,
    *,
    outlets: Iterable[str] = (),
    languages: Iterable[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
) -> FilterState:
    """Every article of the corpus, narrowed to these outlets, languages (none given: all) and
    publication dates (YYYY-MM-DD, inclusive). Unlike a link, which falls back with a notice, an
    explicit choice the corpus cannot meet is an error (FilterError), so a report never silently
    covers something else than what was asked."""
    state = options.default_state()
    outlets, languages = list(outlets), list(languages)
    if outlets:
        state = replace(state, outlets=_known(outlets, options.outlets, "outlet"))
    if languages:
        state = replace(state, languages=_known(languages, options.languages, "language"))
    first, last = _day(date_from, "start"), _day(date_to, "end")
    if first and last and first > last:
        raise FilterError(f"the date range ends ({last}) before it starts ({first})")
    return normalise(replace(state, date_from=first, date_to=last), options)
