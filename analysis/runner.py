"""Running the per-article map over a whole corpus: in this process, on every core, or on a Dask
cluster, with each article's rows cached on disk so a re-run analyses only what changed.

Reading the files (cheap) happens here; building and analysing each article (the expensive part)
happens in batches wherever the engine runs them; the corpus reduce then runs here, on the rows of
every article, cached or fresh, in the corpus's order. Every engine gives the same tables.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import forkserver
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis import pipeline
from analysis.cache import INDEX_COLUMNS, KEY, ArticleCache, record_key
from analysis.ingest.article import LoadError, Record, build_article
from analysis.ingest.corpus import Reading, first_of_each_text, report_frame
from analysis.pipeline import MAP_TABLES, Rules
from analysis.review import Corrections

BATCH_SIZE = 100  # articles per task: large enough to amortise the hand-over, small for progress
FLUSH_EVERY = 5_000  # articles analysed between two cache segments (a stopped run keeps its work)
MAX_RUNS = 2_000  # runs of consecutive articles joined in order; past this many, rows are sorted
ENGINES = ("local", "dask")
# Arrow's buffers from the system allocator: its default pool (mimalloc) kept what the map's pieces
# freed and spent seconds of system time in page faults reading a large cache (20,000 articles:
# 5.0 -> 2.7 s, peak 1.48 -> 1.27 GB). Every process that runs the map imports this module.
pa.set_memory_pool(pa.system_memory_pool())
Progress = Callable[[int, int], None]  # (articles done, articles in all)


@dataclass
class Batch:
    """What the map gave for a batch of records: the outcome of each (its article id and warnings,
    or the reason it was skipped) and the rows of every per-article table, keyed by record key."""

    keys: list[str]
    outcomes: list[tuple[str, list[str]] | str]
    frames: dict[str, pd.DataFrame]


@dataclass
class Run:
    """The tables of a corpus (every table, or the map's alone), each article's raw text (for
    highlighting) and what the run did."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    report: pd.DataFrame | None = None  # the load report, when `tables` are the map's (map_records)
    analysed: int = 0
    cached: int = 0
    seconds: float = 0.0
    engine: str = "local"
    jobs: int = 1


def analyse_batch(records: list[Record], rules: Rules) -> Batch:
    """The map over a batch: build and analyse each record; one row-set per table for the batch."""
    keys, outcomes, parts, counts = [], [], [], []
    for record in records:
        keys.append(record_key(record))
        try:
            article = build_article(record)
        except LoadError as skip:
            outcomes.append(str(skip))
            parts.append({name: [] for name in MAP_TABLES})
            continue
        outcomes.append((article.article_id, article.warnings))
        parts.append(pipeline.analyse_article(article, rules))
    built = pipeline.frames(parts)
    for name, frame in built.items():
        counts = [len(part[name]) for part in parts]
        frame.insert(0, KEY, np.repeat(np.array(keys, dtype=object), counts))
    return Batch(keys, outcomes, built)


_WORKER_RULES: Rules | None = None


def _init_worker(rules: Rules) -> None:
    global _WORKER_RULES
    _WORKER_RULES = rules


def _pool_batch(records: list[Record]) -> Batch:
    assert _WORKER_RULES is not None
    return analyse_batch(records, _WORKER_RULES)


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _batches(records: list[Record], size: int) -> list[list[Record]]:
    return [records[i : i + size] for i in range(0, len(records), size)]


_MAIN_LOCK = threading.Lock()


@contextmanager
def plain_main() -> Iterator[None]:
    """While worker processes start, a bare `__main__` module: a new (forkserver or spawn) process
    re-runs the parent's `__main__` file, and inside Streamlit that file is the dashboard script
    (Streamlit installs it as `__main__`), which a worker must never run."""
    with _MAIN_LOCK:
        original = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = original


def _pool_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that has imported the analysis once (not the caller's state)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["analysis.runner"])
    return context


def start_workers_server() -> None:
    """Start the server the pool's workers are forked from now (it imports the analysis, most of
    a second), so that it overlaps reading the corpus instead of following it."""
    _pool_context()
    with plain_main():
        forkserver.ensure_running()


def _map_local(
    batches: list[list[Record]],
    rules: Rules,
    jobs: int,
    done: Callable[[Batch], None],
    meanwhile: Callable[[], None],
) -> None:
    """The batches analysed by a pool of `jobs` processes (here when one is enough); `meanwhile`
    runs in this process while the workers start and work."""
    if jobs <= 1 or len(batches) <= 1:
        meanwhile()
        for batch in batches:
            done(analyse_batch(batch, rules))
        return
    with ProcessPoolExecutor(
        jobs, mp_context=_pool_context(), initializer=_init_worker, initargs=(rules,)
    ) as pool:
        with plain_main():  # workers start during the submits
            futures = [pool.submit(_pool_batch, batch) for batch in batches]
        meanwhile()
        for future in as_completed(futures):
            done(future.result())


def _map_dask(
    batches: list[list[Record]],
    rules: Rules,
    scheduler: str,
    done: Callable[[Batch], None],
    meanwhile: Callable[[], None],
) -> None:
    """The batches analysed on the Dask cluster at `scheduler`; `meanwhile` runs here meanwhile."""
    from dask.distributed import Client
    from dask.distributed import as_completed as dask_completed

    with Client(scheduler) as client:
        shared = client.scatter(rules, broadcast=True)
        futures = client.map(analyse_batch, batches, rules=shared, pure=False)
        meanwhile()
        for future in dask_completed(futures):
            done(future.result())


def run(
    reading: Reading,
    rules: Rules,
    *,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    camps: dict[str, str] | None = None,
    by_group: bool = False,
    corrections: Corrections | None = None,
) -> Run:
    """Every table of the corpus read in `reading`: the map (`map_records`), then the corpus
    reduce with `camps`, `by_group` and `corrections` (see pipeline.reduce_tables)."""
    started = time.perf_counter()
    mapped = map_records(
        reading,
        rules,
        jobs=jobs,
        cache_dir=cache_dir,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        batch_size=batch_size,
    )
    tables = pipeline.reduce_tables(
        mapped.tables, mapped.report, rules, camps, by_group, corrections
    )
    return Run(
        tables,
        mapped.texts,
        analysed=mapped.analysed,
        cached=mapped.cached,
        seconds=time.perf_counter() - started,
        engine=mapped.engine,
        jobs=mapped.jobs,
    )


def map_records(
    reading: Reading,
    rules: Rules,
    *,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    keep_texts: bool = True,
) -> Run:
    """The per-article tables (`Run.tables`, keyed by MAP_TABLES, in corpus order) and the load
    report (`Run.report`) of the corpus read in `reading`: cached articles reused, the others
    analysed by `engine` ('local': a process pool of `jobs` processes, default every core; 'dask':
    the cluster at `scheduler`), `batch_size` articles per task. `cache_dir` None means no cache;
    `keep_texts` False leaves `Run.texts` empty (the raw texts only serve highlighting)."""
    started = time.perf_counter()
    records = reading.records
    jobs = jobs or default_jobs()
    first = first_of_each_text(records)
    unique = [i for i, f in enumerate(first) if f == i]
    keys = {i: record_key(records[i]) for i in unique}
    cache = ArticleCache(cache_dir, rules.version) if cache_dir else None
    hits = cache.lookup(set(keys.values())) if cache else {}
    todo = [records[i] for i in unique if keys[i] not in hits]
    total, finished = len(unique), len(unique) - len(todo)
    if progress:
        progress(finished, total)

    outcome_of: dict[str, tuple[str, list[str]] | str] = {}
    pieces: dict[str, list[pd.DataFrame]] = {name: [] for name in MAP_TABLES}
    pending: list[Batch] = []

    for key, (_, row) in hits.items():
        outcome_of[key] = row["reason"] or (row["article_id"], list(row["warnings"]))
    by_segment: dict[Path, set[str]] = {}
    for key, (segment, _) in hits.items():
        by_segment.setdefault(segment, set()).add(key)

    def read_cached() -> None:  # while the workers start and analyse what is new
        for segment, wanted in by_segment.items():
            for name, frame in cache.read(segment, wanted, MAP_TABLES).items():
                pieces[name].append(frame)

    def flush() -> None:
        if cache and pending:
            cache.write(_index(pending), _concat_batches(pending))
        pending.clear()

    def done(batch: Batch) -> None:
        nonlocal finished
        for key, outcome in zip(batch.keys, batch.outcomes, strict=True):
            outcome_of[key] = outcome
        for name in MAP_TABLES:
            pieces[name].append(batch.frames[name])
        pending.append(batch)
        finished += len(batch.keys)
        if sum(len(b.keys) for b in pending) >= FLUSH_EVERY:
            flush()
        if progress:
            progress(finished, total)

    if todo:
        if engine == "dask":
            if not scheduler:
                raise ValueError("the dask engine needs a scheduler address (tcp://host:8786)")
            _map_dask(_batches(todo, batch_size), rules, scheduler, done, read_cached)
        elif engine == "local":
            _map_local(_batches(todo, batch_size), rules, jobs, done, read_cached)
        else:
            raise ValueError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    else:
        read_cached()
    flush()

    order = {keys[i]: position for position, i in enumerate(unique)}
    # each table's pieces are let go as soon as it is put in order: never the corpus twice in memory
    mapped = {name: _ordered(pieces.pop(name), order, name) for name in MAP_TABLES}
    pa.default_memory_pool().release_unused()  # what the pieces held, back to the system
    outcomes = [outcome_of[keys[f]] for f in first]
    texts = (
        {
            records[i].article_id: records[i].body.replace("\r\n", "\n")
            for i in unique
            if not isinstance(outcome_of[keys[i]], str)
        }
        if keep_texts
        else {}
    )
    return Run(
        mapped,
        texts,
        report=report_frame(reading, outcomes),
        analysed=len(todo),
        cached=len(unique) - len(todo),
        seconds=time.perf_counter() - started,
        engine=engine,
        jobs=jobs if engine == "local" else 0,
    )


def _index(batches: list[Batch]) -> pd.DataFrame:
    rows = []
    for batch in batches:
        for key, outcome in zip(batch.keys, batch.outcomes, strict=True):
            if isinstance(outcome, str):
                rows.append({KEY: key, "article_id": "", "reason": outcome, "warnings": []})
            else:
                rows.append(
                    {KEY: key, "article_id": outcome[0], "reason": "", "warnings": outcome[1]}
                )
    return pd.DataFrame(rows, columns=INDEX_COLUMNS)


def _concat_batches(batches: list[Batch]) -> dict[str, pd.DataFrame]:
    return {name: _concat([b.frames[name] for b in batches], name) for name in MAP_TABLES}


def _concat(frames: list[pd.DataFrame], name: str) -> pd.DataFrame:
    """One frame from many; empty ones are left out so they cannot change the column types."""
    filled = [f for f in frames if not f.empty]
    if not filled:
        empty = pipeline.frames([{n: [] for n in MAP_TABLES}])[name]
        empty.insert(0, KEY, pd.Series([], dtype=object))
        return empty
    return pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0]


def _ordered(frames: list[pd.DataFrame], order: dict[str, int], name: str) -> pd.DataFrame:
    """The rows of every article in corpus order (each article's own rows in their order), without
    the cache key: the same table whichever engine or cache produced the pieces.

    Pieces are cut into runs of consecutive articles (a batch) and the runs put in order by their
    first article; only when there are very many runs (or they overlap) are rows moved one by one
    (moving every text of a large corpus costs seconds)."""
    filled = [f for f in frames if not f.empty]
    if not filled:
        return _concat(frames, name).drop(columns=KEY).reset_index(drop=True)
    index = pd.Index(list(order))
    positions = [index.get_indexer(frame[KEY]) for frame in filled]
    bounds = []  # (first article, piece, start row, stop row) of every run
    for number, position in enumerate(positions):
        steps = np.diff(position)
        cuts = [0, *(np.flatnonzero((steps != 0) & (steps != 1)) + 1), len(position)]
        bounds += [(position[a], number, a, b) for a, b in itertools.pairwise(cuts)]
    if len(bounds) > MAX_RUNS:
        frame, position = pd.concat(filled, ignore_index=True), np.concatenate(positions)
    else:
        bounds.sort(key=lambda run: run[0])  # stable: runs starting at one article keep their order
        parts = [
            filled[n] if b - a == len(filled[n]) else filled[n].iloc[a:b] for *_, n, a, b in bounds
        ]
        frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        position = np.concatenate([positions[n][a:b] for _, n, a, b in bounds])
    if (np.diff(position) < 0).any():
        frame = frame.iloc[np.argsort(position, kind="stable")]
    return frame.drop(columns=KEY).reset_index(drop=True)
