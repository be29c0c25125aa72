"""What a number counts: its kind and status, whose it is, who claims it and how firmly; and the
claims reduce (how an estimate grew, who reported what).

English sentences are read by context.py and cues.py (clauses, appositions, pronoun antecedents,
attribution and modality cues); other languages by generic.py from their pack. Both decide the kind
with the same language-neutral rule (kinds.py) over the pack vocabulary (analysis/world/
vocabulary.py): English keeps two readers because its clause grammar is finer than pack data.
"""

from analysis.figures.extract import article_rows, extract_figures, figure_rows, frame

__all__ = ["article_rows", "extract_figures", "figure_rows", "frame"]
