"""The charts of /statistics/ (loaded from /statistics/diagram/ with the same filter): the
filtered data is what they draw, with what a reader needs."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse

from webcert_forum.core.charts import PALETTE

from .conftest import add_history

pytestmark = pytest.mark.django_db

URL = reverse("statistics:charts")


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
        "fig-type-shares",
        "fig-organisation-series",
        "fig-standalone-share",
        "fig-type-mix",
    }
    for chart_id, figure in figs.items():
        layout = figure["layout"]
        assert layout["title"]["text"], chart_id
        if chart_id == "fig-type-series":
            # Small multiples: each chart is titled by its type, the page's title names the unit.
            titles = {a["text"] for a in layout["annotations"]}
            assert {t["name"] for t in figure["data"]} <= titles
            assert "intyg per månad" in layout["title"]["text"]
        else:
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


def date_axes(layout):
    return [value for key, value in layout.items() if key.startswith("xaxis")]


def test_series_are_on_a_date_axis_with_swedish_month_labels(client, staff_user, seed_meeting):
    _, figs = figures(client, staff_user, organisation="skane", month_from="2022-04")
    for chart_id in ("fig-type-series", "fig-type-shares", "fig-organisation-series"):
        axes = date_axes(figs[chart_id]["layout"])
        assert axes and all(axis["type"] == "date" for axis in axes), chart_id
        assert all(axis["tickformat"] == "%b %Y" for axis in axes), chart_id
    assert trace(figs["fig-type-series"], "FK7804")["x"] == ["2022-04-01", "2022-05-01"]
    skane = trace(figs["fig-organisation-series"], "Region Skåne")
    assert skane["y"] == [21289, 22631]
    assert "april 2022 – maj 2022" in figs["fig-organisation-series"]["layout"]["title"]["text"]


def test_a_month_without_data_is_a_gap_and_titles_name_the_months_with_data(
    client, staff_user, seed_meeting
):
    # Three months up to January 2022, then none until April 2022: February and March are
    # missing. The default series window (24 months) starts long before the first month.
    add_history(3, before=dt.date(2022, 2, 1), organisation_keys=["skane"])
    _, figs = figures(client, staff_user, organisation="skane")
    fk7804 = trace(figs["fig-type-series"], "FK7804")
    assert fk7804["x"] == [
        f"{m}-01"
        for m in ["2021-11", "2021-12", "2022-01", "2022-02", "2022-03", "2022-04", "2022-05"]
    ]
    assert fk7804["y"][3:5] == [None, None]
    assert fk7804["connectgaps"] is False
    title = figs["fig-type-series"]["layout"]["title"]["text"]
    assert "november 2021 – maj 2022, 5 av 7 månader har data" in title
    # The text alternative lists the months with data only.
    html, _ = figures(client, staff_user, organisation="skane")
    table = html[html.index('data-figure="fig-type-series"') :]
    table = table[: table.index("</table>")]
    assert "november 2021" in table and "februari 2022" not in table


def test_one_month_shows_the_two_years_up_to_it_in_the_series(client, staff_user, seed_meeting):
    add_history(30, before=dt.date(2022, 1, 1), organisation_keys=["skane"])
    add_history(3, organisation_keys=["skane"])
    _, figs = figures(client, staff_user, organisation="skane")
    series = figs["fig-type-series"]
    months = trace(series, "FK7804")["x"]
    assert (len(months), months[0], months[-1]) == (24, "2020-06-01", "2022-05-01")
    assert "juni 2020 – maj 2022" in series["layout"]["title"]["text"]


def test_types_get_small_multiples_with_their_own_scale_and_shares(
    client, staff_user, seed_meeting
):
    _, figs = figures(client, staff_user, month_from="2022-04")
    layout = figs["fig-type-series"]["layout"]
    y_axes = [value for key, value in layout.items() if key.startswith("yaxis")]
    assert len(y_axes) >= len(figs["fig-type-series"]["data"]) > 5
    # Own scales: no y axis follows another.
    assert not any("matches" in axis for axis in y_axes)
    shares = figs["fig-type-shares"]
    april = [t["y"][0] for t in shares["data"]]
    assert abs(sum(april) - 100) < 0.5
    fk7804 = trace(shares, "FK7804")
    assert fk7804["y"][1] == round(100 * 176276 / 198592, 1)
    assert fk7804["customdata"][1] == 176276


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
    charts_page, _ = figures(client, staff_user)
    # The dashboard draws the charts it loads: the same scripts, once.
    dashboard = client.get(reverse("statistics:dashboard")).content.decode()
    for html in (charts_page, dashboard):
        assert html.count("vendor/plotly-cartesian.min.js") == 1
        scripts = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
        assert scripts == []
