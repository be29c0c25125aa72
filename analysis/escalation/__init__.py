"""Escalation language: the lexicon (its grammar and the language packs' terms), how a term is
written and matched (terms.py), and the hits with negation and voice, rates per 1,000 words and top
terms (hits.py).
"""

from analysis.escalation.hits import (
    TOP_TERMS,
    Hit,
    Lexicon,
    corpus_tables,
    find_hits,
    hit_rows,
    load_lexicon,
    tables,
)
from analysis.escalation.lexicon import parse_lexicon

__all__ = [
    "TOP_TERMS",
    "Hit",
    "Lexicon",
    "corpus_tables",
    "find_hits",
    "hit_rows",
    "load_lexicon",
    "parse_lexicon",
    "tables",
]
