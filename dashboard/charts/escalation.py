"""Escalation charts: rates per outlet and category, top terms, keyword in context."""

from __future__ import annotations

import html
import re

import pandas as pd

from analysis.escalation.hits import interval_columns
from dashboard.charts.common import (
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
from dashboard.state import VOICES, as_bool


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


RATE_COLUMNS = [
    "outlet",
    "category",
    "hits",
    "words",
    "per_1000_words",
    "per_1000_words_low",
    "per_1000_words_high",
    "corpus_per_1000_words",
    "like_corpus",
]


def escalation_rates(
    rates: pd.DataFrame,
    articles: pd.DataFrame,
    categories: tuple[str, ...],
    voices: tuple[str, ...],
    register: str | None = None,
) -> pd.DataFrame:
    """Outlet × category escalation rates for the filtered articles: hits, words, hits per 1,000
    words with its exact Poisson 95 % interval, the rate of the outlets shown together, and
    `like_corpus` when that rate lies inside the interval (the cell cannot be told apart from it).

    Summed from the article-level rows of the escalation_rates table, so a date or outlet filter
    changes the numbers; every selected category appears for every outlet (zero when no hit).
    `register`: the rows of that register ('all', 'evaluative', 'descriptive'); None takes the
    table as given, or its 'all' rows when it holds several registers.
    """
    columns = RATE_COLUMNS
    if "register" in rates.columns and not rates.empty:
        if register is not None:
            rates = rates[rates["register"] == register]
        elif rates["register"].nunique() > 1:
            rates = rates[rates["register"] == "all"]
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
    sums = data.groupby("category")[["hits", "words"]].transform("sum")
    corpus = (1000 * sums["hits"] / sums["words"].where(sums["words"] > 0)).fillna(0.0)
    data = data.join(interval_columns(data["hits"], data["words"], corpus))
    for column in ("per_1000_words_low", "per_1000_words_high", "corpus_per_1000_words"):
        data[column] = data[column].round(2)
    return data[columns]


LIKE_CORPUS_MARK = "≈"  # before the value of a cell whose count cannot be told from the corpus


def escalation_heatmap(data: pd.DataFrame, voices: tuple[str, ...], register: str = "") -> Chart:
    """Heatmap of hits per 1,000 words, outlet × category; the hover gives the 95 % interval and a
    cell whose interval holds the corpus rate is marked (≈ before its value, hatched), not hidden."""
    name = "escalation_rates_per_1000_words.csv"
    if data.empty:
        return Chart(empty_figure(NO_DATA), data, name)
    grid = data.pivot(index="outlet", columns="category", values="per_1000_words")

    def aligned(column: str) -> pd.DataFrame:
        return data.pivot(index="outlet", columns="category", values=column).loc[
            grid.index, grid.columns
        ]

    hits, low, high = aligned("hits"), aligned("per_1000_words_low"), aligned("per_1000_words_high")
    corpus = aligned("corpus_per_1000_words")
    like = aligned("like_corpus").astype(bool)
    words = data.groupby("outlet")["words"].first().loc[grid.index]
    text = [
        [
            "" if pd.isna(v) else (f"{LIKE_CORPUS_MARK}{v:.1f}" if same else f"{v:.1f}")
            for v, same in zip(values, flags, strict=True)
        ]
        for values, flags in zip(grid.values, like.values, strict=True)
    ]
    verdict = {
        True: "cannot be told apart from the corpus rate",
        False: "differs from the corpus rate",
    }
    customdata = [
        [
            [int(h), int(w), float(lo), float(hi), float(c), verdict[bool(same)]]
            for h, lo, hi, c, same in zip(hs, los, his, cs, sames, strict=True)
        ]
        for hs, los, his, cs, sames, w in zip(
            hits.values,
            low.values,
            high.values,
            corpus.values,
            like.values,
            words.values,
            strict=True,
        )
    ]
    heatmap = {
        "type": "heatmap",
        "z": grid.astype(float).where(grid.notna(), None).values.tolist(),
        "x": list(grid.columns),
        "y": list(grid.index),
        "colorscale": CIVIDIS,
        "text": text,
        "texttemplate": "%{text}",
        "customdata": customdata,
        "hovertemplate": "%{y} · %{x}<br>%{z:.2f} hits per 1,000 words"
        "<br>95 % interval %{customdata[2]:.1f} – %{customdata[3]:.1f}"
        "<br>(%{customdata[0]} hits in %{customdata[1]:,} words)"
        "<br>corpus rate %{customdata[4]:.2f}: %{customdata[5]}<extra></extra>",
        "colorbar": {"title": {"text": "hits per<br>1,000 words"}},
    }
    # Hatching over the marked cells: a transparent scatter of 'x' markers at their centres.
    marked = [(x, y) for y, row in zip(grid.index, like.values, strict=True)
              for x, same in zip(grid.columns, row, strict=True) if same]  # fmt: skip
    traces = [heatmap]
    if marked:
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [x for x, _ in marked],
                "y": [y for _, y in marked],
                "marker": {
                    "symbol": "square-open",
                    "size": 34,
                    "color": "rgba(255,255,255,0.55)",
                    "line": {"width": 1},
                },
                "name": "cannot be told apart from the corpus rate",
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    layout = {"xaxis": _axis("escalation category"), "yaxis": _axis("", autorange="reversed")}
    terms = f"{register} terms, " if register else ""
    title = (
        f"Escalation language, hits per 1,000 words ({terms}{voice_label(voices)}); "
        f"{LIKE_CORPUS_MARK} = within the 95 % interval of the corpus rate"
    )
    height = 230 + 45 * len(grid.index)
    return Chart(titled(traces, layout, title, height, legend=None), data, name)


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


KEYNESS_COLUMNS = [
    "outlet",
    "language",
    "kind",
    "term",
    "category",
    "register",
    "hits",
    "hits_rest",
    "words",
    "words_rest",
    "expected",
    "log_ratio",
    "g2",
    "p_value",
    "direction",
]


def keyness_chart(keyness: pd.DataFrame, outlet: str, kind: str, most: int = 15) -> Chart:
    """The terms (kind 'lexicon') or content words (kind 'word') that set `outlet` apart from the
    rest of the corpus in its language: log ratio bars, the `most` strongest G² each way."""
    name = f"keyness_{kind}.csv"
    rows = keyness[(keyness["outlet"] == outlet) & (keyness["kind"] == kind)]
    if kind == "lexicon":
        rows = rows[rows["p_value"] < 0.05]  # the lexicon rows hold every term: keep differences
    rows = rows[rows["direction"] != "same"]
    if rows.empty:
        message = "No term used notably more or less than by the rest of the corpus (p < 0.05)."
        return _empty_chart(KEYNESS_COLUMNS, message, name)
    rows = (
        rows.sort_values("g2", ascending=False, kind="stable")
        .groupby("direction", sort=False)
        .head(most)
        .sort_values("log_ratio", kind="stable")
    )
    data = rows[KEYNESS_COLUMNS].reset_index(drop=True)
    label = data["term"] + (" (" + data["language"] + ")").where(data["language"] != "en", "")
    bar = {
        "type": "bar",
        "orientation": "h",
        "y": label.tolist(),
        "x": data["log_ratio"].round(2).tolist(),
        "marker": {"color": ["#D55E00" if d == "more" else "#0072B2" for d in data["direction"]]},
        "customdata": data[["hits", "expected", "g2", "p_value", "register"]]
        .assign(expected=data["expected"].round(1), g2=data["g2"].round(1))
        .values.tolist(),
        "hovertemplate": "%{y}: log ratio %{x}<br>%{customdata[0]} uses, %{customdata[1]} "
        "expected<br>G² %{customdata[2]}, p = %{customdata[3]:.2g}"
        "<br>%{customdata[4]}<extra></extra>",
    }
    what = "lexicon terms" if kind == "lexicon" else "content words"
    layout = {
        "xaxis": _axis("log2 of its rate over the rest of the corpus (+1 = twice as often)"),
        "yaxis": _axis("", automargin=True, type="category"),
    }
    title = f"{what.capitalize()} {outlet} uses more (orange) or less (blue) than the rest"
    height = 160 + 24 * len(data)
    return Chart(titled([bar], layout, title, height, legend=None), data, name)


def word_in_context(sentences: pd.DataFrame, word: str, limit: int = 200) -> pd.DataFrame:
    """The sentences holding `word` as a whole word (any case), with the word split out as in a
    keyword-in-context table."""
    columns = ["left", "matched", "right", "sentence_id"]
    if sentences.empty or not word:
        return pd.DataFrame(columns=columns)
    pattern = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", re.IGNORECASE)
    rows = []
    for text, sentence_id in zip(
        sentences["text"].astype(str), sentences["sentence_id"], strict=True
    ):
        found = pattern.search(text)
        if found:
            rows.append((text[: found.start()], found.group(), text[found.end() :], sentence_id))
            if len(rows) >= limit:
                break
    return pd.DataFrame(rows, columns=columns)
