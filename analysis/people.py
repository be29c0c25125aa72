"""People discovered per corpus: who each article names with a title, and what that tells the
quotes of the other articles.

Per article (the map): every person an article names with their title and the affiliation the
title gives ("Egypt's Foreign Minister Badr Abdelatty" -> Egypt), one `people` row each. Across the
corpus (the reduce): a speaker written by surname only ("Abdelatty said") takes the full name a
title introduced in any article, and a speaker with no affiliation takes the one the corpus gives
that person, when the corpus gives exactly one. Unknown stays unknown: never guessed from the outlet.
"""

from __future__ import annotations

import calendar
from collections import defaultdict

import pandas as pd

from analysis import schema
from analysis.actors import Actors
from analysis.corpus import Article
from analysis.speakers import Context

_CALENDAR = frozenset([*calendar.day_name, *calendar.month_name[1:]])  # "Wednesday December"


def people_rows(article: Article, actors: Actors) -> list[dict[str, object]]:
    """The `people` rows of one article: each person named, once per (name, title), in order."""
    context = Context(actors)
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for sentence in article.sentences:
        if sentence.is_boilerplate:
            continue
        for title, name, _ in context.people_in(sentence.text):
            if not name or (name, title) in rows or _CALENDAR & set(name.split()):
                continue
            actor = actors.affiliation(name, title)
            rows[(name, title)] = {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "name": name,
                "title": title,
                "affiliation": actor.name if actor else "",
                "sentence_id": article.sentence_id(sentence),
            }
    return list(rows.values())


def people_frame(rows: list[dict]) -> pd.DataFrame:
    """The people table from its rows."""
    return schema.conform(pd.DataFrame(rows), "people") if rows else schema.empty("people")


def resolve_speakers(quotes: pd.DataFrame, people: pd.DataFrame, actors: Actors) -> pd.DataFrame:
    """The reduce: quotes whose speaker is a bare surname take the one full name the corpus gives
    it; quotes with no affiliation take the one affiliation the corpus gives their speaker."""
    if quotes.empty:
        return quotes
    affiliations: dict[str, set[str]] = defaultdict(set)
    full_names: dict[str, set[str]] = defaultdict(set)
    named = zip(people["name"], people["affiliation"].fillna(""), strict=True)
    spoken = zip(quotes["speaker"].fillna(""), quotes["affiliation"].fillna(""), strict=True)
    for name, affiliation in [*named, *spoken]:
        if " " not in name or not name[:1].isupper():
            continue
        full_names[name.split()[-1]].add(name)
        if affiliation:
            affiliations[name].add(affiliation)
    speakers, found = [], []
    for speaker, affiliation in zip(
        quotes["speaker"].fillna(""), quotes["affiliation"].fillna(""), strict=True
    ):
        candidates = full_names.get(speaker, set()) if " " not in speaker else set()
        if len(candidates) == 1 and actors.get(speaker) is None and not actors.mentions(speaker):
            speaker = next(iter(candidates))
        known = affiliations.get(speaker, set())
        if not affiliation and len(known) == 1:
            affiliation = next(iter(known))
        speakers.append(speaker)
        found.append(affiliation)
    return quotes.assign(speaker=speakers, affiliation=found)
