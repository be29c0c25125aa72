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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis import escalation, figures, review, schema, stance
from analysis.escalation import Lexicon
from analysis.escalation.keyness import count_words, sentence_texts
from analysis.escalation.lexicon import parse_lexicon
from analysis.events import reduce as event_reduce
from analysis.events.extract import event_rows
from analysis.figures import claims
from analysis.ingest.article import Article, article_row, sentence_rows
from analysis.ingest.corpus import Corpus
from analysis.stance import main_claim
from analysis.stance.framing import framing_rows
from analysis.stance.tone import QUOTE_WORD_COLUMNS, tone_rows
from analysis.voices import attribution, people
from analysis.voices.packs import actors_for
from analysis.world.actors import Actors
from analysis.world.story import Story, parse_story
from analysis.world.story import load_story as read_story
from analysis.world.toml_files import read_text

# Tables the map emits per article; the last is internal (not exported), summed by the reduce.
ARTICLE_TABLES = (
    "articles",
    "sentences",
    "quotes",
    "figures",
    "escalation_hits",
    "framing",
    "people",
    "events",
    "tone",
)
INTERNAL_COLUMNS = {"quote_words": QUOTE_WORD_COLUMNS}
MAP_TABLES = ARTICLE_TABLES + tuple(INTERNAL_COLUMNS)
_CODE_ROOT = Path(__file__).resolve().parent
_DATA_ROOT = _CODE_ROOT.parent / "data"


@dataclass(frozen=True)
class Rules:
    """Everything the per-article analysis depends on besides the article: the escalation lexicon
    ('' = the shipped file) and the story file ('' = none: the world gazetteer, each actor its own
    camp, the claim chosen from the corpus), each as its TOML text. Plain texts, so a Rules value
    is cheap to send to worker processes and to hash into the cache key."""

    lexicon_text: str = ""
    story_text: str = ""
    names: tuple[str, str] = ("<editor>", "<editor>")  # shown in errors; no part of the version
    _parsed: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    @classmethod
    def from_files(cls, lexicon: str | Path | None = None, story: str | Path | None = None):
        """Rules from a lexicon file (None = shipped) and a story file (None = no story); a bad
        file raises LexiconError naming the file and line at once, not later in a worker."""
        texts = [read_text(Path(p))[0] if p else "" for p in (lexicon, story)]
        rules = cls(texts[0], texts[1], (str(lexicon or ""), str(story or "")))
        rules.lexicon, rules.story  # noqa: B018 - parse (validate) now
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
    def story(self) -> Story:
        """The story file (parsed once per process); no story: the world gazetteer alone."""
        if "story" not in self._parsed:
            self._parsed["story"] = (
                parse_story(self.story_text, name=self.names[1])
                if self.story_text
                else read_story(None)
            )
        return self._parsed["story"]

    @property
    def actors(self) -> Actors:
        """The actors: the world gazetteer and what the story file adds."""
        return self.story.actors

    @cached_property
    def version(self) -> str:
        """Hash of everything that can change an article's rows: the lexicon and actors texts, the
        analysis code and the shipped data files (lexicons, language packs). Part of the cache key."""
        digest = hashlib.sha256()
        for text in (self.lexicon_text, self.story_text):
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
            "story_text": self.story_text,
            "names": self.names,
        }

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_parsed", {})


def analyse_article(article: Article, rules: Rules) -> dict[str, list[dict]]:
    """The map: one article's rows of every per-article table (see MAP_TABLES), nothing shared."""
    actors, lexicon = rules.actors, rules.lexicon
    named: dict[str, list] = {}  # the people each sentence names, found once for quotes and people
    quotes = attribution.quotes_of(article, actors, named)
    # each sentence's actors (with their names in the article's language), found once for all
    mentions = attribution.article_mentions(actors_for(actors, article.language), article, quotes)
    figure_rows = figures.article_rows(article, quotes)
    hit_rows = escalation.hit_rows(article, lexicon, quotes)
    events = event_rows(article, quotes, mentions)
    tone, quote_words = tone_rows(article, actors, quotes, hit_rows, mentions, events)
    return {
        "articles": [article_row(article)],
        "sentences": sentence_rows(article),
        "quotes": stance.quote_rows(article, quotes),
        "figures": figure_rows,
        "escalation_hits": hit_rows,
        "framing": framing_rows(article, actors, quotes, figure_rows, mentions),
        "people": people.people_rows(article, actors, named, quotes),
        "events": events,
        "tone": tone,
        "quote_words": quote_words,
    }


def frames(parts: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """The map's rows of many articles as one DataFrame per table, articles in the given order."""
    rows = {name: [row for part in parts for row in part[name]] for name in MAP_TABLES}
    built = {
        "quotes": schema.from_rows(rows["quotes"], "quotes"),
        "figures": figures.frame(rows["figures"]),
        "framing": schema.from_rows(rows["framing"], "framing"),
        "people": schema.from_rows(rows["people"], "people"),
    }
    for name in ("articles", "sentences", "escalation_hits", "events", "tone", *INTERNAL_COLUMNS):
        columns = INTERNAL_COLUMNS.get(name) or schema.columns(name)
        typed = schema.typed_columns(rows[name], columns)
        built[name] = (
            pd.DataFrame(typed, copy=False)
            if typed is not None
            else pd.DataFrame(rows[name], columns=columns)
        )
    return {name: built[name] for name in MAP_TABLES}


def reduce_tables(
    mapped: dict[str, pd.DataFrame],
    report: pd.DataFrame,
    rules: Rules,
    camps: dict[str, str] | None = None,
    by_group: bool = False,
    corrections: review.Corrections | None = None,
) -> dict[str, pd.DataFrame]:
    """The reduce: every table of the export contract from the per-article tables of the corpus.
    `camps` (actor -> camp) regroups the story's camps and `by_group` sums outlets by their outlet
    group, e.g. as the analyst set them on the dashboard: only this reduce runs again.
    `corrections` (a corrections.csv read) are applied to the per-article tables first."""
    tables = dict(reduce_stream(dict(mapped), report, rules, camps, by_group, corrections))
    return {name: tables[name] for name in schema.TABLES}


def reduce_stream(
    mapped: dict[str, pd.DataFrame],
    report: pd.DataFrame,
    rules: Rules,
    camps: dict[str, str] | None = None,
    by_group: bool = False,
    corrections: review.Corrections | None = None,
) -> Iterator[tuple[str, pd.DataFrame]]:
    """The reduce table by table, (name, table) as each is ready, letting go of each per-article
    table of `mapped` (which it empties) once nothing later needs it: a caller that writes and
    drops each table holds one corpus of rows at a time, not the map's and the export's both.
    `corrections` are applied first (their outcome is the `corrections_report` table), so every table
    built from a corrected row shows the correction."""
    actors = rules.actors.regrouped(camps) if camps else rules.actors
    corrected, applied = review.apply_corrections(mapped, corrections, known(rules))
    mapped.update(corrected)  # in place: the caller's dict is still emptied table by table
    del corrected
    yield "corrections_report", applied
    mapped["articles"] = with_outlet_groups(mapped["articles"], rules.story)
    if by_group:
        mapped = outlets_as_groups(mapped)
    articles = mapped.pop("articles")
    outlets = list(dict.fromkeys(articles["outlet"]))
    # The order lets a caller write each table while the next is computed (cli._write_stream): a
    # table passed on as it is (sentences, figures) or quick to make is handed out just before a
    # long computation, and each table is let go of as early as that allows.
    yield "load_report", report
    sentences = mapped.pop("sentences")
    words = count_words(sentence_texts(sentences), articles)  # for keyness, before it is let go
    yield "sentences", sentences
    del sentences
    escalation_tables = escalation.corpus_tables(
        mapped.pop("escalation_hits"), articles, rules.lexicon, words
    )
    figures = mapped.pop("figures")
    yield "figures", figures
    claim_tables = claims.corpus_tables(figures)
    yield "escalation_hits", escalation_tables.pop("escalation_hits")
    claim = actors.core_claim.label if actors.core_claim else None
    framing = mapped.pop("framing")
    events = mapped.pop("events")
    # without a story file the main claim is the figure or the event most outlets carry
    event = event_reduce.main_event(events) if actors.core_claim is None else None
    carried: dict[str, list[str]] = {}  # outlet -> its sentences giving the main figure
    counts: dict[str, list[tuple[str, str]]] = {}  # outlet -> its own counts of the same
    main = main_claim.main_claim(figures) if actors.core_claim is None else None
    if main is not None:
        giving = figures[figures["sentence_id"].isin(main["sentence_ids"])]
        if event is None or giving["outlet"].nunique() >= event[3]:
            claim = main_claim.claim_label(main)
            framing = _claim_first(main_claim.claim_framing(framing, main, claim), framing)
            for outlet, sentence_id in zip(giving["outlet"], giving["sentence_id"], strict=True):
                carried.setdefault(outlet, []).append(sentence_id)
            counts = main_claim.other_counts(figures, main, carried)
    del figures
    yield "claims_timeline", claim_tables.pop("claims_timeline")
    quotes = people.resolve_speakers(mapped.pop("quotes"), mapped["people"], actors)
    yield from claim_tables.items()
    yield from escalation_tables.items()
    del claim_tables, escalation_tables
    yield "articles", articles
    yield "people", mapped.pop("people")
    quotes = stance.with_camps(quotes, actors)
    yield "quotes", quotes
    yield "framing", framing
    yield "events", events
    tone = mapped.pop("tone")
    yield from stance.stance_tables(
        quotes,
        framing,
        tone,
        mapped.pop("quote_words"),
        actors,
        outlets,
        claim,
        events,
        event,
        carried,
        counts,
    ).items()
    yield "tone", tone


def known(rules: Rules) -> review.Known:
    """What a corrected value is checked against in a run with `rules`."""
    return review.Known(
        frozenset(actor.name for actor in rules.actors.actors),
        frozenset(rules.lexicon.labels),
    )


def _claim_first(claim_rows: pd.DataFrame, framing: pd.DataFrame) -> pd.DataFrame:
    """The framing table with each article's main-claim rows before its figure rows."""
    if claim_rows.empty:
        return framing
    order = pd.Index(pd.unique(framing["article_id"]))
    both = pd.concat([claim_rows, framing], ignore_index=True)
    position = order.get_indexer(both["article_id"])
    position[position < 0] = len(order)  # an article with no other framing row goes last
    both = both.assign(_p=position, _f=both["figure_ref"] != "")
    both = both.sort_values(["_p", "_f"], kind="stable").drop(columns=["_p", "_f"])
    return schema.conform(both, "framing")


def outlets_as_groups(mapped: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every per-article table with its outlet replaced by the outlet's group (an outlet in no
    group stays itself), so every table the reduce sums is per outlet group."""
    articles = mapped["articles"]
    group = articles["outlet_group"].fillna("").astype(str)
    label = dict(
        zip(articles["article_id"], group.where(group != "", articles["outlet"]), strict=True)
    )
    return {
        name: frame.assign(outlet=frame["article_id"].map(label).fillna(frame["outlet"]))
        if "outlet" in frame.columns and "article_id" in frame.columns and not frame.empty
        else frame
        for name, frame in mapped.items()
    }


def with_outlet_groups(articles: pd.DataFrame, story: Story) -> pd.DataFrame:
    """Articles with the outlet group and country the story file gives where the manifest gave
    none."""
    if not story.outlets or articles.empty:
        return articles
    filled = articles.copy()
    for column, key in (("outlet_group", "group"), ("outlet_country", "country")):
        given = filled["outlet"].map(lambda o, k=key: story.outlets.get(o, {}).get(k, ""))
        filled[column] = filled[column].where(filled[column].fillna("") != "", given)
    return filled


def analyse(
    corpus: Corpus,
    *,
    lexicon: Lexicon | None = None,
    actors: Actors | None = None,
    story: Story | None = None,
) -> dict[str, pd.DataFrame]:
    """All tables for a loaded `corpus`, in this process (analysis/runner.py runs the same map in
    parallel and cached); keyed by their export names (see analysis/schema.py). No story and no
    actors: the world gazetteer, each actor its own camp, the claim chosen from the corpus."""
    return reduce_tables(*map_corpus(corpus, lexicon=lexicon, actors=actors, story=story))


def map_corpus(
    corpus: Corpus,
    *,
    lexicon: Lexicon | None = None,
    actors: Actors | None = None,
    story: Story | None = None,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame, Rules]:
    """The map over a loaded corpus in this process: (per-article tables, load report, rules),
    what `reduce_tables` takes, so a test can reduce the same map with other camps."""
    rules = Rules()
    if lexicon is not None:
        rules._parsed["lexicon"] = lexicon
    if story is not None or actors is not None:
        rules._parsed["story"] = story or Story(actors)
    parts = [analyse_article(article, rules) for article in corpus.articles]
    return frames(parts), corpus.report, rules
