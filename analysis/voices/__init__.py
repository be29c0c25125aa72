"""Who speaks: direct quotes and reported speech with their speakers, the people an article names
with their titles, and each speaker's affiliation.

English has its own grammar of speaker phrases (quotes.py, speakers.py, reported.py); every other
language is read by attribution.py and pack_speakers.py from its pack's quotes.toml and names.toml.
Both find quote spans with the same code (spans.py) and resolve names against the same actors.
"""
