"""Overview: the corpus at a glance, the one-line summary per outlet, and what could not be loaded."""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.charts import views
from dashboard import evidence
from dashboard.highlight import escape_text
from dashboard.ui import available, current_view, download, show_chart, show_table

EXPANDED_OUTLETS = 30  # outlets whose evidence is listed at once, each in its own expander
view = current_view()
filtered = view.filtered
articles = filtered.memo("overview_articles", lambda: views.articles_shown(filtered))
st.title("Coverage at a glance")
st.caption(
    f"{len(articles)} of {len(view.tables['articles'])} articles from {articles['outlet'].nunique()} "
    f"outlet(s) match the filters · source: {view.source}."
)

st.subheader("One-line summary per outlet")
if available(view, "summaries"):
    summaries = view.filtered["summaries"]
    if summaries.empty:
        st.info("No summary for the outlets selected.")
    where = filtered.index.memo(
        "outlet_places", lambda: charts.outlet_places(view.tables["articles"])
    )
    lines = [
        f'<li style="margin-bottom:0.4em;"><span style="color:{view.colors.get(row.outlet, "#999")};">'
        f"&#9632;</span> <b>{escape_text(row.outlet)}</b>"
        f"{escape_text(where.get(row.outlet, ''))}: {escape_text(row.summary)}</li>"
        for row in summaries.itertuples(index=False)
    ]
    st.markdown(
        f'<ul style="list-style:none;padding-left:0;">{"".join(lines)}</ul>', unsafe_allow_html=True
    )
    st.caption(
        "Generated from the tables alone; below, the sentences behind each clause (the CSV lists "
        "every id)."
    )
    download(summaries, "outlet_summaries.csv", "summaries")
    st.markdown("**The sentences behind each summary**, clause by clause")
    cited = filtered.memo(
        "summary_evidence",
        lambda: filtered.sentences_cited(
            i for ids in summaries["evidence_ids"].fillna("") for i in ids.split("; ") if i
        ),
    )
    outlets = summaries["outlet"].tolist()
    if len(outlets) > EXPANDED_OUTLETS:  # past a few dozen outlets, one at a time
        outlets = [st.selectbox("Outlet", outlets, key="evidence_outlet")]
    for row in summaries[summaries["outlet"].isin(outlets)].itertuples(index=False):
        with st.expander(str(row.outlet)):
            st.markdown(
                evidence.clauses_html(evidence.clause_sentences(row.clauses, cited.get)),
                unsafe_allow_html=True,
            )

show_chart(
    filtered.memo("articles_per_outlet", lambda: charts.articles_per_outlet(articles, view.colors)),
    "articles_per_outlet",
)
show_chart(
    filtered.memo("articles_over_time", lambda: charts.articles_over_time(articles, view.colors)),
    "articles_over_time",
)
undated = int((~charts.dated(articles["published"])).sum())
if undated:
    st.caption(f"{undated} article(s) without a known publication date are not on this chart.")

st.subheader("Load report: warnings and skipped files")
report = view.tables["load_report"]
problems = report[report["status"] != "loaded"].reset_index(drop=True)
skipped = int((report["status"] == "skipped").sum())
st.caption(
    f"{len(report)} file(s) or rows read: {len(report) - skipped} loaded, {skipped} skipped. "
    "Filters do not apply here: this is about files, not articles."
)
show_table(
    problems,
    "load_report_warnings_and_skipped.csv",
    "load_report",
    empty_message="Every file loaded cleanly.",
    column_config={"reason": st.column_config.TextColumn(width="large")},
)
