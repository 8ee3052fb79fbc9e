"""The charts on /statistics/: the filtered data is what they draw, with what a reader needs."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse

from webcert_forum.core.charts import PALETTE

from .conftest import add_history

pytestmark = pytest.mark.django_db

URL = reverse("statistics:dashboard")


def figures(client, user, **params):
    client.force_login(user)
    html = client.get(URL, params).content.decode()
    found = re.findall(
        r'<script id="(fig-[\w-]+)" type="application/json">(.*?)</script>', html, re.S
    )
    return html, {chart_id: json.loads(text) for chart_id, text in found}


def trace(figure, name):
    return next(t for t in figure["data"] if t["name"] == name)


def test_the_slide_chart_draws_the_filtered_month(client, staff_user, seed_meeting):
    _, figs = figures(client, staff_user, organisation=["skane", "gavleborg"])
    slide = figs["fig-slide"]
    fk7804 = trace(slide, "FK7804")
    assert dict(zip(fk7804["x"], fk7804["y"], strict=True)) == {
        "Region Gävleborg": 1778,
        "Region Skåne": 19949,
    }
    assert slide["layout"]["barmode"] == "stack"
    assert "maj 2022" in slide["layout"]["title"]["text"]


def test_every_chart_has_title_axes_with_units_hover_and_safe_colours(
    client, staff_user, seed_meeting
):
    html, figs = figures(client, staff_user, organisation="skane", month_from="2022-04")
    assert set(figs) == {
        "fig-slide",
        "fig-type-series",
        "fig-organisation-series",
        "fig-standalone-share",
        "fig-type-mix",
    }
    for chart_id, figure in figs.items():
        layout = figure["layout"]
        assert layout["title"]["text"], chart_id
        assert layout["xaxis"]["title"]["text"], chart_id
        unit = layout["yaxis"]["title"]["text"]
        assert "intyg" in unit or "%" in unit, chart_id
        for t in figure["data"]:
            assert t["hovertemplate"], chart_id
            colour = t.get("marker", {}).get("color") or t.get("line", {}).get("color")
            assert colour in PALETTE, chart_id
        # The text alternative: the chart's data as a table, in a keyboard-reachable <details>.
        block = html[html.index(f'data-figure="{chart_id}"') :]
        assert block.index("<details") < block.index("</figure>")
        assert block.index("<table") < block.index("</figure>")


def test_series_are_monthly_with_swedish_month_names(client, staff_user, seed_meeting):
    _, figs = figures(client, staff_user, organisation="skane", month_from="2022-04")
    series = figs["fig-type-series"]
    assert trace(series, "FK7804")["x"] == ["april 2022", "maj 2022"]
    skane = trace(figs["fig-organisation-series"], "Region Skåne")
    assert skane["y"] == [21289, 22631]


def test_one_month_shows_the_two_years_up_to_it_in_the_series(client, staff_user, seed_meeting):
    add_history(3, organisation_keys=["skane"])
    _, figs = figures(client, staff_user, organisation="skane")
    months = trace(figs["fig-type-series"], "FK7804")["x"]
    assert months == ["januari 2022", "februari 2022", "mars 2022", "april 2022", "maj 2022"]
    add_history(30, before=dt.date(2022, 1, 1), organisation_keys=["skane"])
    _, figs = figures(client, staff_user, organisation="skane")
    series = figs["fig-type-series"]
    months = trace(series, "FK7804")["x"]
    assert (len(months), months[0], months[-1]) == (24, "juni 2020", "maj 2022")
    assert "juni 2020 – maj 2022" in series["layout"]["title"]["text"]


def test_standalone_share_and_type_mix(client, staff_user, seed_meeting):
    _, figs = figures(client, staff_user, month_to="2022-04", organisation="gavleborg")
    share = figs["fig-standalone-share"]["data"][0]
    assert share["x"] == ["Region Gävleborg"]
    assert share["y"] == [round(100 * 154 / 1923, 1)]
    mix = figs["fig-type-mix"]
    total = sum(t["y"][0] for t in mix["data"])
    assert abs(total - 100) < 0.5
    assert figs["fig-type-mix"]["layout"]["yaxis"]["range"] == [0, 100]


def test_ten_years_of_history_stay_under_300_kb_of_figures(client, staff_user, seed_meeting):
    add_history(120)
    html, figs = figures(
        client,
        staff_user,
        month_from="2012-04",
        organisation=["skane", "gavleborg", "halland", "jonkoping", "kalmar"],
    )
    assert len(trace(figs["fig-type-series"], "FK7804")["x"]) == 122
    payload = sum(
        len(m)
        for m in re.findall(
            r'<script id="fig-[\w-]+" type="application/json">.*?</script>', html, re.S
        )
    )
    assert payload < 300_000


def test_plotly_is_included_once_and_no_inline_script(client, staff_user, seed_meeting):
    html, _ = figures(client, staff_user)
    assert html.count("vendor/plotly.min.js") == 1
    scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
    assert scripts == []
