"""Claims across articles: the reduce over the figures table of a corpus (DataFrame in, DataFrame out).

`claims_timeline` lists the estimates by publication date (how a figure grew); `who_reported_what`
groups the same claim across outlets and flags the estimates that disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter

import numpy as np
import pandas as pd

from analysis import schema
from analysis.figures.context import VOCABULARY
from analysis.numbers import generic
from analysis.numbers.english import vague_bounds
from analysis.world import figure_packs, languages
from analysis.world.vocabulary import Vocabulary


def corpus_tables(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The two cross-source views of a corpus's figures table (the reduce): timeline and claims."""
    return {
        "claims_timeline": claims_timeline(figures),
        "who_reported_what": who_reported_what(figures),
    }


def claims_timeline(
    figures: pd.DataFrame, kind: str | None = None, actor: str | None = None
) -> pd.DataFrame:
    """Non-repeated figures (optionally of one kind and actor) by publication date: estimate growth."""
    keep = ~figures["is_repeat"].astype(bool)
    if kind:
        keep &= figures["kind"] == kind
    if actor:
        keep &= figures["actor"] == actor
    keys = figures.loc[keep, ["published", "outlet", "article_id", "char_start"]]
    keys = keys.assign(_undated=keys["published"].fillna("").eq("")).reset_index(drop=True)
    order = keys.sort_values(
        ["_undated", "published", "outlet", "article_id", "char_start"], kind="stable"
    ).index
    rows = np.flatnonzero(keep.to_numpy(dtype=bool))[order]  # one take of the wanted columns
    return schema.conform(figures[schema.columns("claims_timeline")].take(rows), "claims_timeline")


_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
WINDOW_DAYS = 7  # estimates further apart than this are updates of each other, not rivals
_FIRM = ("asserted", "reported")
_READ = (  # the figures columns a claim is made of
    *("kind", "actor", "subject", "status", "value_low", "value_high", "vague", "value_text"),
    *("sentence", "published", "modality", "outlet", "claimant", "sentence_id", "figure_id"),
)  # only these can disagree: 'could' or a denial is no estimate


@lru_cache(maxsize=1)
def _vocabularies() -> tuple[Vocabulary, ...]:
    """The counted nouns of every language with a pack, English first: the figures table of a
    mixed corpus does not say each row's language, and the scripts and words rarely collide."""
    others = [generic.rules(code).vocabulary for code in languages.available()]
    return (VOCABULARY, *(v for v in others if v.classes or v.stems))


@lru_cache(maxsize=1)
def _part_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(cues before a number, cues after it) that make it a part of a total, in every language."""
    packs = [figure_packs.load(code, "figures.toml") for code in languages.available()]
    before = {c.lower() for p in packs if p for c in p.list("claims", "parts")}
    after = {c.lower() for p in packs if p for c in p.list("claims", "parts_after")}
    after |= {c for c in before if c.startswith("of ")}  # '6,000 of them'
    return tuple(sorted(before, key=len, reverse=True)), tuple(sorted(after, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vague_tables() -> tuple[dict[str, float], ...]:
    """Every pack's vague amounts ('milliers', 'тысячи', '수천*') and their order of magnitude."""
    packs = [figure_packs.load(code, "numbers.toml") for code in languages.available()]
    tables = [{k.lower(): v for k, v in p.values("words", "vague").items()} for p in packs if p]
    return tuple(t for t in tables if t)


def _vague_bounds(vague: str) -> tuple[float, float] | None:
    """Order-of-magnitude bounds of a vague amount in any language ('thousands', 'des milliers',
    'тысячи', '수천명' = 1,000..10,000), so it can be compared with numbers."""
    bounds = vague_bounds(vague)
    if bounds is None:
        for table in _vague_tables():
            base = generic.value_of(table, vague) or next(
                (v for w in vague.split() if (v := generic.value_of(table, w))), None
            )
            if base:
                return base, base * 10
    return bounds


@lru_cache(maxsize=4096)
def counted(subject: str, kind: str) -> str:
    """What a figure counts, for grouping: 'troops', 'people', or the listed noun ('officer',
    'drone'); '' when its subject names nothing listed ('1,200 casualties' of anyone). Nouns are
    read with every language pack, each pack's generic ones standing for their class, and a troops
    figure whose noun no pack lists counts troops, so the same estimate groups across languages."""
    best = ""
    for token in _TOKEN.findall(subject):
        for vocabulary in _vocabularies():
            noun_class, base = vocabulary.noun(token)
            if noun_class in ("troops", "people", "weapons", "aircraft", "models", "strikes"):
                best = noun_class if vocabulary.generic.get(base) else base
                break
    return best or ("troops" if kind == "troops" else "")


def is_part(sentence: str, written: str) -> bool:
    """True when the figure `written` is a part of a total in `sentence` ('including 400
    officers', '6,000 of them'), so it is kept apart from the total it belongs to."""
    at = sentence.find(written)
    if at < 0:
        return False
    before = sentence[max(0, at - 16) : at].lower().rstrip()
    after = sentence[at + len(written) : at + len(written) + 16].lower().lstrip()
    cues_before, cues_after = _part_cues()
    return before.endswith(cues_before) or after.startswith(cues_after)


def who_reported_what(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures grouped into claims, one group per quantity (kind, actor, what is counted, what
    happened to it, total or part) and overlapping values, across outlets; with conflicts.

    Vague amounts take order-of-magnitude bounds ('thousands' = 1,000..10,000). Two groups of the
    same quantity conflict when different outlets give firm (asserted or reported) estimates that
    do not overlap, published within WINDOW_DAYS of each other; further apart, the later figure is
    an update (see the claims timeline), not a rival estimate.
    """
    wanted = ~figures["is_repeat"].astype(bool) & (figures["kind"] != "other")
    chosen = figures.loc[wanted, [c for c in _READ if c in figures.columns]]  # not every text
    column = {name: chosen[name].tolist() for name in chosen.columns}
    column.setdefault("status", [""] * len(chosen))
    keep, lows, highs, quantity_ids, quantities = _estimates(column)
    ranks = np.empty(len(quantities), dtype=np.int64)
    ranks[sorted(range(len(quantities)), key=quantities.__getitem__)] = np.arange(len(quantities))
    order = np.lexsort((highs, lows, ranks[quantity_ids]))  # a stable sort, as list.sort
    taken = keep[order].tolist()
    rows = {
        name: _take(column[name], taken)
        for name in (
            *("subject", "published", "modality", "outlet", "claimant", "sentence_id", "figure_id"),
        )
    }
    rows["status"] = _take(column["status"], taken)
    lows, highs, quantity_ids = lows[order].tolist(), highs[order].tolist(), quantity_ids[order]
    starts = _group_starts(quantity_ids.tolist(), lows, highs)
    spans = [slice(a, b) for a, b in pairwise([*starts, len(lows)])]
    group_of = np.repeat(np.arange(len(spans)), np.diff([*starts, len(lows)])).tolist()
    ids = [f"C{n}" for n in range(1, len(spans) + 1)]
    conflicts: dict[str, set[str]] = {claim_id: set() for claim_id in ids}
    for a, b in _sweep(_firm_days(rows, quantity_ids.tolist(), quantities, group_of)):
        conflicts[ids[a]].add(ids[b])
        conflicts[ids[b]].add(ids[a])
    claim_rows = [
        _claim_row(ids[n], quantities[quantity_ids[span.start]], rows, span, (lows, highs))
        | {"conflict": bool(conflicts[ids[n]])}
        | {"conflicts_with": "; ".join(sorted(conflicts[ids[n]], key=lambda c: int(c[1:])))}
        for n, span in enumerate(spans)
    ]
    return (
        schema.conform(pd.DataFrame(claim_rows), "who_reported_what")
        if claim_rows
        else schema.empty("who_reported_what")
    )


def _take(values: list, positions: list[int]) -> list:
    """values[p] for each position, in order (itemgetter: one C call, not a Python loop)."""
    return (
        list(itemgetter(*positions)(values))
        if len(positions) > 1
        else [values[p] for p in positions]
    )


def _estimates(column: dict[str, list]) -> tuple[np.ndarray, ...]:
    """The figures with numeric bounds: (their positions, low and high bounds, quantity ids) and
    the distinct quantities, each computed once per distinct vague word, subject or sentence."""
    vague_memo: dict[object, tuple | None] = {}
    part_memo: dict[tuple, bool] = {}
    quantity_of: dict[tuple, int] = {}
    keep, lows, highs, ids = [], [], [], []
    rows = zip(
        *(column[c] for c in ("kind", "actor", "subject", "status", "value_low", "value_high")),
        *(column[c] for c in ("vague", "sentence", "value_text")),
        strict=True,
    )
    for at, (kind, actor, subject, status, low, high, vague, sentence, written) in enumerate(rows):
        if not vague:
            bounds = (low, high)
        elif vague in vague_memo:
            bounds = vague_memo[vague]
        else:
            bounds = vague_memo[vague] = _vague_bounds(vague)
        if not (bounds and _number(bounds[0]) and _number(bounds[1])):
            continue
        low, high = sorted((float(bounds[0]), float(bounds[1])))
        status = str(status or "")
        if kind == "troops" and status == "":
            status = "deployed"  # troops with no stated status are troops present
        part = part_memo.get((sentence, written))
        if part is None:
            part = part_memo[sentence, written] = is_part(str(sentence), str(written))
        quantity = (kind, actor, counted(subject, kind), status, part)
        keep.append(at)
        lows.append(low)
        highs.append(high)
        ids.append(quantity_of.setdefault(quantity, len(quantity_of)))
    return (
        np.array(keep, dtype=np.int64),
        np.array(lows, dtype=np.float64),
        np.array(highs, dtype=np.float64),
        np.array(ids, dtype=np.int64),
        list(quantity_of),
    )


def _group_starts(quantity_ids: list[int], lows: list[float], highs: list[float]) -> list[int]:
    """Where each group starts in the sorted figures: a new quantity, or a value above 1.05 times
    the highest value of the group so far (so each figure costs constant time)."""
    starts: list[int] = []
    last, reach = -1, 0.0
    for at, (quantity, low, high) in enumerate(zip(quantity_ids, lows, highs, strict=True)):
        if starts and quantity == last and low <= reach * 1.05:
            reach = max(reach, high)
        else:
            starts.append(at)
            last, reach = quantity, high
    return starts


def _number(value: object) -> bool:
    """True for a number that is not missing (pd.notna of a float or None, without its cost)."""
    return value is not None and value == value  # NaN is the one value unequal to itself


def _day(published: object) -> int | None:
    """Day number of a full publication date ('2024-11-02'); None when undated or only a month."""
    try:
        return date.fromisoformat(str(published or "")[:10]).toordinal()
    except ValueError:
        return None


_Days = dict[tuple, dict[int, dict[int, set[str]]]]  # quantity -> day -> group -> outlets


def _firm_days(
    rows: dict[str, list], quantity_ids: list[int], quantities: list[tuple], group_of: list[int]
) -> _Days:
    """The firm (asserted or reported) dated estimates by quantity, day, group and outlet."""
    day_of = {published: _day(published) for published in set(rows["published"])}
    found = {
        (quantity, day_of[published], group, str(outlet))
        for quantity, published, modality, group, outlet in zip(
            quantity_ids, rows["published"], rows["modality"], group_of, rows["outlet"], strict=True
        )
        if modality in _FIRM
    }
    by_quantity: _Days = {}
    for quantity, day, group, outlet in found:
        if day is not None:
            days = by_quantity.setdefault(quantities[quantity], {})
            days.setdefault(day, {}).setdefault(group, set()).add(outlet)
    return by_quantity


def _disagreeing(groups: list[list[tuple]]) -> set[tuple[int, int]]:
    """Pairs of groups (by position) of (quantity, low, high, row) items that disagree (_sweep)."""
    by_quantity: _Days = {}
    for number, group in enumerate(groups):
        for quantity, _, _, row in group:
            day = _day(row["published"]) if row["modality"] in _FIRM else None
            if day is not None:
                days = by_quantity.setdefault(quantity, {})
                days.setdefault(day, {}).setdefault(number, set()).add(str(row["outlet"]))
    return _sweep(by_quantity)


def _sweep(by_quantity: _Days) -> set[tuple[int, int]]:
    """Pairs of groups (by position) of the same quantity where two different outlets give firm
    estimates published within WINDOW_DAYS of each other (the groups do not overlap in value by
    construction; undated figures cannot be placed, so they never conflict). Each quantity's
    estimates are bucketed by day, group and outlet and swept by date, so a large corpus costs
    time in its days and groups, not in the square of its figures."""
    pairs: set[tuple[int, int]] = set()
    for quantity, days in by_quantity.items():
        if not quantity[2]:
            continue  # what is counted is not named: no telling it is the same quantity
        ordered = sorted(days)
        for i, day in enumerate(ordered):
            window: dict[int, set[str]] = {}  # group -> outlets, from this day to a week later
            for later in ordered[i:]:
                if later - day > WINDOW_DAYS:
                    break
                for number, outlets in days[later].items():
                    window.setdefault(number, set()).update(outlets)
            for number, outlets in days[day].items():
                for other, other_outlets in window.items():
                    if other != number and len(outlets | other_outlets) > 1:
                        pairs.add((min(number, other), max(number, other)))
    return pairs


def _label(kind: str, actor: str, subject: str, status: str, part: bool) -> str:
    """A readable name for the quantity ('North Korean soldiers killed or wounded')."""
    label = subject or kind
    if status and status not in label and not (kind == "troops" and status == "deployed"):
        label = f"{label} {status}"
    actor_words = {w.lower() for w in actor.split()}
    if actor and not actor_words & {w.lower().rstrip("n") for w in _TOKEN.findall(label)}:
        label = f"{label} ({actor})"
    return f"{label}, part of a larger total" if part else label


def _claim_row(
    claim_id: str, quantity: tuple, rows: dict[str, list], span: slice, bounds: tuple[list, list]
) -> dict[str, object]:
    """One claim's row (without its conflicts) from its span of the sorted figures."""
    subjects = Counter(rows["subject"][span])
    dates = sorted(filter(None, rows["published"][span]))
    outlets = list(dict.fromkeys(rows["outlet"][span]))
    kind, actor, _, status, part = quantity
    most = max(subjects.values(), default=0)
    subject = min((s for s, n in subjects.items() if n == most), default="")  # as Series.mode
    status = str(rows["status"][span.start] or "")
    return {
        "claim_id": claim_id,
        "kind": kind,
        "actor": actor,
        "subject": subject,
        "value_low": min(bounds[0][span]),
        "value_high": max(bounds[1][span]),
        "outlets": "; ".join(outlets),
        "n_outlets": len(outlets),
        "claimants": "; ".join(dict.fromkeys(filter(None, rows["claimant"][span]))),
        "first_seen": dates[0] if dates else "",
        "sentence_ids": "; ".join(dict.fromkeys(rows["sentence_id"][span])),
        "status": status,
        "label": _label(kind, actor, subject, status, part),
        "figure_ids": "; ".join(rows["figure_id"][span]),
    }
