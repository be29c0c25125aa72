"""Scoring of speakers against hand labels in tests/data/speakers/<batch>.toml (tests and
benchmarks).

Each article lists every named speaker as [name, affiliation]. A labelled speaker is found when a
quote of the article has a speaker of that name ('Khawaja Asif' is found as 'Asif' or 'Khawaja
Asif'; 'foreign ministry' as 'Pakistan's foreign ministry'), and right when one such quote also
has the labelled affiliation ('' when the reporting gives none). A quote is a false speaker when
its speaker matches no labelled speaker of its article (nor one it leaves unnamed: 'Afghan
officials'): clauses, operations, 'news channels'.
Articles are read with the world gazetteer alone (no story file), as a new corpus would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.ingest.article import article_from_text
from analysis.voices.attribution import quotes_of
from analysis.world.actors import world
from analysis.world.toml_files import parse_toml

BATCHES = Path(__file__).parent / "data" / "speakers"
_LEADING_RE = re.compile(r"^(?:the|a|an|le|la|les|l'|der|die|das|el|los)\s+", re.I)


def articles(batch: str) -> list[dict]:
    """The labelled articles of one batch ('batch_a', 'batch_b')."""
    path = BATCHES / f"{batch}.toml"
    return parse_toml(path.read_text(encoding="utf-8"), name=path.name)["article"]


def _norm(name: str) -> str:
    name = name.replace("’", "'").strip()
    return _LEADING_RE.sub("", name).removesuffix("'s").casefold()


def canonical(affiliation: str, actors) -> str:
    """The gazetteer's name for a labelled affiliation ('European Union' -> 'EU'): the writers of
    the batches name sides as a reader would, not as the gazetteer spells them; '' stays ''."""
    if not affiliation or actors.get(affiliation) is not None:
        return affiliation
    whole = {
        m.actor for m in actors.mentions(affiliation) if (m.start, m.end) == (0, len(affiliation))
    }
    return whole.pop() if len(whole) == 1 else affiliation


def same_speaker(found: str, gold: str) -> bool:
    """Whether a found speaker names the labelled one: the same name, one inside the other
    ('ministry' in 'foreign ministry'), or the same last word ('Asif', 'Khawaja Asif')."""
    found, gold = _norm(found), _norm(gold)
    if not found or not gold:
        return False
    return found in gold or gold in found or found.split()[-1] == gold.split()[-1]


@dataclass
class Score:
    """What a batch scores: labelled speakers found (with the right affiliation), quotes with a
    speaker, false speakers, and the misses and false speakers as written, to read."""

    labelled: int = 0
    found: int = 0
    right: int = 0
    quotes: int = 0
    false: int = 0
    misses: list[str] = field(default_factory=list)
    false_speakers: list[str] = field(default_factory=list)

    @property
    def right_share(self) -> float:
        return self.right / self.labelled if self.labelled else 0.0

    @property
    def false_per_100(self) -> float:
        return 100 * self.false / self.quotes if self.quotes else 0.0


def score(batch: str, language: str | None = None) -> Score:
    """Score one batch (only the articles of `language` when given)."""
    actors = world()
    result = Score()
    for item in articles(batch):
        if language is not None and item["language"] != language:
            continue
        article = article_from_text(item["text"].strip())
        quotes = [q for q in quotes_of(article, actors) if q.speaker]
        gold = item["speakers"]
        for name, written in gold:
            affiliation = canonical(written, actors)
            result.labelled += 1
            named = [q for q in quotes if same_speaker(q.speaker, name)]
            result.found += bool(named)
            good = any(q.affiliation == affiliation for q in named)
            result.right += good
            if not good:
                got = sorted({f"{q.speaker} ({q.affiliation})" for q in named})
                result.misses.append(f"{item['language']} {name} ({affiliation}): {got}")
        for quote in quotes:
            result.quotes += 1
            known = [name for name, _ in gold] + item.get("unnamed", [])
            if not any(same_speaker(quote.speaker, name) for name in known):
                result.false += 1
                result.false_speakers.append(f"{item['language']} {quote.speaker}: {quote.text}")
    return result
