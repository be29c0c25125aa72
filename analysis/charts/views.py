"""The charts of a filtered view, built the same way for a dashboard page and for the report.

Each function takes the tables with the filters applied (analysis/filters/tables.py) and reads only
the columns its chart draws (coded columns as categoricals), so a page rerun and a report of
100,000 articles copy no article text they do not show. Kept per filter setting by the caller
(`FilteredTables.memo`).
"""

from __future__ import annotations

import pandas as pd

from analysis.charts.common import Chart
from analysis.charts.escalation import escalation_rates
from analysis.charts.events import FAMILIES, agentless_violence, who_acts_on_whom
from analysis.charts.figures import (
    TIMELINE_FIRSTS,
    TIMELINE_KEYS,
    claims_timeline,
    figures_by_kind,
    numeric_claims,
)
from analysis.charts.stance import camp_colors, framing_by_outlet, tone_heatmap, voice_balance
from analysis.filters.state import FilterState
from analysis.filters.tables import FilteredTables

ARTICLE_COLUMNS = ["article_id", "outlet", "published", "title", "words"]
RATE_COLUMNS = ["level", "outlet", "category", "hits", "hits_narrator", "register"]


def articles_shown(filtered: FilteredTables) -> pd.DataFrame:
    """The filtered articles' columns the overview charts draw."""
    return filtered.select("articles", ARTICLE_COLUMNS)


def timeline(filtered: FilteredTables, colors: dict[str, str]) -> tuple[Chart, int]:
    """The claims timeline and how many numeric, dated claims it could draw (the keys of every
    claim are read; the evidence of the marks drawn only)."""
    claims = filtered.select("claims_timeline", [*TIMELINE_KEYS, "article_id"])
    numeric = len(numeric_claims(claims[["published", "value_low", "value_high"]]))
    chart = claims_timeline(
        claims, colors, lambda rows: filtered.at("claims_timeline", rows, TIMELINE_FIRSTS)
    )
    return chart, numeric


def by_kind(filtered: FilteredTables, colors: dict[str, str]) -> Chart:
    """Figures per outlet and kind."""
    columns = ["outlet", "kind", "is_repeat", "value_text"]
    return figures_by_kind(filtered.select("figures", columns), colors)


def rates(filtered: FilteredTables, state: FilterState) -> pd.DataFrame:
    """Escalation hits per 1,000 words, outlet × category, for the chosen categories, voices and
    register (evaluative terms by default), with their 95 % intervals."""
    return escalation_rates(
        filtered.select("escalation_rates", RATE_COLUMNS),
        filtered.select("articles", ["outlet", "words"]),
        state.categories,
        state.voices,
        state.rate_register,
    )


def voices(filtered: FilteredTables) -> Chart:
    """Who gets quoted: each outlet's quoted words by the speaker's camp, each camp in the colour
    it has over the whole corpus (so a filter never recolours it)."""
    colors = filtered.index.memo(
        "camp_colors", lambda: camp_colors(filtered.index.tables["quotes"]["camp"].dropna())
    )
    return voice_balance(filtered.select("quotes", ["outlet", "camp", "words"]), colors)


def who_acts(filtered: FilteredTables, family: str) -> Chart:
    """Who each outlet shows acting on whom, for one family of events (FAMILIES)."""
    return who_acts_on_whom(filtered["event_links"], _cited_events(filtered), family)


def agentless(filtered: FilteredTables) -> Chart:
    """The share of each outlet's reported attacks with no doer named."""
    return agentless_violence(filtered["agentless_violence"], _cited_events(filtered))


def _cited_events(filtered: FilteredTables) -> pd.DataFrame:
    """The id and sentence of the events the event_links and agentless_violence rows cite first
    (their example on hover), read once per filter setting."""

    def read() -> pd.DataFrame:
        cited = {
            str(ids).split("; ")[0]
            for name in ("event_links", "agentless_violence")
            for ids in filtered[name]["evidence_ids"]
        }
        events = filtered.index.tables["events"]
        return events.loc[events["event_id"].isin(cited), ["event_id", "sentence"]]

    return filtered.memo("cited_events", read)


EVENT_FAMILIES = tuple(FAMILIES)


def tone(filtered: FilteredTables) -> Chart:
    """The tone heatmap; its hover reads the evidence sentences of the articles it cites."""
    stance = filtered["stance"]
    cited = {str(ids).split("; ")[0].rpartition(":")[0] for ids in stance["evidence_ids"]}
    return tone_heatmap(stance, filtered.of_articles("sentences", cited))


def framing(filtered: FilteredTables) -> Chart:
    """How each outlet frames the claims."""
    return framing_by_outlet(filtered.select("framing", ["outlet", "framing", "claim"]))
