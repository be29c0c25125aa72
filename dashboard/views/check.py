"""Check: draw random rows of a table, mark each right / wrong / unsure (as a whole and field by
field), read the precision of this corpus's analysis with a 95 % Wilson interval, and correct or
drop a wrong row. Marks go to checks.csv and corrections to corrections.csv beside the corpus
(docs/checking.md); nothing is written while the dashboard is shared read-only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import review
from analysis.review.checks import MARKS, ROW
from analysis.review.tables import DROP, Reviewed
from dashboard import checking
from dashboard.highlight import escape_text
from dashboard.ui import current_view, show_table

UNMARKED = "—"


def precision_table(marks: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> None:
    """Precision per table and field of the marks of rows still in the corpus."""
    table = review.precision(marks, review.present_ids(tables))
    checked = table.loc[table["field"] == ROW, "checked"].sum() if not table.empty else 0
    st.caption(
        f"{checked:,} rows checked. Precision is the share marked right of those marked right or "
        "wrong (unsure left out), with its 95 % Wilson interval: with few rows checked the "
        "interval is wide, so check more before you quote a number."
    )
    percent = st.column_config.NumberColumn(format="percent")
    show_table(
        table,
        "precision.csv",
        "precision",
        empty_message="No row checked yet: draw a sample below and mark it.",
        column_config={"precision": percent, "low": percent, "high": percent},
    )


def mark_form(spec: Reviewed, row: pd.Series, marks: dict, read_only: str) -> None:
    """The marks of one row (whole row and each field), saved together."""
    row_id = str(row[spec.id_column])
    with st.form(f"marks_{row_id}", border=False):
        columns = st.columns(1 + len(spec.fields))
        chosen = {}
        for column, field in zip(columns, (ROW, *spec.fields), strict=True):
            options = [UNMARKED, *MARKS]
            now = marks.get((spec.table, row_id, field), UNMARKED)
            chosen[field] = column.radio(
                "the row" if field == ROW else field,
                options,
                index=options.index(now),
                key=f"mark_{spec.table}_{row_id}_{field}",
            )
        if st.form_submit_button("Save marks", disabled=bool(read_only)):
            checking.save_marks(
                [(spec.table, row_id, f, m) for f, m in chosen.items() if m != UNMARKED]
            )
            st.rerun()


def correction_form(spec: Reviewed, row: pd.Series, read_only: str) -> None:
    """Give the right value of a column, or drop the row; saved to corrections.csv."""
    row_id = str(row[spec.id_column])
    with st.expander("Correct this row"), st.form(f"correct_{row_id}", border=False):
        column = st.selectbox("column", [*spec.corrections, DROP], key=f"col_{row_id}")
        value = st.text_input("right value (empty for a drop)", key=f"value_{row_id}")
        if st.form_submit_button("Save correction", disabled=bool(read_only)):
            checking.save_correction((spec.table, row_id, column, "" if column == DROP else value))
            st.rerun()


view = current_view()
st.title("Check: how right is the analysis on this corpus")
names = tuple(n for n in review.REVIEWED if n in view.tables and not view.tables[n].empty)
read_only = checking.why_read_only()
if read_only:
    st.info(read_only, icon=":material/lock:")
marks, problems = review.read_checks(checking.checks_file())
for problem in problems:
    st.warning(f"Mark ignored: {problem}", icon=":material/warning:")
report = view.tables.get("corrections_report")
if report is not None and not report.empty:
    refused = report[report["status"] == "refused"]
    st.caption(
        f"{int((report['status'] == 'applied').sum())} corrections applied, {len(refused)} "
        f"refused ({checking.corrections_file()})."
    )
    for line in refused.itertuples():
        st.warning(
            f"Correction refused, line {line.line}: {line.reason}", icon=":material/warning:"
        )
st.subheader("Precision")
precision_table(marks, view.tables)
if not names:
    st.info("No table of this corpus has rows to check.")
    st.stop()
checking.settle(names)
left, middle, right, last = st.columns(4)
left.selectbox(
    "Table", names, format_func=lambda n: review.REVIEWED[n].label, key=checking.KEYS["check"]
)
middle.number_input("Rows", 1, checking.MAX_SIZE, key=checking.KEYS["n"])
right.number_input("Seed", 0, 2**31 - 1, key=checking.KEYS["seed"])
last.toggle("Rows from each outlet", key=checking.KEYS["strata"])
sample = checking.chosen()
spec = review.REVIEWED[sample.table]
rows = review.draw(
    view.tables[sample.table], sample.table, sample.size, sample.seed, sample.by_outlet
)
sentences = view.tables["sentences"]
shown = review.sheet(rows, sample.table, sentences)
where = review.evidence_spans(rows, sentences)
st.caption(
    f"{len(rows)} rows of {spec.label.lower()} drawn with seed {sample.seed}"
    + (" from each outlet" if sample.by_outlet else "")
    + ": the same seed draws the same rows on every machine, and the link keeps it."
)
known = marks.set_index(["table", "id", "field"])["mark"].to_dict()
for at, row in rows.iterrows():
    st.markdown(f"**{at + 1}. {escape_text(str(row['outlet']))}** · `{row[spec.id_column]}`")
    full = row.copy()
    full["sentence"] = shown.loc[at, "sentence"]
    st.markdown(checking.sentence_html(full, where.loc[at], view.texts), unsafe_allow_html=True)
    st.dataframe(pd.DataFrame([row[list(spec.shown)]]), hide_index=True, key=f"fields_{at}")
    mark_form(spec, row, known, read_only)
    correction_form(spec, row, read_only)
    st.divider()
