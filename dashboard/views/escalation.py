"""Escalation: rates per 1,000 words by outlet and category, top terms, every hit in context."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import charts
from analysis.charts import views
from dashboard.ui import MAX_TABLE_ROWS, available, current_view, show_chart, show_table

HIT_COLUMNS = ["outlet", "term", "category", "matched"]


def in_context(start: int, stop: int) -> pd.DataFrame:
    """Hits start … stop-1 in their sentences (only those hits' articles' sentences are read)."""
    hits = view.filtered.page("escalation_hits", start, stop)
    sentences = view.filtered.of_articles("sentences", hits["article_id"].unique())
    return charts.keyword_in_context(hits, sentences)


view = current_view()
st.title("Escalation language")
if available(view, "escalation_hits", "escalation_rates"):
    filtered, chosen = view.filtered, view.state
    st.caption(
        f"Counting {charts.voice_label(chosen.voices)} (change it with **Voice** in the sidebar). "
        "Rates count non-negated hits in analysed sentences; the base is the words analysed in the "
        "articles that match the filters."
    )
    rates = filtered.memo("escalation_rates", lambda: views.rates(filtered, chosen))
    heatmap, bars = st.tabs(["Heatmap", "Bars"])
    with heatmap:
        show_chart(
            filtered.memo("heatmap", lambda: charts.escalation_heatmap(rates, chosen.voices)),
            "escalation_heatmap",
        )
    with bars:
        show_chart(
            filtered.memo(
                "bars", lambda: charts.escalation_bars(rates, chosen.voices, view.colors)
            ),
            "escalation_bars",
        )

    st.subheader("Top terms per outlet")
    show_chart(
        filtered.memo(
            "top_terms",
            lambda: charts.top_terms(filtered.select("escalation_hits", HIT_COLUMNS), view.colors),
        ),
        "top_terms",
    )

    st.subheader("Every hit in context")
    negated = "included" if chosen.include_negated else "left out"
    hits = filtered.count("escalation_hits")
    st.caption(f"{hits} hit(s) for the current filters; negated hits are {negated}.")
    show_table(
        filtered.memo("hits_in_context", lambda: in_context(0, MAX_TABLE_ROWS)),
        "escalation_hits_in_context.csv",
        "kwic",
        complete=(
            hits,
            lambda: charts.keyword_in_context(filtered["escalation_hits"], filtered["sentences"]),
        ),
        page=in_context,
        column_config={
            "left": st.column_config.TextColumn(width="large"),
            "matched": st.column_config.TextColumn("term as written"),
            "right": st.column_config.TextColumn(width="large"),
        },
    )
