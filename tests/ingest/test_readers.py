"""Input formats: Media Cloud CSV, news-API JSON, JSONL, Parquet, .gz, .zip, the column table, and
nothing lost (a bad row is reported as that row; furniture inside a paragraph never drops it)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.ingest.corpus import load_corpus, load_uploads
from analysis.ingest.readers import Limits, load_columns, read_table
from analysis.ingest.readers.columns import parse_columns
from analysis.ingest.readers.common import format_of
from analysis.pipeline import analyse
from analysis.world.toml_files import LexiconError
from tests.paths import ROOT

FLOODS = (
    "Floodwaters in southern Brazil have forced more than 80,000 people from their homes, the "
    "state civil defence agency said on Sunday. Rescue teams used boats to reach families "
    "stranded on rooftops in the outskirts of Porto Alegre."
)
RATES = (
    "The central bank raised its main interest rate by 25 basis points to 4.5 percent on "
    "Thursday, its tenth increase in a row. Inflation in the currency area stayed above 5 percent "
    "in August, official figures showed."
)
POLICE = (
    "Die Bundesregierung will 3.000 zusätzliche Stellen bei der Bundespolizei schaffen, teilte "
    "das Innenministerium am Mittwoch in Berlin mit. Die Gewerkschaft begrüßte den Plan."
)
MEDIA_CLOUD_HEADER = [
    "stories_id",
    "publish_date",
    "title",
    "url",
    "language",
    "media_name",
    "media_url",
    "text",
]


def report_of(corpus) -> dict[str, tuple[str, str]]:
    return {row.file: (row.status, row.reason) for row in corpus.report.itertuples()}


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def test_one_furniture_only_row_never_drops_the_other_rows(tmp_path):
    write_csv(
        tmp_path / "wire.csv",
        ["text", "outlet"],
        [
            [FLOODS + " Copyright 2024 Reuters. All rights reserved.", "Reuters"],
            ["Copyright 2024 Reuters. All rights reserved.", "Reuters"],
        ],
    )
    corpus = load_corpus(tmp_path)
    report = report_of(corpus)
    assert report["wire.csv#row2"][0].startswith("loaded")
    assert report["wire.csv#row3"] == (
        "skipped",
        "no article text left after removing page furniture",
    )
    (article,) = corpus.articles
    assert article.clean_text == FLOODS
    assert [s.text for s in article.sentences if s.is_boilerplate] == [
        "Copyright 2024 Reuters.",
        "All rights reserved.",
    ]


def test_media_cloud_csv_columns_are_mapped_by_the_column_table(tmp_path):
    write_csv(
        tmp_path / "mediacloud.csv",
        MEDIA_CLOUD_HEADER,
        [
            [
                "2871634",
                "2024-05-05 14:22:10",
                "Brazil floods displace thousands",
                "https://news.example.org/floods",
                "en",
                "Example Daily",
                "https://news.example.org",
                FLOODS,
            ],
            ["2871635", "", "", "", "de", "Beispiel Zeitung", "https://zeitung.example", POLICE],
        ],
    )
    corpus = load_corpus(tmp_path)
    first, second = corpus.articles
    assert (first.outlet, first.published, first.title, first.url, first.language) == (
        "Example Daily",
        "2024-05-05",
        "Brazil floods displace thousands",
        "https://news.example.org/floods",
        "en",
    )
    assert first.outlet_source == first.published_source == "header"
    assert (second.outlet, second.language, second.published) == ("Beispiel Zeitung", "de", "")
    assert second.file == "mediacloud.csv#row3"


def test_news_api_json_takes_source_name_and_content_or_description(tmp_path):
    document = {
        "status": "ok",
        "totalResults": 3,
        "articles": [
            {
                "source": {"id": None, "name": "Example Wire"},
                "author": "A. Writer",
                "title": "Rate rise",
                "description": "A short summary.",
                "url": "https://wire.example/rates",
                "publishedAt": "2023-09-14T12:15:00Z",
                "content": RATES,
            },
            {
                "source": {"id": "x", "name": "Other Paper"},
                "title": "Floods",
                "description": FLOODS,
                "publishedAt": "2024-05-05T08:00:00Z",
                "content": None,
            },
            "not an article",
        ],
    }
    (tmp_path / "newsapi.json").write_text(json.dumps(document), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    report = report_of(corpus)
    rates, floods = corpus.articles
    assert (rates.outlet, rates.published, rates.author, rates.url) == (
        "Example Wire",
        "2023-09-14",
        "A. Writer",
        "https://wire.example/rates",
    )
    assert rates.raw_text == RATES
    assert (floods.outlet, floods.raw_text) == ("Other Paper", FLOODS)
    assert report["newsapi.json#row3"] == ("skipped", "row 3: not a JSON object (a string)")


def test_gzipped_jsonl_and_a_bad_date_is_a_warning_on_that_row(tmp_path):
    lines = [
        json.dumps({"text": RATES, "outlet": "Wire", "date": "next Tuesday"}),
        "{broken",
        json.dumps({"content": POLICE, "publisher": "Zeitung", "published": "14.03.2024"}),
    ]
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    corpus = load_corpus(tmp_path)
    report = report_of(corpus)
    assert report["feed.jsonl.gz#row1"] == (
        "loaded with warnings",
        "row 1: date 'next Tuesday' is not a date; no publication date found",
    )
    assert report["feed.jsonl.gz#row2"][0] == "skipped"
    assert "invalid JSON" in report["feed.jsonl.gz#row2"][1]
    police = next(a for a in corpus.articles if a.outlet == "Zeitung")
    assert police.published == "2024-03-14"


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=700)
    return sink.getvalue()


def test_parquet_is_read_in_batches_with_nested_and_timestamp_columns(tmp_path):
    rows = 2500  # several batches and row groups
    table = pa.table(
        {
            "text": [
                f"Report number {i} says {i + 10} boats left the harbour." for i in range(rows)
            ],
            "source": [{"name": f"Outlet {i % 3}"} for i in range(rows)],
            "publish_date": pa.array(
                [pd.Timestamp("2024-02-01 10:00") + pd.Timedelta(days=i % 20) for i in range(rows)]
            ),
            "extra": list(range(rows)),
        }
    )
    data = parquet_bytes(table)
    read = list(read_table("big.parquet", data, "parquet", Limits(), load_columns()))
    assert len(read) == rows
    name, record = read[2499]
    assert name == "big.parquet#row2500"
    assert record["outlet"] == "Outlet 0" and record["published"] == "2024-02-20"
    assert record["text"] == "Report number 2499 says 2509 boats left the harbour."

    small = pa.table({"body": [FLOODS, ""], "outlet": ["Example Daily", "Nobody"]})
    (tmp_path / "small.parquet").write_bytes(parquet_bytes(small))
    corpus = load_corpus(tmp_path)
    assert [a.outlet for a in corpus.articles] == ["Example Daily"]
    assert report_of(corpus)["small.parquet#row2"][0] == "skipped"


def test_zip_of_files_loads_every_member_in_memory(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("stories/floods.txt", "Source: Example Daily\n\n" + FLOODS)
        table = io.StringIO()
        csv.writer(table).writerows([["text", "outlet"], [RATES, "Wire"]])
        archive.writestr("stories/rates.csv", table.getvalue())
        archive.writestr("stories/notes.docx", b"PK\x03\x04 not an article")
    corpus = load_uploads([("upload/bundle.zip", buffer.getvalue())])
    report = report_of(corpus)
    assert report["bundle.zip/stories/floods.txt"][0].startswith("loaded")
    assert report["bundle.zip/stories/rates.csv#row2"][0].startswith("loaded")
    assert report["bundle.zip/stories/notes.docx"][0] == "skipped"
    assert sorted(a.outlet for a in corpus.articles) == ["Example Daily", "Wire"]


def test_a_malformed_csv_row_is_reported_as_that_row(tmp_path):
    (tmp_path / "scrape.csv").write_text(
        f'text,outlet\n"{FLOODS}",Example Daily\n"{RATES}",Wire,extra cell\n"{POLICE}",Zeitung\n',
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    report = report_of(corpus)
    assert report["scrape.csv#row3"] == ("skipped", "row 3: 3 cells but the header has 2")
    assert [a.outlet for a in corpus.articles] == ["Example Daily", "Zeitung"]


def test_formats_are_named_by_the_file_name():
    assert format_of("a/b.CSV") == "csv"
    assert format_of("dump.json.gz") == "json"
    assert format_of("x.ndjson") == "jsonl"
    assert format_of("pages.zip") == "zip"
    assert format_of("x.gz.gz") is None
    assert format_of("x.docx") is None


def test_the_column_table_is_validated_with_its_line():
    good = load_columns()
    assert good.names["outlet"][:2] == ("outlet", "media_name")
    text = '[fields.text]\ncolumns = ["text"]\n\n[fields.outlet]\ncolumns = ["source", "text"]\n'
    with pytest.raises(LexiconError, match=r"line 5: column 'text' is listed for both"):
        parse_columns(
            {"fields": {"text": {"columns": ["text"]}, "outlet": {"columns": ["source", "text"]}}},
            text,
            "columns.toml",
        )
    with pytest.raises(LexiconError, match="unknown field 'summary'"):
        parse_columns(
            {"fields": {"text": {"columns": ["t"]}, "summary": {"columns": ["s"]}}}, "", "c"
        )


def test_the_shipped_articles_flattened_to_one_line_each_give_the_same_figures(
    tmp_path, shipped_corpus
):
    root = ROOT / "data" / "corpus"
    with (root / "sources.csv").open(encoding="utf-8") as handle:
        manifest = list(csv.DictReader(handle))
    write_csv(
        tmp_path / "flat.csv",
        ["text", "outlet", "published"],
        [
            [
                " ".join((root / row["file"]).read_text(encoding="utf-8").splitlines()),
                row["outlet"],
                row["published"],
            ]
            for row in manifest
        ],
    )
    flat = load_corpus(tmp_path)
    assert len(flat.articles) == len(shipped_corpus.articles) == 5
    columns = ["outlet", "value_text", "kind", "value_low", "value_high"]

    def figures(corpus) -> list[tuple]:
        frame = analyse(corpus)["figures"][columns].astype(str)
        return sorted(frame.itertuples(index=False, name=None))

    assert figures(flat) == figures(shipped_corpus)
