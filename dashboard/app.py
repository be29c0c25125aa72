"""Entry point: `streamlit run dashboard/app.py` opens the analyst dashboard on the shipped corpus.

Each run loads (cached) the corpus and its analysis, draws the shared sidebar filters, applies them to
every table and hands the resulting view to the selected page. A failure is shown as a short message on
the page and logged with its traceback on the server, never shown as a traceback to the analyst.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from analysis import charts
from analysis.filters import tables as filtered
from analysis.filters.state import options_from_tables
from dashboard import data, filters, serving
from dashboard.ui import VIEW_KEY, View, report_download

LOG = logging.getLogger("dashboard")
PAGES = Path(__file__).resolve().parent / "views"

st.set_page_config(page_title="Coverage analyst", page_icon=":material/newspaper:", layout="wide")

navigation = st.navigation(
    [
        st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page(PAGES / "figures.py", title="Figures", icon=":material/tag:"),
        st.Page(PAGES / "escalation.py", title="Escalation", icon=":material/trending_up:"),
        st.Page(PAGES / "stance.py", title="Stance", icon=":material/record_voice_over:"),
        st.Page(PAGES / "compare.py", title="Compare", icon=":material/view_column:"),
        st.Page(PAGES / "check.py", title="Check", icon=":material/fact_check:"),
        st.Page(PAGES / "corpus.py", title="Corpus", icon=":material/folder_open:"),
    ]
)


def build_view() -> View:
    """Load and analyse the current corpus (cached), draw the filters, filter every table, offer
    the report of that view."""
    analysis, source = data.current_analysis()
    index = filtered.index_of(analysis.tables, analysis.derived)
    options = index.memo("options", lambda: options_from_tables(analysis.tables))
    chosen = filters.sidebar_filters(options)
    st.sidebar.caption(f"Showing {source}.")
    if serving.shared():
        st.sidebar.caption(
            "Shared on the network: "
            + ("edits allowed." if serving.edits_allowed() else "read-only (no uploads or edits).")
        )
    view = View(
        tables=analysis.tables,
        filtered=filtered.filtered_tables(analysis.tables, chosen, analysis.derived),
        state=chosen,
        options=options,
        colors=charts.outlet_colors(options.outlets),
        texts=analysis.texts,
        source=source,
    )
    report_download(view)
    return view


try:
    st.session_state[VIEW_KEY] = build_view()
    navigation.run()
except Exception as error:  # a page must fail as a message, not a traceback
    LOG.exception("dashboard page %r failed", navigation.title)
    st.error(
        f"This page could not be drawn ({type(error).__name__}: {str(error)[:200]}). "
        "The details are in the server log. Try another filter, or reload the page.",
        icon=":material/error:",
    )
