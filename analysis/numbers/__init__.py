"""What is a number and what it is worth, per language: digits, number words, scales, ranges,
hedges, and the dates, times and identifiers that are not quantities.

English has its own reader (english.py with candidates.py, rejects.py and text.py): its rules for
ranges, vague amounts, money and identifiers are finer than the pack data can say yet. Every other
language is read by the language-neutral generic.py from its pack's numbers.toml. The two share the
pack loader (analysis/world/figure_packs.py) and the vocabulary (analysis/world/vocabulary.py).
"""

from analysis.numbers.english import (
    MONEY_WORDS,
    Quantity,
    find_quantities,
    vague_bounds,
    words_value,
)

__all__ = ["MONEY_WORDS", "Quantity", "find_quantities", "vague_bounds", "words_value"]
