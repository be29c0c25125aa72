"""Compare: two or more articles side by side, layers highlighted, shared claims lined up."""

from __future__ import annotations

import streamlit as st

from dashboard import compare
from dashboard.highlight import LAYERS, article_spans, escape_text, highlight_html, legend_html
from dashboard.ui import current_view, show_table

MAX_ARTICLES = 4

view = current_view()
st.title("Compare articles side by side")
articles = view.filtered.memo(
    "compare_articles",
    lambda: view.filtered.select("articles", ["article_id", "outlet", "published", "language"]),
)
labels = view.filtered.memo("compare_labels", lambda: compare.article_labels(articles))
if len(labels) < 2:
    st.info("At least two articles must match the filters to compare them; widen the filters.")
    st.stop()

chosen = st.multiselect(
    "Articles to compare",
    list(labels),
    default=list(labels)[:2],
    format_func=labels.get,
    max_selections=MAX_ARTICLES,
    key="compare_articles",
)
layer_names = {
    "figure": "Figures",
    "escalation": "Escalation hits",
    "quote": "Quotes",
    "furniture": "Page furniture",
}
toggles = st.columns(len(layer_names))
shown = [
    layer
    for column, (layer, name) in zip(toggles, layer_names.items(), strict=True)
    if column.toggle(name, value=True, key=f"compare_layer_{layer}")
]
if len(chosen) < 2:
    st.info("Choose at least two articles.")
    st.stop()

st.markdown(
    "Legend: " + legend_html(layer for layer in LAYERS if layer in shown), unsafe_allow_html=True
)
st.caption(
    "Hover a highlight to see what it is (figure kind and claimant, category and voice, speaker)."
)
tables = view.filtered.memo(
    ("compare", tuple(chosen)),
    lambda: {  # the filtered rows of the chosen articles only
        name: view.filtered.of_articles(name, chosen)
        for name in ("articles", "figures", "escalation_hits", "quotes", "sentences")
        if name in view.filtered
    },
)
for column, article_id in zip(st.columns(len(chosen)), chosen, strict=True):
    row = tables["articles"][tables["articles"]["article_id"] == article_id].iloc[0]
    with column:
        st.markdown(
            f"<b>{escape_text(row['title'] or '(no headline found in the file)')}</b>",
            unsafe_allow_html=True,
        )
        st.caption(f"{labels[article_id]} · {int(row['words']):,} words analysed")
        with st.container(height=600):
            html = highlight_html(
                view.texts.get(article_id, ""),
                article_spans(article_id, tables),
                shown,
                language=str(row["language"] or ""),
            )
            st.markdown(html, unsafe_allow_html=True)

picked = {aid: labels[aid] for aid in chosen}
st.subheader("Figures in these articles")
st.caption(
    "One row per figure; '—' marks an article that does not give it. Shared figures come first."
)
if "figures" in tables:
    show_table(
        compare.figure_matrix(tables["figures"], picked),
        "compare_figures.csv",
        "compare_figures",
    )
else:
    st.info("Not available yet: the figures analysis did not run for this corpus.")

st.subheader("Shared quotes and sentences")
st.caption(
    f"Passages whose words overlap by at least {compare.SIMILARITY:.0%} (token-set Jaccard) in two or "
    "more of these articles: wire copy, the same quote. '—' marks an article that leaves it out."
)
show_table(
    compare.shared_passages(tables["sentences"], tables.get("quotes"), picked),
    "compare_shared_passages.csv",
    "compare_shared",
    empty_message="These articles share no quote or sentence.",
)
