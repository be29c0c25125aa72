"""Hostile inputs in the new formats: each gives a clear per-file or per-row reason and the rest of
the corpus loads. Fetching talks only to a server on 127.0.0.1 started by the test."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.ingest.corpus import load_corpus
from analysis.ingest.readers import Limits, ReadError, zip_members
from analysis.ingest.readers.fetch import FetchSettings, fetch_urls, read_log
from tests.local_server import serve

GOOD = (
    "Power was restored to 60,000 homes in the valley on Saturday, the grid operator said, two "
    "days after an ice storm brought down lines across the region."
)
OTHER = (
    "The ferry service to the islands resumed on Monday with two sailings a day, the operator said."
)

SCHOOLS = "Schools in the district will stay closed until Wednesday, the education office said."
BRIDGE = "The old bridge will be rebuilt at a cost of 14 million euros, the council decided."


def report_of(corpus) -> dict[str, tuple[str, str]]:
    return {row.file: (row.status, row.reason) for row in corpus.report.itertuples()}


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_hostile_files_each_get_a_reason_and_the_good_ones_load(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "cut.csv.gz").write_bytes(gzip.compress(b"text\n" + GOOD.encode() * 50)[:60])
    (tmp_path / "notgzip.jsonl.gz").write_bytes(b"plain text, not gzip")
    (tmp_path / "climb.zip").write_bytes(
        zip_bytes(
            {
                "../../outside.txt": GOOD.encode(),
                "/etc/abs.txt": b"x",
                "fine/in.txt": (OTHER + " Tickets cost 12 euros.").encode(),
            }
        )
    )
    (tmp_path / "bomb.zip").write_bytes(zip_bytes({"zeros.csv": b"0" * 20_000_000}))
    (tmp_path / "nested.zip").write_bytes(zip_bytes({"inner.zip": zip_bytes({"a.txt": b"a"})}))
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    sink = io.BytesIO()
    pq.write_table(pa.table({"headline": ["A title"], "outlet": ["Nobody"]}), sink)
    (tmp_path / "notext.parquet").write_bytes(sink.getvalue())
    (tmp_path / "cut.parquet").write_bytes(sink.getvalue()[:40])
    separator = json.dumps(
        {"text": BRIDGE.replace(", the", ",\u2028the"), "outlet": "Line"}, ensure_ascii=False
    )
    (tmp_path / "separator.jsonl").write_text(separator + "\r\n", encoding="utf-8")
    (tmp_path / "numbers.json").write_text('[1, 2.5, null, ["text"]]')
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "latin.csv").write_bytes(f'text,outlet\n"{OTHER}",'.encode() + b"Caf\xe9 Post\n")
    mixed = f'text,outlet\n"{SCHOOLS}",Tr\u00e8s Bien\n'.encode()
    (tmp_path / "mixed.csv").write_bytes(mixed + b"Storm damage cost \x80 2 million.,Wire\n")
    (tmp_path / "quote.csv").write_text(f'text,outlet\n"{BRIDGE}",A\n"unclosed,B\nmore,C\n')

    corpus = load_corpus(tmp_path)
    report = report_of(corpus)
    assert report["good.txt"][0].startswith("loaded")
    assert report["cut.csv.gz"] == (
        "skipped",
        "truncated gzip file (it ends before its end-of-stream marker)",
    )
    assert report["notgzip.jsonl.gz"][1].startswith("not a readable gzip file")
    assert report["climb.zip/../../outside.txt"][1].startswith("unsafe name in the zip")
    assert report["climb.zip//etc/abs.txt"][1].startswith("unsafe name in the zip")
    assert report["climb.zip/fine/in.txt"][0].startswith("loaded")
    assert report["bomb.zip/zeros.csv"][1].endswith("(a zip bomb?): not read")
    assert report["nested.zip/inner.zip"][1] == "a zip inside a zip: not read (unpack it first)"
    assert report["broken.zip"][1].startswith("not a readable zip file")
    assert report["notext.parquet"][1].startswith("no text column (one of: text, body")
    assert "columns: headline, outlet" in report["notext.parquet"][1]
    assert report["cut.parquet"][1].startswith("not a readable Parquet file")
    assert report["numbers.json#row1"] == ("skipped", "row 1: not a JSON object (a number)")
    assert report["numbers.json#row3"] == ("skipped", "row 3: not a JSON object (null)")
    assert report["numbers.json#row4"] == ("skipped", "row 4: not a JSON object (an array)")
    assert report["separator.jsonl#row1"][0].startswith("loaded")
    assert report["deep.json"] == ("skipped", "invalid JSON: nested too deeply")
    latin = report["latin.csv#row2"]
    assert latin[0] == "loaded with warnings" and "not UTF-8; decoded as" in latin[1]
    assert next(a for a in corpus.articles if a.file == "latin.csv#row2").outlet == "Café Post"
    assert report["mixed.csv#row2"][0].startswith("loaded")
    assert "column 'text' is not UTF-8; decoded as cp1252" in report["mixed.csv#row3"][1]
    assert next(a for a in corpus.articles if a.file == "mixed.csv#row3").raw_text.startswith(
        "Storm damage cost € 2 million."
    )
    assert report["quote.csv#row2"][0].startswith("loaded")
    assert report["quote.csv#row3"][0] == "skipped"
    assert "cells but the header has 2" in report["quote.csv#row3"][1]


def test_zip_bounds_on_member_count_and_total_size(tmp_path):
    many = {f"n{i}.txt": (GOOD * 20).encode() for i in range(30)}
    (tmp_path / "many.zip").write_bytes(zip_bytes(many))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = report_of(load_corpus(tmp_path, max_table_bytes=50_000))
    assert report["many.zip"] == ("skipped", "zip expands to 90.6 kB, over the 50.0 kB limit")
    assert report["good.txt"][0].startswith("loaded")
    with pytest.raises(ReadError, match="zip holds 30 files, over the 10 limit"):
        list(zip_members(zip_bytes(many), Limits(zip_members=10)))


def test_urls_that_fail_are_logged_and_reported_and_the_rest_loads(tmp_path):
    with serve() as (base, _):
        urls = tmp_path / "urls.txt"
        urls.write_text(
            f"{base}/article/ok\nhttp//missing-colon.example\n{base}/gone\n{base}/slow\n"
            f"{base}/big\n{base}/report.pdf\nhttp://127.0.0.1:99999/port\n"
        )
        settings = FetchSettings(timeout=0.5, deadline=1, delay=0, max_bytes=100_000)
        rows = {row["url"]: row for row in fetch_urls(urls, tmp_path, settings)}
    assert rows[f"{base}/article/ok"]["status"] == "fetched"
    assert rows["http//missing-colon.example"]["reason"].startswith("not a URL")
    assert rows[f"{base}/gone"]["reason"] == "HTTP 404 Not Found"
    assert rows[f"{base}/slow"]["reason"] == "timed out (no answer within 0.5 s)"
    assert rows[f"{base}/big"]["reason"] == "page over the 0.1 MB limit"
    assert rows[f"{base}/report.pdf"]["reason"] == "not a web page (content type application/pdf)"
    assert rows["http://127.0.0.1:99999/port"]["reason"].startswith("not a URL")
    assert len(read_log((tmp_path / "fetched" / "fetch_log.csv").read_text())) == 7

    report = report_of(load_corpus(tmp_path))
    failed = {name: reason for name, (status, reason) in report.items() if name.startswith("urls")}
    assert len(failed) == 6 and all(
        "fetch failed" in r or "not a URL" in r for r in failed.values()
    )
    assert (
        failed["urls.txt#line3"]
        == f"{base}/gone: fetch failed (HTTP 404 Not Found) at "
        + (rows[f"{base}/gone"]["fetched_at"])
    )
    assert sum(status.startswith("loaded") for status, _ in report.values()) == 1
