"""What two or more articles share, lined up: the same figure, the same quote, a near-copied sentence.

Pure functions over the analysis tables, so the Compare page stays a thin renderer. Sentences and
quotes are matched by token-set Jaccard similarity (>= 0.6 by default): wire copy that one outlet
trimmed or reworded slightly still lines up with the original.
"""

from __future__ import annotations

import pandas as pd

from analysis.filters.state import as_bool
from analysis.ingest.repeats import jaccard, token_set

SIMILARITY = 0.6
MIN_TOKENS = 5
MISSING = "—"


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """A short unique column label per article: outlet, date, language and the start of its id."""
    return {
        article_id: f"{outlet or 'unknown outlet'} · {published or 'undated'} · "
        f"{language or 'language unknown'} · {article_id[:6]}"
        for article_id, outlet, published, language in zip(
            articles["article_id"].tolist(),
            articles["outlet"].tolist(),
            articles["published"].tolist(),
            articles["language"].tolist(),
            strict=True,
        )
    }


def figure_matrix(figures: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """One row per distinct figure (kind and value) in the chosen articles, one column per article.

    A cell holds the figure as that article wrote it, or '—' when the article does not give it; rows
    carried by more articles come first, so what one outlet adds or leaves out stands out.
    """
    columns = ["kind", "value", "articles_citing", *labels.values()]
    chosen = figures[figures["article_id"].isin(labels)] if not figures.empty else figures
    if chosen.empty:
        return pd.DataFrame(columns=columns)
    chosen = chosen[~as_bool(chosen["is_repeat"])].assign(
        low=pd.to_numeric(chosen["value_low"], errors="coerce"),
        high=pd.to_numeric(chosen["value_high"], errors="coerce"),
    )
    chosen["value"] = [
        str(vague)
        if pd.isna(low)
        else (f"{low:,.0f}" if low == high or pd.isna(high) else f"{low:,.0f}–{high:,.0f}")
        for low, high, vague in zip(chosen["low"], chosen["high"], chosen["vague"], strict=True)
    ]
    rows = []
    for (kind, value), group in chosen.groupby(["kind", "value"], sort=False):
        cells = {
            label: "; ".join(
                dict.fromkeys(group.loc[group["article_id"] == aid, "value_text"].astype(str))
            )
            or MISSING
            for aid, label in labels.items()
        }
        rows.append(
            {
                "kind": kind,
                "value": value,
                "articles_citing": group["article_id"].nunique(),
                **cells,
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["articles_citing", "kind"], ascending=[False, True]).reset_index(
        drop=True
    )


def _groups(items: list[tuple[str, str, frozenset[str]]], threshold: float) -> list[list[int]]:
    """Clusters of items from different articles linked by similarity >= threshold (union-find)."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (article_i, _, tokens_i) in enumerate(items):
        for j in range(i + 1, len(items)):
            article_j, _, tokens_j = items[j]
            if article_i != article_j and jaccard(tokens_i, tokens_j) >= threshold:
                parent[root(j)] = root(i)
    clusters: dict[int, list[int]] = {}
    for i in range(len(items)):
        clusters.setdefault(root(i), []).append(i)
    return [c for c in clusters.values() if len({items[i][0] for i in c}) > 1]


def shared_passages(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    labels: dict[str, str],
    threshold: float = SIMILARITY,
) -> pd.DataFrame:
    """Quotes and sentences that appear (nearly) verbatim in two or more of the chosen articles.

    One row per shared passage: what it is (quote / sentence), the lowest pairwise similarity inside the
    group, and the passage as each article words it ('—' where the article does not carry it).
    """
    columns = ["shared", "similarity", *labels.values()]
    rows = []
    for kind, frame, text_column in (("quote", quotes, "text"), ("sentence", sentences, "text")):
        if frame is None or frame.empty:
            continue
        chosen = frame[frame["article_id"].isin(labels)]
        if kind == "sentence":
            chosen = chosen[~as_bool(chosen["is_boilerplate"]) & ~as_bool(chosen["is_repeat"])]
        tokenised = [
            (aid, str(text), token_set(str(text)))
            for aid, text in zip(chosen["article_id"], chosen[text_column], strict=True)
        ]
        items = [item for item in tokenised if len(item[2]) >= MIN_TOKENS]
        for group in _groups(items, threshold):
            members = [items[i] for i in group]
            similarity = min(
                jaccard(a[2], b[2])
                for n, a in enumerate(members)
                for b in members[n + 1 :]
                if a[0] != b[0]
            )
            cells = {label: MISSING for label in labels.values()}
            for aid, text, _ in members:
                if cells[labels[aid]] == MISSING:
                    cells[labels[aid]] = text
            rows.append({"shared": kind, "similarity": round(similarity, 2), **cells})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["shared", "similarity"], ascending=[True, False]).reset_index(
        drop=True
    )
