"""The speakers the quote reader finds in a text: one helper for the speaker tests."""

from __future__ import annotations

from analysis.ingest.article import article_from_text
from analysis.voices.attribution import quotes_of
from analysis.world.actors import world


def pack_speakers(text: str) -> list[tuple[str, str]]:
    """(speaker, affiliation) of every quote with a speaker, in the text's language."""
    quotes = quotes_of(article_from_text(text), world())
    return [(q.speaker, q.affiliation) for q in quotes if q.speaker]
