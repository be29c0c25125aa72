"""Stance: who gets quoted, the tone toward each actor, how claims are framed, every quote."""

from __future__ import annotations

import streamlit as st

from dashboard import charts
from dashboard.ui import available, current_view, show_chart, show_table

view = current_view()
st.title("Stance: voices, tone and framing")
if available(view, "quotes", "stance", "framing"):
    filtered = view.filtered
    show_chart(charts.voice_balance(filtered["quotes"]), "voice_balance")
    show_chart(charts.tone_heatmap(filtered["stance"], filtered["sentences"]), "tone")
    st.caption(
        "Tone is lexical (VADER sentiment of the clauses that name the actor): it shows which "
        "sentences to read, not who is the aggressor; war-heavy sentences read negative for every "
        "actor they name. Hover a cell for its evidence sentences."
    )
    if view.state.narrows_dates:
        st.caption(
            "Tone is computed per outlet over all its articles: the date filter does not apply."
        )
    show_chart(charts.framing_by_outlet(filtered["framing"]), "framing")

    st.subheader("Quotes")
    show_table(
        filtered["quotes"],
        "quotes.csv",
        "quotes",
        column_config={"text": st.column_config.TextColumn(width="large")},
    )
