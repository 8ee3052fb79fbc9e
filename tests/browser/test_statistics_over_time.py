"""The statistics over time in a real browser: date axes with gaps, legends that fit, the wide
table's fixed column, the organisation's trend and the map of Sweden; no console errors, axe
clean."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from .helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Per chart: its x axis type, whether its legend scrolls, and where legend and plot lie.
CHART_GEOMETRY = """
() => Array.from(document.querySelectorAll('.chart')).map(el => {
  const box = el.getBoundingClientRect();
  const plot = el.querySelector('.nsewdrag').getBoundingClientRect();
  const legend = el.querySelector('.legend');
  const scrollbar = legend && legend.querySelector('.scrollbar');
  const shown = legend && legend.getBoundingClientRect();
  return {
    id: el.dataset.figure,
    xType: el._fullLayout.xaxis.type,
    scrolls: !!scrollbar && Number(scrollbar.getAttribute('height')) > 0,
    legend: shown && {top: shown.top, bottom: shown.bottom, left: shown.left, right: shown.right},
    plot: {top: plot.top, bottom: plot.bottom, left: plot.left, right: plot.right},
    box: {top: box.top, bottom: box.bottom, left: box.left, right: box.right},
  };
})
"""


def add_gap_history():
    from tests.statistics.conftest import add_history

    # Three months up to January 2022, none in February and March, then the seed's months.
    add_history(3, before=dt.date(2022, 2, 1), organisation_keys=["skane", "halland", "dalarna"])


def chart_geometry(page):
    charts = page.locator(".chart")
    expect(charts.first).to_be_attached()
    for index in range(charts.count()):
        expect(charts.nth(index).locator("svg.main-svg").first).to_be_attached()
    return page.evaluate(CHART_GEOMETRY)


def inside(inner, outer):
    return (
        inner["left"] >= outer["left"] - 1
        and inner["right"] <= outer["right"] + 1
        and inner["top"] >= outer["top"] - 1
        and inner["bottom"] <= outer["bottom"] + 1
    )


def test_statistics_charts_on_date_axes_with_legends_that_fit(
    page, live_server, login, staff_user, seed_meeting, console_errors, screenshot
):
    add_gap_history()
    login("anna", "pw-anna")
    url = (
        f"{live_server.url}/statistics/?organisation=skane&organisation=halland"
        "&organisation=dalarna"
    )
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(url)
    charts = {c["id"]: c for c in chart_geometry(page)}
    for chart_id in ("fig-type-series", "fig-type-shares", "fig-organisation-series"):
        assert charts[chart_id]["xType"] == "date", chart_id
    for chart in charts.values():
        if chart["legend"]:
            assert not chart["scrolls"], chart["id"]
            assert inside(chart["legend"], chart["box"]), chart["id"]
            # Beside the plot on a wide screen.
            assert chart["legend"]["left"] >= chart["plot"]["right"], chart["id"]
    violations, report = axe_violations(page)
    assert violations == [], report
    screenshot("intygsstatistik-over-tid")

    page.set_viewport_size({"width": 400, "height": 900})
    page.goto(url)
    for chart in chart_geometry(page):
        if chart["legend"]:
            assert not chart["scrolls"], chart["id"]
            assert inside(chart["legend"], chart["box"]), chart["id"]
            # Below the plot on a narrow screen.
            assert chart["legend"]["top"] >= chart["plot"]["bottom"], chart["id"]
    screenshot("intygsstatistik-smal")
    assert console_errors == []


def test_the_minutes_table_fits_1440_px_and_keeps_the_organisation_column(
    page, live_server, login, staff_user, seed_meeting, console_errors
):
    login("anna", "pw-anna")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server.url}/statistics/")
    wrap = page.locator(".table-wrap:has(#minutes-table)")
    box = wrap.bounding_box()
    for header in ("Beräknad", "Protokollet", "Avvikelse"):
        cell = wrap.locator("thead th", has_text=header).bounding_box()
        assert cell["x"] + cell["width"] <= box["x"] + box["width"] + 1, header
    assert page.evaluate("document.documentElement.scrollWidth") <= 1440
    # Narrower, the table scrolls in its own box and the organisation column stays put.
    page.set_viewport_size({"width": 800, "height": 900})
    first_cell = wrap.locator("tbody tr").first.locator("td").first
    left = first_cell.bounding_box()["x"]
    wrap.evaluate("box => { box.scrollLeft = 400; }")
    assert wrap.evaluate("box => box.scrollLeft") > 0
    assert abs(first_cell.bounding_box()["x"] - left) < 1
    assert console_errors == []


def test_the_organisation_trend_marks_the_meetings(
    page, live_server, login, staff_user, seed_meeting, console_errors
):
    add_gap_history()
    login("anna", "pw-anna")
    page.goto(f"{live_server.url}/regions/skane/")
    chart = page.locator('[data-figure="fig-organisation-statistics"]')
    expect(chart.locator("svg.main-svg").first).to_be_attached()
    assert chart.evaluate("el => el._fullLayout.xaxis.type") == "date"
    names = chart.evaluate("el => el.data.map(t => t.name)")
    assert "Forummöte" in names
    assert chart.evaluate("el => el._fullLayout.shapes.length") == 1
    violations, report = axe_violations(page)
    assert violations == [], report
    assert console_errors == []


def test_the_map_draws_every_county_links_them_and_is_accessible(
    page, live_server, login, staff_user, seed_meeting, console_errors, screenshot
):
    login("anna", "pw-anna")
    page.goto(f"{live_server.url}/map/")
    counties = page.locator(".sweden-map__county")
    expect(counties).to_have_count(21)
    # Every county is painted, and each drawn shape has a size.
    sizes = counties.evaluate_all("paths => paths.map(p => p.getBBox().width * p.getBBox().height)")
    assert all(size > 0 for size in sizes)
    violations, report = axe_violations(page)
    assert violations == [], report
    screenshot("karta", docs=True)
    page.get_by_label("Mått", exact=True).select_option("signing")
    page.get_by_role("button", name="Visa").click()
    expect(page.get_by_role("heading", name="Ny signeringslösning i produktion")).to_be_visible()
    stockholm = page.locator("#county-stockholm")
    assert stockholm.get_attribute("fill") == page.locator("#county-gotland").get_attribute("fill")
    page.locator("a:has(#county-skane)").click()
    expect(page).to_have_url(f"{live_server.url}/regions/skane/")
    assert console_errors == []
