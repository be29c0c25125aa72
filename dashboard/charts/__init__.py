"""Chart builders: analysis tables in, a `Chart` (plotly figure + the exact rows behind it) out.

Pure functions without Streamlit, so they are tested directly. Every outlet keeps one colour on every
page (Okabe-Ito, colour-blind safe, assigned over the sorted outlet list of the whole corpus); titles
say what is counted and on which base; hover text carries the evidence sentence; a figure range is
drawn as an interval from its low to its high end. No data gives an explicit empty-state figure.
"""

from dashboard.charts.common import (
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
from dashboard.charts.escalation import (
    escalation_bars,
    escalation_heatmap,
    escalation_rates,
    keyness_chart,
    keyword_in_context,
    top_terms,
    voice_label,
    word_in_context,
)
from dashboard.charts.figures import (
    TIMELINE_FIRSTS,
    TIMELINE_KEYS,
    claims_timeline,
    figures_by_kind,
    numeric_claims,
    timeline_points,
)
from dashboard.charts.overview import articles_over_time, articles_per_outlet, outlet_places
from dashboard.charts.stance import camp_colors, framing_by_outlet, tone_heatmap, voice_balance

__all__ = [
    "CIVIDIS",
    "Chart",
    "FRAMING_ORDER",
    "MAX_INTERVALS",
    "NO_DATA",
    "OKABE_ITO",
    "PURPLE_ORANGE",
    "TIMELINE_FIRSTS",
    "TIMELINE_KEYS",
    "TEMPLATE",
    "UNKNOWN_GREY",
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
    "word_in_context",
]
