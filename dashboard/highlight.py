"""Article text as safe HTML with the analysis layers marked (figures, escalation hits, quotes).

Every piece of article text is passed through `html.escape` first; only then are the escaped pieces
wrapped in our own <mark> tags. Nothing from an article or an upload can become markup, so the result
is the only HTML the dashboard hands to `st.markdown(..., unsafe_allow_html=True)`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd

from analysis.filters.state import as_bool

# Outer to inner: a figure inside a quote is drawn inside the quote's mark. Colours are light
# tints of the Okabe-Ito palette, each layer also distinct without colour (italic, bold, underline).
LAYERS: dict[str, tuple[str, str]] = {
    "furniture": ("page furniture (not analysed)", "color:#8a8a8a;background:none;"),
    "quote": ("quoted / reported speech", "background:#d6eaf8;font-style:italic;"),
    "escalation": ("escalation term", "background:#f9d3b4;font-weight:600;"),
    "figure": ("numeric figure", "background:#bfe5d3;font-weight:700;text-decoration:underline;"),
}


@dataclass(frozen=True)
class Span:
    """A marked stretch [start, end) of an article's raw text and the hover label that explains it."""

    start: int
    end: int
    layer: str
    label: str


def _mark(layer: str, label: str, inner: str) -> str:
    style = LAYERS[layer][1]
    title = html.escape(label, quote=True)
    return f'<mark class="hl-{layer}" style="{style}padding:0 1px;" title="{title}">{inner}</mark>'


def escape_text(text: str) -> str:
    """Article text as HTML text: escaped, line breaks kept, '$' defused so it never turns into math."""
    return html.escape(text, quote=True).replace("$", "&#36;").replace("\n", "<br>")


def highlight_html(
    raw_text: str, spans: Iterable[Span], layers: Iterable[str], language: str = ""
) -> str:
    """The escaped article text with the spans of the enabled `layers` wrapped in <mark> tags.

    `language` (ISO 639-1) becomes the block's `lang`, so the browser picks the script's fonts
    (Hangul, Cyrillic); each paragraph takes its own direction, so Arabic or Hebrew reads right to left.
    """
    enabled = set(layers)
    length = len(raw_text)
    active = [
        Span(max(s.start, 0), min(s.end, length), s.layer, s.label)
        for s in spans
        if s.layer in enabled and s.layer in LAYERS and min(s.end, length) > max(s.start, 0)
    ]
    cuts = sorted({0, length, *(s.start for s in active), *(s.end for s in active)})
    starting: dict[int, list[tuple[int, Span]]] = {}
    for order, span in enumerate(active):
        starting.setdefault(span.start, []).append((order, span))
    pieces = []
    covering: list[tuple[int, Span]] = []  # a sweep: spans open over the piece, in `active` order
    for start, end in pairwise(cuts):
        covering = sorted([(o, s) for o, s in covering if s.end > start] + starting.get(start, []))
        inner = escape_text(raw_text[start:end])
        for layer in reversed(LAYERS):
            on_layer = [s for _, s in covering if s.layer == layer]
            if on_layer:
                innermost = min(on_layer, key=lambda s: s.end - s.start)
                inner = _mark(layer, innermost.label, inner)
        pieces.append(inner)
    lang = html.escape(language, quote=True)
    return (
        f'<div class="article-text" lang="{lang}" dir="auto" '
        'style="line-height:1.6;unicode-bidi:plaintext;">' + "".join(pieces) + "</div>"
    )


def legend_html(layers: Iterable[str]) -> str:
    """A one-line legend of the enabled layers, drawn with the same marks as the text."""
    return " ".join(_mark(layer, LAYERS[layer][0], LAYERS[layer][0]) for layer in layers)


def _rows(frame: pd.DataFrame | None, article_id: str) -> pd.DataFrame:
    if frame is None or frame.empty:
        return pd.DataFrame()
    return frame[frame["article_id"].astype(str) == article_id]


def article_spans(article_id: str, tables: dict[str, pd.DataFrame]) -> list[Span]:
    """The spans of one article from the (filtered) figures, escalation, quotes and sentences tables."""
    spans = []
    for row in _rows(tables.get("figures"), article_id).itertuples(index=False):
        claimant = row.claimant or "the outlet"
        label = f"figure · {row.kind}: {row.value_text} {row.subject} — claimed by {claimant} ({row.modality})"
        spans.append(Span(int(row.char_start), int(row.char_end), "figure", label))
    hits = _rows(tables.get("escalation_hits"), article_id)
    if not hits.empty:
        hits = hits.assign(negated=as_bool(hits["negated"]))
    for row in hits.itertuples(index=False):
        voice = f"quoted ({row.speaker})" if row.voice == "quoted" and row.speaker else row.voice
        label = f"escalation · {row.category}: {row.term} — {voice}" + (
            " — negated" if row.negated else ""
        )
        spans.append(Span(int(row.char_start), int(row.char_end), "escalation", label))
    for row in _rows(tables.get("quotes"), article_id).itertuples(index=False):
        who = row.speaker or "unknown speaker"
        camp = f", {row.camp}" if row.camp else ""
        label = f"{row.kind} quote · {who}{camp} ({row.cue})"
        spans.append(Span(int(row.char_start), int(row.char_end), "quote", label))
    sentences = _rows(tables.get("sentences"), article_id)
    if not sentences.empty:
        for row in sentences[as_bool(sentences["is_boilerplate"])].itertuples(index=False):
            spans.append(
                Span(
                    int(row.char_start),
                    int(row.char_end),
                    "furniture",
                    "page furniture: not analysed",
                )
            )
    return spans
