"""The coverage analysis: pure Python + pandas, one package per question (docs/architecture.md).

`analysis.tone_toward` and `analysis.tone_many` (tone toward a target, learned from NewsMTSC) are
read from analysis.stance.model only when first asked for, so importing `analysis` stays cheap (the
process pool imports it in every worker).
"""

from __future__ import annotations

_LAZY = {"tone_toward", "tone_many"}


def __getattr__(name: str):
    if name in _LAZY:
        from analysis.stance import model

        return getattr(model, name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
