"""The dashboard pages through Streamlit's AppTest, on the shipped corpus and on hostile input."""

from __future__ import annotations

import base64
import io
import json
import zipfile
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests.paths import DATA, ROOT

APP = str(ROOT / "dashboard" / "app.py")
PAGES = ["overview", "figures", "escalation", "stance", "compare", "corpus"]
ARTICLE = (
    "Title: Seoul says more troops sent\nOutlet: Test Wire\nDate: 2024-11-02\n\n"
    "South Korea's spy agency said on Saturday that about 10,000 North Korean troops had been sent "
    "to Russia.\nDefence Minister Kim Yong-hyun told lawmakers the deployment was a serious threat.\n"
)


@pytest.fixture()
def downloads(monkeypatch) -> dict[str, Callable[[], bytes]]:
    """The CSV generator behind every download button of the last run, by file name."""
    captured: dict[str, Callable[[], bytes]] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        captured[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return captured


def open_page(page: str, query: dict[str, list[str]] | None = None) -> AppTest:
    """A fresh session opened on `page` (with the given URL query parameters)."""
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update(query or {})
    app.run()
    if page != "overview":
        app.switch_page(f"views/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def csv(downloads: dict, file_name: str) -> pd.DataFrame:
    """The rows a download button hands out."""
    return pd.read_csv(io.BytesIO(downloads[file_name]()), keep_default_na=False)


def url(app: AppTest) -> dict[str, list[str]]:
    """The app's query parameters, every value as a list."""
    return {k: v if isinstance(v, list) else [v] for k, v in app.query_params.items()}


def _decoded(value):
    """Plotly's JSON arrays, typed ('bdata') or plain, as a flat list."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return value


def figures(app: AppTest) -> list[dict]:
    """The plotly figures on the page, as JSON."""
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def figure_titled(app: AppTest, words: str) -> dict:
    return next(f for f in figures(app) if words in f["layout"]["title"]["text"])


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_shipped_corpus(page, downloads):
    app = open_page(page)
    assert not app.error, [e.value for e in app.error]
    assert app.get("download_button"), "every chart and table has its CSV"
    for figure in figures(app):
        assert figure["layout"]["title"]["text"], "every chart says what it counts"
    assert all(name.endswith(".csv") for name in downloads.keys() - {"coverage-report.html"})
    assert "coverage-report.html" in downloads


def test_the_outlet_filter_changes_the_chart_and_its_csv(downloads):
    app = open_page("overview")
    per_outlet = csv(downloads, "articles_per_outlet.csv")
    assert len(per_outlet) == 5 and per_outlet["articles"].sum() == 5
    chosen = sorted(per_outlet["outlet"])[:2]
    app.multiselect(key="f_outlets").set_value(chosen).run()
    narrowed = csv(downloads, "articles_per_outlet.csv")
    assert sorted(narrowed["outlet"]) == chosen
    bars = figure_titled(app, "Articles per outlet")["data"][0]
    assert list(bars["y"]) == list(narrowed["outlet"])
    assert _decoded(bars["x"]) == list(narrowed["articles"])
    assert url(app) == {"outlet": chosen}


def test_the_escalation_csv_is_the_heatmap(downloads):
    app = open_page("escalation")
    rates = csv(downloads, "escalation_rates_per_1000_words.csv")
    heatmap = figure_titled(app, "hits per 1,000 words")["data"][0]
    z = np.array(_decoded(heatmap["z"]), dtype=float).reshape(len(heatmap["y"]), len(heatmap["x"]))
    for row in rates.itertuples():
        cell = z[list(heatmap["y"]).index(row.outlet), list(heatmap["x"]).index(row.category)]
        assert cell == pytest.approx(float(row.per_1000_words or 0), abs=0.01)
    narrator_only = app.multiselect(key="f_voices").set_value(["narrator"]).run()
    narrator_rates = csv(downloads, "escalation_rates_per_1000_words.csv")
    assert (
        narrator_rates["hits"].sum() < rates["hits"].sum()
    )  # the shipped articles quote escalation
    assert (
        "narrator only"
        in figure_titled(narrator_only, "hits per 1,000 words")["layout"]["title"]["text"]
    )


def test_the_escalation_page_counts_evaluative_terms_by_default_and_switches_in_the_url(downloads):
    app = open_page("escalation")
    evaluative = csv(downloads, "escalation_rates_per_1000_words.csv")
    title = figure_titled(app, "hits per 1,000 words")["layout"]["title"]["text"]
    assert "evaluative terms" in title and "≈" in title
    assert {"per_1000_words_low", "per_1000_words_high", "like_corpus"} <= set(evaluative.columns)
    heatmap = figure_titled(app, "hits per 1,000 words")["data"][0]
    assert "95 % interval" in heatmap["hovertemplate"]
    marked = [t for row in heatmap["text"] for t in row if t.startswith("≈")]
    assert len(marked) == sum(str(v) == "True" for v in evaluative["like_corpus"])  # marked, kept
    assert app.radio(key="f_register").value == "evaluative"
    both = app.radio(key="f_register").set_value("both").run()
    assert url(both) == {"register": ["both"]}
    every = csv(downloads, "escalation_rates_per_1000_words.csv")
    assert every["hits"].sum() > evaluative["hits"].sum()
    described = open_page("escalation", {"register": ["descriptive"]})
    assert described.radio(key="f_register").value == "descriptive"
    descriptive = csv(downloads, "escalation_rates_per_1000_words.csv")
    assert descriptive["hits"].sum() + evaluative["hits"].sum() == every["hits"].sum()


def test_the_escalation_page_shows_keyness_and_the_sentences_of_a_term(downloads):
    app = open_page("escalation", {"register": ["both"]})
    assert any(s.value == "What sets each outlet apart (keyness)" for s in app.subheader)
    keyness = csv(downloads, "keyness_lexicon.csv")
    assert {"outlet", "term", "register", "g2", "p_value", "log_ratio"} <= set(keyness.columns)
    chooser = app.selectbox(key="keyness_term")
    assert chooser.options
    context = csv(downloads, "keyness_term_in_context.csv")
    kind, term = chooser.value
    assert len(context) >= 1
    if kind == "lexicon":
        assert set(context["term"]) == {term}


def test_a_filter_that_leaves_nothing_shows_the_empty_state_everywhere(downloads):
    for page in PAGES:
        app = open_page(page, {"outlet": [""]})
        assert not app.error
        for figure in figures(app):
            texts = [a["text"] for a in figure["layout"].get("annotations", [])]
            assert any("Nothing" in t or "No " in t for t in texts), figure["layout"]["title"]
        if page == "compare":
            assert any("At least two articles" in i.value for i in app.info)
    assert csv(downloads, "articles_per_outlet.csv").empty


def test_url_parameters_restore_the_view_and_bad_ones_are_dropped_with_a_notice(downloads):
    app = open_page("overview")
    outlets = sorted(csv(downloads, "articles_per_outlet.csv")["outlet"])
    shared = open_page(
        "overview",
        {"outlet": [outlets[0], "../../etc/passwd"], "from": ["2024-99-99"], "corpus": ["/etc"]},
    )
    notices = " ".join(w.value for w in shared.sidebar.warning)
    assert "../../etc/passwd" in notices and "2024-99-99" in notices and "'corpus'" in notices
    assert shared.multiselect(key="f_outlets").value == [outlets[0]]
    assert list(csv(downloads, "articles_per_outlet.csv")["outlet"]) == [outlets[0]]
    assert url(shared) == {"outlet": [outlets[0]]}
    assert url(app) == {}


def test_a_hostile_upload_is_reported_and_the_rest_analysed(downloads):
    app = open_page("corpus")
    hostile = (
        "Officials said <script>alert('x')</script> and <img src=x onerror=alert(1)> nothing else."
    )
    app.file_uploader(key="upload_widget").set_value(
        [
            ("seoul.txt", ARTICLE.encode(), "text/plain"),
            (
                "hostile.txt",
                (
                    ARTICLE.replace("10,000", "12,000").replace(
                        "Outlet: Test Wire", "Outlet: <img src=x onerror=alert(2)>Wire"
                    )
                    + hostile
                ).encode(),
                "text/plain",
            ),
            ("empty.txt", b"", "text/plain"),
            ("binary.txt", bytes(range(256)) * 8, "text/plain"),
        ]
    ).run()
    assert not app.exception and not app.error
    report = csv(downloads, "load_report.csv").set_index("file")
    assert report.loc["empty.txt", "status"] == "skipped" and report.loc["empty.txt", "reason"]
    assert report.loc["binary.txt", "status"] == "skipped" and report.loc["binary.txt", "reason"]
    articles = csv(downloads, "articles.csv")
    assert sorted(articles["file"]) == ["hostile.txt", "seoul.txt"]
    assert "your 4 uploaded file(s)" in " ".join(c.value for c in app.sidebar.caption)

    compared = app.switch_page("views/compare.py").run()
    html = " ".join(m.value for m in compared.markdown)
    assert "&lt;script&gt;" in html and "<script" not in html and "<img" not in html

    # the Overview's summaries and their evidence: the outlet's name and its sentences as text
    overview = app.switch_page("views/overview.py").run()
    assert not overview.exception
    html = " ".join(m.value for m in overview.markdown)
    assert "&lt;img src=x onerror=alert(2)&gt;Wire" in html
    assert "<script" not in html and "<img" not in html


def test_a_zip_upload_is_opened_in_memory_and_its_bad_members_reported(downloads):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export/seoul.txt", ARTICLE)
        archive.writestr("../escape.txt", ARTICLE.replace("10,000", "9,000"))
        port = "The port of Busan handled 2.1 million containers in March, the authority said."
        archive.writestr(
            "export/feed.json",
            json.dumps(
                {
                    "articles": [
                        7,
                        {
                            "source": {"name": "Busan Daily"},
                            "publishedAt": "2024-04-02T09:00:00Z",
                            "content": port,
                        },
                    ]
                }
            ),
        )
    app = open_page("corpus")
    app.file_uploader(key="upload_widget").set_value(
        [("stories.zip", buffer.getvalue(), "application/zip")]
    ).run()
    assert not app.exception and not app.error
    report = csv(downloads, "load_report.csv").set_index("file")
    assert report.loc["stories.zip/../escape.txt", "reason"].startswith("unsafe name in the zip")
    assert report.loc["stories.zip/export/feed.json#row1", "reason"] == (
        "row 1: not a JSON object (a number)"
    )
    articles = csv(downloads, "articles.csv")
    assert sorted(articles["file"]) == [
        "stories.zip/export/feed.json#row2",
        "stories.zip/export/seoul.txt",
    ]


def test_the_lexicon_editor_refuses_a_bad_edit_and_reruns_on_a_good_one(downloads):
    app = open_page("corpus")
    editor = app.text_area(key="editor_escalation")
    shipped = editor.value
    editor.set_value("[broken\nterms = [")
    app.button(key="save_escalation").click().run()
    assert any("Not saved" in e.value and "line" in e.value for e in app.error)
    categories = app.multiselect(key="f_categories").options
    assert "Test marker" not in categories

    app.text_area(key="editor_escalation").set_value(
        shipped + '\n[test_marker]\nlabel = "Test marker"\nterms = ["spy agency"]\n'
    )
    app.button(key="save_escalation").click().run()
    assert not app.error and any("Saved" in s.value for s in app.success)
    assert "Test marker" in app.multiselect(key="f_categories").options


def test_a_failing_page_shows_a_message_not_a_traceback(monkeypatch, caplog):
    from analysis import charts

    def broken(*args, **kwargs):
        raise RuntimeError("chart builder exploded")

    monkeypatch.setattr(charts, "articles_per_outlet", broken)
    app = open_page("overview")
    assert not app.exception
    assert any("could not be drawn" in e.value and "server log" in e.value for e in app.error)
    assert "chart builder exploded" in caplog.text  # the traceback goes to the log


def test_a_long_table_pages_through_its_rows_and_the_csv_has_them_all(downloads):
    def script():
        import pandas as pd

        from dashboard.ui import show_table

        rows = pd.DataFrame({"n": range(4_500), "text": [f"row {i}" for i in range(4_500)]})
        show_table(rows, "rows.csv", "rows")

    app = AppTest.from_function(script, default_timeout=60).run()
    assert list(app.dataframe[0].value["n"])[:2] == [0, 1] and len(app.dataframe[0].value) == 2_000
    app.number_input(key="page_rows").set_value(3).run()
    assert list(app.dataframe[0].value["n"]) == list(range(4_000, 4_500))
    assert len(csv(downloads, "rows.csv")) == 4_500


def test_camps_from_the_link_and_the_camps_editor_regroup_the_voices(downloads):
    app = open_page("stance", {"camp": ["Allies:NATO|Ukraine"]})
    quotes = csv(downloads, "quotes.csv")
    assert set(quotes.loc[quotes["affiliation"].isin(["NATO", "Ukraine"]), "camp"]) == {"Allies"}
    assert url(app)["camp"] == ["Allies:NATO|Ukraine"]
    app.button(key="reset_camps").click().run()
    quotes = csv(downloads, "quotes.csv")
    assert set(quotes.loc[quotes["affiliation"] == "NATO", "camp"]) == {"West"}
    assert "camp" not in url(app)
    app.text_input(key="camp_name_0").set_value("Europe")
    app.multiselect(key="camp_members_0").set_value(["EU", "France"])
    app.button(key="apply_camps").click().run()
    quotes = csv(downloads, "quotes.csv")
    assert set(quotes.loc[quotes["affiliation"] == "EU", "camp"]) == {"Europe"}


def test_aggregate_by_outlet_group_follows_every_table(downloads):
    app = open_page("overview", {"by": ["group"]})
    assert app.radio(key="aggregate_by").value == "outlet group"
    assert url(app)["by"] == ["group"]


def test_aggregating_by_outlet_group_sums_the_grouped_outlets(tmp_path, monkeypatch, downloads):
    """The story file puts two outlets in one group: by group, the charts count the group."""
    lines = [
        json.dumps(
            {
                "text": f"Relief workers said {200 + n} families had left the valley after the "
                f"floods, and {n + 3} bridges were closed on day {n % 5 + 1}.",
                "outlet": ["Valley Courier", "Hill Times", "Plains Wire"][n % 3],
                "published": f"2025-05-{n % 9 + 1:02d}",
            }
        )
        for n in range(9)
    ]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "floods.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (corpus / "story.toml").write_text(
        '[outlets."Valley Courier"]\ngroup = "Regional press"\n\n'
        '[outlets."Hill Times"]\ngroup = "Regional press"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("COVERAGE_CORPUS", str(corpus))
    open_page("overview")
    per_outlet = csv(downloads, "articles_per_outlet.csv")
    assert dict(zip(per_outlet["outlet"], per_outlet["articles"], strict=True)) == {
        "Hill Times": 3,
        "Plains Wire": 3,
        "Valley Courier": 3,
    }
    open_page("overview", {"by": ["group"]})
    per_group = csv(downloads, "articles_per_outlet.csv")
    assert dict(zip(per_group["outlet"], per_group["articles"], strict=True)) == {
        "Plains Wire": 3,
        "Regional press": 6,
    }


def test_a_corpus_of_hundreds_of_articles_is_analysed_by_the_pool_inside_the_app(
    tmp_path, monkeypatch, downloads
):
    """Past one batch the app analyses on every core; a worker must never re-run the app script
    (Streamlit installs it as __main__), and every article arrives."""
    lines = []
    for n in range(250):
        text = (
            f"Port officials said {1_000 + n} containers were stuck on day {n % 9 + 2} of the "
            f"strike. Union leader Ana Ferreira said {n + 40} workers had joined the picket line."
        )
        lines.append(
            json.dumps({"text": text, "outlet": f"Outlet {n % 4}", "published": "2025-03-04"})
        )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "strike.jsonl").write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setenv("COVERAGE_CORPUS", str(corpus))
    app = open_page("overview")
    assert not app.error
    assert csv(downloads, "articles_per_outlet.csv")["articles"].sum() == 250


def test_a_corpus_without_a_story_file_shows_its_own_actors(monkeypatch, downloads):
    stories = DATA / "stories"
    monkeypatch.setenv("COVERAGE_CORPUS", str(stories / "sudan"))
    app = open_page("stance")
    assert not app.error
    quotes = csv(downloads, "quotes.csv")
    assert {"Sudan", "Egypt", "Rapid Support Forces"} <= set(quotes["camp"])
    assert not {"West", "Russia/DPRK"} & set(quotes["camp"])
    app.switch_page("views/overview.py").run()
    assert "400 civilians killed" in " ".join(m.value for m in app.markdown)


def test_a_link_whose_only_outlet_is_unknown_opens_every_outlet_with_a_notice(downloads):
    shared = open_page("overview", {"outlet": ["Renamed Outlet"]})
    everything = sorted(csv(downloads, "articles_per_outlet.csv")["outlet"])
    notices = [w.value for w in shared.sidebar.warning]
    assert len(everything) == 5 and shared.multiselect(key="f_outlets").value == everything
    assert any("'Renamed Outlet'" in n and "showing every outlet" in n for n in notices)
    assert "5 of 5 articles" in shared.caption[0].value


def test_a_3000_character_value_in_a_link_is_shown_shortened(downloads):
    long_value = "Renamed Outlet " * 200  # 3,000 characters
    others = [f"Gone {i}" for i in range(6)]
    shared = open_page("overview", {"outlet": [long_value, *others], "lang": ["x" * 3000]})
    notices = [w.value for w in shared.sidebar.warning]
    assert len(notices) == 2 and all(len(n) < 250 for n in notices)
    assert "('Renamed Outlet Renamed Outlet Renamed O…', 'Gone 0'" in notices[0]  # 40 characters
    assert "and 4 more" in notices[0]  # three values shown, the rest counted
    assert shared.multiselect(key="f_outlets").value == sorted(
        csv(downloads, "articles_per_outlet.csv")["outlet"]
    )


def test_the_report_button_gives_the_report_of_the_current_filters(downloads):
    app = open_page("overview")
    outlet = sorted(csv(downloads, "articles_per_outlet.csv")["outlet"])[0]
    open_page("figures", {"outlet": [outlet]})
    report = downloads["coverage-report.html"]().decode()
    assert report.count('<div class="summary"') == 1 and f"<h3>{outlet}</h3>" in report
    assert "1 of the 5 articles loaded" in report
    assert app.sidebar.get("download_button")  # offered on every page, in the sidebar
