"""The report's HTML page: the frame (viewport, inline style, the Plotly library inlined once),
charts embedded as JSON, and escaped tables. No request to any server: no CDN, no web font, no
remote image; the page works from a file opened offline, on a phone, and printed to PDF.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import pandas as pd
from plotly.offline import get_plotlyjs

from analysis.charts import Chart

PRINT_WIDTH = 680  # px: an A4 or Letter page's text width, what charts are drawn at when printing
STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  margin: 0; color: #1f1f1f; line-height: 1.5; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ddd; margin-top: 2.2rem; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
.lead, .note, .cite { color: #555; }
.note, .cite { font-size: .88rem; }
.chart { margin: 1.2rem 0; break-inside: avoid; page-break-inside: avoid; }
.plot { width: 100%; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .88rem; width: 100%; }
th, td { border-bottom: 1px solid #e6e6e6; padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
th { background: #f5f5f5; }
.summary { border-left: 5px solid #999; padding: .1rem 0 .1rem .9rem; margin: 1.2rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.evidence { padding-left: 1.2rem; }
.evidence li { margin-bottom: .3rem; }
@media (max-width: 640px) {
  main { padding: .6rem .7rem 2rem; }
  h1 { font-size: 1.35rem; }
  table { font-size: .8rem; }
}
@media print {
  nav { display: none; }
  main { max-width: none; padding: 0; }
  h2 { break-before: page; page-break-before: always; break-after: avoid; }
  section:first-of-type h2 { break-before: auto; page-break-before: auto; }
  h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""
# Draws every chart from its JSON (never executed as code) and redraws the charts at the page's
# width while printing.
DRAW = f"""
var plots = Array.prototype.slice.call(document.querySelectorAll(".plot"));
plots.forEach(function (div) {{
  var figure = JSON.parse(document.getElementById(div.id + "-data").textContent);
  Plotly.newPlot(div, figure.data, figure.layout,
    {{responsive: true, displaylogo: false, showTips: false}});
}});
window.addEventListener("beforeprint", function () {{
  plots.forEach(function (div) {{ Plotly.relayout(div, {{width: {PRINT_WIDTH}}}); }});
}});
window.addEventListener("afterprint", function () {{
  plots.forEach(function (div) {{ delete div.layout.width; Plotly.Plots.resize(div); }});
}});
"""


def escape(value: object) -> str:
    """Any value as HTML text (article text is untrusted: escaped wherever it is shown)."""
    return html.escape("" if value is None or value is pd.NA else str(value))


def script_json(text: str) -> str:
    """JSON made safe inside a <script> element: no '<', '>' or '&' left, so neither '</script>'
    nor '<!--' in an article's text can end or change the element."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def chart(figure: Chart, name: str) -> str:
    """A chart as a div drawn from its figure's JSON (plotly's own encoder: dates, numpy)."""
    payload = script_json(figure.figure.to_json())
    return (
        f'<div class="chart"><div class="plot" id="{name}"></div>'
        f'<script type="application/json" id="{name}-data">{payload}</script></div>'
    )


def table(frame: pd.DataFrame, columns: Sequence[str], limit: int, what: str) -> str:
    """The first `limit` rows of these columns as an escaped HTML table, with a note of the rest."""
    shown = frame.head(limit)
    head = "".join(f"<th>{escape(column)}</th>" for column in columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(value)}</td>" for value in row) + "</tr>"
        for row in shown[list(columns)].itertuples(index=False)
    )
    rest = len(frame) - len(shown)
    more = f'<p class="note">… and {rest:,} more {what} (in the CSV export).</p>' if rest else ""
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody>'
        f"</table></div>{more}"
    )


def document(title: str, contents: Iterable[tuple[str, str, str]], lead: str) -> str:
    """The whole page: `contents` are (anchor, heading, HTML body) sections, listed in a table of
    contents; `title` and `lead` are escaped here."""
    sections = list(contents)
    toc = "".join(
        f'<li><a href="#{anchor}">{escape(head)}</a></li>' for anchor, head, _ in sections
    )
    body = "".join(
        f'<section id="{anchor}"><h2>{escape(head)}</h2>{html_body}</section>'
        for anchor, head, html_body in sections
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head>'
        f'<body><main><h1>{escape(title)}</h1><p class="lead">{escape(lead)}</p>'
        f"<nav><ul>{toc}</ul></nav>{body}</main><script>{DRAW}</script></body></html>\n"
    )
