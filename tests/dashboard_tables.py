"""Hand-made dashboard tables shared by the dashboard's tests (state, filtered, highlight, compare,
charts): the `tables` fixture, the `table` helper that builds a schema table from partial rows, and
the sentences they quote. tests/conftest.py registers this module as a plugin, so every test module
can ask for `tables` without importing it."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import schema

RUTTE = (
    "Nato Secretary-General Mark Rutte confirmed on Monday that North Korean troops had been sent "
    "to Russia and that North Korean military units had been deployed to the Kursk region."
)
RANGE = (
    "South Korea's spy agency said 10,000 to 12,000 North Korean troops had been sent to Russia."
)
ZELENSKY = (
    "Intelligence from Ukrainian President Volodymyr Zelensky suggests that as many as 10,000 "
    "North Korean soldiers could be deployed to bolster Russian forces."
)


def table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A schema table from partial rows (missing columns empty)."""
    frame = pd.DataFrame(rows)
    text_columns = [c for c in frame.columns if frame[c].dtype == object]
    frame[text_columns] = frame[text_columns].fillna("")
    return frame.reindex(columns=schema.columns(name), fill_value="")


@pytest.fixture()
def tables() -> dict[str, pd.DataFrame]:
    """Two outlets, three articles (one undated), figures, escalation hits and rates, quotes."""
    articles = table(
        "articles",
        [
            {"article_id": "a1", "outlet": "Wire", "published": "2024-10-28", "words": 300},
            {"article_id": "a2", "outlet": "Tabloid", "published": "2024-10-19", "words": 200},
            {"article_id": "a3", "outlet": "Tabloid", "published": "", "words": 100},
        ],
    )
    figures = table(
        "figures",
        [
            {
                "article_id": "a1",
                "outlet": "Wire",
                "published": "2024-10-28",
                "kind": "troops",
                "value_low": 10000,
                "value_high": 12000,
                "value_text": "10,000 to 12,000",
                "subject": "North Korean troops",
                "sentence": RANGE,
                "is_repeat": False,
                "char_start": RANGE.index("10,000"),
                "char_end": RANGE.index(" North"),
            },
            {
                "article_id": "a2",
                "outlet": "Tabloid",
                "published": "2024-10-19",
                "kind": "troops",
                "value_low": 10000,
                "value_high": 10000,
                "value_text": "10,000",
                "approximator": "as many as",
                "subject": "North Korean soldiers",
                "sentence": ZELENSKY,
                "is_repeat": False,
                "char_start": ZELENSKY.index("10,000"),
                "char_end": ZELENSKY.index("10,000") + 6,
            },
            {
                "article_id": "a2",
                "outlet": "Tabloid",
                "published": "2024-10-19",
                "kind": "money",
                "value_low": float("nan"),
                "value_high": float("nan"),
                "vague": "billions",
                "value_text": "billions",
                "sentence": "It cost billions.",
                "is_repeat": False,
                "char_start": 0,
                "char_end": 0,
            },
        ],
    )
    hits = table(
        "escalation_hits",
        [
            {
                "article_id": "a1",
                "outlet": "Wire",
                "category": "military",
                "term": "deploy*",
                "matched": "deployed",
                "negated": False,
                "voice": "narrator",
                "sentence": RUTTE,
                "sentence_id": "a1:0",
                "char_start": RUTTE.index("deployed"),
                "char_end": RUTTE.index("deployed") + 8,
                "register": "evaluative",
            },
            {
                "article_id": "a2",
                "outlet": "Tabloid",
                "category": "military",
                "term": "deploy*",
                "matched": "deployed",
                "negated": True,
                "voice": "quoted",
                "speaker": "Volodymyr Zelensky",
                "sentence": ZELENSKY,
                "sentence_id": "a2:0",
                "char_start": ZELENSKY.index("deployed"),
                "char_end": ZELENSKY.index("deployed") + 8,
                "register": "evaluative",
            },
        ],
    )
    rates = table(
        "escalation_rates",
        [
            {
                "level": "article",
                "outlet": "Wire",
                "article_id": "a1",
                "category": "military",
                "hits": 3,
                "hits_narrator": 2,
                "words": 300,
                "register": "evaluative",
            },
            {
                "level": "article",
                "outlet": "Tabloid",
                "article_id": "a2",
                "category": "military",
                "hits": 4,
                "hits_narrator": 1,
                "words": 200,
                "register": "evaluative",
            },
            {
                "level": "article",
                "outlet": "Tabloid",
                "article_id": "a3",
                "category": "military",
                "hits": 1,
                "hits_narrator": 1,
                "words": 100,
                "register": "evaluative",
            },
            {
                "level": "outlet",
                "outlet": "Wire",
                "category": "military",
                "hits": 3,
                "hits_narrator": 2,
                "words": 300,
                "register": "evaluative",
            },
        ],
    )
    sentences = table(
        "sentences",
        [
            {
                "article_id": "a1",
                "sentence_id": "a1:0",
                "index": 0,
                "char_start": 0,
                "char_end": len(RUTTE),
                "is_boilerplate": False,
                "is_repeat": False,
                "text": RUTTE,
            },
            {
                "article_id": "a2",
                "sentence_id": "a2:0",
                "index": 0,
                "char_start": 0,
                "char_end": len(ZELENSKY),
                "is_boilerplate": False,
                "is_repeat": False,
                "text": ZELENSKY,
            },
        ],
    )
    return {
        "articles": articles,
        "figures": figures,
        "claims_timeline": figures[schema.columns("claims_timeline")],
        "escalation_hits": hits,
        "escalation_rates": rates,
        "sentences": sentences,
        "load_report": table(
            "load_report", [{"file": "x.bin", "status": "skipped", "reason": "binary"}]
        ),
    }
