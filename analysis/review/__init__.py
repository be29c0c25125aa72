"""Checking and correcting the analysis: samples to mark, the precision the marks give, and
corrections applied before the corpus reduce (docs/checking.md)."""

from analysis.review.checks import (
    append_checks,
    checked,
    precision,
    present_ids,
    read_checks,
    review_folder,
    wilson,
)
from analysis.review.corrections import (
    Corrections,
    append_lines,
    apply_corrections,
    parse_corrections,
    read_corrections,
)
from analysis.review.sample import draw, evidence_spans, sheet
from analysis.review.tables import REVIEWED, Known

__all__ = [
    "REVIEWED",
    "Corrections",
    "Known",
    "append_checks",
    "append_lines",
    "apply_corrections",
    "draw",
    "evidence_spans",
    "parse_corrections",
    "checked",
    "precision",
    "present_ids",
    "read_checks",
    "read_corrections",
    "review_folder",
    "sheet",
    "wilson",
]
