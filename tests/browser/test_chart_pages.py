"""Every page with charts draws them in a real browser, without console errors."""

import pytest
from playwright.sync_api import expect

from .helpers import upcoming_window

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHART_PAGES = [
    ("intygsstatistik", "/statistics/"),
    ("statistikdiagram", "/statistics/diagram/?organisation=skane&organisation=halland"),
    ("servicefonster", "/service-windows/"),
    ("releaser", "/releases/"),
    ("signering", "/signing/"),
    ("regioner", "/regions/"),
    ("region-skane", "/regions/skane/"),
    ("narvaro", "/meetings/attendance/"),
]
DOCS_SCREENSHOTS = {"servicefonster"}
# The README's statistics picture: a few regions over two months, scrolled to the charts.
STATISTICS_EXAMPLE = (
    "/statistics/?month_from=2022-04&month_to=2022-05&channel=all"
    "&organisation=dalarna&organisation=halland&organisation=jonkoping"
    "&organisation=skane&organisation=uppsala"
)


def test_every_chart_page_draws_its_plotly_figures(
    page, live_server, login, staff_user, seed_meeting, console_errors, screenshot
):
    from releases.models import TimelineEntry

    # The seed's windows are long past (the timeline shows only the coming months), and
    # the June 2022 deck announces no future changes.
    for key, days_ahead, length in [("jonkoping", 12, 2), ("halland", 25, 1), ("skane", 40, 3)]:
        upcoming_window(key, days_ahead, length)
    TimelineEntry.objects.create(
        meeting=seed_meeting, when="2022-09-01", label="Hösten 2022", text="Ny underskriftslösning"
    )
    login("anna", "pw-anna")
    drawn = {}
    for name, path in CHART_PAGES:
        page.goto(f"{live_server.url}{path}")
        charts = page.locator(".chart")
        expect(charts.first).to_be_attached()
        for index in range(charts.count()):
            # Plotly's svg.main-svg exists only once the figure is drawn.
            expect(charts.nth(index).locator("svg.main-svg").first).to_be_attached()
        drawn[path] = charts.count()
        if name in DOCS_SCREENSHOTS:
            page.wait_for_load_state("networkidle")
            screenshot(name, docs=True)
    page.goto(f"{live_server.url}{STATISTICS_EXAMPLE}")
    expect(page.locator(".chart svg.main-svg").first).to_be_attached()
    page.wait_for_load_state("networkidle")
    page.locator("#charts-heading").evaluate("heading => heading.scrollIntoView()")
    screenshot("intygsstatistik-diagram", docs=True)
    assert all(drawn.values()), drawn
    assert drawn["/statistics/"] >= 4
    assert console_errors == []
