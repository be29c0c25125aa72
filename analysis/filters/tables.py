"""The tables with the sidebar filters applied, fast on a corpus of 100,000 articles.

`TableIndex` codes the columns the filters read once per analysis (each distinct outlet, kind,
article id … a number), so a filter becomes a boolean array built by numpy indexing instead of
comparing millions of strings on every rerun. `FilteredTables` keeps, per table, the positions of
the rows that pass, and makes frames only when a page asks: the first page of rows shown, the few
columns a chart sums, the rows of the articles compared, or the whole table for a CSV download.
What a page derives from one filter setting is kept with it (`memo`), and the last few settings
are kept per analysis (`filtered_tables`), so a rerun that changes no filter recomputes nothing.
`apply_filters` is pure, so the same filtering runs in the app, in tests and in the benchmark.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.filters.state import FilterState, as_bool
from analysis.ingest.metadata import published_span

JOIN_LIMIT = 1 << 30  # bytes of an Arrow column joined into one piece
KEEP_SETTINGS = 4  # filter settings whose filtered tables are kept per analysis
# Columns a chart groups by, handed to it as categoricals made from the index's codes (grouping
# on codes instead of hashing every string again); their categories sort as the strings do.
CODED = frozenset(
    ("outlet", "published", "kind", "category", "level", "language", "article_id", "value_text")
    + ("term", "matched", "framing", "claim")
)


def contiguous(frame: pd.DataFrame) -> pd.DataFrame:
    """The same table with every Arrow column in one piece: a table concatenated from many cached
    segments holds each column in many chunks, and taking a few rows of a chunked column joins all
    its chunks first (40 ms for 300 sentences of 20,000 articles instead of 0.3 ms). A column past
    JOIN_LIMIT bytes stays chunked (one Arrow string array holds at most 2 GB)."""
    joined = {}
    for column in frame.columns:
        values = frame[column].array
        if not hasattr(values, "__arrow_array__"):
            continue
        arrow = values.__arrow_array__()
        if (
            isinstance(arrow, pa.ChunkedArray)
            and arrow.num_chunks > 1
            and arrow.nbytes < JOIN_LIMIT
        ):
            joined[column] = pd.array(arrow.combine_chunks(), dtype=values.dtype)
    return frame.assign(**joined) if joined else frame


class TableIndex:
    """Codes of the analysis tables' filter columns, computed once per analysis and shared by every
    session; `memo` keeps other values derived from the unfiltered tables (the filter options …)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame]) -> None:
        self.tables = tables
        self._codes: dict[tuple[str, str], tuple[np.ndarray, pd.Index]] = {}
        self._memo: dict[Hashable, Any] = {}

    def memo(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """`make()` computed once per analysis (two sessions racing compute the same value)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def codes(self, table: str, column: str) -> tuple[np.ndarray, pd.Index]:
        """Each row's code in `column` of `table` (-1 for a missing value) and the distinct values,
        sorted (so codes sort as the values do)."""
        key = (table, column)
        if key not in self._codes:
            codes, uniques = pd.factorize(self.tables[table][column], sort=True)
            small = (
                np.int8 if len(uniques) < 2**7 else np.int16 if len(uniques) < 2**15 else np.int32
            )
            self._codes[key] = (codes.astype(small), pd.Index(uniques))
        return self._codes[key]

    def isin(self, table: str, column: str, allowed: Iterable[object]) -> np.ndarray:
        """Rows whose `column` is one of `allowed` (a missing value never is)."""
        codes, uniques = self.codes(table, column)
        return np.append(uniques.isin(list(allowed)), False)[codes]

    def flags(self, table: str, column: str) -> np.ndarray:
        """A column of flags as booleans (stored as bool or as text), converted once."""
        return self.memo(
            ("flags", table, column), lambda: as_bool(self.tables[table][column]).to_numpy(bool)
        )

    def of_kept_articles(self, table: str, kept: np.ndarray) -> np.ndarray:
        """Rows of `table` whose article is one of the articles rows marked in `kept`."""
        ids, id_values = self.codes("articles", "article_id")
        kept_ids = np.zeros(len(id_values) + 1, dtype=bool)  # last slot: an unknown article
        np.logical_or.at(kept_ids, ids, kept)  # an id twice in articles: kept if either row is
        kept_ids[-1] = False  # (an article without an id marked nothing)
        codes, values = self.codes(table, "article_id")
        position = self.memo(("article_of", table), lambda: id_values.get_indexer(values))
        return np.append(kept_ids[position], False)[codes]

    def rows_of(self, table: str, article_ids: Iterable[str]) -> np.ndarray:
        """Positions of the rows of `table` that belong to these articles."""
        codes, values = self.codes(table, "article_id")
        wanted = values.get_indexer(pd.Index(list(article_ids)))
        return np.flatnonzero(np.isin(codes, wanted[wanted >= 0]))

    def article_spans(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per article: whether its date is known, and the first and last day it may be (ordinals)."""

        def spans() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            codes, values = self.codes("articles", "published")
            found = [published_span(v) for v in values]
            known = np.array([s is not None for s in found] + [False])
            low = np.array([s[0].toordinal() if s else 0 for s in found] + [0])
            high = np.array([s[1].toordinal() if s else 0 for s in found] + [0])
            return known[codes], low[codes], high[codes]

        return self.memo("article_spans", spans)


def index_of(tables: Mapping[str, pd.DataFrame], store: dict) -> TableIndex:
    """The index of these tables, kept in `store` (a dict that lives as long as the tables)."""
    if "index" not in store:
        store["index"] = TableIndex(tables)
    return store["index"]


class FilteredTables(Mapping[str, pd.DataFrame]):
    """The tables with one filter setting applied; each table's rows found the first time it is
    read, frames made only for what a page shows (`page`, `select`, `of_articles`) or asks in whole
    (`[name]`, e.g. for a CSV download)."""

    def __init__(
        self,
        index: TableIndex,
        masks: dict[str, Callable[[], np.ndarray]],
    ) -> None:
        self.index = index
        self._masks = masks
        self._rows: dict[str, np.ndarray | None] = {}
        self._frames: dict[str, pd.DataFrame] = {}
        self._memo: dict[Hashable, Any] = {}

    def rows(self, name: str) -> np.ndarray | None:
        """Positions of the rows of `name` that pass the filters; None when every row does."""
        if name not in self._rows:
            frame, mask = self.index.tables[name], self._masks.get(name)
            keep = None if mask is None or frame.empty else mask()
            self._rows[name] = None if keep is None or keep.all() else np.flatnonzero(keep)
        return self._rows[name]

    def count(self, name: str) -> int:
        """How many rows of `name` pass the filters."""
        rows = self.rows(name)
        return len(self.index.tables[name]) if rows is None else len(rows)

    def _take(self, name: str, rows: np.ndarray | None, columns: list[str] | None) -> pd.DataFrame:
        frame = self.index.tables[name]
        frame = frame if columns is None else frame[columns]
        return frame if rows is None else frame.take(rows).reset_index(drop=True)

    def _coded(self, name: str, column: str, rows: np.ndarray | None) -> pd.Categorical:
        codes, values = self.index.codes(name, column)
        return pd.Categorical.from_codes(codes if rows is None else codes[rows], values)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            self._frames[name] = self._take(name, self.rows(name), None)
        return self._frames[name]

    def select(self, name: str, columns: list[str]) -> pd.DataFrame:
        """Only these columns of the filtered rows (what a chart sums, without copying the texts);
        the CODED ones as categoricals (same values, grouped without hashing strings)."""
        rows = self.rows(name)
        plain = [c for c in columns if c not in CODED]
        frame = self._take(name, rows, plain)
        for column in columns:
            if column in CODED:
                frame[column] = self._coded(name, column, rows)
        return frame[columns]

    def at(self, name: str, positions: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """These columns of the filtered rows at `positions` (positions in the filtered table)."""
        rows = self.rows(name)
        return self._take(name, positions if rows is None else rows[positions], columns)

    def page(self, name: str, start: int, stop: int) -> pd.DataFrame:
        """The filtered rows start … stop-1, every column (one page of a table)."""
        rows = self.rows(name)
        if rows is None:
            return self.index.tables[name].iloc[start:stop].reset_index(drop=True)
        return self._take(name, rows[start:stop], None)

    def of_articles(self, name: str, article_ids: Iterable[str]) -> pd.DataFrame:
        """The filtered rows of `name` that belong to these articles."""
        wanted = self.index.rows_of(name, article_ids)
        rows = self.rows(name)
        if rows is not None:
            wanted = np.intersect1d(wanted, rows, assume_unique=True)
        return self._take(name, wanted, None)

    def sentences_cited(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """sentence id -> (its text, 'title, outlet, date' of its article) for evidence ids, read
        only from the cited articles and unfiltered (a summary's evidence is per outlet, and may
        lie outside the date filter)."""
        wanted = set(ids)
        cited = {sentence_id.rpartition(":")[0] for sentence_id in wanted}
        tables = self.index.tables
        sentences = tables["sentences"].take(self.index.rows_of("sentences", cited))
        articles = tables["articles"].take(self.index.rows_of("articles", cited))
        where = {
            row.article_id: ", ".join(str(v) for v in (row.title, row.outlet, row.published) if v)
            for row in articles.itertuples(index=False)
        }
        return {
            row.sentence_id: (row.text, where.get(row.article_id, ""))
            for row in sentences.itertuples(index=False)
            if row.sentence_id in wanted
        }

    def memo(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """`make()` computed once for this filter setting (a chart, a count)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def __contains__(self, name: object) -> bool:
        return name in self.index.tables  # without filtering it

    def __iter__(self) -> Iterator[str]:
        return iter(self.index.tables)

    def __len__(self) -> int:
        return len(self.index.tables)


def _articles_kept(index: TableIndex, state: FilterState) -> np.ndarray:
    """Articles of the chosen outlets, dates (a partial date overlapping the range) and languages."""
    articles = index.tables["articles"]
    keep = index.isin("articles", "outlet", state.outlets)
    if state.narrows_dates:
        known, low, high = index.article_spans()
        first = (state.date_from or date.min).toordinal()
        last = (state.date_to or date.max).toordinal()
        keep &= known & (low <= last) & (first <= high)
    if state.languages is not None and "language" in articles.columns:
        keep &= index.isin("articles", "language", state.languages)
    return keep


def apply_filters(
    tables: Mapping[str, pd.DataFrame], state: FilterState, index: TableIndex | None = None
) -> FilteredTables:
    """Every table restricted to the chosen outlets, dates, languages, figure kinds, categories and
    voices (`index`: the tables' index, when one is kept with them).

    Tables tied to an article keep the rows of the articles that pass the outlet and date filters;
    outlet-level tables (stance, summaries) follow the outlet filter only. Missing tables stay missing.
    The load report describes files, not articles, and is never filtered.
    """
    index = index or TableIndex(tables)
    if "articles" not in tables:
        return FilteredTables(index, {})
    kept: list[np.ndarray] = []

    def articles() -> np.ndarray:
        if not kept:
            kept.append(_articles_kept(index, state))
        return kept[0]

    def by_article(name: str) -> np.ndarray:
        if articles().all():
            return np.ones(len(tables[name]), dtype=bool)
        return index.of_kept_articles(name, articles())

    def isin(name: str, column: str, allowed: Iterable[object]) -> np.ndarray:
        return index.isin(name, column, allowed)

    def who_reported_what() -> np.ndarray:
        frame, outlets = tables["who_reported_what"], set(state.outlets)
        named = frame["outlets"].astype(str).map(lambda s: bool(set(s.split("; ")) & outlets))
        return isin("who_reported_what", "kind", state.figure_kinds) & named.to_numpy(bool)

    def registered(name: str, register: str, everything: str) -> np.ndarray:
        """Rows of the chosen register (all rows when the table has no register column)."""
        if register == everything or "register" not in tables[name].columns:
            return np.ones(len(tables[name]), dtype=bool)
        return isin(name, "register", [register])

    def escalation_hits() -> np.ndarray:
        keep = by_article("escalation_hits") & isin("escalation_hits", "category", state.categories)
        keep &= isin("escalation_hits", "voice", state.voices)
        keep &= registered("escalation_hits", state.register, "both")
        return keep if state.include_negated else keep & ~index.flags("escalation_hits", "negated")

    def escalation_rates() -> np.ndarray:
        article_level = isin("escalation_rates", "level", ["article"])
        return (
            isin("escalation_rates", "category", state.categories)
            & registered("escalation_rates", state.rate_register, "")
            & (
                article_level & by_article("escalation_rates")
                | ~article_level & isin("escalation_rates", "outlet", state.outlets)
            )
        )

    def events() -> np.ndarray:
        keep = by_article("events") & isin("events", "voice", state.voices)
        return keep if state.include_negated else keep & ~index.flags("events", "negated")

    def keyness() -> np.ndarray:
        frame = tables["keyness"]
        words = isin("keyness", "kind", ["word"])
        terms = isin("keyness", "category", state.categories) & registered(
            "keyness", state.register, "both"
        )
        keep = isin("keyness", "outlet", state.outlets) & (words | terms)
        if state.languages is not None and "language" in frame.columns:
            keep &= isin("keyness", "language", state.languages)
        return keep

    masks: dict[str, Callable[[], np.ndarray]] = {
        "articles": articles,
        "sentences": lambda: by_article("sentences"),
        "figures": lambda: by_article("figures") & isin("figures", "kind", state.figure_kinds),
        "claims_timeline": lambda: (
            by_article("claims_timeline") & isin("claims_timeline", "kind", state.figure_kinds)
        ),
        "who_reported_what": who_reported_what,
        "escalation_hits": escalation_hits,
        "escalation_rates": escalation_rates,
        "keyness": keyness,
        "top_terms": lambda: (
            isin("top_terms", "outlet", state.outlets)
            & isin("top_terms", "category", state.categories)
        ),
        "quotes": lambda: by_article("quotes"),
        "framing": lambda: by_article("framing"),
        "stance": lambda: isin("stance", "outlet", state.outlets),
        "summaries": lambda: isin("summaries", "outlet", state.outlets),
        "events": events,
        "event_links": lambda: isin("event_links", "outlet", state.outlets),
        "agentless_violence": lambda: isin("agentless_violence", "outlet", state.outlets),
    }
    return FilteredTables(index, {name: mask for name, mask in masks.items() if name in tables})


_LOCK = threading.Lock()


def filtered_tables(
    tables: Mapping[str, pd.DataFrame], state: FilterState, store: dict
) -> FilteredTables:
    """The filtered tables for `state`, kept in `store` with the last KEEP_SETTINGS settings, so a
    rerun with the same filters (a click on a page, a table page) filters and sums nothing again."""
    index = index_of(tables, store)
    with _LOCK:
        kept: OrderedDict = store.setdefault("filtered", OrderedDict())
        found = kept.get(state)
        if found is None:
            found = kept[state] = apply_filters(tables, state, index)
            while len(kept) > KEEP_SETTINGS:
                kept.popitem(last=False)
        kept.move_to_end(state)
    return found
