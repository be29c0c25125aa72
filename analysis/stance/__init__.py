"""How each outlet stands: tone toward each actor (tone.py, over the VADER port in vader.py; the
tone model learned from NewsMTSC in model.py and model_features.py, `analysis.tone_toward`), how
each article frames the core claim (framing.py), the corpus's main claim when no story file names
one (main_claim.py), and the per-outlet reduce with its summaries (reduce.py).
"""

from analysis.stance.reduce import (
    SUMMARY_EVIDENCE,
    SUMMARY_FRAMINGS,
    camp_voices,
    quote_rows,
    stance_tables,
    summaries_table,
    tables,
    with_camps,
)

__all__ = [
    "SUMMARY_EVIDENCE",
    "SUMMARY_FRAMINGS",
    "camp_voices",
    "quote_rows",
    "stance_tables",
    "summaries_table",
    "tables",
    "with_camps",
]
