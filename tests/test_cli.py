"""The export CLI: `python -m analysis export CORPUS_DIR --out OUT_DIR`."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analysis import schema
from analysis.cli import main
from tests.conftest import CORPUS_DIR


def test_export_of_the_shipped_corpus_writes_every_table(tmp_path, capsys):
    assert main(["export", str(CORPUS_DIR), "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    for name in schema.TABLES:
        frame = pd.read_csv(tmp_path / f"{name}.csv", keep_default_na=False)
        assert list(frame.columns) == schema.columns(name), name
        assert f"{name}.csv: {len(frame)} rows x {len(frame.columns)} columns" in printed
    articles = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False)
    manifest = pd.read_csv(CORPUS_DIR / "sources.csv", keep_default_na=False)
    merged = articles.merge(manifest, on="file", suffixes=("", "_manifest"))
    assert len(merged) == 5
    assert (merged["outlet"] == merged["outlet_manifest"]).all()
    assert (merged["published"] == merged["published_manifest"]).all()
    assert printed[-1].startswith("5 articles loaded, 0 files skipped")


def test_bad_files_are_listed_and_the_export_still_succeeds(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        "Seoul's spy agency said about 3,000 more North Korean troops had been sent.", "utf-8"
    )
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(b"\x00\xff" * 50)
    assert main(["export", str(corpus), "--out", str(tmp_path / "out")]) == 0
    errors = capsys.readouterr().err
    assert "skipped: empty.txt: empty file" in errors and "skipped: blob.txt: binary" in errors
    report = pd.read_csv(tmp_path / "out" / "load_report.csv", keep_default_na=False)
    assert sorted(report["file"]) == ["blob.txt", "empty.txt", "good.txt"]


def test_missing_or_empty_folder_exits_2_with_a_message(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "only_bad").mkdir()
    (tmp_path / "only_bad" / "x.pdf").write_bytes(b"%PDF-1.4")
    assert main(["export", str(tmp_path / "only_bad"), "--out", str(tmp_path / "out")]) == 2
    assert "no article could be loaded" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_malformed_lexicon_names_the_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[military]\nterms = ["escalation",\n', "utf-8")
    code = main(["export", str(CORPUS_DIR), "--out", str(tmp_path / "out"), "--lexicon", str(bad)])
    assert code == 2
    error = capsys.readouterr().err
    assert "bad.toml" in error and "line" in error


def test_help_documents_the_command_and_the_tables():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "export", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "CORPUS_DIR" in result.stdout and "--out" in result.stdout
    assert "load_report.csv: file, status, reason" in result.stdout


def test_progress_bar_and_cache_counts_on_a_second_run(tmp_path, capsys):
    args = ["export", str(CORPUS_DIR), "--out", str(tmp_path / "out"), "--cache", str(tmp_path)]
    assert main(args) == 0
    first = capsys.readouterr()
    assert "analysing" in first.err and "5/5" in first.err  # the bar: articles done of all
    assert "(5 analysed, 0 from the cache" in first.out.splitlines()[-1]
    assert main([*args, "--quiet"]) == 0
    second = capsys.readouterr()
    assert "analysing" not in second.err
    assert "(0 analysed, 5 from the cache" in second.out.splitlines()[-1]


def test_dask_engine_needs_a_scheduler(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", str(CORPUS_DIR), "--out", str(tmp_path), "--engine", "dask"])
    assert stopped.value.code == 2
    assert "--scheduler" in capsys.readouterr().err


def test_an_output_path_that_is_a_file_exits_2_naming_it(tmp_path, capsys):
    taken = tmp_path / "out.csv"
    taken.write_text("not a folder", encoding="utf-8")
    assert main(["export", str(CORPUS_DIR), "--out", str(taken), "--no-cache", "--quiet"]) == 2
    error = capsys.readouterr().err
    assert "cannot write the tables" in error and "out.csv" in error
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_report_of_the_shipped_corpus_is_one_html_file(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS_DIR), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<div class="summary"') == 5
    assert "5 of 5 articles, 5 outlet(s)" in capsys.readouterr().out


def test_report_shows_the_checks_marked_beside_the_corpus(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "report.html"
    shutil.copytree(CORPUS_DIR, corpus)
    (corpus / "checks.csv").write_text(
        "table,id,field,mark\nquotes,cfad196031f2:q1,row,right\nquotes,cfad196031f2:q2,row,wrong\n"
        "quotes,no-such-row:q9,row,right\n",
        encoding="utf-8",
    )
    assert main(["report", str(corpus), "--out", str(out), "--quiet", "--no-cache"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "No checks made yet" not in page
    # two rows still in the corpus are counted (the unknown id is left out): 1 of 2 right
    assert "<td>quotes</td><td>row</td><td>2</td><td>1</td><td>50%</td>" in page


def test_report_filters_are_applied(tmp_path, capsys):
    from tests.report.corpus import write_corpus

    corpus, out = write_corpus(tmp_path / "corpus"), tmp_path / "r.html"
    args = ["report", str(corpus), "--out", str(out), "--quiet", "--no-cache", "--jobs", "1"]
    assert (
        main([*args, "--outlet", "River Times", "--outlet", "Coast Daily", "--to", "2025-03-05"])
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert "2 of the 4 articles loaded" in page  # River Times of 03-06 is after --to
    assert "<h3>Harbour Gazette</h3>" not in page and "<h3>River Times</h3>" in page
    assert "2 of 4 articles, 2 outlet(s)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (["--outlet", "Nowhere Herald"], "error: no outlet 'Nowhere Herald' in this corpus"),
        (["--language", "xx"], "error: no language 'xx' in this corpus (it has: 'en')"),
        (["--from", "2025-3-1"], "error: the start date '2025-3-1' is not a date: use YYYY-MM-DD"),
        (["--from", "2030-01-01"], "error: no article matches the filters"),
    ],
)
def test_report_bad_filter_exits_2_with_a_clear_message(tmp_path, capsys, filters, message):
    from tests.report.corpus import write_corpus

    corpus, out = write_corpus(tmp_path / "corpus"), tmp_path / "r.html"
    args = ["report", str(corpus), "--out", str(out), "--quiet", "--no-cache", "--jobs", "1"]
    assert main([*args, *filters]) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_corrections_beside_the_corpus_change_the_export_and_bad_lines_are_printed(
    tmp_path, capsys
):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus)
    (corpus / "corrections.csv").write_text(
        "table,id,column,value\nquotes,cfad196031f2:q1,affiliation,Ukraine\n"
        "quotes,cfad196031f2:q2,affiliation,Narnia\n",
        encoding="utf-8",
    )
    assert main(["export", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert (
        "correction refused: " in captured.err and "line 3: affiliation: 'Narnia'" in captured.err
    )
    assert "1 corrections applied, 1 refused" in captured.err
    assert "5 articles loaded, 0 files skipped" in captured.out  # the file is no article
    quotes = pd.read_csv(tmp_path / "out" / "quotes.csv", keep_default_na=False)
    assert quotes.loc[quotes["corrected"], "quote_id"].tolist() == ["cfad196031f2:q1"]
    summaries = pd.read_csv(tmp_path / "out" / "summaries.csv", keep_default_na=False)
    assert "Ukrainian (2%: Keir Starmer)" in summaries["summary"].iloc[0]
    other = tmp_path / "other.csv"
    other.write_text("quotes,cfad196031f2:q1,drop,\n", encoding="utf-8")
    assert (
        main(["export", str(corpus), "--out", str(tmp_path / "o2"), "--corrections", str(other)])
        == 0
    )
    dropped = pd.read_csv(tmp_path / "o2" / "quotes.csv", keep_default_na=False)
    assert "cfad196031f2:q1" not in set(dropped["quote_id"]) and not dropped["corrected"].any()
    assert (
        main(["export", str(corpus), "--out", str(tmp_path / "o3"), "--corrections", "nope.csv"])
        == 2
    )


def test_sample_writes_the_same_sheet_for_the_same_seed(tmp_path, capsys):
    sheets = []
    for run in (1, 2):
        out = tmp_path / f"sample{run}.csv"
        args = ["sample", "escalation_hits", "4", str(CORPUS_DIR), "--seed", "9", "--out", str(out)]
        assert main([*args, "--by-outlet", "--quiet"]) == 0
        sheets.append(pd.read_csv(out, keep_default_na=False))
    assert sheets[0].equals(sheets[1])
    sheet = sheets[0]
    assert set(sheet["table"]) == {"escalation_hits"} and (sheet["mark_negated"] == "").all()
    assert sheet.groupby("outlet").size().max() <= 4 and sheet["outlet"].nunique() >= 4
    assert all(m in s for m, s in zip(sheet["matched"], sheet["sentence"], strict=True))
