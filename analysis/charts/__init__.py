"""Chart builders: analysis tables in, a `Chart` (plotly figure + the exact rows behind it) out.

Shared by the dashboard's pages and the report (analysis/report/), so both draw the same figures.

Pure functions without Streamlit, so they are tested directly. Every outlet keeps one colour on every
page (Okabe-Ito, colour-blind safe, assigned over the sorted outlet list of the whole corpus); titles
say what is counted and on which base; hover text carries the evidence sentence; a figure range is
drawn as an interval from its low to its high end. No data gives an explicit empty-state figure.
"""

from analysis.charts.common import (
    CIVIDIS,
    FRAMING_ORDER,
    MAX_INTERVALS,
    NO_DATA,
    OKABE_ITO,
    PURPLE_ORANGE,
    TEMPLATE,
    UNKNOWN_GREY,
    Chart,
    dated,
    empty_figure,
    figure,
    hover_text,
    outlet_colors,
    stacked_panels,
    titled,
)
from analysis.charts.escalation import (
    escalation_bars,
    escalation_heatmap,
    escalation_rates,
    keyness_chart,
    keyword_in_context,
    top_terms,
    voice_label,
    word_in_context,
)
from analysis.charts.events import FAMILIES, agentless_violence, who_acts_on_whom
from analysis.charts.figures import (
    TIMELINE_FIRSTS,
    TIMELINE_KEYS,
    claims_timeline,
    figures_by_kind,
    numeric_claims,
    timeline_points,
)
from analysis.charts.overview import articles_over_time, articles_per_outlet, outlet_places
from analysis.charts.stance import camp_colors, framing_by_outlet, tone_heatmap, voice_balance

__all__ = [
    "CIVIDIS",
    "Chart",
    "FAMILIES",
    "FRAMING_ORDER",
    "MAX_INTERVALS",
    "NO_DATA",
    "OKABE_ITO",
    "PURPLE_ORANGE",
    "TIMELINE_FIRSTS",
    "TIMELINE_KEYS",
    "TEMPLATE",
    "UNKNOWN_GREY",
    "agentless_violence",
    "articles_over_time",
    "articles_per_outlet",
    "camp_colors",
    "claims_timeline",
    "dated",
    "empty_figure",
    "escalation_bars",
    "escalation_heatmap",
    "escalation_rates",
    "figure",
    "figures_by_kind",
    "framing_by_outlet",
    "hover_text",
    "keyness_chart",
    "keyword_in_context",
    "numeric_claims",
    "outlet_colors",
    "outlet_places",
    "stacked_panels",
    "timeline_points",
    "titled",
    "tone_heatmap",
    "top_terms",
    "voice_balance",
    "voice_label",
    "who_acts_on_whom",
    "word_in_context",
]
