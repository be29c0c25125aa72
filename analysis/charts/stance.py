"""Stance charts: voice balance, tone toward each actor, framing per outlet."""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from analysis.charts.common import (
    CAMP_PALETTE,
    FRAMING_ORDER,
    OKABE_ITO,
    PURPLE_ORANGE,
    UNKNOWN_GREY,
    Chart,
    _axis,
    _empty_chart,
    _in_ids,
    _outlet_axis,
    hover_text,
    titled,
)


def camp_colors(camps: Iterable[str]) -> dict[str, str]:
    """One colour per camp, the same on every page and for every filter when `camps` are all the
    corpus's camps: assigned over their sorted names from CAMP_PALETTE (20 distinct colours), the
    camps past the 20th and unattributed speech in grey."""
    named = sorted({str(c) for c in camps if c and c != "unattributed"})
    colors = {
        c: CAMP_PALETTE[i] if i < len(CAMP_PALETTE) else UNKNOWN_GREY for i, c in enumerate(named)
    }
    return colors | {"unattributed": UNKNOWN_GREY}


def voice_balance(quotes: pd.DataFrame, colors: dict[str, str] | None = None) -> Chart:
    """100 % bars: share of each outlet's quoted words spoken by each camp (`colors`: the corpus's
    camp colours, camp_colors of every camp, so a camp keeps its colour whatever is filtered)."""
    columns = ["outlet", "camp", "quoted_words", "share"]
    name = "voice_balance_quoted_words_by_camp.csv"
    if quotes.empty:
        return _empty_chart(columns, "No quotation for the current filters.", name)
    data = (
        quotes.assign(
            camp=quotes["camp"].fillna("").astype(str).replace("", "unattributed"),
            quoted_words=pd.to_numeric(quotes["words"], errors="coerce").fillna(0).astype(int),
        )
        .groupby(["outlet", "camp"], as_index=False)["quoted_words"]
        .sum()
    )
    totals = data.groupby("outlet")["quoted_words"].transform("sum")
    data["share"] = (data["quoted_words"] / totals.where(totals > 0)).round(3)
    data = data.sort_values(["outlet", "camp"]).reset_index(drop=True)[columns]
    colors = {**camp_colors(data["camp"]), **(colors or {})}
    ranked = [*sorted(set(data["camp"]) - {"unattributed"}), "unattributed"]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": camp,
            "legendrank": ranked.index(camp),
            "y": rows["outlet"].tolist(),
            "x": rows["share"].tolist(),
            "marker": {"color": colors[camp]},
            "customdata": rows["quoted_words"].tolist(),
            "hovertemplate": f"%{{y}}<br>{html.escape(camp)}: %{{x:.0%}} of quoted words"
            " (%{customdata} words)<extra></extra>",
        }
        for camp, rows in data.groupby("camp", sort=True)
    ]
    layout = {
        "barmode": "stack",
        "xaxis": _axis("share of the outlet's quoted words", tickformat=".0%", range=[0, 1]),
        "yaxis": _outlet_axis(data["outlet"]),
    }
    title = "Voice balance: who gets quoted (share of quoted words by the speaker's camp)"
    height = 200 + 32 * data["outlet"].nunique()
    return Chart(titled(traces, layout, title, height, legend="Speaker's camp"), data, name)


def _first_evidence(ids: object, sentence_text: dict[str, str]) -> str:
    for sentence_id in str(ids).split("; "):
        if sentence_id in sentence_text:
            return sentence_text[sentence_id]
    return ""


def tone_heatmap(stance: pd.DataFrame, sentences: pd.DataFrame) -> Chart:
    """Heatmap of the mean tone of sentences about each actor, per outlet; evidence on hover."""
    columns = ["outlet", "actor", "mentions", "tone_score", "tone_label", "evidence_ids"]
    name = "tone_toward_actors_by_outlet.csv"
    mentioned = pd.to_numeric(stance["mentions"], errors="coerce").fillna(0) > 0
    rows = stance[mentioned] if not stance.empty else stance
    if rows.empty:
        return _empty_chart(columns, "No actor mentioned for the current filters.", name)
    data = rows[columns].sort_values(["outlet", "actor"]).reset_index(drop=True)
    data["tone_score"] = pd.to_numeric(data["tone_score"], errors="coerce").round(3)
    first_ids = {str(ids).split("; ")[0] for ids in data["evidence_ids"]}
    evidence = sentences[_in_ids(sentences["sentence_id"], first_ids)]
    texts = dict(zip(evidence["sentence_id"].tolist(), evidence["text"].tolist(), strict=True))
    cells = {(r.outlet, r.actor): r for r in data.itertuples(index=False)}
    outlets, actors = sorted(data["outlet"].unique()), sorted(data["actor"].unique())
    z, hover, labels = [], [], []
    for outlet in outlets:
        z.append([]), hover.append([]), labels.append([])
        for actor in actors:
            cell = cells.get((outlet, actor))
            if cell is None:
                z[-1].append(None), hover[-1].append("not mentioned"), labels[-1].append("")
                continue
            if cell.tone_score != cell.tone_score:  # NaN: no sentence in a language the model reads
                z[-1].append(None), labels[-1].append("n/m")
                hover[-1].append(
                    f"<b>{html.escape(outlet)} → {html.escape(actor)}</b>: tone not measured "
                    f"({int(cell.mentions)} sentences, none in English)"
                )
                continue
            z[-1].append(float(cell.tone_score))
            labels[-1].append(f"{cell.tone_score:+.2f}")
            hover[-1].append(
                f"<b>{html.escape(outlet)} → {html.escape(actor)}</b>: "
                f"{html.escape(str(cell.tone_label))} ({cell.tone_score:+.2f}, "
                f"{int(cell.mentions)} sentences)<br>"
                f"<i>{hover_text(_first_evidence(cell.evidence_ids, texts))}</i>"
            )
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": actors,
        "y": outlets,
        "zmin": -1,
        "zmax": 1,
        "zmid": 0,
        "colorscale": PURPLE_ORANGE,
        "text": labels,
        "texttemplate": "%{text}",
        "hovertext": hover,
        "hoverinfo": "text",
        "colorbar": {"title": {"text": "tone<br>−1 … +1"}},
    }
    layout = {"xaxis": _axis("actor"), "yaxis": _axis("", autorange="reversed")}
    title = (
        "Tone toward each actor: the tone model's mean over the sentences naming it "
        "(−1 critical, +1 favourable; n/m: not measured)"
    )
    return Chart(titled([heatmap], layout, title, 200 + 50 * len(outlets), legend=None), data, name)


def framing_by_outlet(framing: pd.DataFrame) -> Chart:
    """Stacked bars: how many claims each outlet frames as confirmed, reported, alleged, denied …"""
    columns, name = ["outlet", "framing", "claims"], "claim_framing_by_outlet.csv"
    if framing.empty:
        return _empty_chart(columns, "No framed claim for the current filters.", name)
    data = (
        framing.groupby(["outlet", "framing"], as_index=False)
        .agg(claims=("claim", "count"))
        .sort_values(["outlet", "framing"])
        .reset_index(drop=True)
    )
    present = [f for f in FRAMING_ORDER if f in set(data["framing"])]
    present += sorted(set(data["framing"]) - set(present))
    traces = []
    for i, label in enumerate(present):
        rows = data[data["framing"] == label]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": label,
                "y": rows["outlet"].tolist(),
                "x": rows["claims"].tolist(),
                "marker": {"color": OKABE_ITO[i % len(OKABE_ITO)]},
                "hovertemplate": f"%{{y}}<br>{html.escape(label)}: %{{x}} claim(s)<extra></extra>",
            }
        )
    layout = {
        "barmode": "stack",
        "xaxis": _axis("claims framed (core claim and figures)"),
        "yaxis": _outlet_axis(data["outlet"]),
    }
    title = "How each outlet frames the claims (number of framed claims)"
    height = 200 + 32 * data["outlet"].nunique()
    return Chart(titled(traces, layout, title, height, legend="Framing"), data, name)
