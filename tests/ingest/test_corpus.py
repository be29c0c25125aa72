"""Corpus loading: the shipped corpus, every accepted format, and hostile files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analysis.ingest.article import article_from_text, article_id_for
from analysis.ingest.corpus import load_corpus, load_uploads
from tests.paths import ROOT

ARTICLE = (
    "Rutte said the North Korean deployment represented a significant escalation of the war. "
    "He spoke to reporters in Brussels on Monday."
)


def report_of(corpus) -> dict[str, tuple[str, str]]:
    return {row.file: (row.status, row.reason) for row in corpus.report.itertuples()}


def test_shipped_corpus_matches_the_manifest(shipped_corpus):
    with (ROOT / "data/corpus/sources.csv").open(encoding="utf-8") as handle:
        manifest = {row["file"]: row for row in csv.DictReader(handle)}
    loaded = {a.file: a for a in shipped_corpus.articles}
    assert set(loaded) == set(manifest)
    for name, row in manifest.items():
        assert loaded[name].outlet == row["outlet"]
        assert loaded[name].published == row["published"]
        assert loaded[name].outlet_source == loaded[name].published_source == "manifest"
    assert set(shipped_corpus.report["status"]) == {"loaded"}


def test_metadata_is_found_in_the_text_without_a_manifest(tmp_path):
    for path in (ROOT / "data/corpus").glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    articles = {a.file[:3]: a for a in load_corpus(tmp_path).articles}
    expected_dates = {
        "000": "2024-10-19",
        "001": "2024-10-28",
        "003": "2024-11-20",
        "004": "2024-10-24",
    }
    for prefix, date in expected_dates.items():
        assert (articles[prefix].published, articles[prefix].published_source) == (date, "text")
    # 002 only says "Wednesday December 4": no year, so the date stays unknown, never guessed.
    assert (articles["002"].published, articles["002"].published_source) == ("", "unknown")
    assert "no publication date found" in articles["002"].warnings
    assert (articles["000"].outlet, articles["000"].outlet_source) == ("Daily Express", "text")
    assert articles["003"].outlet == "Korea JoongAng Daily"
    assert (articles["001"].outlet, articles["001"].outlet_source) == ("", "unknown")


def test_article_id_is_stable_and_from_content(tmp_path, shipped_corpus):
    again = load_corpus(ROOT / "data/corpus")
    assert [a.article_id for a in again.articles] == [a.article_id for a in shipped_corpus.articles]
    (tmp_path / "renamed.txt").write_text(ARTICLE, encoding="utf-8")
    assert load_corpus(tmp_path).articles[0].article_id == article_id_for(ARTICLE)


def test_header_block_and_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Title: Nato confirms deployment\nSource: Reuters\nDate: 28 October 2024\n"
        "URL: https://example.org/a\nLanguage: en\nAuthor: Jane Doe\n\n" + ARTICLE,
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: Kremlin silent\noutlet: Le Monde\npublished: 2024-12-04\n---\n"
        "The Kremlin declined to comment on the reports of troops in the Kursk region today.",
        encoding="utf-8",
    )
    articles = {a.file: a for a in load_corpus(tmp_path).articles}
    a, b = articles["a.txt"], articles["b.md"]
    assert (a.title, a.outlet, a.published, a.url, a.author) == (
        "Nato confirms deployment",
        "Reuters",
        "2024-10-28",
        "https://example.org/a",
        "Jane Doe",
    )
    assert a.outlet_source == a.published_source == a.title_source == "header"
    assert "Title:" not in a.clean_text and a.clean_text.startswith("Rutte said")
    assert (b.title, b.outlet, b.published) == ("Kremlin silent", "Le Monde", "2024-12-04")


def test_html_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Troops in Kursk</title>"
        '<meta property="og:site_name" content="The Kyiv Independent">'
        '<meta property="article:published_time" content="2024-11-05T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Troops in Kursk</h1>"
        f"<p>{ARTICLE}</p><p>Ukraine said about 11,000 North Korean soldiers were in the Kursk "
        "region, and that some had already come under fire from Ukrainian drones.</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8",
    )
    (article,) = load_corpus(tmp_path).articles
    assert "11,000 North Korean soldiers" in article.clean_text
    assert "Home | World" not in article.raw_text
    assert (article.outlet, article.published) == ("The Kyiv Independent", "2024-11-05")


def test_csv_and_jsonl_hold_many_articles(tmp_path):
    with (tmp_path / "many.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "date", "title", "text"])
        writer.writerow(["BBC", "2024-11-01", "One", ARTICLE])
        writer.writerow(
            ["CNN", "1 Nov 2024", "Two", "Kyiv said Russia had amassed some 50,000 troops."]
        )
        writer.writerow(["Empty", "2024-11-01", "Three", ""])
    lines = [
        json.dumps({"text": "Seoul said 1,500 special forces were sent.", "source": "Yonhap"}),
        "{not json",
        json.dumps({"text": "Pyongyang called the reports groundless rumours.", "outlet": "KCNA"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    outlets = {a.file: (a.outlet, a.published) for a in corpus.articles}
    assert outlets == {
        "many.csv#row2": ("BBC", "2024-11-01"),
        "many.csv#row3": ("CNN", "2024-11-01"),
        "feed.jsonl#row1": ("Yonhap", ""),
        "feed.jsonl#row3": ("KCNA", ""),
    }
    report = report_of(corpus)
    assert report["many.csv#row4"][0] == "skipped"
    assert report["many.csv#row4"][1].startswith("row 4: empty text")
    assert (
        report["feed.jsonl#row2"][0] == "skipped" and "invalid JSON" in report["feed.jsonl#row2"][1]
    )


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A folder of good articles mixed with every kind of bad file."""
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "latin1.txt").write_bytes(
        "Der Kreml bestätigte die Berichte über nordkoreanische Soldaten in Kursk nicht. "
        "Außenministerin Baerbock sprach von einer gefährlichen Eskalation des Krieges.".encode(
            "cp1252"
        )
    )
    (tmp_path / "huge.txt").write_text(ARTICLE * 200, encoding="utf-8")
    (tmp_path / "z_copy.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "furniture.txt").write_text("Picture: REUTERS\n(Image: Getty)\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE + " Hidden.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published\ngood.txt,Reuters,2024-10-28\nmissing.txt,Ghost,2024-10-01\n"
        "latin1.txt,Der Spiegel,not a date\n",
        encoding="utf-8",
    )
    return tmp_path


def test_hostile_files_are_reported_and_the_good_ones_load(hostile_folder):
    corpus = load_corpus(hostile_folder, max_bytes=10_000)
    report = report_of(corpus)
    assert report["good.txt"] == ("loaded", "")
    assert report["empty.txt"] == ("skipped", "empty file")
    assert report["blank.txt"] == ("skipped", "no text (only white space)")
    assert report["binary.txt"][0] == "skipped" and "binary" in report["binary.txt"][1]
    assert (
        report["image.png"][0] == "skipped"
        and "unsupported file type '.png'" in report["image.png"][1]
    )
    assert report["huge.txt"][0] == "skipped" and "over the 10.0 kB limit" in report["huge.txt"][1]
    assert report["z_copy.txt"] == ("skipped", "duplicate of good.txt")
    assert report["dangling.txt"][0] == "skipped" and "cannot read" in report["dangling.txt"][1]
    assert (
        report["furniture.txt"][0] == "skipped" and "page furniture" in report["furniture.txt"][1]
    )
    assert report[".hidden.txt"][0] == "skipped"
    assert report["missing.txt"] == ("skipped", "listed in sources.csv but no such file")
    status, reason = report["latin1.txt"]
    assert status == "loaded with warnings"
    assert "not UTF-8; decoded as" in reason and "manifest date 'not a date'" in reason
    latin = next(a for a in corpus.articles if a.file == "latin1.txt")
    assert "bestätigte" in latin.raw_text and latin.outlet == "Der Spiegel"
    assert latin.language == "de"
    files_on_disk = {p.name for p in hostile_folder.iterdir()} | {"missing.txt"}
    assert set(report) == files_on_disk, "every file ends in exactly one report row"
    assert sorted(a.file for a in corpus.articles) == ["good.txt", "latin1.txt"]


def test_file_without_manifest_row_is_loaded_with_a_warning(hostile_folder):
    (hostile_folder / "extra.txt").write_text(
        "Seoul's spy agency said North Korea had sent about 3,000 more troops.", encoding="utf-8"
    )
    status, reason = report_of(load_corpus(hostile_folder))["extra.txt"]
    assert status == "loaded with warnings" and "no row in sources.csv" in reason


@pytest.mark.parametrize(
    "manifest",
    [b"outlet,published\nReuters,2024-10-28\n", b"\x00\x01\x02binary", b""],
    ids=["no file column", "binary", "empty"],
)
def test_malformed_manifest_is_reported_and_files_still_load(tmp_path, manifest):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.csv").write_bytes(manifest)
    corpus = load_corpus(tmp_path)
    status, reason = report_of(corpus)["sources.csv"]
    assert status == "skipped" and "metadata taken from the files" in reason
    assert [a.file for a in corpus.articles] == ["good.txt"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(NotADirectoryError):
        load_corpus(tmp_path / "file.txt")


def test_uploads_stay_in_memory_and_names_lose_their_paths():
    corpus = load_uploads([("../../etc/evil.txt", ARTICLE.encode()), ("bad.bin", b"\x00\x00")])
    assert [a.file for a in corpus.articles] == ["evil.txt"]
    assert report_of(corpus)["bad.bin"][0] == "skipped"


def test_article_from_text_builds_sentences():
    article = article_from_text(ARTICLE, outlet="Test", published="2024-10-28")
    assert article.outlet == "Test" and article.published == "2024-10-28"
    assert [s.index for s in article.sentences] == [0, 1]
    assert article.words == 13 + 8
    assert article.sentence_id(article.sentences[1]) == f"{article.article_id}:1"


def test_manifest_row_matches_a_file_in_a_sub_folder_by_its_base_name(tmp_path):
    (tmp_path / "wires").mkdir()
    (tmp_path / "wires" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published\ngood.txt,Reuters,2024-10-28\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    (article,) = corpus.articles
    assert (article.outlet, article.outlet_source) == ("Reuters", "manifest")
    assert report_of(corpus) == {"sources.csv": ("loaded", ""), "wires/good.txt": ("loaded", "")}
