"""urls.txt: pages fetched once into the corpus folder with their provenance, never at load time.
Every request goes to a server on 127.0.0.1 started by the test."""

from __future__ import annotations

import time

from analysis.cli import main
from analysis.ingest.corpus import load_corpus
from analysis.ingest.readers.fetch import (
    FETCHED,
    LOG_NAME,
    FetchSettings,
    fetch_urls,
    page_file,
    read_log,
)
from tests.local_server import serve

FAST = FetchSettings(timeout=0.5, deadline=2, delay=0, max_bytes=100_000)


def report_of(corpus) -> dict[str, tuple[str, str]]:
    return {row.file: (row.status, row.reason) for row in corpus.report.itertuples()}


def test_pages_are_fetched_once_kept_with_provenance_and_loaded(tmp_path):
    with serve() as (base, requests):
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# harbour stories\n{base}/article/1\n\n{base}/article/2\n")
        rows = fetch_urls(urls, tmp_path, FAST)
        assert [r["status"] for r in rows] == [FETCHED, FETCHED]
        assert fetch_urls(urls, tmp_path, FAST) == []  # nothing fetched twice
        assert requests == ["/article/1", "/article/2"]
    log = read_log((tmp_path / LOG_NAME).read_text(encoding="utf-8"))
    first = log[f"{base}/article/1"]
    assert first["file"] == page_file(f"{base}/article/1")
    assert first["fetched_at"].endswith("+00:00") and int(first["bytes"]) > 300
    assert (tmp_path / first["file"]).is_file()

    corpus = load_corpus(tmp_path)
    (article,) = corpus.articles  # both pages hold the same story: one is a duplicate
    assert article.url in {f"{base}/article/1", f"{base}/article/2"}
    assert article.outlet == "Coastal Tribune"
    assert "40 fishing boats" in article.clean_text and "Home | World" not in article.raw_text
    reasons = [reason for _, reason in report_of(corpus).values()]
    assert sum(r.startswith("duplicate of fetched/") for r in reasons) == 1


def test_loading_never_fetches_and_names_what_is_missing(tmp_path):
    (tmp_path / "urls.txt").write_text("http://127.0.0.1:9/never\nnot a url\n")
    (tmp_path / "own.txt").write_text(
        "Dockworkers in Lowmouth voted to end a two-week strike on Friday, the union said."
    )
    report = report_of(load_corpus(tmp_path))
    assert report["urls.txt#line1"][0] == "skipped"
    assert "not fetched yet (run: python -m analysis fetch urls.txt" in report["urls.txt#line1"][1]
    assert report["urls.txt#line2"] == (
        "skipped",
        "not a url: not a URL: it must start with http:// or https://",
    )
    assert report["own.txt"][0].startswith("loaded")


def test_polite_delay_between_requests_to_one_host(tmp_path):
    with serve() as (base, requests):
        urls = tmp_path / "urls.txt"
        urls.write_text(f"{base}/article/a\n{base}/article/b\n{base}/article/c\n")
        started = time.monotonic()
        fetch_urls(urls, tmp_path, FetchSettings(timeout=1, delay=0.25))
        assert time.monotonic() - started >= 0.5
        assert len(requests) == 3


def test_cli_fetch_then_export(tmp_path, capsys):
    with serve() as (base, _):
        urls = tmp_path / "urls.txt"
        urls.write_text(f"{base}/article/9\n{base}/gone\n")
        corpus = tmp_path / "corpus"
        code = main(["fetch", str(urls), "--into", str(corpus), "--delay", "0", "--timeout", "1"])
    assert code == 1  # one URL failed
    err = capsys.readouterr().err
    assert f"fetched: {base}/article/9 fetched/" in err
    assert f"failed: {base}/gone HTTP 404" in err
    (corpus / "urls.txt").write_text(urls.read_text())
    assert (
        main(["export", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "--quiet"]) == 0
    )
    err = capsys.readouterr().err
    assert f"skipped: urls.txt#line2: {base}/gone: fetch failed (HTTP 404 Not Found)" in err
