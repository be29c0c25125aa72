"""The report's sections, each from the filtered tables: what the corpus is, what each outlet says
with its evidence, the key charts of every dashboard page, and the checks made. Every piece of
article text goes through `page.escape` or into a chart's escaped JSON."""

from __future__ import annotations

import pandas as pd

from analysis import charts
from analysis.charts import views
from analysis.filters.state import FilterOptions, FilterState, as_bool, quoted_list
from analysis.filters.tables import FilteredTables
from analysis.report.page import chart, escape, table

EVIDENCE_PER_OUTLET = 6
TABLE_ROWS = 40
CHECK_COLUMNS = ["table", "field", "checked", "right", "precision", "low", "high"]


def _chosen(chosen: tuple[str, ...] | None, offered: tuple[str, ...], what: str) -> str:
    if chosen is None or tuple(chosen) == tuple(offered):
        return f"every {what}"
    return quoted_list(chosen, shown=8) if chosen else f"no {what}"


def filters_text(state: FilterState, options: FilterOptions) -> str:
    """The filters the report was made with, in words."""
    dates = (
        f"published {state.date_from or 'any time'} to {state.date_to or 'any time'}"
        if state.narrows_dates
        else "any publication date"
    )
    negated = "negated escalation hits included" if state.include_negated else "negated hits out"
    return (
        f"Outlets: {_chosen(state.outlets, options.outlets, 'outlet')}; languages: "
        f"{_chosen(state.languages, options.languages, 'language')}; {dates}; figure kinds: "
        f"{_chosen(state.figure_kinds, options.figure_kinds, 'kind')}; escalation categories: "
        f"{_chosen(state.categories, options.categories, 'category')}; voices: "
        f"{' and '.join(state.voices) or 'none'}; {negated}."
    )


def corpus(
    filtered: FilteredTables, state: FilterState, options: FilterOptions, colors: dict[str, str]
) -> str:
    """Outlets, languages and dates of the articles shown, the filters, and the load report."""
    everything = filtered.index.tables
    articles = filtered["articles"]
    words = pd.to_numeric(articles["words"], errors="coerce").fillna(0).astype(int)
    per_outlet = (
        articles.assign(words=words)
        .groupby("outlet", as_index=False)
        .agg(
            articles=("article_id", "count"),
            words=("words", "sum"),
            languages=("language", lambda v: ", ".join(sorted(set(v.dropna()) - {""}))),
            first=("published", lambda v: min((p for p in v if p), default="")),
            last=("published", lambda v: max((p for p in v if p), default="")),
        )
    )
    span = f"{options.first_date} to {options.last_date}" if options.first_date else "unknown"
    shown = views.articles_shown(filtered)
    parts = [
        f"<p>{len(articles):,} of the {len(everything['articles']):,} articles loaded, from "
        f"{articles['outlet'].nunique()} outlet(s), in {len(options.languages)} language(s) "
        f"({escape(', '.join(options.languages) or 'unknown')}); the corpus spans "
        f"{escape(span)}.</p>",
        f'<p class="note">{escape(filters_text(state, options))}</p>',
        table(
            per_outlet,
            ["outlet", "articles", "words", "languages", "first", "last"],
            200,
            "outlets",
        ),
        table(
            shown.sort_values(["published", "outlet"], kind="stable"),
            ["published", "outlet", "title"],
            TABLE_ROWS,
            "articles",
        ),
        chart(charts.articles_per_outlet(shown, colors), "articles-per-outlet"),
        chart(charts.articles_over_time(shown, colors), "articles-over-time"),
    ]
    report = everything["load_report"]
    problems = report[report["status"] != "loaded"]
    skipped = int((report["status"] == "skipped").sum())
    parts.append(
        f"<h3>What was read and what was skipped</h3><p>{len(report):,} file(s) or rows read: "
        f"{len(report) - skipped:,} loaded ({len(problems) - skipped:,} with warnings), "
        f"{skipped:,} skipped. Filters do not apply here: this is about files, not articles.</p>"
    )
    if not problems.empty:
        parts.append(table(problems, ["file", "status", "reason"], TABLE_ROWS * 2, "files"))
    return "".join(parts)


def summaries(filtered: FilteredTables, colors: dict[str, str]) -> str:
    """One summary per outlet and the first evidence sentences behind it."""
    if "summaries" not in filtered:
        return "<p>No summaries in this analysis.</p>"
    rows = filtered["summaries"]
    if rows.empty:
        return "<p>No summary for the outlets selected.</p>"
    cited = {
        row.outlet: [i for i in str(row.evidence_ids).split("; ") if i][:EVIDENCE_PER_OUTLET]
        for row in rows.itertuples(index=False)
    }
    found = filtered.sentences_cited(i for ids in cited.values() for i in ids)
    parts = [
        '<p class="note">Each summary is generated from the tables; below it, the first sentences '
        "it rests on, quoted as the articles give them.</p>"
    ]
    for row in rows.itertuples(index=False):
        items = "".join(
            f'<li>“{escape(found[i][0])}” <span class="cite">— {escape(found[i][1])}</span></li>'
            for i in cited[row.outlet]
            if i in found
        )
        parts.append(
            f'<div class="summary" style="border-color:{colors.get(row.outlet, charts.UNKNOWN_GREY)}">'
            f"<h3>{escape(row.outlet)}</h3><p>{escape(row.summary)}</p>"
            f'<ul class="evidence">{items}</ul></div>'
        )
    return "".join(parts)


def figures(filtered: FilteredTables, colors: dict[str, str]) -> str:
    """The claims timeline, figures per kind, and who reported what (widest claims first)."""
    timeline, numeric = views.timeline(filtered, colors)
    claims = filtered["who_reported_what"]
    if not claims.empty:
        claims = claims.assign(
            conflict=as_bool(claims["conflict"]).map({True: "⚠ yes", False: ""}),
            n_outlets=pd.to_numeric(claims["n_outlets"], errors="coerce"),
        ).sort_values(["n_outlets", "first_seen"], ascending=[False, True], kind="stable")
    columns = ["kind", "actor", "subject", "value_low", "value_high", "outlets", "claimants"]
    return "".join(
        [
            chart(timeline, "claims-timeline"),
            f'<p class="note">{numeric:,} numeric, dated claim(s) for these filters; vague or '
            "undated ones are in the table only.</p>",
            chart(views.by_kind(filtered, colors), "figures-by-kind"),
            '<h3>Who reported what</h3><p class="note">The same claim grouped across outlets, '
            "carried by the most outlets first; ⚠ marks another outlet's non-overlapping firm "
            "estimate of the same quantity within a week.</p>",
            table(claims, [*columns, "first_seen", "conflict"], TABLE_ROWS, "claims"),
        ]
    )


def escalation(filtered: FilteredTables, state: FilterState) -> str:
    """Escalation hits per 1,000 words, outlet × category."""
    rates = views.rates(filtered, state)
    return (
        f'<p class="note">Counting {escape(charts.voice_label(state.voices))}; the base is the '
        "words analysed in the articles shown.</p>"
        + chart(charts.escalation_heatmap(rates, state.voices, state.register), "escalation-rates")
    )


def stance(filtered: FilteredTables) -> str:
    """Voice balance, tone toward each actor and the framing of the claims."""
    return (
        chart(views.voices(filtered), "voice-balance")
        + chart(views.tone(filtered), "tone")
        + '<p class="note">Tone toward an actor is measured in English articles by a model trained '
        "on labelled news sentences (NewsMTSC); other languages have no tone measured. It shows "
        "which sentences to read, not who is right, and is computed per outlet over all its "
        "articles (a date filter does not apply).</p>" + chart(views.framing(filtered), "framing")
    )


def events(filtered: FilteredTables) -> str:
    """Who acts on whom per kind of event, and the share of agentless violence per outlet."""
    if "event_links" not in filtered:
        return "<p>This analysis has no events table.</p>"
    drawn = [chart(views.who_acts(filtered, f), f"events-{f}") for f in views.EVENT_FAMILIES]
    return "".join([*drawn, chart(views.agentless(filtered), "agentless-violence")])


def checks(found: pd.DataFrame | None) -> str:
    """The precision measured on the analyst's checked sample, per table and field, or a note
    that nothing was checked yet."""
    if found is None or found.empty:
        return (
            "<p>No checks made yet: no sample of this corpus's rows has been marked right or "
            "wrong, so the precision of these measures on this corpus is not known. The methods "
            "below give how each scored on public benchmarks.</p>"
        )
    missing = [column for column in CHECK_COLUMNS if column not in found.columns]
    if missing:
        raise ValueError(f"the checks table lacks the column(s) {', '.join(missing)}")
    shown = found.assign(
        **{
            column: pd.to_numeric(found[column], errors="coerce").map(
                lambda v: "" if pd.isna(v) else f"{v:.0%}"
            )
            for column in ("precision", "low", "high")
        }
    )
    return (
        '<p class="note">Rows drawn at random and marked by the analyst; precision = right / '
        "checked, with its 95 % interval (low – high).</p>"
        + table(shown, CHECK_COLUMNS, 200, "checks")
    )
