"""Loading a corpus: a folder (or uploaded files) of articles into `Article` objects and a load report.

Accepted: .txt/.md (optional `Key: value` header block or YAML front matter), .html (main text by
trafilatura), .csv/.jsonl (many articles: a `text` column plus metadata columns), and an optional
manifest `sources.csv` whose rows override or complete each file's metadata. Every file ends in one
load-report row: loaded, loaded with warnings, or skipped with the reason. One bad file never fails
the corpus.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import charset_normalizer
import pandas as pd
import trafilatura

from analysis import metadata, schema
from analysis.text import Sentence, count_words, split_sentences

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MANIFEST_NAME = "sources.csv"
STORY_NAME = "story.toml"  # the corpus's story file (analysis/story.py), not an article
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
TEXT_COLUMNS = ("text", "body", "content", "article")
LOADED, WARNED, SKIPPED = "loaded", "loaded with warnings", "skipped"


@dataclass
class Article:
    """One article: its text, sentences and metadata with the source of each value."""

    article_id: str
    file: str
    sha256: str
    raw_text: str
    sentences: list[Sentence]
    outlet: str = ""
    outlet_source: str = "unknown"
    published: str = ""
    published_source: str = "unknown"
    language: str = ""
    language_source: str = "unknown"
    title: str = ""
    title_source: str = "unknown"
    url: str = ""
    author: str = ""
    origin_language: str = ""
    credit_line: str = ""
    warnings: list[str] = field(default_factory=list)
    outlet_group: str = ""
    outlet_country: str = ""
    published_precision: str = ""

    @property
    def counted_sentences(self) -> list[Sentence]:
        """Sentences that are analysed: not page furniture, not repeats."""
        return [s for s in self.sentences if s.counted]

    @property
    def clean_text(self) -> str:
        """The analysed text: counted sentences joined by spaces."""
        return " ".join(s.text for s in self.counted_sentences)

    @property
    def words(self) -> int:
        """Words in the analysed text, the base of every per-1,000-words rate."""
        return sum(count_words(s.text) for s in self.counted_sentences)

    def sentence_id(self, sentence: Sentence) -> str:
        """The id evidence columns use to point at a sentence."""
        return f"{self.article_id}:{sentence.index}"


@dataclass
class Corpus:
    """The loaded articles and one load-report row per file (or per row of a CSV/JSONL file)."""

    articles: list[Article]
    report: pd.DataFrame


@dataclass
class _Source:
    """A file to load: its name relative to the corpus root, its size and how to read it."""

    name: str
    size: int
    read: Callable[[], bytes]


class LoadError(ValueError):
    """A file (or row) that cannot be loaded; the message is the reason shown to the user."""


def article_id_for(text: str) -> str:
    """Stable id from the text itself, so reloading (or renaming the file) gives the same id."""
    canonical = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def article_from_text(
    text: str, *, file: str = "<text>", outlet: str = "", published: str = ""
) -> Article:
    """Build one Article from a string (metadata found in the text where not given)."""
    values = {k: v for k, v in {"outlet": outlet, "published": published}.items() if v}
    return _build_article(text, file, hashlib.sha256(text.encode()).hexdigest(), values, "manifest")


def load_corpus(folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Load every article under `folder`; raises FileNotFoundError/NotADirectoryError for a bad path."""
    return _load(_folder_sources(folder), max_bytes)


def load_uploads(
    files: Iterable[tuple[str, bytes]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Corpus:
    """Load uploaded (name, bytes) pairs in memory; names are reduced to their base name."""
    return _load(_upload_sources(files), max_bytes)


def read_folder(folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Reading:
    """Read (not analyse) every article under `folder`: the input of analysis/runner.py."""
    return read_sources(_folder_sources(folder), max_bytes)


def read_uploads(
    files: Iterable[tuple[str, bytes]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Reading:
    """Read (not analyse) uploaded (name, bytes) pairs, names reduced to their base name."""
    return read_sources(_upload_sources(files), max_bytes)


def _folder_sources(folder: str | Path) -> list[_Source]:
    root = Path(folder)
    if not root.exists():
        raise FileNotFoundError(f"corpus folder {str(root)!r} does not exist")
    if not root.is_dir():
        raise NotADirectoryError(f"{str(root)!r} is not a folder")
    sources = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
        name = path.relative_to(root).as_posix()
        try:
            size = path.stat().st_size
        except OSError as error:
            reason = f"cannot read file: {error.strerror or error}"
            sources.append(_Source(name, -1, _raiser(reason)))
            continue
        sources.append(_Source(name, size, path.read_bytes))
    return sources


def _upload_sources(files: Iterable[tuple[str, bytes]]) -> list[_Source]:
    sources = []
    for name, data in files:
        safe = PurePosixPath(str(name).replace("\\", "/")).name or "unnamed"
        sources.append(_Source(safe, len(data), lambda data=data: data))
    return sources


def _raiser(reason: str) -> Callable[[], bytes]:
    def read() -> bytes:
        raise LoadError(reason)

    return read


@dataclass
class Record:
    """One article as read from a file or a table row, before its text is analysed: the cheap part
    of loading, done once in the reading process; `build_article` (the expensive part: sentences,
    furniture, metadata found in the text, language) runs wherever the article is analysed."""

    name: str
    body: str
    digest: str
    given: dict[str, str]
    given_source: str
    manifest_row: dict[str, str] | None = None
    warnings: list[str] = field(default_factory=list)  # go before the article's own warnings
    notes: list[str] = field(default_factory=list)  # go after them

    @property
    def article_id(self) -> str:
        """The id the article will have (from its text), known before it is built."""
        return article_id_for(self.body.replace("\r\n", "\n"))


def build_article(record: Record) -> Article:
    """The Article of a record; LoadError when no article text is left after removing furniture."""
    article = _build_article(
        record.body,
        record.name,
        record.digest,
        record.given,
        record.given_source,
        record.manifest_row,
    )
    article.warnings[:0] = record.warnings
    article.warnings += record.notes
    return article


@dataclass
class Reading:
    """What reading the sources gave: the records, and the load report in file order, where an int
    stands for the row of that record (known once the record is built)."""

    records: list[Record]
    entries: list[dict[str, str] | int]


def read_sources(sources: list[_Source], max_bytes: int) -> Reading:
    """Read every source into records (one per file, or per row of a CSV/JSONL file) and report
    rows for what could not be read; nothing is analysed here."""
    entries: list[dict[str, str] | int] = []
    manifest = _manifest(sources, max_bytes, entries)
    records: list[Record] = []
    matched: set[str] = set()
    for source in sources:
        if source.name in (MANIFEST_NAME, STORY_NAME):
            continue
        key = _manifest_key(manifest, source.name)
        if key is not None:
            matched.add(key)
        try:
            read = _read_source(source, max_bytes, manifest[key] if key is not None else {})
        except LoadError as skip:
            entries.append(_row(source.name, SKIPPED, str(skip)))
            continue
        for name, outcome in read:
            if isinstance(outcome, str):
                entries.append(_row(name, SKIPPED, outcome))
                continue
            if manifest is not None and "#row" not in name and key is None:
                outcome.notes.append(f"no row in {MANIFEST_NAME}; metadata from the file")
            entries.append(len(records))
            records.append(outcome)
    for listed in manifest or {}:
        if listed not in matched:
            entries.append(_row(listed, SKIPPED, f"listed in {MANIFEST_NAME} but no such file"))
    return Reading(records, entries)


def first_of_each_text(records: list[Record]) -> list[int]:
    """For each record, the index of the first record with the same text (its own index for that
    first one): a repeated text is analysed once and reported as a duplicate of the first."""
    first: dict[str, int] = {}
    return [first.setdefault(record.article_id, i) for i, record in enumerate(records)]


def report_frame(reading: Reading, outcomes: list[tuple[str, list[str]] | str]) -> pd.DataFrame:
    """The load report once every record is built: `outcomes[i]` is (article id, warnings) of record
    i, or the reason it was skipped; a text seen before is a duplicate of the first file."""
    rows: list[dict[str, str]] = []
    seen: dict[str, str] = {}
    for entry in reading.entries:
        if isinstance(entry, dict):
            rows.append(entry)
            continue
        name, outcome = reading.records[entry].name, outcomes[entry]
        if isinstance(outcome, str):
            rows.append(_row(name, SKIPPED, outcome))
        elif outcome[0] in seen:
            rows.append(_row(name, SKIPPED, f"duplicate of {seen[outcome[0]]}"))
        else:
            seen[outcome[0]] = name
            rows.append(
                _row(name, WARNED if outcome[1] else LOADED, "; ".join(outcome[1]), outcome[0])
            )
    return pd.DataFrame(rows, columns=schema.columns("load_report"))


def _load(sources: list[_Source], max_bytes: int) -> Corpus:
    reading = read_sources(sources, max_bytes)
    outcomes: list[tuple[str, list[str]] | str] = []
    articles: list[Article] = []
    for i, first in enumerate(first_of_each_text(reading.records)):
        if first != i:
            outcomes.append(outcomes[first])
            continue
        try:
            article = build_article(reading.records[i])
        except LoadError as skip:
            outcomes.append(str(skip))
            continue
        outcomes.append((article.article_id, article.warnings))
        articles.append(article)
    return Corpus(articles, report_frame(reading, outcomes))


def _row(file: str, status: str, reason: str, article_id: str = "") -> dict[str, str]:
    return {"file": file, "status": status, "reason": reason, "article_id": article_id}


def _manifest(
    sources: list[_Source], max_bytes: int, report: list[dict[str, str] | int]
) -> dict[str, dict[str, str]] | None:
    """Rows of sources.csv keyed by file name (None without a usable one: a malformed manifest is
    reported and ignored)."""
    source = next((s for s in sources if s.name == MANIFEST_NAME), None)
    if source is None:
        return None
    try:
        _, text, warnings = _decode(source, max_bytes)
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "file" not in fields:
            raise LoadError(
                f"malformed manifest: no 'file' column (columns: {', '.join(fields) or 'none'})"
            )
        rows: dict[str, dict[str, str]] = {}
        for number, row in enumerate(reader, start=2):
            clean = {str(k).strip().lower(): str(v or "").strip() for k, v in row.items() if k}
            if None in row:
                warnings.append(f"line {number} has more cells than the header")
            if not clean.get("file"):
                warnings.append(f"line {number} names no file")
                continue
            rows[PurePosixPath(clean["file"]).as_posix()] = clean
    except (LoadError, csv.Error) as error:
        report.append(_row(MANIFEST_NAME, SKIPPED, f"{error}; metadata taken from the files"))
        return None
    report.append(_row(MANIFEST_NAME, WARNED if warnings else LOADED, "; ".join(warnings)))
    return rows


def _manifest_key(manifest: dict[str, dict[str, str]] | None, name: str) -> str | None:
    """The manifest row naming file `name`: by its path in the corpus, else by its base name."""
    for key in (name, PurePosixPath(name).name):
        if manifest and key in manifest:
            return key
    return None


def _decode(source: _Source, max_bytes: int) -> tuple[bytes, str, list[str]]:
    """The file's bytes and text, or LoadError for empty, oversized, binary or undecodable files."""
    if source.size == 0:
        raise LoadError("empty file")
    if source.size > max_bytes:
        raise LoadError(f"file is {_size(source.size)}, over the {_size(max_bytes)} limit")
    try:
        data = source.read()
    except OSError as error:
        raise LoadError(f"cannot read file: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise LoadError(f"file is {_size(len(data))}, over the {_size(max_bytes)} limit")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("binary file (contains NUL bytes), not text")
    try:
        text, warnings = data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise LoadError("not text: no character encoding fits its bytes") from None
        text = str(best)
        warnings = [f"not UTF-8; decoded as {best.encoding}"]
    if _control_share(text) > 0.05:
        raise LoadError("binary file (mostly control characters), not text")
    if not text.strip():
        raise LoadError("no text (only white space)")
    return data, text, warnings


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:.1f} MB" if n_bytes >= 100_000 else f"{n_bytes / 1e3:.1f} kB"


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    """Share of control characters (other than line breaks and tabs) in the first 8 KB."""
    sample = text[:8192]
    return len(_CONTROL_RE.findall(sample)) / max(len(sample), 1)


def _read_source(
    source: _Source, max_bytes: int, listed: dict[str, str]
) -> list[tuple[str, Record | str]]:
    """Records (or skip reasons) from one file, each with its report name; `listed` is the file's
    manifest row ({} when it has none)."""
    name = source.name
    suffix = PurePosixPath(name).suffix.lower()
    if any(part.startswith(".") for part in PurePosixPath(name).parts):
        raise LoadError("hidden file or folder: not read")
    if suffix not in SUPPORTED_SUFFIXES:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise LoadError(f"unsupported file type '{suffix or 'none'}' (supported: {supported})")
    data, text, warnings = _decode(source, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TABLE_SUFFIXES:
        return _table_articles(name, text, suffix, warnings)
    header: dict[str, str] = {}
    body = text
    if suffix in HTML_SUFFIXES:
        body, header = _html_text(text)
    return [(name, Record(name, body, digest, header, "header", listed, warnings))]


def _html_text(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page, by trafilatura (made for news pages)."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise LoadError("no article text found in the HTML")
    values = {
        "title": getattr(document, "title", None),
        "outlet": getattr(document, "sitename", None),
        "published": metadata.normalise_date(getattr(document, "date", None)),
        "url": getattr(document, "url", None),
        "author": getattr(document, "author", None),
        "language": getattr(document, "language", None),
    }
    return text, {k: str(v) for k, v in values.items() if v}


def _table_articles(
    name: str, text: str, suffix: str, warnings: list[str]
) -> list[tuple[str, Record | str]]:
    """One article per row of a CSV or JSONL file; bad rows are reported, the rest kept."""
    rows: list[tuple[int, dict | str]] = []
    if suffix == ".csv":
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
            raise LoadError(f"malformed CSV: {str(error).strip()}") from error
        rows = [(i + 2, row) for i, row in enumerate(frame.to_dict("records"))]
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                rows.append((number, f"invalid JSON: {error.msg}"))
                continue
            except RecursionError:
                rows.append((number, "invalid JSON: nested too deeply"))
                continue
            rows.append((number, record if isinstance(record, dict) else "not a JSON object"))
    results: list[tuple[str, Record | str]] = []
    for number, row in rows:
        row_name = f"{name}#row{number}"
        if isinstance(row, str):
            results.append((row_name, f"line {number}: {row}"))
            continue
        lowered = {str(k).strip().lower(): v for k, v in row.items()}
        column = next((c for c in TEXT_COLUMNS if c in lowered), None)
        if column is None:
            raise LoadError(f"no text column (one of: {', '.join(TEXT_COLUMNS)})")
        body = str(lowered.get(column) or "")
        if not body.strip():
            results.append((row_name, f"line {number}: empty text"))
            continue
        header = metadata.known_fields(lowered)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        results.append((row_name, Record(row_name, body, digest, header, "header", None, warnings)))
    if not rows:
        raise LoadError("no rows")
    return results


def _build_article(
    body: str,
    name: str,
    digest: str,
    given: dict[str, str],
    given_source: str,
    manifest_row: dict[str, str] | None = None,
) -> Article:
    """An Article from its text: header block, manifest row, then the text itself, in that order."""
    text = body.replace("\r\n", "\n")
    found = metadata.parse_header(text)
    sentences = split_sentences(text, found.body_start)
    if not any(s.counted for s in sentences):
        raise LoadError("no article text left after removing page furniture")
    values: dict[str, tuple[str, str]] = {k: (v, "header") for k, v in found.values.items()}
    values |= {k: (v, given_source) for k, v in given.items() if v}
    warnings: list[str] = [found.warning] if found.warning else []
    for key, value in (manifest_row or {}).items():
        if key == "published" and value and not metadata.normalise_date(value):
            warnings.append(f"manifest date {value!r} is not a date")
        elif key == "published" and value:
            values[key] = (metadata.normalise_date(value), "manifest")
        elif key in metadata.FIELDS and value:
            values[key] = (value, "manifest")
    in_text = {
        "published": lambda: metadata.date_in_text(text, sentences),
        "outlet": lambda: metadata.outlet_in_text(text),
        "title": lambda: metadata.title_in_text(sentences, text),
        "language": lambda: metadata.detect_language(
            " ".join(s.text for s in sentences if s.counted)
        ),
    }
    for key, finder in in_text.items():
        if key not in values:
            found_value = finder()
            values[key] = (found_value, "text") if found_value else ("", "unknown")
    article = Article(
        article_id=article_id_for(text),
        file=name,
        sha256=digest,
        raw_text=text,
        sentences=sentences,
        outlet=values["outlet"][0],
        outlet_source=values["outlet"][1],
        published=values["published"][0],
        published_source=values["published"][1],
        language=values["language"][0],
        language_source=values["language"][1],
        title=values["title"][0],
        title_source=values["title"][1],
        url=values.get("url", ("", ""))[0],
        author=values.get("author", ("", ""))[0],
        origin_language=(manifest_row or {}).get("origin_language", ""),
        credit_line=(manifest_row or {}).get("credit_line", ""),
        warnings=warnings,
        outlet_group=(manifest_row or {}).get("outlet_group", ""),
        outlet_country=(manifest_row or {}).get("outlet_country")
        or (manifest_row or {}).get("country", ""),
        published_precision=metadata.date_precision(values["published"][0]),
    )
    if not article.published:
        article.warnings.append("no publication date found")
    return article


def article_row(article: Article) -> dict[str, object]:
    """The `articles` row of one article, with the provenance of its metadata."""
    return {
        "article_id": article.article_id,
        "file": article.file,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "published": article.published,
        "published_source": article.published_source,
        "language": article.language,
        "title": article.title,
        "url": article.url,
        "words": article.words,
        "sha256": article.sha256,
        "language_source": article.language_source,
        "title_source": article.title_source,
        "origin_language": article.origin_language,
        "author": article.author,
        "credit_line": article.credit_line,
        "sentences": sum(s.counted for s in article.sentences),
        "boilerplate_sentences": sum(s.is_boilerplate for s in article.sentences),
        "repeated_sentences": sum(s.is_repeat for s in article.sentences),
        "warnings": "; ".join(article.warnings),
        "outlet_group": article.outlet_group,
        "outlet_country": article.outlet_country,
        "published_precision": article.published_precision,
    }


def sentence_rows(article: Article) -> list[dict[str, object]]:
    """The `sentences` rows of one article, with offsets and status."""
    return [
        {
            "article_id": article.article_id,
            "sentence_id": article.sentence_id(s),
            "index": s.index,
            "char_start": s.char_start,
            "char_end": s.char_end,
            "is_boilerplate": s.is_boilerplate,
            "is_repeat": s.is_repeat,
            "text": s.text,
        }
        for s in article.sentences
    ]


def articles_table(corpus: Corpus) -> pd.DataFrame:
    """The `articles` table: one row per article with the provenance of its metadata."""
    rows = [article_row(a) for a in corpus.articles]
    return pd.DataFrame(rows, columns=schema.columns("articles"))


def sentences_table(corpus: Corpus) -> pd.DataFrame:
    """The `sentences` table: every sentence of every article with its offsets and status."""
    rows = [row for a in corpus.articles for row in sentence_rows(a)]
    return pd.DataFrame(rows, columns=schema.columns("sentences"))
