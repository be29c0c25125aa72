"""The per-article map's helpers (analysis/pipeline.py)."""

from __future__ import annotations

from analysis.actors import load_actors
from analysis.pipeline import ArticleActors


def test_article_actors_give_the_actors_mentions_and_everything_else_unchanged():
    actors = load_actors()
    seen = ArticleActors(actors)
    for text in [
        "The Kremlin said Moscow and Washington had talked; the West said nothing.",
        "The Kremlin said Moscow and Washington had talked; the West said nothing.",
        "",
        "No actor is named in this sentence about a harbour festival.",
    ]:
        assert seen.mentions(text) == actors.mentions(text)
    first = seen.mentions("Moscow and Kyiv")
    first.clear()  # a caller changing its list does not change what the next caller gets
    assert seen.mentions("Moscow and Kyiv") == actors.mentions("Moscow and Kyiv")
    assert seen.actors is actors.actors and seen.core_claim == actors.core_claim
