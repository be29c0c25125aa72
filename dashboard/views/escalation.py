"""Escalation: rates per 1,000 words by outlet and category (evaluative terms by default, with
intervals), top terms, what sets each outlet apart (keyness), every hit in context."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.ui import MAX_TABLE_ROWS, available, current_view, show_chart, show_table

RATE_COLUMNS = ["level", "outlet", "category", "hits", "hits_narrator", "register"]
HIT_COLUMNS = ["outlet", "term", "category", "matched"]
REGISTER_WORDS = {
    "evaluative": "evaluative terms (words that characterise the events: brutal, aggression, "
    "provocation)",
    "descriptive": "descriptive terms (words that name the events: strike, missile, troops)",
    "both": "every term, evaluative and descriptive",
}


def keyness_section() -> None:
    """Per outlet: the lexicon terms and content words it uses more or less than the rest of the
    corpus (in its language), and the sentences of a chosen term."""
    keyness = view.filtered["keyness"]
    st.subheader("What sets each outlet apart (keyness)")
    st.caption(
        "Each outlet against the rest of the corpus in the same language: log-likelihood G² with "
        "its p-value, log ratio (+1 = twice as often). A high keyness is a difference in wording, "
        "not proof of bias; many terms are tested, so some small p-values come by chance."
    )
    outlets = list(dict.fromkeys(keyness["outlet"].astype(str)))
    if not outlets:
        st.info("No outlet to compare: keyness needs at least two outlets writing in a language.")
        return
    outlet = st.selectbox("Outlet", outlets, key="keyness_outlet")
    lexicon_tab, words_tab = st.tabs(["Lexicon terms", "Content words"])
    charts_by_kind = {}
    for tab, kind in ((lexicon_tab, "lexicon"), (words_tab, "word")):
        with tab:
            chart = view.filtered.memo(
                ("keyness", outlet, kind), lambda k=kind: charts.keyness_chart(keyness, outlet, k)
            )
            charts_by_kind[kind] = chart
            show_chart(chart, f"keyness_{kind}")
    choices = [
        (kind, term)
        for kind in ("lexicon", "word")
        for term in charts_by_kind[kind].data.get("term", pd.Series(dtype=str)).iloc[::-1]
    ]
    if not choices:
        return
    chosen_term = st.selectbox(
        "Show the sentences of",
        choices,
        format_func=lambda choice: (
            f"{choice[1]} ({'lexicon term' if choice[0] == 'lexicon' else 'word'})"
        ),
        key="keyness_term",
    )
    kind, term = chosen_term
    if kind == "lexicon":
        hits = view.filtered["escalation_hits"]
        hits = hits[(hits["outlet"] == outlet) & (hits["term"] == term)]
        sentences = view.filtered.of_articles("sentences", hits["article_id"].unique())
        context = charts.keyword_in_context(hits, sentences)
    else:
        articles = view.filtered.select("articles", ["article_id", "outlet"])
        ids = articles.loc[articles["outlet"] == outlet, "article_id"].unique()
        context = charts.word_in_context(view.filtered.of_articles("sentences", ids), term)
    show_table(
        context,
        "keyness_term_in_context.csv",
        "keyness_context",
        empty_message="No sentence of this outlet holds it under the current filters.",
        column_config={
            "left": st.column_config.TextColumn(width="large"),
            "right": st.column_config.TextColumn(width="large"),
        },
    )


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
        f"Counting {REGISTER_WORDS[chosen.register]} (**Escalation terms** in the sidebar) in "
        f"{charts.voice_label(chosen.voices)} (**Voice**). Rates count non-negated hits in "
        "analysed sentences; the base is the words analysed in the articles that match the "
        "filters. Hover a cell for its 95 % interval; ≈ marks a cell whose interval holds the "
        "rate of all outlets shown: its count cannot be told apart from that rate."
    )
    columns = [c for c in RATE_COLUMNS if c in view.tables["escalation_rates"].columns]
    rates = filtered.memo(
        "escalation_rates",
        lambda: charts.escalation_rates(
            filtered.select("escalation_rates", columns),
            filtered.select("articles", ["outlet", "words"]),
            chosen.categories,
            chosen.voices,
            chosen.rate_register if "register" in columns else None,
        ),
    )
    heatmap, bars = st.tabs(["Heatmap", "Bars"])
    with heatmap:
        show_chart(
            filtered.memo(
                "heatmap",
                lambda: charts.escalation_heatmap(rates, chosen.voices, chosen.register),
            ),
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

    if "keyness" in view.tables:
        keyness_section()

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
