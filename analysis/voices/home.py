"""Where a speaker is from when the words name no country: the country a sentence opens in
('In Niamey, …'), the one a wire dateline names, the press's own, or the headline's (the home
country of a title with no country, docs/stance.md#quotes)."""

from __future__ import annotations

import functools
import itertools
import re

from analysis.ingest.text import Sentence
from analysis.world.actors import Actor, Actors

_DATELINE_RE = re.compile(  # its place is upper case in any script: 'BOGOTÁ,', 'PHNOM PENH,'
    r"^([^\W\d_][\w'’.-]+(?:[ /][^\W\d_][\w'’.-]+)*)\s*(?:,|—|–|--|-\s)"
)
_DATELINE_END_RE = re.compile(r"\s(?:-|–|—|--)\s+")
_TIMESTAMP_RE = re.compile(r"^\d{1,2}[:.]\d{2}(?!\d)(?:\s*[—–-]+)?\s+")  # '09:41 — ' (not '10.000')
_CJK_DATELINE_RE = re.compile(  # '新华社北京10月14日电 ', '本社北京11月6日电（记者 刘畅）'
    r"^\S{0,24}?\d{1,2}月\d{1,2}日电(?:（[^）]{0,20}）)?\s*"
)


def sentence_place(text: str, openers: frozenset[str], actors: Actors) -> Actor | None:
    """The country `text` opens in ('In Niamey, junta spokesman …', 'À Bamako, …', 'In Paris
    warnte …', 'Asked … at a briefing in Beijing, …', 'Mientras tanto, en Bogotá, …'): a
    place word of `openers`, then a place of at most three words ended by a comma or, with
    none, by the first lower-case word (a verb-second language); None when it names none."""
    text = text.lstrip()
    text = text[after_dateline(text) :]
    first, _, rest = text.partition(" ")
    if first.lower() not in openers:  # the last place of the opening clause (or of the
        clauses = text[:130].split(",")[:3]  # second, after a short discourse word)
        candidates = clauses[:2] if len(clauses[0]) <= 30 else clauses[:1]
        where = None
        for clause in candidates[: len(clauses) - 1]:  # a clause ended by its comma
            where = _place_in_opening(openers).search(clause) or where
        first, rest = ("", "") if where is None else (where.group(1), where.group(2) + ",")
    if not first:
        return None
    if "," in rest[:60]:
        place = rest.split(",", 1)[0]
    else:
        words = rest.split()[:4]
        place = " ".join(itertools.takewhile(lambda w: w[:1].isupper(), words))
    if not 0 < len(place.split()) <= 3:
        return None
    found = actors.mentions(place)
    actor = actors.get(found[0].actor) if len(found) == 1 else None
    return actor if actor is not None and actor.kind == "country" else None


@functools.lru_cache(maxsize=32)
def _place_in_opening(openers: frozenset[str]) -> re.Pattern[str]:
    """The place an opening clause names, last before its comma, after one of `openers` (a
    discourse word set off before it may come first: 'Mientras tanto, en Bogotá,')."""
    words = "|".join(sorted(map(re.escape, openers), key=len, reverse=True)) or "(?!)"
    return re.compile(  # matched on one clause, at its end
        rf"(?<!\w)({words})\s+([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){{0,2}})\s*$",
        re.IGNORECASE,
    )


def after_dateline(text: str) -> int:
    """Where a sentence's words begin after the wire dateline that opens it ('ABUJA, Aug 10
    (Wire) - In Niamey, …', '新华社北京10月14日电 '), or a live blog's time ('09:41 — '), 0 when it
    opens with none."""
    dash = _DATELINE_END_RE.search(text, 0, 80) if text[:3].isupper() else None
    dash = dash or _CJK_DATELINE_RE.match(text) or _TIMESTAMP_RE.match(text)
    return dash.end() if dash else 0


def _dateline_place(match: re.Match[str]) -> bool:
    """Whether a dateline-shaped opening is one: its place in capitals ('BOGOTÁ,'), or, in a
    script without capitals, one or two words before a dash ('طرابلس –', 'מסקט -')."""
    place = match.group(1)
    if place.isupper():
        return True
    uncased = place.upper() == place.lower()
    return uncased and len(place.split()) <= 2 and match.group(0).rstrip().endswith(("-", "–", "—"))


def home_actor(
    sentences: list[Sentence], actors: Actors, headline: str = "", press_home: str = ""
) -> Actor | None:
    """The article's home country: the one a wire dateline opening its text names ('PHNOM PENH,
    July 30 (Agency) --' -> Cambodia; 'SRINAGAR/ISLAMABAD' -> Pakistan, the one it knows), else
    (or with a place it does not know) the first country its headline names ('Armenien meldet
    …'): `headline` when the article keeps its title apart, else its first sentence (never the
    lede of an article with a title: 'fled towards the border with Rwanda' is no home). A
    language whose press is one country's (`press_home`: Korean, Hebrew …) takes that country
    before the headline's: '국방부 대변인' in a Korean story about the North is Seoul's."""
    opening = (_DATELINE_RE.match(s.text.lstrip()) for s in sentences[:2])  # after a headline
    match = next((m for m in opening if m and _dateline_place(m)), None)
    if match is not None:
        places = match.group(1).title().replace("/", " / ")
        found = {m.actor for m in actors.mentions(places)}
        if len(found) == 1:
            return actors.get(found.pop())
    if press_home and actors.get(press_home) is not None:
        return actors.get(press_home)
    if not headline and len(sentences) < 2:
        return None
    named = (actors.get(m.actor) for m in actors.mentions(headline or sentences[0].text))
    return next((a for a in named if a is not None and a.kind == "country"), None)
