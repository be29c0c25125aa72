"""The per-article map run by every engine (in process, process pool, Dask) with the on-disk cache:
every path gives byte-identical tables, and a re-run analyses only new or changed articles."""

from __future__ import annotations

import random
import shutil

import numpy as np
import pandas as pd
import pytest

from analysis import runner
from analysis.export import to_csv_bytes
from analysis.ingest.corpus import load_corpus, read_folder
from analysis.pipeline import Rules, analyse
from tests.conftest import CORPUS_DIR

# Hand-written reporting about another story (a port strike and a ferry fire), so the corpus is not
# only the shipped one; the lines are the test's own.
OTHER_STORY = {
    "harbour_wire.txt": (
        "Title: Dockworkers extend strike at Port Delmar\nSource: Coastline Wire\nDate: 2025-03-04\n\n"
        "About 4,000 dockworkers stayed off the job on Tuesday, the union said, leaving at least "
        "37 container ships waiting outside Port Delmar.\n\n"
        '"We will not go back for promises," union leader Ana Ferreira told reporters.\n\n'
        "The port authority put the daily loss at $12 million."
    ),
    "harbour_daily.txt": (
        "Title: Strike costs mount\nSource: Delmar Daily\nDate: 2025-03-05\n\n"
        "Port officials said as many as 45 ships were now anchored offshore, while the union "
        "counted 3,500 strikers on the picket line.\n\n"
        "Transport minister Luis Ortega said the government could deploy 200 navy personnel to "
        "move urgent cargo, a step the union called a provocation."
    ),
    "ferry_fire.md": (
        "---\ntitle: Ferry fire leaves two injured\noutlet: Island Herald\npublished: 2025-03-06\n---\n\n"
        "Two crew members were injured when a fire broke out on a ferry near Port Delmar on "
        "Thursday, the coast guard said. All 312 passengers were brought ashore."
    ),
}


def make_corpus(folder, extra: dict[str, str] | None = None):
    shutil.copytree(CORPUS_DIR, folder)
    for name, text in {**OTHER_STORY, **(extra or {})}.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "again.txt").write_text(OTHER_STORY["ferry_fire.md"], encoding="utf-8")
    return folder


def csvs(tables) -> dict[str, bytes]:
    return {name: to_csv_bytes(frame) for name, frame in tables.items()}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("runner") / "corpus")


@pytest.fixture(scope="module")
def in_process(corpus_dir):
    """The reference: the whole corpus loaded, then analysed article by article in this process."""
    return csvs(analyse(load_corpus(corpus_dir)))


def test_pool_and_cache_give_the_same_bytes_as_one_process(corpus_dir, in_process, tmp_path):
    reading = read_folder(corpus_dir)
    rules = Rules()
    fresh = runner.run(reading, rules, jobs=2, cache_dir=tmp_path, batch_size=2)
    assert (fresh.analysed, fresh.cached) == (8, 0)  # 5 shipped + 3; the duplicate text once
    assert csvs(fresh.tables) == in_process
    again = runner.run(read_folder(corpus_dir), rules, jobs=2, cache_dir=tmp_path)
    assert (again.analysed, again.cached) == (0, 8)
    assert csvs(again.tables) == in_process
    report = again.tables["load_report"].set_index("file")
    assert report.loc["ferry_fire.md", "reason"] == "duplicate of again.txt"
    assert report.loc["empty.txt", "status"] == "skipped"
    assert set(again.texts) == set(again.tables["articles"]["article_id"])


@pytest.mark.parametrize("jobs", [1, 2])  # 2: the cache is read while the pool analyses
def test_only_new_or_changed_articles_are_analysed(corpus_dir, tmp_path, jobs):
    rules = Rules()
    runner.run(read_folder(corpus_dir), rules, jobs=1, cache_dir=tmp_path)
    grown = make_corpus(
        tmp_path / "grown",
        {"late.txt": "Source: Coastline Wire\nDate: 2025-03-07\n\nThe strike ended after 5 days."},
    )
    manifest = grown / "sources.csv"  # a changed outlet in the manifest re-analyses that article
    manifest.write_text(manifest.read_text("utf-8").replace("Reuters", "Reuters Wire"), "utf-8")
    changed = sum("Reuters" in line for line in manifest.read_text("utf-8").splitlines()[1:])
    result = runner.run(read_folder(grown), rules, jobs=jobs, cache_dir=tmp_path, batch_size=1)
    assert result.analysed == 1 + changed
    assert result.cached == 8 - changed
    expected = csvs(analyse(load_corpus(grown)))
    assert csvs(result.tables) == expected


def test_other_rules_are_another_cache_version(corpus_dir, tmp_path):
    runner.run(read_folder(corpus_dir), Rules(), jobs=1, cache_dir=tmp_path)
    lexicon = '[strike_talk]\nterms = ["strike+", "provocation"]\n'
    other = runner.run(read_folder(corpus_dir), Rules(lexicon_text=lexicon), cache_dir=tmp_path)
    assert other.cached == 0
    assert set(other.tables["escalation_hits"]["category"]) == {"strike talk"}


def test_a_damaged_cache_is_a_miss_not_an_error(corpus_dir, in_process, tmp_path):
    runner.run(read_folder(corpus_dir), Rules(), jobs=1, cache_dir=tmp_path)
    for index in tmp_path.rglob("index.parquet"):
        index.write_bytes(b"not parquet")
    result = runner.run(read_folder(corpus_dir), Rules(), jobs=1, cache_dir=tmp_path)
    assert result.analysed == 8
    assert csvs(result.tables) == in_process


def test_dask_on_a_local_cluster_equals_the_local_run(corpus_dir, in_process):
    distributed = pytest.importorskip("dask.distributed")
    with runner.plain_main():  # its worker processes must not re-run an AppTest script as main
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    with cluster:
        result = runner.run(
            read_folder(corpus_dir),
            Rules(),
            engine="dask",
            scheduler=cluster.scheduler_address,
            batch_size=2,
        )
    assert result.analysed == 8
    assert csvs(result.tables) == in_process


def test_progress_counts_every_article_once(corpus_dir, tmp_path):
    seen: list[tuple[int, int]] = []
    runner.run(
        read_folder(corpus_dir),
        Rules(),
        jobs=1,
        batch_size=3,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _ordered_by_definition(frames, order):
    """Every row moved to its article's place (a stable sort): what the run-wise ordering equals."""
    frame = pd.concat([f for f in frames if not f.empty], ignore_index=True)
    position = frame[runner.KEY].map(order).to_numpy()
    frame = frame.iloc[np.argsort(position, kind="stable")]
    return frame.drop(columns=runner.KEY).reset_index(drop=True)


@pytest.mark.parametrize("max_runs", [runner.MAX_RUNS, 2])
def test_pieces_in_any_order_give_the_rows_in_corpus_order(monkeypatch, max_runs):
    monkeypatch.setattr(runner, "MAX_RUNS", max_runs)
    rng = random.Random(5)
    for _ in range(60):
        keys = [f"k{n}" for n in range(rng.randint(1, 30))]
        order = {key: n for n, key in enumerate(keys)}
        rows = [(key, f"{key} row {i}") for key in keys for i in range(rng.randint(0, 3))]
        batches, at = [], 0
        while at < len(keys):  # batches of consecutive articles, as the runner makes them
            size = rng.randint(1, 6)
            chosen = set(keys[at : at + size])
            batches.append([r for r in rows if r[0] in chosen])
            at += size
        rng.shuffle(batches)  # finished in any order
        frames, i = [], 0
        while i < len(batches):  # some pieces hold several batches (a cache segment)
            take = rng.randint(1, 3)
            joined = [r for b in batches[i : i + take] for r in b]
            frames.append(pd.DataFrame(joined, columns=[runner.KEY, "text"]))
            i += take
        expected = _ordered_by_definition(frames, order) if rows else None
        got = runner._ordered(frames, order, "sentences")
        if rows:
            pd.testing.assert_frame_equal(got, expected)
            assert got["text"].tolist() == [text for _, text in rows]


def test_cache_key_changes_with_every_value_of_the_record_but_not_its_file_digest():
    import dataclasses

    from analysis.cache import record_key
    from analysis.ingest.corpus import Record

    record = Record(
        "wire.txt",
        "Body, «quoted» 1,200.",
        "digest",
        {"outlet": "Coastline Wire"},
        "header",
        {"title": "Row"},
        ["a warning"],
        ["a note"],
    )
    key = record_key(record)
    assert len(key) == 32 and record_key(dataclasses.replace(record)) == key
    assert record_key(dataclasses.replace(record, digest="other bytes, same text")) == key
    changed = {
        "name": "other.txt",
        "body": "Body, «quoted» 1,300.",
        "given": {"outlet": "Harbour Times"},
        "given_source": "manifest",
        "manifest_row": {"title": "Another row"},
        "warnings": ["another warning"],
        "notes": [],
    }
    keys = {
        record_key(dataclasses.replace(record, **{name: value})) for name, value in changed.items()
    }
    assert key not in keys and len(keys) == len(changed)
    # the text and the values are kept apart: moving characters between them changes the key
    moved = dataclasses.replace(record, body=record.body + "\0", name=record.name)
    assert record_key(moved) != key
