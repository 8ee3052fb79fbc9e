"""Every page fits a phone (390 px wide): no sideways scroll of the page itself; wide tables
scroll inside their own box, with the first column kept in view; axe finds nothing at that
width either (the layout changes, so the 1 280 px run does not speak for it)."""

import pytest

from .helpers import axe_violations
from .test_foundation_flows import MAIN_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
EXTRA_PAGES = [
    ("import", "/meetings/import/"),
    ("importhistorik", "/meetings/import/history/"),
    ("kalender", "/service-windows/calendar/"),
    ("karta", "/map/"),
    ("nasta-mote", "/meetings/next/"),
    ("protokollutkast", "/meetings/draft/"),
    ("min-region-jonkoping", "/min-region/jonkoping/"),
    ("utskick", "/meetings/notices/"),
    ("byt-losenord", "/accounts/password/"),
    ("ny-fraga", "/meetings/2022-06-01/questions/new/"),
]


def test_every_page_fits_a_phone_and_is_axe_clean(
    page, live_server, login, importer_user, seed_meeting, screenshot
):
    # The importer is Inera staff too: every page staff see, and the import pages (as plain
    # staff, those were the 403 page).
    login("importer", "pw-importer")
    page.set_viewport_size(PHONE)
    too_wide, axe_findings = {}, {}
    for name, path in MAIN_PAGES + EXTRA_PAGES:
        assert page.goto(f"{live_server.url}{path}").ok, path
        page.wait_for_load_state("networkidle")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            culprits = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(el => el.tagName + '.' + el.className)"""
            )
            too_wide[path] = (widths, culprits)
        violations, report = axe_violations(page)
        if violations:
            axe_findings[path] = report
        if name in ("oversikt", "intygsstatistik"):
            screenshot(f"mobil-{name}")
    assert too_wide == {}
    assert axe_findings == {}, "\n\n".join(f"{p}:\n{r}" for p, r in axe_findings.items())


def test_charts_reflow_on_a_phone(page, live_server, login, staff_user, seed_meeting):
    login("anna", "pw-anna")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/statistics/")
    page.wait_for_load_state("networkidle")
    layouts = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(el => ({
            legend: el._fullLayout.legend ? el._fullLayout.legend.orientation : null,
            width: el.getBoundingClientRect().right,
            title: el.layout.title && el.layout.title.text || ''}))"""
    )
    assert layouts
    for layout in layouts:
        assert layout["width"] <= PHONE["width"]
        assert layout["legend"] in (None, "h")  # below the plot, not beside it
        assert all(len(line) <= 40 for line in layout["title"].split("<br>"))
