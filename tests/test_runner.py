"""The per-article map run by every engine (in process, process pool, Dask) with the on-disk cache:
every path gives byte-identical tables, and a re-run analyses only new or changed articles."""

from __future__ import annotations

import shutil

import pytest

from analysis import runner
from analysis.corpus import load_corpus, read_folder
from analysis.export import to_csv_bytes
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


def test_only_new_or_changed_articles_are_analysed(corpus_dir, tmp_path):
    rules = Rules()
    runner.run(read_folder(corpus_dir), rules, jobs=1, cache_dir=tmp_path)
    grown = make_corpus(
        tmp_path / "grown",
        {"late.txt": "Source: Coastline Wire\nDate: 2025-03-07\n\nThe strike ended after 5 days."},
    )
    manifest = grown / "sources.csv"  # a changed outlet in the manifest re-analyses that article
    manifest.write_text(manifest.read_text("utf-8").replace("Reuters", "Reuters Wire"), "utf-8")
    changed = sum("Reuters" in line for line in manifest.read_text("utf-8").splitlines()[1:])
    result = runner.run(read_folder(grown), rules, jobs=1, cache_dir=tmp_path)
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
