"""Escalation charts: rates per outlet and category, top terms, keyword in context."""

from __future__ import annotations

import html

import pandas as pd

from analysis.charts.common import (
    CIVIDIS,
    NO_DATA,
    UNKNOWN_GREY,
    Chart,
    _axis,
    _empty_chart,
    _grouped_bars,
    _in_ids,
    empty_figure,
    stacked_panels,
    titled,
)
from analysis.filters.state import VOICES, as_bool


def _voice_hits(rates: pd.DataFrame, voices: tuple[str, ...]) -> pd.Series:
    """Hits counted for the chosen voices: narrator, quoted speech (all minus narrator), or both."""
    hits = pd.to_numeric(rates["hits"], errors="coerce").fillna(0)
    narrator = pd.to_numeric(rates["hits_narrator"], errors="coerce").fillna(0)
    if set(voices) >= set(VOICES):
        return hits
    if "narrator" in voices:
        return narrator
    if "quoted" in voices:
        return hits - narrator
    return hits * 0


def voice_label(voices: tuple[str, ...]) -> str:
    """How the chosen voices read in a chart title."""
    if set(voices) >= set(VOICES):
        return "narrator and quoted speech"
    return " and ".join(voices) + " only" if voices else "no voice selected"


def escalation_rates(
    rates: pd.DataFrame,
    articles: pd.DataFrame,
    categories: tuple[str, ...],
    voices: tuple[str, ...],
) -> pd.DataFrame:
    """Outlet × category escalation rates for the filtered articles: hits, words and hits per 1,000 words.

    Summed from the article-level rows of the escalation_rates table, so a date or outlet filter
    changes the numbers; every selected category appears for every outlet (zero when no hit).
    """
    columns = ["outlet", "category", "hits", "words", "per_1000_words"]
    if articles.empty or not categories or not voices:
        return pd.DataFrame(columns=columns)
    words = (
        articles.assign(words=pd.to_numeric(articles["words"], errors="coerce").fillna(0))
        .groupby("outlet")["words"]
        .sum()
    )
    grid = pd.MultiIndex.from_product(
        [sorted(words.index), categories], names=["outlet", "category"]
    )
    article_rows = rates[rates["level"] == "article"] if not rates.empty else rates
    hits = (
        article_rows.assign(counted=_voice_hits(article_rows, voices))
        .groupby(["outlet", "category"])["counted"]
        .sum()
        if not article_rows.empty
        else pd.Series(dtype=float)
    )
    data = pd.DataFrame(index=grid).reset_index()
    data["hits"] = [
        int(hits.get((o, c), 0)) for o, c in zip(data["outlet"], data["category"], strict=True)
    ]
    data["words"] = data["outlet"].map(words).astype(int)
    data["per_1000_words"] = (1000 * data["hits"] / data["words"].where(data["words"] > 0)).round(2)
    return data[columns]


def escalation_heatmap(data: pd.DataFrame, voices: tuple[str, ...]) -> Chart:
    """Heatmap of hits per 1,000 words, outlet × category."""
    name = "escalation_rates_per_1000_words.csv"
    if data.empty:
        return Chart(empty_figure(NO_DATA), data, name)
    grid = data.pivot(index="outlet", columns="category", values="per_1000_words")
    hits = data.pivot(index="outlet", columns="category", values="hits").loc[
        grid.index, grid.columns
    ]
    words = data.groupby("outlet")["words"].first().loc[grid.index]
    heatmap = {
        "type": "heatmap",
        "z": grid.astype(float).where(grid.notna(), None).values.tolist(),
        "x": list(grid.columns),
        "y": list(grid.index),
        "colorscale": CIVIDIS,
        "text": grid.map(lambda v: "" if pd.isna(v) else f"{v:.1f}").values.tolist(),
        "texttemplate": "%{text}",
        "customdata": [
            [[int(h), int(w)] for h in row]
            for row, w in zip(hits.values, words.values, strict=True)
        ],
        "hovertemplate": "%{y} · %{x}<br>%{z:.2f} hits per 1,000 words"
        "<br>(%{customdata[0]} hits in %{customdata[1]:,} words)<extra></extra>",
        "colorbar": {"title": {"text": "hits per<br>1,000 words"}},
    }
    layout = {"xaxis": _axis("escalation category"), "yaxis": _axis("", autorange="reversed")}
    title = f"Escalation language, hits per 1,000 words ({voice_label(voices)})"
    height = 230 + 45 * len(grid.index)
    return Chart(titled([heatmap], layout, title, height, legend=None), data, name)


def escalation_bars(data: pd.DataFrame, voices: tuple[str, ...], colors: dict[str, str]) -> Chart:
    """Grouped bars of hits per 1,000 words by category, one colour per outlet."""
    name = "escalation_rates_per_1000_words.csv"
    if data.empty:
        return Chart(empty_figure(NO_DATA), data, name)
    traces = _grouped_bars(
        data[["outlet", "category", "per_1000_words", "hits", "words"]],
        "category",
        "per_1000_words",
        colors,
        "%{x}: %{y:.2f} per 1,000 words<br>(%{customdata[0]} hits in %{customdata[1]:,} words)",
    )
    layout = {
        "barmode": "group",
        "xaxis": _axis("escalation category"),
        "yaxis": _axis(f"hits per 1,000 words ({voice_label(voices)})"),
    }
    return Chart(titled(traces, layout, "Escalation rate by category and outlet"), data, name)


def top_terms(hits: pd.DataFrame, colors: dict[str, str], per_outlet: int = 8) -> Chart:
    """The most frequent escalation terms of each outlet among the filtered hits, a panel per outlet."""
    columns = ["outlet", "term", "category", "hits", "rank"]
    name = "top_escalation_terms_per_outlet.csv"
    if hits.empty:
        return _empty_chart(columns, NO_DATA, name)
    counts = (
        hits.groupby(["outlet", "term", "category"], as_index=False)
        .agg(hits=("matched", "count"))
        .sort_values(["outlet", "hits", "term"], ascending=[True, False, True])
    )
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    data = counts[counts["rank"] <= per_outlet].reset_index(drop=True)[columns]
    outlets = sorted(data["outlet"].unique())
    bars = [int((data["outlet"] == o).sum()) for o in outlets]
    gap = 70  # pixels between panels, room for the panel title
    height = 90 + sum(28 * n for n in bars) + gap * len(outlets)
    layout, panels = stacked_panels(bars, gap / height)
    traces, annotations = [], []
    for (xref, yref), outlet in zip(panels, outlets, strict=True):
        rows = data[data["outlet"] == outlet]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": outlet,
                "y": rows["term"].tolist(),
                "x": rows["hits"].tolist(),
                "marker": {"color": colors.get(outlet, UNKNOWN_GREY)},
                "customdata": rows["category"].tolist(),
                "hovertemplate": "%{y} (%{customdata}): %{x} hit(s)<extra></extra>",
                "xaxis": xref,
                "yaxis": yref,
            }
        )
        axis = layout["yaxis" + yref[1:]]
        axis |= {"autorange": "reversed", "automargin": True, "type": "category"}
        layout["xaxis" + xref[1:]]["showticklabels"] = True  # each panel is read on its own
        annotations.append(
            {
                "text": f"<b>{html.escape(outlet)}</b>",
                "x": 0,
                "xref": "paper",
                "y": axis["domain"][1],
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "showarrow": False,
            }
        )
    layout["xaxis" + panels[-1][0][1:]] |= _axis("hits")
    layout["annotations"] = annotations
    title = "Most frequent escalation terms per outlet (hits)"
    return Chart(titled(traces, layout, title, height, legend=None), data, name)


def keyword_in_context(hits: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per escalation hit: left context, matched term, right context, outlet, voice, negated."""
    columns = ["outlet", "left", "matched", "right", "category", "term", "voice", "speaker"]
    columns += ["negated", "sentence_id"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    wanted = _in_ids(sentences["sentence_id"], set(hits["sentence_id"].tolist()))
    starts = dict(
        zip(
            sentences.loc[wanted, "sentence_id"].tolist(),
            sentences.loc[wanted, "char_start"].tolist(),
            strict=True,
        )
    )
    lefts, rights = [], []
    for sentence, matched, char_start, sentence_id in zip(
        hits["sentence"].astype(str).tolist(),
        hits["matched"].astype(str).tolist(),
        hits["char_start"].tolist(),
        hits["sentence_id"].tolist(),
        strict=True,
    ):
        offset = int(char_start) - int(starts.get(sentence_id, -1))
        if offset < 0 or sentence[offset : offset + len(matched)] != matched:
            offset = max(sentence.find(matched), 0)
        lefts.append(sentence[:offset])
        rights.append(sentence[offset + len(matched) :])
    kwic = hits.assign(left=lefts, right=rights, negated=as_bool(hits["negated"]))
    return kwic[columns].reset_index(drop=True)
