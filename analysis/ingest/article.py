"""One article: its text, sentences and metadata (`Article`), how it is built from what was read
(`Record` -> `build_article`: sentences, page furniture, metadata found in the text, language), and
its rows of the `articles` and `sentences` tables. Building is the expensive part of loading, so it
runs inside the per-article map (analysis/pipeline.py), wherever the article is analysed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from analysis.ingest import metadata, readers
from analysis.ingest.boundaries import may_split_otherwise, pack_abbreviations
from analysis.ingest.text import Sentence, count_words, split_sentences
from analysis.world import languages
from analysis.world.writing import writing

LoadError = readers.ReadError  # a file (or row) that cannot be loaded; the message is the reason


_LETTER_RE = re.compile(r"[^\W\d_]")  # a letter of any script


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
        """Words in the analysed text, the base of every per-1,000-words rate; in a script written
        without spaces (text.toml characters_per_word) its letters over the characters a word."""
        per_word = writing(self.language).characters_per_word if self.language else 0.0
        if per_word:
            letters = sum(len(_LETTER_RE.findall(s.text)) for s in self.counted_sentences)
            return round(letters / per_word)
        return sum(s.words if s.words >= 0 else count_words(s.text) for s in self.counted_sentences)

    def sentence_id(self, sentence: Sentence) -> str:
        """The id evidence columns use to point at a sentence."""
        return f"{self.article_id}:{sentence.index}"


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

    @cached_property
    def article_id(self) -> str:
        """The id the article will have (from its text), known before it is built: found once,
        where the records are read (for duplicates and the cache) and kept for the build."""
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
        record.article_id,
    )
    article.warnings[:0] = record.warnings
    article.warnings += record.notes
    return article


def _build_article(
    body: str,
    name: str,
    digest: str,
    given: dict[str, str],
    given_source: str,
    manifest_row: dict[str, str] | None = None,
    article_id: str = "",
) -> Article:
    """An Article from its text: header block, manifest row, then the text itself, in that order
    (`article_id`: the id of the text when already known)."""
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
    abbreviations = pack_abbreviations(values["language"][0])
    # the language's own abbreviations ('т.е.', 'bzw.', 'Sr.'): split again when the text holds one
    if abbreviations and may_split_otherwise(text, abbreviations):
        sentences = split_sentences(text, found.body_start, abbreviations)
    article = Article(
        article_id=article_id or article_id_for(text),
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
    if article.language and not languages.has_pack(article.language):
        article.warnings.append(
            f"language {article.language!r} has no language pack (data/languages/): figures "
            "without kinds, no escalation terms, quotes without speakers"
        )
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
