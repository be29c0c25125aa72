"""Filtering the tables: one filter setting (`FilterState`) applied to every table the same way for
the dashboard's views and the report command. Pure pandas and numpy, no Streamlit."""

from analysis.filters.state import (
    VOICES,
    FilterError,
    FilterOptions,
    FilterState,
    narrowed,
    options_from_tables,
)
from analysis.filters.tables import FilteredTables, apply_filters

__all__ = [
    "VOICES",
    "FilterError",
    "FilterOptions",
    "FilterState",
    "FilteredTables",
    "apply_filters",
    "narrowed",
    "options_from_tables",
]
