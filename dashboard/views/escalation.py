"""Escalation: rates per 1,000 words by outlet and category, top terms, every hit in context."""

from __future__ import annotations

import streamlit as st

from dashboard import charts
from dashboard.ui import MAX_TABLE_ROWS, available, current_view, show_chart, show_table

view = current_view()
st.title("Escalation language")
if available(view, "escalation_hits", "escalation_rates"):
    filtered, chosen = view.filtered, view.state
    st.caption(
        f"Counting {charts.voice_label(chosen.voices)} (change it with **Voice** in the sidebar). "
        "Rates count non-negated hits in analysed sentences; the base is the words analysed in the "
        "articles that match the filters."
    )
    rates = charts.escalation_rates(
        filtered["escalation_rates"], filtered["articles"], chosen.categories, chosen.voices
    )
    heatmap, bars = st.tabs(["Heatmap", "Bars"])
    with heatmap:
        show_chart(charts.escalation_heatmap(rates, chosen.voices), "escalation_heatmap")
    with bars:
        show_chart(charts.escalation_bars(rates, chosen.voices, view.colors), "escalation_bars")

    hits = filtered["escalation_hits"]
    st.subheader("Top terms per outlet")
    show_chart(charts.top_terms(hits, view.colors), "top_terms")

    st.subheader("Every hit in context")
    negated = "included" if chosen.include_negated else "left out"
    st.caption(f"{len(hits)} hit(s) for the current filters; negated hits are {negated}.")
    sentences = filtered["sentences"]
    show_table(
        charts.keyword_in_context(hits.head(MAX_TABLE_ROWS), sentences),
        "escalation_hits_in_context.csv",
        "kwic",
        complete=(len(hits), lambda: charts.keyword_in_context(hits, sentences)),
        page=lambda start, stop: charts.keyword_in_context(hits.iloc[start:stop], sentences),
        column_config={
            "left": st.column_config.TextColumn(width="large"),
            "matched": st.column_config.TextColumn("term as written"),
            "right": st.column_config.TextColumn(width="large"),
        },
    )
