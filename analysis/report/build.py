"""`build_report`: one self-contained HTML file that explains a corpus's coverage with its evidence,
made from the same filtered tables the dashboard shows (the CLI's `report` command and the
dashboard's "Download report" button both call it)."""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from analysis import charts
from analysis.filters.state import FilterState, options_from_tables
from analysis.filters.tables import FilteredTables
from analysis.report import methods, sections
from analysis.report.page import document, table


def _methods() -> str:
    rows = pd.DataFrame(list(methods.MEASURES), columns=["measure", "what it is", "how well"])
    return (
        "<p>Every measure is computed from the article text by rules (no model is sent the text, "
        "nothing leaves the machine). The scores are those measured in this project on public "
        "benchmarks or hand-labelled sentences of other stories (docs/performance.md in the "
        "project); your own corpus may differ: the checks above say how it did.</p>"
        + table(rows, list(rows.columns), len(rows), "measures")
    )


def build_report(
    filtered: FilteredTables,
    state: FilterState,
    *,
    source: str,
    checks: pd.DataFrame | None = None,
    made: datetime | None = None,
) -> str:
    """The report of the tables `filtered` (the analysis with `state` applied) as one HTML page.

    `source` says what corpus this is (a folder name); `checks` is the summary of the analyst's
    checked sample (columns `sections.CHECK_COLUMNS`), None when nothing was checked; `made` is
    the time written in the report (now by default)."""
    everything = filtered.index.tables
    options = options_from_tables(everything)
    colors = charts.outlet_colors(options.outlets)
    made = made or datetime.now(timezone.utc)
    contents = [
        ("corpus", "What this corpus is", sections.corpus(filtered, state, options, colors)),
        ("outlets", "What each outlet says", sections.summaries(filtered, colors)),
        (
            "figures",
            "Figures: who reported which number, and when",
            sections.figures(filtered, colors),
        ),
        ("escalation", "Escalation language", sections.escalation(filtered, state)),
        ("stance", "Voices, tone and framing", sections.stance(filtered)),
        ("events", "Who acts on whom", sections.events(filtered)),
        ("checks", "Checks made on this corpus", sections.checks(checks)),
        ("methods", "Methods: what each measure is and how well it scored", _methods()),
    ]
    lead = (
        f"{source[:1].upper()}{source[1:]}: {filtered.count('articles'):,} articles from "
        f"{filtered['articles']['outlet'].nunique()} outlet(s). Made {made:%Y-%m-%d %H:%M} UTC "
        "by the coverage analyst dashboard; this file needs no connection."
    )
    return document("Coverage report", contents, lead)
