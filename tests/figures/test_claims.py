"""Claims across outlets: grouped by what is counted and what happened to it, conflicts only
between rival estimates of one quantity published within a week; on hand-made corpora."""

from __future__ import annotations

import random

import pandas as pd

from analysis import schema
from analysis.figures import claims
from analysis.figures.claims import claims_timeline, who_reported_what
from analysis.ingest.article import article_from_text
from tests.conftest import figure_tables


def claims_of(*stories: tuple[str, str, str]) -> pd.DataFrame:
    """who_reported_what over articles given as (outlet, date, text)."""
    articles = [article_from_text(text, outlet=o, published=d) for o, d, text in stories]
    return figure_tables(articles, {})["who_reported_what"]


def test_claims_timeline_is_dated_and_filterable(shipped_figures):
    timeline = shipped_figures["claims_timeline"]
    assert list(timeline.columns) == schema.columns("claims_timeline")
    assert timeline["published"].tolist() == sorted(timeline["published"])
    figures = shipped_figures["figures"]
    assert len(timeline) == int((~figures["is_repeat"]).sum())
    north_korean = claims_timeline(figures, kind="troops", actor="North Korea")
    assert set(north_korean["actor"]) == {"North Korea"} and set(north_korean["kind"]) == {"troops"}
    assert north_korean["value_high"].max() == 100000


def test_who_reported_what_groups_overlapping_estimates(shipped_figures):
    claims = shipped_figures["who_reported_what"]
    assert list(claims.columns) == schema.columns("who_reported_what")
    north_korean = claims[(claims["kind"] == "troops") & (claims["actor"] == "North Korea")]
    around_ten_thousand = north_korean[
        (north_korean["value_low"] <= 11000) & (north_korean["value_high"] >= 11000)
    ]
    assert len(around_ten_thousand) == 1
    assert around_ten_thousand.iloc[0]["n_outlets"] >= 3
    assert "Korea JoongAng Daily" in around_ten_thousand.iloc[0]["outlets"]
    assert not claims["conflict"].any()  # the shipped outlets agree within a week


def test_conflicting_estimates_are_flagged():
    claims = claims_of(
        ("Outlet A", "2024-11-01", "Seoul says 10,000 North Korean troops are fighting in Kursk."),
        ("Outlet B", "2024-11-02", "Kyiv says 50,000 North Korean soldiers are fighting in Kursk."),
        (
            "Outlet C",
            "2024-11-03",
            "Zelensky warned that 100,000 North Korean troops could follow.",
        ),
    ).set_index("value_low")
    assert bool(claims.loc[10000, "conflict"]) and bool(claims.loc[50000, "conflict"])
    assert claims.loc[10000, "conflicts_with"] == claims.loc[50000, "claim_id"]
    assert not bool(claims.loc[100000, "conflict"])  # a possibility is not a rival estimate
    assert claims.loc[10000, "first_seen"] == "2024-11-01"
    assert who_reported_what(schema.empty("figures")).empty


SIEGE = (
    (
        "Darfur Wire",
        "2024-05-01",
        "The RSF deployed 10,000 fighters around El Fasher, including "
        "400 officers, witnesses said.",
    ),
    ("Nile Post", "2024-05-03", "Sources said 25,000 RSF fighters are massed around El Fasher."),
    (
        "Khartoum Daily",
        "2024-05-02",
        "At least 120 fighters were killed in the clashes, medics said.",
    ),
    ("Darfur Wire", "2024-05-04", "The army said 30 fighters were captured near the airport."),
    (
        "Sahel Monitor",
        "2024-06-20",
        "The RSF now has 40,000 fighters around the city, a UN panel said.",
    ),
    ("Nile Post", "2024-05-02", "Residents said 300 fighters had been killed or wounded."),
)


def test_deployed_killed_and_captured_are_different_quantities():
    claims = claims_of(*SIEGE).set_index("value_low")
    assert claims.loc[120, "status"] == "killed" and claims.loc[120, "kind"] == "casualties"
    assert claims.loc[30, "status"] == "captured"
    assert claims.loc[300, "status"] == "killed or wounded"
    # killed, captured and killed-or-wounded fighters are not rival counts of the deployed force
    for casualties in (120, 30, 300):
        assert not bool(claims.loc[casualties, "conflict"])
    assert claims.loc[120, "label"] == "fighters killed"


def test_a_part_is_kept_apart_from_its_total():
    claims = claims_of(*SIEGE).set_index("value_low")
    assert not bool(claims.loc[400, "conflict"])
    assert claims.loc[400, "label"].endswith("part of a larger total")


def test_conflict_only_within_a_week_later_figures_are_updates():
    claims = claims_of(*SIEGE).set_index("value_low")
    assert bool(claims.loc[10000, "conflict"]) and bool(claims.loc[25000, "conflict"])
    assert claims.loc[10000, "conflicts_with"] == claims.loc[25000, "claim_id"]
    assert not bool(claims.loc[40000, "conflict"])  # seven weeks later: an update
    assert int(claims["conflict"].sum()) == 2


def test_same_outlet_or_undated_figures_never_conflict():
    claims = claims_of(
        ("Strait Times", "2024-08-01", "China sent 71 aircraft around Taiwan, Taipei said."),
        ("Strait Times", "2024-08-02", "China sent 20 aircraft around Taiwan, Taipei said."),
        ("Harbour News", "", "China sent 45 aircraft around Taiwan, Taipei said."),
    )
    assert not claims["conflict"].any()
    assert set(claims["status"]) == {"deployed"}


def test_share_of_groups_flagged_on_a_mixed_corpus():
    claims = claims_of(*SIEGE)
    # six groups of the same force at three dates and their casualties: one real disagreement
    assert len(claims) == 7 and claims["conflict"].mean() < 0.3


def _disagreeing_by_definition(groups):
    """Every pair of groups checked figure against figure: the definition the sweep must equal."""
    firm = [
        [
            (q, claims._day(r["published"]), r["outlet"])
            for q, _, _, r in g
            if r["modality"] in claims._FIRM
        ]
        for g in groups
    ]
    return {
        (a, b)
        for a in range(len(groups))
        for b in range(a + 1, len(groups))
        if any(
            qa == qb
            and da is not None
            and db is not None
            and abs(da - db) <= claims.WINDOW_DAYS
            and oa != ob
            for qa, da, oa in firm[a]
            for qb, db, ob in firm[b]
        )
    }


def test_conflict_sweep_equals_the_pairwise_definition():
    rng = random.Random(11)
    modalities = ["asserted", "reported", "possible", "denied"]
    for _ in range(200):
        groups = []
        for _ in range(rng.randint(0, 9)):
            quantity = ("troops", rng.choice(["A", "B"]), "troops", "deployed", False)
            groups.append(
                [
                    (
                        quantity,
                        0.0,
                        0.0,
                        {
                            "published": rng.choice(
                                [
                                    "",
                                    "2025-03",
                                    "2025-03-01",
                                    "2025-03-05",
                                    "2025-03-08",
                                    "2025-03-09",
                                    "2025-03-20",
                                    "2025-03-27",
                                ]
                            ),  # fmt: skip
                            "modality": rng.choice(modalities),
                            "outlet": rng.choice(["Wire", "Daily", "Radio"]),
                        },
                    )
                    for _ in range(rng.randint(1, 5))
                ]
            )
        assert claims._disagreeing(groups) == _disagreeing_by_definition(groups)


def in_language(language: str, outlet: str, published: str, text: str):
    """A hand-made article in `language` (as the corpus loader would detect it)."""
    article = article_from_text(text, outlet=outlet, published=published)
    return type(article)(**{**article.__dict__, "language": language})


def test_claims_across_languages_group_the_same_quantity():
    articles = [
        in_language("fr", "Le Quotidien", "2024-11-01", "Environ 12 000 soldats sont arrivés."),
        in_language(
            "de", "Die Zeitung", "2024-11-02", "Rund 12.000 Soldaten, darunter 500 Offiziere."
        ),
        in_language("ko", "서울일보", "2024-11-03", "병력 3만명이 배치됐다."),
        in_language("ru", "Газета", "2024-11-03", "Погибли 27 человек. Еще 200 погибли позже."),
    ]
    claims = figure_tables(articles, {})["who_reported_what"].set_index("value_low")
    assert claims.loc[12000, "n_outlets"] == 2  # 'soldats' and 'Soldaten' are one quantity
    assert claims.loc[500, "label"].endswith("part of a larger total")
    assert bool(claims.loc[12000, "conflict"]) and bool(claims.loc[30000, "conflict"])
    # '27 человек' and '200' killed: no noun says they count the same people, so no conflict
    assert not bool(claims.loc[27, "conflict"]) and not bool(claims.loc[200, "conflict"])


def test_a_day_at_the_end_of_a_sentence_is_read_with_the_next_one():
    article = in_language(
        "de", "Die Zeitung", "2024-03-05", "Seit dem 3. März sind 300 Soldaten dort."
    )
    rows = figure_tables([article], {})["figures"]
    assert rows["value_low"].tolist() == [300]


def test_vague_amounts_in_other_languages_join_the_claims():
    articles = [
        in_language("fr", "Le Quotidien", "2024-11-01", "Des milliers de soldats sont arrivés."),
        in_language("ru", "Газета", "2024-11-02", "Тысячи военных прибыли."),
    ]
    claims = figure_tables(articles, {})["who_reported_what"]
    assert claims[["value_low", "value_high", "n_outlets"]].values.tolist() == [[1000, 10000, 2]]


def test_the_same_troop_estimate_groups_across_languages():
    claims = claims_of(
        (
            "Coastline Wire",
            "2025-02-11",
            "Officials said about 2,000 soldiers were moved to the border.",
        ),
        (
            "Berliner Rundschau",
            "2025-02-12",
            "Rund 2.000 Soldaten wurden an die Grenze verlegt, hieß es.",
        ),
        (
            "Le Quotidien",
            "2025-02-12",
            "Environ 2 000 soldats ont été déployés près de la frontière.",
        ),
        (
            "Radio Sur",
            "2025-02-12",
            "Unos 1.500 efectivos participan en las maniobras, dijo el ministro.",
        ),
    )
    troops = claims[claims["kind"] == "troops"].set_index("value_low")
    assert troops.loc[2000, "n_outlets"] == 3  # one estimate, three languages
    assert bool(troops.loc[1500, "conflict"]) and bool(troops.loc[2000, "conflict"])


def _claims_row_by_row(figures: pd.DataFrame) -> pd.DataFrame:
    """The definition who_reported_what must equal: every figure as a row dict, its quantity and
    bounds computed one by one, sorted by (quantity, low, high) and grouped by overlap."""
    chosen = figures[~figures["is_repeat"].astype(bool) & (figures["kind"] != "other")]
    items = []
    for row in chosen.to_dict("records"):
        vague = row["vague"]
        bounds = (row["value_low"], row["value_high"]) if not vague else claims._vague_bounds(vague)
        if bounds and pd.notna(bounds[0]) and pd.notna(bounds[1]):
            status = str(row["status"] or "")
            status = "deployed" if row["kind"] == "troops" and status == "" else status
            part = claims.is_part(str(row["sentence"]), str(row["value_text"]))
            quantity = (row["kind"], row["actor"], claims.counted(row["subject"], row["kind"]))
            items.append(((*quantity, status, part), *sorted(map(float, bounds)), row))
    items.sort(key=lambda item: item[:3])
    groups: list[list[tuple]] = []
    reach = 0.0
    for item in items:
        if groups and groups[-1][0][0] == item[0] and item[1] <= reach * 1.05:
            groups[-1].append(item)
            reach = max(reach, item[2])
        else:
            groups.append([item])
            reach = item[2]
    ids = [f"C{n}" for n in range(1, len(groups) + 1)]
    pairs = claims._disagreeing(groups)
    rows = []
    for n, group in enumerate(groups):
        records = [item[3] for item in group]
        subjects = [r["subject"] for r in records]
        subject = min(subjects, key=lambda s: (-subjects.count(s), s))  # as Series.mode()[0]
        kind, actor, _, _, part = group[0][0]
        status = str(records[0]["status"] or "")
        others = sorted({ids[b] for a, b in pairs if a == n} | {ids[a] for a, b in pairs if b == n})
        others.sort(key=lambda c: int(c[1:]))
        outlets = list(dict.fromkeys(r["outlet"] for r in records))
        rows.append(
            {
                "claim_id": ids[n],
                "kind": kind,
                "actor": actor,
                "subject": subject,
                "value_low": min(item[1] for item in group),
                "value_high": max(item[2] for item in group),
                "outlets": "; ".join(outlets),
                "n_outlets": len(outlets),
                "claimants": "; ".join(
                    dict.fromkeys(r["claimant"] for r in records if r["claimant"])
                ),
                "first_seen": min((r["published"] for r in records if r["published"]), default=""),
                "conflict": bool(others),
                "conflicts_with": "; ".join(others),
                "sentence_ids": "; ".join(dict.fromkeys(r["sentence_id"] for r in records)),
                "status": status,
                "label": claims._label(kind, actor, subject, status, part),
                "figure_ids": "; ".join(r["figure_id"] for r in records),
            }
        )
    return (
        schema.conform(pd.DataFrame(rows), "who_reported_what")
        if rows
        else schema.empty("who_reported_what")
    )


def random_figures(seed: int, size: int) -> pd.DataFrame:
    """Figure rows drawn from hand-written pieces: several outlets and languages, equal values,
    vague amounts, missing bounds, parts of totals, undated and month-only dates."""
    rng = random.Random(seed)
    pieces = [  # (kind, actor, subject, sentence with {v})
        ("troops", "Chad", "soldiers", "Chad sent {v} soldiers to the border, officials said."),
        ("troops", "Chad", "soldats", "Le Tchad a envoyé {v} soldats, dont 300 blessés."),
        ("troops", "Niger", "солдат", "Нигер направил {v} солдат к границе."),
        (
            "casualties",
            "Niger",
            "civilians",
            "At least {v} civilians were killed, including 40 children.",
        ),
        ("casualties", "", "people", "Some {v} people died in the floods."),
        ("weapons", "Chad", "drones", "The army bought {v} drones, 20 of them armed."),
        ("troops", "", "", "About {v} were deployed overnight."),
        ("other", "Chad", "tonnes", "{v} tonnes of grain arrived."),
    ]
    values = [(1200.0, 1200.0, ""), (1200.0, 1500.0, ""), (1250.0, 1250.0, ""), (400.0, 400.0, ""),
              (5000.0, 5000.0, ""), (float("nan"), float("nan"), "thousands"),
              (float("nan"), float("nan"), "des milliers"), (float("nan"), float("nan"), "тысячи"),
              (float("nan"), float("nan"), ""), (2e4, 1.9e4, "")]  # fmt: skip
    rows = []
    for n in range(size):
        kind, actor, subject, sentence = rng.choice(pieces)
        low, high, vague = rng.choice(values)
        written = vague or f"{low:,.0f}" if low == low else "several"
        rows.append(
            {
                "article_id": f"a{n % 37}",
                "outlet": rng.choice(
                    ["Harbour Times", "Delmar Daily", "Radio Meridian", "Le Matin"]
                ),
                "published": rng.choice(["", "2025-03", "2025-03-01", "2025-03-04", "2025-03-20"]),
                "value_low": low,
                "value_high": high,
                "vague": vague,
                "value_text": written,
                "approximator": "",
                "kind": kind,
                "subject": subject,
                "actor": actor,
                "claimant": rng.choice(["", "", "the ministry", "Amnesty"]),
                "modality": rng.choice(["asserted", "reported", "possible", "denied"]),
                "sentence": sentence.format(v=written),
                "char_start": 0,
                "char_end": 1,
                "is_repeat": rng.random() < 0.1,
                "sentence_id": f"a{n % 37}:s{rng.randrange(9)}",
                "status": rng.choice(["", "", "killed", "deployed"]),
                "figure_id": f"a{n % 37}:f{n}-{n + 1}",
                "corrected": False,
            }
        )
    return schema.conform(pd.DataFrame(rows), "figures") if rows else schema.empty("figures")


def test_who_reported_what_equals_the_row_by_row_definition():
    for seed, size in ((1, 0), (2, 1), (3, 12), (4, 300), (5, 1500)):
        figures = random_figures(seed, size)
        pd.testing.assert_frame_equal(who_reported_what(figures), _claims_row_by_row(figures))
