"""The figures are built as plain JSON (webcert_forum.core.charts), not through plotly.py's
graph objects, so that a page does not pay for plotly.py's validation. Here, once, plotly.py
validates every figure the pages send: each property exists, each value is one plotly.js
accepts, and plotly.py would have written the very same JSON."""

import datetime as dt
import json

import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots

from releases.charts import timeline_figure
from releases.models import TimelineEntry
from tests.service_windows.conftest import days_from_today, make_window
from tests.statistics.conftest import add_history
from webcert_forum.core.charts import subplot_grid

from .test_bundle import CHART_PAGES, FIGURE


def as_plotly_writes_it(payload):
    """The payload through plotly.py: raises on an unknown property or a bad value."""
    validated = json.loads(go.Figure(payload).to_json())
    validated.pop("config", None)
    return validated


def assert_plotly_js_reads(payload, name):
    # Through JSON first, as the page sends it (tuples become lists, and so on).
    sent = json.loads(json.dumps(payload))
    assert as_plotly_writes_it(sent) == sent, name
    assert all("type" in trace for trace in sent["data"]), name


@pytest.mark.django_db
def test_every_figure_on_the_chart_pages_is_what_plotly_py_would_write(
    client, staff_user, seed_meeting
):
    add_history(30, organisation_keys=["skane", "halland"])
    make_window("jonkoping", days_from_today(3))
    make_window("halland", days_from_today(40), note="Uppgradering")
    client.force_login(staff_user)
    seen = set()
    for path in [*CHART_PAGES, "/statistics/?month_from=2020-01&organisation=skane"]:
        html = client.get(path).content.decode()
        for chart_id, text in FIGURE.findall(html):
            assert_plotly_js_reads(json.loads(text), f"{path} {chart_id}")
            seen.add(chart_id)
    assert {
        "fig-slide",
        "fig-type-series",
        "fig-type-shares",
        "fig-organisation-series",
        "fig-standalone-share",
        "fig-type-mix",
        "fig-connections",
        "fig-service-windows",
        "fig-attendance",
        "fig-organisation-statistics",
        "fig-signing-progress",
        "fig-signing-meetings",
    } <= seen, seen


@pytest.mark.parametrize("today", [dt.date(2022, 9, 1), dt.date(2026, 12, 2)])
def test_the_release_timeline_is_what_plotly_py_would_write(today):
    entries = [
        TimelineEntry(when=dt.date(2022, 12, 1), label="2022-2", text="Ny inloggning"),
        TimelineEntry(when=dt.date(2023, 3, 1), label="Mars", text="IE11 " * 30),
    ]
    assert_plotly_js_reads(timeline_figure(entries, today), f"timeline {today}")


@pytest.mark.parametrize("rows", [1, 2, 3, 4])
def test_the_small_multiples_grid_is_plotly_py_make_subplots(rows):
    titles = [f"FK{n}" for n in range(rows * 3 - 1)]  # the last cell may stay empty
    spacing = {"horizontal_spacing": 0.08, "vertical_spacing": 0.5 / rows}
    expected = make_subplots(
        rows=rows, cols=3, subplot_titles=titles, shared_xaxes="all", **spacing
    ).to_plotly_json()["layout"]
    expected.pop("template")
    layout, cells = subplot_grid(rows, 3, titles, **spacing)
    assert layout == json.loads(json.dumps(expected))
    assert cells[0] == ("x", "y") and cells[-1] == (f"x{rows * 3}", f"y{rows * 3}")
