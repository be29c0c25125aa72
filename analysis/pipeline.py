"""From a corpus to every table of the export contract: a per-article map, then a corpus reduce.

The map (`analyse_article`) is one pure function: an article and the rules (lexicons, actors) give
that article's rows of every per-article table (sentences, quotes, figures, escalation hits,
framing, and the tone rows stance is summed from). The reduce (`reduce_tables`) builds the
cross-article tables (claims timeline, who reported what, rates per outlet, top terms, stance,
summaries) from those rows alone. That seam is what the process pool, the per-article cache and
Dask plug into (analysis/runner.py); the dashboard and the CLI both end in `reduce_tables`, so they
always show the same numbers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis import actors as actors_module
from analysis import attribution, claims, escalation, figures, schema, stance
from analysis.actors import Actors
from analysis.corpus import Article, Corpus, article_row, sentence_rows
from analysis.escalation import Lexicon
from analysis.lexicon import parse_lexicon, read_text
from analysis.tone import CAMP_WORD_COLUMNS, TONE_COLUMNS, tone_rows

# Tables the map emits per article; the last two are internal (not exported), summed by the reduce.
ARTICLE_TABLES = ("articles", "sentences", "quotes", "figures", "escalation_hits", "framing")
INTERNAL_COLUMNS = {"tone": TONE_COLUMNS, "camp_words": CAMP_WORD_COLUMNS}
MAP_TABLES = ARTICLE_TABLES + tuple(INTERNAL_COLUMNS)
_CODE_ROOT = Path(__file__).resolve().parent
_DATA_ROOT = _CODE_ROOT.parent / "data"


@dataclass(frozen=True)
class Rules:
    """Everything the per-article analysis depends on besides the article: the escalation lexicon
    and the actors, each as its TOML text ('' = the shipped file). Plain texts, so a Rules value is
    cheap to send to worker processes and to hash into the cache key."""

    lexicon_text: str = ""
    actors_text: str = ""
    names: tuple[str, str] = ("<editor>", "<editor>")  # shown in errors; no part of the version
    _parsed: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    @classmethod
    def from_files(cls, lexicon: str | Path | None = None, actors: str | Path | None = None):
        """Rules from lexicon files (None = shipped); a bad file raises LexiconError naming the file
        and line at once, not later in a worker."""
        texts = [read_text(Path(p))[0] if p else "" for p in (lexicon, actors)]
        rules = cls(texts[0], texts[1], (str(lexicon or ""), str(actors or "")))
        rules.lexicon, rules.actors  # noqa: B018 - parse (validate) now
        return rules

    @property
    def lexicon(self) -> Lexicon:
        """The escalation lexicon (parsed once per process)."""
        if "lexicon" not in self._parsed:
            self._parsed["lexicon"] = (
                parse_lexicon(self.lexicon_text, name=self.names[0])
                if self.lexicon_text
                else escalation.load_lexicon()
            )
        return self._parsed["lexicon"]

    @property
    def actors(self) -> Actors:
        """The actors (parsed once per process)."""
        if "actors" not in self._parsed:
            self._parsed["actors"] = (
                actors_module.parse_actors(self.actors_text, self.names[1])
                if self.actors_text
                else actors_module.load_actors()
            )
        return self._parsed["actors"]

    @cached_property
    def version(self) -> str:
        """Hash of everything that can change an article's rows: the lexicon and actors texts, the
        analysis code and the shipped data files (lexicons, language packs). Part of the cache key."""
        digest = hashlib.sha256()
        for text in (self.lexicon_text, self.actors_text):
            digest.update(hashlib.sha256(text.encode()).digest())
        files = sorted(_CODE_ROOT.rglob("*.py")) + sorted(
            p for p in _DATA_ROOT.rglob("*") if p.is_file() and "corpus" not in p.parts
        )
        for path in files:
            digest.update(str(path.relative_to(_CODE_ROOT.parent)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()

    def __getstate__(self) -> dict:
        """Only the texts travel to worker processes; each parses them once."""
        return {
            "lexicon_text": self.lexicon_text,
            "actors_text": self.actors_text,
            "names": self.names,
        }

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_parsed", {})


def analyse_article(article: Article, rules: Rules) -> dict[str, list[dict]]:
    """The map: one article's rows of every per-article table (see MAP_TABLES), nothing shared."""
    actors, lexicon = rules.actors, rules.lexicon
    quotes = attribution.quotes_of(article, actors)
    figure_rows = figures.article_rows(article, quotes)
    hit_rows = escalation.hit_rows(article, lexicon, quotes)
    tone, camp_words = tone_rows(article, actors, quotes, hit_rows)
    return {
        "articles": [article_row(article)],
        "sentences": sentence_rows(article),
        "quotes": stance.quote_rows(article, quotes),
        "figures": figure_rows,
        "escalation_hits": hit_rows,
        "framing": stance.framing_rows(article, actors, quotes, figure_rows),
        "tone": tone,
        "camp_words": camp_words,
    }


def frames(parts: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """The map's rows of many articles as one DataFrame per table, articles in the given order."""
    rows = {name: [row for part in parts for row in part[name]] for name in MAP_TABLES}
    built = {
        "articles": pd.DataFrame(rows["articles"], columns=schema.columns("articles")),
        "sentences": pd.DataFrame(rows["sentences"], columns=schema.columns("sentences")),
        "quotes": stance.quotes_frame(rows["quotes"]),
        "figures": figures.frame(rows["figures"]),
        "escalation_hits": pd.DataFrame(
            rows["escalation_hits"], columns=schema.columns("escalation_hits")
        ),
        "framing": stance.framing_frame(rows["framing"]),
    }
    for name, columns in INTERNAL_COLUMNS.items():
        built[name] = pd.DataFrame(rows[name], columns=columns)
    return built


def reduce_tables(
    mapped: dict[str, pd.DataFrame], report: pd.DataFrame, rules: Rules
) -> dict[str, pd.DataFrame]:
    """The reduce: every table of the export contract from the per-article tables of the corpus."""
    articles = mapped["articles"]
    outlets = list(dict.fromkeys(articles["outlet"]))
    tables = {"articles": articles, "load_report": report, "sentences": mapped["sentences"]}
    tables["figures"] = mapped["figures"]
    tables |= claims.corpus_tables(mapped["figures"])
    tables |= escalation.corpus_tables(mapped["escalation_hits"], articles, rules.lexicon)
    tables |= stance.corpus_tables(
        mapped["quotes"],
        mapped["framing"],
        mapped["tone"],
        mapped["camp_words"],
        rules.actors,
        outlets,
    )
    return {name: tables[name] for name in schema.TABLES}


def analyse(
    corpus: Corpus, *, lexicon: Lexicon | None = None, actors: Actors | None = None
) -> dict[str, pd.DataFrame]:
    """All tables for a loaded `corpus`, in this process (analysis/runner.py runs the same map in
    parallel and cached); keyed by their export names (see analysis/schema.py)."""
    rules = Rules()
    if lexicon is not None:
        rules._parsed["lexicon"] = lexicon
    if actors is not None:
        rules._parsed["actors"] = actors
    parts = [analyse_article(article, rules) for article in corpus.articles]
    return reduce_tables(frames(parts), corpus.report, rules)
