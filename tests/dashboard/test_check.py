"""The Check page through AppTest on a copy of the shipped corpus: a sample drawn by the seed in
the link, a mark that survives a restart of the app, a correction applied on the next run, and
nothing written while the dashboard is shared read-only."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.checking import sentence_html
from tests.paths import ROOT

APP = str(ROOT / "dashboard" / "app.py")
QUERY = {"check": ["figures"], "n": ["3"], "seed": ["7"]}


@pytest.fixture()
def corpus(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "data" / "corpus", folder)
    monkeypatch.setenv("COVERAGE_CORPUS", str(folder))
    monkeypatch.setenv("COVERAGE_CACHE", str(tmp_path / "cache"))
    return folder


def open_check() -> AppTest:
    """A fresh session (as after a restart) opened on the Check page with QUERY in its link."""
    app = AppTest.from_file(APP, default_timeout=180)
    app.query_params.update(QUERY)
    app.run()
    app.switch_page("views/check.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def drawn_ids(app: AppTest) -> list[str]:
    return [
        m.value.split("`")[1] for m in app.markdown if m.value.count("`") == 2 and ":f" in m.value
    ]


def test_a_mark_survives_a_restart_and_the_link_keeps_the_sample(corpus):
    app = open_check()
    ids = drawn_ids(app)
    assert len(ids) == 3
    assert {k: app.query_params[k] for k in QUERY} == {"check": "figures", "n": "3", "seed": "7"}
    app.radio(key=f"mark_figures_{ids[0]}_row").set_value("wrong")
    app.radio(key=f"mark_figures_{ids[0]}_kind").set_value("right")
    next(b for b in app.button if b.label == "Save marks").click().run()
    assert not app.exception
    lines = (corpus / "checks.csv").read_text(encoding="utf-8").splitlines()
    assert lines == [
        "table,id,field,mark",
        f"figures,{ids[0]},row,wrong",
        f"figures,{ids[0]},kind,right",
    ]

    again = open_check()  # a new session, as after a restart
    assert drawn_ids(again) == ids  # the same seed, the same rows
    assert again.radio(key=f"mark_figures_{ids[0]}_row").value == "wrong"
    precision = again.dataframe[0].value.set_index(["table", "field"])
    assert precision.loc[("figures", "row"), ["checked", "right", "wrong"]].tolist() == [1, 0, 1]


def test_a_correction_saved_on_the_page_is_applied_on_the_next_run(corpus):
    app = open_check()
    first = drawn_ids(app)[0]
    app.selectbox(key=f"col_{first}").set_value("kind")
    app.text_input(key=f"value_{first}").set_value("money")
    forms = [b for b in app.button if b.label == "Save correction"]
    forms[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert (corpus / "corrections.csv").read_text(encoding="utf-8").splitlines() == [
        "table,id,column,value", f"figures,{first},kind,money"
    ]  # fmt: skip
    again = open_check()
    assert any("1 corrections applied, 0 refused" in c.value for c in again.caption)


def test_shared_read_only_writes_nothing_and_says_why(corpus, monkeypatch):
    monkeypatch.setenv("COVERAGE_SHARE", "1")
    app = open_check()
    assert any("read-only" in i.value for i in app.info)
    ids = drawn_ids(app)
    app.radio(key=f"mark_figures_{ids[0]}_row").set_value("right")
    saves = [b for b in app.button if b.label in ("Save marks", "Save correction")]
    assert saves and all(b.disabled for b in saves)  # a browser cannot press them
    app.run()
    assert not (corpus / "checks.csv").exists() and not (corpus / "corrections.csv").exists()
    assert not (corpus.parent / "cache" / "reviews").exists()


def test_a_checked_rows_sentence_is_shown_as_text_with_its_words_marked():
    script = "<script>alert(1)</script>"
    raw = f"Intro. The port said 40 ships {script} waited. End."
    begin = raw.index("The port")
    end = raw.index(" End.")
    row = pd.Series({"article_id": "a1", "sentence": raw[begin:end]})
    where = pd.Series(
        {
            "sentence_start": begin,
            "sentence_end": end,
            "start": raw.index("40"),
            "end": raw.index("40") + 2,
        }
    )
    page = sentence_html(row, where, {"a1": raw})
    assert script not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert ">40</mark>" in page  # the row's own words are marked
    # without the article's text (an upload gone), the sentence alone, escaped
    alone = sentence_html(row, where, {})
    assert script not in alone and "&lt;script&gt;" in alone
