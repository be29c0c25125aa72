"""Files and rows to articles: the readers of every input format (readers/), metadata found in the
file or the text, the article with its sentences and raw-text offsets, page furniture and repeats,
transcripts, and the corpus with its load report.
"""
