"""From a loaded corpus to every table of the export contract, in one call.

The data flows one way: articles -> quotes -> figures / escalation -> stance. The dashboard and the
CLI both call `analyse`, so they always show the same numbers.
"""

from __future__ import annotations

import pandas as pd

from analysis import actors as actors_module
from analysis import escalation, figures, stance
from analysis import quotes as quotes_module
from analysis.actors import Actors
from analysis.corpus import Corpus, articles_table, sentences_table
from analysis.escalation import Lexicon


def analyse(
    corpus: Corpus, *, lexicon: Lexicon | None = None, actors: Actors | None = None
) -> dict[str, pd.DataFrame]:
    """All tables for `corpus`, keyed by their export names (see analysis/schema.py)."""
    articles = corpus.articles
    actors = actors or actors_module.load_actors()
    lexicon = lexicon or escalation.load_lexicon()
    quotes = {a.article_id: quotes_module.find_quotes(a, actors) for a in articles}
    tables = {
        "articles": articles_table(corpus),
        "load_report": corpus.report,
        "sentences": sentences_table(corpus),
    }
    tables |= figures.tables(articles, quotes)
    tables |= escalation.tables(articles, lexicon, quotes)
    tables |= stance.tables(articles, actors, quotes, tables["figures"], tables["escalation_hits"])
    return tables
