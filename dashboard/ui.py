"""Streamlit pieces every page uses: the current view, a chart or table with its CSV download, notices.

`app.py` builds one `View` per run (loaded tables, the filter state, the filtered tables) and pages
read it with `current_view()`. Every download goes through the formula-safe `to_csv_bytes` and is
generated only when clicked, with exactly the rows and columns shown above it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from analysis import review
from analysis.charts import Chart
from analysis.export import to_csv_bytes
from analysis.filters.state import FilterOptions, FilterState
from analysis.filters.tables import FilteredTables
from analysis.report import build_report
from dashboard import checking

VIEW_KEY = "_view"
MAX_TABLE_ROWS = 2_000

TABLE_FROM = {
    "figures": "the figures analysis",
    "claims_timeline": "the figures analysis",
    "who_reported_what": "the figures analysis",
    "escalation_hits": "the escalation analysis",
    "escalation_rates": "the escalation analysis",
    "top_terms": "the escalation analysis",
    "keyness": "the escalation analysis",
    "quotes": "the stance analysis",
    "framing": "the stance analysis",
    "stance": "the stance analysis",
    "summaries": "the stance analysis",
}


@dataclass(frozen=True)
class View:
    """Everything a page draws from: all tables, the filters, and the tables with filters applied."""

    tables: Mapping[str, pd.DataFrame]
    filtered: FilteredTables
    state: FilterState
    options: FilterOptions
    colors: dict[str, str]
    texts: Mapping[str, str]
    source: str


def current_view() -> View:
    """The view `app.py` built for this run."""
    return st.session_state[VIEW_KEY]


def available(view: View, *names: str) -> bool:
    """True when every named table was produced; otherwise say which analysis is missing."""
    missing = [name for name in names if name not in view.tables]
    if missing:
        sources = sorted({TABLE_FROM.get(name, name) for name in missing})
        st.info(
            f"Not available yet: {', '.join(sources)} did not produce "
            f"{', '.join(missing)} for this corpus."
        )
    return not missing


def download(
    data: pd.DataFrame | Callable[[], pd.DataFrame],
    file_name: str,
    key: str,
    rows: int | None = None,
) -> None:
    """A CSV download of exactly `data` (formula-safe), built only when the user clicks.

    `data` may be a function making the table (then `rows` gives its length for the label), so a
    large table is only assembled when someone asks for it.
    """
    make = data if callable(data) else lambda: data
    count = len(data) if rows is None else rows
    st.download_button(
        f"Download CSV ({count:,} rows): {file_name}",
        data=lambda: to_csv_bytes(make()),
        file_name=file_name,
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",
        icon=":material/download:",
    )


def _marked_at() -> float:
    """When the corpus's checks file last changed (0: none yet): a new mark makes a new report."""
    path = checking.checks_file()
    return path.stat().st_mtime if path.is_file() else 0.0


def report_download(view: View) -> None:
    """The sidebar's "Download report": the HTML report of the current filters (analysis/report/),
    built when clicked and kept with the filter setting, so a second click costs nothing."""
    st.sidebar.download_button(
        "Download report",
        data=lambda: view.filtered.memo(
            ("report", _marked_at()),
            lambda: build_report(
                view.filtered,
                view.state,
                source=view.source,
                checks=review.checked(checking.checks_file(), view.tables),
            ).encode(),
        ),
        file_name="coverage-report.html",
        mime="text/html",
        key="download_report",
        on_click="ignore",
        icon=":material/description:",
        help="One HTML file for an editor: the corpus, each outlet's summary with its evidence, "
        "the key charts, the checks and the methods, for the filters set here. It opens offline, "
        "on a phone, and prints to PDF.",
    )


def show_chart(chart: Chart, key: str) -> None:
    """The chart, then the download of the rows behind it."""
    st.plotly_chart(chart.figure, key=f"chart_{key}", theme=None, config={"displaylogo": False})
    download(chart.data, chart.file_name, key)


def show_table(
    data: pd.DataFrame,
    file_name: str,
    key: str,
    *,
    empty_message: str = "Nothing to show for the current filters.",
    column_config: dict | None = None,
    complete: tuple[int, Callable[[], pd.DataFrame]] | None = None,
    page: Callable[[int, int], pd.DataFrame] | None = None,
) -> None:
    """A table (or a clear empty state), paged past MAX_TABLE_ROWS rows, with its CSV download of
    every row.

    Sending 100,000 rows to the browser on every rerun would make each click slow, so the page shows
    MAX_TABLE_ROWS rows at a time with a page number; the CSV holds them all. `complete` = (rows,
    function making them) when `data` is already only the first rows of a larger table, and then
    `page(start, stop)` makes the rows of another page.
    """
    total, everything = complete or (len(data), data)
    if total == 0:
        st.info(empty_message)
    else:
        shown = data.head(MAX_TABLE_ROWS)
        if total > MAX_TABLE_ROWS:
            pages = -(-total // MAX_TABLE_ROWS)
            number = st.number_input(
                f"Page (1–{pages:,}, {MAX_TABLE_ROWS:,} rows each; the CSV below has all "
                f"{total:,} rows)",
                min_value=1,
                max_value=pages,
                value=1,
                step=1,
                key=f"page_{key}",
            )
            start = (int(number) - 1) * MAX_TABLE_ROWS
            if start:
                make = page or (lambda first, stop: data.iloc[first:stop])
                shown = make(start, start + MAX_TABLE_ROWS)
        st.dataframe(shown, key=f"table_{key}", hide_index=True, column_config=column_config)
    download(everything, file_name, key, rows=total)


def show_filtered(
    view: View,
    name: str,
    file_name: str,
    key: str,
    *,
    columns: list[str] | None = None,
    **settings: object,
) -> None:
    """The filtered table `name` (these `columns`, default all) with `show_table`: only the rows of
    the page shown are made on a rerun; the CSV download makes them all when clicked."""
    tables = view.filtered

    def rows(start: int, stop: int) -> pd.DataFrame:
        part = tables.page(name, start, stop)
        return part if columns is None else part[columns]

    show_table(
        rows(0, MAX_TABLE_ROWS),
        file_name,
        key,
        complete=(
            tables.count(name),
            lambda: tables[name] if columns is None else tables[name][columns],
        ),
        page=rows,
        **settings,
    )
