"""What every stage knows before it reads an article: the shipped data files (analysis/world/
toml_files.py reads them all), the language packs, the world's actors and the optional story file.

Nothing here imports another package of analysis/: every other stage reads from here.
"""
