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
import re
from collections import defaultdict

import numpy as np
import pandas as pd

from analysis import schema
from analysis.ingest.article import Article
from analysis.voices.packs import actors_for
from analysis.voices.spans import Quote
from analysis.voices.speakers import Context
from analysis.world import languages
from analysis.world.actors import Actors

_CALENDAR = frozenset([*calendar.day_name, *calendar.month_name[1:]])  # "Wednesday December"
_BEFORE_RE = re.compile(r"(?:^|[,;:“”\"(]\s*)(?P<title>[^,;:“”\"()]{3,100}),\s*$")
_AFTER_RE = re.compile(r"^,\s*(?P<title>[^,;:“”\"()]{3,100}),")
_CLAUSE_CUT_RE = re.compile(r"[,;:“”\"()]")
# "The RSF commander " before a name. A match starts where a word does, so the look-behind (which
# only skips starts inside a word) changes no match and spares a search of every character.
_LEAD_RE = re.compile(r"(?<![\w.'’-])(?P<title>(?:[\w.'’-]+\s+){1,6})$")


def _appositive(text: str, name: str, offset: int, actors: Actors) -> str:
    """The description beside a name when it names an actor, else '': set off by commas ('A State
    Department spokesperson, Tammy Bruce, said' / 'Tom Perriello, the U.S. envoy, said') or the
    words just before it ('The RSF commander Mohamed Hamdan Dagalo')."""
    at = text.find(name, offset)
    if at < 0:
        return ""
    lead = text[:at].rstrip()
    while (last := lead.rsplit(None, 1)[-1:]) and last[0][:1].isupper() and last[0] != name:
        lead = lead[: lead.rstrip().rfind(" ")].rstrip() if " " in lead else ""  # "Brig. Gen."
    clause = _CLAUSE_CUT_RE.split(lead + " " if lead else text[:at])[-1]
    for match in (
        _BEFORE_RE.search(text[:at]) if text[:at].rstrip().endswith(",") else None,
        _AFTER_RE.match(text[at + len(name) :]),
        _LEAD_RE.search(clause),
    ):
        if match and actors.mentions(match.group("title")):
            return match.group("title").strip()
    return ""


def people_rows(
    article: Article,
    actors: Actors,
    named: dict[str, list] | None = None,
    quotes: list[Quote] | None = None,
) -> list[dict[str, object]]:
    """The `people` rows of one article: each person named, once per (name, title), in order;
    `named`: the article's memo of the people each text names, shared with its quotes. English
    reads names and titles from every sentence; another language, whose names the English rules
    cannot tell from its words ('Il Ruanda', 'Relações Exteriores'), lists its quotes' speakers
    who are people (`quotes`), with their side and no title."""
    if languages.code(article.language) != "en":
        return _speaker_rows(article, actors_for(actors, article.language), quotes or [])
    context = Context(actors, named={} if named is None else named)
    rows: dict[tuple[str, str], dict[str, object]] = {}
    for sentence in article.sentences:
        if sentence.is_boilerplate:
            continue
        for title, name, offset in context.people_in(sentence.text):
            if not name or (name, title) in rows or _CALENDAR & set(name.split()):
                continue
            if not actors.mentions(title):  # "Israeli military spokesman Brig. Gen. Effie Defrin"
                beside = _appositive(sentence.text, name, offset, actors)
                title = f"{beside} {title}".strip() if beside and title else beside or title
            actor = actors.affiliation(name, title)
            at = sentence.text.find(name, offset)
            start = sentence.char_start + (at if at >= 0 else offset)
            rows[(name, title)] = {
                "article_id": article.article_id,
                "outlet": article.outlet,
                "name": name,
                "title": title,
                "affiliation": actor.name if actor else "",
                "sentence_id": article.sentence_id(sentence),
                "person_id": schema.row_id(article.article_id, "p", start, start + len(name)),
                "corrected": False,
            }
    return list(rows.values())


def _speaker_rows(article: Article, actors: Actors, quotes: list[Quote]) -> list[dict[str, object]]:
    """People rows from a non-English article's speakers: a name of two words or more in a script
    with capitals ('Thérèse Kayikwamba Wagner', 'Антониу Гутерреш'), or a listed official in one
    without (习近平), never a body ('Conselho de Segurança da ONU') or a description."""
    rows: dict[str, dict[str, object]] = {}
    raw = article.raw_text
    for quote in quotes:
        name = quote.speaker
        found = actors.mentions(name)
        whole = found and found[0].start == 0 and found[-1].end == len(name)
        if not name or name in rows or (whole and actors.person(name) is None):
            continue
        words = name.split()
        if words[0][:1].isupper():
            if len(words) < 2:
                continue
        elif actors.person(name) is None:  # no capitals to tell a name: only listed officials
            continue
        at = raw.find(name)
        sentence = (
            next((s for s in article.sentences if s.char_start <= at < s.char_end), None)
            if at >= 0
            else None
        )
        if sentence is None:
            continue
        rows[name] = {
            "article_id": article.article_id,
            "outlet": article.outlet,
            "name": name,
            "title": "",
            "affiliation": quote.affiliation,
            "sentence_id": article.sentence_id(sentence),
            "person_id": schema.row_id(article.article_id, "p", at, at + len(name)),
            "corrected": False,
        }
    return list(rows.values())


def resolve_speakers(quotes: pd.DataFrame, people: pd.DataFrame, actors: Actors) -> pd.DataFrame:
    """The reduce: quotes whose speaker is a bare surname (or the end of a name: 'Padrino López')
    take the one full name the corpus gives it; quotes with no affiliation take the one affiliation the corpus gives their speaker."""
    if quotes.empty:
        return quotes
    affiliations: dict[str, set[str]] = defaultdict(set)
    full_names: dict[str, set[str]] = defaultdict(set)
    named = zip(people["name"].tolist(), people["affiliation"].fillna("").tolist(), strict=True)
    pair_of, quoted = _distinct_pairs(quotes["speaker"], quotes["affiliation"])
    for name, affiliation in {*named, *quoted}:  # each distinct pair once: sets, order is moot
        if " " not in name or not name[:1].isupper():
            continue
        words = name.lower().split()
        full_names[words[-1]].add(name)  # "Abdelatty"
        full_names[words[0]].add(name)  # "Guo" (family name first)
        if len(words) >= 3:  # two surnames: "Padrino", "Padrino López" for "Vladimir Padrino López"
            full_names[" ".join(words[1:])].add(name)
            for middle in words[1:-1]:
                full_names[middle].add(name)
        if affiliation:
            affiliations[name].add(affiliation)

    def completed(speaker: str) -> str:
        candidates = {
            name  # a name one given name longer at most, so a title glued to it is no full name
            for name in full_names.get(speaker.lower(), set())
            if name != speaker
            and (" " not in speaker or len(name.split()) == len(speaker.split()) + 1)
        }
        candidates -= {c for c in candidates for o in candidates if o.endswith(" " + c)}
        if len(candidates) == 1 and actors.get(speaker) is None and not actors.mentions(speaker):
            return next(iter(candidates))
        return speaker

    resolved: dict[tuple[str, str], tuple[str, str]] = {}  # worked out once per distinct pair
    full_name = {speaker: completed(speaker) for speaker in {s for s, _ in quoted}}
    for speaker, affiliation in quoted:
        full = full_name[speaker]
        known = affiliations.get(full, set())
        given = next(iter(known)) if not affiliation and len(known) == 1 else affiliation
        resolved[speaker, affiliation] = (full, given)
    speakers, found = zip(*map(resolved.__getitem__, quoted), strict=True)
    return quotes.assign(  # each distinct pair's result, taken for every quote
        speaker=pd.Series(list(speakers)).array.take(pair_of),
        affiliation=pd.Series(list(found)).array.take(pair_of),
    )


def _distinct_pairs(first: pd.Series, second: pd.Series) -> tuple[np.ndarray, list[tuple]]:
    """Each row's position among the distinct (first, second) pairs (missing text as ''), and
    those pairs in order of first appearance: factorized, not walked row by row."""
    codes, uniques = pd.factorize(first.fillna(""))
    other_codes, other_uniques = pd.factorize(second.fillna(""))
    pair_of, pairs = pd.factorize(codes.astype(np.int64) * len(other_uniques) + other_codes)
    left, right = (
        uniques.take(pairs // len(other_uniques)),
        other_uniques.take(pairs % len(other_uniques)),
    )
    return pair_of, list(zip(left.tolist(), right.tolist(), strict=True))
