"""Figures: when each number was reported and by whom, figures per outlet, conflicting estimates."""

from __future__ import annotations

import streamlit as st

from analysis.charts import views
from analysis.filters.state import as_bool
from dashboard.ui import available, current_view, show_chart, show_filtered, show_table

view = current_view()
filtered = view.filtered
st.title("Figures: who reported which number, and when")
if available(view, "figures", "claims_timeline", "who_reported_what"):
    claims = filtered.count("claims_timeline")
    chart, numeric = filtered.memo("claims_timeline", lambda: views.timeline(filtered, view.colors))
    show_chart(chart, "claims_timeline")
    drawn = int(chart.data["claims"].sum()) if not chart.data.empty else 0
    if claims > numeric:
        st.caption(
            f"{claims - numeric} claim(s) are vague ('several thousand') or undated and are "
            "not on the timeline; they are in the tables below."
        )
    if numeric > drawn:
        st.caption(
            f"The timeline shows the {len(chart.data):,} most repeated of the distinct claims "
            f"({drawn:,} of {numeric:,} numeric claims); narrow the filters to see every one."
        )
    show_chart(
        filtered.memo("figures_by_kind", lambda: views.by_kind(filtered, view.colors)),
        "figures_by_kind",
    )

    st.subheader("Who reported what")
    grouped = filtered["who_reported_what"]
    conflicts = int(as_bool(grouped["conflict"]).sum()) if not grouped.empty else 0
    st.caption(
        f"Each row groups the same claim across outlets: one quantity (what is counted and what "
        f"happened to it; a part apart from its total). {conflicts} claim(s) are flagged ⚠ because "
        "another outlet gives a non-overlapping firm estimate of the same quantity within a week; "
        "later figures are updates (see the timeline), not conflicts."
    )
    if not grouped.empty:
        grouped = grouped.assign(conflict=as_bool(grouped["conflict"]))
    show_table(
        grouped,
        "who_reported_what.csv",
        "who_reported_what",
        column_config={
            "conflict": st.column_config.CheckboxColumn("⚠ conflict"),
            "value_low": st.column_config.NumberColumn(format="localized"),
            "value_high": st.column_config.NumberColumn(format="localized"),
        },
    )

    st.subheader("Every figure, with its evidence sentence")
    show_filtered(
        view,
        "figures",
        "figures.csv",
        "figures",
        column_config={"sentence": st.column_config.TextColumn(width="large")},
    )
