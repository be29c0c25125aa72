"""Hostile, untrusted article text: the analysis never raises, never hangs, and its tables hold.

Every input is generated here, deterministically. Each goes through `load_uploads` + `analyse` under
a time bound, and the result is checked against the export contract: schema columns, evidence ids
that exist in the sentences table, and character spans inside the raw text.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import time

import pandas as pd
import pytest

from analysis import schema
from analysis.ingest.corpus import load_uploads
from analysis.pipeline import analyse
from dashboard.highlight import LAYERS, article_spans, highlight_html

SECONDS_PER_ARTICLE = 5.0
LEDE = "Officials said 10,000 North Korean troops were sent to Russia, a major escalation."


def _csv(rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _mixed_scripts() -> str:
    arabic = "قال المسؤولون إن 10,000 جندي كوري شمالي أرسلوا إلى روسيا. "
    chinese = "官员说，一万名朝鲜士兵被派往俄罗斯。"
    emoji = "🇰🇵🪖💥 " * 200
    combining = "e\u0301\u0302\u0303\u0304" * 500
    joiners = "\u200d\u200c\u200b\u2060\ufeff\u202e\u2066" * 500
    controls = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t") * 20
    return f"{LEDE}\n\n{arabic * 50}\n{chinese * 50}\n{emoji}\n{combining}\n{joiners}\n{controls}"


def _random_words(count: int) -> str:
    rng = random.Random(7)
    vocab = ["said", "Kim", "“", "”", '"', "10,000", "troops", "war", "not", ".", "NATO", "up to"]
    return " ".join(rng.choice(vocab) for _ in range(count))


HOSTILE: dict[str, str] = {
    "long_line": ("troops said " + "a" * 40 + " ") * 3900,
    "ten_thousand_lines": "\n".join(f"Line {i} said troops" for i in range(10_000)),
    "only_punctuation": "!?.,;:-—…()[]{}'\"/\\|*&^%#@~`" * 2000,
    "only_quote_marks": '“ " ‘ « ' * 6000 + "“" * 5000 + "«" * 5000 + "'" * 5000,
    "said_said_said": "said " * 30_000,
    "capitalised_words": " ".join(f"Name{chr(65 + i % 26)}x" for i in range(1000)) + " said war.",
    "capitalised_run_no_digits": ("Kim Jong " * 1000) + "said “war” was near.",
    "digit_commas": "1," + "000," * 20_000 + "000 troops",
    "digit_dots": ".".join(str(i % 10) for i in range(40_000)) + " soldiers",
    "digit_dashes": "-".join(["10"] * 20_000) + " troops were killed",
    "dollar_signs": "$" * 50_000 + " 5 million",
    "digits_only": "9" * 100_000,
    "number_words": " ".join(
        ["one", "two", "three", "hundred", "thousand", "million", "and", "dozen"] * 3000
    )
    + " troops",
    "number_words_thousand": "thousand " * 20_000 + "troops",
    "mixed_scripts": _mixed_scripts(),
    "html_script": "<html><body><script>"
    + "alert('x');" * 5000
    + "</script><p>"
    + LEDE
    + "</p><!-- "
    + "-" * 10_000
    + "</body></html>",
    "crlf_and_cr": (LEDE + "\r\n") * 500 + (LEDE + "\r") * 500 + "\r" * 5000,
    "malformed_front_matter": "---\ntitle: [unclosed\n  - : : :\noutlet: {a: b\n---\n" + LEDE,
    "unterminated_front_matter": "---\ntitle: x\n" + "key: value\n" * 5000 + LEDE,
    "header_500_keys": "".join(f"Key{i}: value {i}\n" for i in range(500)) + "\n" + LEDE,
    "identical_sentences": (LEDE + " ") * 3000,
    "one_word_sentences": "War. " * 50_000,
    "random_tokens": _random_words(20_000),
    "stop_runs": "." * 100_000 + " troops " + "!?" * 20_000,
    "open_brackets": "(" * 100_000,
    "abbreviations": "Gen. Mr. U.S. Nov. " * 10_000,
    "figures_in_one_sentence": "10,000 troops " * 7_000,
    "neither_nor": "neither " * 25_000 + "nor Russia has confirmed it",
    "exponent_overflow": "2 x 105000 troops, 1.5 × 10400 shells and 2 x 10" + "9" * 5000 + " men.",
    "bad_separators": "1.2,3,4 troops and 12,34,5 shells and 1.000.000,00,0 men.",
    "long_date_header": "Date: " + "1 " * 50_000 + "\n\n" + LEDE,
    "yaml_alias_bomb": "---\na: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    + "title: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n"
    + LEDE,
    "deep_yaml": "---\ntitle: " + "[" * 20_000 + "]" * 20_000 + "\n---\n" + LEDE,
}

TABLE_FILES: dict[str, str] = {
    "huge_cell.csv": _csv([{"outlet": "X", "text": LEDE + " " + "troops " * 150_000}]),
    "nested.jsonl": "\n".join(
        json.dumps(
            {
                "text": LEDE,
                "outlet": {"name": {"deep": [1, 2, {"x": None}]}},
                "published": [2024, 10, 1],
                "title": None,
                "author": {"a": "b"},
            }
        )
        for _ in range(3)
    ),
    "deep.jsonl": '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + json.dumps({"text": LEDE}),
}

EVIDENCE_COLUMNS = {
    "figures": ["sentence_id"],
    "claims_timeline": ["sentence_id"],
    "who_reported_what": ["sentence_ids"],
    "escalation_hits": ["sentence_id"],
    "quotes": ["sentence_ids"],
    "framing": ["sentence_id"],
    "stance": ["evidence_ids"],
    "summaries": ["evidence_ids"],
}
SPAN_TABLES = ("sentences", "figures", "escalation_hits", "quotes")


def _ids(cell: object) -> list[str]:
    return [part for part in str(cell).split("; ") if part] if pd.notna(cell) else []


def _check_invariants(corpus, tables: dict[str, pd.DataFrame]) -> None:
    for name, frame in tables.items():
        assert list(frame.columns) == schema.columns(name), name
    sentence_ids = set(tables["sentences"]["sentence_id"])
    for name, columns in EVIDENCE_COLUMNS.items():
        for column in columns:
            for cell in tables[name][column]:
                missing = set(_ids(cell)) - sentence_ids
                assert not missing, f"{name}.{column} points at unknown sentences {missing}"
    lengths = {a.article_id: len(a.raw_text) for a in corpus.articles}
    for name in SPAN_TABLES:
        for row in tables[name].itertuples():
            start, end = int(row.char_start), int(row.char_end)
            assert 0 <= start <= end <= lengths[row.article_id], (name, start, end)
    for article in corpus.articles:
        for sentence in article.sentences:
            raw = article.raw_text[sentence.char_start : sentence.char_end]
            assert len(raw) == len(sentence.text)


def _run(name: str, data: bytes) -> None:
    started = time.perf_counter()
    corpus = load_uploads([(name, data)])
    tables = analyse(corpus)
    elapsed = time.perf_counter() - started
    assert elapsed < SECONDS_PER_ARTICLE, f"{name} took {elapsed:.1f} s"
    assert len(corpus.report) >= 1
    assert set(corpus.report["status"]) <= {"loaded", "loaded with warnings", "skipped"}
    _check_invariants(corpus, tables)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_is_analysed_quickly_and_consistently(case):
    suffix = ".html" if case.startswith("html") else ".txt"
    _run(case + suffix, HOSTILE[case].encode("utf-8"))


@pytest.mark.parametrize("file", sorted(TABLE_FILES))
def test_hostile_tables_are_analysed_quickly_and_consistently(file):
    _run(file, TABLE_FILES[file].encode("utf-8"))


def test_figure_values_are_finite_numbers():
    text = (
        HOSTILE["digit_commas"]
        + "\n\n"
        + HOSTILE["digits_only"]
        + "\n\n"
        + HOSTILE["exponent_overflow"]
    )
    figures = analyse(load_uploads([("big.txt", text.encode())]))["figures"]
    values = pd.to_numeric(figures["value_low"]).dropna()
    assert values.map(math.isfinite).all()


def test_bad_headers_and_rows_are_reported_and_lose_nothing():
    corpus = load_uploads(
        [
            ("front.md", HOSTILE["malformed_front_matter"].encode()),
            ("bomb.md", HOSTILE["yaml_alias_bomb"].encode()),
            ("deep.jsonl", TABLE_FILES["deep.jsonl"].encode()),
        ]
    )
    report = {row.file: row for row in corpus.report.itertuples()}
    assert "front matter is not valid YAML" in report["front.md"].reason
    assert report["bomb.md"].status != "skipped" and len(corpus.articles[1].title) < 200
    assert report["deep.jsonl#row1"].status == "skipped"
    assert "nested too deeply" in report["deep.jsonl#row1"].reason
    assert report["deep.jsonl#row2"].status != "skipped"
    assert all(LEDE in article.raw_text for article in corpus.articles)


def test_article_view_marks_thousands_of_spans_quickly():
    corpus = load_uploads([("many.txt", HOSTILE["figures_in_one_sentence"].encode())])
    tables = analyse(corpus)
    article = corpus.articles[0]
    spans = article_spans(article.article_id, tables)
    started = time.perf_counter()
    page = highlight_html(article.raw_text, spans, LAYERS)
    assert time.perf_counter() - started < SECONDS_PER_ARTICLE
    assert page.count('class="hl-figure"') == len(tables["figures"])
