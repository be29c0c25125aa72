"""The shareable report: one self-contained HTML file (charts embedded, no request to any
server) with the corpus, each outlet's summary and evidence, the key charts, the checks made and
the methods. Built from the filtered tables, so it shows what the dashboard shows."""

from analysis.report.build import build_report
from analysis.report.sections import CHECK_COLUMNS

__all__ = ["CHECK_COLUMNS", "build_report"]
